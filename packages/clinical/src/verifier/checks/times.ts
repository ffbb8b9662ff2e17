/**
 * Time: when something happened ("i dag", "i fjor", "last week") against the transcript's times and durations.
 */
import type { Language } from '@kollega/domain';
import { matchPositions, coverage, unitMatches } from '../alignment';
import type { Clause, CheckContext, Issue } from './clause';
import { flag } from './clause';
import { REASONS } from '../reasons';
import {
  type AnalysedToken,
  type TimeMention,
  analyseTokens,
  type CompiledLexicon,
  findTimes,
  quantitiesOf,
} from '../text-analysis';
import { foldText } from '../text-tools';
import type { TranscriptUnit, TranscriptIndex } from '../transcript-index';

const COMPATIBLE_TIMES: ReadonlyArray<readonly [string, string]> = [
  ['today', 'tonight'],
  ['yesterday', 'tonight'],
  ['today', 'this-year'],
];
/** The days ago a named time may mean, to compare it with a time elapsed ("last week" and "a week ago"). */
const TIME_SPANS: Readonly<Record<string, readonly [number, number]>> = {
  today: [0, 1],
  tonight: [0, 1],
  yesterday: [1, 2],
  'day-before-yesterday': [2, 3],
  'last-week': [3, 14],
  'last-month': [20, 62],
  'last-year': [120, 730],
  'year-before-last': [365, 1100],
  'this-year': [0, 365],
};
/** Days ago of a time key: an elapsed time ("~14-21") or a named one; undefined for the future. */
function timeSpan(key: string): readonly [number, number] | undefined {
  const elapsed = /^~([\d.]+)-([\d.]+)$/.exec(key);
  if (elapsed) return [Number(elapsed[1]), Number(elapsed[2])];
  return TIME_SPANS[key];
}
/**
 * Elapsed times agree within a factor of two ("a few days ago" and "a week ago"; not "a few years ago"); a named
 * time must cover the elapsed one ("last week" and "ten days ago"; not "last year" and "three months ago").
 */
function spansAgree(left: readonly [number, number], right: readonly [number, number], factor = 2): boolean {
  return left[0] / factor <= right[1] * factor + 1 && right[0] / factor <= left[1] * factor + 1;
}
export function timesAgree(left: string, right: string): boolean {
  if (
    left === right ||
    COMPATIBLE_TIMES.some(
      ([first, second]) => (first === left && second === right) || (first === right && second === left),
    )
  )
    return true;
  if (!left.startsWith('~') && !right.startsWith('~')) return false;
  const [leftSpan, rightSpan] = [timeSpan(left), timeSpan(right)];
  const factor = left.startsWith('~') && right.startsWith('~') ? 2 : 1;
  return leftSpan !== undefined && rightSpan !== undefined && spansAgree(leftSpan, rightSpan, factor);
}
/** Durations said in a unit ("for three weeks") as days, for an elapsed time ("started three weeks ago"). */
function durationSpans(unit: TranscriptUnit): Array<readonly [number, number]> {
  return unit.quantities
    .filter((quantity) => quantity.family === 'time')
    .map((quantity) => [
      quantity.value * quantity.factor,
      (quantity.value2 ?? quantity.value) * quantity.factor,
    ]);
}
/**
 * Of a unit's several times, those said nearest to the clause's words ("jeg hadde mens for to uker siden … en UVI
 * for et par år siden": the period is two weeks ago); all of them when the words are not found.
 */
