import type { EngineSummary, EvaluationSummary } from '../runner/summarize';

const points = (value: number | null): string => (value === null ? 'n/a' : (100 * value).toFixed(2));
const decimals = (value: number | null, digits: number): string =>
  value === null ? 'n/a' : value.toFixed(digits);
const milliseconds = (value: number | null): string => (value === null ? 'n/a' : `${Math.round(value)} ms`);

/** "llm_fallback 2, llm_chunked 1", or "none". */
export function describeWarnings(counts: Readonly<Record<string, number>>): string {
  const entries = Object.entries(counts).sort(([left], [right]) => left.localeCompare(right));
  return entries.length === 0 ? 'none' : entries.map(([code, count]) => `${code} ${count}`).join(', ');
}

const ROWS: ReadonlyArray<readonly [string, (engine: EngineSummary) => string]> = [
  ['cases scored / failed / not run', (e) => `${e.cases} / ${e.failed} / ${e.missing}`],
  ['ROUGE-1', (e) => points(e.rouge1)],
  ['ROUGE-2', (e) => points(e.rouge2)],
  ['ROUGE-L', (e) => points(e.rougeL)],
  ['ROUGE-Lsum', (e) => points(e.rougeLsum)],
  ['key-fact recall', (e) => (e.facts ? `${points(e.factRecall)} (${e.facts})` : 'n/a')],
  [
    'critical key-fact recall',
    (e) => (e.criticalFacts ? `${points(e.criticalFactRecall)} (${e.criticalFacts})` : 'n/a'),
  ],
  ['statements', (e) => String(e.statements)],
  ['unsupported %', (e) => points(e.unsupportedRate)],
  ['contradicted %', (e) => points(e.contradictedRate)],
  ['unverified %', (e) => points(e.unverifiedRate)],
  ['omissions / case', (e) => decimals(e.omissionsPerCase, 2)],
  ['critical omissions / case', (e) => decimals(e.criticalOmissionsPerCase, 2)],
  ['length ratio (median)', (e) => decimals(e.lengthRatioMedian, 2)],
  ['latency median / p95', (e) => `${milliseconds(e.latencyMsMedian)} / ${milliseconds(e.latencyMsP95)}`],
  ['tokens in / out', (e) => `${e.tokensIn} / ${e.tokensOut}`],
  ['estimated cost', (e) => e.cost.toFixed(4)],
  ['cases with warnings', (e) => describeWarnings(e.warningCounts)],
];

/**
 * The per-engine summary as a Markdown table (metrics as rows, engines as columns), with ROUGE and rates
 * in points (0–100, two decimals) like score.mjs prints them. Used by the CLI and in docs/evaluation.md.
 */
export function formatSummaryTable(summary: EvaluationSummary): string {
  const escapeCell = (text: string): string => text.replace(/\|/g, '\\|');
  const header = `| metric | ${summary.engines.map((engine) => escapeCell(engine.engine)).join(' | ')} |`;
  const rule = `|---|${summary.engines.map(() => '---:|').join('')}`;
  const rows = ROWS.map(
    ([name, read]) =>
      `| ${name} | ${summary.engines.map((engine) => escapeCell(read(engine))).join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}
