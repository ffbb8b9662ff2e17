/**
 * Clause polarity rules of the verifier (synthetic consultations): the same words said with the opposite
 * polarity, the polarity inside a condition, uncertainty is not denial, and a month and year from the record.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: the same words with the opposite polarity', () => {
  const lines = [
    'D: What brings you in today?',
    'P: I hurt my lower back last weekend when I was lifting heavy boxes in the garage.',
    'D: Any other health problems?',
    'P: Last spring I was diagnosed with gout in my big toe by my doctor.',
    'D: Okay, let me examine you.',
  ];

  it('en: a denial of what the transcript asserts about a relative ("denies his father has kidney stones")', () => {
    const family = [
      'D: So the pain in your right flank started yesterday, and you have had some nausea with it?',
      'P: Yes, the pain came on suddenly and it is really bad, I threw up once.',
      'D: Does anyone in your family have kidney stones?',
      'P: Yes, my father had kidney stones twice when he was younger.',
    ];
    const report = verify(
      family,
      'HISTORY OF PRESENT ILLNESS\nPatient denies his father has a history of kidney stones.\nPatient reports his father has a history of kidney stones.',
      'en',
    );
    expect(check(report, 'Patient denies his father has a history of kidney stones.').support).toBe(
      'contradicted',
    );
    expect(flagged(check(report, 'Patient reports his father has a history of kidney stones.'))).toBe(false);
  });

  it('en: "denies that …" denies the whole complement', () => {
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe denies that he was lifting heavy boxes in the garage.\nHe reports that he was lifting heavy boxes in the garage.',
      'en',
    );
    expect(check(report, 'He denies that he was lifting heavy boxes in the garage.').support).toBe(
      'contradicted',
    );
    expect(flagged(check(report, 'He reports that he was lifting heavy boxes in the garage.'))).toBe(false);
  });

  it('en: uncertainty is not a denial ("not sure if" against "I don\'t know if")', () => {
    const uncertain = [
      'D: Where do you think the rash came from?',
      "P: I don't know if it came from the new washing powder or from the cat.",
    ];
    const report = verify(
      uncertain,
      'HISTORY OF PRESENT ILLNESS\nShe is not sure if the rash came from the new washing powder or from the cat.',
      'en',
    );
    expect(
      check(report, 'She is not sure if the rash came from the new washing powder or from the cat.').support,
    ).not.toBe('contradicted');
  });
});

describe('verifyNote: the polarity inside a condition', () => {
  it('en: "if it does improve" against "if it does not improve"', () => {
    const lines = [
      'D: Your ankle is swollen and the pain is worse after the fall, so keep it raised and use ice on it.',
      "D: If the swelling doesn't improve in a week, give us a call.",
      'P: I will do that, thank you.',
    ];
    const report = verify(
      lines,
      'PLAN\nIf the swelling does not improve in a week, she will call.\nIf the swelling improves in a week, she will call.',
      'en',
    );
    expect(flagged(check(report, 'If the swelling does not improve in a week, she will call.'))).toBe(false);
    expect(check(report, 'If the swelling improves in a week, she will call.').support).toBe('contradicted');
  });

  it('nb: "hvis det går over" against "hvis det ikke går over"', () => {
    const lines = [
      'L: Du har en halsbetennelse og får en kur med penicillin i ti dager.',
      'L: Hvis halsvondt ikke går over på en uke, ringer du meg.',
      'P: Ja, det skal jeg gjøre.',
    ];
    const report = verify(
      lines,
      'Tiltak: Ringer hvis halsvondt ikke går over på en uke.\nRinger hvis halsvondt går over på en uke.',
      'nb',
    );
    expect(flagged(check(report, 'Ringer hvis halsvondt ikke går over på en uke.'))).toBe(false);
    expect(check(report, 'Ringer hvis halsvondt går over på en uke.').support).toBe('contradicted');
  });
});

describe('verifyNote: record dates', () => {
  it('a month and year from the record ("in 12/2019") is not flagged when unsaid', () => {
    const lines = [
      'D: How is your anemia doing, and how is the fatigue?',
      'P: I still feel tired most days, and I take the iron tablets every day like you said.',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe was diagnosed with anemia in 12/2019 and takes iron tablets.',
      'en',
    );
    expect(flagged(check(report, 'She was diagnosed with anemia in 12/2019 and takes iron tablets.'))).toBe(
      false,
    );
  });
});
