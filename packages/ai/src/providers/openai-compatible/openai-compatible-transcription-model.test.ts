import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeOpenAIServer } from '../../testing/fake-openai-server';
import { startFakeOpenAIServer } from '../../testing/fake-openai-server';
import { createAzureOpenAIProvider, createOpenAICompatibleProvider } from './openai-compatible-provider';

describe('OpenAICompatibleTranscriptionModel', () => {
  let server: FakeOpenAIServer;
  const audio = new Uint8Array([82, 73, 70, 70, 0, 1, 2, 3]);

  beforeAll(async () => {
    server = await startFakeOpenAIServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  it('uploads the audio as multipart with verbose_json and returns timed segments with confidence', async () => {
    server.enqueue({
      kind: 'transcription',
      text: ' Hei, hva kan jeg hjelpe deg med? Jeg har vondt i halsen. ',
      language: 'norwegian',
      duration: 4.2,
      segments: [
        { start: 0, end: 1.8, text: ' Hei, hva kan jeg hjelpe deg med?', avg_logprob: -0.1 },
        { start: 1.8, end: 4.2, text: ' Jeg har vondt i halsen.', avg_logprob: -0.7 },
      ],
    });
    const model = createOpenAICompatibleProvider({ name: 'whisper', baseURL: server.baseURL })
      .transcriptionModel!('nb-whisper-large');
    const result = await model.transcribe({
      audio,
      mediaType: 'audio/wav',
      language: 'no',
      prompt: 'fenoksymetylpenicillin',
    });
    expect(result.text).toBe('Hei, hva kan jeg hjelpe deg med? Jeg har vondt i halsen.');
    expect(result.durationSeconds).toBe(4.2);
    expect(result.segments).toHaveLength(2);
    expect(result.segments[0]).toMatchObject({
      start: 0,
      end: 1.8,
      text: 'Hei, hva kan jeg hjelpe deg med?',
    });
    expect(result.segments[0]!.confidence).toBeCloseTo(Math.exp(-0.1));
    expect(result.segments[1]!.confidence).toBeLessThan(result.segments[0]!.confidence!);

    const request = server.requests[0]!;
    expect(request.path).toBe('/v1/audio/transcriptions');
    expect(String(request.headers['content-type'])).toMatch(/^multipart\/form-data/);
    for (const field of [
      'nb-whisper-large',
      'verbose_json',
      'no',
      'fenoksymetylpenicillin',
      'filename="audio.wav"',
    ]) {
      expect(request.body).toContain(field);
    }
  });

  it('uses the Azure deployment path for transcriptions', async () => {
    server.enqueue({ kind: 'transcription', text: 'hei', segments: [] });
    const model = createAzureOpenAIProvider({ endpoint: server.origin, apiKey: 'k' }).transcriptionModel!(
      'whisper-eu',
    );
    await model.transcribe({ audio, mediaType: 'audio/webm' });
    expect(server.requests[0]!.path).toBe('/openai/deployments/whisper-eu/audio/transcriptions');
    expect(server.requests[0]!.query['api-version']).toBeDefined();
  });

  it('maps HTTP failures to AppErrors', async () => {
    server.enqueue({ kind: 'error', status: 503 });
    const model = createOpenAICompatibleProvider({ name: 'whisper', baseURL: server.baseURL })
      .transcriptionModel!('w');
    await expect(model.transcribe({ audio, mediaType: 'audio/wav' })).rejects.toMatchObject({
      code: 'unavailable',
      details: { retryable: true },
    });
  });
});
