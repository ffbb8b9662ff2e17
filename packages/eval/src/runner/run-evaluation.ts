import { appendFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { verifyNote } from '@kollega/clinical';
import type { Note, Transcript, VerificationReport, Warning } from '@kollega/domain';
import { AppError, toAppError } from '@kollega/domain';
import type { EvaluationCase, EvaluationDataset } from '../datasets/read-dataset';
import type { Engine } from '../engines/engine';
import { structureNoteText } from '../engines/structure-note-text';
import { scoreCase } from '../metrics/score-case';
import type { TokenizerName } from '../metrics/tokenize';
import { selectTokenizer } from '../metrics/tokenize';
import { renderReport } from '../report/render-report';
import type { CaseResult } from './results-file';
import {
  acquireRunLock,
  appendResult,
  createResultKey,
  ensureDirectory,
  ensureRunManifest,
  listFinishedKeys,
  readResultsFile,
  selectLatestResults,
} from './results-file';
import type { EvaluationSummary } from './summarize';
import { summarizeEvaluation } from './summarize';

/** Progress of a run, for a progress line (CLI) or a progress bar (server). */
export type EvaluationProgress =
  | {
      kind: 'start';
      /** Engine/case pairs this session will run. */
      total: number;
      /** Pairs already finished in an earlier session (skipped). */
      alreadyFinished: number;
    }
  | {
      kind: 'case';
      engine: string;
      caseId: string;
      /** 1-based position in this session's work. */
      position: number;
      total: number;
      status: 'finished' | 'failed';
      errorCode?: string;
      latencyMs: number;
      elapsedMs: number;
      /** Estimated time left, from the mean time per case so far. */
      etaMs: number;
    }
  | { kind: 'engine-stopped'; engine: string; consecutiveFailures: number; skippedCases: number }
  | { kind: 'end'; interrupted: boolean; ranCases: number };

/** Options for `runEvaluation`. */
export interface RunEvaluationOptions {
  dataset: EvaluationDataset;
  engines: readonly Engine[];
  /** Directory for results.jsonl, summary.json, report.html and run.json; created if missing. */
  outDir: string;
  /** Template id passed to every engine. */
  template?: string;
  /** Language the dataset was forced to (`--lang`), recorded so a resumed run matches; `auto` when detected. */
  languageChoice?: string;
  /** Tokenizer for ROUGE and key facts; `unicode` (default) keeps æ, ø, å. */
  tokenizer?: TokenizerName;
  onProgress?: (progress: EvaluationProgress) => void;
  /** When aborted, the run stops after the case in progress has been written, then writes summary and report. */
  signal?: AbortSignal;
  /** An engine that fails this many cases in a row is stopped for the rest of the run (default 3). */
  maxConsecutiveFailures?: number;
  /** The verifier; `verifyNote` from @kollega/clinical by default. */
  verify?: (transcript: Transcript, note: Note) => VerificationReport;
  /** Milliseconds clock; `performance.now` by default (injectable for tests). */
  clock?: () => number;
}

/** Where a run wrote its files. */
export interface EvaluationPaths {
  directory: string;
  results: string;
  summary: string;
  report: string;
  manifest: string;
  lock: string;
}

/** What `runEvaluation` returns. */
export interface EvaluationRun {
  summary: EvaluationSummary;
  interrupted: boolean;
  paths: EvaluationPaths;
}

/** The score.mjs-shaped predictions file (`{id, text}` per line) of one engine in a run directory. */
export function predictionsPath(outDir: string, engine: string): string {
  return join(outDir, `predictions-${engine.replace(/[^a-z0-9.-]+/gi, '_')}.jsonl`);
}

/** The files of a run directory. */
export function listEvaluationPaths(outDir: string): EvaluationPaths {
  return {
    directory: outDir,
    results: join(outDir, 'results.jsonl'),
    summary: join(outDir, 'summary.json'),
    report: join(outDir, 'report.html'),
    manifest: join(outDir, 'run.json'),
    lock: join(outDir, '.lock'),
  };
}

async function writeFileAtomically(path: string, content: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content, 'utf8');
  await rename(temporary, path);
}

interface RunCaseContext {
  engine: Engine;
  evaluationCase: EvaluationCase;
  options: RunEvaluationOptions;
  clock: () => number;
}

async function runCase({ engine, evaluationCase, options, clock }: RunCaseContext): Promise<CaseResult> {
  const started = clock();
  const base = { engine: engine.id, caseId: evaluationCase.id };
  let draft;
  try {
    draft = await engine.draft(evaluationCase, options.template ? { template: options.template } : {});
  } catch (error) {
    const appError = toAppError(error);
    return {
      ...base,
      finishedAt: new Date().toISOString(),
      latencyMs: clock() - started,
      text: '',
      warnings: [],
      cost: 0,
      error: { code: appError.code, message: appError.message },
    };
  }
  const latencyMs = clock() - started;
  const warnings: Warning[] = [...draft.warnings];
  let verification: VerificationReport | undefined;
  try {
    const note =
      draft.note ??
      structureNoteText(draft.text, {
        language: evaluationCase.language,
        ...(options.template ? { template: options.template } : {}),
      });
    verification = (options.verify ?? verifyNote)(evaluationCase.transcript, note);
  } catch {
    warnings.push({ code: 'verification_failed', message: 'Verifiseringen feilet for dette notatet.' });
  }
  const metrics = scoreCase({
    prediction: draft.text,
    reference: evaluationCase.referenceText,
    keyFacts: evaluationCase.keyFacts,
    verification,
    tokenize: selectTokenizer(options.tokenizer ?? 'unicode'),
  });
  return {
    ...base,
    finishedAt: new Date().toISOString(),
    latencyMs,
    text: draft.text,
    ...(draft.note ? { note: draft.note } : {}),
    warnings,
    ...(draft.tokensIn === undefined ? {} : { tokensIn: draft.tokensIn }),
    ...(draft.tokensOut === undefined ? {} : { tokensOut: draft.tokensOut }),
    cost: draft.costEstimate ?? 0,
    metrics,
    ...(verification ? { verification } : {}),
  };
}

