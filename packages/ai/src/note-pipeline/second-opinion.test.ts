import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StatementCheck, Transcript, VerificationReport } from '@kollega/domain';
import { InMemoryAuditSink } from '../audit/audit-sink';
import { parseModelConfig } from '../registry/model-config';
import { createModelRegistry } from '../registry/model-registry';
import type { ModelRegistry } from '../registry/model-registry';
import type { FakeOpenAIServer } from '../testing/fake-openai-server';
import { startFakeOpenAIServer } from '../testing/fake-openai-server';
import { carryOverSecondOpinions, reviewInferredStatements } from './second-opinion';

/** A synthetic knee consultation, long enough that a window leaves lines out. */
const TRANSCRIPT: Transcript = {
  segments: [
    { id: 's1', speaker: 'lege', text: 'Hva bringer deg hit?' },
    { id: 's2', speaker: 'pasient', text: 'Jeg vridde høyre kne på ski for to uker siden.' },
    { id: 's3', speaker: 'lege', text: 'Har det vært hovent?' },
    { id: 's4', speaker: 'pasient', text: 'Nei, ikke hovent, men det låser seg av og til.' },
    { id: 's5', speaker: 'lege', text: 'Bruker du noe mot smertene?' },
    { id: 's6', speaker: 'pasient', text: 'Paracet av og til.' },
    { id: 's7', speaker: 'lege', text: 'Du har ømhet over medialt leddspalte.' },
    { id: 's8', speaker: 'lege', text: 'Jeg henviser deg til fysioterapeut.' },
    { id: 's9', speaker: 'pasient', text: 'Kan jeg gå på jobb?' },
    { id: 's10', speaker: 'lege', text: 'Ja, men unngå tunge løft en stund.' },
    { id: 's11', speaker: 'pasient', text: 'Takk for hjelpen.' },
    { id: 's12', speaker: 'lege', text: 'Ta kontakt om kneet hovner opp eller låser seg helt.' },
  ],
};

function check(statementId: string, text: string, support: StatementCheck['support'], evidence: string[]) {
  return { statementId, text, support, severity: 'normal' as const, evidence, reasons: [] };
}

const REPORT: VerificationReport = {
  statements: [
    check('aktuelt-1', 'Vridd hø. kne for 2 uker siden.', 'supported', ['s2']),
    check('aktuelt-2', 'Hovent kne.', 'inferred', ['s4']),
    check('aktuelt-3', 'Låsninger.', 'inferred', ['s4']),
    check('tiltak-1', 'Sykmeldt.', 'inferred', ['s10']),
  ],
  omissions: [],
  warnings: [],
};

function verdicts(...items: Array<[string, string, string?]>): string {
  return JSON.stringify({
    verdicts: items.map(([id, verdict, evidence]) => ({
      id,
      verdict,
      evidence: evidence ? [evidence] : [],
      reason: verdict === 'supported' ? '' : 'Samtalen sier noe annet.',
    })),
  });
}

