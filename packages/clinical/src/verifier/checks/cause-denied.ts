/**
 * English causal links denied: "this is not due to her current pain level", "his pain was not related to the fall"
 * deny that the cause named after the link brought the thing about. Read against the talk that gives that same cause
 * plainly ("i know that's probably because you are in a bunch of pain", "i thought it was from throwing hay").
 */
import { matchingCanonicals, matchPositions } from '../alignment';
import { REASONS } from '../reasons';
import type { AnalysedToken } from '../text-analysis';
import type { TranscriptIndex, TranscriptUnit } from '../transcript-index';
import type { CheckContext, Clause, Issue } from './clause';
import { flag, hypotheticalAt, isContent, isWeak, RELATION_WORD } from './clause';

/** A negation of the link ("not", "n't", "never"). */
const NEGATION = /^(?:not|n't|never|no)$/;
/** How far after the talk's causal word the cause may stand ("because you are in a bunch of pain"). */
const CAUSE_REACH = 7;

/** The clause's denied link and the words of its cause: "not due to her current pain level" → current, pain, level. */
function deniedCause(clause: Clause): { link: number; cause: AnalysedToken[] } | undefined {
  const tokens = clause.tokens;
  const link = tokens.findIndex(
    (token, position) =>
      RELATION_WORD.test(token.surface) &&
      clause.negated.has(token) &&
      /^(?:to|by)$/.test(tokens[position + 1]?.surface ?? '') &&
      tokens
        .slice(Math.max(0, position - 3), position)
        .some((before) => before.surface === 'not' || before.surface === "n't"),
  );
  if (link < 0) return undefined;
  const cause: AnalysedToken[] = [];
  for (const token of tokens.slice(link + 2)) {
    if (token.punctuation !== undefined || token.negation) break;
    if (isContent(token)) cause.push(token);
  }
  return cause.length > 0 ? { link, cause } : undefined;
}

/**
 * The positions of a causal word in a unit: "because", "due to", "related to", "caused by", "secondary to", "coming
 * from", and "from" after a copula ("it was from throwing hay": a cause, not a place or time).
 */
function causalPositions(unit: TranscriptUnit): number[] {
  const words = unit.tokens.map((token) => token.surface);
  const positions: number[] = [];
  words.forEach((word, position) => {
    const next = words[position + 1] ?? '';
    const previous = words[position - 1] ?? '';
    if (
      word === 'because' ||
      (RELATION_WORD.test(word) && /^(?:to|by)$/.test(next)) ||
      (word === 'from' &&
        /^(?:is|was|were|are|be|been|it's|that's|coming|comes|came|probably|likely|just)$/.test(previous))
    )
      positions.push(position);
  });
  return positions;
}

/** True when a negation stands right before the causal word ("it's not because of …", "not from the hay"). */
function negatedAt(unit: TranscriptUnit, position: number): boolean {
  return unit.tokens
    .slice(Math.max(0, position - 3), position)
    .some((token) => token.negation || NEGATION.test(token.surface));
}

/** True when a cause word stands within reach after the causal word. */
function causeAfter(
  unit: TranscriptUnit,
  position: number,
  cause: readonly AnalysedToken[],
  index: TranscriptIndex,
): boolean {
  return cause.some((token) =>
    matchPositions(token, unit, index).some((at) => at > position && at <= position + CAUSE_REACH),
  );
}

/**
 * "Her blood pressure was slightly elevated today, however, this is not due to her current pain level" against "your
 * blood pressure was a little bit high and i know that's probably because you are in a bunch of pain": a place of
 * the talk (not supposed, not a question unless answered "yes") that names the cause right after a causal word, in a place that also names
 * what the note says was caused, contradicts the denied link — unless the talk anywhere denies that cause ("it's not
 * from the hay").
 */
export function checkDeniedCause(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'en' || context.conditional) return undefined;
  const denied = deniedCause(clause);
  if (!denied) return undefined;
  // Weak words count here ("because you are in a bunch of pain"): right after a causal word they name the cause.
  const cause = denied.cause.filter((token) => matchingCanonicals(token, index).size > 0);
  if (cause.length === 0) return undefined;
  const causeSet = new Set(denied.cause);
  const linkToken = clause.tokens[denied.link];
  const upToLink = linkToken ? context.statementContent.indexOf(linkToken) : -1;
  const effect = context.statementContent
    .slice(0, Math.max(0, upToLink))
    .filter(
      (token) =>
        !causeSet.has(token) &&
        !RELATION_WORD.test(token.surface) &&
        !isWeak(token, language) &&
        matchingCanonicals(token, index).size > 0,
    );
  if (effect.length === 0) return undefined;
  let given: TranscriptUnit | undefined;
  for (const unit of index.units) {
    for (const position of causalPositions(unit)) {
      if (!causeAfter(unit, position, cause, index)) continue;
      if (negatedAt(unit, position)) return undefined;
      // "Is that because of the pain?" – "no": the talk denies that cause; a "yes" gives it.
      if (unit.isQuestion && unit.answer === 'negative') return undefined;
      if ((unit.isQuestion && unit.answer !== 'positive') || hypotheticalAt(unit, position, index.compiled))
        continue;
      if (!effect.some((token) => matchPositions(token, unit, index).length > 0)) continue;
      given ??= unit;
    }
  }
  if (!given) return undefined;
  return flag('negation', 'contradicted', REASONS.negationConflictPresent([given.segmentId], language));
}
