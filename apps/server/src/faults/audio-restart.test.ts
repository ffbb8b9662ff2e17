import { request as httpRequest } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { decodeWav } from '@kollega/ai';
import type { RecordingStatus } from '../audio/audio-views';
import { encodeWebm, hasAudioTools, speakLines, splitBytes } from '../audio/testing-audio-app';
import {
  killAllServerProcesses,
  prepareDatabase,
  requestJson,
  signIn,
  startServerProcess,
  waitUntil,
} from './server-process';

// A real process restart in the middle of a recording: `kollega serve` is killed with SIGKILL while a chunk
// is still being uploaded, started again on the same database and audio store, and the browser's part of the
// protocol (ask for `nextSequence`, send from there) finishes the recording. Uses the default speech-to-text
// engine (pocketsphinx) and flite/sox/ffmpeg to make the audio, like the audio route tests.

const SCRIPT = [
  'what brings you in today',
  'i have had a cough and a fever for three days',
  'do you have any chest pain',
  'no chest pain but i feel tired',
];

const folder = mkdtempSync(join(tmpdir(), 'kollega-audio-restart-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
afterEach(killAllServerProcesses);

async function postChunk(
  url: string,
  headers: Record<string, string>,
  input: { recordingId: string; sequence: number; data: Buffer },
) {
  const response = await fetch(
    `${url}/api/audio/recordings/${input.recordingId}/chunks?sequence=${input.sequence}&part=0`,
    {
      method: 'POST',
      headers: { ...headers, 'content-type': 'audio/webm;codecs=opus' },
      body: new Uint8Array(input.data),
    },
  );
  return { status: response.status, body: (await response.json()) as { nextSequence: number } };
}

/** Starts a chunk upload that sends only half its body, so the request is still open when the server dies. */
function startHalfUpload(
  url: string,
  headers: Record<string, string>,
  input: { recordingId: string; sequence: number; data: Buffer },
): void {
  const { hostname, port } = new URL(url);
  const request = httpRequest({
    hostname,
    port,
    method: 'POST',
    path: `/api/audio/recordings/${input.recordingId}/chunks?sequence=${input.sequence}&part=0`,
    headers: {
      ...headers,
      'content-type': 'audio/webm;codecs=opus',
      'content-length': String(input.data.length),
    },
  });
  request.on('error', () => undefined); // the server is killed under it
  request.write(input.data.subarray(0, Math.floor(input.data.length / 2)));
}

describe.skipIf(!hasAudioTools('pocketsphinx_continuous'))('faults: restart during an audio upload', () => {
  it(
    'resumes from the next sequence after the server is killed mid-chunk, and transcribes all of it',
    { timeout: 180_000 },
    async () => {
      const databaseUrl = `sqlite:${join(folder, 'db', 'kollega.db')}`;
      const { username } = await prepareDatabase(databaseUrl);
      const speech = speakLines(SCRIPT, folder, 'speech');
      const pieces = splitBytes(encodeWebm(speech, folder, 'speech'), 6);

      const first = await startServerProcess({ KOLLEGA_DATABASE_URL: databaseUrl });
      const headers = await signIn(first.url, username);
      const started = await requestJson<{ recording: { id: string }; consultationId: string }>(
        `${first.url}/api/audio/recordings`,
        { method: 'POST', headers, body: { language: 'en', consent: { given: true, by: 'Dr Test' } } },
      );
      expect(started.status).toBe(201);
      const recordingId = started.body.recording.id;
      for (let sequence = 0; sequence < 3; sequence += 1) {
        const receipt = await postChunk(first.url, headers, {
          recordingId,
          sequence,
          data: pieces[sequence]!,
        });
        expect(receipt).toMatchObject({ status: 200, body: { nextSequence: sequence + 1 } });
      }
      startHalfUpload(first.url, headers, { recordingId, sequence: 3, data: pieces[3]! });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await first.kill();

      const second = await startServerProcess({ KOLLEGA_DATABASE_URL: databaseUrl });
      // The session survives the restart (it is in the database); the half-sent chunk was never stored.
      const resumed = await requestJson<RecordingStatus>(
        `${second.url}/api/audio/recordings/${recordingId}`,
        {
          headers,
        },
      );
      expect(resumed.body.recording).toMatchObject({ status: 'recording', nextSequence: 3, partCount: 1 });
      for (let sequence = resumed.body.recording.nextSequence; sequence < pieces.length; sequence += 1) {
        const receipt = await postChunk(second.url, headers, {
          recordingId,
          sequence,
          data: pieces[sequence]!,
        });
        expect(receipt).toMatchObject({ status: 200, body: { nextSequence: sequence + 1 } });
      }
      const stop = await requestJson(`${second.url}/api/audio/recordings/${recordingId}/stop`, {
        method: 'POST',
        headers,
      });
      expect(stop.status).toBe(202);
      const done = await waitUntil(
        async () => {
          const { body } = await requestJson<RecordingStatus>(
            `${second.url}/api/audio/recordings/${recordingId}`,
            { headers },
          );
          if (body.recording.status === 'failed' || body.recording.status === 'no_speech') {
            throw new Error(`recording ended as ${body.recording.status}`);
          }
          return body.recording.status === 'transcribed' && body.noteId !== undefined ? body : undefined;
        },
        { what: 'the transcription and note', timeoutMs: 60_000 },
      );
      // Every byte arrived once: the kept audio is as long as what was spoken, no gap and no repeat.
      const spokenSeconds = decodeWav(readFileSync(speech)).samples.length / 16_000;
      expect(done.recording.durationSeconds).toBeGreaterThan(spokenSeconds - 0.5);
      expect(done.recording.durationSeconds).toBeLessThan(spokenSeconds + 0.5);
      expect(done.segments.length).toBeGreaterThanOrEqual(2);
      expect(await second.stop()).toBe(0);
    },
  );
});
