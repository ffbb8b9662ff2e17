import { describe, expect, it } from 'vitest';
import { measureFrameLevels, measureSpeech, SILENCE_DB } from './speech-activity';
import { buildSyntheticAudio } from './testing-audio';

describe('measureSpeech', () => {
  it('finds no speech in digital silence', () => {
    const speech = measureSpeech(buildSyntheticAudio([{ kind: 'silence', seconds: 10 }]));
    expect(speech.hasSpeech).toBe(false);
    expect(speech.peakDb).toBe(SILENCE_DB);
    expect(speech.speechSeconds).toBe(0);
  });

  it('finds no speech in a faint hiss or in steady room noise', () => {
    for (const db of [-70, -55, -45]) {
      const speech = measureSpeech(buildSyntheticAudio([{ kind: 'noise', seconds: 8, db }]));
      expect(speech.hasSpeech, `noise at ${db} dBFS`).toBe(false);
    }
  });

  it('finds speech-like bursts over silence and over room noise, and measures their length', () => {
    const quiet = measureSpeech(
      buildSyntheticAudio([
        { kind: 'silence', seconds: 2 },
        { kind: 'tone', seconds: 1.5, db: -20 },
        { kind: 'silence', seconds: 2 },
        { kind: 'tone', seconds: 1, db: -25 },
      ]),
    );
    expect(quiet.hasSpeech).toBe(true);
    expect(quiet.speechSeconds).toBeGreaterThan(2.2);
    expect(quiet.speechSeconds).toBeLessThan(2.8);

    const noisyRoom = measureSpeech(
      buildSyntheticAudio([
        { kind: 'noise', seconds: 3, db: -55 },
        { kind: 'tone', seconds: 2, db: -25 },
        { kind: 'noise', seconds: 3, db: -55 },
      ]),
    );
    expect(noisyRoom.hasSpeech).toBe(true);
  });

  it('treats a single short click as no speech', () => {
    const click = measureSpeech(
      buildSyntheticAudio([
        { kind: 'silence', seconds: 5 },
        { kind: 'tone', seconds: 0.1, db: -6 },
        { kind: 'silence', seconds: 5 },
      ]),
    );
    expect(click.hasSpeech).toBe(false);
  });

  it('measures frame levels in dBFS', () => {
    const levels = measureFrameLevels(buildSyntheticAudio([{ kind: 'noise', seconds: 1, db: -20 }]));
    const mean = levels.reduce((sum, level) => sum + level, 0) / levels.length;
    expect(mean).toBeGreaterThan(-22);
    expect(mean).toBeLessThan(-18);
  });
});
