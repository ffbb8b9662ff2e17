import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { AppError } from '@kollega/domain';
import type { ExportFormat, ExportedFile } from '@kollega/documents';
import type { AppContext } from '../context';
import { runAudited } from '../audit/audited';
import { parseRequestBody } from '../http/api-schemas';
import { closeRecordStorageOnClose } from '../records/record-storage-access';
import {
  ApproveDocumentBodySchema,
  ClinicalDocumentListSchema,
  ClinicalDocumentViewSchema,
  DraftDocumentBodySchema,
  EditDocumentBodySchema,
  ExportFormatSchema,
  ExportNoteBodySchema,
  ExportQuerySchema,
} from './document-schemas';
import {
  approveDocument,
  draftConsultationDocument,
  editDocument,
  exportDocument,
  exportNote,
  listConsultationDocuments,
  requireDocument,
  toView,
} from './document-service';

type ConsultationParams = { Params: { id: string } };
type DocumentParams = { Params: { documentId: string } };
type DocumentExportParams = {
  Params: { documentId: string; format: string };
  Querystring: Record<string, string>;
};
type NoteExportParams = { Params: { noteId: string; format: string }; Querystring: Record<string, string> };
type NoteParams = { Params: { noteId: string } };

const json = (schema: z.ZodType) => ({ contentType: 'application/json', schema, required: true });
const FILE_RESPONSE = {
  description: 'Filen (text/plain, application/fhir+json eller application/pdf)',
  contentType: 'application/octet-stream',
  schema: { type: 'string', format: 'binary' },
};

/** One documented operation (the shape of `ApiOperation` in http/openapi.ts). */
interface DocumentApiOperation {
  method: 'get' | 'post' | 'put';
  path: string;
  summary: string;
  requestBody?: { contentType: string; schema: z.ZodType; required: boolean };
  responses: Record<
    string,
    { description: string; schema?: z.ZodType | Record<string, unknown>; contentType?: string }
  >;
}

/** The document and export operations for the API description (spread into `API_OPERATIONS`). */
export const DOCUMENT_OPERATIONS: readonly DocumentApiOperation[] = [
  {
    method: 'get',
    path: '/api/consultations/{id}/documents',
    summary: 'Notatets status og konsultasjonens dokumenter (henvisning, legeerklæring)',
    responses: { '200': { description: 'Dokumentene', schema: ClinicalDocumentListSchema } },
  },
  {
    method: 'post',
    path: '/api/consultations/{id}/documents',
    summary:
      'Lag utkast til henvisning eller legeerklæring fra det godkjente notatet (og journalen når en pasientnøkkel er gitt)',
    requestBody: json(DraftDocumentBodySchema),
    responses: { '201': { description: 'Utkastet', schema: ClinicalDocumentViewSchema } },
  },
  {
    method: 'get',
    path: '/api/documents/{documentId}',
    summary: 'Ett dokument',
    responses: { '200': { description: 'Dokumentet', schema: ClinicalDocumentViewSchema } },
  },
  {
    method: 'put',
    path: '/api/documents/{documentId}',
    summary: 'Lagre endret tekst i et utkast (versjon for samtidighetskontroll)',
    requestBody: json(EditDocumentBodySchema),
    responses: { '200': { description: 'Dokumentet', schema: ClinicalDocumentViewSchema } },
  },
  {
    method: 'post',
    path: '/api/documents/{documentId}/approve',
    summary: 'Godkjenn dokumentet i en navngitt leges navn (låser det)',
    requestBody: json(ApproveDocumentBodySchema),
    responses: { '200': { description: 'Dokumentet', schema: ClinicalDocumentViewSchema } },
  },
  {
    method: 'get',
    path: '/api/documents/{documentId}/export/{format}',
    summary: 'Last ned et godkjent dokument som text, fhir eller pdf (?icpc2System=icpc-2|volven|both)',
    responses: { '200': FILE_RESPONSE },
  },
  {
    method: 'get',
    path: '/api/notes/{noteId}/export/{format}',
    summary:
      'Last ned et godkjent notat som text (EPJ), fhir (R4 Bundle) eller pdf (?icpc2System=icpc-2|volven|both)',
    responses: { '200': FILE_RESPONSE },
  },
  {
    method: 'post',
    path: '/api/notes/{noteId}/export',
    summary:
      'Eksporter et godkjent notat med pasientens fødselsnummer/D-nummer og legens HPR-nummer i kroppen (ikke i URL)',
    requestBody: json(ExportNoteBodySchema),
    responses: { '200': FILE_RESPONSE },
  },
];

/** An export format from a path, or `invalid_input` naming the formats. */
function parseExportFormat(value: string): ExportFormat {
  const parsed = ExportFormatSchema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('invalid_input', 'Ukjent format (bruk text, fhir eller pdf)', {
      details: { field: 'format' },
    });
  }
  return parsed.data;
}

