/**
 * A clause that repeats the talk's words in order with a clausal "not" added or dropped (en), and a negative
 * polarity item ("has had any …") left in a sentence without its negation.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const LINES = [
  'P: i have been feeling really tired and a bit dizzy for a few weeks',
  'D: okay so i looked at your labs from january',
  'D: um your hemoglobin was a bit low although ferritin was low too so we will keep the iron tablets',
  'P: okay that sounds fine',
  "D: for the strep throat we're gon na go ahead and treat you with amoxicillin three times a day",
  'P: and my sugars have been good i check them every morning',
  'D: any high numbers',
  'P: nope they have all been between one hundred and one twenty',
  'D: if we do the injection the risks include bleeding and infection',
  'D: and i want you to rest not only regarding work but also at home',
];

/** The label of one statement of a note with a history and a plan section. */
function labelOf(history: string, plan = 'Follow up in 3 months.'): string | undefined {
  const report = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${history}\nPLAN\n${plan}`, 'en');
  return check(report, history).support;
}
function planLabelOf(plan: string): string | undefined {
  const report = verify(LINES, `HISTORY OF PRESENT ILLNESS\nShe feels tired.\nPLAN\n${plan}`, 'en');
  return check(report, plan).support;
}

describe('verifyNote: a "not" added to words said plainly (en)', () => {
  it('"ferritin was not low" against "although ferritin was low", next to a low hemoglobin', () => {
    expect(labelOf('Her labs showed a low hemoglobin, although ferritin was not low.')).toBe('contradicted');
    expect(labelOf('Her labs showed a low hemoglobin, although ferritin was low.')).not.toBe('contradicted');
  });

  it('"we are not going to treat her with amoxicillin" against "we\'re gon na go ahead and treat you with amoxicillin"', () => {
    expect(planLabelOf('Medical Treatment: We are not going to treat her with amoxicillin.')).toBe(
      'contradicted',
    );
    expect(planLabelOf('Medical Treatment: We are going to treat her with amoxicillin.')).not.toBe(
      'contradicted',
    );
  });
});

describe('verifyNote: "any" without a negation (en)', () => {
  it('"has had any elevated readings" has lost its negation', () => {
    expect(labelOf('She has had any elevated readings.')).toBe('unsupported');
    expect(labelOf('She has not had any elevated readings.')).not.toBe('unsupported');
    expect(labelOf('She has not had any elevated readings.')).not.toBe('contradicted');
  });

  it('"did reveal any" has lost its negation, and a negation after the "any" does not license it', () => {
    expect(planLabelOf('I explained that her labs did reveal any elevated readings.')).toBe('unsupported');
    expect(labelOf('She has had any elevated readings and has stopped the iron tablets.')).toBe(
      'unsupported',
    );
    const right = 'I explained that her labs did not reveal any elevated readings.';
    const report = verify(LINES, `HISTORY OF PRESENT ILLNESS\nShe feels tired.\nPLAN\n${right}`, 'en');
    expect(check(report, right).reasons.join(' ')).not.toContain('a negation seems to be missing');
  });

  it('"any" under a question, a condition or a verb of avoiding stays unflagged by it', () => {
    for (const plan of [
      'She will call if she has any elevated readings.',
      'She was asked whether she has had any elevated readings.',
      'She should avoid any heavy lifting.',
    ]) {
      const report = verify(LINES, `HISTORY OF PRESENT ILLNESS\nShe feels tired.\nPLAN\n${plan}`, 'en');
      expect(check(report, plan).reasons.join(' ')).not.toContain('a negation seems to be missing');
    }
  });
});

describe('verifyNote: an idiom that has lost its "not" (en)', () => {
  it('"including but limited to" and "only … but also" are flagged; the idioms with "not" are not', () => {
    const wrong = [
      'The risks include but limited to bleeding and infection.',
      'I advised her to rest, only regarding work, but also at home.',
    ];
    const right = [
      'The risks include but not limited to bleeding and infection.',
      'I advised her to rest, not only regarding work, but also at home.',
    ];
    for (const plan of wrong) expect(planLabelOf(plan)).toBe('unsupported');
    for (const plan of right) {
      const report = verify(LINES, `HISTORY OF PRESENT ILLNESS\nShe feels tired.\nPLAN\n${plan}`, 'en');
      expect(check(report, plan).reasons.join(' ')).not.toContain('a negation seems to be missing');
    }
  });
});

describe('verifyNote: "sure if" without its "not" (en)', () => {
  const lines = [
    'D: so how have you been feeling lately',
    "P: kind of out of sorts and stuffy and i do n't know if it's the change in the seasons or all the dust from the construction at home",
    'D: any fever or cough',
    'P: a slight cough but no fever',
  ];
  it('"he is sure if it is due to …" is flagged; "he is not sure if …" and "he is sure that …" are not', () => {
    const wrong = 'He is sure if it is due to the change in the seasons or the construction at home.';
    const right = [
      'He is not sure if it is due to the change in the seasons or the construction at home.',
      'He is sure that he has a slight cough.',
    ];
    expect(check(verify(lines, `HISTORY OF PRESENT ILLNESS\n${wrong}`, 'en'), wrong).support).toBe(
      'unsupported',
    );
    for (const text of right)
      expect(flagged(check(verify(lines, `HISTORY OF PRESENT ILLNESS\n${text}`, 'en'), text))).toBe(false);
  });
});

describe('verifyNote: "nor" after an affirmative (en)', () => {
  const lines = [
    'D: so your blood sugars have been running in the three hundreds with the diabetes',
    'P: yes and i feel tired and thirsty all the time',
    'D: tell me about your diet , are you eating lots of sugar like in teas and coffees',
    "P: i do n't take sugar with my tea",
    'D: and how about any added sugars in processed foods or anything like that',
    'D: okay and how about fruit',
    'P: i think most of my sugars come from fruit',
  ];
  it('"He does eat processed food, nor does he …" is flagged; after "does not eat" it is not', () => {
    const wrong = 'He does eat processed food, nor does he put sugar in his tea.';
    const right = 'He does not eat processed food, nor does he put sugar in his tea.';
    expect(check(verify(lines, `SOCIAL HISTORY\n${wrong}`, 'en'), wrong).support).toBe('unsupported');
    expect(check(verify(lines, `SOCIAL HISTORY\n${right}`, 'en'), right).reasons.join(' ')).not.toContain(
      'a negation seems to be missing',
    );
  });
});

describe('verifyNote: a "not" added after the same subject and auxiliary (en)', () => {
  const lines = [
    'P: my ankles have been swelling again this week',
    'D: i know we talked about you watching your salt and that has been kind of a struggle in the past',
    "P: i've actually been pretty good about that ever since",
    'D: okay and how about your bike rides',
    "P: i can still do twenty miles but you know i'm tired and have to take a break when i get home",
  ];
  it('"he has not been pretty good" against the patient\'s "i\'ve actually been pretty good"', () => {
    const wrong = 'He has not been pretty good with his salt intake.';
    const right = 'He has been pretty good with his salt intake.';
    expect(check(verify(lines, `HISTORY OF PRESENT ILLNESS\n${wrong}`, 'en'), wrong).support).toBe(
      'contradicted',
    );
    expect(check(verify(lines, `HISTORY OF PRESENT ILLNESS\n${right}`, 'en'), right).support).not.toBe(
      'contradicted',
    );
  });

  it("the doctor's own \"i've been\" is not the patient's", () => {
    const doctor = [
      'P: my ankles have been swelling again this week',
      'D: i know we talked about you watching your salt',
      "D: i've actually been pretty good about that myself ever since",
      'D: okay and how about your bike rides',
      "P: i can still do twenty miles but you know i'm tired and have to take a break when i get home",
    ];
    const text = 'He has not been pretty good with his salt intake.';
    expect(check(verify(doctor, `HISTORY OF PRESENT ILLNESS\n${text}`, 'en'), text).support).not.toBe(
      'contradicted',
    );
  });
});
