import { afterEach, describe, expect, it } from 'vitest';
import type { Consultation, NoteRecord } from '@kollega/domain';
import type { TestApp } from '../testing/create-test-app';
import { createTestApp } from '../testing/create-test-app';
import type { TestUser } from '../testing/signed-in-test-app';
import { createSignedInTestApp } from '../testing/signed-in-test-app';
import { createTestEngine } from '../testing/test-engines';
import type { PrescribingMirror } from './decision-support-service';
import {
  BRONCHITIS_AMOXICILLIN,
  COLD_NO_ANTIBIOTIC,
  CYSTITIS_CIPROFLOXACIN,
  LOW_BACK_PAIN,
  SORE_THROAT_CENTOR_4,
} from './synthetic-consultations';
import type { SyntheticTurn } from './synthetic-consultations';

const KARI = 'Kari Lege';
const OLA = 'Ola Lege';

let testApp: TestApp;
afterEach(async () => {
  await testApp.close();
});

/** A clock the test moves: notes are approved at the time it shows. */
const clock = { now: new Date('2025-01-10T09:00:00Z') };

async function inject<T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object): Promise<T> {
  const response = await testApp.app.inject({ method, url, ...(payload === undefined ? {} : { payload }) });
  expect(response.statusCode, `${method} ${url}: ${response.body.slice(0, 200)}`).toBeLessThan(300);
  return response.json<T>();
}

/**
 * One consultation through the real flow: create, draft, optionally choose codes and decide, then approve
 * at `at` in `doctor`'s name (or leave it a draft).
 */
async function runConsultation(options: {
  transcript: SyntheticTurn[];
  doctor: string;
  at: string;
  codes?: string[];
  decision?: 'accepted' | 'declined';
  approve?: boolean;
}): Promise<NoteRecord> {
  clock.now = new Date(options.at);
  const consultation = await inject<Consultation>('POST', '/api/consultations', {
    title: 'Syntetisk',
    language: 'nb',
    setting: 'kontor',
    transcript: options.transcript,
  });
  const record = await inject<NoteRecord>('POST', `/api/consultations/${consultation.id}/note`);
  if (options.codes !== undefined) {
    await inject('PUT', `/api/notes/${record.id}/codes`, {
      version: record.version,
      codes: options.codes.map((code) => ({ code })),
      by: options.doctor,
    });
  }
  if (options.decision !== undefined) {
    await inject('POST', `/api/consultations/${consultation.id}/decision-support/decisions`, {
      action: options.decision,
      ...(options.decision === 'declined' ? { reason: 'Annen vurdering' } : {}),
      by: options.doctor,
    });
  }
  if (options.approve === false) return record;
  return inject<NoteRecord>('POST', `/api/notes/${record.id}/approve`, {
    approvedBy: options.doctor,
    version: record.version,
  });
}

