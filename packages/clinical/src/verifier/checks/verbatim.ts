/**
 * Verbatim polarity: a clause that repeats the transcript's words in the same order, with a clausal "not" added or
 * dropped. "ferritin was not low" against "although ferritin was low", "we are not going to treat him with
 * amoxicillin" against "we're gon na go ahead and treat you with amoxicillin", "the pain does prevent him from doing
 * his activities" against "it does n't prevent me from doing my activities". The words on both sides of the
 * negation, said one after the other as in the talk, pin the clause to that place; the negation is then the only
 * difference, and the surest evidence of polarity there is. English only: the rule reads the English auxiliary
 * ("was not", "does n't", "are not going to").
 */
import type { AnalysedToken } from '../text-analysis';
import type { TranscriptUnit } from '../transcript-index';
import type { CheckContext, Clause, Issue } from './clause';
import { polarityConflict } from './clause';
import { lastStoryTime, type StoryTime } from './story-time';
import { foldText } from '../text-tools';

/** One word of a sequence compared word for word: its key (canonical or word class) and what it is. */
interface EchoWord {
  key: string;
  negation: boolean;
  content: boolean;
  /** A negation cue of any kind ("no", "denies") right here in the original tokens. */
  anyNegation: boolean;
  /** The grammatical person of a pronoun ("i" first, "you" second, "he", "patient" third). */
  person?: 'first' | 'second' | 'third';
}
const BREAK: EchoWord = { key: '|', negation: false, content: false, anyNegation: false };

