import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createStorage } from '../create-storage';
import type { RecordStorage } from './create-record-storage';
import { createRecordStorage } from './create-record-storage';

const folder = mkdtempSync(join(tmpdir(), 'kollega-records-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let storage: RecordStorage | undefined;
afterEach(async () => {
  await storage?.close();
  storage = undefined;
});

function fixedClock(): () => Date {
  let time = Date.parse('2025-03-14T09:00:00Z');
  return () => new Date((time += 1000));
}

describe('record documents', () => {
  it('stores a patient’s documents with their passages, lists them without, and removes one', async () => {
    storage = await createRecordStorage('sqlite::memory:', { now: fixedClock() });
    const before = await storage.records.revision('pasient-1');
    const id = storage.records.createId();
    const summary = await storage.records.add(id, {
      patientKey: 'pasient-1',
      name: 'journal.pdf',
      kind: 'pdf',
      pageCount: 2,
      passages: [{ id: `${id}:1`, text: 'HbA1c 53 mmol/mol' }],
      warnings: [],
      importedBy: 'lege:test',
    });
    expect(summary).toMatchObject({
      id,
      patientKey: 'pasient-1',
      passageCount: 1,
      pageCount: 2,
      importedAt: '2025-03-14T09:00:01.000Z',
    });
    await storage.records.add(storage.records.createId(), {
      patientKey: 'pasient-2',
      name: 'annen.txt',
      kind: 'text',
      passages: [],
      warnings: [{ code: 'x', message: 'y' }],
      importedBy: 'lege:test',
    });
    expect(await storage.records.revision('pasient-1')).not.toBe(before);
    expect((await storage.records.list('pasient-1')).map((item) => item.name)).toEqual(['journal.pdf']);
    expect((await storage.records.list('pasient-1'))[0]).not.toHaveProperty('passages');
    expect((await storage.records.listWithPassages('pasient-1'))[0]?.passages).toEqual([
      { id: `${id}:1`, text: 'HbA1c 53 mmol/mol' },
    ]);
    await expect(storage.records.remove('pasient-2', id)).rejects.toMatchObject({ code: 'not_found' });
    await storage.records.remove('pasient-1', id);
    expect(await storage.records.list('pasient-1')).toEqual([]);
  });
});

describe('clinical documents', () => {
  it('edits a draft version by version and locks it on approval', async () => {
    storage = await createRecordStorage('sqlite::memory:', { now: fixedClock() });
    const created = await storage.clinicalDocuments.create({
      consultationId: 'k1',
      noteId: 'n1',
      kind: 'henvisning',
      content: { title: 'Henvisning', sections: [] },
      request: { receiver: 'Ortoped' },
      createdBy: 'Åse Bø',
    });
    expect(created).toMatchObject({ version: 1, status: 'draft', request: { receiver: 'Ortoped' } });
    const edited = await storage.clinicalDocuments.saveEdit({
      id: created.id,
      expectedVersion: 1,
      content: { title: 'Endret' },
    });
    expect(edited).toMatchObject({ version: 2, content: { title: 'Endret' } });
    await expect(
      storage.clinicalDocuments.saveEdit({ id: created.id, expectedVersion: 1, content: {} }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const approved = await storage.clinicalDocuments.approve({
      id: created.id,
      expectedVersion: 2,
      approvedBy: 'Åse Bø',
    });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'Åse Bø', version: 2 });
    expect(approved.approvedAt).toBeDefined();
    await expect(
      storage.clinicalDocuments.saveEdit({ id: created.id, expectedVersion: 2, content: {} }),
    ).rejects.toMatchObject({ code: 'already_approved' });
    await expect(
      storage.clinicalDocuments.approve({ id: 'ukjent', expectedVersion: 1, approvedBy: 'x' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await storage.clinicalDocuments.findById(created.id)).toStrictEqual(approved);
    expect((await storage.clinicalDocuments.listByConsultation('k1')).map((item) => item.id)).toEqual([
      created.id,
    ]);
  });

  it('shares a SQLite file with the core storage, and migrating twice changes nothing', async () => {
    const url = `sqlite:${join(folder, 'delt.db')}`;
    const core = await createStorage(url);
    storage = await createRecordStorage(url);
    const created = await storage.clinicalDocuments.create({
      consultationId: 'k',
      noteId: 'n',
      kind: 'legeerklaering',
      content: {},
      request: {},
      createdBy: 'x',
    });
    await storage.close();
    storage = await createRecordStorage(url);
    expect((await storage.clinicalDocuments.findById(created.id))?.kind).toBe('legeerklaering');
    await core.checkHealth();
    await core.close();
  });
});
