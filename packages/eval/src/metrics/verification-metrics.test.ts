import type { StatementCheck, Support, VerificationReport } from '@kollega/domain';
import { describe, expect, it } from 'vitest';
import { countVerification } from './verification-metrics';

const check = (support: Support, index: number): StatementCheck => ({
  statementId: `a-${index}`,
  text: 'x',
  support,
  severity: 'normal',
  evidence: [],
  reasons: [],
});

describe('countVerification', () => {
  it('counts labels and rates over all statements, and omissions', () => {
    const labels: Support[] = [
      'supported',
      'supported',
      'inferred',
      'unsupported',
      'contradicted',
      'supported',
      'unverified',
      'unsupported',
    ];
    const report: VerificationReport = {
      statements: labels.map(check),
      omissions: [
        {
          id: 'o1',
          kind: 'allergy',
          text: 'x',
          suggestion: 'x',
          sectionId: 'aktuelt',
          evidence: ['s1'],
          critical: true,
        },
        {
          id: 'o2',
          kind: 'symptom',
          text: 'x',
          suggestion: 'x',
          sectionId: 'aktuelt',
          evidence: ['s2'],
          critical: false,
        },
      ],
      warnings: [],
    };
    expect(countVerification(report)).toEqual({
      statements: 8,
      supported: 3,
      inferred: 1,
      unsupported: 2,
      contradicted: 1,
      unverified: 1,
      unsupportedRate: 2 / 8,
      contradictedRate: 1 / 8,
      omissions: 2,
      criticalOmissions: 1,
    });
  });

  it('has null rates for a note without statements', () => {
    const counts = countVerification({ statements: [], omissions: [], warnings: [] });
    expect(counts.unsupportedRate).toBeNull();
    expect(counts.contradictedRate).toBeNull();
  });
});
