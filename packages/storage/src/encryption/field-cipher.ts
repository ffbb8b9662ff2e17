import { AppError } from '@kollega/domain';
import type { Keyring } from './keyring';
import { isEnvelope } from './keyring';

/** The associated data of a stored value: `<table>.<column>:<row id>`. */
export function fieldContext(table: string, column: string, id: string): string {
  return `${table}.${column}:${id}`;
}

/**
 * Encrypts and decrypts the sensitive text columns of one table, each value bound to its column and row id.
 * Without a keyring values are written as they are (repositories built by hand in tests); a stored envelope
 * then cannot be read and is `unavailable`. Legacy plaintext (no envelope prefix) always reads.
 */
export class FieldCipher {
  constructor(
    private readonly keyring: Keyring | undefined,
    private readonly table: string,
  ) {}

  /** The stored form of `value` in `column` of row `id`. */
  seal(column: string, id: string, value: string): string {
    return this.keyring === undefined
      ? value
      : this.keyring.encryptText(value, fieldContext(this.table, column, id));
  }

  /** `seal`, passing null through. */
  sealNullable(column: string, id: string, value: string | null): string | null {
    return value === null ? null : this.seal(column, id, value);
  }

  /** The plaintext of a stored value of `column` in row `id`. */
  open(column: string, id: string, stored: string): string {
    if (!isEnvelope(stored)) return stored;
    if (this.keyring === undefined) {
      throw new AppError('unavailable', 'Verdien er kryptert, men ingen krypteringsnøkkel er satt opp', {
        details: { context: fieldContext(this.table, column, id) },
      });
    }
    return this.keyring.decryptText(stored, fieldContext(this.table, column, id));
  }

  /** `open`, passing null through. */
  openNullable(column: string, id: string, stored: string | null): string | null {
    return stored === null ? null : this.open(column, id, stored);
  }
}
