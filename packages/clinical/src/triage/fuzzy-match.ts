import { foldText, UNABLE_TOKEN } from './text-normalization';

/**
 * Edit distance with adjacent transpositions (optimal string alignment): "brsytet" → "brystet" is 1.
 * Stops early and returns `limit + 1` once the distance must exceed `limit`.
 */
export function measureEditDistance(first: string, second: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(first.length - second.length) > limit) return limit + 1;
  const rows = first.length + 1;
  const columns = second.length + 1;
  let previousPrevious: number[] = [];
  let previous: number[] = Array.from({ length: columns }, (_, column) => column);
  for (let row = 1; row < rows; row += 1) {
    const current: number[] = [row];
    let rowMinimum = row;
    for (let column = 1; column < columns; column += 1) {
      const cost = first[row - 1] === second[column - 1] ? 0 : 1;
      let value = Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + cost);
      if (
        row > 1 &&
        column > 1 &&
        first[row - 1] === second[column - 2] &&
        first[row - 2] === second[column - 1]
      ) {
        value = Math.min(value, previousPrevious[column - 2]! + 1);
      }
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[columns - 1]!;
}

/** Typos allowed for a pattern word of this length: none below 5 letters, 1 up to 8, 2 from 9. */
export function allowedTypos(length: number): number {
  if (length < 5) return 0;
  return length < 9 ? 1 : 2;
}

/**
 * Real words that sit one typo away from a pattern word with another meaning ("haster" vs "hoster",
 * "hjerne" vs "hjerte"). They match only exactly.
 */
const PROTECTED_WORDS = new Set(
  [
    'haste',
    'haster',
    'hastar',
    'hastet',
    'hjerne',
    'hjernen',
    'selge',
    'pusse',
    'pusser',
    'maten',
    'mager',
    'fiber',
    'arten',
    'lever',
    'rystet',
    'varmen',
    'bryllup',
    'hoved',
    'halen',
    'halsen',
    'hansen',
    'nakne',
    'time',
    'timer',
    'timen',
    'tiden',
    'siden',
    'sider',
    'saken',
    'tenner',
    'trygg',
    'klart',
    'kaster',
    'faster',
    'fastende',
    'ligger',
    'legger',
    'legge',
    'ligge',
    'prater',
    'pater',
    'mente',
    'mener',
    'armer',
    'sammen',
    'venter',
    'vente',
    'brenne',
    'bruker',
    'blodet',
    'bladet',
    'stikke',
    'svare',
    'svarer',
    'svaret',
    'still',
    'stille',
    'spiser',
    'spise',
    'pleier',
    'ganger',
    'lenger',
    'lengre',
    'penger',
    'hender',
    'hendte',
    'skjer',
    'kanskje',
    'ellers',
    'etter',
    'letter',
    'mister',
    'master',
    'better',
    'bitter',
    'sitter',
    'mamma',
    'pappa',
    'senere',
    'sender',
    'sende',
    'fordi',
    'hente',
    'henter',
    'tenke',
    'tenker',
    'bedre',
    'verre',
    'rette',
    'kjenne',
    'kjenner',
    'kjente',
    'heller',
    'helt',
    'ting',
    'tung',
    'tunga',
    'tunge',
    'lunge',
    'lungene',
    'fått',
    'flytte',
    'flytter',
    'flyttet',
    'fornøyd',
    'fornøyde',
    'bruke',
    'brukte',
    'svarte',
    'bedt',
  ].map(foldText),
);

/**
 * Words that are themselves vocabulary words (filled once from the vocabulary, see `registerKnownWords`).
 * A message word that is a known word is never read as a typo of another one ("sønnen" is not "søvnen").
 */
const KNOWN_WORDS = new Set<string>();

/** Adds folded vocabulary words to the set that is exempt from typo tolerance. */
export function registerKnownWords(words: Iterable<string>): void {
  for (const word of words) KNOWN_WORDS.add(word);
}

/** One alternative of a compiled pattern word. */
export interface CompiledAlternative {
  literal: string;
  /** For words of up to three letters: the unfolded lower-case form they must equal ("øm" is not "om"). */
  short?: string;
  kind: 'exact' | 'prefix' | 'glob';
  regex?: RegExp;
  fuzzy: boolean;
}

/** A compiled pattern word: alternatives split on "|", each exact, prefix ("smert*") or glob ("bryst*smert*"). */
export interface CompiledTokenPattern {
  source: string;
  alternatives: readonly CompiledAlternative[];
  /**
   * First letters (folded) a matching token can start with; undefined when any token may match (a leading
   * wildcard). Typo tolerance keeps the first letter, so this lets a caller skip most tokens cheaply.
   */
  firstLetters?: ReadonlySet<string>;
}

