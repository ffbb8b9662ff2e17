import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeTranscriptionServer } from './fake-transcription-server';
import { startFakeTranscriptionServer } from './fake-transcription-server';
import { buildSyntheticAudio } from './testing-audio';
import { transcribeAudio } from './transcribe-audio';
import { createTranscriptionEngine, loadTranscriptionEngine } from './transcription-engine';

// Three bursts of speech-like sound separated by pauses, 70 s in all: three windows of at most 30 s.
const AUDIO = buildSyntheticAudio([
  { kind: 'tone', seconds: 25 },
  { kind: 'silence', seconds: 1 },
  { kind: 'tone', seconds: 20 },
  { kind: 'silence', seconds: 1 },
  { kind: 'tone', seconds: 23 },
]);

describe('OpenAI-compatible transcription engine (fake server on loopback)', () => {
  let server: FakeTranscriptionServer;

  beforeAll(async () => {
    server = await startFakeTranscriptionServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    server.setFallback({ kind: 'segments', segments: [] });
  });

  it('sends each window as verbose_json with the speech language and puts the segments on one clock', async () => {
    server.setFallback((request) => ({
      kind: 'segments',
      segments: [
        { start: 0.5, end: 4, text: ` window ${server.requests.indexOf(request)} first`, avg_logprob: -0.05 },
        { start: 5, end: 9, text: 'second part', avg_logprob: -1.2 },
      ],
    }));
    const engine = createTranscriptionEngine({
      setting: 'openai-compatible:nb-whisper',
      baseURL: server.baseURL,
      concurrency: 2,
    });
    const progress: number[] = [];
    const emitted: string[] = [];
    const result = await transcribeAudio(AUDIO, {
      engine,
      language: 'nb',
      onProgress: (update) => progress.push(update.processedSeconds),
      onSegments: (segments) => {
        emitted.push(...segments.map((segment) => segment.text));
      },
    });
    expect(server.requests).toHaveLength(3);
    for (const request of server.requests) {
      expect(request.path).toBe('/v1/audio/transcriptions');
      expect(request.fields).toMatchObject({
        model: 'nb-whisper',
        response_format: 'verbose_json',
        language: 'no',
      });
      expect(request.audioBytes).toBeGreaterThan(16000 * 2 * 15);
    }
    expect(result.segments).toHaveLength(6);
    // Times are on the recording's clock and increase; windows come back in order even when run in parallel.
    const starts = result.segments.map((segment) => segment.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(result.segments[2]!.start).toBeGreaterThan(25);
    expect(result.segments[0]!.confidence).toBeCloseTo(Math.exp(-0.05));
    expect(result.segments[1]!.confidence).toBeLessThan(0.6);
    expect(emitted).toEqual(result.segments.map((segment) => segment.text));
    expect(progress).toHaveLength(3);
    expect(progress.at(-1)).toBeCloseTo(70, 0);
  });

  it('retries a server error and then succeeds', async () => {
    server.enqueue(
      { kind: 'error', status: 503 },
      { kind: 'segments', segments: [{ start: 0, end: 2, text: 'hello' }] },
    );
    const engine = createTranscriptionEngine({
      setting: 'openai-compatible:whisper-1',
      baseURL: server.baseURL,
      resilience: { baseDelayMs: 1, maxDelayMs: 2 },
    });
    const result = await engine.model.transcribe({ audio: new Uint8Array(10), mediaType: 'audio/wav' });
    expect(result.segments.map((segment) => segment.text)).toEqual(['hello']);
    expect(server.requests).toHaveLength(2);
  });

  it('fails with a clear error on a rejected request, without retrying', async () => {
    server.enqueue({ kind: 'error', status: 400 });
    const engine = createTranscriptionEngine({
      setting: 'openai-compatible:whisper-1',
      baseURL: server.baseURL,
    });
    await expect(
      engine.model.transcribe({ audio: new Uint8Array(10), mediaType: 'audio/wav' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('gives up on a slow server after the timeout', async () => {
    server.setFallback({ kind: 'segments', segments: [{ start: 0, end: 1, text: 'late' }], delayMs: 2000 });
    const engine = createTranscriptionEngine({
      setting: 'openai-compatible:whisper-1',
      baseURL: server.baseURL,
      resilience: { timeoutMs: 150, maxRetries: 0 },
    });
    const started = performance.now();
    await expect(
      engine.model.transcribe({ audio: new Uint8Array(10), mediaType: 'audio/wav' }),
    ).rejects.toMatchObject({
      code: 'timeout',
    });
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('accepts a slow server within the timeout', async () => {
    server.setFallback({
      kind: 'segments',
      segments: [{ start: 0, end: 1, text: 'slow but fine' }],
      delayMs: 300,
    });
    const engine = createTranscriptionEngine({
      setting: 'openai-compatible:whisper-1',
      baseURL: server.baseURL,
    });
    const result = await engine.model.transcribe({ audio: new Uint8Array(10), mediaType: 'audio/wav' });
    expect(result.text).toBe('slow but fine');
  });

  it('treats an answer without segments as text without times', async () => {
    server.enqueue({ kind: 'text-only', text: 'just text' });
    const engine = createTranscriptionEngine({
      setting: 'openai-compatible:whisper-1',
      baseURL: server.baseURL,
    });
    const result = await engine.model.transcribe({ audio: new Uint8Array(10), mediaType: 'audio/wav' });
    expect(result.segments).toEqual([]);
    expect(result.text).toBe('just text');
  });

  it('is configured from the environment, and refuses a remote server under a local-only policy', () => {
    const engine = loadTranscriptionEngine({
      KOLLEGA_TRANSCRIPTION: 'openai-compatible:nb-whisper',
      KOLLEGA_TRANSCRIPTION_BASE_URL: server.baseURL,
    });
    expect(engine.id).toBe('openai-compatible:nb-whisper');
    expect(engine.model.local).toBe(true);
    expect(() =>
      loadTranscriptionEngine({
        KOLLEGA_TRANSCRIPTION: 'openai-compatible:whisper-1',
        KOLLEGA_TRANSCRIPTION_BASE_URL: 'https://api.example.com/v1',
        KOLLEGA_MODEL_LOCAL_ONLY: 'true',
      }),
    ).toThrow(expect.objectContaining({ code: 'forbidden' }) as Error);
    expect(() => loadTranscriptionEngine({ KOLLEGA_TRANSCRIPTION: 'openai-compatible:x' })).toThrow(
      /BASE_URL/,
    );
    expect(() => loadTranscriptionEngine({ KOLLEGA_TRANSCRIPTION: 'deepspeech' })).toThrow(
      /KOLLEGA_TRANSCRIPTION/,
    );
    expect(loadTranscriptionEngine({}).id).toBe('pocketsphinx');
  });
});
