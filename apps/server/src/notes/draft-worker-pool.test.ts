import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { Consultation, NoteRecord, Transcript } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import { parseConsultationValue, prepareTranscript } from '@kollega/clinical';
import { createBuiltinEngine } from '../context';
import { createTestApp } from '../testing/create-test-app';
import { draftVerifiedNote } from './draft-verified-note';
import type { InProcessDrafting } from './draft-worker-pool';
import { DraftWorkerPool } from './draft-worker-pool';

const TURNS = [
  { speaker: 'lege', text: 'Hva bringer deg hit i dag?' },
  { speaker: 'pasient', text: 'Jeg har hatt vondt i halsen i fire dager og feber på 38,5.' },
  { speaker: 'lege', text: 'Bruker du noen faste medisiner?' },
  { speaker: 'pasient', text: 'Nei, men jeg er allergisk mot penicillin.' },
  { speaker: 'lege', text: 'Mandlene er røde og hovne. Du kan ta paracetamol ved behov.' },
];

function syntheticTranscript(): Transcript {
  const [parsed] = parseConsultationValue({ transcript: TURNS });
  if (parsed === undefined) throw new Error('no consultation');
  return prepareTranscript(parsed).transcript;
}

const engine = createBuiltinEngine();
const inProcess: InProcessDrafting = {
  draft: (transcript, options) => draftVerifiedNote(engine, transcript, options),
  verify: (transcript, note, options) => engine.verifyNote(transcript, note, options),
};

/** A stand-in worker: records what it is sent and answers as the test says. */
class FakeWorker extends EventEmitter {
  readonly sent: Array<{ id: number; kind: string }> = [];
  terminated = false;
  constructor(private readonly answer: (job: { id: number; kind: string }, worker: FakeWorker) => void) {
    super();
  }
  postMessage(job: { id: number; kind: string }): void {
    this.sent.push(job);
    queueMicrotask(() => this.answer(job, this));
  }
  ref(): void {}
  unref(): void {}
  terminate(): Promise<number> {
    this.terminated = true;
    return Promise.resolve(0);
  }
  becomeReady(): void {
    this.emit('message', { ready: true });
  }
}

const pools: DraftWorkerPool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
});

function createPool(workers: FakeWorker[]): DraftWorkerPool {
  let next = 0;
  const pool = new DraftWorkerPool({
    size: 1,
    inProcess,
    createWorker: () => {
      const worker = workers[next];
      next += 1;
      if (worker === undefined) throw new Error('no more fake workers');
      return worker as unknown as Worker;
    },
  });
  pools.push(pool);
  return pool;
}

describe('DraftWorkerPool on real worker threads', () => {
  it('drafts and verifies exactly as the built-in engine does in-process', { timeout: 120_000 }, async () => {
    const pool = new DraftWorkerPool({ size: 1, inProcess });
    pools.push(pool);
    await pool.warmUp();
    expect(pool.readyWorkers()).toBe(1);
    const transcript = syntheticTranscript();
    const options = { language: 'nb' as const, template: 'soap' };
    const [fromWorker, again] = await Promise.all([
      pool.draft(transcript, options),
      pool.draft(transcript, options),
    ]);
    const expected = draftVerifiedNote(engine, transcript, options);
    expect(fromWorker).toEqual(expected);
    expect(again).toEqual(expected);
    expect(fromWorker.note.sections.length).toBeGreaterThan(0);
    const verification = await pool.verify(transcript, expected.note, { language: 'nb' });
    expect(verification).toEqual(engine.verifyNote(transcript, expected.note, { language: 'nb' }));
  });
});

describe('DraftWorkerPool with stand-in workers', () => {
  it('drafts in-process while no worker is ready', async () => {
    const silent = new FakeWorker(() => undefined);
    const pool = createPool([silent]);
    const transcript = syntheticTranscript();
    const draft = await pool.draft(transcript, { language: 'nb' });
    expect(draft).toEqual(draftVerifiedNote(engine, transcript, { language: 'nb' }));
    expect(silent.sent).toHaveLength(0);
  });

  it('passes an AppError from the worker on with its code (unknown codes become internal)', async () => {
    let code = 'empty_transcript';
    const failing = new FakeWorker((job, worker) =>
      worker.emit('message', {
        id: job.id,
        ok: false,
        error: { code, message: 'Tom transkripsjon', details: { segments: 0 } },
      }),
    );
    const pool = createPool([failing]);
    pool.draft(syntheticTranscript(), { language: 'nb' }).catch(() => undefined);
    failing.becomeReady();
    const first = await pool
      .draft(syntheticTranscript(), { language: 'nb' })
      .catch((error: unknown) => error);
    expect(first).toBeInstanceOf(AppError);
    expect(first).toMatchObject({
      code: 'empty_transcript',
      message: 'Tom transkripsjon',
      details: { segments: 0 },
    });
    code = 'no_such_code';
    const second = await pool
      .draft(syntheticTranscript(), { language: 'nb' })
      .catch((error: unknown) => error);
    expect(second).toMatchObject({ code: 'internal' });
  });

  it('finishes the job in-process when its worker dies, and starts a replacement', async () => {
    const dying = new FakeWorker((_job, worker) => worker.emit('exit', 1));
    const replacement = new FakeWorker(() => undefined);
    const pool = createPool([dying, replacement]);
    pool
      .verify(
        syntheticTranscript(),
        draftVerifiedNote(engine, syntheticTranscript(), { language: 'nb' }).note,
        {
          language: 'nb',
        },
      )
      .catch(() => undefined);
    dying.becomeReady();
    const transcript = syntheticTranscript();
    const draft = await pool.draft(transcript, { language: 'nb' });
    expect(dying.sent.length).toBeGreaterThan(0);
    expect(draft).toEqual(draftVerifiedNote(engine, transcript, { language: 'nb' }));
    expect(pool.readyWorkers()).toBe(0);
    replacement.becomeReady();
    expect(pool.readyWorkers()).toBe(1);
  });

  it('terminates its workers on close', async () => {
    const worker = new FakeWorker(() => undefined);
    const pool = createPool([worker]);
    await pool.draft(syntheticTranscript(), { language: 'nb' });
    await pool.close();
    expect(worker.terminated).toBe(true);
  });
});

describe('the server with drafting workers', () => {
  it('drafts a note through the API on a worker thread', { timeout: 120_000 }, async () => {
    const testApp = await createTestApp({ config: { draftWorkers: 1 } });
    try {
      const pool = testApp.context.draftWorkers;
      expect(pool).toBeInstanceOf(DraftWorkerPool);
      await pool?.warmUp();
      expect(pool?.readyWorkers()).toBe(1);
      const created = await testApp.app.inject({
        method: 'POST',
        url: '/api/consultations',
        payload: { title: 'Arbeidertråd', language: 'nb', transcript: TURNS },
      });
      const consultation = created.json<Consultation>();
      const drafted = await testApp.app.inject({
        method: 'POST',
        url: `/api/consultations/${consultation.id}/note`,
      });
      expect(drafted.statusCode).toBe(201);
      const record = drafted.json<NoteRecord>();
      expect(record.note).toEqual(
        draftVerifiedNote(engine, consultation.transcript, { language: 'nb' }).note,
      );
    } finally {
      await testApp.close();
    }
  });

  it('has no pool with an injected engine', async () => {
    const testApp = await createTestApp({
      config: { draftWorkers: 2 },
      context: { engine: createBuiltinEngine() },
    });
    try {
      expect(testApp.context.draftWorkers).toBeUndefined();
    } finally {
      await testApp.close();
    }
  });
});
