import type { VerificationReport } from '@kollega/domain';

/** Counts from the verifier's report on one note. Rates are null when the note has no statements. */
export interface VerificationCounts {
  statements: number;
  supported: number;
  inferred: number;
  unsupported: number;
  contradicted: number;
  /** Statements the verifier did not label (a verifier that cannot check them yet). */
  unverified: number;
  /** unsupported / statements. */
  unsupportedRate: number | null;
  /** contradicted / statements. */
  contradictedRate: number | null;
  omissions: number;
  criticalOmissions: number;
}

/** Counts support labels and omissions in a verification report. */
export function countVerification(report: VerificationReport): VerificationCounts {
  const counts = { supported: 0, inferred: 0, unsupported: 0, contradicted: 0, unverified: 0 };
  for (const check of report.statements) counts[check.support]++;
  const statements = report.statements.length;
  return {
    statements,
    ...counts,
    unsupportedRate: statements === 0 ? null : counts.unsupported / statements,
    contradictedRate: statements === 0 ? null : counts.contradicted / statements,
    omissions: report.omissions.length,
    criticalOmissions: report.omissions.filter((omission) => omission.critical).length,
  };
}
