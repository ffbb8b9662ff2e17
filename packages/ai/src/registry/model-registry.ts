import type { Language } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import type { DeidentificationOptions } from '@kollega/clinical';
import type { ModelProvider } from '../models/model-provider';
import { MODEL_PURPOSES } from '../models/text-model';
import type { ModelPurpose, TextModel } from '../models/text-model';
import type { TranscriptionModel } from '../models/transcription-model';
import type { AuditSink } from '../audit/audit-sink';
import { createAuditMiddleware } from '../middleware/audit-middleware';
import { createDeidentificationMiddleware } from '../middleware/deidentification-middleware';
import { guardTranscriptionModel } from '../middleware/guard-transcription-model';
import type { CircuitBreaker } from '../middleware/resilience-middleware';
import { createCircuitBreaker, createResilienceMiddleware } from '../middleware/resilience-middleware';
import type { TextModelMiddleware } from '../middleware/wrap-text-model';
import { wrapTextModel } from '../middleware/wrap-text-model';
import {
  createAzureOpenAIProvider,
  createOpenAICompatibleProvider,
} from '../providers/openai-compatible/openai-compatible-provider';
import type { NodeLlamaCppModule } from '../providers/node-llama-cpp/node-llama-cpp-text-model';
import { createNodeLlamaCppProvider } from '../providers/node-llama-cpp/node-llama-cpp-text-model';
import type { DataFlowEntry } from './describe-data-flow';
import { describeDataFlow } from './describe-data-flow';
import type { ModelConfig, ProviderConfig } from './model-config';
import { splitModelId } from './model-config';

