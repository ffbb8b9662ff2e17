import type { AppErrorCode } from '@kollega/domain';

/** The one table from `AppError` codes to HTTP statuses. Library code never picks a status. */
export const HTTP_STATUS_BY_ERROR_CODE: Readonly<Record<AppErrorCode, number>> = {
  invalid_input: 400,
  empty_transcript: 422,
  not_found: 404,
  conflict: 409,
  already_approved: 409,
  approval_blocked: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  timeout: 504,
  unavailable: 503,
  internal: 500,
};

/** The error code for an HTTP status raised by Fastify or one of its plugins (bad JSON, body too large …). */
export function errorCodeForHttpStatus(status: number): AppErrorCode {
  if (status === 413) return 'payload_too_large';
  if (status === 415 || status === 406) return 'unsupported_media_type';
  if (status === 404) return 'not_found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status >= 400 && status < 500) return 'invalid_input';
  return 'internal';
}
