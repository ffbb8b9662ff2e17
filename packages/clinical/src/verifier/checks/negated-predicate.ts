/**
 * English "X is not P": a negation put before the predicate of a copula ("the onset was not sudden", "he is not
 * highly motivated", "this has not been well controlled") denies exactly that predicate — read against the places of
 * the transcript that say the predicate of the same thing.
 */
import { matchingCanonicals, matchPositions } from '../alignment';
import { REASONS } from '../reasons';
import type { AnalysedToken } from '../text-analysis';
import { analyseTokens } from '../text-analysis';
import { foldText } from '../text-tools';
import type { TranscriptIndex, TranscriptUnit } from '../transcript-index';
import type { Clause, CheckContext, Issue } from './clause';
import { exchangePartner, flag, hypotheticalAt, isContent, isWeak } from './clause';
import { STRONG_DEGREE } from './effects';
import { localPolarityAt } from './polarity';
import { otherStoryTime } from './story-time';
import { deniedAbilitySince, saysAbilityAt } from './ability-since';

/** A copula that a predicate follows ("is", "was", "has been"). */
const COPULA = /^(?:is|are|was|were|am|be|been)$/;
/** A circumstance the note's clause puts its predicate under ("when lying on it", "while walking"). */
const CIRCUMSTANCE = /(?<![\p{L}])(?:when|whenever|while)(?![\p{L}])/u;
/** The perfect's auxiliary, before the copula's "been" ("has not been compliant"). */
const PERFECT = /^(?:has|have|had)$/;
/**
 * Words between "not" and the predicate that only grade, time or put it ahead ("not currently", "not highly", "not
 * well-managed", "not going to recheck", "is not to continue") or add it to what was said ("was not also offered").
 * Not "as" or "so": "not as high as usual" compares.
 */
const GRADING = /^(?:\p{L}+ly|now|just|still|yet|since|also|very|quite|well|been|being|going|to)$/u;

/** "Do", the auxiliary of a simple tense's negation. */
const DO = /^(?:do|does|did)$/;
/**
 * "She does not have since transitioned back", "which does not have successfully controlled her anxiety": "do not have"
 * before a past participle is no possession but the perfect "has not transitioned" with a stray "do". True at the
 * "not" of such a "does not have".
 */
function doesNotHaveAt(tokens: readonly AnalysedToken[], not: number): boolean {
  if (!DO.test(tokens[not - 1]?.surface ?? '') || !/^(?:have|has)$/.test(tokens[not + 1]?.surface ?? ''))
    return false;
  for (let next = not + 2; next < tokens.length && next <= not + 4; next += 1) {
    const token = tokens[next];
    if (!token || token.punctuation !== undefined || token.negation) return false;
    if (isParticiple(token)) return true;
    if (!GRADING.test(token.surface)) return false;
  }
  return false;
}
/** A past participle ("continued", "seen", "taken", "felt"): what the perfect's auxiliary is followed by. */
const IRREGULAR_PARTICIPLE =
  /^(?:felt|found|kept|lost|made|met|told|sent|spent|heard|held|brought|thought|bought|caught|taught|slept|left)$/;
function isParticiple(token: AnalysedToken): boolean {
  return /^\p{L}{2,}(?:ed|en|wn|ne)$/u.test(token.surface) || IRREGULAR_PARTICIPLE.test(token.surface);
}

/**
 * The predicate a copula's negation denies: the first content word after "not", past grading words ("is not
 * currently stable" → "stable", "has not been compliant" → "compliant"). Undefined without such a negation.
 */
