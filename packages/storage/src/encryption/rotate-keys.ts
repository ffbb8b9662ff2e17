import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { AppError } from '@kollega/domain';
import { KyselyAuditRepository } from '../audit/kysely-audit-repository';
import { EncryptedFileBlobStore } from '../audio/encrypted-file-blob-store';
import { createBlobStore } from '../audio/file-blob-store';
import { createDatabase } from '../database/create-database';
import { createIdGenerator } from '../database/create-id';
import { migrateToLatest } from '../database/migrations';
import type { KeyringFile } from './keyring-file';
import {
  createKeyringFileIfMissing,
  fingerprintKeyId,
  parseEncryptionKey,
  readKeyringFile,
  writeKeyringFile,
} from './keyring-file';
import { Keyring, createEncryptionKey } from './keyring';
import type { ReencryptionCounts, ValueUsage } from './reencrypt-values';
import { countEncryptedValues, reencryptValues } from './reencrypt-values';
import { defaultKeyringPath } from './resolve-keyring';

/** Where `rotateEncryptionKeys` and `describeEncryptionKeys` find the data and the keys. */
export interface EncryptionKeysOptions {
  databaseUrl: string;
  /** PostgreSQL only: the schema the tables live in. */
  schema?: string;
  /** The keyring file; else KOLLEGA_ENCRYPTION_KEY_FILE, else the default beside the database. */
  keyFile?: string;
  /** The audio blob store (`file:…`); audio is left out when absent. */
  audioStoreUrl?: string;
  /** Where KOLLEGA_ENCRYPTION_KEY(_FILE) are read; `process.env` by default. */
  env?: Record<string, string | undefined>;
}

/** Options of `rotateEncryptionKeys`. */
export interface RotateEncryptionKeysOptions extends EncryptionKeysOptions {
  /** Rows per batch (default 200). */
  batchSize?: number;
  /** One line per batch or audio file, for standard error; never key material or content. */
  onProgress?: (message: string) => void;
  /** Who rotated, for the audit log (default `system:kollega-keys`). */
  actor?: string;
  now?: () => Date;
}

/** What happened to the audio files in a rotation. */
export interface AudioRotationCounts {
  rewritten: number;
  current: number;
  /** Files that grew while being rewritten (a recording in progress); a rerun takes them. */
  changed: number;
}

/** The outcome of `rotateEncryptionKeys`. */
export interface RotationReport {
  /** The key now active. */
  keyId: string;
  /** True when an interrupted rotation was resumed (no new key was made). */
  resumed: boolean;
  keyFile: string;
  values: ReencryptionCounts;
  audio?: AudioRotationCounts;
  /** True when every value and audio file now uses the new key (the rotation is finished). */
  complete: boolean;
}

/** The outcome of `describeEncryptionKeys`: key ids (never key material) and what uses them. */
export interface EncryptionKeysStatus {
  keyFile?: string;
  activeKeyId?: string;
  keyIds: string[];
  /** The key of a rotation that has not finished, if any. */
  pendingRotation?: string;
  values: ValueUsage;
  columns: Array<{ table: string; column: string } & ValueUsage>;
  audio?: ValueUsage & { files: number };
}

function findKeyFile(options: EncryptionKeysOptions): string {
  const env = options.env ?? process.env;
  if (options.keyFile !== undefined) return resolve(options.keyFile);
  const fromEnvironment = env.KOLLEGA_ENCRYPTION_KEY_FILE?.trim();
  if (fromEnvironment !== undefined && fromEnvironment !== '') return resolve(fromEnvironment);
  const key = env.KOLLEGA_ENCRYPTION_KEY?.trim();
  if (key !== undefined && key !== '') {
    throw new AppError(
      'invalid_input',
      'Nøkkelrotasjon trenger en nøkkelfil: bruk KOLLEGA_ENCRYPTION_KEY_FILE i stedet for KOLLEGA_ENCRYPTION_KEY',
      { details: { setting: 'KOLLEGA_ENCRYPTION_KEY' } },
    );
  }
  const path = defaultKeyringPath(options.databaseUrl);
  if (path === undefined) {
    throw new AppError('invalid_input', 'En database i minnet har ingen nøkkelfil å rotere', {
      details: { setting: 'databaseUrl' },
    });
  }
  return path;
}

