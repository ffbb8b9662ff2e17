/**
 * Phrases that a lost negation leaves behind (en): a stressed "do" with "any", "longer" before a verb, "yet" after a
 * perfect auxiliary, the same word on both sides of "or", "but like this".
 */
import { describe, expect, it } from 'vitest';
import { check, verify } from './verifier-test-kit';

const LINES = [
  'P: um i stopped going to the yoga class last spring i just did not make it a habit',
  'D: okay and are you still seeing the physio',
  "P: no i'm doing the exercises at home now",
  "D: okay so i'm gon na order a stress test to make sure that you don't have any blockages in your heart",
  "P: okay and uh the new pills i haven't started them yet they were too expensive",
  'D: alright and this could be anxiety with or without some muscle strain in the chest wall',
  "P: i've had other knee injuries from soccer but never like this one",
  "D: rest the knee for a week and then we'll see whether there's need for an mri or further treatment options",
  'P: the chest pain went away after three days and i have not had any since then',
  'D: and are you on any hormone replacement therapy now or have you ever been',
  'P: no never',
  'P: the cream was a hundred dollars so i never picked it up',
  "P: we've been traveling all over for the kids' tournaments and i did n't really stick to the diet",
  "P: i iced my shoulder initially but i have n't iced it at all recently",
  'P: for the back i tried heat but nothing really worked',
];

const MISSING = 'a negation seems to be missing';

