/** Latency and throughput figures for one operation over the measured window. */
export interface OperationSummary {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Answers that were not 2xx (network errors count, as status 0). */
  errors: number;
  /** Error counts by status. */
  errorsByStatus: Record<string, number>;
}

/** The value below which `share` of the sorted values fall (nearest rank). */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(share * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? 0;
}

/** Summarizes the samples of one operation measured over `windowSeconds`. */
export function summarizeOperation(
  samples: ReadonlyArray<{ latencyMs: number; status: number }>,
  windowSeconds: number,
): OperationSummary {
  const sorted = samples.map((sample) => sample.latencyMs).sort((left, right) => left - right);
  const errorsByStatus: Record<string, number> = {};
  for (const sample of samples) {
    if (sample.status >= 200 && sample.status < 300) continue;
    const key = sample.status === 0 ? 'network' : String(sample.status);
    errorsByStatus[key] = (errorsByStatus[key] ?? 0) + 1;
  }
  return {
    requests: samples.length,
    perSecond: samples.length / windowSeconds,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? 0,
    errors: Object.values(errorsByStatus).reduce((sum, count) => sum + count, 0),
    errorsByStatus,
  };
}
