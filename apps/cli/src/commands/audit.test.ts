import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createStorage } from '@kollega/storage';
import { runCli } from '../testing/run-cli';

const folder = mkdtempSync(join(tmpdir(), 'kollega-cli-audit-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('kollega audit verify', () => {
  it('prints OK for an intact log and names the first broken entry (exit 1) after tampering', async () => {
    const path = join(folder, 'k.db');
    const storage = await createStorage(`sqlite:${path}`);
    for (let index = 0; index < 4; index += 1) {
      await storage.audit.append({
        actor: 'lege:test',
        action: 'consultation.read',
        entityType: 'consultation',
        entityId: `c${index}`,
        outcome: 'success',
      });
    }
    await storage.close();

    const intact = await runCli(['audit', 'verify', '--database-url', `sqlite:${path}`]);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/^OK: 4 hendelser/);

    const raw = new SQLite(path);
    raw.exec('drop trigger audit_events_no_update');
    raw.exec("update audit_events set entity_id = 'annen' where sequence = 3");
    raw.close();
    const broken = await runCli(['audit', 'verify', '--database-url', `sqlite:${path}`]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('BRUTT ved hendelse nr. 3');
  }, 60_000);
});
