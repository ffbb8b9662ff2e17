import { describe, expect, it } from 'vitest';
import { detectLanguage, foldText, normalizeMessage, UNABLE_TOKEN } from './text-normalization';

const norms = (text: string, language?: 'nb' | 'en'): string[] =>
  normalizeMessage(text, language).tokens.map((token) => token.norm);

describe('foldText', () => {
  it('folds Norwegian letters and other diacritics', () => {
    expect(foldText('Høyre ØYE, væske, påske, Dziękuję, café')).toBe(
      'hoyre oye, vaeske, paske, dziekuje, cafe',
    );
  });
});

describe('normalizeMessage', () => {
  it('maps dialect and nynorsk pronouns, verbs and negations to Bokmål', () => {
    expect(norms('æ e så tung i pusten')).toEqual(['jeg', 'er', 'sa', 'tung', 'i', 'pusten']);
    expect(norms('eg har ikkje feber')).toEqual(['jeg', 'har', 'ikke', 'feber']);
    expect(norms('æ ser itj nåkka på auga')).toEqual(['jeg', 'ser', 'ikke', 'noe', 'pa', 'oye']);
  });

  it('turns inability into one token: "klarer (nesten) ikke", "får jeg ikke", "can\'t", "klarer knapt"', () => {
    expect(norms('klarer ikke løfte armen')).toContain(UNABLE_TOKEN);
    expect(norms('jeg klarer nesten ikke å puste')).toContain(UNABLE_TOKEN);
    expect(norms('nå får jeg ikke puste')).toContain(UNABLE_TOKEN);
    expect(norms("he can't breathe", 'en')).toEqual(['he', 'can', UNABLE_TOKEN, 'breathe']);
    expect(norms('klarer knapt å svelge')).toContain(UNABLE_TOKEN);
    expect(norms('jeg har ikke feber')).not.toContain(UNABLE_TOKEN);
  });

  it('reads "no" as a negation in English and as "nå" in Norwegian', () => {
    expect(norms('no fever', 'en')).toEqual(['no', 'fever']);
    expect(norms('eg har no vondt', 'nb')).toEqual(['jeg', 'har', 'na', 'vondt']);
  });

  it('treats "fri for" as a negation', () => {
    expect(norms('fri for plager')).toEqual(['ingen', 'for', 'plager']);
  });

  it('keeps numbers, decimals and blood pressure pairs', () => {
    const tokens = normalizeMessage('feber 38,9 og BT 164/98').tokens;
    expect(tokens[1]!.value).toBe(38.9);
    expect(tokens[4]!.pair).toEqual([164, 98]);
  });

  it('does not end a sentence at "ca." or in a date like "3. mars"', () => {
    const tokens = normalizeMessage('Sendt 3. mars, ca. to uker siden. Ny setning').tokens;
    const sentenceOf = (word: string): number => tokens.find((token) => token.norm === word)!.sentence;
    expect(sentenceOf('mars')).toBe(sentenceOf('sendt'));
    expect(sentenceOf('uker')).toBe(sentenceOf('sendt'));
    expect(sentenceOf('setning')).toBe(sentenceOf('sendt') + 1);
  });

  it('starts a new clause at commas and at "men"', () => {
    const clauses = (text: string): number[] => normalizeMessage(text).tokens.map((token) => token.clause);
    expect(clauses('ikke feber, vondt')).toEqual([0, 0, 1]);
    expect(clauses('ikke feber men vondt')).toEqual([0, 0, 1, 1]);
  });

  it('points each token back to its place in the original text', () => {
    const text = 'Æ har VONDT i brøstet';
    for (const token of normalizeMessage(text).tokens)
      expect(text.slice(token.start, token.end)).toBe(token.raw);
  });
});

describe('detectLanguage', () => {
  it('tells English from Norwegian, nynorsk and dialect', () => {
    expect(detectLanguage('Hello, my husband has chest pain and he is sweating')).toBe('en');
    expect(detectLanguage('Hei, mannen min har vondt i brystet')).toBe('nb');
    expect(detectLanguage('Eg har vondt i hovudet og ikkje feber')).toBe('nb');
    expect(detectLanguage('Æ har hatt ei vorte på tommeln')).toBe('nb');
  });
});
