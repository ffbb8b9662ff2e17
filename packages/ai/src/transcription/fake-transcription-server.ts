import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer of the fake transcription server. */
export type FakeTranscriptionReply =
  | {
      kind: 'segments';
      segments: Array<{ start: number; end: number; text: string; avg_logprob?: number }>;
      /** Waits this long before answering (a slow server). */
      delayMs?: number;
    }
  | { kind: 'error'; status: number; headers?: Record<string, string> }
  | { kind: 'text-only'; text: string };

/** A request the fake received: the multipart fields it could read and the audio size. */
export interface FakeTranscriptionRequest {
  path: string;
  fields: Record<string, string>;
  audioBytes: number;
  authorization?: string;
}

/** A running fake `/v1/audio/transcriptions` server on loopback. */
export interface FakeTranscriptionServer {
  baseURL: string;
  requests: FakeTranscriptionRequest[];
  /** Answers for the next requests, in order; afterwards `fallback` answers. */
  enqueue(...replies: FakeTranscriptionReply[]): void;
  setFallback(
    reply: FakeTranscriptionReply | ((request: FakeTranscriptionRequest) => FakeTranscriptionReply),
  ): void;
  close(): Promise<void>;
}

/** Reads text fields and the file size from a multipart body (enough for tests). */
function readMultipart(
  body: Buffer,
  contentType: string,
): { fields: Record<string, string>; audioBytes: number } {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  const fields: Record<string, string> = {};
  let audioBytes = 0;
  if (marker === undefined) return { fields, audioBytes };
  const text = body.toString('latin1');
  for (const part of text.split(`--${marker}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    const content = part.slice(headerEnd + 4).replace(/\r\n$/, '');
    const name = /name="([^"]+)"/.exec(headers)?.[1];
    if (name === undefined) continue;
    if (/filename=/.test(headers)) audioBytes = Buffer.byteLength(content, 'latin1');
    else fields[name] = content;
  }
  return { fields, audioBytes };
}

/** Starts a scripted OpenAI-compatible transcription server on 127.0.0.1 (segments, errors, slow answers). */
export async function startFakeTranscriptionServer(): Promise<FakeTranscriptionServer> {
  const requests: FakeTranscriptionRequest[] = [];
  const queue: FakeTranscriptionReply[] = [];
  let fallback: FakeTranscriptionReply | ((request: FakeTranscriptionRequest) => FakeTranscriptionReply) = {
    kind: 'segments',
    segments: [],
  };
  const open = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const path = new URL(incoming.url ?? '/', 'http://127.0.0.1').pathname;
      if (incoming.method !== 'POST' || !path.endsWith('/audio/transcriptions')) {
        response.writeHead(404).end();
        return;
      }
      const { fields, audioBytes } = readMultipart(
        Buffer.concat(chunks),
        incoming.headers['content-type'] ?? '',
      );
      const request: FakeTranscriptionRequest = {
        path,
        fields,
        audioBytes,
        ...(typeof incoming.headers.authorization === 'string'
          ? { authorization: incoming.headers.authorization }
          : {}),
      };
      requests.push(request);
      const reply = queue.shift() ?? (typeof fallback === 'function' ? fallback(request) : fallback);
      open.add(response);
      response.on('close', () => open.delete(response));
      const answer = (): void => {
        if (reply.kind === 'error') {
          response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
          response.end(JSON.stringify({ error: { message: `fake error ${reply.status}` } }));
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        if (reply.kind === 'text-only') {
          response.end(JSON.stringify({ text: reply.text }));
          return;
        }
        response.end(
          JSON.stringify({
            task: 'transcribe',
            language: fields.language ?? 'en',
            duration: reply.segments.at(-1)?.end ?? 0,
            text: reply.segments.map((segment) => segment.text).join(' '),
            segments: reply.segments.map((segment, id) => ({ id, ...segment })),
          }),
        );
      };
      const delay = reply.kind === 'segments' ? (reply.delayMs ?? 0) : 0;
      if (delay > 0) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!response.destroyed) answer();
        }, delay);
        timers.add(timer);
      } else {
        answer();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    setFallback(reply) {
      fallback = reply;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const response of open) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
