import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ModelConfigInput } from '@kollega/ai';
import { parseModelConfig } from '@kollega/ai';
import type { FakeOpenAIServer } from '@kollega/ai/testing';
import { startFakeOpenAIServer } from '@kollega/ai/testing';
import type { SignedInTestApp, TestUser } from '../testing/signed-in-test-app';
import { createSignedInTestApp } from '../testing/signed-in-test-app';
import type { TestApp } from '../testing/create-test-app';
import { createTestApp } from '../testing/create-test-app';
import { createServerModels } from '../models/server-models';
import { listEvaluationEngines } from './evaluation-engines';
import {
  REPORT_CONTENT_SECURITY_POLICY,
  getEvaluationService,
  provideEvaluationOptions,
} from './evaluation-routes';
import type { EvaluationRunView } from './evaluation-schemas';

const MODEL_ID = 'openai-compatible:fake-model';

/** Three short synthetic consultations in the nb-dev shape (sections and key facts). */
const CASES = [
  {
    id: 'syn-01',
    setting: 'kontor',
    transcript: [
      { speaker: 'lege', text: 'Hva kan jeg hjelpe deg med i dag?' },
      {
        speaker: 'pasient',
        text: 'Jeg har hatt vondt i halsen i fire dager og feber opp mot 38,5 om kvelden.',
      },
      { speaker: 'lege', text: 'Hoster du noe?' },
      { speaker: 'pasient', text: 'Nei, ingen hoste, men det er vondt å svelge.' },
      {
        speaker: 'lege',
        text: 'Mandlene er røde og hovne med belegg på begge sider. Ingen forstørrede lymfeknuter.',
      },
      { speaker: 'lege', text: 'Vi tar en streptokokktest, og du kan bruke paracetamol ved behov.' },
    ],
    reference_note: {
      aktuelt: 'Vondt i halsen i 4 dager, feber til 38,5 om kvelden. Ingen hoste. Svelgsmerter.',
      undersokelse: 'Røde, hovne tonsiller med belegg bilateralt. Ingen forstørrede lymfeknuter.',
      vurdering: 'Tonsillitt.',
      tiltak: 'Streptokokktest. Paracetamol ved behov.',
    },
    key_facts: [
      { fact: 'Vondt i halsen i 4 dager', section: 'aktuelt', critical: false },
      { fact: 'Feber 38,5', section: 'aktuelt', critical: true },
      { fact: 'Ingen hoste', section: 'aktuelt', critical: false },
    ],
  },
  {
    id: 'syn-02',
    setting: 'telefon',
    transcript: [
      { speaker: 'lege', text: 'Du ringte om ryggen?' },
      { speaker: 'pasient', text: 'Ja, jeg fikk vondt i korsryggen i går da jeg løftet en tung kasse.' },
      { speaker: 'lege', text: 'Stråler det ned i beina, eller har du nummenhet?' },
      { speaker: 'pasient', text: 'Nei, det holder seg i ryggen, og jeg kjenner ingen nummenhet.' },
      { speaker: 'lege', text: 'Hold deg i aktivitet, og ta ibuprofen 400 mg ved behov i noen dager.' },
    ],
    reference_note: {
      aktuelt: 'Akutte korsryggsmerter etter løft i går. Ingen utstråling, ingen nummenhet.',
      vurdering: 'Lumbago uten tegn til nerverotaffeksjon.',
      tiltak: 'Aktivitet. Ibuprofen 400 mg ved behov.',
    },
    key_facts: [
      { fact: 'Ingen utstråling til beina', section: 'aktuelt', critical: true },
      { fact: 'Ibuprofen 400 mg', section: 'tiltak', critical: true },
    ],
  },
  {
    id: 'syn-03',
    setting: 'kontor',
    transcript: [
      { speaker: 'lege', text: 'Hvordan går det med blodtrykket?' },
      { speaker: 'pasient', text: 'Jeg har målt hjemme, og det ligger rundt 145 over 90.' },
      { speaker: 'lege', text: 'Blodtrykket i dag er 148 over 92. Vi øker amlodipin til 10 mg.' },
      { speaker: 'pasient', text: 'Greit, jeg har ikke merket noen bivirkninger så langt.' },
    ],
    reference_note: {
      aktuelt: 'Kontroll av hypertensjon. Hjemmemålinger rundt 145/90. Ingen bivirkninger.',
      undersokelse: 'BT 148/92.',
      tiltak: 'Amlodipin økes til 10 mg.',
    },
    key_facts: [
      { fact: 'BT 148/92', section: 'undersokelse', critical: true },
      { fact: 'Amlodipin 10 mg', section: 'tiltak', critical: true },
    ],
  },
];

