import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../testing/create-test-app';
import { createTestApp } from '../testing/create-test-app';
import { hashQuestionnaireToken, normalizeQuestionnaireToken } from './questionnaire-token';

const SORE_THROAT_ANSWERS = {
  reason: 'Vondt i halsen',
  symptoms: 'Vondt å svelge',
  duration: '1-3-dager',
  noMedicines: true,
  allergies: '',
  noAllergies: true,
  hopes: 'Vil vite om jeg trenger penicillin',
  followUp: {
    'throat-fever': 'ja',
    'throat-cough': 'nei',
    'throat-glands': 'ja',
    'throat-coating': 'ja',
    'throat-one-side': 'nei',
    'throat-breathing': 'nei',
  },
};

/** The parts of a listed questionnaire the tests read. */
interface ListedQuestionnaire {
  status: string;
  preSummary?: {
    provenance: string;
    modules: Array<{
      id: string;
      score?: { text: string };
      answers: Array<{ label: string; answerText: string }>;
    }>;
  };
}

describe('questionnaire routes', () => {
  let testApp: TestApp;
  let now: Date;
  let consultationId: string;

  beforeEach(async () => {
    now = new Date('2025-03-03T08:00:00Z');
    testApp = await createTestApp({ context: { now: () => now } });
    const consultation = await testApp.context.storage.consultations.create({
      title: 'Syntetisk',
      language: 'nb',
      transcript: { segments: [{ id: 's1', speaker: 'lege', text: 'Hei.' }] },
    });
    consultationId = consultation.id;
  });

  afterEach(async () => {
    await testApp.close();
  });

  async function createLink(body: Record<string, unknown> = {}) {
    const response = await testApp.app.inject({
      method: 'POST',
      url: `/api/consultations/${consultationId}/questionnaires`,
      payload: body,
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string; token: string; path: string; expiresAt: string; status: string }>();
  }

  const post = (url: string, payload: unknown) =>
    testApp.app.inject({ method: 'POST', url, payload: payload as object });

  it('creates a random one-time token that expires in 24 hours and stores only its hash', async () => {
    const first = await createLink({ createdBy: 'resepsjon' });
    const second = await createLink();
    expect(first.token).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(first.token).not.toBe(second.token);
    expect(first.path).toBe(`/skjema#${first.token}`);
    expect(first.expiresAt).toBe('2025-03-04T08:00:00.000Z');
    expect(first.status).toBe('open');
    const stored = await testApp.context.storage.patientTools.findQuestionnaireByTokenHash(
      hashQuestionnaireToken(first.token),
    );
    expect(stored?.id).toBe(first.id);
    const list = await testApp.app.inject({
      method: 'GET',
      url: `/api/consultations/${consultationId}/questionnaires`,
    });
    expect(list.body).not.toContain(first.token);
    expect(list.body).not.toContain(normalizeQuestionnaireToken(first.token));
    const audit = await testApp.context.storage.audit.list({ action: 'questionnaire.create' });
    expect(JSON.stringify(audit)).not.toContain(first.token);
  });

  it('opens with the link token or the typed code (lower case, without dashes), and refuses unknown codes', async () => {
    const { token } = await createLink();
    const opened = await post('/api/questionnaire/open', { token });
    expect(opened.statusCode).toBe(200);
    const body = opened.json<{ language: string; definition: { modules: Array<{ id: string }> } }>();
    expect(body.language).toBe('nb');
    expect(body.definition.modules.map((module) => module.id)).toEqual([
      'sore-throat',
      'urinary',
      'back-pain',
    ]);
    const typed = await post('/api/questionnaire/open', { token: token.toLowerCase().replace(/-/g, ' ') });
    expect(typed.statusCode).toBe(200);
    const unknown = await post('/api/questionnaire/open', { token: 'AAAA-BBBB-CCCC-DDDD' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.details.reason).toBe('unknown');
  });

  it('gives the 113 advice at once for a red-flag answer, without storing anything', async () => {
    const { token } = await createLink();
    const check = await post('/api/questionnaire/check', {
      token,
      answers: {
        ...SORE_THROAT_ANSWERS,
        followUp: { ...SORE_THROAT_ANSWERS.followUp, 'throat-breathing': 'ja' },
      },
    });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ urgency: 'akutt', advice: expect.stringMatching(/^Ring 113 nå/) });
    const calm = await post('/api/questionnaire/check', {
      token,
      language: 'en',
      answers: SORE_THROAT_ANSWERS,
    });
    expect(calm.json()).toEqual({ urgency: 'none', advice: '' });
    const [record] = await testApp.context.storage.patientTools.listQuestionnaires(consultationId);
    expect(record?.status).toBe('open');
  });

  it('names the first missing answer in a 400 and accepts complete answers once', async () => {
    const { token } = await createLink();
    const incomplete = await post('/api/questionnaire/submit', {
      token,
      answers: { reason: 'Vondt i halsen' },
    });
    expect(incomplete.statusCode).toBe(400);
    const error = incomplete.json().error;
    expect(error.code).toBe('invalid_input');
    expect(error.details.field).toBe('duration');
    expect(error.details.fields).toContain('followUp.throat-fever');
    expect(error.message).toBe('Velg hvor lenge du har hatt plagene.');

    const submitted = await post('/api/questionnaire/submit', { token, answers: SORE_THROAT_ANSWERS });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toEqual({ urgency: 'none', advice: '' });
    const again = await post('/api/questionnaire/submit', { token, answers: SORE_THROAT_ANSWERS });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('submitted');
    expect((await post('/api/questionnaire/open', { token })).statusCode).toBe(409);
  });

  it('shows the GP a pre-summary with the Centor answers, marked as reported by the patient', async () => {
    const { token } = await createLink();
    await post('/api/questionnaire/submit', { token, answers: SORE_THROAT_ANSWERS });
    const list = await testApp.app.inject({
      method: 'GET',
      url: `/api/consultations/${consultationId}/questionnaires`,
    });
    expect(list.statusCode).toBe(200);
    const [item] = list.json<{ items: ListedQuestionnaire[] }>().items;
    expect(item?.status).toBe('submitted');
    expect(item?.preSummary?.provenance).toBe('Oppgitt av pasienten (skjema)');
    const throat = item?.preSummary?.modules.find((module) => module.id === 'sore-throat');
    expect(throat?.score?.text).toBe('Centor 4/4');
    expect(throat?.answers.map((answer) => `${answer.label}: ${answer.answerText}`)).toContain('Hoste: Nei');
    const english = await testApp.app.inject({
      method: 'GET',
      url: `/api/consultations/${consultationId}/questionnaires?language=en`,
    });
    expect(english.json().items[0].preSummary.provenance).toBe('Reported by the patient (questionnaire)');
  });

  it('refuses an expired link', async () => {
    const { token } = await createLink({ expiresInHours: 2 });
    now = new Date('2025-03-03T10:00:00Z');
    const opened = await post('/api/questionnaire/open', { token });
    expect(opened.statusCode).toBe(403);
    expect(opened.json().error.details.reason).toBe('expired');
    const submitted = await post('/api/questionnaire/submit', { token, answers: SORE_THROAT_ANSWERS });
    expect(submitted.statusCode).toBe(403);
  });

  it('is 404 for a consultation that does not exist', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations/finnes-ikke/questionnaires',
      payload: {},
    });
    expect(response.statusCode).toBe(404);
  });
});
