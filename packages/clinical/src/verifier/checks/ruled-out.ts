/**
 * "Ruled out" claims ("X has been ruled out", "X has not been ruled out") read against what the transcript says was
 * or was not ruled out.
 */
import { matchPositions, matchingCanonicals } from '../alignment';
import type { AnalysedToken } from '../text-analysis';
import type { Clause, CheckContext, Issue } from './clause';
import { polarityConflict } from './clause';
import type { TranscriptUnit } from '../transcript-index';

const RULE = /^(?:rule|rules|ruled|ruling)$/;
const FRAME =
  /^(?:rule|rules|ruled|ruling|out|has|have|had|been|be|is|was|were|not|n't|we|i|can|could|cannot)$/;
/** Where "rule(d) out" stands in the tokens, and whether a negation stands up to three words before it. */
function ruledOut(tokens: readonly AnalysedToken[]): { at: number; negated: boolean } | undefined {
  const at = tokens.findIndex(
    (token, position) => RULE.test(token.surface) && tokens[position + 1]?.surface === 'out',
  );
  if (at < 0) return undefined;
  const negated = tokens
    .slice(Math.max(0, at - 3), at)
    .some((token) => token.negation || /^(?:not|n't|cannot|can't)$/.test(token.surface));
  return { at, negated };
}
/**
 * English "X has (not) been ruled out": contradicted where the transcript says X "ruled out" only with the other
 * polarity (a word of X within six words of "rule out").
 */
export function checkRuledOut(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'en') return undefined;
  const claim = ruledOut(clause.tokens);
  if (!claim) return undefined;
  const words = clause.content
    .filter(
      (token) =>
        token.surface.length > 2 && !FRAME.test(token.surface) && matchingCanonicals(token, index).size > 0,
    )
    .slice(0, 3);
  if (words.length === 0) return undefined;
  let agreeing = false;
  let disagreeing: TranscriptUnit | undefined;
  for (const unit of index.units) {
    const said = ruledOut(unit.tokens);
    if (!said) continue;
    const near = words.some((token) =>
      matchPositions(token, unit, index).some((position) => Math.abs(position - said.at) <= 6),
    );
    if (!near) continue;
    if (said.negated === claim.negated) agreeing = true;
    else disagreeing ??= unit;
  }
  return polarityConflict(agreeing, disagreeing, !claim.negated, language);
}
