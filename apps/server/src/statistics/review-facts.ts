import type { NoteRecord, VerificationReport } from '@kollega/domain';
import { listBlockingFlags } from '@kollega/domain';
import type { ReviewEvent } from '@kollega/storage';
import type { AppContext } from '../context';
import {
  listDoctorEdits,
  measureEditedCharacters,
  readStatementTexts,
  reconstructFirstDraft,
} from './first-draft';
import type { FlagResolution, NoteReviewFacts } from './review-statistics';

/** The time range of approvals to include; `to` is inclusive (a whole day when given as a date). */
export interface ReviewRange {
  from?: string;
  to?: string;
}

function toBound(value: string, end: boolean): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return Date.parse(`${value}T00:00:00.000Z`) + (end ? 86_400_000 : 0);
  }
  return Date.parse(value) + (end ? 1 : 0);
}

function isInRange(approvedAt: string, range: ReviewRange): boolean {
  const time = Date.parse(approvedAt);
  if (range.from !== undefined && time < toBound(range.from, false)) return false;
  if (range.to !== undefined && time >= toBound(range.to, true)) return false;
  return true;
}

function resolveFlag(
  flagId: string,
  kind: 'statement' | 'omission',
  record: NoteRecord,
  changedStatements: ReadonlySet<string>,
): FlagResolution {
  if (record.dismissals.some((dismissal) => dismissal.flagId === flagId)) return 'dismissed';
  if (kind === 'statement') return changedStatements.has(flagId) ? 'edited' : 'other';
  const stillOmitted = record.verification?.omissions.some((omission) => omission.id === flagId) ?? false;
  return stillOmitted ? 'other' : 'inserted';
}

/**
 * The review facts of one approved note: its first draft (the approved note with the doctor's edits undone),
 * the draft's blocking flags (the stored verification when the doctor made no edit, else the verifier run
 * again on the rebuilt draft) and how each was resolved, the characters changed, and the evidence opened.
 */
async function collectNoteFacts(
  context: AppContext,
  record: NoteRecord,
  consultationCreatedAt: string,
  events: readonly ReviewEvent[],
): Promise<NoteReviewFacts> {
  const edits = listDoctorEdits(await context.storage.notes.listEdits(record.id));
  const firstDraft = reconstructFirstDraft(record.note, edits);
  let verification: VerificationReport | undefined = record.verification;
  if (edits.length > 0 || verification === undefined) {
    const consultation = await context.storage.consultations.findById(record.consultationId);
    verification =
      consultation === undefined
        ? undefined
        : context.engine.verifyNote(consultation.transcript, firstDraft, { language: firstDraft.language });
  }
  const omissionIds = new Set(verification?.omissions.map((omission) => omission.id) ?? []);
  const changedStatements = new Set(edits.flatMap((edit) => edit.diff.map((change) => change.statementId)));
  const flags = (verification === undefined ? [] : listBlockingFlags(verification, [])).map((flagId) => {
    const kind = omissionIds.has(flagId) ? ('omission' as const) : ('statement' as const);
    return { flagId, kind, resolution: resolveFlag(flagId, kind, record, changedStatements) };
  });
  const approvedAt = record.approvedAt ?? record.updatedAt;
  const before = events.filter((event) => event.at <= approvedAt);
  const ended = before.filter((event) => event.type === 'consultation_ended').at(-1)?.at;
  const characters = measureEditedCharacters(readStatementTexts(firstDraft), readStatementTexts(record.note));
  return {
    noteId: record.id,
    consultationId: record.consultationId,
    doctor: record.approvedBy ?? 'ukjent',
    endedAt: ended ?? consultationCreatedAt,
    approvedAt,
    ...characters,
    flags,
    openedEvidence: [
      ...new Set(
        before.flatMap((event) =>
          event.type === 'evidence_opened' && event.statementId !== undefined ? [event.statementId] : [],
        ),
      ),
    ],
  };
}

/** The review facts of every note approved in the range, read from storage. */
export async function collectReviewFacts(
  context: AppContext,
  range: ReviewRange,
): Promise<NoteReviewFacts[]> {
  const summaries = (await context.storage.consultations.listSummaries()).filter(
    (summary) => summary.noteStatus === 'approved' && summary.noteId !== undefined,
  );
  const records: Array<{ record: NoteRecord; createdAt: string }> = [];
  for (const summary of summaries) {
    const record =
      summary.noteId === undefined ? undefined : await context.storage.notes.findById(summary.noteId);
    if (record?.status !== 'approved') continue;
    if (!isInRange(record.approvedAt ?? record.updatedAt, range)) continue;
    records.push({ record, createdAt: summary.createdAt });
  }
  const events = await context.storage.reviewEvents.listForNotes(records.map(({ record }) => record.id));
  const facts: NoteReviewFacts[] = [];
  for (const { record, createdAt } of records) {
    facts.push(
      await collectNoteFacts(
        context,
        record,
        createdAt,
        events.filter((event) => event.noteId === record.id),
      ),
    );
  }
  return facts;
}
