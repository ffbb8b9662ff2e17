import { afterEach, describe, expect, it } from 'vitest';
import type { Consultation, Note, NoteRecord } from '@kollega/domain';
import type { TestApp } from '../testing/create-test-app';
import { createTestApp } from '../testing/create-test-app';
import { createTestEngine } from '../testing/test-engines';
import type { ConsultationDecisionSupport } from './decision-support-service';
import {
  CYSTITIS_CIPROFLOXACIN,
  LOW_BACK_PAIN,
  SORE_THROAT_BY_PHONE,
  SORE_THROAT_CENTOR_4,
} from './synthetic-consultations';
import type { SyntheticTurn } from './synthetic-consultations';

const DOCTOR = 'Kari Lege';

let testApp: TestApp;
afterEach(async () => {
  await testApp.close();
});

async function startApp(): Promise<void> {
  // The test engine drafts and verifies predictably; decision support always runs the built-in rules.
  testApp = await createTestApp({ context: { engine: createTestEngine() } });
}

async function createConsultation(
  transcript: SyntheticTurn[],
  setting: 'kontor' | 'telefon' | 'video' = 'kontor',
): Promise<Consultation> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/consultations',
    payload: { title: 'Syntetisk', language: 'nb', setting, transcript },
  });
  expect(response.statusCode).toBe(201);
  return response.json<Consultation>();
}

async function draft(consultationId: string): Promise<NoteRecord> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: `/api/consultations/${consultationId}/note`,
  });
  expect(response.statusCode).toBe(201);
  return response.json<NoteRecord>();
}

async function readDecisionSupport(consultationId: string): Promise<ConsultationDecisionSupport> {
  const response = await testApp.app.inject({
    method: 'GET',
    url: `/api/consultations/${consultationId}/decision-support`,
  });
  expect(response.statusCode).toBe(200);
  return response.json<ConsultationDecisionSupport>();
}

/** The segment id whose text contains `words` (so expectations do not depend on segment numbering). */
function segmentWith(consultation: Consultation, words: string): string {
  const segment = consultation.transcript.segments.find((candidate) => candidate.text.includes(words));
  if (segment === undefined) throw new Error(`no segment says «${words}»`);
  return segment.id;
}

