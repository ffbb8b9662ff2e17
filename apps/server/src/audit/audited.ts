import type { AuditEvent } from '@kollega/domain';
import { toAppError } from '@kollega/domain';
import type { AppContext } from '../context';

/** What an audited operation does to which record. Details hold ids, counts and codes only. */
export interface AuditDescription {
  action: string;
  entityType: AuditEvent['entityType'];
  entityId: string;
  /** Who acted; `anonym` until Kollega has sign-in. */
  actor?: string;
  details?: AuditEvent['details'];
}

/** Ids and details known only once the operation has run (the id of a created record, a count). */
export interface AuditOutcome {
  entityId?: string;
  details?: AuditEvent['details'];
}

/** `bruker:<id>` of the signed-in user of the current request, if any. */
function signedInActor(context: AppContext): string | undefined {
  const user = context.scope.currentUser();
  return user === undefined ? undefined : `bruker:${user.id}`;
}

/**
 * Runs `work` and appends one audit event: `success` with what `describe` adds, or `failure` with the error
 * code. A failed audit write fails a successful operation (nothing happens unrecorded); on the failure path
 * the original error wins.
 */
export async function runAudited<T>(
  context: AppContext,
  description: AuditDescription,
  work: () => Promise<T>,
  describe?: (result: T) => AuditOutcome,
): Promise<T> {
  const base = {
    actor: description.actor ?? signedInActor(context) ?? 'anonym',
    action: description.action,
    entityType: description.entityType,
  };
  let result: T;
  try {
    result = await work();
  } catch (error) {
    try {
      await context.storage.audit.append({
        ...base,
        entityId: description.entityId,
        outcome: 'failure',
        details: { ...description.details, code: toAppError(error).code },
      });
    } catch {
      // The operation's own error is what the caller must see.
    }
    throw error;
  }
  const outcome = describe?.(result) ?? {};
  await context.storage.audit.append({
    ...base,
    entityId: outcome.entityId ?? description.entityId,
    outcome: 'success',
    details: { ...description.details, ...outcome.details },
  });
  return result;
}
