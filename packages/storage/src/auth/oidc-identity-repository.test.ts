import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppStorage } from '../create-storage';
import { createStorage } from '../create-storage';
import { normalizePreRegistrationValue } from './oidc-identity-repository';
import { usePostgresTestSchemas } from '../testing/postgres-test-schemas';

const { postgresUrl, nextSchema } = usePostgresTestSchemas('kollega_oidc');

function createTickingClock(start = Date.parse('2025-01-01T10:00:00Z')): () => Date {
  let time = start;
  return () => {
    time += 1000;
    return new Date(time);
  };
}

const ISSUER = 'https://idp.example.test';

describe('normalizePreRegistrationValue', () => {
  it('keeps digits of an HPR number and lower-cases an e-mail address', () => {
    expect(normalizePreRegistrationValue('hpr', ' 0012345 ')).toBe('12345');
    expect(normalizePreRegistrationValue('hpr', '12a45')).toBeUndefined();
    expect(normalizePreRegistrationValue('hpr', '1234567890')).toBeUndefined();
    expect(normalizePreRegistrationValue('email', ' Kari@Legekontor.NO ')).toBe('kari@legekontor.no');
    expect(normalizePreRegistrationValue('email', 'kari@')).toBeUndefined();
  });
});

function describeOidcRepository(name: string, open: () => Promise<AppStorage>): void {
  describe(`OIDC identity repository: ${name}`, () => {
    let storage: AppStorage;
    let practiceId: string;
    let userId: string;

    beforeEach(async () => {
      storage = await open();
      const created = await storage.auth.createPracticeWithUser({
        practiceName: 'Testkontoret',
        user: { username: 'kari', displayName: 'Kari Lege', role: 'lege', passwordHash: 'x' },
      });
      practiceId = created.practice.id;
      userId = created.user.id;
    });
    afterEach(async () => {
      await storage.close();
    });

    it('links a first sign-in through a pre-registered HPR number and uses the pre-registration up', async () => {
      const repository = storage.auth.oidcIdentities;
      const registration = await repository.createPreRegistration({
        practiceId,
        userId,
        kind: 'hpr',
        value: '565501872',
        createdBy: 'admin-1',
      });
      expect(await repository.findPreRegistration('hpr', '565501872')).toEqual(registration);
      expect(await repository.listPreRegistrations(practiceId)).toEqual([registration]);

      const identity = await repository.linkPreRegistered({
        preRegistrationId: registration.id,
        issuer: ISSUER,
        subject: 'sub-1',
      });
      expect(identity).toMatchObject({ issuer: ISSUER, subject: 'sub-1', userId, linkedBy: 'hpr' });
      expect(await repository.findIdentity(ISSUER, 'sub-1')).toMatchObject({ userId });
      expect(await repository.findIdentity('https://other.example.test', 'sub-1')).toBeUndefined();
      expect(await repository.findPreRegistration('hpr', '565501872')).toBeUndefined();
      await expect(
        repository.linkPreRegistered({
          preRegistrationId: registration.id,
          issuer: ISSUER,
          subject: 'sub-2',
        }),
      ).rejects.toMatchObject({ code: 'conflict' });
      expect(await repository.listIdentities(practiceId)).toHaveLength(1);

      const before = (await repository.findIdentity(ISSUER, 'sub-1'))?.lastLoginAt;
      await repository.recordLogin(ISSUER, 'sub-1');
      expect((await repository.findIdentity(ISSUER, 'sub-1'))?.lastLoginAt).not.toBe(before);
    });

    it('refuses duplicates, malformed values and users of another practice', async () => {
      const repository = storage.auth.oidcIdentities;
      await repository.createPreRegistration({
        practiceId,
        userId,
        kind: 'email',
        value: 'Kari@Legekontor.no',
        createdBy: 'admin-1',
      });
      await expect(
        repository.createPreRegistration({
          practiceId,
          userId,
          kind: 'email',
          value: 'kari@legekontor.no',
          createdBy: 'admin-1',
        }),
      ).rejects.toMatchObject({ code: 'conflict' });
      await expect(
        repository.createPreRegistration({ practiceId, userId, kind: 'hpr', value: 'abc', createdBy: 'a' }),
      ).rejects.toMatchObject({ code: 'invalid_input' });
      const other = await storage.auth.createPracticeWithUser({
        practiceName: 'Annet kontor',
        user: { username: 'ola', displayName: 'Ola', role: 'lege', passwordHash: 'x' },
      });
      await expect(
        repository.createPreRegistration({
          practiceId,
          userId: other.user.id,
          kind: 'hpr',
          value: '123',
          createdBy: 'a',
        }),
      ).rejects.toMatchObject({ code: 'invalid_input' });
      expect(await repository.listPreRegistrations(other.practice.id)).toEqual([]);
      const [registration] = await repository.listPreRegistrations(practiceId);
      expect(await repository.deletePreRegistration(registration?.id ?? '', other.practice.id)).toBe(false);
      expect(await repository.deletePreRegistration(registration?.id ?? '', practiceId)).toBe(true);
    });
  });
}

describeOidcRepository('SQLite in memory', () =>
  createStorage('sqlite::memory:', { now: createTickingClock() }),
);

if (postgresUrl !== undefined) {
  describeOidcRepository('PostgreSQL', () => {
    const schema = nextSchema();
    return createStorage(postgresUrl ?? '', { now: createTickingClock(), schema });
  });
}
