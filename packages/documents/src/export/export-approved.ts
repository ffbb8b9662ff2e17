import type { Note, NoteRecord } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import type { ApprovalStamp, ClinicalDocumentContent } from '@kollega/clinical';
import {
  findIcpc2Code,
  findNoteIcpc2Code,
  findTemplate,
  formatApprovalDate,
  formatApprovalLine,
  renderClinicalDocumentText,
  renderNoteText,
  sectionContents,
  REFERRAL_URGENCY_LABELS,
} from '@kollega/clinical';
import type { FhirPatientInput } from '../fhir/build-fhir-document-bundle';
import { buildFhirDocumentBundle } from '../fhir/build-fhir-document-bundle';
import type { FhirBundle } from '../fhir/fhir-resources';
import type { Icpc2SystemChoice } from '../fhir/norwegian-fhir-systems';
import type { PdfSection } from '../pdf/render-pdf';
import { renderPdf } from '../pdf/render-pdf';

/**
 * Exports of approved notes and clinical documents — and of nothing else: text for the EPJ (section headings,
 * the ICPC-2 code when there is one, and "KI-assistert utkast, gjennomgått og godkjent av lege NAME DATE"),
 * a FHIR R4 document Bundle, and PDF.
 */

/** The export formats. */
export const EXPORT_FORMATS = ['text', 'fhir', 'pdf'] as const;
/** An export format; see `EXPORT_FORMATS`. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An ICPC-2 code and its title. */
export interface Icpc2Code {
  code: string;
  title: string;
}

/** An approved note, ready to export. */
export interface ApprovedNote extends ApprovalStamp {
  noteId: string;
  note: Note;
  /** The ICPC-2 codes the doctor chose for the note (`NoteRecord.codes`), main code first. */
  codes?: Icpc2Code[];
  /** The consultation's title, shown under the PDF title. */
  title?: string;
}

/** An approved clinical document (referral, certificate), ready to export. */
export interface ApprovedClinicalDocument extends ApprovalStamp {
  documentId: string;
  content: ClinicalDocumentContent;
}

/** Options of the exports. */
export interface ExportOptions {
  /** An ICPC-2 code to use instead of the one the note names. */
  icpc2Code?: string;
  /** Which ICPC-2 system URI the FHIR export writes (default `http://hl7.org/fhir/sid/icpc-2`). */
  icpc2System?: Icpc2SystemChoice;
  patient?: FhirPatientInput;
  hprNumber?: string;
  software?: { name: string; version: string };
  /** Id generator for FHIR resources (tests). */
  createId?: () => string;
}

/** A file to download or write: its media type, a suggested name and its content. */
export interface ExportedFile {
  contentType: string;
  filename: string;
  body: Buffer;
}

/** A stored note as an approved note; `conflict` when it is a draft (only approved notes may be exported). */
export function requireApprovedNote(record: NoteRecord, title?: string): ApprovedNote {
  if (record.status !== 'approved' || record.approvedBy === undefined || record.approvedAt === undefined) {
    throw new AppError('conflict', 'Bare godkjente notater kan eksporteres; godkjenn notatet først', {
      details: { noteId: record.id, status: record.status },
    });
  }
  return {
    noteId: record.id,
    note: record.note,
    approvedBy: record.approvedBy,
    approvedAt: record.approvedAt,
    ...(record.codes === undefined || record.codes.length === 0
      ? {}
      : { codes: record.codes.map((code) => ({ code: code.code, title: code.title })) }),
    ...(title === undefined ? {} : { title }),
  };
}

/**
 * The ICPC-2 codes of an export: the one chosen for the export (checked against the list), else the codes the
 * doctor chose for the note, else a code the note's text names ("(R74)"); empty when there is none.
 */