const DATASET_ID = 'nb/syntetisk.jsonl';

let fake: FakeOpenAIServer;
let root: string;
let datasetsDirectory: string;
const apps: TestApp[] = [];
let logLines: string[] = [];

beforeAll(async () => {
  fake = await startFakeOpenAIServer();
  root = mkdtempSync(join(tmpdir(), 'kollega-evaluation-test-'));
  datasetsDirectory = join(root, 'datasets');
  mkdirSync(join(datasetsDirectory, 'nb'), { recursive: true });
  writeFileSync(
    join(datasetsDirectory, DATASET_ID),
    `${CASES.map((row) => JSON.stringify(row)).join('\n')}\n`,
  );
  // Not note datasets: a triage file and a file outside the folder reached through a symbolic link.
  writeFileSync(
    join(datasetsDirectory, 'nb', 'triage.jsonl'),
    `${JSON.stringify({ id: 't1', message: 'Kan jeg få fornyet resepten?', urgency: 'rutine' })}\n`,
  );
  writeFileSync(join(root, 'utenfor.jsonl'), `${JSON.stringify(CASES[0])}\n`);
  symlinkSync(join(root, 'utenfor.jsonl'), join(datasetsDirectory, 'lenke.jsonl'));
});

afterEach(async () => {
  while (apps.length > 0) await apps.pop()?.close();
  fake.reset();
  fake.setDefault({ kind: 'echo-note' });
  logLines = [];
});

afterAll(async () => {
  await fake.close();
  rmSync(root, { recursive: true, force: true });
});

/** A signed-in app whose models include the fake server, with the evaluation folders under the test's folder. */
async function startApp(
  options: { runsDirectory?: string; timeoutMs?: number } = {},
): Promise<{ testApp: SignedInTestApp; runsDirectory: string }> {
  const models: ModelConfigInput = {
    providers: { 'openai-compatible': { type: 'openai-compatible', baseURL: fake.baseURL } },
    aliases: { 'note-drafting': MODEL_ID },
    resilience: {
      maxRetries: 0,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    },
  };
  const testApp = await createSignedInTestApp({
    config: { models: parseModelConfig(models), logLevel: 'info' },
    context: { logStream: { write: (line: string) => void logLines.push(line) } },
  });
  apps.push(testApp);
  const runsDirectory = options.runsDirectory ?? mkdtempSync(join(root, 'runs-'));
  provideEvaluationOptions(testApp.context, { env: {}, config: { datasetsDirectory, runsDirectory } });
  return { testApp, runsDirectory };
}

async function startRun(
  testApp: SignedInTestApp,
  user: TestUser,
  payload: Record<string, unknown>,
): Promise<EvaluationRunView> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/evaluation/runs',
    headers: user.headers,
    payload,
  });
  expect(response.statusCode, response.body).toBe(202);
  return response.json<EvaluationRunView>();
}

