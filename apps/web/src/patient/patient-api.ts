import type { Language, Support } from '@kollega/domain';
import { ApiError } from '../api';

/** Text in both questionnaire languages. */
export type Bilingual = Record<Language, string>;

/** A yes/no follow-up answer. */
export type YesNoAnswer = 'ja' | 'nei' | 'vet-ikke';

/** How urgent the patient's answers are. */
export type Urgency = 'akutt' | 'samme_dag' | 'none';

/** The questionnaire as the server describes it (see `describeQuestionnaire` in @kollega/clinical). */
export interface QuestionnaireDefinition {
  maxFreeTextLength: number;
  modules: Array<{
    id: string;
    title: Bilingual;
    keywords: { source: string; flags: string };
    questions: Array<{ id: string; text: Bilingual; hint?: Bilingual }>;
    redFlagRules: Array<{ id: string; allYes: string[]; urgency: Exclude<Urgency, 'none'> }>;
  }>;
  durations: Array<{ id: string; text: Bilingual }>;
  advice: Record<Language, Record<Exclude<Urgency, 'none'>, string>>;
}

/** The patient's answers. */
export interface QuestionnaireAnswers {
  reason: string;
  complaints: string[];
  symptoms: string;
  duration: string;
  medicines: string;
  noMedicines: boolean;
  allergies: string;
  noAllergies: boolean;
  hopes: string;
  followUp: Record<string, YesNoAnswer>;
}

/** The doctor's pre-visit summary (see `PreVisitSummary` in @kollega/clinical). */
export interface PreVisitSummary {
  language: Language;
  provenance: string;
  items: Array<{ id: string; label: string; value: string }>;
  modules: Array<{
    id: string;
    title: string;
    answers: Array<{ questionId: string; label: string; answer: YesNoAnswer; answerText: string }>;
    score?: { name: string; value: number; max: number; unknown: number; text: string; source: string };
  }>;
  redFlags: Array<{ id: string; urgency: Exclude<Urgency, 'none'>; description: string; origin: string }>;
  notes: string[];
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
  urgency?: Urgency;
  preSummary?: PreVisitSummary;
}

/** One sentence of a patient summary (see `PatientSummary` in @kollega/clinical). */
export interface PatientSummarySentence {
  id: string;
  text: string;
  evidence: string[];
  origin: 'note' | 'guideline' | 'edited';
  layout: 'text' | 'lead' | 'item';
  source?: string;
  support?: Support;
}

/** A patient summary. */
export interface PatientSummary {
  language: string;
  noteLanguage: Language;
  title: string;
  sections: Array<{ id: string; title: string; sentences: PatientSummarySentence[] }>;
  sources: Array<{ id: string; citation: string; version: string; evidence: 'V' | 'P' | 'GK' }>;
  conditions: Array<{ id: string; label: string; statementIds: string[] }>;
  lix: number;
  engine: string;
  machineTranslated: boolean;
}

/** A stored patient summary. */
export interface PatientSummaryRecord {
  id: string;
  noteId: string;
  consultationId: string;
  language: string;
  version: number;
  status: 'draft' | 'approved';
  summary: PatientSummary;
  approvedBy?: string;
  approvedAt?: string;
  createdAt: string;
  updatedAt: string;
}

async function send<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch {
    throw new ApiError({ code: 'network', message: 'network', status: 0 });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (
      body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | undefined
    )?.error;
    throw new ApiError({
      code: error?.code ?? 'http',
      message: error?.message ?? `HTTP ${response.status}`,
      status: response.status,
      details: error?.details ?? {},
    });
  }
  return body as T;
}

const encode = encodeURIComponent;

/** Opens a questionnaire with its token or typed code. */
export function openQuestionnaire(
  token: string,
): Promise<{ language: Language; expiresAt: string; definition: QuestionnaireDefinition }> {
  return send('/api/questionnaire/open', { method: 'POST', body: { token } });
}

/** Asks the server for red flags in the answers so far (the free text goes through the triage rules). */
export function checkQuestionnaire(
  token: string,
  language: Language,
  answers: QuestionnaireAnswers,
): Promise<{ urgency: Urgency; advice: string }> {
  return send('/api/questionnaire/check', { method: 'POST', body: { token, language, answers } });
}

/** Sends the answers (once). */
export function submitQuestionnaire(
  token: string,
  language: Language,
  answers: QuestionnaireAnswers,
): Promise<{ urgency: Urgency; advice: string }> {
  return send('/api/questionnaire/submit', { method: 'POST', body: { token, language, answers } });
}

/** The consultation's questionnaires with pre-summaries (labels in `language`). */
export async function listQuestionnaires(
  consultationId: string,
  language: Language,
): Promise<QuestionnaireView[]> {
  const body = await send<{ items: QuestionnaireView[] }>(
    `/api/consultations/${encode(consultationId)}/questionnaires?language=${language}`,
  );
  return body.items;
}

/** Creates a one-time questionnaire link; the token is in the answer this once. */
export function createQuestionnaireLink(
  consultationId: string,
  input: { language: Language; createdBy?: string },
): Promise<QuestionnaireView & { token: string; path: string }> {
  return send(`/api/consultations/${encode(consultationId)}/questionnaires`, { method: 'POST', body: input });
}

/** Whether a language model can translate summaries. */
export function getTranslationStatus(): Promise<{
  available: boolean;
  model: string | null;
  message: string;
}> {
  return send('/api/patient-summary/translation');
}

/** The note's patient summaries. */
export async function listPatientSummaries(noteId: string): Promise<PatientSummaryRecord[]> {
  const body = await send<{ items: PatientSummaryRecord[] }>(
    `/api/notes/${encode(noteId)}/patient-summaries`,
  );
  return body.items;
}

/** Drafts the patient summary of an approved note in a language. */
export function draftPatientSummary(noteId: string, language: string): Promise<PatientSummaryRecord> {
  return send(`/api/notes/${encode(noteId)}/patient-summary`, { method: 'POST', body: { language } });
}

/** Saves the doctor's edit. */
export function savePatientSummary(
  summaryId: string,
  input: {
    version: number;
    editedBy?: string;
    sections: Array<{ id: string; sentences: Array<{ id?: string; text: string; layout?: string }> }>;
  },
): Promise<PatientSummaryRecord> {
  return send(`/api/patient-summaries/${encode(summaryId)}`, { method: 'PUT', body: input });
}

/** Approves the summary in the doctor's name. */
export function approvePatientSummary(
  summaryId: string,
  input: { approvedBy: string; version: number; confirmFlagged?: boolean },
): Promise<PatientSummaryRecord> {
  return send(`/api/patient-summaries/${encode(summaryId)}/approve`, { method: 'POST', body: input });
}

/** Where the PDF of a summary is downloaded from. */
export function patientSummaryPdfUrl(summaryId: string): string {
  return `/api/patient-summaries/${encode(summaryId)}/pdf`;
}
