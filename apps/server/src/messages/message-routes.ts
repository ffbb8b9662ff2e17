import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '@kollega/domain';
import type { PatientMessage } from '@kollega/storage';
import type { AppContext } from '../context';
import { runAudited } from '../audit/audited';
import type { ApiOperation } from '../http/openapi';
import { parseRequestBody } from '../http/api-schemas';
import {
  CreateMessageBodySchema,
  ImportedMessagesSchema,
  ImportMessagesBodySchema,
  ListMessagesQuerySchema,
  MessageListSchema,
  PatientMessageSchema,
  UpdateMessageBodySchema,
} from './message-schemas';
import {
  currentActorName,
  currentPracticeId,
  parseMessageImport,
  storeTriagedMessages,
} from './message-service';

const json = (schema: z.ZodType) => ({ contentType: 'application/json', schema, required: true });

/** The inbox operations, for the OpenAPI document. */
export const MESSAGE_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'post',
    path: '/api/messages',
    summary: 'Motta en pasientmelding: hastegrad, kategori og røde flagg etter reglene, lagret i innboksen',
    requestBody: json(CreateMessageBodySchema),
    responses: { '201': { description: 'Meldingen med triage', schema: PatientMessageSchema } },
  },
  {
    method: 'post',
    path: '/api/messages/import',
    summary:
      'Importer meldinger fra JSON Lines (`{id, message}` per linje) som tekst, `{content}` eller fil (multipart «file»)',
    requestBody: { contentType: 'text/plain', schema: { type: 'string' }, required: true },
    responses: { '201': { description: 'De lagrede meldingene', schema: ImportedMessagesSchema } },
  },
  {
    method: 'get',
    path: '/api/messages',
    summary: 'Innboksen: akutt først, så eldste først; filter på urgency, category, status',
    responses: { '200': { description: 'Meldingene', schema: MessageListSchema } },
  },
  {
    method: 'patch',
    path: '/api/messages/{id}',
    summary: 'Tildel, registrer sendt svar, marker som behandlet (eller gjenåpne)',
    requestBody: json(UpdateMessageBodySchema),
    responses: { '200': { description: 'Meldingen', schema: PatientMessageSchema } },
  },
];

function decodeUtf8(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new AppError(
      'unsupported_media_type',
      'Filen er ikke UTF-8-tekst; last opp en JSON Lines-fil (.jsonl)',
    );
  }
}

/** The import's JSON Lines text, from a multipart file, a JSON `{content}` body or a text body. */
async function readImportText(request: FastifyRequest): Promise<string> {
  if (request.isMultipart()) {
    let buffer: Buffer;
    try {
      const file = await request.file();
      if (file?.fieldname !== 'file') {
        throw new AppError('invalid_input', 'Filen må sendes i feltet «file»', {
          details: { field: 'file' },
        });
      }
      buffer = await file.toBuffer();
    } catch (error) {
      // A file over the size limit keeps its own status; a broken multipart body is bad input, not a 500.
      if (error instanceof AppError || (error as { statusCode?: number }).statusCode === 413) throw error;
      throw new AppError('invalid_input', 'Kunne ikke lese filopplastingen', { cause: error });
    }
    return decodeUtf8(buffer);
  }
  if (typeof request.body === 'string') return request.body;
  return parseRequestBody(ImportMessagesBodySchema, request.body).content;
}

const describeMany = (items: PatientMessage[]) => ({
  entityId: items[0]?.id ?? '',
  details: {
    count: items.length,
    ...(items.length > 1 ? { messageIds: items.map((item) => item.id).join(',') } : {}),
  },
});

/** Inbox routes: receive, import, list, update. Every read and write is scoped to the user's practice. */
export function registerMessageRoutes(app: FastifyInstance, context: AppContext): void {
  app.post('/api/messages', async (request, reply) => {
    const [created] = await runAudited(
      context,
      { action: 'message.create', entityType: 'message', entityId: '' },
      () => storeTriagedMessages(context, [parseRequestBody(CreateMessageBodySchema, request.body)]),
      describeMany,
    );
    return reply.status(201).send(created);
  });

  // Text and multipart bodies only here, in their own scope: other routes answer them with 415.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: context.config.maxUploadBytes, files: 1, fields: 0, parts: 1 },
      throwFileSizeLimit: true,
    });
    scope.addContentTypeParser(
      ['text/plain', 'application/x-ndjson', 'application/jsonl'],
      { parseAs: 'string' },
      (_request, body, done) => done(null, body),
    );
    scope.post('/api/messages/import', async (request, reply) => {
      const items = await runAudited(
        context,
        { action: 'message.import', entityType: 'message', entityId: '' },
        async () => storeTriagedMessages(context, parseMessageImport(await readImportText(request))),
        describeMany,
      );
      return reply.status(201).send({ items });
    });
  });

  app.get('/api/messages', async (request) => {
    const filter = ListMessagesQuerySchema.safeParse(request.query ?? {});
    if (!filter.success) {
      const field = filter.error.issues[0]?.path.map(String).join('.') ?? '';
      throw new AppError('invalid_input', `Ugyldig filter «${field}»`, { details: { field } });
    }
    return runAudited(
      context,
      { action: 'message.list', entityType: 'message', entityId: '' },
      async () => {
        const practiceId = currentPracticeId(context);
        const query = Object.fromEntries(
          Object.entries(filter.data).filter(([, value]) => value !== undefined),
        );
        const items = await context.storage.messages.list(practiceId, query);
        const acute = await context.storage.messages.list(practiceId, { status: 'open', urgency: 'akutt' });
        return { items, openAcuteCount: acute.length };
      },
      (result) => ({ details: { count: result.items.length } }),
    );
  });

  app.patch<{ Params: { id: string } }>('/api/messages/:id', async (request) => {
    const body = parseRequestBody(UpdateMessageBodySchema, request.body);
    const { id } = request.params;
    return runAudited(
      context,
      {
        action: body.status === 'handled' ? 'message.handle' : 'message.update',
        entityType: 'message',
        entityId: id,
        details: {
          ...(body.status === undefined ? {} : { status: body.status }),
          assigned: body.assignedTo !== undefined,
          replied: body.reply !== undefined,
        },
      },
      async () => {
        const actor = currentActorName(context, body.by);
        const updated = await context.storage.messages.update(currentPracticeId(context), id, {
          ...(body.assignedTo === undefined ? {} : { assignedTo: body.assignedTo }),
          ...(body.status === undefined ? {} : { status: body.status, handledBy: actor }),
          ...(body.reply === undefined ? {} : { reply: body.reply, repliedBy: actor }),
        });
        if (updated === undefined) throw new AppError('not_found', 'Fant ikke meldingen');
        return updated;
      },
    );
  });
}
