/**
 * A good state denied ("His reflux is not doing better", "Her hypertension is not well controlled", "His weight has not
 * been stable", "Vitals are not otherwise good") where the talk calls that state good ("i think it's a bit better",
 * "you're managing it well", "nice and pretty stable", "your vitals themselves look good", "she's drinking a lot better
 * now"). English only.
 */
import { matchPositions } from '../alignment';
import { REASONS } from '../reasons';
import type { AnalysedToken } from '../text-analysis';
import { analyseTokens } from '../text-analysis';
import { foldText } from '../text-tools';
import type { TranscriptIndex, TranscriptUnit } from '../transcript-index';
import type { CheckContext, Clause, Issue } from './clause';
import { flag, isContent } from './clause';

/** Words that call a state good ("well", "better", "stable", "under control" → "controlled"). */
const GOOD_STATE = /^(?:well|better|good|fine|okay|ok|great|stable|controlled|improved|improving|alright)$/;
/** Words between a negation and the good word it denies ("not been well", "not doing better", "not typically"). */
const STATE_LINK =
  /^(?:be|been|being|doing|going|getting|typically|currently|usually|very|really|quite|adequately|optimally|otherwise|overall|generally|mostly|largely)$/;
/** Words of a claim that frame it, not what it is about ("the patient notes", "medical reasoning"). */
const FRAME_WORD =
  /^(?:patient|notes?|states?|reports?|says?|confirms?|explains?|medical|reasoning|assessment|doing|going|getting)$/;
