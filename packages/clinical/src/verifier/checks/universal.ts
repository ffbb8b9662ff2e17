/**
 * Words of no exception ("always"): "he is watching his blood sugars at home, always" claims that it happens every
 * time; "not always" or "don't always" denies exactly that, however often it does happen ("i monitor it regularly .
 * not always , i can forget"). A note that writes "always" where the talk, at the place the statement comes from,
 * says only "not always" has dropped the negation. English only.
 */
import { REASONS } from '../reasons';
import type { AnalysedToken } from '../text-analysis';
import type { TranscriptUnit } from '../transcript-index';
import type { CheckContext, Clause, Issue } from './clause';
import { flag } from './clause';

const UNIVERSAL = /^(?:always)$/;
/** A negation that takes "always" as its scope: right before it ("not always", "do n't always", "never always"). */
function negatedAt(tokens: readonly AnalysedToken[], position: number): boolean {
  for (let back = position - 1; back >= 0 && back >= position - 2; back -= 1) {
    const token = tokens[back];
    if (!token || token.punctuation !== undefined) return false;
    if (token.negation || /^(?:not|n't)$/.test(token.surface)) return true;
  }
  return false;
}
/** The positions of "always" in a unit, with whether each is denied. */
function universals(unit: TranscriptUnit): Array<{ denied: boolean }> {
  const tokens = unit.contextTokens;
  const found: Array<{ denied: boolean }> = [];
  unit.tokens.forEach((token, position) => {
    if (UNIVERSAL.test(token.surface))
      found.push({ denied: negatedAt(tokens, position + unit.contextOffset) });
  });
  return found;
}
/**
 * "Always" claimed plainly where the places the clause aligns with (and their neighbours) say "not always" and never
 * "always" plainly: "he is watching his blood sugars at home, always consistently" against "you're watching your
 * blood sugars at home ?" – "mm-hmm . i monitor it regularly . not always , i can forget".
 */
export function checkNotAlways(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'en') return undefined;
  const claimed = clause.tokens.findIndex(
    (token, position) =>
      UNIVERSAL.test(token.surface) && !clause.negated.has(token) && !negatedAt(clause.tokens, position),
  );
  if (claimed < 0) return undefined;
  if (clause.tokens.some((token) => token.negation || token.postNegation)) return undefined;
  const denying: TranscriptUnit[] = [];
  for (const unit of clause.window) {
    for (const said of universals(unit)) {
      if (said.denied) denying.push(unit);
      else if (!unit.isQuestion) return undefined;
    }
  }
  if (denying.length === 0) return undefined;
  return flag(
    'negation',
    'contradicted',
    REASONS.negationConflictDenied(
      denying.map((unit) => unit.segmentId).filter((id, at, all) => all.indexOf(id) === at),
      language,
    ),
  );
}
