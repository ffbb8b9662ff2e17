import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ConsultationSchema, NoteRecordSchema } from '@kollega/domain';
import type { AppContext } from '../context';
import { DECISION_SUPPORT_OPERATIONS } from '../decision-support/decision-support-routes';
import { ABOUT_OPERATIONS } from '../about/about-routes';
import { STATISTICS_OPERATIONS } from '../statistics/statistics-routes';
import { PATIENT_OPERATIONS } from '../patient/patient-routes';
import { AUDIO_OPERATIONS } from '../audio/audio-routes';
import { RECORD_OPERATIONS } from '../records/record-routes';
import { DOCUMENT_OPERATIONS } from '../documents/document-routes';
import { AUTH_OPERATIONS } from '../auth/auth-routes';
import { OIDC_OPERATIONS } from '../auth/oidc/oidc-routes';
import { MESSAGE_OPERATIONS } from '../messages/message-routes';
import { JOB_OPERATIONS } from '../jobs/job-routes';
import { EVALUATION_OPERATIONS } from '../evaluation/evaluation-routes';
import { USER_OPERATIONS } from '../users/user-routes';
import { ACCESS_LOG_OPERATIONS } from '../audit/access-log-routes';
import {
  ApproveNoteBodySchema,
  ConsultationItemsSchema,
  ConsultationListSchema,
  CreateConsultationBodySchema,
  DismissFlagBodySchema,
  DraftNoteBodySchema,
  EditNoteBodySchema,
  ErrorResponseSchema,
  HealthSchema,
  NoteEditListSchema,
  TemplateListSchema,
} from './api-schemas';

type JsonSchema = Record<string, unknown>;

/** A response of an operation: a zod schema (JSON), a JSON Schema, or plain text. */
interface ApiResponse {
  description: string;
  schema?: z.ZodType | JsonSchema;
  contentType?: string;
}

/** One documented API operation. `path` uses OpenAPI's `{param}` form. */
export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  requestBody?: { contentType: string; schema: z.ZodType | JsonSchema; required: boolean };
  responses: Record<string, ApiResponse>;
}

const json = (schema: z.ZodType, required = true) => ({ contentType: 'application/json', schema, required });
const consultationCreated: ApiResponse = {
  description: 'Konsultasjonen (eller `{items}` når en JSON Lines-fil ga flere)',
  schema: z.union([ConsultationSchema, ConsultationItemsSchema]),
};

