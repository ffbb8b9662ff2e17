import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listTemplates } from '@kollega/clinical';
import { AppError, toAppError } from '@kollega/domain';
import type { Engine, EvaluationDataset, EvaluationProgress } from '@kollega/eval';
import {
  listEvaluationPaths,
  readDatasetFile,
  readResultsFile,
  runEvaluation,
  selectLatestResults,
} from '@kollega/eval';
import type { AppContext } from '../context';
import type { EvaluationConfig } from './evaluation-config';
import { loadEvaluationConfig } from './evaluation-config';
import type { EvaluationDatasetFile } from './evaluation-datasets';
import { listEvaluationDatasets, resolveEvaluationDataset } from './evaluation-datasets';
import type { EvaluationEngineOption } from './evaluation-engines';
import { createEvaluationEngines, listEvaluationEngines } from './evaluation-engines';
import type {
  EngineFigures,
  EngineProgress,
  EvaluationRunView,
  RunStatus,
  StartEvaluationBody,
  StoredRun,
} from './evaluation-schemas';
import { EngineFiguresSchema, RUN_ID_PATTERN, StoredRunSchema } from './evaluation-schemas';

/** The file the server keeps about a run in its folder (beside the runner's run.json, results and report). */
const RUN_FILE = 'evaluation.json';
/** The runs GET /api/evaluation/runs lists, newest first. */
const MAX_LISTED_RUNS = 50;

/** Who asks: their practice (runs are per practice when sign-in is on) and the audit actor. */
export interface EvaluationRequester {
  practiceId?: string;
  actor: string;
}

/** Log lines of the service: run ids, statuses and error codes only. */
export interface EvaluationLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

/** Seams for `EvaluationService`. */
export interface EvaluationServiceOptions {
  /** The environment the folders are read from (KOLLEGA_EVAL_*); `process.env` by default. */
  env?: Record<string, string | undefined>;
  /** Settings that win over the environment (tests). */
  config?: Partial<EvaluationConfig>;
  log?: EvaluationLog;
}

interface ActiveRun {
  controller: AbortController;
  cancelRequested: boolean;
  progress: Map<string, EngineProgress>;
  finished: Promise<void>;
}

interface CachedProgress {
  mtimeMs: number;
  size: number;
  engines: EngineProgress[];
}

const silentLog: EvaluationLog = { info: () => undefined, warn: () => undefined };

function createRunId(now: Date): string {
  return `run-${now.getTime().toString(36)}-${randomBytes(4).toString('hex')}`;
}

const runNotFound = () => new AppError('not_found', 'Fant ikke evalueringen');

async function writeFileAtomically(path: string, content: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, content, 'utf8');
  await rename(temporary, path);
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Evaluation runs started from the web app: the runner of @kollega/eval in the background, one run at a time,
 * each in its own folder under the runs folder. Runs are files, so they survive a restart: a run whose server
 * stopped mid-way is listed as `interrupted` and can be resumed (finished cases are kept).
 */
export class EvaluationService {
  readonly config: EvaluationConfig;
  private readonly active = new Map<string, ActiveRun>();
  private readonly progressCache = new Map<string, CachedProgress>();
  private readonly log: EvaluationLog;
  private closing = false;

  constructor(
    private readonly context: AppContext,
    options: EvaluationServiceOptions = {},
  ) {
    const runsDirectory = options.config?.runsDirectory;
    // A runs folder given in code is never temporary (and no temporary one is made beside it).
    const env = {
      ...(options.env ?? process.env),
      ...(runsDirectory === undefined ? {} : { KOLLEGA_EVAL_RUNS_DIR: runsDirectory }),
    };
    const loaded = loadEvaluationConfig(env, { databaseUrl: context.config.databaseUrl });
    this.config = { ...loaded, ...options.config };
    this.log = options.log ?? silentLog;
  }

  /** The datasets an admin may evaluate. */
  listDatasets(): Promise<EvaluationDatasetFile[]> {
    return listEvaluationDatasets(this.config.datasetsDirectory);
  }

  /** The engines an admin may tick, and the note templates. */
  listEngines(): { engines: EvaluationEngineOption[]; templates: Array<{ id: string; name: string }> } {
    return {
      engines: listEvaluationEngines(this.context.models, this.config.extraModels),
      templates: listTemplates().map((template) => ({ id: template.id, name: template.name })),
    };
  }

