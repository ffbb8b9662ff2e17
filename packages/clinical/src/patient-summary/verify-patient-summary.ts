import type { Note, StatementCheck, Transcript } from '@kollega/domain';
import { verifyNote } from '../verifier/verify-note';
import { isPatientVisible } from './build-patient-summary';
import { expandShorthand } from './expand-shorthand';
import type { PatientSummary } from './types';

/** The verifier's verdict on each checkable sentence of a patient summary. */
export interface PatientSummaryVerification {
  /** The summary with `support` set on every note-derived or edited sentence. */
  summary: PatientSummary;
  checks: StatementCheck[];
  /** Sentences that cite a statement the patient may not see (internal) or that the note does not have. */
  invalidEvidence: string[];
}

/**
 * The note's patient-visible statements as a "transcript": one segment per statement, id = statement id, with
 * GP shorthand written out (the verifier reads transcripts as plain speech, in which "T 38,6" or "bilat." are
 * not words). The expansion itself is covered by the shorthand tests.
 */
export function noteAsTranscript(note: Note): Transcript {
  return {
    segments: note.sections.flatMap((section) =>
      section.statements
        .filter((statement) => isPatientVisible(section, statement))
        .map((statement) => ({
          id: statement.id,
          speaker: 'lege' as const,
          text: expandShorthand(statement.text, note.language),
        })),
    ),
  };
}

/**
 * Checks that every sentence of a patient summary that claims to come from the note (or was edited by the
 * doctor) says nothing the note does not say: the verifier runs with the note's patient-visible statements as
 * the transcript, so content from an internal statement counts as unsupported. Guideline advice is not checked
 * here (it names its own source). A machine-translated summary cannot be checked this way; its sentences stay
 * `unverified`.
 */
export function verifyPatientSummary(note: Note, summary: PatientSummary): PatientSummaryVerification {
  const transcript = noteAsTranscript(note);
  const visibleIds = new Set(transcript.segments.map((segment) => segment.id));
  const checkable = (origin: string) => origin === 'note' || origin === 'edited';
  const invalidEvidence = summary.sections.flatMap((section) =>
    section.sentences
      .filter((sentence) => sentence.evidence.some((id) => !visibleIds.has(id)))
      .map((sentence) => sentence.id),
  );
  if (summary.language !== note.language) {
    return { summary, checks: [], invalidEvidence };
  }
  const report = verifyNote(
    transcript,
    {
      template: 'pasientoppsummering',
      language: note.language,
      sections: summary.sections.map((section) => ({
        id: section.id,
        title: section.title,
        statements: section.sentences
          .filter((sentence) => checkable(sentence.origin))
          .map((sentence) => ({
            id: sentence.id,
            text: sentence.text,
            evidence: sentence.evidence.filter((id) => visibleIds.has(id)),
            support: 'unverified' as const,
          })),
      })),
    },
    { language: note.language },
  );
  const supportById = new Map(report.statements.map((check) => [check.statementId, check.support]));
  return {
    summary: {
      ...summary,
      sections: summary.sections.map((section) => ({
        ...section,
        sentences: section.sentences.map((sentence) => {
          const support = supportById.get(sentence.id);
          const invalid = invalidEvidence.includes(sentence.id);
          if (invalid) return { ...sentence, support: 'unsupported' as const };
          return support === undefined ? sentence : { ...sentence, support };
        }),
      })),
    },
    checks: report.statements,
    invalidEvidence,
  };
}

/** Words the summary's rewording may add to a statement ("Ny kontakt ved" → "Ta kontakt igjen ved"). */
const REWORDING_WORDS = new Set([
  'ta',
  'kontakt',
  'igjen',
  'ring',
  'kontakten',
  'legevakten',
  'på',
  'come',
  'back',
]);

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A summary sentence with words its evidence statements do not contain. */
export interface UntraceableSentence {
  sentenceId: string;
  words: string[];
}

/**
 * A strict, lexical traceability check: every word of a note-derived sentence must occur in its evidence
 * statements (with GP shorthand written out), apart from the few words the rewording adds. Edited and
 * guideline sentences are not checked; a translated summary cannot be.
 */
export function findUntraceableSentences(note: Note, summary: PatientSummary): UntraceableSentence[] {
  if (summary.language !== note.language) return [];
  const transcript = noteAsTranscript(note);
  const textById = new Map(transcript.segments.map((segment) => [segment.id, segment.text]));
  const result: UntraceableSentence[] = [];
  for (const section of summary.sections) {
    for (const sentence of section.sentences) {
      if (sentence.origin !== 'note') continue;
      const available = new Set(sentence.evidence.flatMap((id) => wordsOf(textById.get(id) ?? '')));
      const missing = wordsOf(sentence.text).filter(
        (word) => !available.has(word) && !REWORDING_WORDS.has(word),
      );
      if (sentence.evidence.length === 0 || missing.length > 0)
        result.push({ sentenceId: sentence.id, words: missing });
    }
  }
  return result;
}
