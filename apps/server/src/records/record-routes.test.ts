import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ModelConfigInput } from '@kollega/ai';
import { parseModelConfig } from '@kollega/ai';
import type { FakeOpenAIServer } from '@kollega/ai/testing';
import { startFakeOpenAIServer } from '@kollega/ai/testing';
import type { AuditEvent } from '@kollega/domain';
import type { RecordSummary } from '@kollega/clinical';
import { renderPdf } from '@kollega/documents';
import type { TestApp } from '../testing/create-test-app';
import { createTestApp } from '../testing/create-test-app';

const JOURNAL = [
  'Konsultasjon 14.02.2022 – kontroll diabetes',
  'Aktuelt: Pasienten har diabetes type 2 og bruker metformin. Føler seg bra, går tur daglig.',
  'Blodprøver fra 10.02.2022 viser HbA1c 61 mmol/mol og kreatinin 77 µmol/L.',
  'CAVE: Penicillin (urtikaria).',
].join('\n');

const FHIR = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      resource: {
        resourceType: 'Observation',
        code: { text: 'HbA1c' },
        effectiveDateTime: '2023-06-02',
        valueQuantity: { value: 55, unit: 'mmol/mol' },
      },
    },
  ],
};

let testApp: TestApp | undefined;
let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAIServer();
});
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
  server.reset();
});
afterAll(() => server.close());

async function importDocuments(app: TestApp, key: string): Promise<void> {
  const pdf = await renderPdf({
    title: 'Journalutskrift',
    sections: [
      { title: 'Laboratoriesvar – prøve tatt 01.12.2023', text: 'HbA1c 51 mmol/mol\nKreatinin 80 µmol/L' },
    ],
  });
  for (const payload of [
    { name: 'notat.txt', text: JOURNAL, importedBy: 'Åse Bø' },
    { name: 'kjernejournal.json', text: JSON.stringify(FHIR) },
    { name: 'journal.pdf', contentBase64: pdf.toString('base64') },
  ]) {
    const response = await app.app.inject({ method: 'POST', url: `/api/records/${key}/documents`, payload });
    expect(response.statusCode, response.body).toBe(201);
  }
}

describe('record routes', () => {
  it('imports text, FHIR and PDF, then lists, summarizes with citations, searches and answers', async () => {
    testApp = await createTestApp();
    await importDocuments(testApp, 'pasient-7');
    const list = (await testApp.app.inject({ method: 'GET', url: '/api/records/pasient-7/documents' })).json<{
      items: Array<{ kind: string }>;
    }>();
    expect(list.items.map((item) => item.kind)).toEqual(['text', 'fhir', 'pdf']);

    const summary = (
      await testApp.app.inject({ method: 'GET', url: '/api/records/pasient-7/summary' })
    ).json<RecordSummary>();
    const hba1c = summary.keyResults.find((item) => item.text.startsWith('HbA1c'))!;
    expect(hba1c).toMatchObject({ text: 'HbA1c 51 mmol/mol', date: '2023-12-01' });
    expect(hba1c.citations[0]?.documentName).toBe('journal.pdf');
    expect(summary.allergies[0]?.text).toMatch(/Penicillin/);

    const search = await testApp.app.inject({
      method: 'GET',
      url: '/api/records/pasient-7/search?q=penicillin',
    });
    expect(search.statusCode).toBe(200);
    expect(search.json().items[0].citation.documentName).toBe('notat.txt');

    const answer = await testApp.app.inject({
      method: 'POST',
      url: '/api/records/pasient-7/questions',
      payload: { question: 'Når ble HbA1c sist målt, og hva var verdien?' },
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({
      found: true,
      method: 'extractive',
      date: '2023-12-01',
      value: '51 mmol/mol',
    });
    expect(answer.json().citations[0].label).toMatch(/^journal\.pdf, side 1/);

    const events = await testApp.context.storage.audit.list({
      entityType: 'document',
      entityId: 'pasient-7',
    });
    expect(events.map((event: AuditEvent) => event.action)).toEqual(
      expect.arrayContaining(['record.import', 'record.summarize', 'record.search', 'record.ask']),
    );
    // Audit details hold ids and counts, never the question or record text.
    expect(JSON.stringify(events)).not.toMatch(/HbA1c|Penicillin/);
  });

  it('refuses a fødselsnummer or free text as patient key, and a broken file, without echoing them', async () => {
    testApp = await createTestApp();
    const personKey = await testApp.app.inject({ method: 'GET', url: '/api/records/01017012345/summary' });
    expect(personKey.statusCode).toBe(400);
    expect(personKey.body).not.toContain('01017012345');
    const broken = await testApp.app.inject({
      method: 'POST',
      url: '/api/records/p1/documents',
      payload: { name: 'x.json', text: '{"resourceType": ' },
    });
    expect(broken.statusCode).toBe(400);
    const empty = await testApp.app.inject({
      method: 'POST',
      url: '/api/records/p1/questions',
      payload: { question: 'Hva var siste HbA1c?' },
    });
    expect(empty.statusCode).toBe(404);
  });

  it('answers with the configured summary model when the verifier supports it, else falls back', async () => {
    const models: ModelConfigInput = {
      providers: { 'openai-compatible': { type: 'openai-compatible', baseURL: server.baseURL } },
      aliases: { summary: 'openai-compatible:fake-model' },
      resilience: { maxRetries: 0 },
    };
    testApp = await createTestApp({ config: { models: parseModelConfig(models) } });
    await importDocuments(testApp, 'p2');
    const answerWith = (value: string) => (request: { json?: { messages?: Array<{ content: string }> } }) => {
      const prompt = request.json?.messages?.[1]?.content ?? '';
      const label = /\[(K\d+)\][^\n]*\n[^[]*HbA1c 51/.exec(prompt)?.[1] ?? 'K1';
      return {
        kind: 'text' as const,
        content: JSON.stringify({
          found: true,
          sentences: [{ text: `HbA1c ble sist målt 01.12.2023 og var ${value} mmol/mol.`, sources: [label] }],
        }),
      };
    };
    server.setDefault(answerWith('51'));
    const supported = (
      await testApp.app.inject({
        method: 'POST',
        url: '/api/records/p2/questions',
        payload: { question: 'Når ble HbA1c sist målt, og hva var verdien?' },
      })
    ).json();
    expect(supported.method).toBe('model');
    expect(['supported', 'inferred']).toContain(supported.support);
    expect(server.requests).toHaveLength(1);

    server.setDefault(answerWith('47'));
    const rejected = (
      await testApp.app.inject({
        method: 'POST',
        url: '/api/records/p2/questions',
        payload: { question: 'Når ble HbA1c sist målt, og hva var verdien?' },
      })
    ).json();
    expect(rejected).toMatchObject({ method: 'extractive', value: '51 mmol/mol' });
    expect(rejected.warnings[0].code).toBe('model_answer_rejected');

    const builtin = (
      await testApp.app.inject({
        method: 'POST',
        url: '/api/records/p2/questions',
        payload: { question: 'Hva var siste HbA1c?', engine: 'builtin' },
      })
    ).json();
    expect(builtin.method).toBe('extractive');
    expect(server.requests).toHaveLength(2);
  });
});
