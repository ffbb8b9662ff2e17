/**
 * An ability claimed since an event ("has been able to play since this injury") where the talk says it only as lost
 * since then ("you probably haven't been able to do that since you hurt your ankle" – "no i have not been"). English
 * "been able to … since" dates the regained or kept ability from the event; said under a negation in the talk, with
 * the same verb or a pro-verb ("do that") for the one just named, the note has dropped the negation.
 */
import { matchPositions } from '../alignment';
import type { AnalysedToken } from '../text-analysis';
import type { TranscriptIndex, TranscriptUnit } from '../transcript-index';
import type { CheckContext, Clause, Issue } from './clause';
import { deniedInTalk, hypotheticalAt } from './clause';

/** Words that stand for a verb just named ("do that", "do it", "do so"). */
const PRO_VERB_OBJECT = /^(?:that|it|this|so|those|these)$/;
/** Units before a pro-verb in which the verb it stands for may have been named. */
const ANTECEDENT_REACH = 3;
/** How many words after "able to" the "since" of the event may stand. */
const SINCE_REACH = 8;

/**
 * True when the word is the verb of a denied ability dated by "since" ("has not been able to play since this
 * injury"): the denial is of the ability after the event, not of the activity.
 */
export function deniedAbilitySince(tokens: readonly AnalysedToken[], token: AnalysedToken): boolean {
  const position = tokens.indexOf(token);
  return (
    tokens[position - 1]?.surface === 'to' &&
    tokens[position - 2]?.surface === 'able' &&
    tokens.slice(position + 1, position + 8).some((word) => word.surface === 'since')
  );
}
/** Words that say an ability or date a word after an event ("able to play", "can run", "since then"). */
const ABILITY_OR_SINCE = /^(?:able|unable|can|could|cannot|since)$/;
/** True when the unit says the word with an ability or a "since" a few words before it ("been able to play"). */
export function saysAbilityAt(token: AnalysedToken, unit: TranscriptUnit, index: TranscriptIndex): boolean {
  return matchPositions(token, unit, index).some((position) =>
    unit.tokens
      .slice(Math.max(0, position - 4), position)
      .some((word) => ABILITY_OR_SINCE.test(word.surface)),
  );
}
/**
 * The verb of a positive "able to V … since" in the clause ("has been able to play since this injury" → "play"), or
 * undefined for a clause without one or with any negation.
 */
function abilitySinceVerb(clause: Clause): AnalysedToken | undefined {
  const tokens = clause.tokens;
  if (tokens.some((token) => token.negation || token.postNegation)) return undefined;
  const able = tokens.findIndex((token, at) => token.surface === 'able' && tokens[at + 1]?.surface === 'to');
  if (able < 0) return undefined;
  const verb = tokens[able + 2];
  if (!verb || verb.stopword || verb.punctuation !== undefined) return undefined;
  const since = tokens.findIndex((token, at) => at > able + 2 && token.surface === 'since');
  return since > 0 && since <= able + 2 + SINCE_REACH ? verb : undefined;
}

/**
 * What a unit says of the ability at "able"/"unable" at the position: "lost" under a negation close before it
 * ("haven't been able", "unable to") or asked and answered no, "kept" said plainly or asked and answered yes.
 */
function abilityAt(unit: TranscriptUnit, position: number): 'lost' | 'kept' | undefined {
  const tokens = unit.tokens;
  const negated =
    tokens[position]?.surface === 'unable' ||
    tokens.slice(Math.max(0, position - 4), position).some((token) => token.negation);
  if (unit.isQuestion) {
    // A "no" to a negated question agrees with it ("you haven't been able to …" – "no i have not been"); a yes to it
    // is ambiguous.
    if (negated) return unit.answer === 'positive' ? undefined : 'lost';
    return unit.answer === 'negative' ? 'lost' : unit.answer === 'positive' ? 'kept' : undefined;
  }
  return negated ? 'lost' : 'kept';
}

/**
 * True when the unit says the clause's verb at "able to" ("been able to play") or a pro-verb whose verb was named in
 * the unit before it or in the units just before ("you played soccer … haven't been able to do that").
 */
function saysVerb(
  verb: AnalysedToken,
  unit: TranscriptUnit,
  position: number,
  context: CheckContext,
): boolean {
  const { index } = context;
  const first = position + 2;
  if (matchPositions(verb, unit, index).includes(first)) return true;
  if (unit.tokens[first]?.surface !== 'do' || !PRO_VERB_OBJECT.test(unit.tokens[first + 1]?.surface ?? ''))
    return false;
  if (matchPositions(verb, unit, index).some((at) => at < position)) return true;
  return index.units
    .slice(Math.max(0, unit.index - ANTECEDENT_REACH), unit.index)
    .some((before) => matchPositions(verb, before, index).length > 0);
}

/**
 * "Has been able to play since this injury" where every place that says the ability to play (or to "do that" just
 * after playing was named) since an event says it as lost, and none as kept: the claim drops the talk's negation.
 */
export function checkAbilitySince(clause: Clause, context: CheckContext): Issue | undefined {
  const { index } = context;
  if (index.compiled.language !== 'en' || context.conditional) return undefined;
  const verb = abilitySinceVerb(clause);
  if (!verb) return undefined;
  const denying: TranscriptUnit[] = [];
  for (const unit of index.units) {
    const tokens = unit.tokens;
    for (const [position, token] of tokens.entries()) {
      if (!/^(?:able|unable)$/.test(token.surface) || tokens[position + 1]?.surface !== 'to') continue;
      if ((unit.subjects[position] === 'relative') !== context.mentionsRelative) continue;
      if (hypotheticalAt(unit, position, index.compiled)) continue;
      const since = tokens.findIndex(
        (word, at) => at > position + 2 && at <= position + 2 + SINCE_REACH && word.surface === 'since',
      );
      if (since < 0 || !saysVerb(verb, unit, position, context)) continue;
      const ability = abilityAt(unit, position);
      if (ability === 'kept') return undefined;
      if (ability === 'lost' && !denying.includes(unit)) denying.push(unit);
    }
  }
  return deniedInTalk(denying, context.language);
}