export function negatedPredicate(clause: Clause): AnalysedToken | undefined {
  const tokens = clause.tokens;
  const not = tokens.findIndex(
    (token, position) =>
      token.surface === 'not' &&
      (COPULA.test(tokens[position - 1]?.surface ?? '') ||
        // The perfect: "has not been compliant", "have not been borderline high", "has not seen a specialist".
        PERFECT.test(tokens[position - 1]?.surface ?? '') ||
        doesNotHaveAt(tokens, position)),
  );
  if (not < 0) return undefined;
  // "does not have since transitioned": the perfect's auxiliary comes after "not".
  const doHave = doesNotHaveAt(tokens, not);
  const perfect = doHave || PERFECT.test(tokens[not - 1]?.surface ?? '');
  const first = doHave ? not + 2 : not + 1;
  for (let next = first; next < tokens.length && next <= first + 3; next += 1) {
    const token = tokens[next];
    if (!token || token.punctuation !== undefined || token.negation) return undefined;
    // "able" is a stopword ("able to" works like "can"), but it is the predicate "is not able to V" denies.
    if ((isContent(token) || token.surface === 'able') && !GRADING.test(token.surface)) {
      // The perfect's own predicate is its participle; "has not had any pain" is a denial of its object, not this.
      if (perfect && tokens[first]?.surface !== 'been' && !isParticiple(token)) return undefined;
      // "does not have swollen glands": a participle right after "have" that a noun follows is the object's adjective.
      if (doHave && next === first && isContent(tokens[next + 1] ?? token)) return undefined;
      return token;
    }
    // "Is not a new issue", "is not a candidate": an article opens the predicate noun's phrase.
    if (!GRADING.test(token.surface) && !(ARTICLE.test(token.surface) && !perfect)) return undefined;
  }
  return undefined;
}
/** The indefinite article, which opens a predicate noun's phrase ("is not a new issue"). */
const ARTICLE = /^(?:a|an)$/;

/**
 * A verb of having that says nothing of its own ("has not experienced left shoulder pain" = "has not had left shoulder
 * pain"): what it denies is its object, so the talk's "have you experienced any numbness" – "no" does not decide it.
 */
const LIGHT_VERB = /^(?:experienced|experiencing)$/;
/** A verb whose phrase runs on to what it is about ("experiencing …"). A denied cause ("not due to …") is `cause-denied`. */
function opensPhrase(token: AnalysedToken): boolean {
  return /^\p{L}{3,}(?:ing|ed)$/u.test(token.surface);
}
/**
 * "He is not able to exercise a lot": what one does, one is able to do, so "able to" denies the ability of its verb,
 * and the talk's "you're exercising a lot" says it. The verb after "able to", or undefined.
 */
function abilityVerb(clause: Clause, predicate: AnalysedToken): AnalysedToken | undefined {
  if (predicate.surface !== 'able') return undefined;
  const at = clause.tokens.indexOf(predicate);
  if (clause.tokens[at + 1]?.surface !== 'to') return undefined;
  const verb = clause.tokens[at + 2];
  return verb && isContent(verb) && !verb.negation ? verb : undefined;
}
/**
 * The word of the negated predicate the transcript can speak of: the predicate itself, or where the talk never uses a
 * verb ("is not experiencing pain", "is not located in his lower back") the first said content word of its phrase.
 */
function saidPredicateWord(
  clause: Clause,
  predicate: AnalysedToken,
  index: TranscriptIndex,
): AnalysedToken | undefined {
  const ability = abilityVerb(clause, predicate);
  if (ability) return matchingCanonicals(ability, index).size > 0 ? ability : undefined;
  const light = LIGHT_VERB.test(predicate.surface);
  if (!light && matchingCanonicals(predicate, index).size > 0) return predicate;
  // Only a verb's phrase runs on to what it is about; an adjective's complement ("not inconsistent with her exercise")
  // is not what it denies.
  if (!opensPhrase(predicate)) return undefined;
  const start = clause.tokens.indexOf(predicate);
  for (let next = start + 1; next < clause.tokens.length && next <= start + 4; next += 1) {
    const token = clause.tokens[next];
    if (!token || token.punctuation !== undefined || token.negation) return undefined;
    if (isContent(token) && matchingCanonicals(token, index).size > 0) return token;
  }
  return undefined;
}
/** A word that opens a phrase of place, time or circumstance after a verb's object ("with ambulation", "in the knee"). */
const CIRCUMSTANCE_OPENING =
  /^(?:in|on|at|since|after|before|during|with|without|from|when|while|for|because|until)$/;
/**
 * The said content words of a verb's phrase ("suffering from post-traumatic inflammation"): four words after it, and
 * on through the rest of its object up to a phrase of place, time or circumstance ("is not experiencing intermittent
 * episodes of pain and sudden instability | with ambulation": the negation denies every thing of the joined object).
 */
