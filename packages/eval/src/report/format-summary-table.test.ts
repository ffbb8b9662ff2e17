import { describe, expect, it } from 'vitest';
import type { EngineSummary, EvaluationSummary } from '../runner/summarize';
import { formatSummaryTable } from './format-summary-table';

const engine = (overrides: Partial<EngineSummary>): EngineSummary => ({
  engine: 'builtin',
  cases: 2,
  failed: 0,
  missing: 0,
  rouge1: 0.41234,
  rouge2: 0.1,
  rougeL: 0.2,
  rougeLsum: 0.3,
  factRecall: 0.5,
  criticalFactRecall: null,
  facts: 10,
  criticalFacts: 0,
  statements: 12,
  unsupportedRate: 0.25,
  contradictedRate: 0,
  unverifiedRate: 0,
  omissionsPerCase: 1.5,
  criticalOmissionsPerCase: 0.5,
  lengthRatioMedian: 0.876,
  latencyMsMean: 12,
  latencyMsMedian: 10.4,
  latencyMsP95: 20,
  tokensIn: 0,
  tokensOut: 0,
  cost: 0,
  warningCounts: {},
  ...overrides,
});

describe('formatSummaryTable', () => {
  it('prints engines as columns and figures in points', () => {
    const summary = {
      engines: [
        engine({}),
        engine({ engine: 'a|b', rouge1: null, facts: 0, warningCounts: { llm_fallback: 2, llm_chunked: 1 } }),
      ],
    } as unknown as EvaluationSummary;
    const lines = formatSummaryTable(summary).split('\n');
    expect(lines[0]).toBe('| metric | builtin | a\\|b |');
    expect(lines[1]).toBe('|---|---:|---:|');
    expect(lines).toContain('| ROUGE-1 | 41.23 | n/a |');
    expect(lines).toContain('| key-fact recall | 50.00 (10) | n/a |');
    expect(lines).toContain('| critical key-fact recall | n/a | n/a |');
    expect(lines).toContain('| length ratio (median) | 0.88 | 0.88 |');
    expect(lines).toContain('| latency median / p95 | 10 ms / 20 ms | 10 ms / 20 ms |');
    expect(lines).toContain('| cases with warnings | none | llm_chunked 1, llm_fallback 2 |');
  });
});

describe('report number formats', () => {
  it('uses a decimal comma and readable units', async () => {
    const { formatDuration, formatNumber, formatPercent } = await import('./format');
    expect(formatPercent(0.4567)).toBe('45,7 %');
    expect(formatPercent(null)).toBe('–');
    expect(formatNumber(1.005, 1)).toBe('1,0');
    expect(formatDuration(0.42)).toBe('0,4 ms');
    expect(formatDuration(850.4)).toBe('850 ms');
    expect(formatDuration(2449)).toBe('2,4 s');
  });
});
