import type { ClinicalDocumentContent, DocumentSources } from '@kollega/clinical';
import { draftMedicalCertificate, draftReferral, listIncompleteSections } from '@kollega/clinical';
import type { NoteRecord } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import type { ExportFormat, ExportOptions, ExportedFile } from '@kollega/documents';
import { exportApprovedNote, exportClinicalDocument, requireApprovedNote } from '@kollega/documents';
import type { StoredClinicalDocument } from '@kollega/storage';
import type { z } from 'zod';
import type { AppContext } from '../context';
import { getRecordStorage } from '../records/record-storage-access';
import { requirePatientKey, summarizePatientRecord } from '../records/record-service';
import type { DraftDocumentBodySchema, EditDocumentBodySchema } from './document-schemas';
import { ClinicalDocumentContentSchema, ClinicalDocumentViewSchema } from './document-schemas';

/** A clinical document as the API returns it. */
export type ClinicalDocumentView = z.infer<typeof ClinicalDocumentViewSchema>;

/** A stored document as a view: content validated, incomplete sections listed. */
export function toView(stored: StoredClinicalDocument): ClinicalDocumentView {
  const content = ClinicalDocumentContentSchema.parse(stored.content);
  return ClinicalDocumentViewSchema.parse({
    id: stored.id,
    consultationId: stored.consultationId,
    noteId: stored.noteId,
    kind: content.kind,
    version: stored.version,
    status: stored.status,
    content,
    incompleteSections: stored.status === 'approved' ? [] : listIncompleteSections(content),
    createdBy: stored.createdBy,
    ...(stored.approvedBy === undefined ? {} : { approvedBy: stored.approvedBy }),
    ...(stored.approvedAt === undefined ? {} : { approvedAt: stored.approvedAt }),
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  });
}

/** The consultation's note, or `not_found`. */
async function requireConsultationNote(context: AppContext, consultationId: string): Promise<NoteRecord> {
  const consultation = await context.storage.consultations.findById(consultationId);
  if (!consultation)
    throw new AppError('not_found', 'Fant ikke konsultasjonen', { details: { consultationId } });
  const record = await context.storage.notes.findByConsultationId(consultationId);
  if (!record)
    throw new AppError('not_found', 'Konsultasjonen har ikke notat ennå', { details: { consultationId } });
  return record;
}

/**
 * A stored document, or `not_found` — also when its consultation is not visible to the user (the consultation
 * repository is scoped to the signed-in user's practice).
 */
export async function requireDocument(
  context: AppContext,
  documentId: string,
): Promise<StoredClinicalDocument> {
  const stored = await (await getRecordStorage(context)).clinicalDocuments.findById(documentId);
  if (!stored || (await context.storage.consultations.findById(stored.consultationId)) === undefined) {
    throw new AppError('not_found', 'Fant ikke dokumentet', { details: { documentId } });
  }
  return stored;
}

/** The consultation's note state and documents, newest first. */
export async function listConsultationDocuments(context: AppContext, consultationId: string) {
  const consultation = await context.storage.consultations.findById(consultationId);
  if (!consultation)
    throw new AppError('not_found', 'Fant ikke konsultasjonen', { details: { consultationId } });
  const record = await context.storage.notes.findByConsultationId(consultationId);
  const items = await (await getRecordStorage(context)).clinicalDocuments.listByConsultation(consultationId);
  return {
    note:
      record === undefined
        ? null
        : {
            id: record.id,
            status: record.status,
            ...(record.approvedBy === undefined ? {} : { approvedBy: record.approvedBy }),
            ...(record.approvedAt === undefined ? {} : { approvedAt: record.approvedAt }),
          },
    items: items.map(toView),
  };
}

/**
 * Drafts a referral or certificate from the consultation's approved note (and the patient's record when a
 * key is given). A note that is not approved is refused with `conflict`.
 */
