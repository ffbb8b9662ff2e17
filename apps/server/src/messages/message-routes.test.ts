import { afterEach, describe, expect, it } from 'vitest';
import type { PatientMessage } from '@kollega/storage';
import type { TestApp } from '../testing/create-test-app';
import { buildMultipartBody, createTestApp } from '../testing/create-test-app';
import { createSignedInTestApp } from '../testing/signed-in-test-app';
import { triageIncomingMessage } from './message-service';

// Synthetic messages written for these tests.
const BURIED_EMERGENCY =
  'Hei, jeg trenger ny resept på blodtrykksmedisinen min. Forresten har jeg hatt trykk i brystet som stråler ut i venstre arm siden i morges.';
const ROUTINE_PRESCRIPTION = 'Jeg trenger fornyet resept på allergitabletter.';
const SAME_DAY = 'Har hatt feber og vondt i halsen i tre dager, kan jeg få time?';
const ADMINISTRATIVE = 'Kan jeg få flyttet timen min til neste uke?';

let testApp: TestApp | undefined;
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

async function start(): Promise<TestApp> {
  testApp = await createTestApp({ context: { now: () => new Date('2025-03-03T09:00:00.000Z') } });
  return testApp;
}

async function post(app: TestApp, payload: object): Promise<PatientMessage> {
  const response = await app.app.inject({ method: 'POST', url: '/api/messages', payload });
  expect(response.statusCode).toBe(201);
  return response.json<PatientMessage>();
}

