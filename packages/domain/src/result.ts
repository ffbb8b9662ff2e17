/**
 * A degraded but usable result: the value plus warnings the user must see
 * (for example "the language model failed, the built-in engine wrote this note").
 */
export interface Warning {
  /** Stable machine-readable code, e.g. `no_consultation`, `llm_fallback`. */
  code: string;
  /** Human-readable text in the user's language; never contains patient text. */
  message: string;
}

/** A value with warnings; see `Warning`. */
export interface WithWarnings<T> {
  value: T;
  warnings: Warning[];
}
