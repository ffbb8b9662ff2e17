import type { Language } from '@kollega/domain';
import { COMPLAINT_MODULES } from './complaint-modules';
import { describeDuration, describeRedFlagAdvice, MAX_FREE_TEXT_LENGTH } from './questionnaire';
import type { Bilingual, ComplaintModuleId, RedFlagUrgency } from './types';
import { DURATION_OPTIONS } from './types';

/**
 * The questionnaire as JSON for the patient page (which cannot import this package): the complaint modules with
 * their questions, the words that bring each module up (a regular expression's source and flags), the red-flag
 * rules the page applies at once, the duration choices and the advice texts. The server applies the same rules
 * again on submission.
 */
export interface QuestionnaireDefinition {
  maxFreeTextLength: number;
  modules: Array<{
    id: ComplaintModuleId;
    title: Bilingual;
    keywords: { source: string; flags: string };
    questions: Array<{ id: string; text: Bilingual; hint?: Bilingual }>;
    redFlagRules: Array<{ id: string; allYes: string[]; urgency: RedFlagUrgency }>;
  }>;
  durations: Array<{ id: string; text: Bilingual }>;
  advice: Record<Language, Record<RedFlagUrgency, string>>;
}

/** The questionnaire's definition; see `QuestionnaireDefinition`. */
export function describeQuestionnaire(): QuestionnaireDefinition {
  const both = (make: (language: Language) => string): Bilingual => ({ nb: make('nb'), en: make('en') });
  return {
    maxFreeTextLength: MAX_FREE_TEXT_LENGTH,
    modules: COMPLAINT_MODULES.map((module) => ({
      id: module.id,
      title: module.title,
      keywords: { source: module.keywords.source, flags: module.keywords.flags.replace('g', '') },
      questions: module.questions.map((question) => ({
        id: question.id,
        text: question.text,
        ...(question.hint === undefined ? {} : { hint: question.hint }),
      })),
      redFlagRules: module.redFlagRules.map((rule) => ({
        id: rule.id,
        allYes: rule.allYes,
        urgency: rule.urgency,
      })),
    })),
    durations: DURATION_OPTIONS.map((id) => ({
      id,
      text: both((language) => describeDuration(id, language)),
    })),
    advice: {
      nb: {
        akutt: describeRedFlagAdvice('akutt', 'nb'),
        samme_dag: describeRedFlagAdvice('samme_dag', 'nb'),
      },
      en: {
        akutt: describeRedFlagAdvice('akutt', 'en'),
        samme_dag: describeRedFlagAdvice('samme_dag', 'en'),
      },
    },
  };
}
