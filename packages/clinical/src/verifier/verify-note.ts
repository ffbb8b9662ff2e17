import type { Language, Note, Transcript, VerificationReport } from '@kollega/domain';

/** Options for `verifyNote`. */
export interface VerifyNoteOptions {
  /** Language of the reasons; defaults to the note's language. */
  language?: Language;
}

/**
 * Checks every statement of a note against the transcript and lists omissions.
 * PLACEHOLDER for the foundation: the verifier issue replaces the body.
 */
export function verifyNote(
  _transcript: Transcript,
  note: Note,
  _options: VerifyNoteOptions = {},
): VerificationReport {
  return {
    statements: note.sections.flatMap((section) =>
      section.statements.map((statement) => ({
        statementId: statement.id,
        text: statement.text,
        support: 'unverified' as const,
        severity: 'normal' as const,
        evidence: statement.evidence,
        reasons: [],
      })),
    ),
    omissions: [],
    warnings: [],
  };
}
