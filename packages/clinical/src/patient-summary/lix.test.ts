import { describe, expect, it } from 'vitest';
import { computeLix } from './lix';

describe('computeLix', () => {
  it('is words per sentence plus the percentage of words longer than six letters', () => {
    // 8 words, 2 sentences, long words: "fenoksymetylpenicillin", "ganger" is 6 letters (not long) → 1.
    const result = computeLix('Ta fenoksymetylpenicillin fire ganger. Drikk godt i dag.');
    expect(result.words).toBe(8);
    expect(result.sentences).toBe(2);
    expect(result.longWords).toBe(1);
    expect(result.lix).toBeCloseTo(8 / 2 + (100 * 1) / 8, 1);
  });

  it('counts colons and lines without end punctuation as sentence ends, but not decimal commas or points', () => {
    const result = computeLix('Ring 113 hvis:\nDu får feber over 38,5\nTemperatur 37.5 i dag.');
    expect(result.sentences).toBe(3);
    expect(result.words).toBe(12);
  });

  it('grows with longer sentences and longer words', () => {
    const easy = computeLix('Du har sår hals. Ta medisinen. Hvil i dag.').lix;
    const hard = computeLix(
      'Pasienten presenterer halsbetennelse med streptokokker og betydelig redusert allmenntilstand grunnet feber.',
    ).lix;
    expect(hard).toBeGreaterThan(easy + 30);
  });

  it('is 0 for a text without words', () => {
    expect(computeLix(' … ').lix).toBe(0);
  });
});