export function resolveIcpc2Codes(
  approved: Pick<ApprovedNote, 'note' | 'codes'>,
  chosen: string | undefined,
): Icpc2Code[] {
  if (chosen !== undefined && chosen.trim() !== '') {
    const entry = findIcpc2Code(chosen.trim());
    if (entry === undefined) {
      throw new AppError('invalid_input', 'Ukjent ICPC-2-kode', { details: { field: 'icpc2Code' } });
    }
    return [{ code: entry.code, title: entry.title }];
  }
  if (approved.codes !== undefined && approved.codes.length > 0) return approved.codes;
  const found = findNoteIcpc2Code(approved.note);
  return found === undefined ? [] : [{ code: found.code, title: found.title }];
}

/** The diagnosis line of the EPJ text: "Diagnose: R74 Akutt øvre luftveisinfeksjon" ("Diagnosis:" in English). */
function diagnosisLine(note: Note, codes: readonly Icpc2Code[]): string | undefined {
  if (codes.length === 0) return undefined;
  return `${note.language === 'en' ? 'Diagnosis' : 'Diagnose'}: ${codes.map((code) => `${code.code} ${code.title}`).join('; ')}`;
}

/** The note as text to paste into the EPJ: headed sections, the ICPC-2 code, the approval line. */
export function renderNoteExportText(approved: ApprovedNote, options: ExportOptions = {}): string {
  const line = diagnosisLine(approved.note, resolveIcpc2Codes(approved, options.icpc2Code));
  return [renderNoteText(approved.note), ...(line === undefined ? [] : [line]), formatApprovalLine(approved)]
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** The note's sections as PDF/FHIR sections (statements run together; empty sections left out). */
function noteSections(note: Note): Array<PdfSection & { assessment: boolean }> {
  const template = findTemplate(note.template);
  return note.sections
    .map((section) => {
      const templateSection = template?.sections.find((candidate) => candidate.id === section.id);
      const contents = sectionContents(templateSection ?? { id: section.id, title: section.title });
      return {
        title: section.title,
        text: section.statements
          .map((statement) => statement.text.trim())
          .filter((text) => text !== '')
          .join(' '),
        assessment: contents.includes('assessment'),
      };
    })
    .filter((section) => section.text !== '');
}

function dateForFilename(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? 'udatert';
}

/** The note as PDF (A4): title, consultation, sections, diagnosis, approval line. */
export function renderNotePdf(approved: ApprovedNote, options: ExportOptions = {}): Promise<Buffer> {
  const codes = resolveIcpc2Codes(approved, options.icpc2Code);
  return renderPdf({
    title: 'Journalnotat',
    subtitleLines: [
      ...(approved.title === undefined ? [] : [approved.title]),
      `Godkjent ${formatApprovalDate(approved.approvedAt)} av lege ${approved.approvedBy}`,
    ],
    sections: [
      ...noteSections(approved.note),
      ...(codes.length === 0
        ? []
        : [
            {
              title: 'Diagnose (ICPC-2)',
              text: codes.map((code) => `${code.code} ${code.title}`).join('\n'),
            },
          ]),
    ],
    closingLine: formatApprovalLine(approved),
    author: approved.approvedBy,
    subject: 'Journalnotat',
    createdAt: new Date(approved.approvedAt),
  });
}

/** The note as a FHIR R4 document Bundle (with its text and PDF attached to the DocumentReference). */
export async function buildNoteFhirBundle(
  approved: ApprovedNote,
  options: ExportOptions = {},
): Promise<FhirBundle> {
  const codes = resolveIcpc2Codes(approved, options.icpc2Code);
  return buildFhirDocumentBundle({
    kind: 'journalnotat',
    title: 'Journalnotat',
    sections: noteSections(approved.note),
    text: renderNoteExportText(approved, options),
    pdf: await renderNotePdf(approved, options),
    approvedBy: approved.approvedBy,
    approvedAt: approved.approvedAt,
    language: approved.note.language,
    icpc2Codes: codes,
    ...(options.icpc2System === undefined ? {} : { icpc2System: options.icpc2System }),
    ...(options.patient === undefined ? {} : { patient: options.patient }),
    ...(options.hprNumber === undefined ? {} : { hprNumber: options.hprNumber }),
    ...(options.software === undefined ? {} : { software: options.software }),
    ...(options.createId === undefined ? {} : { createId: options.createId }),
  });
}

/** Exports an approved note in a format. */
export async function exportApprovedNote(
  approved: ApprovedNote,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportedFile> {
  const base = `journalnotat-${dateForFilename(approved.approvedAt)}`;
  switch (format) {
    case 'text':
      return {
        contentType: 'text/plain; charset=utf-8',
        filename: `${base}.txt`,
        body: Buffer.from(`${renderNoteExportText(approved, options)}\n`, 'utf8'),
      };
    case 'fhir':
      return {
        contentType: 'application/fhir+json; charset=utf-8',
        filename: `${base}.fhir.json`,
        body: Buffer.from(
          `${JSON.stringify(await buildNoteFhirBundle(approved, options), null, 2)}\n`,
          'utf8',
        ),
      };
    case 'pdf':
      return {
        contentType: 'application/pdf',
        filename: `${base}.pdf`,
        body: await renderNotePdf(approved, options),
      };
  }
}

/** The subtitle lines of a clinical document's PDF: receiver, urgency, approval. */
function documentSubtitle(approved: ApprovedClinicalDocument): string[] {
  const { content } = approved;
  return [
    ...(content.receiver === undefined ? [] : [`Til: ${content.receiver}`]),
    ...(content.urgency === undefined ? [] : [`Hastegrad: ${REFERRAL_URGENCY_LABELS[content.urgency]}`]),
    `Godkjent ${formatApprovalDate(approved.approvedAt)} av lege ${approved.approvedBy}`,
  ];
}

/** A clinical document as PDF (A4). */
export function renderClinicalDocumentPdf(approved: ApprovedClinicalDocument): Promise<Buffer> {
  return renderPdf({
    title: approved.content.title,
    subtitleLines: documentSubtitle(approved),
    sections: approved.content.sections.map((section) => ({ title: section.title, text: section.text })),
    closingLine: formatApprovalLine(approved),
    author: approved.approvedBy,
    subject: approved.content.title,
    createdAt: new Date(approved.approvedAt),
  });
}

/** A clinical document as a FHIR R4 document Bundle. */
export async function buildClinicalDocumentFhirBundle(
  approved: ApprovedClinicalDocument,
  options: ExportOptions = {},
): Promise<FhirBundle> {
  const { content } = approved;
  return buildFhirDocumentBundle({
    kind: content.kind,
    title: content.title,
    sections: content.sections.map((section) => ({
      title: section.title,
      text: section.text,
      assessment: section.id === 'diagnose',
    })),
    text: renderClinicalDocumentText(content, approved),
    pdf: await renderClinicalDocumentPdf(approved),
    approvedBy: approved.approvedBy,
    approvedAt: approved.approvedAt,
    ...(content.icpc2 === undefined ? {} : { icpc2Codes: [content.icpc2] }),
    ...(options.icpc2System === undefined ? {} : { icpc2System: options.icpc2System }),
    ...(options.patient === undefined ? {} : { patient: options.patient }),
    ...(options.hprNumber === undefined ? {} : { hprNumber: options.hprNumber }),
    ...(options.software === undefined ? {} : { software: options.software }),
    ...(options.createId === undefined ? {} : { createId: options.createId }),
  });
}

/** Exports an approved clinical document in a format. */
export async function exportClinicalDocument(
  approved: ApprovedClinicalDocument,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportedFile> {
  const base = `${approved.content.kind}-${dateForFilename(approved.approvedAt)}`;
  switch (format) {
    case 'text':
      return {
        contentType: 'text/plain; charset=utf-8',
        filename: `${base}.txt`,
        body: Buffer.from(`${renderClinicalDocumentText(approved.content, approved)}\n`, 'utf8'),
      };
    case 'fhir':
      return {
        contentType: 'application/fhir+json; charset=utf-8',
        filename: `${base}.fhir.json`,
        body: Buffer.from(
          `${JSON.stringify(await buildClinicalDocumentFhirBundle(approved, options), null, 2)}\n`,
          'utf8',
        ),
      };
    case 'pdf':
      return {
        contentType: 'application/pdf',
        filename: `${base}.pdf`,
        body: await renderClinicalDocumentPdf(approved),
      };
  }
}
