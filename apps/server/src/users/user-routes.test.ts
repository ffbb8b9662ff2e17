import { afterEach, describe, expect, it } from 'vitest';
import type { SignedInTestApp } from '../testing/signed-in-test-app';
import { TEST_PASSWORD, createSignedInTestApp } from '../testing/signed-in-test-app';

let testApp: SignedInTestApp | undefined;
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

async function start(): Promise<SignedInTestApp> {
  testApp = await createSignedInTestApp();
  return testApp;
}

const NEW_USER = {
  username: 'sekretaer.ny',
  displayName: 'Kari Sekretær',
  role: 'helsesekretær',
  password: 'et-langt-nok-passord',
};

describe('account administration', () => {
  it('lets an administrator doctor create a colleague who can then sign in, and lists only the own practice', async () => {
    const app = await start();
    const administrator = await app.createPracticeUser({ administrator: true });
    const otherPractice = await app.createPracticeUser({ administrator: true });

    const created = await app.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: administrator.headers,
      payload: NEW_USER,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      username: 'sekretaer.ny',
      role: 'helsesekretær',
      administrator: false,
      practiceId: administrator.practiceId,
    });
    expect(JSON.stringify(created.json())).not.toContain('password');

    const login = await app.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sekretaer.ny', password: NEW_USER.password },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ user: { role: 'helsesekretær', administrator: false } });

    const listed = await app.app.inject({ method: 'GET', url: '/api/users', headers: administrator.headers });
    expect(
      listed
        .json<Array<{ username: string }>>()
        .map((user) => user.username)
        .sort(),
    ).toEqual([administrator.username, 'sekretaer.ny'].sort());
    const foreign = await app.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: otherPractice.headers,
    });
    expect(foreign.json<Array<{ username: string }>>().map((user) => user.username)).toEqual([
      otherPractice.username,
    ]);

    const audit = await app.context.storage.audit.list({ action: 'user.create' });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(NEW_USER.password);
  });

  it('refuses non-administrators (403), anonymous callers (401) and weak or duplicate input (400/409)', async () => {
    const app = await start();
    const administrator = await app.createPracticeUser({ administrator: true });
    const doctor = await app.createColleague(administrator.practiceId);
    const forbidden = await app.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: doctor.headers,
      payload: NEW_USER,
    });
    expect(forbidden.statusCode).toBe(403);
    expect((await app.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);

    const weak = await app.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: administrator.headers,
      payload: { ...NEW_USER, password: 'kort' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ error: { code: 'invalid_input' } });
    const duplicate = await app.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: administrator.headers,
      payload: { ...NEW_USER, username: doctor.username },
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it('disables an account: its session ends at once and it cannot sign in; another practice gets 404', async () => {
    const app = await start();
    const administrator = await app.createPracticeUser({ administrator: true });
    const doctor = await app.createColleague(administrator.practiceId);
    const stranger = await app.createPracticeUser({ administrator: true });
    expect(
      (await app.app.inject({ method: 'GET', url: '/api/consultations', headers: doctor.headers }))
        .statusCode,
    ).toBe(200);

    const notYours = await app.app.inject({
      method: 'POST',
      url: `/api/users/${doctor.id}`,
      headers: stranger.headers,
      payload: { disabled: true },
    });
    expect(notYours.statusCode).toBe(404);

    const disabled = await app.app.inject({
      method: 'POST',
      url: `/api/users/${doctor.id}`,
      headers: administrator.headers,
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json<{ disabledAt?: string }>().disabledAt).toBeDefined();
    expect(
      (await app.app.inject({ method: 'GET', url: '/api/consultations', headers: doctor.headers }))
        .statusCode,
    ).toBe(401);
    const login = await app.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: doctor.username, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);

    const enabled = await app.app.inject({
      method: 'POST',
      url: `/api/users/${doctor.id}`,
      headers: administrator.headers,
      payload: { disabled: false, role: 'helsesekretær' },
    });
    expect(enabled.json()).toMatchObject({ role: 'helsesekretær' });
    expect(enabled.json<{ disabledAt?: string }>().disabledAt).toBeUndefined();
  });

  it('keeps at least one active administrator in the practice', async () => {
    const app = await start();
    const administrator = await app.createPracticeUser({ administrator: true });
    const selfDemotion = await app.app.inject({
      method: 'POST',
      url: `/api/users/${administrator.id}`,
      headers: administrator.headers,
      payload: { administrator: false },
    });
    expect(selfDemotion.statusCode).toBe(409);
    const selfDisable = await app.app.inject({
      method: 'POST',
      url: `/api/users/${administrator.id}`,
      headers: administrator.headers,
      payload: { disabled: true },
    });
    expect(selfDisable.statusCode).toBe(409);

    const second = await app.createColleague(administrator.practiceId, { role: 'admin' });
    const handedOver = await app.app.inject({
      method: 'POST',
      url: `/api/users/${administrator.id}`,
      headers: second.headers,
      payload: { administrator: false },
    });
    expect(handedOver.statusCode).toBe(200);
    expect(handedOver.json()).toMatchObject({ role: 'lege', administrator: false });
  });
});

describe('first-time setup', () => {
  it('makes the first user a doctor who administers the practice', async () => {
    testApp = await createSignedInTestApp();
    testApp.context.setup.code = 'ABCD-EFGH-IJKL-MNOP';
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: {
        setupCode: 'ABCD-EFGH-IJKL-MNOP',
        practiceName: 'Testkontoret',
        username: 'forste.lege',
        displayName: 'Første Lege',
        password: 'et-langt-nok-passord',
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ user: { role: 'lege', administrator: true } });
  });
});
