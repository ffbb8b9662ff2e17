import { describe, expect, it } from 'vitest';
import { checkPersonNumber } from './person-number';
import type { PersonNumberType } from './person-number';
import { corruptPersonNumber, createSeededRandom, generatePersonNumber } from './person-number-generator';

const TYPES: PersonNumberType[] = ['fodselsnummer', 'd-nummer', 'h-nummer'];

describe('checkPersonNumber', () => {
  it.each([
    // Skatteetaten's examples (norwegian-domain.md §4.2).
    ['02013299997', true, true],
    ['30108299920', true, true],
    ['30108299939', false, true],
    ['02013299903', false, true],
  ])('%s: classic %s, 2032 rule %s', (value, classic, rule2032) => {
    const check = checkPersonNumber(value);
    expect(check.classic).toBe(classic);
    expect(check.rule2032).toBe(rule2032);
    expect(check.valid).toBe(true);
  });

  it('never accepts anything but 11 digits', () => {
    expect(checkPersonNumber('0201329999').valid).toBe(false);
    expect(checkPersonNumber('020132999970').valid).toBe(false);
    expect(checkPersonNumber('0201329999a').valid).toBe(false);
  });

  it('ignores separators between the digits', () => {
    expect(checkPersonNumber('020132 99997').classic).toBe(true);
    expect(checkPersonNumber('020132-99997').classic).toBe(true);
  });

  it('rejects an impossible date even when the checksums agree', () => {
    // Build a checksum-valid number on day 32 by brute force over the check digits.
    let found: string | undefined;
    for (let individual = 0; individual < 1000 && !found; individual += 1) {
      for (let checks = 0; checks < 100 && !found; checks += 1) {
        const candidate = `320190${String(individual).padStart(3, '0')}${String(checks).padStart(2, '0')}`;
        if (checkPersonNumber(candidate).classic) found = candidate;
      }
    }
    expect(found).toBeDefined();
    expect(checkPersonNumber(found!).plausibleDate).toBe(false);
    expect(checkPersonNumber(found!).valid).toBe(false);
  });
});

describe('generated person numbers', () => {
  const random = createSeededRandom(20320101);

  it.each(TYPES)('%s under the classic rule is valid under both rules and typed correctly', (type) => {
    for (let index = 0; index < 500; index += 1) {
      const value = generatePersonNumber({ type, rule: 'classic', random });
      const check = checkPersonNumber(value);
      expect(check, value).toMatchObject({
        classic: true,
        rule2032: true,
        type,
        plausibleDate: true,
        valid: true,
      });
    }
  });

  it.each(TYPES)(
    '%s under the 2032 rule only is valid for the 2032 rule and invalid for the classic',
    (type) => {
      for (let index = 0; index < 500; index += 1) {
        const value = generatePersonNumber({ type, rule: '2032-only', random });
        const check = checkPersonNumber(value);
        expect(check, value).toMatchObject({ classic: false, rule2032: true, type, valid: true });
      }
    },
  );

  it.each(TYPES)('a %s with a changed second check digit fails both rules', (type) => {
    for (let index = 0; index < 500; index += 1) {
      const rule = index % 2 === 0 ? 'classic' : '2032-only';
      const value = corruptPersonNumber(generatePersonNumber({ type, rule, random }), random);
      const check = checkPersonNumber(value);
      expect(check.classic, value).toBe(false);
      expect(check.rule2032, value).toBe(false);
      expect(check.valid, value).toBe(false);
    }
  });

  it('D-nummer has day + 40 and H-nummer has month + 40', () => {
    for (let index = 0; index < 200; index += 1) {
      const dNumber = generatePersonNumber({ type: 'd-nummer', random });
      const hNumber = generatePersonNumber({ type: 'h-nummer', random });
      expect(Number(dNumber.slice(0, 2))).toBeGreaterThanOrEqual(41);
      expect(Number(dNumber.slice(0, 2))).toBeLessThanOrEqual(71);
      expect(Number(hNumber.slice(2, 4))).toBeGreaterThanOrEqual(41);
      expect(Number(hNumber.slice(2, 4))).toBeLessThanOrEqual(52);
    }
  });
});
