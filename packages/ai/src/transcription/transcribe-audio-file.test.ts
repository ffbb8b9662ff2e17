import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { draftNote, renderNoteText } from '@kollega/clinical';
import { hasPrograms, runFfmpeg, runSox, speakWithFlite } from './testing-audio';
import { isAudioFileName, transcribeAudioFile } from './transcribe-audio-file';
import { createTranscriptionEngine } from './transcription-engine';

const folder = mkdtempSync(join(tmpdir(), 'kollega-audio-file-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('isAudioFileName', () => {
  it('knows the audio extensions and nothing else', () => {
    for (const name of ['a.wav', 'B.MP3', 'c.m4a', 'd.ogg', 'e.opus', 'f.webm'])
      expect(isAudioFileName(name)).toBe(true);
    for (const name of ['a.txt', 'b.json', 'c.vtt', 'wav']) expect(isAudioFileName(name)).toBe(false);
  });
});

describe.skipIf(!hasPrograms('ffmpeg', 'ffprobe', 'flite', 'sox', 'pocketsphinx_continuous'))(
  'transcribeAudioFile with ffmpeg and pocketsphinx (real recognition round trip)',
  () => {
    const engine = createTranscriptionEngine({ setting: 'pocketsphinx' });

    it('turns an English consultation recording (as mp3) into a transcript and a note with its content', async () => {
      const lines = [
        'Hello, what brings you in today?',
        'I have had a cough and a fever for three days.',
        'Do you have any chest pain?',
        'No, I do not have any chest pain.',
      ];
      const parts = lines.map((line, index) => {
        const path = join(folder, `line-${index}.wav`);
        speakWithFlite(line, path);
        return path;
      });
      const silence = join(folder, 'pause.wav');
      runSox(['-n', '-r', '16000', '-c', '1', '-b', '16', silence, 'trim', '0', '1']);
      const joined = join(folder, 'consultation.wav');
      runSox([...parts.flatMap((part) => [part, silence]), joined]);
      const mp3 = join(folder, 'consultation.mp3');
      runFfmpeg(['-i', joined, '-c:a', 'libmp3lame', '-b:a', '96k', mp3]);

      const transcript = await transcribeAudioFile(mp3, { engine, language: 'en' });
      expect(transcript.noSpeech).toBe(false);
      const text = transcript.segments.map((segment) => segment.text).join(' ');
      for (const words of ['cough', 'fever', 'three days', 'chest pain']) expect(text).toContain(words);
      for (const segment of transcript.segments) {
        expect(segment.start).toBeLessThan(segment.end!);
        expect(segment.confidence).toBeGreaterThan(0);
      }
      expect(transcript.segments[0]!.speaker).toBe('lege');
      expect(transcript.segments.some((segment) => segment.speaker === 'pasient')).toBe(true);

      const note = draftNote({ segments: transcript.segments }, { language: 'en' });
      const noteText = renderNoteText(note.value.note).toLowerCase();
      expect(noteText).toMatch(/cough/);
      expect(noteText).toMatch(/fever/);
    }, 120_000);

    it('finds no speech in a silent or near-silent recording, without calling the recogniser', async () => {
      const quiet = join(folder, 'quiet.ogg');
      runSox(['-n', '-r', '16000', '-c', '1', quiet, 'synth', '20', 'whitenoise', 'vol', '0.0005']);
      const result = await transcribeAudioFile(quiet, {
        engine: createTranscriptionEngine({
          setting: 'openai-compatible:x',
          baseURL: 'http://127.0.0.1:9/v1',
        }),
        language: 'en',
      });
      expect(result.noSpeech).toBe(true);
      expect(result.segments).toEqual([]);
    }, 60_000);

    it('refuses a recording longer than the limit and a file that is not audio, with clear errors', async () => {
      const long = join(folder, 'long.wav');
      runSox(['-n', '-r', '16000', '-c', '1', '-b', '16', long, 'trim', '0', '90']);
      await expect(
        transcribeAudioFile(long, { engine, language: 'en', maxDurationSeconds: 60 }),
      ).rejects.toMatchObject({
        code: 'payload_too_large',
        message: expect.stringContaining('maks 1 minutter') as string,
      });
      const notAudio = join(folder, 'notes.mp3');
      writeFileSync(notAudio, 'this is text, not audio');
      await expect(transcribeAudioFile(notAudio, { engine, language: 'en' })).rejects.toMatchObject({
        code: 'unsupported_media_type',
      });
    }, 60_000);
  },
);
