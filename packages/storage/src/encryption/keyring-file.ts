import { createHash } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '@kollega/domain';
import type { EncryptionKey, KeyringContents } from './keyring';
import { KEY_BYTES, checkKeyId, createEncryptionKey } from './keyring';

interface KeyringJson {
  activeKeyId: string;
  keys: Array<{ id: string; key: string; createdAt?: string }>;
  rotation?: { keyId: string; startedAt: string };
}

function badFormat(): AppError {
  return new AppError('invalid_input', 'Nøkkelfilen har feil format (forventet kollega-keyring versjon 1)', {
    details: { setting: 'KOLLEGA_ENCRYPTION_KEY_FILE' },
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the JSON shape by hand (storage does not depend on zod); never echoes the contents. */
function parseKeyringJson(text: string): KeyringJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badFormat();
  }
  if (!isRecord(value) || value.format !== 'kollega-keyring' || value.version !== 1) throw badFormat();
  const { activeKeyId, keys, rotation } = value;
  if (typeof activeKeyId !== 'string' || !Array.isArray(keys) || keys.length === 0) throw badFormat();
  const entries = keys.map((entry: unknown) => {
    if (!isRecord(entry) || typeof entry.id !== 'string' || typeof entry.key !== 'string') throw badFormat();
    if (entry.createdAt !== undefined && typeof entry.createdAt !== 'string') throw badFormat();
    return {
      id: entry.id,
      key: entry.key,
      ...(typeof entry.createdAt === 'string' ? { createdAt: entry.createdAt } : {}),
    };
  });
  if (rotation !== undefined) {
    if (!isRecord(rotation) || typeof rotation.keyId !== 'string' || typeof rotation.startedAt !== 'string') {
      throw badFormat();
    }
    return { activeKeyId, keys: entries, rotation: { keyId: rotation.keyId, startedAt: rotation.startedAt } };
  }
  return { activeKeyId, keys: entries };
}

/** A keyring file's contents: the keys, the active one and a rotation that has not finished. */
export interface KeyringFile extends KeyringContents {
  rotation?: { keyId: string; startedAt: string };
}

/** Reads a base64 (or base64url) AES-256 key; `invalid_input` naming `setting` (never the value) otherwise. */
export function parseEncryptionKey(text: string, setting: string): Buffer {
  const trimmed = text.trim();
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
  if (key.length !== KEY_BYTES) {
    throw new AppError(
      'invalid_input',
      `${setting} må være 32 byte i base64 (f.eks. openssl rand -base64 32)`,
      {
        details: { setting },
      },
    );
  }
  return key;
}

/** A stable id for a key given without one (environment variable): a short SHA-256 fingerprint of it. */
export function fingerprintKeyId(key: Buffer): string {
  return `f${createHash('sha256').update('kollega-key-id:').update(key).digest('hex').slice(0, 12)}`;
}

/**
 * Reads a keyring file: the JSON written by `writeKeyringFile`, or a single base64 key (a mounted secret).
 * `invalid_input` naming the file (never its contents) when it is not readable as either.
 */
export function readKeyringFile(path: string): KeyringFile {
  const text = readFileSync(path, 'utf8');
  if (!text.trimStart().startsWith('{')) {
    const key = parseEncryptionKey(text, 'KOLLEGA_ENCRYPTION_KEY_FILE');
    const id = fingerprintKeyId(key);
    return { keys: [{ id, key }], activeKeyId: id };
  }
  const parsed = parseKeyringJson(text);
  const keys: EncryptionKey[] = parsed.keys.map((entry) => {
    checkKeyId(entry.id);
    return {
      id: entry.id,
      key: parseEncryptionKey(entry.key, `nøkkel ${entry.id} i nøkkelfilen`),
      ...(entry.createdAt === undefined ? {} : { createdAt: entry.createdAt }),
    };
  });
  return {
    keys,
    activeKeyId: parsed.activeKeyId,
    ...(parsed.rotation === undefined ? {} : { rotation: parsed.rotation }),
  };
}

/** Writes a keyring file atomically (temporary file with mode 0600, fsync, rename). */
export function writeKeyringFile(path: string, contents: KeyringFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const json = {
    format: 'kollega-keyring',
    version: 1,
    activeKeyId: contents.activeKeyId,
    keys: contents.keys.map((key) => ({
      id: key.id,
      key: key.key.toString('base64'),
      ...(key.createdAt === undefined ? {} : { createdAt: key.createdAt }),
    })),
    ...(contents.rotation === undefined ? {} : { rotation: contents.rotation }),
  };
  const temporary = `${path}.tmp-${process.pid}-${Date.now()}`;
  const descriptor = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(descriptor, `${JSON.stringify(json, null, 2)}\n`);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  renameSync(temporary, path);
}

/**
 * Creates a keyring file with one new key unless it exists (exclusive create, so two processes starting at
 * once agree on one key). Returns the file's contents and whether it was created now.
 */
export function createKeyringFileIfMissing(
  path: string,
  now: Date = new Date(),
): {
  contents: KeyringFile;
  created: boolean;
} {
  try {
    return { contents: readKeyringFile(path), created: false };
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
  }
  const key = createEncryptionKey(now);
  const contents: KeyringFile = { keys: [key], activeKeyId: key.id };
  // Written under a temporary name and published with link(), which fails if the file appeared meanwhile:
  // no other process ever reads a half-written keyring, and two first starts agree on one key.
  const temporary = `${path}.new-${process.pid}-${Date.now()}`;
  writeKeyringFile(temporary, contents);
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST')
      return { contents: readKeyringFile(path), created: false };
    throw error;
  } finally {
    unlinkSync(temporary);
  }
  return { contents, created: true };
}

/** True when a file can be read by others than its owner (mode bits for group or others). */
export function isReadableByOthers(path: string): boolean {
  if (process.platform === 'win32') return false;
  return (statSync(path).mode & 0o077) !== 0;
}
