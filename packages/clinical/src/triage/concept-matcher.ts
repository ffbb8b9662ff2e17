import { AppError } from '@kollega/domain';
import type { CompiledTokenPattern } from './fuzzy-match';
import { compileTokenPattern, matchTokenPattern } from './fuzzy-match';
import type { ConceptHit, FeatureId } from './message-features';
import { FEATURE_IDS } from './message-features';
import type { MessageToken, NormalizedMessage } from './text-normalization';
import { isNegator, UNABLE_TOKEN } from './text-normalization';
import type { ConceptDefinition } from './triage-vocabulary';

/** How many unrelated words may sit between two words of a phrase. */
const PHRASE_GAP = 1;
/** How many content words after a negation it still negates ("ikke [så] tung i pusten"). */
const NEGATION_REACH = 4;
/** Words that do not count towards the negation reach. */
const NEGATION_FILLERS = new Set([
  'a',
  'noen',
  'noe',
  'any',
  'some',
  'slike',
  'sanne',
  'egentlig',
  'heller',
  'lenger',
  'lengre',
  'helt',
  'sa',
  'veldig',
  'litt',
  'mer',
  'the',
  'to',
  'of',
  'really',
  'very',
  'much',
  'har',
  'hatt',
  'vaert',
  'have',
  'had',
  'been',
  'jeg',
  'i',
  'andre',
  'other',
  'serlig',
  'saerlig',
  'spesielt',
  'merket',
  'kjent',
  'noticed',
  'felt',
  'fatt',
]);
/** A negation right after these verbs negates the verb ("medisinen hjelper ikke"), not what follows. */
const VERB_NEGATION = new Set([
  'hjelper',
  'hjalp',
  'virker',
  'virket',
  'hjelpe',
  'virke',
  'helps',
  'help',
  'helping',
  'working',
  'works',
  'gar',
  'gikk',
  'gir',
  'vil',
  'ville',
  'want',
  'wants',
  'forsvinner',
  'blekner',
  'blir',
]);
/** Words that continue a negated list across commas: "ingen feber, hoste eller tung pust". */
const LIST_CONTINUATION = new Set(['eller', 'or', 'nor', 'verken', 'heller']);
const CLAUSE_BREAKERS = new Set([
  'men',
  'but',
  'however',
  'although',
  'though',
  'likevel',
  'allikevel',
  'mens',
]);
/** "og"/"and" followed by one of these starts a new clause with its own subject: "ikke feber og hun snakker rart". */
const NEW_SUBJECTS = new Set([
  'jeg',
  'han',
  'hun',
  'de',
  'vi',
  'det',
  'den',
  'hu',
  'ho',
  'na',
  'i',
  'he',
  'she',
  'they',
  'we',
  'it',
  'now',
]);

type CompiledPhrase = readonly CompiledTokenPattern[];
const phraseCache = new Map<string, readonly CompiledPhrase[]>();

/** Compiles a term string ("a b|c d") into phrases of compiled words; cached. */
export function compileTerm(term: string): readonly CompiledPhrase[] {
  const cached = phraseCache.get(term);
  if (cached !== undefined) return cached;
  const phrases = term
    .split('|')
    .map((phrase) => phrase.trim())
    .filter((phrase) => phrase !== '')
    .map((phrase) => phrase.split(/\s+/).map((word) => compileTokenPattern(word)));
  phraseCache.set(term, phrases);
  return phrases;
}

function patternIsNegation(pattern: CompiledTokenPattern): boolean {
  return pattern.alternatives.some(
    (alternative) => isNegator(alternative.literal) || alternative.literal === UNABLE_TOKEN,
  );
}

interface PhraseMatch {
  start: number;
  end: number;
  /** Token indices of negations the phrase itself contains ("hjelper ikke"). */
  negators: number[];
}

const tokensByFirstLetter = new WeakMap<readonly MessageToken[], Map<string, MessageToken[]>>();

/** The message's tokens grouped by the first letter of their folded form (built once per token list). */
function groupByFirstLetter(tokens: readonly MessageToken[]): Map<string, MessageToken[]> {
  let groups = tokensByFirstLetter.get(tokens);
  if (groups === undefined) {
    groups = new Map();
    for (const token of tokens) {
      const letter = token.norm[0] ?? '';
      const group = groups.get(letter);
      if (group === undefined) groups.set(letter, [token]);
      else group.push(token);
    }
    tokensByFirstLetter.set(tokens, groups);
  }
  return groups;
}

