import { describe, expect, it } from 'vitest';
import { allowedTypos, compileTokenPattern, matchTokenPattern, measureEditDistance } from './fuzzy-match';
import { foldText } from './text-normalization';

const token = (word: string): { norm: string; lower: string } => ({
  norm: foldText(word),
  lower: word.toLowerCase(),
});
const matches = (pattern: string, word: string): boolean =>
  matchTokenPattern(compileTokenPattern(pattern), token(word));

describe('measureEditDistance', () => {
  it.each([
    ['brystet', 'brystet', 0],
    ['brsytet', 'brystet', 1], // swapped letters count once
    ['bryset', 'brystet', 1],
    ['kvalm', 'kvalme', 1],
    ['hodepine', 'hodpeine', 1],
    ['feber', 'fiber', 1],
    ['abc', 'xyz', 3],
  ])('%s ↔ %s = %i', (first, second, distance) => {
    expect(measureEditDistance(first, second)).toBe(distance);
  });

  it('stops early above the limit', () => {
    expect(measureEditDistance('pustevansker', 'hodepine', 2)).toBe(3);
  });
});

describe('typo tolerance scales with word length', () => {
  it('allows none below five letters, one up to eight, two from nine', () => {
    expect([allowedTypos(4), allowedTypos(5), allowedTypos(8), allowedTypos(9), allowedTypos(12)]).toEqual([
      0, 1, 1, 2, 2,
    ]);
  });

  it('does not read one real word as a two-letter typo of another ("snørrete" is not "snøvlete")', () => {
    expect(matches('snøvlete', 'snørrete')).toBe(false);
  });

  it('accepts common misspellings of long words', () => {
    expect(matches('besvime', 'besvimme')).toBe(true);
    expect(matches('hodepine', 'hodepina')).toBe(true);
    expect(matches('fornyet', 'forneyet')).toBe(true);
    expect(matches('pustevansker', 'pustevanskr')).toBe(true);
  });

  it('does not stretch short words', () => {
    expect(matches('arm', 'arme')).toBe(false);
    expect(matches('blod', 'blad')).toBe(false);
  });

  it('does not drop a letter of a five-letter word ("flått" is not "fått")', () => {
    expect(matches('flått', 'fått')).toBe(false);
    expect(matches('flått', 'flåt')).toBe(false);
  });

  it('requires the first letter to be right ("armen" is not "varmen")', () => {
    expect(matches('armen', 'varmen')).toBe(false);
  });

  it('never reads a protected word as a typo ("haster" is not "hoster", "hjerne" is not "hjerte")', () => {
    expect(matches('hoster', 'haster')).toBe(false);
    expect(matches('hjerte', 'hjerne')).toBe(false);
  });

  it('honours "=" (exact only)', () => {
    expect(matches('=uklar', 'uklart')).toBe(false);
    expect(matches('uklar', 'uklart')).toBe(true);
  });
});

describe('pattern syntax', () => {
  it('supports alternatives, prefixes and globs', () => {
    expect(matches('feber|fever', 'fever')).toBe(true);
    expect(matches('smert*', 'smertene')).toBe(true);
    expect(matches('bryst*smert*', 'brystsmertene')).toBe(true);
    expect(matches('bryst*smert*', 'magesmerter')).toBe(false);
  });

  it('compares short words without folding ("øm" is not "om")', () => {
    expect(matches('øm', 'om')).toBe(false);
    expect(matches('øm', 'øm')).toBe(true);
  });

  it('lets "ikke" also match an inability negation', () => {
    expect(matchTokenPattern(compileTokenPattern('ikke'), { norm: '_unable_', lower: '_unable_' })).toBe(
      true,
    );
    expect(matchTokenPattern(compileTokenPattern('#num'), { norm: '#num', lower: '#num' })).toBe(true);
  });
});
