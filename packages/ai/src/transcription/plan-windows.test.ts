import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findPauseBefore, planAudioWindows } from './plan-windows';
import { FRAME_SECONDS, findSpeechThreshold, measureFrameLevels } from './speech-activity';
import { buildSyntheticAudio } from './testing-audio';
import type { SyntheticPiece } from './testing-audio';

function plan(pieces: SyntheticPiece[], windowSeconds = 30) {
  const levels = measureFrameLevels(buildSyntheticAudio(pieces));
  return planAudioWindows(levels, { thresholdDb: findSpeechThreshold(levels), windowSeconds });
}

describe('planAudioWindows', () => {
  it('keeps short audio in one window', () => {
    expect(plan([{ kind: 'tone', seconds: 12 }])).toEqual([
      { start: 0, end: expect.closeTo(12, 1) as number, hasSpeech: true },
    ]);
  });

  it('cuts long audio at the pause nearest before the limit, never inside speech', () => {
    // Speech 0–20 s, pause 20–21 s, speech 21–40 s: the 30 s limit falls in speech, so cut in the pause.
    const windows = plan([
      { kind: 'tone', seconds: 20 },
      { kind: 'silence', seconds: 1 },
      { kind: 'tone', seconds: 19 },
    ]);
    expect(windows).toHaveLength(2);
    expect(windows[0]!.end).toBeGreaterThan(20);
    expect(windows[0]!.end).toBeLessThan(21);
    expect(windows[1]!.start).toBe(windows[0]!.end);
  });

  it('marks windows without speech so they can be skipped', () => {
    const windows = plan([
      { kind: 'tone', seconds: 5 },
      { kind: 'silence', seconds: 60 },
      { kind: 'tone', seconds: 5 },
    ]);
    expect(windows.length).toBeGreaterThanOrEqual(3);
    expect(windows.some((window) => !window.hasSpeech)).toBe(true);
    expect(windows[0]!.hasSpeech).toBe(true);
    expect(windows.at(-1)!.hasSpeech).toBe(true);
  });

  it('covers the whole audio with contiguous windows no longer than the limit (any levels)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -120, max: 0, noNaN: true }), { minLength: 1, maxLength: 4000 }),
        fc.integer({ min: 2, max: 40 }),
        (values, windowSeconds) => {
          const levels = Float32Array.from(values);
          const windows = planAudioWindows(levels, { thresholdDb: -40, windowSeconds });
          expect(windows[0]!.start).toBe(0);
          expect(windows.at(-1)!.end).toBeCloseTo(levels.length * FRAME_SECONDS, 6);
          for (let index = 0; index < windows.length; index += 1) {
            const window = windows[index]!;
            expect(window.end).toBeGreaterThan(window.start);
            expect(window.end - window.start).toBeLessThanOrEqual(windowSeconds + 1e-6);
            if (index > 0) expect(window.start).toBe(windows[index - 1]!.end);
          }
        },
      ),
    );
  });
});

describe('findPauseBefore', () => {
  it('finds the latest pause before a point, and nothing inside continuous speech', () => {
    const levels = measureFrameLevels(
      buildSyntheticAudio([
        { kind: 'tone', seconds: 4 },
        { kind: 'silence', seconds: 0.6 },
        { kind: 'tone', seconds: 4 },
      ]),
    );
    const pause = findPauseBefore(levels, { latestSeconds: 8.5, searchSeconds: 6, thresholdDb: -40 });
    expect(pause).toBeGreaterThan(4);
    expect(pause).toBeLessThan(4.6);
    expect(
      findPauseBefore(levels, { latestSeconds: 3.5, searchSeconds: 3, thresholdDb: -40 }),
    ).toBeUndefined();
  });
});