/** The check of one statement of a note with a history and a plan section. */
function checkOf(history: string, plan = 'Follow up in 3 months.') {
  const report = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${history}\nPLAN\n${plan}`, 'en');
  return { history: check(report, history), plan: check(report, plan) };
}

describe('verifyNote: a stressed "do" with "any" (en)', () => {
  it('"to make sure that he does have any blockages" has lost its "not"; the negated twin and "if … does have any" not', () => {
    const wrong = checkOf(
      'She feels well.',
      'A stress test to make sure that she does have any blockages.',
    ).plan;
    expect(wrong.support).toBe('unsupported');
    expect(wrong.reasons.join(' ')).toContain(MISSING);
    for (const plan of [
      'A stress test to make sure that she does not have any blockages.',
      'She will call if she does have any chest pain.',
    ])
      expect(checkOf('She feels well.', plan).plan.reasons.join(' ')).not.toContain(MISSING);
  });
});

describe('verifyNote: a phrase that a negation must complete (en)', () => {
  it('"is longer doing yoga" and "he longer …" have lost their "no"; "no longer" and "longer than" not', () => {
    for (const history of ['She is longer doing yoga.', 'She longer goes to the yoga class.'])
      expect(checkOf(history).history.support).toBe('unsupported');
    for (const history of ['She is no longer doing yoga.', 'She stopped yoga longer than a year ago.'])
      expect(checkOf(history).history.reasons.join(' ')).not.toContain(MISSING);
  });

  it('"has yet started the new pills" has lost its "not"; "has not yet started" and "has yet to start" not', () => {
    expect(checkOf('She has yet started the new pills due to the cost.').history.support).toBe('unsupported');
    for (const history of [
      'She has not yet started the new pills due to the cost.',
      'She has yet to start the new pills due to the cost.',
    ])
      expect(checkOf(history).history.reasons.join(' ')).not.toContain(MISSING);
  });

  it('"with or with muscle strain" has lost its "out"; "with or without" not', () => {
    const wrong = 'Chest pain, likely anxiety with or with muscle strain.';
    expect(checkOf('She feels well.', wrong).plan.support).toBe('unsupported');
    const right = 'Chest pain, likely anxiety with or without muscle strain.';
    expect(checkOf('She feels well.', right).plan.reasons.join(' ')).not.toContain(MISSING);
  });

  it('"other knee injuries but like this" has lost its "not"; "but not like this" not', () => {
    expect(checkOf('She has had other knee injuries from soccer but like this.').history.support).toBe(
      'unsupported',
    );
    const right = 'She has had other knee injuries from soccer but not like this.';
    expect(checkOf(right).history.reasons.join(' ')).not.toContain(MISSING);
  });
});

describe('verifyNote: more phrases that a negation must complete (en)', () => {
  it('"resolved … and has recurred", "is currently and has never been", "did fill due to the cost" have lost a "not"', () => {
    for (const history of [
      'Her chest pain resolved 3 days later and has recurred.',
      'She is currently and has never been on hormone replacement therapy.',
      'She was prescribed a cream, which she did fill due to the cost of $100.',
    ])
      expect(checkOf(history).history.support).toBe('unsupported');
    for (const history of [
      'Her chest pain resolved 3 days later and has not recurred.',
      'She is not currently and has never been on hormone replacement therapy.',
      'She was prescribed a cream, which she did not fill due to the cost of $100.',
    ])
      expect(checkOf(history).history.reasons.join(' ')).not.toContain(MISSING);
  });
});

describe('verifyNote: a stressed "did" and a relative named only as an owner (en)', () => {
  it('"traveling for his children\'s tournaments and did stick to his diet" against "i did n\'t really stick to the diet"', () => {
    const wrong = "He has been traveling for his children's tournaments and did stick to his diet.";
    expect(checkOf(wrong).history.support).toBe('contradicted');
    const right = "He has been traveling for his children's tournaments and did not stick to his diet.";
    expect(checkOf(right).history.support).not.toBe('contradicted');
  });
});

describe('verifyNote: a denial\'s "at all" does not hide the words it dropped (en)', () => {
  it('"has iced it recently" against "i have n\'t iced it at all recently"', () => {
    expect(checkOf('He initially iced his shoulder but has iced it recently.').history.support).toBe(
      'contradicted',
    );
    const right = 'He initially iced his shoulder but has not iced it recently.';
    expect(checkOf(right).history.support).not.toBe('contradicted');
  });
});

describe('verifyNote: a further step planned on getting better (en)', () => {
  it('"if her pain does improve, we will obtain an MRI" has lost its "not"; the negated twin and a value that improves not', () => {
    for (const plan of [
      'If her knee pain does improve over the next week, we will obtain an MRI.',
      'If after a week her symptoms have improved with rest, we will discuss further treatment options.',
    ])
      expect(checkOf('She feels well.', plan).plan.support).toBe('unsupported');
    for (const plan of [
      'If her knee pain does not improve over the next week, we will obtain an MRI.',
      'If her symptoms improve, we can hold off on the MRI.',
      'If her A1c improves, we will schedule the knee surgery.',
      // A diagnostic injection: relief from it is what makes the operation worth doing.
      'If her pain improves with the facet injection, we will consider surgery.',
      'If his symptoms resolve after the nerve block, we will discuss surgical options.',
    ])
      expect(checkOf('She feels well.', plan).plan.reasons.join(' ')).not.toContain('gets better');
  });
});

describe('verifyNote: a finding glued to a normal one without its "no" (en)', () => {
  it('"Normal respiratory effort respiratory distress" claims a distress nobody named; "… no respiratory distress" not', () => {
    const lines = [
      ...LINES,
      'D: okay let me listen to your lungs deep breath in your lungs are clear normal respiratory effort',
    ];
    const wrong = 'Respiratory: Normal respiratory effort respiratory distress.';
    const right = 'Respiratory: Normal respiratory effort no respiratory distress.';
    const report = verify(
      lines,
      `HISTORY OF PRESENT ILLNESS\nShe feels well.\nPHYSICAL EXAM\n${wrong}\n${right}`,
      'en',
    );
    expect(check(report, wrong).support).toBe('unsupported');
    expect(check(report, right).support).not.toBe('unsupported');
    expect(check(report, right).support).not.toBe('contradicted');
  });
});

describe('verifyNote: "nothing worked" in the talk against an effect in the note (en)', () => {
  it('"heat, which did relieve the pain" against "i tried heat but nothing really worked"', () => {
    const wrong = 'For her back she used heat, which did relieve the pain.';
    expect(checkOf(wrong).history.support).toBe('contradicted');
    const right = 'For her back she used heat, which did not relieve the pain.';
    expect(checkOf(right).history.support).not.toBe('contradicted');
  });
});