/** A copula or verb of state that makes the next word what something is ("it's better", "seems okay", "doing fine"). */
const STATE_LEAD =
  /^(?:is|are|was|were|am|be|been|it's|that's|they're|i'm|i've|he's|she's|we're|you're|seems?|seemed|feels?|felt|looks?|looked|doing|going|getting|stayed|staying|remained|remains?)$/;
/** Verbs whose object is then said to be good ("managing it well", "keeping it controlled"). */
const MANAGING = /^(?:managing|managed|keeping|kept|controlling|handling|handled)$/;
/** Degree words between a verb of state and the good word ("pretty", "a bit", "nice and"). */
const DEGREE =
  /^(?:pretty|really|very|quite|so|much|a|bit|lot|little|surprisingly|fairly|relatively|still|all|just|real|super|overall|nice|and)$/;
/** Fillers that open an answer ("um", "yeah", "oh"): a good word after them alone is the answer's predicate. */
const FILLER = /^(?:um|uh|yeah|yes|oh|mm|mm-hmm|so|well|i|think|guess|say|would)$/;
/** Talk of a bad state: one of these makes the talk about the topic mixed, so it decides nothing. */
const BAD_STATE =
  /(?<![\p{L}])(?:not (?:\p{L}+ ){0,2}(?:well|better|good|great|fine|okay|stable|controlled)|n't (?:\p{L}+ ){0,2}(?:well|better|good|great|fine|okay|stable|controlled)|worse|worsening|bad|poor(?:ly)?|terrible|struggl\p{L}*|less than|uncontrolled|out of control|(?:too|bit|little|still|running|been|is|are|was|were|gets?|got) (?:high|elevated)|up and down|fluctuat\p{L}*|trouble|difficult|hard|rough)(?![\p{L}])/u;
/** "how are you doing", "how is it going", "how have you been": a question about the state as a whole. */
const HOW_DOING =
  /(?<![\p{L}])how(?:'s| (?:are|is|have|has)) (?:you|it|he|she|things|everything|that)(?: been)? (?:doing|going|feeling)?(?![\p{L}])/u;

/** The position of a good word the clause denies ("not been well controlled" → "well"), -1 when there is none. */
export function deniedGoodStateAt(tokens: readonly AnalysedToken[]): number {
  for (let position = 0; position < tokens.length; position += 1) {
    if (!/^(?:not|n't|never)$/.test(tokens[position]?.surface ?? '')) continue;
    for (let next = position + 1; next <= position + 3 && next < tokens.length; next += 1) {
      const word = tokens[next]?.surface ?? '';
      if (GOOD_STATE.test(word)) return next;
      if (!STATE_LINK.test(word)) break;
    }
  }
  return -1;
}

/**
 * True when the unit calls a state good at the position: the good word after a copula or verb of state ("i think
 * it's a bit better", "everything seems controlled"), after "managing it" ("you're managing it well"), or alone
 * opening an answer ("nice and pretty stable"), and not negated ("it's not great").
 */
function saysGoodAt(unit: TranscriptUnit, position: number): boolean {
  if (!GOOD_STATE.test(unit.tokens[position]?.surface ?? '') && !seemsNormal(unit, position)) return false;
  let back = position - 1;
  while (back >= 0 && back >= position - 4 && DEGREE.test(unit.tokens[back]?.surface ?? '')) back -= 1;
  const lead = unit.tokens[back];
  const leads =
    lead === undefined ||
    lead.punctuation !== undefined ||
    STATE_LEAD.test(lead.surface) ||
    (/^(?:it|them|that)$/.test(lead.surface) && MANAGING.test(unit.tokens[back - 1]?.surface ?? '')) ||
    unit.tokens
      .slice(0, back + 1)
      .every((word) => word.punctuation !== undefined || FILLER.test(word.surface));
  if (!leads && !progressiveLead(unit, back) && !seemsNormal(unit, position)) return false;
  return !unit.tokens
    .slice(Math.max(0, position - 4), position)
    .some((word) => word.negation || /^(?:not|n't|never)$/.test(word.surface));
}

/**
 * A progressive verb after a copula leads the good word as a verb of state does: "she's drinking a lot better now" says
 * the drinking goes better, as "she's doing better" says she does.
 */
function progressiveLead(unit: TranscriptUnit, at: number): boolean {
  const verb = unit.tokens[at]?.surface ?? '';
  return /^\p{L}{3,}ing$/u.test(verb) && STATE_LEAD.test(unit.tokens[at - 1]?.surface ?? '');
}

/** A verb of seeming with a good word ("your vitals themselves look good"), which the lexicon reads as "normal". */
const SEEMS_GOOD =
  /(?<![\p{L}])(?:looks?|sounds?|seems?|feels?) (?:really |pretty |very )?(?:good|fine|great|ok|okay|normal)(?![\p{L}])/u;
/** True at a "normal" that stands for a verb of seeming with a good word: the verb is in it, so it needs no lead. */
function seemsNormal(unit: TranscriptUnit, position: number): boolean {
  return unit.tokens[position]?.surface === 'normal' && SEEMS_GOOD.test(foldText(unit.text));
}

/** The units of the turn a unit belongs to (one speaker's segment). */
function turnOf(unit: TranscriptUnit, index: TranscriptIndex): TranscriptUnit[] {
  return index.units.filter((other) => other.segmentId === unit.segmentId);
}

/**
 * True when the unit is about the topic: a topic word said within a dozen words of the position, or anywhere in the
 * doctor's turn the unit answers ("how about your blood pressure how is it doing" – "they are doing fine").
 */
function aboutTopic(
  unit: TranscriptUnit,
  position: number,
  topic: readonly AnalysedToken[],
  index: TranscriptIndex,
): boolean {
  const near = topic.some((token) =>
    matchPositions(token, unit, index).some((at) => Math.abs(at - position) <= 12),
  );
  if (near) return true;
  const asked = unit.answersUnit === undefined ? undefined : index.units[unit.answersUnit];
  if (!asked) return false;
  const turn = turnOf(asked, index);
  if (topic.length === 0) return turn.some((member) => HOW_DOING.test(foldText(member.text)));
  return turn.some((member) => topic.some((token) => matchPositions(token, member, index).length > 0));
}

/**
 * The words that name what the statement says is not in a good state ("For his hypertension, this has not been well
 * controlled" → hypertension), with the problem its section named ("Gout. | Medical Reasoning: Her flares …").
 */
function topicWords(context: CheckContext): AnalysedToken[] {
  const own = context.statementContent.filter(
    (token) =>
      !GOOD_STATE.test(token.surface) &&
      !STATE_LINK.test(token.surface) &&
      !FRAME_WORD.test(token.surface) &&
      !token.negation,
  );
  if (context.topic === undefined || !namesHeading(context.topic)) return own;
  const section = analyseTokens(context.topic, context.index.compiled, { note: true }).filter((token) =>
    isContent(token),
  );
  return [...own, ...section];
}

/** A sentence with its own subject or negation ("He denies any hematochezia.") is no problem named as a heading. */
const SENTENCE_OPENING = /^(?:he|she|they|it|this|the patient|patient|we|i)(?![\p{L}])/u;
function namesHeading(topic: string): boolean {
  const folded = foldText(topic).trim();
  return !SENTENCE_OPENING.test(folded) && !/(?<![\p{L}])(?:no|not|denies|denied)(?![\p{L}])/u.test(folded);
}

/**
 * "His reflux is not doing better" where the patient, asked about the reflux, says "i think it's a bit better"; "Her
 * hypertension is not well controlled" where the doctor says "for your high blood pressure, it looks like you're
 * managing it well": a state the talk calls good, about the same thing, is contradicted when the note denies it — as
 * long as nothing in the talk about that thing calls it bad ("it's been more of a struggle recently").
 */
export function checkGoodStateDenied(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'en' || context.conditional) return undefined;
  if (deniedGoodStateAt(clause.tokens) < 0) return undefined;
  if (supposesOnly(context)) return undefined;
  const topic = topicWords(context);
  let good: TranscriptUnit | undefined;
  for (const unit of index.units) {
    if (unit.hypothetical) continue;
    if (unit.isQuestion && unit.answer !== 'positive') {
      // "That's going okay?" – "no": the talk calls it bad.
      if (
        unit.answer === 'negative' &&
        relevantAnywhere(unit, topic, index) &&
        unit.tokens.some((_, position) => saysGoodAt(unit, position))
      )
        return undefined;
      continue;
    }
    if (relevantAnywhere(unit, topic, index) && BAD_STATE.test(foldText(unit.text))) {
      return undefined;
    }
    const says = unit.tokens.some(
      (_, position) => saysGoodAt(unit, position) && aboutTopic(unit, position, topic, index),
    );
    if (says) good ??= unit;
  }
  if (!good) return undefined;
  return flag('negation', 'contradicted', REASONS.describedGood([good.segmentId], language));
}

/** True when the unit is about the topic anywhere in it (or, for a claim without one, answers "how are you doing"). */
function relevantAnywhere(
  unit: TranscriptUnit,
  topic: readonly AnalysedToken[],
  index: TranscriptIndex,
): boolean {
  if (topic.some((token) => matchPositions(token, unit, index).length > 0)) return true;
  const asked = unit.answersUnit === undefined ? undefined : index.units[unit.answersUnit];
  if (!asked) return false;
  const turn = turnOf(asked, index);
  if (topic.length === 0) return turn.some((member) => HOW_DOING.test(foldText(member.text)));
  return turn.some((member) => topic.some((token) => matchPositions(token, member, index).length > 0));
}

/** A statement of what may happen ("If she is not better, …"), which claims no state. */
function supposesOnly(context: CheckContext): boolean {
  return context.index.compiled.hypotheticalCues.test(foldText(context.statementText));
}
