/**
 * "I don't know if this is related but my anxiety has been getting worse" (synthetic consultations): the "if" after a
 * verb of knowing opens an indirect question that the "but" closes; what follows is asserted, so a note that negates
 * it is contradicted.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const LINES = [
  'D: okay so how have you been feeling since we started the iron pills',
  'P: um a bit more tired i think and i get cold so easily',
  'D: any other symptoms',
  'P: i do not know if this is related but my anxiety and depression have been getting worse lately',
  'D: okay any chest pain or shortness of breath',
  'P: no none of that',
];

describe('verifyNote: English indirect question closed by "but"', () => {
  it('what follows "i don\'t know if … but" is asserted: its negation is flagged', () => {
    const note = 'Her anxiety and depression have not worsened.';
    const report = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
    const twin = 'Her anxiety and depression have worsened.';
    const plain = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${twin}`, 'en');
    expect(flagged(check(plain, twin))).toBe(false);
  });
});
