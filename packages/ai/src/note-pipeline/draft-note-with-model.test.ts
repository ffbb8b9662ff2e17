import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Transcript } from '@kollega/domain';
import { isAppError } from '@kollega/domain';
import { InMemoryAuditSink } from '../audit/audit-sink';
import { parseModelConfig } from '../registry/model-config';
import { createModelRegistry } from '../registry/model-registry';
import type { ModelRegistry } from '../registry/model-registry';
import type { FakeOpenAIServer } from '../testing/fake-openai-server';
import { startFakeOpenAIServer } from '../testing/fake-openai-server';
import { draftNoteWithModel } from './draft-note-with-model';
import { buildNoteMessages } from './note-prompt';
import { findTemplate } from '@kollega/clinical';

/** A synthetic sore-throat consultation. */
const TRANSCRIPT: Transcript = {
  segments: [
    { id: 's1', speaker: 'lege', text: 'Hva kan jeg hjelpe deg med i dag?' },
    { id: 's2', speaker: 'pasient', text: 'Jeg har hatt vondt i halsen i tre dager nå.' },
    { id: 's3', speaker: 'lege', text: 'Har du hatt feber?' },
    { id: 's4', speaker: 'pasient', text: 'Ja, jeg målte 38,9 i går kveld.' },
    { id: 's5', speaker: 'lege', text: 'Mandlene er store og røde med belegg på begge sider.' },
    { id: 's6', speaker: 'lege', text: 'Vi tar en streptokokktest og ser på svaret.' },
  ],
};

/** A long synthetic transcript: numbered turns about distinct topics. */
function longTranscript(turns: number): Transcript {
  return {
    segments: Array.from({ length: turns }, (_, index) => ({
      id: `s${index + 1}`,
      speaker: index % 2 === 0 ? ('pasient' as const) : ('lege' as const),
      text:
        index % 2 === 0
          ? `Tema nummer ${index + 1}: jeg har merket plager med ${['kne', 'rygg', 'mage', 'hode', 'hud'][index % 5]} siden uke ${index + 1} og det har variert.`
          : `Ved undersøkelse nummer ${index + 1} finner jeg rolige forhold uten tegn til betennelse på stedet.`,
    })),
  };
}

const VALID_NOTE = JSON.stringify({
  sections: [
    {
      id: 'aktuelt',
      statements: [{ text: 'Vondt i halsen i 3 d. Feber 38,9 i går.', evidence: ['s2', 's4'] }],
    },
    {
      id: 'undersokelse',
      statements: [{ text: 'Store, røde tonsiller med belegg bilat.', evidence: ['s5'] }],
    },
    { id: 'tiltak', statements: [{ text: 'Strep A-test.', evidence: ['s6'] }] },
  ],
});

function allPromptText(server: FakeOpenAIServer): string {
  return server.requests.map((request) => request.body).join('\n');
}

