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
 * Words that make the denied clause a negative statement of its own ("denies that she was unable to continue
 * playing", "denies that nothing she tried relieved her symptoms"): denying it claims the positive.
 */
const CLAUSE_NEGATION = /^(?:unable|inability|cannot|nothing|never|not|n't|no|none|nobody)$/;

/** The clause a verb of denial takes: its words, and whether it states a negation of its own. */
interface DeniedClause {
  words: AnalysedToken[];
  negative: boolean;
}

/**
 * The clause a verb of denial takes: after "denies that …" or after a subject pronoun right after the verb ("denies
 * she enjoys golfing"); undefined where the denial takes a noun phrase ("denies chest pain", "denies that." at the
 * end) or asks about any or ever ("denies he has ever had any …"). A clause with one negation of its own ("denies
 * that she was unable to …") is kept as a negative statement.
 */
function deniedClause(clause: Clause): DeniedClause | undefined {
  const tokens = clause.tokens;
  const verb = tokens.findIndex((token) => DENY.test(token.surface));
  if (verb < 0) return undefined;
  const next = tokens[verb + 1];
  if (!next || (next.surface !== 'that' && !CLAUSE_SUBJECT.test(next.surface))) return undefined;
  const rest = tokens.slice(verb + 1);
  if (rest.some((token) => NEGATIVE_POLARITY.test(token.surface))) return undefined;
  const negations = rest.filter((token) => token.negation || CLAUSE_NEGATION.test(token.surface));
  if (negations.length > 1) return undefined;
  const words = rest.filter((token) => clause.content.includes(token) && !negations.includes(token));
  return words.length > 0 ? { words, negative: negations.length === 1 } : undefined;
}

/** Verbs of wanting and hoping, and the "to" or "na" that joins what is wanted ("wan na keep on playing"). */
const WANT = /^(?:want|wants|wanted|wan|wanna|hope|hoping|hopes|like|love|plan|planning)$/;
/**
 * True when the word is what the speaker wants or hopes to do ("i really wan na keep on playing my tennis", "i'd like
 * to get back to running"): a wish states neither that it is done nor that it is not. Looks back within the phrase
 * to a verb of wanting followed by "to" or "na".
 */
function wantedAt(unit: TranscriptUnit, position: number): boolean {
  const tokens = unit.tokens;
  for (let back = position - 1; back >= 1 && back >= position - 4; back -= 1) {
    const token = tokens[back];
    if (!token || token.scopeBreaker || token.punctuation !== undefined) return false;
    if (/^(?:to|na)$/.test(token.surface) && WANT.test(tokens[back - 1]?.surface ?? '')) return true;
  }
  return false;
}

/**
 * A denied clause whose statement the transcript makes plainly: the patient says most of its words without a
 * negation ("and the thing started about two weeks ago" for "denies that his left arm pain began approximately 2 weeks
 * ago"), or a question of them is answered yes ("are you exercising?" – "kind of" for "denies that he tries to
 * exercise"), and no place denies them. A negative clause is made plainly where the talk denies its words ("were you
 * able to continue playing?" – "no, i had to stop" for "denies that she was unable to continue playing") and no place
 * says them. A clause is a statement, not a symptom list: a note writes "denies that …" only where the patient
 * disputed the statement.
 */
export function checkDeniedClause(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  if (compiled.language !== 'en' || context.mentionsRelative || context.conditional) return undefined;
  const denied = deniedClause(clause);
  if (!denied) return undefined;
  // What the clause states is said with the polarity of the clause: a negative clause ("denies that she was unable to
  // continue playing") is stated where the talk denies its words ("were you able to continue playing?" – "no, i had
  // to stop") and disputed where the talk says them.
  const stated = denied.negative ? 'negative' : 'positive';
  const disputed = denied.negative ? 'positive' : 'negative';
  const words = denied.words.filter(
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
      headPositions(token, unit, index)
        .filter((position) => !wantedAt(unit, position))
        .map((position) => plainPolarityAt(unit, position, context)),
    );
    if (polarities.includes(disputed)) return undefined;
    const said = unit.speaker === 'pasient' && !unit.isQuestion;
    const answered = unit.isQuestion && unit.answer === stated;
    if ((said || answered) && polarities.includes(stated)) assertedAt ??= unit;
  }
  if (!assertedAt) return undefined;
  return flag('negation', 'contradicted', REASONS.negationConflictPresent([assertedAt.segmentId], language));
}
