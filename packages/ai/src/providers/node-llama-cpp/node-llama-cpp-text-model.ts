import { access } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { AppError, isAppError, toAppError } from '@kollega/domain';
import type { ModelProvider } from '../../models/model-provider';
import type {
  AppliedResponseFormat,
  ChatMessage,
  FinishReason,
  GenerateTextRequest,
  GenerateTextResult,
  TextModel,
  TextStreamPart,
} from '../../models/text-model';
import { abortError } from '../provider-errors';

/**
 * The part of node-llama-cpp 3.x this adapter uses. The package is optional (732 MB with every GPU
 * variant), so it is typed here and imported lazily; install it with `npm i -E node-llama-cpp@3.21.1`.
 */
export interface NodeLlamaCppModule {
  getLlama(options?: { gpu?: 'auto' | false | 'cuda' | 'vulkan' | 'metal' }): Promise<Llama>;
  LlamaChatSession: new (options: { contextSequence: LlamaContextSequence }) => LlamaChatSession;
}
interface Llama {
  loadModel(options: { modelPath: string }): Promise<LlamaModel>;
  createGrammarForJsonSchema(schema: object): Promise<unknown>;
  getGrammarFor(type: 'json'): Promise<unknown>;
}
interface LlamaModel {
  tokenize(text: string): ArrayLike<unknown>;
  createContext(options?: { contextSize?: number }): Promise<LlamaContext>;
}
interface LlamaContext {
  readonly contextSize?: number;
  getSequence(): LlamaContextSequence;
}
interface LlamaContextSequence {
  dispose(): void;
}
/** A chat history item in node-llama-cpp's format. */
type LlamaChatHistoryItem =
  { type: 'system'; text: string } | { type: 'user'; text: string } | { type: 'model'; response: string[] };
interface LlamaPromptOptions {
  maxTokens?: number;
  temperature?: number;
  signal?: AbortSignal;
  grammar?: unknown;
  onTextChunk?: (text: string) => void;
}
interface LlamaChatSession {
  setChatHistory(history: LlamaChatHistoryItem[]): void;
  promptWithMeta(
    text: string,
    options: LlamaPromptOptions,
  ): Promise<{ responseText: string; stopReason: string }>;
  dispose(): void;
}

/** Options for `createNodeLlamaCppProvider`. */
export interface NodeLlamaCppProviderOptions {
  /** Provider id; default `llama-cpp`. */
  name?: string;
  /** Folder with GGUF files; model ids are file names in it (or absolute paths). */
  modelsDirectory?: string;
  /** Context size in tokens; default 8192. */
  contextTokens?: number;
  /** GPU use: `auto` (default) or false for CPU only. */
  gpu?: 'auto' | false;
  /** Loads the module; tests inject a fake. Default: `import('node-llama-cpp')` at first use. */
  loadModule?: () => Promise<NodeLlamaCppModule>;
}

const PACKAGE_NAME = 'node-llama-cpp';

/** Imports node-llama-cpp through a variable specifier, so type-checking and installs do not need it. */
async function importNodeLlamaCpp(): Promise<NodeLlamaCppModule> {
  const specifier: string = PACKAGE_NAME;
  return (await import(specifier)) as NodeLlamaCppModule;
}

/** Runs tasks one at a time: one context sequence serves one call. */
function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

function toFinishReason(stopReason: string): FinishReason {
  if (stopReason === 'maxTokens') return 'length';
  if (
    stopReason === 'eogToken' ||
    stopReason === 'stopGenerationTrigger' ||
    stopReason === 'customStopTrigger'
  )
    return 'stop';
  return 'other';
}

/** Loaded runtime state of one GGUF model. */
interface LoadedModel {
  module: NodeLlamaCppModule;
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
}

/**
 * A GGUF model run in-process by node-llama-cpp. Always local: nothing leaves the server.
 * JSON-schema output uses node-llama-cpp's schema grammar, falling back to prompt instructions
 * for schemas the grammar cannot express.
 */
export class NodeLlamaCppTextModel implements TextModel {
  readonly provider: string;
  readonly modelId: string;
  readonly local = true;
  readonly contextTokens: number;
  private readonly options: NodeLlamaCppProviderOptions;
  private loaded: Promise<LoadedModel> | undefined;
  private readonly enqueue = createSerialQueue();

  /** See `createNodeLlamaCppProvider`. */
  constructor(options: NodeLlamaCppProviderOptions, modelId: string) {
    this.options = options;
    this.provider = options.name ?? 'llama-cpp';
    this.modelId = modelId;
    this.contextTokens = options.contextTokens ?? 8192;
  }

  async generateText(request: GenerateTextRequest): Promise<GenerateTextResult> {
    let text = '';
    let result: GenerateTextResult | undefined;
    for await (const part of this.streamText(request)) {
      if (part.type === 'text-delta') text += part.text;
      else
        result = {
          text,
          usage: part.usage,
          finishReason: part.finishReason,
          responseFormat: part.responseFormat,
        };
    }
    if (!result) throw new AppError('internal', 'llama-cpp avsluttet uten svar');
    return result;
  }

