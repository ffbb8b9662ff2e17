import type { NoteRecord } from '@kollega/domain';
import { AppError, isAppError } from '@kollega/domain';
import type { PatientSentenceLayout, PatientSummary, PatientSummarySentence } from '@kollega/clinical';
import {
  buildPatientSummary,
  computePatientSummaryLix,
  findUntraceableSentences,
  verifyPatientSummary,
} from '@kollega/clinical';
import type { TextModel } from '@kollega/ai';
import type { PatientSummaryRecord } from '@kollega/storage';
import type { AppContext } from '../context';
import { translatePatientSummary } from './translate-patient-summary';

/** A stored summary with its content typed. */
export type TypedSummaryRecord = Omit<PatientSummaryRecord, 'summary'> & { summary: PatientSummary };

function typed(record: PatientSummaryRecord): TypedSummaryRecord {
  return { ...record, summary: record.summary as PatientSummary };
}

/** Loads a note or throws `not_found`. */
async function requireNoteRecord(context: AppContext, noteId: string): Promise<NoteRecord> {
  const record = await context.storage.notes.findById(noteId);
  if (!record) throw new AppError('not_found', 'Fant ikke notatet', { details: { noteId } });
  return record;
}

/** Loads a patient summary or throws `not_found`. */
export async function requirePatientSummary(
  context: AppContext,
  summaryId: string,
): Promise<TypedSummaryRecord> {
  const record = await context.storage.patientTools.findSummaryById(summaryId);
  if (!record) throw new AppError('not_found', 'Fant ikke pasientoppsummeringen', { details: { summaryId } });
  return typed(record);
}

/**
 * Sets each checkable sentence's `support`: the verifier's verdict against the note, made stricter by the
 * lexical check (a note-derived sentence with a word its evidence lacks is `unsupported`). Recomputes LIX.
 */
export function checkSummaryAgainstNote(note: NoteRecord['note'], summary: PatientSummary): PatientSummary {
  if (summary.language !== note.language) return { ...summary, lix: computePatientSummaryLix(summary) };
  const verified = verifyPatientSummary(note, summary).summary;
  const untraceable = new Set(findUntraceableSentences(note, verified).map((item) => item.sentenceId));
  const checked: PatientSummary = {
    ...verified,
    sections: verified.sections.map((section) => ({
      ...section,
      sentences: section.sentences.map((sentence) =>
        untraceable.has(sentence.id) ? { ...sentence, support: 'unsupported' as const } : sentence,
      ),
    })),
  };
  return { ...checked, lix: computePatientSummaryLix(checked) };
}

/** Ids of sentences the doctor must look at: unsupported or contradicted by the note, or changed numbers. */
export function listFlaggedSentences(summary: PatientSummary): string[] {
  return summary.sections.flatMap((section) =>
    section.sentences
      .filter((sentence) => sentence.support === 'unsupported' || sentence.support === 'contradicted')
      .map((sentence) => sentence.id),
  );
}

/** The translation model, or `unavailable` saying that none is configured (or the policy refuses it). */
export function requireTranslationModel(context: AppContext): TextModel {
  const id = context.models.registry.resolve('translation');
  if (id === undefined) {
    throw new AppError(
      'unavailable',
      'Ingen språkmodell er satt opp for oversettelse (KOLLEGA_MODEL_TRANSLATION). Den innebygde motoren skriver bare på notatets språk (bokmål eller engelsk).',
      { details: { purpose: 'translation' } },
    );
  }
  return context.models.registry.textModel('translation');
}

/** Whether translation is possible, for the page. */
export function describeTranslation(context: AppContext): {
  available: boolean;
  model: string | null;
  message: string;
} {
  try {
    const model = requireTranslationModel(context);
    return {
      available: true,
      model: `${model.provider}:${model.modelId}`,
      message: 'Andre språk oversettes av språkmodellen og merkes som maskinoversatt.',
    };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { available: false, model: null, message: error.message };
  }
}

/**
 * Drafts (or re-drafts) the patient summary of an approved note in a language: the built-in engine writes it in
 * the note's language; any other language is a machine translation of that by the configured model. A note
 * that is not approved is refused (`conflict`, `details.reason = note_not_approved`).
 */