function nearestTimes(
  unit: TranscriptUnit,
  content: readonly AnalysedToken[],
  index: TranscriptIndex,
): TimeMention[] {
  if (unit.times.length < 2) return unit.times;
  const positions = content.flatMap((token) => matchPositions(token, unit, index));
  if (positions.length === 0) return unit.times;
  const folded = foldText(unit.text);
  const distances: number[] = [];
  let from = 0;
  for (const time of unit.times) {
    const at = folded.indexOf(time.text, from);
    if (at < 0) return unit.times;
    from = at + time.text.length;
    const first = analyseTokens(unit.text.slice(0, at), index.compiled, { note: false }).length;
    const last = first + Math.max(0, analyseTokens(time.text, index.compiled, { note: false }).length - 1);
    distances.push(
      Math.min(
        ...positions.map((position) => (position < first ? first - position : Math.max(0, position - last))),
      ),
    );
  }
  const best = Math.min(...distances);
  return unit.times.filter((_, position) => distances[position] === best);
}
const LASTED: Record<Language, RegExp> = {
  en: /(?<![\p{L}])(?:been|had|having|has|have|'ve)(?:\s+[\p{L}']+){0,6}?\s+for\s+(?:the\s+)?(?:(?:past|last)\s+)?(?:(?:about|around|approximately|roughly|probably|maybe|like|almost|nearly|over|at least)\s+)?((?:a few|a couple of|a couple|several|few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+(?:days?|weeks?|months?|years?))(?![\p{L}])/gu,
  nb: /(?<![\p{L}])(?:har|hatt|vært)(?:\s+[\p{L}']+){0,6}?\s+i\s+(?:(?:ca\.?|omtrent|cirka|nesten|snart|over)\s+)?((?:noen|et par|flere|en|ett|et|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|\d+)\s+(?:dager|dag|døgn|uker|uke|måneder|måned|mnd|år))(?![\p{L}])/gu,
};
/**
 * How long something has lasted, said in a unit ("has been bothering me for a few months now", "har hatt vondt i
 * noen uker"), as the time elapsed since it began ("a few months ago").
 */
function lastedSince(unit: TranscriptUnit, compiled: CompiledLexicon): TimeMention[] {
  const language = compiled.language;
  const elapsedText = (phrase: string): string =>
    language === 'nb' ? `for ${phrase} siden` : `${phrase} ago`;
  return [...foldText(unit.text).matchAll(LASTED[language])].flatMap((match) =>
    findTimes(elapsedText(match[1] ?? ''), compiled)
      .filter((time) => time.key.startsWith('~'))
      .map((time) => ({ key: time.key, text: match[1] ?? '' })),
  );
}
/** A question about when ("når var du sist hos øyelegen", "when did it start"): its reply gives the time. */
const WHEN_QUESTION = /(?<![\p{L}])(?:når|hvor lenge siden|when)(?![\p{L}])/u;
/** A question dating what was just told ("when did this happen?", "når skjedde det?"), asking nothing new. */
const WHEN_BACK =
  /(?<![\p{L}])(?:when|når)(?:\W+[\p{L}']+){0,2}?\W+(?:this|it|that|det|dette)(?:\W+[\p{L}']+)?\W*$/u;
/** A verb of the visit itself in the present tense, with its place ("presents to the clinic", "kommer til kontroll"). */
const VISIT_VERB: Record<Language, RegExp> = {
  en: /(?<![\p{L}])(?:presents|is here|is seen|is being seen|comes in)(?:\s+(?:to|at|in)\s+(?:the\s+|our\s+)?(?:clinic|office))?\s+$/u,
  nb: /(?<![\p{L}])(?:kommer|møter)(?:\s+(?:til|på)\s+(?:kontroll|time|legekontoret|kontoret))?\s+$/u,
};
/**
 * The visit is today: a time said right after a present-tense verb of the visit ("who presents today for lab review",
 * "is seen today") dates this visit, and a past time there ("presents last year for lab review") is wrong whatever
 * the talk says happened then. (A future time is a visit to come: "kommer til kontroll om 2 uker".)
 */
function visitDatedOtherwise(key: string, text: string, clause: Clause, language: Language): boolean {
  const span = timeSpan(key);
  if (span === undefined || span[0] < 1 || timesAgree(key, 'today')) return false;
  const folded = foldText(clause.text);
  const at = folded.indexOf(foldText(text));
  return at >= 0 && VISIT_VERB[language].test(folded.slice(Math.max(0, at - 48), at));
}
const COORDINATOR = /^(?:and|but|however|og|men)$/u;
const SUBJECT_PRONOUN = /^(?:i|he|she|we|they|jeg|han|hun|vi|de)$/u;
/**
 * The content words of the coordinated part of a clause that holds its time ("He can continue Prozac 20 mg a day
 * and I provided a refill of that today": "provided", "refill"): a time belongs to the verb of its own part, so the
 * sentence dating it must say that part ("we put you on the prozac last year" dates no refill). Empty where the
 * clause has no coordinated part before or after the time.
 */
function coordinatedPart(text: string, clause: Clause, timeWords: ReadonlySet<string>): AnalysedToken[] {
  const first = foldText(text).split(/\s+/)[0] ?? '';
  const at = clause.tokens.map((token) => token.surface).lastIndexOf(first);
  if (at < 0) return [];
  const boundary = (token: AnalysedToken): boolean =>
    COORDINATOR.test(token.surface) || (token.punctuation !== undefined && token.punctuation !== '(');
  let start = at;
  while (start > 0 && !boundary(clause.tokens[start - 1] as AnalysedToken)) start -= 1;
  let end = at;
  while (end < clause.tokens.length - 1 && !boundary(clause.tokens[end + 1] as AnalysedToken)) end += 1;
  // Only a clause of its own after a coordinator, with its subject ("… and I provided"; not "dysuri og pollakisuri"),
  // and another part before it ("however it worsened last week" is one part).
  if (start === 0 || !COORDINATOR.test(clause.tokens[start - 1]?.surface ?? '')) return [];
  if (!SUBJECT_PRONOUN.test(clause.tokens[start]?.surface ?? '')) return [];
  const part = new Set(clause.tokens.slice(start, end + 1));
  const earlier = new Set(clause.tokens.slice(0, start - 1));
  if (!clause.content.some((token) => earlier.has(token))) return [];
  return clause.content.filter((token) => part.has(token) && !timeWords.has(token.surface));
}
/**
 * The sentences that can date the coordinated part of a clause that holds the time ("… and I provided a refill of that
 * last year"): those that say a word of that part or hold the statement's values, and those right before or after
 * such a sentence (the reply "Just yesterday." to "When did this happen?"). Any sentence where the clause has no such
 * part.
 */
function datingUnits(text: string, clause: Clause, context: CheckContext): (unit: TranscriptUnit) => boolean {
  const { index } = context;
  const timeWords = new Set(foldText(text).split(/\s+/));
  const part = coordinatedPart(text, clause, timeWords);
  // (Without a coordinated part, any sentence of the window may date the clause: the talk dates events in words the
  // note paraphrases, "Lab forrige uke" – "vi tok noen blodprøver forrige uke".)
  if (part.length === 0) return () => true;
  const words = part;
  // A sentence holding the statement's own values says it ("Temp 37,8 i går" – "i går kveld var den 37,8"; "Lab
  // forrige uke: Hb 9,8 …").
  const anchored = new Set(clause.anchors.map((unit) => unit.index));
  const values = quantitiesOf(context.statementText, index.compiled)
    .map((quantity) => quantity.value)
    .filter((value) => value >= 11 || !Number.isInteger(value));
  const says = (unit: TranscriptUnit): boolean =>
    anchored.has(unit.index) ||
    unit.quantities.some((found) => values.includes(found.value)) ||
    words.some((token) => unitMatches(token, unit, index));
  return (unit: TranscriptUnit): boolean => {
    if (says(unit)) return true;
    const before = index.units[unit.index - 1];
    const after = [index.units[unit.index + 1], index.units[unit.index + 2]];
    return (
      (before !== undefined && before.segmentIndex >= unit.segmentIndex - 1 && says(before)) ||
      after.some((next) => next !== undefined && next.segmentIndex <= unit.segmentIndex + 1 && says(next))
    );
  };
}
export function checkTime(
  key: string,
  text: string,
  clause: Clause,
  context: CheckContext,
): Issue | undefined {
  const { index, language } = context;
  if (visitDatedOtherwise(key, text, clause, index.compiled.language))
    return flag('time', 'contradicted', REASONS.visitTime(text, language));
  const elapsed = key.startsWith('~');
  const claimedSpan = timeSpan(key);
  // The time's own words are no evidence of what it is about ("vital signs … last year" and "same as last year").
  const timeWords = new Set(foldText(text).split(/\s+/));
  const content = clause.content.filter((token) => !timeWords.has(token.surface));
  const agrees = (unit: TranscriptUnit): boolean =>
    unit.times.some((time) => timesAgree(time.key, key)) ||
    (elapsed &&
      claimedSpan !== undefined &&
      durationSpans(unit).some((span) => spansAgree(span, claimedSpan)));
  // "Today" is the visit: a time elapsed said near it is about something else ("pain for two weeks").
  const conflicting = (time: TimeMention): boolean =>
    !((key === 'today' || key === 'tonight') && time.key.startsWith('~'));
  const timesOf = (units: readonly TranscriptUnit[]): Array<{ time: TimeMention; unit: TranscriptUnit }> =>
    units.flatMap((unit) => unit.times.filter(conflicting).map((time) => ({ time, unit })));
  const conflictIssue = (conflict: { time: TimeMention; unit: TranscriptUnit }): Issue => ({
    kind: 'time',
    verdict: 'contradicted',
    critical: false,
    reason: REASONS.timeConflict(text, conflict.time.text, [conflict.unit.segmentId], language),
  });
  // The units that say the clause best decide first; other times of the window may be about something else.
  const dating = datingUnits(text, clause, context);
  const best = clause.top[0]?.score ?? 0;
  const top = clause.top
    .filter((entry) => entry.score >= best * 0.75)
    .map((entry) => entry.unit)
    .filter(dating);
  const window = clause.window.filter(dating);
  // In a unit with several times, the one said with the clause's words decides.
  const agreesNear = (unit: TranscriptUnit): boolean =>
    unit.times.length < 2
      ? agrees(unit)
      : nearestTimes(unit, content, index).some((time) => timesAgree(time.key, key));
  if (top.some(agreesNear)) return undefined;
  // The same time said in the sentence right after the clause's words ("… your lipid panel from last year … we'll
  // repeat one this year") or as the reply ("When were you last at the eye doctor?" – "Last summer.").
  // Not a time the unit says itself, repeated in the next window of the same long turn, nor one of a unit that says
  // the clause best (its time nearest the clause's words decided above).
  const following = window.flatMap((unit) =>
    [index.units[unit.index + 1]]
      .filter((other): other is TranscriptUnit => other !== undefined && !top.includes(other))
      .map((other) => ({ other, said: foldText(unit.text) })),
  );
  if (
    following.some(({ other, said }) =>
      other.times.some((time) => time.key === key && !said.includes(time.text)),
    )
  )
    return undefined;
  // The reply to "når var du sist hos øyelegen?" ("I fjor sommer.") is the time of the clause.
  const replies = top
    .filter((unit) => WHEN_QUESTION.test(foldText(unit.text)))
    .map((unit) => index.units[unit.index + 1])
    .filter(
      (reply): reply is TranscriptUnit =>
        reply !== undefined && reply.segmentIndex !== top[0]?.segmentIndex && reply.times.length > 0,
    );
  // A story told over a few turns and then dated ("… I felt a pop" – "When did this happen?" – "Just yesterday.").
  const storyEnd = (top[0]?.segmentIndex ?? -10) + 4;
  const datedLater = index.units
    .filter(
      (unit) =>
        unit.isQuestion &&
        unit.segmentIndex > (top[0]?.segmentIndex ?? 0) &&
        unit.segmentIndex <= storyEnd &&
        WHEN_BACK.test(foldText(unit.text)),
    )
    .map((unit) => index.units[unit.index + 1])
    .filter((reply): reply is TranscriptUnit => reply !== undefined && reply.speaker !== 'lege');
  if (datedLater.some(agrees)) return undefined;
  const replyConflict = replies.some(agrees) ? undefined : timesOf(replies)[0];
  if (replyConflict) return conflictIssue(replyConflict);
  const topConflict = top.flatMap((unit) =>
    nearestTimes(unit, content, index)
      .filter(conflicting)
      .map((time) => ({ time, unit })),
  )[0];
  if (topConflict) return conflictIssue(topConflict);
  // How long it has lasted, said where the clause is said best ("has been bothering me for a few months now"): an
  // onset elapsed since must fit it (a few months, not a few years).
  if (elapsed && claimedSpan !== undefined) {
    const lasted = top.flatMap((unit) => lastedSince(unit, index.compiled).map((time) => ({ time, unit })));
    const fits = (time: TimeMention): boolean => {
      const span = timeSpan(time.key);
      return span !== undefined && spansAgree(span, claimedSpan);
    };
    if (lasted.some(({ time }) => fits(time))) return undefined;
    const [misfit] = lasted;
    if (misfit) return conflictIssue(misfit);
  }
  if (window.some(agrees)) return undefined;
  const strongUnits = index.units.filter(
    (unit) =>
      unit.times.length > 0 && content.length > 0 && coverage(content, unit, index) >= 0.5 && dating(unit),
  );
  if (strongUnits.some(agrees)) return undefined;
  // A time elapsed is contradicted only where the clause is said best: the talk has many other events' times. So is
  // a span ("for the next week", "over the past week"): a length of time, said in many ways ("for about a week").
  const unitWord = text.replace(/^(?:next|past|last) /u, '');
  const span =
    /^(?:week|month|year)$/.test(unitWord) &&
    new RegExp(`(?:for|over|during|within|in) the (?:next|past|last|coming) ${unitWord}`, 'u').test(
      foldText(clause.text),
    );
  if (elapsed || span) return undefined;
  const conflict = timesOf(window)[0] ?? timesOf(strongUnits)[0];
  if (conflict) return conflictIssue(conflict);
  // Said elsewhere about something the clause also names ("i fjor" with the same word): accepted.
  const anywhere = index.units.some(
    (unit) =>
      unit.times.some((time) => timesAgree(time.key, key)) &&
      (content.length === 0 || coverage(content, unit, index) >= 0.2) &&
      dating(unit),
  );
  // The consultation is today: "today" needs no support of its own.
  if (anywhere || key === 'today') return undefined;
  return flag('time', 'unsupported', REASONS.timeMissing(text, language));
}
