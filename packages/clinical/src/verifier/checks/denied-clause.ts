/**
 * A verb of denial that takes a clause of its own ("He denies that his left arm pain began 2 weeks ago", "Patient
 * denies she is a student"): what is denied is a whole statement, which the transcript can say as the patient's own.
 */
import { coverage, headPositions, matchingCanonicals } from '../alignment';
import { REASONS } from '../reasons';
import type { AnalysedToken } from '../text-analysis';
import type { TranscriptUnit } from '../transcript-index';
import type { CheckContext, Clause, Issue } from './clause';
import { flag, isKin, isWeak, PERCEPTION } from './clause';
import { plainPolarityAt } from './polarity';
import { EPISTEMIC, SEEMING } from './words';

/** English verbs of denial that can take a clause ("denies that …", "denied she …"). */
const DENY = /^(?:denies|denied|deny)$/;
/** A subject that can only open a clause, never be the object of the denial ("denies she …", "denies he …"). */
const CLAUSE_SUBJECT = /^(?:he|she|they|i|we)$/;
/** Words that ask about any or ever: a clause with them is said as a denial ("denies he has ever had any …"). */
const NEGATIVE_POLARITY = /^(?:any|anything|anyone|ever|yet|either)$/;
/** Words that frame the denied statement without being what it states ("tries to exercise", "seems"). */
const CLAUSE_FRAME = /^(?:try|tries|tried|trying|attempt|attempts|attempted|just|still|really|actually)$/;

/**
 * The words of the clause a verb of denial takes: after "denies that …" or after a subject pronoun right after the
 * verb ("denies she enjoys golfing"); undefined where the denial takes a noun phrase ("denies chest pain", "denies
 * that." at the end).
 */
export function deniedClauseWords(clause: Clause): AnalysedToken[] | undefined {
  const tokens = clause.tokens;
  const verb = tokens.findIndex((token) => DENY.test(token.surface));
  if (verb < 0) return undefined;
  const next = tokens[verb + 1];
  if (!next || (next.surface !== 'that' && !CLAUSE_SUBJECT.test(next.surface))) return undefined;
  const rest = tokens.slice(verb + 1);
  if (rest.some((token) => NEGATIVE_POLARITY.test(token.surface) || token.negation)) return undefined;
  const words = rest.filter((token) => clause.content.includes(token));
  return words.length > 0 ? words : undefined;
}

/**
 * A denied clause whose statement the transcript makes plainly: the patient says most of its words without a
 * negation ("and the thing started about two weeks ago" for "denies that his left arm pain began approximately 2 weeks
 * ago"), or a question of them is answered yes ("are you exercising?" – "kind of" for "denies that he tries to
 * exercise"), and no place denies them. A clause is a statement, not a symptom list: a note writes "denies that …"
 * only where the patient disputed the statement.
 */
export function checkDeniedClause(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  if (compiled.language !== 'en' || context.mentionsRelative || context.conditional) return undefined;
  const clauseWords = deniedClauseWords(clause);
  if (!clauseWords) return undefined;
  const words = clauseWords.filter(
    (token) =>
      !isKin(token, compiled) &&
      !CLAUSE_FRAME.test(token.surface) &&
      !SEEMING.test(token.surface) &&
      !EPISTEMIC.test(token.surface) &&
      !PERCEPTION.test(token.surface) &&
      matchingCanonicals(token, index).size > 0,
  );
  if (!words.some((token) => !isWeak(token, compiled.language))) return undefined;
  let assertedAt: TranscriptUnit | undefined;
  for (const unit of index.units) {
    if (unit.hypothetical || unit.plan) continue;
    // A question is weighed with its answer ("is it the left arm?" – "yes, it's my left arm").
    const answer = unit.answeredByUnit === undefined ? undefined : index.units[unit.answeredByUnit];
    const place = answer && unit.isQuestion ? [unit, answer] : [unit];
    const covered = Math.max(...place.map((member) => coverage(words, member, index)));
    if (covered < 0.5) continue;
    const polarities = words.flatMap((token) =>
      headPositions(token, unit, index).map((position) => plainPolarityAt(unit, position, context)),
    );
    if (polarities.includes('negative')) return undefined;
    const said = unit.speaker === 'pasient' && !unit.isQuestion;
    const answeredYes = unit.isQuestion && unit.answer === 'positive';
    if ((said || answeredYes) && polarities.includes('positive')) assertedAt ??= unit;
  }
  if (!assertedAt) return undefined;
  return flag('negation', 'contradicted', REASONS.negationConflictPresent([assertedAt.segmentId], language));
}
