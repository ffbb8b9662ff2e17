import { afterEach, describe, expect, it } from 'vitest';
import type { Consultation, Note, NoteRecord } from '@kollega/domain';
import type { TestApp } from '../testing/create-test-app';
import { createTestApp } from '../testing/create-test-app';
import { UNSUPPORTED_MARKER, createTestEngine } from '../testing/test-engines';

const TURNS = [
  { speaker: 'lege', text: 'Hei, hva kan jeg hjelpe deg med i dag?' },
  { speaker: 'pasient', text: 'Jeg har hatt vondt i halsen i tre dager nå.' },
  { speaker: 'lege', text: 'Har du hatt feber?' },
  { speaker: 'pasient', text: 'Ja, jeg målte 38,9 i går kveld.' },
];
const FIXED_NOW = new Date('2025-03-14T09:30:00Z');

let testApp: TestApp;
afterEach(async () => {
  await testApp.close();
});

async function createConsultation(): Promise<Consultation> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/consultations',
    payload: { transcript: TURNS },
  });
  expect(response.statusCode).toBe(201);
  return response.json<Consultation>();
}

async function draft(consultationId: string, payload?: object): Promise<NoteRecord> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: `/api/consultations/${consultationId}/note`,
    ...(payload === undefined ? {} : { payload }),
  });
  expect(response.statusCode).toBe(201);
  return response.json<NoteRecord>();
}

function withStatement(note: Note, statement: { id: string; text: string; evidence: string[] }): Note {
  const copy = structuredClone(note);
  copy.sections[0]!.statements.push({ ...statement, support: 'unverified' });
  return copy;
}

describe('note drafting with the built-in engine', () => {
  it('drafts, verifies and stores a note whose evidence points into the transcript', async () => {
    testApp = await createTestApp();
    const consultation = await createConsultation();
    const record = await draft(consultation.id);
    expect(record).toMatchObject({
      consultationId: consultation.id,
      version: 1,
      status: 'draft',
      engine: 'builtin',
    });
    expect(record.note.template).toBe('fastlege');
    expect(record.verification).toBeDefined();
    const segmentIds = new Set(consultation.transcript.segments.map((segment) => segment.id));
    for (const statement of record.note.sections.flatMap((section) => section.statements)) {
      expect(statement.evidence.length).toBeGreaterThan(0);
      for (const id of statement.evidence) expect(segmentIds.has(id)).toBe(true);
    }
    const fetched = await testApp.app.inject({
      method: 'GET',
      url: `/api/consultations/${consultation.id}/note`,
    });
    expect(fetched.json()).toEqual(record);
  });

  it('drafts with a chosen template and style, and rejects an unknown template', async () => {
    testApp = await createTestApp();
    const consultation = await createConsultation();
    const soap = await draft(consultation.id, { template: 'soap', style: 'normal' });
    expect(soap.note.template).toBe('soap');
    const unknown = await testApp.app.inject({
      method: 'POST',
      url: `/api/consultations/${consultation.id}/note`,
      payload: { template: 'finnes-ikke' },
    });
    expect(unknown.statusCode).toBe(400);
    const badStyle = await testApp.app.inject({
      method: 'POST',
      url: `/api/consultations/${consultation.id}/note`,
      payload: { style: 'lang' },
    });
    expect(badStyle.statusCode).toBe(400);
    expect(badStyle.json().error.message).toBe('Ugyldig verdi i feltet «style»');
  });
});