/**
 * Compiles one pattern word. Syntax: alternatives separated by "|"; "*" matches any letters
 * (trailing "*" = prefix); a leading "=" forbids typo tolerance; "#num" matches any number;
 * "ikke"/"not" also match an inability negation (`_unable_`).
 */
export function compileTokenPattern(source: string): CompiledTokenPattern {
  const alternatives = source.split('|').map((alternative): CompiledAlternative => {
    const exactOnly = alternative.startsWith('=');
    const body = exactOnly ? alternative.slice(1) : alternative;
    const literal = body === UNABLE_TOKEN || body === '#num' ? body : foldText(body).replace(/'/g, '');
    const starCount = (literal.match(/\*/g) ?? []).length;
    if (starCount === 0) {
      const lower = body.toLowerCase().normalize('NFC').replace(/'/g, '');
      return lower.length <= 3 && /[^a-z]/.test(lower) && !lower.startsWith('#') && !lower.startsWith('_')
        ? { literal, kind: 'exact', fuzzy: false, short: lower }
        : { literal, kind: 'exact', fuzzy: !exactOnly };
    }
    if (starCount === 1 && literal.endsWith('*')) {
      return { literal: literal.slice(0, -1), kind: 'prefix', fuzzy: !exactOnly };
    }
    const regex = new RegExp(`^${literal.split('*').map(escapeRegex).join('[\\p{L}\\d]*')}$`, 'u');
    return { literal, kind: 'glob', regex, fuzzy: false };
  });
  const firstLetters = new Set<string>();
  let anyToken = false;
  for (const alternative of alternatives) {
    const first = alternative.literal[0];
    if (first === undefined || first === '*') anyToken = true;
    else firstLetters.add(first);
    if (alternative.literal === 'ikke' || alternative.literal === 'not') firstLetters.add(UNABLE_TOKEN[0]!);
  }
  return anyToken ? { source, alternatives } : { source, alternatives, firstLetters };
}

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function matchesAlternative(alternative: CompiledAlternative, token: MatchableToken): boolean {
  const { norm } = token;
  if (alternative.short !== undefined) return token.lower === alternative.short;
  switch (alternative.kind) {
    case 'glob':
      return alternative.regex!.test(norm);
    case 'prefix': {
      if (norm.startsWith(alternative.literal)) return true;
      if (!canBeFuzzy(alternative, norm) || alternative.literal.length < 6) return false;
      const length = alternative.literal.length;
      for (let cut = length - 1; cut <= length + 1; cut += 1) {
        if (cut > norm.length) break;
        if (measureEditDistance(norm.slice(0, cut), alternative.literal, 1) <= 1) return true;
      }
      return false;
    }
    case 'exact': {
      if (norm === alternative.literal) return true;
      if (alternative.literal === 'ikke' || alternative.literal === 'not') return norm === UNABLE_TOKEN;
      if (!canBeFuzzy(alternative, norm)) return false;
      // five-letter words: a typo may change or swap a letter or add one, not drop one ("flått" is not "fått")
      if (alternative.literal.length === 5 && norm.length < 5) return false;
      // two typos only when the word is not two letters shorter ("resept" is not "resepter")
      const limit = Math.min(
        allowedTypos(alternative.literal.length),
        norm.length <= alternative.literal.length - 2 ? 1 : 2,
      );
      return measureEditDistance(norm, alternative.literal, limit) <= limit;
    }
  }
}

function canBeFuzzy(alternative: CompiledAlternative, norm: string): boolean {
  return (
    alternative.fuzzy &&
    alternative.literal.length >= 5 &&
    norm.length >= 4 &&
    norm[0] === alternative.literal[0] &&
    !norm.startsWith('_') &&
    !norm.startsWith('#') &&
    !PROTECTED_WORDS.has(norm) &&
    !KNOWN_WORDS.has(norm)
  );
}

/** The two forms of a message token that patterns compare against. */
export interface MatchableToken {
  /** Folded form (ø→o, æ→ae, å→a). */
  norm: string;
  /** Lower case, not folded. */
  lower: string;
}

/** True when a normalised token matches a compiled pattern word (typos tolerated by word length). */
export function matchTokenPattern(pattern: CompiledTokenPattern, token: MatchableToken): boolean {
  return pattern.alternatives.some((alternative) => matchesAlternative(alternative, token));
}