  async *streamText(request: GenerateTextRequest): AsyncGenerator<TextStreamPart, void, undefined> {
    if (request.signal?.aborted) throw abortError(this.provider, request.signal);
    const chunks: string[] = [];
    let wake: (() => void) | undefined;
    const notify = (): void => {
      wake?.();
      wake = undefined;
    };
    let settled = false;
    let failure: unknown;
    let finish: TextStreamPart | undefined;
    const run = this.enqueue(() =>
      this.run(request, (chunk) => {
        chunks.push(chunk);
        notify();
      }),
    )
      .then((part) => {
        finish = part;
      })
      .catch((error: unknown) => {
        failure = error;
      })
      .finally(() => {
        settled = true;
        notify();
      });
    for (;;) {
      const next = chunks.shift();
      if (next !== undefined) {
        yield { type: 'text-delta', text: next };
        continue;
      }
      if (settled) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
    await run;
    if (failure !== undefined) throw toAppError(failure);
    if (finish) yield finish;
  }

  /** One generation on a fresh context sequence. */
  private async run(
    request: GenerateTextRequest,
    onTextChunk: (text: string) => void,
  ): Promise<TextStreamPart> {
    const { module, llama, model, context } = await this.load();
    const { grammar, mode, messages } = await this.prepareFormat(llama, request);
    const sequence = context.getSequence();
    const session = new module.LlamaChatSession({ contextSequence: sequence });
    try {
      const last = messages.at(-1);
      const history = messages.slice(0, last?.role === 'user' ? -1 : messages.length);
      session.setChatHistory(history.map(toHistoryItem));
      const { responseText, stopReason } = await session.promptWithMeta(
        last?.role === 'user' ? last.content : '',
        {
          maxTokens: request.maxOutputTokens,
          temperature: request.temperature,
          signal: request.signal,
          grammar,
          onTextChunk,
        },
      );
      if (request.signal?.aborted) throw abortError(this.provider, request.signal);
      return {
        type: 'finish',
        finishReason: toFinishReason(stopReason),
        usage: {
          inputTokens: model.tokenize(messages.map((message) => message.content).join('\n')).length,
          outputTokens: model.tokenize(responseText).length,
        },
        responseFormat: mode,
      };
    } catch (error) {
      if (isAppError(error)) throw error;
      if (request.signal?.aborted) throw abortError(this.provider, request.signal);
      throw new AppError('unavailable', 'llama-cpp klarte ikke å lage svar', {
        cause: error,
        details: { provider: this.provider, retryable: false },
      });
    } finally {
      session.dispose();
      sequence.dispose();
    }
  }

  /** The grammar for the wanted format, or prompt instructions when the grammar cannot express it. */
  private async prepareFormat(
    llama: Llama,
    request: GenerateTextRequest,
  ): Promise<{ grammar?: unknown; mode: AppliedResponseFormat; messages: ChatMessage[] }> {
    const format = request.responseFormat ?? { type: 'text' };
    const messages = [...request.messages];
    if (format.type === 'text') return { mode: 'text', messages };
    try {
      if (format.type === 'json-schema') {
        return {
          grammar: await llama.createGrammarForJsonSchema(format.schema),
          mode: 'json-schema',
          messages,
        };
      }
      return { grammar: await llama.getGrammarFor('json'), mode: 'json-object', messages };
    } catch {
      const schema = format.type === 'json-schema' ? `\n${JSON.stringify(format.schema)}` : '';
      const instruction = `Answer with one JSON object only, without any other text.${schema}`;
      const systemIndex = messages.findIndex((message) => message.role === 'system');
      if (systemIndex === -1) messages.unshift({ role: 'system', content: instruction });
      else {
        const system = messages[systemIndex]!;
        messages[systemIndex] = { ...system, content: `${system.content}\n\n${instruction}` };
      }
      return { mode: 'prompt', messages };
    }
  }

  /** Loads the package, the model file and a context, once. */
  private load(): Promise<LoadedModel> {
    this.loaded ??= this.loadOnce().catch((error: unknown) => {
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }

  private async loadOnce(): Promise<LoadedModel> {
    const modelPath =
      isAbsolute(this.modelId) || !this.options.modelsDirectory
        ? this.modelId
        : join(this.options.modelsDirectory, this.modelId);
    try {
      await access(modelPath);
    } catch {
      throw new AppError('unavailable', `Fant ikke modellfilen for ${this.provider}:${this.modelId}`, {
        details: {
          provider: this.provider,
          model: this.modelId,
          reason: 'model_file_missing',
          retryable: false,
        },
      });
    }
    let module: NodeLlamaCppModule;
    try {
      module = await (this.options.loadModule ?? importNodeLlamaCpp)();
    } catch (error) {
      throw new AppError(
        'unavailable',
        'node-llama-cpp er ikke installert. Installer med: npm i -E node-llama-cpp@3.21.1',
        { cause: error, details: { provider: this.provider, reason: 'package_missing', retryable: false } },
      );
    }
    const llama = await module.getLlama(this.options.gpu === false ? { gpu: false } : undefined);
    const model = await llama.loadModel({ modelPath });
    const context = await model.createContext({ contextSize: this.contextTokens });
    return { module, llama, model, context };
  }
}

function toHistoryItem(message: ChatMessage): LlamaChatHistoryItem {
  switch (message.role) {
    case 'system':
      return { type: 'system', text: message.content };
    case 'user':
      return { type: 'user', text: message.content };
    case 'assistant':
      return { type: 'model', response: [message.content] };
  }
}

/** A provider of local GGUF models through node-llama-cpp (optional dependency, loaded at first use). */
export function createNodeLlamaCppProvider(options: NodeLlamaCppProviderOptions = {}): ModelProvider {
  const models = new Map<string, NodeLlamaCppTextModel>();
  const name = options.name ?? 'llama-cpp';
  return {
    name,
    displayName: 'llama.cpp (lokal modell)',
    local: true,
    textModel(modelId) {
      // One loaded model per file: reuse the instance so the weights load once.
      let model = models.get(modelId);
      if (!model) {
        model = new NodeLlamaCppTextModel({ ...options, name }, modelId);
        models.set(modelId, model);
      }
      return model;
    },
  };
}
