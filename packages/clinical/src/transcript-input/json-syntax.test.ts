import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonSyntaxError, positionAt } from './json-syntax';

describe('locateJsonSyntaxError', () => {
  it('accepts any JSON that JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
        expect(locateJsonSyntaxError(text)).toBeUndefined();
      }),
    );
  });

  it('agrees with JSON.parse on whether a mutated text is valid', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n'),
        (value, at, insert) => {
          const text = JSON.stringify(value);
          const position = at % (text.length + 1);
          const mutated = text.slice(0, position) + insert + text.slice(position);
          let valid = true;
          try {
            JSON.parse(mutated);
          } catch {
            valid = false;
          }
          expect(locateJsonSyntaxError(mutated) === undefined).toBe(valid);
        },
      ),
    );
  });

  it('points at the first offending character', () => {
    expect(locateJsonSyntaxError('{"a": 1 "b": 2}')).toBe(8);
    expect(locateJsonSyntaxError('[1, 2')).toBe(5);
    expect(locateJsonSyntaxError('{"a": tru}')).toBe(6);
    expect(locateJsonSyntaxError('{"a": "x\ny"}')).toBe(8);
    expect(locateJsonSyntaxError('{} x')).toBe(3);
    expect(locateJsonSyntaxError('')).toBe(0);
  });
});

describe('positionAt', () => {
  it('gives 1-based line and column', () => {
    expect(positionAt('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab\n', 3)).toEqual({ line: 2, column: 1 });
  });
});
