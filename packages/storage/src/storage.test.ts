import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '@kollega/domain';
import { createStorage } from './create-storage';
import { parseDatabaseUrl } from './database/create-database';
import { createIdGenerator } from './database/create-id';
import { describeStorageContract } from './storage-contract';

const temporaryFolder = mkdtempSync(join(tmpdir(), 'kollega-storage-'));
afterAll(() => rmSync(temporaryFolder, { recursive: true, force: true }));
let fileCounter = 0;

describeStorageContract('SQLite in memory', (options) => createStorage('sqlite::memory:', options));
describeStorageContract('SQLite file', (options) => {
  fileCounter += 1;
  return createStorage(`sqlite:${join(temporaryFolder, `contract-${fileCounter}`, 'kollega.db')}`, options);
});

describe('SQLite file database', () => {
  it('creates the parent folder, uses WAL, and keeps data across reopening (migrations run once)', async () => {
    const path = join(temporaryFolder, 'nested', 'deeper', 'kollega.db');
    const storage = await createStorage(`sqlite:${path}`);
    const created = await storage.consultations.create({
      title: 'Vedvarende',
      language: 'nb',
      transcript: { segments: [{ id: 's1', speaker: 'lege', text: 'Hei.' }] },
    });
    await storage.close();
    expect(existsSync(path)).toBe(true);

    const reopened = await createStorage(`sqlite:${path}`);
    expect(await reopened.consultations.findById(created.id)).toStrictEqual(created);
    await reopened.close();

    const raw = new SQLite(path, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const migrations = raw.prepare('select name from kysely_migration order by name').all() as Array<{
        name: string;
      }>;
      // Every migration ran once, in order, starting with the initial schema.
      expect(migrations[0]).toEqual({ name: '0001_initial' });
      expect(new Set(migrations.map((migration) => migration.name)).size).toBe(migrations.length);
    } finally {
      raw.close();
    }
  });
});

describe('parseDatabaseUrl', () => {
  it('reads SQLite paths and PostgreSQL URLs', () => {
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', filename: ':memory:' });
    expect(parseDatabaseUrl('sqlite:/var/lib/kollega.db')).toEqual({
      dialect: 'sqlite',
      filename: '/var/lib/kollega.db',
    });
    expect(parseDatabaseUrl('sqlite:./data/kollega.db')).toEqual({
      dialect: 'sqlite',
      filename: join(process.cwd(), 'data', 'kollega.db'),
    });
    expect(parseDatabaseUrl('postgresql://u@h:5432/db')).toEqual({
      dialect: 'postgres',
      connectionString: 'postgresql://u@h:5432/db',
    });
  });

  it('rejects other schemes without echoing credentials', () => {
    let caught: unknown;
    try {
      parseDatabaseUrl('mysql://admin:hemmelig@db/kollega');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('invalid_input');
    expect((caught as AppError).message).toContain('mysql:');
    expect((caught as AppError).message).not.toContain('hemmelig');
    expect(() => parseDatabaseUrl('sqlite:')).toThrow(AppError);
  });
});

describe('createIdGenerator', () => {
  it('makes unique ids that sort in creation order, also within one millisecond', () => {
    const createId = createIdGenerator(() => 1_700_000_000_000);
    const ids = Array.from({ length: 2000 }, () => createId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('stays ordered when the clock goes backwards', () => {
    let time = 2_000_000;
    const createId = createIdGenerator(() => time);
    const first = createId();
    time = 1_000_000;
    const second = createId();
    expect(second > first).toBe(true);
  });
});
