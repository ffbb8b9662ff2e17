import { findDrugMentions } from '../language/drugs';
import type { RecordAnswer, RecordPassage } from './record-types';
import type { RecordIndex } from './record-index';
import { citePassage, inverseDocumentFrequency, scorePassages } from './record-index';
import { findDates, formatNorwegianDate } from './norwegian-dates';
import { YEAR_PATTERN, dateOfSentence } from './passage-dates';
import {
  questionTerms,
  splitRecordSentences,
  splitWords,
  toSearchTerm,
  tokenizeNorwegian,
} from './norwegian-terms';

/**
 * Extractive answers from the record: retrieve passages with BM25, split them into sentences, keep the
 * sentences that hold the question's subject (and a value when one is asked for), and pick the most recent
 * ("sist", "nå"), the earliest ("første") or the best matching one. The answer is the record's own sentence,
 * dated and cited; nothing is written that the record does not say.
 */

/** How a question reads: its subject terms and what kind of answer it wants. */
export interface QuestionAnalysis {
  terms: string[];
  recency: 'latest' | 'earliest' | 'any';
  asksValue: boolean;
  asksDate: boolean;
  asksReason: boolean;
  /** A value answer must hold a number (a lab value, a dose, a weight). */
  requiresNumber: boolean;
  /** Only passages from this year (the question names one). */
  year?: string;
  /** Only passages from this day (the question names one). */
  date?: string;
}

/** Terms of things that are measured or dosed: a value question about them needs a number. */
const MEASURED_TERMS: ReadonlySet<string> = new Set(
  [
    'hba1c',
    'bt',
    'hb',
    'egfr',
    'ldl',
    'hdl',
    'kolesterol',
    'totalkolesterol',
    'kreatinin',
    'tsh',
    'ft4',
    'ferritin',
    'crp',
    'psa',
    'inr',
    'vekt',
    'bmi',
    'kmi',
    'puls',
    'temperatur',
    'glukose',
    'blodsukker',
    'kalium',
    'natrium',
    'alat',
    'asat',
    'gt',
    'b12',
    'sr',
    'lpk',
    'fev1',
    'urinsyre',
    'triglyserider',
    'albumin',
    'metning',
    'spo2',
    'høyde',
    'midjemål',
  ].map(toSearchTerm),
);

const LATEST =
  /(?<![\p{L}])(sist|siste|nyeste|senest|seneste|nå|nåværende|fortsatt|i dag|for tiden|latest|last|current|currently|now)(?![\p{L}])/iu;
const EARLIEST = /(?<![\p{L}])(første|først|opprinnelig|tidligste|first|earliest|initial)(?![\p{L}])/iu;
const VALUE =
  /verdi|hvor (?:høy|høyt|mye|lav|lavt|stor)|nivå|dose|dosering|resultat|målt|hva var|hva er|styrke|veide|veier|vekt|value|level|dose/iu;
const DOSE = /dose|dosering|styrke|mg\b|µg|veide|veier|vekt/iu;
const WHEN = /(?<![\p{L}])(når|dato|hvilket år|hvilken dato|when|date)(?![\p{L}])/iu;
const WHY = /(?<![\p{L}])(hvorfor|grunn|grunnen|årsak|årsaken|why|reason)(?![\p{L}])/iu;
const REASON_CUE =
  /(?<![\p{L}])(på grunn av|pga\.?|grunnet|fordi|som følge av|bivirkning|bivirkninger|due to|because)(?![\p{L}])/iu;
/** A number with its unit (and a frequency such as "x 2"), as records write values and doses. */
export const VALUE_PATTERN =
  /(?<![\p{L}\d])(\d+(?:[.,]\d+)?(?:\/\d+)?)(?:\s*(mmol\/mol|mmol\/l|µmol\/l|umol\/l|mg\/mmol|mg\/l|µg\/l|ug\/l|g\/dl|g\/l|mu\/l|mie\/l|mmhg|ml\/min\S*|mg|µg|mcg|kg|cm|%|ie|e)(?![\p{L}]))?(?:\s*x\s*\d+)?/giu;

