import type { EvaluationDataset } from '../datasets/read-dataset';
import { mean, quantile, ratio, sum } from '../metrics/statistics';
import type { CaseResult } from './results-file';
import { createResultKey, selectLatestResults } from './results-file';

/** One engine's figures over the dataset. Fractions are in [0, 1]; null where nothing could be measured. */
export interface EngineSummary {
  engine: string;
  /** Cases with a scored note. */
  cases: number;
  /** Cases whose draft failed. */
  failed: number;
  /** Cases not run yet (an interrupted run). */
  missing: number;
  /** Means over the scored cases (as score.mjs). */
  rouge1: number | null;
  rouge2: number | null;
  rougeL: number | null;
  rougeLsum: number | null;
  /** Covered key facts / all key facts, pooled over the cases (as score.mjs). */
  factRecall: number | null;
  criticalFactRecall: number | null;
  facts: number;
  criticalFacts: number;
  /** Verifier: statements checked, pooled over the cases. */
  statements: number;
  unsupportedRate: number | null;
  contradictedRate: number | null;
  /** Share of statements the verifier left `unverified` (a verifier that cannot check them). */
  unverifiedRate: number | null;
  omissionsPerCase: number | null;
  criticalOmissionsPerCase: number | null;
  /** Words / reference words; median over the cases (as score.mjs). */
  lengthRatioMedian: number | null;
  latencyMsMean: number | null;
  latencyMsMedian: number | null;
  latencyMsP95: number | null;
  tokensIn: number;
  tokensOut: number;
  /** Total estimated cost over the scored cases. */
  cost: number;
  /** Scored cases per warning code, e.g. `{ llm_fallback: 2 }`: how often a model fell back to the built-in engine. */
  warningCounts: Record<string, number>;
}

/** One engine's figures on one case. */
export interface CaseEngineRow {
  engine: string;
  rouge1: number | null;
  rouge2: number | null;
  rougeL: number | null;
  rougeLsum: number | null;
  factRecall: number | null;
  criticalFactRecall: number | null;
  unsupported: number | null;
  contradicted: number | null;
  omissions: number | null;
  criticalOmissions: number | null;
  lengthRatio: number | null;
  latencyMs: number | null;
  cost: number | null;
  /** The error code when the draft failed. */
  error?: string;
}

/** Everything `summary.json` holds. */
export interface EvaluationSummary {
  createdAt: string;
  dataset: { name: string; fingerprint: string; cases: number; totalCases: number; language: string };
  template: string | null;
  tokenizer: string;
  /** True when every engine has a scored note for every case (no failures, nothing left to run). */
  complete: boolean;
  engines: EngineSummary[];
  cases: Array<{ caseId: string; engines: CaseEngineRow[] }>;
}

/** Options for `summarizeEvaluation`. */
export interface SummarizeEvaluationOptions {
  dataset: EvaluationDataset;
  results: readonly CaseResult[];
  /** Engines to list first, in this order; engines found only in earlier results follow, sorted. */
  engineOrder?: readonly string[];
  template?: string | undefined;
  tokenizer: string;
  createdAt: string;
}

/** The engines in display order. */
export function orderEngines(results: readonly CaseResult[], engineOrder: readonly string[] = []): string[] {
  const others = [...new Set(results.map((result) => result.engine))]
    .filter((engine) => !engineOrder.includes(engine))
    .sort();
  return [...new Set(engineOrder), ...others];
}

