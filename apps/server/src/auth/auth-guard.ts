import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '@kollega/domain';
import type { OwnedRecordKind } from '@kollega/storage';
import type { AppContext } from '../context';
import { assertCsrf, isProtectedRoute, readSession } from './auth-routes';
import type { SignedInUser } from './request-scope';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Which record a route parameter names. `format` and the like are not ids and need no check. */
function classifyParameter(
  pattern: string,
  name: string,
): OwnedRecordKind | 'patientKey' | 'none' | 'unknown' {
  switch (name) {
    case 'id':
      return pattern.startsWith('/api/audio/recordings/') ? 'recording' : 'consultation';
    case 'noteId':
      return 'note';
    case 'documentId':
      return 'document';
    case 'summaryId':
      return 'patientSummary';
    case 'patientKey':
      return 'patientKey';
    case 'format':
    case 'userId':
      return 'none';
    default:
      return 'unknown';
  }
}

const notFound = () => new AppError('not_found', 'Fant ikke ressursen');

/** 404 unless every id in the URL belongs to the user's practice (unknown parameters fail closed). */
async function assertOwnedParameters(
  context: AppContext,
  request: FastifyRequest,
  user: SignedInUser,
): Promise<void> {
  const pattern = request.routeOptions.url ?? '';
  const parameters = (request.params ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(parameters)) {
    if (typeof value !== 'string') throw notFound();
    const kind = classifyParameter(pattern, name);
    if (kind === 'none') continue;
    if (kind === 'unknown') throw notFound();
    if (kind === 'patientKey') {
      const owner = await context.storage.auth.claimKey('patientKey', value, user.practiceId);
      if (owner !== user.practiceId) throw notFound();
      continue;
    }
    const consultationId = await context.storage.auth.findConsultationIdOf(kind, value);
    // A record that does not exist is left to the route, which answers 404 itself.
    if (consultationId === undefined) continue;
    const owner = await context.storage.auth.findConsultationOwner(consultationId);
    if (owner !== undefined && owner.practiceId !== user.practiceId) throw notFound();
  }
}

/**
 * Approval (any route ending in `/approve`): only a `lege`; for a consultation with a responsible doctor,
 * only that doctor. The approver's name is the session user's, whatever the body says.
 */
async function enforceApproval(
  context: AppContext,
  request: FastifyRequest,
  user: SignedInUser,
): Promise<void> {
  const pattern = request.routeOptions.url ?? '';
  if (!pattern.endsWith('/approve')) return;
  if (user.role !== 'lege') {
    throw new AppError('forbidden', 'Bare lege kan godkjenne', { details: { reason: 'role' } });
  }
  const parameters = (request.params ?? {}) as Record<string, string>;
  const [name, value] = Object.entries(parameters)[0] ?? [];
  if (name !== undefined && value !== undefined) {
    const kind = classifyParameter(pattern, name);
    if (kind !== 'none' && kind !== 'unknown' && kind !== 'patientKey') {
      const consultationId = await context.storage.auth.findConsultationIdOf(kind, value);
      const owner =
        consultationId === undefined
          ? undefined
          : await context.storage.auth.findConsultationOwner(consultationId);
      if (owner?.responsibleUserId !== undefined && owner.responsibleUserId !== user.id) {
        throw new AppError('forbidden', 'Bare ansvarlig lege kan godkjenne', {
          details: { reason: 'responsible' },
        });
      }
    }
  }
}

/** Names in request bodies that say who acted; they are replaced by the signed-in user's name. */
const ACTOR_FIELDS = ['approvedBy', 'editedBy', 'by'] as const;

function overwriteActorFields(request: FastifyRequest, user: SignedInUser): void {
  const body = request.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return;
  const record = body as Record<string, unknown>;
  for (const field of ACTOR_FIELDS) {
    if (
      field in record ||
      (field === 'approvedBy' && (request.routeOptions.url ?? '').endsWith('/approve'))
    ) {
      record[field] = user.displayName;
    }
  }
}

/**
 * Sign-in on: every protected API route needs a session cookie (401), every non-GET request from it the CSRF
 * header (403); ids in the URL must belong to the user's practice (404); approval is for the responsible
 * doctor; names of who acted come from the session. The request scope carries the user to the repositories.
 */
export function registerAuthGuard(app: FastifyInstance, context: AppContext): void {
  app.addHook('onRequest', (_request, _reply, done) => {
    context.scope.run(() => done());
  });
  app.addHook('onRequest', async (request) => {
    const rawPath = request.url.split('?')[0] ?? '';
    if (!isProtectedRoute(request.routeOptions.url, rawPath)) return;
    const session = await readSession(context, request);
    if (session === undefined) throw new AppError('unauthorized', 'Logg inn for å bruke Kollega');
    if (!SAFE_METHODS.has(request.method)) assertCsrf(request, session.csrfToken);
    const state = context.scope.current();
    if (state !== undefined) state.user = session.user;
    request.signedInUser = session.user;
  });
  app.addHook('preHandler', async (request) => {
    const user = request.signedInUser;
    if (user === undefined) return;
    await assertOwnedParameters(context, request, user);
    await enforceApproval(context, request, user);
    overwriteActorFields(request, user);
  });
  // Body parsing may leave the request's async context; enter it again, with the user, for the handler.
  app.addHook('preHandler', (request, _reply, done) => {
    const user = request.signedInUser;
    if (user === undefined) done();
    else context.scope.run(() => done(), { user });
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user (sign-in on and a protected route). */
    signedInUser?: SignedInUser;
  }
}
