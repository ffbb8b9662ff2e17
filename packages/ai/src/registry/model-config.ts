import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '@kollega/domain';
import { MODEL_PURPOSES } from '../models/text-model';
import type { ModelPurpose } from '../models/text-model';
import { isLoopbackUrl } from '../providers/is-local-url';

/** Default Azure OpenAI data-plane API version (general availability, 2024-10-21). */
const AZURE_API_VERSION = '2024-10-21';

/** A provider reached over an OpenAI-compatible HTTP API (Ollama, vLLM, llama.cpp server, LM Studio, OpenAI). */
export const OpenAICompatibleProviderConfigSchema = z.object({
  type: z.literal('openai-compatible'),
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:11434/v1`. */
  baseURL: z.url(),
  apiKey: z.string().optional(),
  /** Shown in the data-flow description ("Ollama på lab-serveren"). */
  displayName: z.string().optional(),
  /** true: a server on the practice's own network counts as local; default: loopback URLs only. */
  local: z.boolean().optional(),
  contextTokens: z.number().int().positive().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  /** Ask for usage in streams; turn off for servers that reject `stream_options`. */
  streamUsage: z.boolean().optional(),
});

/** Azure OpenAI: the resource endpoint; model ids are deployment names. Never local. */
export const AzureOpenAIProviderConfigSchema = z.object({
  type: z.literal('azure-openai'),
  /** `https://NAME.openai.azure.com` — a resource in an EU region (Sweden Central, Norway East …). */
  endpoint: z.url(),
  apiKey: z.string().optional(),
  apiVersion: z.string().default(AZURE_API_VERSION),
  displayName: z.string().optional(),
  contextTokens: z.number().int().positive().optional(),
});

/** GGUF models run in-process by node-llama-cpp (optional package). Always local. */
export const NodeLlamaCppProviderConfigSchema = z.object({
  type: z.literal('node-llama-cpp'),
  /** Folder of GGUF files; model ids are file names in it. */
  modelsDirectory: z.string().optional(),
  contextTokens: z.number().int().positive().optional(),
  gpu: z.union([z.literal('auto'), z.literal(false)]).optional(),
});

/** One configured provider. */
export const ProviderConfigSchema = z.discriminatedUnion('type', [
  OpenAICompatibleProviderConfigSchema,
  AzureOpenAIProviderConfigSchema,
  NodeLlamaCppProviderConfigSchema,
]);
/** One configured provider; see `ProviderConfigSchema`. */
export type ProviderConfig = z.infer<typeof ProviderConfigSchema>;

/** `provider:model`. */
const ModelIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*:.+$/, 'må ha formen provider:modell');

/**
 * The language-model configuration: providers by id, the model for each purpose (alias), the data
 * policy and resilience settings. Secrets (API keys) live here; never log this object.
 */
export const ModelConfigSchema = z.object({
  providers: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/), ProviderConfigSchema).prefault({}),
  aliases: z.partialRecord(z.enum(MODEL_PURPOSES), ModelIdSchema).prefault({}),
  policy: z
    .object({
      /** Refuse every provider that is not local (nothing leaves the server). */
      localOnly: z.boolean().default(false),
    })
    .prefault({}),
  resilience: z
    .object({
      timeoutMs: z.number().int().positive().default(120_000),
      maxRetries: z.number().int().min(0).max(10).default(2),
      failureThreshold: z.number().int().positive().default(5),
      cooldownMs: z.number().int().nonnegative().default(30_000),
    })
    .prefault({}),
});
/** The language-model configuration; see `ModelConfigSchema`. */
export type ModelConfig = z.infer<typeof ModelConfigSchema>;
/** Configuration as written (defaults not yet applied). */
export type ModelConfigInput = z.input<typeof ModelConfigSchema>;

/** Environment variable of each purpose's model: `note-drafting` → `KOLLEGA_MODEL_NOTE_DRAFTING`. */
export function purposeEnvironmentVariable(purpose: ModelPurpose): string {
  return `KOLLEGA_MODEL_${purpose.toUpperCase().replace(/-/g, '_')}`;
}

/** Parses configuration, turning schema errors into `AppError('invalid_input')` naming the field only. */
export function parseModelConfig(input: unknown): ModelConfig {
  const parsed = ModelConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  throw new AppError('invalid_input', `Ugyldig modellkonfigurasjon: ${field || '(rot)'}`, {
    details: { field, rule: issue?.code ?? 'invalid' },
  });
}

function parseBoolean(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  return /^(1|true|yes|ja|on)$/i.test(value.trim());
}

