/**
 * The English emphatic affirmative ("he does feel the side effects", "her symptoms do interfere with …"): a stressed
 * "do" affirms against a denial, so where the consultation only denies the verb with its object the note has dropped
 * a negation (synthetic consultations).
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: an English emphatic "do" against a denial', () => {
  it('"does feel the side effects" against "so i do n\'t feel the side effects as much"', () => {
    const lines = [
      'D: okay and how is the sertraline going for your mood',
      'P: um it helps but i get a bit nauseous in the mornings',
      'D: would you like to change the dose',
      "P: maybe a lower dose so i do n't feel the side effects as much",
      'D: okay we can do fifty milligrams instead of one hundred',
      'P: sounds good',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe would prefer a lower dose and does feel the side effects as much.\nHe would prefer a lower dose so he does not feel the side effects as much.',
      'en',
    );
    expect(
      check(report, 'He would prefer a lower dose and does feel the side effects as much.').support,
    ).toBe('contradicted');
    expect(
      flagged(check(report, 'He would prefer a lower dose so he does not feel the side effects as much.')),
    ).toBe(false);
  });

  it('"do interfere with" against a question about interfering answered no', () => {
    const lines = [
      'D: so the knee has been aching for about two months now',
      'P: yes mostly when i climb stairs at work',
      'D: so is it interfering with just the things you like to do and',
      'P: hmm no not really',
      'D: and do you use a cane or anything to walk',
      "P: no i do n't use a cane",
      'D: okay and have you taken anything for it',
      'P: just some ibuprofen now and then',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHer symptoms do interfere with her daily activities and she does not use a cane.\nHer symptoms do not interfere with her daily activities and she does not use a cane.',
      'en',
    );
    expect(
      check(report, 'Her symptoms do interfere with her daily activities and she does not use a cane.')
        .support,
    ).toBe('contradicted');
    expect(
      flagged(
        check(report, 'Her symptoms do not interfere with her daily activities and she does not use a cane.'),
      ),
    ).toBe(false);
  });

  it('an emphatic "do" the transcript agrees with stays unflagged ("he does use ibuprofen")', () => {
    const lines = [
      'D: have you tried anything for the back pain',
      'P: i use ibuprofen for the pain when it gets bad',
      'D: and does that help',
      'P: yes it takes the edge off',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe does use ibuprofen for the pain when it gets bad.',
      'en',
    );
    expect(flagged(check(report, 'He does use ibuprofen for the pain when it gets bad.'))).toBe(false);
  });
});
