/**
 * True when a base URL points at this machine (localhost, 127.0.0.0/8, ::1, 0.0.0.0). Servers on the
 * practice's own network are not assumed local: mark them with `local: true` in the configuration.
 */
export function isLoopbackUrl(url: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  const bare = hostname.replace(/^\[|\]$/g, '');
  return (
    bare === 'localhost' ||
    bare.endsWith('.localhost') ||
    bare === '::1' ||
    bare === '0.0.0.0' ||
    /^127(?:\.\d{1,3}){3}$/.test(bare)
  );
}

/** The host part of a URL (`api.example.com`, `127.0.0.1:11434`), or the input when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
