/**
 * English: a time belongs to the coordinated part of the clause it stands in ("… and I provided a refill of that last
 * year"); the sentence dating it must say that part (synthetic consultations).
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const TOE = [
  'D: so what brings you in today',
  "P: my big toe hurts and it's a little red , i would say off and on for about two weeks but last week is when the pain really got bad",
  'D: okay were you doing anything out of the ordinary',
  'P: i was at a trade show and walked a lot',
  'D: oh nice i love to ride my bike , i go all the last year i put in over eight hundred miles on the trails',
  'P: yeah those are nice',
  'D: okay let me take a look at that toe',
];

describe('verifyNote: a time said in a sentence about something else', () => {
  it('"worsened last week" stays supported', () => {
    const report = verify(
      TOE,
      'HPI\nThe onset of his pain began 2 weeks ago, however it worsened last week.',
      'en',
    );
    expect(
      flagged(check(report, 'The onset of his pain began 2 weeks ago, however it worsened last week.')),
    ).toBe(false);
  });
});

const REFILL = [
  'D: how are you doing with your mood',
  'P: much better , i sleep well and i feel less anxious',
  'D: good , i know that we had put you on the prozac last year',
  'P: yes and it really helped',
  "D: let's continue you on the prozac 20 milligrams a day and do you need a refill on that",
  'P: uh actually i do need a refill',
  'D: okay hey dragon order a refill of prozac 20 milligrams daily',
];

describe('verifyNote: a time belongs to its own coordinated part', () => {
  it('"and I provided a refill of that last year" is not dated by "we put you on the prozac last year"', () => {
    const report = verify(
      REFILL,
      'PLAN\nHe can continue Prozac 20 mg a day and I provided a refill of that last year.',
      'en',
    );
    expect(
      flagged(check(report, 'He can continue Prozac 20 mg a day and I provided a refill of that last year.')),
    ).toBe(true);
  });

  it('the refill today and the start last year stay supported', () => {
    const report = verify(
      REFILL,
      'PLAN\nHe can continue Prozac 20 mg a day and I provided a refill of that today.\nHe was started on Prozac last year and it has helped.',
      'en',
    );
    expect(
      flagged(check(report, 'He can continue Prozac 20 mg a day and I provided a refill of that today.')),
    ).toBe(false);
    expect(flagged(check(report, 'He was started on Prozac last year and it has helped.'))).toBe(false);
  });
});
