import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Consultation } from '@kollega/domain';
import type { TestApp } from '../testing/create-test-app';
import { buildMultipartBody, createTestApp } from '../testing/create-test-app';

const SECRET = 'Sjeldent-pasientord-7731';
const TURNS = [
  { speaker: 'lege', text: 'Hei, hva kan jeg hjelpe deg med i dag?' },
  { speaker: 'Pasient', text: `Jeg har hatt vondt i halsen i tre dager og ${SECRET}.`, start: 3, end: 6 },
];

let testApp: TestApp;
beforeEach(async () => {
  testApp = await createTestApp();
});
afterEach(async () => {
  await testApp.close();
});

describe('POST /api/consultations', () => {
  it('creates a consultation from turns with a default title that holds no patient text', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations',
      payload: { transcript: TURNS },
    });
    expect(response.statusCode).toBe(201);
    const consultation = response.json<Consultation>();
    expect(consultation.title).toMatch(/^Konsultasjon \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    expect(consultation.language).toBe('nb');
    expect(consultation.transcript.segments).toEqual([
      { id: 's1', speaker: 'lege', text: TURNS[0]!.text },
      { id: 's2', speaker: 'pasient', text: TURNS[1]!.text, start: 3, end: 6 },
    ]);
    const stored = await testApp.app.inject({ method: 'GET', url: `/api/consultations/${consultation.id}` });
    expect(stored.statusCode).toBe(200);
    expect(stored.json()).toEqual(consultation);
  });

  it('creates a consultation from pasted text content with the title, language and setting given', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations',
      payload: {
        title: 'Halsvondt',
        language: 'en',
        setting: 'video',
        format: 'text',
        content: 'Lege: Hei.\nPasient: Vondt i halsen.\nfortsatt samme replikk',
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ title: 'Halsvondt', language: 'en', setting: 'video' });
    expect(response.json<Consultation>().transcript.segments[1]?.text).toBe(
      'Vondt i halsen. fortsatt samme replikk',
    );
  });

  it('creates every consultation of JSON Lines content and returns {items}', async () => {
    const line = (id: string) => JSON.stringify({ id, setting: 'telefon', transcript: TURNS });
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations',
      payload: { filename: 'cases.jsonl', content: `${line('case-a')}\n${line('case-b')}\n` },
    });
    expect(response.statusCode).toBe(201);
    const items = response.json<{ items: Consultation[] }>().items;
    expect(items.map((item) => [item.externalId, item.title, item.setting])).toEqual([
      ['case-a', 'Konsultasjon case-a', 'telefon'],
      ['case-b', 'Konsultasjon case-b', 'telefon'],
    ]);
  });

  it('answers broken JSON with 400 invalid_input', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations',
      headers: { 'content-type': 'application/json' },
      payload: `{"transcript": [{"speaker": "lege", "text": "${SECRET}"`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'invalid_input',
        message: 'Ugyldig JSON i forespørselen',
        details: { reason: 'FST_ERR_CTP_INVALID_JSON_BODY' },
      },
    });
  });

  it('names the line of broken JSON inside file content', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations',
      payload: {
        format: 'jsonl',
        content: `${JSON.stringify({ transcript: TURNS })}\n{"transcript": [${SECRET}`,
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/^Linje 2: ugyldig JSON/);
    expect(response.body).not.toContain(SECRET);
  });

  it.each([
    ['an empty turn list', { transcript: [] }],
    ['turns without text', { transcript: [{ speaker: 'lege', text: '  ' }] }],
    ['empty content', { content: '   ' }],
  ])('answers %s with 422 empty_transcript', async (_name, payload) => {
    const response = await testApp.app.inject({ method: 'POST', url: '/api/consultations', payload });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('empty_transcript');
  });

  it('answers an unknown speaker label with 400 naming the turn and label, never the text', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations',
      payload: { transcript: [TURNS[0], { speaker: 'xyz', text: SECRET }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'invalid_input',
      message: 'Tur 2: ukjent taler «xyz»',
      details: { turn: 2, label: 'xyz' },
    });
  });

  it('answers an unknown speaker in pasted text with the line number', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations',
      payload: { content: `Lege: Hei.\nPasient: Hei.\nxyz: ${SECRET}` },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('Linje 3: ukjent taler «xyz»');
  });

  it.each([
    ['neither transcript nor content', { title: 'x' }, /«transcript»/],
    ['a turn without speaker', { transcript: [{ text: 'x' }] }, /^Mangler feltet «transcript\.0\.speaker»$/],
    ['a wrong language', { language: 'de', transcript: TURNS }, /^Ugyldig verdi i feltet «language»$/],
    ['a JSON array body', [1, 2], /«transcript»/],
  ])('answers %s with 400', async (_name, payload, message) => {
    const response = await testApp.app.inject({ method: 'POST', url: '/api/consultations', payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_input');
    expect(response.json().error.message).toMatch(message);
  });

  it('answers text/plain with 415 and a too large JSON body with 413', async () => {
    const plain = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations',
      headers: { 'content-type': 'text/plain' },
      payload: 'Lege: Hei.',
    });
    expect(plain.statusCode).toBe(415);
    expect(plain.json().error.code).toBe('unsupported_media_type');

    const large = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations',
      payload: { content: `Lege: ${'a'.repeat(11 * 1024 * 1024)}` },
    });
    expect(large.statusCode).toBe(413);
    expect(large.json().error).toMatchObject({
      code: 'payload_too_large',
      message: 'Forespørselen er for stor (maks 10 MB)',
    });
  });
});

