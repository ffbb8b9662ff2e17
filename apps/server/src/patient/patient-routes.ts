import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { renderPatientSummaryPdf } from '@kollega/documents';
import type { AppContext } from '../context';
import { runAudited } from '../audit/audited';
import { parseRequestBody } from '../http/api-schemas';
import {
  ApprovePatientSummaryBodySchema,
  CreatedQuestionnaireSchema,
  CreateQuestionnaireBodySchema,
  DraftPatientSummaryBodySchema,
  EditPatientSummaryBodySchema,
  LanguageQuerySchema,
  OpenedQuestionnaireSchema,
  OpenQuestionnaireBodySchema,
  PatientSummaryListSchema,
  PatientSummaryRecordSchema,
  QuestionnaireAdviceSchema,
  QuestionnaireAnswersBodySchema,
  QuestionnaireListSchema,
  TranslationStatusSchema,
} from './patient-schemas';
import {
  approvePatientSummary,
  describeTranslation,
  draftPatientSummary,
  editPatientSummary,
  requirePatientSummary,
} from './patient-summary-service';
import {
  checkQuestionnaireAnswers,
  createConsultationQuestionnaire,
  listConsultationQuestionnaires,
  openQuestionnaire,
  submitQuestionnaire,
} from './questionnaire-service';

type ConsultationParams = { Params: { id: string } };
type NoteParams = { Params: { noteId: string } };
type SummaryParams = { Params: { summaryId: string } };

const json = (schema: z.ZodType) => ({ contentType: 'application/json', schema, required: true });

/** One documented operation (the shape of `ApiOperation` in http/openapi.ts). */
interface PatientApiOperation {
  method: 'get' | 'post' | 'put';
  path: string;
  summary: string;
  requestBody?: { contentType: string; schema: z.ZodType; required: boolean };
  responses: Record<
    string,
    { description: string; schema?: z.ZodType | Record<string, unknown>; contentType?: string }
  >;
}

