import { afterEach, describe, expect, it } from 'vitest';
import { parseModelConfig } from '@kollega/ai';
import type { Note } from '@kollega/domain';
import type { TestApp } from '../testing/create-test-app';
import { createTestApp } from '../testing/create-test-app';

/** A synthetic approved GP note (invented). */
const NOTE: Note = {
  template: 'fastlege',
  language: 'nb',
  sections: [
    {
      id: 'aktuelt',
      title: 'Aktuelt',
      statements: [{ id: 'a1', text: 'Sår hals i 3 d.', evidence: ['s1'], support: 'supported' }],
    },
    {
      id: 'undersokelse',
      title: 'Us.',
      statements: [
        { id: 'u1', text: 'T 38,6.', evidence: ['s2'], support: 'supported' },
        { id: 'u2', text: 'Hvitt belegg på tonsillene bilat.', evidence: ['s2'], support: 'supported' },
      ],
    },
    {
      id: 'vurdering',
      title: 'Vurdering',
      statements: [
        { id: 'v1', text: 'Halsbetennelse med streptokokker.', evidence: ['s3'], support: 'inferred' },
        {
          id: 'v2',
          text: 'Mistenker dårlig etterlevelse.',
          evidence: ['s3'],
          support: 'inferred',
          internal: true,
        },
      ],
    },
    {
      id: 'tiltak',
      title: 'Tiltak',
      statements: [
        {
          id: 't1',
          text: 'Resept fenoksymetylpenicillin 660 mg x 4 i 5 d.',
          evidence: ['s4'],
          support: 'supported',
        },
        { id: 't2', text: 'Ny kontakt ved tung pust.', evidence: ['s4'], support: 'supported' },
      ],
    },
  ],
};

/** The parts of a stored summary the tests read. */
interface StoredSummary {
  id: string;
  summary: {
    lix: number;
    sections: Array<{
      id: string;
      sentences: Array<{ id: string; text: string; origin: string; support?: string }>;
    }>;
  };
}

