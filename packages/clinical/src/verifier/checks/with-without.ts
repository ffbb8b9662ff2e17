/**
 * "With X" against "without X" / "with no X": English marks the absence of an accompaniment by "without" or "no"
 * right before the thing ("range of motion with no restrictions", "no evidence of hydronephrosis", "without any
 * medication on board"). A note that writes "with X" where the consultation says X only in such a phrase, and never
 * as present, has dropped the negation. English only.
 */
import { matchingCanonicals, matchPositions } from '../alignment';
import { foldText, stemWord } from '../text-tools';
import { quantitiesMatch } from '../quantities';
import { REASONS } from '../reasons';
import type { AnalysedToken } from '../text-analysis';
import type { TranscriptUnit } from '../transcript-index';
import type { CheckContext, Clause, Issue } from './clause';
import { deniedInTalk, flag, isContent, isKin, isWeak } from './clause';
import { hasLocalNegation } from './polarity';
import { FIT_ADJECTIVE } from './words';

/** Words of absence that reach a few words ahead ("without any medication", "no evidence of what we call …"). */
const ABSENCE = /^(?:without|no|none|never)$/;
/** Words that frame what follows "of" ("evidence of", "signs of"): the thing is after them. */
const FRAME = /^(?:evidence|signs?|symptoms?|history|findings?)$/;
/** How many words before the thing a word of absence still reaches within its phrase. */
const ABSENCE_REACH = 6;

/**
 * The thing a positive "with" names in the clause ("with restrictions" → "restrictions"), or undefined; a weak word
 * ("with medication") only when asked for.
 */
export function withObject(
  clause: Clause,
  context: CheckContext,
  allowWeak = false,
): AnalysedToken | undefined {
  const { index } = context;
  const tokens = clause.tokens;
  for (let at = 0; at < tokens.length - 1; at += 1) {
    if (tokens[at]?.surface !== 'with') continue;
    // "With or without underlying etiology": both are named.
    if (tokens[at - 1]?.surface === 'or' || tokens[at + 1]?.surface === 'or') continue;
    // "Not consistent with uncontrolled diabetes": the complement of a negated adjective of fit is denied, not had.
    if (
      FIT_ADJECTIVE.test(tokens[at - 1]?.surface ?? '') &&
      tokens.slice(Math.max(0, at - 4), at - 1).some((token) => token.negation)
    )
      continue;
    for (let next = at + 1; next < tokens.length && next <= at + 5; next += 1) {
      const token = tokens[next];
      if (!token || token.punctuation !== undefined || token.negation) break;
      if (token.stopword) continue;
      // "With evidence of hydronephrosis": the thing is what the frame is evidence of.
      if (FRAME.test(token.surface) && tokens[next + 1]?.surface === 'of') {
        next += 1;
        continue;
      }
      if (
        clause.negated.has(token) ||
        isKin(token, index.compiled) ||
        (!allowWeak && isWeak(token, index.compiled.language)) ||
        matchingCanonicals(token, index).size === 0
      )
        break;
      return token;
    }
  }
  return undefined;
}

/** True when a word of absence stands a few words before the position in the same phrase ("with no restrictions"). */
function absentAt(unit: TranscriptUnit, position: number): boolean {
  if (hasLocalNegation(unit, position)) return true;
  // Speech recognition cuts turns into windows: the phrase may begin in the words before this one.
  const words = unit.contextTokens;
  const at = position + unit.contextOffset;
  for (let back = at - 1; back >= 0 && back >= at - ABSENCE_REACH; back -= 1) {
    const word = words[back];
    if (!word || (word.punctuation !== undefined && word.punctuation !== ',')) return false;
    if (ABSENCE.test(word.surface)) return true;
  }
  return false;
}

/**
 * The places that give the clause's value (the unit that says it, and the question it answers) set its condition:
 * "8 out of 10 with medication" against "without any medication on board can you rate your pain?" – "about an
 * eight". Where X is said there only as absent, the value belongs to "without X", whatever is said of X elsewhere.
 */
function valueCondition(thing: AnalysedToken, clause: Clause, context: CheckContext): Issue | undefined {
  const { index } = context;
  const places = new Map<number, TranscriptUnit>();
  for (const unit of index.units) {
    const saysValue = unit.quantities.some(
      (found) =>
        found.subject === 'patient' && clause.quantities.some((claimed) => quantitiesMatch(claimed, found)),
    );
    if (!saysValue) continue;
    places.set(unit.index, unit);
    // The question it answers: the unit it answers, or the other speaker's turn right before (unpunctuated speech
    // often loses the question mark: "… without any medication on board can you rate your pain for me").
    for (const asked of index.units)
      if (
        asked.index === unit.answersUnit ||
        (asked.segmentIndex === unit.segmentIndex - 1 && asked.speaker !== unit.speaker)
      )
        places.set(asked.index, asked);
  }
  const denying: TranscriptUnit[] = [];
  for (const unit of places.values()) {
    for (const position of matchPositions(thing, unit, index)) {
      if (!absentAt(unit, position)) return undefined;
      if (!denying.includes(unit)) denying.push(unit);
    }
  }
  return deniedInTalk(denying, context.language);
}

