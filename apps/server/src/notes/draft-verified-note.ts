import type {
  ConsultationSetting,
  Fact,
  Language,
  Note,
  NoteStyle,
  Transcript,
  VerificationReport,
  Warning,
} from '@kollega/domain';
import type { DraftNoteOptions } from '@kollega/clinical';
import { renderNoteText } from '@kollega/clinical';
import type { TextModel } from '@kollega/ai';
import { draftNoteWithModel, reviewInferredStatements } from '@kollega/ai';
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

/** Options for `draftVerifiedNoteWithModel`. */
export interface ModelDraftOptions {
  language: Language;
  template?: string;
  style?: NoteStyle;
  setting?: ConsultationSetting;
  /** Recorded on every model call's audit event. */
  consultationId?: string;
  /** Names known from the consultation (patient, relatives), masked before a non-local model sees them. */
  knownNames?: readonly string[];
  signal?: AbortSignal;
}

/**
 * Drafts a note with a language model (`draftNoteWithModel`: chunking, structured output, one repair) and
 * the verifier. When the model fails or answers nonsense, the built-in engine's note comes back with the
 * warning `llm_fallback` and `engine` is `builtin`; otherwise `engine` is the model's `provider:model`.
 */
export async function draftVerifiedNoteWithModel(
  model: TextModel,
  transcript: Transcript,
  options: ModelDraftOptions,
): Promise<VerifiedDraft & { engine: string }> {
  const drafted = await draftNoteWithModel({
    transcript,
    model,
    language: options.language,
    ...(options.template === undefined ? {} : { template: options.template }),
    ...(options.style === undefined ? {} : { style: options.style }),
    ...(options.setting === undefined ? {} : { setting: options.setting }),
    ...(options.consultationId === undefined ? {} : { audit: { consultationId: options.consultationId } }),
    ...(options.knownNames === undefined ? {} : { knownNames: options.knownNames }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const { note, facts, text, verification, engine } = drafted.value;
  return { note, facts, text, verification, engine, warnings: drafted.warnings };
}

/**
 * A second opinion from `model` (the `verification` purpose) on the statements the rules call `inferred`: the
 * ones it flags become `unsupported` or `contradicted` and block approval like any flag. Without a model the
 * draft comes back unchanged.
 */
export async function withSecondOpinion(
  model: TextModel | undefined,
  transcript: Transcript,
  draft: VerifiedDraft,
  options: {
    language: Language;
    consultationId?: string;
    knownNames?: readonly string[];
    signal?: AbortSignal;
  },
): Promise<VerifiedDraft> {
  if (model === undefined) return draft;
  const review = await reviewInferredStatements({
    model,
    transcript,
    report: draft.verification,
    language: options.language,
    context: {
      ...(options.consultationId === undefined ? {} : { consultationId: options.consultationId }),
      ...(options.knownNames === undefined ? {} : { knownNames: options.knownNames }),
    },
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  // A failed call shows as the report warning `second_opinion_failed`; the rules' labels stand.
  return { ...draft, note: applySupportLabels(draft.note, review.report), verification: review.report };
}
