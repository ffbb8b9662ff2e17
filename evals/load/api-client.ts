import { Agent, request } from 'node:http';

/** One answered request: status (0 for a network error), parsed JSON body (if any) and the latency. */
export interface ApiResponse {
  status: number;
  body: unknown;
  latencyMs: number;
  /** Set-Cookie headers, for signing in. */
  setCookies: string[];
}

/**
 * A browser-like HTTP client for the load benchmark: one keep-alive connection from its own source address
 * (a practice's network), the session cookie and CSRF header once signed in. Node's built-in `fetch` cannot
 * bind a source address and `undici` is not a dependency, so this is `node:http` with a keep-alive agent.
 * Latency is measured with `process.hrtime` from sending the request to the last byte of the answer.
 */
export class ApiClient {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;
  private cookie: string | undefined;
  private csrfToken: string | undefined;

  constructor(options: { baseUrl: string; localAddress: string }) {
    const url = new URL(options.baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new Agent({ keepAlive: true, maxSockets: 1, localAddress: options.localAddress });
  }

  /** Sends a JSON request; never throws for HTTP or network errors (status 0 for the latter). */
  send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResponse> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
    }
    if (this.cookie !== undefined) headers.cookie = this.cookie;
    if (this.csrfToken !== undefined && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    return new Promise((resolve) => {
      const outgoing = request(
        { host: this.host, port: this.port, method, path, headers, agent: this.agent },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', () =>
            resolve({ status: 0, body: undefined, latencyMs: elapsed(), setCookies: [] }),
          );
          incoming.on('end', () => {
            const latencyMs = elapsed();
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            try {
              parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
            } catch {
              parsed = undefined;
            }
            const setCookie = incoming.headers['set-cookie'];
            resolve({
              status: incoming.statusCode ?? 0,
              body: parsed,
              latencyMs,
              setCookies: setCookie ?? [],
            });
          });
        },
      );
      outgoing.on('error', () =>
        resolve({ status: 0, body: undefined, latencyMs: elapsed(), setCookies: [] }),
      );
      if (payload !== undefined) outgoing.write(payload);
      outgoing.end();
    });
  }

  /** Keeps the session and CSRF cookies of a sign-in or setup answer for the next requests. */
  adoptSession(response: ApiResponse): void {
    const pairs = response.setCookies
      .map((header) => header.split(';')[0] ?? '')
      .filter((pair) => pair !== '');
    this.cookie = pairs.join('; ');
    const csrf = (response.body as { csrfToken?: unknown } | undefined)?.csrfToken;
    if (typeof csrf !== 'string') throw new Error('sign-in answer without csrfToken');
    this.csrfToken = csrf;
  }

  /** Closes the keep-alive connection. */
  close(): void {
    this.agent.destroy();
  }
}