/** The patient-tool operations for the API description (spread into `API_OPERATIONS`). */
export const PATIENT_OPERATIONS: readonly PatientApiOperation[] = [
  {
    method: 'post',
    path: '/api/consultations/{id}/questionnaires',
    summary:
      'Lag en engangslenke/-kode til forhåndsskjemaet (utløper etter 24 t som standard; tokenet vises bare her)',
    requestBody: json(CreateQuestionnaireBodySchema),
    responses: { '201': { description: 'Skjemaet med token og lenke', schema: CreatedQuestionnaireSchema } },
  },
  {
    method: 'get',
    path: '/api/consultations/{id}/questionnaires',
    summary:
      'Konsultasjonens forhåndsskjemaer med forhåndsoppsummering (oppgitt av pasienten) (?language=nb|en)',
    responses: { '200': { description: 'Skjemaene', schema: QuestionnaireListSchema } },
  },
  {
    method: 'post',
    path: '/api/questionnaire/open',
    summary: 'Pasient: åpne skjemaet med token eller kode (404 ugyldig, 403 utløpt, 409 allerede sendt)',
    requestBody: json(OpenQuestionnaireBodySchema),
    responses: { '200': { description: 'Spørsmålene', schema: OpenedQuestionnaireSchema } },
  },
  {
    method: 'post',
    path: '/api/questionnaire/check',
    summary: 'Pasient: røde flagg i svarene så langt (råd om 113/116117 med en gang)',
    requestBody: json(QuestionnaireAnswersBodySchema),
    responses: { '200': { description: 'Rådet', schema: QuestionnaireAdviceSchema } },
  },
  {
    method: 'post',
    path: '/api/questionnaire/submit',
    summary: 'Pasient: send inn svarene (én gang; 400 med details.field ved manglende svar)',
    requestBody: json(QuestionnaireAnswersBodySchema),
    responses: { '200': { description: 'Rådet', schema: QuestionnaireAdviceSchema } },
  },
  {
    method: 'get',
    path: '/api/patient-summary/translation',
    summary: 'Om en språkmodell kan oversette pasientoppsummeringer',
    responses: { '200': { description: 'Status', schema: TranslationStatusSchema } },
  },
  {
    method: 'post',
    path: '/api/notes/{noteId}/patient-summary',
    summary:
      'Lag pasientoppsummering av et godkjent notat (notatets språk: innebygd motor; andre språk: maskinoversatt)',
    requestBody: { ...json(DraftPatientSummaryBodySchema), required: false },
    responses: { '201': { description: 'Utkastet', schema: PatientSummaryRecordSchema } },
  },
  {
    method: 'get',
    path: '/api/notes/{noteId}/patient-summaries',
    summary: 'Notatets pasientoppsummeringer (alle språk)',
    responses: { '200': { description: 'Oppsummeringene', schema: PatientSummaryListSchema } },
  },
  {
    method: 'get',
    path: '/api/patient-summaries/{summaryId}',
    summary: 'Én pasientoppsummering',
    responses: { '200': { description: 'Oppsummeringen', schema: PatientSummaryRecordSchema } },
  },
  {
    method: 'put',
    path: '/api/patient-summaries/{summaryId}',
    summary: 'Lagre legens redigering (kontrolleres mot notatet igjen)',
    requestBody: json(EditPatientSummaryBodySchema),
    responses: { '200': { description: 'Oppsummeringen', schema: PatientSummaryRecordSchema } },
  },
  {
    method: 'post',
    path: '/api/patient-summaries/{summaryId}/approve',
    summary: 'Godkjenn i legens navn (409 approval_blocked ved merkede setninger uten bekreftelse)',
    requestBody: json(ApprovePatientSummaryBodySchema),
    responses: { '200': { description: 'Den godkjente oppsummeringen', schema: PatientSummaryRecordSchema } },
  },
  {
    method: 'get',
    path: '/api/patient-summaries/{summaryId}/pdf',
    summary: 'Oppsummeringen som PDF',
    responses: {
      '200': {
        description: 'PDF',
        contentType: 'application/pdf',
        schema: { type: 'string', format: 'binary' },
      },
    },
  },
];

