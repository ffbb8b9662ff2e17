import { hostOf, isLoopbackUrl } from '../is-local-url';

/** Options for an OpenAI-compatible provider (Ollama, vLLM, llama.cpp server, LM Studio, OpenAI, Azure). */
export interface OpenAICompatibleProviderOptions {
  /** Provider id, the part before `:` in `provider:model` (`openai-compatible`, `azure`, `ollama`). */
  name: string;
  /** Name shown to users in the data-flow description ("Ollama", "Azure OpenAI"); defaults to `name`. */
  displayName?: string;
  /**
   * Base URL including the API version path: `http://127.0.0.1:11434/v1` (Ollama),
   * `http://127.0.0.1:8080/v1` (llama.cpp server). For Azure: the resource endpoint,
   * `https://NAME.openai.azure.com`.
   */
  baseURL: string;
  /** Sent as `Authorization: Bearer …` (or `api-key: …` for Azure). Never logged. */
  apiKey?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Azure OpenAI: deployment URLs (`/openai/deployments/{model}/…?api-version=`) and the `api-key` header. */
  azure?: { apiVersion: string };
  /** Overrides the loopback rule: true for a server on the practice's own network, false to force de-identification. */
  local?: boolean;
  /** Injectable fetch (tests, proxies); defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Context window of the models, in tokens, when known. */
  contextTokens?: number;
  /** Ask for token usage in streams (`stream_options.include_usage`); default true. */
  streamUsage?: boolean;
}

/** The resolved settings an OpenAI-compatible model uses for every request. */
export interface OpenAICompatibleSettings {
  name: string;
  displayName: string;
  local: boolean;
  host: string;
  contextTokens?: number;
  streamUsage: boolean;
  fetch: typeof fetch;
  /** The URL of an API path (`/chat/completions`) for a model. */
  url(path: string, modelId: string): string;
  /** Headers with authentication. */
  headers(): Record<string, string>;
}

/** Resolves provider options into settings; see `OpenAICompatibleSettings`. */
export function resolveOpenAICompatibleSettings(
  options: OpenAICompatibleProviderOptions,
): OpenAICompatibleSettings {
  const baseURL = options.baseURL.replace(/\/+$/, '');
  const azure = options.azure;
  return {
    name: options.name,
    displayName: options.displayName ?? options.name,
    local: options.local ?? isLoopbackUrl(baseURL),
    host: hostOf(baseURL),
    contextTokens: options.contextTokens,
    streamUsage: options.streamUsage ?? true,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    url(path, modelId) {
      if (!azure) return `${baseURL}${path}`;
      const deployment = encodeURIComponent(modelId);
      return `${baseURL}/openai/deployments/${deployment}${path}?api-version=${encodeURIComponent(azure.apiVersion)}`;
    },
    headers() {
      const authentication: Record<string, string> =
        options.apiKey === undefined || options.apiKey === ''
          ? {}
          : azure
            ? { 'api-key': options.apiKey }
            : { authorization: `Bearer ${options.apiKey}` };
      return { ...authentication, ...options.headers };
    },
  };
}
