import { createHash } from 'node:crypto';
import type { AuditEvent } from '@kollega/domain';

/** The `prev_hash` of the first event in the chain: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit event as stored in the hash chain: its position and the two hashes. */
export interface AuditChainEntry {
  /** 1 for the first event, then one more per event, without gaps. */
  sequence: number;
  event: AuditEvent;
  previousHash: string;
  hash: string;
}

/** The stored checkpoint of the chain's end: how many events and the hash of the last one. */
export interface AuditChainHead {
  sequence: number;
  hash: string;
}

/** What `verifyAuditChain` reads: the events in chain order and the stored head checkpoint. */
export interface AuditChainSource {
  /** Up to `limit` entries with `sequence > afterSequence`, in sequence order (entries missing a hash included). */
  readChain(afterSequence: number, limit: number): Promise<AuditChainEntry[]>;
  /** The head checkpoint (`{sequence: 0, hash: GENESIS_HASH}` for an empty log). */
  readHead(): Promise<AuditChainHead>;
  /** How many audit rows exist at all (rows slipped in without a sequence number count too). */
  countEvents(): Promise<number>;
}

/** JSON with object keys sorted at every level, so the same event always gives the same bytes. */
export function toCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => toCanonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${toCanonicalJson(item)}`).join(',')}}`;
}

/** sha256(previousHash + canonical JSON of the event and its sequence number), hex. */
export function computeAuditHash(previousHash: string, sequence: number, event: AuditEvent): string {
  const canonical = toCanonicalJson({
    sequence,
    id: event.id,
    at: event.at,
    actor: event.actor,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    outcome: event.outcome,
    details: event.details,
  });
  return createHash('sha256').update(previousHash).update(canonical).digest('hex');
}

/** Why a chain check failed. */
export type AuditChainProblem =
  | 'hash_mismatch'
  | 'previous_hash_mismatch'
  | 'sequence_gap'
  | 'unreadable_entry'
  | 'head_mismatch'
  | 'unchained_entry';

/** The result of `verifyAuditChain`: ok with the count, or the first broken entry. */
export type AuditChainVerification =
  | { ok: true; count: number; headHash: string }
  | {
      ok: false;
      count: number;
      problem: AuditChainProblem;
      /** The sequence number where the chain first breaks (for `head_mismatch`, the stored head). */
      sequence: number;
      /** The event id at that position, when there is one. */
      eventId?: string;
    };

/**
 * Walks the whole chain in sequence order and checks every link: sequence numbers without gaps, each
 * `previousHash` equal to the hash before, each `hash` recomputed from the stored fields, and the last entry
 * equal to the stored head checkpoint (which catches a removed tail). Reads in pages of `pageSize`.
 */
export async function verifyAuditChain(
  source: AuditChainSource,
  options: { pageSize?: number } = {},
): Promise<AuditChainVerification> {
  const pageSize = Math.max(1, options.pageSize ?? 1000);
  let expectedSequence = 1;
  let previousHash = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const page = await source.readChain(expectedSequence - 1, pageSize);
    for (const entry of page) {
      const broken = (problem: AuditChainProblem): AuditChainVerification => ({
        ok: false,
        count,
        problem,
        sequence: entry.sequence,
        eventId: entry.event.id,
      });
      if (entry.sequence !== expectedSequence) {
        return { ok: false, count, problem: 'sequence_gap', sequence: expectedSequence };
      }
      if (entry.previousHash !== previousHash) return broken('previous_hash_mismatch');
      let recomputed: string;
      try {
        recomputed = computeAuditHash(entry.previousHash, entry.sequence, entry.event);
      } catch {
        return broken('unreadable_entry');
      }
      if (recomputed !== entry.hash) return broken('hash_mismatch');
      previousHash = entry.hash;
      expectedSequence += 1;
      count += 1;
    }
    if (page.length < pageSize) break;
  }
  const head = await source.readHead();
  if (head.sequence !== count || head.hash !== previousHash) {
    return { ok: false, count, problem: 'head_mismatch', sequence: head.sequence };
  }
  const total = await source.countEvents();
  if (total !== count) return { ok: false, count, problem: 'unchained_entry', sequence: count + 1 };
  return { ok: true, count, headHash: previousHash };
}
