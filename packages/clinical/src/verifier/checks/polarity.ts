/**
 * The polarity of a transcript word seen close up: a negation just before or after it, a contrast,
 * a word said to be normal.
 */
import type { Subject, TranscriptIndex, TranscriptUnit } from '../transcript-index';
import {
  beforeAskedItems,
  polarityAt,
  type CheckContext,
  tagQuestion,
  remarkBefore,
  questionOpensAfter,
  PERCEPTION,
  FILLER_WORD,
  yesToNegatedQuestion,
  askedCauseOf,
  presupposedBeforeQuestion,
  closingQuestionAfter,
  askedAfterNegatedRemark,
  asksBefore,
  askedWhetherHeardOf,
  followUpAfter,
} from './clause';
import { headPositions, matchPositions } from '../alignment';
import type { AnalysedToken } from '../text-analysis';

/** A negation cue close to a word: up to four words before it in the same phrase, or right after it ("helped not"). */
export function hasLocalNegation(unit: TranscriptUnit, unitPosition: number): boolean {
  const tokens = unit.contextTokens;
  const position = unitPosition + unit.contextOffset;
  for (let back = position - 1; back >= 0 && back >= position - 4; back -= 1) {
    const token = tokens[back];
    if (!token || token.scopeBreaker || (token.punctuation !== undefined && token.punctuation !== ',')) break;
    if (token.negation) return true;
  }
  for (let ahead = position + 1; ahead <= position + 3; ahead += 1) {
    const token = tokens[ahead];
    if (!token || token.punctuation !== undefined || token.scopeBreaker) break;
    if (token.postNegation || (ahead <= position + 2 && /^(?:not|n't|ikke)$/.test(token.surface)))
      return true;
  }
  return false;
}
/**
 * Polarity of a word at a unit position for the same-words check: "negative" only with a negation cue close to it
 * (the wider heuristics of `polarityAt` guess), also inside a hypothetical sentence (for conditions and advice).
 */
export function localPolarityAt(
  unit: TranscriptUnit,
  position: number,
  index: TranscriptIndex,
): 'negative' | 'positive' | 'unknown' {
  const polarity = polarityAt(unit.hypothetical ? { ...unit, hypothetical: false } : unit, position, index);
  if (polarity === 'negative') {
    if (unit.isQuestion) return 'negative';
    // A negation after the word that opens a contrast ("litt hovent ikke sånn ballong") leaves the word said.
    if (!negationBefore(unit, position) && contrastAfter(unit, position)) return 'unknown';
    return hasLocalNegation(unit, position) ? 'negative' : 'unknown';
  }
  return polarity === 'positive' ? 'positive' : 'unknown';
}
/** Polarity of a clause word in a unit: the first definite polarity among its positions (the patient's only). */
export function tokenPolarity(
  token: AnalysedToken,
  unit: TranscriptUnit,
  index: TranscriptIndex,
  context: readonly AnalysedToken[] = [],
  subject: Subject = 'patient',
): 'negative' | 'positive' | undefined {
  const positions = headPositions(token, unit, index);
  if (positions.length > 1 && context.length > 0) {
    // Said more than once ("palpable pulses femorally … i don't recognize a palpable pulse dorsalis pedis"): the
    // mention nearest the clause's other words speaks for it.
    const anchors = context
      .filter((other) => other !== token)
      .flatMap((other) => matchPositions(other, unit, index));
    if (anchors.length > 0) {
      const distance = (position: number): number =>
        Math.min(...anchors.map((anchor) => Math.abs(anchor - position)));
      positions.sort((left, right) => distance(left) - distance(right));
    }
  }
  for (const position of positions) {
    if ((unit.subjects[position] ?? 'patient') !== subject) continue;
    const polarity = polarityAt(unit, position, index);
    if (polarity === 'negative' || polarity === 'positive') return polarity;
  }
  return undefined;
}
/**
 * Polarity of a word at one place for `checkDeniedOnly`: "negative" only for a close negation ("ikke samtidig med
 * melk", "det hjalp ikke") or a question answered no, "positive" where nothing negates it, undefined where the
 * place neither asserts nor denies it (an open question, a relative's words, a far negation).
 */
export function plainPolarityAt(
  unit: TranscriptUnit,
  position: number,
  context: CheckContext,
): 'negative' | 'positive' | undefined {
  if ((unit.subjects[position] === 'relative') !== context.mentionsRelative) return undefined;
  // "… adding in some yoga so do you have any questions for me" – "no": the words before it are said, not asked.
  if (unit.isQuestion && closingQuestionAfter(unit.tokens, position, context.language))
    return plainPolarityAt({ ...unit, isQuestion: false }, position, context);
  // "I don't think we need any further work-up, okay?" – "Mm-hmm": the tag's yes agrees with the statement.
  if (unit.isQuestion && tagQuestion(unit) && context.language === 'en') {
    const stated = plainPolarityAt({ ...unit, isQuestion: false }, position, context);
    if (stated === 'negative') return stated;
  }
  // Said before what is asked ("so epigastric pain alright any blood in your stool", a remark before the question):
  // the answer is not about it.
  const remark =
    unit.isQuestion &&
    context.index.compiled.language === 'en' &&
    ((questionOpensAfter(unit.tokens, position) && remarkBefore(unit.tokens, position)) ||
      (followUpAfter(unit.tokens, position) && !asksBefore(unit.tokens, position)));
  if (unit.isQuestion && !remark && beforeAskedItems(unit, position)) return undefined;
  // "Could that be why my stomach is hurting?" – "No": the cause is denied; "after the fall …, were you able to …?":
  // the fall is taken as given.
  if (unit.isQuestion && context.language === 'en') {
    if (askedCauseOf(unit.tokens, position))
      return plainPolarityAt({ ...unit, isQuestion: false }, position, context);
    if (presupposedBeforeQuestion(unit.tokens, position) || askedWhetherHeardOf(unit.tokens, position))
      return undefined;
  }
  // "… you're not taking any medications, but you're allergic to augmentin, is that right?" – "yes": as put.
  // (Not a word asked by a question of its own after the remark: "… you haven't had any chest pain, are you
  // exercising?" – "kind of".)
  if (yesToNegatedQuestion(unit, context.index, position) && !askedAfterNegatedRemark(unit.tokens, position))
    return plainPolarityAt({ ...unit, isQuestion: false }, position, context);
  if (unit.isQuestion && !remark) {
    // Answered by repeating some of its words: only those are confirmed; those repeated under a negation, denied.
    const word = unit.tokens[position];
    if (unit.answer === 'positive' && word && unit.deniedWords?.has(word.canonical)) return 'negative';
    if (unit.answer === 'positive' && word && unit.confirmedWords && !unit.confirmedWords.has(word.canonical))
      return undefined;
    return unit.answer === 'negative' ? 'negative' : unit.answer === 'positive' ? 'positive' : undefined;
  }
  const polarity = polarityAt({ ...unit, hypothetical: false, isQuestion: false }, position, context.index);
  if (polarity !== 'negative') return polarity === 'positive' ? 'positive' : undefined;
  if (!hasCloseNegation(unit, position)) return undefined;
  if (!negationBefore(unit, position) && contrastAfter(unit, position)) return undefined;
  // Two negations cancel ("klarer ikke gå opp trappa uten å stoppe"): one after the word is its own ("hjalp ikke").
  return negationsAfter(unit, position) === (negationBefore(unit, position) ? 0 : 1) ? 'negative' : undefined;
}
/** A negation cue up to four words before the word in the same phrase. */
export function negationBefore(unit: TranscriptUnit, unitPosition: number): boolean {
  const tokens = unit.contextTokens;
  const position = unitPosition + unit.contextOffset;
  for (let back = position - 1; back >= 0 && back >= position - 4; back -= 1) {
    const token = tokens[back];
    if (!token || token.scopeBreaker || (token.punctuation !== undefined && token.punctuation !== ','))
      return false;
    if (token.negation) return true;
  }
  return false;
}
/**
 * The negation after the word opens a contrast rather than denying the word ("to glass vin i helga ikke i
 * ukedagene", "litt hovent ikke sånn ballong").
 */
export function contrastAfter(unit: TranscriptUnit, unitPosition: number): boolean {
  const tokens = unit.contextTokens;
  const position = unitPosition + unit.contextOffset;
  for (let ahead = position + 1; ahead <= position + 6; ahead += 1) {
    const token = tokens[ahead];
    if (!token || (token.punctuation !== undefined && token.punctuation !== ',') || token.scopeBreaker)
      return false;
    if (token.negation || token.postNegation) return CONTRAST_NEXT.test(tokens[ahead + 1]?.surface ?? '');
  }
  return false;
}
/** The transcript word is said to be normal right after it ("tisser hun normalt", "avføringen er som før"). */
export function saidNormal(unit: TranscriptUnit, position: number): boolean {
  for (let next = position + 1; next < unit.tokens.length && next <= position + 3; next += 1) {
    const token = unit.tokens[next];
    if (!token || token.negation || (token.punctuation !== undefined && token.punctuation !== ','))
      return false;
    if (/^(?:normalt?|greit|fint)$/.test(token.surface)) return true;
    if (token.surface === 'før' && unit.tokens[next - 1]?.surface === 'som') return true;
  }
  return false;
}
/** Negation cues in the six words after the word, within its phrase. */
export function negationsAfter(unit: TranscriptUnit, unitPosition: number): number {
  const tokens = unit.contextTokens;
  const position = unitPosition + unit.contextOffset;
  let count = 0;
  for (let ahead = position + 1; ahead <= position + 6; ahead += 1) {
    const token = tokens[ahead];
    if (!token || (token.punctuation !== undefined && token.punctuation !== ',') || token.scopeBreaker) break;
    // A negation opening the next item is that item's own ("ikke rett før du legger deg, og ikke samtidig med melk").
    if (token.punctuation === ',') {
      const next = tokens[ahead + 1];
      const opener = next && /^(?:og|eller|men|and|or|but)$/.test(next.surface) ? tokens[ahead + 2] : next;
      if (opener?.negation) break;
    }
    if (token.negation || token.postNegation) count += 1;
  }
  return count;
}
/**
 * A negation right at the word: after it ("det hjalp ikke") or before it with at most one other meaning word
 * between ("ikke samtidig med melk", "ikke klinisk undersøkt", "i don't have any chest pain").
 */
export function hasCloseNegation(unit: TranscriptUnit, unitPosition: number): boolean {
  if (!hasLocalNegation(unit, unitPosition)) return false;
  const tokens = unit.contextTokens;
  const position = unitPosition + unit.contextOffset;
  let between = 0;
  for (let back = position - 1; back >= 0 && back >= position - 4; back -= 1) {
    const token = tokens[back];
    if (!token || token.scopeBreaker || (token.punctuation !== undefined && token.punctuation !== ',')) break;
    // Unpunctuated speech: "nå"/"da" after a phrase opens a new clause ("ingen sprekk nå vekten er …").
    if (/^(?:nå|da|now)$/.test(token.surface)) return negationsAfter(unit, unitPosition) > 0;
    if (token.negation) return between <= 1;
    if (!token.stopword && !PERCEPTION.test(token.surface) && !FILLER_WORD.test(token.surface)) between += 1;
  }
  // The negation is after the word ("hjalp ikke", "neg.").
  return true;
}
/** What follows a negation that sets something else against the word ("ikke i ukedagene", "ikke sånn ballong"). */
export const CONTRAST_NEXT = /^(?:i|på|om|mer|sånn|slik|som|in|on|more|like)$/;
