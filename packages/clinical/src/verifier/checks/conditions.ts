/**
 * Polarity inside a condition ("if", "hvis"): a claim read against what the transcript says after its condition word.
 */
import { matchPositions, matchingCanonicals } from '../alignment';
import type { Clause, CheckContext, Issue } from './clause';
import { flag, isKin, polarityConflict } from './clause';
import { REASONS } from '../reasons';
import type { AnalysedToken } from '../text-analysis';
import type { TranscriptUnit, TranscriptIndex } from '../transcript-index';

const CONDITION_WORD = /^(?:if|unless|hvis|dersom)$/;
/**
 * Where a unit says every one of the words within `reach` words after its condition word ("if", "hvis"): the
 * condition word's position and each word's positions; undefined when it has no condition word or misses a word.
 */
function afterCondition(
  words: readonly AnalysedToken[],
  unit: TranscriptUnit,
  index: TranscriptIndex,
  reach: number,
  conditionWord: RegExp = CONDITION_WORD,
): { conditionAt: number; found: number[][] } | undefined {
  const conditionAt = unit.tokens.findIndex((token) => conditionWord.test(token.surface));
  if (conditionAt < 0) return undefined;
  const found = words.map((token) =>
    matchPositions(token, unit, index).filter(
      (position) => position > conditionAt && position <= conditionAt + reach,
    ),
  );
  return found.some((positions) => positions.length === 0) ? undefined : { conditionAt, found };
}
/**
 * English "when" and "once" in a plan put what is expected as the time of what follows ("so that we can see the stone
 * when it passes"): the talk's condition, said as expected to come true.
 */
const EXPECTED_CONDITION = /^(?:when|once)$/;
/** True when the unit is part of a doctor's turn that plans ("i'm going to give you a strainer … when it passes"). */
function inPlan(unit: TranscriptUnit, index: TranscriptIndex): boolean {
  return (
    unit.speaker === 'lege' &&
    !unit.isQuestion &&
    index.units.some((other) => other.segmentIndex === unit.segmentIndex && other.plan)
  );
}
/** "Able to": the ability frame of a condition ("if he is able to pass it" is "if it passes"). */
const ABILITY = /^able$/;
/** A subject that opens a clause of its own after "and" ("… and we can talk about imaging"). */
const NEW_SUBJECT = /^(?:we|i|you|he|she|they)$/;
/** True when a negation cue stands among the tokens (a condition's own negation; "unless" is "if not"). */
function negatesCondition(tokens: readonly AnalysedToken[]): boolean {
  return tokens.some((token) => token.negation || token.surface === 'unless');
}
/**
 * The polarity inside a condition must match the condition said ("If she does not improve, she will follow up"
 * against "if it doesn't get better, call us"): the condition's words said after a condition word in the
 * transcript, with or without a negation between the condition word and them. Contradicted when such a
 * condition was said only with the other polarity.
 */
