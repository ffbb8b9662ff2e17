/**
 * The two times of a story that has changed: the onset ("initially", "at first", "when i first fell") and now ("now",
 * "currently", "today"). A state claimed for one time is not contradicted by the talk of the other ("Initially, she was
 * unable to bear weight" against "now i am able to put a little weight on it").
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