function phraseWords(clause: Clause, verb: AnalysedToken, index: TranscriptIndex): AnalysedToken[] {
  if (!opensPhrase(verb)) return [];
  const start = clause.tokens.indexOf(verb);
  const words: AnalysedToken[] = [];
  for (let next = start + 1; next < clause.tokens.length && next <= start + 8; next += 1) {
    const token = clause.tokens[next];
    if (!token || token.punctuation !== undefined || token.negation) break;
    if (next > start + 4 && CIRCUMSTANCE_OPENING.test(token.surface)) break;
    if (isContent(token) && matchingCanonicals(token, index).size > 0) words.push(token);
  }
  return words;
}
/**
 * The polarity the transcript gives the word in a unit, at its first place that is not supposed ("if …") — unless the
 * clause names its own circumstance.
 */
function predicatePolarity(
  token: AnalysedToken,
  unit: TranscriptUnit,
  context: CheckContext,
  circumstance: boolean,
): 'negative' | 'positive' | undefined {
  const { index } = context;
  for (const position of matchPositions(token, unit, index)) {
    if (!circumstance && hypotheticalAt(unit, position, index.compiled)) continue;
    const polarity = localPolarityAt(unit, position, index);
    if (polarity !== 'unknown') return polarity;
  }
  return undefined;
}

/**
 * The first unit that says the predicate plainly where it (or the question it answers, or its answer) also holds
 * one of `others`; null when such a place denies it; undefined when no place holds both.
 */
function assertedWith(
  others: readonly AnalysedToken[],
  predicate: AnalysedToken,
  context: CheckContext,
  circumstance: boolean,
): TranscriptUnit | null | undefined {
  const { index } = context;
  if (others.length === 0) return undefined;
  let asserted: TranscriptUnit | undefined;
  for (const unit of index.units) {
    const partner = exchangePartner(unit, index);
    const group = partner ? [unit, partner] : [unit];
    if (!others.some((token) => group.some((member) => matchPositions(token, member, index).length > 0)))
      continue;
    const polarity = predicatePolarity(predicate, unit, context, circumstance);
    if (polarity === 'negative') return null;
    if (polarity === 'positive') asserted ??= unit;
  }
  return asserted;
}

/**
 * Where the talk never says the predicate beside the clause's own words, the words of the clauses that follow it in the statement: they
 * elaborate what the predicate is about ("has not seen many specialists, including … a neurologist who diagnosed
 * her" against "she has seen an allergist and also a neurologist").
 */
function elaboratingWords(clause: Clause, predicate: AnalysedToken, context: CheckContext): AnalysedToken[] {
  const last = clause.content.at(-1);
  const after = last ? context.statementContent.indexOf(last) : -1;
  if (after < 0) return [];
  return context.statementContent
    .slice(after + 1)
    .filter((token) => token.canonical !== predicate.canonical && !isWeak(token, context.language));
}

/** A preposition: it opens a phrase of its own after the predicate ("difficulty with complete cessation"). */
const PREPOSITION = /^(?:with|to|for|of|in|on|at|from|about|into)$/;
/**
 * True when the negation denies a strong degree of the predicate, not the predicate ("has not provided significant
 * relief", "has not completely resolved", "is not much better"): talk of some of it ("it helped a little bit") does not
 * contradict that. A strong degree word between the "not" and three words past the predicate — not one past a
 * preposition after it, which grades that phrase's own noun ("is not having difficulty with complete cessation" denies
 * the difficulty).
 */
function deniesDegree(clause: Clause, predicate: AnalysedToken): boolean {
  const tokens = clause.tokens;
  const not = tokens.findIndex((token) => token.surface === 'not');
  const at = tokens.indexOf(predicate);
  if (not < 0 || at < 0) return false;
  for (let position = not + 1; position <= at + 3 && position < tokens.length; position += 1) {
    const token = tokens[position];
    if (!token || token.punctuation !== undefined) break;
    // "is not having difficulty with complete cessation": past a preposition the degree is its object's, not the
    // predicate's.
    if (position > at && PREPOSITION.test(token.surface)) break;
    if (STRONG_DEGREE.test(token.surface)) return true;
  }
  return false;
}
/**
 * "The onset was not sudden" against "it came on all of a sudden", "he is not highly motivated to cease smoking"
 * against "i'm really motivated now because i am about to be a father": a copula's negated predicate said plainly,
 * in a place that also holds another of the clause's own words, and nowhere denied there, is contradicted.
 */
