import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost parameters: N = 2^15, r = 8, p = 1 (OWASP password storage cheat sheet, 2024). */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 64, maxmem: 128 * 1024 * 1024 } as const;

function runScrypt(
  password: string,
  salt: Buffer,
  parameters: { N: number; r: number; p: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      SCRYPT.keyLength,
      { N: parameters.N, r: parameters.r, p: parameters.p, maxmem: SCRYPT.maxmem },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** Hashes a password with scrypt and a fresh 16-byte salt: `scrypt$N$r$p$salt$hash` (base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await runScrypt(password, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when `password` matches the stored hash; compares in constant time. False for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText] = stored.split('$');
  if (scheme !== 'scrypt' || saltText === undefined || keyText === undefined) return false;
  const parameters = { N: Number(n), r: Number(r), p: Number(p) };
  if (![parameters.N, parameters.r, parameters.p].every((value) => Number.isInteger(value) && value > 0))
    return false;
  const expected = Buffer.from(keyText, 'base64');
  const actual = await runScrypt(password, Buffer.from(saltText, 'base64'), parameters);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A hash of a random password, compared against when the username is unknown (same time as a real check). */
export const DUMMY_PASSWORD_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${randomBytes(16).toString('base64')}$${randomBytes(64).toString('base64')}`;