  /** Starts a run in the background and returns it (status `running`). One run at a time (`conflict`). */
  async startRun(body: StartEvaluationBody, requester: EvaluationRequester): Promise<EvaluationRunView> {
    this.assertIdle();
    const { path, dataset: datasetFile } = await resolveEvaluationDataset(
      this.config.datasetsDirectory,
      body.dataset,
    );
    const engines = this.createEngines(body.engines);
    const dataset = await readDatasetFile(path, {
      name: datasetFile.name,
      ...(body.limit === undefined ? {} : { limit: body.limit }),
      ...(body.language === undefined ? {} : { language: body.language }),
    });
    this.assertIdle();
    const now = this.context.now();
    const stored: StoredRun = {
      version: 1,
      id: createRunId(now),
      ...(requester.practiceId === undefined ? {} : { practiceId: requester.practiceId }),
      startedBy: requester.actor,
      dataset: {
        id: datasetFile.id,
        name: datasetFile.name,
        cases: dataset.cases.length,
        totalCases: dataset.totalCases,
      },
      engines: engines.map((engine) => engine.id),
      limit: body.limit ?? null,
      template: body.template ?? null,
      language: body.language ?? null,
      createdAt: now.toISOString(),
      status: 'running',
      finishedAt: null,
      error: null,
    };
    await mkdir(this.runDirectory(stored.id), { recursive: true });
    await this.writeRun(stored);
    await this.launch(stored, dataset, engines);
    return this.describeRun(stored);
  }

  /** Runs what is left of an interrupted, cancelled or failed run (or retries the failed cases of a finished one). */
  async resumeRun(id: string, requester: EvaluationRequester): Promise<EvaluationRunView> {
    const stored = await this.readRun(id, requester);
    if (this.active.has(id)) throw new AppError('conflict', 'Evalueringen kjører allerede');
    this.assertIdle();
    const { path } = await resolveEvaluationDataset(this.config.datasetsDirectory, stored.dataset.id);
    const engines = this.createEngines(stored.engines);
    const dataset = await readDatasetFile(path, {
      name: stored.dataset.name,
      ...(stored.limit === null ? {} : { limit: stored.limit }),
      ...(stored.language === null ? {} : { language: stored.language }),
    });
    this.assertIdle();
    const resumed: StoredRun = { ...stored, status: 'running', finishedAt: null, error: null };
    await this.writeRun(resumed);
    await this.launch(resumed, dataset, engines);
    return this.describeRun(resumed);
  }

  /** Asks a running run to stop after the case in progress; its results so far are kept and reported. */
  async cancelRun(id: string, requester: EvaluationRequester): Promise<EvaluationRunView> {
    const stored = await this.readRun(id, requester);
    const active = this.active.get(id);
    if (active === undefined) throw new AppError('conflict', 'Evalueringen kjører ikke');
    active.cancelRequested = true;
    active.controller.abort();
    return this.describeRun(stored);
  }

  /** The requester's runs, newest first (at most 50). */
  async listRuns(requester: EvaluationRequester): Promise<EvaluationRunView[]> {
    const entries = await readdir(this.config.runsDirectory).catch(() => [] as string[]);
    const runs: StoredRun[] = [];
    for (const entry of entries) {
      if (!RUN_ID_PATTERN.test(entry)) continue;
      const stored = await this.readStoredRun(entry);
      if (stored !== undefined && this.isVisible(stored, requester)) runs.push(stored);
    }
    runs.sort(
      (left, right) => right.createdAt.localeCompare(left.createdAt) || right.id.localeCompare(left.id),
    );
    return Promise.all(runs.slice(0, MAX_LISTED_RUNS).map((stored) => this.describeRun(stored)));
  }

  /** One run with its progress and, once a session has ended, its summary figures. */
  async getRun(id: string, requester: EvaluationRequester): Promise<EvaluationRunView> {
    return this.describeRun(await this.readRun(id, requester));
  }

