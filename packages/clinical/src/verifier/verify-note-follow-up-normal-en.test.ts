/**
 * English: the asker's follow-up question ("was it normal ?") after an answer speaks of what the answered question
 * named, so a confirmed "yes" describes that thing as normal (synthetic consultation).
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: a normal word confirmed in the follow-up question (en)', () => {
  it('"when was your last bowel movement" – "two days ago" – "was it normal" – "yes" contradicts "it was abnormal"', () => {
    const lines = [
      'D: hi there so what brings you in today',
      'P: um i have had this cramping pain in my belly for about a week now and it comes and goes',
      'D: okay any fever or diarrhea',
      'P: no fever',
      'D: okay and where is the cramping mostly',
      'P: mostly in the lower part of my belly on both sides',
      'D: okay so any nausea or vomiting',
      'P: no none of that',
      'D: and when was your last bowel movement ?',
      'P: um probably two days ago',
      'D: okay . was it normal ?',
      'P: yes',
      'D: okay any blood',
      'P: no',
    ];
    const report = verify(
      lines,
      'HISTORY\nHer last bowel movement was 2 days ago, and it was abnormal.\nHer last bowel movement was 2 days ago, and it was normal.',
      'en',
    );
    expect(check(report, 'Her last bowel movement was 2 days ago, and it was abnormal.').support).toBe(
      'contradicted',
    );
    expect(flagged(check(report, 'Her last bowel movement was 2 days ago, and it was normal.'))).toBe(false);
  });
});
