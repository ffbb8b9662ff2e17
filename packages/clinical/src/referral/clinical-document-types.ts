/**
 * Documents Kollega drafts from an approved note (and, when given, the patient's record): a referral
 * (henvisning) and a medical certificate (legeerklæring). Each section keeps links to the evidence it was
 * drafted from, so the doctor can check every line before approving.
 */

/** The kinds of document. */
export const CLINICAL_DOCUMENT_KINDS = ['henvisning', 'legeerklaering'] as const;
/** A kind of clinical document; see `CLINICAL_DOCUMENT_KINDS`. */
export type ClinicalDocumentKind = (typeof CLINICAL_DOCUMENT_KINDS)[number];

/** Referral urgency (hastegrad, Henvisningsveilederen): ordinary, urgent, or emergency (øyeblikkelig hjelp). */
export const REFERRAL_URGENCIES = ['ordinaer', 'haster', 'akutt'] as const;
/** A referral urgency; see `REFERRAL_URGENCIES`. */
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

/** How each urgency is written in the referral. */
export const REFERRAL_URGENCY_LABELS: Record<ReferralUrgency, string> = {
  ordinaer: 'Ordinær',
  haster: 'Haster',
  akutt: 'Øyeblikkelig hjelp',
};

/**
 * Where a line of a drafted document comes from:
 * - `note`: a statement of the approved note (`id` is the statement id; `segments` its transcript evidence);
 * - `record`: a passage of the patient's record (`id` is the passage id);
 * - `input`: what the doctor typed when asking for the draft (receiver, question, urgency).
 * `label` says where to look ("Notat: Us.", "journal.pdf, side 12, avsnitt 34"); `quote` is the source text.
 */
export interface DocumentEvidence {
  source: 'note' | 'record' | 'input';
  id: string;
  label: string;
  quote?: string;
  segments?: string[];
}

/**
 * One section of a drafted document.
 * - `text` is plain text (lists one item per line) and is what the doctor edits.
 * - `required` sections must not be left empty; placeholders `[Fylles ut: …]` mark what the doctor must write.
 * - `edited` becomes true once the doctor changed the text (its evidence then describes the first draft).
 */
export interface ClinicalDocumentSection {
  id: string;
  title: string;
  text: string;
  evidence: DocumentEvidence[];
  required?: boolean;
  edited?: boolean;
}

/** A drafted (or edited) clinical document's content. */
export interface ClinicalDocumentContent {
  kind: ClinicalDocumentKind;
  title: string;
  language: 'nb';
  sections: ClinicalDocumentSection[];
  /** Referral only. */
  urgency?: ReferralUrgency;
  /** The ICPC-2 code the document names, when the note or the doctor gave one. */
  icpc2?: { code: string; title: string };
  /** Who it is for (a department, NAV, an insurer), as the doctor wrote it. */
  receiver?: string;
}

/** The marker of text the doctor must write before approving: `[Fylles ut: …]`. */
export const PLACEHOLDER_PATTERN = /\[Fylles ut:[^\]]*\]/g;

/** Ids of the sections that still hold a placeholder or are required and empty (these block approval). */
export function listIncompleteSections(content: ClinicalDocumentContent): string[] {
  return content.sections
    .filter((section) => {
      PLACEHOLDER_PATTERN.lastIndex = 0;
      return (
        PLACEHOLDER_PATTERN.test(section.text) || (section.required === true && section.text.trim() === '')
      );
    })
    .map((section) => section.id);
}
