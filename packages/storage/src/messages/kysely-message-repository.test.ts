import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppStorage } from '../create-storage';
import { createStorage } from '../create-storage';
import type { NewPatientMessage } from './message-repository';

let storage: AppStorage;
let clock = Date.parse('2025-03-01T08:00:00.000Z');

beforeEach(async () => {
  clock = Date.parse('2025-03-01T08:00:00.000Z');
  storage = await createStorage('sqlite::memory:', { now: () => new Date(clock) });
});
afterEach(async () => {
  await storage.close();
});

function newMessage(overrides: Partial<NewPatientMessage> = {}): NewPatientMessage {
  return {
    practiceId: 'praksis-a',
    message: 'Syntetisk melding',
    receivedAt: '2025-03-01T07:00:00.000Z',
    urgency: 'rutine',
    category: 'administrativ',
    redFlags: [],
    reasons: [],
    suggestedReply: 'Takk for meldingen.',
    injectionAttempt: false,
    rulesVersion: 'test-1',
    ...overrides,
  };
}

describe('KyselyMessageRepository', () => {
  it('stores a message as open and reads it back with its red flags', async () => {
    const created = await storage.messages.create(
      newMessage({
        urgency: 'akutt',
        redFlags: [{ text: 'brystsmerter', rule: 'chest', description: 'Brystsmerter', urgency: 'akutt' }],
        externalId: 'ext-1',
      }),
    );
    expect(created.status).toBe('open');
    const found = await storage.messages.findById('praksis-a', created.id);
    expect(found).toEqual(created);
    expect(found?.redFlags[0]?.text).toBe('brystsmerter');
  });

  it('lists most urgent first, then oldest first, and filters', async () => {
    await storage.messages.create(newMessage({ urgency: 'rutine', receivedAt: '2025-03-01T06:00:00.000Z' }));
    await storage.messages.create(newMessage({ urgency: 'akutt', receivedAt: '2025-03-01T07:30:00.000Z' }));
    await storage.messages.create(
      newMessage({ urgency: 'samme_dag', receivedAt: '2025-03-01T07:10:00.000Z' }),
    );
    await storage.messages.create(
      newMessage({ urgency: 'samme_dag', receivedAt: '2025-03-01T05:00:00.000Z', category: 'resept' }),
    );
    const all = await storage.messages.list('praksis-a');
    expect(all.map((message) => [message.urgency, message.receivedAt])).toEqual([
      ['akutt', '2025-03-01T07:30:00.000Z'],
      ['samme_dag', '2025-03-01T05:00:00.000Z'],
      ['samme_dag', '2025-03-01T07:10:00.000Z'],
      ['rutine', '2025-03-01T06:00:00.000Z'],
    ]);
    expect(await storage.messages.list('praksis-a', { category: 'resept' })).toHaveLength(1);
    expect(await storage.messages.list('praksis-a', { urgency: 'samme_dag' })).toHaveLength(2);
  });

  it('keeps practices apart', async () => {
    const other = await storage.messages.create(newMessage({ practiceId: 'praksis-b' }));
    expect(await storage.messages.list('praksis-a')).toEqual([]);
    expect(await storage.messages.findById('praksis-a', other.id)).toBeUndefined();
    expect(await storage.messages.update('praksis-a', other.id, { status: 'handled' })).toBeUndefined();
    expect((await storage.messages.findById('praksis-b', other.id))?.status).toBe('open');
  });

  it('records who handled and replied, and when; reopening clears the handling', async () => {
    const created = await storage.messages.create(newMessage());
    clock += 60_000;
    const assigned = await storage.messages.update('praksis-a', created.id, { assignedTo: ' Kari ' });
    expect(assigned?.assignedTo).toBe('Kari');
    const handled = await storage.messages.update('praksis-a', created.id, {
      status: 'handled',
      handledBy: 'Dr. Test',
      reply: 'Ring oss.',
      repliedBy: 'Dr. Test',
    });
    expect(handled).toMatchObject({
      status: 'handled',
      handledBy: 'Dr. Test',
      handledAt: '2025-03-01T08:01:00.000Z',
      reply: 'Ring oss.',
      repliedAt: '2025-03-01T08:01:00.000Z',
    });
    expect(await storage.messages.list('praksis-a', { status: 'open' })).toEqual([]);
    const reopened = await storage.messages.update('praksis-a', created.id, {
      status: 'open',
      assignedTo: '',
    });
    expect(reopened?.handledAt).toBeUndefined();
    expect(reopened?.assignedTo).toBeUndefined();
    expect(reopened?.reply).toBe('Ring oss.');
  });
});