async function readRun(testApp: SignedInTestApp, user: TestUser, id: string): Promise<EvaluationRunView> {
  const response = await testApp.app.inject({
    method: 'GET',
    url: `/api/evaluation/runs/${id}`,
    headers: user.headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<EvaluationRunView>();
}

/** Waits until the service has no active run, then reads the run. */
async function finishRun(testApp: SignedInTestApp, user: TestUser, id: string): Promise<EvaluationRunView> {
  await getEvaluationService(testApp.context).waitForIdle();
  return readRun(testApp, user, id);
}

describe('evaluation routes: who may use them', () => {
  it('answers 401 without a session, 403 for a doctor or secretary, and 200 for an admin', async () => {
    const { testApp } = await startApp();
    const doctor = await testApp.createPracticeUser({ role: 'lege' });
    const secretary = await testApp.createColleague(doctor.practiceId, { role: 'helsesekretær' });
    const admin = await testApp.createColleague(doctor.practiceId, { role: 'admin' });
    const routes = [
      { method: 'GET' as const, url: '/api/evaluation/datasets' },
      { method: 'GET' as const, url: '/api/evaluation/engines' },
      { method: 'GET' as const, url: '/api/evaluation/runs' },
      { method: 'POST' as const, url: '/api/evaluation/runs' },
      { method: 'GET' as const, url: '/api/evaluation/runs/run-abcdef-0123abcd' },
      { method: 'GET' as const, url: '/api/evaluation/runs/run-abcdef-0123abcd/report' },
      { method: 'POST' as const, url: '/api/evaluation/runs/run-abcdef-0123abcd/cancel' },
      { method: 'POST' as const, url: '/api/evaluation/runs/run-abcdef-0123abcd/resume' },
    ];
    const payload = { dataset: DATASET_ID, engines: ['builtin'] };
    for (const route of routes) {
      const body = route.method === 'POST' ? { payload } : {};
      const anonymous = await testApp.app.inject({ ...route, ...body });
      expect(anonymous.statusCode, route.url).toBe(401);
      for (const user of [doctor, secretary]) {
        const forbidden = await testApp.app.inject({ ...route, ...body, headers: user.headers });
        expect(forbidden.statusCode, `${user.role} ${route.url}`).toBe(403);
        expect(forbidden.json<{ error: { code: string } }>().error.code).toBe('forbidden');
      }
    }
    expect(await getEvaluationService(testApp.context).listRuns({ actor: 'test' })).toEqual([]);
    const allowed = await testApp.app.inject({
      method: 'GET',
      url: '/api/evaluation/datasets',
      headers: admin.headers,
    });
    expect(allowed.statusCode).toBe(200);
  });
});

describe('evaluation routes: datasets and engines', () => {
  it('offers the note datasets in the configured folder only, with their case counts', async () => {
    const { testApp } = await startApp();
    const admin = await testApp.createPracticeUser({ role: 'admin' });
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/evaluation/datasets',
      headers: admin.headers,
    });
    expect(response.json()).toEqual({
      configured: true,
      datasets: [
        {
          id: DATASET_ID,
          name: 'syntetisk.jsonl',
          cases: CASES.length,
          bytes: expect.any(Number) as number,
          format: 'nb-dev',
        },
      ],
    });
  });

  it('offers the built-in engine and the configured models, and marks a model the local-only policy refuses', async () => {
    const { testApp } = await startApp();
    const admin = await testApp.createPracticeUser({ role: 'admin' });
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/evaluation/engines',
      headers: admin.headers,
    });
    const body = response.json<{ engines: unknown[]; templates: Array<{ id: string }> }>();
    expect(body.engines).toEqual([
      { id: 'builtin', kind: 'builtin', purposes: [], available: true },
      { id: MODEL_ID, kind: 'model', purposes: ['note-drafting'], available: true },
    ]);
    expect(body.templates.map((template) => template.id)).toContain('fastlege');

    const blocked = createServerModels(
      parseModelConfig({
        providers: { cloud: { type: 'azure-openai', endpoint: 'https://example.openai.azure.com' } },
        aliases: { summary: 'cloud:gpt' },
        policy: { localOnly: true },
      }),
    );
    expect(listEvaluationEngines(blocked, ['missing:model'])).toEqual([
      { id: 'builtin', kind: 'builtin', purposes: [], available: true },
      expect.objectContaining({ id: 'cloud:gpt', purposes: ['summary'], available: false }),
      expect.objectContaining({ id: 'missing:model', purposes: [], available: false }),
    ]);
  });

  it('refuses an unknown dataset, a path outside the folder, an unknown engine and a bad limit', async () => {
    const { testApp, runsDirectory } = await startApp();
    const admin = await testApp.createPracticeUser({ role: 'admin' });
    const post = (payload: Record<string, unknown>) =>
      testApp.app.inject({ method: 'POST', url: '/api/evaluation/runs', headers: admin.headers, payload });
    for (const dataset of [
      'nb/finnes-ikke.jsonl',
      '../utenfor.jsonl',
      'lenke.jsonl',
      'nb/triage.jsonl',
      '/etc/passwd',
    ]) {
      const response = await post({ dataset, engines: ['builtin'] });
      expect(response.statusCode, dataset).toBe(404);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('not_found');
    }
    const engine = await post({
      dataset: DATASET_ID,
      engines: ['builtin', 'openai-compatible:not-configured'],
    });
    expect(engine.statusCode).toBe(400);
    expect(engine.json()).toMatchObject({ error: { code: 'invalid_input', details: { field: 'engines' } } });
    for (const payload of [
      { dataset: DATASET_ID, engines: [] },
      { dataset: DATASET_ID, engines: ['builtin'], limit: 0 },
      { dataset: DATASET_ID, engines: ['builtin'], template: 'finnes-ikke' },
      { engines: ['builtin'] },
    ]) {
      expect((await post(payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
    const unknownRun = await testApp.app.inject({
      method: 'GET',
      url: '/api/evaluation/runs/..%2F..%2Fetc',
      headers: admin.headers,
    });
    expect(unknownRun.statusCode).toBe(404);
    expect(readFileSync(join(datasetsDirectory, DATASET_ID), 'utf8')).toContain('syn-01');
    const list = await testApp.app.inject({
      method: 'GET',
      url: '/api/evaluation/runs',
      headers: admin.headers,
    });
    expect(list.json()).toEqual({ runs: [] });
    expect(runsDirectory).toBeTruthy();
  });
});

describe('evaluation routes: runs', () => {
  it('runs the built-in engine and a model side by side to completion and serves the report', async () => {
    const { testApp } = await startApp();
    const admin = await testApp.createPracticeUser({ role: 'admin' });
    const started = await startRun(testApp, admin, { dataset: DATASET_ID, engines: ['builtin', MODEL_ID] });
    expect(started).toMatchObject({
      status: 'running',
      dataset: { id: DATASET_ID, cases: 3, totalCases: 3 },
      engines: ['builtin', MODEL_ID],
      progress: { total: 6 },
      summary: null,
      reportAvailable: false,
    });

    const run = await finishRun(testApp, admin, started.id);
    expect(run.status).toBe('done');
    expect(run.progress).toEqual({
      done: 6,
      total: 6,
      engines: [
        { engine: 'builtin', finished: 3, failed: 0, total: 3, stopped: false },
        { engine: MODEL_ID, finished: 3, failed: 0, total: 3, stopped: false },
      ],
    });
    expect(run.summary?.complete).toBe(true);
    expect(run.summary?.engines.map((engine) => engine.engine)).toEqual(['builtin', MODEL_ID]);
    for (const engine of run.summary?.engines ?? []) {
      expect(engine.cases).toBe(3);
      expect(engine.rouge1).toBeGreaterThan(0);
      expect(engine.factRecall).not.toBeNull();
    }
    const model = run.summary?.engines[1];
    expect(model?.tokensIn).toBeGreaterThan(0);
    expect(
      fake.requests.filter((request) => request.path.endsWith('/chat/completions')).length,
    ).toBeGreaterThanOrEqual(3);
    expect(run.reportAvailable).toBe(true);
    expect(run.resumable).toBe(false);

    const report = await testApp.app.inject({
      method: 'GET',
      url: `/api/evaluation/runs/${run.id}/report`,
      headers: admin.headers,
    });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toMatch(/^text\/html/);
    expect(report.headers['content-security-policy']).toBe(REPORT_CONTENT_SECURITY_POLICY);
    expect(report.body).toContain('<table class="summary">');
    expect(report.body).toContain(MODEL_ID);
    expect(report.body).not.toMatch(/<script/i);

    const list = await testApp.app.inject({
      method: 'GET',
      url: '/api/evaluation/runs',
      headers: admin.headers,
    });
    expect(list.json<{ runs: EvaluationRunView[] }>().runs.map((listed) => listed.id)).toEqual([run.id]);

    // The server's log has run ids and figures, never the consultations' text.
    const log = logLines.join('');
    expect(log).toContain(run.id);
    for (const row of CASES) for (const turn of row.transcript) expect(log).not.toContain(turn.text);
    const audit = await testApp.context.storage.audit.list({ action: 'evaluation.start' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityId: run.id, outcome: 'success' });
  });

  it('keeps runs per practice: another practice’s admin neither lists nor opens them', async () => {
    const { testApp } = await startApp();
    const admin = await testApp.createPracticeUser({ role: 'admin' });
    const otherAdmin = await testApp.createPracticeUser({ role: 'admin' });
    const started = await startRun(testApp, admin, { dataset: DATASET_ID, engines: ['builtin'], limit: 1 });
    await getEvaluationService(testApp.context).waitForIdle();
    for (const url of [`/api/evaluation/runs/${started.id}`, `/api/evaluation/runs/${started.id}/report`]) {
      const response = await testApp.app.inject({ method: 'GET', url, headers: otherAdmin.headers });
      expect(response.statusCode, url).toBe(404);
    }
    const list = await testApp.app.inject({
      method: 'GET',
      url: '/api/evaluation/runs',
      headers: otherAdmin.headers,
    });
    expect(list.json()).toEqual({ runs: [] });
    const own = await readRun(testApp, admin, started.id);
    expect(own).toMatchObject({ status: 'done', limit: 1, progress: { done: 1, total: 1 } });
  });

  it('runs one evaluation at a time, cancels after the case in progress, and resumes what is left', async () => {
    const { testApp } = await startApp({ timeoutMs: 1000 });
    const admin = await testApp.createPracticeUser({ role: 'admin' });
    // The model never answers: each case waits for the timeout, then the built-in engine writes the note.
    fake.setDefault({ kind: 'hang' });
    const started = await startRun(testApp, admin, { dataset: DATASET_ID, engines: [MODEL_ID] });
    const second = await testApp.app.inject({
      method: 'POST',
      url: '/api/evaluation/runs',
      headers: admin.headers,
      payload: { dataset: DATASET_ID, engines: ['builtin'] },
    });
    expect(second.statusCode).toBe(409);
    // Cancel once the first case is in progress (its model call has arrived).
    await expect.poll(() => fake.requests.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const cancel = await testApp.app.inject({
      method: 'POST',
      url: `/api/evaluation/runs/${started.id}/cancel`,
      headers: admin.headers,
    });
    expect(cancel.statusCode).toBe(202);
    expect(cancel.json<EvaluationRunView>().status).toBe('cancelling');

    const cancelled = await finishRun(testApp, admin, started.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.progress.done).toBe(1);
    expect(cancelled.resumable).toBe(true);
    expect(cancelled.summary?.engines[0]?.warningCounts).toEqual({ llm_fallback: 1 });

    fake.setDefault({ kind: 'echo-note' });
    const resume = await testApp.app.inject({
      method: 'POST',
      url: `/api/evaluation/runs/${started.id}/resume`,
      headers: admin.headers,
    });
    expect(resume.statusCode, resume.body).toBe(202);
    expect(resume.json<EvaluationRunView>().progress).toMatchObject({ done: 1, total: 3 });
    const done = await finishRun(testApp, admin, started.id);
    expect(done).toMatchObject({ status: 'done', progress: { done: 3, total: 3 }, resumable: false });
    // The first case was not drafted again: one fallback, two model notes.
    expect(done.summary?.engines[0]?.warningCounts).toEqual({ llm_fallback: 1 });
  });

  it('survives a restart: an interrupted run is listed as interrupted and can be resumed', async () => {
    const first = await startApp({ timeoutMs: 1000 });
    const admin = await first.testApp.createPracticeUser({ role: 'admin', username: 'admin.restart' });
    fake.setDefault({ kind: 'hang' });
    const started = await startRun(first.testApp, admin, { dataset: DATASET_ID, engines: [MODEL_ID] });
    // The server stops mid-run: the case in progress finishes, the rest is left for later.
    await apps.pop()?.close();
    fake.setDefault({ kind: 'echo-note' });

    // A new server on the same runs folder (a fresh database, so the service is asked directly, unscoped).
    const second = await startApp({ runsDirectory: first.runsDirectory });
    const service = getEvaluationService(second.testApp.context);
    const listed = await service.listRuns({ actor: 'test' });
    expect(listed.map((run) => [run.id, run.status, run.resumable])).toEqual([
      [started.id, 'interrupted', true],
    ]);
    expect(listed[0]?.progress.done).toBeLessThan(3);

    const resumed = await service.resumeRun(started.id, { actor: 'test' });
    expect(resumed.status).toBe('running');
    await service.waitForIdle();
    const done = await service.getRun(started.id, { actor: 'test' });
    expect(done).toMatchObject({ status: 'done', progress: { done: 3, total: 3 }, reportAvailable: true });

    // A server killed mid-run leaves `running` in the run's file; no process runs it, so it is interrupted.
    const file = join(first.runsDirectory, started.id, 'evaluation.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), status: 'running' }));
    expect(await service.getRun(started.id, { actor: 'test' })).toMatchObject({ status: 'interrupted' });
  });

  it('is open, like every route, when sign-in is off (a single user on loopback)', async () => {
    const testApp = await createTestApp({ config: { auth: 'off' } });
    apps.push(testApp);
    provideEvaluationOptions(testApp.context, {
      env: {},
      config: { datasetsDirectory, runsDirectory: mkdtempSync(join(root, 'runs-')) },
    });
    const response = await testApp.app.inject({ method: 'GET', url: '/api/evaluation/datasets' });
    expect(response.statusCode).toBe(200);
    expect(
      response.json<{ datasets: Array<{ id: string }> }>().datasets.map((dataset) => dataset.id),
    ).toEqual([DATASET_ID]);
  });
});
