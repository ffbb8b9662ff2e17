import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTranscriptionEngine } from './transcription-engine';
import { encodeWav } from './wav-audio';
import { WhisperNodeTranscriptionModel } from './whisper-node-transcription-model';

const folder = mkdtempSync(join(tmpdir(), 'kollega-whisper-node-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const modelPath = join(folder, 'ggml-test.bin');
writeFileSync(modelPath, 'not a real model');
const AUDIO = encodeWav({ sampleRate: 16000, samples: new Int16Array(16000) });

describe('WhisperNodeTranscriptionModel', () => {
  it('reports a missing model file as unavailable before loading anything', async () => {
    let imported = false;
    const model = new WhisperNodeTranscriptionModel({
      modelPath: join(folder, 'missing.bin'),
      importPackage: () => {
        imported = true;
        return Promise.resolve({});
      },
    });
    await expect(model.transcribe({ audio: AUDIO, mediaType: 'audio/wav' })).rejects.toMatchObject({
      code: 'unavailable',
      details: { reason: 'model_missing' },
    });
    expect(imported).toBe(false);
  });

  it('reports the package as not installed (it is not a dependency) without crashing', async () => {
    const engine = createTranscriptionEngine({ setting: `whisper-node:${modelPath}` });
    await expect(
      engine.model.transcribe({ audio: AUDIO, mediaType: 'audio/wav', language: 'no' }),
    ).rejects.toMatchObject({
      code: 'unavailable',
      details: { reason: 'package_missing' },
    });
  });

  it('transcribes 16-bit PCM through the package and converts millisecond times to seconds', async () => {
    const calls: Array<{ bytes: number; options: unknown }> = [];
    const model = new WhisperNodeTranscriptionModel({
      modelPath,
      importPackage: () =>
        Promise.resolve({
          initWhisper: (options: { filePath: string }) => {
            expect(options.filePath).toBe(modelPath);
            return Promise.resolve({
              transcribeData: (audio: ArrayBuffer, options: unknown) => {
                calls.push({ bytes: audio.byteLength, options });
                return {
                  stop: () => undefined,
                  promise: Promise.resolve({
                    result: ' Hei. Jeg har vondt.',
                    language: 'no',
                    isAborted: false,
                    segments: [
                      { text: ' Hei.', t0: 0, t1: 800 },
                      { text: ' Jeg har vondt.', t0: 900, t1: 2400 },
                    ],
                  }),
                };
              },
              release: () => Promise.resolve(),
            });
          },
        }),
    });
    const result = await model.transcribe({ audio: AUDIO, mediaType: 'audio/wav', language: 'no' });
    expect(calls).toEqual([{ bytes: 32000, options: { language: 'no' } }]);
    expect(result.segments).toEqual([
      { start: 0, end: 0.8, text: 'Hei.' },
      { start: 0.9, end: 2.4, text: 'Jeg har vondt.' },
    ]);
  });

  it('stops a run that never settles: a timeout, or at once when cancelled', async () => {
    let stops = 0;
    const hanging = {
      initWhisper: () =>
        Promise.resolve({
          transcribeData: () => ({
            stop: () => {
              stops += 1;
            },
            promise: new Promise(() => undefined),
          }),
          release: () => Promise.resolve(),
        }),
    };
    const timed = new WhisperNodeTranscriptionModel({
      modelPath,
      timeoutFactor: 0,
      minimumTimeoutMs: 100,
      importPackage: () => Promise.resolve(hanging),
    });
    await expect(timed.transcribe({ audio: AUDIO, mediaType: 'audio/wav' })).rejects.toMatchObject({
      code: 'timeout',
    });
    expect(stops).toBe(1);

    const cancelled = new WhisperNodeTranscriptionModel({
      modelPath,
      importPackage: () => Promise.resolve(hanging),
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    await expect(
      cancelled.transcribe({ audio: AUDIO, mediaType: 'audio/wav', signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'unavailable', details: { reason: 'cancelled' } });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(stops).toBe(2);
  });
});