function parsePositiveInteger(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isInteger(number) ? number : Number.NaN;
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

/** Options for `loadModelConfig`. */
export interface LoadModelConfigOptions {
  /** Reads the JSON config file named by `KOLLEGA_MODEL_CONFIG`; injectable for tests. */
  readFile?: (path: string) => string;
}

/**
 * Reads the model configuration from the environment, on top of an optional JSON file
 * (`KOLLEGA_MODEL_CONFIG=./models.json`, same shape as `ModelConfigSchema`). Environment wins.
 *
 * - `KOLLEGA_MODEL_NOTE_DRAFTING`, `…_TRIAGE`, `…_SUMMARY`, `…_TRANSLATION`, `…_TRANSCRIPTION`:
 *   `provider:model` per purpose; `KOLLEGA_MODEL_DEFAULT` fills the text purposes left unset.
 * - `KOLLEGA_OPENAI_BASE_URL`, `KOLLEGA_OPENAI_API_KEY`, `KOLLEGA_OPENAI_NAME`, `KOLLEGA_OPENAI_LOCAL`,
 *   `KOLLEGA_OPENAI_CONTEXT_TOKENS`: provider `openai-compatible`.
 * - `KOLLEGA_AZURE_ENDPOINT`, `KOLLEGA_AZURE_API_KEY`, `KOLLEGA_AZURE_API_VERSION`: provider `azure`.
 * - `KOLLEGA_LLAMA_MODELS_DIR`, `KOLLEGA_LLAMA_CONTEXT_TOKENS`, `KOLLEGA_LLAMA_GPU`: provider `llama-cpp`.
 * - `KOLLEGA_MODEL_LOCAL_ONLY`, `KOLLEGA_MODEL_TIMEOUT_MS`, `KOLLEGA_MODEL_MAX_RETRIES`.
 */
export function loadModelConfig(
  env: Record<string, string | undefined> = process.env,
  options: LoadModelConfigOptions = {},
): ModelConfig {
  const fileConfig = readConfigFile(env.KOLLEGA_MODEL_CONFIG, options.readFile);
  const providers: Record<string, unknown> = {
    ...(fileConfig.providers as Record<string, unknown> | undefined),
  };

  if (env.KOLLEGA_OPENAI_BASE_URL) {
    providers['openai-compatible'] = withoutUndefined({
      type: 'openai-compatible',
      baseURL: env.KOLLEGA_OPENAI_BASE_URL,
      apiKey: env.KOLLEGA_OPENAI_API_KEY || undefined,
      displayName: env.KOLLEGA_OPENAI_NAME || undefined,
      local: parseBoolean(env.KOLLEGA_OPENAI_LOCAL),
      contextTokens: parsePositiveInteger(env.KOLLEGA_OPENAI_CONTEXT_TOKENS),
    });
  }
  if (env.KOLLEGA_AZURE_ENDPOINT) {
    providers.azure = withoutUndefined({
      type: 'azure-openai',
      endpoint: env.KOLLEGA_AZURE_ENDPOINT,
      apiKey: env.KOLLEGA_AZURE_API_KEY || undefined,
      apiVersion: env.KOLLEGA_AZURE_API_VERSION || undefined,
      contextTokens: parsePositiveInteger(env.KOLLEGA_AZURE_CONTEXT_TOKENS),
    });
  }
  // The in-process provider is always available; it loads nothing until a model is used.
  if (env.KOLLEGA_LLAMA_MODELS_DIR || providers['llama-cpp'] === undefined) {
    providers['llama-cpp'] = withoutUndefined({
      type: 'node-llama-cpp',
      modelsDirectory: env.KOLLEGA_LLAMA_MODELS_DIR || undefined,
      contextTokens: parsePositiveInteger(env.KOLLEGA_LLAMA_CONTEXT_TOKENS),
      gpu: parseBoolean(env.KOLLEGA_LLAMA_GPU) === false ? false : undefined,
    });
  }

  const aliases: Record<string, string> = { ...(fileConfig.aliases as Record<string, string> | undefined) };
  for (const purpose of MODEL_PURPOSES) {
    const value = env[purposeEnvironmentVariable(purpose)];
    if (value) aliases[purpose] = value;
    else if (purpose !== 'transcription' && env.KOLLEGA_MODEL_DEFAULT && aliases[purpose] === undefined)
      aliases[purpose] = env.KOLLEGA_MODEL_DEFAULT;
  }

  const filePolicy = (fileConfig.policy ?? {}) as Record<string, unknown>;
  const fileResilience = (fileConfig.resilience ?? {}) as Record<string, unknown>;
  return parseModelConfig({
    providers,
    aliases,
    policy: { ...filePolicy, ...withoutUndefined({ localOnly: parseBoolean(env.KOLLEGA_MODEL_LOCAL_ONLY) }) },
    resilience: {
      ...fileResilience,
      ...withoutUndefined({
        timeoutMs: parsePositiveInteger(env.KOLLEGA_MODEL_TIMEOUT_MS),
        maxRetries: parsePositiveInteger(env.KOLLEGA_MODEL_MAX_RETRIES),
      }),
    },
  });
}

function readConfigFile(
  path: string | undefined,
  readFile: ((path: string) => string) | undefined,
): Record<string, unknown> {
  if (!path) return {};
  let text: string;
  try {
    text = (readFile ?? ((file: string) => readFileSync(file, 'utf8')))(path);
  } catch (error) {
    throw new AppError('not_found', 'Fant ikke modellkonfigurasjonen (KOLLEGA_MODEL_CONFIG)', {
      cause: error,
      details: { field: 'KOLLEGA_MODEL_CONFIG' },
    });
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new AppError('invalid_input', 'Modellkonfigurasjonen er ikke gyldig JSON (KOLLEGA_MODEL_CONFIG)', {
      cause: error,
      details: { field: 'KOLLEGA_MODEL_CONFIG' },
    });
  }
}

/** Whether a configured provider keeps data on this server. */
export function isProviderLocal(provider: ProviderConfig): boolean {
  switch (provider.type) {
    case 'openai-compatible':
      return provider.local ?? isLoopbackUrl(provider.baseURL);
    case 'azure-openai':
      return false;
    case 'node-llama-cpp':
      return true;
  }
}

/** Splits `provider:model` at the first colon. */
export function splitModelId(id: string): { provider: string; modelId: string } | undefined {
  const index = id.indexOf(':');
  if (index <= 0 || index === id.length - 1) return undefined;
  return { provider: id.slice(0, index), modelId: id.slice(index + 1) };
}
