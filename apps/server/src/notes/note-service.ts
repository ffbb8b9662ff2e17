import type { Consultation, Note, NoteRecord, NoteStyle } from '@kollega/domain';
import { AppError, listBlockingFlags } from '@kollega/domain';
import { renderNoteText } from '@kollega/clinical';
import { carryOverSecondOpinions } from '@kollega/ai';
import { diffNotes } from '@kollega/storage';
import type { AppContext } from '../context';
import { formatNorwegianDateTime } from '../consultations/create-consultations';
import { appendDiagnosisLine } from '../decision-support/diagnosis-line';
import { blockedModelWarning } from '../models/server-models';
import {
  applySupportLabels,
  draftVerifiedNote,
  draftVerifiedNoteWithModel,
  withSecondOpinion,
} from './draft-verified-note';

/** Loads a consultation or throws `not_found`. */
export async function requireConsultation(
  context: AppContext,
  consultationId: string,
): Promise<Consultation> {
  const consultation = await context.storage.consultations.findById(consultationId);
  if (!consultation) {
    throw new AppError('not_found', 'Fant ikke konsultasjonen', { details: { consultationId } });
  }
  return consultation;
}

/** Loads a note or throws `not_found`. */
export async function requireNote(context: AppContext, noteId: string): Promise<NoteRecord> {
  const record = await context.storage.notes.findById(noteId);
  if (!record) throw new AppError('not_found', 'Fant ikke notatet', { details: { noteId } });
  return record;
}

function assertDraft(record: NoteRecord): void {
  if (record.status === 'approved') {
    throw new AppError('already_approved', 'Notatet er allerede godkjent og kan ikke endres', {
      details: { noteId: record.id },
    });
  }
}

function assertVersion(record: NoteRecord, version: number): void {
  if (record.version !== version) {
    throw new AppError(
      'conflict',
      `Notatet er endret i mellomtiden (versjon ${record.version}, ikke ${version}); last inn på nytt`,
      { details: { noteId: record.id, expectedVersion: version, currentVersion: record.version } },
    );
  }
}

/**
 * Drafts (or re-drafts) the consultation's note with the engine and verifier and stores it.
 * An unapproved draft is replaced; an approved note is `already_approved`. With a note-drafting model
 * configured, the model writes the draft (`engine` = its id); when it fails, the built-in engine's note is
 * stored with the warning `llm_fallback` (`engine` = `builtin`).
 */
export async function draftConsultationNote(
  context: AppContext,
  consultationId: string,
  options: { template?: string; style?: NoteStyle },
): Promise<NoteRecord> {
  // Both reads at once: on PostgreSQL they take two pooled connections instead of two round trips in a row.
  const [consultation, existing] = await Promise.all([
    requireConsultation(context, consultationId),
    context.storage.notes.findByConsultationId(consultationId),
  ]);
  if (existing) assertDraft(existing);
  const draftOptions = {
    language: consultation.language,
    ...(options.template === undefined ? {} : { template: options.template }),
    ...(options.style === undefined ? {} : { style: options.style }),
    ...(consultation.setting === undefined ? {} : { setting: consultation.setting }),
  };
  const { noteDrafting, blockedNoteModel, verification } = context.models;
  const drafted = noteDrafting
    ? await draftVerifiedNoteWithModel(noteDrafting, consultation.transcript, {
        ...draftOptions,
        consultationId,
      })
    : {
        ...(context.draftWorkers === undefined
          ? draftVerifiedNote(context.engine, consultation.transcript, draftOptions)
          : await context.draftWorkers.draft(consultation.transcript, draftOptions)),
        engine: context.engine.name,
      };
  const draft = {
    ...(await withSecondOpinion(verification, consultation.transcript, drafted, {
      language: consultation.language,
      consultationId,
    })),
    engine: drafted.engine,
  };
  const warnings =
    blockedNoteModel === undefined
      ? draft.warnings
      : [blockedModelWarning(draftOptions.language), ...draft.warnings];
  return context.storage.notes.saveDraft({
    consultationId,
    engine: draft.engine,
    note: draft.note,
    // Drafting warnings only: the verifier's own warnings stay in `verification.warnings`.
    warnings,
    verification: draft.verification,
    draftedBy: `${draft.engine}:redraft`,
  });
}