describe('POST /api/consultations/upload', () => {
  it('creates a consultation from an uploaded WebVTT file, with fields sent before the file', async () => {
    const vtt =
      'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Lege>Hva gjelder det?\n\n00:00:03.000 --> 00:00:06.000\n<v Speaker 2>Jeg har feber.';
    const { payload, headers } = buildMultipartBody({
      filename: 'opptak.vtt',
      content: vtt,
      fields: { setting: 'kontor' },
    });
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations/upload',
      payload,
      headers,
    });
    expect(response.statusCode).toBe(201);
    const consultation = response.json<Consultation>();
    expect(consultation.setting).toBe('kontor');
    expect(
      consultation.transcript.segments.map((segment) => [segment.id, segment.start, segment.end]),
    ).toEqual([
      ['s1', 1, 3],
      ['s2', 3, 6],
    ]);
  });

  it('creates all consultations of an uploaded JSON Lines file', async () => {
    const content = [1, 2, 3]
      .map((index) => JSON.stringify({ id: `k${index}`, transcript: TURNS }))
      .join('\n');
    const { payload, headers } = buildMultipartBody({ filename: 'mange.jsonl', content });
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations/upload',
      payload,
      headers,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<{ items: Consultation[] }>().items.map((item) => item.externalId)).toEqual([
      'k1',
      'k2',
      'k3',
    ]);
  });

  it('answers a 50 MB upload with 413 and keeps serving', async () => {
    const { payload, headers } = buildMultipartBody({
      filename: 'stor.txt',
      content: Buffer.alloc(50 * 1024 * 1024, 'a'),
    });
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations/upload',
      payload,
      headers,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({
      code: 'payload_too_large',
      message: 'Filen er for stor (maks 10 MB)',
    });
    const health = await testApp.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect((await testApp.context.storage.consultations.listSummaries()).length).toBe(0);
  });

  it('rejects a missing file field, a wrong field name, a binary file and a non-multipart request', async () => {
    const wrongField = buildMultipartBody({ fieldName: 'document', filename: 'a.txt', content: 'Lege: hei' });
    const wrong = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations/upload',
      ...wrongField,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/«file»/);

    const binary = buildMultipartBody({
      filename: 'lyd.wav',
      content: Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]),
    });
    const binaryResponse = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations/upload',
      ...binary,
    });
    expect(binaryResponse.statusCode).toBe(415);

    const json = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations/upload',
      payload: { transcript: TURNS },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('unsupported_media_type');

    const badField = buildMultipartBody({
      filename: 'a.txt',
      content: 'Lege: hei',
      fields: { language: 'sv' },
    });
    const badFieldResponse = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations/upload',
      ...badField,
    });
    expect(badFieldResponse.statusCode).toBe(400);
    expect(badFieldResponse.json().error.message).toBe('Ugyldig verdi i feltet «language»');
  });

  it('answers an uploaded file with an unknown speaker with 400 naming the line', async () => {
    const { payload, headers } = buildMultipartBody({
      filename: 'a.txt',
      content: `Lege: hei\nRobot: ${SECRET}`,
    });
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations/upload',
      payload,
      headers,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('Linje 2: ukjent taler «Robot»');
  });
});

describe('GET /api/consultations', () => {
  it('lists newest first with segment count and note state', async () => {
    const create = async (title: string) =>
      (
        await testApp.app.inject({
          method: 'POST',
          url: '/api/consultations',
          payload: { title, transcript: TURNS },
        })
      ).json<Consultation>();
    const first = await create('Første');
    const second = await create('Andre');
    const note = await testApp.app.inject({
      method: 'POST',
      url: `/api/consultations/${first.id}/note`,
      payload: {},
    });
    expect(note.statusCode).toBe(201);

    const response = await testApp.app.inject({ method: 'GET', url: '/api/consultations' });
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: Array<Record<string, unknown>> }>().items;
    expect(items.map((item) => item.title)).toEqual(['Andre', 'Første']);
    expect(items[0]).toEqual({
      id: second.id,
      title: 'Andre',
      language: 'nb',
      createdAt: second.createdAt,
      updatedAt: second.updatedAt,
      segmentCount: 2,
      noteStatus: 'none',
    });
    expect(items[1]).toMatchObject({ noteStatus: 'draft', noteId: note.json().id });
  });

  it('answers an unknown id with 404 not_found', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/consultations/finnes-ikke' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });
});

describe('audit of consultations', () => {
  it('records creates and reads with ids and codes only', async () => {
    const created = (
      await testApp.app.inject({ method: 'POST', url: '/api/consultations', payload: { transcript: TURNS } })
    ).json<Consultation>();
    await testApp.app.inject({ method: 'GET', url: `/api/consultations/${created.id}` });
    await testApp.app.inject({ method: 'GET', url: '/api/consultations' });
    await testApp.app.inject({ method: 'GET', url: '/api/consultations/mangler' });
    await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations',
      payload: { transcript: [{ speaker: 'xyz', text: SECRET }] },
    });

    const events = await testApp.context.storage.audit.list();
    expect(events.map((event) => [event.action, event.entityId, event.outcome])).toEqual([
      ['consultation.create', created.id, 'success'],
      ['consultation.read', created.id, 'success'],
      ['consultation.list', '', 'success'],
      ['consultation.read', 'mangler', 'failure'],
      ['consultation.create', '', 'failure'],
    ]);
    expect(events[0]?.details).toEqual({ count: 1, format: 'turns' });
    expect(events[3]?.details).toEqual({ code: 'not_found' });
    expect(JSON.stringify(events)).not.toContain(SECRET);
    expect(JSON.stringify(events)).not.toContain('vondt');
  });
});
