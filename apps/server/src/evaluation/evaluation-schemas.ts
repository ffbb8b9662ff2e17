import { z } from 'zod';
import { listTemplates } from '@kollega/clinical';

/** A run id: `run-<time base36>-<8 hex>`; also the run's folder name. */
export const RUN_ID_PATTERN = /^run-[a-z0-9]{6,12}-[0-9a-f]{8}$/;

const TEMPLATE_IDS = listTemplates().map((template) => template.id) as [string, ...string[]];

/** Body of POST /api/evaluation/runs. */
export const StartEvaluationBodySchema = z.object({
  /** A dataset id from GET /api/evaluation/datasets. */
  dataset: z.string().trim().min(1).max(500),
  /** Engine ids from GET /api/evaluation/engines (`builtin`, `provider:model`). */
  engines: z.array(z.string().trim().min(1).max(200)).min(1).max(10),
  /** Only the first N cases. */
  limit: z.number().int().min(1).max(100_000).optional(),
  /** Note template for every engine; the language's default when absent. */
  template: z.enum(TEMPLATE_IDS).optional(),
  /** Force every case to this language; detected per case when absent. */
  language: z.enum(['nb', 'en']).optional(),
});
/** See `StartEvaluationBodySchema`. */
export type StartEvaluationBody = z.infer<typeof StartEvaluationBodySchema>;

/** What the server keeps about a run in `evaluation.json` in the run's folder: ids, choices and status only. */
export const StoredRunSchema = z.object({
  version: z.literal(1),
  id: z.string().regex(RUN_ID_PATTERN),
  /** The practice of the admin who started it; absent when sign-in is off. */
  practiceId: z.string().optional(),
  /** `bruker:<id>` of who started it, or `anonym`. */
  startedBy: z.string(),
  dataset: z.object({
    id: z.string(),
    name: z.string(),
    cases: z.number().int(),
    totalCases: z.number().int(),
  }),
  engines: z.array(z.string()).min(1),
  limit: z.number().int().nullable(),
  template: z.string().nullable(),
  language: z.enum(['nb', 'en']).nullable(),
  createdAt: z.string(),
  /** `running` also for a run whose server stopped mid-way (shown as `interrupted` then). */
  status: z.enum(['running', 'done', 'cancelled', 'interrupted', 'failed']),
  finishedAt: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
/** See `StoredRunSchema`. */
export type StoredRun = z.infer<typeof StoredRunSchema>;

/** A run's status as clients see it. */
export const RUN_STATUSES = ['running', 'cancelling', 'done', 'cancelled', 'interrupted', 'failed'] as const;
/** See `RUN_STATUSES`. */
export type RunStatus = (typeof RUN_STATUSES)[number];

/** One engine's progress: cases scored, failed, and how many the run has. */
export const EngineProgressSchema = z.object({
  engine: z.string(),
  finished: z.number().int(),
  failed: z.number().int(),
  total: z.number().int(),
  /** True when the engine failed 3 cases in a row and was stopped for the rest of the run. */
  stopped: z.boolean(),
});
/** See `EngineProgressSchema`. */
export type EngineProgress = z.infer<typeof EngineProgressSchema>;

const nullableFraction = z.number().nullable();

/** One engine's summary figures (fractions 0–1, as summary.json); no per-case rows, no text. */
export const EngineFiguresSchema = z.object({
  engine: z.string(),
  cases: z.number(),
  failed: z.number(),
  missing: z.number(),
  rouge1: nullableFraction,
  rouge2: nullableFraction,
  rougeL: nullableFraction,
  rougeLsum: nullableFraction,
  factRecall: nullableFraction,
  criticalFactRecall: nullableFraction,
  facts: z.number(),
  criticalFacts: z.number(),
  statements: z.number(),
  unsupportedRate: nullableFraction,
  contradictedRate: nullableFraction,
  unverifiedRate: nullableFraction,
  omissionsPerCase: nullableFraction,
  criticalOmissionsPerCase: nullableFraction,
  lengthRatioMedian: nullableFraction,
  latencyMsMedian: nullableFraction,
  latencyMsP95: nullableFraction,
  tokensIn: z.number(),
  tokensOut: z.number(),
  cost: z.number(),
  warningCounts: z.record(z.string(), z.number()),
});
/** See `EngineFiguresSchema`. */
export type EngineFigures = z.infer<typeof EngineFiguresSchema>;

/** A run as GET /api/evaluation/runs/:id returns it. */
export const EvaluationRunViewSchema = z.object({
  id: z.string(),
  status: z.enum(RUN_STATUSES),
  dataset: z.object({ id: z.string(), name: z.string(), cases: z.number(), totalCases: z.number() }),
  engines: z.array(z.string()),
  limit: z.number().nullable(),
  template: z.string().nullable(),
  language: z.enum(['nb', 'en']).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  progress: z.object({
    done: z.number().int(),
    total: z.number().int(),
    engines: z.array(EngineProgressSchema),
  }),
  summary: z
    .object({ createdAt: z.string(), complete: z.boolean(), engines: z.array(EngineFiguresSchema) })
    .nullable(),
  reportAvailable: z.boolean(),
  /** True for an interrupted run (server stopped) or a cancelled one: POST …/resume runs what is left. */
  resumable: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
/** See `EvaluationRunViewSchema`. */
export type EvaluationRunView = z.infer<typeof EvaluationRunViewSchema>;

/** GET /api/evaluation/runs. */
export const EvaluationRunListSchema = z.object({ runs: z.array(EvaluationRunViewSchema) });

/** GET /api/evaluation/datasets. */
export const EvaluationDatasetListSchema = z.object({
  /** False when the server has no datasets folder. */
  configured: z.boolean(),
  datasets: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      cases: z.number(),
      bytes: z.number(),
      format: z.enum(['nb-dev', 'note']),
      language: z.string().optional(),
    }),
  ),
});

/** GET /api/evaluation/engines. */
export const EvaluationEngineListSchema = z.object({
  engines: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['builtin', 'model']),
      purposes: z.array(z.string()),
      available: z.boolean(),
      reason: z.string().optional(),
    }),
  ),
  templates: z.array(z.object({ id: z.string(), name: z.string() })),
});