export function checkNegatedPredicate(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'en' || context.conditional) return undefined;
  const negated = negatedPredicate(clause);
  const predicate = negated && saidPredicateWord(clause, negated, index);
  if (!negated) return undefined;
  // "Tonsils have not been removed" against "throat looks fine no tonsils".
  const absent = absentWhereNotRemoved(clause, negated, context);
  if (absent)
    return flag('negation', 'contradicted', REASONS.negationConflictPresent([absent.segmentId], language));
  if (!predicate || deniesDegree(clause, negated)) return undefined;
  let asserted = predicateAsserted(clause, predicate, context);
  // "He is not suffering from post-traumatic inflammation around the tendon": a verb the talk says only of other
  // things is read, as an unsaid one is, by the words of its phrase.
  // "Is not experiencing a persistent dry cough": a light verb's phrase is read word by word as well, the first it
  // finds said plainly beside the clause's other words deciding ("a lingering kind of light dry cough").
  if (asserted === undefined && (predicate === negated || LIGHT_VERB.test(negated.surface)))
    for (const word of phraseWords(clause, negated, index)) {
      if (word === predicate) continue;
      asserted = predicateAsserted(clause, word, context);
      if (asserted !== undefined) break;
    }
  if (asserted === undefined && predicate !== negated && abilityVerb(clause, negated) === predicate)
    asserted = doneByPatient(predicate, context);
  if (asserted === undefined) asserted = topicAsserted(clause, predicate, context);
  if (!asserted) return undefined;
  // "Has not been able to play since this injury" – "you played soccer … now?" – "yeah": the activity as a habit is
  // no ability since the event.
  if (
    predicate !== negated &&
    deniedAbilitySince(clause.tokens, predicate) &&
    !saysAbilityAt(predicate, asserted, index)
  )
    return undefined;
  // "Initially, she was not able to put weight on her foot" – "now i am able to put a little weight on it": a state at
  // the onset and a state now do not contradict each other.
  const partner = asserted.answeredByUnit === undefined ? undefined : index.units[asserted.answeredByUnit];
  if (otherStoryTime(predicate, asserted, partner, clause, context)) return undefined;
  return flag('negation', 'contradicted', REASONS.negationConflictPresent([asserted.segmentId], language));
}
/** A removal ("removed", "excised"). */
const REMOVED = /^(?:removed|resected|excised|extracted|amputated)$/;
/**
 * "Tonsils have not been previously removed" against "and throat looks fine no tonsils": what was removed is no longer
 * there, so the talk's "no tonsils" says it was. The place where the talk says the thing removed absent, not asked,
 * where no statement of the talk says it present.
 */
function absentWhereNotRemoved(
  clause: Clause,
  predicate: AnalysedToken,
  context: CheckContext,
): TranscriptUnit | undefined {
  const { index, language } = context;
  if (!REMOVED.test(predicate.surface)) return undefined;
  const notAt = clause.tokens.findIndex((token) => token.surface === 'not');
  const colon = clause.tokens.findIndex((token) => token.punctuation === ':');
  const removed = clause.content.filter((token) => {
    const at = clause.tokens.indexOf(token);
    return at > colon && at < notAt && !isWeak(token, language) && matchingCanonicals(token, index).size > 0;
  });
  if (removed.length === 0) return undefined;
  let absent: TranscriptUnit | undefined;
  for (const unit of index.units) {
    if (unit.isQuestion) continue;
    for (const token of removed)
      for (const position of matchPositions(token, unit, index)) {
        if (hypotheticalAt(unit, position, index.compiled)) continue;
        const polarity = localPolarityAt(unit, position, index);
        if (polarity === 'positive') return undefined;
        if (polarity === 'negative') absent ??= unit;
      }
  }
  return absent;
}
/**
 * The place the transcript says the negated predicate (or the word of its phrase that stands for it) plainly; null
 * where such a place denies it; undefined where the talk never says it beside the clause's words.
 */