/** Routes of the patient tools: the pre-visit questionnaire (staff and patient) and the patient summary. */
export function registerPatientRoutes(app: FastifyInstance, context: AppContext): void {
  app.post<ConsultationParams>('/api/consultations/:id/questionnaires', async (request, reply) => {
    const body = parseRequestBody(CreateQuestionnaireBodySchema, request.body);
    const created = await runAudited(
      context,
      {
        action: 'questionnaire.create',
        entityType: 'consultation',
        entityId: request.params.id,
        ...(body.createdBy === undefined ? {} : { actor: body.createdBy }),
      },
      () => createConsultationQuestionnaire(context, request.params.id, body),
      (result) => ({ details: { questionnaireId: result.id, expiresAt: result.expiresAt } }),
    );
    return reply.status(201).send(created);
  });

  app.get<ConsultationParams>('/api/consultations/:id/questionnaires', async (request) => {
    const query = parseRequestBody(LanguageQuerySchema, request.query);
    const items = await runAudited(
      context,
      { action: 'questionnaire.read', entityType: 'consultation', entityId: request.params.id },
      () => listConsultationQuestionnaires(context, request.params.id, query.language ?? 'nb'),
      (result) => ({ details: { count: result.length } }),
    );
    return { items };
  });

  app.post('/api/questionnaire/open', async (request) => {
    const body = parseRequestBody(OpenQuestionnaireBodySchema, request.body);
    const opened = await runAudited(
      context,
      { action: 'questionnaire.open', entityType: 'consultation', entityId: '', actor: 'pasient' },
      () => openQuestionnaire(context, body.token),
      (result) => ({
        entityId: result.record.consultationId,
        details: { questionnaireId: result.record.id },
      }),
    );
    return opened.view;
  });

  app.post('/api/questionnaire/check', async (request) => {
    const body = parseRequestBody(QuestionnaireAnswersBodySchema, request.body);
    const checked = await checkQuestionnaireAnswers(context, body);
    return checked.result;
  });

  app.post('/api/questionnaire/submit', async (request) => {
    const body = parseRequestBody(QuestionnaireAnswersBodySchema, request.body);
    const submitted = await runAudited(
      context,
      { action: 'questionnaire.submit', entityType: 'consultation', entityId: '', actor: 'pasient' },
      () => submitQuestionnaire(context, body),
      (result) => ({
        entityId: result.record.consultationId,
        details: { questionnaireId: result.record.id, urgency: result.result.urgency },
      }),
    );
    return submitted.result;
  });

  app.get('/api/patient-summary/translation', () => describeTranslation(context));

  app.post<NoteParams>('/api/notes/:noteId/patient-summary', async (request, reply) => {
    const body = parseRequestBody(DraftPatientSummaryBodySchema, request.body);
    const record = await runAudited(
      context,
      {
        action: 'patient_summary.draft',
        entityType: 'document',
        entityId: '',
        details: { noteId: request.params.noteId, language: body.language ?? null },
      },
      () => draftPatientSummary(context, request.params.noteId, body),
      (result) => ({
        entityId: result.id,
        details: { version: result.version, engine: result.summary.engine, lix: result.summary.lix },
      }),
    );
    return reply.status(201).send(record);
  });

  app.get<NoteParams>('/api/notes/:noteId/patient-summaries', async (request) => {
    const items = await runAudited(
      context,
      { action: 'patient_summary.list', entityType: 'note', entityId: request.params.noteId },
      () => context.storage.patientTools.listSummaries(request.params.noteId),
      (result) => ({ details: { count: result.length } }),
    );
    return { items };
  });

  app.get<SummaryParams>('/api/patient-summaries/:summaryId', async (request) =>
    runAudited(
      context,
      { action: 'patient_summary.read', entityType: 'document', entityId: request.params.summaryId },
      () => requirePatientSummary(context, request.params.summaryId),
    ),
  );

  app.put<SummaryParams>('/api/patient-summaries/:summaryId', async (request) => {
    const body = parseRequestBody(EditPatientSummaryBodySchema, request.body);
    return runAudited(
      context,
      {
        action: 'patient_summary.update',
        entityType: 'document',
        entityId: request.params.summaryId,
        ...(body.editedBy === undefined ? {} : { actor: body.editedBy }),
        details: { fromVersion: body.version },
      },
      () => editPatientSummary(context, request.params.summaryId, body),
      (result) => ({ details: { toVersion: result.version, lix: result.summary.lix } }),
    );
  });

  app.post<SummaryParams>('/api/patient-summaries/:summaryId/approve', async (request) => {
    const body = parseRequestBody(ApprovePatientSummaryBodySchema, request.body);
    return runAudited(
      context,
      {
        action: 'patient_summary.approve',
        entityType: 'document',
        entityId: request.params.summaryId,
        actor: body.approvedBy,
        details: { version: body.version },
      },
      () => approvePatientSummary(context, request.params.summaryId, body),
    );
  });

  app.get<SummaryParams>('/api/patient-summaries/:summaryId/pdf', async (request, reply) => {
    const pdf = await runAudited(
      context,
      { action: 'patient_summary.export_pdf', entityType: 'document', entityId: request.params.summaryId },
      async () => {
        const record = await requirePatientSummary(context, request.params.summaryId);
        return {
          language: record.language,
          bytes: await renderPatientSummaryPdf(record.summary, {
            ...(record.approvedBy === undefined ? {} : { approvedBy: record.approvedBy }),
            ...(record.approvedAt === undefined ? {} : { approvedAt: record.approvedAt }),
          }),
        };
      },
    );
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="pasientoppsummering-${pdf.language}.pdf"`)
      .send(pdf.bytes);
  });
}
