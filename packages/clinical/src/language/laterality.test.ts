import { describe, expect, it } from 'vitest';
import { findSides, formatLaterality, resolveLaterality, startsWithCorrection } from './laterality';

describe('laterality', () => {
  it('finds sides and both sides', () => {
    expect(resolveLaterality('vondt i høyre øre', 'nb')).toBe('høyre');
    expect(resolveLaterality('belegg på begge sider', 'nb')).toBe('bilateral');
    expect(resolveLaterality('pain in the left knee', 'en')).toBe('venstre');
    expect(resolveLaterality('crackles in both lungs', 'en')).toBe('bilateral');
    expect(resolveLaterality('vondt i halsen', 'nb')).toBeUndefined();
  });

  it('lets a self-correction win', () => {
    expect(resolveLaterality('Høyre. Eller, nei vent, det var venstre kne.', 'nb')).toBe('venstre');
    expect(resolveLaterality('It is the right one, no wait, the left knee.', 'en')).toBe('venstre');
  });

  it('does not count "begge sider" as two sides', () => {
    expect(findSides('ømme lymfeknuter på begge sider', 'nb')).toHaveLength(1);
  });

  it('recognises correction openers', () => {
    expect(startsWithCorrection('Nei vent, det var venstre.', 'nb')).toBe(true);
    expect(startsWithCorrection('Nei, ingen feber.', 'nb')).toBe(false);
  });

  it('formats GP shorthand', () => {
    expect(formatLaterality('høyre', 'nb')).toBe('h.');
    expect(formatLaterality('venstre', 'nb')).toBe('v.');
    expect(formatLaterality('bilateral', 'nb')).toBe('bilat.');
    expect(formatLaterality('venstre', 'en')).toBe('left');
  });
});