function predicateAsserted(
  clause: Clause,
  predicate: AnalysedToken,
  context: CheckContext,
): TranscriptUnit | null | undefined {
  const { language } = context;
  // "He initially iced his shoulder but has not iced it recently": the note itself says the word both ways, so a
  // time or place qualifies the negation; the transcript's plain mention does not decide it.
  // (The word again after the negation is under it: "not experiencing pain … similar to his previous stone pain".)
  const notAt = clause.tokens.findIndex((token) => token.surface === 'not');
  const own = new Set(clause.tokens.slice(notAt));
  if (
    context.statementContent.some(
      (token) => token !== predicate && !own.has(token) && token.canonical === predicate.canonical,
    )
  )
    return null;
  const colon = clause.tokens.findIndex((token) => token.punctuation === ':');
  const ownOthers = clause.content.filter(
    (token) =>
      token !== predicate &&
      token.canonical !== predicate.canonical &&
      !isWeak(token, language) &&
      clause.tokens.indexOf(token) > colon,
  );
  // "His pain is not unbearable when lying on his left shoulder" against "if i try to even lay on that shoulder it's
  // unbearable": a predicate the note puts under a circumstance ("when", "while") is what the talk says under its
  // condition.
  const circumstance = CIRCUMSTANCE.test(foldText(clause.text));
  const ownPlace = assertedWith(ownOthers, predicate, context, circumstance);
  // Where the talk never says the predicate beside the clause's own words, the words that elaborate it decide.
  const place =
    ownPlace === undefined
      ? assertedWith(elaboratingWords(clause, predicate, context), predicate, context, circumstance)
      : ownPlace;
  return place === undefined ? doneToPatient(clause, predicate, context) : place;
}
/** The note's patient as the subject of a passive ("He was not referred", "The patient has not been examined"). */
const PATIENT_SUBJECT =
  /^(?:he|she|the patient|patient)\s+(?:was|has been|had been|were)\s+not\s+(?:\p{L}+ly\s+)?\p{L}{3,}(?:ed|en)(?![\p{L}])/u;
/** The patient as the object of the talk's active verb ("she referred you", "they admitted me"). */
const PATIENT_OBJECT = /^(?:you|me)$/;
/** The patient as the subject of the talk's passive ("you were referred", "i got admitted"). */
const PATIENT_PASSIVE =
  /^(?:you're|i'm|you were|i was|you got|i got|you've been|i've been|you have been|i have been|you are|i am)$/;
/**
 * "He was not referred to our offices by his primary care physician" against "i see that she referred you for a low
 * immunoglobulin a level": a passive that denies what was done to the patient, where the talk says that verb in one
 * turn only, done to the patient ("referred you", "you were referred") and never denied, asked or supposed. A verb
 * said once of the patient is about this, whatever else the note adds.
 */
function doneToPatient(
  clause: Clause,
  predicate: AnalysedToken,
  context: CheckContext,
): TranscriptUnit | undefined {
  const { index } = context;
  if (!PATIENT_SUBJECT.test(foldText(clause.text))) return undefined;
  let done: TranscriptUnit | undefined;
  const turns = new Set<number>();
  for (const unit of index.units) {
    for (const position of matchPositions(predicate, unit, index)) {
      if (unit.isQuestion || hypotheticalAt(unit, position, index.compiled)) return undefined;
      if (localPolarityAt(unit, position, index) !== 'positive') return undefined;
      turns.add(unit.segmentIndex);
      const words = unit.tokens;
      const before = words
        .slice(Math.max(0, position - 2), position)
        .map((word) => word.surface)
        .join(' ');
      if (
        PATIENT_OBJECT.test(words[position + 1]?.surface ?? '') ||
        PATIENT_PASSIVE.test(before) ||
        PATIENT_PASSIVE.test(words[position - 1]?.surface ?? '')
      )
        done ??= unit;
    }
  }
  return turns.size === 1 ? done : undefined;
}

/** The patient as the subject of the talk's verb ("you're exercising", "i've been walking", "i exercise"). */
const PATIENT_DOER =
  /(?:^|\s)(?:i|you|i'm|you're|i am|you are|i was|you were|i've been|you've been|i have been|you have been)$/;
/**
 * "He is not able to exercise a lot" against "it seems like you're exercising a lot": the talk says the patient does
 * the very thing, plainly, and nowhere says it negated or supposed. The first place that says it so; undefined
 * where the talk denies it anywhere ("i can't exercise") or never says the patient does it.
 */
