import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseModelConfig } from '@kollega/ai';
import type { TestApp } from '../testing/create-test-app';
import { createTestApp } from '../testing/create-test-app';
import type { EvaluationRun } from './evaluation-summaries';
import type { PrivacyExport } from './privacy-export';

const SECRET = 'sk-hemmelig-test-nokkel';
let testApp: TestApp | undefined;
const folders: string[] = [];
const previousEvalDir = process.env.KOLLEGA_EVAL_DIR;
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  if (previousEvalDir === undefined) delete process.env.KOLLEGA_EVAL_DIR;
  else process.env.KOLLEGA_EVAL_DIR = previousEvalDir;
});

function writeSummary(folder: string, createdAt: string, engine: string, factRecall: number): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'summary.json'),
    JSON.stringify({
      createdAt,
      dataset: { name: 'nb-dev', fingerprint: 'x', cases: 12, totalCases: 12, language: 'nb' },
      template: null,
      tokenizer: 'words',
      complete: true,
      engines: [
        { engine, cases: 12, failed: 0, rouge1: 0.41, rougeL: 0.3, factRecall, criticalFactRecall: 0.9 },
      ],
      cases: [{ caseId: 'c1', engines: [] }],
    }),
  );
}

describe('GET /api/about/evaluations', () => {
  it('lists the summary.json of each run in KOLLEGA_EVAL_DIR, newest first, skipping foreign files', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kollega-eval-'));
    folders.push(folder);
    writeSummary(join(folder, 'mars'), '2026-03-01T10:00:00.000Z', 'builtin', 0.7);
    writeSummary(join(folder, 'april'), '2026-04-01T10:00:00.000Z', 'lokal:modell', 0.8);
    mkdirSync(join(folder, 'rot'));
    writeFileSync(join(folder, 'rot', 'summary.json'), '{"ikke": "en evaluering"}');
    process.env.KOLLEGA_EVAL_DIR = folder;
    testApp = await createTestApp();
    const response = await testApp.app.inject({ method: 'GET', url: '/api/about/evaluations' });
    expect(response.statusCode).toBe(200);
    const { runs } = response.json<{ runs: EvaluationRun[] }>();
    expect(
      runs.map((run) => [run.run, run.createdAt, run.engines[0]?.engine, run.engines[0]?.factRecall]),
    ).toEqual([
      ['april', '2026-04-01T10:00:00.000Z', 'lokal:modell', 0.8],
      ['mars', '2026-03-01T10:00:00.000Z', 'builtin', 0.7],
    ]);
    expect(runs[0]?.dataset).toEqual({ name: 'nb-dev', cases: 12, language: 'nb' });
  });

  it('answers with no runs when the folder does not exist', async () => {
    process.env.KOLLEGA_EVAL_DIR = join(tmpdir(), 'kollega-finnes-ikke-eval');
    testApp = await createTestApp();
    const response = await testApp.app.inject({ method: 'GET', url: '/api/about/evaluations' });
    expect(response.json()).toEqual({ runs: [] });
  });
});

describe('GET /api/about/privacy-export', () => {
  it('describes tables, flows, processors, retention, the access log and encryption from the configuration', async () => {
    testApp = await createTestApp({
      config: {
        models: parseModelConfig({
          providers: {
            sky: {
              type: 'openai-compatible',
              baseURL: 'https://llm.example.org/v1',
              apiKey: SECRET,
              displayName: 'Sky AS',
            },
            lokal: { type: 'openai-compatible', baseURL: 'http://127.0.0.1:11434/v1' },
          },
          aliases: { 'note-drafting': 'sky:stor', summary: 'lokal:liten' },
        }),
      },
    });
    // One audited action, so the access log has something to report: a patient refusing recording.
    const refused = await testApp.app.inject({
      method: 'POST',
      url: '/api/audio/recordings',
      payload: { language: 'nb', consent: { given: false, by: 'Dr Test' } },
    });
    expect(refused.statusCode).toBe(201);
    expect(refused.json().recording.status).toBe('consent_refused');

    const response = await testApp.app.inject({ method: 'GET', url: '/api/about/privacy-export' });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(SECRET);
    expect(response.body).not.toContain('/v1');
    const report = response.json<PrivacyExport>();
    const tables = report.dataCategories.map((table) => table.table);
    expect(tables).toEqual(
      expect.arrayContaining(['consultations', 'notes', 'note_edits', 'audit_events', 'review_events']),
    );
    expect(tables.some((table) => table.startsWith('kysely_'))).toBe(false);
    expect(report.dataCategories.find((table) => table.table === 'consultations')).toMatchObject({
      healthData: true,
      columns: expect.arrayContaining(['transcript']) as string[],
    });
    expect(report.processors).toEqual([
      {
        id: 'sky',
        type: 'openai-compatible',
        displayName: 'Sky AS',
        host: 'llm.example.org',
        local: false,
        encryptedInTransit: true,
        purposes: ['note-drafting'],
      },
      {
        id: 'lokal',
        type: 'openai-compatible',
        host: '127.0.0.1:11434',
        local: true,
        encryptedInTransit: false,
        purposes: ['summary'],
      },
    ]);
    expect(report.dataFlows.find((flow) => flow.purpose === 'note-drafting')).toMatchObject({
      kind: 'sent',
      deidentified: true,
      host: 'llm.example.org',
    });
    expect(report.retention.audio).toMatchObject({ policy: 'on_approval' });
    expect(report.accessLog.actions).toContainEqual({ action: 'audio.consent_refused', count: 1 });
    expect(report.encryption.database).toMatchObject({ dialect: 'sqlite', encryptedAtRest: false });

    const markdown = await testApp.app.inject({
      method: 'GET',
      url: '/api/about/privacy-export?format=markdown',
    });
    expect(markdown.headers['content-type']).toMatch(/text\/markdown/);
    expect(markdown.body).toContain('| consultations | helseopplysninger | ja |');
    expect(markdown.body).toContain('Sky AS (openai-compatible) llm.example.org: ekstern');
    expect(markdown.body).not.toContain(SECRET);
  });
});
