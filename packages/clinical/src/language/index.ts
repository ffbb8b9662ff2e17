import type { Language } from '@kollega/domain';
import { EN_LEXICON } from './lexicon-en';
import { NB_LEXICON } from './lexicon-nb';
import type { LanguageLexicon } from './lexicon-types';

export type { LanguageLexicon } from './lexicon-types';
export { convertNumberWords, joinBloodPressure, formatNumber } from './numbers';
export { restoreSpokenAbbreviations } from './spoken-abbreviations';
export { normalizeSpokenText } from './text';
export { detectPolarity, hasNegation, hasUncertainty } from './negation';
export { findSides, resolveLaterality, formatLaterality, startsWithCorrection } from './laterality';
export type { SideMention } from './laterality';
export { findTimeExpressions, mainTime } from './time-expressions';
export type { TimeExpression } from './time-expressions';
export { findMeasurements } from './measurements';
export type { MeasurementMention } from './measurements';
export { findDrugMentions, normalizeDrugKey, noteNameOf } from './drugs';
export type { DrugEntry, DrugMention } from './drugs';

/** The language pack (lexicon and rewrite rules) for a language. */
export function lexiconFor(language: Language): LanguageLexicon {
  return language === 'nb' ? NB_LEXICON : EN_LEXICON;
}
