/**
 * The decision-support tables as Kysely sees them (added by migration `0004_decision_support`). Times are
 * ISO 8601 text (UTC); JSON columns are text; booleans are integers 0/1, so SQLite and PostgreSQL store them
 * alike.
 */
export type DecisionSupportDatabaseSchema = {
  note_codes: NoteCodesTable;
  decision_support_decisions: DecisionSupportDecisionTable;
  decision_support_outcomes: DecisionSupportOutcomeTable;
};

/** The ICPC-2 codes the doctor chose for a note: `codes` is the JSON of the domain `NoteRecord['codes']`. */
export type NoteCodesTable = {
  note_id: string;
  codes: string;
  /** Version of the code list the codes were chosen from. */
  list_version: string;
  chosen_by: string;
  chosen_at: string;
};

/** One recorded decision on the antibiotic recommendation: accepted into the plan, or declined with a reason. */
export type DecisionSupportDecisionTable = {
  id: string;
  consultation_id: string;
  note_id: string | null;
  action: string;
  reason: string | null;
  /** The rule (id@version) the recommendation came from. */
  rule: string;
  recommendation_kind: string;
  /** Comma-separated deviation codes the doctor saw when deciding. */
  deviation_codes: string;
  decided_by: string;
  decided_at: string;
};

/**
 * The decision-support outcome of an approved note, for the prescribing mirror: computed once per approved
 * note and rule-set version (an approved note is locked, so its outcome only changes with the rules).
 */
export type DecisionSupportOutcomeTable = {
  note_id: string;
  consultation_id: string;
  approved_by: string;
  approved_at: string;
  /** The rule-set and code-list versions the outcome was computed with, e.g. `2026.1|1.2026.0`. */
  computed_with: string;
  /** JSON of the `PrescribingOutcome`. */
  outcome: string;
  computed_at: string;
};
