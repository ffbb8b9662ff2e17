import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { TextModel } from '@kollega/ai';
import type { AppContext } from '../context';
import { runAudited } from '../audit/audited';
import { parseRequestBody } from '../http/api-schemas';
import { closeRecordStorageOnClose } from './record-storage-access';
import {
  AskRecordBodySchema,
  ImportRecordDocumentBodySchema,
  RecordAnswerSchema,
  RecordDocumentListSchema,
  RecordDocumentSummarySchema,
  RecordSearchResultSchema,
  RecordSummarySchema,
  SearchRecordQuerySchema,
} from './record-schemas';
import {
  askPatientRecord,
  importRecordDocument,
  listPatientDocuments,
  recordAnswerModel,
  requirePatientKey,
  searchPatientRecord,
  summarizePatientRecord,
} from './record-service';

type RecordParams = { Params: { patientKey: string } };

const json = (schema: z.ZodType) => ({ contentType: 'application/json', schema, required: true });

/** One documented operation (the shape of `ApiOperation` in http/openapi.ts). */
interface RecordApiOperation {
  method: 'get' | 'post' | 'put';
  path: string;
  summary: string;
  requestBody?: { contentType: string; schema: z.ZodType; required: boolean };
  responses: Record<
    string,
    { description: string; schema?: z.ZodType | Record<string, unknown>; contentType?: string }
  >;
}

/** The record operations for the API description (spread into `API_OPERATIONS`). */
export const RECORD_OPERATIONS: readonly RecordApiOperation[] = [
  {
    method: 'get',
    path: '/api/records/{patientKey}/documents',
    summary: 'Journaldokumentene som er importert for en pasientnøkkel',
    responses: { '200': { description: 'Dokumentene (uten avsnitt)', schema: RecordDocumentListSchema } },
  },
  {
    method: 'post',
    path: '/api/records/{patientKey}/documents',
    summary: 'Importer et journaldokument: tekst, PDF med tekstlag eller FHIR R4 Bundle (base64 eller tekst)',
    requestBody: json(ImportRecordDocumentBodySchema),
    responses: {
      '201': { description: 'Dokumentet og eventuelle advarsler', schema: RecordDocumentSummarySchema },
    },
  },
  {
    method: 'get',
    path: '/api/records/{patientKey}/summary',
    summary:
      'Sammendrag av journalen (problemer, legemidler, allergier, prøvesvar, tidslinje) med kildehenvisninger',
    responses: { '200': { description: 'Sammendraget', schema: RecordSummarySchema } },
  },
  {
    method: 'get',
    path: '/api/records/{patientKey}/search',
    summary: 'Søk i journalen (BM25, norsk tokenisering); ?q=…&limit=…',
    responses: { '200': { description: 'Treffene med kildehenvisning', schema: RecordSearchResultSchema } },
  },
  {
    method: 'post',
    path: '/api/records/{patientKey}/questions',
    summary: 'Still et spørsmål til journalen; svaret siterer dokument og avsnitt',
    requestBody: json(AskRecordBodySchema),
    responses: { '200': { description: 'Svaret med kilder', schema: RecordAnswerSchema } },
  },
];

/** Test seams of `registerRecordRoutes`. */
export interface RecordRouteOptions {
  /** The model for generated answers; by default the registry's `summary` model, when one is set up. */
  answerModel?: () => TextModel | undefined;
}

/** Record routes: import documents per patient key, the cited summary, search, and questions. */
export function registerRecordRoutes(
  app: FastifyInstance,
  context: AppContext,
  options: RecordRouteOptions = {},
): void {
  closeRecordStorageOnClose(app, context);
  const answerModel = options.answerModel ?? (() => recordAnswerModel(context));

  app.get<RecordParams>('/api/records/:patientKey/documents', async (request) => {
    const patientKey = requirePatientKey(request.params.patientKey);
    return runAudited(
      context,
      { action: 'record.list_documents', entityType: 'document', entityId: patientKey },
      () => listPatientDocuments(context, patientKey),
      (result) => ({ details: { count: result.items.length } }),
    );
  });

  app.post<RecordParams>('/api/records/:patientKey/documents', async (request, reply) => {
    const patientKey = requirePatientKey(request.params.patientKey);
    const body = parseRequestBody(ImportRecordDocumentBodySchema, request.body);
    const result = await runAudited(
      context,
      {
        action: 'record.import',
        entityType: 'document',
        entityId: patientKey,
        ...(body.importedBy === undefined ? {} : { actor: body.importedBy }),
      },
      () => importRecordDocument(context, patientKey, body),
      (imported) => ({
        details: {
          documentId: imported.document.id,
          kind: imported.document.kind,
          passages: imported.document.passageCount,
        },
      }),
    );
    return reply.status(201).send({ ...result.document, warnings: result.warnings });
  });

  app.get<RecordParams>('/api/records/:patientKey/summary', async (request) => {
    const patientKey = requirePatientKey(request.params.patientKey);
    return runAudited(
      context,
      { action: 'record.summarize', entityType: 'document', entityId: patientKey },
      () => summarizePatientRecord(context, patientKey),
    );
  });

  app.get<RecordParams & { Querystring: Record<string, string> }>(
    '/api/records/:patientKey/search',
    async (request) => {
      const patientKey = requirePatientKey(request.params.patientKey);
      const query = parseRequestBody(SearchRecordQuerySchema, request.query);
      return runAudited(
        context,
        { action: 'record.search', entityType: 'document', entityId: patientKey },
        () => searchPatientRecord(context, patientKey, query.q, query.limit),
        (result) => ({ details: { hits: result.items.length } }),
      );
    },
  );

  app.post<RecordParams>('/api/records/:patientKey/questions', async (request) => {
    const patientKey = requirePatientKey(request.params.patientKey);
    const body = parseRequestBody(AskRecordBodySchema, request.body);
    return runAudited(
      context,
      {
        action: 'record.ask',
        entityType: 'document',
        entityId: patientKey,
        ...(body.askedBy === undefined ? {} : { actor: body.askedBy }),
      },
      () =>
        askPatientRecord(context, patientKey, body, body.engine === 'builtin' ? undefined : answerModel()),
      (answer) => ({
        details: { found: answer.found, method: answer.method, citations: answer.citations.length },
      }),
    );
  });
}
