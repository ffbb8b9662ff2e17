import { randomBytes } from 'node:crypto';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { AppError } from '@kollega/domain';
import { parseDatabaseUrl } from '../database/create-database';
import { Keyring } from './keyring';
import {
  createKeyringFileIfMissing,
  fingerprintKeyId,
  isReadableByOthers,
  parseEncryptionKey,
  readKeyringFile,
} from './keyring-file';

/** How storage gets its encryption keys; see `resolveKeyring`. */
export interface EncryptionOptions {
  /** A keyring made in code (tests, tools); wins over everything else. */
  keyring?: Keyring;
  /** One AES-256 key, base64 (as KOLLEGA_ENCRYPTION_KEY). */
  key?: string;
  /** A keyring file (as KOLLEGA_ENCRYPTION_KEY_FILE); created with one new key when missing. */
  keyFile?: string;
  /** Where KOLLEGA_ENCRYPTION_KEY and KOLLEGA_ENCRYPTION_KEY_FILE are read; `process.env` by default. */
  env?: Record<string, string | undefined>;
  /** Receives notices (a new key file, loose file permissions), never key material; standard error by default. */
  log?: (message: string) => void;
}

/** Where the keyring came from. */
export type KeyringSource =
  | { kind: 'code' }
  | { kind: 'environment' }
  | { kind: 'file'; path: string; created: boolean }
  | { kind: 'ephemeral' };

/** A keyring and where it came from. */
export interface ResolvedKeyring {
  keyring: Keyring;
  source: KeyringSource;
}

/**
 * The keyring file used when nothing is configured: beside a SQLite database file (`data/kollega.db` →
 * `data/kollega.keys.json`), `./data/kollega.keys.json` for PostgreSQL, none for an in-memory database.
 */
export function defaultKeyringPath(databaseUrl: string): string | undefined {
  const location = parseDatabaseUrl(databaseUrl);
  if (location.dialect === 'postgres') return resolve('data', 'kollega.keys.json');
  if (location.filename === ':memory:') return undefined;
  const name = basename(location.filename, extname(location.filename));
  return join(dirname(location.filename), `${name}.keys.json`);
}

function writeToStandardError(message: string): void {
  process.stderr.write(`kollega: ${message}\n`);
}

/** Opens a keyring file (created when missing) as a keyring that re-reads the file for unknown key ids. */
export function openKeyringFile(
  path: string,
  log: (message: string) => void = writeToStandardError,
): ResolvedKeyring {
  const { contents, created } = createKeyringFileIfMissing(path);
  if (created) {
    log(
      `Ny krypteringsnøkkel laget i ${path} (rettigheter 0600). Ta sikkerhetskopi av filen: uten den kan ` +
        'lagrede transkripsjoner, notater, dokumenter og lydopptak ikke leses.',
    );
  } else if (isReadableByOthers(path)) {
    log(`Nøkkelfilen ${path} kan leses av andre enn eieren; kjør chmod 600 på den.`);
  }
  const keyring = new Keyring(contents, () => {
    try {
      return readKeyringFile(path);
    } catch {
      return undefined;
    }
  });
  return { keyring, source: { kind: 'file', path, created } };
}

/**
 * Finds the keyring for a database, in this order: a keyring given in code; `key` or `keyFile`; the
 * environment (KOLLEGA_ENCRYPTION_KEY, KOLLEGA_ENCRYPTION_KEY_FILE); a random key that lives as long as the
 * process for an in-memory SQLite database; otherwise the default keyring file (`defaultKeyringPath`),
 * created with mode 0600 on first start and announced once through `log`.
 */
export function resolveKeyring(databaseUrl: string, options: EncryptionOptions = {}): ResolvedKeyring {
  if (options.keyring !== undefined) return { keyring: options.keyring, source: { kind: 'code' } };
  const env = options.env ?? process.env;
  const key = options.key ?? nonEmpty(env.KOLLEGA_ENCRYPTION_KEY);
  const keyFile = options.keyFile ?? nonEmpty(env.KOLLEGA_ENCRYPTION_KEY_FILE);
  if (key !== undefined && keyFile !== undefined) {
    throw new AppError(
      'invalid_input',
      'Sett bare én av KOLLEGA_ENCRYPTION_KEY og KOLLEGA_ENCRYPTION_KEY_FILE',
      { details: { setting: 'KOLLEGA_ENCRYPTION_KEY' } },
    );
  }
  if (key !== undefined) {
    const material = parseEncryptionKey(key, 'KOLLEGA_ENCRYPTION_KEY');
    const id = fingerprintKeyId(material);
    return {
      keyring: new Keyring({ keys: [{ id, key: material }], activeKeyId: id }),
      source: { kind: 'environment' },
    };
  }
  if (keyFile !== undefined) return openKeyringFile(resolve(keyFile), options.log);
  const path = defaultKeyringPath(databaseUrl);
  if (path === undefined) {
    const id = `ephemeral-${randomBytes(4).toString('hex')}`;
    return {
      keyring: new Keyring({ keys: [{ id, key: randomBytes(32) }], activeKeyId: id }),
      source: { kind: 'ephemeral' },
    };
  }
  return openKeyringFile(path, options.log);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
