/**
 * The one error type of Kollega. Library code throws `AppError` with a code from a closed set;
 * only the server maps codes to HTTP statuses (apps/server/src/http/error-mapping.ts).
 * Messages must never contain patient text: name ids, line numbers and field names only.
 */
export const APP_ERROR_CODES = [
  'invalid_input',
  'empty_transcript',
  'not_found',
  'conflict',
  'already_approved',
  'approval_blocked',
  'payload_too_large',
  'unsupported_media_type',
  'unauthorized',
  'forbidden',
  'rate_limited',
  'timeout',
  'unavailable',
  'internal',
] as const;

/** A closed set of error codes; see `APP_ERROR_CODES`. */
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** Options for `AppError`: a kept cause and structured, patient-free details (line numbers, field paths). */
export interface AppErrorOptions {
  cause?: unknown;
  details?: Record<string, string | number | boolean | null>;
}

/** The only error type thrown on purpose by Kollega code. */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: AppErrorCode;
  readonly details: Record<string, string | number | boolean | null>;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }
}

/** True when `value` is an `AppError`. */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Wraps anything thrown into an `AppError`; unknown failures become `internal` without leaking their message. */
export function toAppError(value: unknown): AppError {
  if (isAppError(value)) return value;
  return new AppError('internal', 'Uventet feil', { cause: value });
}
