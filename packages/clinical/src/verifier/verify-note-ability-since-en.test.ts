/**
 * English claims of an ability since an event ("has been able to swim since this injury") against talk that says the
 * ability only as lost since then ("you probably haven't been able to do that since you hurt your shoulder" – "no i
 * have not been") (synthetic consultations).
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: an English ability since an event', () => {
  const lines = [
    'D: so tell me what happened to your shoulder',
    'P: i slipped on the pool deck two weeks ago and landed right on it',
    'P: the pain wakes me up at night and the ibuprofen only takes the edge off',
    'D: okay and i see here that you swim on a masters team a few mornings a week',
    'P: yeah',
    "D: i'm guessing you probably have n't been able to do that since you hurt your shoulder",
    'P: no i have not been',
    'D: okay let me take a look at it',
  ];
  const wrong = 'He swims on a masters team but has been able to swim since this injury.';
  const right = 'He swims on a masters team but has not been able to swim since this injury.';

  it('"has been able to swim since" is contradicted by "have n\'t been able to do that since", "that" the swimming', () => {
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${wrong}\n${right}`, 'en');
    expect(check(report, wrong).support).toBe('contradicted');
    expect(flagged(check(report, right))).toBe(false);
  });

  it('the ability said as kept since the event keeps the claim', () => {
    const kept = [
      ...lines.slice(0, 5),
      'D: and have you been able to do that since you hurt your shoulder',
      'P: yes i have been able to swim since then just slower',
      'D: okay let me take a look at it',
    ];
    const report = verify(kept, `HISTORY OF PRESENT ILLNESS\n${wrong}`, 'en');
    expect(flagged(check(report, wrong))).toBe(false);
  });

  it('another ability lost since the event says nothing of this one', () => {
    const other = [
      ...lines.slice(0, 5),
      'D: have you been able to sleep on that side since you hurt your shoulder',
      'P: no i have not',
      'D: okay let me take a look at it',
    ];
    const report = verify(other, `HISTORY OF PRESENT ILLNESS\n${wrong}`, 'en');
    expect(check(report, wrong).support).not.toBe('contradicted');
  });

  it('"play" is the verb of "played": a stem ending in a vowel and "y" keeps its "y" ("play", "played", "plays")', () => {
    const played = [
      'D: so you rolled your ankle at the gym on saturday',
      'P: yes it swelled up right away and the pain is worse when i walk on it',
      'D: okay and i see here that you have a history of playing sports looks like you played hockey in college and then played a little bit of intramural hockey now',
      'P: yeah',
      "D: i'm guessing you have n't been able to do that since you hurt your ankle",
      'P: no not at all',
    ];
    const claim =
      'Of note, he participates in an intramural hockey league but has been able to play since this injury.';
    const denial =
      'Of note, he participates in an intramural hockey league but has not been able to play since this injury.';
    const report = verify(played, `HISTORY OF PRESENT ILLNESS\n${claim}\n${denial}`, 'en');
    expect(check(report, claim).support).toBe('contradicted');
    // The sport played as a habit ("played … in a rec league now") is no ability since the injury: it does not
    // contradict the denial of one.
    expect(flagged(check(report, denial))).toBe(false);
  });
});
