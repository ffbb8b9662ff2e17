/**
 * Facts from the record and the shape of the talk (synthetic consultations): the age in the opening line, labels
 * answered "none", swapped speaker labels, normal findings under a label, double negation of a loss, list negations
 * up to their predicate, topic frames and presupposed conditions, avoidance in other words, hyphenated durations,
 * a statement's own values, advice just before a window, and the value nearest the clause's words.
 */
import { describe, expect, it } from 'vitest';
import type { Language, VerificationReport } from '@kollega/domain';
import { extractQuantities } from './quantities';
import { lexiconFor } from './text-analysis';
import { correctedRoles, indexTranscript } from './transcript-index';
import { check, flagged, transcriptOf, verify as verifyLines } from './verifier-test-kit';

const verify = (lines: readonly string[], noteText: string, language: Language = 'en'): VerificationReport =>
  verifyLines(lines, noteText, language);

const ANKLE = [
  'D: Good morning, what brings you in today?',
  'P: I twisted my left ankle playing football on Saturday.',
  'D: Any numbness or tingling in the foot?',
  'P: No.',
  'D: On exam there is swelling over the lateral left ankle and tenderness behind the fibula.',
  'D: I think this is a sprain, so rest, ice and ibuprofen for a week.',
];

describe('verifyNote: the age in the opening line', () => {
  it('an age not said is flagged to confirm against the record; another age said contradicts it; the same age agrees', () => {
    const unsaid = verify(
      ANKLE,
      'HISTORY OF PRESENT ILLNESS\nJohn Smith is a pleasant 52-year-old male who presents with left ankle pain.',
    );
    expect(
      check(unsaid, 'John Smith is a pleasant 52-year-old male who presents with left ankle pain.').support,
    ).toBe('unsupported');
    const said = verify(
      [...ANKLE, 'P: Not bad for someone who just turned forty seven.'],
      'HISTORY OF PRESENT ILLNESS\nJohn Smith is a pleasant 52-year-old male who presents with left ankle pain.\nJohn Smith is a 47 y.o. male who presents with left ankle pain.',
    );
    expect(
      check(said, 'John Smith is a pleasant 52-year-old male who presents with left ankle pain.').support,
    ).toBe('contradicted');
    expect(flagged(check(said, 'John Smith is a 47 y.o. male who presents with left ankle pain.'))).toBe(
      false,
    );
  });

  it('a negated age and an age at an event are not header facts', () => {
    const report = verify(
      ANKLE,
      'HISTORY OF PRESENT ILLNESS\nJohn Smith is not a 52-year-old male.\nHe first sprained the ankle at 12 years old.',
    );
    expect(flagged(check(report, 'John Smith is not a 52-year-old male.'))).toBe(true);
    expect(flagged(check(report, 'He first sprained the ankle at 12 years old.'))).toBe(true);
  });

  it('a spoken compound with "one" is one number ("sixty one years old")', () => {
    expect(extractQuantities('i am sixty one years old', 'en').map((quantity) => quantity.value)).toEqual([
      61,
    ]);
  });
});

describe('verifyNote: a label answered "none"', () => {
  it('"Alcohol use: none" is the denial the patient gave to a question listing it', () => {
    const lines = [
      ...ANKLE,
      'D: Do you drink any alcohol, smoke, or use recreational drugs?',
      'P: Nope, none of those.',
    ];
    const report = verify(lines, 'SOCIAL HISTORY\nAlcohol use: None.\nRecreational drugs: None.');
    expect(flagged(check(report, 'Alcohol use: None.'))).toBe(false);
    expect(flagged(check(report, 'Recreational drugs: None.'))).toBe(false);
  });
});

describe('verifyNote: speaker labels the wrong way round', () => {
  const swapped = [
    'P: Hi there, what brings you in today?',
    'D: My stomach has been hurting for a week and I have diarrhea.',
    'P: Do you have any fever? Have you noticed blood in the stool?',
    'D: No fever, no blood.',
    'P: Are you taking any medication? How often do you eat out?',
    'D: Just vitamins. Maybe twice a week.',
    'P: Let me examine your belly. Does it hurt when I press here? Do you feel sick?',
    'D: A little there.',
    'P: Your exam shows mild tenderness. I would like to order some blood work. Any questions, do you have any?',
  ];

  it('are swapped when the one labelled patient asks and examines throughout', () => {
    const roles = correctedRoles(transcriptOf(swapped));
    expect(roles[0]).toBe('lege');
    expect(roles[1]).toBe('pasient');
    expect(correctedRoles(transcriptOf(ANKLE))).toEqual(
      transcriptOf(ANKLE).segments.map((segment) => segment.speaker),
    );
  });
});

