import { describe, expect, it } from 'vitest';
import { detectPolarity, hasNegation, hasUncertainty } from './negation';

describe('detectPolarity', () => {
  it.each([
    ['Ingen feber.', 'negative'],
    ['Ikke tungpust.', 'negative'],
    ['Uten effekt av paracetamol.', 'negative'],
    ['Benekter brystsmerter.', 'negative'],
    ['Feber 38,9 i går.', 'positive'],
    ['Usikker på om det var blod.', 'uncertain'],
    ['Kanskje litt rosa urin.', 'uncertain'],
  ] as const)('nb: %s → %s', (text, polarity) => {
    expect(detectPolarity(text, 'nb')).toBe(polarity);
  });

  it.each([
    ['Denies chest pain.', 'negative'],
    ['No fever or chills.', 'negative'],
    ['Negative for shortness of breath.', 'negative'],
    ['Reports chest pain on exertion.', 'positive'],
    ['Not sure whether the cough is new.', 'uncertain'],
  ] as const)('en: %s → %s', (text, polarity) => {
    expect(detectPolarity(text, 'en')).toBe(polarity);
  });

  it('keeps a statement positive when the negation is late and minor', () => {
    expect(detectPolarity('Sterke smerter i venstre kne ved belastning, ikke i ro.', 'nb')).toBe('positive');
  });

  it('ignores pseudo-negations', () => {
    expect(hasNegation('Det er vondt, ikke sant?', 'nb')).toBe(false);
    expect(hasNegation('No problem, I can come back.', 'en')).toBe(false);
    expect(hasUncertainty('Vet ikke helt.', 'nb')).toBe(true);
  });
});
