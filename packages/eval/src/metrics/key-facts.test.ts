import { describe, expect, it } from 'vitest';
import { computeKeyFactRecall, isKeyFactCovered } from './key-facts';

describe('isKeyFactCovered', () => {
  it('needs a negation near a negated fact', () => {
    expect(isKeyFactCovered('Ingen hoste', 'Har ikke hoste. Feber.')).toBe(true);
    expect(isKeyFactCovered('Ingen hoste', 'Hoste i 3 d. Feber.')).toBe(false);
  });

  it('needs every number of the fact somewhere in the note', () => {
    expect(isKeyFactCovered('Feber 38,9', 'Feber til 38,6.')).toBe(false);
    expect(isKeyFactCovered('Feber 38,9', 'Feber til 38,9.')).toBe(true);
  });

  it('expands GP abbreviations before matching', () => {
    // note: "th" → trommehinne, "h." → høyre; fact stems {rødt, trom, høyr}: 2 of 3 found ≥ 0.6
    expect(isKeyFactCovered('Rødt trommehinne høyre', 'TH rød h.')).toBe(true);
  });

  it('lets a fact span two neighbouring sentences, but not three', () => {
    const fact = 'Sår hals, feber og hoste';
    expect(isKeyFactCovered(fact, 'Sår hals. Feber og hoste.')).toBe(true);
    // every two-sentence window holds only 2 of the 4 stems (0.5 < 0.6)
    expect(isKeyFactCovered(fact, 'Sår hals. Lite annet. Feber og hoste.')).toBe(false);
  });

  it('matches on 4-letter stems and needs at least 60 % of them', () => {
    // fact stems {smer, hode, kval, svim, tret}; "hodepine" stems to "hode"
    const fact = 'Smerter hodepine kvalme svimmelhet tretthet';
    expect(isKeyFactCovered(fact, 'Smertene, hodet og kvalmen.')).toBe(true); // 3/5
    expect(isKeyFactCovered(fact, 'Smertene og hodet.')).toBe(false); // 2/5
  });

  it('counts a fact of only stop words as covered, as score.mjs does', () => {
    expect(isKeyFactCovered('og i på', 'Helt annet.')).toBe(true);
  });
});

describe('computeKeyFactRecall', () => {
  it('counts covered, critical and missed facts', () => {
    const recall = computeKeyFactRecall(
      [
        { text: 'Ingen hoste', critical: false },
        { text: 'Penicillinallergi', critical: true },
        { text: 'Feber 38,9', critical: true },
      ],
      'Ikke hoste. Feber 38,9.',
    );
    expect(recall).toEqual({
      total: 3,
      covered: 2,
      criticalTotal: 2,
      criticalCovered: 1,
      recall: 2 / 3,
      criticalRecall: 1 / 2,
      missed: [1],
    });
  });

  it('gives null recalls when there is nothing to recall', () => {
    const recall = computeKeyFactRecall([{ text: 'Hoste', critical: false }], 'Hoste.');
    expect(recall.criticalRecall).toBeNull();
    expect(computeKeyFactRecall([], 'Hoste.').recall).toBeNull();
  });
});
