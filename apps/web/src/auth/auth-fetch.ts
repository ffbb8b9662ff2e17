import { navigate } from '../shared/router';

/** The cookie holding the CSRF token (set by the server at sign-in; readable by this script by design). */
const CSRF_COOKIE = 'kollega_csrf';
/** Pages that need no sign-in: the sign-in and setup pages themselves, and the patient's questionnaire. */
const OPEN_PAGES = ['/logg-inn', '/oppsett', '/skjema'];
/** API paths whose 401 is an answer, not a reason to go to the sign-in page. */
const QUIET_PATHS = ['/api/auth/', '/api/setup', '/api/questionnaire/'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The CSRF token from the cookie, or undefined when not signed in. */
export function readCsrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function toUrl(input: RequestInfo | URL): URL {
  if (input instanceof URL) return input;
  return new URL(typeof input === 'string' ? input : input.url, window.location.href);
}

/**
 * Wraps `window.fetch` once: same-origin, non-GET API requests get the `x-csrf-token` header (double submit);
 * a 401 from a protected API route sends the user to the sign-in page.
 */
export function installAuthFetch(): void {
  const original = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = toUrl(input);
    const sameOriginApi = url.origin === window.location.origin && url.pathname.startsWith('/api/');
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    let nextInit = init;
    if (sameOriginApi && !SAFE_METHODS.has(method)) {
      const token = readCsrfToken();
      if (token !== undefined) {
        const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
        headers.set('x-csrf-token', token);
        nextInit = { ...init, headers };
      }
    }
    const response = await original(input, nextInit);
    const quiet = QUIET_PATHS.some((path) => url.pathname.startsWith(path));
    const onOpenPage = OPEN_PAGES.some((path) => window.location.pathname.startsWith(path));
    if (response.status === 401 && sameOriginApi && !quiet && !onOpenPage) {
      navigate(`/logg-inn?neste=${encodeURIComponent(window.location.pathname)}`, { replace: true });
    }
    return response;
  };
}
