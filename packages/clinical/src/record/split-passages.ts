import type { RecordDocument, RecordDocumentKind, RecordPassage } from './record-types';
import { findDates } from './norwegian-dates';

/**
 * Splits a record document's text into passages: paragraphs (lines wrapped by a PDF are joined again), each
 * dated by its own leading date or by the dated heading it sits under ("12.03.2024 Kontroll diabetes"), and
 * kept short enough (about 600 characters) that a citation points at something a doctor can read at a glance.
 */

/** Input of `createTextRecordDocument`: the document's id and name, and its text page by page. */
export interface TextRecordInput {
  id: string;
  name: string;
  kind?: RecordDocumentKind;
  /** The text of each page (one element for a text file). */
  pages: readonly string[];
}

const TARGET_LENGTH = 600;
const HARD_LENGTH = 900;

/** A line that opens a labelled part of a note ("Tiltak:", "Us.:", "Blodprøver:"). */
const LABELLED_LINE = /^[\p{Lu}][\p{L}\d .()/-]{0,40}:/u;

interface Unit {
  text: string;
  page: number;
  /** A dated heading: starts a new passage and dates what follows. */
  headingDate?: string;
  /** A blank line or a page start came before it. */
  blockStart: boolean;
}

/**
 * Unicode forms made equal: NFC, line ends, and the Greek mu that PDF text extraction gives for the micro
 * sign (µg, µmol/L), so "µ" typed on a Norwegian keyboard finds both.
 */
export function normalizeRecordText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\u03bc/g, '\u00b5');
}

/** The date a line opens with, when it is a heading ("12.03.2024 Konsultasjon", "Lab 2024-03-12: …"). */
function headingDateOf(line: string): string | undefined {
  const first = findDates(line)[0];
  if (first === undefined) return undefined;
  if (first.index <= 2) return first.iso;
  // A short title line with a date ("Laboratoriesvar – prøve tatt 05.12.2024"), not a sentence that names one
  // ("Blodprøver fra 11.02.2020 viser …", "Kontroll 12.06.2024.").
  if (first.index <= 40 && line.length <= 70 && !/[.!?]$/.test(line)) return first.iso;
  return undefined;
}

/** Lines of one page joined into units: wrapped lines joined, headings and labelled lines kept apart. */
function readUnits(pageText: string, page: number): Unit[] {
  const units: Unit[] = [];
  const blocks = normalizeRecordText(pageText).split(/\n[ \t]*\n/);
  let firstBlock = true;
  for (const block of blocks) {
    const lines = block
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line) => line.length > 0);
    if (lines.length === 0) continue;
    const longest = Math.max(...lines.map((line) => line.length));
    let current: Unit | undefined;
    let previousEnds = true;
    lines.forEach((line, index) => {
      const headingDate = headingDateOf(line);
      const startsNew =
        current === undefined || previousEnds || headingDate !== undefined || LABELLED_LINE.test(line);
      if (startsNew) {
        current = {
          text: line,
          page,
          blockStart: index === 0 || firstBlock,
          ...(headingDate === undefined ? {} : { headingDate }),
        };
        units.push(current);
      } else if (current !== undefined) {
        current.text = `${current.text} ${line}`;
      }
      // A line ends its unit when it ends a sentence or a label, or is clearly shorter than the page's lines.
      previousEnds =
        headingDate !== undefined ||
        (/[.!?:]$/.test(line) && line.length < longest * 0.8) ||
        line.length < longest * 0.55;
    });
    firstBlock = false;
  }
  return units;
}

/** Splits a long unit at sentence ends into pieces of about `TARGET_LENGTH`. */
function splitLongText(text: string): string[] {
  if (text.length <= HARD_LENGTH) return [text];
  const sentences = text.split(/(?<=[.!?])\s+/);
  const pieces: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current.length > 0 && current.length + sentence.length + 1 > TARGET_LENGTH) {
      pieces.push(current);
      current = '';
    }
    current = current.length === 0 ? sentence : `${current} ${sentence}`;
    while (current.length > HARD_LENGTH) {
      const cut = current.lastIndexOf(' ', TARGET_LENGTH);
      const at = cut > TARGET_LENGTH / 2 ? cut : TARGET_LENGTH;
      pieces.push(current.slice(0, at).trim());
      current = current.slice(at).trim();
    }
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}

/** Splits text pages into a record document with dated, numbered passages. */
export function createTextRecordDocument(input: TextRecordInput): RecordDocument {
  const passages: RecordPassage[] = [];
  let currentDate: string | undefined;
  let currentHeading: string | undefined;
  let buffer: Unit[] = [];

  const flush = (): void => {
    if (buffer.length === 0) return;
    const text = buffer.map((unit) => unit.text).join('\n');
    const page = buffer[0]?.page ?? 1;
    for (const piece of splitLongText(text)) {
      const ordinal = passages.length + 1;
      passages.push({
        id: `${input.id}:${ordinal}`,
        documentId: input.id,
        ordinal,
        text: piece,
        ...(input.kind === 'pdf' ? { page } : {}),
        ...(currentDate === undefined ? {} : { date: currentDate }),
        ...(currentHeading === undefined ? {} : { heading: currentHeading }),
      });
    }
    buffer = [];
  };

  input.pages.forEach((pageText, pageIndex) => {
    for (const unit of readUnits(pageText, pageIndex + 1)) {
      const length = buffer.reduce((sum, item) => sum + item.text.length + 1, 0);
      if (unit.headingDate !== undefined) {
        flush();
        currentDate = unit.headingDate;
        currentHeading = unit.text.slice(0, 120);
      } else if (
        buffer.length > 0 &&
        (length + unit.text.length > TARGET_LENGTH || (unit.blockStart && length > TARGET_LENGTH / 3))
      ) {
        flush();
      }
      buffer.push(unit);
    }
  });
  flush();
  return {
    id: input.id,
    name: input.name,
    kind: input.kind ?? 'text',
    ...(input.kind === 'pdf' ? { pageCount: input.pages.length } : {}),
    passages,
  };
}
