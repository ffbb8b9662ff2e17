import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '@kollega/domain';

/** The prefix of an encrypted text value: `kenc:v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url parts). */
export const ENVELOPE_PREFIX = 'kenc:v1:';

/** AES-256 key length in bytes. */
export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/** One AES-256 key with its id (the id is written beside every value it encrypts; the key never is). */
export interface EncryptionKey {
  id: string;
  key: Buffer;
  /** ISO 8601 time the key was made, when known. */
  createdAt?: string;
}

/** The keys of a keyring and which of them encrypts new values. */
export interface KeyringContents {
  keys: EncryptionKey[];
  activeKeyId: string;
}

/** One AES-256-GCM encryption of bytes: the key id, the random 96-bit IV, the ciphertext and the auth tag. */
export interface SealedBytes {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/** Throws `invalid_input` unless `id` may name a key (letters, digits, `_`, `-`; at most 40). */
export function checkKeyId(id: string): void {
  if (!KEY_ID_PATTERN.test(id)) {
    throw new AppError('invalid_input', 'Ugyldig nøkkel-id (bare bokstaver, tall, _ og -, høyst 40 tegn)', {
      details: { field: 'keyId' },
    });
  }
}

/** A new random key, with a time-ordered id (`k20250101t101500-1a2b`). */
export function createEncryptionKey(now: Date = new Date()): EncryptionKey {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, '')
    .toLowerCase();
  return {
    id: `k${stamp}-${randomBytes(2).toString('hex')}`,
    key: randomBytes(KEY_BYTES),
    createdAt: now.toISOString(),
  };
}

/** The id of the key that encrypted a text value, or undefined for a plaintext (legacy) value. */
export function readEnvelopeKeyId(value: string): string | undefined {
  if (!value.startsWith(ENVELOPE_PREFIX)) return undefined;
  const end = value.indexOf(':', ENVELOPE_PREFIX.length);
  return end === -1 ? undefined : value.slice(ENVELOPE_PREFIX.length, end);
}

/** True when a text value is an encryption envelope (not legacy plaintext). */
export function isEnvelope(value: string): boolean {
  return value.startsWith(ENVELOPE_PREFIX);
}

function additionalData(context: string): Buffer {
  return Buffer.from(`kollega:v1:${context}`, 'utf8');
}

function decryptionFailed(keyId: string, context: string, cause?: unknown): AppError {
  // The context names table, column and row id; never the value.
  return new AppError(
    'internal',
    'Kunne ikke dekryptere en lagret verdi: feil nøkkel, endret innhold eller flyttet til en annen rad',
    { details: { keyId, context }, ...(cause === undefined ? {} : { cause }) },
  );
}

/**
 * AES-256-GCM over a set of keys: one active key encrypts, every key decrypts. Each value gets a random
 * 96-bit IV and is bound (associated data) to a context such as `notes.note:<row id>`, so a ciphertext moved
 * to another row, column or table fails its auth tag. A keyring read from a file can be given `reload`, which
 * is tried once when a value names a key it does not know (another process rotated the keys).
 */
export class Keyring {
  private keys = new Map<string, EncryptionKey>();
  private active: EncryptionKey;

  constructor(
    contents: KeyringContents,
    private readonly reload?: () => KeyringContents | undefined,
  ) {
    this.active = this.replace(contents);
  }

  private replace(contents: KeyringContents): EncryptionKey {
    const keys = new Map<string, EncryptionKey>();
    for (const key of contents.keys) {
      checkKeyId(key.id);
      if (key.key.length !== KEY_BYTES) {
        throw new AppError('invalid_input', `Krypteringsnøkkelen ${key.id} må være 32 byte (AES-256)`, {
          details: { keyId: key.id },
        });
      }
      keys.set(key.id, { ...key, key: Buffer.from(key.key) });
    }
    const active = keys.get(contents.activeKeyId);
    if (active === undefined) {
      throw new AppError('invalid_input', 'Den aktive krypteringsnøkkelen finnes ikke i nøkkelringen', {
        details: { keyId: contents.activeKeyId },
      });
    }
    this.keys = keys;
    this.active = active;
    return active;
  }

  /** The id of the key new values are encrypted with. */
  get activeKeyId(): string {
    return this.active.id;
  }

  /** The ids of every key, oldest first as given. */
  listKeyIds(): string[] {
    return [...this.keys.keys()];
  }

  /** True when the keyring holds a key with this id. */
  hasKey(id: string): boolean {
    return this.keys.has(id);
  }

  private findKey(id: string, context: string): EncryptionKey {
    let key = this.keys.get(id);
    if (key === undefined && this.reload !== undefined) {
      const contents = this.reload();
      if (contents !== undefined) {
        const previous = this.active.id;
        this.replace(contents);
        // Another process rotated: keep writing with the key this process had, unless it is gone.
        const kept = this.keys.get(previous);
        if (kept !== undefined) this.active = kept;
        key = this.keys.get(id);
      }
    }
    if (key === undefined) {
      throw new AppError(
        'unavailable',
        'En lagret verdi er kryptert med en nøkkel som ikke finnes i nøkkelringen',
        {
          details: { keyId: id, context },
        },
      );
    }
    return key;
  }

  /** Encrypts bytes with the active key (or the named one), bound to `context`. */
  sealBytes(plaintext: Uint8Array, context: string, keyId?: string): SealedBytes {
    const key = keyId === undefined ? this.active : this.findKey(keyId, context);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(additionalData(context));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { keyId: key.id, iv, ciphertext, tag: cipher.getAuthTag() };
  }

  /** Decrypts what `sealBytes` made; `internal` when the key, tag or context does not match. */
  openBytes(sealed: SealedBytes, context: string): Buffer {
    const key = this.findKey(sealed.keyId, context);
    if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) {
      throw decryptionFailed(sealed.keyId, context);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.key, sealed.iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(additionalData(context));
      decipher.setAuthTag(sealed.tag);
      return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
    } catch (error) {
      throw decryptionFailed(sealed.keyId, context, error);
    }
  }

  /** Encrypts a text value into an envelope `kenc:v1:<keyId>:<iv>:<tag>:<ciphertext>` bound to `context`. */
  encryptText(plaintext: string, context: string): string {
    const sealed = this.sealBytes(Buffer.from(plaintext, 'utf8'), context);
    return [
      'kenc',
      'v1',
      sealed.keyId,
      sealed.iv.toString('base64url'),
      sealed.tag.toString('base64url'),
      sealed.ciphertext.toString('base64url'),
    ].join(':');
  }

  /**
   * Decrypts an envelope bound to `context`. A value without the envelope prefix is legacy plaintext (stored
   * before encryption) and is returned as it is.
   */
  decryptText(value: string, context: string): string {
    if (!isEnvelope(value)) return value;
    const parts = value.split(':');
    const [, , keyId, iv, tag, ciphertext] = parts;
    if (
      parts.length !== 6 ||
      keyId === undefined ||
      iv === undefined ||
      tag === undefined ||
      ciphertext === undefined
    ) {
      throw decryptionFailed(keyId ?? 'ukjent', context);
    }
    return this.openBytes(
      {
        keyId,
        iv: Buffer.from(iv, 'base64url'),
        tag: Buffer.from(tag, 'base64url'),
        ciphertext: Buffer.from(ciphertext, 'base64url'),
      },
      context,
    ).toString('utf8');
  }
}
