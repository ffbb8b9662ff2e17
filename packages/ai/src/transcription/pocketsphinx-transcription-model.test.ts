import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePocketsphinxOutput, PocketsphinxTranscriptionModel } from './pocketsphinx-transcription-model';
import { hasPrograms, speakWithFlite } from './testing-audio';
import { encodeWav } from './wav-audio';

const SAMPLE_OUTPUT = [
  'hello what brings you in',
  '<s> 0.000 0.130 0.999700',
  'hello(2) 0.140 0.640 0.999800',
  '<sil> 0.650 0.820 0.918136',
  'what 0.830 1.030 0.635367',
  'brings 1.040 1.350 0.708759',
  '[NOISE] 1.360 1.400 0.5',
  'you 1.410 1.510 0.456763',
  'in 1.520 1.810 0.261203',
  '</s> 1.820 1.900 1.000000',
  'thank you',
  '<s> 7.950 8.050 0.999900',
  'thank 8.060 8.430 0.670222',
  'you 8.440 8.540 0.993421',
  '</s> 9.180 9.250 1.000000',
  '',
  '<s> 10.000 10.730 1.000100',
  '</s> 10.740 10.960 1.000000',
].join('\n');

describe('parsePocketsphinxOutput', () => {
  it('makes one segment per utterance with word times, without fillers, and the mean word posterior', () => {
    const utterances = parsePocketsphinxOutput(SAMPLE_OUTPUT);
    expect(utterances).toHaveLength(2);
    expect(utterances[0]).toMatchObject({ start: 0.14, end: 1.81, text: 'hello what brings you in' });
    expect(utterances[0]!.words.map((word) => word.text)).toEqual(['hello', 'what', 'brings', 'you', 'in']);
    expect(utterances[0]!.confidence).toBeCloseTo(
      (0.9998 + 0.635367 + 0.708759 + 0.456763 + 0.261203) / 5,
      5,
    );
    expect(utterances[1]).toMatchObject({ start: 8.06, end: 8.54, text: 'thank you' });
  });

  it('returns nothing for silence', () => {
    expect(parsePocketsphinxOutput('\n<s> 0.000 0.730 1.000100\n</s> 0.740 0.960 1.000000\n')).toEqual([]);
  });
});

describe('PocketsphinxTranscriptionModel', () => {
  it('refuses Norwegian and non-WAV audio before running anything', async () => {
    const model = new PocketsphinxTranscriptionModel({ command: '/nonexistent/pocketsphinx' });
    const wav = encodeWav({ sampleRate: 16000, samples: new Int16Array(160) });
    await expect(
      model.transcribe({ audio: wav, mediaType: 'audio/wav', language: 'no' }),
    ).rejects.toMatchObject({
      code: 'unavailable',
      details: { reason: 'language' },
    });
    await expect(model.transcribe({ audio: wav, mediaType: 'audio/mpeg' })).rejects.toMatchObject({
      code: 'unsupported_media_type',
    });
  });

  it('says clearly when pocketsphinx is not installed', async () => {
    const model = new PocketsphinxTranscriptionModel({ command: '/nonexistent/pocketsphinx' });
    const wav = encodeWav({ sampleRate: 16000, samples: new Int16Array(160) });
    await expect(
      model.transcribe({ audio: wav, mediaType: 'audio/wav', language: 'en' }),
    ).rejects.toMatchObject({
      code: 'unavailable',
      details: { reason: 'missing' },
    });
  });

  describe.skipIf(!hasPrograms('flite', 'pocketsphinx_continuous'))(
    'with Debian pocketsphinx and flite',
    () => {
      const folder = mkdtempSync(join(tmpdir(), 'kollega-sphinx-test-'));
      afterAll(() => rmSync(folder, { recursive: true, force: true }));

      it('recognises synthetic English clinical speech with word times', async () => {
        const path = join(folder, 'speech.wav');
        speakWithFlite('The patient has a cough and a mild fever for three days.', path);
        const result = await new PocketsphinxTranscriptionModel().transcribe({
          audio: readFileSync(path),
          mediaType: 'audio/wav',
          language: 'en',
        });
        expect(result.text).toMatch(/cough/);
        expect(result.text).toMatch(/fever/);
        expect(result.text).toMatch(/three days/);
        const segment = result.segments[0]!;
        expect(segment.start).toBeGreaterThanOrEqual(0);
        expect(segment.end).toBeLessThanOrEqual(result.durationSeconds! + 0.1);
        expect(segment.confidence).toBeGreaterThan(0);
        expect(segment.confidence).toBeLessThanOrEqual(1);
      }, 60_000);
    },
  );
});
