import { describe, expect, it } from 'vitest';
import { findDrugMentions, normalizeDrugKey, noteNameOf } from './drugs';

describe('drug lexicon (FEST)', () => {
  it('finds substances and trade names', () => {
    const mentions = findDrugMentions('Jeg tok to Paracet og litt Ibux.');
    expect(mentions.map((mention) => mention.drug.substance)).toEqual(['Paracetamol', 'Ibuprofen']);
    expect(mentions[0]?.brand).toBe('Paracet');
  });

  it('matches misspellings and Norwegian/English spellings', () => {
    expect(findDrugMentions('resept på pivmesillinam')[0]?.drug.substance).toBe('Pivmecillinam');
    expect(findDrugMentions('han bruker Elikvis')[0]?.drug.substance).toBe('Apiksaban');
    expect(normalizeDrugKey('Amoxicillin')).toBe(normalizeDrugKey('Amoksicillin'));
  });

  it('joins names split by a recogniser', () => {
    const [mention] = findDrugMentions('jeg skriver ut fenoksy metyl penicillin');
    expect(mention?.drug.substance).toBe('Fenoksymetylpenicillin');
    expect(mention?.spoken).toBe('fenoksy metyl penicillin');
  });

  it('reads a drug compounded with its form', () => {
    expect(findDrugMentions('smør med terbinafinkrem')[0]?.drug.substance).toBe('Terbinafin');
  });

  it('never reads everyday words or lab analytes as drugs', () => {
    expect(findDrugMentions('kalium 4,1 og natrium 140, jeg bor med mannen min')).toEqual([]);
    expect(findDrugMentions('I need to repeat the test in several weeks')).toEqual([]);
  });

  it('names a combination product by its trade name', () => {
    const [mention] = findDrugMentions('Movicol Junior en dosepose');
    expect(mention && noteNameOf(mention)).toBe('Movicol Junior');
  });
});
