/**
 * Whether a treatment helps: effect claims against what the patient says of the treatment.
 */
import { matchingCanonicals, matchPositions } from '../alignment';
import type { Clause, CheckContext, Issue } from './clause';
import { polarityConflict } from './clause';
import { localPolarityAt } from './polarity';
import { findDrugMentions, drugKeysMatch } from '../drug-names';
import { type AnalysedToken, analyseTokens } from '../text-analysis';
import { foldText } from '../text-tools';
import type { TranscriptUnit } from '../transcript-index';

/**
 * English words saying that a treatment works ("it does not help", "provides relief"). Norwegian effect claims
 * ("hjelper ikke") are decided by the negation checks, which align them well.
 */
const EFFECT =
  /^(?:help|helps|helped|helping|helpful|unhelpful|beneficial|effective|ineffective|relief|relieve|relieves|relieved)$/;
const NO_EFFECT = /^(?:unhelpful|ineffective)$/;
/**
 * Before an effect word, a purpose, a plan, a need, a condition or a hope, not an effect ("to help with", "for pain
 * relief", "required help", "if it helps", "hopefully that helps").
 */
const NOT_EFFECT_BEFORE =
  /^(?:to|for|will|would|should|can|could|may|might|shall|required|requires|require|needed|needs|need|get|getting|ask|asked|if|whether|unless|hopefully|hope|maybe|probably)$/;
/** A degree of the effect ("minimal relief", "helps a little"): partial, neither all nor nothing. */
const EFFECT_DEGREE =
  /^(?:minimal|minimally|little|slight|slightly|some|somewhat|partial|partially|mild|mildly|limited|temporary|temporarily|moderate|moderately|significant|significantly|much|complete|completely|full|fully|sometimes|initially|bit|kind|sort)$/;
/** A strong degree of the effect ("significant relief", "helps a lot", "complete relief"). */
export const STRONG_DEGREE =
  /^(?:significant|significantly|substantial|substantially|much|complete|completely|full|fully|great|greatly|tremendous|tremendously)$/;
/** True when a strong degree ("significant", "complete") qualifies the effect word at the position, and no weak one. */
function strongDegreeNear(tokens: readonly AnalysedToken[], position: number): boolean {
  let strong = false;
  for (let offset = -3; offset <= 3; offset += 1) {
    const token = tokens[position + offset];
    if (offset === 0 || !token || token.punctuation !== undefined) continue;
    if (STRONG_DEGREE.test(token.surface)) strong = true;
    else if (EFFECT_DEGREE.test(token.surface)) return false;
  }
  return strong;
}
/** Treatments named by a word other than a drug name ("ice", "physical therapy", "the brace"). */
const TREATMENT_WORD =
  /^(?:ice|icing|iced|heat|therapy|physicaltherapy|pt|physiotherapy|brace|bracing|splint|massage|massaging|stretching|stretches|exercises|injection|injections|shot|shots|medication|medications|medicine|medicines|pills?|tablets?|cream|gel|ointment|drops|spray|inhaler)$/;
/** Verbs after which "to" opens no purpose ("does not seem to help", "tends to help"). */
const SEEM = /^(?:seem|seems|seemed|appear|appears|appeared|tend|tends|tended)$/;
/** True when the words before an effect word make it a purpose, a plan or a need, not an effect. */
function notEffectBefore(tokens: readonly AnalysedToken[], position: number): boolean {
  for (let back = position - 1; back >= 0 && back >= position - 3; back -= 1) {
    const token = tokens[back];
    if (!token || token.punctuation !== undefined) return false;
    if (!NOT_EFFECT_BEFORE.test(token.surface)) continue;
    if (token.surface === 'to' && SEEM.test(tokens[back - 1]?.surface ?? '')) return false;
    return true;
  }
  return false;
}
/** Pronouns by which a later turn speaks of a treatment just named ("does that help?", "it did not help"). */
const EFFECT_PRONOUN = /^(?:that|it|this|they|those|these|that's|it's)$/;
/** Units after the one naming a treatment that may still speak of its effect. */
const EFFECT_REACH = 3;
/** "Physical therapy's gone really well": going well, said of a treatment, is its effect. */
function goesWell(tokens: readonly AnalysedToken[], position: number): boolean {
  if (!/^(?:gone|going|went|goes)$/.test(tokens[position]?.surface ?? '')) return false;
  for (let ahead = position + 1; ahead <= position + 3; ahead += 1) {
    const surface = tokens[ahead]?.surface ?? '';
    if (surface === 'well') return true;
    if (!/^(?:really|very|pretty|quite|so)$/.test(surface)) return false;
  }
  return false;
}
/** "But it still hurts", "though I still have pain": after a treatment, a pain that stays says it did not help. */
function stillHurts(tokens: readonly AnalysedToken[], position: number): boolean {
  if (tokens[position]?.surface !== 'still') return false;
  const pain = tokens
    .slice(position + 1, position + 4)
    .some((token) => /^(?:hurts?|hurting|pain|painful|sore|aches?|aching)$/.test(token.surface));
  const contrast = tokens
    .slice(Math.max(0, position - 4), position)
    .some((token) => /^(?:but|though|although)$/.test(token.surface));
  const negated = tokens.slice(Math.max(0, position - 3), position + 3).some((token) => token.negation);
  return pain && contrast && !negated;
}
/** Words before "work" that make it a place or a task, not an effect ("back to work", "at work", "for work"). */
const WORK_AS_PLACE = /^(?:to|at|from|for|of|off|my|his|her|your|their|the|a|some)$/;
/**
 * "I tried heat, but nothing really worked", "it didn't work": a treatment that does not work did not help. Only the
 * denied form is read — "work" said plainly is as often a job as an effect.
 */
