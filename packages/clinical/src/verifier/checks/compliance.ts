/**
 * Claims that the patient does not take a treatment as agreed ("not compliant with metformin"), read against what the
 * transcript says of missed or stopped doses.
 */
import { findDrugMentions } from '../drug-names';
import { REASONS } from '../reasons';
import { foldText } from '../text-tools';
import type { Clause, CheckContext, Issue } from './clause';
import { flag } from './clause';

/** A claim of non-compliance ("has not been compliant", "is non-adherent", "noncompliant"). */
const NONCOMPLIANCE =
  /(?<![\p{L}])(?:(?:not|n't|never)\s+(?:been\s+|fully\s+|very\s+|always\s+)*(?:compliant|adherent)|non-?\s?(?:compliant|adherent|compliance|adherence))(?![\p{L}])/u;
/**
 * Talk of doses missed, forgotten or stopped, or of a treatment not taken as agreed; not a medicine the patient "ca
 * n't take" (a contraindication: "you ca n't take certain medications because of your kidney transplant"), nor
 * "take" of an idiom, which takes no dose ("just not gon na take the chance", "not taking it easy").
 */
const LAPSE =
  /(?<![\p{L}])(?:forg[eo]t\p{L}*|miss(?:ed|es|ing)?|skip\p{L}*|stopp?\p{L}*|quit|ran out|run out|off (?:of )?(?:it|them|my|the)|inconsisten\p{L}*|on and off|(?<!ca )(?:not|n't|never|no longer)\s+(?:\p{L}+\s+){0,3}(?:(?:tak\p{L}*|took)(?! (?:a|the|any|that) (?:chance|risk|look|break|walk|step|breath|seat)| it easy| care| time)|us\p{L}*|complian\p{L}*|adheren\p{L}*|consistent\p{L}*|doing|good|great|regular\p{L}*))(?![\p{L}])/u;
/** Words for a treatment taken ("medication", "pills", "taking"). */
const TREATMENT =
  /(?<![\p{L}])(?:medic\p{L}*|meds|pills?|tablets?|doses?|insulin|inhaler|tak\p{L}*|took)(?![\p{L}])/u;
/**
 * English "not compliant with …": unsupported where nobody in the transcript speaks of missed, stopped or irregular
 * doses (a compliant patient's "been taking my medications" does not show it).
 */
export function checkNoncomplianceClaim(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'en' || context.mentionsRelative) return undefined;
  if (!NONCOMPLIANCE.test(foldText(clause.text))) return undefined;
  const lapse = index.units.some((unit) => {
    const text = foldText(unit.text);
    return (
      LAPSE.test(text) &&
      (TREATMENT.test(text) || findDrugMentions(unit.text, index.compiled.lexicon).length > 0)
    );
  });
  if (lapse) return undefined;
  return flag('negation', 'unsupported', REASONS.processNotDone([], language));
}