function candidateTokens(
  tokens: readonly MessageToken[],
  pattern: CompiledTokenPattern,
): readonly MessageToken[] {
  if (pattern.firstLetters === undefined) return tokens;
  const groups = groupByFirstLetter(tokens);
  const candidates: MessageToken[] = [];
  for (const letter of pattern.firstLetters) candidates.push(...(groups.get(letter) ?? []));
  return candidates;
}

/** Finds every occurrence of the phrases in the tokens (same sentence, small gaps, no negation skipped). */
export function matchPhrases(
  tokens: readonly MessageToken[],
  phrases: readonly CompiledPhrase[],
): PhraseMatch[] {
  const matches: PhraseMatch[] = [];
  for (const phrase of phrases) {
    const [first, ...rest] = phrase;
    if (first === undefined) continue;
    for (const token of candidateTokens(tokens, first)) {
      if (!matchTokenPattern(first, token)) continue;
      let position = token.index;
      const negators = patternIsNegation(first) ? [token.index] : [];
      let complete = true;
      for (const word of rest) {
        let found = -1;
        for (let next = position + 1; next <= position + 1 + PHRASE_GAP && next < tokens.length; next += 1) {
          const candidate = tokens[next]!;
          if (candidate.sentence !== token.sentence) break;
          if (matchTokenPattern(word, candidate)) {
            found = next;
            break;
          }
          if (isNegator(candidate.norm) || candidate.norm === UNABLE_TOKEN) break;
        }
        if (found < 0) {
          complete = false;
          break;
        }
        if (patternIsNegation(word)) negators.push(found);
        position = found;
      }
      if (complete) matches.push({ start: token.index, end: position, negators });
    }
  }
  return matches;
}

/** Lists the token indices each negation covers, leaving out negations that belong to a phrase. */
function computeNegationScopes(
  tokens: readonly MessageToken[],
  consumed: ReadonlySet<number>,
): Map<number, number> {
  const negatedBy = new Map<number, number>();
  for (const token of tokens) {
    if (!isNegator(token.norm) || consumed.has(token.index)) continue;
    const next = tokens[token.index + 1];
    const previous = tokens[token.index - 1];
    if ((token.norm === 'uten' || token.norm === 'without') && (next?.norm === 'a' || next?.norm === 'at'))
      continue;
    if (previous !== undefined && previous.clause === token.clause && VERB_NEGATION.has(previous.norm))
      continue;
    let counted = 0;
    let clause = token.clause;
    for (let index = token.index + 1; index < tokens.length; index += 1) {
      const candidate = tokens[index]!;
      if (candidate.sentence !== token.sentence) break;
      if (CLAUSE_BREAKERS.has(candidate.norm)) break;
      if (
        (candidate.norm === 'og' || candidate.norm === 'and') &&
        NEW_SUBJECTS.has(tokens[index + 1]?.norm ?? '')
      )
        break;
      if (candidate.clause !== clause) {
        if (!continuesList(tokens, index, token.sentence)) break;
        clause = candidate.clause;
      }
      if (LIST_CONTINUATION.has(candidate.norm)) {
        counted = Math.max(0, counted - 2);
        continue;
      }
      if (!negatedBy.has(index)) negatedBy.set(index, token.index);
      if (!NEGATION_FILLERS.has(candidate.norm)) counted += 1;
      if (counted >= NEGATION_REACH) break;
    }
  }
  return negatedBy;
}

/** True when a comma-separated list goes on to "eller/or" within eight words and no "men/but" comes first. */
function continuesList(tokens: readonly MessageToken[], from: number, sentence: number): boolean {
  for (let index = from; index < Math.min(tokens.length, from + 8); index += 1) {
    const candidate = tokens[index]!;
    if (candidate.sentence !== sentence || CLAUSE_BREAKERS.has(candidate.norm)) return false;
    if (LIST_CONTINUATION.has(candidate.norm)) return true;
  }
  return false;
}

/**
 * All concepts of one message, computed on demand. `positive` hits are not negated;
 * `all` also returns negated hits (for the reasons shown to the doctor).
 */
export interface ConceptIndex {
  tokens: readonly MessageToken[];
  positive(concept: string): readonly ConceptHit[];
  all(concept: string): readonly ConceptHit[];
}

/** Options for `createConceptIndex`. */
export interface ConceptIndexOptions {
  message: NormalizedMessage;
  vocabulary: Readonly<Record<string, ConceptDefinition>>;
  features: ReadonlyMap<FeatureId, readonly ConceptHit[]>;
  /** Every term of the vocabulary that contains a negation, matched up front so its negation is consumed. */
  negationTerms: readonly string[];
  /** Clauses that describe a resolved problem of the past ("brystsmertene i fjor er borte"); counted as negated. */
  historicalClauses?: ReadonlySet<number>;
}

