import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '@kollega/domain';
import { InMemoryAuditSink } from '../audit/audit-sink';
import { describeTextModelContract } from '../testing/text-model-contract';
import type { FakeOpenAIServer } from '../testing/fake-openai-server';
import { startFakeOpenAIServer } from '../testing/fake-openai-server';
import { describeDataFlow } from './describe-data-flow';
import { loadModelConfig, parseModelConfig } from './model-config';
import { createModelRegistry } from './model-registry';

function errorOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describeTextModelContract('registry model with every middleware (non-local)', async () => {
  const server = await startFakeOpenAIServer();
  const registry = createModelRegistry(
    parseModelConfig({
      providers: { cloud: { type: 'openai-compatible', baseURL: server.baseURL, local: false } },
      aliases: { summary: 'cloud:m' },
    }),
    { auditSink: new InMemoryAuditSink() },
  );
  return {
    model: registry.textModel('summary'),
    answerNext: (text) => server.enqueue({ kind: 'text', content: text }),
    lastPrompt: () =>
      (server.requests.at(-1)?.json?.messages ?? []).map((message) => message.content).join('\n'),
    close: () => server.close(),
  };
});

describe('loadModelConfig', () => {
  it('reads providers, aliases, policy and resilience from the environment', () => {
    const config = loadModelConfig({
      KOLLEGA_MODEL_NOTE_DRAFTING: 'openai-compatible:llama3.1:8b',
      KOLLEGA_MODEL_DEFAULT: 'azure:gpt-4o-eu',
      KOLLEGA_MODEL_TRANSCRIPTION: 'openai-compatible:nb-whisper',
      KOLLEGA_OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      KOLLEGA_OPENAI_NAME: 'Ollama',
      KOLLEGA_AZURE_ENDPOINT: 'https://kollega-sweden.openai.azure.com',
      KOLLEGA_AZURE_API_KEY: 'azure-secret',
      KOLLEGA_MODEL_LOCAL_ONLY: 'false',
      KOLLEGA_MODEL_TIMEOUT_MS: '30000',
      KOLLEGA_MODEL_MAX_RETRIES: '1',
    });
    expect(config.aliases).toEqual({
      'note-drafting': 'openai-compatible:llama3.1:8b',
      verification: 'azure:gpt-4o-eu',
      triage: 'azure:gpt-4o-eu',
      summary: 'azure:gpt-4o-eu',
      translation: 'azure:gpt-4o-eu',
      transcription: 'openai-compatible:nb-whisper',
    });
    expect(config.providers['openai-compatible']).toMatchObject({
      type: 'openai-compatible',
      displayName: 'Ollama',
    });
    expect(config.providers.azure).toMatchObject({ type: 'azure-openai', apiVersion: '2024-10-21' });
    expect(config.providers['llama-cpp']).toMatchObject({ type: 'node-llama-cpp' });
    expect(config.resilience).toMatchObject({ timeoutMs: 30_000, maxRetries: 1 });
    expect(config.policy.localOnly).toBe(false);
  });

  it('reads a JSON config file and lets the environment override it', () => {
    const file = JSON.stringify({
      providers: {
        lab: {
          type: 'openai-compatible',
          baseURL: 'http://10.0.0.7:8000/v1',
          local: true,
          displayName: 'vLLM på lab',
        },
      },
      aliases: { 'note-drafting': 'lab:qwen2.5-14b', triage: 'lab:qwen2.5-14b' },
      policy: { localOnly: true },
    });
    const config = loadModelConfig(
      { KOLLEGA_MODEL_CONFIG: '/etc/kollega/models.json', KOLLEGA_MODEL_TRIAGE: 'llama-cpp:triage.gguf' },
      { readFile: (path) => (path === '/etc/kollega/models.json' ? file : '') },
    );
    expect(config.aliases).toEqual({ 'note-drafting': 'lab:qwen2.5-14b', triage: 'llama-cpp:triage.gguf' });
    expect(config.policy.localOnly).toBe(true);
    expect(config.providers.lab).toMatchObject({ local: true });
  });

  it('names the bad field without echoing values (secrets stay out of errors)', () => {
    const error = errorOf(() =>
      loadModelConfig({
        KOLLEGA_AZURE_ENDPOINT: 'not a url with secret-key-123',
        KOLLEGA_AZURE_API_KEY: 'secret-key-123',
      }),
    );
    expect(isAppError(error) && error.code).toBe('invalid_input');
    expect(isAppError(error) && error.details.field).toBe('providers.azure.endpoint');
    expect(JSON.stringify(error) + String((error as Error).message)).not.toContain('secret-key-123');
  });

  it('rejects an alias that is not provider:model', () => {
    expect(() => loadModelConfig({ KOLLEGA_MODEL_TRIAGE: 'llama3' })).toThrow(/aliases\.triage/);
  });
});

