/**
 * Polarity, scope and documentation rules of the verifier (synthetic consultations): contractions and "avoid" as
 * negation, "any" in questions, hesitations inside a negation, list negation that stops at a new clause, negated
 * existence predicates, antonym prefixes, history questions, consultation-process statements, record dates,
 * one-sided consultations and the diabetes type default.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: English negation forms', () => {
  const lines = [
    'D: So what brings you in?',
    "P: When I climb stairs I can't catch my breath and I get lightheaded.",
    "P: I haven't had a home cooked meal in weeks because of work travel.",
    'D: Okay. Do you eat late in the evening?',
    'P: No, I never eat after dinner.',
    'D: Let me examine your chest. Your lungs are clear.',
  ];

  it('a contraction written whole ("can\'t", "haven\'t") negates like "not"', () => {
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe cannot catch her breath on stairs.\nShe has not cooked a meal at home in weeks.',
      'en',
    );
    expect(flagged(check(report, 'She cannot catch her breath on stairs.'))).toBe(false);
    expect(flagged(check(report, 'She has not cooked a meal at home in weeks.'))).toBe(false);
  });

  it('"avoids" denies what it governs, so it agrees with a "no"', () => {
    const report = verify(lines, 'HISTORY OF PRESENT ILLNESS\nShe avoids eating late in the evening.', 'en');
    expect(check(report, 'She avoids eating late in the evening.').support).not.toBe('contradicted');
  });
});

describe('verifyNote: questions inside long turns', () => {
  it('en: "any" and an inverted verb in an unpunctuated turn ask, they do not assert', () => {
    const lines = [
      'D: okay so tell me about the headaches',
      'P: they started two weeks ago mostly in the morning',
      'D: okay and some people get other symptoms have you had like any body aches or chills or any changes in your vision',
      'P: no nothing like that',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nDenies body aches, chills or vision changes.', 'en');
    expect(check(report, 'Denies body aches, chills or vision changes.').support).not.toBe('contradicted');
  });

  it('en: the answer after an embedded question is the patient\'s statement ("… what have you taken i have taken …")', () => {
    const lines = [
      'D: so tell me about the pain in your side',
      'P: it started two days ago and it comes and goes',
      'D: okay and what have you taken for the pain i have taken some acetaminophen but it has not really helped okay and do you have any nausea i feel a bit sick',
      'P: okay',
    ];
    const report = verify(lines, 'HISTORY OF PRESENT ILLNESS\nPatient denies use of acetaminophen.', 'en');
    expect(check(report, 'Patient denies use of acetaminophen.').support).toBe('contradicted');
  });

  it('en: a question opening with an inverted verb is a question whoever the speaker label says', () => {
    const lines = [
      'P: but have you ever needed to receive a blood transfusion or blood products',
      'D: no never',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nPatient denies a history of blood transfusions.',
      'en',
    );
    expect(check(report, 'Patient denies a history of blood transfusions.').support).not.toBe('contradicted');
  });
});

describe('verifyNote: negation scope', () => {
  it('en: hesitations inside a negation do not end it ("there is no, uh, fracture")', () => {
    const lines = [
      'D: Let me look at the x-ray of your wrist.',
      'D: On the x-ray of the wrist there is no , uh , fracture.',
    ];
    const report = verify(lines, 'RESULTS\nX-ray of the wrist shows a fracture.', 'en');
    expect(check(report, 'X-ray of the wrist shows a fracture.').support).toBe('contradicted');
  });

  it('en: a list negation stops at a new clause ("is not walking, and is crawling")', () => {
    const lines = ['R: She is not walking yet.', 'R: But now she is crawling and she tries to take steps.'];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe is not walking, and is currently crawling and trying to take steps.',
      'en',
    );
    expect(
      check(report, 'She is not walking, and is currently crawling and trying to take steps.').support,
    ).not.toBe('contradicted');
  });

  it('en: "not present" denies the subject before it', () => {
    const lines = ['D: On the x-ray I can see a small fracture of the ulnar styloid.', 'P: I see.'];
    const report = verify(lines, 'RESULTS\nAn ulnar styloid fracture is not present.', 'en');
    expect(check(report, 'An ulnar styloid fracture is not present.').support).toBe('contradicted');
  });

  it('"with or without" is a possibility, not a negation', () => {
    const lines = [
      'D: I think the chest pain was an anxiety attack, maybe with some muscle strain on top.',
      'P: That makes sense.',
    ];
    const report = verify(lines, 'ASSESSMENT\nAnxiety with or without muscle strain.', 'en');
    expect(check(report, 'Anxiety with or without muscle strain.').support).not.toBe('contradicted');
  });

  it('an antonym prefix is not a match ("not uncommon" against "common")', () => {
    const lines = ['D: Colds in winter are very common for everyone.', 'P: I do get them every winter.'];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe gets colds every winter, which is not uncommon for him.',
      'en',
    );
    expect(check(report, 'He gets colds every winter, which is not uncommon for him.').support).not.toBe(
      'contradicted',
    );
  });

  it('nb: "uendret" does not match "endret"', () => {
    const lines = ['L: Har hodepinen endret seg?', 'P: Nei, den er lik som før.', 'L: Godt.'];
    const report = verify(lines, 'Aktuelt: Uendret hodepine.', 'nb');
    expect(check(report, 'Uendret hodepine.').support).not.toBe('contradicted');
  });

  it('a word the statement both asserts and denies is qualified by the note itself', () => {
    const lines = [
      'D: Any tingling in your feet?',
      'P: Yes, I had tingling in my toes until Sunday.',
      'D: And now?',
      'P: It went away.',
    ];
    const report = verify(
      lines,
      'REVIEW OF SYSTEMS\nEndorsed tingling in toes until Sunday, denies tingling today.',
      'en',
    );
    expect(check(report, 'Endorsed tingling in toes until Sunday, denies tingling today.').support).not.toBe(
      'contradicted',
    );
  });

  it('"lateral" is not contradicted by a finding "medial"', () => {
    const lines = [
      'D: On exam you have pain to palpation of the medial aspect of the knee.',
      'P: Yes, that hurts.',
    ];
    const report = verify(lines, 'PHYSICAL EXAM\nNo pain to palpation of the lateral aspect.', 'en');
    expect(check(report, 'No pain to palpation of the lateral aspect.').support).not.toBe('contradicted');
  });

  it('a question about the past ("ever … before") does not contradict the present complaint', () => {
    const lines = [
      'D: I see you injured your wrist. What happened?',
      'P: I slipped on the stairs.',
      'D: Have you ever injured this arm before?',
      'P: No.',
    ];
    const report = verify(lines, 'CHIEF COMPLAINT\nRight wrist injury after a fall on the stairs.', 'en');
    expect(check(report, 'Right wrist injury after a fall on the stairs.').support).not.toBe('contradicted');
  });
});

describe('verifyNote: documentation the conversation does not say', () => {
  const lines = [
    'D: Your knee looks swollen on the right.',
    'P: It has been swollen since Monday.',
    'D: We will get an x-ray of the right knee today.',
  ];

  it('statements about the visit itself are inferred', () => {
    const report = verify(
      lines,
      'PLAN\nQuestions were invited and answered today.\nThe patient understands and agrees with the plan.',
      'en',
    );
    expect(check(report, 'Questions were invited and answered today.').support).toBe('inferred');
    expect(check(report, 'The patient understands and agrees with the plan.').support).toBe('inferred');
  });

  it('a calendar date from the record is not flagged; a number that is not a date still is', () => {
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nSeen in the emergency department on 03/01/2021 for knee swelling.\nKnee swelling for 9 days.',
      'en',
    );
    expect(flagged(check(report, 'Seen in the emergency department on 03/01/2021 for knee swelling.'))).toBe(
      false,
    );
    expect(flagged(check(report, 'Knee swelling for 9 days.'))).toBe(true);
  });

  it('a consultation about one side supports that side for a related finding, never the other side', () => {
    const wrist = [
      'D: I see your right wrist is swollen after the fall.',
      'P: Yes, it hurts a lot.',
      'D: Any numbness or tingling in the fingers?',
      'P: Yes, some numbness in my fingers.',
    ];
    const report = verify(
      wrist,
      'REVIEW OF SYSTEMS\nReports numbness in the fingers of the right hand.\nReports numbness in the fingers of the left hand.',
      'en',
    );
    expect(flagged(check(report, 'Reports numbness in the fingers of the right hand.'))).toBe(false);
    expect(flagged(check(report, 'Reports numbness in the fingers of the left hand.'))).toBe(true);
  });

  it('only normal and absent findings are inferred when unsaid', () => {
    const report = verify(lines, 'PHYSICAL EXAM\nNeck: Supple without thyromegaly.', 'en');
    expect(check(report, 'Neck: Supple without thyromegaly.').support).toBe('inferred');
  });
});

describe('verifyNote: diabetes type', () => {
  const lines = [
    'D: How is your diabetes doing?',
    'P: My sugars are fine with the metformin.',
    'D: Good, keep taking it twice a day.',
  ];

  it('type 2 is the default of an unspecified diabetes; type 1 needs the type said', () => {
    const report = verify(lines, 'ASSESSMENT\nDiabetes type 2.\nDiabetes type 1.', 'en');
    expect(flagged(check(report, 'Diabetes type 2.'))).toBe(false);
    expect(flagged(check(report, 'Diabetes type 1.'))).toBe(true);
  });
});
