import { FRAME_SECONDS } from './speech-activity';

/** A stretch of audio sent to the engine in one call. */
export interface AudioWindow {
  /** Seconds from the start of the audio. */
  start: number;
  end: number;
  /** False when no frame in the window is above the speech threshold; such windows are skipped. */
  hasSpeech: boolean;
}

/** Options for `planAudioWindows`. */
export interface PlanWindowsOptions {
  /** Longest window; default 30 s (Whisper's context length). */
  windowSeconds?: number;
  /** How far back from the window's end to look for a pause to cut at; default a third of the window. */
  searchSeconds?: number;
  /** Frame length of `levels`; default `FRAME_SECONDS`. */
  frameSeconds?: number;
  /** Frames above this level are speech. */
  thresholdDb: number;
}

/** Mean level over `radius` frames either side, so a cut lands in a pause rather than between two syllables. */
function smoothLevels(levels: Float32Array, radius: number): Float32Array {
  const smoothed = new Float32Array(levels.length);
  let sum = 0;
  let count = 0;
  let left = 0;
  let right = -1;
  for (let index = 0; index < levels.length; index += 1) {
    while (right < Math.min(levels.length - 1, index + radius)) {
      right += 1;
      sum += levels[right] ?? 0;
      count += 1;
    }
    while (left < index - radius) {
      sum -= levels[left] ?? 0;
      count -= 1;
      left += 1;
    }
    smoothed[index] = sum / Math.max(1, count);
  }
  return smoothed;
}

/**
 * Splits audio into windows of at most `windowSeconds`, each cut at the quietest moment (a pause) in the
 * last `searchSeconds` before the limit, so no word is cut in two. Windows without speech are marked.
 */
export function planAudioWindows(levels: Float32Array, options: PlanWindowsOptions): AudioWindow[] {
  const frameSeconds = options.frameSeconds ?? FRAME_SECONDS;
  const windowFrames = Math.max(1, Math.round((options.windowSeconds ?? 30) / frameSeconds));
  const searchFrames = Math.max(
    1,
    Math.min(
      windowFrames - 1,
      Math.round((options.searchSeconds ?? (options.windowSeconds ?? 30) / 3) / frameSeconds),
    ),
  );
  const smoothed = smoothLevels(levels, Math.max(1, Math.round(0.15 / frameSeconds)));
  const windows: AudioWindow[] = [];
  let start = 0;
  while (start < levels.length) {
    let end = levels.length;
    if (levels.length - start > windowFrames) {
      const limit = start + windowFrames;
      let best = limit;
      let bestLevel = Number.POSITIVE_INFINITY;
      for (let index = limit; index >= limit - searchFrames; index -= 1) {
        const level = smoothed[index] ?? Number.POSITIVE_INFINITY;
        // Strictly quieter only: among equal pauses the latest one wins, giving longer windows.
        if (level < bestLevel - 0.01) {
          best = index;
          bestLevel = level;
        }
      }
      end = best;
    }
    let hasSpeech = false;
    for (let index = start; index < end && !hasSpeech; index += 1) {
      if ((levels[index] ?? -Infinity) > options.thresholdDb) hasSpeech = true;
    }
    windows.push({ start: start * frameSeconds, end: end * frameSeconds, hasSpeech });
    start = end;
  }
  return windows;
}

/**
 * Where to end a stretch of live audio: the quietest moment within `searchSeconds` before `latest`
 * (seconds from `frames`' start), or undefined when there is no pause quieter than `thresholdDb`.
 */
export function findPauseBefore(
  levels: Float32Array,
  options: { latestSeconds: number; searchSeconds: number; thresholdDb: number; frameSeconds?: number },
): number | undefined {
  const frameSeconds = options.frameSeconds ?? FRAME_SECONDS;
  const smoothed = smoothLevels(levels, Math.max(1, Math.round(0.15 / frameSeconds)));
  const latest = Math.min(levels.length - 1, Math.floor(options.latestSeconds / frameSeconds));
  const earliest = Math.max(0, latest - Math.round(options.searchSeconds / frameSeconds));
  let best: number | undefined;
  let bestLevel = options.thresholdDb;
  for (let index = latest; index >= earliest; index -= 1) {
    const level = smoothed[index] ?? Number.POSITIVE_INFINITY;
    if (level < bestLevel - 0.01) {
      best = index;
      bestLevel = level;
    }
  }
  return best === undefined ? undefined : best * frameSeconds;
}
