/**
 * What is usual for the patient: a note that calls something uncommon or unusual for the patient ("however this is
 * uncommon for him") says it departs from the patient's habit. The patient who says it is habit ("i do tend to get
 * infections", "i'm so used to it", "i always say that my colds kind of linger") says the opposite: it is common for
 * him, which the note wrote as "not uncommon".
 */
import { matchPositions } from '../alignment';
import { REASONS } from '../reasons';
import { foldText } from '../text-tools';
import type { Clause, CheckContext, Issue } from './clause';
import { flag, isWeak } from './clause';

/** "This is uncommon for him", "which was unusual for her": a claim of departure from the patient's habit. */
const UNUSUAL_FOR_PATIENT =
  /(?<![\p{L}])(?:is|was|are|were|be|been|seems?|seemed)\s+(?:\p{L}+ly\s+)?(?:uncommon|unusual|atypical|rare|out of character)\s+for\s+(?:him|her|them|the patient)(?![\p{L}])/u;
/**
 * The patient's own words of habit: "i'm so used to it", "i do tend to get …", "i always …", "i usually …", "that's
 * normal for me".
 */
const HABIT =
  /(?<![\p{L}])(?:i'?m (?:so |pretty |really |kind of |just )?used to (?:it|that|them)|i (?:do )?tend to|i always|i usually|i normally|that'?s (?:pretty )?(?:normal|usual) for me|(?:it )?happens all the time)(?![\p{L}])/u;
/**
 * A negation of the words of habit, before or right after them ("i don't usually", "i'm not used to it", "i usually
 * don't get headaches", "i normally never have this").
 */
const NEGATED_HABIT =
  /(?<![\p{L}])(?:i (?:do ?n'?t|do not|never) (?:tend to|usually|normally|always)|i'?m not (?:so |really )?used to|i (?:usually|normally|always) (?:do ?n'?t|do not|never|have ?n'?t)|i (?:do )?tend to not|i (?:do )?tend not to)(?![\p{L}])/u;

/**
 * "During the winter months, he experiences frequent colds that tend to linger, however this is uncommon for him"
 * against the patient's "i do tend to get infections … i'm so used to it … in the wintertime i get a lot of colds":
 * a claim that something is unusual for the patient, where the patient calls it habit in a turn that speaks of the
 * statement's own words, is contradicted. English only.
 */
export function checkUnusualForPatient(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'en' || context.mentionsRelative || clause.negated.size > 0)
    return undefined;
  const text = foldText(clause.text);
  if (!UNUSUAL_FOR_PATIENT.test(text) || clause.tokens.some((token) => token.negation)) return undefined;
  // The statement's own words, outside this clause, name what is said to be unusual ("frequent colds").
  const own = new Set(clause.content);
  const subject = context.statementContent.filter(
    (token) => !own.has(token) && !isWeak(token, index.compiled.language),
  );
  if (subject.length === 0) return undefined;
  const turns = new Map<number, string>();
  for (const unit of index.units) {
    if (unit.speaker !== 'pasient' || unit.isQuestion) continue;
    turns.set(unit.segmentIndex, `${turns.get(unit.segmentIndex) ?? ''} ${foldText(unit.text)}`);
  }
  for (const unit of index.units) {
    if (unit.speaker !== 'pasient' || unit.isQuestion) continue;
    const turn = turns.get(unit.segmentIndex) ?? '';
    if (!HABIT.test(turn) || NEGATED_HABIT.test(turn)) continue;
    if (subject.some((token) => matchPositions(token, unit, index).length > 0))
      return flag('negation', 'contradicted', REASONS.usualForPatient([unit.segmentId], language));
  }
  return undefined;
}
