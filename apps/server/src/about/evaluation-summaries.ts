import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** The folder `kollega eval` runs are read from: env KOLLEGA_EVAL_DIR, default ./eval-results. */
export function findEvaluationDirectory(env: Record<string, string | undefined> = process.env): string {
  const configured = env.KOLLEGA_EVAL_DIR?.trim();
  return resolve(configured === undefined || configured === '' ? './eval-results' : configured);
}

const nullableNumber = z.number().nullable().catch(null);

const EngineFiguresSchema = z.object({
  engine: z.string(),
  cases: z.number().catch(0),
  failed: z.number().catch(0),
  rouge1: nullableNumber,
  rougeL: nullableNumber,
  factRecall: nullableNumber,
  criticalFactRecall: nullableNumber,
  unsupportedRate: nullableNumber,
  contradictedRate: nullableNumber,
  omissionsPerCase: nullableNumber,
  criticalOmissionsPerCase: nullableNumber,
  lengthRatioMedian: nullableNumber,
  latencyMsMedian: nullableNumber,
});

/** The figures of one `kollega eval` run (summary.json), without per-case rows. */
export const EvaluationRunSchema = z.object({
  /** The run folder, relative to the evaluation folder (`.` for the folder itself). */
  run: z.string(),
  createdAt: z.string(),
  dataset: z.object({ name: z.string(), cases: z.number(), language: z.string() }),
  complete: z.boolean(),
  engines: z.array(EngineFiguresSchema),
});
/** See `EvaluationRunSchema`. */
export type EvaluationRun = z.infer<typeof EvaluationRunSchema>;

/** GET /api/about/evaluations: the newest runs first (at most 20); empty when none. */
export const EvaluationListSchema = z.object({ runs: z.array(EvaluationRunSchema) });

const SummaryFileSchema = z.object({
  createdAt: z.string(),
  dataset: z.object({ name: z.string(), cases: z.number(), language: z.string().catch('nb') }),
  complete: z.boolean().catch(false),
  engines: z.array(z.unknown()),
});

async function readSummary(directory: string, run: string): Promise<EvaluationRun | undefined> {
  try {
    const parsed = SummaryFileSchema.safeParse(
      JSON.parse(await readFile(join(directory, 'summary.json'), 'utf8')),
    );
    if (!parsed.success) return undefined;
    const engines = parsed.data.engines.flatMap((engine) => {
      const figures = EngineFiguresSchema.safeParse(engine);
      return figures.success ? [figures.data] : [];
    });
    return { run, ...parsed.data, engines };
  } catch {
    return undefined;
  }
}

/**
 * Reads the summary.json of `kollega eval` runs in the folder and its sub-folders (one level), newest first.
 * Unreadable or foreign files are skipped; a missing folder gives no runs.
 */
export async function listEvaluationRuns(directory: string, limit = 20): Promise<EvaluationRun[]> {
  const runs: EvaluationRun[] = [];
  const own = await readSummary(directory, '.');
  if (own !== undefined) runs.push(own);
  let entries: string[] = [];
  try {
    entries = await readdir(directory);
  } catch {
    return runs;
  }
  for (const entry of entries) {
    const path = join(directory, entry);
    const isDirectory = await stat(path).then(
      (info) => info.isDirectory(),
      () => false,
    );
    if (!isDirectory) continue;
    const run = await readSummary(path, entry);
    if (run !== undefined) runs.push(run);
  }
  return runs.sort((first, second) => second.createdAt.localeCompare(first.createdAt)).slice(0, limit);
}
