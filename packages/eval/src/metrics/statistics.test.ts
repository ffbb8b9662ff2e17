import { describe, expect, it } from 'vitest';
import { estimateCost } from './cost';
import { mean, quantile, ratio, sum } from './statistics';

describe('statistics', () => {
  it('means and sums ignore nulls', () => {
    expect(mean([1, null, 2, 6])).toBe(3);
    expect(mean([null])).toBeNull();
    expect(sum([1, null, 2.5])).toBe(3.5);
  });

  it('takes the upper median for an even count, as score.mjs', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(3);
    expect(quantile([5, 1, 3], 0.5)).toBe(3);
  });

  it('takes p95 by nearest rank and clamps to the largest value', () => {
    const values = Array.from({ length: 20 }, (_, index) => index + 1);
    expect(quantile(values, 0.95)).toBe(20);
    expect(quantile(values.slice(0, 10), 0.95)).toBe(10);
    expect(quantile([], 0.95)).toBeNull();
  });

  it('ratio is null over zero', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 0)).toBeNull();
  });
});

describe('estimateCost', () => {
  it('prices input and output tokens per 1000', () => {
    // 1500 in × 0.5 / 1000 + 400 out × 1.5 / 1000 = 0.75 + 0.6
    expect(
      estimateCost({ tokensIn: 1500, tokensOut: 400 }, { inputPer1k: 0.5, outputPer1k: 1.5 }),
    ).toBeCloseTo(1.35, 10);
  });

  it('is 0 without prices or tokens', () => {
    expect(estimateCost({ tokensIn: 1500 }, undefined)).toBe(0);
    expect(estimateCost({}, { inputPer1k: 1, outputPer1k: 1 })).toBe(0);
  });
});
