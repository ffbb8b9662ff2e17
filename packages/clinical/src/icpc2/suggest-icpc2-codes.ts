import type { Fact } from '@kollega/domain';
import { buildClauses, clausesFromFacts, isNegatedAt, type Clause } from '../antibiotics/clauses';
import { detectInfectionCondition, isAssessmentAt } from '../antibiotics/detect-condition';
import { computeCentorScore, extractAntibioticFindings } from '../antibiotics/findings';
import { GUIDELINE_RULES } from '../antibiotics/guideline-rules';
import { findDrugMentions, wordStartRegExp } from '../antibiotics/spoken-text';
import type { AntibioticFindings, DecisionInput, InfectionCondition } from '../antibiotics/types';
import { componentOf, findIcpc2Code, listIcpc2Codes, type Icpc2Entry } from './code-list';
import { ATC_PROBLEM_HINTS, ICPC2_SYNONYMS } from './synonyms';

/**
 * ICPC-2 suggestions: retrieve candidates from the consultation by lexical match of symptom and diagnosis
 * words (a synonym table from lay and clinical Norwegian to ICPC-2, and the list's own titles), then choose
 * and rank from the official list. A diagnosis the doctor states outranks symptoms; the reason for encounter
 * (told at the start) and repeated mentions weigh more; the antibiotic condition, when detected, adds its
 * code. Relatives' and third persons' problems, conditionals, questions, negations, prevention and tests
 * ("vaksine mot helvetesild", "prøve for cøliaki") and suspected cancer never become a code.
 */

/** One suggested code, with the segments it rests on. */
export interface Icpc2Suggestion {
  system: 'ICPC-2';
  code: string;
  title: string;
  /** Relative score in (0, 1]: 1 for the best code. */
  score: number;
  evidence: string[];
}

/** Options for `suggestIcpc2Codes`. */
export interface SuggestIcpc2Options {
  /** How many codes to return (default 5). */
  limit?: number;
  /** The antibiotic condition, when the caller has detected it (otherwise it is detected here). */
  antibioticCondition?: InfectionCondition | null;
  /** Clauses already built from the transcript (saves re-reading it). */
  clauses?: readonly Clause[];
  /** Findings already extracted (saves re-reading them). */
  findings?: AntibioticFindings;
}

interface Contribution {
  weight: number;
  segmentId: string;
  order: number;
}

const OPENING_SEGMENTS = 8;
const DECAY = 0.6;
const WEIGHT = {
  doctor: 1,
  other: 0.8,
  diagnosisComponent: 1.5,
  doctorAssessment: 2.5,
  opening: 1.3,
  titleMatch: 0.5,
  drugHint: 0.8,
  drugHintCap: 1.2,
  conditionPrimary: 3,
  conditionOther: 1,
  negatedAssessmentPenalty: 2,
  suspectedWorkup: 2,
  history: 0.3,
  residualCategory: 0.5,
} as const;

const COMPILED_SYNONYMS = ICPC2_SYNONYMS.map((synonym) => ({
  ...synonym,
  regexp: wordStartRegExp(synonym.pattern, 'giu'),
}));

/** Prevention, testing and risk talk: "vaksine mot …", "prøve for …", "utelukke …" — not the patient's problem. */
const NOT_A_PROBLEM_BEFORE =
  /(?:vaksine\w* (?:mot|for)|vaksinert mot|prøve\w* (?:for|på)|test\w* (?:for|på)|screening for|utelukke|undersøke for|sjekke for|risiko for|forebygge|forebyggende mot|hindre|skjermbilde for|pakkeforløp for)\s+(?:\S+\s+){0,3}$/u;
const SUSPECTED_WORKUP = wordStartRegExp('mistanke|mistenk|utelukke|pakkeforløp|henvis');
const SUSPICION = wordStartRegExp(
  'mistanke|mistenk|utelukke|pakkeforløp|henvis|kan være|undersøkes|redd for|bekymret|engstelig|frykt|risiko|arvelig|i familien',
);

