import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppErrorCode } from '@kollega/domain';
import { AppError, isAppError, toAppError } from '@kollega/domain';
import { HTTP_STATUS_BY_ERROR_CODE, errorCodeForHttpStatus } from './error-mapping';

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: AppErrorCode; message: string; details: Record<string, string | number | boolean | null> };
}

// Norwegian messages for the errors Fastify and its plugins raise themselves; their English messages may
// quote parts of the request.
const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Ugyldig JSON i forespørselen',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Tom forespørsel: send et JSON-objekt',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Forespørselen er for stor',
  FST_ERR_CTP_INVALID_MEDIA_TYPE:
    'Innholdstypen støttes ikke: send application/json (eller multipart/form-data til /api/consultations/upload)',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length stemmer ikke med innholdet',
  FST_REQ_FILE_TOO_LARGE: 'Filen er for stor',
  FST_FILES_LIMIT: 'Send bare én fil',
  FST_PARTS_LIMIT: 'For mange deler i forespørselen',
  FST_FIELDS_LIMIT: 'For mange felt i forespørselen',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'Forespørselen må være multipart/form-data med filen i feltet «file»',
  FST_PROTO_VIOLATION: 'Ugyldig feltnavn i forespørselen',
  FST_ERR_VALIDATION: 'Ugyldig forespørsel',
};

function isFrameworkError(error: unknown): error is FastifyError {
  return (
    error instanceof Error &&
    typeof (error as Partial<FastifyError>).statusCode === 'number' &&
    ((error as Partial<FastifyError>).statusCode ?? 0) >= 400 &&
    ((error as Partial<FastifyError>).statusCode ?? 0) < 500
  );
}

// busboy (under @fastify/multipart) throws plain errors for a cut-off or malformed multipart body.
const MALFORMED_MULTIPART =
  /^(Unexpected end of (form|multipart data)|Malformed part header|Multipart: Boundary not found|Malformed urlencoded form)/;

function isMalformedMultipart(error: unknown): boolean {
  return error instanceof Error && !isAppError(error) && MALFORMED_MULTIPART.test(error.message);
}

/** Turns anything thrown into an HTTP status and an error body without patient text. */
export function toErrorResponse(
  error: unknown,
  options: { maxUploadBytes: number },
): { status: number; body: ErrorBody } {
  let appError: AppError;
  if (isAppError(error)) {
    appError = error;
  } else if (isFrameworkError(error)) {
    const status = error.statusCode ?? 400;
    const code = errorCodeForHttpStatus(status);
    const base = FRAMEWORK_MESSAGES[error.code] ?? 'Ugyldig forespørsel';
    const limit = `${Math.round(options.maxUploadBytes / (1024 * 1024))} MB`;
    const message = code === 'payload_too_large' ? `${base} (maks ${limit})` : base;
    appError = new AppError(code, message, {
      cause: error,
      details: {
        reason: error.code,
        ...(code === 'payload_too_large' ? { maxBytes: options.maxUploadBytes } : {}),
      },
    });
  } else if (isMalformedMultipart(error)) {
    appError = new AppError('invalid_input', 'Ødelagt multipart/form-data i forespørselen', {
      cause: error,
      details: { reason: 'malformed_multipart' },
    });
  } else {
    appError = toAppError(error);
  }
  return {
    status: HTTP_STATUS_BY_ERROR_CODE[appError.code],
    body: { error: { code: appError.code, message: appError.message, details: appError.details } },
  };
}

/** Names and stack frames of an error chain, without messages (which may hold patient text). */
export function describeErrorForLog(error: unknown): Record<string, unknown> {
  const chain: Array<{ name: string; code?: string; frames: string[] }> = [];
  let current: unknown = error;
  while (current instanceof Error && chain.length < 5) {
    const code = (current as { code?: unknown }).code;
    chain.push({
      name: current.name,
      ...(typeof code === 'string' ? { code } : {}),
      frames: (current.stack ?? '')
        .split('\n')
        .filter((line) => line.trimStart().startsWith('at '))
        .slice(0, 8)
        .map((line) => line.trim()),
    });
    current = current.cause;
  }
  return { errors: chain };
}

/** Installs the one error handler: every error becomes `{error: {code, message, details}}` with its status. */
export function registerErrorHandler(app: FastifyInstance, options: { maxUploadBytes: number }): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toErrorResponse(error, options);
    if (status >= 500) {
      request.log.error({ status, code: body.error.code, ...describeErrorForLog(error) }, 'request failed');
    } else {
      request.log.info({ status, code: body.error.code }, 'request rejected');
    }
    // Every 429 says when to come back, whichever limiter raised it.
    const retryAfter = body.error.details.retryAfterSeconds;
    if (status === 429 && typeof retryAfter === 'number' && !reply.hasHeader('retry-after')) {
      reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
    }
    return reply.status(status).type('application/json; charset=utf-8').send(body);
  });
}
