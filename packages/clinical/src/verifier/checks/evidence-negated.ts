/**
 * English negated frames of evidence: "the chest x-ray is not consistent with COPD", "the exam was not suggestive of
 * a fracture" deny that the named source shows the named condition. Read against the talk that says the condition
 * plainly from that same source ("i think you do have copd from your pulmonary function tests , your x-ray").
 */
import { matchingCanonicals, matchPositions } from '../alignment';
import { REASONS } from '../reasons';
import type { AnalysedToken } from '../text-analysis';
import type { TranscriptIndex, TranscriptUnit } from '../transcript-index';
import type { CheckContext, Clause, Issue } from './clause';
import { flag, hypotheticalAt, isContent, isWeak } from './clause';
import { localPolarityAt } from './polarity';
import { FIT_ADJECTIVE } from './words';

/** The link between an evidence frame ("consistent with", "suggestive of", "indicative of") and its condition. */
const FRAME_LINK = /^(?:with|of)$/;
/** A copula the negation of the frame follows ("is not", "are not"). */
const COPULA = /^(?:is|are|was|were)$/;
/** Words that may stand between "not" and the frame ("not also consistent", "not entirely consistent"). */
const BETWEEN = /^(?:also|\p{L}+ly)$/u;

interface NegatedFrame {
  /** The content words before the negation: what is said (not) to show the condition. */
  readonly sources: AnalysedToken[];
  /** The content words after the frame: the condition. */
  readonly condition: AnalysedToken[];
}

/** "… x-ray … are not also consistent with COPD" → sources before "not", the condition after "with". */
function negatedFrame(tokens: readonly AnalysedToken[]): NegatedFrame | undefined {
  const not = tokens.findIndex(
    (token, position) => token.surface === 'not' && COPULA.test(tokens[position - 1]?.surface ?? ''),
  );
  if (not < 0) return undefined;
  let frame = not + 1;
  while (frame < tokens.length && BETWEEN.test(tokens[frame]?.surface ?? '') && frame <= not + 2) frame += 1;
  if (!FIT_ADJECTIVE.test(tokens[frame]?.surface ?? '') || !FRAME_LINK.test(tokens[frame + 1]?.surface ?? ''))
    return undefined;
  const condition: AnalysedToken[] = [];
  for (const token of tokens.slice(frame + 2)) {
    if (token.punctuation !== undefined || token.negation) break;
    if (isContent(token)) condition.push(token);
  }
  const sources = tokens.slice(0, not - 1).filter((token) => isContent(token));
  return condition.length > 0 && sources.length > 0 ? { sources, condition } : undefined;
}

/** How many words before the condition a negation or an open word still reaches within its phrase. */
const PHRASE_REACH = 6;
/**
 * A word of the talk that leaves the condition after it open: a possibility, a worry, a test for it ("i am worried
 * about copd", "we should rule out a fracture").
 */
const OPEN_ASSESSMENT =
  /^(?:possible|possibly|maybe|might|could|may|rule|ruling|worried|worry|concern|concerned|whether|if|check|test|evaluate)$/;
/**
 * The polarity of a word in a unit where it is not supposed ("if …"): negative where any such place denies it by a
 * negation of its own phrase, six words before it at most ("i do not think this is copd"; not "there is no narrowing in
 * the vessels of your kidneys that would be the cause of your hypertension", nor the "no" that answers "any kidney
 * trouble behind your hypertension?"), positive where one says it plainly, not after an open word.
 */
function plainPolarity(
  token: AnalysedToken,
  unit: TranscriptUnit,
  index: TranscriptIndex,
): 'negative' | 'positive' | undefined {
  let found: 'positive' | undefined;
  for (const position of matchPositions(token, unit, index)) {
    if (hypotheticalAt(unit, position, index.compiled)) continue;
    const polarity = localPolarityAt(unit, position, index);
    const before = unit.tokens.slice(Math.max(0, position - PHRASE_REACH), position);
    if (polarity === 'negative' && before.some((word) => word.negation)) return polarity;
    if (polarity === 'positive' && !before.some((word) => OPEN_ASSESSMENT.test(word.surface)))
      found = polarity;
  }
  return found;
}

/**
 * "Her most recent chest x-ray … are not also consistent with COPD" against "i think you do have copd from your
 * pulmonary function tests , your x-ray": a statement (not a question, not supposed) that says the condition plainly
 * in a turn that names one of the sources is contradicted — unless the talk anywhere denies the condition.
 */
export function checkNegatedEvidenceFrame(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'en' || context.conditional) return undefined;
  const frame = negatedFrame(clause.tokens);
  if (!frame) return undefined;
  const condition = frame.condition.filter(
    (token) => !isWeak(token, language) && matchingCanonicals(token, index).size > 0,
  );
  const named = new Set(condition.map((token) => token.canonical));
  const sources = frame.sources.filter(
    (token) =>
      !named.has(token.canonical) && !isWeak(token, language) && matchingCanonicals(token, index).size > 0,
  );
  if (condition.length === 0 || sources.length === 0) return undefined;
  let asserted: TranscriptUnit | undefined;
  for (const unit of index.units) {
    const polarities = condition.map((token) => plainPolarity(token, unit, index));
    if (polarities.includes('negative')) return undefined;
    if (unit.isQuestion || unit.hypothetical) continue;
    if (!polarities.includes('positive')) continue;
    // Speech recognition cuts a turn into windows: the source may be named earlier in the same turn ("your blood
    // pressure it's still high … so your diagnosis is uncontrolled hypertension").
    const turn = index.units.filter((other) => other.segmentIndex === unit.segmentIndex);
    if (!sources.some((token) => turn.some((other) => matchPositions(token, other, index).length > 0)))
      continue;
    asserted ??= unit;
  }
  if (!asserted) return undefined;
  return flag('negation', 'contradicted', REASONS.negationConflictPresent([asserted.segmentId], language));
}