/** A stand-in for an OpenAI-compatible server that "translates" by prefixing every text with "PL:". */
function createTranslatingFetch(options: { changeNumbers?: boolean } = {}): {
  fetch: typeof fetch;
  calls: string[];
} {
  const calls: string[] = [];
  const fakeFetch = (_input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as {
      messages: Array<{ role: string; content: string }>;
    };
    calls.push(JSON.stringify(body));
    const input = JSON.parse(body.messages.at(-1)?.content ?? '{}') as {
      title: string;
      sections: Array<{ id: string; title: string }>;
      sentences: Array<{ id: string; text: string }>;
    };
    const translate = (text: string) =>
      `PL: ${options.changeNumbers === true ? text.replace(/660/g, '990') : text}`;
    const content = JSON.stringify({
      title: translate(input.title),
      sections: input.sections.map((section) => ({ id: section.id, title: translate(section.title) })),
      sentences: input.sentences.map((sentence) => ({ id: sentence.id, text: translate(sentence.text) })),
    });
    return Promise.resolve(
      new Response(
        JSON.stringify({
          choices: [{ message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 10, completion_tokens: 10 },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      ),
    );
  };
  return { fetch: fakeFetch, calls };
}

const MODELS = parseModelConfig({
  providers: { fake: { type: 'openai-compatible', baseURL: 'http://127.0.0.1:9/v1', local: true } },
  aliases: { translation: 'fake:oversetter' },
  resilience: { maxRetries: 0 },
});

describe('patient summary routes', () => {
  let testApp: TestApp;

  afterEach(async () => {
    await testApp.close();
  });

  async function setUp(options: { models?: boolean; changeNumbers?: boolean; approve?: boolean } = {}) {
    const translating = createTranslatingFetch({ changeNumbers: options.changeNumbers ?? false });
    testApp = await createTestApp({
      ...(options.models === true ? { config: { models: MODELS } } : {}),
      context: { modelOptions: { fetch: translating.fetch } },
    });
    const storage = testApp.context.storage;
    const consultation = await storage.consultations.create({
      title: 'Syntetisk',
      language: 'nb',
      transcript: { segments: [{ id: 's1', speaker: 'pasient', text: 'Vondt i halsen.' }] },
    });
    const draft = await storage.notes.saveDraft({
      consultationId: consultation.id,
      engine: 'builtin',
      note: NOTE,
      warnings: [],
    });
    const note =
      options.approve === false
        ? draft
        : await storage.notes.approve({ noteId: draft.id, expectedVersion: 1, approvedBy: 'Kari Lege' });
    return { note, calls: translating.calls };
  }

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    testApp.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });

  it('refuses a note that is not approved', async () => {
    const { note } = await setUp({ approve: false });
    const response = await inject('POST', `/api/notes/${note.id}/patient-summary`, {});
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details.reason).toBe('note_not_approved');
  });

  it('drafts, edits, approves and exports the summary of an approved note', async () => {
    const { note } = await setUp();
    const drafted = await inject('POST', `/api/notes/${note.id}/patient-summary`);
    expect(drafted.statusCode).toBe(201);
    const record = drafted.json<StoredSummary>();
    expect(record).toMatchObject({ status: 'draft', version: 1, language: 'nb', noteId: note.id });
    const text = JSON.stringify(record.summary);
    expect(text).toContain('660 mg fire ganger om dagen i fem dager');
    expect(text).not.toContain('etterlevelse');
    expect(record.summary.lix).toBeLessThanOrEqual(40);
    const sentences = record.summary.sections.flatMap((section) => section.sentences);
    expect(
      sentences
        .filter((sentence) => sentence.origin === 'note')
        .every((sentence) => sentence.support !== 'unsupported'),
    ).toBe(true);

    // The doctor adds a sentence the note does not have: it is flagged, and approval needs a confirmation.
    const sections = record.summary.sections.map((section) => ({
      id: section.id,
      sentences: [
        ...section.sentences.map((sentence) => ({ id: sentence.id, text: sentence.text })),
        ...(section.id === 'gjore' || section.id === 'medisin'
          ? [{ text: 'Ta tabletten med 2 liter vann.' }]
          : []),
      ],
    }));
    const edited = await inject('PUT', `/api/patient-summaries/${record.id}`, {
      version: 1,
      sections,
      editedBy: 'Kari Lege',
    });
    expect(edited.statusCode).toBe(200);
    const added = edited
      .json<StoredSummary>()
      .summary.sections.flatMap((section) => section.sentences)
      .find((sentence) => sentence.text.startsWith('Ta tabletten'));
    expect(added).toMatchObject({ origin: 'edited', support: 'unsupported' });
    const blocked = await inject('POST', `/api/patient-summaries/${record.id}/approve`, {
      approvedBy: 'Kari Lege',
      version: 2,
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('approval_blocked');
    const approved = await inject('POST', `/api/patient-summaries/${record.id}/approve`, {
      approvedBy: 'Kari Lege',
      version: 2,
      confirmFlagged: true,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: 'Kari Lege' });
    const locked = await inject('PUT', `/api/patient-summaries/${record.id}`, { version: 3, sections });
    expect(locked.statusCode).toBe(409);

    const pdf = await inject('GET', `/api/patient-summaries/${record.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const list = await inject('GET', `/api/notes/${note.id}/patient-summaries`);
    expect(list.json().items).toHaveLength(1);
  });

  it('rejects evidence that is not in the note', async () => {
    const { note } = await setUp();
    const record = (await inject('POST', `/api/notes/${note.id}/patient-summary`)).json<StoredSummary>();
    const response = await inject('PUT', `/api/patient-summaries/${record.id}`, {
      version: 1,
      sections: [{ id: 'funn', sentences: [{ text: 'Temperatur 38,6.', evidence: ['finnes-ikke'] }] }],
    });
    expect(response.statusCode).toBe(400);
  });

  it('says so when no language model is configured for other languages', async () => {
    const { note } = await setUp();
    const status = await inject('GET', '/api/patient-summary/translation');
    expect(status.json()).toMatchObject({ available: false, model: null });
    const response = await inject('POST', `/api/notes/${note.id}/patient-summary`, { language: 'pl' });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.message).toMatch(/Ingen språkmodell/);
  });

  it('translates with the configured model and marks the result machine-translated', async () => {
    const { note, calls } = await setUp({ models: true });
    expect((await inject('GET', '/api/patient-summary/translation')).json()).toMatchObject({
      available: true,
      model: 'fake:oversetter',
    });
    const response = await inject('POST', `/api/notes/${note.id}/patient-summary`, { language: 'pl' });
    expect(response.statusCode).toBe(201);
    const summary = response.json().summary;
    expect(summary).toMatchObject({
      language: 'pl',
      machineTranslated: true,
      engine: 'fake:oversetter',
      noteLanguage: 'nb',
    });
    expect(summary.title).toMatch(/^PL: /);
    expect(calls).toHaveLength(1);
    expect(calls[0]).not.toContain('etterlevelse');
    const audit = await testApp.context.storage.audit.list({ action: 'model.call' });
    expect(audit.at(-1)?.details.purpose).toBe('translation');
  });

  it('flags a translated sentence whose numbers changed', async () => {
    const { note } = await setUp({ models: true, changeNumbers: true });
    const summary = (
      await inject('POST', `/api/notes/${note.id}/patient-summary`, { language: 'pl' })
    ).json<StoredSummary>().summary;
    const dose = summary.sections
      .flatMap((section) => section.sentences)
      .find((sentence) => sentence.text.includes('990'));
    expect(dose?.support).toBe('unsupported');
  });
});