describe('GET /api/consultations/:id/decision-support', () => {
  it('finds a sore throat with Centor 4 and penicillin V concordant with the guideline, with source and advice', async () => {
    await startApp();
    const consultation = await createConsultation(SORE_THROAT_CENTOR_4);
    const support = await readDecisionSupport(consultation.id);
    const assessment = support.decisionSupport.antibiotics;
    expect(assessment).not.toBeNull();
    expect(assessment?.condition.id).toBe('sore-throat');
    expect(assessment?.recommendation).toMatchObject({
      kind: 'antibiotic',
      drug: 'Fenoksymetylpenicillin',
      dose: '660 mg',
      frequency: 'x 4',
    });
    expect(assessment?.recommendation.allergyAlternative?.drug).toBeDefined();
    expect(assessment?.findings.find((finding) => finding.label === 'Centor')?.value).toMatch(/^4\b/);
    expect(assessment?.planAssessment).toBe('concordant');
    expect(assessment?.deviations).toEqual([]);
    expect(assessment?.patientAdvice.expectedDuration.length).toBeGreaterThan(0);
    expect(assessment?.patientAdvice.seekHelpIf.length).toBeGreaterThan(0);
    expect(assessment?.source).toMatchObject({
      publisher: 'Helsedirektoratet',
      section: expect.stringContaining('Sår hals'),
      ruleVersion: expect.stringMatching(/^sore-throat@/),
    });
    expect(assessment?.source.guidelineVersion.length).toBeGreaterThan(0);
    expect(assessment?.caution).toBeUndefined();

    // ICPC-2: streptococcal throat first, resting on what the doctor concluded, with the list version.
    expect(support.codes[0]).toMatchObject({ system: 'ICPC-2', code: 'R72', title: 'Streptokokkhals' });
    expect(support.codes[0]?.evidence).toContain(segmentWith(consultation, 'streptokokkhalsbetennelse'));
    expect(support.codeList.version).toMatch(/^\d+\.\d{4}\.\d+$/);

    // Accepting would add the regimen to the plan, resting on the segments the recommendation rests on.
    expect(support.suggestedPlanStatement?.text).toBe('Fenoksymetylpenicillin 660 mg x 4 i 5 d.');
    expect(support.suggestedPlanStatement?.evidence).toContain(
      segmentWith(consultation, 'Streptokokktesten'),
    );
    expect(support).toMatchObject({
      setting: 'kontor',
      factSource: 'builtin',
      planSection: null,
      decision: null,
    });

    await draft(consultation.id);
    expect((await readDecisionSupport(consultation.id)).planSection).toEqual({
      id: 'tiltak',
      title: 'Tiltak',
    });
  });

  it('reports a cystitis treated with ciprofloxacin as a deviation, naming the rule and its source', async () => {
    await startApp();
    const consultation = await createConsultation(CYSTITIS_CIPROFLOXACIN);
    const assessment = (await readDecisionSupport(consultation.id)).decisionSupport.antibiotics;
    expect(assessment?.condition.id).toBe('cystitis');
    expect(assessment?.plan).toMatchObject({ kind: 'antibiotic', substance: 'Ciprofloksacin' });
    expect(assessment?.planAssessment).toBe('deviation');
    const deviation = assessment?.deviations.find((candidate) => candidate.code === 'wrong-drug');
    expect(deviation?.rule).toMatch(/^cystitis-uncomplicated@/);
    expect(deviation?.source).toContain('Helsedirektoratet');
    expect(deviation?.text).toContain('Ciprofloksacin');
    expect(assessment?.recommendation.drug).toBe('Pivmecillinam');
  });

  it('names what is missing and adds the caution about prescribing by telephone', async () => {
    await startApp();
    const consultation = await createConsultation(SORE_THROAT_BY_PHONE, 'telefon');
    const support = await readDecisionSupport(consultation.id);
    const assessment = support.decisionSupport.antibiotics;
    expect(support.setting).toBe('telefon');
    expect(assessment?.condition.id).toBe('sore-throat');
    expect(assessment?.missing.join(' ')).toMatch(/strep/i);
    expect(assessment?.caution).toMatch(/telefon/);
    expect(assessment?.planAssessment).toBe('not-applicable');
  });

  it('gives no antibiotic assessment outside the infections the rules cover, and 404 for an unknown consultation', async () => {
    await startApp();
    const consultation = await createConsultation(LOW_BACK_PAIN);
    const support = await readDecisionSupport(consultation.id);
    expect(support.decisionSupport.antibiotics).toBeNull();
    expect(support.suggestedPlanStatement).toBeNull();
    expect(support.codes[0]?.code.charAt(0)).toBe('L');
    const missing = await testApp.app.inject({
      method: 'GET',
      url: '/api/consultations/nope/decision-support',
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('decisions on the recommendation', () => {
  it('stores accepted and declined decisions with the rule, audits them, and locks with the note', async () => {
    await startApp();
    const consultation = await createConsultation(CYSTITIS_CIPROFLOXACIN);
    const record = await draft(consultation.id);
    const url = `/api/consultations/${consultation.id}/decision-support/decisions`;

    const withoutReason = await testApp.app.inject({
      method: 'POST',
      url,
      payload: { action: 'declined', by: DOCTOR },
    });
    expect(withoutReason.statusCode).toBe(400);
    expect(withoutReason.json().error.details.field).toBe('reason');

    const declined = await testApp.app.inject({
      method: 'POST',
      url,
      payload: { action: 'declined', reason: 'Kjent resistens mot mecillinam', by: DOCTOR },
    });
    expect(declined.statusCode).toBe(201);
    expect(declined.json()).toMatchObject({
      action: 'declined',
      reason: 'Kjent resistens mot mecillinam',
      noteId: record.id,
      rule: expect.stringMatching(/^cystitis-uncomplicated@/),
      recommendationKind: 'antibiotic',
      deviationCodes: ['wrong-drug'],
      decidedBy: DOCTOR,
    });

    const support = await readDecisionSupport(consultation.id);
    expect(support.decisions.map((decision) => decision.action)).toEqual(['declined']);
    expect(support.decision?.reason).toBe('Kjent resistens mot mecillinam');

    const audit = await testApp.context.storage.audit.list({ action: 'decision_support.decide' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: DOCTOR, entityId: consultation.id, outcome: 'success' });
    expect(JSON.stringify(audit[0]?.details)).not.toContain('mecillinam');

    const approve = await testApp.app.inject({
      method: 'POST',
      url: `/api/notes/${record.id}/approve`,
      payload: { approvedBy: DOCTOR, version: record.version },
    });
    expect(approve.statusCode).toBe(200);
    const late = await testApp.app.inject({
      method: 'POST',
      url,
      payload: { action: 'accepted', by: DOCTOR },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('already_approved');
  });

  it('refuses a decision where there is no recommendation to decide on', async () => {
    await startApp();
    const consultation = await createConsultation(LOW_BACK_PAIN);
    const response = await testApp.app.inject({
      method: 'POST',
      url: `/api/consultations/${consultation.id}/decision-support/decisions`,
      payload: { action: 'accepted', by: DOCTOR },
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('PUT /api/notes/:noteId/codes', () => {
  it('stores chosen codes on the note with titles from the list, and the text export names the diagnosis', async () => {
    await startApp();
    const consultation = await createConsultation(SORE_THROAT_CENTOR_4);
    const record = await draft(consultation.id);
    const url = `/api/notes/${record.id}/codes`;

    const stale = await testApp.app.inject({
      method: 'PUT',
      url,
      payload: { version: 99, codes: [{ code: 'R72' }] },
    });
    expect(stale.statusCode).toBe(409);
    const unknown = await testApp.app.inject({
      method: 'PUT',
      url,
      payload: { version: 1, codes: [{ code: 'Q12' }] },
    });
    expect(unknown.statusCode).toBe(400);
    const badEvidence = await testApp.app.inject({
      method: 'PUT',
      url,
      payload: { version: 1, codes: [{ code: 'R72', evidence: ['s999'] }] },
    });
    expect(badEvidence.statusCode).toBe(400);

    const chosen = await testApp.app.inject({
      method: 'PUT',
      url,
      payload: { version: record.version, codes: [{ code: 'r72' }], by: DOCTOR },
    });
    expect(chosen.statusCode).toBe(200);
    const withCodes = chosen.json<NoteRecord>();
    const suggested = (await readDecisionSupport(consultation.id)).codes.find((code) => code.code === 'R72');
    expect(withCodes.codes).toEqual([
      { system: 'ICPC-2', code: 'R72', title: 'Streptokokkhals', evidence: suggested?.evidence },
    ]);
    expect(withCodes.version).toBe(record.version);

    const read = await testApp.app.inject({ method: 'GET', url: `/api/notes/${record.id}` });
    expect(read.json<NoteRecord>().codes?.map((code) => code.code)).toEqual(['R72']);
    const chosenCodes = (await readDecisionSupport(consultation.id)).chosenCodes;
    expect(chosenCodes).toMatchObject({ chosenBy: DOCTOR, listVersion: expect.any(String) });

    const approved = await testApp.app.inject({
      method: 'POST',
      url: `/api/notes/${record.id}/approve`,
      payload: { approvedBy: DOCTOR, version: record.version },
    });
    expect(approved.json<NoteRecord>().codes?.[0]?.code).toBe('R72');
    const text = await testApp.app.inject({ method: 'GET', url: `/api/notes/${record.id}/text` });
    const lines = text.body.split('\n');
    expect(lines).toContain('Diagnose: R72 Streptokokkhals');
    expect(lines.at(-1)).toMatch(/^KI-assistert utkast, gjennomgått og godkjent av lege Kari Lege/);

    const locked = await testApp.app.inject({
      method: 'PUT',
      url,
      payload: { version: record.version, codes: [] },
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('already_approved');
    const audit = await testApp.context.storage.audit.list({ action: 'note.choose_codes' });
    expect(audit.map((event) => event.outcome)).toEqual([
      'failure',
      'failure',
      'failure',
      'success',
      'failure',
    ]);
  });

  it('leaves the text export without a diagnosis line when no code is chosen', async () => {
    await startApp();
    const consultation = await createConsultation(SORE_THROAT_CENTOR_4);
    const record = await draft(consultation.id);
    const text = await testApp.app.inject({ method: 'GET', url: `/api/notes/${record.id}/text` });
    expect(text.body).not.toContain('Diagnose:');
  });
});

describe('accepting the recommendation into the plan', () => {
  it('adds the suggested statement with its evidence through the note edit, then records the decision', async () => {
    await startApp();
    const consultation = await createConsultation(CYSTITIS_CIPROFLOXACIN);
    const record = await draft(consultation.id);
    const support = await readDecisionSupport(consultation.id);
    const statement = support.suggestedPlanStatement;
    expect(statement?.text).toBe('Pivmecillinam 200 mg x 3 i 3 d.');
    const note: Note = structuredClone(record.note);
    note.sections
      .find((section) => section.id === support.planSection?.id)
      ?.statements.push({
        id: 'tiltak-ny-1',
        text: statement?.text ?? '',
        evidence: statement?.evidence ?? [],
        support: 'unverified',
      });
    const saved = await testApp.app.inject({
      method: 'PUT',
      url: `/api/notes/${record.id}`,
      payload: { version: record.version, note, editedBy: DOCTOR },
    });
    expect(saved.statusCode).toBe(200);
    const tiltak = saved.json<NoteRecord>().note.sections.find((section) => section.id === 'tiltak');
    expect(tiltak?.statements.at(-1)).toMatchObject({
      text: 'Pivmecillinam 200 mg x 3 i 3 d.',
      evidence: statement?.evidence,
    });

    const decided = await testApp.app.inject({
      method: 'POST',
      url: `/api/consultations/${consultation.id}/decision-support/decisions`,
      payload: { action: 'accepted', by: DOCTOR },
    });
    expect(decided.statusCode).toBe(201);
    expect((await readDecisionSupport(consultation.id)).decision?.action).toBe('accepted');
  });
});
