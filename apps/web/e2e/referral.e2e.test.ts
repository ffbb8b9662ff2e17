import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consultation, NoteRecord } from '@kollega/domain';
import { extractPdfText } from '@kollega/documents';
import { callApi, startTestApp } from './e2e-harness';
import type { TestApp } from './e2e-harness';

const DOCTOR = 'Åse Bø';
const TURNS = [
  { speaker: 'lege', text: 'Hei, hva kan jeg hjelpe deg med i dag?' },
  { speaker: 'pasient', text: 'Jeg har hatt vondt i høyre kne i fire måneder, verst i trapper.' },
  { speaker: 'lege', text: 'Har du prøvd noe behandling?' },
  { speaker: 'pasient', text: 'Jeg har gått til fysioterapeut i åtte uker uten effekt.' },
  { speaker: 'lege', text: 'Kneet er hovent medialt og ømt over leddspalten. Jeg henviser deg til ortoped.' },
];
const INFORMED = 'Pasienten er informert om henvisningen og om forventet ventetid på tre måneder.';
const QUESTION_ADDITION = 'Ønsker særlig vurdering av menisklesjon før sommerferien.';

/** Approves the note through the API as a doctor would: every blocking flag dismissed with a reason first. */
async function approveNote(url: string, record: NoteRecord): Promise<void> {
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
    current = await callApi<NoteRecord>(url, `/api/notes/${current.id}/dismissals`, {
      method: 'POST',
      body: { flagId, reason: 'Kontrollert mot samtalen', by: DOCTOR },
    });
  }
  await callApi<NoteRecord>(url, `/api/notes/${current.id}/approve`, {
    method: 'POST',
    body: { approvedBy: DOCTOR, version: current.version },
  });
}

describe('referral: draft from the approved note, edit, approve and download as PDF', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ doctorName: DOCTOR });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('drafts a referral with the record, lets the doctor complete and approve it, and downloads the PDF', async () => {
    const { page, url } = app;
    const consultation = await callApi<Consultation>(url, '/api/consultations', {
      method: 'POST',
      body: { title: 'Vondt i kneet', language: 'nb', transcript: TURNS },
    });
    const record = await callApi<NoteRecord>(url, `/api/consultations/${consultation.id}/note`, {
      method: 'POST',
      body: {},
    });
    await approveNote(url, record);
    await callApi(url, '/api/records/kne-42/documents', {
      method: 'POST',
      body: {
        name: 'journal.txt',
        text: 'Konsultasjon 01.02.2024 – kontroll\nCAVE: Penicillin (urtikaria).\nBruker atorvastatin 20 mg x 1.',
      },
    });

    // From the review page to the consultation's documents.
    await page.goto(`${url}/konsultasjoner/${consultation.id}`);
    await page.getByTestId('open-documents').click();
    await page.getByTestId('documents-page').waitFor();
    await page.getByTestId('note-exports').waitFor();

    // Ask for a referral with receiver, question, urgency and the patient's record.
    await page.getByTestId('document-receiver').fill('Ortopedisk poliklinikk, Sykehuset Innlandet');
    await page.getByTestId('document-question').fill('Vurdering av artroskopi?');
    await page.getByTestId('document-urgency').selectOption('haster');
    await page.getByTestId('document-patient-key').fill('kne-42');
    await page.getByTestId('draft-document').click();
    const document = page.getByTestId('document').first();
    await document.waitFor();
    expect(await document.getAttribute('data-status')).toBe('draft');
    expect(await page.getByTestId('section-kritisk').inputValue()).toMatch(/Penicillin/);
    expect(await page.getByTestId('section-hastegrad').inputValue()).toContain('Haster');

    // Approval waits while a section still holds a placeholder; the doctor fills it in and edits the question.
    const sectionIds: string[] = [];
    for (const textarea of await page.locator('[data-testid="document-section"] textarea').all()) {
      if ((await textarea.inputValue()).includes('[Fylles ut:')) {
        sectionIds.push((await textarea.getAttribute('data-testid')) ?? '');
        await textarea.fill(INFORMED);
      }
    }
    // Nothing in the note says what the patient was told: that section waits for the doctor.
    expect(sectionIds).toContain('section-informasjon');
    const question = page.getByTestId('section-sporsmal');
    await question.fill(`${await question.inputValue()}\n${QUESTION_ADDITION}`);
    await page.getByTestId('document-approver-name').fill(DOCTOR);
    expect(await page.getByTestId('approve-document').isDisabled()).toBe(true);
    await page.getByTestId('save-document').click();
    await page.waitForSelector('[data-testid="document"][data-version="2"]');
    expect(await page.getByTestId('incomplete-sections').count()).toBe(0);
    await page.getByTestId('approve-document').click();
    await page.waitForSelector('[data-testid="document"][data-status="approved"]');
    await page.getByTestId('document-approved').waitFor();

    // Download the PDF: real bytes, with the edited Norwegian text and the approval line.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-document-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^henvisning-\d{4}-\d{2}-\d{2}\.pdf$/);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await extractPdfText(bytes)).pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(QUESTION_ADDITION);
    expect(text).toContain('Ortopedisk poliklinikk');
    expect(text).toContain(`KI-assistert utkast, gjennomgått og godkjent av lege ${DOCTOR}`);
    expect(text).toContain(INFORMED);

    // The approved note downloads as PDF too.
    const [noteDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-note-pdf').click(),
    ]);
    expect((await readFile(await noteDownload.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
