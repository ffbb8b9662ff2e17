import { describe, expect, it } from 'vitest';
import { AppError } from '@kollega/domain';
import type { TranscriptionRequest, TranscriptionResult } from '../models/transcription-model';
import { buildSyntheticAudio } from './testing-audio';
import { transcribeAudio } from './transcribe-audio';
import type { TranscriptionEngine } from './transcription-engine';
import { decodeWav } from './wav-audio';

/** An engine that reports one segment per call spanning the audio it got, after `delays[call]` ms. */
function createRecordingEngine(
  options: { delays?: number[]; failOnCall?: number; languages?: TranscriptionEngine['languages'] } = {},
) {
  const calls: Array<{ seconds: number; language?: string }> = [];
  let active = 0;
  let maxActive = 0;
  const engine: TranscriptionEngine = {
    id: 'test',
    displayName: 'Test',
    diarization: false,
    concurrency: 2,
    ...(options.languages === undefined ? {} : { languages: options.languages }),
    model: {
      provider: 'test',
      modelId: 'test',
      local: true,
      async transcribe(request: TranscriptionRequest): Promise<TranscriptionResult> {
        const call = calls.length;
        const audio = decodeWav(request.audio);
        const seconds = audio.samples.length / audio.sampleRate;
        calls.push({ seconds, ...(request.language === undefined ? {} : { language: request.language }) });
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setTimeout(resolve, options.delays?.[call] ?? 0));
        active -= 1;
        if (options.failOnCall === call) throw new AppError('unavailable', 'engine down');
        return {
          text: `call ${call}`,
          segments: [{ start: 0.25, end: seconds - 0.25, text: `call ${call}`, confidence: 0.9 }],
        };
      },
    },
  };
  return { engine, calls, maxActive: () => maxActive };
}

const THREE_WINDOWS = buildSyntheticAudio([
  { kind: 'tone', seconds: 25 },
  { kind: 'silence', seconds: 1 },
  { kind: 'tone', seconds: 25 },
  { kind: 'silence', seconds: 1 },
  { kind: 'tone', seconds: 10 },
]);

describe('transcribeAudio', () => {
  it('sends nothing to the engine for silence and says there is no speech', async () => {
    const { engine, calls } = createRecordingEngine();
    const result = await transcribeAudio(buildSyntheticAudio([{ kind: 'silence', seconds: 40 }]), {
      engine,
      language: 'en',
    });
    expect(calls).toHaveLength(0);
    expect(result.segments).toEqual([]);
    expect(result.speech.hasSpeech).toBe(false);
  });

  it('skips silent windows and sends only windows with speech', async () => {
    const { engine, calls } = createRecordingEngine();
    const audio = buildSyntheticAudio([
      { kind: 'tone', seconds: 10 },
      { kind: 'silence', seconds: 90 },
      { kind: 'tone', seconds: 10 },
    ]);
    const result = await transcribeAudio(audio, { engine, language: 'en' });
    expect(calls).toHaveLength(2);
    expect(result.skippedWindowCount).toBeGreaterThan(0);
    expect(result.segments.at(-1)!.start).toBeGreaterThan(90);
  });

  it('keeps windows in order when a later window finishes first, with times on the recording clock', async () => {
    const { engine, calls, maxActive } = createRecordingEngine({ delays: [150, 10, 10] });
    const order: string[] = [];
    const result = await transcribeAudio(THREE_WINDOWS, {
      engine,
      language: 'nb',
      offsetSeconds: 100,
      onSegments: (segments) => {
        order.push(...segments.map((segment) => segment.text));
      },
    });
    expect(calls).toHaveLength(3);
    expect(calls.every((call) => call.language === 'no')).toBe(true);
    expect(maxActive()).toBe(2);
    expect(order).toEqual(['call 0', 'call 1', 'call 2']);
    expect(result.segments[0]!.start).toBeCloseTo(100.25, 2);
    expect(result.segments[1]!.start).toBeGreaterThan(125);
    expect(result.segments[2]!.end).toBeLessThanOrEqual(100 + 62 + 0.01);
    // Every window is at most 30 s and they cover the audio.
    expect(calls.reduce((sum, call) => sum + call.seconds, 0)).toBeCloseTo(62, 0);
    expect(Math.max(...calls.map((call) => call.seconds))).toBeLessThanOrEqual(30);
  });

  it('reports progress after each window, ending at the full length', async () => {
    const { engine } = createRecordingEngine();
    const progress: Array<[number, number]> = [];
    await transcribeAudio(THREE_WINDOWS, {
      engine,
      language: 'en',
      concurrency: 1,
      onProgress: ({ processedSeconds, totalSeconds }) => progress.push([processedSeconds, totalSeconds]),
    });
    expect(progress).toHaveLength(3);
    expect(progress.map(([processed]) => processed)).toEqual(
      [...progress.map(([processed]) => processed)].sort((a, b) => a - b),
    );
    expect(progress.at(-1)![0]).toBeCloseTo(62, 1);
    expect(progress.at(-1)![1]).toBeCloseTo(62, 1);
  });

  it('fails with the engine error and stops taking new windows', async () => {
    const { engine, calls } = createRecordingEngine({ failOnCall: 0 });
    await expect(
      transcribeAudio(THREE_WINDOWS, { engine, language: 'en', concurrency: 1 }),
    ).rejects.toMatchObject({
      code: 'unavailable',
    });
    expect(calls).toHaveLength(1);
  });

  it('refuses a language the engine cannot transcribe', async () => {
    const { engine, calls } = createRecordingEngine({ languages: ['en'] });
    await expect(transcribeAudio(THREE_WINDOWS, { engine, language: 'nb' })).rejects.toMatchObject({
      code: 'unavailable',
      details: { reason: 'language' },
    });
    expect(calls).toHaveLength(0);
  });
});