/**
 * A clause that says "with X" where the transcript names X only as absent, in a place that also holds the clause's
 * other words ("with restrictions" against "full range of motion is the goal with no restrictions", "with evidence of
 * hydronephrosis" against "there's no evidence of what we call hydronephrosis"). One place that has X present — said,
 * or asked and answered yes — keeps the claim.
 */
export function checkWithForWithout(clause: Clause, context: CheckContext): Issue | undefined {
  const { index } = context;
  if (index.compiled.language !== 'en') return undefined;
  // The value's own place decides its condition, even for a weak word ("8 out of 10 with medication").
  const conditionOfValue = withObject(clause, context, true);
  const condition = conditionOfValue && valueCondition(conditionOfValue, clause, context);
  if (condition) return condition;
  const thing = withObject(clause, context);
  if (!thing) return undefined;
  const others = clause.content.filter((token) => token !== thing && !isWeak(token, index.compiled.language));
  const denying: TranscriptUnit[] = [];
  for (const unit of index.units) {
    for (const position of matchPositions(thing, unit, index)) {
      if ((unit.subjects[position] === 'relative') !== context.mentionsRelative) continue;
      const absent = absentAt(unit, position);
      if (!absent) {
        if (!unit.isQuestion || unit.answer === 'positive') return undefined;
        continue;
      }
      // A question that supposes the absence ("without any medication on board, can you rate your pain?") states it.
      if (others.some((other) => matchPositions(other, unit, index).length > 0) && !denying.includes(unit))
        denying.push(unit);
    }
  }
  return deniedInTalk(denying, context.language);
}

/**
 * A condition a value is given under: "with(out) [any] X" ("with medication"), "on days (he) X" ("on days he
 * exercises"), "on days with(out) X".
 */
const CONDITION_PHRASE =
  /(?<![\p{L}])(?:on days (?:when |that )?(?:(?:he|she|they|you|i) )?(?:(with|without) )?(?:(?:any|the|a|an|his|her|their|your) )?(\p{L}+)|(with|without) (?:(?:any|the|a|an|his|her|their|your) )?(\p{L}+))/gu;

/**
 * Two values set against each other under the same condition ("with medication, she rates her pain as 3/10, but
 * with medication her pain is rated as 7-8/10", "5 mg on days he exercises, 2.5 mg on days with exercise"): values
 * are contrasted by their conditions, so one of the two must have been "without". English only; checked once per
 * statement, on its first clause.
 */
export function checkRepeatedCondition(clause: Clause, context: CheckContext): Issue | undefined {
  if (context.index.compiled.language !== 'en' || clause.offset > 0) return undefined;
  const text = foldText(context.statementText);
  const values = new Set(text.match(/\d+(?:\.\d+)?/g) ?? []);
  if (values.size < 2) return undefined;
  const present = new Map<string, string[]>();
  const absent = new Set<string>();
  for (const match of text.matchAll(CONDITION_PHRASE)) {
    const word = match[2] ?? match[4] ?? '';
    const without = (match[1] ?? match[3]) === 'without';
    const key = stemWord(word, 'en');
    if (without) absent.add(key);
    else present.set(key, [...(present.get(key) ?? []), match[0]]);
  }
  const repeated = [...present].find(([key, phrases]) => phrases.length >= 2 && !absent.has(key));
  if (!repeated) return undefined;
  return flag(
    'negation',
    'unsupported',
    REASONS.conditionRepeated(repeated[1][repeated[1].length - 1] ?? '', context.language),
  );
}

/**
 * Norwegian "med" where the talk said "uten" after the same words: "Reiser seg fra stol med armstøtte" against "kan du
 * reise deg fra stolen uten å bruke armene" – "det gikk". What follows the preposition is often put in other words
 * ("armstøtte" for "å bruke armene"), but the words before it fix the place: where the talk continues the same words
 * (two or more, the last right before the preposition) with "uten" and never with "med", the note has turned the
 * absence into its opposite. Not a question answered no ("uten å bruke armene?" – "nei": then with is right).
 */
export function checkMedForUten(clause: Clause, context: CheckContext): Issue | undefined {
  const { index } = context;
  if (index.compiled.language !== 'nb' || context.conditional) return undefined;
  const tokens = clause.tokens;
  const at = tokens.findIndex((token) => token.surface === 'med');
  if (at < 2 || tokens[at + 1]?.surface === 'eller' || tokens[at - 1]?.surface === 'eller') return undefined;
  const lead = tokens[at - 1];
  if (!lead || !isContent(lead) || clause.negated.has(lead)) return undefined;
  const anchors = tokens
    .slice(Math.max(0, at - 5), at)
    .filter((token) => isContent(token) && !isWeak(token, index.compiled.language));
  if (anchors.length < 2 || !anchors.includes(lead)) return undefined;
  const denying: TranscriptUnit[] = [];
  for (const unit of index.units) {
    for (const position of matchPositions(lead, unit, index)) {
      const others = anchors.filter(
        (anchor) =>
          anchor !== lead &&
          matchPositions(anchor, unit, index).some((other) => other < position && other >= position - 5),
      );
      if (others.length === 0) continue;
      const next = unit.tokens[position + 1]?.surface;
      if (next === 'med') return undefined;
      if (next !== 'uten') continue;
      if (unit.isQuestion && unit.answer === 'negative') return undefined;
      if (!denying.includes(unit)) denying.push(unit);
    }
  }
  return deniedInTalk(denying, context.language);
}