describe('draftNoteWithModel', () => {
  let server: FakeOpenAIServer;
  let registry: ModelRegistry;
  let sink: InMemoryAuditSink;
  const createRegistry = (timeoutMs: number): ModelRegistry =>
    createModelRegistry(
      parseModelConfig({
        providers: { fake: { type: 'openai-compatible', baseURL: server.baseURL } },
        aliases: { 'note-drafting': 'fake:note-model' },
        resilience: { timeoutMs, maxRetries: 1 },
      }),
      { auditSink: sink, sleep: () => Promise.resolve() },
    );

  beforeAll(async () => {
    server = await startFakeOpenAIServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.reset();
    server.setDefault({ kind: 'echo-note' });
    sink = new InMemoryAuditSink();
    // Generous: a loaded CI machine must not turn the first call into a timeout.
    registry = createRegistry(10_000);
  });

  const draft = (overrides: Partial<Parameters<typeof draftNoteWithModel>[0]> = {}) =>
    draftNoteWithModel({
      transcript: TRANSCRIPT,
      model: registry.textModel('note-drafting'),
      language: 'nb',
      audit: { user: 'lege:test', consultationId: 'c-1' },
      ...overrides,
    });

  it('writes the note in one call when the transcript fits, in template order with evidence', async () => {
    server.enqueue({ kind: 'text', content: VALID_NOTE });
    const result = await draft();
    expect(result.warnings).toEqual([]);
    expect(result.value.engine).toBe('fake:note-model');
    expect(result.value.modelCalls).toBe(1);
    expect(server.requests).toHaveLength(1);
    expect(result.value.note.template).toBe('fastlege');
    expect(result.value.note.sections.map((section) => section.id)).toEqual([
      'aktuelt',
      'undersokelse',
      'vurdering',
      'tiltak',
    ]);
    expect(result.value.note.sections[0]!.statements[0]).toMatchObject({
      id: 'aktuelt-1',
      text: 'Vondt i halsen i 3 d. Feber 38,9 i går.',
      evidence: ['s2', 's4'],
    });
    expect(result.value.verification.statements).toHaveLength(3);
    expect(result.value.text).toContain('Us.: Store, røde tonsiller med belegg bilat.');
    expect(sink.modelCalls()[0]!.details).toMatchObject({ purpose: 'note-drafting', consultationId: 'c-1' });
  });

  it('sends every line with its id and speaker, the template sections and the JSON schema', async () => {
    await draft();
    const body = server.requests[0]!.json!;
    const user = body.messages!.at(-1)!.content;
    expect(user).toContain('s2 P: Jeg har hatt vondt i halsen i tre dager nå.');
    expect(user).toContain('s5 L: Mandlene er store og røde med belegg på begge sider.');
    expect(body.messages![0]!.content).toContain('aktuelt (Aktuelt)');
    expect(body.response_format?.type).toBe('json_schema');
    expect(body.temperature).toBe(0);
  });

  it('repairs invalid JSON once with the validation issues', async () => {
    server.enqueue(
      { kind: 'text', content: '{"sections": [{"id": "aktuelt", "statements": [' },
      { kind: 'text', content: VALID_NOTE },
    );
    const result = await draft();
    expect(result.warnings).toEqual([]);
    expect(result.value.engine).toBe('fake:note-model');
    expect(result.value.modelCalls).toBe(2);
    const repair = server.requests[1]!.json!.messages!;
    expect(repair.at(-2)).toMatchObject({ role: 'assistant' });
    expect(repair.at(-1)!.content).toContain('kunne ikke brukes');
    expect(repair.at(-1)!.content).toContain('ikke gyldig JSON');
  });

  it('repairs evidence that points to lines that do not exist', async () => {
    const wrongEvidence = JSON.stringify({
      sections: [{ id: 'aktuelt', statements: [{ text: 'Sår hals.', evidence: ['s999'] }] }],
    });
    server.enqueue({ kind: 'text', content: wrongEvidence }, { kind: 'text', content: VALID_NOTE });
    const result = await draft();
    expect(result.value.engine).toBe('fake:note-model');
    expect(server.requests[1]!.json!.messages!.at(-1)!.content).toContain('ukjent linje-id s999');
  });

  it('falls back to the built-in engine with a visible warning after a failed repair', async () => {
    server.enqueue(
      { kind: 'text', content: 'Her er notatet ditt!' },
      { kind: 'text', content: '{"sections": "nei"}' },
    );
    const result = await draft();
    expect(result.value.engine).toBe('builtin');
    expect(result.value.modelCalls).toBe(2);
    expect(result.warnings[0]).toMatchObject({ code: 'llm_fallback' });
    expect(result.warnings[0]!.message).toContain('invalid_output');
    expect(result.value.note.template).toBe('fastlege');
  });

  it('tells the model when its answer was cut off by the token limit', async () => {
    server.enqueue(
      { kind: 'text', content: '{"sections": [', finishReason: 'length' },
      { kind: 'text', content: VALID_NOTE },
    );
    await draft();
    expect(server.requests[1]!.json!.messages!.at(-1)!.content).toContain('avkortet');
  });

  it('retries a 429 and still lets the model write the note', async () => {
    server.enqueue({ kind: 'error', status: 429 }, { kind: 'text', content: VALID_NOTE });
    const result = await draft();
    expect(result.value.engine).toBe('fake:note-model');
    expect(sink.modelCalls().map((event) => event.outcome)).toEqual(['failure', 'success']);
  });

  it.each([
    ['a server error', { kind: 'error' as const, status: 500 }, 'unavailable'],
    ['a timeout', { kind: 'hang' as const }, 'timeout'],
    ['a dropped connection', { kind: 'reset' as const }, 'unavailable'],
  ])('falls back after %s', async (_name, reply, code) => {
    registry = createRegistry(1_500);
    server.setDefault(reply);
    const result = await draft();
    expect(result.value.engine).toBe('builtin');
    expect(result.warnings[0]).toMatchObject({ code: 'llm_fallback' });
    expect(result.warnings[0]!.message).toContain(code);
  });

  it('rejects (does not fall back) when the caller cancels', async () => {
    server.setDefault({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error: unknown = await draft({ signal: controller.signal }).catch((caught: unknown) => caught);
    expect(isAppError(error)).toBe(true);
  });

  it('rejects an empty transcript', async () => {
    await expect(draft({ transcript: { segments: [] } })).rejects.toMatchObject({ code: 'empty_transcript' });
  });

  it('writes in the chosen template and language', async () => {
    await draft({ language: 'en', template: 'soap', style: 'normal' });
    const system = server.requests[0]!.json!.messages![0]!.content;
    expect(system).toContain('subjective (Subjective)');
    expect(system).toContain('Style: normal');
    expect(system).toContain('general practitioner');
  });

  it('sends a long transcript in overlapping chunks, every line at least once, and merges without duplicates', async () => {
    const transcript = longTranscript(120);
    const result = await draft({ transcript, contextTokens: 3000, maxOutputTokens: 512 });
    expect(server.requests.length).toBeGreaterThan(1);
    expect(result.value.modelCalls).toBe(server.requests.length);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'llm_chunked' })]);
    const sent = allPromptText(server);
    for (const segment of transcript.segments)
      expect(sent).toContain(`${segment.id} ${segment.speaker === 'lege' ? 'L' : 'P'}: `);
    // Lines in the overlap are sent twice but appear once in the merged note.
    const cited = result.value.note.sections.flatMap((section) =>
      section.statements.flatMap((statement) => statement.evidence),
    );
    expect(new Set(cited).size).toBe(cited.length);
    const patientLines = transcript.segments
      .filter((segment) => segment.speaker === 'pasient')
      .map((segment) => segment.id);
    expect(new Set(cited.filter((id) => patientLines.includes(id)))).toEqual(new Set(patientLines));
  });

  it('splits a single turn longer than a chunk instead of truncating it', async () => {
    const words = Array.from({ length: 1500 }, (_, index) => `ord${index}`);
    const transcript: Transcript = {
      segments: [
        { id: 's1', speaker: 'lege', text: 'Fortell.' },
        { id: 's2', speaker: 'pasient', text: `${words.join(' ')}.` },
      ],
    };
    await draft({ transcript, contextTokens: 3000, maxOutputTokens: 512 });
    expect(server.requests.length).toBeGreaterThan(1);
    const sent = allPromptText(server);
    for (const word of words) expect(sent).toContain(word);
  });

  it('falls back when the context is too small to hold even one chunk', async () => {
    const result = await draft({ contextTokens: 1200, maxOutputTokens: 1000 });
    expect(server.requests).toHaveLength(0);
    expect(result.warnings[0]).toMatchObject({ code: 'llm_fallback' });
  });
});

describe('buildNoteMessages', () => {
  it('lists the engine facts with their evidence when there are any', () => {
    const template = findTemplate('fastlege')!;
    const messages = buildNoteMessages({
      template,
      style: 'kort',
      language: 'nb',
      lines: [{ id: 's1', speaker: 'pasient', text: 'Jeg er allergisk mot penicillin.' }],
      facts: [
        {
          kind: 'allergy',
          text: 'Penicillinallergi.',
          polarity: 'positive',
          subject: 'patient',
          evidence: ['s1'],
        },
      ],
    });
    expect(messages[1]!.content).toContain('- allergy: Penicillinallergi. [s1]');
    expect(messages[1]!.content).toContain('s1 P: Jeg er allergisk mot penicillin.');
  });
});
