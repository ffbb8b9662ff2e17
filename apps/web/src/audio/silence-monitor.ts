/** Below this RMS level (dBFS) the microphone counts as silent. */
export const SILENCE_LEVEL_DB = -50;
/** Silence for longer than this raises the warning. */
export const SILENCE_WARNING_MS = 5000;

/** The RMS level of time-domain samples (−1…1) in dBFS; −100 for silence. */
export function measureLevelDb(samples: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < samples.length; index += 1) {
    const value = samples[index] ?? 0;
    sum += value * value;
  }
  const rms = Math.sqrt(sum / Math.max(1, samples.length));
  return rms > 0 ? Math.max(-100, 20 * Math.log10(rms)) : -100;
}

/** A level in dBFS as 0–1 for a meter (−60 dB and below is empty). */
export function levelToFraction(levelDb: number): number {
  return Math.min(1, Math.max(0, (levelDb + 60) / 60));
}

/**
 * Watches the microphone level and says when it has been silent for more than 5 seconds.
 * Paused time does not count: call `reset` when recording resumes.
 */
export class SilenceMonitor {
  private silentSince: number | undefined;

  constructor(
    private readonly thresholdDb = SILENCE_LEVEL_DB,
    private readonly warningMs = SILENCE_WARNING_MS,
  ) {}

  /** Feeds one level reading; returns true while the warning should show. */
  update(levelDb: number, now: number): boolean {
    if (levelDb > this.thresholdDb) {
      this.silentSince = undefined;
      return false;
    }
    this.silentSince ??= now;
    return now - this.silentSince > this.warningMs;
  }

  /** Forgets the silence so far (after a pause or a new stream). */
  reset(): void {
    this.silentSince = undefined;
  }
}