async function list(app: TestApp, query = ''): Promise<{ items: PatientMessage[]; openAcuteCount: number }> {
  const response = await app.app.inject({ method: 'GET', url: `/api/messages${query}` });
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe('POST /api/messages', () => {
  it('triages by the rules and stores the message as open, with the words behind each red flag', async () => {
    const app = await start();
    const created = await post(app, { message: BURIED_EMERGENCY, sender: 'Pasient A', externalId: 'm-1' });
    expect(created).toMatchObject({
      status: 'open',
      urgency: 'akutt',
      category: 'klinisk',
      externalId: 'm-1',
    });
    expect(created.redFlags.length).toBeGreaterThan(0);
    for (const flag of created.redFlags) {
      for (const span of flag.text.split(' … ')) expect(BURIED_EMERGENCY).toContain(span);
    }
    expect(created.suggestedReply).toContain('113');
    expect(created.receivedAt).toBe('2025-03-03T09:00:00.000Z');
    const audit = await app.context.storage.audit.list({ entityType: 'message' });
    expect(audit.map((event) => event.action)).toEqual(['message.create']);
    expect(JSON.stringify(audit)).not.toContain('brystet');
  });

  it('rejects an empty message and an invalid time', async () => {
    const app = await start();
    for (const payload of [{ message: '  ' }, { message: 'Hei', receivedAt: 'i går' }, {}]) {
      const response = await app.app.inject({ method: 'POST', url: '/api/messages', payload });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('invalid_input');
    }
  });

  it('never lets a model suggestion lower the rule-based urgency', () => {
    expect(triageIncomingMessage(BURIED_EMERGENCY, { urgency: 'rutine' }).urgency).toBe('akutt');
    expect(triageIncomingMessage(ROUTINE_PRESCRIPTION, { urgency: 'samme_dag' }).urgency).toBe('samme_dag');
  });
});

describe('GET /api/messages', () => {
  it('sorts akutt first, then oldest first, and filters by urgency, category and status', async () => {
    const app = await start();
    await post(app, { message: ROUTINE_PRESCRIPTION, receivedAt: '2025-03-01T08:00:00Z' });
    await post(app, { message: SAME_DAY, receivedAt: '2025-03-02T08:00:00Z' });
    await post(app, { message: ADMINISTRATIVE, receivedAt: '2025-03-01T07:00:00Z' });
    await post(app, { message: BURIED_EMERGENCY, receivedAt: '2025-03-03T08:00:00Z' });
    const all = await list(app);
    expect(all.items.map((item) => item.urgency)).toEqual(['akutt', 'samme_dag', 'rutine', 'rutine']);
    expect(all.items.slice(2).map((item) => item.message)).toEqual([ADMINISTRATIVE, ROUTINE_PRESCRIPTION]);
    expect(all.openAcuteCount).toBe(1);
    expect((await list(app, '?category=resept')).items.map((item) => item.message)).toEqual([
      ROUTINE_PRESCRIPTION,
    ]);
    expect((await list(app, '?urgency=rutine')).items).toHaveLength(2);
    expect((await list(app, '?status=handled')).items).toEqual([]);
    const filtered = await list(app, '?urgency=rutine');
    expect(filtered.openAcuteCount).toBe(1);
  });

  it('rejects an unknown filter value', async () => {
    const app = await start();
    const response = await app.app.inject({ method: 'GET', url: '/api/messages?urgency=kjempeakutt' });
    expect(response.statusCode).toBe(400);
  });
});

describe('POST /api/messages/import', () => {
  const jsonl = [
    JSON.stringify({ id: 'a', message: ROUTINE_PRESCRIPTION, receivedAt: '2025-03-01T08:00:00Z' }),
    '',
    JSON.stringify({ id: 'b', message: BURIED_EMERGENCY, sender: 'Pasient B' }),
  ].join('\n');

  it('imports JSON Lines sent as text', async () => {
    const app = await start();
    const response = await app.app.inject({
      method: 'POST',
      url: '/api/messages/import',
      headers: { 'content-type': 'text/plain' },
      payload: jsonl,
    });
    expect(response.statusCode).toBe(201);
    const { items } = response.json<{ items: PatientMessage[] }>();
    expect(items.map((item) => [item.externalId, item.urgency])).toEqual([
      ['a', 'rutine'],
      ['b', 'akutt'],
    ]);
    expect(items[1]?.sender).toBe('Pasient B');
    expect((await list(app)).items[0]?.externalId).toBe('b');
  });

  it('imports a multipart file and a JSON {content} body', async () => {
    const app = await start();
    const upload = buildMultipartBody({ filename: 'meldinger.jsonl', content: jsonl });
    const fromFile = await app.app.inject({ method: 'POST', url: '/api/messages/import', ...upload });
    expect(fromFile.statusCode).toBe(201);
    const fromJson = await app.app.inject({
      method: 'POST',
      url: '/api/messages/import',
      payload: { content: jsonl },
    });
    expect(fromJson.statusCode).toBe(201);
    expect((await list(app)).items).toHaveLength(4);
    const broken = await app.app.inject({
      method: 'POST',
      url: '/api/messages/import',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nbroken multipart',
    });
    expect(broken.statusCode).toBe(400);
  });

  it('names the bad line, stores nothing and keeps patient text out of the error', async () => {
    const app = await start();
    const cases: [string, string][] = [
      [`${JSON.stringify({ id: 'a', message: 'Hei' })}\n{ikke json, brystsmerter`, 'Linje 2'],
      [`${JSON.stringify({ id: 'a', message: 'Hei' })}\n\n${JSON.stringify({ id: 'b' })}`, 'Linje 3'],
      [JSON.stringify({ message: 'Hei' }), 'Linje 1'],
      [JSON.stringify({ id: 'a', message: 'Hei', receivedAt: 'i går' }), 'Linje 1'],
      ['\n\n', 'ingen meldinger'],
    ];
    for (const [payload, expected] of cases) {
      const response = await app.app.inject({
        method: 'POST',
        url: '/api/messages/import',
        headers: { 'content-type': 'text/plain' },
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toContain(expected);
      expect(response.body).not.toContain('brystsmerter');
    }
    expect((await list(app)).items).toEqual([]);
  });
});

describe('PATCH /api/messages/:id', () => {
  it('assigns, records the sent reply, and marks handled with who and when; the message leaves the open list', async () => {
    const app = await start();
    const created = await post(app, { message: BURIED_EMERGENCY });
    const patch = (payload: object) =>
      app.app.inject({ method: 'PATCH', url: `/api/messages/${created.id}`, payload });
    const assigned = await patch({ assignedTo: 'Sekretær Kari' });
    expect(assigned.json()).toMatchObject({ assignedTo: 'Sekretær Kari', status: 'open' });
    const handled = await patch({ status: 'handled', reply: 'Ring 113 nå.', by: 'Dr. Test' });
    expect(handled.statusCode).toBe(200);
    expect(handled.json()).toMatchObject({
      status: 'handled',
      handledBy: 'Dr. Test',
      handledAt: '2025-03-03T09:00:00.000Z',
      reply: 'Ring 113 nå.',
      repliedBy: 'Dr. Test',
    });
    const open = await list(app, '?status=open');
    expect(open.items).toEqual([]);
    expect(open.openAcuteCount).toBe(0);
    const actions = (await app.context.storage.audit.list({ entityType: 'message' })).map(
      (event) => event.action,
    );
    expect(actions).toEqual(['message.create', 'message.update', 'message.handle', 'message.list']);
  });

  it('answers 404 for an unknown message and 400 for an empty change', async () => {
    const app = await start();
    const created = await post(app, { message: ADMINISTRATIVE });
    const missing = await app.app.inject({
      method: 'PATCH',
      url: '/api/messages/finnes-ikke',
      payload: { status: 'handled' },
    });
    expect(missing.statusCode).toBe(404);
    const empty = await app.app.inject({ method: 'PATCH', url: `/api/messages/${created.id}`, payload: {} });
    expect(empty.statusCode).toBe(400);
  });
});

describe('tenancy', () => {
  it('keeps each practice to its own inbox and names the signed-in user as handler', async () => {
    const signedIn = await createSignedInTestApp();
    testApp = signedIn;
    const first = await signedIn.createPracticeUser();
    const second = await signedIn.createPracticeUser();
    const created = await signedIn.app.inject({
      method: 'POST',
      url: '/api/messages',
      headers: first.headers,
      payload: { message: SAME_DAY },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<PatientMessage>().id;
    const otherList = await signedIn.app.inject({
      method: 'GET',
      url: '/api/messages',
      headers: second.headers,
    });
    expect(otherList.json().items).toEqual([]);
    const otherPatch = await signedIn.app.inject({
      method: 'PATCH',
      url: `/api/messages/${id}`,
      headers: second.headers,
      payload: { status: 'handled' },
    });
    expect(otherPatch.statusCode).toBe(404);
    const ownPatch = await signedIn.app.inject({
      method: 'PATCH',
      url: `/api/messages/${id}`,
      headers: first.headers,
      payload: { status: 'handled', by: 'Noen andre' },
    });
    expect(ownPatch.json().handledBy).toBe(`Lege ${first.username}`);
    const anonymous = await signedIn.app.inject({ method: 'GET', url: '/api/messages' });
    expect(anonymous.statusCode).toBe(401);
  });
});
