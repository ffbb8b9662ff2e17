import type { Note, Warning } from '@kollega/domain';
import type { EvaluationCase } from '../datasets/read-dataset';

/** What an engine returns for one case. */
export interface EngineDraft {
  /** The note as plain text, as the doctor would paste it; this is what ROUGE and key facts score. */
  text: string;
  /** The structured note, when the engine has one; the verifier checks it (else the text is structured). */
  note?: Note;
  /** Prompt tokens used (models only). */
  tokensIn?: number;
  /** Completion tokens used (models only). */
  tokensOut?: number;
  /** Estimated cost of the call in the currency of the configured prices; 0 for the built-in engine. */
  costEstimate?: number;
  /** Degraded-result warnings (e.g. `llm_fallback`). */
  warnings: Warning[];
}

/** Per-run options every engine receives. */
export interface DraftOptions {
  /** Template id (`fastlege`, `soap`, `aci`); the language's default when absent. */
  template?: string;
}

/** A note writer under evaluation: the built-in engine or a language model. */
export interface Engine {
  /** `builtin`, or a `provider:model` id such as `openai-compatible:llama3.1`. */
  id: string;
  /** Drafts a note for one case. Throws `AppError` on failure. */
  draft(evaluationCase: EvaluationCase, options?: DraftOptions): Promise<EngineDraft>;
}
