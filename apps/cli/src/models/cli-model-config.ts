import type {
  DataFlowEntry,
  ModelConfig,
  ModelPurpose,
  ModelRegistry,
  ModelRegistryOptions,
  TextModel,
} from '@kollega/ai';
import {
  createModelRegistry,
  loadModelConfig,
  purposeEnvironmentVariable,
  splitModelId,
  textModelId,
} from '@kollega/ai';
import type { Command } from 'commander';
import { AppError } from '@kollega/domain';

/** The engine id that means "no language model: the built-in engine". */
export const BUILTIN_ENGINE = 'builtin';

/**
 * Model flags of a command. Each one wins over its environment variable, which wins over the JSON file
 * named by `KOLLEGA_MODEL_CONFIG` (see `loadModelConfig`):
 * `--model` → `KOLLEGA_MODEL_<PURPOSE>`, `--base-url` → `KOLLEGA_OPENAI_BASE_URL`,
 * `--api-key` → `KOLLEGA_OPENAI_API_KEY`, `--local`/`--remote` → `KOLLEGA_OPENAI_LOCAL` (and beyond: they
 * mark whichever provider the chosen model uses).
 */
export interface ModelFlags {
  /** `provider:model`, or `builtin` for the built-in engine whatever the environment says. */
  model?: string;
  baseUrl?: string;
  apiKey?: string;
  /** The provider keeps data on the practice's own machines: nothing is de-identified. */
  local?: boolean;
  /** The provider is not local: every text is de-identified before it is sent (also on loopback). */
  remote?: boolean;
}

/** Where the environment comes from; injectable for tests. */
export type Environment = Record<string, string | undefined>;

const MODEL_ID_PATTERN = /^[a-z0-9][a-z0-9-]*:.+$/;

function invalid(message: string, field: string): AppError {
  return new AppError('invalid_input', message, { details: { field } });
}

/** Checks a `--model` value: `builtin` or `provider:model`. */
export function validateModelFlag(value: string | undefined): void {
  if (value === undefined || value === BUILTIN_ENGINE) return;
  if (!MODEL_ID_PATTERN.test(value))
    throw invalid(`Ugyldig --model (bruk ${BUILTIN_ENGINE} eller leverandør:modell)`, 'model');
}

/** The environment with the flags applied on top; `KOLLEGA_MODELS_LOCAL_ONLY` is read as `KOLLEGA_MODEL_LOCAL_ONLY`. */
function applyFlags(flags: ModelFlags, env: Environment, purpose: ModelPurpose | undefined): Environment {
  const applied: Environment = { ...env };
  if (!applied.KOLLEGA_MODEL_LOCAL_ONLY && applied.KOLLEGA_MODELS_LOCAL_ONLY)
    applied.KOLLEGA_MODEL_LOCAL_ONLY = applied.KOLLEGA_MODELS_LOCAL_ONLY;
  if (purpose !== undefined && flags.model !== undefined)
    applied[purposeEnvironmentVariable(purpose)] = flags.model;
  if (flags.baseUrl !== undefined) applied.KOLLEGA_OPENAI_BASE_URL = flags.baseUrl;
  if (flags.apiKey !== undefined) applied.KOLLEGA_OPENAI_API_KEY = flags.apiKey;
  return applied;
}

/** Marks the provider of `modelId` local or not local, as `--local`/`--remote` ask. */
function markProvider(config: ModelConfig, modelId: string, local: boolean): ModelConfig {
  const name = splitModelId(modelId)?.provider ?? '';
  const provider = config.providers[name];
  if (provider === undefined) return config;
  if (provider.type !== 'openai-compatible') {
    throw invalid(
      `${local ? '--local' : '--remote'} gjelder bare OpenAI-kompatible leverandører, ikke ${name}`,
      local ? 'local' : 'remote',
    );
  }
  return { ...config, providers: { ...config.providers, [name]: { ...provider, local } } };
}

/**
 * The model configuration of a command: environment (and `KOLLEGA_MODEL_CONFIG` file) with the flags on top.
 * `purpose` says which alias `--model` sets; `--local`/`--remote` mark that model's provider.
 */
export function loadCliModelConfig(
  flags: ModelFlags,
  options: { purpose?: ModelPurpose; env?: Environment } = {},
): ModelConfig {
  if (flags.local === true && flags.remote === true)
    throw invalid('Bruk enten --local eller --remote, ikke begge', 'local');
  validateModelFlag(flags.model);
  const config = loadModelConfig(applyFlags(flags, options.env ?? process.env, options.purpose));
  const modelId =
    options.purpose === undefined ? flags.model : (config.aliases[options.purpose] ?? flags.model);
  if (modelId === undefined || (flags.local !== true && flags.remote !== true)) return config;
  return markProvider(config, modelId, flags.local === true);
}

