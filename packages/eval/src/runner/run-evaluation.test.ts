import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@kollega/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBuiltinEngine } from '../engines/builtin-engine';
import type { EvaluationProgress } from './run-evaluation';
import { listEvaluationPaths, predictionsPath, runEvaluation } from './run-evaluation';
import type { CaseResult } from './results-file';
import { parseResults } from './results-file';
import type { EvaluationSummary } from './summarize';
import { createRecordingEngine, createSyntheticDataset } from './test-fixtures';

let outDir: string;
beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'kollega-eval-run-'));
});
afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

const readLines = async (): Promise<CaseResult[]> =>
  parseResults(await readFile(listEvaluationPaths(outDir).results, 'utf8')).results;
const readSummary = async (): Promise<EvaluationSummary> =>
  JSON.parse(await readFile(listEvaluationPaths(outDir).summary, 'utf8')) as EvaluationSummary;
const echoFirstFact = (caseId: string): string =>
  `Aktuelt: Hoste i ${Number(caseId.slice(4)) + 1} d. Ikke feber.`;

describe('runEvaluation', () => {
  it('runs every engine on every case and writes results, summary and report', async () => {
    const dataset = createSyntheticDataset(3);
    const model = createRecordingEngine('fake:model', echoFirstFact);
    const progress: EvaluationProgress[] = [];
    let now = 0;
    const run = await runEvaluation({
      dataset,
      engines: [createBuiltinEngine(), model],
      outDir,
      template: 'fastlege',
      onProgress: (event) => progress.push(event),
      clock: () => (now += 100),
    });
    expect(run.interrupted).toBe(false);
    const lines = await readLines();
    expect(lines.map((line) => `${line.engine}/${line.caseId}`)).toEqual([
      'builtin/syn-1',
      'builtin/syn-2',
      'builtin/syn-3',
      'fake:model/syn-1',
      'fake:model/syn-2',
      'fake:model/syn-3',
    ]);
    // the fake model's text holds both key facts of every case
    expect(
      lines.filter((line) => line.engine === 'fake:model').map((line) => line.metrics?.keyFacts?.recall),
    ).toEqual([1, 1, 1]);
    expect(lines.every((line) => line.verification !== undefined)).toBe(true);
    const summary = await readSummary();
    expect(summary.complete).toBe(true);
    expect(summary.engines.map((engine) => engine.engine)).toEqual(['builtin', 'fake:model']);
    expect(summary.engines[1]).toMatchObject({
      cases: 3,
      failed: 0,
      missing: 0,
      factRecall: 1,
      tokensIn: 300,
      cost: 1.5,
    });
    expect(summary.cases).toHaveLength(3);
    expect(await readFile(run.paths.report, 'utf8')).toContain('<!doctype html>');
    const predictions = await readFile(predictionsPath(outDir, 'fake:model'), 'utf8');
    expect(predictionsPath(outDir, 'fake:model')).toMatch(/predictions-fake_model\.jsonl$/);
    expect(
      predictions
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual(['syn-1', 'syn-2', 'syn-3'].map((id) => ({ id, text: echoFirstFact(id) })));
    expect(progress[0]).toEqual({ kind: 'start', total: 6, alreadyFinished: 0 });
    expect(progress.filter((event) => event.kind === 'case')).toHaveLength(6);
    const lastCase = progress.filter((event) => event.kind === 'case').at(-1);
    expect(lastCase).toMatchObject({ position: 6, total: 6, etaMs: 0 });
    expect(progress.at(-1)).toEqual({ kind: 'end', interrupted: false, ranCases: 6 });
  });

  it('stops after the case in progress when aborted, and a rerun finishes only what is left', async () => {
    const dataset = createSyntheticDataset(4);
    const controller = new AbortController();
    const first = createRecordingEngine('fake:model', (caseId) => {
      if (caseId === 'syn-2') controller.abort(); // Ctrl-C while case 2 is being drafted
      return echoFirstFact(caseId);
    });
    const interrupted = await runEvaluation({ dataset, engines: [first], outDir, signal: controller.signal });
    expect(interrupted.interrupted).toBe(true);
    expect(first.calls).toEqual(['syn-1', 'syn-2']);
    expect((await readLines()).map((line) => line.caseId)).toEqual(['syn-1', 'syn-2']);
    expect(interrupted.summary.complete).toBe(false);
    expect(interrupted.summary.engines[0]).toMatchObject({ cases: 2, missing: 2 });

    const second = createRecordingEngine('fake:model', echoFirstFact);
    const progress: EvaluationProgress[] = [];
    const resumed = await runEvaluation({
      dataset,
      engines: [second],
      outDir,
      onProgress: (event) => progress.push(event),
    });
    expect(second.calls).toEqual(['syn-3', 'syn-4']);
    expect(progress[0]).toEqual({ kind: 'start', total: 2, alreadyFinished: 2 });
    expect((await readLines()).map((line) => line.caseId)).toEqual(['syn-1', 'syn-2', 'syn-3', 'syn-4']);
    expect(resumed.summary.complete).toBe(true);
    expect(resumed.summary.engines[0]?.cases).toBe(4);
  });

  it('retries failed cases on a rerun and counts only the latest result', async () => {
    const dataset = createSyntheticDataset(2);
    const flaky = createRecordingEngine('fake:model', (caseId) => {
      if (caseId === 'syn-2') throw new AppError('unavailable', 'Modellen svarte ikke');
      return echoFirstFact(caseId);
    });
    const failed = await runEvaluation({ dataset, engines: [flaky], outDir });
    expect(failed.summary.engines[0]).toMatchObject({ cases: 1, failed: 1 });
    expect((await readLines())[1]?.error).toEqual({ code: 'unavailable', message: 'Modellen svarte ikke' });

    const healthy = createRecordingEngine('fake:model', echoFirstFact);
    const retried = await runEvaluation({ dataset, engines: [healthy], outDir });
    expect(healthy.calls).toEqual(['syn-2']);
    expect(retried.summary.engines[0]).toMatchObject({ cases: 2, failed: 0 });
    expect(retried.summary.complete).toBe(true);
  });

  it('never writes the message of an unexpected error', async () => {
    const dataset = createSyntheticDataset(1);
    const leaking = createRecordingEngine('fake:model', () => {
      throw new Error('Pasient Ola Nordmann sa noe');
    });
    await runEvaluation({ dataset, engines: [leaking], outDir });
    const raw = await readFile(listEvaluationPaths(outDir).results, 'utf8');
    expect(raw).not.toContain('Ola Nordmann');
    expect((await readLines())[0]?.error?.code).toBe('internal');
  });

  it('stops an engine that fails several cases in a row and goes on with the others', async () => {
    const dataset = createSyntheticDataset(5);
    const broken = createRecordingEngine('fake:broken', () => {
      throw new AppError('unauthorized', 'Feil API-nøkkel');
    });
    const working = createRecordingEngine('fake:model', echoFirstFact);
    const progress: EvaluationProgress[] = [];
    const run = await runEvaluation({
      dataset,
      engines: [broken, working],
      outDir,
      maxConsecutiveFailures: 2,
      onProgress: (event) => progress.push(event),
    });
    expect(broken.calls).toEqual(['syn-1', 'syn-2']);
    expect(working.calls).toHaveLength(5);
    expect(progress).toContainEqual({
      kind: 'engine-stopped',
      engine: 'fake:broken',
      consecutiveFailures: 2,
      skippedCases: 3,
    });
    expect(run.summary.engines[0]).toMatchObject({ failed: 2, missing: 3 });
  });

  it('refuses to resume into a directory of another dataset or template', async () => {
    await runEvaluation({ dataset: createSyntheticDataset(2), engines: [createBuiltinEngine()], outDir });
    await expect(
      runEvaluation({ dataset: createSyntheticDataset(3), engines: [createBuiltinEngine()], outDir }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      runEvaluation({
        dataset: createSyntheticDataset(2),
        engines: [createBuiltinEngine()],
        outDir,
        template: 'soap',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('accepts a different limit and a new engine on resume, keeping earlier engines in the summary', async () => {
    await runEvaluation({
      dataset: createSyntheticDataset(3, { limit: 1 }),
      engines: [createBuiltinEngine()],
      outDir,
    });
    const model = createRecordingEngine('fake:model', echoFirstFact);
    const run = await runEvaluation({ dataset: createSyntheticDataset(3), engines: [model], outDir });
    expect(model.calls).toEqual(['syn-1', 'syn-2', 'syn-3']);
    expect(run.summary.engines.map((engine) => [engine.engine, engine.cases, engine.missing])).toEqual([
      ['fake:model', 3, 0],
      ['builtin', 1, 2],
    ]);
  });

  it('survives a results line cut short by a kill', async () => {
    const dataset = createSyntheticDataset(2);
    const controller = new AbortController();
    const once = createRecordingEngine('fake:model', (caseId) => {
      controller.abort();
      return echoFirstFact(caseId);
    });
    await runEvaluation({ dataset, engines: [once], outDir, signal: controller.signal });
    await appendFile(listEvaluationPaths(outDir).results, '{"engine":"fake:model","caseId":"syn-2","te');
    const again = createRecordingEngine('fake:model', echoFirstFact);
    const run = await runEvaluation({ dataset, engines: [again], outDir });
    expect(again.calls).toEqual(['syn-2']);
    expect(run.summary.engines[0]?.cases).toBe(2);
    const stored = parseResults(await readFile(listEvaluationPaths(outDir).results, 'utf8'));
    expect(stored.unreadableLines).toBe(1);
    expect(stored.results.map((line) => line.caseId)).toEqual(['syn-1', 'syn-2']);
  });

  it('refuses a second run on the same directory at the same time, and releases the lock afterwards', async () => {
    const dataset = createSyntheticDataset(2);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = createRecordingEngine('fake:model', async (caseId) => {
      await gate;
      return echoFirstFact(caseId);
    });
    const first = runEvaluation({ dataset, engines: [slow], outDir });
    await expect.poll(() => slow.calls.length).toBe(1);
    await expect(runEvaluation({ dataset, engines: [createBuiltinEngine()], outDir })).rejects.toMatchObject({
      code: 'conflict',
    });
    release();
    await first;
    await expect(stat(listEvaluationPaths(outDir).lock)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const dataset = createSyntheticDataset(1);
    await runEvaluation({ dataset, engines: [createBuiltinEngine()], outDir, signal: AbortSignal.abort() });
    await writeFile(listEvaluationPaths(outDir).lock, '2147483646');
    const run = await runEvaluation({ dataset, engines: [createBuiltinEngine()], outDir });
    expect(run.summary.complete).toBe(true);
  });

  it('rejects duplicate engines and an empty engine list', async () => {
    const dataset = createSyntheticDataset(1);
    await expect(runEvaluation({ dataset, engines: [], outDir })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(
      runEvaluation({ dataset, engines: [createBuiltinEngine(), createBuiltinEngine()], outDir }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('records a verifier failure as a warning and still scores the note', async () => {
    const run = await runEvaluation({
      dataset: createSyntheticDataset(1),
      engines: [createRecordingEngine('fake:model', echoFirstFact)],
      outDir,
      verify: () => {
        throw new Error('verifier bug');
      },
    });
    const [line] = await readLines();
    expect(line?.warnings.map((warning) => warning.code)).toEqual(['verification_failed']);
    expect(line?.metrics?.verification).toBeNull();
    expect(run.summary.engines[0]?.rouge1).toBeGreaterThan(0);
  });
});
