import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ModelConfigInput } from '@kollega/ai';
import { parseModelConfig } from '@kollega/ai';
import type { FakeOpenAIServer } from '@kollega/ai/testing';
import { startFakeOpenAIServer } from '@kollega/ai/testing';
import type { AuditEvent, Consultation, NoteRecord } from '@kollega/domain';
import { listBlockingFlags } from '@kollega/domain';
import type { TestApp } from '../testing/create-test-app';
import { createTestApp } from '../testing/create-test-app';

const PHONE = '918 76 543';
const TURNS = [
  { speaker: 'lege', text: 'Hei, hva kan jeg hjelpe deg med i dag?' },
  { speaker: 'pasient', text: 'Jeg har hatt vondt i halsen i tre dager, og feberen var 38,9 i går kveld.' },
  { speaker: 'lege', text: 'Mandlene er røde og hovne med belegg på begge sider, ingen hovne lymfeknuter.' },
  { speaker: 'pasient', text: `Ring meg gjerne på ${PHONE} når prøvesvaret kommer, da.` },
];
const MODEL_ID = 'openai-compatible:fake-model';

let server: FakeOpenAIServer;
let testApp: TestApp | undefined;
beforeAll(async () => {
  server = await startFakeOpenAIServer();
});
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
  server.reset();
  server.setDefault({ kind: 'echo-note' });
});
afterAll(() => server.close());

/** A test app whose note-drafting model is the fake server (no retries: each failure is one call). */
async function startApp(
  options: { local?: boolean; localOnly?: boolean; verification?: boolean } = {},
): Promise<TestApp> {
  const models: ModelConfigInput = {
    providers: {
      'openai-compatible': {
        type: 'openai-compatible',
        baseURL: server.baseURL,
        ...(options.local === undefined ? {} : { local: options.local }),
      },
    },
    aliases: { 'note-drafting': MODEL_ID, ...(options.verification ? { verification: MODEL_ID } : {}) },
    policy: { localOnly: options.localOnly ?? false },
    resilience: { maxRetries: 0 },
  };
  testApp = await createTestApp({ config: { models: parseModelConfig(models) } });
  return testApp;
}

async function draftNote(app: TestApp): Promise<{ consultation: Consultation; record: NoteRecord }> {
  const created = await app.app.inject({
    method: 'POST',
    url: '/api/consultations',
    payload: { transcript: TURNS },
  });
  expect(created.statusCode).toBe(201);
  const consultation = created.json<Consultation>();
  const drafted = await app.app.inject({ method: 'POST', url: `/api/consultations/${consultation.id}/note` });
  expect(drafted.statusCode).toBe(201);
  return { consultation, record: drafted.json<NoteRecord>() };
}

function modelCalls(app: TestApp): Promise<AuditEvent[]> {
  return app.context.storage.audit.list({ action: 'model.call' });
}

/** No transcript text in the audit log: hashes, counts and ids only. */
function expectNoTranscriptText(events: readonly AuditEvent[]): void {
  const logged = JSON.stringify(events);
  for (const turn of TURNS) expect(logged).not.toContain(turn.text.slice(0, 30));
  expect(logged).not.toContain(PHONE);
}

