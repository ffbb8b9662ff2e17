import { afterEach, describe, expect, it } from 'vitest';
import type { Consultation, NoteRecord } from '@kollega/domain';
import { createSeededRandom, generatePersonNumber } from '@kollega/clinical';
import type { TestApp } from '../testing/create-test-app';
import type { ClinicalDocumentView } from './document-service';
import { createTestApp } from '../testing/create-test-app';

const TURNS = [
  { speaker: 'lege', text: 'Hei, hva kan jeg hjelpe deg med i dag?' },
  { speaker: 'pasient', text: 'Jeg har hatt vondt i høyre kne i fire måneder, verst i trapper.' },
  { speaker: 'lege', text: 'Har du prøvd noe behandling?' },
  { speaker: 'pasient', text: 'Jeg har gått til fysioterapeut i åtte uker uten effekt.' },
  { speaker: 'lege', text: 'Kneet er hovent medialt og ømt over leddspalten. Jeg henviser deg til ortoped.' },
];
const DOCTOR = 'Åse Bø';

let testApp: TestApp | undefined;
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

async function draftNote(app: TestApp): Promise<{ consultation: Consultation; record: NoteRecord }> {
  const created = await app.app.inject({
    method: 'POST',
    url: '/api/consultations',
    payload: { title: 'Kne', transcript: TURNS },
  });
  expect(created.statusCode).toBe(201);
  const consultation = created.json<Consultation>();
  const drafted = await app.app.inject({ method: 'POST', url: `/api/consultations/${consultation.id}/note` });
  expect(drafted.statusCode).toBe(201);
  return { consultation, record: drafted.json<NoteRecord>() };
}

/** Approves the note as a doctor would: every blocking flag dismissed with a reason first. */
async function approveNote(app: TestApp, record: NoteRecord): Promise<NoteRecord> {
  let current = record;
  const blocking = [
    ...(current.verification?.statements ?? [])
      .filter((check) => check.support === 'unsupported' || check.support === 'contradicted')
      .map((check) => check.statementId),
    ...(current.verification?.omissions ?? [])
      .filter((omission) => omission.critical)
      .map((omission) => omission.id),
  ];
  for (const flagId of blocking) {
    const dismissed = await app.app.inject({
      method: 'POST',
      url: `/api/notes/${current.id}/dismissals`,
      payload: { flagId, reason: 'Kontrollert', by: DOCTOR },
    });
    expect(dismissed.statusCode).toBe(200);
    current = dismissed.json<NoteRecord>();
  }
  const approved = await app.app.inject({
    method: 'POST',
    url: `/api/notes/${current.id}/approve`,
    payload: { approvedBy: DOCTOR, version: current.version },
  });
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json<NoteRecord>();
}

