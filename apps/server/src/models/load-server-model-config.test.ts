import { describe, expect, it } from 'vitest';
import { AppError } from '@kollega/domain';
import { loadConfig } from '../config';
import { createAppContext } from '../context';
import { loadServerModelConfig } from './load-server-model-config';

describe('model configuration in the server config', () => {
  it('reads KOLLEGA_MODEL_NOTE_DRAFTING and the OpenAI-compatible provider from the environment', () => {
    const config = loadConfig({
      env: {
        KOLLEGA_MODEL_NOTE_DRAFTING: 'openai-compatible:llama3.1:8b',
        KOLLEGA_OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
        KOLLEGA_OPENAI_NAME: 'Ollama',
      },
    });
    expect(config.models.aliases['note-drafting']).toBe('openai-compatible:llama3.1:8b');
    expect(config.models.providers['openai-compatible']).toMatchObject({
      type: 'openai-compatible',
      baseURL: 'http://127.0.0.1:11434/v1',
      displayName: 'Ollama',
    });
    expect(loadConfig({ env: {} }).models.aliases).toEqual({});
  });

  it('reads KOLLEGA_MODELS_LOCAL_ONLY as the localOnly policy; KOLLEGA_MODEL_LOCAL_ONLY wins', () => {
    expect(loadServerModelConfig({ KOLLEGA_MODELS_LOCAL_ONLY: 'true' }).policy.localOnly).toBe(true);
    expect(loadServerModelConfig({}).policy.localOnly).toBe(false);
    expect(
      loadServerModelConfig({ KOLLEGA_MODELS_LOCAL_ONLY: 'true', KOLLEGA_MODEL_LOCAL_ONLY: 'false' }).policy
        .localOnly,
    ).toBe(false);
  });

  it('fails at start-up when the note model names a provider that is not set up', async () => {
    const config = loadConfig({
      env: { KOLLEGA_MODEL_NOTE_DRAFTING: 'openai-compatible:llama3' },
      overrides: { databaseUrl: 'sqlite::memory:', logLevel: 'silent' },
    });
    await expect(createAppContext(config)).rejects.toBeInstanceOf(AppError);
    await expect(createAppContext(config)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
