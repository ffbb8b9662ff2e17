/**
 * Words that need a negation, a question or a condition around them ("any" after a verb of having or reporting): in
 * a plain statement they show that a negation was lost.
 */
import { REASONS } from '../reasons';
import { foldText } from '../text-tools';
import type { Clause, CheckContext, Issue } from './clause';
import { flag } from './clause';

/**
 * "Any" as the object of having, reporting or knowing ("has had any elevated readings", "has knowledge of any family
 * history", "reports any specific injury"): English uses it there only under a negation ("has not had any …",
 * "denies any …"); said plainly it means "some" only in questions and conditions.
 */
const ANY_AFTER_VERB =
  /(?<![\p{L}])(?:(?:has|have|had|having)(?: (?:also|ever|previously|recently|since|really))? (?:(?:had|experienced|noticed|seen|received|tried|taken|felt) )?|(?:reports?(?: of)?|reported|endorses?|endorsed|admits?|admitted|describes?|described|states?|stated|complains? of|complained of|notes?|noted|experienc(?:es|ed|ing)|knowledge of|aware of|history of) )any(?![\p{L}])/u;
/**
 * "With any" before an outcome ("began 3 weeks ago, with any improvement"): an outcome is had "without any"; "with
 * any" names a trigger ("pain with any movement"), never an outcome.
 */
const WITH_ANY_OUTCOME =
  /(?<![\p{L}])with any (?:improvement|relief|benefit|success|help|effect|change|changes|progress|resolution)(?![\p{L}])/u;
/**
 * Words before the "any" that open a question, a condition, a purpose or a task, under which "any" is at home ("if
 * any", "to rule out any", "will report any new swelling", "asked to report any changes").
 */
const LICENSER =
  /(?<![\p{L}])(?:if|whether|unless|should|when|whenever|until|before|ask(?:s|ed)?|question(?:s|ed)?|rule out|evaluate|assess|check|monitor|prevent|avoid|difficulty|without|no|not|never|nor|denies|denied|free|will|would|shall|can|could|may|might|must|to|please)(?![\p{L}])|n't/u;
/** English: a clause with "any" where only a negation could have put it, and no negation, question or condition. */
export function checkUnlicensedAny(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'en' || context.conditional) return undefined;
  if (clause.negated.size > 0 || clause.tokens.some((token) => token.negation || token.postNegation))
    return undefined;
  if (/\?\s*$/u.test(context.statementText)) return undefined;
  const text = foldText(clause.text);
  const any = ANY_AFTER_VERB.exec(text) ?? WITH_ANY_OUTCOME.exec(text);
  if (!any) return undefined;
  // Only what stands before the "any" licenses it ("reports any pain, which is not …" is still unlicensed).
  if (LICENSER.test(text.slice(0, any.index + any[0].length))) return undefined;
  return flag('negation', 'unsupported', REASONS.polarityItemUnlicensed(language));
}
