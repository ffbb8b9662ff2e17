import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isAppError } from '@kollega/domain';
import type { AppError } from '@kollega/domain';
import { generateObject } from '../../models/generate-object';
import type { TextModel, TextStreamPart } from '../../models/text-model';
import { describeTextModelContract } from '../../testing/text-model-contract';
import type { FakeOpenAIServer } from '../../testing/fake-openai-server';
import { startFakeOpenAIServer } from '../../testing/fake-openai-server';
import { createAzureOpenAIProvider, createOpenAICompatibleProvider } from './openai-compatible-provider';

function lastPromptOf(server: FakeOpenAIServer): string {
  return (server.requests.at(-1)?.json?.messages ?? []).map((message) => message.content).join('\n');
}

describeTextModelContract('OpenAI-compatible over HTTP', async () => {
  const server = await startFakeOpenAIServer();
  const model = createOpenAICompatibleProvider({
    name: 'openai-compatible',
    baseURL: server.baseURL,
  }).textModel('llama3');
  return {
    model,
    answerNext: (text) => server.enqueue({ kind: 'text', content: text }),
    lastPrompt: () => lastPromptOf(server),
    close: () => server.close(),
  };
});

describeTextModelContract('Azure OpenAI deployment URL form', async () => {
  const server = await startFakeOpenAIServer();
  const model = createAzureOpenAIProvider({ endpoint: server.origin, apiKey: 'azure-test-key' }).textModel(
    'gpt-4o-eu',
  );
  return {
    model,
    answerNext: (text) => server.enqueue({ kind: 'text', content: text }),
    lastPrompt: () => lastPromptOf(server),
    close: () => server.close(),
  };
});

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function drain(iterable: AsyncIterable<unknown>): Promise<void> {
  for await (const _part of iterable) {
    // consume
  }
}

