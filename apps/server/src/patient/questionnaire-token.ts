import { createHash, randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper is hard to get wrong. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new one-time questionnaire token and the hash that is stored in its place. */
export interface QuestionnaireToken {
  /** 80 random bits as 16 characters in groups of four ("7K3M-Q9TX-…"); shown once, never stored. */
  token: string;
  /** Hex SHA-256 of the normalised token. */
  hash: string;
}

/** Encodes bytes as Crockford base32 (5 bits per character). */
function encodeBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let output = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += ALPHABET[(value << (5 - bits)) & 31];
  return output;
}

/**
 * A token as typed: upper case, separators and spaces removed, and the letters Crockford base32 reads as digits
 * (O → 0, I and L → 1). Returns an empty string for anything that cannot be a token.
 */
export function normalizeQuestionnaireToken(input: string): string {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{16}$/.test(cleaned) ? cleaned : '';
}

/** The stored form of a token: hex SHA-256 of its normalised form (the token has 80 random bits). */
export function hashQuestionnaireToken(token: string): string {
  return createHash('sha256')
    .update(`kollega-questionnaire:${normalizeQuestionnaireToken(token)}`)
    .digest('hex');
}

/** Creates a random one-time token for a questionnaire link or code. */
export function createQuestionnaireToken(): QuestionnaireToken {
  const raw = encodeBase32(randomBytes(10));
  const token = raw.match(/.{4}/g)?.join('-') ?? raw;
  return { token, hash: hashQuestionnaireToken(token) };
}