export function checkConditionPolarity(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  const start = clause.tokens.findIndex((token) => CONDITION_WORD.test(token.surface));
  if (start < 0) return undefined;
  // The condition ends where a new clause with its own subject begins ("if she has any issues and we can consider
  // imaging", "if it worsens, then …").
  const after = clause.tokens.slice(start);
  const end = after.findIndex(
    (token, position) =>
      position > 1 &&
      (/^(?:;|then)$/.test(token.punctuation ?? token.surface) ||
        (/^(?:,|and)$/.test(token.punctuation ?? token.surface) &&
          NEW_SUBJECT.test(after[position + 1]?.surface ?? ''))),
  );
  const condition = end < 0 ? after : after.slice(0, end);
  const said = condition.filter(
    (token) =>
      clause.content.includes(token) && !isKin(token, compiled) && matchingCanonicals(token, index).size > 0,
  );
  const words = said.slice(0, 4);
  if (words.length === 0) return undefined;
  const claimedNegative = negatesCondition(condition);
  // The event of the condition without its ability frame ("pass" of "able to pass it"), for a talk that expects it.
  const events = said.filter((token) => !ABILITY.test(token.surface)).slice(0, 4);
  const expected = compiled.language === 'en' && events.length > 0;
  let agreeing = false;
  let disagreeing: TranscriptUnit | undefined;
  for (const unit of index.units) {
    // Every word of the condition within eight words after the transcript's condition word.
    const { conditionAt, found } =
      afterCondition(words, unit, index, 8) ??
      (expected && inPlan(unit, index)
        ? afterCondition(events, unit, index, 4, EXPECTED_CONDITION)
        : undefined) ??
      {};
    if (conditionAt === undefined || !found) continue;
    const last = Math.max(...found.map((positions) => Math.min(...positions)));
    const span = unit.tokens
      .slice(conditionAt, last + 3)
      .filter((token, offset) => offset <= last - conditionAt || /^(?:not|n't|ikke)$/.test(token.surface));
    if (negatesCondition(span) === claimedNegative) agreeing = true;
    else disagreeing ??= unit;
  }
  return polarityConflict(agreeing, disagreeing, claimedNegative, language);
}
/** Opens a relative clause that states the condition of advice ("hoste som ikke er på retur", "pain that does not improve"). */
const RELATIVE_PRONOUN = /^(?:som|that|which)$/;
/**
 * The polarity of a predicate inside advice ("Ny kontakt ved … hoste som ikke er på retur om 3–4 uker" against "…
 * eller hosten ikke er på retur om tre-fire uker, så tar du kontakt"): the words after "som"/"that" in a clause of
 * conditional advice, said in the transcript after a condition word ("hvis", "if"), with or without a negation just
 * before them. Contradicted when the predicate was said only with the other polarity.
 */
export function checkConditionPredicate(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (!context.conditional) return undefined;
  // Right after the thing it is said of ("hoste som", "pain that"), not a conjunction ("and that if …").
  const pronoun = clause.tokens.findIndex(
    (token, position) =>
      RELATIVE_PRONOUN.test(token.surface) &&
      clause.content.includes(clause.tokens[position - 1] as AnalysedToken),
  );
  if (pronoun < 0) return undefined;
  // The predicate runs to the first punctuation ("som ikke er på retur om 3–4 uker (ev. rtg. thorax)").
  const rest = clause.tokens.slice(pronoun + 1);
  const stop = rest.findIndex((token) => token.punctuation !== undefined && token.punctuation !== '–');
  const predicate = stop < 0 ? rest : rest.slice(0, stop);
  const claimedNegative = predicate.slice(0, 3).some((token) => token.negation);
  const words = predicate
    .filter(
      // (Course words are the predicate here: "på retur", "improve".)
      (token) => clause.content.includes(token) && matchingCanonicals(token, index).size > 0,
    )
    .slice(0, 2);
  if (words.length === 0) return undefined;
  let agreeing = false;
  let disagreeing: TranscriptUnit | undefined;
  for (const unit of index.units) {
    const { conditionAt, found } = afterCondition(words, unit, index, 25) ?? {};
    if (conditionAt === undefined || !found) continue;
    const first = Math.min(...found.map((positions) => Math.min(...positions)));
    // The negation of this item: up to four words before its predicate, not past a comma or "eller".
    let negated = false;
    for (let back = first - 1; back > conditionAt && back >= first - 4; back -= 1) {
      const token = unit.tokens[back];
      if (!token || token.punctuation !== undefined || /^(?:eller|og|or|and)$/.test(token.surface)) break;
      if (token.negation) negated = true;
    }
    if (negated === claimedNegative) agreeing = true;
    else disagreeing ??= unit;
  }
  return polarityConflict(agreeing, disagreeing, claimedNegative, language);
}
/** Opens a clause of time that waits for something ("when", "once", "after", "until"). */
const AWAIT_WORD = /^(?:when|once|after|until)$/;
/** What results and reports become when they are awaited ("available", "back", "ready"). */
const AWAITED_STATE = /^(?:available|back|ready|complete|completed|finished|final|resulted)$/;
/**
 * A plan that waits for something not to arrive ("follow up once the MRI results are not available"): the negated
 * state of a clause of time is unsupported unless the transcript says such a state negated somewhere ("the results
 * are not back yet").
 */
export function checkAwaitedNegated(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'en') return undefined;
  const tokens = clause.tokens;
  const opening = tokens.findIndex((token) => AWAIT_WORD.test(token.surface));
  if (opening < 0) return undefined;
  const negatedState = (words: readonly AnalysedToken[], from: number, reach: number): boolean =>
    words.some(
      (token, position) =>
        position > from &&
        position <= from + reach &&
        AWAITED_STATE.test(token.surface) &&
        words
          .slice(Math.max(from + 1, position - 2), position)
          .some((before) => before.negation || /^(?:not|n't)$/.test(before.surface)) &&
        !words.slice(from + 1, position).some((between) => between.punctuation !== undefined),
    );
  if (!negatedState(tokens, opening, 8)) return undefined;
  if (index.units.some((unit) => negatedState(unit.tokens, -1, unit.tokens.length))) return undefined;
  return flag('negation', 'unsupported', REASONS.processNotDone([], language));
}
/**
 * A test's result ("positive", "negative"), or its reading ("normal", "abnormal"): a normal test is a negative one
 * ("if the ultrasound is normal" – "if the ultrasound is negative"), an abnormal one a positive one.
 */
const RESULT_WORD =
  /^(?:positive|negative|positiv|negativ|normal|normalt|normale|abnormal|unormal|unormalt|unormale)$/;
/** The side of a result word: "positive" and "abnormal" find something, "negative" and "normal" find nothing. */
function resultFinds(surface: string): boolean {
  return /^(?:positiv|abnormal|unormal)/.test(surface);
}
/** The result word within four words after a condition word ("if that's positive", "if it comes back negative"). */
function conditionResultAt(tokens: readonly AnalysedToken[], conditionAt: number): number {
  for (let at = conditionAt + 1; at < tokens.length && at <= conditionAt + 4; at += 1) {
    const token = tokens[at];
    if (!token || token.punctuation !== undefined) return -1;
    if (RESULT_WORD.test(token.surface)) return at;
  }
  return -1;
}
/**
 * A test's result is the condition of what follows: "If she is negative for strep, I will prescribe amoxicillin"
 * against "swab you for a rapid strep test and if that's positive i wanna … prescribe amoxicillin", "If the
 * ultrasound is abnormal, the patient is a candidate for excision" against "if the ultrasound is normal, …". The talk names
 * the test first and its result after the condition word; the test's words said shortly before a result under a
 * condition word decide. Contradicted when that result was said only as the other one.
 */
export function checkConditionResult(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  const start = clause.tokens.findIndex((token) => CONDITION_WORD.test(token.surface));
  if (start < 0) return undefined;
  const resultAt = conditionResultAt(clause.tokens, start);
  const result = clause.tokens[resultAt];
  if (!result) return undefined;
  const tested = clause.content.filter(
    (token) =>
      token !== result &&
      clause.tokens.indexOf(token) > start &&
      !RESULT_WORD.test(token.surface) &&
      !isKin(token, compiled) &&
      matchingCanonicals(token, index).size > 0,
  );
  if (tested.length === 0) return undefined;
  let agreeing = false;
  let disagreeing: TranscriptUnit | undefined;
  for (const unit of index.units) {
    unit.tokens.forEach((token, conditionAt) => {
      if (!CONDITION_WORD.test(token.surface)) return;
      const saidAt = conditionResultAt(unit.tokens, conditionAt);
      if (saidAt < 0) return;
      if (
        !tested.every((word) =>
          matchPositions(word, unit, index).some((position) => position < saidAt && position >= saidAt - 12),
        )
      )
        return;
      if (resultFinds(unit.tokens[saidAt]?.surface ?? '') === resultFinds(result.surface)) agreeing = true;
      else disagreeing ??= unit;
    });
  }
  return polarityConflict(agreeing, disagreeing, !resultFinds(result.surface), language);
}
