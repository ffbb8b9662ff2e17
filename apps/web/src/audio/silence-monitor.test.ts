import { describe, expect, it } from 'vitest';
import { SilenceMonitor, levelToFraction, measureLevelDb } from './silence-monitor';

describe('SilenceMonitor', () => {
  it('warns only after more than 5 seconds of continuous silence', () => {
    const monitor = new SilenceMonitor();
    expect(monitor.update(-80, 0)).toBe(false);
    expect(monitor.update(-80, 5000)).toBe(false);
    expect(monitor.update(-80, 5100)).toBe(true);
    expect(monitor.update(-20, 5200)).toBe(false);
    expect(monitor.update(-80, 5300)).toBe(false);
    expect(monitor.update(-80, 10_200)).toBe(false);
    expect(monitor.update(-80, 10_400)).toBe(true);
  });

  it('forgets silence when reset (after a pause)', () => {
    const monitor = new SilenceMonitor();
    monitor.update(-80, 0);
    monitor.reset();
    expect(monitor.update(-80, 6000)).toBe(false);
  });
});

describe('measureLevelDb', () => {
  it('measures RMS in dBFS and maps it to a meter fraction', () => {
    expect(measureLevelDb(new Float32Array(100))).toBe(-100);
    const fullScaleSquare = Float32Array.from({ length: 100 }, (_, index) => (index % 2 === 0 ? 1 : -1));
    expect(measureLevelDb(fullScaleSquare)).toBeCloseTo(0, 5);
    const tenth = Float32Array.from({ length: 100 }, (_, index) => (index % 2 === 0 ? 0.1 : -0.1));
    expect(measureLevelDb(tenth)).toBeCloseTo(-20, 5);
    expect(levelToFraction(-100)).toBe(0);
    expect(levelToFraction(-30)).toBeCloseTo(0.5);
    expect(levelToFraction(3)).toBe(1);
  });
});
