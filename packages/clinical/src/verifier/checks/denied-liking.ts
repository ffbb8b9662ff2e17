/**
 * English denied likings: a liking is a disposition ("enjoys golfing", "loves to swim"), so a note that denies it is
 * contradicted where the talk states it in the first or second person ("i really do like playing water polo", "you're
 * a big golfer") — also when the talk says the activity has not happened lately ("you probably haven't been out
 * golfing"), which denies an occasion, not the liking.
 */
import { matchPositions } from '../alignment';
import { REASONS } from '../reasons';
import type { AnalysedToken } from '../text-analysis';
import type { TranscriptUnit, TranscriptIndex } from '../transcript-index';
import type { CheckContext, Clause, Issue } from './clause';
import { flag, isContent, isWeak, questionOpensAfter } from './clause';

/** A verb of liking, whose object is what the subject is disposed to ("enjoys golfing", "likes to bicycle ride"). */
const LIKING_VERB = /^(?:enjoy|enjoys|enjoyed|enjoying|like|likes|liked|love|loves|loved)$/;
/** The talk's liking in the present: a past one ("i loved gardening") may be over ("no longer enjoys gardening"). */
const PRESENT_LIKING_VERB = /^(?:enjoy|enjoys|like|likes|love|loves)$/;
/** An adjective that makes an agent noun a liking ("a big golfer", "an avid runner", "a keen swimmer"). */
const KEEN = /^(?:big|avid|keen|huge|passionate)$/;
/** The subjects a liking of the patient is said with: the patient's own "i"/"we", the doctor's "you". */
const LIKING_SUBJECT = /^(?:i|we|you|i'm|we're|you're)$/;
/** Words that may stand between a subject and its verb of liking ("i really do like", "we also love", "you are"). */
const BETWEEN_SUBJECT_AND_VERB =
  /^(?:really|do|does|did|also|still|just|definitely|absolutely|truly|always|certainly|am|are|a|an|so|very|pretty)$/;
/** Words that may stand between a verb of liking and its object ("like to go on hikes", "love playing the"). */
const BETWEEN_VERB_AND_OBJECT =
  /^(?:to|go|going|get|getting|do|doing|play|playing|the|a|an|on|out|some|my|our|your|being|be)$/;
/** Words before a subject that make its clause asked or supposed ("if you like …", "do you like …"). */
const NOT_STATED_BEFORE = /^(?:if|when|whether|unless|do|does|did|would|could|should|might|maybe)$/;
/** Words that end the clause before a subject ("… we can do because i really do like …", "…, and i love …"). */
const CLAUSE_BOUNDARY = /^(?:because|cause|and|but|so|since)$/;

/** The subject the liking at this unit position is said with, reading back: a pronoun, not asked or supposed. */
function statedSubject(unit: TranscriptUnit, from: number): boolean {
  for (let back = from; back >= 0 && back >= from - 4; back -= 1) {
    const token = unit.tokens[back];
    if (!token || token.negation || token.punctuation !== undefined) return false;
    if (LIKING_SUBJECT.test(token.surface)) {
      const before = unit.tokens[back - 1];
      if (before === undefined || before.punctuation !== undefined) return true;
      if (NOT_STATED_BEFORE.test(before.surface) || before.negation) return false;
      return true;
    }
    if (!BETWEEN_SUBJECT_AND_VERB.test(token.surface)) return false;
  }
  return false;
}

/**
 * True when the word at the position is the object of a stated liking: a verb of liking before it with only small
 * words between ("i really do like playing water polo"), or a keen adjective on an agent noun ("you're a big golfer"),
 * said by a subject of the patient, without a negation, a question or a supposition on it.
 */
function likedAt(unit: TranscriptUnit, position: number): boolean {
  // A question that opens only after the liking leaves it said ("you really like to go on hikes have you gone to …").
  if (unit.isQuestion && !questionOpensAfter(unit.tokens, position)) return false;
  if (unit.subjects[position] === 'relative') return false;
  const before = unit.tokens[position - 1];
  if (before && KEEN.test(before.surface)) return statedSubject(unit, position - 2);
  for (let back = position - 1; back >= 0 && back >= position - 4; back -= 1) {
    const token = unit.tokens[back];
    if (!token || token.negation || token.punctuation !== undefined) return false;
    if (PRESENT_LIKING_VERB.test(token.surface)) {
      // A clause boundary may stand right before the subject, not between subject and verb.
      const previous = unit.tokens[back - 1];
      return (
        previous !== undefined && !CLAUSE_BOUNDARY.test(previous.surface) && statedSubject(unit, back - 1)
      );
    }
    if (!BETWEEN_VERB_AND_OBJECT.test(token.surface)) return false;
  }
  return false;
}

/**
 * The activity an agent noun names, as a stem: "runner" → "run", "swimmer" → "swim", "cyclist" → "cycl" (a doubled
 * last consonant is said once in the stem).
 */
function agentStem(surface: string): string | undefined {
  const stem = /^(\p{L}{3,}?)(?:er|ist)$/u.exec(surface)?.[1];
  return stem?.replace(/(\p{L})\1$/u, '$1');
}

/** Positions of the unit that name the object: its matches, and an agent noun of the same activity after a keen word. */
function objectPositions(object: AnalysedToken, unit: TranscriptUnit, index: TranscriptIndex): number[] {
  const positions = matchPositions(object, unit, index);
  unit.tokens.forEach((token, position) => {
    const stem = agentStem(token.surface);
    if (
      stem !== undefined &&
      object.canonical.startsWith(stem) &&
      KEEN.test(unit.tokens[position - 1]?.surface ?? '') &&
      !positions.includes(position)
    )
      positions.push(position);
  });
  return positions;
}

/** A cue that denies what follows it: a verb of denial or a plain negation (not a verb of avoiding). */
const DENIAL_CUE = /^(?:denies|deny|denied|denying|not|n't|never|doesn't|don't|didn't|no)$/;
/** Words that may stand between a denial and the verb of liking it denies ("denies that she", "does not really"). */
const BETWEEN_DENIAL_AND_VERB =
  /^(?:that|she|he|they|patient|the|really|particularly|much|does|do|did|is|has|longer)$/;

/** True when a denial reaches the verb of liking at the position through small words only ("denies she enjoys"). */
function deniedLiking(tokens: readonly AnalysedToken[], verb: number): boolean {
  for (let back = verb - 1; back >= 0 && back >= verb - 4; back -= 1) {
    const token = tokens[back];
    if (!token || token.punctuation !== undefined) return false;
    if (DENIAL_CUE.test(token.surface)) return true;
    if (!BETWEEN_DENIAL_AND_VERB.test(token.surface)) return false;
  }
  return false;
}

/**
 * True when the clause's negation reaches the verb of liking at the position and the nearest negation cue before it
 * is a denial ("denies she is a student and enjoys playing water polo").
 */
function underDenial(clause: Clause, verb: number): boolean {
  const token = clause.tokens[verb];
  if (!token || !clause.negated.has(token)) return false;
  const cue = clause.tokens.slice(0, verb).findLast((before) => before.negation);
  return cue !== undefined && DENIAL_CUE.test(cue.surface);
}

/**
 * The objects of a denied verb of liking in the clause: the meaning words after it. Only a denial reaches it: "is
 * avoiding salty foods that she likes to eat" avoids the foods, it does not deny the liking.
 */
function deniedLikingObjects(clause: Clause, index: TranscriptIndex): AnalysedToken[] {
  const verb = clause.tokens.findIndex(
    (token, position) =>
      LIKING_VERB.test(token.surface) &&
      (deniedLiking(clause.tokens, position) || underDenial(clause, position)),
  );
  if (verb < 0) return [];
  return clause.tokens
    .slice(verb + 1)
    .filter((token) => isContent(token) && !isWeak(token, index.compiled.language));
}

/**
 * "Patient denies she enjoys golfing" against "i remember you're a big golfer": a denied liking whose object the talk
 * states as liked is contradicted. English only; not for relatives or conditions.
 */
export function checkDeniedLiking(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'en' || context.mentionsRelative || context.conditional) return undefined;
  for (const object of deniedLikingObjects(clause, index)) {
    for (const unit of index.units) {
      if (objectPositions(object, unit, index).some((position) => likedAt(unit, position)))
        return flag('negation', 'contradicted', REASONS.negationConflictPresent([unit.segmentId], language));
    }
  }
  return undefined;
}
