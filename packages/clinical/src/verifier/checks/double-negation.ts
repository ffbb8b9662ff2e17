/**
 * English double negation of one verb: "She does not have never seen a dermatologist", "he has not never smoked".
 * Standard English negates a verb once; a "not" and a "never" on the same verb (only auxiliaries or adverbs between)
 * cancel or reinforce each other depending on the reader, so the claim cannot be read against the talk. English only.
 */
import { REASONS } from '../reasons';
import type { AnalysedToken } from '../text-analysis';
import type { CheckContext, Clause, Issue } from './clause';
import { flag } from './clause';

/** An auxiliary of the verb phrase ("does", "have", "been", "will"). */
const AUXILIARY =
  /^(?:do|does|did|have|has|had|be|been|is|are|was|were|will|would|can|could|should|may|might)$/;
/** A word between the two negations that keeps them on one verb: an auxiliary or an adverb ("not really never"). */
function inVerbPhrase(token: AnalysedToken): boolean {
  return AUXILIARY.test(token.surface) || /^\p{L}{3,}ly$/u.test(token.surface);
}

/**
 * The position of a "never" that a "not" (or "-n't") of the same verb phrase precedes, at most two auxiliaries or
 * adverbs before it: "does not have never seen" → the "never". -1 when there is none ("is not currently and has never
 * been on hormone replacement therapy" has two verbs).
 */
export function doubleNegationAt(tokens: readonly AnalysedToken[]): number {
  return tokens.findIndex((token, position) => {
    if (token.surface !== 'never') return false;
    for (let back = position - 1; back >= 0 && back >= position - 3; back -= 1) {
      const before = tokens[back];
      if (!before || before.punctuation !== undefined) return false;
      if (/^(?:not|n't)$/.test(before.surface)) return true;
      if (!inVerbPhrase(before)) return false;
    }
    return false;
  });
}

/**
 * "She does not have never seen a dermatologist prior to last month": a verb negated twice says neither that it
 * happened nor that it did not, so the transcript cannot support it; the doctor must reword it.
 */
export function checkDoubleNegation(clause: Clause, context: CheckContext): Issue | undefined {
  if (context.index.compiled.language !== 'en') return undefined;
  if (doubleNegationAt(clause.tokens) < 0) return undefined;
  return flag('negation', 'unsupported', REASONS.doubleNegation(context.language));
}
