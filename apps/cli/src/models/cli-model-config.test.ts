import { describe, expect, it } from 'vitest';
import { AppError } from '@kollega/domain';
import {
  createCliModelRegistry,
  loadCliModelConfig,
  requireModelProvider,
  resolveCommandModel,
} from './cli-model-config';

const LOOPBACK = 'http://127.0.0.1:11434/v1';
const REMOTE = 'https://llm.example.org/v1';

function expectAppError(run: () => unknown, code: string, message: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe(code);
  expect((caught as AppError).message).toMatch(message);
}

describe('loadCliModelConfig', () => {
  it('lets flags win over the environment', () => {
    const env = {
      KOLLEGA_MODEL_NOTE_DRAFTING: 'openai-compatible:from-env',
      KOLLEGA_OPENAI_BASE_URL: REMOTE,
      KOLLEGA_OPENAI_API_KEY: 'env-key',
    };
    const fromEnvironment = loadCliModelConfig({}, { purpose: 'note-drafting', env });
    expect(fromEnvironment.aliases['note-drafting']).toBe('openai-compatible:from-env');
    expect(fromEnvironment.providers['openai-compatible']).toMatchObject({
      baseURL: REMOTE,
      apiKey: 'env-key',
    });

    const fromFlags = loadCliModelConfig(
      { model: 'openai-compatible:from-flag', baseUrl: LOOPBACK, apiKey: 'flag-key' },
      { purpose: 'note-drafting', env },
    );
    expect(fromFlags.aliases['note-drafting']).toBe('openai-compatible:from-flag');
    expect(fromFlags.providers['openai-compatible']).toMatchObject({ baseURL: LOOPBACK, apiKey: 'flag-key' });
  });

  it('marks the chosen model’s provider with --remote and --local, over KOLLEGA_OPENAI_LOCAL', () => {
    const registryFor = (flags: Parameters<typeof loadCliModelConfig>[0], env: Record<string, string>) =>
      createCliModelRegistry(flags, { env });
    const loopback = { KOLLEGA_OPENAI_BASE_URL: LOOPBACK };
    expect(registryFor({}, loopback).textModel('openai-compatible:m').local).toBe(true);
    const remote = loadCliModelConfig(
      { model: 'openai-compatible:m', remote: true },
      {
        purpose: 'note-drafting',
        env: { ...loopback, KOLLEGA_OPENAI_LOCAL: 'true' },
      },
    );
    expect(remote.providers['openai-compatible']).toMatchObject({ local: false });
    const local = loadCliModelConfig(
      { model: 'openai-compatible:m', local: true },
      {
        purpose: 'note-drafting',
        env: { KOLLEGA_OPENAI_BASE_URL: REMOTE },
      },
    );
    expect(local.providers['openai-compatible']).toMatchObject({ local: true });
  });

  it('reads KOLLEGA_MODELS_LOCAL_ONLY as the localOnly policy', () => {
    expect(loadCliModelConfig({}, { env: { KOLLEGA_MODELS_LOCAL_ONLY: 'true' } }).policy.localOnly).toBe(
      true,
    );
    expect(
      loadCliModelConfig(
        {},
        { env: { KOLLEGA_MODELS_LOCAL_ONLY: 'true', KOLLEGA_MODEL_LOCAL_ONLY: 'false' } },
      ).policy.localOnly,
    ).toBe(false);
  });

  it('refuses contradictory or malformed flags with a clear message', () => {
    expectAppError(
      () => loadCliModelConfig({ local: true, remote: true }, { env: {} }),
      'invalid_input',
      /enten --local eller --remote/,
    );
    expectAppError(() => loadCliModelConfig({ model: 'llama3' }, { env: {} }), 'invalid_input', /--model/);
    expectAppError(
      () =>
        loadCliModelConfig(
          { model: 'llama-cpp:model.gguf', remote: true },
          { purpose: 'note-drafting', env: {} },
        ),
      'invalid_input',
      /--remote gjelder bare OpenAI-kompatible/,
    );
  });
});

describe('requireModelProvider', () => {
  it('asks for a base URL when the OpenAI-compatible provider is not set up', () => {
    const config = loadCliModelConfig({}, { env: {} });
    expectAppError(
      () => requireModelProvider(config, 'openai-compatible:m'),
      'invalid_input',
      /trenger --base-url eller KOLLEGA_OPENAI_BASE_URL/,
    );
    expectAppError(() => requireModelProvider(config, 'ukjent:m'), 'invalid_input', /Ukjent leverandør/);
    expect(() => requireModelProvider(config, 'llama-cpp:m.gguf')).not.toThrow();
  });
});

describe('resolveCommandModel', () => {
  it('uses the built-in engine when no model is chosen, or when --model builtin overrides the environment', () => {
    expect(resolveCommandModel({}, { env: {} })).toBeUndefined();
    expect(
      resolveCommandModel(
        { model: 'builtin' },
        { env: { KOLLEGA_MODEL_NOTE_DRAFTING: 'openai-compatible:m', KOLLEGA_OPENAI_BASE_URL: LOOPBACK } },
      ),
    ).toBeUndefined();
  });

  it('resolves the model from the environment, KOLLEGA_MODEL_DEFAULT included, and describes where data goes', () => {
    const fromDefault = resolveCommandModel(
      {},
      { env: { KOLLEGA_MODEL_DEFAULT: 'openai-compatible:m', KOLLEGA_OPENAI_BASE_URL: REMOTE } },
    );
    expect(fromDefault?.id).toBe('openai-compatible:m');
    expect(fromDefault?.model.local).toBe(false);
    expect(fromDefault?.dataFlow).toMatchObject({
      kind: 'sent',
      host: 'llm.example.org',
      deidentified: true,
    });
  });

  it('refuses a non-local model under the localOnly policy, and model flags without a model', () => {
    expectAppError(
      () =>
        resolveCommandModel(
          { model: 'openai-compatible:m', baseUrl: LOOPBACK, remote: true },
          { env: { KOLLEGA_MODEL_LOCAL_ONLY: 'true' } },
        ),
      'forbidden',
      /Bare lokale modeller/,
    );
    expectAppError(
      () => resolveCommandModel({ baseUrl: LOOPBACK }, { env: {} }),
      'invalid_input',
      /krever en modell/,
    );
    expectAppError(
      () => resolveCommandModel({ model: 'builtin', remote: true }, { env: {} }),
      'invalid_input',
      /gjelder ikke den innebygde motoren/,
    );
  });
});