/** Reads what a question asks for. */
export function analyzeRecordQuestion(question: string): QuestionAnalysis {
  const terms = questionTerms(question).filter((term) => !/^(19|20)\d{2}$/.test(term));
  const recency = LATEST.test(question) ? 'latest' : EARLIEST.test(question) ? 'earliest' : 'any';
  const asksValue = VALUE.test(question);
  const date = findDates(question)[0]?.iso;
  const year = date === undefined ? YEAR_PATTERN.exec(question)?.[1] : undefined;
  return {
    terms: terms.filter((term) => findDates(term).length === 0),
    recency,
    asksValue,
    asksDate: WHEN.test(question),
    asksReason: WHY.test(question),
    requiresNumber: asksValue && (DOSE.test(question) || terms.some((term) => MEASURED_TERMS.has(term))),
    ...(year === undefined ? {} : { year }),
    ...(date === undefined ? {} : { date }),
  };
}

/** A sentence of a passage that may answer a question, with what the choice needs. */
export interface AnswerCandidate {
  passage: RecordPassage;
  sentence: string;
  coverage: number;
  score: number;
  hasNumber: boolean;
  date?: string;
  /** `day` for a full date; `year` when the sentence names only a year. */
  precision: 'day' | 'year';
  isHeading: boolean;
  hasReason: boolean;
}

/** Spans of dates in a sentence, so their digits are not taken for values. */
function dateSpans(sentence: string): Array<[number, number]> {
  return findDates(sentence).map((mention) => [mention.index, mention.index + mention.length]);
}

/** The value a sentence reports for the question's subject: the first number after the subject word. */
export function extractValue(sentence: string, terms: readonly string[]): string | undefined {
  const spans = dateSpans(sentence);
  const lower = sentence.toLowerCase();
  let start = 0;
  for (const word of splitWords(sentence)) {
    if (terms.includes(toSearchTerm(word))) {
      const at = lower.indexOf(word);
      if (at >= 0) start = at + word.length;
      break;
    }
  }
  for (const match of sentence.slice(start).matchAll(VALUE_PATTERN)) {
    const index = start + match.index;
    if (spans.some(([from, to]) => index >= from && index < to)) continue;
    if (YEAR_PATTERN.test(match[0]) && match[0].length === 4 && match[2] === undefined) continue;
    return match[0].trim();
  }
  return undefined;
}

function hasNumberOutsideDates(sentence: string): boolean {
  const spans = dateSpans(sentence);
  for (const match of sentence.matchAll(VALUE_PATTERN)) {
    if (spans.some(([from, to]) => match.index >= from && match.index < to)) continue;
    if (/^(19|20)\d{2}$/.test(match[0].trim())) continue;
    return true;
  }
  return false;
}

/** Sort key for "latest": an imprecise (year-only) date sorts before every full date of that year. */
function latestKey(candidate: AnswerCandidate): string {
  if (candidate.date === undefined) return '';
  return candidate.precision === 'year' ? `${candidate.date.slice(0, 4)}-00-00` : candidate.date;
}

/** Sort key for "earliest": an imprecise date sorts after every full date of its year; undated last. */
function earliestKey(candidate: AnswerCandidate): string {
  if (candidate.date === undefined) return '9999';
  return candidate.precision === 'year' ? `${candidate.date.slice(0, 4)}-99-99` : candidate.date;
}

/**
 * The weight of each question term: its IDF in the record. A term the record never uses weighs half the
 * mean of the others — it may only be context ("på legekontoret") — unless it names what is asked about
 * (a measured value or a drug), which keeps its full weight so that a question about something the record
 * does not hold finds nothing.
 */
