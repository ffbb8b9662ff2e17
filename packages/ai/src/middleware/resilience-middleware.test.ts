import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '@kollega/domain';
import type { TextModel } from '../models/text-model';
import { createOpenAICompatibleProvider } from '../providers/openai-compatible/openai-compatible-provider';
import type { FakeOpenAIServer } from '../testing/fake-openai-server';
import { startFakeOpenAIServer } from '../testing/fake-openai-server';
import type { CircuitBreaker } from './resilience-middleware';
import { createCircuitBreaker, createResilienceMiddleware } from './resilience-middleware';
import { wrapTextModel } from './wrap-text-model';

const MESSAGES = [{ role: 'user' as const, content: 'Hei' }];

describe('resilience middleware against the fake server', () => {
  let server: FakeOpenAIServer;
  let sleeps: number[];
  let breaker: CircuitBreaker;
  let clock: number;
  let model: TextModel;

  const build = (options: { timeoutMs?: number; maxRetries?: number } = {}): TextModel =>
    wrapTextModel({
      model: createOpenAICompatibleProvider({ name: 'fake', baseURL: server.baseURL }).textModel('m'),
      middleware: createResilienceMiddleware({
        timeoutMs: options.timeoutMs ?? 10_000,
        maxRetries: options.maxRetries ?? 2,
        circuitBreaker: breaker,
        sleep: (milliseconds) => {
          sleeps.push(milliseconds);
          return Promise.resolve();
        },
        random: () => 0.5,
      }),
    });

  beforeAll(async () => {
    server = await startFakeOpenAIServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.reset();
    sleeps = [];
    clock = 0;
    breaker = createCircuitBreaker({
      provider: 'fake',
      failureThreshold: 3,
      cooldownMs: 1_000,
      now: () => clock,
    });
    model = build();
  });

  it('retries 429 and 5xx with exponential backoff, then succeeds', async () => {
    server.enqueue(
      { kind: 'error', status: 429 },
      { kind: 'error', status: 502 },
      { kind: 'text', content: 'ok' },
    );
    const result = await model.generateText({ messages: MESSAGES });
    expect(result.text).toBe('ok');
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([375, 750]); // base 500 · 2^n, equal jitter at random 0.5
  });

  it('waits as long as Retry-After says', async () => {
    server.enqueue(
      { kind: 'error', status: 429, headers: { 'retry-after': '3' } },
      { kind: 'text', content: 'ok' },
    );
    await model.generateText({ messages: MESSAGES });
    expect(sleeps).toEqual([3000]);
  });

  it('retries network failures', async () => {
    server.enqueue({ kind: 'reset' }, { kind: 'text', content: 'ok' });
    expect((await model.generateText({ messages: MESSAGES })).text).toBe('ok');
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a 400, and gives up after the retry limit', async () => {
    server.enqueue({ kind: 'error', status: 400, message: 'bad request' });
    await expect(model.generateText({ messages: MESSAGES })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(server.requests).toHaveLength(1);

    server.reset();
    server.enqueue(
      { kind: 'error', status: 500 },
      { kind: 'error', status: 500 },
      { kind: 'error', status: 500 },
    );
    await expect(model.generateText({ messages: MESSAGES })).rejects.toMatchObject({ code: 'unavailable' });
    expect(server.requests).toHaveLength(3);
  });

  it('times out a hanging server without retrying', async () => {
    model = build({ timeoutMs: 100 });
    server.enqueue({ kind: 'hang' });
    await expect(model.generateText({ messages: MESSAGES })).rejects.toMatchObject({ code: 'timeout' });
    expect(server.requests).toHaveLength(1);
  });

  it('honours cancellation by the caller and never retries it', async () => {
    server.enqueue({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await expect(model.generateText({ messages: MESSAGES, signal: controller.signal })).rejects.toMatchObject(
      {
        code: 'unavailable',
        details: { reason: 'cancelled' },
      },
    );
    expect(server.requests).toHaveLength(1);
  });

  it('opens the circuit after repeated failures, refuses calls, and tries once after the cool-down', async () => {
    model = build({ maxRetries: 0 });
    for (let index = 0; index < 3; index += 1) {
      server.enqueue({ kind: 'error', status: 503 });
      await expect(model.generateText({ messages: MESSAGES })).rejects.toMatchObject({ code: 'unavailable' });
    }
    expect(breaker.state()).toBe('open');
    const refused: unknown = await model
      .generateText({ messages: MESSAGES })
      .catch((error: unknown) => error);
    expect(isAppError(refused) && refused.details.reason).toBe('circuit_open');
    expect(server.requests).toHaveLength(3);

    clock = 1_000;
    expect(breaker.state()).toBe('half-open');
    server.enqueue({ kind: 'text', content: 'ok' });
    expect((await model.generateText({ messages: MESSAGES })).text).toBe('ok');
    expect(breaker.state()).toBe('closed');
  });

  it('a failed trial call opens the circuit again', async () => {
    model = build({ maxRetries: 0 });
    for (let index = 0; index < 3; index += 1) {
      server.enqueue({ kind: 'error', status: 500 });
      await model.generateText({ messages: MESSAGES }).catch(() => undefined);
    }
    clock = 1_000;
    server.enqueue({ kind: 'error', status: 500 });
    await model.generateText({ messages: MESSAGES }).catch(() => undefined);
    expect(breaker.state()).toBe('open');
  });

  it('retries a stream that fails before its first part, but not one that broke off midway', async () => {
    server.enqueue({ kind: 'error', status: 503 }, { kind: 'text', content: 'strømmet' });
    let text = '';
    for await (const part of model.streamText({ messages: MESSAGES }))
      if (part.type === 'text-delta') text += part.text;
    expect(text).toBe('strømmet');
    expect(server.requests).toHaveLength(2);

    server.reset();
    server.enqueue(
      { kind: 'truncated-stream', content: 'et svar som blir kuttet' },
      { kind: 'text', content: 'nei' },
    );
    const consume = async (): Promise<void> => {
      for await (const _part of model.streamText({ messages: MESSAGES })) {
        // consume
      }
    };
    await expect(consume()).rejects.toMatchObject({ details: { reason: 'truncated_stream' } });
    expect(server.requests).toHaveLength(1);

    // A dropped connection is retryable in itself, but text already reached the caller.
    server.reset();
    server.enqueue(
      { kind: 'truncated-stream', content: 'et svar som blir kuttet', abrupt: true },
      { kind: 'text', content: 'nei' },
    );
    const seen: string[] = [];
    const consumeAbrupt = async (): Promise<void> => {
      for await (const part of model.streamText({ messages: MESSAGES }))
        if (part.type === 'text-delta') seen.push(part.text);
    };
    await expect(consumeAbrupt()).rejects.toMatchObject({ details: { reason: 'network', retryable: true } });
    expect(seen.length).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(1);
  });
});
