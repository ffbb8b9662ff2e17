import type { Language } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import type {
  PreVisitSummary,
  QuestionnaireAnswers,
  QuestionnaireAssessment,
  QuestionnaireDefinition,
  QuestionnaireRedFlag,
} from '@kollega/clinical';
import {
  assessQuestionnaire,
  buildPreVisitSummary,
  describeQuestionnaire,
  findAnswerRedFlags,
  normalizeQuestionnaireAnswers,
  validateQuestionnaireAnswers,
} from '@kollega/clinical';
import type { QuestionnaireRecord } from '@kollega/storage';
import type { AppContext } from '../context';
import {
  createQuestionnaireToken,
  hashQuestionnaireToken,
  normalizeQuestionnaireToken,
} from './questionnaire-token';

/** Default lifetime of a questionnaire link. */
export const DEFAULT_QUESTIONNAIRE_HOURS = 24;

/** The path of the patient page; the token travels in the fragment, which browsers never send to a server. */
export function questionnairePath(token: string): string {
  return `/skjema#${token}`;
}

/** A questionnaire as staff see it. */
export interface QuestionnaireView {
  id: string;
  consultationId: string;
  language: Language;
  status: 'open' | 'submitted' | 'expired';
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  submittedAt?: string;
  urgency?: QuestionnaireAssessment['urgency'];
  preSummary?: PreVisitSummary;
}

/** What is stored as the assessment at submission. */
interface StoredAssessment {
  urgency: QuestionnaireAssessment['urgency'];
  redFlags: QuestionnaireRedFlag[];
}

function statusOf(record: QuestionnaireRecord, now: Date): QuestionnaireView['status'] {
  if (record.status === 'submitted') return 'submitted';
  return Date.parse(record.expiresAt) <= now.getTime() ? 'expired' : 'open';
}

function readStoredAssessment(value: unknown): StoredAssessment | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const candidate = value as Partial<StoredAssessment>;
  if (!Array.isArray(candidate.redFlags) || typeof candidate.urgency !== 'string') return undefined;
  return { urgency: candidate.urgency, redFlags: candidate.redFlags };
}

/** The staff view of a questionnaire, with the pre-summary (labels in `language`) once it is submitted. */
export function describeQuestionnaireRecord(
  record: QuestionnaireRecord,
  options: { now: Date; language: Language },
): QuestionnaireView {
  const view: QuestionnaireView = {
    id: record.id,
    consultationId: record.consultationId,
    language: record.language,
    status: statusOf(record, options.now),
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    ...(record.submittedAt === undefined ? {} : { submittedAt: record.submittedAt }),
  };
  if (record.status !== 'submitted' || record.answers === undefined) return view;
  const answers = normalizeQuestionnaireAnswers(record.answers as Partial<QuestionnaireAnswers>);
  const stored = readStoredAssessment(record.assessment);
  // Follow-up flags in the reader's language; free-text flags as found at submission (in the patient's language).
  const redFlags = [
    ...findAnswerRedFlags(answers, options.language),
    ...(stored?.redFlags.filter((flag) => flag.origin === 'free-text') ?? []),
  ];
  return {
    ...view,
    ...(stored === undefined ? {} : { urgency: stored.urgency }),
    preSummary: buildPreVisitSummary(answers, options.language, { redFlags }),
  };
}

/** Creates a questionnaire link for a consultation; the token is returned this once and only its hash is kept. */
export async function createConsultationQuestionnaire(
  context: AppContext,
  consultationId: string,
  input: { language?: Language; expiresInHours?: number; createdBy?: string },
): Promise<QuestionnaireView & { token: string; path: string }> {
  const consultation = await context.storage.consultations.findById(consultationId);
  if (!consultation)
    throw new AppError('not_found', 'Fant ikke konsultasjonen', { details: { consultationId } });
  const { token, hash } = createQuestionnaireToken();
  const now = context.now();
  const hours = input.expiresInHours ?? DEFAULT_QUESTIONNAIRE_HOURS;
  const record = await context.storage.patientTools.createQuestionnaire({
    consultationId,
    language: input.language ?? consultation.language,
    tokenHash: hash,
    createdBy: input.createdBy ?? 'anonym',
    expiresAt: new Date(now.getTime() + hours * 3_600_000).toISOString(),
  });
  return {
    ...describeQuestionnaireRecord(record, { now, language: record.language }),
    token,
    path: questionnairePath(token),
  };
}