function summarizeEngine(engine: string, rows: ReadonlyArray<CaseResult | undefined>): EngineSummary {
  const scored = rows.filter((row): row is CaseResult & Required<Pick<CaseResult, 'metrics'>> =>
    Boolean(row?.metrics && !row.error),
  );
  const metrics = scored.map((row) => row.metrics);
  const keyFacts = metrics.flatMap((metric) => (metric.keyFacts ? [metric.keyFacts] : []));
  const verified = metrics.flatMap((metric) => (metric.verification ? [metric.verification] : []));
  const statements = sum(verified.map((counts) => counts.statements));
  const latencies = scored.map((row) => row.latencyMs);
  return {
    engine,
    cases: scored.length,
    failed: rows.filter((row) => row?.error).length,
    missing: rows.filter((row) => row === undefined).length,
    rouge1: mean(metrics.map((metric) => metric.rouge1)),
    rouge2: mean(metrics.map((metric) => metric.rouge2)),
    rougeL: mean(metrics.map((metric) => metric.rougeL)),
    rougeLsum: mean(metrics.map((metric) => metric.rougeLsum)),
    factRecall: ratio(sum(keyFacts.map((facts) => facts.covered)), sum(keyFacts.map((facts) => facts.total))),
    criticalFactRecall: ratio(
      sum(keyFacts.map((facts) => facts.criticalCovered)),
      sum(keyFacts.map((facts) => facts.criticalTotal)),
    ),
    facts: sum(keyFacts.map((facts) => facts.total)),
    criticalFacts: sum(keyFacts.map((facts) => facts.criticalTotal)),
    statements,
    unsupportedRate: ratio(sum(verified.map((counts) => counts.unsupported)), statements),
    contradictedRate: ratio(sum(verified.map((counts) => counts.contradicted)), statements),
    unverifiedRate: ratio(sum(verified.map((counts) => counts.unverified)), statements),
    omissionsPerCase: mean(verified.map((counts) => counts.omissions)),
    criticalOmissionsPerCase: mean(verified.map((counts) => counts.criticalOmissions)),
    lengthRatioMedian: quantile(
      metrics.map((metric) => metric.lengthRatio),
      0.5,
    ),
    latencyMsMean: mean(latencies),
    latencyMsMedian: quantile(latencies, 0.5),
    latencyMsP95: quantile(latencies, 0.95),
    tokensIn: sum(scored.map((row) => row.tokensIn)),
    tokensOut: sum(scored.map((row) => row.tokensOut)),
    cost: sum(scored.map((row) => row.cost)),
    warningCounts: countWarnings(scored),
  };
}

function countWarnings(results: readonly CaseResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results)
    for (const code of new Set(result.warnings.map((warning) => warning.code)))
      counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}

function describeCase(engine: string, result: CaseResult | undefined): CaseEngineRow {
  const metrics = result && !result.error ? result.metrics : undefined;
  return {
    engine,
    rouge1: metrics?.rouge1 ?? null,
    rouge2: metrics?.rouge2 ?? null,
    rougeL: metrics?.rougeL ?? null,
    rougeLsum: metrics?.rougeLsum ?? null,
    factRecall: metrics?.keyFacts?.recall ?? null,
    criticalFactRecall: metrics?.keyFacts?.criticalRecall ?? null,
    unsupported: metrics?.verification?.unsupported ?? null,
    contradicted: metrics?.verification?.contradicted ?? null,
    omissions: metrics?.verification?.omissions ?? null,
    criticalOmissions: metrics?.verification?.criticalOmissions ?? null,
    lengthRatio: metrics?.lengthRatio ?? null,
    latencyMs: metrics ? (result?.latencyMs ?? null) : null,
    cost: metrics ? (result?.cost ?? null) : null,
    ...(result?.error ? { error: result.error.code } : {}),
  };
}

/**
 * Per-engine and per-case figures from the stored results. Only the dataset's (selected) cases count, and
 * for each engine and case only the latest result. Pure.
 */
export function summarizeEvaluation(options: SummarizeEvaluationOptions): EvaluationSummary {
  const latest = selectLatestResults(options.results);
  const engines = orderEngines(options.results, options.engineOrder);
  const rowsOf = (engine: string): Array<CaseResult | undefined> =>
    options.dataset.cases.map((evaluationCase) => latest.get(createResultKey(engine, evaluationCase.id)));
  const engineSummaries = engines.map((engine) => summarizeEngine(engine, rowsOf(engine)));
  return {
    createdAt: options.createdAt,
    dataset: {
      name: options.dataset.name,
      fingerprint: options.dataset.fingerprint,
      cases: options.dataset.cases.length,
      totalCases: options.dataset.totalCases,
      language: options.dataset.language,
    },
    template: options.template ?? null,
    tokenizer: options.tokenizer,
    complete: engineSummaries.every((engine) => engine.failed === 0 && engine.missing === 0),
    engines: engineSummaries,
    cases: options.dataset.cases.map((evaluationCase) => ({
      caseId: evaluationCase.id,
      engines: engines.map((engine) =>
        describeCase(engine, latest.get(createResultKey(engine, evaluationCase.id))),
      ),
    })),
  };
}
