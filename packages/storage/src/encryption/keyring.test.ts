import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '@kollega/domain';
import { FieldCipher } from './field-cipher';
import { Keyring, createEncryptionKey, readEnvelopeKeyId } from './keyring';
import { createKeyringFileIfMissing, readKeyringFile, writeKeyringFile } from './keyring-file';
import { defaultKeyringPath, resolveKeyring } from './resolve-keyring';

const SENTENCE = 'Pasienten forteller om brystsmerter siden tirsdag.';
const folder = mkdtempSync(join(tmpdir(), 'kollega-keyring-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function createKeyring(...ids: string[]): Keyring {
  const keys = ids.map((id) => ({ id, key: randomBytes(32) }));
  return new Keyring({ keys, activeKeyId: ids.at(-1) ?? '' });
}

/** The AppError a call throws. */
function thrown(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('Keyring', () => {
  it('round-trips text with a fresh IV each time and names the key in the envelope', () => {
    const keyring = createKeyring('k1');
    const first = keyring.encryptText(SENTENCE, 'consultations.transcript:c1');
    const second = keyring.encryptText(SENTENCE, 'consultations.transcript:c1');
    expect(first).toMatch(/^kenc:v1:k1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('brystsmerter');
    expect(readEnvelopeKeyId(first)).toBe('k1');
    expect(keyring.decryptText(first, 'consultations.transcript:c1')).toBe(SENTENCE);
    expect(keyring.decryptText('', 'notes.note:n1')).toBe('');
    expect(keyring.decryptText(keyring.encryptText('', 'x:1'), 'x:1')).toBe('');
  });

  it('reads legacy plaintext (no envelope prefix) as it is', () => {
    expect(createKeyring('k1').decryptText('{"segments":[]}', 'consultations.transcript:c1')).toBe(
      '{"segments":[]}',
    );
  });

  it('refuses a wrong key, a tampered tag, a tampered ciphertext and a value moved to another row, without plaintext in the error', () => {
    const keyring = createKeyring('k1');
    const value = keyring.encryptText(SENTENCE, 'notes.note:n1');
    const parts = value.split(':');
    const other = new Keyring({ keys: [{ id: 'k1', key: randomBytes(32) }], activeKeyId: 'k1' });
    const tag = Buffer.from(parts[4] ?? '', 'base64url');
    tag[0] = (tag[0] ?? 0) ^ 1;
    const tamperedTag = [...parts.slice(0, 4), tag.toString('base64url'), parts[5]].join(':');
    const body = Buffer.from(parts[5] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    const tamperedBody = [...parts.slice(0, 5), body.toString('base64url')].join(':');
    const failures = [
      thrown(() => other.decryptText(value, 'notes.note:n1')),
      thrown(() => keyring.decryptText(tamperedTag, 'notes.note:n1')),
      thrown(() => keyring.decryptText(tamperedBody, 'notes.note:n1')),
      thrown(() => keyring.decryptText(value, 'notes.note:n2')),
      thrown(() => keyring.decryptText(value, 'notes.verification:n1')),
    ];
    for (const failure of failures) {
      expect(failure.code).toBe('internal');
      expect(failure.message).toMatch(/dekryptere/);
      expect(JSON.stringify({ message: failure.message, details: failure.details })).not.toContain(
        'brystsmerter',
      );
    }
  });

  it('says which key is missing when a value names an unknown key', () => {
    const value = createKeyring('k-old').encryptText(SENTENCE, 'a.b:1');
    const error = thrown(() => createKeyring('k-new').decryptText(value, 'a.b:1'));
    expect(error.code).toBe('unavailable');
    expect(error.details.keyId).toBe('k-old');
  });

  it('writes with the active key and reads with every key', () => {
    const keys = [
      { id: 'k1', key: randomBytes(32) },
      { id: 'k2', key: randomBytes(32) },
    ];
    const old = new Keyring({ keys: keys.slice(0, 1), activeKeyId: 'k1' }).encryptText(SENTENCE, 'a.b:1');
    const both = new Keyring({ keys, activeKeyId: 'k2' });
    expect(both.decryptText(old, 'a.b:1')).toBe(SENTENCE);
    expect(readEnvelopeKeyId(both.encryptText(SENTENCE, 'a.b:1'))).toBe('k2');
  });

  it('re-reads its source once for an unknown key (another process rotated) and keeps writing with its own key', () => {
    const k1 = { id: 'k1', key: randomBytes(32) };
    const k2 = { id: 'k2', key: randomBytes(32) };
    let reloads = 0;
    const keyring = new Keyring({ keys: [k1], activeKeyId: 'k1' }, () => {
      reloads += 1;
      return { keys: [k1, k2], activeKeyId: 'k2' };
    });
    const written = new Keyring({ keys: [k2], activeKeyId: 'k2' }).encryptText(SENTENCE, 'a.b:1');
    expect(keyring.decryptText(written, 'a.b:1')).toBe(SENTENCE);
    expect(reloads).toBe(1);
    expect(keyring.activeKeyId).toBe('k1');
  });

  it('rejects keys of the wrong length and bad key ids', () => {
    expect(() => new Keyring({ keys: [{ id: 'k1', key: randomBytes(16) }], activeKeyId: 'k1' })).toThrow(
      AppError,
    );
    expect(() => new Keyring({ keys: [{ id: 'k:1', key: randomBytes(32) }], activeKeyId: 'k:1' })).toThrow(
      AppError,
    );
    expect(() => new Keyring({ keys: [{ id: 'k1', key: randomBytes(32) }], activeKeyId: 'k2' })).toThrow(
      AppError,
    );
  });
});

describe('FieldCipher', () => {
  it('binds values to table, column and row id', () => {
    const keyring = createKeyring('k1');
    const notes = new FieldCipher(keyring, 'notes');
    const sealed = notes.seal('note', 'n1', SENTENCE);
    expect(notes.open('note', 'n1', sealed)).toBe(SENTENCE);
    expect(() => new FieldCipher(keyring, 'note_edits').open('note', 'n1', sealed)).toThrow(/dekryptere/);
    expect(notes.sealNullable('verification', 'n1', null)).toBeNull();
  });

  it('without a keyring writes as is and refuses to read an envelope', () => {
    const plain = new FieldCipher(undefined, 'notes');
    expect(plain.seal('note', 'n1', SENTENCE)).toBe(SENTENCE);
    const sealed = new FieldCipher(createKeyring('k1'), 'notes').seal('note', 'n1', SENTENCE);
    expect(() => plain.open('note', 'n1', sealed)).toThrow(/ingen krypteringsnøkkel/);
  });
});

describe('keyring files and configuration', () => {
  it('writes and reads a keyring file with mode 0600 and never the same key twice', () => {
    const path = join(folder, 'written', 'keys.json');
    const first = createEncryptionKey(new Date('2025-01-01T10:00:00Z'));
    const second = createEncryptionKey(new Date('2025-01-01T10:00:00Z'));
    expect(first.id).not.toBe(second.id);
    writeKeyringFile(path, { keys: [first, second], activeKeyId: second.id });
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    const read = readKeyringFile(path);
    expect(read.activeKeyId).toBe(second.id);
    expect(read.keys.map((key) => key.key.equals(first.key) || key.key.equals(second.key))).toEqual([
      true,
      true,
    ]);
  });

  it('creates a missing keyring file once; a second start reads the same key', () => {
    const path = join(folder, 'created', 'keys.json');
    const created = createKeyringFileIfMissing(path);
    const again = createKeyringFileIfMissing(path);
    expect(created.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.contents.activeKeyId).toBe(created.contents.activeKeyId);
  });

  it('reads a file holding one base64 key (a mounted secret) and rejects a malformed file without echoing it', () => {
    const secret = join(folder, 'secret.key');
    writeFileSync(secret, `${randomBytes(32).toString('base64')}\n`);
    expect(readKeyringFile(secret).keys).toHaveLength(1);
    const broken = join(folder, 'broken.json');
    writeFileSync(
      broken,
      '{"format":"kollega-keyring","version":1,"activeKeyId":"k","keys":[{"id":"k","key":"hemmelig"}]}',
    );
    const error = thrown(() => readKeyringFile(broken));
    expect(error.message).not.toContain('hemmelig');
  });

  it('resolves: environment key, ephemeral key in memory, and a default file beside a SQLite database announced once', () => {
    const key = randomBytes(32).toString('base64');
    const fromEnvironment = resolveKeyring('sqlite::memory:', { env: { KOLLEGA_ENCRYPTION_KEY: key } });
    expect(fromEnvironment.source.kind).toBe('environment');
    expect(() => resolveKeyring('sqlite::memory:', { env: { KOLLEGA_ENCRYPTION_KEY: 'kort' } })).toThrow(
      /KOLLEGA_ENCRYPTION_KEY/,
    );
    expect(() =>
      resolveKeyring('sqlite::memory:', {
        env: { KOLLEGA_ENCRYPTION_KEY: key, KOLLEGA_ENCRYPTION_KEY_FILE: join(folder, 'x.json') },
      }),
    ).toThrow(/bare én/);
    expect(resolveKeyring('sqlite::memory:', { env: {} }).source.kind).toBe('ephemeral');

    const database = join(folder, 'db', 'kollega.db');
    expect(defaultKeyringPath(`sqlite:${database}`)).toBe(join(folder, 'db', 'kollega.keys.json'));
    const messages: string[] = [];
    const first = resolveKeyring(`sqlite:${database}`, { env: {}, log: (message) => messages.push(message) });
    const second = resolveKeyring(`sqlite:${database}`, {
      env: {},
      log: (message) => messages.push(message),
    });
    expect(first.source).toEqual({
      kind: 'file',
      path: join(folder, 'db', 'kollega.keys.json'),
      created: true,
    });
    expect(second.source).toMatchObject({ created: false });
    expect(second.keyring.activeKeyId).toBe(first.keyring.activeKeyId);
    expect(messages).toHaveLength(1);
    const file = readFileSync(join(folder, 'db', 'kollega.keys.json'), 'utf8');
    const material = (JSON.parse(file) as { keys: Array<{ key: string }> }).keys[0]?.key ?? '';
    expect(material).toHaveLength(44);
    expect(messages[0]).not.toContain(material);
    if (process.platform !== 'win32') {
      expect(statSync(join(folder, 'db', 'kollega.keys.json')).mode & 0o777).toBe(0o600);
    }
  });
});
