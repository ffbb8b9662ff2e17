/**
 * An English statement closed by an assent tag ("…, so we have to schedule that, okay?") is the doctor telling, not
 * asking (synthetic consultations): the clause before the tag is asserted, so a note that negates it is contradicted.
 * A real question before the tag stays a question.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const LINES = [
  'D: okay so your blood pressure looks good today um one twenty over seventy eight',
  'P: oh good',
  'D: and i forgot for your annual exam you are due for a mammogram , so we have to schedule for that as well , okay ?',
  'P: okay',
  'D: any chest pain or shortness of breath',
  'P: no none of that',
];

describe('verifyNote: English assent tag ("…, okay?")', () => {
  it('a statement closed by ", okay?" is asserted: its negation is flagged', () => {
    const note = 'The patient is not due for her routine mammogram.';
    const report = verify(LINES, `ASSESSMENT AND PLAN\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
    const twin = 'The patient is due for her routine mammogram.';
    const plain = verify(LINES, `ASSESSMENT AND PLAN\n${twin}`, 'en');
    expect(flagged(check(plain, twin))).toBe(false);
  });

  it('a question before the tag stays a question answered by the patient', () => {
    const lines = [
      'D: okay so your blood pressure looks good today um one twenty over seventy eight',
      'P: oh good',
      'D: do you get any chest pain when you walk up the stairs , okay ?',
      'P: no not really',
      'D: and any shortness of breath',
      'P: no',
    ];
    const note = 'She denies chest pain when walking up the stairs.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(false);
  });
});
