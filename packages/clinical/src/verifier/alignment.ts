/**
 * Lexical alignment of note text to transcript units: which transcript words a note word stands for (same stem,
 * synonym group, a compound part, a near-miss spelling) and which units cover a clause best, weighted by how
 * rare each word is in the consultation.
 */
import { drugKeyOfWord, drugKeysMatch } from './drug-names';
import type { AnalysedToken } from './text-analysis';
import type { TranscriptIndex, TranscriptUnit } from './transcript-index';
import { editDistance, foldSpelling, stemWord } from './text-tools';

const EMPTY: ReadonlySet<string> = new Set();

const compoundCaches = new WeakMap<
  TranscriptIndex,
  Map<string, readonly [ReadonlySet<string>, ReadonlySet<string>]>
>();

function compoundParts(
  index: TranscriptIndex,
): Map<string, readonly [ReadonlySet<string>, ReadonlySet<string>]> {
  let cache = compoundCaches.get(index);
  if (!cache) {
    cache = new Map();
    compoundCaches.set(index, cache);
  }
  return cache;
}

const partialCaches = new WeakMap<TranscriptIndex, Set<string>>();

function partialMatches(index: TranscriptIndex): Set<string> {
  let cache = partialCaches.get(index);
  if (!cache) {
    cache = new Set();
    partialCaches.set(index, cache);
  }
  return cache;
}

/** True when a note word matched only through one part of a compound ("smertegrense" → smerte): weak evidence. */
export function isPartialMatch(token: AnalysedToken, index: TranscriptIndex): boolean {
  matchingCanonicals(token, index);
  return partialMatches(index).has(`${token.canonical}|${token.surface}`);
}

function hasAny(unit: TranscriptUnit, canonicals: ReadonlySet<string>): boolean {
  for (const canonical of canonicals) if (unit.contentCanonicals.has(canonical)) return true;
  return false;
}

/** General heads of compounds: "pipelyder" is not any "lyder", "kneplager" not any "plager". */
const GENERIC_HEADS =
  /^(?:lyd|lyder|lydene|smerte|smerter|plage|plager|problem|problemer|symptom|symptomer|tegn|funn|prøve|prøver|sykdom|sykdommer|medisin|medisiner|tablett|tabletter|sounds?|pains?|problems?|symptoms?|signs?|tests?|disease|medication|medications|pills?)$/;

/** Negating prefixes: "uncommon" is the opposite of "common", "uendret" of "endret", not a compound of it. */
const NEGATING_PREFIX = /^(?:un|non|in|im|ir|il|dis|u|ikke)-?$/;

/** True when the longer word is the shorter with a negating prefix ("uncommon" – "common", "uvanlig" – "vanlig"). */
export function isNegatedForm(longer: string, shorter: string): boolean {
  return (
    longer.length > shorter.length &&
    longer.endsWith(shorter) &&
    NEGATING_PREFIX.test(longer.slice(0, longer.length - shorter.length))
  );
}

const phraseWordSets = new WeakMap<TranscriptIndex['compiled'], ReadonlySet<string>>();

/**
 * Words the lexicon makes of a phrase ("weight loss" → "weightloss"): their first part alone is a modifier
 * ("weights", "chest x-ray"), not the phrase, so they match whole or through both parts only.
 */
function isPhraseWord(word: string, index: TranscriptIndex): boolean {
  let words = phraseWordSets.get(index.compiled);
  if (!words) {
    const targets = index.compiled.phrases
      .map(([, target]) => target)
      .filter((target) => !target.includes(' '));
    words = new Set([
      ...targets,
      ...targets.map((target) => {
        const stem = stemWord(target, index.compiled.language);
        return index.compiled.synonyms.get(stem) ?? stem;
      }),
    ]);
    phraseWordSets.set(index.compiled, words);
  }
  return words.has(word);
}

/**
 * An English word that is another with a short prefix ("distress" – "stress", "dissect" – "sect"): a different word,
 * not a compound's last part.
 */
function prefixedOnly(longer: string, shorter: string, index: TranscriptIndex): boolean {
  return index.compiled.language === 'en' && longer.length - shorter.length < 3;
}

