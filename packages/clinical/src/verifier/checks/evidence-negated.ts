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

/** The words of an evidence frame after its negation: "consistent with", "suggestive of", "indicative of". */
const FRAME = /^(?:consistent|suggestive|indicative)$/;
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
  if (!FRAME.test(tokens[frame]?.surface ?? '') || !FRAME_LINK.test(tokens[frame + 1]?.surface ?? ''))
    return undefined;
  const condition: AnalysedToken[] = [];
  for (const token of tokens.slice(frame + 2)) {
    if (token.punctuation !== undefined || token.negation) break;
    if (isContent(token)) condition.push(token);
  }
  const sources = tokens.slice(0, not - 1).filter((token) => isContent(token));
  return condition.length > 0 && sources.length > 0 ? { sources, condition } : undefined;
}

/** The polarity of a word in a unit where it is not supposed ("if …"): negative where any such place denies it. */
function plainPolarity(
  token: AnalysedToken,
  unit: TranscriptUnit,
  index: TranscriptIndex,
): 'negative' | 'positive' | undefined {
  let found: 'positive' | undefined;
  for (const position of matchPositions(token, unit, index)) {
    if (hypotheticalAt(unit, position, index.compiled)) continue;
    const polarity = localPolarityAt(unit, position, index);
    if (polarity === 'negative') return polarity;
    if (polarity === 'positive') found = polarity;
  }
  return found;
}

/**
 * "Her most recent chest x-ray … are not also consistent with COPD" against "i think you do have copd from your
 * pulmonary function tests , your x-ray": a statement (not a question, not supposed) that says the condition plainly
 * beside one of the sources is contradicted — unless the talk anywhere denies the condition.
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
    if (!sources.some((token) => matchPositions(token, unit, index).length > 0)) continue;
    asserted ??= unit;
  }
  if (!asserted) return undefined;
  return flag('negation', 'contradicted', REASONS.negationConflictPresent([asserted.segmentId], language));
}
