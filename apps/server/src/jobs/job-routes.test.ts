import { afterEach, describe, expect, it } from 'vitest';
import type { Consultation, NoteRecord } from '@kollega/domain';
import { loadConfig } from '../config';
import { createAppContext } from '../context';
import { buildServer } from '../server';
import type { SignedInHeaders, SignedInTestApp } from '../testing/signed-in-test-app';
import { createSignedInTestApp } from '../testing/signed-in-test-app';
import type { JobView } from './job-routes';
import { getJobService, provideJobOptions } from './job-routes';
import { createDraftNoteHandler } from './draft-note-job';

const TURNS = [
  { speaker: 'lege', text: 'Hei, hva kan jeg hjelpe deg med i dag?' },
  { speaker: 'pasient', text: 'Jeg har hatt hoste og feber i tre dager.' },
  { speaker: 'lege', text: 'Har du vondt i brystet?' },
  { speaker: 'pasient', text: 'Nei, men jeg er sliten.' },
];

let closeApp: (() => Promise<void>) | undefined;
afterEach(async () => {
  await closeApp?.();
  closeApp = undefined;
});

async function startSignedIn(): Promise<SignedInTestApp> {
  const testApp = await createSignedInTestApp();
  closeApp = () => testApp.close();
  return testApp;
}

async function createConsultation(testApp: SignedInTestApp, headers: SignedInHeaders): Promise<Consultation> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/consultations',
    headers,
    payload: { transcript: TURNS },
  });
  expect(response.statusCode).toBe(201);
  return response.json<Consultation>();
}