/** Builds the lazy concept index of a message: phrase matching, `near` composites, features and negation. */
export function createConceptIndex(options: ConceptIndexOptions): ConceptIndex {
  const { message, vocabulary, features } = options;
  const { tokens } = message;
  const consumed = new Set<number>();
  for (const term of options.negationTerms) {
    for (const match of matchPhrases(tokens, compileTerm(term)))
      match.negators.forEach((index) => consumed.add(index));
  }
  const negatedBy = computeNegationScopes(tokens, consumed);
  const historical = options.historicalClauses ?? new Set<number>();
  const isNegated = (start: number, end: number): boolean => {
    if (historical.has(tokens[start]!.clause)) return true;
    const negator = negatedBy.get(start);
    return negator !== undefined && (negator < start || negator > end);
  };

  const memo = new Map<string, ConceptHit[]>();
  const inProgress = new Set<string>();
  const featureIds = new Set<string>(FEATURE_IDS);

  const termHits = (term: string): ConceptHit[] =>
    matchPhrases(tokens, compileTerm(term)).map((match) => ({
      start: match.start,
      end: match.end,
      negated: isNegated(match.start, match.end),
    }));

  const referenceHits = (reference: string): readonly ConceptHit[] =>
    reference.startsWith('@') ? resolve(reference.slice(1)) : termHits(reference);

  const resolve = (concept: string): ConceptHit[] => {
    const cached = memo.get(concept);
    if (cached !== undefined) return cached;
    if (featureIds.has(concept)) {
      const featureHits = [...(features.get(concept as FeatureId) ?? [])];
      memo.set(concept, featureHits);
      return featureHits;
    }
    const definition = vocabulary[concept];
    if (definition === undefined) {
      throw new AppError('internal', 'Ukjent begrep i triageordforrådet', { details: { concept } });
    }
    if (inProgress.has(concept)) {
      throw new AppError('internal', 'Sirkulær definisjon i triageordforrådet', { details: { concept } });
    }
    inProgress.add(concept);
    const hits: ConceptHit[] = [];
    for (const term of definition.terms ?? []) hits.push(...termHits(term));
    for (const included of definition.include ?? []) hits.push(...resolve(included));
    for (const near of definition.near ?? []) {
      const groups = near.all.map((reference) => referenceHits(reference));
      hits.push(...combineNear(tokens, groups, near.window, near.sameClause === true));
    }
    inProgress.delete(concept);
    memo.set(concept, hits);
    return hits;
  };

  return {
    tokens,
    all: (concept) => resolve(concept),
    positive: (concept) => resolve(concept).filter((candidate) => !candidate.negated),
  };
}

/**
 * Combines one hit from each group within `window` words in one sentence (or clause). A combination is
 * negated when any of its parts is; positive combinations are preferred.
 */
function combineNear(
  tokens: readonly MessageToken[],
  groups: ReadonlyArray<readonly ConceptHit[]>,
  window: number,
  sameClause: boolean,
): ConceptHit[] {
  if (groups.length === 0 || groups.some((group) => group.length === 0)) return [];
  const results: ConceptHit[] = [];
  const seen = new Set<string>();
  const [anchorGroup, ...others] = groups;
  for (const anchor of anchorGroup!) {
    const unit = (hit: ConceptHit): number =>
      sameClause ? tokens[hit.start]!.clause : tokens[hit.start]!.sentence;
    const anchorUnit = unit(anchor);
    const sameUnit = (hit: ConceptHit): boolean =>
      unit(hit) === anchorUnit &&
      (sameClause ? tokens[hit.end]!.clause : tokens[hit.end]!.sentence) === anchorUnit;
    let best: ConceptHit | undefined;
    const search = (index: number, start: number, end: number, negated: boolean): void => {
      if (end - start > window) return;
      if (index === others.length) {
        const candidate = { start, end, negated };
        if (
          best === undefined ||
          (best.negated && !negated) ||
          (best.negated === negated && end - start < best.end - best.start)
        ) {
          best = candidate;
        }
        return;
      }
      for (const part of others[index]!) {
        if (!sameUnit(part)) continue;
        if (part.start <= end && part.end >= start && part.start === anchor.start && part.end === anchor.end)
          continue;
        search(index + 1, Math.min(start, part.start), Math.max(end, part.end), negated || part.negated);
      }
    };
    if (!sameUnit(anchor)) continue;
    search(0, anchor.start, anchor.end, anchor.negated);
    if (best === undefined) continue;
    const key = `${best.start}:${best.end}:${best.negated}`;
    if (!seen.has(key)) {
      seen.add(key);
      results.push(best);
    }
  }
  return results;
}