function weighTerms(index: RecordIndex, terms: readonly string[]): Map<string, number> {
  const present = terms.filter((term) => index.postings.has(term));
  const presentWeights = present.map((term) => inverseDocumentFrequency(index, term));
  const mean =
    presentWeights.length === 0
      ? 0
      : presentWeights.reduce((sum, weight) => sum + weight, 0) / presentWeights.length;
  const weights = new Map<string, number>();
  for (const term of terms) {
    if (index.postings.has(term)) weights.set(term, inverseDocumentFrequency(index, term));
    else if (MEASURED_TERMS.has(term) || findDrugMentions(term).length > 0 || present.length === 0) {
      weights.set(term, inverseDocumentFrequency(index, term));
    } else {
      weights.set(term, mean * 0.5);
    }
  }
  return weights;
}

interface AnalysedPassage {
  headingTerms: ReadonlySet<string>;
  sentences: ReadonlyArray<{ sentence: string; terms: ReadonlySet<string> }>;
}

/** Sentences and terms of a passage, computed once per passage (passages do not change once imported). */
const analysedPassages = new WeakMap<RecordPassage, AnalysedPassage>();

function analysePassage(passage: RecordPassage): AnalysedPassage {
  let analysed = analysedPassages.get(passage);
  if (!analysed) {
    analysed = {
      headingTerms: new Set(tokenizeNorwegian(passage.heading ?? '')),
      sentences: splitRecordSentences(passage.text).map((sentence) => ({
        sentence,
        terms: new Set(tokenizeNorwegian(sentence)),
      })),
    };
    analysedPassages.set(passage, analysed);
  }
  return analysed;
}

/** Options of `answerRecordQuestion`. */
export interface AnswerRecordQuestionOptions {
  /** How many passages to read sentence by sentence (default 60). */
  passageLimit?: number;
}

/** Finds the sentences that can answer the question, best first. Exposed for the model answerer. */
export function findAnswerCandidates(
  index: RecordIndex,
  analysis: QuestionAnalysis,
  options: AnswerRecordQuestionOptions = {},
): AnswerCandidate[] {
  if (analysis.terms.length === 0) return [];
  const scores = scorePassages(index, analysis.terms);
  const ranked = [...scores.entries()].sort((left, right) => right[1] - left[1]);
  const topScore = ranked[0]?.[1] ?? 0;
  const weights = weighTerms(index, analysis.terms);
  const totalWeight = [...weights.values()].reduce((sum, weight) => sum + weight, 0);
  // The best passages; and when the question asks for the latest, the earliest or a period, every passage that
  // holds its rarest term, because the newest mention need not be the best match.
  const selected = ranked.slice(0, options.passageLimit ?? 60);
  if (analysis.recency !== 'any' || analysis.year !== undefined || analysis.date !== undefined) {
    const rarest = [...weights.entries()].sort((left, right) => right[1] - left[1])[0]?.[0];
    const chosen = new Set(selected.map(([position]) => position));
    for (const posting of rarest === undefined ? [] : (index.postings.get(rarest) ?? []).slice(0, 5000)) {
      if (!chosen.has(posting.passage)) selected.push([posting.passage, scores.get(posting.passage) ?? 0]);
    }
  }
  const candidates: AnswerCandidate[] = [];
  for (const [position, score] of selected) {
    const passage = index.passages[position];
    if (passage === undefined) continue;
    const { headingTerms, sentences } = analysePassage(passage);
    for (const { sentence, terms: sentenceTerms } of sentences) {
      let covered = 0;
      for (const [term, weight] of weights) {
        if (sentenceTerms.has(term)) covered += weight;
        else if (headingTerms.has(term)) covered += weight * 0.8;
      }
      const coverage = totalWeight === 0 ? 0 : covered / totalWeight;
      if (coverage === 0) continue;
      const dated = dateOfSentence(sentence, passage);
      candidates.push({
        passage,
        sentence,
        coverage,
        score: coverage * 2 + (topScore === 0 ? 0 : (0.5 * score) / topScore),
        hasNumber: hasNumberOutsideDates(sentence),
        ...(dated.date === undefined ? {} : { date: dated.date }),
        precision: dated.precision,
        isHeading: passage.heading !== undefined && sentence.trim() === passage.heading.trim(),
        hasReason: REASON_CUE.test(sentence),
      });
    }
  }
  return candidates.sort((left, right) => right.score - left.score);
}