/** What the composition root passes besides the configuration. */
export interface ModelRegistryOptions {
  /** Injectable fetch for every HTTP provider (tests, proxies). */
  fetch?: typeof fetch;
  /** Every model call is recorded here; without it, calls are not audited (tests, CLI). */
  auditSink?: AuditSink;
  /** Extra de-identification settings (names known practice-wide, e.g. the doctors'). */
  deidentification?: DeidentificationOptions;
  /** Loads node-llama-cpp; tests inject a fake. */
  loadNodeLlamaCpp?: () => Promise<NodeLlamaCppModule>;
  /** Injectable for tests: backoff sleep, jitter and clocks. */
  sleep?: (milliseconds: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Extra backoff settings (milliseconds) beyond the configuration. */
  baseDelayMs?: number;
}

/**
 * Models by `provider:model` id or by purpose alias, wrapped in the middleware every call needs:
 * the purpose, de-identification for providers that are not local, resilience (timeouts, retries,
 * circuit breaker per provider), and audit. Applies the `localOnly` policy.
 */
export interface ModelRegistry {
  readonly config: ModelConfig;
  /** A text model by alias (`note-drafting`) or id (`openai-compatible:llama3`). */
  textModel(aliasOrId: string): TextModel;
  /** A transcription model by alias or id. */
  transcriptionModel(aliasOrId: string): TranscriptionModel;
  /** The `provider:model` id an alias resolves to, or undefined when the purpose has no model. */
  resolve(alias: ModelPurpose): string | undefined;
  /** Where each purpose's data goes; see `describeDataFlow`. */
  describeDataFlow(language?: Language): DataFlowEntry[];
}

function createProvider(name: string, config: ProviderConfig, options: ModelRegistryOptions): ModelProvider {
  switch (config.type) {
    case 'openai-compatible':
      return createOpenAICompatibleProvider({
        name,
        displayName: config.displayName,
        baseURL: config.baseURL,
        apiKey: config.apiKey,
        headers: config.headers,
        local: config.local,
        contextTokens: config.contextTokens,
        streamUsage: config.streamUsage,
        fetch: options.fetch,
      });
    case 'azure-openai':
      return createAzureOpenAIProvider({
        name,
        displayName: config.displayName,
        endpoint: config.endpoint,
        apiKey: config.apiKey,
        apiVersion: config.apiVersion,
        contextTokens: config.contextTokens,
        local: false,
        fetch: options.fetch,
      });
    case 'node-llama-cpp':
      return createNodeLlamaCppProvider({
        name,
        modelsDirectory: config.modelsDirectory,
        contextTokens: config.contextTokens,
        gpu: config.gpu,
        loadModule: options.loadNodeLlamaCpp,
      });
  }
}

/** Sets the call's purpose when the caller did not. */
function purposeMiddleware(purpose: ModelPurpose | 'unspecified'): TextModelMiddleware {
  const withPurpose = <T extends { context?: { purpose?: string } }>(request: T): T => ({
    ...request,
    context: { purpose, ...request.context },
  });
  return {
    wrapGenerate: ({ request, next }) => next(withPurpose(request)),
    wrapStream: ({ request, next }) => next(withPurpose(request)),
  };
}

function isPurpose(value: string): value is ModelPurpose {
  return (MODEL_PURPOSES as readonly string[]).includes(value);
}

/** Creates the registry from a configuration (see `loadModelConfig`); validates every alias up front. */
export function createModelRegistry(config: ModelConfig, options: ModelRegistryOptions = {}): ModelRegistry {
  const providers = new Map<string, ModelProvider>();
  const breakers = new Map<string, CircuitBreaker>();
  for (const [name, providerConfig] of Object.entries(config.providers)) {
    providers.set(name, createProvider(name, providerConfig, options));
    breakers.set(
      name,
      createCircuitBreaker({
        provider: name,
        failureThreshold: config.resilience.failureThreshold,
        cooldownMs: config.resilience.cooldownMs,
        now: options.now,
      }),
    );
  }
  for (const [purpose, id] of Object.entries(config.aliases)) {
    const split = splitModelId(id);
    if (!split || !providers.has(split.provider)) {
      throw new AppError('invalid_input', `Modellen for ${purpose} peker på en ukjent leverandør`, {
        details: { field: `aliases.${purpose}`, provider: split?.provider ?? null },
      });
    }
  }

  const resolveId = (aliasOrId: string): { id: string; purpose: ModelPurpose | 'unspecified' } => {
    if (isPurpose(aliasOrId)) {
      const id = config.aliases[aliasOrId];
      if (!id) {
        throw new AppError('not_found', `Ingen modell er satt opp for ${aliasOrId}`, {
          details: { purpose: aliasOrId },
        });
      }
      return { id, purpose: aliasOrId };
    }
    return { id: aliasOrId, purpose: 'unspecified' };
  };

  const lookup = (id: string): { provider: ModelProvider; modelId: string; breaker: CircuitBreaker } => {
    const split = splitModelId(id);
    const provider = split ? providers.get(split.provider) : undefined;
    const breaker = split ? breakers.get(split.provider) : undefined;
    if (!split || !provider || !breaker) {
      throw new AppError(
        'invalid_input',
        'Ukjent modell: bruk formen provider:modell med en oppsatt leverandør',
        {
          details: { provider: split?.provider ?? null },
        },
      );
    }
    if (config.policy.localOnly && !provider.local) {
      throw new AppError('forbidden', `Bare lokale modeller er tillatt; ${provider.name} er ikke lokal`, {
        details: { provider: provider.name, policy: 'localOnly' },
      });
    }
    return { provider, modelId: split.modelId, breaker };
  };

  const resilience = (breaker: CircuitBreaker) => ({
    timeoutMs: config.resilience.timeoutMs,
    maxRetries: config.resilience.maxRetries,
    circuitBreaker: breaker,
    sleep: options.sleep,
    random: options.random,
    baseDelayMs: options.baseDelayMs,
  });

  return {
    config,
    textModel(aliasOrId) {
      const { id, purpose } = resolveId(aliasOrId);
      const { provider, modelId, breaker } = lookup(id);
      const middleware: TextModelMiddleware[] = [purposeMiddleware(purpose)];
      if (!provider.local) middleware.push(createDeidentificationMiddleware(options.deidentification));
      middleware.push(createResilienceMiddleware(resilience(breaker)));
      if (options.auditSink) middleware.push(createAuditMiddleware({ sink: options.auditSink }));
      return wrapTextModel({ model: provider.textModel(modelId), middleware });
    },
    transcriptionModel(aliasOrId) {
      const { id, purpose } = resolveId(aliasOrId);
      const { provider, modelId, breaker } = lookup(id);
      if (!provider.transcriptionModel) {
        throw new AppError('invalid_input', `${provider.name} har ingen talegjenkjenning`, {
          details: { provider: provider.name },
        });
      }
      return guardTranscriptionModel(provider.transcriptionModel(modelId), {
        resilience: resilience(breaker),
        auditSink: options.auditSink,
        purpose,
      });
    },
    resolve: (alias) => config.aliases[alias],
    describeDataFlow: (language) => describeDataFlow(config, language),
  };
}