describe('note lifecycle: draft → edit → approve → export', () => {
  it('walks the whole flow and locks the note once approved', async () => {
    const engine = createTestEngine();
    testApp = await createTestApp({ context: { engine, now: () => FIXED_NOW } });
    const consultation = await createConsultation();

    const first = await draft(consultation.id);
    expect(first.note.sections[0]?.statements.map((statement) => [statement.id, statement.support])).toEqual([
      ['aktuelt-1', 'supported'],
      ['aktuelt-2', 'supported'],
    ]);

    const redrafted = await draft(consultation.id, {});
    expect(redrafted).toMatchObject({ id: first.id, version: 2 });

    const edited = structuredClone(redrafted.note);
    edited.sections[0]!.statements[0]!.text = 'Sår hals i 3 d.';
    const put = await testApp.app.inject({
      method: 'PUT',
      url: `/api/notes/${first.id}`,
      payload: { version: 2, note: edited, editedBy: 'Kari Nordmann' },
    });
    expect(put.statusCode).toBe(200);
    const afterEdit = put.json<NoteRecord>();
    expect(afterEdit.version).toBe(3);
    expect(afterEdit.note.sections[0]?.statements[0]).toMatchObject({
      text: 'Sår hals i 3 d.',
      support: 'supported',
    });
    expect(engine.verifyCalls).toBe(3);

    const edits = await testApp.app.inject({ method: 'GET', url: `/api/notes/${first.id}/edits` });
    expect(edits.statusCode).toBe(200);
    const lastEdit = edits.json<{ items: Array<Record<string, unknown>> }>().items.at(-1);
    expect(lastEdit).toMatchObject({
      fromVersion: 2,
      toVersion: 3,
      editedBy: 'Kari Nordmann',
      diff: [
        {
          statementId: 'aktuelt-1',
          change: 'changed',
          before: { sectionId: 'aktuelt', text: TURNS[1]!.text, evidence: ['s2'] },
          after: { sectionId: 'aktuelt', text: 'Sår hals i 3 d.', evidence: ['s2'] },
        },
      ],
    });

    const draftText = await testApp.app.inject({ method: 'GET', url: `/api/notes/${first.id}/text` });
    expect(draftText.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(draftText.body).toBe(`Aktuelt: Sår hals i 3 d. ${TURNS[3]!.text}`);

    const approve = await testApp.app.inject({
      method: 'POST',
      url: `/api/notes/${first.id}/approve`,
      payload: { approvedBy: 'Kari Nordmann', version: 3 },
    });
    expect(approve.statusCode).toBe(200);
    expect(approve.json()).toMatchObject({
      status: 'approved',
      approvedBy: 'Kari Nordmann',
      approvedAt: FIXED_NOW.toISOString(),
    });

    const text = await testApp.app.inject({ method: 'GET', url: `/api/notes/${first.id}/text` });
    expect(text.body.split('\n')).toEqual([
      `Aktuelt: Sår hals i 3 d. ${TURNS[3]!.text}`,
      'KI-assistert utkast, gjennomgått og godkjent av lege Kari Nordmann 14.03.2025',
    ]);

    const locked = [
      testApp.app.inject({
        method: 'PUT',
        url: `/api/notes/${first.id}`,
        payload: { version: 3, note: edited },
      }),
      testApp.app.inject({ method: 'POST', url: `/api/consultations/${consultation.id}/note`, payload: {} }),
      testApp.app.inject({
        method: 'POST',
        url: `/api/notes/${first.id}/approve`,
        payload: { approvedBy: 'X', version: 3 },
      }),
      testApp.app.inject({
        method: 'POST',
        url: `/api/notes/${first.id}/dismissals`,
        payload: { flagId: 'aktuelt-1', reason: 'r', by: 'X' },
      }),
    ];
    for (const response of await Promise.all(locked)) {
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('already_approved');
    }

    const listed = await testApp.app.inject({ method: 'GET', url: '/api/consultations' });
    expect(listed.json().items[0]).toMatchObject({ noteStatus: 'approved', noteId: first.id });
    const byId = await testApp.app.inject({ method: 'GET', url: `/api/notes/${first.id}` });
    expect(byId.json()).toMatchObject({ status: 'approved', version: 3 });

    const actions = (await testApp.context.storage.audit.list({ entityType: 'note' })).map(
      (event) => event.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'note.draft',
        'note.update',
        'note.list_edits',
        'note.export_text',
        'note.approve',
        'note.read',
      ]),
    );
  });

  it('answers a stale version with 409 conflict and keeps the stored note', async () => {
    testApp = await createTestApp({ context: { engine: createTestEngine() } });
    const record = await draft((await createConsultation()).id);
    const note = withStatement(record.note, { id: 'ny-1', text: 'Røyker ikke.', evidence: ['s2'] });
    const ok = await testApp.app.inject({
      method: 'PUT',
      url: `/api/notes/${record.id}`,
      payload: { version: 1, note },
    });
    expect(ok.statusCode).toBe(200);
    const stale = await testApp.app.inject({
      method: 'PUT',
      url: `/api/notes/${record.id}`,
      payload: { version: 1, note: record.note },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'conflict',
      details: { expectedVersion: 1, currentVersion: 2 },
    });
    const staleApproval = await testApp.app.inject({
      method: 'POST',
      url: `/api/notes/${record.id}/approve`,
      payload: { approvedBy: 'Kari Nordmann', version: 1 },
    });
    expect(staleApproval.statusCode).toBe(409);
    expect(staleApproval.json().error.code).toBe('conflict');
    const stored = await testApp.app.inject({ method: 'GET', url: `/api/notes/${record.id}` });
    expect(stored.json()).toMatchObject({ version: 2, status: 'draft' });
  });

  it('rejects edits with unknown evidence, duplicate statement ids or an invalid note', async () => {
    testApp = await createTestApp({ context: { engine: createTestEngine() } });
    const record = await draft((await createConsultation()).id);
    const cases: Array<[unknown, RegExp]> = [
      [
        { version: 1, note: withStatement(record.note, { id: 'x', text: 'Tekst.', evidence: ['s99'] }) },
        /«s99»/,
      ],
      [
        {
          version: 1,
          note: withStatement(record.note, { id: 'aktuelt-1', text: 'Tekst.', evidence: ['s2'] }),
        },
        /to ganger/,
      ],
      [
        { version: 1, note: { ...record.note, sections: 'ingen' } },
        /^Ugyldig verdi i feltet «note\.sections»$/,
      ],
      [{ note: record.note }, /^Mangler feltet «version»$/],
    ];
    for (const [payload, message] of cases) {
      const response = await testApp.app.inject({
        method: 'PUT',
        url: `/api/notes/${record.id}`,
        payload: payload as object,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toMatch(message);
    }
  });

  it('answers 404 for unknown consultations and notes, and for a consultation without a note', async () => {
    testApp = await createTestApp({ context: { engine: createTestEngine() } });
    const consultation = await createConsultation();
    const requests = [
      { method: 'POST' as const, url: '/api/consultations/nei/note', payload: {} },
      { method: 'GET' as const, url: '/api/consultations/nei/note' },
      { method: 'GET' as const, url: `/api/consultations/${consultation.id}/note` },
      { method: 'GET' as const, url: '/api/notes/nei' },
      { method: 'GET' as const, url: '/api/notes/nei/text' },
      { method: 'GET' as const, url: '/api/notes/nei/edits' },
      {
        method: 'PUT' as const,
        url: '/api/notes/nei',
        payload: { version: 1, note: { template: 'fastlege', language: 'nb', sections: [] } },
      },
      { method: 'POST' as const, url: '/api/notes/nei/approve', payload: { approvedBy: 'X', version: 1 } },
      {
        method: 'POST' as const,
        url: '/api/notes/nei/dismissals',
        payload: { flagId: 'a', reason: 'r', by: 'X' },
      },
    ];
    for (const request of requests) {
      const response = await testApp.app.inject(request);
      expect([request.url, response.statusCode]).toEqual([request.url, 404]);
      expect(response.json().error.code).toBe('not_found');
    }
  });
});

describe('approval blocking', () => {
  it('blocks approval while unsupported statements or critical omissions remain undismissed', async () => {
    testApp = await createTestApp({ context: { engine: createTestEngine({ omission: true }) } });
    const record = await draft((await createConsultation()).id);
    const approve = (version: number) =>
      testApp.app.inject({
        method: 'POST',
        url: `/api/notes/${record.id}/approve`,
        payload: { approvedBy: 'Kari Nordmann', version },
      });

    const blockedByOmission = await approve(1);
    expect(blockedByOmission.statusCode).toBe(409);
    expect(blockedByOmission.json().error).toMatchObject({
      code: 'approval_blocked',
      details: { count: 1, blockingFlagIds: 'omission-allergi' },
    });

    const note = withStatement(record.note, {
      id: 'ny-1',
      text: `Tar ${UNSUPPORTED_MARKER} medisin.`,
      evidence: ['s2'],
    });
    const edited = await testApp.app.inject({
      method: 'PUT',
      url: `/api/notes/${record.id}`,
      payload: { version: 1, note },
    });
    expect(edited.json<NoteRecord>().note.sections[0]?.statements.at(-1)?.support).toBe('unsupported');
    expect((await approve(2)).json().error.details).toMatchObject({
      count: 2,
      blockingFlagIds: 'ny-1,omission-allergi',
    });

    const dismiss = (payload: object) =>
      testApp.app.inject({ method: 'POST', url: `/api/notes/${record.id}/dismissals`, payload });
    expect(
      (await dismiss({ flagId: 'omission-allergi', reason: '  ', by: 'Kari Nordmann' })).statusCode,
    ).toBe(400);
    expect((await dismiss({ flagId: 'omission-allergi', by: 'Kari Nordmann' })).json().error.message).toBe(
      'Mangler feltet «reason»',
    );
    expect((await dismiss({ flagId: 'finnes-ikke', reason: 'x', by: 'Kari Nordmann' })).statusCode).toBe(400);

    const dismissed = await dismiss({
      flagId: 'omission-allergi',
      reason: 'Avklart: ingen allergi',
      by: 'Kari Nordmann',
    });
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.json<NoteRecord>().dismissals).toEqual([
      {
        flagId: 'omission-allergi',
        reason: 'Avklart: ingen allergi',
        by: 'Kari Nordmann',
        at: expect.any(String),
      },
    ]);
    expect((await approve(2)).json().error.details).toMatchObject({ count: 1, blockingFlagIds: 'ny-1' });

    await dismiss({ flagId: 'ny-1', reason: 'Pasienten sa det i telefonen før timen', by: 'Kari Nordmann' });
    const approved = await approve(2);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: 'Kari Nordmann' });

    const audit = await testApp.context.storage.audit.list({ action: 'note.approve' });
    expect(audit.map((event) => [event.outcome, event.details.code ?? null])).toEqual([
      ['failure', 'approval_blocked'],
      ['failure', 'approval_blocked'],
      ['failure', 'approval_blocked'],
      ['success', null],
    ]);
  });

  it('drops the dismissal of a statement the doctor then rewrites', async () => {
    testApp = await createTestApp({ context: { engine: createTestEngine() } });
    const record = await draft((await createConsultation()).id);
    const note = withStatement(record.note, {
      id: 'ny-1',
      text: `${UNSUPPORTED_MARKER} A.`,
      evidence: ['s2'],
    });
    await testApp.app.inject({
      method: 'PUT',
      url: `/api/notes/${record.id}`,
      payload: { version: 1, note },
    });
    await testApp.app.inject({
      method: 'POST',
      url: `/api/notes/${record.id}/dismissals`,
      payload: { flagId: 'ny-1', reason: 'OK', by: 'Kari Nordmann' },
    });
    const rewritten = structuredClone(note);
    rewritten.sections[0]!.statements.at(-1)!.text = `${UNSUPPORTED_MARKER} B.`;
    const put = await testApp.app.inject({
      method: 'PUT',
      url: `/api/notes/${record.id}`,
      payload: { version: 2, note: rewritten },
    });
    expect(put.json<NoteRecord>().dismissals).toEqual([]);
    const approve = await testApp.app.inject({
      method: 'POST',
      url: `/api/notes/${record.id}/approve`,
      payload: { approvedBy: 'Kari Nordmann', version: 3 },
    });
    expect(approve.json().error.code).toBe('approval_blocked');
  });

  it('requires the approving doctor to be named', async () => {
    testApp = await createTestApp({ context: { engine: createTestEngine() } });
    const record = await draft((await createConsultation()).id);
    for (const payload of [{ version: 1 }, { approvedBy: '   ', version: 1 }]) {
      const response = await testApp.app.inject({
        method: 'POST',
        url: `/api/notes/${record.id}/approve`,
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toMatch(/«approvedBy»/);
    }
  });
});