/** Title words too general to point at one problem on their own. */
const GENERIC_TITLE_WORDS = new Set([
  'symptomer',
  'plager',
  'sykdom',
  'infeksjon',
  'skade',
  'uspesifisert',
  'medfødt',
  'engstelig',
  'redusert',
  'funksjonsevne',
  'problem',
  'bekymret',
  'opptatt',
  'utseende',
  'kronisk',
  'akutt',
  'generell',
  'lokalisert',
  'unormal',
  'unormalt',
  'annen',
  'andre',
  'forstyrrelse',
  'komplikasjon',
  'komplikasjoner',
  'følelse',
  'forhold',
  'familie',
  'foreldre',
  'partner',
  'system',
  'systemet',
  'organ',
  'kroppen',
  'behandling',
  'mistenkt',
  'sannsynlig',
  'bekreftet',
  'definert',
  'utbruddssykdom',
  'betennelse',
  'undersøkelse',
  'kontakt',
  'smerte',
  'ømhet',
  'steder',
  'flere',
  'etter',
  'med',
  'uten',
  'ika',
  'og',
  'i',
  'av',
  'pga',
  'hos',
  'ved',
  'til',
  'fhi',
]);
/** Title words that are also everyday words ("det stemmer", "tunge løft", "sjelden bivirkning", "vondt i brystet"). */
const AMBIGUOUS_TITLE_WORDS = new Set([
  'stemme',
  'tunge',
  'trykk',
  'hyppig',
  'sjelden',
  'gammel',
  'menneske',
  'atferd',
  'seksuelt',
  'sosialt',
  'bryst',
  'lepper',
  'venner',
  'trygd',
  'politi',
]);
/** Titles that must never be suggested from a title word alone (serious or certain-only diagnoses). */
const SERIOUS_TITLE =
  /svulst|ondartet|brudd|infarkt|slag|emboli|død|selvmord|abort|sepsis|leukemi|lymfom|hiv|aids|tuberkulose|meningitt|psykose|schizofreni|hodgkin|dødfødt|forgiftning/iu;

/**
 * A title as words to find: ICPC-2 titles share qualifiers across a slash ("Kvalme/brekninger svangerskap" is
 * nausea or vomiting *in pregnancy*; "Menstruasjon sparsom/sjelden" is scanty or infrequent *menstruation*),
 * so every word outside a slash group is required and each slash group needs one of its alternatives.
 */
interface TitlePattern {
  required: string[];
  groups: string[][][];
  entry: Icpc2Entry;
}

function contentWords(text: string): string[] {
  return (text.match(/[\p{L}]+/gu) ?? []).filter((word) => !GENERIC_TITLE_WORDS.has(word));
}

let titleIndex: TitlePattern[] | undefined;
function titlePatterns(): TitlePattern[] {
  titleIndex ??= listIcpc2Codes().flatMap((entry) => {
    if (SERIOUS_TITLE.test(entry.title)) return [];
    const required: string[] = [];
    const groups: string[][][] = [];
    for (const token of entry.title
      .toLowerCase()
      .replace(/\([^)]*\)/gu, ' ')
      .split(/\s+/u)) {
      if (token.includes('/')) {
        const alternatives = token
          .split('/')
          .map(contentWords)
          .filter((words) => words.length > 0);
        if (alternatives.length > 0) groups.push(alternatives);
      } else {
        required.push(...contentWords(token));
      }
    }
    const allWords = [...required, ...groups.flat(2)];
    // short words ("hud", "øre", "kne") and everyday words are too ambiguous to match on
    if (allWords.length === 0 || allWords.some((word) => word.length < 4 || AMBIGUOUS_TITLE_WORDS.has(word)))
      return [];
    return [{ required, groups, entry }];
  });
  return titleIndex;
}

