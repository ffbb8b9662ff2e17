import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '@kollega/domain';
import type { UserAccount, UserChanges } from '@kollega/storage';
import { USER_ROLES, isAdministrator } from '@kollega/storage';
import type { AppContext } from '../context';
import { PasswordSchema, UserSchema, UsernameSchema } from '../auth/auth-routes';
import { hashPassword } from '../auth/password';
import type { SignedInUser } from '../auth/request-scope';
import { parseRequestBody } from '../http/api-schemas';
import type { ApiOperation } from '../http/openapi';

const RoleSchema = z.enum(USER_ROLES as [UserAccount['role'], ...UserAccount['role'][]]);

/** Body of POST /api/users: a new account in the administrator's own practice. */
export const CreateUserBodySchema = z.object({
  username: UsernameSchema,
  displayName: z.string().trim().min(1).max(200),
  role: RoleSchema,
  administrator: z.boolean().default(false),
  password: PasswordSchema,
});

/** Body of POST /api/users/:userId: what changes; at least one field. */
export const UpdateUserBodySchema = z
  .object({
    displayName: z.string().trim().min(1).max(200).optional(),
    role: RoleSchema.optional(),
    administrator: z.boolean().optional(),
    password: PasswordSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'minst ett felt å endre');

/** A user as an administrator sees it: no password hash. */
export const ManagedUserSchema = UserSchema.extend({
  createdAt: z.string(),
  disabledAt: z.string().optional(),
});

const UserParametersSchema = z.object({ userId: z.string().min(1).max(100) });

/** The account routes for the API description. */
export const USER_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/api/users',
    summary: 'Brukerne i egen praksis (bare administrator)',
    responses: { '200': { description: 'Brukerne', schema: z.array(ManagedUserSchema) } },
  },
  {
    method: 'post',
    path: '/api/users',
    summary:
      'Opprett en bruker i egen praksis med rolle lege, helsesekretær eller admin (bare administrator)',
    requestBody: { contentType: 'application/json', schema: CreateUserBodySchema, required: true },
    responses: { '201': { description: 'Brukeren', schema: ManagedUserSchema } },
  },
  {
    method: 'post',
    path: '/api/users/{userId}',
    summary:
      'Endre navn, rolle, administratorrett eller passord, eller deaktiver/aktiver en bruker (bare administrator). Deaktivering og nytt passord avslutter brukerens økter',
    requestBody: { contentType: 'application/json', schema: UpdateUserBodySchema, required: true },
    responses: { '200': { description: 'Brukeren', schema: ManagedUserSchema } },
  },
];

function toManagedUser(user: UserAccount): z.infer<typeof ManagedUserSchema> {
  return {
    id: user.id,
    practiceId: user.practiceId,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    administrator: isAdministrator(user),
    createdAt: user.createdAt,
    ...(user.disabledAt === undefined ? {} : { disabledAt: user.disabledAt }),
  };
}

/** The signed-in administrator, or 401/403. Accounts need sign-in: with it off there are no users. */
function requireAdministrator(context: AppContext, request: FastifyRequest): SignedInUser {
  if (context.config.auth === 'off') {
    throw new AppError('forbidden', 'Brukere finnes bare når innlogging er på (KOLLEGA_AUTH=on)', {
      details: { reason: 'auth_off' },
    });
  }
  const user = request.signedInUser;
  if (user === undefined) throw new AppError('unauthorized', 'Logg inn for å bruke Kollega');
  if (!user.administrator) {
    throw new AppError('forbidden', 'Bare en administrator kan endre brukere', {
      details: { reason: 'role' },
    });
  }
  return user;
}

/** GET/POST /api/users and POST /api/users/:userId: account administration within the practice. */
export function registerUserRoutes(app: FastifyInstance, context: AppContext): void {
  app.get('/api/users', async (request) => {
    const administrator = requireAdministrator(context, request);
    return (await context.storage.auth.listUsers(administrator.practiceId)).map(toManagedUser);
  });

  app.post('/api/users', async (request, reply) => {
    const administrator = requireAdministrator(context, request);
    const body = parseRequestBody(CreateUserBodySchema, request.body);
    const user = await context.storage.auth.createUser({
      practiceId: administrator.practiceId,
      username: body.username,
      displayName: body.displayName,
      role: body.role,
      administrator: body.administrator,
      passwordHash: await hashPassword(body.password),
    });
    await context.storage.audit.append({
      actor: `bruker:${administrator.id}`,
      action: 'user.create',
      entityType: 'system',
      entityId: user.id,
      outcome: 'success',
      details: { role: user.role, administrator: user.administrator },
    });
    return reply.status(201).send(toManagedUser(user));
  });

  app.post('/api/users/:userId', async (request) => {
    const administrator = requireAdministrator(context, request);
    const { userId } = parseRequestBody(UserParametersSchema, request.params);
    const body = parseRequestBody(UpdateUserBodySchema, request.body);
    const target = await context.storage.auth.findUser(userId);
    // Another practice's account is answered exactly like an unknown id.
    if (target === undefined || target.practiceId !== administrator.practiceId) {
      throw new AppError('not_found', 'Fant ikke brukeren');
    }
    const changes: UserChanges = {
      ...(body.displayName === undefined ? {} : { displayName: body.displayName }),
      ...(body.role === undefined ? {} : { role: body.role }),
      ...(body.administrator === undefined ? {} : { administrator: body.administrator }),
      ...(body.disabled === undefined ? {} : { disabled: body.disabled }),
      ...(body.password === undefined ? {} : { passwordHash: await hashPassword(body.password) }),
    };
    const updated = await context.storage.auth.updateUser(userId, changes);
    if (updated === undefined) throw new AppError('not_found', 'Fant ikke brukeren');
    await context.storage.audit.append({
      actor: `bruker:${administrator.id}`,
      action: 'user.update',
      entityType: 'system',
      entityId: userId,
      outcome: 'success',
      details: { fields: Object.keys(changes).sort().join(',') },
    });
    return toManagedUser(updated);
  });
}
