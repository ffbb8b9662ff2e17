/**
 * Claims that the patient does not take a treatment as agreed ("not compliant with metformin"), read against what the
 * transcript says of missed or stopped doses.
 */
import { drugKeysMatch, findDrugMentions } from '../drug-names';
import { REASONS } from '../reasons';
import { foldText } from '../text-tools';
import { matchingCanonicals, matchPositions } from '../alignment';
import type { TranscriptUnit } from '../transcript-index';
import type { Clause, CheckContext, Issue } from './clause';
import { deniedInTalk, flag, isContent, isWeak } from './clause';
import { localPolarityAt } from './polarity';

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

/**
 * A litotes of adherence: "not" before an adjective of lapse with its own negating prefix ("has not been inconsistent
 * with her walking", "is not noncompliant with his diet") says the patient keeps to what follows "with".
 */
const ADHERENCE_LITOTES =
  /(?<![\p{L}])(?:not|n't|never)\s+(?:been\s+|be\s+)?(?:\p{L}+ly\s+)?(?:inconsistent|noncompliant|non-compliant|nonadherent|non-adherent|irregular)\s+with\s/u;
/**
 * "She has not been inconsistent with her walking and checking her weight" against the patient's "i have not been
 * checking my weight": the double negative claims she keeps to what follows "with", which the patient says she has
 * not been doing. Contradicted where the patient's own statement denies one of those words and none of the patient's
 * statements says one of them plainly.
 */
export function checkAdherenceLitotes(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'en' || context.mentionsRelative || context.conditional) return undefined;
  const folded = foldText(clause.text);
  const litotes = ADHERENCE_LITOTES.exec(folded);
  if (!litotes) return undefined;
  const withAt = clause.tokens.findIndex(
    (token, position) =>
      token.surface === 'with' &&
      /^(?:inconsistent|noncompliant|non-compliant|nonadherent|non-adherent|irregular)$/.test(
        clause.tokens[position - 1]?.surface ?? '',
      ),
  );
  if (withAt < 0) return undefined;
  const kept = clause.tokens
    .slice(withAt + 1)
    .filter(
      (token) => isContent(token) && !isWeak(token, language) && matchingCanonicals(token, index).size > 0,
    );
  if (kept.length === 0) return undefined;
  let denied: TranscriptUnit | undefined;
  // What the patient keeps to, the patient tells; the doctor's talk of it asks or advises ("i want you to check your
  // weight every morning").
  for (const unit of index.units) {
    if (unit.isQuestion || unit.hypothetical || unit.speaker !== 'pasient') continue;
    for (const token of kept)
      for (const position of matchPositions(token, unit, index)) {
        const polarity = localPolarityAt(unit, position, index);
        if (polarity === 'positive') return undefined;
        if (polarity === 'negative') denied ??= unit;
      }
  }
  return denied
    ? flag('negation', 'contradicted', REASONS.negationConflictDenied([denied.segmentId], language))
    : undefined;
}

/** A claim of taking a treatment as agreed ("is consistent with taking", "compliant with", "takes it regularly"). */
const COMPLIANCE =
  /(?<![\p{L}])(?:(?:compliant|adherent|consistent) (?:with|in|on)|(?:tak\p{L}*|us\p{L}*) (?:\p{L}+ ){0,4}(?:regularly|consistently|as prescribed|as directed))(?![\p{L}])/u;
/** A lapse denied ("i never miss a dose", "don't forget it"): no lapse. */
const LAPSE_DENIED =
  /(?<![\p{L}])(?:never|not|n't|don't|dont|no) (?:\p{L}+ ){0,2}(?:miss|forget|skip)\p{L}*/u;
/** A lapse said as a negation ("not taking it as regularly"), which a "no" to it confirms. */
const NEGATED_LAPSE = /(?<![\p{L}])(?:not|n't|never|no longer)\s/u;
/** Pronouns by which a turn speaks of a drug just named ("taking it", "them"). */
const DRUG_PRONOUN = /(?<![\p{L}])(?:it|them|that one|those)(?![\p{L}])/u;
/** Units before a pronoun in which the drug it stands for may have been named. */
const DRUG_REACH = 3;

/**
 * "Is consistent with taking furosemide" where the talk says the drug is not taken as it should be ("it sounds like
 * you're not taking it as regularly as you should" – "no i don't think i am", "i keep forgetting the furosemide"):
 * the claim of compliance drops the talk's negation. The place names the drug or speaks of it by a pronoun just after
 * it was named; a lapse asked about and answered no is none. English only.
 */
export function checkComplianceClaim(clause: Clause, context: CheckContext): Issue | undefined {
  const { index } = context;
  if (index.compiled.language !== 'en' || context.mentionsRelative || context.conditional) return undefined;
  if (clause.tokens.some((token) => token.negation || token.postNegation)) return undefined;
  const text = foldText(clause.text);
  if (!COMPLIANCE.test(text) || NONCOMPLIANCE.test(text)) return undefined;
  const drugs = findDrugMentions(clause.text, index.compiled.lexicon).filter((drug) => !drug.isClass);
  if (drugs.length === 0) return undefined;
  const names = (unit: TranscriptUnit): boolean =>
    unit.drugs.some((found) => drugs.some((drug) => drugKeysMatch(found.key, drug.key)));
  const denying: TranscriptUnit[] = [];
  for (const unit of index.units) {
    if (unit.hypothetical || unit.subjects.includes('relative')) continue;
    const said = foldText(unit.text);
    if (!LAPSE.test(said) || LAPSE_DENIED.test(said)) continue;
    const aboutDrug =
      names(unit) ||
      (DRUG_PRONOUN.test(said) &&
        index.units.slice(Math.max(0, unit.index - DRUG_REACH), unit.index).some((before) => names(before)));
    if (!aboutDrug) continue;
    if (unit.isQuestion) {
      // "You're not taking it as regularly as you should" – "no": confirmed; "missed any doses?" – "no": no lapse.
      const negated = NEGATED_LAPSE.test(said);
      if (unit.answer === (negated ? 'negative' : 'positive')) denying.push(unit);
      else if (unit.answer === (negated ? 'positive' : 'negative') && !negated) return undefined;
      continue;
    }
    denying.push(unit);
  }
  return deniedInTalk(denying, context.language);
}
