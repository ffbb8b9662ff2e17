/**
 * English double negation of one verb: "She does not have never seen a dermatologist", "he has not never smoked",
 * "he is not unable to make a fist".
 * Standard English negates a verb once; a "not" and a "never" on the same verb (only auxiliaries or adverbs between)
 * cancel or reinforce each other depending on the reader, so the claim cannot be read against the talk. Likewise a
 * perfect negated as if "have" were a main verb ("which does not have now resolved"), and a verb of denial whose
 * clause is negative itself ("denies that nothing she tried relieved it"). English only.
 */
import { REASONS } from '../reasons';
import type { AnalysedToken } from '../text-analysis';
import { foldText } from '../text-tools';
import type { CheckContext, Clause, Issue } from './clause';
import { flag } from './clause';

/** An auxiliary of the verb phrase ("does", "have", "been", "will"). */
const AUXILIARY =
  /^(?:do|does|did|have|has|had|be|been|is|are|was|were|will|would|can|could|should|may|might)$/;
/** A word between the two negations that keeps them on one verb: an auxiliary or an adverb ("not really never"). */
function inVerbPhrase(token: AnalysedToken): boolean {
  return AUXILIARY.test(token.surface) || /^\p{L}{3,}ly$/u.test(token.surface);
}

/**
 * A second negation of a verb phrase: "never", or an adjective of ability negated by its prefix ("unable",
 * "incapable"). "He is not unable to make a fist" says, by litotes, that he can — a record says "is able to"; worded
 * twice negated, the claim reads like the plain negation it is not ("is unable to make a fist").
 */
const SECOND_NEGATION = /^(?:never|unable|incapable)$/;

/**
 * The position of a "never" or "unable" that a "not" (or "-n't") of the same verb phrase precedes, at most two
 * auxiliaries or adverbs before it: "does not have never seen" → the "never"; "is not unable to make a fist" → the
 * "unable". -1 when there is none ("is not currently and has never been on hormone replacement therapy" has two
 * verbs).
 */
