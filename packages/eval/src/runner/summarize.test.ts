import { describe, expect, it } from 'vitest';
import type { CaseMetrics } from '../metrics/score-case';
import type { CaseResult } from './results-file';
import { summarizeEvaluation } from './summarize';
import { createSyntheticDataset } from './test-fixtures';

const metrics = (overrides: Partial<CaseMetrics>): CaseMetrics => ({
  rouge1: 0,
  rouge2: 0,
  rougeL: 0,
  rougeLsum: 0,
  words: 10,
  referenceWords: 10,
  lengthRatio: 1,
  keyFacts: null,
  verification: null,
  ...overrides,
});
const result = (caseId: string, overrides: Partial<CaseResult>): CaseResult => ({
  engine: 'e',
  caseId,
  finishedAt: '2026-01-01T00:00:00.000Z',
  latencyMs: 100,
  text: 'x',
  warnings: [],
  cost: 0,
  ...overrides,
});
const facts = (total: number, covered: number, criticalTotal: number, criticalCovered: number) => ({
  total,
  covered,
  criticalTotal,
  criticalCovered,
  recall: covered / total,
  criticalRecall: criticalTotal ? criticalCovered / criticalTotal : null,
  missed: [],
});
const verification = (
  statements: number,
  unsupported: number,
  contradicted: number,
  omissions: number,
  critical: number,
) => ({
  statements,
  supported: statements - unsupported - contradicted,
  inferred: 0,
  unsupported,
  contradicted,
  unverified: 0,
  unsupportedRate: unsupported / statements,
  contradictedRate: contradicted / statements,
  omissions,
  criticalOmissions: critical,
});

describe('summarizeEvaluation', () => {
  it('averages ROUGE over cases and pools facts and statements over all cases', () => {
    const dataset = createSyntheticDataset(3);
    const summary = summarizeEvaluation({
      dataset,
      tokenizer: 'unicode',
      createdAt: 'now',
      results: [
        result('syn-1', {
          latencyMs: 100,
          tokensIn: 10,
          cost: 0.25,
          metrics: metrics({
            rouge1: 0.2,
            lengthRatio: 0.5,
            keyFacts: facts(10, 5, 2, 1),
            verification: verification(10, 1, 0, 2, 1),
          }),
        }),
        result('syn-2', {
          warnings: [
            { code: 'llm_fallback', message: 'x' },
            { code: 'llm_fallback', message: 'y' },
          ],
          latencyMs: 300,
          tokensIn: 30,
          cost: 0.5,
          metrics: metrics({
            rouge1: 0.6,
            lengthRatio: 2,
            keyFacts: facts(2, 2, 2, 2),
            verification: verification(30, 2, 1, 0, 0),
          }),
        }),
        result('syn-3', { error: { code: 'timeout', message: 'Tidsavbrudd' } }),
      ],
    });
    const [engine] = summary.engines;
    expect(engine).toMatchObject({
      engine: 'e',
      cases: 2,
      failed: 1,
      missing: 0,
      facts: 12,
      criticalFacts: 4,
    });
    expect(engine?.rouge1).toBeCloseTo(0.4, 10); // (0.2 + 0.6) / 2
    expect(engine?.factRecall).toBeCloseTo(7 / 12, 10); // pooled, not (0.5 + 1) / 2
    expect(engine?.criticalFactRecall).toBeCloseTo(3 / 4, 10);
    expect(engine?.unsupportedRate).toBeCloseTo(3 / 40, 10);
    expect(engine?.contradictedRate).toBeCloseTo(1 / 40, 10);
    expect(engine?.omissionsPerCase).toBe(1);
    expect(engine?.criticalOmissionsPerCase).toBe(0.5);
    expect(engine?.lengthRatioMedian).toBe(2); // upper median of {0.5, 2}
    expect(engine?.latencyMsMean).toBe(200); // failures do not count
    expect(engine).toMatchObject({ tokensIn: 40, cost: 0.75, warningCounts: { llm_fallback: 1 } });
    expect(summary.complete).toBe(false);
    expect(summary.cases[2]?.engines[0]).toMatchObject({ engine: 'e', error: 'timeout', rouge1: null });
  });

  it('uses only the latest result per case and only the selected cases', () => {
    const dataset = createSyntheticDataset(3, { limit: 1 });
    const summary = summarizeEvaluation({
      dataset,
      tokenizer: 'unicode',
      createdAt: 'now',
      results: [
        result('syn-1', { error: { code: 'timeout', message: 'x' } }),
        result('syn-1', { metrics: metrics({ rouge1: 0.5 }) }),
        result('syn-2', { metrics: metrics({ rouge1: 0.9 }) }),
      ],
    });
    expect(summary.engines[0]).toMatchObject({ cases: 1, failed: 0, rouge1: 0.5 });
    expect(summary.complete).toBe(true);
    expect(summary.dataset).toMatchObject({ cases: 1, totalCases: 3 });
  });

  it('orders engines as asked, then the others from earlier runs', () => {
    const dataset = createSyntheticDataset(1);
    const summary = summarizeEvaluation({
      dataset,
      tokenizer: 'unicode',
      createdAt: 'now',
      engineOrder: ['z:model'],
      results: [result('syn-1', { engine: 'b' }), result('syn-1', { engine: 'a' })],
    });
    expect(summary.engines.map((engine) => engine.engine)).toEqual(['z:model', 'a', 'b']);
    expect(summary.engines[0]).toMatchObject({ cases: 0, missing: 1, rouge1: null });
  });
});
