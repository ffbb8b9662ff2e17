/**
 * English statements of correct notes that the verifier must not flag, against speech-recognised talk (synthetic
 * consultations): "not with …", a denial opening a later list, a question about another
 * object, a doctor's summary before a question, a closing "any questions". Each with its twin that must stay flagged.
 */
import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '@kollega/domain';
import { check, flagged, verify as verifyLines } from './verifier-test-kit';

const verify = (lines: readonly string[], noteText: string): VerificationReport =>
  verifyLines(lines, noteText, 'en');

const ANKLE = [
  'D: okay so what brings you in today',
  'P: um i twisted my left ankle on the stairs about a week ago and it still hurts',
  'D: okay are you taking anything for it',
  'P: just some ibuprofen in the evening',
];

describe('verifyNote (en): correct statements against speech-recognised talk', () => {
  it('"not with …": the negation reaches past "with" straight after it', () => {
    const report = verify(
      [
        ...ANKLE,
        'D: okay let me examine you so i will move your foot up and down',
        'D: alright so there is pain with inversion but not with eversion okay',
        'P: yeah that is right',
      ],
      'PHYSICAL EXAM\nPain with inversion, but not with eversion.\n\nRESULTS\nPain with eversion.',
    );
    expect(flagged(check(report, 'Pain with inversion, but not with eversion.'))).toBe(false);
    expect(flagged(check(report, 'Pain with eversion.'))).toBe(true);
  });

  it('"…, but denies dark, tarry stools": a denial opening a later clause denies the items after its commas', () => {
    const report = verify(
      [
        'D: okay so what brings you in today',
        'P: sometimes my belly hurts up here after i eat',
        'D: okay alright so any blood in your stool or dark tarry stool',
        'P: not that i noticed',
      ],
      'HISTORY OF PRESENT ILLNESS\nHe reports abdominal pain after eating, but denies dark, tarry stools.\n\nREVIEW OF SYSTEMS\nHe reports abdominal pain after eating and dark, tarry stools.',
    );
    expect(
      flagged(check(report, 'He reports abdominal pain after eating, but denies dark, tarry stools.')),
    ).toBe(false);
    expect(flagged(check(report, 'He reports abdominal pain after eating and dark, tarry stools.'))).toBe(
      true,
    );
  });

  it('a question about another object ("have you taken any medications") says nothing of the verb', () => {
    const report = verify(
      [
        ...ANKLE,
        'D: okay so we took some x-rays of your ankle three views',
        'P: okay',
        'D: not a problem have you taken any other medications today',
        'P: no',
      ],
      'RESULTS\nX-rays of the left ankle were taken.\n\nPLAN\nHe has taken other medications today.',
    );
    expect(flagged(check(report, 'X-rays of the left ankle were taken.'))).toBe(false);
    expect(flagged(check(report, 'He has taken other medications today.'))).toBe(true);
  });

  it("a doctor's summary before a question ('so epigastric pain alright any blood …') is not asked", () => {
    const report = verify(
      [
        'D: okay so what brings you in today',
        'P: sometimes my belly hurts up here after i eat',
        'D: okay alright so epigastric pain alright any blood in your stool or black stool',
        'P: not that i noticed',
      ],
      'REVIEW OF SYSTEMS\nGastrointestinal: Reports epigastric pain.\n\nHISTORY OF PRESENT ILLNESS\nHe reports blood in his stool.',
    );
    expect(flagged(check(report, 'Gastrointestinal: Reports epigastric pain.'))).toBe(false);
    expect(flagged(check(report, 'He reports blood in his stool.'))).toBe(true);
  });

  it('a closing "any questions for me" – "no" does not deny the advice said before it in the turn', () => {
    const report = verify(
      [
        ...ANKLE,
        'D: so keep up your walking routine and maybe think about some things like swimming or adding in some yoga to help with your stiffness so do you have any questions for me',
        'P: no not at this time',
        'D: and have you tried physical therapy before',
        'P: no i have not',
      ],
      'PLAN\nI encouraged him to keep up his walking routine and try adding in yoga to help with his stiffness.\n\nHISTORY OF PRESENT ILLNESS\nHe has tried physical therapy before.',
    );
    expect(
      flagged(
        check(
          report,
          'I encouraged him to keep up his walking routine and try adding in yoga to help with his stiffness.',
        ),
      ),
    ).toBe(false);
    expect(flagged(check(report, 'He has tried physical therapy before.'))).toBe(true);
  });
});
