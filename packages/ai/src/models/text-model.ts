/** Purposes a model is called for; each is also a registry alias (`KOLLEGA_MODEL_NOTE_DRAFTING` …). */
export const MODEL_PURPOSES = [
  'note-drafting',
  'verification',
  'triage',
  'summary',
  'translation',
  'transcription',
] as const;
/** A model purpose; see `MODEL_PURPOSES`. */
export type ModelPurpose = (typeof MODEL_PURPOSES)[number];

/** One chat message. `content` is plain text. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A JSON Schema object (draft 2020-12), as produced by `z.toJSONSchema`. */
export type JsonSchema = Record<string, unknown>;

/**
 * The output format asked of the model:
 * - `text`: free text;
 * - `json-object`: any JSON object (OpenAI "JSON mode");
 * - `json-schema`: JSON that follows `schema` (structured output).
 * Adapters that cannot honour a format degrade it (json-schema → json-object → instructions in the
 * prompt) and report what they used in `GenerateTextResult.responseFormat`.
 */
export type ResponseFormat =
  { type: 'text' } | { type: 'json-object' } | { type: 'json-schema'; name: string; schema: JsonSchema };

/** How a response format was actually honoured: by the server, or only by instructions in the prompt. */
export type AppliedResponseFormat = 'text' | 'json-object' | 'json-schema' | 'prompt';

/**
 * Who and what a call is for. Travels with every request so middleware can audit it and
 * de-identify it; none of it is sent to the provider.
 */
export interface ModelCallContext {
  /** The acting user (`lege:ola.nordmann`) or `system`. */
  user?: string;
  consultationId?: string;
  purpose?: ModelPurpose | 'unspecified';
  /** Names known from the consultation; the de-identification middleware masks them. */
  knownNames?: readonly string[];
  /** Set by the de-identification middleware: identifiers replaced before sending. */
  identifiersReplaced?: number;
}

/** A request to a text model. */
export interface GenerateTextRequest {
  messages: readonly ChatMessage[];
  /** Upper bound on generated tokens. */
  maxOutputTokens?: number;
  /** Sampling temperature; notes use 0 for reproducibility. */
  temperature?: number;
  responseFormat?: ResponseFormat;
  /** Cancels the call; adapters reject with `AppError` (`timeout` when the reason is a timeout). */
  signal?: AbortSignal;
  context?: ModelCallContext;
}

/** Token counts of one call. `estimated` is true when the server did not report them. */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  estimated?: boolean;
}

/** Why generation ended: natural end, the token limit, or something else (content filter, tool call). */
export type FinishReason = 'stop' | 'length' | 'other';

/** The answer of a text model. */
export interface GenerateTextResult {
  text: string;
  usage: TokenUsage;
  finishReason: FinishReason;
  responseFormat: AppliedResponseFormat;
}

/** One part of a streamed answer: text as it arrives, then exactly one `finish`. */
export type TextStreamPart =
  | { type: 'text-delta'; text: string }
  | { type: 'finish'; finishReason: FinishReason; usage: TokenUsage; responseFormat: AppliedResponseFormat };

/**
 * A text-generation model (chat completion) behind one small interface. Implementations:
 * `OpenAICompatibleTextModel` (HTTP) and `NodeLlamaCppTextModel` (in-process GGUF); middleware wraps them.
 * Errors are `AppError`s: `rate_limited`, `unavailable`, `timeout` (retryable ones carry
 * `details.retryable = true`), `invalid_input`, `unauthorized`, `forbidden`.
 */
export interface TextModel {
  /** Provider id as configured (`openai-compatible`, `azure`, `llama-cpp`, or a custom name). */
  readonly provider: string;
  /** Model id at the provider (a model name, an Azure deployment, a GGUF file). */
  readonly modelId: string;
  /** True when data never leaves this server (in-process, loopback, or explicitly marked local). */
  readonly local: boolean;
  /** Where data goes, for the data-flow description: a host name, or undefined for in-process. */
  readonly host?: string;
  /** Context window in tokens, when known; the note pipeline plans chunks against it. */
  readonly contextTokens?: number;
  /** Generates a complete answer. */
  generateText(request: GenerateTextRequest): Promise<GenerateTextResult>;
  /** Streams an answer; the iterable throws `AppError` if the stream breaks off before its end. */
  streamText(request: GenerateTextRequest): AsyncIterable<TextStreamPart>;
}

/** `provider:model`, the id the registry and the stored notes use. */
export function textModelId(model: Pick<TextModel, 'provider' | 'modelId'>): string {
  return `${model.provider}:${model.modelId}`;
}
