import { z } from 'zod';
import type {
  AppliedResponseFormat,
  ChatMessage,
  FinishReason,
  GenerateTextRequest,
  GenerateTextResult,
  TextModel,
  TextStreamPart,
  TokenUsage,
} from '../../models/text-model';
import { estimateTokens } from '../../models/estimate-tokens';
import { httpStatusError, malformedResponseError, transportError } from '../provider-errors';
import type { OpenAICompatibleSettings } from './openai-compatible-config';
import { readServerSentEvents } from './server-sent-events';

/** How JSON output is asked for, strongest first; a server that rejects one gets the next. */
const JSON_MODES = ['json-schema', 'json-object', 'prompt'] as const;
type JsonMode = (typeof JSON_MODES)[number];

const UsageSchema = z
  .object({ prompt_tokens: z.number().optional(), completion_tokens: z.number().optional() })
  .nullish();

const ChatCompletionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: UsageSchema,
});

const ChatCompletionChunkSchema = z.object({
  choices: z
    .array(
      z.object({
        delta: z.object({ content: z.string().nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .default([]),
  usage: UsageSchema,
  error: z.unknown().optional(),
});

function toFinishReason(value: string | null | undefined): FinishReason {
  if (value === 'stop' || value === 'eos' || value === 'end_turn') return 'stop';
  if (value === 'length' || value === 'max_tokens') return 'length';
  return 'other';
}

function toUsage(
  usage: z.infer<typeof UsageSchema>,
  messages: readonly ChatMessage[],
  output: string,
): TokenUsage {
  if (usage?.prompt_tokens !== undefined && usage.completion_tokens !== undefined) {
    return { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens };
  }
  return {
    inputTokens: estimateTokens(messages.map((message) => message.content).join('\n')),
    outputTokens: estimateTokens(output),
    estimated: true,
  };
}

/** The instruction added when the server does not enforce the schema itself. */
function schemaInstruction(schema: unknown): string {
  return (
    'Answer with one JSON object only, without any other text or code fences. ' +
    `It must follow this JSON Schema:\n${JSON.stringify(schema)}`
  );
}

/** True when a 400/422 body says the response_format was the problem (so a weaker mode may work). */
function rejectsResponseFormat(status: number, body: string): boolean {
  return (
    (status === 400 || status === 422 || status === 501) &&
    /response_format|json_schema|json_object|structured|grammar|schema|format/i.test(body)
  );
}

/**
 * A chat-completions model on any OpenAI-compatible server (`/chat/completions`), with JSON-schema
 * output degraded to JSON mode and then to prompt instructions when the server rejects it (the
 * degradation is remembered per model), and streaming over server-sent events.
 */
export class OpenAICompatibleTextModel implements TextModel {
  readonly provider: string;
  readonly modelId: string;
  readonly local: boolean;
  readonly host: string;
  readonly contextTokens?: number;
  private readonly settings: OpenAICompatibleSettings;
  private readonly formatMemory: Map<string, JsonMode>;

  /** `formatMemory` is shared by the provider's models so a rejection is learned once per model id. */
  constructor(settings: OpenAICompatibleSettings, modelId: string, formatMemory: Map<string, JsonMode>) {
    this.settings = settings;
    this.provider = settings.name;
    this.modelId = modelId;
    this.local = settings.local;
    this.host = settings.host;
    this.contextTokens = settings.contextTokens;
    this.formatMemory = formatMemory;
  }

  async generateText(request: GenerateTextRequest): Promise<GenerateTextResult> {
    const { response, mode } = await this.send(request, false);
    let payload: unknown;
    try {
      payload = await response.json();
    } catch (error) {
      if (request.signal?.aborted) throw transportError(this.provider, error, request.signal);
      throw malformedResponseError(this.provider, 'not_json');
    }
    const parsed = ChatCompletionSchema.safeParse(payload);
    if (!parsed.success) throw malformedResponseError(this.provider, 'unexpected_shape');
    const choice = parsed.data.choices[0];
    const text = choice?.message?.content ?? '';
    return {
      text,
      usage: toUsage(parsed.data.usage, request.messages, text),
      finishReason: toFinishReason(choice?.finish_reason),
      responseFormat: mode,
    };
  }

  async *streamText(request: GenerateTextRequest): AsyncGenerator<TextStreamPart, void, undefined> {
    const { response, mode } = await this.send(request, true);
    const body = response.body;
    if (!body) throw malformedResponseError(this.provider, 'empty_stream');
    let text = '';
    let finishReason: FinishReason | undefined;
    let usage: z.infer<typeof UsageSchema>;
    let done = false;
    try {
      for await (const event of readServerSentEvents(body)) {
        if (event.data === '[DONE]') {
          done = true;
          break;
        }
        let chunk: unknown;
        try {
          chunk = JSON.parse(event.data);
        } catch {
          throw malformedResponseError(this.provider, 'stream_not_json');
        }
        const parsed = ChatCompletionChunkSchema.safeParse(chunk);
        if (!parsed.success) throw malformedResponseError(this.provider, 'stream_unexpected_shape');
        if (parsed.data.error !== undefined) {
          throw httpStatusError(this.provider, 500, new Headers());
        }
        if (parsed.data.usage) usage = parsed.data.usage;
        for (const choice of parsed.data.choices) {
          const delta = choice.delta?.content;
          if (delta) {
            text += delta;
            yield { type: 'text-delta', text: delta };
          }
          if (choice.finish_reason) finishReason = toFinishReason(choice.finish_reason);
        }
      }
    } catch (error) {
      throw transportError(this.provider, error, request.signal);
    } finally {
      await body.cancel().catch(() => undefined);
    }
    // Some servers end after the finish reason without `[DONE]`; without either, the stream broke off.
    if (!done && finishReason === undefined) {
      throw malformedResponseError(this.provider, 'truncated_stream');
    }
    yield {
      type: 'finish',
      finishReason: finishReason ?? 'stop',
      usage: toUsage(usage, request.messages, text),
      responseFormat: mode,
    };
  }

  /** Sends a chat request, stepping down the JSON modes while the server rejects them. */
  private async send(
    request: GenerateTextRequest,
    stream: boolean,
  ): Promise<{ response: Response; mode: AppliedResponseFormat }> {
    const format = request.responseFormat ?? { type: 'text' };
    if (request.signal?.aborted) throw transportError(this.provider, undefined, request.signal);
    if (format.type === 'text') {
      return { response: await this.post(this.body(request, stream, 'text'), request.signal), mode: 'text' };
    }
    const wanted: JsonMode = format.type === 'json-schema' ? 'json-schema' : 'json-object';
    const remembered = this.formatMemory.get(this.modelId);
    let index = Math.max(JSON_MODES.indexOf(wanted), remembered ? JSON_MODES.indexOf(remembered) : 0);
    for (;;) {
      const mode = JSON_MODES[index] ?? 'prompt';
      const response = await this.post(this.body(request, stream, mode), request.signal, mode !== 'prompt');
      if (response.ok) return { response, mode };
      // Only reached for a 4xx/501 that may be about the format (see `post`).
      this.formatMemory.set(this.modelId, JSON_MODES[index + 1] ?? 'prompt');
      index += 1;
    }
  }

  /** The chat-completions request body for one mode. */
  private body(
    request: GenerateTextRequest,
    stream: boolean,
    mode: AppliedResponseFormat,
  ): Record<string, unknown> {
    const format = request.responseFormat;
    let messages: ChatMessage[] = [...request.messages];
    const body: Record<string, unknown> = { model: this.modelId };
    if (format?.type === 'json-schema') {
      if (mode === 'json-schema') {
        body.response_format = {
          type: 'json_schema',
          json_schema: { name: format.name, schema: format.schema, strict: true },
        };
      } else {
        messages = appendSystemInstruction(messages, schemaInstruction(format.schema));
      }
    }
    if (mode === 'json-object') body.response_format = { type: 'json_object' };
    if (format?.type === 'json-object' && mode === 'prompt') {
      messages = appendSystemInstruction(
        messages,
        'Answer with one JSON object only, without any other text.',
      );
    }
    body.messages = messages;
    if (request.maxOutputTokens !== undefined) body.max_tokens = request.maxOutputTokens;
    if (request.temperature !== undefined) body.temperature = request.temperature;
    if (stream) {
      body.stream = true;
      if (this.settings.streamUsage) body.stream_options = { include_usage: true };
    }
    return body;
  }

  /**
   * POSTs to `/chat/completions`. Returns the response when it is OK, or — when `mayRejectFormat`
   * and the server says the format was the problem — the failed response so the caller can step down.
   */
  private async post(
    body: Record<string, unknown>,
    signal: AbortSignal | undefined,
    mayRejectFormat = false,
  ): Promise<Response> {
    let response: Response;
    try {
      response = await this.settings.fetch(this.settings.url('/chat/completions', this.modelId), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.settings.headers() },
        body: JSON.stringify(body),
        signal,
      });
    } catch (error) {
      throw transportError(this.provider, error, signal);
    }
    if (response.ok) return response;
    let errorBody = '';
    try {
      errorBody = await response.text();
    } catch {
      // The body is only read to recognise a format rejection.
    }
    if (mayRejectFormat && rejectsResponseFormat(response.status, errorBody)) return response;
    throw httpStatusError(this.provider, response.status, response.headers);
  }
}

/** Adds an instruction to the system message (or a new one in front). */
function appendSystemInstruction(messages: readonly ChatMessage[], instruction: string): ChatMessage[] {
  const index = messages.findIndex((message) => message.role === 'system');
  if (index === -1) return [{ role: 'system', content: instruction }, ...messages];
  return messages.map((message, position) =>
    position === index ? { ...message, content: `${message.content}\n\n${instruction}` } : message,
  );
}