export async function draftConsultationDocument(
  context: AppContext,
  consultationId: string,
  body: z.infer<typeof DraftDocumentBodySchema>,
): Promise<ClinicalDocumentView> {
  const record = await requireConsultationNote(context, consultationId);
  const approved = requireApprovedNote(record);
  const consultation = await context.storage.consultations.findById(consultationId);
  const patientKey =
    body.patientKey === undefined || body.patientKey === '' ? undefined : requirePatientKey(body.patientKey);
  const sources: DocumentSources = {
    note: approved.note,
    approvedBy: approved.approvedBy,
    approvedAt: approved.approvedAt,
    ...(consultation === undefined ? {} : { consultationDate: consultation.createdAt }),
    ...(approved.codes === undefined ? {} : { icpc2Codes: approved.codes }),
    ...(patientKey === undefined ? {} : { recordSummary: await summarizePatientRecord(context, patientKey) }),
  };
  const optional = <T>(value: T | undefined) => (value === undefined || value === '' ? undefined : value);
  const content =
    body.kind === 'henvisning'
      ? draftReferral(sources, {
          ...(optional(body.receiver) === undefined ? {} : { receiver: body.receiver }),
          ...(optional(body.question) === undefined ? {} : { question: body.question }),
          ...(body.urgency === undefined ? {} : { urgency: body.urgency }),
          ...(optional(body.icpc2Code) === undefined ? {} : { icpc2Code: body.icpc2Code }),
        })
      : draftMedicalCertificate(sources, {
          ...(optional(body.receiver) === undefined ? {} : { receiver: body.receiver }),
          ...(optional(body.purpose) === undefined ? {} : { purpose: body.purpose }),
          ...(optional(body.icpc2Code) === undefined ? {} : { icpc2Code: body.icpc2Code }),
        });
  const stored = await (
    await getRecordStorage(context)
  ).clinicalDocuments.create({
    consultationId,
    noteId: record.id,
    kind: body.kind,
    content,
    request: { kind: body.kind, urgency: body.urgency ?? null, withRecord: patientKey !== undefined },
    createdBy: body.createdBy ?? 'anonym',
  });
  return toView(stored);
}

/** Saves edited section texts of a draft; sections whose text changed are marked `edited`. */
export async function editDocument(
  context: AppContext,
  documentId: string,
  body: z.infer<typeof EditDocumentBodySchema>,
): Promise<ClinicalDocumentView> {
  const stored = await requireDocument(context, documentId);
  const content = ClinicalDocumentContentSchema.parse(stored.content);
  const known = new Set(content.sections.map((section) => section.id));
  const unknown = body.sections.find((section) => !known.has(section.id));
  if (unknown !== undefined) {
    throw new AppError('invalid_input', 'Ukjent seksjon i dokumentet', {
      details: { sectionId: unknown.id.slice(0, 40) },
    });
  }
  const texts = new Map(body.sections.map((section) => [section.id, section.text]));
  const edited: ClinicalDocumentContent = {
    ...content,
    sections: content.sections.map((section) => {
      const text = texts.get(section.id);
      if (text === undefined || text === section.text) return section;
      return { ...section, text, edited: true };
    }),
  };
  const saved = await (
    await getRecordStorage(context)
  ).clinicalDocuments.saveEdit({
    id: documentId,
    expectedVersion: body.version,
    content: edited,
  });
  return toView(saved);
}

/** Approves a draft in a doctor's name; `approval_blocked` while a section still needs the doctor's text. */
export async function approveDocument(
  context: AppContext,
  documentId: string,
  input: { approvedBy: string; version: number },
): Promise<ClinicalDocumentView> {
  const view = toView(await requireDocument(context, documentId));
  if (view.status === 'draft' && view.incompleteSections.length > 0) {
    throw new AppError(
      'approval_blocked',
      `Dokumentet kan ikke godkjennes før ${view.incompleteSections.length} seksjon(er) er fylt ut`,
      { details: { documentId, sectionIds: view.incompleteSections.join(',') } },
    );
  }
  const approved = await (
    await getRecordStorage(context)
  ).clinicalDocuments.approve({
    id: documentId,
    expectedVersion: input.version,
    approvedBy: input.approvedBy,
  });
  return toView(approved);
}

/** Exports an approved document (`conflict` for a draft). */
export async function exportDocument(
  context: AppContext,
  documentId: string,
  format: ExportFormat,
  options: ExportOptions,
): Promise<ExportedFile> {
  const view = toView(await requireDocument(context, documentId));
  if (view.status !== 'approved' || view.approvedBy === undefined || view.approvedAt === undefined) {
    throw new AppError('conflict', 'Bare godkjente dokumenter kan eksporteres; godkjenn dokumentet først', {
      details: { documentId, status: view.status },
    });
  }
  return exportClinicalDocument(
    {
      documentId,
      content: view.content,
      approvedBy: view.approvedBy,
      approvedAt: view.approvedAt,
    },
    format,
    { ...options, software: { name: 'Kollega', version: context.version } },
  );
}

/** Exports an approved note (`conflict` for a draft). */
export async function exportNote(
  context: AppContext,
  noteId: string,
  format: ExportFormat,
  options: ExportOptions,
): Promise<ExportedFile> {
  const record = await context.storage.notes.findById(noteId);
  if (!record) throw new AppError('not_found', 'Fant ikke notatet', { details: { noteId } });
  const consultation = await context.storage.consultations.findById(record.consultationId);
  return exportApprovedNote(requireApprovedNote(record, consultation?.title), format, {
    ...options,
    software: { name: 'Kollega', version: context.version },
  });
}
