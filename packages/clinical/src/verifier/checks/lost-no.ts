/**
 * A claim that repeats the consultation's words after a "no" without the "no": "Pain with pronation." against "no pain
 * with pronation on the right side", "has had further flare ups" against "no further flare ups?" – "no". The clause's
 * words said one after the other up to its end pin the clause to that place; a negation right before them, there and
 * nowhere else said without it, is what the clause dropped. English only (the rule reads "no", "without", "denies"
 * before a noun phrase).
 */
import type { AnalysedToken } from '../text-analysis';
import type { TranscriptUnit } from '../transcript-index';
import type { CheckContext, Clause, Issue } from './clause';
import { deniedInTalk, FILLER_WORD, hypotheticalAt, polarityAt } from './clause';

/** Words speech puts between a negation and its noun phrase ("no , um , further …", "no any …"). */
const BETWEEN = /^(?:any|really|more)$/;

/** True when a token counts as a word of the phrase compared (not a pause or filler). */
function spoken(token: AnalysedToken | undefined): boolean {
  return token !== undefined && !FILLER_WORD.test(token.surface);
}

/** Intensifiers that a denial adds and its affirmative drops ("haven't iced it at all recently", "never really"). */
const DENIAL_INTENSIFIER = /^(?:really|ever|even|yet)$/;

/** How many words at the unit position only intensify a denial ("at all", "really"), when the clause does not say them. */
function intensifierAt(unit: TranscriptUnit, at: number, word: AnalysedToken | undefined): number {
  const token = unit.tokens[at];
  if (!token || token.canonical === word?.canonical) return 0;
  if (token.surface === 'at' && unit.tokens[at + 1]?.surface === 'all' && word?.surface !== 'at') return 2;
  return DENIAL_INTENSIFIER.test(token.surface) ? 1 : 0;
}

/**
 * Where the unit says the clause's words from `start` to the clause's last word one after the other: the unit
 * position of the first word, or undefined. Fillers in the talk are skipped, and so are the intensifiers of a denial
 * after the first word ("i haven't iced it at all recently" echoes "has iced it recently").
 */
function echoAt(
  words: readonly AnalysedToken[],
  start: number,
  unit: TranscriptUnit,
  from: number,
): number | undefined {
  let at = from;
  for (let position = start; position < words.length; position += 1) {
    for (;;) {
      while (at < unit.tokens.length && !spoken(unit.tokens[at])) at += 1;
      const skip = position > start ? intensifierAt(unit, at, words[position]) : 0;
      if (skip === 0) break;
      at += skip;
    }
    if (unit.tokens[at]?.canonical !== words[position]?.canonical) return undefined;
    at += 1;
  }
  return from;
}

/** The word said before the unit position, past fillers. */
function spokenBefore(unit: TranscriptUnit, position: number): AnalysedToken | undefined {
  for (let back = position - 1; back >= 0; back -= 1) {
    const token = unit.tokens[back];
    if (spoken(token)) return token;
  }
  return undefined;
}

/** True when a negation cue stands right before the unit position, past fillers and "any" ("no , um , further"). */
function negatedRightBefore(unit: TranscriptUnit, position: number): boolean {
  for (let back = position - 1; back >= 0 && back >= position - 4; back -= 1) {
    const token = unit.tokens[back];
    if (!token) return false;
    if (token.negation) return true;
    if (token.punctuation === ',' || FILLER_WORD.test(token.surface) || BETWEEN.test(token.surface)) continue;
    return false;
  }
  return false;
}

/**
 * The clause's words said verbatim right after a negation (or asked so and answered "no"), and nowhere said as
 * present: the clause dropped that negation. The echo must run to the clause's end and hold two content words.
 */
