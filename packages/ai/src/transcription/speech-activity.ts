import type { PcmAudio } from './wav-audio';

/** Length of one analysis frame: 30 ms, a common choice for speech energy. */
export const FRAME_SECONDS = 0.03;

/** Level reported for digital silence (a frame of zeros). */
export const SILENCE_DB = -120;

/** A frame counts as speech when louder than this much above the recording's noise floor… */
const SPEECH_ABOVE_FLOOR_DB = 15;
/** …and never when quieter than this (a faint hum is not speech)… */
const SPEECH_MINIMUM_DB = -50;
/** …while anything louder than this counts even in a noisy room. */
const SPEECH_CEILING_DB = -35;

/** Less speech than this in a whole recording is "Ingen tale registrert". */
export const MINIMUM_SPEECH_SECONDS = 0.5;

/** The level of each frame in dBFS (0 = full scale; `SILENCE_DB` for zeros). */
export function measureFrameLevels(audio: PcmAudio, frameSeconds = FRAME_SECONDS): Float32Array {
  const frameLength = Math.max(1, Math.round(frameSeconds * audio.sampleRate));
  const count = Math.ceil(audio.samples.length / frameLength);
  const levels = new Float32Array(count);
  for (let frame = 0; frame < count; frame += 1) {
    const start = frame * frameLength;
    const end = Math.min(audio.samples.length, start + frameLength);
    let sum = 0;
    for (let index = start; index < end; index += 1) {
      const value = (audio.samples[index] ?? 0) / 32768;
      sum += value * value;
    }
    const rms = Math.sqrt(sum / Math.max(1, end - start));
    levels[frame] = rms > 0 ? Math.max(SILENCE_DB, 20 * Math.log10(rms)) : SILENCE_DB;
  }
  return levels;
}

/**
 * The level above which a frame counts as speech: 15 dB above the noise floor (the 5th percentile of
 * frame levels), but at least −50 dBFS and at most −35 dBFS.
 */
export function findSpeechThreshold(levels: Float32Array): number {
  if (levels.length === 0) return SPEECH_MINIMUM_DB;
  const sorted = Float32Array.from(levels).sort();
  const floor = sorted[Math.floor(sorted.length * 0.05)] ?? SILENCE_DB;
  return Math.min(SPEECH_CEILING_DB, Math.max(SPEECH_MINIMUM_DB, floor + SPEECH_ABOVE_FLOOR_DB));
}

/** How much speech a recording holds, by frame energy. */
export interface SpeechMeasurement {
  durationSeconds: number;
  /** Seconds of frames above the speech threshold. */
  speechSeconds: number;
  /** Loudest frame, dBFS. */
  peakDb: number;
  /** Level of the whole recording (RMS), dBFS. */
  averageDb: number;
  thresholdDb: number;
  /** False for silence or near-silence: no transcript and no note are made. */
  hasSpeech: boolean;
}

/** Measures speech energy; silence, a hum or near-silence gives `hasSpeech: false`. */
export function measureSpeech(audio: PcmAudio, levels = measureFrameLevels(audio)): SpeechMeasurement {
  const thresholdDb = findSpeechThreshold(levels);
  let speechFrames = 0;
  let peakDb = SILENCE_DB;
  let energy = 0;
  for (const level of levels) {
    if (level > thresholdDb) speechFrames += 1;
    peakDb = Math.max(peakDb, level);
    energy += level <= SILENCE_DB ? 0 : 10 ** (level / 10);
  }
  const averageDb =
    energy > 0 ? Math.max(SILENCE_DB, 10 * Math.log10(energy / Math.max(1, levels.length))) : SILENCE_DB;
  const frameSeconds = levels.length === 0 ? 0 : audio.samples.length / audio.sampleRate / levels.length;
  const speechSeconds = speechFrames * frameSeconds;
  return {
    durationSeconds: audio.samples.length / audio.sampleRate,
    speechSeconds,
    peakDb,
    averageDb,
    thresholdDb,
    hasSpeech: speechSeconds >= MINIMUM_SPEECH_SECONDS,
  };
}
