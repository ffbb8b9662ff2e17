import { AppError, isAppError } from '@kollega/domain';
import type { TextStreamPart } from '../models/text-model';
import { abortError, isRetryable } from '../providers/provider-errors';
import type { TextModelMiddleware } from './wrap-text-model';

/** The state of a circuit breaker: `closed` lets calls through, `open` refuses them, `half-open` lets one trial through. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** Stops calling a provider that keeps failing, and lets one trial call through after a cool-down. */
export interface CircuitBreaker {
  /** Throws `AppError('unavailable', …, {reason: 'circuit_open'})` while the circuit is open. */
  beforeCall(): void;
  recordSuccess(): void;
  recordFailure(): void;
  state(): CircuitState;
}

/** Options for `createCircuitBreaker`. */
export interface CircuitBreakerOptions {
  /** Provider id, for the error message. */
  provider: string;
  /** Consecutive failures that open the circuit; default 5. */
  failureThreshold?: number;
  /** Milliseconds the circuit stays open before a trial call; default 30 000. */
  cooldownMs?: number;
  now?: () => number;
}

/** Creates a consecutive-failure circuit breaker; see `CircuitBreaker`. */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const threshold = options.failureThreshold ?? 5;
  const cooldownMs = options.cooldownMs ?? 30_000;
  const now = options.now ?? Date.now;
  let failures = 0;
  let openedAt: number | undefined;
  let trialInFlight = false;

  const state = (): CircuitState => {
    if (openedAt === undefined) return 'closed';
    return now() - openedAt >= cooldownMs ? 'half-open' : 'open';
  };

  return {
    beforeCall() {
      const current = state();
      if (current === 'closed') return;
      if (current === 'half-open' && !trialInFlight) {
        trialInFlight = true;
        return;
      }
      throw new AppError('unavailable', `Språkmodellen (${options.provider}) er midlertidig utilgjengelig`, {
        details: { provider: options.provider, retryable: false, reason: 'circuit_open' },
      });
    },
    recordSuccess() {
      failures = 0;
      openedAt = undefined;
      trialInFlight = false;
    },
    recordFailure() {
      failures += 1;
      if (trialInFlight || failures >= threshold) openedAt = now();
      trialInFlight = false;
    },
    state,
  };
}

/** Options for resilient calls. */
export interface ResilienceOptions {
  /** Milliseconds one attempt may take (a whole stream included); default 120 000. */
  timeoutMs?: number;
  /** Extra attempts for retryable failures (429, 5xx, network); default 2. */
  maxRetries?: number;
  /** First backoff delay; it doubles per attempt, with jitter. Default 500 ms. */
  baseDelayMs?: number;
  /** Largest backoff delay; default 8 000 ms. */
  maxDelayMs?: number;
  /** A longer Retry-After than this is not waited for; default 30 000 ms. */
  maxRetryAfterMs?: number;
  /** Shared per provider, so all its models trip together. */
  circuitBreaker?: CircuitBreaker;
  /** Injectable for tests. */
  sleep?: (milliseconds: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

/** Waits, or rejects as soon as the signal aborts. */
function sleepWithSignal(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError('model', signal));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError('model', signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Failures that say the provider is unwell (for the circuit breaker), as opposed to a bad request. */
function indicatesOutage(error: unknown): boolean {
  return isAppError(error) && (isRetryable(error) || error.code === 'timeout');
}

/** The delay before the next attempt, or undefined when the server asks for too long a wait. */
function retryDelay(
  attempt: number,
  error: unknown,
  options: Required<Omit<ResilienceOptions, 'circuitBreaker'>>,
): number | undefined {
  const retryAfter = isAppError(error) ? error.details.retryAfterMs : undefined;
  if (typeof retryAfter === 'number') return retryAfter > options.maxRetryAfterMs ? undefined : retryAfter;
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return exponential / 2 + (options.random() * exponential) / 2;
}

function withDefaults(options: ResilienceOptions): Required<Omit<ResilienceOptions, 'circuitBreaker'>> {
  return {
    timeoutMs: options.timeoutMs ?? 120_000,
    maxRetries: options.maxRetries ?? 2,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 8_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
    sleep: options.sleep ?? sleepWithSignal,
    random: options.random ?? Math.random,
  };
}

/** One attempt's signal: the caller's, plus the per-attempt timeout. */
function attemptSignal(signal: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

/**
 * Runs an operation with a timeout per attempt, retries with exponential backoff for retryable
 * failures only (429 — honouring Retry-After —, 5xx, network), a circuit breaker, and the caller's
 * AbortSignal. A cancelled call is never retried.
 */
export async function callWithResilience<T>(
  operation: (signal: AbortSignal) => Promise<T>,
  options: ResilienceOptions,
  signal?: AbortSignal,
): Promise<T> {
  const settings = withDefaults(options);
  for (let attempt = 0; ; attempt += 1) {
    options.circuitBreaker?.beforeCall();
    try {
      const result = await operation(attemptSignal(signal, settings.timeoutMs));
      options.circuitBreaker?.recordSuccess();
      return result;
    } catch (error) {
      if (signal?.aborted) throw isAppError(error) ? error : abortError('model', signal);
      if (indicatesOutage(error)) options.circuitBreaker?.recordFailure();
      else options.circuitBreaker?.recordSuccess();
      if (!isRetryable(error) || attempt >= settings.maxRetries) throw error;
      const delay = retryDelay(attempt, error, settings);
      if (delay === undefined) throw error;
      await settings.sleep(delay, signal);
    }
  }
}

/** Middleware form of `callWithResilience`; streams are retried only before their first part. */
export function createResilienceMiddleware(options: ResilienceOptions = {}): TextModelMiddleware {
  const settings = withDefaults(options);
  return {
    wrapGenerate({ request, next }) {
      return callWithResilience((signal) => next({ ...request, signal }), options, request.signal);
    },

    async *wrapStream({ request, next }): AsyncGenerator<TextStreamPart, void, undefined> {
      for (let attempt = 0; ; attempt += 1) {
        options.circuitBreaker?.beforeCall();
        let yielded = false;
        try {
          for await (const part of next({
            ...request,
            signal: attemptSignal(request.signal, settings.timeoutMs),
          })) {
            yielded = true;
            yield part;
          }
          options.circuitBreaker?.recordSuccess();
          return;
        } catch (error) {
          if (request.signal?.aborted) throw isAppError(error) ? error : abortError('model', request.signal);
          if (indicatesOutage(error)) options.circuitBreaker?.recordFailure();
          if (yielded || !isRetryable(error) || attempt >= settings.maxRetries) throw error;
          const delay = retryDelay(attempt, error, settings);
          if (delay === undefined) throw error;
          await settings.sleep(delay, request.signal);
        }
      }
    },
  };
}