describe('clinical documents', () => {
  it('drafts a referral only from an approved note, with the record, and approves it once complete', async () => {
    testApp = await createTestApp();
    const { consultation, record } = await draftNote(testApp);
    const early = await testApp.app.inject({
      method: 'POST',
      url: `/api/consultations/${consultation.id}/documents`,
      payload: { kind: 'henvisning' },
    });
    expect(early.statusCode).toBe(409);
    await approveNote(testApp, record);

    const imported = await testApp.app.inject({
      method: 'POST',
      url: '/api/records/kne-1/documents',
      payload: {
        name: 'journal.txt',
        text: 'Konsultasjon 01.02.2024 – kontroll\nCAVE: Penicillin (urtikaria).\nBruker atorvastatin 20 mg x 1.',
      },
    });
    expect(imported.statusCode).toBe(201);
    const drafted = await testApp.app.inject({
      method: 'POST',
      url: `/api/consultations/${consultation.id}/documents`,
      payload: {
        kind: 'henvisning',
        receiver: 'Ortopedisk poliklinikk',
        question: 'Vurdering av artroskopi?',
        urgency: 'haster',
        patientKey: 'kne-1',
        createdBy: DOCTOR,
      },
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const view = drafted.json<ClinicalDocumentView>();
    expect(view).toMatchObject({
      kind: 'henvisning',
      status: 'draft',
      version: 1,
      content: { urgency: 'haster', receiver: 'Ortopedisk poliklinikk' },
    });
    const section = (id: string) => view.content.sections.find((candidate) => candidate.id === id)!;
    expect(section('kritisk').text).toMatch(/Penicillin/);
    expect(section('kritisk').evidence[0]).toMatchObject({ source: 'record' });
    expect(section('problemstilling').evidence.some((item) => item.source === 'note')).toBe(true);

    if (view.incompleteSections.length > 0) {
      const blocked = await testApp.app.inject({
        method: 'POST',
        url: `/api/documents/${view.id}/approve`,
        payload: { approvedBy: DOCTOR, version: 1 },
      });
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json().error.code).toBe('approval_blocked');
    }
    const sections = view.content.sections.map((item) => ({
      id: item.id,
      text: view.incompleteSections.includes(item.id)
        ? 'Utfylt av lege: pasienten er informert om henvisningen.'
        : item.text,
    }));
    sections[0]!.text += '\nKopi: pasienten';
    const edited = await testApp.app.inject({
      method: 'PUT',
      url: `/api/documents/${view.id}`,
      payload: { version: 1, sections, editedBy: DOCTOR },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, incompleteSections: [] });
    expect(edited.json().content.sections[0].edited).toBe(true);
    const stale = await testApp.app.inject({
      method: 'PUT',
      url: `/api/documents/${view.id}`,
      payload: { version: 1, sections },
    });
    expect(stale.statusCode).toBe(409);

    const draftExport = await testApp.app.inject({
      method: 'GET',
      url: `/api/documents/${view.id}/export/pdf`,
    });
    expect(draftExport.statusCode).toBe(409);
    const approved = await testApp.app.inject({
      method: 'POST',
      url: `/api/documents/${view.id}/approve`,
      payload: { approvedBy: DOCTOR, version: 2 },
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: DOCTOR });

    const pdf = await testApp.app.inject({ method: 'GET', url: `/api/documents/${view.id}/export/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(
      /attachment; filename="henvisning-\d{4}-\d{2}-\d{2}\.pdf"/,
    );
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await testApp.app.inject({ method: 'GET', url: `/api/documents/${view.id}/export/text` });
    expect(text.body).toContain('Kopi: pasienten');
    expect(text.body).toContain(`godkjent av lege ${DOCTOR}`);
    const fhir = await testApp.app.inject({
      method: 'GET',
      url: `/api/documents/${view.id}/export/fhir?icpc2System=volven`,
    });
    expect(fhir.json()).toMatchObject({ resourceType: 'Bundle', type: 'document' });
    expect(fhir.json().entry[0].resource).toMatchObject({ resourceType: 'Composition', title: 'Henvisning' });
    const locked = await testApp.app.inject({
      method: 'PUT',
      url: `/api/documents/${view.id}`,
      payload: { version: 2, sections },
    });
    expect(locked.json().error.code).toBe('already_approved');

    const listed = (
      await testApp.app.inject({ method: 'GET', url: `/api/consultations/${consultation.id}/documents` })
    ).json<{ note: { status: string }; items: ClinicalDocumentView[] }>();
    expect(listed.note).toMatchObject({ status: 'approved', approvedBy: DOCTOR });
    expect(listed.items.map((item) => item.id)).toEqual([view.id]);
  });

  it('drafts a legeerklæring whose assessment of function and prognosis wait for the doctor', async () => {
    testApp = await createTestApp();
    const { consultation, record } = await draftNote(testApp);
    await approveNote(testApp, record);
    const drafted = await testApp.app.inject({
      method: 'POST',
      url: `/api/consultations/${consultation.id}/documents`,
      payload: { kind: 'legeerklaering', receiver: 'NAV', purpose: 'Sykepenger' },
    });
    expect(drafted.statusCode).toBe(201);
    expect(drafted.json().incompleteSections).toEqual(expect.arrayContaining(['funksjon', 'prognose']));
  });
});

describe('note exports', () => {
  it('exports an approved note as EPJ text, FHIR and PDF, and refuses a draft', async () => {
    testApp = await createTestApp();
    const { record } = await draftNote(testApp);
    const refused = await testApp.app.inject({ method: 'GET', url: `/api/notes/${record.id}/export/text` });
    expect(refused.statusCode).toBe(409);
    await approveNote(testApp, record);
    const text = await testApp.app.inject({ method: 'GET', url: `/api/notes/${record.id}/export/text` });
    expect(text.statusCode).toBe(200);
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.body).toMatch(/^Aktuelt: /);
    expect(text.body.trim().split('\n').at(-1)).toMatch(
      new RegExp(`^KI-assistert utkast, gjennomgått og godkjent av lege ${DOCTOR} \\d{2}\\.\\d{2}\\.\\d{4}$`),
    );
    const pdf = await testApp.app.inject({ method: 'GET', url: `/api/notes/${record.id}/export/pdf` });
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const personNumber = generatePersonNumber({ type: 'd-nummer', random: createSeededRandom(5) });
    const fhir = await testApp.app.inject({
      method: 'POST',
      url: `/api/notes/${record.id}/export`,
      payload: { format: 'fhir', patient: { personNumber }, hprNumber: '9144889' },
    });
    expect(fhir.statusCode, fhir.body).toBe(200);
    const bundle = fhir.json<{
      entry: Array<{ resource: { resourceType: string; identifier?: unknown[] } }>;
    }>();
    const patient = bundle.entry.find((entry) => entry.resource.resourceType === 'Patient')!.resource;
    expect(patient.identifier?.[0]).toEqual({
      use: 'official',
      system: 'urn:oid:2.16.578.1.12.4.1.4.2',
      value: personNumber,
    });
    const wrong = await testApp.app.inject({
      method: 'POST',
      url: `/api/notes/${record.id}/export`,
      payload: { format: 'fhir', patient: { personNumber: '12345678901' } },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).not.toContain('12345678901');
    const unknown = await testApp.app.inject({ method: 'GET', url: `/api/notes/${record.id}/export/docx` });
    expect(unknown.statusCode).toBe(400);
  });
});
