import { z } from 'zod';
import { LanguageSchema } from '@kollega/domain';
import {
  COMPLAINT_MODULE_IDS,
  DURATION_OPTIONS,
  MAX_FREE_TEXT_LENGTH,
  YES_NO_ANSWERS,
} from '@kollega/clinical';

/** POST /api/consultations/:id/questionnaires. */
export const CreateQuestionnaireBodySchema = z.object({
  language: LanguageSchema.optional(),
  /** Hours until the link expires (default 24, at most a week). */
  expiresInHours: z.number().int().min(1).max(168).optional(),
  createdBy: z.string().trim().min(1).max(200).optional(),
});

/** The token (or code) as the patient's page sends it. */
const TokenSchema = z.string().trim().min(1).max(64);

const FreeTextSchema = z.string().max(MAX_FREE_TEXT_LENGTH);

/** The answers as the page sends them; missing fields count as empty. */
export const QuestionnaireAnswersSchema = z.object({
  reason: FreeTextSchema.default(''),
  complaints: z.array(z.enum(COMPLAINT_MODULE_IDS)).max(COMPLAINT_MODULE_IDS.length).default([]),
  symptoms: FreeTextSchema.default(''),
  duration: z.union([z.enum(DURATION_OPTIONS), z.literal('')]).default(''),
  medicines: FreeTextSchema.default(''),
  noMedicines: z.boolean().default(false),
  allergies: FreeTextSchema.default(''),
  noAllergies: z.boolean().default(false),
  hopes: FreeTextSchema.default(''),
  followUp: z.record(z.string().max(64), z.enum(YES_NO_ANSWERS)).default({}),
});

/** POST /api/questionnaire/open. */
export const OpenQuestionnaireBodySchema = z.object({ token: TokenSchema });

/** POST /api/questionnaire/check and /submit. */
export const QuestionnaireAnswersBodySchema = z.object({
  token: TokenSchema,
  language: LanguageSchema.optional(),
  answers: QuestionnaireAnswersSchema,
});

/** The advice a patient sees for red flags. */
export const QuestionnaireAdviceSchema = z.object({
  urgency: z.enum(['akutt', 'samme_dag', 'none']),
  advice: z.string(),
});

/** A questionnaire as staff see it: never the token, except once on creation. */
export const QuestionnaireSummarySchema = z.object({
  id: z.string(),
  consultationId: z.string(),
  language: LanguageSchema,
  status: z.enum(['open', 'submitted', 'expired']),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  submittedAt: z.string().optional(),
  urgency: z.enum(['akutt', 'samme_dag', 'none']).optional(),
  preSummary: z.record(z.string(), z.unknown()).optional(),
});

/** The response of creating a questionnaire: the one time the token is shown. */
export const CreatedQuestionnaireSchema = QuestionnaireSummarySchema.extend({
  token: z.string(),
  /** The patient page with the token in the fragment (not sent to the server, not in logs or referrers). */
  path: z.string(),
});

/** GET /api/consultations/:id/questionnaires. */
export const QuestionnaireListSchema = z.object({ items: z.array(QuestionnaireSummarySchema) });

/** The patient's view of an open questionnaire. */
export const OpenedQuestionnaireSchema = z.object({
  language: LanguageSchema,
  expiresAt: z.string(),
  definition: z.record(z.string(), z.unknown()),
});

/** A language code: `nb`, `en`, or another ISO 639-1 code for a machine translation. */
export const SummaryLanguageSchema = z.string().regex(/^[a-z]{2,3}$/, 'to eller tre små bokstaver (ISO 639)');

/** POST /api/notes/:noteId/patient-summary. */
export const DraftPatientSummaryBodySchema = z.object({ language: SummaryLanguageSchema.optional() });

/** GET …?language=. */
export const LanguageQuerySchema = z.object({ language: LanguageSchema.optional() });

/** One edited sentence; `evidence` is kept from the draft when left out. */
const EditedSentenceSchema = z.object({
  id: z.string().max(40).optional(),
  text: z.string().trim().min(1).max(1000),
  evidence: z.array(z.string().max(200)).max(50).optional(),
  layout: z.enum(['text', 'lead', 'item']).optional(),
});

/** PUT /api/patient-summaries/:summaryId. */
export const EditPatientSummaryBodySchema = z.object({
  version: z.number().int().positive(),
  editedBy: z.string().trim().min(1).max(200).optional(),
  sections: z
    .array(z.object({ id: z.string().max(40), sentences: z.array(EditedSentenceSchema).max(200) }))
    .max(10),
});

/** POST /api/patient-summaries/:summaryId/approve. */
export const ApprovePatientSummaryBodySchema = z.object({
  approvedBy: z.string().trim().min(1).max(200),
  version: z.number().int().positive(),
  /** Needed when sentences are still flagged: the doctor confirms having checked them. */
  confirmFlagged: z.boolean().optional(),
});

/** A stored patient summary. */
export const PatientSummaryRecordSchema = z.object({
  id: z.string(),
  noteId: z.string(),
  consultationId: z.string(),
  language: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'approved']),
  summary: z.record(z.string(), z.unknown()),
  approvedBy: z.string().optional(),
  approvedAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** GET /api/notes/:noteId/patient-summaries. */
export const PatientSummaryListSchema = z.object({ items: z.array(PatientSummaryRecordSchema) });

/** GET /api/patient-summary/translation. */
export const TranslationStatusSchema = z.object({
  available: z.boolean(),
  model: z.string().nullable(),
  message: z.string(),
});