function doneByPatient(verb: AnalysedToken, context: CheckContext): TranscriptUnit | undefined {
  const { index } = context;
  let done: TranscriptUnit | undefined;
  for (const unit of index.units)
    for (const position of matchPositions(verb, unit, index)) {
      if (hypotheticalAt(unit, position, index.compiled)) continue;
      if (askedWhenDone(unit, position, index)) {
        done ??= unit;
        continue;
      }
      const polarity = localPolarityAt(unit, position, index);
      if (polarity === 'negative') return undefined;
      if (unit.isQuestion || polarity !== 'positive') continue;
      const before = unit.tokens
        .slice(Math.max(0, position - 3), position)
        .map((word) => word.surface)
        .join(' ');
      if (PATIENT_DOER.test(before)) done ??= unit;
    }
  return done;
}

/** A question of when the patient did something ("when did you stop smoking", "when have you last …"). */
const WHEN_DONE = /(?:^|\s)when (?:did|have|had) (?:you|he|she)$/;
/** An answer that dates the event ("about six years ago", "back in 2019", "last spring"). */
const DATED = /(?<![\p{L}])(?:ago|last|since|back in|in \d{4}|yesterday)(?![\p{L}])/u;
/**
 * "When did you stop smoking?" – "maybe four or so years ago": a question of when presupposes the event, and an answer
 * that dates it without a negation accepts that it happened. True at the verb of such a question.
 */
function askedWhenDone(unit: TranscriptUnit, position: number, index: TranscriptIndex): boolean {
  const before = unit.tokens
    .slice(Math.max(0, position - 3), position)
    .map((word) => word.surface)
    .join(' ');
  if (!WHEN_DONE.test(before)) return false;
  const answer =
    unit.answeredByUnit === undefined
      ? index.units.slice(unit.index + 1, unit.index + 3).find((next) => next.speaker !== unit.speaker)
      : index.units[unit.answeredByUnit];
  if (!answer || answer.speaker === unit.speaker || answer.tokens.some((token) => token.negation))
    return false;
  return (
    DATED.test(foldText(answer.text)) || answer.quantities.some((quantity) => quantity.family === 'time')
  );
}

/** A clause whose subject is a pronoun after its label ("Medical Reasoning: This is not a new issue"). */
const ANAPHORIC_SUBJECT = /^(?:[^:]{0,40}:\s*)?(?:this|it|that)\s+(?:is|was|has been)\s+not(?![\p{L}])/u;
/** How many words from a word of the section's problem the talk's predicate may stand ("this new anemia"). */
const TOPIC_REACH = 3;
/**
 * "Anemia. | Medical Reasoning: This is not a new issue" against "so for your first problem , this new anemia": a
 * pronoun subject stands for the problem its section named just before, so the talk that gives that problem the
 * predicate — within three words of one of its words, said plainly, not asked or supposed — contradicts the negation.
 * Undefined where such a place denies it ("your anemia is not new").
 */
function topicAsserted(
  clause: Clause,
  predicate: AnalysedToken,
  context: CheckContext,
): TranscriptUnit | undefined {
  const { index, language, topic } = context;
  if (topic === undefined || !ANAPHORIC_SUBJECT.test(foldText(clause.text))) return undefined;
  const problem = analyseTokens(topic, index.compiled, { note: true }).filter(
    (token) =>
      isContent(token) &&
      !isWeak(token, language) &&
      token.canonical !== predicate.canonical &&
      matchingCanonicals(token, index).size > 0,
  );
  if (problem.length === 0) return undefined;
  let asserted: TranscriptUnit | undefined;
  for (const unit of index.units) {
    const near = problem.flatMap((token) => matchPositions(token, unit, index));
    if (near.length === 0) continue;
    for (const position of matchPositions(predicate, unit, index)) {
      if (!near.some((at) => Math.abs(at - position) <= TOPIC_REACH)) continue;
      if (hypotheticalAt(unit, position, index.compiled)) continue;
      const polarity = localPolarityAt(unit, position, index);
      if (polarity === 'negative') return undefined;
      if (polarity === 'positive' && !unit.isQuestion) asserted ??= unit;
    }
  }
  return asserted;
}