/**
 * Runs every engine over every case of the dataset and writes, in `outDir`:
 * - `results.jsonl`: one line per engine and case, appended as each case finishes;
 * - `summary.json`: per-engine and per-case figures; `report.html`: a self-contained report.
 * Resumable: engine/case pairs that already finished in `outDir` are skipped (failed ones are retried), and
 * `run.json` makes sure a rerun scores the same dataset file with the same template, language and tokenizer.
 * Engines run one after the other, cases in dataset order.
 */
export async function runEvaluation(options: RunEvaluationOptions): Promise<EvaluationRun> {
  const { engines } = options;
  if (engines.length === 0) throw new AppError('invalid_input', 'Velg minst én motor');
  const engineIds = engines.map((engine) => engine.id);
  if (new Set(engineIds).size !== engineIds.length)
    throw new AppError('invalid_input', 'Samme motor er valgt to ganger');
  const tokenizer = options.tokenizer ?? 'unicode';
  const clock = options.clock ?? (() => performance.now());
  const maxConsecutiveFailures = options.maxConsecutiveFailures ?? 3;
  const paths = listEvaluationPaths(options.outDir);

  await ensureDirectory(paths.directory);
  const releaseLock = await acquireRunLock(paths.lock);
  try {
    return await runLocked({ ...options, tokenizer, clock, maxConsecutiveFailures, paths, engineIds });
  } finally {
    await releaseLock();
  }
}

interface LockedRunOptions extends RunEvaluationOptions {
  tokenizer: TokenizerName;
  clock: () => number;
  maxConsecutiveFailures: number;
  paths: EvaluationPaths;
  engineIds: string[];
}

async function runLocked(options: LockedRunOptions): Promise<EvaluationRun> {
  const { dataset, engines, signal, tokenizer, clock, maxConsecutiveFailures, paths, engineIds } = options;
  await ensureRunManifest(paths.manifest, {
    version: 1,
    datasetName: dataset.name,
    datasetFingerprint: dataset.fingerprint,
    template: options.template ?? null,
    language: options.languageChoice ?? 'auto',
    tokenizer,
  });
  const stored = await readResultsFile(paths.results);
  // A line cut short by a kill must not swallow the next record.
  if (!stored.endsWithNewline) await appendFile(paths.results, '\n', 'utf8');
  const results = [...stored.results];
  const finished = listFinishedKeys(results);
  const work = engines.flatMap((engine) =>
    dataset.cases
      .filter((evaluationCase) => !finished.has(createResultKey(engine.id, evaluationCase.id)))
      .map((evaluationCase) => ({ engine, evaluationCase })),
  );
  options.onProgress?.({
    kind: 'start',
    total: work.length,
    alreadyFinished: engines.length * dataset.cases.length - work.length,
  });

  const sessionStarted = clock();
  const failuresInRow = new Map<string, number>();
  const stopped = new Set<string>();
  let position = 0;
  let ranCases = 0;
  let interrupted = false;
  for (const { engine, evaluationCase } of work) {
    position++;
    if (stopped.has(engine.id)) continue;
    if (signal?.aborted) {
      interrupted = true;
      break;
    }
    const result = await runCase({ engine, evaluationCase, options, clock });
    await appendResult(paths.results, result);
    results.push(result);
    ranCases++;
    const failures = result.error ? (failuresInRow.get(engine.id) ?? 0) + 1 : 0;
    failuresInRow.set(engine.id, failures);
    const elapsedMs = clock() - sessionStarted;
    options.onProgress?.({
      kind: 'case',
      engine: engine.id,
      caseId: evaluationCase.id,
      position,
      total: work.length,
      status: result.error ? 'failed' : 'finished',
      ...(result.error ? { errorCode: result.error.code } : {}),
      latencyMs: result.latencyMs,
      elapsedMs,
      etaMs: (elapsedMs / ranCases) * (work.length - position),
    });
    if (failures >= maxConsecutiveFailures) {
      stopped.add(engine.id);
      options.onProgress?.({
        kind: 'engine-stopped',
        engine: engine.id,
        consecutiveFailures: failures,
        skippedCases: work.filter((item, index) => index >= position && item.engine.id === engine.id).length,
      });
    }
  }

  const summary = summarizeEvaluation({
    dataset,
    results,
    engineOrder: engineIds,
    template: options.template,
    tokenizer,
    createdAt: new Date().toISOString(),
  });
  await writeFileAtomically(paths.summary, `${JSON.stringify(summary, null, 2)}\n`);
  const latest = selectLatestResults(results);
  // The notes in the shape score.mjs reads (`--pred`), so anyone can re-score them with the official tool.
  for (const engine of summary.engines) {
    const lines = dataset.cases.flatMap((evaluationCase) => {
      const result = latest.get(createResultKey(engine.engine, evaluationCase.id));
      return result && !result.error ? [JSON.stringify({ id: evaluationCase.id, text: result.text })] : [];
    });
    await writeFileAtomically(
      predictionsPath(paths.directory, engine.engine),
      lines.map((line) => `${line}\n`).join(''),
    );
  }
  await writeFileAtomically(paths.report, renderReport({ summary, dataset, results: latest }));
  options.onProgress?.({ kind: 'end', interrupted, ranCases });
  return { summary, interrupted, paths };
}
