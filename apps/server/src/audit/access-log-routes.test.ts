import { afterEach, describe, expect, it } from 'vitest';
import type { Consultation, NoteRecord } from '@kollega/domain';
import type { SignedInTestApp } from '../testing/signed-in-test-app';
import { createSignedInTestApp } from '../testing/signed-in-test-app';

let testApp: SignedInTestApp | undefined;
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

interface AccessLog {
  consultationId: string;
  entries: Array<{ at: string; action: string; outcome: string; who: string; role?: string }>;
}

describe('GET /api/consultations/:id/access-log', () => {
  it("answers 'who has read my record?': each reader by name and role, oldest first, and nothing to others", async () => {
    testApp = await createSignedInTestApp();
    const { app } = testApp;
    const doctor = await testApp.createPracticeUser();
    const colleague = await testApp.createColleague(doctor.practiceId);
    const secretary = await testApp.createColleague(doctor.practiceId, { role: 'helsesekretær' });
    const stranger = await testApp.createPracticeUser();

    const consultation = (
      await app.inject({
        method: 'POST',
        url: '/api/consultations',
        headers: doctor.headers,
        payload: {
          language: 'nb',
          transcript: [{ speaker: 'pasient', text: 'Jeg har hatt hoste i en uke.' }],
        },
      })
    ).json<Consultation>();
    const note = (
      await app.inject({
        method: 'POST',
        url: `/api/consultations/${consultation.id}/note`,
        headers: doctor.headers,
      })
    ).json<NoteRecord>();
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/consultations/${consultation.id}`,
          headers: colleague.headers,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: `/api/notes/${note.id}`, headers: colleague.headers }))
        .statusCode,
    ).toBe(200);

    const response = await app.inject({
      method: 'GET',
      url: `/api/consultations/${consultation.id}/access-log`,
      headers: doctor.headers,
    });
    expect(response.statusCode).toBe(200);
    const log = response.json<AccessLog>();
    const colleagueName = `Kollega ${colleague.username}`;
    expect(log.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'consultation.read', who: colleagueName, role: 'lege' }),
        expect.objectContaining({ action: 'note.read', who: colleagueName, role: 'lege' }),
        expect.objectContaining({ action: 'note.draft', who: `Lege ${doctor.username}` }),
      ]),
    );
    const times = log.entries.map((entry) => entry.at);
    expect([...times].sort()).toEqual(times);
    expect(JSON.stringify(log)).not.toContain('hoste');

    const foreign = await app.inject({
      method: 'GET',
      url: `/api/consultations/${consultation.id}/access-log`,
      headers: stranger.headers,
    });
    expect(foreign.statusCode).toBe(404);
    const bySecretary = await app.inject({
      method: 'GET',
      url: `/api/consultations/${consultation.id}/access-log`,
      headers: secretary.headers,
    });
    expect(bySecretary.statusCode).toBe(403);
  });
});
