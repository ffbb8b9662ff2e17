import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { ENCRYPTED_TABLES } from './encrypted-columns';
import { FieldCipher } from './field-cipher';
import type { Keyring } from './keyring';
import { readEnvelopeKeyId } from './keyring';

/** Progress of a re-encryption, one event per batch. */
export interface ReencryptionProgress {
  table: string;
  column: string;
  /** Rows of this column looked at so far. */
  processed: number;
  /** Rows of this column with a value. */
  total: number;
}

/** What a re-encryption pass did with the stored values. */
export interface ReencryptionCounts {
  /** Values written again with the active key (older key or legacy plaintext). */
  rewritten: number;
  /** Values that already used the active key. */
  current: number;
  /** Values changed by someone else during the pass (left as they are; a rerun takes them). */
  changed: number;
}

/** How many stored values use each key, and how many are still plaintext. */
export interface ValueUsage {
  byKey: Record<string, number>;
  plaintext: number;
}

/** True when a query failed because the table does not exist (record tables are made on first use). */
function isMissingTable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : '';
  return code === '42P01' || /no such table/i.test(message);
}

async function countValues(
  db: Kysely<DatabaseSchema>,
  table: string,
  column: string,
): Promise<number | undefined> {
  try {
    const result = await sql<{
      count: number | string;
    }>`select count(*) as count from ${sql.table(table)} where ${sql.ref(column)} is not null`.execute(db);
    return Number(result.rows[0]?.count ?? 0);
  } catch (error) {
    if (isMissingTable(error)) return undefined;
    throw error;
  }
}

/**
 * Counts, per encrypted column, how many values use each key id and how many are plaintext (written before
 * encryption). Reads only the envelope prefix (`substr`), never decrypts.
 */
export async function countEncryptedValues(
  db: Kysely<DatabaseSchema>,
): Promise<Array<{ table: string; column: string } & ValueUsage>> {
  const usage: Array<{ table: string; column: string } & ValueUsage> = [];
  for (const { table, columns } of ENCRYPTED_TABLES) {
    for (const column of columns) {
      let rows: Array<{ head: string }>;
      try {
        const result = await sql<{
          head: string;
        }>`select substr(${sql.ref(column)}, 1, 60) as head from ${sql.table(table)} where ${sql.ref(column)} is not null`.execute(
          db,
        );
        rows = result.rows;
      } catch (error) {
        if (isMissingTable(error)) continue;
        throw error;
      }
      const entry = { table, column, byKey: {} as Record<string, number>, plaintext: 0 };
      for (const row of rows) {
        const keyId = readEnvelopeKeyId(row.head);
        if (keyId === undefined) entry.plaintext += 1;
        else entry.byKey[keyId] = (entry.byKey[keyId] ?? 0) + 1;
      }
      usage.push(entry);
    }
  }
  return usage;
}

/**
 * Writes every encrypted column's values again with the keyring's active key, in batches ordered by id.
 * Values already on the active key are left alone, so an interrupted pass can simply be run again. Each
 * value is decrypted (or read as legacy plaintext) and written back only if it is still the value that was
 * read (compare-and-set), so a concurrent edit is never overwritten.
 */
export async function reencryptValues(
  db: Kysely<DatabaseSchema>,
  keyring: Keyring,
  options: { batchSize?: number; onProgress?: (progress: ReencryptionProgress) => void } = {},
): Promise<ReencryptionCounts> {
  const batchSize = options.batchSize ?? 200;
  const counts: ReencryptionCounts = { rewritten: 0, current: 0, changed: 0 };
  for (const { table, columns } of ENCRYPTED_TABLES) {
    const cipher = new FieldCipher(keyring, table);
    for (const column of columns) {
      const total = await countValues(db, table, column);
      if (total === undefined) continue;
      let lastId = '';
      let processed = 0;
      for (;;) {
        const { rows } = await sql<{
          id: string;
          value: string;
        }>`select id, ${sql.ref(column)} as value from ${sql.table(table)} where id > ${lastId} and ${sql.ref(column)} is not null order by id limit ${batchSize}`.execute(
          db,
        );
        const last = rows.at(-1);
        if (last === undefined) break;
        lastId = last.id;
        processed += rows.length;
        const stale = rows.filter((row) => readEnvelopeKeyId(row.value) !== keyring.activeKeyId);
        counts.current += rows.length - stale.length;
        if (stale.length > 0) {
          await db.transaction().execute(async (transaction) => {
            for (const row of stale) {
              const value = cipher.seal(column, row.id, cipher.open(column, row.id, row.value));
              const result =
                await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${value} where id = ${row.id} and ${sql.ref(column)} = ${row.value}`.execute(
                  transaction,
                );
              if (Number(result.numAffectedRows ?? 0) === 1) counts.rewritten += 1;
              else counts.changed += 1;
            }
          });
        }
        options.onProgress?.({ table, column, processed, total });
        if (rows.length < batchSize) break;
      }
    }
  }
  return counts;
}