/** The consultation's questionnaires for staff, newest first. */
export async function listConsultationQuestionnaires(
  context: AppContext,
  consultationId: string,
  language: Language,
): Promise<QuestionnaireView[]> {
  const consultation = await context.storage.consultations.findById(consultationId);
  if (!consultation)
    throw new AppError('not_found', 'Fant ikke konsultasjonen', { details: { consultationId } });
  const now = context.now();
  const records = await context.storage.patientTools.listQuestionnaires(consultationId);
  return records.map((record) => describeQuestionnaireRecord(record, { now, language }));
}

/**
 * The open questionnaire a token names. Unknown tokens are `not_found`; an expired link is `forbidden`
 * (`details.reason = expired`); a submitted one is `conflict` (`submitted`). Messages name no patient data.
 */
export async function requireOpenQuestionnaire(
  context: AppContext,
  token: string,
): Promise<QuestionnaireRecord> {
  const normalized = normalizeQuestionnaireToken(token);
  const record =
    normalized === ''
      ? undefined
      : await context.storage.patientTools.findQuestionnaireByTokenHash(hashQuestionnaireToken(normalized));
  if (!record) {
    throw new AppError(
      'not_found',
      'Lenken eller koden er ugyldig. Sjekk koden, eller spør legekontoret om en ny.',
      {
        details: { reason: 'unknown' },
      },
    );
  }
  const status = statusOf(record, context.now());
  if (status === 'submitted') {
    throw new AppError('conflict', 'Skjemaet er allerede sendt inn. Takk!', {
      details: { reason: 'submitted', questionnaireId: record.id },
    });
  }
  if (status === 'expired') {
    throw new AppError('forbidden', 'Lenken er utløpt. Spør legekontoret om en ny.', {
      details: { reason: 'expired', questionnaireId: record.id },
    });
  }
  return record;
}

/** What the patient page needs to show an open questionnaire. */
export async function openQuestionnaire(
  context: AppContext,
  token: string,
): Promise<{
  record: QuestionnaireRecord;
  view: { language: Language; expiresAt: string; definition: QuestionnaireDefinition };
}> {
  const record = await requireOpenQuestionnaire(context, token);
  return {
    record,
    view: { language: record.language, expiresAt: record.expiresAt, definition: describeQuestionnaire() },
  };
}

/** The red-flag advice for answers so far (the page asks after each free-text answer). */
export async function checkQuestionnaireAnswers(
  context: AppContext,
  input: { token: string; language?: Language; answers: Partial<QuestionnaireAnswers> },
): Promise<{
  record: QuestionnaireRecord;
  result: { urgency: QuestionnaireAssessment['urgency']; advice: string };
}> {
  const record = await requireOpenQuestionnaire(context, input.token);
  const assessment = assessQuestionnaire(
    normalizeQuestionnaireAnswers(input.answers),
    input.language ?? record.language,
  );
  return { record, result: { urgency: assessment.urgency, advice: assessment.advice } };
}

/**
 * Validates and stores the patient's answers once. A missing or invalid answer is `invalid_input` naming the
 * field (`details.field`) and the count of problems; the red flags are assessed and stored with the answers.
 */
export async function submitQuestionnaire(
  context: AppContext,
  input: { token: string; language?: Language; answers: Partial<QuestionnaireAnswers> },
): Promise<{
  record: QuestionnaireRecord;
  result: { urgency: QuestionnaireAssessment['urgency']; advice: string };
}> {
  const open = await requireOpenQuestionnaire(context, input.token);
  const language = input.language ?? open.language;
  const answers = normalizeQuestionnaireAnswers(input.answers);
  const errors = validateQuestionnaireAnswers(answers, language);
  const first = errors[0];
  if (first !== undefined) {
    throw new AppError('invalid_input', first.message, {
      details: {
        field: first.field,
        count: errors.length,
        fields: errors.map((error) => error.field).join(','),
      },
    });
  }
  const assessment = assessQuestionnaire(answers, language);
  const record = await context.storage.patientTools.submitQuestionnaire({
    id: open.id,
    answers,
    assessment: { urgency: assessment.urgency, redFlags: assessment.redFlags } satisfies StoredAssessment,
    at: context.now().toISOString(),
  });
  return { record, result: { urgency: assessment.urgency, advice: assessment.advice } };
}
