import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A scripted OpenAI-compatible server on loopback for tests and benchmarks. It answers
 * `/chat/completions` (plain and streamed) and `/audio/transcriptions`, and records every request
 * body so tests can assert what left Kollega.
 */

/** One scripted answer. */
export type FakeReply =
  /** A chat completion with this content (streamed when the request asks for a stream). */
  | { kind: 'text'; content: string; finishReason?: string; omitUsage?: boolean }
  /** A valid note built from the transcript lines in the prompt; see `respondWithEchoNote`. */
  | { kind: 'echo-note' }
  /** An error status with an OpenAI-style error body. */
  | { kind: 'error'; status: number; message?: string; headers?: Record<string, string> }
  /**
   * A stream that sends part of the content and ends without a finish reason or `[DONE]`;
   * `abrupt` drops the connection instead of ending the response cleanly.
   */
  | { kind: 'truncated-stream'; content: string; abrupt?: boolean }
  /** Never answers (until the client gives up or the server closes). */
  | { kind: 'hang' }
  /** Closes the connection without an answer (a network failure). */
  | { kind: 'reset' }
  /** Any status and body, e.g. a 200 with a body that is not JSON. */
  | { kind: 'raw'; status: number; body: string; contentType?: string }
  /** A verbose_json transcription. */
  | {
      kind: 'transcription';
      text: string;
      segments: Array<{ start: number; end: number; text: string; avg_logprob?: number }>;
      language?: string;
      duration?: number;
    };

/** A request as the fake server received it. */
export interface RecordedRequest {
  method: string;
  /** Path without the query (`/v1/chat/completions`). */
  path: string;
  /** Query parameters (`api-version` for Azure). */
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** The raw body as text (multipart bodies included, for leak checks). */
  body: string;
  /** The parsed JSON body, when it was JSON. */
  json?: ChatRequestBody;
  /** Milliseconds the server spent from the last body byte to its answer (its "model time"). */
  serverMs: number;
}

/** The parts of a chat-completions request body the fake reads. */
export interface ChatRequestBody {
  model?: string;
  messages?: Array<{ role: string; content: string }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: { type: string; json_schema?: { name?: string; schema?: unknown } };
  max_tokens?: number;
  temperature?: number;
}

/** Decides the answer to a request when nothing is queued. */
export type FakeResponder = (request: RecordedRequest) => FakeReply;

/** A running fake server. */
export interface FakeOpenAIServer {
  /** `http://127.0.0.1:PORT/v1`. */
  readonly baseURL: string;
  /** `http://127.0.0.1:PORT` (for the Azure URL form). */
  readonly origin: string;
  /** Every request received, oldest first. */
  readonly requests: RecordedRequest[];
  /** Queues answers for the next requests, in order. */
  enqueue(...replies: FakeReply[]): void;
  /** Sets the answer used when the queue is empty. */
  setDefault(reply: FakeReply | FakeResponder): void;
  /** Rejects `response_format` types (`json_schema`, `json_object`) with HTTP 400, like older servers. */
  rejectResponseFormats(types: readonly string[]): void;
  /** Clears the recorded requests and the queue. */
  reset(): void;
  close(): Promise<void>;
}

/** Rough token count the fake reports as usage (4 characters per token). */
function countTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function promptText(body: ChatRequestBody | undefined): string {
  return (body?.messages ?? []).map((message) => message.content).join('\n');
}

/** Reads section ids from the JSON schema's enum, else from the system prompt's section list. */
function sectionIdsOf(body: ChatRequestBody | undefined): string[] {
  const schemaText = JSON.stringify(body?.response_format?.json_schema?.schema ?? {});
  const fromSchema = /"id":\{"type":"string","enum":(\[[^\]]*\])/.exec(schemaText)?.[1];
  if (fromSchema) return JSON.parse(fromSchema) as string[];
  const system = body?.messages?.find((message) => message.role === 'system')?.content ?? '';
  const list = /(?:Seksjoner|Sections)[^:]*:\s*([^\n]+)/.exec(system)?.[1] ?? '';
  const ids = [...list.matchAll(/([\w-]+) \(/g)].map((match) => match[1]!);
  return ids.length > 0 ? ids : ['notes'];
}

/**
 * A valid note from the prompt's transcript lines (`s12 P: text`): patient-side lines go to the first
 * section, the doctor's statements (not questions) to the second — copied verbatim, placeholders and
 * all, with their line id as evidence.
 */
export function respondWithEchoNote(request: RecordedRequest): Extract<FakeReply, { kind: 'text' }> {
  const ids = sectionIdsOf(request.json);
  const lines = [...promptText(request.json).matchAll(/^(\S+) ([LPRTA]): (.+)$/gm)].map((match) => ({
    id: match[1]!,
    speaker: match[2]!,
    text: match[3]!.trim(),
  }));
  const history = lines.filter((line) => line.speaker !== 'L' && line.text.split(/\s+/).length > 3);
  const findings = lines.filter(
    (line) => line.speaker === 'L' && !line.text.endsWith('?') && line.text.split(/\s+/).length > 5,
  );
  const sections = [
    { id: ids[0]!, statements: history.map((line) => ({ text: line.text, evidence: [line.id] })) },
    ...(ids[1]
      ? [{ id: ids[1], statements: findings.map((line) => ({ text: line.text, evidence: [line.id] })) }]
      : []),
  ];
  return { kind: 'text', content: JSON.stringify({ sections }) };
}

function chatCompletion(
  body: ChatRequestBody | undefined,
  content: string,
  finishReason: string,
  omitUsage: boolean,
) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model: body?.model ?? 'fake',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }],
    ...(omitUsage
      ? {}
      : { usage: { prompt_tokens: countTokens(promptText(body)), completion_tokens: countTokens(content) } }),
  };
}

