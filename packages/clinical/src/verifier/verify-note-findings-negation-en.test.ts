/**
 * Examination and result findings whose negation was lost or doubled (synthetic consultations): a finding word the
 * examiner denied, an organ enlargement in "-megaly", a normal vital sign stated before an examiner's question, and
 * a result said "not negative".
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const neckExam = [
  'D: okay so um what brings you in today',
  'P: i have had a sore throat for about four days and a bit of a cough',
  'D: okay any fever',
  'P: no fever',
  "D: alright let me take a look , on your neck exam i do n't appreciate any lymphadenopathy , your neck is supple",
  'D: your lungs are clear to auscultation bilaterally',
  'D: and your throat is a little red',
];

describe('verifyNote: examination findings whose negation fell off', () => {
  it('en: an enlargement in "-megaly" is a finding, not an adverb ("Thyromegaly." never said)', () => {
    const report = verify(neckExam, 'PHYSICAL EXAM\nNeck: Thyromegaly.\nThroat: Mild erythema.', 'en');
    expect(flagged(check(report, 'Neck: Thyromegaly.'))).toBe(true);
  });

  it('en: an absent "-megaly" stays unflagged ("Neck: No thyromegaly.")', () => {
    const report = verify(neckExam, 'PHYSICAL EXAM\nNeck: No thyromegaly.', 'en');
    expect(flagged(check(report, 'Neck: No thyromegaly.'))).toBe(false);
  });

  it('en: a finding after "normal … with" that the examiner denied is flagged ("supple with lymphadenopathy")', () => {
    const report = verify(neckExam, 'PHYSICAL EXAM\nNeck: Neck is supple with lymphadenopathy.', 'en');
    expect(flagged(check(report, 'Neck: Neck is supple with lymphadenopathy.'))).toBe(true);
  });

  it('en: a finding after "normal … with" that nobody said is flagged ("Supple with thyromegaly.")', () => {
    const report = verify(neckExam, 'PHYSICAL EXAM\nNeck: Supple with thyromegaly.', 'en');
    expect(flagged(check(report, 'Neck: Supple with thyromegaly.'))).toBe(true);
    const twin = verify(neckExam, 'PHYSICAL EXAM\nNeck: Supple without thyromegaly.', 'en');
    expect(flagged(check(twin, 'Neck: Supple without thyromegaly.'))).toBe(false);
  });

  it('en: "supple without lymphadenopathy" stays unflagged', () => {
    const report = verify(neckExam, 'PHYSICAL EXAM\nNeck: Neck is supple without lymphadenopathy.', 'en');
    expect(flagged(check(report, 'Neck: Neck is supple without lymphadenopathy.'))).toBe(false);
  });
});

const bellyExam = [
  'D: okay so what brings you in',
  'P: i have had pain in my belly for about a week on the right side',
  "D: okay let us do a quick exam , so your vitals look good you do n't have any fever your blood pressure is fine so when i press here does that hurt",
  'P: a little bit yeah',
];

describe("verifyNote: a normal finding said before an examiner's question", () => {
  it('en: "Blood pressure is abnormal." against "your blood pressure is fine so when i press here does that hurt"', () => {
    const report = verify(bellyExam, 'PHYSICAL EXAM\nBlood pressure is abnormal.', 'en');
    expect(flagged(check(report, 'Blood pressure is abnormal.'))).toBe(true);
  });

  it('en: "Blood pressure is normal." stays unflagged', () => {
    const report = verify(bellyExam, 'PHYSICAL EXAM\nBlood pressure is normal.', 'en');
    expect(flagged(check(report, 'Blood pressure is normal.'))).toBe(false);
  });
});

const strep = [
  'D: hi there what brings you in today',
  'P: my throat has been really sore since the weekend',
  'D: okay so we did a rapid strep test when you came in and that was negative so that is good',
  'D: and on your knee exam you do have a positive patellar grind test but your lachman and your mcmurray test are all negative',
];

describe('verifyNote: a result said "not negative" is positive', () => {
  it('en: "Rapid strep test is not negative." against "that was negative"', () => {
    const report = verify(strep, 'RESULTS\nRapid strep test is not negative.', 'en');
    expect(check(report, 'Rapid strep test is not negative.').support).toBe('contradicted');
  });

  it('en: "Lachman and McMurray test are not all negative." against "are all negative"', () => {
    const report = verify(strep, 'PHYSICAL EXAM\nLachman and McMurray test are not all negative.', 'en');
    expect(check(report, 'Lachman and McMurray test are not all negative.').support).toBe('contradicted');
  });

  it('en: a result said positive of the same test stays unflagged ("Positive patellar grind test.")', () => {
    const report = verify(strep, 'PHYSICAL EXAM\nPositive patellar grind test.', 'en');
    expect(flagged(check(report, 'Positive patellar grind test.'))).toBe(false);
  });

  it('en: the negative results stay unflagged', () => {
    const report = verify(
      strep,
      'RESULTS\nRapid strep test is negative.\nPHYSICAL EXAM\nLachman and McMurray test are all negative.',
      'en',
    );
    expect(flagged(check(report, 'Rapid strep test is negative.'))).toBe(false);
    expect(flagged(check(report, 'Lachman and McMurray test are all negative.'))).toBe(false);
  });
});

const wristInjury = [
  'D: so what happened',
  'P: i slipped on the ice and landed on my right hand and my wrist got really swollen',
  'D: okay any numbness in your fingers',
  'P: no',
  "D: alright on your neck exam i do n't appreciate any lymphadenopathy and your neck is supple",
  'D: and on your right wrist there is swelling and tenderness over the distal radius',
];

describe('verifyNote: a finding at a named site must be said of that site', () => {
  it('en: "NECK: Swelling noted." where the only swelling is of the wrist', () => {
    const report = verify(wristInjury, 'PHYSICAL EXAM\nNECK: Swelling noted.', 'en');
    expect(flagged(check(report, 'NECK: Swelling noted.'))).toBe(true);
  });

  it('en: the finding at its own site and the neck without it stay unflagged', () => {
    const report = verify(
      wristInjury,
      'PHYSICAL EXAM\nNECK: No swelling noted.\nRIGHT WRIST: Swelling noted.',
      'en',
    );
    expect(flagged(check(report, 'NECK: No swelling noted.'))).toBe(false);
    expect(flagged(check(report, 'RIGHT WRIST: Swelling noted.'))).toBe(false);
  });
});

const kneeHistory = [
  'D: so how long has the knee been bothering you',
  "P: um about three weeks now and it has n't gotten any better",
  'D: okay did you hurt it playing sports or anything',
  "P: no i do n't remember any injury it just started",
  'D: okay and have you had any problems with that knee before',
  'P: no never',
];

describe('verifyNote: "any" where only a negation could put it', () => {
  it('en: "has had any", "reports any", "with any improvement" are flagged', () => {
    const statements = [
      'He has had any previous problems with the knee.',
      'He reports any specific injury.',
      'The pain began 3 weeks ago, with any improvement.',
    ];
    const report = verify(kneeHistory, `HISTORY OF PRESENT ILLNESS\n${statements.join('\n')}`, 'en');
    for (const statement of statements) expect(flagged(check(report, statement))).toBe(true);
  });

  it('en: "any" under a negation, a condition or a trigger stays unflagged', () => {
    const statements = [
      'He has not had any previous problems with the knee.',
      'He denies any specific injury.',
      'The pain began 3 weeks ago, without any improvement.',
      'He will call if he has any questions.',
      'The pain occurs with any movement of the knee.',
    ];
    const report = verify(kneeHistory, `HISTORY OF PRESENT ILLNESS\n${statements.join('\n')}`, 'en');
    for (const statement of statements)
      expect(check(report, statement).reasons.join(' ')).not.toContain('"any" stands without a negation');
  });
});

const kneeExam = [
  'P: i twisted my right knee playing soccer on saturday',
  'D: okay so on your knee exam i see that you do have pain to palpation of the medial aspect of your right knee',
  'D: your lachman is negative and there is no effusion',
];

describe('verifyNote: a finding placed by an anatomical qualifier', () => {
  it('en: "Pain to palpation of the lateral aspect." where only the medial aspect hurts', () => {
    const report = verify(kneeExam, 'PHYSICAL EXAM\nPain to palpation of the lateral aspect.', 'en');
    expect(flagged(check(report, 'Pain to palpation of the lateral aspect.'))).toBe(true);
  });

  it('en: the medial finding and the lateral one denied stay unflagged', () => {
    const report = verify(
      kneeExam,
      'PHYSICAL EXAM\nPain to palpation of the medial aspect.\nNo pain to palpation of the lateral aspect.',
      'en',
    );
    expect(flagged(check(report, 'Pain to palpation of the medial aspect.'))).toBe(false);
    expect(flagged(check(report, 'No pain to palpation of the lateral aspect.'))).toBe(false);
  });
});