async function openDatabase(options: EncryptionKeysOptions) {
  const database = await createDatabase(
    options.databaseUrl,
    options.schema === undefined ? {} : { schema: options.schema },
  );
  try {
    await migrateToLatest(database.db, database.schema === undefined ? {} : { schema: database.schema });
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

function openAudioStore(url: string | undefined, keyring: Keyring): EncryptedFileBlobStore | undefined {
  if (url === undefined) return undefined;
  const store = createBlobStore(url, { keyring });
  return store instanceof EncryptedFileBlobStore ? store : undefined;
}

function addUsage(total: ValueUsage, usage: ValueUsage): void {
  total.plaintext += usage.plaintext;
  for (const [keyId, count] of Object.entries(usage.byKey))
    total.byKey[keyId] = (total.byKey[keyId] ?? 0) + count;
}

/**
 * Rotates the encryption key: adds a new key to the keyring file and makes it active (the old keys stay for
 * reading), then writes every encrypted value and audio file again with it, in batches, and audit-logs the
 * rotation. The file remembers a rotation until it finishes, so an interrupted run resumes with the same key
 * when run again; values already on the new key are skipped.
 */
export async function rotateEncryptionKeys(options: RotateEncryptionKeysOptions): Promise<RotationReport> {
  const now = options.now ?? (() => new Date());
  const progress = options.onProgress ?? (() => undefined);
  const keyFile = findKeyFile(options);
  const database = await openDatabase(options);
  try {
    let { contents } = createKeyringFileIfMissing(keyFile, now());
    const pending = contents.rotation;
    const resumed = pending !== undefined && contents.keys.some((key) => key.id === pending.keyId);
    if (resumed) {
      contents = { ...contents, activeKeyId: pending.keyId };
      progress(`Fortsetter en avbrutt rotasjon til nøkkel ${pending.keyId}`);
    } else {
      const key = createEncryptionKey(now());
      contents = {
        keys: [...contents.keys, key],
        activeKeyId: key.id,
        rotation: { keyId: key.id, startedAt: now().toISOString() },
      };
      writeKeyringFile(keyFile, contents);
      progress(`Ny aktiv nøkkel ${key.id} lagt til i ${keyFile}`);
    }
    const keyring = new Keyring(contents);
    const values = await reencryptValues(database.db, keyring, {
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      onProgress: (event) => progress(`${event.table}.${event.column}: ${event.processed}/${event.total}`),
    });
    let audio: AudioRotationCounts | undefined;
    const blobs = openAudioStore(options.audioStoreUrl, keyring);
    if (blobs !== undefined) {
      audio = { rewritten: 0, current: 0, changed: 0 };
      const keys = await blobs.listKeys();
      let processed = 0;
      for (const key of keys) {
        const result = await blobs.reencrypt(key);
        if (result === 'rewritten') audio.rewritten += 1;
        else if (result === 'current') audio.current += 1;
        else if (result === 'changed') audio.changed += 1;
        processed += 1;
        if (processed % 20 === 0 || processed === keys.length)
          progress(`lydfiler: ${processed}/${keys.length}`);
      }
    }
    if (database.dialect === 'sqlite' && values.rewritten > 0) {
      // Old versions of rewritten values (plaintext, or ciphertext under an old key) stay in SQLite's free
      // pages and write-ahead log until they are compacted away.
      await sql`vacuum`.execute(database.db);
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(database.db);
    }
    const complete = values.changed === 0 && (audio?.changed ?? 0) === 0;
    if (complete) {
      const latest: KeyringFile = readKeyringFile(keyFile);
      writeKeyringFile(keyFile, { keys: latest.keys, activeKeyId: latest.activeKeyId });
    }
    const audit = new KyselyAuditRepository({
      db: database.db,
      dialect: database.dialect,
      now,
      createId: createIdGenerator(),
    });
    await audit.append({
      actor: options.actor ?? 'system:kollega-keys',
      action: 'encryption.rotate',
      entityType: 'system',
      entityId: 'encryption',
      outcome: 'success',
      details: {
        keyId: keyring.activeKeyId,
        resumed,
        complete,
        rewritten: values.rewritten,
        current: values.current,
        changed: values.changed,
        audioRewritten: audio?.rewritten ?? 0,
        audioCurrent: audio?.current ?? 0,
        audioChanged: audio?.changed ?? 0,
      },
    });
    return {
      keyId: keyring.activeKeyId,
      resumed,
      keyFile,
      values,
      ...(audio === undefined ? {} : { audio }),
      complete,
    };
  } finally {
    await database.close();
  }
}

/**
 * Key ids of the keyring (never key material) and how many stored values and audio files use each, plus
 * legacy plaintext still waiting for `rotateEncryptionKeys`. Does not create a key file.
 */
export async function describeEncryptionKeys(options: EncryptionKeysOptions): Promise<EncryptionKeysStatus> {
  const env = options.env ?? process.env;
  let keyFile: string | undefined;
  let contents: KeyringFile | undefined;
  const key = env.KOLLEGA_ENCRYPTION_KEY?.trim();
  if (options.keyFile !== undefined || key === undefined || key === '') {
    keyFile = findKeyFile(options);
    contents = existsSync(keyFile) ? readKeyringFile(keyFile) : undefined;
  } else {
    const material = parseEncryptionKey(key, 'KOLLEGA_ENCRYPTION_KEY');
    contents = {
      keys: [{ id: fingerprintKeyId(material), key: material }],
      activeKeyId: fingerprintKeyId(material),
    };
  }
  const database = await openDatabase(options);
  try {
    const columns = await countEncryptedValues(database.db);
    const values: ValueUsage = { byKey: {}, plaintext: 0 };
    for (const column of columns) addUsage(values, column);
    let audio: (ValueUsage & { files: number }) | undefined;
    const reader = new Keyring(
      contents ?? { keys: [{ id: 'status', key: Buffer.alloc(32) }], activeKeyId: 'status' },
    );
    const blobs = openAudioStore(options.audioStoreUrl, reader);
    if (blobs !== undefined) {
      audio = { byKey: {}, plaintext: 0, files: 0 };
      for (const blobKey of await blobs.listKeys()) {
        const description = await blobs.describe(blobKey);
        if (description === undefined) continue;
        audio.files += 1;
        if (description.plaintext) audio.plaintext += 1;
        for (const keyId of description.keyIds) audio.byKey[keyId] = (audio.byKey[keyId] ?? 0) + 1;
      }
    }
    return {
      ...(keyFile === undefined ? {} : { keyFile }),
      ...(contents === undefined ? {} : { activeKeyId: contents.activeKeyId }),
      keyIds: contents?.keys.map((entry) => entry.id) ?? [],
      ...(contents?.rotation === undefined ? {} : { pendingRotation: contents.rotation.keyId }),
      values,
      columns,
      ...(audio === undefined ? {} : { audio }),
    };
  } finally {
    await database.close();
  }
}
