/**
 * What makes a complaint worse: asked "is it worse when you bend it? or anything make it …", the patient who names a
 * thing ("yeah, movement.") names what brings the complaint on or worsens it. A note that denies the complaint with
 * that thing ("She does not have pain with movement") denies what the patient gave as its aggravating factor.
 */
import { matchPositions, matchingCanonicals } from '../alignment';
import { REASONS } from '../reasons';
import type { AnalysedToken } from '../text-analysis';
import { foldText } from '../text-tools';
import type { TranscriptIndex, TranscriptUnit } from '../transcript-index';
import type { Clause, CheckContext, Issue } from './clause';
import { flag, isContent } from './clause';
import { localPolarityAt } from './polarity';

/** Words of a complaint that a circumstance brings on ("pain", "hurts", "worse", "discomfort"). */
const COMPLAINT = /^(?:pain|pains|painful|hurt|hurts|hurting|worse|discomfort|soreness|sore|tenderness)$/;
/** What ties the complaint to its circumstance ("pain with movement", "pain on walking", "worse when bending"). */
const CIRCUMSTANCE = /^(?:with|on|when|during|after)$/;
/**
 * A question about what worsens a complaint ("is it worse when you bend it?", "does anything make it worse?", "what
 * makes it hurt?", "what aggravates it?").
 */
const AGGRAVATION_QUESTION =
  /(?<![\p{L}])(?:worse|make (?:it|the pain)|makes (?:it|the pain)|aggravat\p{L}*|brings? (?:it )?on|triggers?)(?![\p{L}])/u;

/** What eases a complaint ("better with rest", "ice helps"): an answer that names relief is no aggravating factor. */
const RELIEF = /(?<![\p{L}])(?:better|relie\p{L}*|helps?|helped|eases?|eased)(?![\p{L}])/u;

/**
 * The thing a denied complaint is tied to ("movement" in "does not have pain with movement"): the first content word
 * within three words after the circumstance word that follows a denied complaint word.
 */
function deniedCircumstance(clause: Clause): AnalysedToken | undefined {
  const tokens = clause.tokens;
  const complaint = tokens.findIndex((token) => COMPLAINT.test(token.surface) && clause.negated.has(token));
  if (complaint < 0 || !CIRCUMSTANCE.test(tokens[complaint + 1]?.surface ?? '')) return undefined;
  for (let next = complaint + 2; next < tokens.length && next <= complaint + 4; next += 1) {
    const token = tokens[next];
    if (!token || token.punctuation !== undefined || token.negation) return undefined;
    if (isContent(token)) return token;
  }
  return undefined;
}

/** The text of the question a unit answers, with the rest of the asker's turn ("is it worse …? or anything …"). */
function askedText(unit: TranscriptUnit, index: TranscriptIndex): string {
  if (unit.answersUnit === undefined) return '';
  const question = index.units[unit.answersUnit];
  if (!question?.isQuestion) return '';
  return index.units
    .filter((other) => other.segmentIndex === question.segmentIndex)
    .map((other) => foldText(other.text))
    .join(' ');
}

/**
 * "She does not have pain with movement" against "is it worse when you bend it? or anything make it …" – "yeah,
 * movement.": a denied complaint tied to a thing the patient named, unnegated, when asked what makes it worse, is
 * contradicted. English only.
 */
export function checkAggravatingFactor(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'en' || context.conditional || context.mentionsRelative) return undefined;
  const factor = deniedCircumstance(clause);
  if (!factor || matchingCanonicals(factor, index).size === 0) return undefined;
  for (const unit of index.units) {
    if (unit.speaker !== 'pasient' || unit.isQuestion || unit.hypothetical) continue;
    const positions = matchPositions(factor, unit, index);
    if (positions.length === 0 || RELIEF.test(foldText(unit.text))) continue;
    if (!AGGRAVATION_QUESTION.test(askedText(unit, index))) continue;
    if (positions.some((position) => localPolarityAt(unit, position, index) === 'positive'))
      return flag('negation', 'contradicted', REASONS.negationConflictPresent([unit.segmentId], language));
  }
  return undefined;
}
