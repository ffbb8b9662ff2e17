import { describe, expect, it } from 'vitest';
import { countWords, selectTokenizer, tokenizeAscii, tokenizeUnicode } from './tokenize';

describe('tokenizeUnicode', () => {
  it('keeps æ, ø and å inside words and lower-cases', () => {
    expect(tokenizeUnicode('Rødt øre på høyre side, Ærlig!')).toEqual([
      'rødt',
      'øre',
      'på',
      'høyre',
      'side',
      'ærlig',
    ]);
  });

  it('splits on punctuation and keeps digits', () => {
    expect(tokenizeUnicode('T 38,6. BT 148/92')).toEqual(['t', '38', '6', 'bt', '148', '92']);
  });

  it('normalises decomposed letters to the composed form', () => {
    expect(tokenizeUnicode('a\u030Ar')).toEqual(['år']);
  });

  it('returns no tokens for punctuation only', () => {
    expect(tokenizeUnicode(' ... – ')).toEqual([]);
  });
});

describe('tokenizeAscii', () => {
  it('splits words at æ, ø and å, as score.mjs does by default', () => {
    expect(tokenizeAscii('høyre øre')).toEqual(['h', 'yre', 're']);
  });
});

describe('selectTokenizer and countWords', () => {
  it('selects by name', () => {
    expect(selectTokenizer('ascii')).toBe(tokenizeAscii);
    expect(selectTokenizer('unicode')).toBe(tokenizeUnicode);
  });

  it('counts whitespace-separated words', () => {
    expect(countWords('  Sår hals\ni 3 d. ')).toBe(5);
    expect(countWords('')).toBe(0);
  });
});