describe('OpenAICompatibleTextModel', () => {
  let server: FakeOpenAIServer;
  let model: TextModel;
  const schema = z.object({ answer: z.string() });

  beforeAll(async () => {
    server = await startFakeOpenAIServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.reset();
    model = createOpenAICompatibleProvider({
      name: 'openai-compatible',
      baseURL: server.baseURL,
      apiKey: 'secret-key',
    }).textModel('llama3');
  });

  it('posts to {baseURL}/chat/completions with a bearer token and the model id', async () => {
    server.enqueue({ kind: 'text', content: 'ok' });
    await model.generateText({
      messages: [{ role: 'user', content: 'Hei' }],
      maxOutputTokens: 50,
      temperature: 0,
    });
    const request = server.requests[0]!;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe('Bearer secret-key');
    expect(request.json).toMatchObject({ model: 'llama3', max_tokens: 50, temperature: 0 });
  });

  it('uses the Azure deployment URL, api-version and api-key header', async () => {
    const azure = createAzureOpenAIProvider({
      endpoint: server.origin,
      apiKey: 'azure-key',
      apiVersion: '2024-10-21',
    });
    server.enqueue({ kind: 'text', content: 'ok' });
    await azure.textModel('my-deployment').generateText({ messages: [{ role: 'user', content: 'Hei' }] });
    const request = server.requests[0]!;
    expect(request.path).toBe('/openai/deployments/my-deployment/chat/completions');
    expect(request.query['api-version']).toBe('2024-10-21');
    expect(request.headers['api-key']).toBe('azure-key');
    expect(request.headers.authorization).toBeUndefined();
    expect(azure.local).toBe(false);
  });

  it('asks for JSON-schema output when the server supports it', async () => {
    server.enqueue({ kind: 'text', content: '{"answer":"ja"}' });
    const result = await generateObject(model, {
      messages: [{ role: 'user', content: 'Svar' }],
      schema,
      schemaName: 'svar',
    });
    expect(result).toMatchObject({ success: true, object: { answer: 'ja' }, responseFormat: 'json-schema' });
    expect(server.requests[0]!.json?.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'svar' },
    });
  });

  it('falls back to JSON mode, then to prompt instructions, and remembers it', async () => {
    server.rejectResponseFormats(['json_schema']);
    server.enqueue({ kind: 'text', content: '{"answer":"ja"}' });
    const jsonMode = await generateObject(model, {
      messages: [
        { role: 'system', content: 'Regler.' },
        { role: 'user', content: 'Svar' },
      ],
      schema,
      schemaName: 'svar',
    });
    expect(jsonMode).toMatchObject({ success: true, responseFormat: 'json-object' });
    expect(server.requests.map((request) => request.json?.response_format?.type)).toEqual([
      'json_schema',
      'json_object',
    ]);
    // Without server-side schema, the schema goes into the system message.
    expect(server.requests[1]!.json?.messages?.[0]?.content).toContain('JSON Schema');

    server.reset();
    server.rejectResponseFormats(['json_schema', 'json_object']);
    server.enqueue({ kind: 'text', content: '```json\n{"answer":"nei"}\n```' });
    const promptOnly = await generateObject(model, {
      messages: [{ role: 'user', content: 'Svar' }],
      schema,
      schemaName: 'svar',
    });
    expect(promptOnly).toMatchObject({ success: true, object: { answer: 'nei' }, responseFormat: 'prompt' });
    expect(server.requests.map((request) => request.json?.response_format?.type)).toEqual([
      'json_object',
      undefined,
    ]);

    server.reset();
    server.rejectResponseFormats(['json_schema', 'json_object']);
    server.enqueue({ kind: 'text', content: '{"answer":"igjen"}' });
    await generateObject(model, {
      messages: [{ role: 'user', content: 'Svar' }],
      schema,
      schemaName: 'svar',
    });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.json?.response_format).toBeUndefined();
  });

  it('maps 429 to a retryable rate_limited error with Retry-After', async () => {
    server.enqueue({ kind: 'error', status: 429, headers: { 'retry-after': '2' } });
    const error = await failureOf(model.generateText({ messages: [{ role: 'user', content: 'Hei' }] }));
    expect(error.code).toBe('rate_limited');
    expect(error.details).toMatchObject({ retryable: true, retryAfterMs: 2000, status: 429 });
  });

  it('maps 5xx to a retryable unavailable error and 400 to a non-retryable one', async () => {
    server.enqueue(
      { kind: 'error', status: 503 },
      { kind: 'error', status: 400, message: 'context length exceeded' },
    );
    const unavailable = await failureOf(model.generateText({ messages: [{ role: 'user', content: 'Hei' }] }));
    expect(unavailable).toMatchObject({ code: 'unavailable', details: { retryable: true, status: 503 } });
    const invalid = await failureOf(model.generateText({ messages: [{ role: 'user', content: 'Hei' }] }));
    expect(invalid).toMatchObject({ code: 'invalid_input', details: { retryable: false } });
  });

  it('never puts the server error body (which may echo patient text) in the error', async () => {
    server.enqueue({ kind: 'error', status: 500, message: 'Ingrid Hansen 01019012345 failed' });
    const error = await failureOf(model.generateText({ messages: [{ role: 'user', content: 'Hei' }] }));
    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toMatch(/Ingrid|01019012345/);
  });

  it('reports a 200 answer that is not JSON as unavailable', async () => {
    server.enqueue({ kind: 'raw', status: 200, body: '<html>proxy error</html>', contentType: 'text/html' });
    const error = await failureOf(model.generateText({ messages: [{ role: 'user', content: 'Hei' }] }));
    expect(error).toMatchObject({ code: 'unavailable', details: { reason: 'not_json' } });
  });

  it('reports a dropped connection as a retryable network failure', async () => {
    server.enqueue({ kind: 'reset' });
    const error = await failureOf(model.generateText({ messages: [{ role: 'user', content: 'Hei' }] }));
    expect(error).toMatchObject({ code: 'unavailable', details: { retryable: true, reason: 'network' } });
  });

  it('rejects a stream that breaks off before its end', async () => {
    server.enqueue({ kind: 'truncated-stream', content: 'Et svar som blir kuttet midt i.' });
    const error = await failureOf(drain(model.streamText({ messages: [{ role: 'user', content: 'Hei' }] })));
    expect(error).toMatchObject({ code: 'unavailable', details: { reason: 'truncated_stream' } });
  });

  it('asks for usage in streams and reports it', async () => {
    server.enqueue({ kind: 'text', content: 'Strømmet svar.' });
    let finish: TextStreamPart | undefined;
    for await (const part of model.streamText({ messages: [{ role: 'user', content: 'Hei' }] })) {
      if (part.type === 'finish') finish = part;
    }
    expect(server.requests[0]!.json).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(finish?.type === 'finish' && finish.usage.estimated).toBeFalsy();
    expect(finish?.type === 'finish' && finish.usage.inputTokens).toBeGreaterThan(0);
  });

  it('estimates usage when the server reports none', async () => {
    server.enqueue({ kind: 'text', content: 'Svar uten bruk.', omitUsage: true });
    const result = await model.generateText({ messages: [{ role: 'user', content: 'Hei' }] });
    expect(result.usage.estimated).toBe(true);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  it('reports the length limit as finish reason', async () => {
    server.enqueue({ kind: 'text', content: '{"answer":', finishReason: 'length' });
    const result = await model.generateText({ messages: [{ role: 'user', content: 'Hei' }] });
    expect(result.finishReason).toBe('length');
  });

  it('cancels a hanging call when the signal aborts, as a cancellation; a timeout signal gives timeout', async () => {
    server.enqueue({ kind: 'hang' });
    const controller = new AbortController();
    const pending = failureOf(
      model.generateText({ messages: [{ role: 'user', content: 'Hei' }], signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({
      code: 'unavailable',
      details: { reason: 'cancelled', retryable: false },
    });

    server.enqueue({ kind: 'hang' });
    const timedOut = await failureOf(
      model.generateText({ messages: [{ role: 'user', content: 'Hei' }], signal: AbortSignal.timeout(50) }),
    );
    expect(timedOut.code).toBe('timeout');
  });

  it('treats loopback base URLs as local unless told otherwise', () => {
    expect(createOpenAICompatibleProvider({ name: 'a', baseURL: 'http://127.0.0.1:11434/v1' }).local).toBe(
      true,
    );
    expect(createOpenAICompatibleProvider({ name: 'b', baseURL: 'http://localhost:8080/v1' }).local).toBe(
      true,
    );
    expect(createOpenAICompatibleProvider({ name: 'c', baseURL: 'http://[::1]:8000/v1' }).local).toBe(true);
    expect(createOpenAICompatibleProvider({ name: 'd', baseURL: 'http://10.0.0.5:8000/v1' }).local).toBe(
      false,
    );
    expect(
      createOpenAICompatibleProvider({ name: 'e', baseURL: 'http://10.0.0.5:8000/v1', local: true }).local,
    ).toBe(true);
    expect(
      createOpenAICompatibleProvider({ name: 'f', baseURL: 'http://127.0.0.1:1/v1', local: false }).local,
    ).toBe(false);
  });

  it('uses an injected fetch', async () => {
    const seen: string[] = [];
    const fetchSpy: typeof fetch = (input, init) => {
      seen.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      return fetch(input, init);
    };
    server.enqueue({ kind: 'text', content: 'ok' });
    const injected = createOpenAICompatibleProvider({
      name: 'x',
      baseURL: server.baseURL,
      fetch: fetchSpy,
    }).textModel('m');
    await injected.generateText({ messages: [{ role: 'user', content: 'Hei' }] });
    expect(seen).toEqual([`${server.baseURL}/chat/completions`]);
  });
});