function surfaceMatches(surface: string, index: TranscriptIndex, found: Set<string>): void {
  if (surface.length < 5) return;
  const phraseWord = isPhraseWord(surface, index);
  for (const [candidate, canonical] of index.surfaces) {
    if (isNegatedForm(surface, candidate) || isNegatedForm(candidate, surface)) continue;
    if (phraseWord && surface.length > candidate.length) continue;
    // Compounds: the note word starts or ends with a transcript word ("migrenedager" ⊃ "migrene", "tørrhoste" ⊃ "hoste").
    if (surface.length > candidate.length && surface.endsWith(candidate) && GENERIC_HEADS.test(candidate))
      continue;
    if (
      surface.length > candidate.length &&
      (surface.startsWith(candidate) ||
        (surface.endsWith(candidate) && !prefixedOnly(surface, candidate, index)))
    )
      found.add(canonical);
    // A longer transcript word only as an inflection ("tonsill" – "tonsillene"), not a compound ("kraft" – "kraftsvikt").
    else if (
      candidate.length > surface.length &&
      candidate.startsWith(surface) &&
      candidate.length - surface.length <= 3
    )
      found.add(canonical);
  }
}

const foldedVocabularies = new WeakMap<TranscriptIndex, ReadonlyMap<string, string>>();

function foldedVocabulary(index: TranscriptIndex): ReadonlyMap<string, string> {
  let folded = foldedVocabularies.get(index);
  if (!folded) {
    folded = new Map(index.vocabulary.map((candidate) => [candidate, foldSpelling(candidate)]));
    foldedVocabularies.set(index, folded);
  }
  return folded;
}

function directMatches(canonical: string, index: TranscriptIndex): Set<string> {
  const found = new Set<string>();
  const folded = foldSpelling(canonical);
  const foldedCandidates = foldedVocabulary(index);
  const phraseWord = isPhraseWord(canonical, index);
  for (const candidate of index.vocabulary) {
    if (candidate === canonical) {
      found.add(candidate);
      continue;
    }
    if (phraseWord && candidate.length < canonical.length) continue;
    const [shorter, longer] =
      candidate.length <= canonical.length ? [candidate, canonical] : [canonical, candidate];
    if (isNegatedForm(longer, shorter)) continue;
    // An inflected or derived form ("smerte" – "smertene").
    if (
      shorter.length >= 4 &&
      longer.startsWith(shorter) &&
      longer.length - shorter.length <= (shorter.length >= 5 ? 4 : 2)
    )
      found.add(candidate);
    // A compound's first or last part ("brystsmerte" – "smerte"), not a word inside another ("weightloss" – "eight").
    else if (
      shorter.length >= 5 &&
      (longer.startsWith(shorter) || (longer.endsWith(shorter) && !prefixedOnly(longer, shorter, index)))
    )
      found.add(candidate);
    else if (shorter.length >= 5 && foldedCandidates.get(candidate) === folded) found.add(candidate);
    else if (shorter.length >= 7 && editDistance(candidate, canonical, 1) <= 1) found.add(candidate);
  }
  return found;
}

/**
 * Transcript words that one part of a note word matches. A phrase word of the lexicon does not stand for another
 * phrase word that shares the part: the shared part is a modifier, and the two phrases name different things, often
 * opposite directions of one change ("weight loss" is not "a little bit of weight gain over the summer").
 */
function partMatches(part: string, index: TranscriptIndex, phraseWord: boolean): Set<string> {
  const found = directMatches(part, index);
  if (phraseWord) for (const candidate of found) if (isPhraseWord(candidate, index)) found.delete(candidate);
  return found;
}

/**
 * Transcript canonical words that a note word stands for. Long note words that match nothing are split into
 * two known parts ("flankesmerter" = flanke + smerte) and match through their parts.
 */
