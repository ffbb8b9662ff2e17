import type { Fact, Note, Transcript, VerificationReport, Warning } from '@kollega/domain';
import type { DraftNoteOptions } from '@kollega/clinical';
import { renderNoteText } from '@kollega/clinical';
import type { NoteEngine } from '../context';

/** A drafted note that has been through the verifier. */
export interface VerifiedDraft {
  /** The note with every statement's `support` set from the verifier. */
  note: Note;
  facts: Fact[];
  text: string;
  verification: VerificationReport;
  /** The drafting engine's warnings (degraded results the user must see). */
  warnings: Warning[];
}

/** Copies the verifier's support label onto each statement it checked. */
export function applySupportLabels(note: Note, verification: VerificationReport): Note {
  const supportById = new Map(verification.statements.map((check) => [check.statementId, check.support]));
  return {
    ...note,
    sections: note.sections.map((section) => ({
      ...section,
      statements: section.statements.map((statement) => ({
        ...statement,
        support: supportById.get(statement.id) ?? statement.support,
      })),
    })),
  };
}

/** Drafts a note with the engine, then verifies it against the transcript (the verifier runs on every note). */
export function draftVerifiedNote(
  engine: NoteEngine,
  transcript: Transcript,
  options: DraftNoteOptions,
): VerifiedDraft {
  const drafted = engine.draftNote(transcript, options);
  const verification = engine.verifyNote(transcript, drafted.value.note, { language: options.language });
  const note = applySupportLabels(drafted.value.note, verification);
  return {
    note,
    facts: drafted.value.facts,
    text: renderNoteText(note),
    verification,
    warnings: drafted.warnings,
  };
}