function sendFile(reply: FastifyReply, file: ExportedFile) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

/** Document routes: draft, read, edit, approve and export referrals and certificates; exports of approved notes. */
export function registerDocumentRoutes(app: FastifyInstance, context: AppContext): void {
  closeRecordStorageOnClose(app, context);

  app.get<ConsultationParams>('/api/consultations/:id/documents', async (request) =>
    runAudited(
      context,
      { action: 'document.list', entityType: 'consultation', entityId: request.params.id },
      () => listConsultationDocuments(context, request.params.id),
      (result) => ({ details: { count: result.items.length } }),
    ),
  );

  app.post<ConsultationParams>('/api/consultations/:id/documents', async (request, reply) => {
    const body = parseRequestBody(DraftDocumentBodySchema, request.body);
    const view = await runAudited(
      context,
      {
        action: 'document.draft',
        entityType: 'document',
        entityId: '',
        ...(body.createdBy === undefined ? {} : { actor: body.createdBy }),
        details: {
          consultationId: request.params.id,
          kind: body.kind,
          withRecord: body.patientKey !== undefined,
        },
      },
      () => draftConsultationDocument(context, request.params.id, body),
      (result) => ({ entityId: result.id, details: { incomplete: result.incompleteSections.length } }),
    );
    return reply.status(201).send(view);
  });

  app.get<DocumentParams>('/api/documents/:documentId', async (request) =>
    runAudited(
      context,
      { action: 'document.read', entityType: 'document', entityId: request.params.documentId },
      async () => toView(await requireDocument(context, request.params.documentId)),
    ),
  );

  app.put<DocumentParams>('/api/documents/:documentId', async (request) => {
    const body = parseRequestBody(EditDocumentBodySchema, request.body);
    return runAudited(
      context,
      {
        action: 'document.update',
        entityType: 'document',
        entityId: request.params.documentId,
        ...(body.editedBy === undefined ? {} : { actor: body.editedBy }),
        details: { fromVersion: body.version },
      },
      () => editDocument(context, request.params.documentId, body),
      (result) => ({ details: { toVersion: result.version } }),
    );
  });

  app.post<DocumentParams>('/api/documents/:documentId/approve', async (request) => {
    const body = parseRequestBody(ApproveDocumentBodySchema, request.body);
    return runAudited(
      context,
      {
        action: 'document.approve',
        entityType: 'document',
        entityId: request.params.documentId,
        actor: body.approvedBy,
        details: { version: body.version },
      },
      () => approveDocument(context, request.params.documentId, body),
    );
  });

  app.get<DocumentExportParams>('/api/documents/:documentId/export/:format', async (request, reply) => {
    const format = parseExportFormat(request.params.format);
    const query = parseRequestBody(ExportQuerySchema, request.query);
    const file = await runAudited(
      context,
      { action: `document.export_${format}`, entityType: 'document', entityId: request.params.documentId },
      () =>
        exportDocument(context, request.params.documentId, format, {
          ...(query.icpc2System === undefined ? {} : { icpc2System: query.icpc2System }),
        }),
    );
    return sendFile(reply, file);
  });

  app.get<NoteExportParams>('/api/notes/:noteId/export/:format', async (request, reply) => {
    const format = parseExportFormat(request.params.format);
    const query = parseRequestBody(ExportQuerySchema, request.query);
    const file = await runAudited(
      context,
      { action: `note.export_${format}`, entityType: 'note', entityId: request.params.noteId },
      () =>
        exportNote(context, request.params.noteId, format, {
          ...(query.icpc2System === undefined ? {} : { icpc2System: query.icpc2System }),
        }),
    );
    return sendFile(reply, file);
  });

  app.post<NoteParams>('/api/notes/:noteId/export', async (request, reply) => {
    const body = parseRequestBody(ExportNoteBodySchema, request.body);
    const file = await runAudited(
      context,
      {
        action: `note.export_${body.format}`,
        entityType: 'note',
        entityId: request.params.noteId,
        details: {
          withPatientIdentifier: body.patient?.personNumber !== undefined,
          withHpr: body.hprNumber !== undefined,
        },
      },
      () =>
        exportNote(context, request.params.noteId, body.format, {
          ...(body.icpc2System === undefined ? {} : { icpc2System: body.icpc2System }),
          ...(body.icpc2Code === undefined || body.icpc2Code === '' ? {} : { icpc2Code: body.icpc2Code }),
          ...(body.patient === undefined
            ? {}
            : {
                patient: {
                  ...(body.patient.name === undefined ? {} : { name: body.patient.name }),
                  ...(body.patient.personNumber === undefined
                    ? {}
                    : { personNumber: body.patient.personNumber }),
                },
              }),
          ...(body.hprNumber === undefined ? {} : { hprNumber: body.hprNumber }),
        }),
    );
    return sendFile(reply, file);
  });
}
