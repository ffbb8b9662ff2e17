import type { Language, Support } from '@kollega/domain';

/**
 * Sections of a patient summary, in reading order: what the doctor thinks it is, what was found, what to do,
 * how to take the medicine, and when to seek help again.
 */
export const PATIENT_SUMMARY_SECTION_IDS = ['vurdering', 'funn', 'gjore', 'medisin', 'hjelp'] as const;
/** A patient-summary section id; see `PATIENT_SUMMARY_SECTION_IDS`. */
export type PatientSummarySectionId = (typeof PATIENT_SUMMARY_SECTION_IDS)[number];

/**
 * Where a sentence comes from:
 * - `note`: rewritten from the approved note (its `evidence` lists the note statement ids);
 * - `guideline`: safety-netting advice from a named guideline (`source`), keyed to the condition in the note;
 * - `edited`: written or changed by the doctor.
 */
export type PatientSentenceOrigin = 'note' | 'guideline' | 'edited';

/** How a sentence is laid out: running text, a lead-in to a list ("Ring 113 hvis:"), or a list item. */
export type PatientSentenceLayout = 'text' | 'lead' | 'item';

/** One sentence of a patient summary with what it rests on. */
export interface PatientSummarySentence {
  id: string;
  text: string;
  /** Ids of the note statements the sentence restates; empty for guideline advice. */
  evidence: string[];
  origin: PatientSentenceOrigin;
  layout: PatientSentenceLayout;
  /** Id of the guideline source (in `PatientSummary.sources`) for guideline sentences. */
  source?: string;
  /** The verifier's verdict against the note (note-derived and edited sentences). */
  support?: Support;
}

/** A section of a patient summary. */
export interface PatientSummarySection {
  id: PatientSummarySectionId;
  title: string;
  sentences: PatientSummarySentence[];
}

/** Evidence tags of the domain knowledge file: verified, partly verified, general knowledge (check!). */
export type SourceEvidenceTag = 'V' | 'P' | 'GK';

/** A named source of safety-netting advice, with its version and how well it was verified. */
export interface PatientAdviceSource {
  id: string;
  /** Citation in the summary's language. */
  citation: string;
  version: string;
  evidence: SourceEvidenceTag;
}

/** A condition the safety-netting advice was keyed to, and the note statements that named it. */
export interface DetectedPatientCondition {
  id: string;
  label: string;
  statementIds: string[];
}

/**
 * A summary of an approved note for the patient: plain language, each sentence traceable to the note
 * (or to a named guideline), never a statement the doctor marked internal.
 * `language` is a BCP 47 code (`nb`, `en`, or a machine-translated language such as `pl`).
 */
export interface PatientSummary {
  language: string;
  /** Language of the note the summary was made from. */
  noteLanguage: Language;
  title: string;
  sections: PatientSummarySection[];
  sources: PatientAdviceSource[];
  conditions: DetectedPatientCondition[];
  /** LIX of the headings and sentences (source citations excluded); see `computeLix`. */
  lix: number;
  /** `builtin`, or the `provider:model` that translated it. */
  engine: string;
  machineTranslated: boolean;
}
