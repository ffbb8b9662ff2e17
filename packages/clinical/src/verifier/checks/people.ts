/**
 * Who a statement is about (the patient or a relative) and who said it (the patient or the clinician).
 */
import { tokenWeight, matchPositions, coverage } from '../alignment';
import type { Clause, CheckContext, Issue } from './clause';
import { polarityAt, flag, beforeAskedItems } from './clause';
import { keyTokensOf } from './words';
import { isSpecific } from './words';
import { asksAmount } from './decisions';
import { REASONS } from '../reasons';
import type { AnalysedToken } from '../text-analysis';
import { foldText } from '../text-tools';
import type { TranscriptUnit, TranscriptIndex } from '../transcript-index';

const SPOKEN_TO = /^(?:me|you)$/;
const CONDITION_CLAUSE = /(?<![\p{L}])(?:when|whenever|if|når|hvis)(?![\p{L}])/iu;
/**
 * Whether a word is about the relative: not where the patient or the one spoken to comes back as the object the
 * relative's verb acts on ("my wife made me push the fridge", "dad takes me to play", "your roommate … you limit").
 */
export function relativeAt(unit: TranscriptUnit, position: number): boolean {
  if (unit.subjects[position] !== 'relative') return false;
  let start = position;
  while (start > 0 && unit.subjects[start - 1] === 'relative') start -= 1;
  // The word right after the relative is theirs ("mum told me" keeps "told" the mother's).
  return !unit.tokens.slice(start + 1, position).some((token) => SPOKEN_TO.test(token.surface));
}
export function checkPerson(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const keyTokens = keyTokensOf(clause, context).filter((token) => isSpecific(token, index));
  if (keyTokens.length === 0) return undefined;
  let bestRelative = 0;
  let bestPatient = 0;
  let relativeUnit: TranscriptUnit | undefined;
  for (const unit of index.units) {
    let relativeWeight = 0;
    let patientWeight = 0;
    let total = 0;
    for (const token of keyTokens) {
      const weight = tokenWeight(token, index);
      total += weight;
      const positions = matchPositions(token, unit, index);
      if (positions.length === 0) continue;
      if (unit.isQuestion) {
        if (unit.answer === 'positive') patientWeight += weight;
        continue;
      }
      // The patient's own: stated as present, not a plan or a test ("blodprøve for cøliaki").
      // The patient's own: stated as present, not a plan or a test ("blodprøve for cøliaki"); a possibility of the
      // patient's own ("if I run too much …") when the clause is one too.
      const ownPossibility = unit.hypothetical && CONDITION_CLAUSE.test(clause.text);
      const patientPositive =
        !unit.plan &&
        positions.some((position) => {
          if (relativeAt(unit, position)) return false;
          const polarity = polarityAt(unit, position, index);
          return polarity === 'positive' || (ownPossibility && polarity === 'hypothetical');
        });
      if (patientPositive) patientWeight += weight;

      // A possibility ("if I run too much …") still says whose it is; it is no evidence for another person.
      else if (!unit.hypothetical && positions.every((position) => relativeAt(unit, position)))
        relativeWeight += weight;
    }
    if (total === 0) continue;
    if (relativeWeight / total > bestRelative) {
      bestRelative = relativeWeight / total;
      relativeUnit = unit;
    }
    bestPatient = Math.max(bestPatient, patientWeight / total);
  }
  if (!relativeUnit || bestRelative < 0.5 || bestPatient >= bestRelative * 0.6) return undefined;
  return flag('person', 'contradicted', REASONS.otherPerson([relativeUnit.segmentId], language), true);
}
// ---------- who said it ----------
/** A unit that states something as fact: not a question left unanswered, not a hypothetical or a suggestion. */
function asserts(unit: TranscriptUnit): boolean {
  if (unit.hypothetical) return false;
  // "Sover du nok?" – "Ikke så mye": a no to the amount asked still says the thing is so.
  if (unit.isQuestion) return unit.answer === 'positive' || (unit.answer === 'negative' && asksAmount(unit));
  return !unit.plan;
}
/** A unit where only the doctor raises something: a hypothetical, a suggestion, or a question answered "no". */
function onlySuggests(unit: TranscriptUnit): boolean {
  return (
    unit.speaker === 'lege' &&
    (unit.hypothetical || unit.plan || (unit.isQuestion && unit.answer === 'negative'))
  );
}
/** Possessives before a word: the doctor speaks of the patient's known condition ("your diabetes", "din astma"). */
const POSSESSIVE = /^(?:your|din|ditt|dine)$/;
/** True when the doctor names the clause's words as the patient's own ("in terms of your diabetes, are you …"): known, not suggested. */
function presupposes(
  unit: TranscriptUnit,
  keyTokens: readonly AnalysedToken[],
  index: TranscriptIndex,
): boolean {
  if (unit.speaker !== 'lege' || unit.hypothetical) return false;
  if (restatedBeforeQuestion(unit, keyTokens, index)) return true;
  return keyTokens.some((token) =>
    matchPositions(token, unit, index).some((position) =>
      POSSESSIVE.test(unit.tokens[position - 1]?.surface ?? ''),
    ),
  );
}
/**
 * True when the doctor's turn names the clause's words before the question opens with "any" ("so epigastric pain
 * alright any blood in your stool"): the doctor sums up what was said, then asks on; the summary is not asked.
 */
