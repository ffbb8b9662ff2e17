import { z } from 'zod';
import { SupportSchema } from './note';

/** How serious a flag is: `critical` where a drug, dose, allergy, laterality, measured value or red flag is involved. */
export const SeveritySchema = z.enum(['critical', 'normal']);
/** A flag severity; see `SeveritySchema`. */
export type Severity = z.infer<typeof SeveritySchema>;

/** The verifier's verdict on one statement. `reasons` are readable sentences in the note's language. */
export const StatementCheckSchema = z.object({
  statementId: z.string(),
  text: z.string(),
  support: SupportSchema,
  severity: SeveritySchema,
  evidence: z.array(z.string()),
  reasons: z.array(z.string()),
  /** The language model (`provider:model`) whose second opinion set the label, when one did (see `@kollega/ai`). */
  reviewer: z.string().optional(),
});
/** The verifier's verdict on one statement; see `StatementCheckSchema`. */
export type StatementCheck = z.infer<typeof StatementCheckSchema>;

/**
 * Something clinically important in the transcript that the note left out.
 * `id` is stable for the same content (so a dismissal survives a re-verification);
 * `suggestion` is a statement text the doctor can insert into `sectionId`.
 */
export const OmissionSchema = z.object({
  id: z.string(),
  kind: z.string(),
  text: z.string(),
  suggestion: z.string(),
  sectionId: z.string(),
  evidence: z.array(z.string()),
  critical: z.boolean(),
});
/** An omission; see `OmissionSchema`. */
export type Omission = z.infer<typeof OmissionSchema>;

/** The verifier's report on a note. */
export const VerificationReportSchema = z.object({
  statements: z.array(StatementCheckSchema),
  omissions: z.array(OmissionSchema),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
/** The verifier's report; see `VerificationReportSchema`. */
export type VerificationReport = z.infer<typeof VerificationReportSchema>;

/** A flag the doctor dismissed, with the short reason that is recorded. `flagId` is a statement or omission id. */
export const FlagDismissalSchema = z.object({
  flagId: z.string(),
  reason: z.string().min(1),
  by: z.string(),
  at: z.string(),
});
/** A dismissed flag; see `FlagDismissalSchema`. */
export type FlagDismissal = z.infer<typeof FlagDismissalSchema>;

/** Ids of the flags that still block approval: unsupported or contradicted statements and critical omissions. */
export function listBlockingFlags(
  report: VerificationReport,
  dismissals: readonly FlagDismissal[],
): string[] {
  const dismissed = new Set(dismissals.map((dismissal) => dismissal.flagId));
  const statementFlags = report.statements
    .filter((check) => check.support === 'unsupported' || check.support === 'contradicted')
    .map((check) => check.statementId);
  const omissionFlags = report.omissions
    .filter((omission) => omission.critical)
    .map((omission) => omission.id);
  return [...statementFlags, ...omissionFlags].filter((flagId) => !dismissed.has(flagId));
}