  /** The run's self-contained HTML report; `not_found` until a session of the run has ended. */
  async readReport(id: string, requester: EvaluationRequester): Promise<string> {
    await this.readRun(id, requester);
    if (this.active.has(id)) throw new AppError('not_found', 'Rapporten er ikke klar ennå');
    try {
      return await readFile(listEvaluationPaths(this.runDirectory(id)).report, 'utf8');
    } catch {
      throw new AppError('not_found', 'Rapporten er ikke klar ennå');
    }
  }

  /** Waits for the active run (tests); resolves at once when none runs. */
  async waitForIdle(): Promise<void> {
    await Promise.all([...this.active.values()].map((run) => run.finished));
  }

  /** Stops active runs after their current case (they stay resumable) and removes a temporary runs folder. */
  async close(): Promise<void> {
    this.closing = true;
    for (const run of this.active.values()) run.controller.abort();
    await this.waitForIdle();
    if (this.config.temporaryRuns) await rm(this.config.runsDirectory, { recursive: true, force: true });
  }

  private assertIdle(): void {
    if (this.closing) throw new AppError('unavailable', 'Serveren stenges');
    if (this.active.size > 0)
      throw new AppError(
        'conflict',
        'En evaluering kjører allerede; vent til den er ferdig eller avbryt den',
      );
  }

  private createEngines(engineIds: readonly string[]): Engine[] {
    return createEvaluationEngines(engineIds, {
      models: this.context.models,
      extraModels: this.config.extraModels,
    });
  }

  private runDirectory(id: string): string {
    return join(this.config.runsDirectory, id);
  }

  private isVisible(stored: StoredRun, requester: EvaluationRequester): boolean {
    return (
      requester.practiceId === undefined ||
      stored.practiceId === undefined ||
      stored.practiceId === requester.practiceId
    );
  }

  private async readStoredRun(id: string): Promise<StoredRun | undefined> {
    const parsed = StoredRunSchema.safeParse(await readJson(join(this.runDirectory(id), RUN_FILE)));
    return parsed.success && parsed.data.id === id ? parsed.data : undefined;
  }

  /** The stored run when the id is well-formed, exists and belongs to the requester's practice; else `not_found`. */
  private async readRun(id: string, requester: EvaluationRequester): Promise<StoredRun> {
    if (!RUN_ID_PATTERN.test(id)) throw runNotFound();
    const stored = await this.readStoredRun(id);
    if (stored === undefined || !this.isVisible(stored, requester)) throw runNotFound();
    return stored;
  }

  private writeRun(stored: StoredRun): Promise<void> {
    return writeFileAtomically(
      join(this.runDirectory(stored.id), RUN_FILE),
      `${JSON.stringify(stored, null, 2)}\n`,
    );
  }

  /** Per-engine counts from results.jsonl (latest result per case); failed cases count as not finished when `retrying`. */
  private async countResults(stored: StoredRun, retrying: boolean): Promise<EngineProgress[]> {
    const { results } = await readResultsFile(listEvaluationPaths(this.runDirectory(stored.id)).results);
    const counts = new Map(stored.engines.map((engine) => [engine, { finished: 0, failed: 0 }]));
    for (const result of selectLatestResults(results).values()) {
      const count = counts.get(result.engine);
      if (count === undefined) continue;
      if (result.error === undefined) count.finished++;
      else if (!retrying) count.failed++;
    }
    return stored.engines.map((engine) => ({
      engine,
      finished: counts.get(engine)?.finished ?? 0,
      failed: counts.get(engine)?.failed ?? 0,
      total: stored.dataset.cases,
      stopped: false,
    }));
  }

  /** Progress of a run that is not running, from its results file (cached until the file changes). */
  private async readProgress(stored: StoredRun): Promise<EngineProgress[]> {
    const path = listEvaluationPaths(this.runDirectory(stored.id)).results;
    const info = await stat(path).catch(() => undefined);
    const cached = this.progressCache.get(stored.id);
    if (info !== undefined && cached?.mtimeMs === info.mtimeMs && cached.size === info.size)
      return cached.engines;
    const engines = await this.countResults(stored, false);
    if (info !== undefined)
      this.progressCache.set(stored.id, { mtimeMs: info.mtimeMs, size: info.size, engines });
    return engines;
  }