function didNotWork(tokens: readonly AnalysedToken[], position: number): boolean {
  if (!/^(?:work|worked|working)$/.test(tokens[position]?.surface ?? '')) return false;
  if (WORK_AS_PLACE.test(tokens[position - 1]?.surface ?? '')) return false;
  return tokens
    .slice(Math.max(0, position - 3), position)
    .some((token) => token.negation || /^(?:nothing|never)$/.test(token.surface));
}
/**
 * "I tried ice. I tried heat, but nothing really worked", "nothing has helped": "nothing" denies the effect of every
 * thing the speaker has just listed as tried, not only of the last one named.
 */
function nothingHelped(tokens: readonly AnalysedToken[], position: number): boolean {
  const surface = tokens[position]?.surface ?? '';
  if (!/^(?:work|worked|works|working)$/.test(surface) && (!EFFECT.test(surface) || NO_EFFECT.test(surface)))
    return false;
  if (WORK_AS_PLACE.test(tokens[position - 1]?.surface ?? '')) return false;
  return tokens.slice(Math.max(0, position - 3), position).some((token) => token.surface === 'nothing');
}
/** True when a unit names a drug or a treatment word: what it says of an effect is about that one. */
function namesAnyTreatment(unit: TranscriptUnit): boolean {
  return unit.drugs.length > 0 || unit.tokens.some((token) => TREATMENT_WORD.test(token.surface));
}
/** A degree word around a position ("helped a little bit", "kind of helped", "hjalp litt"). */
function effectDegreeNear(tokens: readonly AnalysedToken[], position: number): boolean {
  for (let offset = -3; offset <= 3; offset += 1) {
    const token = tokens[position + offset];
    if (offset === 0 || !token || token.punctuation !== undefined) continue;
    if (EFFECT_DEGREE.test(token.surface)) return true;
  }
  return false;
}
/**
 * "Ibuprofen … but it does help" against "taking ibuprofen … but it's really not helping at all", "which did
 * provide relief" against "has the ibuprofen helped at all?" – "not really": a claim about whether a treatment
 * works is contradicted where the transcript, speaking of the same treatment, says the opposite and never agrees.
 * The treatment is what the statement names before the effect word (a drug or a treatment word); the transcript's
 * effect word is in the place that names it, in the two places after it in the same turn, or in the answer to it.
 * A degree ("minimal relief", "helped a little") is neither all nor nothing and decides nothing.
 */
