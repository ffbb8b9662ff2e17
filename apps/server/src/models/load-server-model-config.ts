import type { ModelConfig } from '@kollega/ai';
import { loadModelConfig } from '@kollega/ai';

/**
 * The server's language-model configuration from the environment (`loadModelConfig`: KOLLEGA_MODEL_NOTE_DRAFTING,
 * KOLLEGA_OPENAI_BASE_URL …, optionally a JSON file in KOLLEGA_MODEL_CONFIG). `KOLLEGA_MODELS_LOCAL_ONLY` is read
 * as another spelling of `KOLLEGA_MODEL_LOCAL_ONLY`; the latter wins when both are set.
 */
export function loadServerModelConfig(env: Record<string, string | undefined>): ModelConfig {
  const localOnly = env.KOLLEGA_MODEL_LOCAL_ONLY?.trim() || env.KOLLEGA_MODELS_LOCAL_ONLY?.trim();
  return loadModelConfig(localOnly ? { ...env, KOLLEGA_MODEL_LOCAL_ONLY: localOnly } : env);
}
