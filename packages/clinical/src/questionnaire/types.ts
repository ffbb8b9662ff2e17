import type { Language } from '@kollega/domain';

/** The common complaints that get their own follow-up questions. */
export const COMPLAINT_MODULE_IDS = ['sore-throat', 'urinary', 'back-pain'] as const;
/** A complaint module id; see `COMPLAINT_MODULE_IDS`. */
export type ComplaintModuleId = (typeof COMPLAINT_MODULE_IDS)[number];

/** How long the patient has had the symptoms. */
export const DURATION_OPTIONS = ['under-1-dag', '1-3-dager', '4-7-dager', '1-4-uker', 'over-4-uker'] as const;
/** A duration choice; see `DURATION_OPTIONS`. */
export type DurationOption = (typeof DURATION_OPTIONS)[number];

/** An answer to a yes/no follow-up question. */
export const YES_NO_ANSWERS = ['ja', 'nei', 'vet-ikke'] as const;
/** A yes/no answer; see `YES_NO_ANSWERS`. */
export type YesNoAnswer = (typeof YES_NO_ANSWERS)[number];

/** Text in both languages of the questionnaire. */
export type Bilingual = Record<Language, string>;

/** What the patient answered. Free text is kept as written. */
export interface QuestionnaireAnswers {
  /** Why the patient comes (free text). */
  reason: string;
  /** Complaints the patient ticked. */
  complaints: ComplaintModuleId[];
  /** Symptoms in the patient's words. */
  symptoms: string;
  duration: DurationOption | '';
  medicines: string;
  noMedicines: boolean;
  allergies: string;
  noAllergies: boolean;
  /** What the patient hopes to get from the visit. */
  hopes: string;
  /** Follow-up answers by question id. */
  followUp: Record<string, YesNoAnswer>;
}

/** A source of a questionnaire rule, with its version and evidence tag (V, P or GK). */
export interface QuestionnaireSource {
  citation: string;
  version: string;
  evidence: 'V' | 'P' | 'GK';
}

/** How soon a red flag needs help: call 113 now, or a doctor today (own GP or out-of-hours 116117). */
export type RedFlagUrgency = 'akutt' | 'samme_dag';

/** A yes/no follow-up question of a complaint module. */
export interface FollowUpQuestion {
  id: string;
  /** The question as the patient reads it. */
  text: Bilingual;
  /** A short help text under the question. */
  hint?: Bilingual;
  /** The finding as the doctor reads it in the pre-summary ("Feber over 38,5 °C"). */
  label: Bilingual;
  /** For the Centor score: the answer that scores a point. */
  centorPointWhen?: YesNoAnswer;
}

/** A red flag: when every question in `allYes` is answered yes. */
export interface RedFlagRule {
  id: string;
  allYes: string[];
  urgency: RedFlagUrgency;
  /** What the flag means, for the doctor. */
  description: Bilingual;
  source: QuestionnaireSource;
}

/** A note for the doctor when a question is answered yes (pregnancy, cancer history). */
export interface DoctorNoteRule {
  questionId: string;
  text: Bilingual;
  source: QuestionnaireSource;
}

/** Follow-up questions for one common complaint. */
export interface ComplaintModule {
  id: ComplaintModuleId;
  /** The complaint as the patient ticks it. */
  title: Bilingual;
  /** Words in the reason or symptoms that bring the module up (Bokmål and English). */
  keywords: RegExp;
  questions: FollowUpQuestion[];
  redFlagRules: RedFlagRule[];
  doctorNotes: DoctorNoteRule[];
  source: QuestionnaireSource;
}

/** A red flag found in the answers. */
export interface QuestionnaireRedFlag {
  id: string;
  urgency: RedFlagUrgency;
  /** What the flag means, in the requested language. */
  description: string;
  /** `answer`: a follow-up answer; `free-text`: the triage rules found it in the patient's own words. */
  origin: 'answer' | 'free-text';
  questionIds: string[];
}

/** The red flags of a set of answers and the advice the patient sees at once. */
export interface QuestionnaireAssessment {
  urgency: RedFlagUrgency | 'none';
  redFlags: QuestionnaireRedFlag[];
  /** Advice to the patient in the questionnaire's language; empty when there is no red flag. */
  advice: string;
}

/** A problem with one answer, in the patient's language. `field` is `reason`, `followUp.<id>` and so on. */
export interface QuestionnaireFieldError {
  field: string;
  message: string;
}

/**
 * The answers as the doctor reads them before the consultation. Everything is "oppgitt av pasienten"
 * (reported by the patient) and kept apart from the transcript.
 */
export interface PreVisitSummary {
  language: Language;
  /** "Oppgitt av pasienten (skjema)". */
  provenance: string;
  items: Array<{ id: string; label: string; value: string }>;
  modules: Array<{
    id: ComplaintModuleId;
    title: string;
    answers: Array<{ questionId: string; label: string; answer: YesNoAnswer; answerText: string }>;
    score?: { name: string; value: number; max: number; unknown: number; text: string; source: string };
  }>;
  redFlags: QuestionnaireRedFlag[];
  notes: string[];
}