/** Every API operation the server registers; a test checks this list against the registered routes. */
export const API_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Helsesjekk: database, motor og versjon',
    responses: { '200': { description: 'OK', schema: HealthSchema } },
  },
  {
    method: 'get',
    path: '/api/docs',
    summary: 'Dette OpenAPI 3.1-dokumentet',
    responses: { '200': { description: 'OpenAPI-dokument', schema: { type: 'object' } } },
  },
  {
    method: 'get',
    path: '/api/docs/openapi.json',
    summary: 'Dette OpenAPI 3.1-dokumentet',
    responses: { '200': { description: 'OpenAPI-dokument', schema: { type: 'object' } } },
  },
  {
    method: 'get',
    path: '/api/templates',
    summary: 'Notatmalene',
    responses: { '200': { description: 'Malene', schema: TemplateListSchema } },
  },
  {
    method: 'post',
    path: '/api/consultations',
    summary: 'Opprett konsultasjon fra replikker eller fra innholdet i en transkripsjonsfil',
    requestBody: json(CreateConsultationBodySchema),
    responses: { '201': consultationCreated },
  },
  {
    method: 'post',
    path: '/api/consultations/upload',
    summary:
      'Last opp en transkripsjonsfil (feltet «file», maks 10 MB; valgfrie felt før filen: format, language, setting, title)',
    requestBody: {
      contentType: 'multipart/form-data',
      required: true,
      schema: {
        type: 'object',
        required: ['file'],
        properties: {
          file: { type: 'string', contentMediaType: 'application/octet-stream' },
          format: { type: 'string', enum: ['auto', 'json', 'jsonl', 'text', 'vtt', 'srt'] },
          language: { type: 'string', enum: ['nb', 'en'] },
          setting: { type: 'string', enum: ['kontor', 'telefon', 'video'] },
          title: { type: 'string' },
        },
      },
    },
    responses: { '201': consultationCreated },
  },
  {
    method: 'get',
    path: '/api/consultations',
    summary: 'Alle konsultasjoner, nyeste først',
    responses: { '200': { description: 'Listen', schema: ConsultationListSchema } },
  },
  {
    method: 'get',
    path: '/api/consultations/{id}',
    summary: 'Én konsultasjon med transkripsjon',
    responses: { '200': { description: 'Konsultasjonen', schema: ConsultationSchema } },
  },
  {
    method: 'post',
    path: '/api/consultations/{id}/note',
    summary: 'Lag (eller lag på nytt) utkast til notat; verifiseres alltid',
    requestBody: json(DraftNoteBodySchema, false),
    responses: { '201': { description: 'Notatet', schema: NoteRecordSchema } },
  },
  {
    method: 'get',
    path: '/api/consultations/{id}/note',
    summary: 'Konsultasjonens notat',
    responses: { '200': { description: 'Notatet', schema: NoteRecordSchema } },
  },
  {
    method: 'get',
    path: '/api/notes/{noteId}',
    summary: 'Et notat',
    responses: { '200': { description: 'Notatet', schema: NoteRecordSchema } },
  },
  {
    method: 'get',
    path: '/api/notes/{noteId}/edits',
    summary: 'Notatets endringer som diff per setning, eldste først',
    responses: { '200': { description: 'Endringene', schema: NoteEditListSchema } },
  },
  {
    method: 'put',
    path: '/api/notes/{noteId}',
    summary: 'Lagre endret notat (versjon må stemme); verifiseres på nytt',
    requestBody: json(EditNoteBodySchema),
    responses: { '200': { description: 'Notatet', schema: NoteRecordSchema } },
  },
  {
    method: 'post',
    path: '/api/notes/{noteId}/dismissals',
    summary: 'Avvis et flagg med begrunnelse',
    requestBody: json(DismissFlagBodySchema),
    responses: { '200': { description: 'Notatet', schema: NoteRecordSchema } },
  },
  {
    method: 'post',
    path: '/api/notes/{noteId}/approve',
    summary: 'Godkjenn notatet i legens navn (409 approval_blocked ved uløste flagg)',
    requestBody: json(ApproveNoteBodySchema),
    responses: { '200': { description: 'Det godkjente notatet', schema: NoteRecordSchema } },
  },
  {
    method: 'get',
    path: '/api/notes/{noteId}/text',
    summary: 'Notatet som ren tekst for journalen; godkjente notater får godkjenningslinjen',
    responses: { '200': { description: 'Teksten', contentType: 'text/plain', schema: { type: 'string' } } },
  },
  ...ABOUT_OPERATIONS,
  ...STATISTICS_OPERATIONS,
  ...PATIENT_OPERATIONS,
  ...AUDIO_OPERATIONS,
  ...DECISION_SUPPORT_OPERATIONS,
  ...RECORD_OPERATIONS,
  ...DOCUMENT_OPERATIONS,
  ...AUTH_OPERATIONS,
  ...OIDC_OPERATIONS,
  ...MESSAGE_OPERATIONS,
  ...JOB_OPERATIONS,
  ...EVALUATION_OPERATIONS,
  ...USER_OPERATIONS,
  ...ACCESS_LOG_OPERATIONS,
];

function toJsonSchema(schema: z.ZodType | JsonSchema, io: 'input' | 'output'): JsonSchema {
  if (!(schema instanceof z.ZodType)) return schema;
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** The OpenAPI 3.1 document of `API_OPERATIONS`, schemas generated from zod. */
export function buildOpenApiDocument(version: string): JsonSchema {
  const errorResponse = {
    description: 'Feil: `{error: {code, message, details}}`',
    content: { 'application/json': { schema: toJsonSchema(ErrorResponseSchema, 'output') } },
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of API_OPERATIONS) {
    const parameters = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const responses: Record<string, unknown> = { default: errorResponse };
    for (const [status, response] of Object.entries(operation.responses)) {
      responses[status] = {
        description: response.description,
        ...(response.schema === undefined
          ? {}
          : {
              content: {
                [response.contentType ?? 'application/json']: {
                  schema: toJsonSchema(response.schema, 'output'),
                },
              },
            }),
      };
    }
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method]: {
        summary: operation.summary,
        ...(parameters.length === 0 ? {} : { parameters }),
        ...(operation.requestBody === undefined
          ? {}
          : {
              requestBody: {
                required: operation.requestBody.required,
                content: {
                  [operation.requestBody.contentType]: {
                    schema: toJsonSchema(operation.requestBody.schema, 'input'),
                  },
                },
              },
            }),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kollega API',
      version,
      description: 'KI-assistent for fastleger: transkripsjon → utkast → redigering → godkjenning.',
    },
    paths,
  };
}

/** GET /api/docs and /api/docs/openapi.json: the OpenAPI document (built once). */
export function registerDocsRoutes(app: FastifyInstance, context: AppContext): void {
  const document = buildOpenApiDocument(context.version);
  app.get('/api/docs', () => document);
  app.get('/api/docs/openapi.json', () => document);
}