/** Personal pronouns and "patient": the note's third person is the talk's first and second ("he" – "i", "my"). */
const PERSON =
  /^(?:i|you|he|she|we|they|me|him|her|us|them|my|your|his|our|their|mine|yours|hers|patient|patient's)$/;
const BE = /^(?:am|is|are|was|were|be|been|being)$/;
const HAVE = /^(?:have|has|had|having)$/;
/** "do"-support carries no meaning of its own ("does not have" – "has", "did put me on" – "put me on"). */
const DO = /^(?:do|does|did)$/;
/** Words speech adds or a note drops without changing what is said. */
const FILLER =
  /^(?:um|uh|uhm|er|hmm|mm|oh|just|really|actually|also|so|well|okay|a|an|the|definitely|very|pretty|quite|highly|fairly|extremely)$/;
/** Contracted auxiliaries of speech ("we're", "it's", "i've"). */
const CONTRACTION = /^(i|you|we|they|he|she|it|that|there)'(re|m|s|ve|ll|d)$/;
const CONTRACTED: Record<string, string> = {
  re: 'are',
  m: 'am',
  s: 'is',
  ve: 'have',
  ll: 'will',
  d: 'would',
};
/** Past participles that take "have", never "be", before them: "'s" is "has" there ("it's been", "she's had"). */
const PERFECT_PARTICIPLE = /^(?:been|had|got|gotten)$/;
/**
 * The auxiliary a contraction stands for. "'s" is "is" or "has": before a participle that only "has" takes it is
 * "has" ("it's been several days since i took it" = "it has been …", as a note writes it).
 */
function contractedAuxiliary(suffix: string, next: string | undefined): string {
  if (suffix === 's' && PERFECT_PARTICIPLE.test(next ?? '')) return 'has';
  return CONTRACTED[suffix] ?? '';
}
/** Negated auxiliaries written as one word ("don't", "wasn't", "can't"). */
const NEGATED_AUXILIARY = /^(\p{L}+)n't$/u;
const AUXILIARY_STEM: Record<string, string> = {
  don: 'do',
  doesn: 'does',
  didn: 'did',
  won: 'will',
  can: 'can',
  ca: 'can',
};
/** The clausal negation: "not", "n't", "never" (not "no", "denies", "without": those negate a noun or a report). */
const CLAUSAL_NEGATION = /^(?:not|n't|never|cannot)$/;
/** Words after which "not" negates the predicate ("was not", "are not going", "could not"), not a phrase ("not only"). */
const AUXILIARY_KEY = /^(?:BE|HAVE|DO|WILL|PERSON|can|could|would|should|may|might|must)$/;

const FIRST_PERSON = /^(?:i|me|my|mine|we|us|our)$/;
const SECOND_PERSON = /^(?:you|your|yours)$/;
/** The grammatical person of a pronoun: "i", "we" first, "you" second, "he", "her", "patient" third. */
function personOf(surface: string): EchoWord['person'] {
  if (!PERSON.test(surface)) return undefined;
  return FIRST_PERSON.test(surface) ? 'first' : SECOND_PERSON.test(surface) ? 'second' : 'third';
}
/** The key of a plain word: its word class for pronouns and auxiliaries, else its canonical form. */
function keyOf(surface: string, canonical: string): string {
  if (PERSON.test(surface)) return 'PERSON';
  if (BE.test(surface)) return 'BE';
  if (HAVE.test(surface)) return 'HAVE';
  if (surface === 'will') return 'WILL';
  return canonical;
}

/**
 * "going to", "gon na" before a verb: the future, as "will". The auxiliary before it is no word of its own ("we are
 * going to" – "we will", "we are not going to" – "we will not").
 */
function future(words: EchoWord[]): void {
  const last = words.length - 1;
  if (words[last]?.key === 'BE') words.pop();
  else if (words[last]?.negation && words[last - 1]?.key === 'BE') words.splice(last - 1, 1);
  words.push({ key: 'WILL', negation: false, content: false, anyNegation: false });
}
/** The words of a clause or transcript unit, normalised for a word-for-word comparison. */
export function echoWords(tokens: readonly AnalysedToken[]): EchoWord[] {
  const words: EchoWord[] = [];
  const plain = (key: string, anyNegation = false): void => {
    words.push({ key, negation: false, content: false, anyNegation });
  };
  const negation = (): void => {
    words.push({ key: 'NOT', negation: true, content: false, anyNegation: true });
  };
  for (let position = 0; position < tokens.length; position += 1) {
    const token = tokens[position];
    if (!token) continue;
    const surface = token.surface;
    const next = tokens[position + 1]?.surface;
    if (token.punctuation !== undefined) {
      words.push(BREAK);
      continue;
    }
    if (FILLER.test(surface) || DO.test(surface)) continue;
    // "go ahead and treat" says "treat"; "gon na", "going to" before a verb say "will".
    if (surface === 'go' && next === 'ahead' && tokens[position + 2]?.surface === 'and') {
      position += 2;
      continue;
    }
    if ((surface === 'gon' || surface === 'going') && (next === 'na' || next === 'to')) {
      future(words);
      position += 1;
      continue;
    }
    if (surface === 'gonna') {
      future(words);
      continue;
    }
    const contraction = CONTRACTION.exec(surface);
    if (contraction) {
      const subject = contraction[1] ?? '';
      if (PERSON.test(subject))
        words.push({
          key: 'PERSON',
          negation: false,
          content: false,
          anyNegation: false,
          person: personOf(subject),
        });
      else plain(subject);
      const auxiliary = contractedAuxiliary(contraction[2] ?? '', next);
      plain(keyOf(auxiliary, auxiliary));
      continue;
    }
    if (CLAUSAL_NEGATION.test(surface)) {
      if (surface === 'cannot') plain('can');
      negation();
      continue;
    }
    const negated = NEGATED_AUXILIARY.exec(surface);
    if (negated) {
      const stem = AUXILIARY_STEM[negated[1] ?? ''] ?? negated[1] ?? '';
      if (!DO.test(stem)) plain(keyOf(stem, stem));
      negation();
      continue;
    }
    const key = keyOf(surface, token.canonical);
    words.push({
      key,
      negation: false,
      content: !token.stopword && key === token.canonical,
      anyNegation: token.negation || token.postNegation,
      person: personOf(surface),
    });
  }
  return words;
}

/** How far two sequences agree word for word around a point. */
interface Match {
  tokens: number;
  leftContent: number;
  rightContent: number;
  /** Where the matched stretch of the second sequence starts and ends. */
  from: number;
  to: number;
  /** Pronouns matched, as positions in the first and the second sequence. */
  persons: Array<readonly [number, number]>;
  /** Words matched before the point. */
  leftTokens: number;
  /** "it" matched before the point: the complaint both speak of ("but it is | still pretty sore"). */
  leftIt: boolean;
}
/**
 * The words two sequences share around a point, read backwards from `firstLeft`/`secondLeft` and forwards from
 * `firstRight`/`secondRight` until the first difference, break or negation: "ferritin was | low" in "ferritin was not
 * low" and "although ferritin was low".
 */
function matchAround(
  first: readonly EchoWord[],
  firstLeft: number,
  firstRight: number,
  second: readonly EchoWord[],
  secondLeft: number,
  secondRight: number,
): Match {
  let tokens = 0;
  let leftContent = 0;
  let rightContent = 0;
  const persons: Array<readonly [number, number]> = [];
  let leftIt = false;
  let back = 0;
  for (; ; back += 1) {
    const one = first[firstLeft - back];
    const two = second[secondLeft - back];
    if (!one || !two || one.key === '|' || one.negation || two.negation || one.key !== two.key) break;
    tokens += 1;
    if (one.content) leftContent += 1;
    if (one.key === 'PERSON') persons.push([firstLeft - back, secondLeft - back]);
    if (one.key === 'it') leftIt = true;
  }
  const leftTokens = tokens;
  let ahead = 0;
  for (; ; ahead += 1) {
    const one = first[firstRight + ahead];
    const two = second[secondRight + ahead];
    if (!one || !two || one.key === '|' || one.negation || two.negation || one.key !== two.key) break;
    tokens += 1;
    if (one.content) rightContent += 1;
    if (one.key === 'PERSON') persons.push([firstRight + ahead, secondRight + ahead]);
  }
  return {
    tokens,
    leftContent,
    rightContent,
    from: secondLeft - back + 1,
    to: secondRight + ahead - 1,
    persons,
    leftTokens,
    leftIt,
  };
}
/**
 * Enough words matched on both sides of the negation to pin the clause to the place: the predicate after it and the
 * subject before it ("ferritin was | low"), a long predicate after a pronoun ("it | prevent me from doing my
 * activities", "we | will treat you with amoxicillin"), or — `relaxed`, for a "not" the note adds — the same person
 * and auxiliary before a predicate ("he has | been good" against the patient's "i've | been pretty good"), or "it" —
 * the complaint both speak of — and its auxiliary ("but it is | not still pretty sore" against "but it's still pretty
 * sore").
 */
function pins(match: Match, relaxed = false): boolean {
  if (match.rightContent === 0 || match.tokens < 3) return false;
  if (match.leftContent >= 1) return match.leftContent + match.rightContent >= 2;
  return (
    match.rightContent >= 3 ||
    (match.rightContent >= 2 && match.tokens >= 5) ||
    (relaxed && match.leftTokens >= 2 && (match.persons.length > 0 || match.leftIt))
  );
}
/**
 * True when the pronouns matched name the same person: the note's third person is the patient's "i" or the doctor's
 * "you" ("he is" – patient "i'm"), the note's "we" and "i" the doctor's own.
 */
function samePersons(
  note: readonly EchoWord[],
  said: readonly EchoWord[],
  pairs: ReadonlyArray<readonly [number, number]>,
  speaker: string,
): boolean {
  return pairs.every(([notePosition, saidPosition]) => {
    const claimed = note[notePosition]?.person;
    const spoken = said[saidPosition]?.person;
    if (claimed === 'third')
      return (spoken === 'first' && speaker === 'pasient') || (spoken === 'second' && speaker === 'lege');
    if (claimed === 'first') return spoken === 'first' && speaker === 'lege';
    return false;
  });
}
/** Verbs of memory ("remember", "recall"). */
const MEMORY = /^(?:remember|recall)/;
/** True when a negation of any kind stands just before the matched stretch ("i do n't think ferritin was low"). */
function negatedBefore(words: readonly EchoWord[], from: number): boolean {
  // "i ca n't really remember it's been several days since i took it": what is not remembered is left unsaid; the
  // clause right after the verb of memory gives the reason ("i do n't remember, it's been years"), and is said.
  if (
    MEMORY.test(words[from - 1]?.key ?? '') &&
    words[from]?.key === 'it' &&
    words[from + 1]?.key === 'HAVE' &&
    words[from + 2]?.key === 'BE'
  )
    return false;
  for (let back = from - 1; back >= 0 && back >= from - 4; back -= 1) {
    const word = words[back];
    if (!word || word.key === '|') return false;
    if (word.anyNegation) return true;
  }
  return false;
}

const unitWords = new WeakMap<TranscriptUnit, EchoWord[]>();
/** The normalised words of a transcript unit, cached. */
function wordsOf(unit: TranscriptUnit): EchoWord[] {
  let words = unitWords.get(unit);
  if (!words) {
    words = echoWords(unit.tokens);
    unitWords.set(unit, words);
  }
  return words;
}

/** Places that may hold a plain statement: not questions, not a relative's, not hypothetical. */
function statementsOf(context: CheckContext): TranscriptUnit[] {
  return context.index.units.filter(
    (unit) =>
      !unit.isQuestion && !unit.hypothetical && !unit.subjects.some((subject) => subject === 'relative'),
  );
}

/**
 * True when the talk dates the words from `from` on to the other time of a changed story than the claim ("Initially,
 * she was unable to put weight on her foot" against "and now i am able to put a little weight on my foot").
 */
function otherTimeBefore(said: readonly EchoWord[], from: number, claimed: StoryTime): boolean {
  if (claimed === undefined) return false;
  const time = lastStoryTime(
    said
      .slice(0, Math.max(0, from))
      .map((word) => word.key)
      .join(' '),
  );
  return time !== undefined && time !== claimed;
}

/** Condition words: a clause under them asserts nothing ("if he is not able to pass it"). */
const CONDITION = /^(?:if|whether|unless|when|until|once|in case)$/;

/**
 * The clause said word for word with a clausal negation on one side only: "ferritin was not low" against "ferritin
 * was low", "his diet has been great" against "my diet has n't been great". Contradicted when such a place exists and
 * none says the words with the clause's polarity.
 */
export function checkVerbatimPolarity(clause: Clause, context: CheckContext): Issue | undefined {
  if (context.index.compiled.language !== 'en' || context.conditional || context.mentionsRelative)
    return undefined;
  if (clause.tokens.some((token) => CONDITION.test(token.surface))) return undefined;
  const words = echoWords(clause.tokens);
  const cues = words.flatMap((word, position) => (word.negation ? [position] : []));
  if (cues.length > 1) return undefined;
  const units = statementsOf(context);
  const cue = cues[0];
  if (cue !== undefined) {
    // A negation of the predicate only ("was not", "are not going to"), not of a phrase ("not only", "but not").
    if (!AUXILIARY_KEY.test(words[cue - 1]?.key ?? '')) return undefined;
    let agreeing = false;
    let disagreeing: TranscriptUnit | undefined;
    const claimedTime = lastStoryTime(
      foldText(context.statementText.slice(0, clause.offset + clause.text.length)),
    );
    for (const unit of units) {
      const said = wordsOf(unit);
      for (let position = 0; position <= said.length; position += 1) {
        // The talk without the negation: the clause's words before the cue end just before `position`.
        const flipped = matchAround(words, cue - 1, cue + 1, said, position - 1, position);
        if (
          pins(flipped, true) &&
          !negatedBefore(said, flipped.from) &&
          samePersons(words, said, flipped.persons, unit.speaker) &&
          !otherTimeBefore(said, flipped.from, claimedTime)
        )
          disagreeing ??= unit;
        // The talk with it: a negation at `position` with the same words around.
        if (said[position]?.negation) {
          const same = matchAround(words, cue - 1, cue + 1, said, position - 1, position + 1);
          if (same.rightContent > 0 || same.leftContent > 0) agreeing = true;
        }
      }
    }
    return polarityConflict(agreeing, disagreeing, true, context.language);
  }
  // No negation in the clause: a place that says its words with one between them.
  if (clause.tokens.some((token) => token.negation || token.postNegation)) return undefined;
  let disagreeing: TranscriptUnit | undefined;
  let longest = 0;
  for (const unit of units) {
    const said = wordsOf(unit);
    said.forEach((word, position) => {
      if (!word.negation || !AUXILIARY_KEY.test(said[position - 1]?.key ?? '')) return;
      for (let junction = 0; junction <= words.length; junction += 1) {
        const flipped = matchAround(said, position - 1, position + 1, words, junction - 1, junction);
        if (!pins(flipped)) continue;
        if (
          !samePersons(
            words,
            said,
            flipped.persons.map(([s2, n2]) => [n2, s2] as const),
            unit.speaker,
          )
        )
          continue;
        disagreeing ??= unit;
        longest = Math.max(longest, flipped.tokens);
      }
    });
  }
  if (!disagreeing) return undefined;
  // The same words said as long without a negation agree ("my diet has n't been great … now it has been great").
  const agreeing = units.some((unit) => {
    const said = wordsOf(unit);
    for (let start = 0; start < said.length; start += 1)
      for (let junction = 1; junction < words.length; junction += 1) {
        const same = matchAround(words, junction - 1, junction, said, start - 1, start);
        if (same.tokens >= longest && !negatedBefore(said, same.from)) return true;
      }
    return false;
  });
  return polarityConflict(agreeing, disagreeing, false, context.language);
}