export function checkEffectClaim(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  if (compiled.language !== 'en' || context.conditional || context.mentionsRelative) return undefined;
  if (compiled.hypotheticalCues.test(foldText(context.statementText))) return undefined;
  const at = clause.tokens.findIndex((token) => EFFECT.test(token.surface));
  const effect = clause.tokens[at];
  if (!effect) return undefined;
  // "Significant relief" claims more than some: a partial effect ("helped a little bit") falls short of it.
  const strongClaim = strongDegreeNear(clause.tokens, at);
  if (notEffectBefore(clause.tokens, at) || (effectDegreeNear(clause.tokens, at) && !strongClaim))
    return undefined;
  // "Did not provide her with any relief", "nothing seemed to help", "without relief".
  const claimedNegative =
    clause.negated.has(effect) ||
    NO_EFFECT.test(effect.surface) ||
    clause.tokens.slice(Math.max(0, at - 6), at).some((token) => token.negation);
  // The treatment: what the statement names before the effect word.
  const effectStart = foldText(clause.text).search(
    new RegExp(`(?<![\\p{L}])${effect.surface}(?![\\p{L}])`, 'u'),
  );
  const leading = context.statementText.slice(
    0,
    clause.offset + (effectStart >= 0 ? effectStart : clause.text.length),
  );
  const drugs = findDrugMentions(leading, compiled.lexicon).filter((drug) => !drug.isClass);
  const words = [
    ...analyseTokens(context.statementText.slice(0, clause.offset), compiled, { note: true }),
    ...clause.tokens.slice(0, at),
  ].filter((token) => TREATMENT_WORD.test(token.surface) && matchingCanonicals(token, index).size > 0);
  if (drugs.length === 0 && words.length === 0) return undefined;
  const namesTreatment = (unit: TranscriptUnit): boolean =>
    unit.drugs.some((found) => drugs.some((drug) => drugKeysMatch(found.key, drug.key))) ||
    words.some((word) => matchPositions(word, unit, index).length > 0);
  let agreeing = false;
  let disagreeing: TranscriptUnit | undefined;
  // A later turn speaks of the treatment through a pronoun ("have you tried icing?" – "yes" – "does that give you any
  // relief?" – "no").
  const judge = (unit: TranscriptUnit, throughPronoun: boolean): void => {
    unit.tokens.forEach((token, position) => {
      // "I've been taking ibuprofen, but it still hurts": the treatment did not help.
      if (!throughPronoun && stillHurts(unit.tokens, position)) {
        if (claimedNegative) agreeing = true;
        else disagreeing ??= unit;
        return;
      }
      // "But nothing really worked": the treatment did not help.
      if (!throughPronoun && didNotWork(unit.tokens, position)) {
        if (claimedNegative) agreeing = true;
        else disagreeing ??= unit;
        return;
      }
      if (!EFFECT.test(token.surface) && !goesWell(unit.tokens, position)) return;
      if (notEffectBefore(unit.tokens, position)) return;
      if (
        throughPronoun &&
        !unit.tokens
          .slice(Math.max(0, position - 5), position)
          .some((other) => EFFECT_PRONOUN.test(other.surface))
      )
        return;
      let polarity = localPolarityAt(unit, position, index);
      if (NO_EFFECT.test(token.surface) && polarity !== 'unknown')
        polarity = polarity === 'positive' ? 'negative' : 'positive';
      // "Helped a little bit" is a degree; "not really" is still no. Against a claim of significant relief it is
      // less than claimed: "significant relief" is denied, "no significant relief" agrees.
      if (polarity === 'positive' && effectDegreeNear(unit.contextTokens, position + unit.contextOffset)) {
        if (!strongClaim || strongDegreeNear(unit.contextTokens, position + unit.contextOffset)) return;
        polarity = 'negative';
      }
      // "It helped" says some effect, not how much: it neither confirms nor denies "no significant relief".
      if (
        strongClaim &&
        claimedNegative &&
        polarity === 'positive' &&
        !strongDegreeNear(unit.contextTokens, position + unit.contextOffset)
      )
        return;
      if (polarity === 'unknown') return;
      if ((polarity === 'negative') === claimedNegative) agreeing = true;
      else disagreeing ??= unit;
    });
  };
  for (const unit of index.units) {
    if (unit.hypothetical || !namesTreatment(unit)) continue;
    if (unit.isQuestion && unit.answer !== 'positive' && unit.answer !== 'negative') continue;
    judge(unit, false);
    // Once another treatment is named, the effect words that follow are that one's; only the same speaker's
    // "nothing worked" still speaks of the whole list tried.
    let othersNamed = false;
    for (const next of index.units.slice(unit.index + 1, unit.index + 1 + EFFECT_REACH)) {
      if (next.hypothetical) break;
      if (othersNamed || namesAnyTreatment(next)) {
        othersNamed = true;
        if (next.speaker !== unit.speaker || next.isQuestion) continue;
        if (next.tokens.some((_, position) => nothingHelped(next.tokens, position))) {
          if (claimedNegative) agreeing = true;
          else disagreeing ??= next;
        }
        continue;
      }
      if (next.isQuestion && next.answer !== 'positive' && next.answer !== 'negative') continue;
      judge(next, next.segmentIndex !== unit.segmentIndex);
    }
  }
  return polarityConflict(agreeing, disagreeing, claimedNegative, language);
}
