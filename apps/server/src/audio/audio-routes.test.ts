import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTranscriptionEngine, decodeWav } from '@kollega/ai';
import type { AuditEvent, Consultation, NoteRecord } from '@kollega/domain';
import { buildMultipartBody } from '../testing/create-test-app';
import type { RecordingStatus, RecordingView } from './audio-views';
import { parseByteRange } from './audio-routes';
import type { AudioTestApp } from './testing-audio-app';
import {
  approveThroughApi,
  createAudioTestApp,
  createScriptedEngine,
  encodeWebm,
  hasAudioTools,
  makeQuietWav,
  speakLines,
  splitBytes,
} from './testing-audio-app';

const SCRIPT = [
  'what brings you in today',
  'i have had a cough and a fever for three days',
  'do you have any chest pain',
  'no chest pain but i feel tired',
];

const folder = mkdtempSync(join(tmpdir(), 'kollega-audio-routes-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let testApp: AudioTestApp | undefined;
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

async function startRecording(app: AudioTestApp, body: Record<string, unknown> = {}) {
  const response = await app.app.inject({
    method: 'POST',
    url: '/api/audio/recordings',
    payload: { language: 'en', consent: { given: true, by: 'Dr Test' }, ...body },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ recording: RecordingView; consultationId: string }>();
}

function postChunk(app: AudioTestApp, recordingId: string, sequence: number, part: number, data: Buffer) {
  return app.app.inject({
    method: 'POST',
    url: `/api/audio/recordings/${recordingId}/chunks?sequence=${sequence}&part=${part}`,
    headers: { 'content-type': 'audio/webm;codecs=opus' },
    payload: data,
  });
}

async function auditActions(app: AudioTestApp): Promise<AuditEvent[]> {
  return app.context.storage.audit.list({ entityType: 'audio' });
}

describe('parseByteRange', () => {
  it('reads the usual Range forms and refuses impossible ones', () => {
    expect(parseByteRange(undefined, 100)).toBeUndefined();
    expect(parseByteRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseByteRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
    expect(parseByteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseByteRange('items=1-2', 100)).toBe('unsatisfiable');
  });
});

describe('audio settings and consent', () => {
  it('says which engine runs, the limits, and what is kept for how long', async () => {
    testApp = await createAudioTestApp({ engine: createScriptedEngine(SCRIPT) });
    const settings = (await testApp.app.inject({ method: 'GET', url: '/api/audio/settings' })).json<{
      engine: { id: string };
      limits: { maxDurationSeconds: number; maxBytes: number; chunkSeconds: number };
      retention: { policy: string; description: string };
    }>();
    expect(settings.engine.id).toBe('scripted');
    expect(settings.limits).toEqual({
      maxDurationSeconds: 7200,
      maxBytes: 200 * 1024 * 1024,
      chunkSeconds: 2,
    });
    expect(settings.limits.chunkSeconds).toBeLessThanOrEqual(5);
    expect(settings.retention.policy).toBe('on_approval');
    expect(settings.retention.description).toMatch(/slettes når notatet godkjennes/);
  });

  it('records a refusal with the consultation, and then nothing can be recorded', async () => {
    testApp = await createAudioTestApp({ engine: createScriptedEngine(SCRIPT) });
    const created = await startRecording(testApp, { consent: { given: false, by: 'Dr Test' } });
    expect(created.recording.status).toBe('consent_refused');
    expect(created.recording.consent).toMatchObject({ given: false, by: 'Dr Test' });
    const chunk = await postChunk(testApp, created.recording.id, 0, 0, Buffer.from('audio'));
    expect(chunk.statusCode).toBe(403);
    expect(chunk.json().error.message).toMatch(/samtykket/);
    const status = (
      await testApp.app.inject({
        method: 'GET',
        url: `/api/consultations/${created.consultationId}/recording`,
      })
    ).json<RecordingStatus>();
    expect(status.recording.consent.given).toBe(false);
    expect((await auditActions(testApp)).map((event) => event.action)).toContain('audio.consent_refused');
  });

  it('rejects a start without consent information', async () => {
    testApp = await createAudioTestApp({ engine: createScriptedEngine(SCRIPT) });
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/audio/recordings',
      payload: { language: 'en' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.field).toBe('consent');
  });
});

describe.skipIf(!hasAudioTools())('recording in chunks', () => {
  let speech: string;
  let secondPart: string;
  let quiet: string;

  beforeAll(() => {
    speech = speakLines(SCRIPT.slice(0, 2), folder, 'first');
    secondPart = speakLines(SCRIPT.slice(2), folder, 'second');
    quiet = makeQuietWav(12, folder, 'quiet', true);
  });

  it('appends chunks durably and idempotently across a reload (a new part), then transcribes and drafts', async () => {
    const engine = createScriptedEngine(SCRIPT, { confidence: 0.45 });
    testApp = await createAudioTestApp({ engine, config: { liveStepSeconds: 1000 } });
    const { recording, consultationId } = await startRecording(testApp);
    const first = encodeWebm(speech, folder, 'first');
    const pieces = splitBytes(first, 5);
    let sequence = 0;
    for (const piece of pieces) {
      const response = await postChunk(testApp, recording.id, sequence, 0, piece);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ duplicate: false, nextSequence: sequence + 1 });
      sequence += 1;
    }
    // A retry of the last chunk (its answer was lost) is acknowledged and not stored twice.
    const retry = await postChunk(testApp, recording.id, sequence - 1, 0, pieces.at(-1)!);
    expect(retry.json()).toMatchObject({ duplicate: true, nextSequence: sequence });
    // A chunk from the future is refused with the number the server expects.
    const gap = await postChunk(testApp, recording.id, sequence + 3, 0, pieces[0]!);
    expect(gap.statusCode).toBe(409);
    expect(gap.json().error.details.expectedSequence).toBe(sequence);
    const stored = readFileSync(testApp.audio.blobs.localPath(`recordings/${recording.id}/part-0.media`)!);
    expect(stored.equals(first)).toBe(true);

    // After a reload the browser starts a new MediaRecorder stream: part 1, continuing the sequence.
    const resumed = (
      await testApp.app.inject({ method: 'GET', url: `/api/audio/recordings/${recording.id}` })
    ).json<RecordingStatus>();
    expect(resumed.recording).toMatchObject({ status: 'recording', nextSequence: sequence, partCount: 1 });
    for (const piece of splitBytes(encodeWebm(secondPart, folder, 'second'), 3)) {
      expect((await postChunk(testApp, recording.id, sequence, 1, piece)).statusCode).toBe(200);
      sequence += 1;
    }
    const stop = await testApp.app.inject({
      method: 'POST',
      url: `/api/audio/recordings/${recording.id}/stop`,
    });
    expect(stop.statusCode).toBe(202);
    expect(stop.json<RecordingView>().status).toBe('processing');
    expect((await postChunk(testApp, recording.id, sequence, 1, pieces[0]!)).statusCode).toBe(409);
    await testApp.audio.idle();

    const status = (
      await testApp.app.inject({ method: 'GET', url: `/api/audio/recordings/${recording.id}` })
    ).json<RecordingStatus>();
    expect(status.recording.status).toBe('transcribed');
    expect(status.recording.partDurations).toHaveLength(2);
    const speechSeconds = decodeWav(readFileSync(speech)).samples.length / 16000;
    const secondSeconds = decodeWav(readFileSync(secondPart)).samples.length / 16000;
    expect(status.recording.durationSeconds).toBeGreaterThan(speechSeconds + secondSeconds - 0.5);
    expect(status.recording.durationSeconds).toBeLessThan(speechSeconds + secondSeconds + 0.5);
    expect(status.segments.length).toBeGreaterThanOrEqual(2);
    for (const segment of status.segments) {
      expect(segment.start).toBeLessThan(segment.end!);
      expect(segment.confidence).toBe(0.45);
      expect(['lege', 'pasient']).toContain(segment.speaker);
    }
    // The second part's segments are on the recording's clock, after the first part.
    expect(status.segments.at(-1)!.start).toBeGreaterThan(status.recording.partDurations[0]! - 0.1);
    expect(status.noteId).toBeDefined();
    expect(engine.calls.every((call) => call.language === 'en' && call.seconds <= 30)).toBe(true);

    // The converted audio plays, whole or from a byte range (for seeking to a segment).
    const audio = await testApp.app.inject({
      method: 'GET',
      url: `/api/consultations/${consultationId}/audio`,
    });
    expect(audio.statusCode).toBe(200);
    expect(audio.headers['content-type']).toBe('audio/wav');
    expect(audio.headers['accept-ranges']).toBe('bytes');
    const wav = decodeWav(audio.rawPayload);
    expect(wav.sampleRate).toBe(16000);
    expect(wav.samples.length / 16000).toBeCloseTo(status.recording.durationSeconds!, 1);
    const ranged = await testApp.app.inject({
      method: 'GET',
      url: `/api/consultations/${consultationId}/audio`,
      headers: { range: 'bytes=44-1043' },
    });
    expect(ranged.statusCode).toBe(206);
    expect(ranged.rawPayload.length).toBe(1000);
    expect(ranged.headers['content-range']).toBe(`bytes 44-1043/${audio.rawPayload.length}`);
    // The recorded parts are gone once the kept WAV exists.
    expect(testApp.audio.blobs.localPath(`recordings/${recording.id}/part-0.media`)).toBeDefined();
    expect(await testApp.audio.blobs.size(`recordings/${recording.id}/part-0.media`)).toBeUndefined();
    const actions = (await auditActions(testApp)).map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining(['audio.record_start', 'audio.stop', 'audio.transcribe', 'audio.read']),
    );
  }, 60_000);

  it('transcribes while recording: the transcript and a running draft grow before stop', async () => {
    const engine = createScriptedEngine(SCRIPT);
    testApp = await createAudioTestApp({ engine, config: { liveStepSeconds: 3 } });
    const { recording } = await startRecording(testApp);
    const pieces = splitBytes(encodeWebm(speech, folder, 'live'), 4);
    for (const [index, piece] of pieces.entries()) await postChunk(testApp, recording.id, index, 0, piece);
    await testApp.audio.idle();
    const live = (
      await testApp.app.inject({ method: 'GET', url: `/api/audio/recordings/${recording.id}` })
    ).json<RecordingStatus>();
    expect(live.recording.status).toBe('recording');
    expect(live.segmentCount).toBeGreaterThan(0);
    expect(live.recording.processedSeconds).toBeGreaterThan(0);
    expect(live.draft?.text.length).toBeGreaterThan(0);
    expect(live.noteId).toBeUndefined();
    // Only new segments when asked for those after the ones already shown.
    const later = (
      await testApp.app.inject({
        method: 'GET',
        url: `/api/audio/recordings/${recording.id}?segmentsAfter=${live.segmentCount}`,
      })
    ).json<RecordingStatus>();
    expect(later.segments).toEqual([]);
    const callsBeforeStop = engine.calls.length;
    await testApp.app.inject({ method: 'POST', url: `/api/audio/recordings/${recording.id}/stop` });
    await testApp.audio.idle();
    const done = (
      await testApp.app.inject({ method: 'GET', url: `/api/audio/recordings/${recording.id}` })
    ).json<RecordingStatus>();
    expect(done.recording.status).toBe('transcribed');
    // Stop only transcribed what was left, not everything again.
    const secondsAfterStop = engine.calls.slice(callsBeforeStop).reduce((sum, call) => sum + call.seconds, 0);
    expect(secondsAfterStop).toBeLessThan(
      done.recording.durationSeconds! - live.recording.processedSeconds + 0.5,
    );
    expect(done.noteId).toBeDefined();
  }, 60_000);

  it('gives "Ingen tale registrert" and no note for a near-silent recording, without calling the engine', async () => {
    const engine = createScriptedEngine(SCRIPT);
    testApp = await createAudioTestApp({ engine });
    const { recording, consultationId } = await startRecording(testApp);
    for (const [index, piece] of splitBytes(encodeWebm(quiet, folder, 'quiet'), 3).entries()) {
      await postChunk(testApp, recording.id, index, 0, piece);
    }
    await testApp.app.inject({ method: 'POST', url: `/api/audio/recordings/${recording.id}/stop` });
    await testApp.audio.idle();
    const status = (
      await testApp.app.inject({ method: 'GET', url: `/api/audio/recordings/${recording.id}` })
    ).json<RecordingStatus>();
    expect(status.recording.status).toBe('no_speech');
    expect(status.message).toMatch(/Ingen tale registrert/);
    expect(status.segmentCount).toBe(0);
    expect(status.noteId).toBeUndefined();
    expect(engine.calls).toHaveLength(0);
    expect(
      (await testApp.app.inject({ method: 'GET', url: `/api/consultations/${consultationId}/note` }))
        .statusCode,
    ).toBe(404);
  }, 60_000);

  it('keeps the audio and reports a clear error when the engine cannot transcribe the language', async () => {
    testApp = await createAudioTestApp({ engine: createScriptedEngine(SCRIPT, { languages: ['en'] }) });
    const { recording, consultationId } = await startRecording(testApp, { language: 'nb' });
    await postChunk(testApp, recording.id, 0, 0, encodeWebm(speech, folder, 'nb'));
    await testApp.app.inject({ method: 'POST', url: `/api/audio/recordings/${recording.id}/stop` });
    await testApp.audio.idle();
    const status = (
      await testApp.app.inject({ method: 'GET', url: `/api/audio/recordings/${recording.id}` })
    ).json<RecordingStatus>();
    expect(status.recording.status).toBe('failed');
    expect(status.recording.error?.message).toMatch(/norsk/);
    expect(status.recording.audioAvailable).toBe(true);
    expect(
      (await testApp.app.inject({ method: 'GET', url: `/api/consultations/${consultationId}/audio` }))
        .statusCode,
    ).toBe(200);
  }, 60_000);
});

describe.skipIf(!hasAudioTools())('uploading an audio file', () => {
  let speech: string;
  beforeAll(() => {
    speech = speakLines(SCRIPT, folder, 'upload');
  });

  function upload(
    app: AudioTestApp,
    content: Buffer,
    fields: Record<string, string> = {},
    filename = 'konsultasjon.wav',
  ) {
    const body = buildMultipartBody({
      filename,
      content,
      fields: { language: 'en', consentGiven: 'true', consentBy: 'Dr Test', ...fields },
    });
    return app.app.inject({
      method: 'POST',
      url: '/api/audio/uploads',
      headers: body.headers,
      payload: body.payload,
    });
  }

  it('converts, transcribes window by window and drafts the note', async () => {
    const engine = createScriptedEngine(SCRIPT);
    testApp = await createAudioTestApp({ engine });
    const response = await upload(testApp, readFileSync(speech), { title: 'Opplastet' });
    expect(response.statusCode).toBe(201);
    const created = response.json<{ recording: RecordingView; consultationId: string }>();
    expect(created.recording).toMatchObject({ source: 'upload', status: 'processing' });
    await testApp.audio.idle();
    const status = (
      await testApp.app.inject({ method: 'GET', url: `/api/audio/recordings/${created.recording.id}` })
    ).json<RecordingStatus>();
    expect(status.recording.status).toBe('transcribed');
    expect(status.recording.processedSeconds).toBeCloseTo(status.recording.durationSeconds!, 1);
    expect(status.segmentCount).toBeGreaterThan(0);
    const consultation = (
      await testApp.app.inject({ method: 'GET', url: `/api/consultations/${created.consultationId}` })
    ).json<Consultation>();
    expect(consultation.title).toBe('Opplastet');
    expect(consultation.transcript.segments.length).toBe(status.segmentCount);
    expect(status.noteId).toBeDefined();
  }, 60_000);

  it('refuses a file that is too large, too long, not audio, or without consent, and stores nothing', async () => {
    testApp = await createAudioTestApp({
      engine: createScriptedEngine(SCRIPT),
      config: { maxBytes: 100_000, maxDurationSeconds: 1 },
    });
    const tooLarge = await upload(testApp, Buffer.alloc(150_000, 1));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.message).toMatch(/Lydfilen er for stor \(maks \d+ MB\)/);
    const long = makeQuietWav(2.9, folder, 'long');
    const tooLong = await upload(testApp, readFileSync(long));
    expect(tooLong.statusCode).toBe(413);
    expect(tooLong.json().error.message).toMatch(/Lydopptaket er for langt \(maks 1 sekunder\)/);
    const notAudio = join(folder, 'notes.mp3');
    writeFileSync(notAudio, 'this is not audio');
    const bad = await upload(testApp, readFileSync(notAudio), {}, 'notes.mp3');
    expect(bad.statusCode).toBe(415);
    const noConsent = await upload(testApp, readFileSync(makeQuietWav(1, folder, 'short')), {
      consentGiven: 'false',
    });
    expect(noConsent.statusCode).toBe(403);
    const list = (await testApp.app.inject({ method: 'GET', url: '/api/consultations' })).json<{
      items: unknown[];
    }>();
    expect(list.items).toEqual([]);
  }, 60_000);
});