describe('POST /api/consultations/:id/note with a language model', () => {
  it('reports the configured model as the drafting engine in /api/health, and builtin under localOnly', async () => {
    const withModel = await startApp();
    expect((await withModel.app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({
      engine: MODEL_ID,
    });
    await withModel.close();
    const refused = await startApp({ local: false, localOnly: true });
    expect((await refused.app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({
      engine: 'builtin',
    });
  });

  it('drafts with the model: engine is the model id, each model call is audited with hashes and counts', async () => {
    const app = await startApp();
    const { consultation, record } = await draftNote(app);
    expect(record.engine).toBe(MODEL_ID);
    expect(record.warnings).toEqual([]);
    expect(record.verification).toBeDefined();
    const statements = record.note.sections.flatMap((section) => section.statements);
    expect(statements.map((statement) => statement.text)).toContain(TURNS[1]!.text);
    expect(statements.every((statement) => statement.support !== 'unverified')).toBe(true);

    const calls = await modelCalls(app);
    expect(calls).toHaveLength(server.requests.length);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      actor: 'system',
      entityType: 'model',
      entityId: MODEL_ID,
      outcome: 'success',
      details: {
        consultationId: consultation.id,
        purpose: 'note-drafting',
        provider: 'openai-compatible',
        model: 'fake-model',
        local: true,
        identifiersReplaced: 0,
        errorCode: null,
      },
    });
    expect(calls[0]!.details.requestSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(calls[0]!.details.responseSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(calls[0]!.details.inputTokens).toBeGreaterThan(0);
    expectNoTranscriptText(calls);

    const [drafted] = await app.context.storage.audit.list({ action: 'note.draft' });
    expect(drafted?.details.engine).toBe(MODEL_ID);
  });

  it('stores the built-in note with the llm_fallback warning when the model answers nonsense', async () => {
    server.setDefault({ kind: 'text', content: 'Dette er ikke et notat.' });
    const app = await startApp();
    const { record } = await draftNote(app);
    expect(record.engine).toBe('builtin');
    expect(record.warnings[0]?.code).toBe('llm_fallback');
    expect(record.warnings[0]?.message).toMatch(/innebygde motoren/);
    // The first answer and the one repair: both reached the model and both are audited.
    const calls = await modelCalls(app);
    expect(calls).toHaveLength(2);
    expect(calls.every((call) => call.outcome === 'success')).toBe(true);
    expectNoTranscriptText(calls);
  });

  it('stores the built-in note with llm_fallback and audits the failed call when the server errs', async () => {
    server.setDefault({ kind: 'error', status: 503 });
    const app = await startApp();
    const { record } = await draftNote(app);
    expect(record.engine).toBe('builtin');
    expect(record.warnings.map((warning) => warning.code)).toContain('llm_fallback');
    const calls = await modelCalls(app);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ outcome: 'failure', details: { errorCode: 'unavailable' } });
  });

  it('de-identifies for a provider that is not local and records how many identifiers were replaced', async () => {
    const app = await startApp({ local: false });
    const { record } = await draftNote(app);
    expect(record.engine).toBe(MODEL_ID);
    expect(server.requests.map((request) => request.body).join('\n')).not.toContain(PHONE);
    // Restored in the note the doctor sees.
    expect(JSON.stringify(record.note)).toContain(PHONE);
    const calls = await modelCalls(app);
    expect(calls[0]?.details).toMatchObject({ local: false });
    expect(calls[0]?.details.identifiersReplaced).toBeGreaterThan(0);
  });

  it('under the localOnly policy, never calls a model that is not local and says so on the note', async () => {
    const app = await startApp({ local: false, localOnly: true });
    const { record } = await draftNote(app);
    expect(server.requests).toHaveLength(0);
    expect(record.engine).toBe('builtin');
    expect(record.warnings[0]?.code).toBe('llm_blocked');
    expect(await modelCalls(app)).toHaveLength(0);
  });

  it('with a verification model, flags what the model contradicts; approval stays blocked after an unrelated edit', async () => {
    server.enqueue(
      {
        kind: 'text',
        content: JSON.stringify({
          sections: [
            { id: 'aktuelt', statements: [{ text: 'Vondt i halsen og feber.', evidence: ['s2'] }] },
            { id: 'tiltak', statements: [{ text: 'Ringes opp når prøvesvaret kommer.', evidence: ['s4'] }] },
          ],
        }),
      },
      {
        kind: 'text',
        content: JSON.stringify({
          verdicts: [
            {
              id: 'c1',
              verdict: 'contradicted',
              evidence: ['s4'],
              reason: 'Pasienten ba selv om å bli ringt.',
            },
          ],
        }),
      },
    );
    const app = await startApp({ verification: true });
    const { record } = await draftNote(app);
    expect(server.requests).toHaveLength(2);
    const second = server.requests[1]!.json!.messages!.at(-1)!.content;
    expect(second).toContain('c1: Ringes opp når prøvesvaret kommer.');
    expect(second).not.toContain('Vondt i halsen og feber.');
    const checks = new Map(record.verification!.statements.map((check) => [check.statementId, check]));
    expect(checks.get('aktuelt-1')?.support).toBe('supported');
    expect(checks.get('tiltak-1')).toMatchObject({ support: 'contradicted', reviewer: MODEL_ID });
    const calls = await modelCalls(app);
    expect(calls.map((call) => call.details.purpose)).toEqual(['note-drafting', 'verification']);
    expectNoTranscriptText(calls);

    // An edit of another statement re-verifies with the rules; the model's flag stays.
    const edited = structuredClone(record.note);
    edited.sections[0]!.statements[0]!.text = 'Vondt i halsen og feber 38,9.';
    const afterEdit = await app.app.inject({
      method: 'PUT',
      url: `/api/notes/${record.id}`,
      payload: { version: record.version, note: edited },
    });
    expect(afterEdit.statusCode).toBe(200);
    const saved = afterEdit.json<NoteRecord>();
    expect(saved.verification!.statements.find((check) => check.statementId === 'tiltak-1')).toMatchObject({
      support: 'contradicted',
      reviewer: MODEL_ID,
    });
    const approve = await app.app.inject({
      method: 'POST',
      url: `/api/notes/${record.id}/approve`,
      payload: { approvedBy: 'Kari Nordmann', version: saved.version },
    });
    expect(approve.statusCode).toBe(409);
    // The model's flag is the one that blocks; dismissed with a reason, the note can be approved.
    expect(listBlockingFlags(saved.verification!, saved.dismissals)).toEqual(['tiltak-1']);
    const dismissed = await app.app.inject({
      method: 'POST',
      url: `/api/notes/${record.id}/dismissals`,
      payload: { flagId: 'tiltak-1', reason: 'Avtalt i samtalen', by: 'Kari Nordmann' },
    });
    expect(dismissed.statusCode).toBe(200);
    const approved = await app.app.inject({
      method: 'POST',
      url: `/api/notes/${record.id}/approve`,
      payload: { approvedBy: 'Kari Nordmann', version: dismissed.json<NoteRecord>().version },
    });
    expect(approved.statusCode).toBe(200);
    expect(server.requests).toHaveLength(2);
  });
});
