import { describe, expect, it } from 'vitest';
import { findTimeExpressions, mainTime } from './time-expressions';

describe('time expressions', () => {
  it('reads onsets, durations and points (nb)', () => {
    expect(mainTime('det begynte for 3 dager siden', 'nb')).toMatchObject({
      kind: 'onset',
      text: 'for 3 d siden',
      past: true,
    });
    expect(mainTime('plaget siden i sommer', 'nb')).toMatchObject({ kind: 'onset', text: 'siden i sommer' });
    expect(mainTime('hostet i 2 uker', 'nb')).toMatchObject({ kind: 'duration', text: '2 uker' });
    expect(mainTime('hadde lungebetennelse i fjor', 'nb')).toMatchObject({
      kind: 'point',
      text: 'i fjor',
      past: true,
    });
    expect(mainTime('de siste 4 dagene', 'nb')).toMatchObject({ kind: 'duration', text: 'siste 4 d' });
  });

  it('reads English time', () => {
    expect(mainTime('it started 2 weeks ago', 'en')).toMatchObject({ kind: 'onset', past: true });
    expect(mainTime('for the past 3 days', 'en')).toMatchObject({ kind: 'duration', text: '3 days' });
  });

  it('finds nothing in a sentence without time', () => {
    expect(findTimeExpressions('vondt i halsen', 'nb')).toEqual([]);
  });
});
