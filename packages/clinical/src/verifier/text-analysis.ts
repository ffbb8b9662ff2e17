/**
 * Turns note and transcript text into comparable tokens: lay phrases rewritten to one word ("tung i pusten" →
 * dyspne), note shorthand expanded (us. → undersøkelse, h. → høyre), words stemmed and mapped to a synonym
 * group, with negation cues, side words, times and diagnoses found along the way.
 */
import type { Language } from '@kollega/domain';
import { EN_LEXICON } from './lexicon-en';
import { NB_LEXICON } from './lexicon-nb';
import type { VerifierLexicon } from './lexicon-types';
import type { Quantity } from './quantities';
import { extractQuantities } from './quantities';
import { foldText, globalWordRegExp, stemWord, wordRegExp } from './text-tools';

/** One word of an analysed text. */
export interface AnalysedToken {
  /** The word as it stands after phrase rewriting (lower case). */
  surface: string;
  stem: string;
  /** The stem mapped to its synonym group's first word. */
  canonical: string;
  position: number;
  stopword: boolean;
  negation: boolean;
  postNegation: boolean;
  scopeBreaker: boolean;
  /** Punctuation that ends a clause (`,`, `;`, `.`, `?`, `(`, `)`). */
  punctuation: string | undefined;
}

/** A time expression and its key. */
export interface TimeMention {
  key: string;
  text: string;
}

/** A compiled lexicon with lookup tables. */
export interface CompiledLexicon {
  lexicon: VerifierLexicon;
  language: Language;
  phrases: ReadonlyArray<readonly [RegExp, string]>;
  abbreviations: ReadonlyMap<string, string>;
  synonyms: ReadonlyMap<string, string>;
  stopwords: ReadonlySet<string>;
  negationCues: ReadonlySet<string>;
  postNegationCues: ReadonlySet<string>;
  scopeBreakers: ReadonlySet<string>;
  times: ReadonlyArray<{ pattern: RegExp; key: string }>;
  diagnoses: ReadonlyArray<{
    id: string;
    exactWords: readonly string[];
    compoundWords: readonly string[];
    phrases: RegExp | undefined;
    evidence: RegExp;
  }>;
  diagnosisSuffix: RegExp;
  kinTerms: RegExp;
  kinNotSubject: RegExp;
  possessiveOther: RegExp;
  firstPerson: RegExp;
  thirdPerson: RegExp;
  negativeAnswer: RegExp;
  positiveAnswer: RegExp;
  questionStart: RegExp;
  /** A question's opening anywhere in a turn ("det høres plagsomt ut har du sett blod …"). */
  questionInside: RegExp;
  /** A sentence that opens as a question whoever speaks ("But have you ever …", "Er det farlig"): no leading words. */
  questionOpening: RegExp;
  hypotheticalCues: RegExp;
  conditionalStatement: RegExp;
  discussionCues: RegExp;
  processCues: RegExp;
  planCues: RegExp;
  listCues: RegExp;
  bodySites: readonly string[];
  clinicalWords: RegExp;
  settingWords: RegExp;
  accompanyCues: RegExp;
  scoreNames: RegExp;
  numberPhrases: ReadonlyArray<readonly [RegExp, string]>;
  allergyWords: RegExp;
}

const compiledLexicons = new Map<Language, CompiledLexicon>();