  private async readSummary(id: string): Promise<EvaluationRunView['summary']> {
    const raw = await readJson(listEvaluationPaths(this.runDirectory(id)).summary);
    if (typeof raw !== 'object' || raw === null) return null;
    const summary = raw as { createdAt?: unknown; complete?: unknown; engines?: unknown };
    if (typeof summary.createdAt !== 'string' || !Array.isArray(summary.engines)) return null;
    const engines: EngineFigures[] = summary.engines.flatMap((engine: unknown) => {
      const figures = EngineFiguresSchema.safeParse(engine);
      return figures.success ? [figures.data] : [];
    });
    return { createdAt: summary.createdAt, complete: summary.complete === true, engines };
  }

  private async describeRun(stored: StoredRun): Promise<EvaluationRunView> {
    const active = this.active.get(stored.id);
    const status: RunStatus = active
      ? active.cancelRequested
        ? 'cancelling'
        : 'running'
      : stored.status === 'running'
        ? 'interrupted'
        : stored.status;
    const engines = active
      ? [...active.progress.values()].map((engine) => ({ ...engine }))
      : await this.readProgress(stored);
    const summary = active ? null : await this.readSummary(stored.id);
    const reportAvailable =
      !active &&
      (await stat(listEvaluationPaths(this.runDirectory(stored.id)).report).catch(() => undefined)) !==
        undefined;
    return {
      id: stored.id,
      status,
      dataset: stored.dataset,
      engines: stored.engines,
      limit: stored.limit,
      template: stored.template,
      language: stored.language,
      createdAt: stored.createdAt,
      finishedAt: active ? null : stored.finishedAt,
      progress: {
        done: engines.reduce((total, engine) => total + engine.finished + engine.failed, 0),
        total: stored.dataset.cases * stored.engines.length,
        engines,
      },
      summary,
      reportAvailable,
      resumable: !active && (status !== 'done' || summary?.complete === false),
      error: active ? null : stored.error,
    };
  }

  /** Starts the runner in the background; the returned promise resolves once it is registered as active. */
  private async launch(stored: StoredRun, dataset: EvaluationDataset, engines: Engine[]): Promise<void> {
    const progress = new Map(
      (await this.countResults(stored, true)).map((engine) => [engine.engine, engine] as const),
    );
    const controller = new AbortController();
    const run: ActiveRun = { controller, cancelRequested: false, progress, finished: Promise.resolve() };
    const onProgress = (event: EvaluationProgress): void => {
      if (event.kind === 'case') {
        const engine = progress.get(event.engine);
        if (engine === undefined) return;
        if (event.status === 'finished') engine.finished++;
        else engine.failed++;
      } else if (event.kind === 'engine-stopped') {
        const engine = progress.get(event.engine);
        if (engine !== undefined) engine.stopped = true;
      }
    };
    this.active.set(stored.id, run);
    this.progressCache.delete(stored.id);
    this.log.info(
      { evaluationRun: stored.id, engines: stored.engines.length, cases: stored.dataset.cases },
      'evaluation started',
    );
    run.finished = (async () => {
      let final: StoredRun;
      try {
        const result = await runEvaluation({
          dataset,
          engines,
          outDir: this.runDirectory(stored.id),
          ...(stored.template === null ? {} : { template: stored.template }),
          languageChoice: stored.language ?? 'auto',
          signal: controller.signal,
          onProgress,
        });
        const status = !result.interrupted ? 'done' : run.cancelRequested ? 'cancelled' : 'interrupted';
        final = { ...stored, status, finishedAt: this.context.now().toISOString(), error: null };
        this.log.info({ evaluationRun: stored.id, status }, 'evaluation ended');
      } catch (error) {
        const appError = toAppError(error);
        final = {
          ...stored,
          status: 'failed',
          finishedAt: this.context.now().toISOString(),
          error: { code: appError.code, message: appError.message },
        };
        this.log.warn({ evaluationRun: stored.id, code: appError.code }, 'evaluation failed');
      }
      try {
        await this.writeRun(final);
      } catch (error) {
        this.log.warn(
          { evaluationRun: stored.id, code: toAppError(error).code },
          'evaluation status not saved',
        );
      } finally {
        this.active.delete(stored.id);
        this.progressCache.delete(stored.id);
      }
    })();
  }
}