export function checkLostNo(clause: Clause, context: CheckContext): Issue | undefined {
  const { index } = context;
  if (index.compiled.language !== 'en' || context.conditional) return undefined;
  if (clause.tokens.some((token) => token.negation || token.postNegation)) return undefined;
  const words = clause.tokens.filter((token) => token.punctuation === undefined);
  // The echo starts at a content word and runs to the clause's end: the shortest one has two content words.
  const content = new Set(clause.content);
  const starts = words
    .map((token, position) => (content.has(token) ? position : -1))
    .filter((position) => position >= 0 && words.slice(position).filter((w) => content.has(w)).length >= 2);
  if (starts.length === 0) return undefined;
  const denying: TranscriptUnit[] = [];
  for (const unit of index.units) {
    for (const start of starts) {
      const first = words[start];
      if (!first) continue;
      for (let from = 0; from < unit.tokens.length; from += 1) {
        if (unit.tokens[from]?.canonical !== first.canonical) continue;
        if (echoAt(words, start, unit, from) === undefined) continue;
        // Part of a longer echo (the clause's word before is said right before too): that one decides.
        if (start > 0 && spokenBefore(unit, from)?.canonical === words[start - 1]?.canonical) continue;
        if ((unit.subjects[from] === 'relative') !== context.mentionsRelative) continue;
        if (hypotheticalAt(unit, from, index.compiled)) continue;
        const negated = negatedRightBefore(unit, from);
        if (unit.isQuestion) {
          // "No further flare ups?" – "No": denied; a yes to a question put with "no" is ambiguous.
          if (negated && unit.answer === 'negative' && !denying.includes(unit)) denying.push(unit);
          else if (!negated && unit.answer === 'positive') return undefined;
          continue;
        }
        if (!negated) return undefined;
        if (!denying.includes(unit)) denying.push(unit);
      }
    }
  }
  return deniedInTalk(denying, context.language);
}

/** A complaint elicited or reported without a place of its own ("pain", "tenderness", "discomfort"). */
const COMPLAINT = /^(?:pain|painful|tenderness|tender|discomfort)$/;
/** The same complaint in the patient's and the doctor's words ("it hurts", "sore", "aching"). */
const COMPLAINT_SAID =
  /^(?:pain|pains|painful|hurt|hurts|hurting|sore|soreness|ache|aches|aching|tender|tenderness|discomfort)$/;
/** Words that frame a complaint without saying what or where it is ("associated", "some", "reports"). */
const COMPLAINT_FRAME =
  /^(?:associated|some|mild|moderate|severe|significant|reports?|reported|notes?|noted|has|have|had|experiencing|experiences|endorses|presence|present|also)$/;

/**
 * "There is associated pain" where every pain, hurt or soreness of the talk is denied ("no no no pain at all", "no
 * pain to palpation"): a bare complaint, with no place or circumstance of its own to tell it from the ones denied,
 * needs a saying as present somewhere; said at least twice and only as absent, its "no" went missing. English only.
 */
export function checkDeniedComplaint(clause: Clause, context: CheckContext): Issue | undefined {
  const { index } = context;
  if (index.compiled.language !== 'en' || context.conditional || context.mentionsRelative) return undefined;
  if (clause.tokens.some((token) => token.negation || token.postNegation) || clause.quantities.length > 0)
    return undefined;
  const colon = clause.tokens.findIndex((token) => token.punctuation === ':');
  const claimed = clause.content.filter(
    (token) => clause.tokens.indexOf(token) > colon && !COMPLAINT_FRAME.test(token.surface),
  );
  const complaint = claimed[0];
  if (claimed.length !== 1 || !complaint || !COMPLAINT.test(complaint.surface)) return undefined;
  const denying: TranscriptUnit[] = [];
  for (const unit of index.units) {
    for (const [position, token] of unit.tokens.entries()) {
      if (!COMPLAINT_SAID.test(token.surface) || unit.subjects[position] === 'relative') continue;
      if (hypotheticalAt(unit, position, index.compiled)) continue;
      const polarity = polarityAt(unit, position, index);
      if (polarity === 'positive') return undefined;
      if (polarity === 'negative' && !denying.includes(unit)) denying.push(unit);
    }
  }
  if (denying.length < 2) return undefined;
  return deniedInTalk(denying, context.language);
}
