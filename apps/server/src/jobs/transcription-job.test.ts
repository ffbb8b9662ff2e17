import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptionEngine } from '@kollega/ai';
import type { AudioRecording, AudioRecordingPatch, JobLease } from '@kollega/storage';
import { loadConfig } from '../config';
import type { AppContext } from '../context';
import { createAppContext } from '../context';
import { buildServer } from '../server';
import { buildMultipartBody } from '../testing/create-test-app';
import type { AudioService } from '../audio/audio-service';
import { getAudioService, provideAudioOptions } from '../audio/audio-routes';
import type { RecordingView } from '../audio/audio-views';
import { createScriptedEngine, hasAudioTools, speakLines } from '../audio/testing-audio-app';
import { TRANSCRIPTION_FINISH_JOB, readTranscriptionRecordingId } from '../audio/transcription-job';
import { getJobService, provideJobOptions } from './job-routes';

const SCRIPT = [
  'what brings you in today',
  'i have had a cough and a fever for three days',
  'do you have any chest pain',
  'no chest pain but i feel tired',
];

const folder = mkdtempSync(join(tmpdir(), 'kollega-transcription-job-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface App {
  app: FastifyInstance;
  context: AppContext;
  audio: AudioService;
  engine: ReturnType<typeof createScriptedEngine>;
  close(): Promise<void>;
}
const open: App[] = [];
afterEach(async () => {
  for (const app of open.splice(0).reverse()) await app.close();
});

let counter = 0;
/** A database file and audio store that several apps (standing in for processes) can share. */
function sharedStorage(): { databaseUrl: string; storeUrl: string } {
  counter += 1;
  return {
    databaseUrl: `sqlite:${join(folder, `db-${counter}`, 'kollega.db')}`,
    storeUrl: `file:${join(folder, `audio-${counter}`)}`,
  };
}

async function startApp(input: {
  workers: number;
  databaseUrl?: string;
  storeUrl?: string;
  prepare?: (context: AppContext) => Promise<void>;
  engine?: TranscriptionEngine;
}): Promise<App> {
  const config = loadConfig({
    env: {},
    overrides: {
      databaseUrl: input.databaseUrl ?? 'sqlite::memory:',
      logLevel: 'silent',
      webRoot: '/nonexistent-kollega-web',
      auth: 'off',
    },
  });
  const context = await createAppContext(config);
  await input.prepare?.(context);
  const engine = createScriptedEngine(SCRIPT);
  provideAudioOptions(context, {
    env: {},
    engine: input.engine ?? engine,
    ...(input.storeUrl === undefined ? {} : { config: { storeUrl: input.storeUrl, temporaryStore: false } }),
  });
  provideJobOptions(context, { env: {}, config: { workers: input.workers, pollIntervalMs: 50 } });
  const app = buildServer(context);
  await app.ready();
  const started: App = {
    app,
    context,
    audio: getAudioService(context),
    engine,
    close: async () => {
      await app.close();
      await context.close();
    },
  };
  open.push(started);
  return started;
}

async function upload(app: FastifyInstance, wav: string): Promise<RecordingView> {
  const body = buildMultipartBody({
    filename: 'konsultasjon.wav',
    content: readFileSync(wav),
    fields: { language: 'en', consentGiven: 'true', consentBy: 'Dr Test' },
  });
  const response = await app.inject({
    method: 'POST',
    url: '/api/audio/uploads',
    headers: body.headers,
    payload: body.payload,
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ recording: RecordingView }>().recording;
}

async function transcriptionJobsOf(context: AppContext, recordingId: string) {
  const jobs = await context.storage.jobs.list({ kind: TRANSCRIPTION_FINISH_JOB, limit: 1000 });
  return jobs.filter((job) => readTranscriptionRecordingId(job) === recordingId);
}

/** The transcript's segments follow each other in time: none is there twice. */
async function expectNoRepeatedSegments(context: AppContext, consultationId: string): Promise<number> {
  const consultation = await context.storage.consultations.findById(consultationId);
  const segments = consultation!.transcript.segments;
  for (let index = 1; index < segments.length; index += 1) {
    expect(segments[index]!.start!).toBeGreaterThanOrEqual(segments[index - 1]!.end!);
  }
  return segments.length;
}

async function expectDraftedOnce(context: AppContext, consultationId: string): Promise<void> {
  const note = await context.storage.notes.findByConsultationId(consultationId);
  expect(note?.version).toBe(1);
  const drafts = await context.storage.audit.list({ action: 'note.draft', entityId: note!.id });
  expect(drafts).toHaveLength(1);
  const transcribed = await context.storage.audit.list({ action: 'audio.transcribe', entityType: 'audio' });
  expect(transcribed.filter((event) => event.details.consultationId === consultationId)).toHaveLength(1);
}

/** Runs one attempt of the claimed job the way the runner does, with a signal the test can pull. */
async function runAttempt(
  context: AppContext,
  options: { abortWhen?: (patch: AudioRecordingPatch) => boolean } = {},
): Promise<{ lease: JobLease; outcome: unknown }> {
  const lease = await context.storage.jobs.claim({
    kinds: [TRANSCRIPTION_FINISH_JOB],
    workerId: 'test-worker',
    leaseMs: 100,
  });
  expect(lease).toBeDefined();
  const controller = new AbortController();
  const repository = context.storage.audio;
  const update = repository.update.bind(repository);
  if (options.abortWhen !== undefined) {
    const abortWhen = options.abortWhen;
    // The worker "dies" right before this write: it never happens, and the lease is lost.
    repository.update = (id: string, patch: AudioRecordingPatch): Promise<AudioRecording> => {
      if (!controller.signal.aborted && abortWhen(patch)) {
        controller.abort(new Error('worker died'));
        return Promise.reject(new Error('worker died'));
      }
      return update(id, patch);
    };
  }
  try {
    const outcome = await getAudioService(context)
      .runTranscriptionJob({
        job: lease!.job,
        signal: controller.signal,
        saveCheckpoint: async (checkpoint) => {
          expect(await context.storage.jobs.saveCheckpoint(lease!, checkpoint)).toBe(true);
        },
        extendLease: async () => {
          expect(await context.storage.jobs.renewLease(lease!, 100)).toBe(true);
        },
      })
      .catch((error: unknown) => error);
    return { lease: lease!, outcome };
  } finally {
    repository.update = update;
  }
}

describe.skipIf(!hasAudioTools())('transcription as a job', () => {
  let speech: string;
  beforeAll(() => {
    speech = speakLines(SCRIPT, folder, 'speech');
  });

  it('runs the final step as one job whose payload is the recording id only; running it again changes nothing', async () => {
    const { app, context, audio, engine } = await startApp({ workers: 1 });
    const recording = await upload(app, speech);
    await audio.idle();
    const jobs = await transcriptionJobsOf(context, recording.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      state: 'succeeded',
      attempts: 1,
      payload: { recordingId: recording.id },
      result: { recordingId: recording.id, status: 'transcribed' },
    });
    expect(Object.keys(jobs[0]!.payload as object)).toEqual(['recordingId']);
    const calls = engine.calls.length;
    const again = await audio.runTranscriptionJob({
      job: jobs[0]!,
      signal: new AbortController().signal,
      saveCheckpoint: () => Promise.resolve(),
      extendLease: () => Promise.resolve(),
    });
    expect(again).toEqual({ recordingId: recording.id, status: 'transcribed' });
    expect(engine.calls.length).toBe(calls);
    await expectDraftedOnce(context, recording.consultationId);
  }, 60_000);

  it('in an API-only process (no workers) enqueues the job and transcribes nothing', async () => {
    const { app, context, audio, engine } = await startApp({ workers: 0 });
    expect(getJobService(context).runner).toBeUndefined();
    const recording = await upload(app, speech);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await audio.idle();
    expect(await transcriptionJobsOf(context, recording.id)).toMatchObject([
      { state: 'queued', attempts: 0 },
    ]);
    expect((await context.storage.audio.findById(recording.id))?.status).toBe('processing');
    expect(engine.calls).toHaveLength(0);
    expect(await context.storage.notes.findByConsultationId(recording.consultationId)).toBeUndefined();
  }, 60_000);

  it('resumes a worker killed after a window was transcribed, or after the note was drafted, with no duplicates', async () => {
    const { app, context } = await startApp({ workers: 0 });
    const recording = await upload(app, speech);
    // 1. Dies after the window's segments were stored, before its progress was.
    const first = await runAttempt(context, {
      abortWhen: (patch) => patch.processedSeconds !== undefined && patch.status === undefined,
    });
    expect(first.outcome).toMatchObject({ code: 'unavailable' });
    const partial = await context.storage.consultations.findById(recording.consultationId);
    expect(partial!.transcript.segments.length).toBeGreaterThan(0);
    expect((await context.storage.audio.findById(recording.id))?.status).toBe('processing');
    await new Promise((resolve) => setTimeout(resolve, 150)); // the lease runs out
    // 2. Dies after drafting the note, before the recording was marked transcribed.
    const second = await runAttempt(context, { abortWhen: (patch) => patch.status === 'transcribed' });
    expect(second.lease.job.attempts).toBe(2);
    expect(second.outcome).toMatchObject({ code: 'unavailable' });
    expect((await context.storage.notes.findByConsultationId(recording.consultationId))?.version).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    // 3. Finishes: the note is not drafted again, the lost window is not in the transcript twice.
    const third = await runAttempt(context);
    expect(third.lease.job.checkpoint).toEqual({ noteBaseVersion: 0 });
    expect(third.outcome).toEqual({ recordingId: recording.id, status: 'transcribed' });
    expect(await context.storage.jobs.complete(third.lease, third.outcome)).toBe(true);
    expect(await expectNoRepeatedSegments(context, recording.consultationId)).toBe(
      partial!.transcript.segments.length,
    );
    await expectDraftedOnce(context, recording.consultationId);
  }, 60_000);

  it('two processes starting on a recording stuck in processing transcribe it once', async () => {
    const shared = sharedStorage();
    const apiOnly = await startApp({ workers: 0, ...shared });
    const recording = await upload(apiOnly.app, speech);
    // The job is lost (as for a recording from before transcription was a job): only the status is left.
    const lease = await apiOnly.context.storage.jobs.claim({
      kinds: [TRANSCRIPTION_FINISH_JOB],
      workerId: 'gone',
      leaseMs: 1000,
    });
    await apiOnly.context.storage.jobs.fail(lease!, { code: 'internal', message: 'x' }, { retry: false });
    await apiOnly.close();
    open.splice(open.indexOf(apiOnly), 1);

    const [first, second] = await Promise.all([
      startApp({ workers: 1, ...shared }),
      startApp({ workers: 1, ...shared }),
    ]);
    await Promise.all([first.audio.idle(), second.audio.idle()]);
    const jobs = await transcriptionJobsOf(first.context, recording.id);
    expect(jobs.map((job) => job.state).sort()).toEqual(['dead_letter', 'succeeded']);
    expect((await first.context.storage.audio.findById(recording.id))?.status).toBe('transcribed');
    expect(first.engine.calls.length + second.engine.calls.length).toBeGreaterThan(0);
    expect(first.engine.calls.length === 0 || second.engine.calls.length === 0).toBe(true);
    await expectNoRepeatedSegments(first.context, recording.consultationId);
    await expectDraftedOnce(first.context, recording.consultationId);
  }, 60_000);

  it('marks a recording failed when its transcription job is given up, and a retry enqueues a new job', async () => {
    const { app, context, audio } = await startApp({ workers: 0 });
    const recording = await upload(app, speech);
    await audio.sweep();
    expect((await context.storage.audio.findById(recording.id))?.status).toBe('processing');
    // Every attempt failed (a worker killed each time, say): the queue gives the job up.
    const lease = await context.storage.jobs.claim({
      kinds: [TRANSCRIPTION_FINISH_JOB],
      workerId: 'dying-worker',
      leaseMs: 1000,
    });
    await context.storage.jobs.fail(lease!, { code: 'unavailable', message: 'x' }, { retry: false });
    await audio.sweep();
    const failed = await context.storage.audio.findById(recording.id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'unavailable' } });
    expect(failed?.error?.message).toMatch(/gitt opp etter 1 forsøk/);
    const events = await context.storage.audit.list({ action: 'audio.transcribe', entityId: recording.id });
    expect(events).toMatchObject([{ outcome: 'failure', details: { code: 'unavailable' } }]);

    const retried = await app.inject({ method: 'POST', url: `/api/audio/recordings/${recording.id}/retry` });
    expect(retried.statusCode).toBeLessThan(300);
    await audio.sweep();
    expect((await context.storage.audio.findById(recording.id))?.status).toBe('processing');
    expect((await transcriptionJobsOf(context, recording.id)).map((job) => job.state).sort()).toEqual([
      'dead_letter',
      'queued',
    ]);
  }, 60_000);
});
