/**
 * The emphatic affirmative ("he does feel the side effects", "she did fill it", "her symptoms do interfere with her
 * activities"): English puts a stressed "do" before a plain verb only to affirm against a denial — the speaker's or
 * one the reader could expect. A note that writes it where the consultation only denies the same verb with the same
 * object ("i don't feel the side effects as much", "is it interfering …?" – "no not really") has dropped the
 * negation. English only.
 */
import { matchingCanonicals, matchPositions } from '../alignment';
import { foldText } from '../text-tools';
import type { AnalysedToken } from '../text-analysis';
import type { TranscriptUnit } from '../transcript-index';
import type { CheckContext, Clause, Issue } from './clause';
import { deniedInTalk, isKin, isWeak } from './clause';
import { hasLocalNegation, negationBefore } from './polarity';

const EMPHATIC_DO = /^(?:do|does|did)$/;
/** Adverbs that may stand between the stressed "do" and its verb ("does also use", "did in fact fill"). */
const BETWEEN = /^(?:also|still|really|actually|indeed|in|fact|however|sometimes|occasionally|usually)$/;
/**
 * Verbs after "do" that report or have rather than assert what follows ("does have a history of", "does report",
 * "does admit to"): the claim is their object, which other checks weigh.
 */
const REPORTING_VERB =
  /^(?:have|has|had|report|reports|admit|admits|note|notes|acknowledge|endorse|state|confirm|describe|complain|mention|recall|remember|say|tell|think|believe|know|want|wish|hope|plan|agree|understand|well|better|so|this|that|it|not)$/;
/** Words before "do" that make it a verb of its own or a question ("how he does on", "what she does"). */
const NOT_EMPHATIC_BEFORE =
  /^(?:how|what|whether|if|to|can|will|would|could|should|nor|not|never|why|where|when)$/;
/** How far from its object, in words, a verb's mention still speaks of it. */
const NEAR = 6;
/** A condition that the transcript's negation sits in ("if it doesn't help", "unless you don't"). */
const CONDITION_CUE = /^(?:if|unless|whether|in case)$/;

/** The verb a stressed "do" affirms, or undefined when the clause has none ("He does use ibuprofen" → "use"). */
export function emphaticVerb(clause: Clause): AnalysedToken | undefined {
  const tokens = clause.tokens;
  for (let at = 1; at < tokens.length - 1; at += 1) {
    const auxiliary = tokens[at];
    if (!auxiliary || !EMPHATIC_DO.test(auxiliary.surface)) continue;
    const before = tokens[at - 1];
    if (!before || before.punctuation !== undefined || NOT_EMPHATIC_BEFORE.test(before.surface)) continue;
    if (tokens.slice(0, at).some((token) => token.negation)) return undefined;
    let next = at + 1;
    while (next < tokens.length && BETWEEN.test(tokens[next]?.surface ?? '')) next += 1;
    const verb = tokens[next];
    if (!verb || verb.punctuation !== undefined || verb.negation || verb.postNegation) return undefined;
    if (REPORTING_VERB.test(verb.surface) || !clause.content.includes(verb)) return undefined;
    return verb;
  }
  return undefined;
}

/** Words before a relative that make it the object of a preposition ("for his children", "with her mother"). */
const PREPOSITION = /^(?:for|with|to|of|by|from|about|at|on|in)$/;
/**
 * Whether the clause speaks of a relative as its subject: a relative named in it only as an owner ("his children's
 * sports tournaments") or after a preposition ("traveling with his wife") is not who does what the clause says.
 */