/** Throws a clear `invalid_input` when `modelId` names a provider that is not set up. */
export function requireModelProvider(config: ModelConfig, modelId: string): void {
  const provider = splitModelId(modelId)?.provider;
  if (provider !== undefined && config.providers[provider] !== undefined) return;
  if (provider === 'openai-compatible')
    throw invalid(`${modelId} trenger --base-url eller KOLLEGA_OPENAI_BASE_URL`, 'base-url');
  throw invalid(
    `Ukjent leverandør i ${modelId} (oppsatt: ${Object.keys(config.providers).join(', ') || 'ingen'})`,
    'model',
  );
}

/** The model registry of a command (no audit sink: the CLI keeps no audit log). */
export function createCliModelRegistry(
  flags: ModelFlags,
  options: { env?: Environment; registry?: ModelRegistryOptions } = {},
): ModelRegistry {
  return createModelRegistry(
    loadCliModelConfig(flags, options.env === undefined ? {} : { env: options.env }),
    options.registry,
  );
}

/** The purposes a command may ask a text model for (not transcription). */
type TextPurpose = Exclude<ModelPurpose, 'transcription'>;

/** The language model a command uses (note drafting, or the verifier's second opinion), with where its data goes. */
export interface CommandModel {
  /** `provider:model`. */
  id: string;
  /** The model with the registry's middleware (de-identification unless local, timeouts, retries). */
  model: TextModel;
  /** Where the data goes (`describeDataFlow`), for a line on standard error. */
  dataFlow?: DataFlowEntry;
}

/**
 * The note-drafting model from `--model` (or `KOLLEGA_MODEL_NOTE_DRAFTING`, or `KOLLEGA_MODEL_DEFAULT`), or
 * undefined for the built-in engine. Fails with `invalid_input` on a model whose provider is not set up, and
 * `forbidden` when the `localOnly` policy refuses it. `purpose` picks another text purpose the same way
 * (`verification`: `--model` or `KOLLEGA_MODEL_VERIFICATION`).
 */
export function resolveCommandModel(
  flags: ModelFlags,
  options: { env?: Environment; registry?: ModelRegistryOptions; purpose?: TextPurpose } = {},
): CommandModel | undefined {
  const purpose = options.purpose ?? 'note-drafting';
  const usesModelFlags =
    flags.baseUrl !== undefined ||
    flags.apiKey !== undefined ||
    flags.local === true ||
    flags.remote === true;
  if (flags.model === BUILTIN_ENGINE) {
    if (usesModelFlags)
      throw invalid('--base-url, --api-key, --local og --remote gjelder ikke den innebygde motoren', 'model');
    return undefined;
  }
  const config = loadCliModelConfig(flags, {
    purpose,
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  const id = config.aliases[purpose];
  if (id === undefined) {
    if (usesModelFlags)
      throw invalid(
        `--base-url, --api-key, --local og --remote krever en modell (--model eller ${purposeEnvironmentVariable(purpose)})`,
        'model',
      );
    return undefined;
  }
  requireModelProvider(config, id);
  const registry = createModelRegistry(config, options.registry);
  const model = registry.textModel(purpose);
  const dataFlow = registry.describeDataFlow('nb').find((entry) => entry.purpose === purpose);
  return { id: textModelId(model), model, ...(dataFlow === undefined ? {} : { dataFlow }) };
}

/** The model options a command's parsed options carry (commander's names). */
export interface ModelCommandOptions {
  model?: string;
  baseUrl?: string;
  apiKey?: string;
  local?: boolean;
  remote?: boolean;
}

/**
 * Adds the model options every command with a language model shares: `--model` (described by `modelHelp`),
 * `--base-url`, `--api-key`, `--local` and `--remote`.
 */
export function addModelOptions(command: Command, modelHelp: string): Command {
  return command
    .option('--model <id>', modelHelp)
    .option('--base-url <url>', 'OpenAI-kompatibelt API med /v1 (ellers KOLLEGA_OPENAI_BASE_URL)')
    .option('--api-key <key>', 'API-nøkkel (ellers KOLLEGA_OPENAI_API_KEY; miljøvariabelen er tryggere)')
    .option('--local', 'leverandøren er lokal: ingenting forlater kontorets maskiner')
    .option(
      '--remote',
      'leverandøren er ikke lokal: teksten avidentifiseres før den sendes (også på loopback)',
    );
}

/** The model flags of a command's parsed options; `--model` must be `builtin` or `provider:model`. */
export function modelFlagsOf(options: ModelCommandOptions): ModelFlags {
  validateModelFlag(options.model);
  return {
    ...(options.model === undefined ? {} : { model: options.model }),
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
    ...(options.local === true ? { local: true } : {}),
    ...(options.remote === true ? { remote: true } : {}),
  };
}
