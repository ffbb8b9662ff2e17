/**
 * A negating prefix on an attribute ("a nonhealing ulcer", "nonpitting edema", "non-productive cough") classes its
 * noun as not having the attribute, as "not" would. A note that says the attribute of the same noun plainly ("the
 * ulcer does appear to be healing", "pitting edema") where the talk only ever says it with the prefix has dropped the
 * negation. English only (the prefix "non").
 */
import { matchPositions } from '../alignment';
import type { AnalysedToken, CompiledLexicon } from '../text-analysis';
import { analyseTokens } from '../text-analysis';
import type { TranscriptUnit } from '../transcript-index';
import type { CheckContext, Clause, Issue } from './clause';
import { deniedInTalk, FILLER_WORD } from './clause';
import { hasLocalNegation } from './polarity';

/** A word with the negating prefix written on ("nonhealing", "non-healing"). */
const PREFIXED = /^non-?(\p{L}{4,})$/u;
/** How far apart, in words, a noun and its attribute stand in a note's clause ("the ulcer does appear to be healing"). */
const ATTRIBUTE_REACH = 6;
/** Words of a condition: an attribute after them is supposed, not claimed ("if the ulcer is healing"). */
const CONDITION = /^(?:if|unless|whether)$/;

/** The canonical form of the word the prefix negates ("nonhealing" → "heal"), or undefined. */
function baseCanonical(
  unit: TranscriptUnit,
  position: number,
  compiled: CompiledLexicon,
): { canonical: string; next: number } | undefined {
  const token = unit.tokens[position];
  if (!token) return undefined;
  const written = PREFIXED.exec(token.surface);
  // Speech recognition writes the prefix as a word of its own ("non healing ulcer").
  const base = written?.[1] ?? (token.surface === 'non' ? unit.tokens[position + 1]?.surface : undefined);
  if (base === undefined || !/^\p{L}{4,}$/u.test(base)) return undefined;
  const canonical = analyseTokens(base, compiled, { note: false })[0]?.canonical;
  if (canonical === undefined) return undefined;
  return { canonical, next: written ? position + 1 : position + 2 };
}

/** The position of the noun the prefixed attribute stands before (past a filler or one more attribute). */
function headNounAt(unit: TranscriptUnit, from: number): number[] {
  const heads: number[] = [];
  for (let at = from; at < unit.tokens.length && at <= from + 2; at += 1) {
    const token = unit.tokens[at];
    if (!token || token.punctuation !== undefined) break;
    if (token.stopword || FILLER_WORD.test(token.surface)) continue;
    heads.push(at);
  }
  return heads;
}

/** The note's words that claim the attribute plainly: not negated, not in a condition, not prefixed themselves. */
function plainAttributes(clause: Clause, canonical: string): AnalysedToken[] {
  const condition = clause.tokens.findIndex((token) => CONDITION.test(token.surface));
  return clause.content.filter(
    (token) =>
      token.canonical === canonical &&
      !clause.negated.has(token) &&
      (condition < 0 || clause.tokens.indexOf(token) < condition),
  );
}

/**
 * "The ulcer does appear to be healing" against "you have a nonhealing ulcer of your right foot": a noun of the clause
 * that the talk classes with a prefixed attribute, and the same attribute said of it in the clause without a negation.
 * The talk saying the attribute plainly near the noun anywhere keeps the claim.
 */
export function checkPrefixNegated(clause: Clause, context: CheckContext): Issue | undefined {
  const { index } = context;
  const compiled = index.compiled;
  if (compiled.language !== 'en' || context.mentionsRelative) return undefined;
  if (clause.tokens.some((token) => token.negation || token.postNegation || /^non\b/u.test(token.surface)))
    return undefined;
  const denying: TranscriptUnit[] = [];
  const claims: Array<{ noun: AnalysedToken; canonical: string }> = [];
  for (const unit of index.units) {
    for (let position = 0; position < unit.tokens.length; position += 1) {
      const base = baseCanonical(unit, position, compiled);
      if (!base) continue;
      const attributes = plainAttributes(clause, base.canonical);
      if (attributes.length === 0) continue;
      const heads = headNounAt(unit, base.next);
      for (const noun of clause.content) {
        if (attributes.includes(noun)) continue;
        const near = attributes.some(
          (attribute) =>
            Math.abs(clause.tokens.indexOf(attribute) - clause.tokens.indexOf(noun)) <= ATTRIBUTE_REACH,
        );
        if (!near || !matchPositions(noun, unit, index).some((at) => heads.includes(at))) continue;
        if (!denying.includes(unit)) denying.push(unit);
        claims.push({ noun, canonical: base.canonical });
      }
    }
  }
  if (denying.length === 0) return undefined;
  // The attribute said plainly of the noun somewhere ("the ulcer is healing now") keeps the claim.
  for (const { noun, canonical } of claims) {
    for (const unit of index.units) {
      const nouns = matchPositions(noun, unit, index);
      if (unit.isQuestion) continue;
      const plain = unit.tokens.some(
        (token, at) =>
          token.canonical === canonical &&
          !hasLocalNegation(unit, at) &&
          unit.tokens[at - 1]?.surface !== 'non' &&
          nouns.some((place) => Math.abs(place - at) <= ATTRIBUTE_REACH),
      );
      if (plain) return undefined;
    }
  }
  return deniedInTalk(denying, context.language);
}
