import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppStorage } from '../create-storage';
import { createStorage } from '../create-storage';
import { GENESIS_HASH, computeAuditHash, toCanonicalJson, verifyAuditChain } from './audit-chain';

const folder = mkdtempSync(join(tmpdir(), 'kollega-audit-chain-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let counter = 0;

async function appendEvents(storage: AppStorage, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    await storage.audit.append({
      actor: `lege:${index % 3}`,
      action: 'note.read',
      entityType: 'note',
      entityId: `n${index}`,
      outcome: 'success',
      details: { index },
    });
  }
}

/** Opens the file without the app, drops the append-only triggers (as an attacker with file access can). */
function tamper(path: string, statement: string): void {
  const raw = new SQLite(path);
  try {
    raw.exec('drop trigger if exists audit_events_no_update; drop trigger if exists audit_events_no_delete;');
    raw.exec(statement);
  } finally {
    raw.close();
  }
}

describe('toCanonicalJson', () => {
  it('sorts keys at every level and is stable', () => {
    expect(toCanonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('audit hash chain (SQLite file)', () => {
  let path: string;
  let storage: AppStorage;

  beforeEach(async () => {
    counter += 1;
    path = join(folder, `chain-${counter}.db`);
    storage = await createStorage(`sqlite:${path}`);
  });
  afterEach(async () => {
    await storage.close();
  });

  it('verifies an empty log and an intact chain, linking each event to the one before', async () => {
    expect(await verifyAuditChain(storage.auditChain)).toMatchObject({ ok: true, count: 0 });
    await appendEvents(storage, 7);
    const result = await verifyAuditChain(storage.auditChain, { pageSize: 3 });
    expect(result).toMatchObject({ ok: true, count: 7 });
    const entries = await storage.auditChain.readChain(0, 100);
    expect(entries[0]?.previousHash).toBe(GENESIS_HASH);
    expect(entries[1]?.previousHash).toBe(entries[0]?.hash);
    const first = entries[0];
    if (first === undefined) throw new Error('no entry');
    expect(first.hash).toBe(computeAuditHash(GENESIS_HASH, 1, first.event));
  });

  it('refuses UPDATE and DELETE through the database triggers', async () => {
    await appendEvents(storage, 2);
    const raw = new SQLite(path);
    try {
      expect(() => raw.exec("update audit_events set actor = 'x'")).toThrow(/append-only/);
      expect(() => raw.exec('delete from audit_events')).toThrow(/append-only/);
    } finally {
      raw.close();
    }
  });

  it('finds an altered field and names the first broken entry', async () => {
    await appendEvents(storage, 5);
    tamper(path, "update audit_events set actor = 'lege:annen' where sequence = 3");
    expect(await verifyAuditChain(storage.auditChain)).toMatchObject({
      ok: false,
      problem: 'hash_mismatch',
      sequence: 3,
      count: 2,
    });
  });

  it('finds altered details, even when the JSON no longer parses', async () => {
    await appendEvents(storage, 4);
    tamper(path, `update audit_events set details = '{"index":' where sequence = 2`);
    expect(await verifyAuditChain(storage.auditChain)).toMatchObject({ ok: false, sequence: 2 });
  });

  it('finds a removed entry in the middle', async () => {
    await appendEvents(storage, 5);
    tamper(path, 'delete from audit_events where sequence = 2');
    expect(await verifyAuditChain(storage.auditChain)).toMatchObject({
      ok: false,
      problem: 'sequence_gap',
      sequence: 2,
    });
  });

  it('finds a removed entry even when the later sequence numbers are renumbered', async () => {
    await appendEvents(storage, 5);
    tamper(
      path,
      'delete from audit_events where sequence = 2; update audit_events set sequence = sequence - 1 where sequence > 2;',
    );
    expect(await verifyAuditChain(storage.auditChain)).toMatchObject({ ok: false, sequence: 2 });
  });

  it('finds a truncated tail through the head checkpoint', async () => {
    await appendEvents(storage, 5);
    tamper(path, 'delete from audit_events where sequence >= 4');
    expect(await verifyAuditChain(storage.auditChain)).toMatchObject({
      ok: false,
      problem: 'head_mismatch',
      count: 3,
    });
  });

  it('finds a row slipped in without joining the chain', async () => {
    await appendEvents(storage, 2);
    tamper(
      path,
      "insert into audit_events (id, at, actor, action, entity_type, entity_id, outcome, details) values ('x', '2025-01-01T00:00:00.000Z', 'a', 'b', 'note', 'n', 'success', '{}')",
    );
    expect(await verifyAuditChain(storage.auditChain)).toMatchObject({
      ok: false,
      problem: 'unchained_entry',
    });
  });

  it('keeps one chain when two server processes append to the same file at the same time', async () => {
    const fixture = fileURLToPath(new URL('./append-audit-events.fixture.ts', import.meta.url));
    const run = () =>
      new Promise<number>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', fixture, path, '40'], { stdio: 'inherit' });
        child.on('error', reject);
        child.on('exit', (code) => resolve(code ?? 1));
      });
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    expect(await verifyAuditChain(storage.auditChain)).toMatchObject({ ok: true, count: 80 });
  }, 60_000);
});

describe('audit hash chain (SQLite in memory)', () => {
  it('serialises concurrent appends from one process', async () => {
    const storage = await createStorage('sqlite::memory:');
    try {
      await Promise.all(Array.from({ length: 5 }, () => appendEvents(storage, 10)));
      expect(await verifyAuditChain(storage.auditChain)).toMatchObject({ ok: true, count: 50 });
    } finally {
      await storage.close();
    }
  });
});
