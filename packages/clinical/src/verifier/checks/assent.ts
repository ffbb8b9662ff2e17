/**
 * The patient's assent to the plan: "The patient understands and agrees with the plan" is documented from the
 * patient's answer when the doctor asks whether the plan sounds good ("does that sound like a good plan for you?" –
 * "yeah it sounds like a good first start"). A note that says the patient does not agree or understand needs a
 * refusal or a misunderstanding in the talk; against an assent without one, it is contradicted.
 */
import type { TranscriptUnit } from '../transcript-index';
import { foldText } from '../text-tools';
import { REASONS } from '../reasons';
import type { Clause, CheckContext, Issue } from './clause';
import { flag } from './clause';

/** Agreement or understanding ("agrees", "in agreement", "understands", "verbalized understanding"). */
const ASSENT_WORD = /^(?:agree|agrees|agreed|agreement|understand|understands|understood|understanding)$/;
/** What the patient agrees to ("the plan", "the recommendations", "the risks and benefits"). */
const PLAN_OBJECT = /(?<![\p{L}])(?:plan|recommendations?|treatment|risks|benefits|instructions)(?![\p{L}])/u;
/**
 * The doctor asking for assent to the plan ("does that sound like a good plan?", "are you okay with that?"); speech
 * recognition repeats a word ("does that sound like a a good plan for you").
 */
const ASSENT_QUESTION =
  /(?<![\p{L}])(?:does that sound (?:good|okay|ok|alright|all right|reasonable)|how does that sound|sounds? like (?:a )+(?:good |reasonable )?plan|are you (?:okay|ok|alright|all right|comfortable) with (?:that|this|the plan))(?![\p{L}])/u;
/** An answer of assent at the start of the patient's reply ("yeah it sounds like a good first start", "okay"). */
const ASSENT_REPLY =
  /^(?:yes|yeah|yep|yup|okay|ok|alright|all right|sure|sounds good|that sounds good|perfect|great|absolutely|definitely)(?![\p{L}])/u;
/** A refusal or a doubt of the patient ("i don't want surgery", "i'd rather not", "i'm not sure about that"). */
const REFUSAL =
  /(?<![\p{L}])(?:i do ?n'?t (?:want|think i want|agree|understand)|i'?d rather not|no thanks|not comfortable|i'?m not sure about (?:that|this|the)|i do ?n'?t think so)(?![\p{L}])/u;

/** The patient's first reply after the doctor's unit, in a later turn. */
function replyTo(unit: TranscriptUnit, units: readonly TranscriptUnit[]): TranscriptUnit | undefined {
  const next = units.find((other) => other.index > unit.index && other.segmentIndex !== unit.segmentIndex);
  return next?.speaker === 'pasient' ? next : undefined;
}

/**
 * "The patient states he understands and is not in agreement with the plan": a denied agreement or understanding of
 * the plan, where the patient assented when asked ("does that sound like a good plan for you?" – "yeah …") and never
 * refused. English only.
 */
export function checkDeniedAssent(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'en' || context.mentionsRelative) return undefined;
  const denied = clause.tokens.some((token) => ASSENT_WORD.test(token.surface) && clause.negated.has(token));
  if (!denied || !PLAN_OBJECT.test(foldText(context.statementText))) return undefined;
  const units = index.units;
  if (units.some((unit) => unit.speaker === 'pasient' && REFUSAL.test(foldText(unit.text)))) return undefined;
  for (const unit of units) {
    if (unit.speaker !== 'lege' || !ASSENT_QUESTION.test(foldText(unit.text))) continue;
    const reply = replyTo(unit, units);
    if (reply && ASSENT_REPLY.test(foldText(reply.text).replace(/^(?:um|uh|oh|well)\s*,?\s*/, '')))
      return flag('negation', 'contradicted', REASONS.negationConflictPresent([reply.segmentId], language));
  }
  return undefined;
}