function streamChunk(
  body: ChatRequestBody | undefined,
  content: string | undefined,
  finishReason: string | null,
) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 0,
    model: body?.model ?? 'fake',
    choices: [{ index: 0, delta: content === undefined ? {} : { content }, finish_reason: finishReason }],
  };
}

function pieces(content: string): string[] {
  return content.match(/[\s\S]{1,8}/g) ?? [];
}

/** Starts a fake server on 127.0.0.1 with an ephemeral port. */
export async function startFakeOpenAIServer(
  options: { defaultReply?: FakeReply | FakeResponder } = {},
): Promise<FakeOpenAIServer> {
  const requests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];
  let fallback: FakeReply | FakeResponder = options.defaultReply ?? { kind: 'echo-note' };
  let rejectedFormats = new Set<string>();
  const open = new Set<ServerResponse>();

  const answer = (request: RecordedRequest, response: ServerResponse, started: number): void => {
    const finish = (): void => {
      request.serverMs = performance.now() - started;
    };
    const format = request.json?.response_format?.type;
    if (format && rejectedFormats.has(format)) {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `response_format type ${format} is not supported` } }));
      finish();
      return;
    }
    const next = queue.shift() ?? (typeof fallback === 'function' ? fallback(request) : fallback);
    const reply = next.kind === 'echo-note' ? respondWithEchoNote(request) : next;
    switch (reply.kind) {
      case 'text': {
        const finishReason = reply.finishReason ?? 'stop';
        if (request.json?.stream) {
          response.writeHead(200, { 'content-type': 'text/event-stream' });
          for (const piece of pieces(reply.content)) {
            response.write(`data: ${JSON.stringify(streamChunk(request.json, piece, null))}\n\n`);
          }
          response.write(`data: ${JSON.stringify(streamChunk(request.json, undefined, finishReason))}\n\n`);
          if (request.json.stream_options?.include_usage && !reply.omitUsage) {
            const usage = {
              prompt_tokens: countTokens(promptText(request.json)),
              completion_tokens: countTokens(reply.content),
            };
            response.write(
              `data: ${JSON.stringify({ ...streamChunk(request.json, undefined, null), choices: [], usage })}\n\n`,
            );
          }
          response.end('data: [DONE]\n\n');
        } else {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(
            JSON.stringify(
              chatCompletion(request.json, reply.content, finishReason, reply.omitUsage ?? false),
            ),
          );
        }
        break;
      }
      case 'truncated-stream': {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        const all = pieces(reply.content);
        for (const piece of all.slice(0, Math.max(1, Math.floor(all.length / 2)))) {
          response.write(`data: ${JSON.stringify(streamChunk(request.json, piece, null))}\n\n`);
        }
        if (reply.abrupt) {
          // Let the written chunks reach the client before the connection drops.
          setTimeout(() => response.socket?.destroy(), 20);
          break;
        }
        // Half an event, then the end: the client must notice the missing end marker.
        response.end('data: {"choices":[{"delta":{"content":"x');
        break;
      }
      case 'error':
        response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        response.end(JSON.stringify({ error: { message: reply.message ?? `fake error ${reply.status}` } }));
        break;
      case 'raw':
        response.writeHead(reply.status, { 'content-type': reply.contentType ?? 'application/json' });
        response.end(reply.body);
        break;
      case 'reset':
        response.socket?.destroy();
        break;
      case 'hang':
        open.add(response);
        response.on('close', () => open.delete(response));
        return;
      case 'transcription':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            task: 'transcribe',
            text: reply.text,
            segments: reply.segments,
            ...(reply.language ? { language: reply.language } : {}),
            ...(reply.duration ? { duration: reply.duration } : {}),
          }),
        );
        break;
    }
    finish();
  };

  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const started = performance.now();
      const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
      const body = Buffer.concat(chunks).toString('utf8');
      let json: ChatRequestBody | undefined;
      try {
        json = JSON.parse(body) as ChatRequestBody;
      } catch {
        json = undefined;
      }
      const request: RecordedRequest = {
        method: incoming.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: incoming.headers,
        body,
        ...(json === undefined ? {} : { json }),
        serverMs: 0,
      };
      requests.push(request);
      if (incoming.method !== 'POST' || !/\/(chat\/completions|audio\/transcriptions)$/.test(url.pathname)) {
        response.writeHead(404).end();
        return;
      }
      answer(request, response, started);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    baseURL: `${origin}/v1`,
    origin,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    setDefault(reply) {
      fallback = reply;
    },
    rejectResponseFormats(types) {
      rejectedFormats = new Set(types);
    },
    reset() {
      requests.length = 0;
      queue.length = 0;
      rejectedFormats = new Set();
    },
    async close() {
      for (const response of open) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