let titleWordIndex: Map<string, TitlePattern[]> | undefined;
/** The title patterns that contain one of the clause's words (or its stem): the only ones worth matching. */
function candidateTitlePatterns(tokens: readonly string[]): Set<TitlePattern> {
  if (!titleWordIndex) {
    titleWordIndex = new Map();
    for (const pattern of titlePatterns()) {
      for (const word of [...pattern.required, ...pattern.groups.flat(2)]) {
        const list = titleWordIndex.get(word) ?? [];
        if (!list.includes(pattern)) list.push(pattern);
        titleWordIndex.set(word, list);
      }
    }
  }
  const candidates = new Set<TitlePattern>();
  for (const token of tokens) {
    for (let cut = 0; cut <= 3 && token.length - cut >= 4; cut += 1) {
      const stem = token.slice(0, token.length - cut);
      if (cut > 0 && stem.length < 5) break;
      for (const pattern of titleWordIndex.get(stem) ?? []) candidates.add(pattern);
    }
  }
  return candidates;
}

/** The token positions that say the title, or undefined; one word alone must be specific ("migrene", not "blod"). */
function matchTitle(pattern: TitlePattern, tokens: readonly string[]): number[] | undefined {
  const positions: number[] = [];
  for (const word of pattern.required) {
    const position = findWord(tokens, word);
    if (position < 0) return undefined;
    positions.push(position);
  }
  for (const group of pattern.groups) {
    const alternative = group
      .map((words) => words.map((word) => findWord(tokens, word)))
      .find((found) => found.every((position) => position >= 0));
    if (!alternative) return undefined;
    positions.push(...alternative);
  }
  if (positions.length === 0) return undefined;
  if (positions.length === 1 && (tokens[positions[0] ?? 0]?.length ?? 0) < 5) return undefined;
  return positions;
}

/** The index in `tokens` of a token that is `word` or `word` with a short ending ("hodepinen", "migrenen"). */
function findWord(tokens: readonly string[], word: string): number {
  return tokens.findIndex(
    (token) =>
      token === word || (token.startsWith(word) && token.length - word.length <= 3 && word.length >= 5),
  );
}

function isUsable(clause: Clause): boolean {
  return !clause.aboutOther && !clause.isConditional && !clause.isQuestion;
}

function baseWeight(clause: Clause, code: string, index: number): number {
  let weight = clause.speaker === 'lege' ? WEIGHT.doctor : WEIGHT.other;
  if (componentOf(code) === 'diagnosis') {
    weight *= WEIGHT.diagnosisComponent;
    if (isAssessmentAt(clause, index)) weight *= WEIGHT.doctorAssessment;
  }
  if (clause.segmentIndex < OPENING_SEGMENTS) weight *= WEIGHT.opening;
  if (clause.isHistory) weight *= WEIGHT.history;
  return weight;
}

/** The code the detected infection is usually coded as, given the findings (sore throat: strep A, Centor, cold symptoms). */
export function codeForInfection(condition: InfectionCondition, findings: AntibioticFindings): string {
  if (condition === 'sore-throat') {
    if (findings.strepA?.value === 'positive' || findings.scarletFever?.value) return 'R72';
    if (findings.strepA?.value !== 'negative' && computeCentorScore(findings).score >= 3) return 'R76';
    if (findings.cough?.value) return 'R74';
    return 'R21';
  }
  const rule = Object.values(GUIDELINE_RULES).find((candidate) => candidate.condition === condition);
  return rule?.icpc2[0] ?? 'A78';
}