/** Checks an edited note: unique statement ids, and evidence that points at segments of the transcript. */
function validateEditedNote(note: Note, consultation: Consultation): void {
  const segmentIds = new Set(consultation.transcript.segments.map((segment) => segment.id));
  const statementIds = new Set<string>();
  for (const section of note.sections) {
    for (const statement of section.statements) {
      if (statementIds.has(statement.id)) {
        throw new AppError('invalid_input', `Setnings-id «${statement.id}» er brukt to ganger`, {
          details: { statementId: statement.id },
        });
      }
      statementIds.add(statement.id);
      const unknown = statement.evidence.find((segmentId) => !segmentIds.has(segmentId));
      if (unknown !== undefined) {
        throw new AppError(
          'invalid_input',
          `Setning «${statement.id}» viser til «${unknown.slice(0, 40)}», som ikke finnes i transkripsjonen`,
          { details: { statementId: statement.id, segmentId: unknown.slice(0, 40) } },
        );
      }
    }
  }
}

/**
 * Saves an edit of a draft at `version`: re-runs the verifier, records the per-statement diff, and drops
 * dismissals of statements the edit changed or removed (a dismissal covered the old wording only).
 */
export async function editNote(
  context: AppContext,
  noteId: string,
  input: { version: number; note: Note; editedBy?: string },
): Promise<NoteRecord> {
  const record = await requireNote(context, noteId);
  assertDraft(record);
  assertVersion(record, input.version);
  const consultation = await requireConsultation(context, record.consultationId);
  validateEditedNote(input.note, consultation);
  const verifyOptions = { language: input.note.language };
  // The rules re-verify the edited note; the model's flags stay on statements the edit left as they were.
  const verification = carryOverSecondOpinions(
    record.verification,
    context.draftWorkers === undefined
      ? context.engine.verifyNote(consultation.transcript, input.note, verifyOptions)
      : await context.draftWorkers.verify(consultation.transcript, input.note, verifyOptions),
  );
  const changedStatements = new Set(diffNotes(record.note, input.note).map((change) => change.statementId));
  return context.storage.notes.saveEdit({
    noteId,
    expectedVersion: input.version,
    note: applySupportLabels(input.note, verification),
    verification,
    dismissals: record.dismissals.filter((dismissal) => !changedStatements.has(dismissal.flagId)),
    editedBy: input.editedBy ?? 'anonym',
  });
}

/** Records that the doctor dismissed a flag (a checked statement or an omission) with a reason. */
export async function dismissFlag(
  context: AppContext,
  noteId: string,
  input: { flagId: string; reason: string; by: string },
): Promise<NoteRecord> {
  const record = await requireNote(context, noteId);
  assertDraft(record);
  const verification = record.verification;
  const knownFlags = new Set([
    ...(verification?.statements.map((check) => check.statementId) ?? []),
    ...(verification?.omissions.map((omission) => omission.id) ?? []),
  ]);
  if (!knownFlags.has(input.flagId)) {
    throw new AppError('invalid_input', 'Ukjent flagg for dette notatet', {
      details: { flagId: input.flagId.slice(0, 100) },
    });
  }
  return context.storage.notes.addDismissal(noteId, {
    flagId: input.flagId,
    reason: input.reason,
    by: input.by,
    at: context.now().toISOString(),
  });
}

/**
 * Approves a draft at `version` in a named doctor's name. Refused with `approval_blocked` while
 * unsupported or contradicted statements or critical omissions remain undismissed.
 */
export async function approveNote(
  context: AppContext,
  noteId: string,
  input: { approvedBy: string; version: number },
): Promise<NoteRecord> {
  const record = await requireNote(context, noteId);
  assertDraft(record);
  assertVersion(record, input.version);
  let verification = record.verification;
  if (!verification) {
    const consultation = await requireConsultation(context, record.consultationId);
    verification = context.engine.verifyNote(consultation.transcript, record.note, {
      language: record.note.language,
    });
  }
  const blocking = listBlockingFlags(verification, record.dismissals);
  if (blocking.length > 0) {
    throw new AppError(
      'approval_blocked',
      `Notatet kan ikke godkjennes før ${blocking.length} flagg er løst eller avvist med begrunnelse`,
      { details: { noteId, count: blocking.length, blockingFlagIds: blocking.join(',') } },
    );
  }
  return context.storage.notes.approve({
    noteId,
    expectedVersion: input.version,
    approvedBy: input.approvedBy,
  });
}

/**
 * The note as plain text for the EPJ; an approved note ends with
 * "KI-assistert utkast, gjennomgått og godkjent av lege <navn> <dato>".
 */
export function renderNoteForExport(record: NoteRecord): string {
  const body = appendDiagnosisLine(renderNoteText(record.note), record);
  if (record.status !== 'approved') return body;
  const approvedAt = record.approvedAt === undefined ? undefined : new Date(record.approvedAt);
  const date = approvedAt === undefined ? '' : ` ${formatNorwegianDateTime(approvedAt, { withTime: false })}`;
  const line = `KI-assistert utkast, gjennomgått og godkjent av lege ${record.approvedBy ?? 'ukjent'}${date}`;
  return body === '' ? line : `${body}\n${line}`;
}