describe('createModelRegistry', () => {
  let server: FakeOpenAIServer;
  beforeAll(async () => {
    server = await startFakeOpenAIServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  it('resolves aliases and ids, and tags calls with the purpose for the audit', async () => {
    const sink = new InMemoryAuditSink();
    const registry = createModelRegistry(
      parseModelConfig({
        providers: { local: { type: 'openai-compatible', baseURL: server.baseURL } },
        aliases: { triage: 'local:small' },
      }),
      { auditSink: sink },
    );
    expect(registry.resolve('triage')).toBe('local:small');
    server.enqueue({ kind: 'text', content: 'a' }, { kind: 'text', content: 'b' });
    await registry.textModel('triage').generateText({ messages: [{ role: 'user', content: 'x' }] });
    await registry.textModel('local:other').generateText({ messages: [{ role: 'user', content: 'y' }] });
    expect(server.requests.map((request) => request.json?.model)).toEqual(['small', 'other']);
    expect(sink.modelCalls().map((event) => event.details.purpose)).toEqual(['triage', 'unspecified']);
  });

  it('does not de-identify for a local provider, and does for a non-local one', async () => {
    const config = parseModelConfig({
      providers: {
        here: { type: 'openai-compatible', baseURL: server.baseURL },
        away: { type: 'openai-compatible', baseURL: server.baseURL, local: false },
      },
    });
    const registry = createModelRegistry(config);
    const text = 'Ring meg på 912 34 567.';
    server.enqueue({ kind: 'text', content: 'ok' }, { kind: 'text', content: 'ok' });
    await registry.textModel('here:m').generateText({ messages: [{ role: 'user', content: text }] });
    await registry.textModel('away:m').generateText({ messages: [{ role: 'user', content: text }] });
    expect(server.requests[0]!.body).toContain('912 34 567');
    expect(server.requests[1]!.body).not.toContain('912 34 567');
  });

  it('refuses non-local providers under localOnly, for text and transcription', () => {
    const registry = createModelRegistry(
      parseModelConfig({
        providers: {
          azure: { type: 'azure-openai', endpoint: 'https://x.openai.azure.com' },
          here: { type: 'openai-compatible', baseURL: 'http://127.0.0.1:9/v1' },
        },
        aliases: { summary: 'azure:gpt', transcription: 'azure:whisper', triage: 'here:m' },
        policy: { localOnly: true },
      }),
    );
    expect(errorOf(() => registry.textModel('summary'))).toMatchObject({ code: 'forbidden' });
    expect(errorOf(() => registry.transcriptionModel('transcription'))).toMatchObject({ code: 'forbidden' });
    expect(registry.textModel('triage').local).toBe(true);
  });

  it('fails clearly for unknown providers and unconfigured purposes', () => {
    expect(() => createModelRegistry(parseModelConfig({ aliases: { summary: 'nowhere:m' } }))).toThrow(
      /ukjent leverandør/,
    );
    const registry = createModelRegistry(parseModelConfig({}));
    expect(errorOf(() => registry.textModel('summary'))).toMatchObject({ code: 'not_found' });
    expect(errorOf(() => registry.textModel('nowhere:m'))).toMatchObject({ code: 'invalid_input' });
  });

  it('audits transcription calls with a hash of the audio', async () => {
    const sink = new InMemoryAuditSink();
    const registry = createModelRegistry(
      parseModelConfig({
        providers: { whisper: { type: 'openai-compatible', baseURL: server.baseURL } },
        aliases: { transcription: 'whisper:nb-whisper' },
      }),
      { auditSink: sink },
    );
    server.enqueue({ kind: 'error', status: 500 }, { kind: 'transcription', text: 'hei', segments: [] });
    const result = await registry.transcriptionModel('transcription').transcribe({
      audio: new Uint8Array([1, 2, 3]),
      mediaType: 'audio/wav',
      context: { consultationId: 'c-1' },
    });
    expect(result.text).toBe('hei');
    expect(
      sink.modelCalls().map((event) => [event.outcome, event.details.operation, event.details.purpose]),
    ).toEqual([
      ['failure', 'transcribe', 'transcription'],
      ['success', 'transcribe', 'transcription'],
    ]);
  });
});

describe('describeDataFlow', () => {
  const config = parseModelConfig({
    providers: {
      ollama: { type: 'openai-compatible', baseURL: 'http://127.0.0.1:11434/v1', displayName: 'Ollama' },
      azure: { type: 'azure-openai', endpoint: 'https://kollega-sweden.openai.azure.com', apiKey: 'secret' },
      'llama-cpp': { type: 'node-llama-cpp' },
    },
    aliases: {
      'note-drafting': 'ollama:llama3',
      summary: 'azure:gpt-4o',
      transcription: 'azure:whisper',
      triage: 'llama-cpp:t.gguf',
    },
  });

  it('says per purpose whether data stays or is sent, where, and de-identified or not', () => {
    const flows = describeDataFlow(config, 'en');
    const byPurpose = Object.fromEntries(flows.map((flow) => [flow.purpose, flow]));
    expect(byPurpose['note-drafting']).toMatchObject({
      kind: 'stays',
      description: 'Stays on this server (ollama:llama3).',
    });
    expect(byPurpose.triage).toMatchObject({ kind: 'stays' });
    expect(byPurpose.summary).toMatchObject({
      kind: 'sent',
      deidentified: true,
      host: 'kollega-sweden.openai.azure.com',
      description: 'Sent to Azure OpenAI at kollega-sweden.openai.azure.com, de-identified.',
    });
    expect(byPurpose.transcription).toMatchObject({ kind: 'sent', deidentified: false });
    expect(byPurpose.translation).toMatchObject({ kind: 'none' });
    expect(JSON.stringify(flows)).not.toContain('secret');
  });

  it('is in Norwegian by default and shows policy blocks', () => {
    const flows = describeDataFlow({ ...config, policy: { localOnly: true } });
    const summary = flows.find((flow) => flow.purpose === 'summary');
    expect(summary).toMatchObject({ kind: 'blocked' });
    expect(summary?.description).toMatch(/bare lokale modeller/);
    expect(flows.find((flow) => flow.purpose === 'note-drafting')?.description).toBe(
      'Blir på denne serveren (ollama:llama3).',
    );
  });
});
