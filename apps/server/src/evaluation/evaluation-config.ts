import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseDatabaseUrl } from '@kollega/storage';
import { REPOSITORY_ROOT } from '../config';

/** Where the evaluation feature reads datasets and writes runs, read from the environment next to the server configuration. */
export interface EvaluationConfig {
  /**
   * The folder whose `*.jsonl` files an admin may evaluate (subfolders included). Env KOLLEGA_EVAL_DATASETS_DIR;
   * default the shared development data (`KOLLEGA_SHARED_DIR/data`, or `../shared/data` beside the repository)
   * when it exists. Undefined: no datasets.
   */
  datasetsDirectory?: string;
  /** One folder per run (results, summary, report). Env KOLLEGA_EVAL_RUNS_DIR; default beside the database. */
  runsDirectory: string;
  /** True when `runsDirectory` is a temporary folder made for an in-memory database (removed on close). */
  temporaryRuns: boolean;
  /** Model ids offered besides the configured purposes' models. Env KOLLEGA_EVAL_MODELS (comma-separated). */
  extraModels: string[];
}

function readSetting(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** The shared development data folder, when it exists. */
function findSharedDataDirectory(env: Record<string, string | undefined>): string | undefined {
  const shared = readSetting(env, 'KOLLEGA_SHARED_DIR') ?? resolve(REPOSITORY_ROOT, '..', 'shared');
  const data = resolve(shared, 'data');
  return existsSync(data) ? data : undefined;
}

/** `evaluation-runs/` beside a SQLite database file, `./data/evaluation-runs` for PostgreSQL, a temp folder for `:memory:`. */
function defaultRunsDirectory(databaseUrl: string): { directory: string; temporary: boolean } {
  const fallback = { directory: resolve('data', 'evaluation-runs'), temporary: false };
  let location;
  try {
    location = parseDatabaseUrl(databaseUrl);
  } catch {
    return fallback;
  }
  if (location.dialect !== 'sqlite') return fallback;
  if (location.filename === ':memory:') {
    return { directory: mkdtempSync(join(tmpdir(), 'kollega-evaluation-runs-')), temporary: true };
  }
  return { directory: resolve(dirname(location.filename), 'evaluation-runs'), temporary: false };
}

/** Reads the evaluation settings from the environment; paths are made absolute. */
export function loadEvaluationConfig(
  env: Record<string, string | undefined>,
  server: { databaseUrl: string },
): EvaluationConfig {
  const datasets = readSetting(env, 'KOLLEGA_EVAL_DATASETS_DIR');
  const runs = readSetting(env, 'KOLLEGA_EVAL_RUNS_DIR');
  const fallbackRuns = runs === undefined ? defaultRunsDirectory(server.databaseUrl) : undefined;
  const datasetsDirectory = datasets === undefined ? findSharedDataDirectory(env) : resolve(datasets);
  return {
    ...(datasetsDirectory === undefined ? {} : { datasetsDirectory }),
    runsDirectory: fallbackRuns?.directory ?? resolve(runs ?? 'data/evaluation-runs'),
    temporaryRuns: fallbackRuns?.temporary ?? false,
    extraModels: (readSetting(env, 'KOLLEGA_EVAL_MODELS') ?? '')
      .split(',')
      .map((model) => model.trim())
      .filter((model) => model !== ''),
  };
}