function compile(lexicon: VerifierLexicon): CompiledLexicon {
  const language = lexicon.language;
  const synonyms = new Map<string, string>();
  for (const group of lexicon.synonymGroups) {
    const canonical = stemWord(group[0] ?? '', language);
    for (const member of group) {
      if (member.includes(' ')) continue;
      const stem = stemWord(member, language);
      if (!synonyms.has(stem)) synonyms.set(stem, canonical);
    }
  }
  // Stop words match as written: a stem could collide with a content word ("hos" and "hoste").
  const stopwords = new Set<string>(lexicon.stopwords.map((word) => foldText(word)));
  const diagnoses = lexicon.diagnoses.map((diagnosis) => {
    const words = diagnosis.names.filter((name) => !name.replace(/^=/, '').includes(' '));
    const phrases = diagnosis.names.filter((name) => name.includes(' '));
    return {
      id: diagnosis.id,
      exactWords: words
        .filter((name) => name.startsWith('=') || name.length < 5)
        .map((name) => name.replace(/^=/, '')),
      compoundWords: words.filter((name) => !name.startsWith('=') && name.length >= 5),
      phrases: phrases.length > 0 ? globalWordRegExp(phrases.join('|')) : undefined,
      evidence: new RegExp(
        `(?:${[...diagnosis.names.map((name) => name.replace(/^=/, '')), ...diagnosis.evidence].join('|')})`,
        'iu',
      ),
    };
  });
  return {
    lexicon,
    language,
    phrases: lexicon.phrases.map(
      ([pattern, replacement]) => [globalWordRegExp(pattern), replacement] as const,
    ),
    abbreviations: new Map(Object.entries(lexicon.abbreviations)),
    synonyms,
    stopwords,
    negationCues: new Set(lexicon.negationCues),
    postNegationCues: new Set(lexicon.postNegationCues),
    scopeBreakers: new Set(lexicon.scopeBreakers),
    times: lexicon.times.map((entry) => ({ pattern: globalWordRegExp(entry.pattern), key: entry.key })),
    diagnoses,
    diagnosisSuffix: new RegExp(`^[\\p{L}-]{3,}${lexicon.diagnosisSuffix}$`, 'u'),
    kinTerms: wordRegExp(lexicon.kinTerms),
    kinNotSubject: wordRegExp(lexicon.kinNotSubject),
    possessiveOther: wordRegExp(lexicon.possessiveOther),
    firstPerson: wordRegExp(lexicon.firstPerson),
    thirdPerson: wordRegExp(lexicon.thirdPerson),
    negativeAnswer: new RegExp(`^(?:${lexicon.negativeAnswer})(?![\\p{L}])`, 'iu'),
    positiveAnswer: new RegExp(`^(?:${lexicon.positiveAnswer})(?![\\p{L}])`, 'iu'),
    questionStart: new RegExp(`^(?:[\\p{L}]+ ){0,2}(?:${lexicon.questionStart})(?![\\p{L}])`, 'iu'),
    questionInside: new RegExp(`(?<![\\p{L}])(?:${lexicon.questionStart})(?![\\p{L}])`, 'iu'),
    // Discourse fillers and connectives may open a question ("okay and then have you had any injuries …").
    questionOpening: new RegExp(
      `^(?:(?:but|and|so|okay|ok|alright|well|then|now|also|uh|um|men|og|så|altså)[ ,]+)*(?:${lexicon.questionStart})(?![\\p{L}])`,
      'iu',
    ),
    hypotheticalCues: wordRegExp(lexicon.hypotheticalCues),
    conditionalStatement: wordRegExp(lexicon.conditionalStatement),
    discussionCues: wordRegExp(lexicon.discussionCues),
    processCues: wordRegExp(lexicon.processCues),
    planCues: wordRegExp(lexicon.planCues),
    listCues: wordRegExp(lexicon.listCues),
    bodySites: lexicon.bodySites,
    clinicalWords: globalWordRegExp(`[\\p{L}]*${lexicon.clinicalWords}[\\p{L}]*`),
    settingWords: wordRegExp(`${lexicon.settingWords}[\\p{L}]*`),
    accompanyCues: wordRegExp(lexicon.accompanyCues),
    scoreNames: wordRegExp(lexicon.scoreNames),
    numberPhrases: lexicon.numberPhrases.map(
      ([pattern, replacement]) => [globalWordRegExp(pattern), replacement] as const,
    ),
    allergyWords: wordRegExp(`[\\p{L}]*(?:${lexicon.omissionPatterns.allergy})[\\p{L}]*`),
  };
}

