import { ApiError } from '../api';

/** Fallback texts when the server sent no readable error. */
const NETWORK_MESSAGE = 'Fikk ikke kontakt med serveren. Sjekk at Kollega kjører, og prøv igjen.';

async function readError(response: Response): Promise<ApiError> {
  let body: { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = undefined;
  }
  const error = body?.error;
  return new ApiError({
    code: typeof error?.code === 'string' ? error.code : 'http',
    message:
      typeof error?.message === 'string' && error.message !== ''
        ? error.message
        : `Forespørselen feilet (HTTP ${response.status})`,
    status: response.status,
    details:
      error?.details !== null && typeof error?.details === 'object'
        ? (error.details as Record<string, unknown>)
        : {},
  });
}

/** Calls the JSON API (GET without a body, else the method with a JSON body); throws `ApiError` on failure. */
export async function callJson<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch {
    throw new ApiError({ code: 'network', message: NETWORK_MESSAGE, status: 0 });
  }
  if (!response.ok) throw await readError(response);
  return (await response.json()) as T;
}

/** `encodeURIComponent`, for ids in paths. */
export const encode = encodeURIComponent;