describe('verifyNote: findings and negations', () => {
  it('"Temperature: normal" is an unsaid normal finding (inferred)', () => {
    const lines = [
      ...ANKLE,
      'D: Your x-ray looks normal and your blood work is normal too.',
      'P: Good, I just want to get back to normal.',
    ];
    const report = verify(lines, 'PHYSICAL EXAM\nTemperature: Normal.');
    expect(check(report, 'Temperature: Normal.').support).toBe('inferred');
  });

  it('"no decreased range of motion" supports a full range of motion', () => {
    const lines = [...ANKLE, 'D: Your knee has no decreased range of motion and no effusion.'];
    const report = verify(
      lines,
      'PHYSICAL EXAM\nKnee: Full range of motion.\nKnee: Decreased range of motion.',
    );
    expect(flagged(check(report, 'Knee: Full range of motion.'))).toBe(false);
    expect(flagged(check(report, 'Knee: Decreased range of motion.'))).toBe(true);
  });

  it('a list negation reaches its items before the predicate ("No murmurs, gallops or rubs heard …")', () => {
    const lines = [...ANKLE, "D: Listening to your heart i don't appreciate any murmur, no rub, no gallop."];
    const report = verify(
      lines,
      'PHYSICAL EXAM\nNo murmurs, gallops or rubs heard during auscultation of the heart.',
    );
    expect(
      flagged(check(report, 'No murmurs, gallops or rubs heard during auscultation of the heart.')),
    ).toBe(false);
  });

  it('avoidance said in other words ("hold off on", "don\'t even try to") agrees with "avoid"', () => {
    const lines = [
      ...ANKLE,
      "P: I have trouble when I am trying to run for the bus, and I don't even try to run on the field anymore.",
      'D: Please hold off for the next couple of weeks on any football.',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe avoids running on the field because of the pain.\nPLAN\nHe should avoid playing any football for the next couple of weeks.',
    );
    expect(flagged(check(report, 'He avoids running on the field because of the pain.'))).toBe(false);
    expect(flagged(check(report, 'He should avoid playing any football for the next couple of weeks.'))).toBe(
      false,
    );
  });

  it('advice just before a window of a long turn is still advice ("what i want you to watch for | is …")', () => {
    // 32 words up to "watch for", so that a window of the unpunctuated turn starts right after the cue.
    const lead =
      'we talked about the ankle and the swelling and the plan for ice and rest and the follow up visit next week with the physio what i want you to watch for';
    const long = `D: ${lead} is numbness in the toes or the toes turning blue and cold and then you come straight back here okay`;
    const index = indexTranscript(transcriptOf([...ANKLE, long]), lexiconFor('en'));
    const window = index.units.find((unit) => unit.text.startsWith('is numbness'));
    expect(window?.hypothetical).toBe(true);
    expect(index.units.find((unit) => unit.text.startsWith('On exam'))?.hypothetical).toBe(false);
  });
});

describe('verifyNote: who said it', () => {
  const lines = [
    ...ANKLE,
    'D: Are you checking it at home?',
    'P: Yes, my pressure runs about one twenty over seventy.',
    'D: For your diabetes, I want you to keep taking the metformin twice a day.',
    'P: Okay.',
    'D: For the hypertension I want to continue the lisinopril.',
  ];

  it('a topic frame ("Regarding her hypertension, …") and a condition the doctor names as the patient\'s ("for your diabetes, keep taking …") are not suggestions', () => {
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nRegarding his hypertension, he checks his blood pressure at home and it is about 120/70.\nHe has a history of diabetes.',
    );
    expect(
      flagged(
        check(
          report,
          'Regarding his hypertension, he checks his blood pressure at home and it is about 120/70.',
        ),
      ),
    ).toBe(false);
    expect(flagged(check(report, 'He has a history of diabetes.'))).toBe(false);
  });
});

describe('verifyNote: questions without a question mark', () => {
  it('"okay how long has it been going on" is a question (speech recognition drops the "?")', () => {
    const index = indexTranscript(
      transcriptOf([...ANKLE, 'D: okay how long has it been going on', 'P: About two weeks.']),
      lexiconFor('en'),
    );
    expect(index.units.find((unit) => unit.text.startsWith('okay how long'))?.isQuestion).toBe(true);
  });
});

describe('verifyNote: values', () => {
  it('a hyphenated duration is a duration ("a 2-week vacation")', () => {
    expect(extractQuantities('a 2-week vacation', 'en')[0]?.family).toBe('time');
    const lines = [
      ...ANKLE,
      'P: Can I still go on my vacation in a month',
      'D: Okay how long is the vacation',
      'P: Only a couple of weeks.',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe has a 2-week vacation planned in 1 month.\nHe has a 6-week vacation planned in 1 month.',
    );
    expect(flagged(check(report, 'He has a 2-week vacation planned in 1 month.'))).toBe(false);
    expect(flagged(check(report, 'He has a 6-week vacation planned in 1 month.'))).toBe(true);
  });
});