export function matchingCanonicals(token: AnalysedToken, index: TranscriptIndex): ReadonlySet<string> {
  const key = token.canonical;
  const cacheKey = `${key}|${token.surface}`;
  const cached = index.matchCache.get(cacheKey);
  if (cached) return cached;
  let found = directMatches(key, index);
  surfaceMatches(token.surface, index, found);
  // Drug names match through their substance ("salbutamol" = "Ventoline").
  const drugKey = token.surface.length >= 4 ? drugKeyOfWord(token.surface) : undefined;
  if (drugKey) {
    for (const [transcriptKey, canonicals] of index.drugCanonicals) {
      if (drugKeysMatch(drugKey, transcriptKey)) for (const canonical of canonicals) found.add(canonical);
    }
  }
  if (found.size === 0 && key.length >= 7) {
    const synonyms = index.compiled.synonyms;
    for (let split = 3; split <= key.length - 3 && found.size === 0; split += 1) {
      let left = key.slice(0, split);
      const right = key.slice(split);
      const leftStripped = left.length > 4 && /[se]$/.test(left) ? left.slice(0, -1) : left;
      const rightStem = stemWord(right, index.compiled.language);
      const rightCanonical = synonyms.get(right) ?? synonyms.get(rightStem) ?? rightStem;
      // An adjective first part names its noun by its stem ("abdominal pain" = abdomen + pain: "pain in my abdomen").
      const leftCanonical =
        synonyms.get(leftStripped) ??
        synonyms.get(stemWord(leftStripped, index.compiled.language)) ??
        leftStripped;
      if (rightCanonical.length < 3 || leftCanonical.length < 3) continue;
      left = leftCanonical;
      const leftMatches = directMatches(left, index);
      const rightMatches = directMatches(rightCanonical, index);
      if (leftMatches.size > 0 && rightMatches.size > 0) {
        found = new Set([...leftMatches, ...rightMatches]);
        // Both parts must be present in a unit ("flankesmerter" needs a side and a pain); a short first part
        // is often a particle ("oppvåkning").
        if ((left.length >= 4 || !index.compiled.stopwords.has(left)) && rightCanonical.length >= 4)
          compoundParts(index).set(cacheKey, [leftMatches, rightMatches]);
      }
    }
    if (found.size === 0) partialMatches(index).add(cacheKey);
    const phraseWord = isPhraseWord(key, index) || isPhraseWord(token.surface, index);
    // One known part of five letters or more is enough ("fecesmasse" → avføring).
    for (let split = 5; split <= key.length - 4 && found.size === 0; split += 1) {
      const left = key.slice(0, split).replace(/(?<=.{4})[se]$/, '');
      const right = key.slice(split);
      const leftCanonical = synonyms.get(left) ?? left;
      const rightCanonical = synonyms.get(right) ?? right;
      if (leftCanonical.length >= 5 && synonyms.has(left))
        found = partMatches(leftCanonical, index, phraseWord);
      if (found.size === 0 && rightCanonical.length >= 5 && synonyms.has(right))
        found = partMatches(rightCanonical, index, phraseWord);
    }
    // A known first part said as a word of its own ("saltinntak" – "saltet").
    for (let split = 4; split <= key.length - 4 && found.size === 0; split += 1) {
      const left = key.slice(0, split);
      if (index.documentFrequency.has(left)) found = new Set([left]);
    }
  }
  const result = found.size > 0 ? found : EMPTY;
  index.matchCache.set(cacheKey, result);
  return result;
}

const compoundFrequencies = new WeakMap<TranscriptIndex, Map<string, number>>();

/** The number of units that hold both parts of a compound matched by its parts. */
function compoundFrequency(token: AnalysedToken, index: TranscriptIndex): number {
  let cache = compoundFrequencies.get(index);
  if (!cache) {
    cache = new Map();
    compoundFrequencies.set(index, cache);
  }
  const key = `${token.canonical}|${token.surface}`;
  let frequency = cache.get(key);
  if (frequency === undefined) {
    frequency = index.units.filter((unit) => unitMatches(token, unit, index)).length;
    cache.set(key, frequency);
  }
  return frequency;
}

/** How rare a note word is in the transcript (inverse document frequency over units). */
export function tokenWeight(token: AnalysedToken, index: TranscriptIndex): number {
  const matches = matchingCanonicals(token, index);
  let frequency = 0;
  // A compound matched by its parts is said only where both parts are ("abdominal pain" – "pain in my abdomen"): it
  // is as rare as the units that hold both, not as common as its commonest part.
  if (compoundParts(index).has(`${token.canonical}|${token.surface}`))
    frequency = compoundFrequency(token, index);
  else
    for (const canonical of matches)
      frequency = Math.max(frequency, index.documentFrequency.get(canonical) ?? 0);
  const units = Math.max(1, index.units.length);
  return Math.max(0.2, Math.log((units + 1) / (frequency + 0.5)));
}

/** Positions in a unit of the words that a note word matches. */
export function matchPositions(token: AnalysedToken, unit: TranscriptUnit, index: TranscriptIndex): number[] {
  const matches = matchingCanonicals(token, index);
  if (matches.size === 0 || !unitMatches(token, unit, index)) return [];
  const positions: number[] = [];
  unit.tokens.forEach((candidate, position) => {
    if (!candidate.punctuation && !candidate.stopword && matches.has(candidate.canonical))
      positions.push(position);
  });
  return positions;
}

/**
 * Positions that carry a note word's polarity: for a compound matched by its parts ("lyskeglandler" – "i lysken …
 * ingen forstørrede lymfeknuter") the head word's, else every match.
 */
export function headPositions(token: AnalysedToken, unit: TranscriptUnit, index: TranscriptIndex): number[] {
  const positions = matchPositions(token, unit, index);
  const parts = compoundParts(index).get(`${token.canonical}|${token.surface}`);
  if (!parts || positions.length === 0) return positions;
  const head = positions.filter((position) => {
    const candidate = unit.tokens[position];
    return candidate !== undefined && parts[1].has(candidate.canonical);
  });
  return head.length > 0 ? head : positions;
}