function relativeSubject(clause: Clause, context: CheckContext): boolean {
  if (!context.mentionsRelative) return false;
  const text = foldText(clause.text);
  const kin = [...text.matchAll(new RegExp(context.index.compiled.kinTerms.source, 'gu'))];
  if (kin.length === 0) return true;
  return kin.some((found) => {
    const after = text.slice(found.index + found[0].length);
    if (/^['’]s?(?![\p{L}])/u.test(after)) return false;
    const before = text.slice(0, found.index).trim().split(/\s+/u).pop() ?? '';
    return !PREPOSITION.test(before);
  });
}

/** True when a negation before the position sits inside a condition ("if you don't feel better"). */
function insideCondition(unit: TranscriptUnit, position: number): boolean {
  return unit.tokens
    .slice(Math.max(0, position - 7), position)
    .some((token) => CONDITION_CUE.test(token.surface));
}

/**
 * The polarity of a word at a place: negative under a close negation in a statement of fact or in a question answered
 * no, positive where said plainly or asked and answered yes; undefined where it is only asked or supposed.
 */
function placePolarity(
  unit: TranscriptUnit,
  position: number,
  context: CheckContext,
  ofRelative: boolean,
): 'negative' | 'positive' | undefined {
  if ((unit.subjects[position] === 'relative') !== ofRelative) return undefined;
  if (unit.isQuestion) {
    if (hasLocalNegation(unit, position)) return undefined;
    return unit.answer === 'negative' ? 'negative' : unit.answer === 'positive' ? 'positive' : undefined;
  }
  if (hasLocalNegation(unit, position)) return insideCondition(unit, position) ? undefined : 'negative';
  return 'positive';
}

/** What the places of a word say of it: denied only (with the places), asserted somewhere, or nothing. */
interface Verdict {
  asserted: boolean;
  denying: TranscriptUnit[];
}
/**
 * The polarity of the word's places in the transcript that `where` admits (positions near the object, or any): one
 * place that asserts it is enough to keep the claim.
 */
function verdictOf(
  word: AnalysedToken,
  context: CheckContext,
  ofRelative: boolean,
  where: (unit: TranscriptUnit, position: number) => boolean,
  negatedBefore = false,
): Verdict {
  const { index } = context;
  const denying: TranscriptUnit[] = [];
  for (const unit of index.units) {
    for (const position of matchPositions(word, unit, index)) {
      if (!where(unit, position)) continue;
      let polarity = placePolarity(unit, position, context, ofRelative);
      // An object is denied only by a negation before it ("it doesn't go into my shoulder"), not by one of its own
      // verb after it ("ibuprofen doesn't help").
      if (polarity === 'negative' && negatedBefore && !negationBefore(unit, position)) polarity = undefined;
      if (polarity === 'positive') return { asserted: true, denying: [] };
      if (polarity === 'negative' && !denying.includes(unit)) denying.push(unit);
    }
  }
  return { asserted: false, denying };
}

/**
 * A stressed "do" before a verb that the consultation says only under a negation, with the clause's object: "does
 * feel the side effects" against "so i don't feel the side effects as much", "does need to start a diuretic" against
 * "i don't think you need a diuretic at this time". Where the transcript never says the verb by its object, the
 * object said only under a negation decides ("does extend up to his shoulder" – "it doesn't go into my shoulder"),
 * and then a verb of its own said only denied ("do interfere with her daily activities" – "is it interfering with
 * things you like to do?" – "no not really").
 */
export function checkEmphaticAffirmative(clause: Clause, context: CheckContext): Issue | undefined {
  const { index } = context;
  if (index.compiled.language !== 'en') return undefined;
  const verb = emphaticVerb(clause);
  if (!verb || clause.negated.has(verb)) return undefined;
  const objects = clause.content.filter(
    (token) =>
      token.position > verb.position &&
      !clause.negated.has(token) &&
      !isKin(token, index.compiled) &&
      !isWeak(token, index.compiled.language) &&
      matchingCanonicals(token, index).size > 0,
  );
  // The verb's mention next to the object is the one about it ("… you need a diuretic … you'll need to get labs").
  const nearObject = (unit: TranscriptUnit, position: number): boolean =>
    objects.some((object) =>
      matchPositions(object, unit, index).some((at) => Math.abs(at - position) <= NEAR),
    );
  const ofRelative = relativeSubject(clause, context);
  const verdicts: Verdict[] = [verdictOf(verb, context, ofRelative, nearObject)];
  if (!verdicts.some((verdict) => verdict.asserted || verdict.denying.length > 0)) {
    verdicts.push(...objects.map((object) => verdictOf(object, context, ofRelative, () => true, true)));
    if (!isWeak(verb, index.compiled.language) && verb.surface.length >= 5)
      verdicts.push(verdictOf(verb, context, ofRelative, () => true));
  }
  if (verdicts.some((verdict) => verdict.asserted)) return undefined;
  const denying = verdicts.flatMap((verdict) => verdict.denying);
  return deniedInTalk(denying, context.language);
}
