import { describe, expect, it } from 'vitest';
import { averagePerDoctor, countAxisMaximum, formatShare, placePoints } from './mirror-model';

const month = (deviations: number) => ({
  month: '2025-01',
  approvedNotes: 0,
  respiratoryInfections: 0,
  withAntibiotic: 0,
  penicillinV: 0,
  assessed: 0,
  deviations,
});

describe('mirror model', () => {
  it('formats shares as whole percentages and leaves missing data unformatted', () => {
    expect(formatShare(2 / 3, 'en')).toBe('67 %');
    expect(formatShare(0, 'nb')).toBe('0 %');
    expect(formatShare(null, 'nb')).toBeUndefined();
  });

  it('averages the practice line over the doctors', () => {
    expect(averagePerDoctor([month(3), month(0)], 2)).toEqual([1.5, 0]);
    expect(averagePerDoctor([month(3)], 0)).toEqual([0]);
  });

  it('scales a count axis to a whole number of at least one', () => {
    expect(countAxisMaximum([[0, 0], [0]])).toBe(1);
    expect(countAxisMaximum([[1, 2.5], [2]])).toBe(3);
  });

  it('spreads points over the width and puts the maximum at the top', () => {
    expect(placePoints([0, 2, 4], { width: 100, height: 40, maximum: 4 })).toEqual([
      { x: 0, y: 40 },
      { x: 50, y: 20 },
      { x: 100, y: 0 },
    ]);
    expect(placePoints([1], { width: 100, height: 40, maximum: 2 })).toEqual([{ x: 50, y: 20 }]);
  });
});
