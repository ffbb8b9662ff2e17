import type { FastifyInstance } from 'fastify';
import { AppError } from '@kollega/domain';
import { listTemplates } from '@kollega/clinical';
import type { AppContext } from '../context';
import { runAudited } from '../audit/audited';
import {
  ApproveNoteBodySchema,
  DismissFlagBodySchema,
  DraftNoteBodySchema,
  EditNoteBodySchema,
  parseRequestBody,
} from '../http/api-schemas';
import {
  approveNote,
  dismissFlag,
  draftConsultationNote,
  editNote,
  renderNoteForExport,
  requireConsultation,
  requireNote,
} from './note-service';

type NoteParams = { Params: { noteId: string } };
type ConsultationParams = { Params: { id: string } };

/** Note routes: draft, read, edit, dismiss a flag, approve, export as text; and the template list. */
export function registerNoteRoutes(app: FastifyInstance, context: AppContext): void {
  app.get('/api/templates', () => ({
    items: listTemplates().map((template) => ({
      id: template.id,
      name: template.name,
      language: template.language,
      sections: template.sections.map((section) => ({ id: section.id, title: section.title })),
    })),
  }));

  app.post<ConsultationParams>('/api/consultations/:id/note', async (request, reply) => {
    const record = await runAudited(
      context,
      {
        action: 'note.draft',
        entityType: 'note',
        entityId: '',
        details: { consultationId: request.params.id },
      },
      () =>
        draftConsultationNote(
          context,
          request.params.id,
          parseRequestBody(DraftNoteBodySchema, request.body),
        ),
      (result) => ({ entityId: result.id, details: { version: result.version, engine: result.engine } }),
    );
    return reply.status(201).send(record);
  });

  app.get<ConsultationParams>('/api/consultations/:id/note', async (request) =>
    runAudited(
      context,
      {
        action: 'note.read',
        entityType: 'note',
        entityId: '',
        details: { consultationId: request.params.id },
      },
      async () => {
        await requireConsultation(context, request.params.id);
        const record = await context.storage.notes.findByConsultationId(request.params.id);
        if (!record) {
          throw new AppError('not_found', 'Konsultasjonen har ikke notat ennå', {
            details: { consultationId: request.params.id },
          });
        }
        return record;
      },
      (result) => ({ entityId: result.id }),
    ),
  );

  app.get<NoteParams>('/api/notes/:noteId', async (request) =>
    runAudited(context, { action: 'note.read', entityType: 'note', entityId: request.params.noteId }, () =>
      requireNote(context, request.params.noteId),
    ),
  );

  app.get<NoteParams>('/api/notes/:noteId/edits', async (request) =>
    runAudited(
      context,
      { action: 'note.list_edits', entityType: 'note', entityId: request.params.noteId },
      async () => {
        await requireNote(context, request.params.noteId);
        return { items: await context.storage.notes.listEdits(request.params.noteId) };
      },
      (result) => ({ details: { count: result.items.length } }),
    ),
  );

  app.put<NoteParams>('/api/notes/:noteId', async (request) => {
    const body = parseRequestBody(EditNoteBodySchema, request.body);
    return runAudited(
      context,
      {
        action: 'note.update',
        entityType: 'note',
        entityId: request.params.noteId,
        ...(body.editedBy === undefined ? {} : { actor: body.editedBy }),
        details: { fromVersion: body.version },
      },
      () => editNote(context, request.params.noteId, body),
      (result) => ({ details: { toVersion: result.version } }),
    );
  });

  app.post<NoteParams>('/api/notes/:noteId/dismissals', async (request) => {
    const body = parseRequestBody(DismissFlagBodySchema, request.body);
    return runAudited(
      context,
      {
        action: 'note.dismiss_flag',
        entityType: 'note',
        entityId: request.params.noteId,
        actor: body.by,
        details: { flagId: body.flagId.slice(0, 100) },
      },
      () => dismissFlag(context, request.params.noteId, body),
    );
  });

  app.post<NoteParams>('/api/notes/:noteId/approve', async (request) => {
    const body = parseRequestBody(ApproveNoteBodySchema, request.body);
    return runAudited(
      context,
      {
        action: 'note.approve',
        entityType: 'note',
        entityId: request.params.noteId,
        actor: body.approvedBy,
        details: { version: body.version },
      },
      () => approveNote(context, request.params.noteId, body),
    );
  });

  app.get<NoteParams>('/api/notes/:noteId/text', async (request, reply) => {
    const text = await runAudited(
      context,
      { action: 'note.export_text', entityType: 'note', entityId: request.params.noteId },
      async () => renderNoteForExport(await requireNote(context, request.params.noteId)),
    );
    return reply.type('text/plain; charset=utf-8').send(text);
  });
}