export async function draftPatientSummary(
  context: AppContext,
  noteId: string,
  input: { language?: string },
): Promise<TypedSummaryRecord> {
  const record = await requireNoteRecord(context, noteId);
  if (record.status !== 'approved') {
    throw new AppError('conflict', 'Notatet må være godkjent av lege før pasientoppsummeringen kan lages', {
      details: { noteId, reason: 'note_not_approved' },
    });
  }
  const language = input.language ?? record.note.language;
  const base = checkSummaryAgainstNote(record.note, buildPatientSummary(record.note));
  const summary =
    language === record.note.language
      ? base
      : await translatePatientSummary(requireTranslationModel(context), base, language, {
          consultationId: record.consultationId,
        });
  return typed(
    await context.storage.patientTools.saveSummaryDraft({
      noteId,
      consultationId: record.consultationId,
      language,
      summary,
    }),
  );
}

/**
 * Saves the doctor's edit of a draft: sentences keep their ids and evidence unless changed; a changed text
 * becomes `edited`; a new sentence has no evidence. Evidence must name statements of the note. The summary
 * is checked against the note again and LIX recomputed.
 */
export async function editPatientSummary(
  context: AppContext,
  summaryId: string,
  input: {
    version: number;
    sections: Array<{
      id: string;
      sentences: Array<{
        id?: string | undefined;
        text: string;
        evidence?: string[] | undefined;
        layout?: PatientSentenceLayout | undefined;
      }>;
    }>;
  },
): Promise<TypedSummaryRecord> {
  const record = await requirePatientSummary(context, summaryId);
  const note = await requireNoteRecord(context, record.noteId);
  const statementIds = new Set(
    note.note.sections.flatMap((section) => section.statements.map((statement) => statement.id)),
  );
  const previous = new Map(
    record.summary.sections.flatMap((section) =>
      section.sentences.map((sentence) => [sentence.id, sentence] as const),
    ),
  );
  const used = new Set<string>();
  let counter = previous.size;
  const nextId = () => {
    let id: string;
    do id = `p${(counter += 1)}`;
    while (previous.has(id) || used.has(id));
    return id;
  };
  const sections = input.sections.map((section) => {
    const existing = record.summary.sections.find((candidate) => candidate.id === section.id);
    if (!existing) {
      throw new AppError('invalid_input', `Ukjent del av oppsummeringen: «${section.id.slice(0, 40)}»`, {
        details: { sectionId: section.id.slice(0, 40) },
      });
    }
    const sentences = section.sentences.map((sentence): PatientSummarySentence => {
      const before = sentence.id === undefined ? undefined : previous.get(sentence.id);
      const id = before !== undefined && !used.has(before.id) ? before.id : nextId();
      used.add(id);
      const evidence = sentence.evidence ?? before?.evidence ?? [];
      const unknown = evidence.find((statementId) => !statementIds.has(statementId));
      if (unknown !== undefined) {
        throw new AppError(
          'invalid_input',
          `Setningen viser til «${unknown.slice(0, 40)}», som ikke finnes i notatet`,
          {
            details: { sentenceId: id, statementId: unknown.slice(0, 40) },
          },
        );
      }
      const unchanged =
        before !== undefined && before.text === sentence.text && evidence.join() === before.evidence.join();
      if (unchanged) return { ...before, id, layout: sentence.layout ?? before.layout };
      return {
        id,
        text: sentence.text,
        evidence,
        origin: 'edited',
        layout: sentence.layout ?? before?.layout ?? 'text',
        ...(before?.source === undefined ? {} : { source: before.source }),
      };
    });
    return { ...existing, sentences };
  });
  const edited: PatientSummary = { ...record.summary, sections };
  return typed(
    await context.storage.patientTools.saveSummaryEdit({
      id: summaryId,
      expectedVersion: input.version,
      summary: checkSummaryAgainstNote(note.note, edited),
    }),
  );
}

/**
 * Approves a draft in a doctor's name. While sentences are flagged the doctor must confirm having checked them
 * (`confirmFlagged`), else `approval_blocked`.
 */
export async function approvePatientSummary(
  context: AppContext,
  summaryId: string,
  input: { approvedBy: string; version: number; confirmFlagged?: boolean },
): Promise<TypedSummaryRecord> {
  const record = await requirePatientSummary(context, summaryId);
  const flagged = listFlaggedSentences(record.summary);
  if (flagged.length > 0 && input.confirmFlagged !== true && record.status === 'draft') {
    throw new AppError(
      'approval_blocked',
      `${flagged.length} setninger er merket; kontroller dem og bekreft før godkjenning`,
      { details: { summaryId, count: flagged.length, flaggedSentenceIds: flagged.join(',') } },
    );
  }
  return typed(
    await context.storage.patientTools.approveSummary({
      id: summaryId,
      expectedVersion: input.version,
      approvedBy: input.approvedBy,
    }),
  );
}