/** Suggests ICPC-2 codes for a consultation, best first; every code comes from the official list. */
export function suggestIcpc2Codes(
  input: DecisionInput,
  options: SuggestIcpc2Options = {},
): Icpc2Suggestion[] {
  const transcriptClauses = options.clauses ?? buildClauses(input.transcript);
  const clauses = [
    ...transcriptClauses,
    ...clausesFromFacts(input.facts, new Set<Fact['kind']>(['diagnosis'])),
  ];
  const findings = options.findings ?? extractAntibioticFindings(input, transcriptClauses);
  const sex = input.sex ?? findings.sex?.value;
  const contributions = new Map<string, Contribution[]>();
  const penalties = new Map<string, number>();
  const suspectedChapters = new Set<string>();
  let order = 0;
  const add = (code: string, weight: number, clause: Clause): void => {
    if (!findIcpc2Code(code)) return;
    const list = contributions.get(code) ?? [];
    list.push({ weight, segmentId: clause.segmentId, order: order++ });
    contributions.set(code, list);
  };

  for (const clause of clauses) {
    if (clause.aboutOther || clause.isConditional || clause.isQuestion) continue;
    const matchedHere = new Set<string>();
    // an extracted diagnosis fact only adds a code the transcript's own words did not already give for its segment
    const addFromClause = (code: string, weight: number): void => {
      if (clause.fromFact) {
        if (
          (contributions.get(code) ?? []).some((contribution) => contribution.segmentId === clause.segmentId)
        )
          return;
        add(
          code,
          WEIGHT.doctor * (componentOf(code) === 'diagnosis' ? WEIGHT.diagnosisComponent : 1),
          clause,
        );
        return;
      }
      add(code, weight, clause);
    };
    for (const synonym of COMPILED_SYNONYMS) {
      synonym.regexp.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = synonym.regexp.exec(clause.text)) !== null) {
        const before = clause.text.slice(Math.max(0, match.index - 60), match.index);
        const preventionOrTest = NOT_A_PROBLEM_BEFORE.test(before);
        const negated = isNegatedAt(clause.text, match.index, match[0].length);
        // "henviser til pakkeforløp for tarmkreft", "vi må utelukke …": a work-up of the chapter's symptoms
        if (
          synonym.needsCertainty &&
          clause.speaker === 'lege' &&
          !negated &&
          (preventionOrTest || SUSPECTED_WORKUP.test(clause.text))
        ) {
          for (const code of synonym.codes) suspectedChapters.add(code.charAt(0));
        }
        if (preventionOrTest) continue;
        const word = clause.text.slice(match.index).split(/\s/u)[0] ?? '';
        if (/vaksin/u.test(word)) continue;
        for (const code of synonym.codes) {
          if (negated) {
            // "ingenting som tyder på lungebetennelse": the doctor rules the diagnosis out
            if (
              clause.speaker === 'lege' &&
              componentOf(code) === 'diagnosis' &&
              /tyder på|tegn (?:til|på)|ikke (?:en|et)\b/u.test(clause.text)
            ) {
              penalties.set(code, (penalties.get(code) ?? 0) + WEIGHT.negatedAssessmentPenalty);
            }
            continue;
          }
          if (synonym.needsCertainty && (SUSPICION.test(clause.text) || !isAssessmentAt(clause, match.index)))
            continue;
          addFromClause(code, baseWeight(clause, code, match.index));
          matchedHere.add(code);
        }
      }
    }
    // the list's own titles: words the synonym table does not know
    const tokens = clause.text.match(/[\p{L}]+/gu) ?? [];
    for (const pattern of candidateTitlePatterns(tokens)) {
      const { entry } = pattern;
      if (matchedHere.has(entry.code)) continue;
      // "(K)" titles are for women, "(M)" titles for men
      if (
        (sex === 'male' && entry.title.includes('(K)')) ||
        (sex === 'female' && entry.title.includes('(M)'))
      )
        continue;
      const positions = matchTitle(pattern, tokens);
      if (!positions) continue;
      const firstToken = tokens[Math.min(...positions)] ?? '';
      const index = clause.text.indexOf(firstToken);
      // "leveren er ikke forstørret": a negation between the title's words negates the title
      const between = tokens.slice(Math.min(...positions), Math.max(...positions) + 1);
      if (between.some((token) => /^(?:ikke|ingen|ingenting|uten)$/u.test(token))) continue;
      if (
        isNegatedAt(clause.text, index, firstToken.length) ||
        NOT_A_PROBLEM_BEFORE.test(clause.text.slice(Math.max(0, index - 60), index))
      )
        continue;
      if (/vaksin/u.test(firstToken)) continue;
      addFromClause(entry.code, baseWeight(clause, entry.code, index) * WEIGHT.titleMatch);
      matchedHere.add(entry.code);
    }
  }

  // drugs the patient uses or is given hint at the problem they are for
  const hintWeights = new Map<string, number>();
  for (const clause of transcriptClauses) {
    if (!isUsable(clause)) continue;
    for (const mention of findDrugMentions(clause.original)) {
      if (isNegatedAt(clause.text, mention.start, mention.end - mention.start)) continue;
      for (const hint of ATC_PROBLEM_HINTS) {
        if (!mention.drug.atc.startsWith(hint.atcPrefix)) continue;
        for (const code of hint.codes) {
          const used = hintWeights.get(code) ?? 0;
          const weight = Math.min(WEIGHT.drugHint * (used === 0 ? 1 : 0.25), WEIGHT.drugHintCap - used);
          if (weight <= 0) continue;
          hintWeights.set(code, used + weight);
          add(code, weight, clause);
        }
      }
    }
  }

  // the antibiotic condition, when there is one, adds its usual code
  const condition =
    options.antibioticCondition === undefined
      ? detectInfectionCondition(transcriptClauses, findings)?.condition
      : options.antibioticCondition;
  const boosts = new Map<string, number>();
  if (condition) {
    const primary = codeForInfection(condition, findings);
    boosts.set(primary, WEIGHT.conditionPrimary);
    const rule = Object.values(GUIDELINE_RULES).find((candidate) => candidate.condition === condition);
    for (const code of rule?.icpc2 ?? []) {
      if (code !== primary && contributions.has(code)) boosts.set(code, WEIGHT.conditionOther);
    }
  }

  const scored: Array<{ code: string; score: number; evidence: string[]; firstOrder: number }> = [];
  const codes = new Set([...contributions.keys(), ...boosts.keys()]);
  for (const code of codes) {
    const list = [...(contributions.get(code) ?? [])].sort((first, second) => second.weight - first.weight);
    let score = list.reduce(
      (sum, contribution, position) => sum + contribution.weight * DECAY ** position,
      0,
    );
    score += boosts.get(code) ?? 0;
    score -= penalties.get(code) ?? 0;
    // a suspected serious diagnosis is coded by its symptoms until it is confirmed
    if (suspectedChapters.has(code.charAt(0)) && componentOf(code) === 'symptom' && list.length > 0)
      score += WEIGHT.suspectedWorkup;
    if (score <= 0) continue;
    const evidence = [...new Set(list.map((contribution) => contribution.segmentId))].slice(0, 6);
    const firstOrder = Math.min(
      ...(contributions.get(code) ?? [{ order: Number.MAX_SAFE_INTEGER }]).map(
        (contribution) => contribution.order,
      ),
    );
    scored.push({ code, score, evidence, firstOrder });
  }
  // an "IKA" code (not classified elsewhere) gives way to a specific code of the same chapter and component
  for (const candidate of scored) {
    const title = findIcpc2Code(candidate.code)?.title ?? '';
    if (!/\bIKA\b/u.test(title)) continue;
    const specific = scored.some(
      (other) =>
        other !== candidate &&
        other.code.charAt(0) === candidate.code.charAt(0) &&
        componentOf(other.code) === componentOf(candidate.code) &&
        !/\bIKA\b/u.test(findIcpc2Code(other.code)?.title ?? '') &&
        other.score >= candidate.score * 0.5,
    );
    if (specific) candidate.score *= WEIGHT.residualCategory;
  }
  // process codes (-30 … -69) only when nothing else is found; the shipped list has none, so none is invented
  const nonProcess = scored.filter((candidate) => componentOf(candidate.code) !== 'process');
  const pool = nonProcess.length > 0 ? nonProcess : scored;
  pool.sort((first, second) => second.score - first.score || first.firstOrder - second.firstOrder);
  const top = pool[0]?.score ?? 1;
  return pool.slice(0, options.limit ?? 5).map((candidate) => {
    const entry = findIcpc2Code(candidate.code);
    return {
      system: 'ICPC-2' as const,
      code: candidate.code,
      title: entry?.title ?? candidate.code,
      score: Math.round((candidate.score / top) * 100) / 100,
      evidence: candidate.evidence,
    };
  });
}
