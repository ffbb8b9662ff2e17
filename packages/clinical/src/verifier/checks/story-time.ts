/**
 * The two times of a story that has changed: the onset ("initially", "at first", "when i first fell") and now ("now",
 * "currently", "today"). A state claimed for one time is not contradicted by the talk of the other ("Initially, she was
 * unable to bear weight" against "now i am able to put a little weight on it"); a complaint claimed for now is denied
 * by the talk that tells it as gone ("until about sunday … then that seemed to go away").
 */
import { matchPositions } from '../alignment';
import type { AnalysedToken } from '../text-analysis';
import { foldText } from '../text-tools';
import type { TranscriptIndex, TranscriptUnit } from '../transcript-index';
import type { CheckContext, Clause } from './clause';

/**
 * English words that date what follows to the onset of a complaint ("initially", "at first", "when i first fell") or to
 * the present ("now", "currently", "today"): the two times of a story that has changed ("initially unable to walk …
 * now able to put some weight on it").
 */
const ONSET_OR_NOW =
  /(?<![\p{L}])(?:(initially|originally|at first|at the time of (?:the )?injury|when (?:i|he|she|it) first)|(now|currently|presently|today|these days|at this time))(?![\p{L}])/gu;
export type StoryTime = 'onset' | 'now' | 'ahead' | undefined;
/**
 * A prediction just before the word ("in a day or two you will be able to walk on it", "you'll be able to", "you're
 * going to be able to"): the word is dated ahead of now, to neither time of the story told so far.
 */
const PREDICTION_BEFORE =
  /(?<![\p{L}])(?:will|'ll|wo n't|won't|gon na|going to|should)(?: (?:\p{L}+ly|still|not|n't))?(?: be able to| be)?(?: (?:\p{L}+ly|still))? ?$/u;
/** The time the last dating word of a text names ("initially, she was unable …" → onset). */
export function lastStoryTime(text: string): StoryTime {
  let time: StoryTime;
  for (const match of text.matchAll(ONSET_OR_NOW)) time = match[1] ? 'onset' : 'now';
  return time;
}
/**
 * The time a transcript unit dates the word to: the last dating word before the word in the unit, or for a question
 * the first of its answer ("have you been able to walk on it?" – "no, initially when i first fell …").
 */
function unitStoryTime(
  token: AnalysedToken,
  unit: TranscriptUnit,
  partner: TranscriptUnit | undefined,
  index: TranscriptIndex,
): StoryTime {
  const first = matchPositions(token, unit, index)[0];
  if (first === undefined) return undefined;
  const justBefore = unit.tokens
    .slice(Math.max(0, first - 5), first)
    .map((word) => word.surface)
    .join(' ');
  if (PREDICTION_BEFORE.test(foldText(justBefore))) return 'ahead';
  const before = lastStoryTime(
    unit.tokens
      .slice(0, first)
      .map((word) => word.surface)
      .join(' '),
  );
  if (before !== undefined || !unit.isQuestion || !partner) return before;
  const answer = ONSET_OR_NOW.exec(foldText(partner.text));
  ONSET_OR_NOW.lastIndex = 0;
  return answer === null ? undefined : answer[1] ? 'onset' : 'now';
}
/**
 * True when the statement dates the clause to one time of a changed story and the transcript place dates the word to
 * the other ("Initially, she was unable to bear weight" against "now today i have been able to put a little weight on
 * it"): a state at onset and a state now do not contradict each other.
 */
export function otherStoryTime(
  token: AnalysedToken,
  unit: TranscriptUnit,
  partner: TranscriptUnit | undefined,
  clause: Clause,
  context: CheckContext,
): boolean {
  if (context.language !== 'en') return false;
  const claimed = lastStoryTime(foldText(context.statementText.slice(0, clause.offset + clause.text.length)));
  if (claimed === undefined) return false;
  const said = unitStoryTime(token, unit, partner, context.index);
  // A prediction is dated apart only from the onset: a plan "at this time" ("we will not change anything at this
  // time") is what the talk's "we will …" says.
  if (said === 'ahead') return claimed === 'onset';
  return said !== undefined && said !== claimed;
}
/**
 * English words that end a complaint told in the past ("and then that seemed to go away", "it resolved", "until about
 * sunday afternoon"): what they close is over by now.
 */
const ENDED =
  /(?<![\p{L}])(?:(?:went|gone) away|seem(?:s|ed)? to (?:go|have gone) away|resolved|cleared up|subsided|disappeared|until (?:about |around |maybe )?(?:yesterday|last (?:night|week)|this morning|(?:mon|tues|wednes|thurs|fri|satur|sun)day))(?![\p{L}])/u;
/** A negation or a condition that keeps an ending from being said ("it has n't gone away", "resolved when i rest"). */
const NOT_ENDED_BEFORE =
  /(?<![\p{L}])(?:not|n't|never|hasn't|hadn't|haven't|didn't|doesn't)(?:\s+\S+){0,2}\s*$/u;
const NOT_ENDED_AFTER = /^\s*(?:when|whenever|if|with|after|once)(?![\p{L}])/u;
/** Words that bring a complaint back after it ended ("but now it's back", "it came back", "again"). */
const RETURNED = /(?<![\p{L}])(?:back|again|returned|recurred|now|today|still)(?![\p{L}])/u;
/**
 * True when the statement dates the clause to now ("reports tingling today") and the unit tells the word as a complaint
 * that has ended ("i felt some tingling in my toes until about sunday afternoon . and then that seemed to go away"):
 * within a dozen words after the word, in the unit or the next sentence of the same turn, with nothing bringing it back.
 */
export function endedBeforeNow(
  token: AnalysedToken,
  unit: TranscriptUnit,
  clause: Clause,
  context: CheckContext,
): boolean {
  if (context.language !== 'en') return false;
  const claimed = lastStoryTime(foldText(context.statementText.slice(0, clause.offset + clause.text.length)));
  if (claimed !== 'now') return false;
  const next = context.index.units[unit.index + 1];
  const following = next && next.segmentIndex === unit.segmentIndex ? next.tokens : [];
  return matchPositions(token, unit, context.index).some((position) => {
    const after = [...unit.tokens.slice(position + 1), ...following]
      .slice(0, 14)
      .map((word) => word.surface)
      .join(' ');
    const ended = ENDED.exec(after);
    if (ended === null) return false;
    const rest = after.slice(ended.index + ended[0].length);
    return (
      !NOT_ENDED_BEFORE.test(after.slice(0, ended.index)) &&
      !NOT_ENDED_AFTER.test(rest) &&
      !RETURNED.test(rest)
    );
  });
}
