import { describe, expect, it } from 'vitest';
import { readKnownNames } from './known-names';

describe('readKnownNames', () => {
  it('collects names from names, patient and relatives fields in their usual shapes, each once', () => {
    expect(
      readKnownNames({
        names: ['Kari  Nordmann', 'Ola Nordmann'],
        patient: { name: 'Kari Nordmann', birthYear: 1980 },
        relatives: [{ navn: 'Per Hansen' }, 'Siri Aasen'],
        reference_note: { aktuelt: 'Ikke et navn' },
      }),
    ).toEqual(['Kari Nordmann', 'Ola Nordmann', 'Per Hansen', 'Siri Aasen']);
    expect(readKnownNames({ pasient: 'Aisha Mohammed' })).toEqual(['Aisha Mohammed']);
  });

  it('ignores empty, non-text and overlong values', () => {
    expect(readKnownNames({ names: ['', '   ', 42, null, 'x'.repeat(101)], patient: true })).toEqual([]);
    expect(readKnownNames({})).toEqual([]);
  });
});
