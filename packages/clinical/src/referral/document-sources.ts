import type { Note } from '@kollega/domain';
import type { RecordCitation, RecordSummary, RecordSummaryItem } from '../record/record-types';
import { formatNorwegianDate } from '../record/norwegian-dates';
import type { ClinicalDocumentSection, DocumentEvidence } from './clinical-document-types';
import type { NoteStatementView } from './note-reading';

/** What a document is drafted from: the approved note and, when imported, the patient's record summary. */
export interface DocumentSources {
  note: Note;
  /** The doctor who approved the note; named as the referring doctor / author. */
  approvedBy?: string;
  /** ISO time of the note's approval. */
  approvedAt?: string;
  /** ISO date or time of the consultation. */
  consultationDate?: string;
  /** The ICPC-2 codes the doctor chose for the note (`NoteRecord.codes`), first the main one. */
  icpc2Codes?: ReadonlyArray<{ code: string; title: string }>;
  /** The record summary (`summarizeRecord`), when the patient's record was imported. */
  recordSummary?: RecordSummary;
}

/** One line of a section and the evidence behind it. */
export interface SourcedLine {
  text: string;
  evidence: DocumentEvidence[];
}

/** The evidence of a note statement. */
export function noteEvidence(view: NoteStatementView): DocumentEvidence {
  return {
    source: 'note',
    id: view.statement.id,
    label: `Notat: ${view.sectionTitle}`,
    quote: view.statement.text,
    segments: [...view.statement.evidence],
  };
}

/** The evidence of a record citation. */
export function recordEvidence(citation: RecordCitation): DocumentEvidence {
  return { source: 'record', id: citation.passageId, label: citation.label, quote: citation.quote };
}

/** The evidence of something the doctor typed when asking for the draft. */
export function inputEvidence(field: string, value: string): DocumentEvidence {
  return { source: 'input', id: field, label: 'Oppgitt av lege', quote: value };
}

/** Note statements as lines. */
export function linesFromStatements(views: readonly NoteStatementView[]): SourcedLine[] {
  return views.map((view) => ({ text: view.statement.text.trim(), evidence: [noteEvidence(view)] }));
}

/** Record summary items as lines: "text (detail, dd.mm.yyyy)". */
export function linesFromSummary(items: readonly RecordSummaryItem[], limit: number): SourcedLine[] {
  return items.slice(0, limit).map((item) => {
    const notes = [
      item.detail,
      item.date === undefined || item.detail?.includes(formatNorwegianDate(item.date))
        ? undefined
        : formatNorwegianDate(item.date),
    ].filter((part): part is string => part !== undefined && part !== '');
    return {
      text: `${item.text}${notes.length === 0 ? '' : ` (${notes.join(', ')})`}`,
      evidence: item.citations.map(recordEvidence),
    };
  });
}

/** Removes lines whose text repeats an earlier line (case and punctuation ignored). */
export function uniqueLines(lines: readonly SourcedLine[]): SourcedLine[] {
  const seen = new Set<string>();
  return lines.filter((line) => {
    const key = line.text
      .toLowerCase()
      .replace(/[^\p{L}\d]+/gu, ' ')
      .trim();
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Options of `buildSection`. */
export interface BuildSectionOptions {
  id: string;
  title: string;
  lines: readonly SourcedLine[];
  /** Written when there are no lines. */
  fallback?: string;
  /** Lines on their own rows (lists) or run together as prose. */
  layout?: 'list' | 'prose';
  required?: boolean;
}

/** A document section from sourced lines: text joined as a list or as prose, evidence gathered. */
export function buildSection(options: BuildSectionOptions): ClinicalDocumentSection {
  const lines = uniqueLines(options.lines);
  const text =
    lines.length === 0
      ? (options.fallback ?? '')
      : options.layout === 'prose'
        ? lines.map((line) => line.text).join(' ')
        : lines.map((line) => (lines.length > 1 ? `– ${line.text}` : line.text)).join('\n');
  const evidence = lines.flatMap((line) => line.evidence);
  return {
    id: options.id,
    title: options.title,
    text,
    evidence: evidence.filter(
      (item, position) =>
        evidence.findIndex((other) => other.source === item.source && other.id === item.id) === position,
    ),
    ...(options.required === true ? { required: true } : {}),
  };
}

/** A placeholder the doctor must replace before approval. */
export function placeholder(what: string): string {
  return `[Fylles ut: ${what}]`;
}