describe.skipIf(!hasAudioTools())('retention and speaker roles', () => {
  let speech: string;
  beforeAll(() => {
    speech = speakLines(SCRIPT, folder, 'retention');
  });

  async function transcribedUpload(app: AudioTestApp) {
    const body = buildMultipartBody({
      filename: 'k.wav',
      content: readFileSync(speech),
      fields: { language: 'en', consentGiven: 'true', consentBy: 'Dr Test' },
    });
    const created = (
      await app.app.inject({
        method: 'POST',
        url: '/api/audio/uploads',
        headers: body.headers,
        payload: body.payload,
      })
    ).json<{ recording: RecordingView; consultationId: string }>();
    await app.audio.idle();
    return created;
  }

  it('deletes the audio when the note is approved, records it in the audit log, and keeps the transcript', async () => {
    testApp = await createAudioTestApp({ engine: createScriptedEngine(SCRIPT) });
    const { recording, consultationId } = await transcribedUpload(testApp);
    const note = (
      await testApp.app.inject({ method: 'GET', url: `/api/consultations/${consultationId}/note` })
    ).json<NoteRecord>();
    await approveThroughApi(testApp.app, note.id);
    await testApp.audio.idle();
    const status = (
      await testApp.app.inject({ method: 'GET', url: `/api/consultations/${consultationId}/recording` })
    ).json<RecordingStatus>();
    expect(status.recording).toMatchObject({ audioAvailable: false, deletionReason: 'note_approved' });
    expect(status.segmentCount).toBeGreaterThan(0);
    expect(
      (await testApp.app.inject({ method: 'GET', url: `/api/consultations/${consultationId}/audio` }))
        .statusCode,
    ).toBe(404);
    expect(await testApp.audio.blobs.size(`recordings/${recording.id}/audio.wav`)).toBeUndefined();
    const deletion = (await auditActions(testApp)).find((event) => event.action === 'audio.delete');
    expect(deletion).toMatchObject({
      entityId: recording.id,
      actor: 'Dr Test',
      details: { reason: 'note_approved', consultationId },
    });
  }, 60_000);

  it('with a retention in hours, the sweep deletes audio when it expires, approved or not', async () => {
    let now = Date.parse('2026-01-05T08:00:00Z');
    testApp = await createAudioTestApp(
      { engine: createScriptedEngine(SCRIPT), config: { retention: { policy: 'hours', hours: 24 } } },
      { now: () => new Date(now) },
    );
    const { recording } = await transcribedUpload(testApp);
    expect((await testApp.audio.describeRecording(recording.id)).recording.expiresAt).toBe(
      '2026-01-06T08:00:00.000Z',
    );
    expect((await testApp.audio.describeRecording(recording.id)).retention.description).toMatch(/24 timer/);
    now += 23 * 3_600_000;
    expect(await testApp.audio.sweep()).toBe(0);
    now += 2 * 3_600_000;
    expect(await testApp.audio.sweep()).toBe(1);
    const status = await testApp.audio.describeRecording(recording.id);
    expect(status.recording).toMatchObject({ audioAvailable: false, deletionReason: 'retention_expired' });
    const deletion = (await auditActions(testApp)).find((event) => event.action === 'audio.delete');
    expect(deletion).toMatchObject({ actor: 'system', details: { reason: 'retention_expired' } });
  }, 60_000);

  it('lets the GP correct speaker roles, re-drafts the note, and refuses changes after approval', async () => {
    testApp = await createAudioTestApp({ engine: createScriptedEngine(SCRIPT) });
    const { consultationId } = await transcribedUpload(testApp);
    const before = (
      await testApp.app.inject({ method: 'GET', url: `/api/consultations/${consultationId}` })
    ).json<Consultation>();
    const noteBefore = (
      await testApp.app.inject({ method: 'GET', url: `/api/consultations/${consultationId}/note` })
    ).json<NoteRecord>();
    const first = before.transcript.segments[0]!;
    const flipped = first.speaker === 'lege' ? 'pasient' : 'lege';
    const patched = await testApp.app.inject({
      method: 'PATCH',
      url: `/api/consultations/${consultationId}/transcript`,
      payload: { segments: [{ id: first.id, speaker: flipped }], by: 'Dr Test' },
    });
    expect(patched.statusCode).toBe(200);
    const result = patched.json<{ consultation: Consultation; note: NoteRecord }>();
    expect(result.consultation.transcript.segments[0]!.speaker).toBe(flipped);
    expect(result.consultation.transcript.segments.slice(1)).toEqual(before.transcript.segments.slice(1));
    expect(result.note.version).toBe(noteBefore.version + 1);

    const unknown = await testApp.app.inject({
      method: 'PATCH',
      url: `/api/consultations/${consultationId}/transcript`,
      payload: { segments: [{ id: 's999', speaker: 'lege' }] },
    });
    expect(unknown.statusCode).toBe(400);

    await approveThroughApi(testApp.app, result.note.id);
    const late = await testApp.app.inject({
      method: 'PATCH',
      url: `/api/consultations/${consultationId}/transcript`,
      payload: { segments: [{ id: first.id, speaker: 'lege' }] },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('already_approved');
  }, 60_000);

  it('deletes on request, and never while a recording is running', async () => {
    testApp = await createAudioTestApp({ engine: createScriptedEngine(SCRIPT) });
    const { consultationId } = await transcribedUpload(testApp);
    const deleted = await testApp.app.inject({
      method: 'DELETE',
      url: `/api/consultations/${consultationId}/audio?by=Dr%20Test`,
    });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json<RecordingView>()).toMatchObject({
      audioAvailable: false,
      deletionReason: 'requested',
    });
    const running = await startRecording(testApp);
    const refused = await testApp.app.inject({
      method: 'DELETE',
      url: `/api/consultations/${running.consultationId}/audio`,
    });
    expect(refused.statusCode).toBe(409);
  }, 60_000);
});

describe.skipIf(!hasAudioTools('pocketsphinx_continuous'))(
  'real recognition round trip: flite → upload → pocketsphinx → transcript → note',
  () => {
    it('finds the consultation’s content words in the transcript and the note', async () => {
      const wav = speakLines(
        [
          'Hello, what brings you in today?',
          'I have had a cough and a fever for three days.',
          'Do you have any chest pain?',
          'No, I do not have any chest pain.',
        ],
        folder,
        'sphinx',
      );
      testApp = await createAudioTestApp({ engine: createTranscriptionEngine({ setting: 'pocketsphinx' }) });
      const body = buildMultipartBody({
        filename: 'consultation.wav',
        content: readFileSync(wav),
        fields: { language: 'en', consentGiven: 'true', consentBy: 'Dr Test' },
      });
      const created = (
        await testApp.app.inject({
          method: 'POST',
          url: '/api/audio/uploads',
          headers: body.headers,
          payload: body.payload,
        })
      ).json<{ recording: RecordingView; consultationId: string }>();
      await testApp.audio.idle();
      const status = await testApp.audio.describeRecording(created.recording.id);
      expect(status.recording.status).toBe('transcribed');
      const text = status.segments.map((segment) => segment.text).join(' ');
      for (const words of ['cough', 'fever', 'three days', 'chest pain']) expect(text).toContain(words);
      const note = (
        await testApp.app.inject({ method: 'GET', url: `/api/consultations/${created.consultationId}/note` })
      ).json<NoteRecord>();
      const noteText = note.note.sections
        .flatMap((section) => section.statements.map((statement) => statement.text))
        .join(' ')
        .toLowerCase();
      expect(noteText).toMatch(/cough/);
      expect(noteText).toMatch(/fever/);
    }, 120_000);
  },
);
