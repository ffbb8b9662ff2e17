import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { Note, VerificationReport, Warning } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import type { CaseMetrics } from '../metrics/score-case';

/** One engine's result on one case: one line of `results.jsonl`. */
export interface CaseResult {
  engine: string;
  caseId: string;
  /** ISO 8601 time the case finished. */
  finishedAt: string;
  /** Wall-clock time of the draft call, in milliseconds. */
  latencyMs: number;
  text: string;
  note?: Note;
  warnings: Warning[];
  tokensIn?: number;
  tokensOut?: number;
  /** Estimated cost (0 for the built-in engine). */
  cost: number;
  /** Absent when the draft failed. */
  metrics?: CaseMetrics;
  /** The verifier's report; absent when the draft or the verification failed. */
  verification?: VerificationReport;
  /** Set when the draft failed: the AppError code and its (patient-free) message. A rerun tries again. */
  error?: { code: string; message: string };
}

/** What a run directory holds about the run, so a resumed run can refuse to mix different data. */
export interface RunManifest {
  version: 1;
  datasetName: string;
  datasetFingerprint: string;
  template: string | null;
  language: string;
  tokenizer: string;
}

/** The results read back from `results.jsonl`. */
export interface StoredResults {
  results: CaseResult[];
  /** Lines that could not be read (a line cut short when the process was killed); they are ignored. */
  unreadableLines: number;
  /** False when the file ends without a newline (the next append first adds one). */
  endsWithNewline: boolean;
}

/** The key of an engine's result on a case. */
export function createResultKey(engine: string, caseId: string): string {
  return JSON.stringify([engine, caseId]);
}

const isCaseResult = (value: unknown): value is CaseResult =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as CaseResult).engine === 'string' &&
  typeof (value as CaseResult).caseId === 'string' &&
  typeof (value as CaseResult).text === 'string';

/** Parses `results.jsonl` text; unreadable lines are counted and skipped. */
export function parseResults(text: string): StoredResults {
  const results: CaseResult[] = [];
  let unreadableLines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isCaseResult(value)) results.push(value);
      else unreadableLines++;
    } catch {
      unreadableLines++;
    }
  }
  return { results, unreadableLines, endsWithNewline: text === '' || text.endsWith('\n') };
}

/** Reads `results.jsonl`; a missing file is an empty result list. */
export async function readResultsFile(path: string): Promise<StoredResults> {
  try {
    return parseResults(await readFile(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { results: [], unreadableLines: 0, endsWithNewline: true };
    throw error;
  }
}

/** The latest result per engine and case (later lines replace earlier ones: a retried failure replaces the failure). */
export function selectLatestResults(results: readonly CaseResult[]): Map<string, CaseResult> {
  const latest = new Map<string, CaseResult>();
  for (const result of results) latest.set(createResultKey(result.engine, result.caseId), result);
  return latest;
}

/** Keys of the engine/case pairs that finished without error; a resumed run skips them. */
export function listFinishedKeys(results: readonly CaseResult[]): Set<string> {
  const finished = new Set<string>();
  for (const [key, result] of selectLatestResults(results)) if (!result.error) finished.add(key);
  return finished;
}

/** Appends one result as one line, written in one call so that an interrupt never leaves half a record behind a full one. */
export async function appendResult(path: string, result: CaseResult): Promise<void> {
  await appendFile(path, `${JSON.stringify(result)}\n`, 'utf8');
}

/**
 * Writes the manifest of a new run directory, or checks that an existing one describes the same run
 * (same dataset file, template, language choice and tokenizer). Throws `conflict` when it does not.
 */
export async function ensureRunManifest(path: string, manifest: RunManifest): Promise<void> {
  let existing: string | undefined;
  try {
    existing = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (existing === undefined) {
    await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    return;
  }
  let stored: Partial<RunManifest>;
  try {
    stored = JSON.parse(existing) as Partial<RunManifest>;
  } catch (error) {
    throw new AppError('conflict', 'run.json i utdatamappen kan ikke leses; velg en annen utdatamappe', {
      cause: error,
    });
  }
  const fields = ['datasetFingerprint', 'template', 'language', 'tokenizer'] as const;
  const different = fields.find((field) => stored[field] !== manifest[field]);
  if (different)
    throw new AppError(
      'conflict',
      `Utdatamappen hører til en annen kjøring (${different} er ulik); velg en annen utdatamappe`,
      { details: { field: different } },
    );
}

/** Creates the output directory if needed. */
export async function ensureDirectory(path: string): Promise<void> {
  await mkdir(path, { recursive: true });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the run directory's lock file so two runs never append to the same results at once. A lock left by
 * a process that no longer exists (killed with a second Ctrl-C) is taken over. Returns the release function.
 */
export async function acquireRunLock(path: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, String(process.pid), { encoding: 'utf8', flag: 'wx' });
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && isProcessAlive(owner))
        throw new AppError('conflict', 'En annen evaluering bruker denne utdatamappen nå', {
          details: { pid: owner },
        });
      await rm(path, { force: true });
    }
  }
  throw new AppError('conflict', 'Fikk ikke låst utdatamappen');
}
