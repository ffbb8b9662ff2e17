import { describe, expect, it } from 'vitest';
import { formatLatency, formatPoints, formatRatio, formatShare, progressPercent } from './evaluation-format';

describe('evaluation figures in Bokmål', () => {
  it('writes fractions as points and percentages with a decimal comma, and a dash for no value', () => {
    expect(formatPoints(0.40504)).toBe('40,5');
    expect(formatShare(0.0403)).toBe('4,0 %');
    expect(formatShare(null)).toBe('–');
    expect(formatRatio(1.185)).toBe('1,19');
  });

  it('writes latency in milliseconds below one second and in seconds above', () => {
    expect(formatLatency(79.6)).toBe('80 ms');
    expect(formatLatency(1121)).toBe('1,1 s');
    expect(formatLatency(null)).toBe('–');
  });

  it('keeps the progress bar within 0–100 and at 0 for an empty run', () => {
    expect(progressPercent(0, 0)).toBe(0);
    expect(progressPercent(1, 3)).toBe(33);
    expect(progressPercent(6, 6)).toBe(100);
    expect(progressPercent(7, 6)).toBe(100);
  });
});
