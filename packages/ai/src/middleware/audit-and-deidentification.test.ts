import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSeededRandom, generatePersonNumber } from '@kollega/clinical';
import { InMemoryAuditSink, sha256 } from '../audit/audit-sink';
import type { TextModel, TextStreamPart } from '../models/text-model';
import { createOpenAICompatibleProvider } from '../providers/openai-compatible/openai-compatible-provider';
import type { FakeOpenAIServer } from '../testing/fake-openai-server';
import { startFakeOpenAIServer } from '../testing/fake-openai-server';
import { createAuditMiddleware, hashTextRequest } from './audit-middleware';
import { createDeidentificationMiddleware } from './deidentification-middleware';
import { createResilienceMiddleware } from './resilience-middleware';
import { wrapTextModel } from './wrap-text-model';

const personNumber = generatePersonNumber({ random: createSeededRandom(5) });
const PATIENT_TEXT = `Jeg heter Kari Nordmann, fnr ${personNumber}, tlf 912 34 567. Jeg har hatt feber 38,9 i tre dager.`;

describe('audit and de-identification middleware', () => {
  let server: FakeOpenAIServer;
  let sink: InMemoryAuditSink;
  let model: TextModel;

  beforeAll(async () => {
    server = await startFakeOpenAIServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.reset();
    sink = new InMemoryAuditSink();
    model = wrapTextModel({
      model: createOpenAICompatibleProvider({
        name: 'cloud',
        baseURL: server.baseURL,
        local: false,
      }).textModel('big-model'),
      middleware: [
        createDeidentificationMiddleware(),
        createResilienceMiddleware({ maxRetries: 1, sleep: () => Promise.resolve() }),
        createAuditMiddleware({ sink, now: () => new Date('2026-03-01T10:00:00Z') }),
      ],
    });
  });

  it('sends placeholders instead of identifiers and restores them in the answer', async () => {
    // The fake model answers with what it received from the user, placeholders included.
    server.setDefault((request) => ({
      kind: 'text',
      content: `Notat: ${request.json?.messages?.at(-1)?.content ?? ''}`,
    }));
    const result = await model.generateText({
      messages: [
        { role: 'system', content: 'Skriv notat.' },
        { role: 'user', content: PATIENT_TEXT },
      ],
    });
    const sent = server.requests[0]!.body;
    for (const identifier of ['Kari', 'Nordmann', personNumber, '912 34 567'])
      expect(sent).not.toContain(identifier);
    expect(sent).toContain('[NAVN_1]');
    expect(sent).toContain('[FNR_1]');
    expect(sent).toContain('38,9');
    expect(sent).toContain('Placeholders in square brackets');
    expect(result.text).toBe(`Notat: ${PATIENT_TEXT}`);
  });

  it('masks names known from the consultation that have no cue in the text', async () => {
    server.enqueue({ kind: 'text', content: 'ok' });
    await model.generateText({
      messages: [{ role: 'user', content: 'Ola har vondt i øret.' }],
      context: { knownNames: ['Ola Hansen'] },
    });
    expect(server.requests[0]!.body).not.toContain('Ola');
  });

  it('restores placeholders that arrive split across stream chunks', async () => {
    // The fake streams in 8-character pieces, so "[NAVN_1]" and "[FNR_1]" straddle chunk borders.
    server.setDefault((request) => ({
      kind: 'text',
      content: `Pasient: ${request.json?.messages?.at(-1)?.content ?? ''}`,
    }));
    let text = '';
    const parts: TextStreamPart[] = [];
    for await (const part of model.streamText({
      messages: [{ role: 'user', content: `xx ${PATIENT_TEXT}` }],
    })) {
      parts.push(part);
      if (part.type === 'text-delta') text += part.text;
    }
    expect(text).toBe(`Pasient: xx ${PATIENT_TEXT}`);
    expect(
      parts
        .filter((part) => part.type === 'text-delta')
        .some((part) => part.type === 'text-delta' && part.text.includes('[')),
    ).toBe(false);
  });

  it('records one audit event per attempt with hashes, tokens and outcome, never the content', async () => {
    server.enqueue({ kind: 'error', status: 503 }, { kind: 'text', content: 'Svar om Kari.' });
    await model.generateText({
      messages: [{ role: 'user', content: PATIENT_TEXT }],
      context: { user: 'lege:test', consultationId: 'c-42', purpose: 'note-drafting' },
    });
    const events = sink.modelCalls();
    expect(events.map((event) => event.outcome)).toEqual(['failure', 'success']);
    const [failed, succeeded] = events;
    expect(failed!.details).toMatchObject({ errorCode: 'unavailable', inputTokens: null });
    expect(succeeded).toMatchObject({
      actor: 'lege:test',
      action: 'model.call',
      entityType: 'model',
      entityId: 'cloud:big-model',
      at: '2026-03-01T10:00:00.000Z',
    });
    expect(succeeded!.details).toMatchObject({
      consultationId: 'c-42',
      provider: 'cloud',
      model: 'big-model',
      purpose: 'note-drafting',
      local: false,
      operation: 'generate',
      identifiersReplaced: 3, // the name (one span), the fødselsnummer and the phone number
      responseSha256: sha256('Svar om Kari.'),
    });
    expect(succeeded!.details.inputTokens).toBeGreaterThan(0);
    expect(succeeded!.details.outputTokens).toBeGreaterThan(0);
    expect(typeof succeeded!.details.latencyMs).toBe('number');

    // The request hash is of exactly what was sent (de-identified), so an auditor can match it.
    const sentBody = server.requests[1]!.json!;
    expect(succeeded!.details.requestSha256).toBe(
      hashTextRequest({
        messages: sentBody.messages!.map((message) => ({
          role: message.role as 'user',
          content: message.content,
        })),
        responseFormat: undefined,
      }),
    );
    const serialised = JSON.stringify(sink.events);
    for (const fragment of ['Kari', 'Nordmann', personNumber, 'feber', 'Svar om'])
      expect(serialised).not.toContain(fragment);
  });

  it('audits streams, including ones the consumer stops early', async () => {
    server.enqueue({ kind: 'text', content: 'Et strømmet svar med mange biter.' });
    for await (const part of model.streamText({ messages: [{ role: 'user', content: 'Hei' }] })) {
      if (part.type === 'text-delta') break;
    }
    expect(sink.modelCalls()).toHaveLength(1);
    expect(sink.modelCalls()[0]!.details.operation).toBe('stream');
  });
});