describe('GET /api/statistics/prescribing', () => {
  it('counts respiratory infections, antibiotics, penicillin V and deviations per doctor and month from approved notes', async () => {
    testApp = await createTestApp({ context: { engine: createTestEngine(), now: () => clock.now } });

    // Kari, January: Centor-4 throat with penicillin V (R72), bronchitis with amoxicillin (R78, deviation).
    await runConsultation({
      transcript: SORE_THROAT_CENTOR_4,
      doctor: KARI,
      at: '2025-01-10T09:00:00Z',
      codes: ['R72'],
    });
    await runConsultation({
      transcript: BRONCHITIS_AMOXICILLIN,
      doctor: KARI,
      at: '2025-01-20T09:00:00Z',
      codes: ['R78'],
    });
    // Kari, February: cystitis with ciprofloxacin, no code chosen (not respiratory; a deviation), declined.
    await runConsultation({
      transcript: CYSTITIS_CIPROFLOXACIN,
      doctor: KARI,
      at: '2025-02-03T09:00:00Z',
      decision: 'declined',
    });
    // Ola, February: a cold without antibiotics (R74); a cystitis where the recommendation was accepted.
    await runConsultation({
      transcript: COLD_NO_ANTIBIOTIC,
      doctor: OLA,
      at: '2025-02-12T09:00:00Z',
      codes: ['R74'],
    });
    await runConsultation({
      transcript: CYSTITIS_CIPROFLOXACIN,
      doctor: OLA,
      at: '2025-02-14T09:00:00Z',
      decision: 'accepted',
    });
    // Ola, March: back pain, no infection.
    await runConsultation({ transcript: LOW_BACK_PAIN, doctor: OLA, at: '2025-03-05T09:00:00Z' });
    // Not counted: a draft, and a note approved before the period.
    await runConsultation({
      transcript: SORE_THROAT_CENTOR_4,
      doctor: OLA,
      at: '2025-03-06T09:00:00Z',
      approve: false,
    });
    await runConsultation({
      transcript: BRONCHITIS_AMOXICILLIN,
      doctor: OLA,
      at: '2024-12-30T09:00:00Z',
      codes: ['R78'],
    });

    clock.now = new Date('2025-03-20T12:00:00Z');
    const mirror = await inject<PrescribingMirror>(
      'GET',
      '/api/statistics/prescribing?from=2025-01-01&to=2025-03-31',
    );
    expect(mirror.months).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(mirror.definition.respiratoryInfectionCodes.map((entry) => entry.code)).toEqual(
      expect.arrayContaining(['H71', 'R72', 'R74', 'R75', 'R76', 'R78', 'R80', 'R81']),
    );

    expect(mirror.practice).toMatchObject({
      approvedNotes: 6,
      respiratoryInfections: 3,
      withAntibiotic: 2,
      penicillinV: 1,
      penicillinVShare: 0.5,
      assessed: 5,
      deviations: 2,
      codedByDoctor: 3,
    });
    expect(mirror.practice.antibioticShare).toBeCloseTo(2 / 3);
    expect(mirror.practice.deviationShare).toBeCloseTo(2 / 5);

    expect(mirror.doctors.map((doctor) => doctor.doctor)).toEqual([KARI, OLA]);
    const [kari, ola] = mirror.doctors;
    expect(kari).toMatchObject({
      approvedNotes: 3,
      respiratoryInfections: 2,
      withAntibiotic: 2,
      penicillinV: 1,
      antibioticShare: 1,
      penicillinVShare: 0.5,
      assessed: 3,
      deviations: 2,
    });
    expect(kari?.months).toEqual([
      {
        month: '2025-01',
        approvedNotes: 2,
        respiratoryInfections: 2,
        withAntibiotic: 2,
        penicillinV: 1,
        assessed: 2,
        deviations: 1,
      },
      {
        month: '2025-02',
        approvedNotes: 1,
        respiratoryInfections: 0,
        withAntibiotic: 0,
        penicillinV: 0,
        assessed: 1,
        deviations: 1,
      },
      {
        month: '2025-03',
        approvedNotes: 0,
        respiratoryInfections: 0,
        withAntibiotic: 0,
        penicillinV: 0,
        assessed: 0,
        deviations: 0,
      },
    ]);
    expect(ola).toMatchObject({
      approvedNotes: 3,
      respiratoryInfections: 1,
      withAntibiotic: 0,
      penicillinV: 0,
      antibioticShare: 0,
      penicillinVShare: null,
      assessed: 2,
      deviations: 0,
    });
    expect(ola?.months.map((month) => [month.month, month.approvedNotes, month.assessed])).toEqual([
      ['2025-01', 0, 0],
      ['2025-02', 2, 2],
      ['2025-03', 1, 0],
    ]);

    // Outcomes are stored once per approved note and reused.
    const stored = await testApp.context.storage.decisionSupport.listApprovedNotes({
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-04-01T00:00:00.000Z',
    });
    expect(stored.every((note) => note.stored !== undefined)).toBe(true);
    const again = await inject<PrescribingMirror>(
      'GET',
      '/api/statistics/prescribing?from=2025-01-01&to=2025-03-31',
    );
    expect(again.practice).toEqual(mirror.practice);

    // The note approved on 30 December counts when the period includes it.
    const december = await inject<PrescribingMirror>(
      'GET',
      '/api/statistics/prescribing?from=2024-12-01&to=2024-12-31',
    );
    expect(december.practice).toMatchObject({
      approvedNotes: 1,
      respiratoryInfections: 1,
      withAntibiotic: 1,
      deviations: 1,
    });
  });

  it('defaults to the last twelve months and rejects invalid periods', async () => {
    testApp = await createTestApp({
      context: { engine: createTestEngine(), now: () => new Date('2025-06-15T10:00:00Z') },
    });
    const mirror = await inject<PrescribingMirror>('GET', '/api/statistics/prescribing');
    expect([mirror.from, mirror.to]).toEqual(['2024-07-01', '2025-06-15']);
    expect(mirror.months).toHaveLength(12);
    expect(mirror.practice.approvedNotes).toBe(0);
    expect(mirror.practice.antibioticShare).toBeNull();
    for (const query of [
      'from=2025-02-30',
      'from=2025-05-01&to=2025-04-01',
      'from=2010-01-01&to=2025-01-01',
      'to=juni',
    ]) {
      const response = await testApp.app.inject({
        method: 'GET',
        url: `/api/statistics/prescribing?${query}`,
      });
      expect(response.statusCode, query).toBe(400);
    }
  });
});

describe('with sign-in', () => {
  it("counts only the signed-in doctor's practice, and hides another practice's decision support", async () => {
    const signedIn = await createSignedInTestApp({ context: { engine: createTestEngine() } });
    testApp = signedIn;
    const first = await signedIn.createPracticeUser();
    const second = await signedIn.createPracticeUser();
    const approveAs = async (user: TestUser, transcript: SyntheticTurn[]): Promise<Consultation> => {
      const send = async <T>(method: 'POST' | 'PUT', url: string, payload?: object): Promise<T> => {
        const response = await signedIn.app.inject({
          method,
          url,
          headers: user.headers,
          ...(payload === undefined ? {} : { payload }),
        });
        expect(response.statusCode, `${method} ${url}`).toBeLessThan(300);
        return response.json<T>();
      };
      const consultation = await send<Consultation>('POST', '/api/consultations', {
        title: 'Syntetisk',
        language: 'nb',
        transcript,
      });
      const record = await send<NoteRecord>('POST', `/api/consultations/${consultation.id}/note`);
      await send('POST', `/api/notes/${record.id}/approve`, {
        approvedBy: 'ignored',
        version: record.version,
      });
      return consultation;
    };
    const own = await approveAs(first, SORE_THROAT_CENTOR_4);
    await approveAs(second, BRONCHITIS_AMOXICILLIN);
    await approveAs(second, COLD_NO_ANTIBIOTIC);

    const mirror = await signedIn.app.inject({
      method: 'GET',
      url: '/api/statistics/prescribing',
      headers: first.headers,
    });
    expect(mirror.statusCode).toBe(200);
    const body = mirror.json<PrescribingMirror>();
    expect(body.practice).toMatchObject({
      approvedNotes: 1,
      respiratoryInfections: 1,
      withAntibiotic: 1,
      penicillinV: 1,
    });
    expect(body.doctors).toHaveLength(1);

    const foreign = await signedIn.app.inject({
      method: 'GET',
      url: `/api/consultations/${own.id}/decision-support`,
      headers: second.headers,
    });
    expect(foreign.statusCode).toBe(404);
  });
});
