import type { NoteRecord } from '@kollega/domain';

/** One ICPC-2 code chosen for a note, as the note record carries it. */
export type ChosenCode = NonNullable<NoteRecord['codes']>[number];

/** The codes chosen for a note, from which list version, by whom and when. */
export interface ChosenCodes {
  noteId: string;
  codes: ChosenCode[];
  listVersion: string;
  chosenBy: string;
  chosenAt: string;
}

/**
 * Codes to store for a draft note at `expectedVersion`. Choosing codes does not raise the note's version
 * (like a dismissal, it is not an edit of the text); an approved note is `already_approved`.
 */
export interface SaveChosenCodesInput {
  noteId: string;
  expectedVersion: number;
  codes: ChosenCode[];
  listVersion: string;
  chosenBy: string;
}

/** What the doctor did with the antibiotic recommendation. */
export type DecisionAction = 'accepted' | 'declined';

/** One recorded decision on the recommendation, with the rule and deviations the doctor saw. */
export interface DecisionSupportDecision {
  id: string;
  consultationId: string;
  /** The consultation's note when the decision was made, if there was one. */
  noteId?: string;
  action: DecisionAction;
  /** Why the doctor declined (or a remark on accepting). */
  reason?: string;
  /** Rule id and version, e.g. `sore-throat@2026.1`. */
  rule: string;
  recommendationKind: string;
  deviationCodes: string[];
  decidedBy: string;
  decidedAt: string;
}

/** A decision to record; id and time are assigned. */
export type NewDecisionSupportDecision = Omit<DecisionSupportDecision, 'id' | 'decidedAt' | 'noteId'>;

/**
 * What the prescribing mirror needs from one approved note: its classification (ICPC-2 codes, respiratory
 * infection or not), the antibiotic plan and how it compares with the guideline.
 */
export interface PrescribingOutcome {
  /** The ICPC-2 codes the note was classified by. */
  codes: string[];
  /** `chosen`: the doctor's codes; `suggested`: the best suggestion (no code chosen); `none`: no code at all. */
  codeSource: 'chosen' | 'suggested' | 'none';
  respiratoryInfection: boolean;
  /** The infection the antibiotic rules detected, or null. */
  condition: string | null;
  /** The antibiotic plan: `antibiotic`, `delayed-prescription`, `no-antibiotic` or `not-stated`. */
  planKind: string;
  /** FEST substance and ATC code of the prescribed antibiotic, when one was prescribed. */
  substance: string | null;
  atc: string | null;
  /** The plan against the guideline; `none` when no antibiotic rule applied. */
  assessment: 'concordant' | 'deviation' | 'not-applicable' | 'none';
  deviationCodes: string[];
  /** The doctor's latest decision on the recommendation, if any. */
  decision: DecisionAction | null;
  /** Rule id and version used, or null. */
  rule: string | null;
}

/** An approved note as the prescribing mirror lists it, with its stored outcome when there is one. */
export interface ApprovedNoteSummary {
  noteId: string;
  consultationId: string;
  approvedBy: string;
  approvedAt: string;
  /** The stored outcome and the versions it was computed with (`rules|codeList`). */
  stored?: { computedWith: string; outcome: PrescribingOutcome };
}

/** A computed outcome to store for an approved note (replacing an earlier one). */
export interface SaveOutcomeInput {
  noteId: string;
  consultationId: string;
  approvedBy: string;
  approvedAt: string;
  computedWith: string;
  outcome: PrescribingOutcome;
}

/**
 * Stores what decision support needs beyond the note: chosen ICPC-2 codes, the doctor's decisions on the
 * antibiotic recommendation, and the outcome of each approved note. Throws `AppError` `not_found`,
 * `conflict` (version mismatch) and `already_approved`.
 */
export interface DecisionSupportRepository {
  /** The codes chosen for a note, or undefined. */
  findChosenCodes(noteId: string): Promise<ChosenCodes | undefined>;
  /** Stores the codes for a draft note at its current version (an empty list clears them). */
  saveChosenCodes(input: SaveChosenCodesInput): Promise<ChosenCodes>;
  /** Records a decision; `already_approved` when the consultation's note is approved. */
  addDecision(input: NewDecisionSupportDecision): Promise<DecisionSupportDecision>;
  /** The consultation's decisions, oldest first. */
  listDecisions(consultationId: string): Promise<DecisionSupportDecision[]>;
  /** Approved notes with `from <= approvedAt < to` (ISO times), oldest first, with any stored outcome. */
  listApprovedNotes(range: { from: string; to: string }): Promise<ApprovedNoteSummary[]>;
  /** Stores (or replaces) the outcome of an approved note. */
  saveOutcome(input: SaveOutcomeInput): Promise<void>;
}