describe('reviewInferredStatements', () => {
  let server: FakeOpenAIServer;
  let registry: ModelRegistry;
  let sink: InMemoryAuditSink;

  beforeAll(async () => {
    server = await startFakeOpenAIServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.reset();
    sink = new InMemoryAuditSink();
    registry = createModelRegistry(
      parseModelConfig({
        providers: { fake: { type: 'openai-compatible', baseURL: server.baseURL } },
        aliases: { verification: 'fake:check-model' },
        resilience: { timeoutMs: 10_000, maxRetries: 0 },
      }),
      { auditSink: sink, sleep: () => Promise.resolve() },
    );
  });

  const review = (overrides: Partial<Parameters<typeof reviewInferredStatements>[0]> = {}) =>
    reviewInferredStatements({
      model: registry.textModel('verification'),
      transcript: TRANSCRIPT,
      report: REPORT,
      language: 'nb',
      context: { consultationId: 'c-1' },
      ...overrides,
    });

  it('flags what the model contradicts, keeps what it supports, and never clears a rule label', async () => {
    server.enqueue({
      kind: 'text',
      content: verdicts(['c1', 'contradicted', 's4'], ['c2', 'supported'], ['c3', 'unsupported']),
    });
    const result = await review();
    expect(result).toMatchObject({ reviewed: 3, flagged: 2, modelCalls: 1, failedBatches: 0 });
    const byId = new Map(result.report.statements.map((statement) => [statement.statementId, statement]));
    expect(byId.get('aktuelt-1')).toEqual(REPORT.statements[0]);
    expect(byId.get('aktuelt-2')).toMatchObject({ support: 'contradicted', reviewer: 'fake:check-model' });
    expect(byId.get('aktuelt-2')!.reasons.at(-1)).toBe(
      'Språkmodellens vurdering (fake:check-model): Samtalen sier noe annet.',
    );
    expect(byId.get('aktuelt-3')).toEqual(REPORT.statements[2]);
    expect(byId.get('tiltak-1')).toMatchObject({ support: 'unsupported', evidence: ['s10'] });
    expect(sink.modelCalls()[0]!.details).toMatchObject({ purpose: 'verification', consultationId: 'c-1' });
  });

  it('sends only the inferred statements and the lines around their evidence', async () => {
    server.enqueue({ kind: 'text', content: verdicts() });
    await review({ windowLines: 1 });
    const body = server.requests[0]!.json!;
    const user = body.messages!.at(-1)!.content;
    expect(user).toContain('c1: Hovent kne.');
    expect(user).toContain('c3: Sykmeldt.');
    expect(user).not.toContain('Vridd hø. kne');
    expect(user).toContain('s4 P: Nei, ikke hovent, men det låser seg av og til.');
    expect(user).toContain('s11 P: Takk for hjelpen.');
    expect(user).not.toContain('s7 L:');
    expect(body.response_format?.type).toBe('json_schema');
    expect(body.temperature).toBe(0);
  });

  it('drops evidence ids the model was not shown', async () => {
    server.enqueue({ kind: 'text', content: verdicts(['c1', 'contradicted', 's99']) });
    const result = await review();
    expect(result.report.statements[1]).toMatchObject({ support: 'contradicted', evidence: ['s4'] });
  });

  it('asks in batches and reviews at most maxStatements', async () => {
    server.setDefault({ kind: 'text', content: verdicts(['c1', 'unsupported'], ['c2', 'unsupported']) });
    const result = await review({ batchSize: 2 });
    expect(result).toMatchObject({ reviewed: 3, modelCalls: 2 });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.json!.messages!.at(-1)!.content).toContain('c3: Sykmeldt.');
    const limited = await review({ maxStatements: 1 });
    expect(limited.reviewed).toBe(1);
  });

  it('leaves the rules labels when the call fails or the answer is unusable, and counts the batch', async () => {
    server.enqueue({ kind: 'error', status: 500 });
    const failed = await review();
    expect(failed).toMatchObject({ reviewed: 3, flagged: 0, failedBatches: 1 });
    expect(failed.report.statements).toEqual(REPORT.statements);
    expect(failed.report.warnings.map((warning) => warning.code)).toEqual(['second_opinion_failed']);
    server.enqueue({ kind: 'text', content: 'Jeg er usikker.' });
    const nonsense = await review();
    expect(nonsense).toMatchObject({ flagged: 0, failedBatches: 1 });
    expect(nonsense.report.statements).toEqual(REPORT.statements);
  });

  it('makes no call when nothing is inferred', async () => {
    const result = await review({ report: { ...REPORT, statements: [REPORT.statements[0]!] } });
    expect(result).toMatchObject({ reviewed: 0, modelCalls: 0 });
    expect(server.requests).toHaveLength(0);
  });

  it('rejects when the caller cancels', async () => {
    server.enqueue({ kind: 'hang' });
    const controller = new AbortController();
    const pending = review({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow();
  });
});

describe('carryOverSecondOpinions', () => {
  const flagged: VerificationReport = {
    ...REPORT,
    statements: REPORT.statements.map((statement) =>
      statement.support === 'inferred'
        ? { ...statement, support: 'contradicted' as const, reviewer: 'fake:check-model', reasons: ['x'] }
        : statement,
    ),
  };

  it('keeps the model flag on a statement the edit left unchanged, drops it on a changed one', () => {
    const next: VerificationReport = {
      ...REPORT,
      statements: REPORT.statements.map((statement) =>
        statement.statementId === 'aktuelt-2' ? { ...statement, text: 'Ikke hovent kne.' } : statement,
      ),
    };
    const carried = carryOverSecondOpinions(flagged, next);
    const byId = new Map(carried.statements.map((statement) => [statement.statementId, statement]));
    expect(byId.get('aktuelt-2')).toMatchObject({ support: 'inferred', text: 'Ikke hovent kne.' });
    expect(byId.get('aktuelt-3')).toMatchObject({ support: 'contradicted', reviewer: 'fake:check-model' });
    expect(byId.get('aktuelt-1')!.support).toBe('supported');
  });

  it('lets the rules decide when they now flag the statement themselves', () => {
    const next: VerificationReport = {
      ...REPORT,
      statements: REPORT.statements.map((statement) =>
        statement.statementId === 'tiltak-1' ? { ...statement, support: 'unsupported' as const } : statement,
      ),
    };
    const carried = carryOverSecondOpinions(flagged, next);
    expect(carried.statements[3]).toMatchObject({ support: 'unsupported' });
    expect(carried.statements[3]!.reviewer).toBeUndefined();
  });
});
