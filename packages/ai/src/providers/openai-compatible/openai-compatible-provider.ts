import type { ModelProvider } from '../../models/model-provider';
import type { OpenAICompatibleProviderOptions } from './openai-compatible-config';
import { resolveOpenAICompatibleSettings } from './openai-compatible-config';
import { OpenAICompatibleTextModel } from './openai-compatible-text-model';
import { OpenAICompatibleTranscriptionModel } from './openai-compatible-transcription-model';

/**
 * An OpenAI-compatible provider configured by `baseURL` with an injectable `fetch`: Ollama, vLLM,
 * llama.cpp server, LM Studio, OpenAI — and Azure OpenAI with `azure: { apiVersion }`.
 */
export function createOpenAICompatibleProvider(options: OpenAICompatibleProviderOptions): ModelProvider {
  const settings = resolveOpenAICompatibleSettings(options);
  const formatMemory = new Map<string, 'json-schema' | 'json-object' | 'prompt'>();
  return {
    name: settings.name,
    displayName: settings.displayName,
    local: settings.local,
    host: settings.host,
    textModel: (modelId) => new OpenAICompatibleTextModel(settings, modelId, formatMemory),
    transcriptionModel: (modelId) => new OpenAICompatibleTranscriptionModel(settings, modelId),
  };
}

/** Options for `createAzureOpenAIProvider`. */
export interface AzureOpenAIProviderOptions extends Omit<
  OpenAICompatibleProviderOptions,
  'baseURL' | 'azure' | 'name'
> {
  name?: string;
  /** Resource endpoint, e.g. `https://kollega-norway.openai.azure.com` (choose an EU region). */
  endpoint: string;
  /** `api-version` query parameter; defaults to `2024-10-21` (GA). */
  apiVersion?: string;
}

/** Default Azure OpenAI data-plane API version (general availability, 2024-10-21). */
export const DEFAULT_AZURE_API_VERSION = '2024-10-21';

/** Azure OpenAI: model ids are deployment names; authentication by the `api-key` header. */
export function createAzureOpenAIProvider(options: AzureOpenAIProviderOptions): ModelProvider {
  const { endpoint, apiVersion, name, ...rest } = options;
  return createOpenAICompatibleProvider({
    ...rest,
    name: name ?? 'azure',
    displayName: rest.displayName ?? 'Azure OpenAI',
    baseURL: endpoint,
    // Azure is a cloud service: never local, even behind a loopback proxy, unless said explicitly.
    local: rest.local ?? false,
    azure: { apiVersion: apiVersion ?? DEFAULT_AZURE_API_VERSION },
  });
}
