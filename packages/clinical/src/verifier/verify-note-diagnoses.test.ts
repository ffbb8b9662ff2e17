import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

// Synthetic consultations for the diagnosis check: which words of the talk are evidence of a diagnosis.

describe('verifyNote: lay evidence of a diagnosis', () => {
  it('en: an infection of another organ is no evidence of cellulitis; an infected skin is', () => {
    const lines = [
      'D: Good morning, what brings you in today?',
      'P: I keep getting chest infections, this is the third one since the autumn.',
      'D: Any fever or cough with it?',
      'P: A cough with yellow phlegm, and a temperature last night.',
      'D: And the spot on your leg?',
      'P: The doctor at the walk-in said it was a skin infection around the cut, it is much better now.',
    ];
    const report = verify(
      lines,
      'PAST MEDICAL HISTORY\nRecent skin infection of the leg treated as cellulitis.\n\nASSESSMENT\nFindings are consistent with cellulitis.',
      'en',
    );
    expect(flagged(check(report, 'Recent skin infection of the leg treated as cellulitis.'))).toBe(false);

    const other = verify(
      lines.slice(0, 4),
      'ASSESSMENT\nFindings are consistent with cellulitis.\nRecurrent chest infections.',
      'en',
    );
    expect(flagged(check(other, 'Findings are consistent with cellulitis.'))).toBe(true);
    expect(flagged(check(other, 'Recurrent chest infections.'))).toBe(false);
  });
});
