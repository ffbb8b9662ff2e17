import type { Language, SpeakerRole, StatementCheck, Transcript, VerificationReport } from '@kollega/domain';
import { VerificationReportSchema } from '@kollega/domain';
import { parseNoteText } from './parse-note-text';
import { verifyNote } from './verify-note';

// Shared by the verifier's tests: synthetic consultations written as short speaker-prefixed lines.

const ROLES: Record<string, SpeakerRole> = { L: 'lege', P: 'pasient', R: 'pårørende', D: 'lege' };

/** A synthetic transcript from lines "L: …" / "D: …" (doctor), "P: …" (patient), "R: …" (relative). */
export function transcriptOf(lines: readonly string[]): Transcript {
  return {
    segments: lines.map((line, position) => ({
      id: `s${position + 1}`,
      speaker: ROLES[line.charAt(0)] ?? 'annen',
      text: line.slice(3),
    })),
  };
}

/** Verifies a note written as text with section headings against the lines; the report must match its schema. */
export function verify(lines: readonly string[], noteText: string, language: Language): VerificationReport {
  const report = verifyNote(transcriptOf(lines), parseNoteText(noteText, { language }), { language });
  if (!VerificationReportSchema.safeParse(report).success)
    throw new Error('the report does not match its schema');
  return report;
}

/** The check of the statement with exactly this text; throws when there is none. */
export function check(report: VerificationReport, text: string): StatementCheck {
  const found = report.statements.find((statement) => statement.text === text);
  if (!found) throw new Error(`no statement ${text}`);
  return found;
}

/** Whether a statement is flagged (unsupported or contradicted). */
export const flagged = (statement: StatementCheck): boolean =>
  statement.support === 'unsupported' || statement.support === 'contradicted';