function restatedBeforeQuestion(
  unit: TranscriptUnit,
  keyTokens: readonly AnalysedToken[],
  index: TranscriptIndex,
): boolean {
  if (!unit.isQuestion || index.compiled.language !== 'en') return false;
  const positions = keyTokens.flatMap((token) => matchPositions(token, unit, index));
  return positions.length > 0 && positions.every((position) => beforeAskedItems(unit, position));
}
/** Words that open a doctor's plan within a turn ("we'll", "going to", "I recommend", "put you on"). */
const PLAN_WORD = /^(?:recommend\w*|suggest\w*|prescribe|will|i'll|we'll|let's|going|gon|wan|want|order)$/;
/** Before "prescribe" ("put you on", "start you on"): the doctor's own plan, not another's past act ("Dr. X put you on"). */
const OWN_PLAN = /^(?:to|will|i'll|we'll|na|can|could|would|let's|i|we)$/;
/** Words that keep what the patient already has or takes ("continue your aspirin", "stay on the lisinopril"). */
const KEEP_WORD =
  /^(?:continue|continuing|keep|stay|still|already|remain|fortsett|fortsette|fortsetter|beholde)$/;
/** A topic named before a plan ("for the acne, we'll try …", "under the hypertension …"). */
const TOPIC_WORD = /^(?:for|under|regarding|concerning|about|with|angående|ang|mot)$/;
const TOPIC_DETERMINER = /^(?:the|your|his|her|that|this|din|ditt|dine)$/;
const NOT_TOPIC_BEFORE = /^(?:test\w*|screen\w*|check\w*|look\w*|evaluat\w*|assess\w*|rule|work|search\w*)$/;
/**
 * True when a doctor's plan only presupposes a clause word: the word is kept ("continue the cozaar"), named as the
 * topic ("for the acne vulgaris, …"), said before the plan opens ("gynecomastia, which we will discuss") or the
 * "plan" is another's past act ("Dr. Brown put you on buspar").
 */
function presupposedInPlan(
  unit: TranscriptUnit,
  keyTokens: readonly AnalysedToken[],
  index: TranscriptIndex,
): boolean {
  if (unit.speaker !== 'lege' || unit.hypothetical || unit.isQuestion || !unit.plan) return false;
  const tokens = unit.tokens;
  // Norwegian plans open with a phrase of the lexicon ("… og har høyt blodtrykk | da anbefaler vi …").
  const nbPlan =
    index.compiled.language === 'nb' ? new RegExp(`^${index.compiled.planCues.source}`, 'iu') : undefined;
  const planWords = tokens
    .map((token, position) => ({ token, position }))
    .filter(({ token, position }) =>
      nbPlan
        ? nbPlan.test(
            tokens
              .slice(position, position + 4)
              .map((next) => next.surface)
              .join(' '),
          )
        : PLAN_WORD.test(token.surface),
    );
  // Where no plan word is found the plan's opening is unknown: nothing is presupposed.
  if (planWords.length === 0) return false;
  const ownPlans = planWords
    .filter(
      ({ token, position }) =>
        token.surface !== 'prescribe' || OWN_PLAN.test(tokens[position - 1]?.surface ?? ''),
    )
    .map(({ position }) => position);
  const firstPlan = ownPlans.length > 0 ? Math.min(...ownPlans) : tokens.length;
  const positions = keyTokens.flatMap((token) => matchPositions(token, unit, index));
  if (positions.length === 0) return false;
  if (positions.every((position) => position < firstPlan)) return true;
  return positions.some((position) => {
    const before = tokens.slice(Math.max(0, position - 3), position).map((token) => token.surface);
    if (before.some((word) => KEEP_WORD.test(word))) return true;
    const topic = before.findIndex((word) => TOPIC_WORD.test(word));
    return (
      topic >= 0 &&
      before.slice(topic + 1).some((word) => TOPIC_DETERMINER.test(word)) &&
      !NOT_TOPIC_BEFORE.test(tokens[position - before.length + topic - 1]?.surface ?? '')
    );
  });
}
/** A topic frame ("Regarding her hypertension", "For his diabetes", "In terms of …"): names the problem, claims nothing. */
const TOPIC_FRAME =
  /^(?:regarding|concerning|for (?:his|her|the patient's|their)|in terms of|with regards? to|with respect to|as for|as regards|(?:when it comes )?to (?:his|her)|angående|når det gjelder|vedrørende|ang\.?|mtp\.?)\s/u;
/** A claim of no change ("weight stable", "unchanged"): what a question answered "no" supports. */
const NO_CHANGE = /^(?:stable|stability|unchanged|same|stabil|stabilt|uendret|uendra)$/;
export function checkSpeaker(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (clause.negated.size > 0) return undefined;
  // A denial after a label ("Illicit drug use: Never") or a claim of no change ("Weight stable") agrees with a
  // question answered "no".
  const colon = clause.tokens.findIndex((token) => token.punctuation === ':');
  const answer = colon >= 0 ? clause.tokens.slice(colon + 1) : [];
  if (
    answer.some((token) => token.negation || token.postNegation) &&
    answer.every((token) => token.negation || token.postNegation || token.stopword || token.punctuation)
  )
    return undefined;
  if (clause.tokens.some((token) => token.postNegation || NO_CHANGE.test(token.surface))) return undefined;
  if (TOPIC_FRAME.test(foldText(clause.text))) return undefined;
  const keyTokens = keyTokensOf(clause, context).filter((token) => isSpecific(token, index));
  if (keyTokens.length === 0) return undefined;
  let bestAsserted = 0;
  let bestUnasserted = 0;
  let doctorUnit: TranscriptUnit | undefined;
  for (const unit of index.units) {
    if (unit.subjects.every((subject) => subject === 'relative')) continue;
    const share = coverage(keyTokens, unit, index);
    if (share === 0) continue;
    if (asserts(unit) || presupposes(unit, keyTokens, index) || presupposedInPlan(unit, keyTokens, index))
      bestAsserted = Math.max(bestAsserted, share);
    else if (onlySuggests(unit) && share > bestUnasserted) {
      bestUnasserted = share;
      doctorUnit = unit;
    }
  }
  if (!doctorUnit || bestUnasserted < 0.6 || bestAsserted >= bestUnasserted * 0.5) return undefined;
  return {
    verdict: 'unsupported',
    critical: false,
    reason: REASONS.doctorOnly([doctorUnit.segmentId], language),
  };
}