async function waitForJob(
  testApp: { app: SignedInTestApp['app'] },
  jobId: string,
  headers: Record<string, string>,
): Promise<JobView> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await testApp.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers });
    expect(response.statusCode).toBe(200);
    const job = response.json<JobView>();
    if (job.state === 'succeeded' || job.state === 'dead_letter') return job;
    if (Date.now() > deadline) throw new Error(`job still ${job.state}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('background drafting', () => {
  it('answers 202 with a job, drafts the note in the background, and audits who asked', async () => {
    const testApp = await startSignedIn();
    const doctor = await testApp.createPracticeUser();
    const consultation = await createConsultation(testApp, doctor.headers);
    const response = await testApp.app.inject({
      method: 'POST',
      url: `/api/consultations/${consultation.id}/draft-jobs`,
      headers: doctor.headers,
    });
    expect(response.statusCode).toBe(202);
    const queued = response.json<JobView>();
    expect(queued).toMatchObject({ kind: 'note.draft', consultationId: consultation.id, attempts: 0 });
    expect(response.headers.location).toBe(`/api/jobs/${queued.id}`);

    const done = await waitForJob(testApp, queued.id, doctor.headers);
    expect(done).toMatchObject({ state: 'succeeded', attempts: 1 });
    const result = done.result as { noteId: string; version: number };
    const note = await testApp.app.inject({
      method: 'GET',
      url: `/api/notes/${result.noteId}`,
      headers: doctor.headers,
    });
    expect(note.json<NoteRecord>()).toMatchObject({
      consultationId: consultation.id,
      version: 1,
      status: 'draft',
    });
    const drafts = await testApp.context.storage.audit.list({
      action: 'note.draft',
      entityId: result.noteId,
    });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      actor: `bruker:${doctor.id}`,
      details: { jobId: queued.id, source: 'job' },
    });
    // The synchronous endpoint is unchanged.
    const redraft = await testApp.app.inject({
      method: 'POST',
      url: `/api/consultations/${consultation.id}/note`,
      headers: doctor.headers,
    });
    expect(redraft.statusCode).toBe(201);
    expect(redraft.json<NoteRecord>().version).toBe(2);
  });

  it('makes a repeated request with the same Idempotency-Key one job and one draft', async () => {
    const testApp = await startSignedIn();
    const doctor = await testApp.createPracticeUser();
    const consultation = await createConsultation(testApp, doctor.headers);
    const send = () =>
      testApp.app.inject({
        method: 'POST',
        url: `/api/consultations/${consultation.id}/draft-jobs`,
        headers: { ...doctor.headers, 'idempotency-key': 'klikk-1' },
        payload: { style: 'kort' },
      });
    const [first, second] = await Promise.all([send(), send()]);
    expect(first.statusCode).toBe(202);
    expect(first.json<JobView>().id).toBe(second.json<JobView>().id);
    const done = await waitForJob(testApp, first.json<JobView>().id, doctor.headers);
    expect(done.state).toBe('succeeded');
    const third = await send();
    expect(third.json<JobView>()).toMatchObject({ id: done.id, state: 'succeeded' });
    const note = await testApp.context.storage.notes.findByConsultationId(consultation.id);
    expect(note?.version).toBe(1);
    expect(await testApp.context.storage.notes.listEdits(note!.id)).toEqual([]);
  });

  it('keeps jobs to their practice', async () => {
    const testApp = await startSignedIn();
    const doctor = await testApp.createPracticeUser();
    const colleague = await testApp.createColleague(doctor.practiceId);
    const stranger = await testApp.createPracticeUser();
    const consultation = await createConsultation(testApp, doctor.headers);
    const queued = (
      await testApp.app.inject({
        method: 'POST',
        url: `/api/consultations/${consultation.id}/draft-jobs`,
        headers: doctor.headers,
      })
    ).json<JobView>();
    expect(
      (await testApp.app.inject({ method: 'GET', url: `/api/jobs/${queued.id}`, headers: stranger.headers }))
        .statusCode,
    ).toBe(404);
    expect(
      (await testApp.app.inject({ method: 'GET', url: `/api/jobs/${queued.id}`, headers: colleague.headers }))
        .statusCode,
    ).toBe(200);
    expect((await testApp.app.inject({ method: 'GET', url: `/api/jobs/${queued.id}` })).statusCode).toBe(401);
    const foreign = await testApp.app.inject({
      method: 'POST',
      url: `/api/consultations/${consultation.id}/draft-jobs`,
      headers: stranger.headers,
    });
    expect(foreign.statusCode).toBe(404);
    const unknown = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations/finnes-ikke/draft-jobs',
      headers: doctor.headers,
    });
    expect(unknown.statusCode).toBe(404);
    expect(await testApp.context.storage.jobs.list({ practiceId: stranger.practiceId })).toEqual([]);
  });
});

describe('API-only process and re-runs', () => {
  async function startWithoutWorkers() {
    const config = loadConfig({
      env: {},
      overrides: {
        databaseUrl: 'sqlite::memory:',
        logLevel: 'silent',
        webRoot: '/nonexistent-kollega-web',
        auth: 'off',
      },
    });
    const context = await createAppContext(config);
    provideJobOptions(context, { config: { workers: 0 }, env: {} });
    const app = buildServer(context);
    await app.ready();
    closeApp = async () => {
      await app.close();
      await context.close();
    };
    const consultation = (
      await app.inject({ method: 'POST', url: '/api/consultations', payload: { transcript: TURNS } })
    ).json<Consultation>();
    return { app, context, consultation };
  }

  it('enqueues without running when KOLLEGA_WORKERS is 0', async () => {
    const { app, context, consultation } = await startWithoutWorkers();
    expect(getJobService(context).runner).toBeUndefined();
    const queued = (
      await app.inject({ method: 'POST', url: `/api/consultations/${consultation.id}/draft-jobs` })
    ).json<JobView>();
    await new Promise((resolve) => setTimeout(resolve, 150));
    const job = (await app.inject({ method: 'GET', url: `/api/jobs/${queued.id}` })).json<JobView>();
    expect(job).toMatchObject({ state: 'queued', attempts: 0 });
    expect(await context.storage.notes.findByConsultationId(consultation.id)).toBeUndefined();
  });

  it('does not draft twice when an attempt wrote the note and died before completing', async () => {
    const { app, context, consultation } = await startWithoutWorkers();
    const queued = (
      await app.inject({ method: 'POST', url: `/api/consultations/${consultation.id}/draft-jobs` })
    ).json<JobView>();
    const handler = createDraftNoteHandler(context);
    const runAttempt = async () => {
      const lease = await context.storage.jobs.claim({ kinds: ['note.draft'], workerId: 'w', leaseMs: 100 });
      expect(lease?.job.id).toBe(queued.id);
      const result = await handler({
        job: lease!.job,
        signal: new AbortController().signal,
        saveCheckpoint: async (checkpoint) => {
          expect(await context.storage.jobs.saveCheckpoint(lease!, checkpoint)).toBe(true);
        },
        extendLease: async () => {
          expect(await context.storage.jobs.renewLease(lease!, 100)).toBe(true);
        },
      });
      return { lease: lease!, result };
    };
    // First attempt: the note is written, then the worker "dies" (no completion, the lease runs out).
    const first = await runAttempt();
    await new Promise((resolve) => setTimeout(resolve, 150));
    const second = await runAttempt();
    expect(second.lease.job).toMatchObject({ attempts: 2, checkpoint: { baseVersion: 0 } });
    expect(second.result).toEqual(first.result);
    expect(await context.storage.jobs.complete(second.lease, second.result)).toBe(true);
    expect(await context.storage.jobs.complete(first.lease, first.result)).toBe(false);
    const note = await context.storage.notes.findByConsultationId(consultation.id);
    expect(note?.version).toBe(1);
    expect(await context.storage.notes.listEdits(note!.id)).toEqual([]);
    const drafts = await context.storage.audit.list({ action: 'note.draft', entityId: note!.id });
    expect(drafts.filter((event) => event.details.jobId === queued.id)).toHaveLength(1);
  });

  it('fences the write: nothing is written once the lease is lost or the note moved on while drafting', async () => {
    const { app, context, consultation } = await startWithoutWorkers();
    await app.inject({ method: 'POST', url: `/api/consultations/${consultation.id}/draft-jobs` });
    const handler = createDraftNoteHandler(context);
    const lease = await context.storage.jobs.claim({ kinds: ['note.draft'], workerId: 'w', leaseMs: 60_000 });
    const attempt = (extendLease: () => Promise<void>) =>
      handler({
        job: lease!.job,
        signal: new AbortController().signal,
        saveCheckpoint: async (checkpoint) => {
          await context.storage.jobs.saveCheckpoint(lease!, checkpoint);
        },
        extendLease,
      });
    // The lease was taken over while the draft was being made: no write.
    const lost = await attempt(() => Promise.reject(new Error('lease lost'))).catch(
      (error: unknown) => error,
    );
    expect(lost).toBeInstanceOf(Error);
    expect(await context.storage.notes.findByConsultationId(consultation.id)).toBeUndefined();
    // Someone else wrote the note while this attempt was drafting: it is taken as the result, not overwritten.
    const result = await attempt(async () => {
      const other = await app.inject({ method: 'POST', url: `/api/consultations/${consultation.id}/note` });
      expect(other.statusCode).toBe(201);
    });
    const note = await context.storage.notes.findByConsultationId(consultation.id);
    expect(note?.version).toBe(1);
    expect(result).toEqual({ noteId: note!.id, version: 1 });
  });
});
