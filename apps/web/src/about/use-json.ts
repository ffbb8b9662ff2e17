import { useEffect, useState } from 'react';

/** The state of a GET: loading, the parsed JSON, or an error message. */
export type JsonState<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string };

/** Fetches JSON from `url` once per url; aborts on unmount. */
export function useJson<T>(url: string): JsonState<T> {
  const [state, setState] = useState<JsonState<T>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetch(url, { headers: { accept: 'application/json' }, signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`Serveren svarte ${response.status}`);
        setState({ status: 'ready', data: (await response.json()) as T });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ status: 'error', message: error instanceof Error ? error.message : 'Ukjent feil' });
        }
      });
    return () => controller.abort();
  }, [url]);
  return state;
}