/** The compiled verifier lexicon of a language. */
export function lexiconFor(language: Language): CompiledLexicon {
  let compiled = compiledLexicons.get(language);
  if (!compiled) {
    compiled = compile(language === 'nb' ? NB_LEXICON : EN_LEXICON);
    compiledLexicons.set(language, compiled);
  }
  return compiled;
}

/** Numbers with units in a text, after rewrites such as "lilletåa" → "5. tå". */
export function quantitiesOf(text: string, compiled: CompiledLexicon): Quantity[] {
  let rewritten = text;
  for (const [pattern, replacement] of compiled.numberPhrases)
    rewritten = rewritten.replace(pattern, replacement);
  return extractQuantities(rewritten, compiled.language);
}

/** Applies the phrase rewrites to lower-cased text. */
export function rewritePhrases(text: string, compiled: CompiledLexicon): string {
  return rewritePhrasesKeepingCase(text, compiled).toLowerCase();
}

/** Phrase rewrites (case-insensitive) that keep the case of the words not rewritten, for shorthand like "AT". */
function rewritePhrasesKeepingCase(text: string, compiled: CompiledLexicon): string {
  let rewritten = foldAccents(text).replace(/[«»“”"]/g, ' ');
  for (const [pattern, replacement] of compiled.phrases) rewritten = rewritten.replace(pattern, replacement);
  return rewritten;
}

function foldAccents(text: string): string {
  return text.replace(/[A-Za-zÀ-ÿ]/g, (character) => {
    const folded = foldText(character);
    return character === character.toUpperCase() && character !== character.toLowerCase()
      ? folded.toUpperCase()
      : folded;
  });
}

/** The expansion of a note abbreviation, honouring the key's case and full stop. */
function expandAbbreviation(raw: string, hadStop: boolean, compiled: CompiledLexicon): string | undefined {
  const lower = raw.toLowerCase();
  const candidates = hadStop ? [`${raw}.`, `${lower}.`, raw, lower] : [raw, lower];
  for (const key of candidates) {
    const expansion = compiled.abbreviations.get(key);
    if (expansion === undefined) continue;
    // Keys with capitals match only as written; lower-case keys match any case.
    if (key !== key.toLowerCase() && key.replace(/\.$/, '') !== raw) continue;
    return expansion;
  }
  return undefined;
}

const TOKEN_PATTERN = /[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*\.?|[,;.?!()–—:/]/gu;

function makeToken(surface: string, compiled: CompiledLexicon, position: number): AnalysedToken {
  const stem = stemWord(surface, compiled.language);
  const canonical = compiled.synonyms.get(stem) ?? stem;
  return {
    surface,
    stem,
    canonical,
    position,
    stopword: compiled.stopwords.has(surface) || /^\d/.test(surface),
    negation: compiled.negationCues.has(surface),
    postNegation: compiled.postNegationCues.has(surface),
    scopeBreaker: compiled.scopeBreakers.has(surface),
    punctuation: undefined,
  };
}

const tokenCache = new Map<string, AnalysedToken[]>();
const TOKEN_CACHE_LIMIT = 20_000;

/**
 * Tokenises text. In notes (`note: true`) shorthand is expanded: "us." → undersøkelse, "h." → høyre.
 * Hyphenated words are split into their parts ("kols-forverring"), unless a part is one letter ("p-piller").
 */
export function analyseTokens(
  text: string,
  compiled: CompiledLexicon,
  options: { note: boolean },
): AnalysedToken[] {
  const key = `${compiled.language}|${options.note ? 'n' : 't'}|${text}`;
  const cached = tokenCache.get(key);
  if (cached) return cached;
  const tokens = analyseTokensUncached(text, compiled, options);
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
  tokenCache.set(key, tokens);
  return tokens;
}

function analyseTokensUncached(
  text: string,
  compiled: CompiledLexicon,
  options: { note: boolean },
): AnalysedToken[] {
  const rewritten = rewritePhrasesKeepingCase(text, compiled);
  const tokens: AnalysedToken[] = [];
  for (const match of rewritten.matchAll(TOKEN_PATTERN)) {
    const raw = match[0];
    if (/^[,;.?!()–—:/]$/.test(raw)) {
      tokens.push({ ...makeToken(raw, compiled, tokens.length), stopword: true, punctuation: raw });
      continue;
    }
    const hadStop = raw.endsWith('.');
    const cased = hadStop ? raw.slice(0, -1) : raw;
    const word = cased.toLowerCase();
    const expansion = options.note ? expandAbbreviation(cased, hadStop, compiled) : undefined;
    const words = expansion ? expansion.split(' ') : splitHyphenated(word);
    for (const part of words) {
      const token = makeToken(part, compiled, tokens.length);
      tokens.push(
        opensNegatedPhrase(token, tokens[tokens.length - 1]) ? { ...token, scopeBreaker: false } : token,
      );
    }
    // A full stop that is not part of an abbreviation ends the sentence.
    if (hadStop && !expansion && !/^\d/.test(word)) {
      tokens.push({ ...makeToken('.', compiled, tokens.length), stopword: true, punctuation: '.' });
    }
  }
  return tokens;
}

/**
 * "But not with plantar flexion", "not with exertion": a preposition that ends a negation's reach after a negated
 * word ("no pain with walking") opens the negated phrase when it follows the negation straight away.
 */
function opensNegatedPhrase(token: AnalysedToken, previous: AnalysedToken | undefined): boolean {
  return token.scopeBreaker && token.surface === 'with' && previous?.negation === true;
}

function splitHyphenated(word: string): string[] {
  if (!word.includes('-')) return [word];
  const parts = word.split('-').filter((part) => part !== '');
  if (parts.some((part) => part.length <= 1 || /^\d+$/.test(part))) return [parts.join('')];
  return parts;
}

/** Time expressions in a text with their keys; where two overlap, the longer ("day before yesterday"). */
export function findTimes(text: string, compiled: CompiledLexicon): TimeMention[] {
  const lower = foldText(text);
  const candidates: Array<TimeMention & { start: number; end: number; order: number }> = [];
  compiled.times.forEach((entry, order) => {
    for (const match of lower.matchAll(entry.pattern)) {
      const key = entry.key === ELAPSED_KEY ? elapsedKey(match[0], compiled.language) : entry.key;
      if (key === undefined) continue;
      candidates.push({ key, text: match[0], start: match.index, end: match.index + match[0].length, order });
    }
  });
  candidates.sort(
    (left, right) => right.end - right.start - (left.end - left.start) || left.order - right.order,
  );
  const found: typeof candidates = [];
  for (const candidate of candidates) {
    if (!found.some((other) => other.start < candidate.end && candidate.start < other.end))
      found.push(candidate);
  }
  return found
    .sort((left, right) => left.start - right.start)
    .map(({ key, text: matched }) => ({ key, text: matched }));
}

/** Lexicon key of a time said as a time elapsed ("three weeks ago", "for et par år siden"); see `elapsedKey`. */
export const ELAPSED_KEY = 'elapsed';

/** Counts said as words without a number ("a few days ago", "for noen uker siden"): a range of counts. */
const VAGUE_COUNT: ReadonlyArray<readonly [RegExp, number, number]> = [
  [/(?<![\p{L}])(?:a few|few|several|some|noen|flere)(?![\p{L}])/u, 2, 6],
  [/(?<![\p{L}])(?:many|mange)(?![\p{L}])/u, 5, 30],
  [/(?<![\p{L}])(?:a couple|couple|et par|par)(?![\p{L}])/u, 2, 3],
];

const ELAPSED_UNIT: ReadonlyArray<readonly [RegExp, number]> = [
  [/(?<![\p{L}])(?:hours?|timer?)(?![\p{L}])/u, 1 / 24],
  [/(?<![\p{L}])(?:days?|dager?|døgn)(?![\p{L}])/u, 1],
  [/(?<![\p{L}])(?:weeks?|uker?|uka)(?![\p{L}])/u, 7],
  [/(?<![\p{L}])(?:months?|måneder?|mnd)(?![\p{L}])/u, 30],
  [/(?<![\p{L}])(?:years?|år)(?![\p{L}])/u, 365],
];

/**
 * A time elapsed as a key "~low-high" in days ("three weeks ago" → "~21-21", "a few years ago" → "~730-2190"):
 * such times agree when their spans are near (see `spansAgree` of the checks), not only when their words are the same.
 */
function elapsedKey(text: string, language: Language): string | undefined {
  const factor = ELAPSED_UNIT.find(([pattern]) => pattern.test(text))?.[1];
  if (factor === undefined) return undefined;
  const quantity = extractQuantities(text, language).find((found) => found.family === 'time');
  if (quantity) {
    const days = quantity.value * quantity.factor;
    const high = quantity.value2 !== undefined ? quantity.value2 * quantity.factor : days;
    return `~${round(days)}-${round(high)}`;
  }
  const vague = VAGUE_COUNT.find(([pattern]) => pattern.test(text));
  const [low, high] = vague
    ? [vague[1], vague[2]]
    : /(?<![\p{L}])(?:an?|one|en|ett|et)(?![\p{L}])/u.test(text)
      ? [1, 1]
      : [2, 30];
  return `~${round(low * factor)}-${round(high * factor)}`;
}

function round(days: number): number {
  return Math.round(days * 100) / 100;
}

const EXACT_ENDING = /^(?:e?s|en|er|et|ene|a)?$/;

/**
 * Diagnosis ids named in a text, with the words. A one-word name matches as the last part of a compound with a
 * short ending ("streptokokktonsillitt", "KOLS-forverring"); names marked exact only as words of their own.
 */
export function findDiagnoses(
  text: string,
  compiled: CompiledLexicon,
): Array<{ id: string; text: string; start: number }> {
  const lower = foldText(text);
  const found: Array<{ id: string; text: string; start: number; end: number }> = [];
  const overlaps = (start: number, end: number): boolean =>
    found.some((other) => other.start < end && start < other.end);
  const words = [...lower.matchAll(/[\p{L}][\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*/gu)];
  for (const diagnosis of compiled.diagnoses) {
    if (diagnosis.phrases) {
      for (const match of lower.matchAll(diagnosis.phrases)) {
        if (!overlaps(match.index, match.index + match[0].length))
          found.push({
            id: diagnosis.id,
            text: match[0],
            start: match.index,
            end: match.index + match[0].length,
          });
      }
    }
    for (const match of words) {
      const word = match[0];
      const start = match.index;
      const end = start + word.length;
      if (overlaps(start, end)) continue;
      let hit = diagnosis.exactWords.some(
        (name) => word.startsWith(name) && EXACT_ENDING.test(word.slice(name.length)),
      );
      if (!hit) {
        hit = diagnosis.compoundWords.some((name) => {
          const at = word.indexOf(name);
          if (at < 0) return false;
          const prefixOk = at === 0 || at >= 3 || word.charAt(at - 1) === '-';
          return prefixOk && word.length - (at + name.length) <= 4;
        });
      }
      if (hit) found.push({ id: diagnosis.id, text: word, start, end });
    }
  }
  return found.sort((left, right) => left.start - right.start);
}

/** True when the word ends like a disease word ("-itt", "-ose", "-itis"). */
export function looksLikeDiagnosis(word: string, compiled: CompiledLexicon): boolean {
  return compiled.diagnosisSuffix.test(foldText(word));
}