/** Keeps the candidates that can answer, ordered by what the question asks (recency, then match). */
export function chooseAnswerCandidates(
  candidates: readonly AnswerCandidate[],
  analysis: QuestionAnalysis,
): AnswerCandidate[] {
  const best = candidates.reduce((maximum, candidate) => Math.max(maximum, candidate.coverage), 0);
  if (best < 0.5) return [];
  let eligible = candidates.filter((candidate) => candidate.coverage >= Math.max(0.5, best * 0.75));
  const narrow = (keep: (candidate: AnswerCandidate) => boolean): void => {
    const kept = eligible.filter(keep);
    if (kept.length > 0) eligible = kept;
  };
  if (analysis.date !== undefined)
    eligible = eligible.filter((candidate) => candidate.date === analysis.date);
  if (analysis.year !== undefined)
    eligible = eligible.filter((candidate) => candidate.date?.startsWith(analysis.year ?? ''));
  if (analysis.requiresNumber) eligible = eligible.filter((candidate) => candidate.hasNumber);
  else if (analysis.asksValue) narrow((candidate) => candidate.hasNumber);
  if (analysis.asksReason) narrow((candidate) => candidate.hasReason);
  if (analysis.asksDate) narrow((candidate) => candidate.date !== undefined);
  narrow((candidate) => !candidate.isHeading);
  const byScore = (left: AnswerCandidate, right: AnswerCandidate): number => right.score - left.score;
  switch (analysis.recency) {
    case 'latest':
      return [...eligible].sort(
        (left, right) => latestKey(right).localeCompare(latestKey(left)) || byScore(left, right),
      );
    case 'earliest':
      return [...eligible].sort(
        (left, right) => earliestKey(left).localeCompare(earliestKey(right)) || byScore(left, right),
      );
    case 'any':
      return [...eligible].sort(
        (left, right) => byScore(left, right) || latestKey(right).localeCompare(latestKey(left)),
      );
  }
}

/** The answer text: the record's sentence, headed by its date when the sentence does not say it. */
function composeAnswer(candidate: AnswerCandidate): string {
  const sentence = candidate.sentence.trim();
  if (candidate.date === undefined || candidate.precision === 'year') return sentence;
  const shown = formatNorwegianDate(candidate.date);
  return sentence.includes(shown) ? sentence : `${shown}: ${sentence}`;
}

/** The "nothing found" answer, with the nearest passages as leads. */
function notFound(index: RecordIndex, question: string, analysis: QuestionAnalysis): RecordAnswer {
  const scores = scorePassages(index, analysis.terms);
  const nearest = [...scores.entries()]
    .sort((left, right) => right[1] - left[1])
    .slice(0, 3)
    .flatMap(([position]) => {
      const passage = index.passages[position];
      return passage === undefined ? [] : [citePassage(index, passage)];
    });
  return {
    question,
    answer: 'Fant ikke svar på spørsmålet i journalen.',
    found: false,
    method: 'extractive',
    citations: nearest,
    warnings:
      nearest.length > 0
        ? [{ code: 'nearest_passages', message: 'Kildene er de nærmeste treffene, ikke et svar.' }]
        : [],
  };
}

/** Answers a question from the record with an extractive, dated and cited sentence. */
export function answerRecordQuestion(
  index: RecordIndex,
  question: string,
  options: AnswerRecordQuestionOptions = {},
): RecordAnswer {
  const analysis = analyzeRecordQuestion(question);
  const chosen = chooseAnswerCandidates(findAnswerCandidates(index, analysis, options), analysis);
  const top = chosen[0];
  if (top === undefined) return notFound(index, question, analysis);
  const value = analysis.asksValue ? extractValue(top.sentence, analysis.terms) : undefined;
  return {
    question,
    answer: composeAnswer(top),
    found: true,
    method: 'extractive',
    ...(top.date === undefined || top.precision === 'year' ? {} : { date: top.date }),
    ...(value === undefined ? {} : { value }),
    citations: [citePassage(index, top.passage, top.sentence)],
    warnings: [],
  };
}