/** True when the unit contains a word the note word matches. */
export function unitMatches(token: AnalysedToken, unit: TranscriptUnit, index: TranscriptIndex): boolean {
  const matches = matchingCanonicals(token, index);
  if (matches.size === 0) return false;
  const parts = compoundParts(index).get(`${token.canonical}|${token.surface}`);
  if (parts) return hasAny(unit, parts[0]) && hasAny(unit, parts[1]);
  return hasAny(unit, matches);
}

/** Weighted share of `tokens` found in `unit` (0–1). */
export function coverage(
  tokens: readonly AnalysedToken[],
  unit: TranscriptUnit,
  index: TranscriptIndex,
): number {
  let total = 0;
  let matched = 0;
  for (const token of tokens) {
    const weight = tokenWeight(token, index);
    total += weight;
    if (unitMatches(token, unit, index)) matched += weight;
  }
  return total === 0 ? 0 : matched / total;
}

/** Weighted share of `tokens` found in any of `units`. */
export function unionCoverage(
  tokens: readonly AnalysedToken[],
  units: readonly TranscriptUnit[],
  index: TranscriptIndex,
): number {
  let total = 0;
  let matched = 0;
  for (const token of tokens) {
    const weight = tokenWeight(token, index);
    total += weight;
    if (units.some((unit) => unitMatches(token, unit, index))) matched += weight;
  }
  return total === 0 ? 0 : matched / total;
}

/** A unit with its alignment score. */
export interface ScoredUnit {
  unit: TranscriptUnit;
  score: number;
}

/**
 * Ranks transcript units for a clause: coverage of the clause's words, plus a smaller share for the whole
 * statement's words (context), plus a bonus for segments the note cited as evidence.
 */
export function rankUnits(
  clauseTokens: readonly AnalysedToken[],
  statementTokens: readonly AnalysedToken[],
  index: TranscriptIndex,
  citedSegments: ReadonlySet<string>,
): ScoredUnit[] {
  const scored: ScoredUnit[] = [];
  for (const unit of index.units) {
    let score = coverage(clauseTokens, unit, index) + 0.35 * coverage(statementTokens, unit, index);
    if (citedSegments.has(unit.segmentId)) score += 0.15;
    if (score > 0) scored.push({ unit, score });
  }
  return scored.sort((left, right) => right.score - left.score || left.unit.index - right.unit.index);
}

/** The best units of a ranking: the top few within reach of the best score. */
export function topUnits(ranked: readonly ScoredUnit[], limit = 3, minimum = 0.2): ScoredUnit[] {
  const best = ranked[0]?.score ?? 0;
  if (best < minimum) return [];
  return ranked.filter((entry) => entry.score >= Math.max(minimum, best * 0.55)).slice(0, limit);
}

/** A window around units: each unit, its question or answer partner, and its neighbours in the same turn. */
export function expandWindow(units: readonly TranscriptUnit[], index: TranscriptIndex): TranscriptUnit[] {
  const chosen = new Map<number, TranscriptUnit>();
  const add = (unitIndex: number | undefined): void => {
    if (unitIndex === undefined) return;
    const unit = index.units[unitIndex];
    if (unit) chosen.set(unit.index, unit);
  };
  for (const unit of units) {
    add(unit.index);
    add(unit.answersUnit);
    // A question is answered after the turn's last question; a short answer turn is taken whole.
    const lastQuestion = unit.isQuestion
      ? index.units.filter((other) => other.segmentIndex === unit.segmentIndex && other.isQuestion).pop()
      : undefined;
    const answerIndex = unit.answeredByUnit ?? lastQuestion?.answeredByUnit;
    add(answerIndex);
    const answer = answerIndex === undefined ? undefined : index.units[answerIndex];
    if (answer) {
      const turn = index.units.filter((other) => other.segmentIndex === answer.segmentIndex);
      if (turn.length <= 4) for (const other of turn) add(other.index);
    }
    const previous = index.units[unit.index - 1];
    const next = index.units[unit.index + 1];
    if (previous?.segmentIndex === unit.segmentIndex) add(previous.index);
    if (next?.segmentIndex === unit.segmentIndex) add(next.index);
    // The question before an answer that does not open its turn ("Hvor høy feber?" … "Trettini komma noe").
    if (previous && previous.segmentIndex === unit.segmentIndex - 1 && previous.isQuestion)
      add(previous.index);
    // A short follow-up question right after and its answer ("Hvilket bein er det?" – "Det er det venstre.").
    const followUp = index.units.find((other) => other.segmentIndex === unit.segmentIndex + 1);
    if (followUp?.isQuestion && followUp.speaker !== unit.speaker && followUp.tokens.length <= 10) {
      add(followUp.index);
      add(followUp.answeredByUnit);
    }
  }
  return [...chosen.values()].sort((left, right) => left.index - right.index);
}
