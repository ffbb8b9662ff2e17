import { AppError, isAppError } from '@kollega/domain';

/**
 * Maps provider failures to `AppError`s. Messages name the provider and the HTTP status only —
 * never the response body, which may echo patient text. `details.retryable` tells the resilience
 * middleware which failures are worth another attempt (429, 5xx, network, 408).
 */

/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The `AppError` for a non-2xx HTTP response. */
export function httpStatusError(provider: string, status: number, headers: Headers): AppError {
  const base = { provider, status };
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
    return new AppError('rate_limited', `Språkmodellen (${provider}) har for mange forespørsler (HTTP 429)`, {
      details: { ...base, retryable: true, retryAfterMs: retryAfterMs ?? null },
    });
  }
  if (status >= 500) {
    return new AppError('unavailable', `Språkmodellen (${provider}) svarte med feil (HTTP ${status})`, {
      details: { ...base, retryable: true },
    });
  }
  if (status === 408) {
    return new AppError('timeout', `Språkmodellen (${provider}) brukte for lang tid (HTTP 408)`, {
      details: { ...base, retryable: true },
    });
  }
  if (status === 401) {
    return new AppError('unauthorized', `Språkmodellen (${provider}) avviste nøkkelen (HTTP 401)`, {
      details: { ...base, retryable: false },
    });
  }
  if (status === 403) {
    return new AppError('forbidden', `Språkmodellen (${provider}) nektet tilgang (HTTP 403)`, {
      details: { ...base, retryable: false },
    });
  }
  if (status === 413) {
    return new AppError('payload_too_large', `Forespørselen var for stor for ${provider} (HTTP 413)`, {
      details: { ...base, retryable: false },
    });
  }
  return new AppError('invalid_input', `Språkmodellen (${provider}) avviste forespørselen (HTTP ${status})`, {
    details: { ...base, retryable: false },
  });
}

/** True when an abort reason is a timeout (`AbortSignal.timeout`), not a cancellation. */
function isTimeoutReason(reason: unknown): boolean {
  return reason instanceof Error && reason.name === 'TimeoutError';
}

/** The `AppError` for a call that was aborted: `timeout` for timeouts, otherwise a cancellation. */
export function abortError(provider: string, signal: AbortSignal | undefined): AppError {
  const reason: unknown = signal?.reason;
  if (isAppError(reason)) return reason;
  if (isTimeoutReason(reason)) {
    return new AppError('timeout', `Språkmodellen (${provider}) svarte ikke i tide`, {
      details: { provider, retryable: false, reason: 'timeout' },
    });
  }
  return new AppError('unavailable', `Kallet til språkmodellen (${provider}) ble avbrutt`, {
    details: { provider, retryable: false, reason: 'cancelled' },
  });
}

/** Maps anything thrown by `fetch` or a body read: aborts, then network failures (retryable). */
export function transportError(provider: string, error: unknown, signal: AbortSignal | undefined): AppError {
  if (isAppError(error)) return error;
  if (signal?.aborted) return abortError(provider, signal);
  return new AppError('unavailable', `Fikk ikke kontakt med språkmodellen (${provider})`, {
    cause: error,
    details: { provider, retryable: true, reason: 'network' },
  });
}

/** The `AppError` for a 2xx response whose body is not what the API promises. */
export function malformedResponseError(provider: string, reason: string): AppError {
  return new AppError('unavailable', `Ugyldig svar fra språkmodellen (${provider})`, {
    details: { provider, retryable: false, reason },
  });
}

/** True when an error says another attempt may succeed. */
export function isRetryable(error: unknown): boolean {
  return isAppError(error) && error.details.retryable === true;
}