export function doubleNegationAt(tokens: readonly AnalysedToken[]): number {
  return tokens.findIndex((token, position) => {
    if (!SECOND_NEGATION.test(token.surface)) return false;
    for (let back = position - 1; back >= 0 && back >= position - 3; back -= 1) {
      const before = tokens[back];
      if (!before || before.punctuation !== undefined) return false;
      if (/^(?:not|\p{L}*n't)$/u.test(before.surface)) return true;
      if (!inVerbPhrase(before)) return false;
    }
    return false;
  });
}

/** An adverb of time or manner that sits inside a verb phrase, not before an adjective ("has now resolved"). */
const VERB_ADVERB = /^(?:also|now|already|just|since|ever|finally|successfully)$/;
/** A past participle that is no adjective or noun after "have" ("been", "seen", "become"). */
const BARE_PARTICIPLE =
  /^(?:been|had|seen|taken|gone|done|become|gotten|begun|shown|given|made|come|undergone)$/;
/** A past participle: a regular one ("resolved", "controlled") or one of `BARE_PARTICIPLE`. */
function isParticiple(token: AnalysedToken | undefined): boolean {
  return token !== undefined && (BARE_PARTICIPLE.test(token.surface) || /^\p{L}{3,}ed$/u.test(token.surface));
}
/**
 * The position of a "have" that a negated "do" turns into a main verb before a participle: "does not have also been
 * noticed", "which does not have now resolved", "does not have successfully controlled". English negates a perfect
 * with "has not"; "does not have" makes "have" a main verb, whose object cannot be a participle — unless the word
 * after "have" is one that can be an adjective ("does not have decreased sensation"), so a regular "-ed" counts only
 * after an adverb of the verb phrase. -1 when there is none.
 */
export function negatedPerfectAt(tokens: readonly AnalysedToken[]): number {
  return tokens.findIndex((token, position) => {
    if (token.surface !== 'have') return false;
    const negation = tokens[position - 1];
    const verb = tokens[position - 2];
    if (!negation || !/^(?:not|n't)$/.test(negation.surface)) return false;
    if (!verb || !/^(?:do|does|did)$/.test(verb.surface)) return false;
    const next = tokens[position + 1];
    if (next && BARE_PARTICIPLE.test(next.surface)) return true;
    let at = position + 1;
    while (at <= position + 2 && VERB_ADVERB.test(tokens[at]?.surface ?? '')) at += 1;
    return at > position + 1 && isParticiple(tokens[at]);
  });
}

/**
 * "She does not have never seen a dermatologist prior to last month": a verb negated twice says neither that it
 * happened nor that it did not, so the transcript cannot support it; the doctor must reword it.
 */
export function checkDoubleNegation(clause: Clause, context: CheckContext): Issue | undefined {
  if (context.index.compiled.language !== 'en') return undefined;
  if (doubleNegationAt(clause.tokens) < 0) return undefined;
  return flag('negation', 'unsupported', REASONS.doubleNegation(context.language));
}

/**
 * "This does not have also been noticed by his other providers": a perfect negated with "does not have" is no English
 * clause, so whether it asserts or denies cannot be read; the transcript cannot support it and the doctor must reword
 * it ("has not been noticed" or "has been noticed").
 */
export function checkNegatedPerfect(clause: Clause, context: CheckContext): Issue | undefined {
  if (context.index.compiled.language !== 'en') return undefined;
  if (negatedPerfectAt(clause.tokens) < 0) return undefined;
  return flag('negation', 'unsupported', REASONS.brokenNegation(context.language));
}

/** A verb of denial that can take a clause ("denies that …", "denied she …"). */
const DENIAL_OF_CLAUSE = /^(?:denies|denied|deny|denying)$/;
/** What opens a denied clause: "that" or the clause's subject ("denies she was …", "denies his a1c was …"). */
const CLAUSE_OPENING = /^(?:that|he|she|they|it|i|his|her|their)$/;
/** A word that makes a clause negative, with a prefix negation ("unable") among them. */
const NEGATIVE_WORD = /^(?:not|n't|never|no|none|nothing|nobody|neither|nor|unable|without|cannot)$/;

/**
 * The position of a negative word inside a clause that a verb of denial takes as its object ("denies that nothing
 * she tried relieved her symptoms", "denies that she was unable to walk"), or -1. The clause runs to the next
 * punctuation or contrast.
 */
export function deniedNegativeAt(tokens: readonly AnalysedToken[]): number {
  for (let position = 0; position < tokens.length - 1; position += 1) {
    if (!DENIAL_OF_CLAUSE.test(tokens[position]?.surface ?? '')) continue;
    if (!CLAUSE_OPENING.test(tokens[position + 1]?.surface ?? '')) continue;
    for (let ahead = position + 2; ahead < tokens.length && ahead <= position + 10; ahead += 1) {
      const token = tokens[ahead];
      if (!token || token.punctuation !== undefined || /^(?:but|however|although|yet)$/.test(token.surface))
        break;
      if (NEGATIVE_WORD.test(token.surface)) return ahead;
    }
  }
  return -1;
}

/**
 * "Denies that nothing she tried relieved her symptoms", "denies that she was unable to ambulate": a denial of a
 * negative clause is a double negation. A record denies what is present ("denies that anything helped", "reports
 * that nothing helped"); the twice-negated claim says neither, so the transcript cannot support it as worded.
 */
export function checkDeniedNegativeClause(clause: Clause, context: CheckContext): Issue | undefined {
  if (context.index.compiled.language !== 'en') return undefined;
  if (deniedNegativeAt(clause.tokens) < 0) return undefined;
  return flag('negation', 'unsupported', REASONS.deniedNegative(context.language));
}

/**
 * "As is" closing a clause ("continue Neurontin as is", "leave the dressing as it is") says "unchanged": "as" points
 * back to the present state and stands for the copula's predicate. A "not" after it ("She can continue Neurontin as is
 * not.") has nothing to deny — English leaves a negated predicate out only where an earlier clause supplies it ("she
 * thought it was broken, but it is not"), and "as" supplies none. The claim cannot be read, so the transcript cannot
 * support it.
 */
const AS_IS_NOT = /(?<![\p{L}])as (?:it |they |he |she |that )?(?:is|are|was|were) not(?= *(?:[.;:!,)]|$))/u;

/** A clause that ends on "as is not": the negation of the idiom "as is" has nothing to deny. */
export function checkStrandedNegation(clause: Clause, context: CheckContext): Issue | undefined {
  if (context.index.compiled.language !== 'en') return undefined;
  if (!AS_IS_NOT.test(foldText(clause.text))) return undefined;
  return flag('negation', 'unsupported', REASONS.strandedNegation(context.language));
}

/** A word that negates or joins list items, so a span holding one is no single bare item ("and", "without"). */
const ITEM_LINK = /^(?:no|not|without|and|or|nor|but|with|denies|negative|normal)$/;
/**
 * Three comma-separated list items of one to three words each, the outer two negated by their own "no": "no rash,
 * lesion, no bruising". Group 2 is the middle item.
 */
const NEGATED_TRIPLE =
  /(?<![\p{L}])no ((?:[\p{L}-]+ ){0,2}[\p{L}-]+), ((?:[\p{L}-]+ ){0,2}[\p{L}-]+), no(?![\p{L}])/gu;

/** Whether a list item holds no joining or negating word ("lesion", "jugular venous distension"). */
function isPlainItem(item: string): boolean {
  return item.split(' ').every((word) => !ITEM_LINK.test(word));
}

/**
 * The offset in `text` of a bare item inside a list whose neighbours each carry their own "no": "No rash, lesion, no
 * bruising" → "lesion". A record negates a list once ("no rash, lesion, or bruising") or each item ("no rash, no
 * lesion, no bruising"); an item left bare between two negated ones reads as neither — a finding named among
 * negatives, or a "no" lost — so whether the finding was present cannot be read. -1 when there is none.
 */
export function bareListItemAt(text: string): number {
  const folded = foldText(text);
  for (const match of folded.matchAll(NEGATED_TRIPLE)) {
    const [, first = '', bare = ''] = match;
    if (!isPlainItem(first) || !isPlainItem(bare)) continue;
    return (match.index ?? 0) + 'no '.length + first.length + ', '.length;
  }
  return -1;
}

/**
 * "SKIN: No rash, lesion, no bruising": a bare item between two items negated one by one leaves its polarity unclear,
 * so the transcript cannot support the claim as worded; the doctor must say whether the finding was there. Raised on
 * the clause that holds the bare item.
 */
export function checkBareListItem(clause: Clause, context: CheckContext): Issue | undefined {
  if (context.index.compiled.language !== 'en') return undefined;
  const at = bareListItemAt(context.statementText);
  if (at < 0 || at < clause.offset || at >= clause.offset + clause.text.length) return undefined;
  return flag('negation', 'unsupported', REASONS.bareListItem(context.language));
}
