import type { RecordCitation, RecordDocument, RecordPassage, RecordSearchHit } from './record-types';
import { formatNorwegianDate } from './norwegian-dates';
import { tokenizeNorwegian } from './norwegian-terms';

/**
 * A BM25 index over a patient's record passages (Robertson & Zaragoza, "The Probabilistic Relevance
 * Framework: BM25 and Beyond", 2009; k1 = 1.2, b = 0.75), on Norwegian-aware terms (see norwegian-terms.ts).
 */

const K1 = 1.2;
const B = 0.75;

interface Posting {
  passage: number;
  frequency: number;
}

/** A searchable record: its documents, their passages in order, and the inverted index. */
export interface RecordIndex {
  documents: ReadonlyMap<string, RecordDocument>;
  passages: readonly RecordPassage[];
  /** Position of each passage in `passages`, by passage id. */
  passagePositions: ReadonlyMap<string, number>;
  postings: ReadonlyMap<string, readonly Posting[]>;
  passageLengths: readonly number[];
  averageLength: number;
}

/** Builds the index of a record. Passage ids must be unique across the documents. */
export function createRecordIndex(documents: readonly RecordDocument[]): RecordIndex {
  const passages: RecordPassage[] = [];
  const postings = new Map<string, Posting[]>();
  const passageLengths: number[] = [];
  const passagePositions = new Map<string, number>();
  for (const document of documents) {
    for (const passage of document.passages) {
      const position = passages.length;
      passages.push(passage);
      passagePositions.set(passage.id, position);
      const terms = tokenizeNorwegian(`${passage.heading ?? ''} ${passage.text}`);
      passageLengths.push(terms.length);
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, frequency] of counts) {
        let list = postings.get(term);
        if (!list) {
          list = [];
          postings.set(term, list);
        }
        list.push({ passage: position, frequency });
      }
    }
  }
  const total = passageLengths.reduce((sum, length) => sum + length, 0);
  return {
    documents: new Map(documents.map((document) => [document.id, document])),
    passages,
    passagePositions,
    postings,
    passageLengths,
    averageLength: passages.length === 0 ? 0 : total / passages.length,
  };
}

/** Inverse document frequency of a term (BM25's, floored at a small positive value). */
export function inverseDocumentFrequency(index: RecordIndex, term: string): number {
  const count = index.postings.get(term)?.length ?? 0;
  const total = index.passages.length;
  return Math.max(0.01, Math.log(1 + (total - count + 0.5) / (count + 0.5)));
}

/** BM25 scores of every passage that holds at least one of the terms, by passage position. */
export function scorePassages(index: RecordIndex, terms: readonly string[]): Map<number, number> {
  const scores = new Map<number, number>();
  for (const term of new Set(terms)) {
    const list = index.postings.get(term);
    if (!list) continue;
    const idf = inverseDocumentFrequency(index, term);
    for (const posting of list) {
      const length = index.passageLengths[posting.passage] ?? 0;
      const norm = K1 * (1 - B + (B * length) / (index.averageLength || 1));
      const score = (idf * posting.frequency * (K1 + 1)) / (posting.frequency + norm);
      scores.set(posting.passage, (scores.get(posting.passage) ?? 0) + score);
    }
  }
  return scores;
}

/** How a person finds a passage again: "journal.pdf, side 12, avsnitt 34". */
export function describePassageLocation(documentName: string, passage: RecordPassage): string {
  return `${documentName}${passage.page === undefined ? '' : `, side ${passage.page}`}, avsnitt ${passage.ordinal}`;
}

/** The citation of a passage, quoting `quote` (default: the passage, shortened to 300 characters). */
export function citePassage(index: RecordIndex, passage: RecordPassage, quote?: string): RecordCitation {
  const documentName = index.documents.get(passage.documentId)?.name ?? passage.documentId;
  const text = quote ?? (passage.text.length > 300 ? `${passage.text.slice(0, 297)}…` : passage.text);
  return {
    documentId: passage.documentId,
    documentName,
    passageId: passage.id,
    ...(passage.page === undefined ? {} : { page: passage.page }),
    ...(passage.date === undefined ? {} : { date: passage.date }),
    quote: text,
    label: `${describePassageLocation(documentName, passage)}${passage.date === undefined ? '' : ` (${formatNorwegianDate(passage.date)})`}`,
  };
}

/** Options of `searchRecord`. */
export interface SearchRecordOptions {
  /** At most this many hits (default 10). */
  limit?: number;
}

/** Searches the record with BM25; hits best first (ties: newer passage first). */
export function searchRecord(
  index: RecordIndex,
  query: string,
  options: SearchRecordOptions = {},
): RecordSearchHit[] {
  const terms = tokenizeNorwegian(query);
  if (terms.length === 0) return [];
  const scores = scorePassages(index, terms);
  return [...scores.entries()]
    .sort((left, right) => {
      const byScore = right[1] - left[1];
      if (Math.abs(byScore) > 1e-9) return byScore;
      return (index.passages[right[0]]?.date ?? '').localeCompare(index.passages[left[0]]?.date ?? '');
    })
    .slice(0, options.limit ?? 10)
    .flatMap(([position, score]) => {
      const passage = index.passages[position];
      if (passage === undefined) return [];
      const citation = citePassage(index, passage);
      return [{ passage, documentName: citation.documentName, score, citation }];
    });
}

/** A passage by id, or undefined. */
export function findPassage(index: RecordIndex, passageId: string): RecordPassage | undefined {
  const position = index.passagePositions.get(passageId);
  return position === undefined ? undefined : index.passages[position];
}
