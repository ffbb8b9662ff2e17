/**
 * Negative polarity items: words that only stand under a negation, a question or a condition. "Any" after a verb of
 * having or reporting ("has had any elevated readings", "has knowledge of any family history", "reports any specific
 * injury", "reveals evidence of any fracture") is said only when the sentence denies it ("has not had any elevated readings", "denies any …"); in a
 * plain affirmative statement it is the trace of a negation that went missing. So is an idiom whose "not" is part of
 * it ("including but limited to"). English only.
 */
import { REASONS } from '../reasons';
import { foldText } from '../text-tools';
import type { CheckContext, Clause, Issue } from './clause';
import { flag, hasOwnVerb } from './clause';

/**
 * Verbs of having, noticing, reporting and finding that take "any" only under a negation ("did not reveal any"), also
 * through the gerund of a reported use ("reports taking any medications" as "denies taking any medications").
 */
const HAVING_ANY =
  /(?<![\p{L}])((?:has|have|had|having|reports?(?: of)?|reported|reporting|endorses?|endorsed|admits?|admitted|describes?|described|states?|stated|complains? of|complained of|notes?|noted|experienced|experiences|experiencing|noticed|knowledge of|aware of|reveal(?:s|ed)?|show(?:s|ed|n)?|demonstrat(?:es|ed)|found|there (?:is|are|was|were))(?: (?:also|ever|previously|recently|really))?(?: (?:had|been|experienced|noticed|seen|received|tried|taken|felt|taking|using|needing))?(?: (?:evidence|signs?|indications?) of)? any)(?![\p{L}])/u;
/**
 * "With any" before an outcome ("began 3 weeks ago, with any improvement"): an outcome is had "without any"; "with
 * any" names a trigger ("pain with any movement"), never an outcome.
 */
const WITH_ANY_OUTCOME =
  /(?<![\p{L}])(with any (?:improvement|relief|benefit|success|help|effect|change|changes|progress|resolution))(?![\p{L}])/u;
/**
 * What licenses "any" when said before it: a negation, a condition, a comparison, a task or request ("will report
 * any new swelling", "asked to report any changes") or a verb with a negative sense ("avoid any", "rule out any",
 * "before any", "than any"); a question licenses the whole sentence.
 */
const LICENSES_ANY =
  /(?<![\p{L}])(?:no|not|n't|never|nor|none|nothing|without|denies|denied|deny|negative|if|whether|unless|in case|should|would|could|can|may|might|will|shall|must|to|please|when|whenever|until|before|than|avoid\p{L}*|prevent\p{L}*|rule out|stop\p{L}*|free|refus\p{L}*|declin\p{L}*|unable|difficulty|only|hardly|rarely|barely|minimal|ask\p{L}*|question\p{L}*|check\p{L}*|assess\p{L}*|evaluat\p{L}*|screen\p{L}*|monitor\p{L}*|every|all)(?![\p{L}])|n't|\?/u;

/**
 * Fixed phrases whose negation is part of the phrase: "including but not limited to", "not only … but also", "not
 * sure if …". Without the "not" they are no English ("including but limited to", "only regarding work, but also …",
 * "he is sure if it is due to the change in the seasons": being sure takes "that", doubt takes "if").
 */
const IDIOM_WITHOUT_NOT =
  /(?<![\p{L}])(?:but limited to|(?<!not )only(?: \p{L}+){1,6},? but also|(?:is|am|are|was|were|'s) (?:sure|certain) (?:if|whether))(?![\p{L}])/u;

/**
 * Traces of a negation that went missing from a phrase that cannot stand without it (English):
 * - "longer" before a verb or after a subject ("She is longer doing yoga", "he longer gets up at night", "can longer
 *   walk"): a habit that stopped is "no longer" done; "longer" alone compares ("longer than 15 years").
 * - "yet" right after a perfect auxiliary ("she has yet started the new medicine"): "yet" of time stands in a
 *   negation ("has not yet started"); the affirmative says "has yet to start".
 * - The same word on both sides of "or" ("with or with underlying etiology", "is or is"): alternatives differ, and the
 *   pair said of a thing is "with or without", "is or is not".
 * - "… but like this" ending a clause ("other injuries but like this"): the contrast is "but not like this".
 * - A resolution joined by a plain "and" to a recurrence ("resolved 3 days later and has recurred"): "and" adds what
 *   agrees, so the phrase is "resolved … and has not recurred"; a recurrence after it is told by "but", "since", "again".
 * - "Is currently and has never been on …": both verbs share one complement, and what one is on now one has been on;
 *   the pair is "is not currently and has never been".
 * - A stressed "did" with a cost as its reason ("which she did fill due to the cost of $100"): a cost is what keeps
 *   one from doing a thing, and the stressed "did" affirms against a denial — the phrase is "did not fill due to".
 */
const NEGATION_TRACES: readonly RegExp[] = [
  /(?<![\p{L}'’])(?:(?:is|are|was|were|am|be|been|being|'s|’s)(?: \p{L}+ly)? longer (?!lasting|acting|standing|term)(?:\p{L}+ing|able|a|an)|(?:can|could|will|would|does|do|did|may|might|should|must) longer (?!than)\p{L}+|(?:he|she|they|we) longer (?!than)\p{L}+)(?![\p{L}])/u,
  /(?<![\p{L}'’])(?:has|have|had)(?: \p{L}+ly)? yet (?!to(?![\p{L}])|again|another|more|further)\p{L}+(?![\p{L}])/u,
  /(?<![\p{L}'’])(\p{L}{2,}) or \1(?![\p{L}])/u,
  /(?<![\p{L}])but like (?:this|that)(?: (?:one|time|before))?(?= *(?:[.;:!]|$))/u,
  /(?<![\p{L}])resolv\p{L}*(?![\p{L}])[^.;]*? and (?:has|have|had)(?! (?:since|again|then|now))(?: \p{L}+ly)? recurred(?![\p{L}])/u,
  /(?<![\p{L}'’])(?:is|are|was|were) currently and (?:has|have|had) never(?![\p{L}])/u,
  /(?<![\p{L}'’])(?:did|does|do) (?!not(?![\p{L}]))\p{L}+ (?:[\p{L}'’]+ ){0,5}?(?:due to|because of) (?:the )?(?:high )?(?:cost|price|expense)(?![\p{L}])/u,
];

/** A statement with a phrase that a negation must complete ("is longer doing", "has yet started", "with or with"). */
export function checkNegationTrace(clause: Clause, context: CheckContext): Issue | undefined {
  if (context.index.compiled.language !== 'en' || clause.offset > 0) return undefined;
  const text = foldText(context.statementText);
  for (const trace of NEGATION_TRACES) {
    const found = trace.exec(text);
    if (found) return flag('negation', 'unsupported', REASONS.negationMissing(found[0], context.language));
  }
  return undefined;
}

/** A statement that says "including but limited to" or "only … but also": the idiom has lost its "not". */
export function checkIdiomWithoutNot(clause: Clause, context: CheckContext): Issue | undefined {
  if (context.index.compiled.language !== 'en' || clause.offset > 0) return undefined;
  const found = IDIOM_WITHOUT_NOT.exec(foldText(context.statementText));
  if (!found) return undefined;
  return flag('negation', 'unsupported', REASONS.negationMissing(found[0], context.language));
}

/**
 * The stressed "do" before a verb and "any" ("to make sure that he does have any blockages", "I do appreciate any
 * murmur", "he did want any steroid"): the emphatic "do" affirms against a denial, "any" asks for one — together they
 * are the trace of a lost "not". Unlike the looser "any" above, only a licensor of the same clause lifts it ("if he
 * does have any questions", "whether she did take any"), not one of the clause it hangs on ("to make sure that …").
 */
const EMPHATIC_ANY =
  /(?<![\p{L}'’])(?:do|does|did)(?: (?:also|really|actually|still|ever|in fact))? (?!not(?![\p{L}]))\p{L}+ any(?![\p{L}])/u;
/** Words that open the clause a stressed "do" stands in: a licensor is looked for after the last of them. */
const CLAUSE_OPENER = /^(?:that|and|but|so|because|as|since|which|who|though|although|while)$/;
/** What licenses "any" within its own clause: a condition, a question word, a negation, "nor", "only". */
const LOCAL_LICENSOR =
  /^(?:if|whether|unless|when|whenever|before|until|nor|not|no|never|how|what|why|where|which|only|ever)$/;

/** The stressed "do … any" of a clause, when nothing in its own clause licenses the "any". */
function unlicensedEmphaticAny(text: string, statementText: string): string | undefined {
  const found = EMPHATIC_ANY.exec(text);
  if (!found || statementText.includes('?')) return undefined;
  const before = text
    .slice(0, found.index)
    .split(/[^\p{L}'’]+/u)
    .filter((word) => word.length > 0);
  // Sentence-initial "Does he have any …" asks; the subject stands before a stressed "do".
  if (before.length === 0) return undefined;
  for (const word of before.reverse()) {
    if (LOCAL_LICENSOR.test(word)) return undefined;
    if (CLAUSE_OPENER.test(word)) break;
  }
  return found[0];
}

/** A contrast or a sentence break that opens a new clause: "but", "however", "yet", ";", ".". */
const NEW_CLAUSE = /(?<![\p{L}])(?:but|however|yet)(?![\p{L}])|[;.](?:\s|$)/gu;
/**
 * The words of the "any"'s own clause before it: a licensor governs the clause it stands in, and a contrast ends its
 * reach ("was active in sports when he was younger, but he reports having any pain": the "when" of the first clause
 * licenses nothing after the "but"). Wider on purpose than the stressed "do … any" clause above, which also ends at
 * "that"/"which": a verb of denial licenses the "any" of the clause it takes ("denies that he has had any pain"), but
 * nothing licenses the "any" a stressed "do" asserts against ("to make sure that he does have any blockages").
 */
function ownClauseBefore(before: string): string {
  let start = 0;
  for (const found of before.matchAll(NEW_CLAUSE)) start = found.index + found[0].length;
  return before.slice(start);
}

/** A clause that says "has had any …" or "with any improvement" with nothing before it to license the "any". */
export function checkUnlicensedAny(clause: Clause, context: CheckContext): Issue | undefined {
  if (context.index.compiled.language !== 'en' || context.conditional) return undefined;
  const text = foldText(clause.text);
  const emphatic = unlicensedEmphaticAny(text, context.statementText);
  if (emphatic) return flag('negation', 'unsupported', REASONS.negationMissing(emphatic, context.language));
  const found = HAVING_ANY.exec(text) ?? WITH_ANY_OUTCOME.exec(text);
  if (!found) return undefined;
  // A licensor stands before what it licenses ("denies any …"); a question mark ends the sentence it asks.
  const before = ownClauseBefore(
    `${foldText(context.statementText.slice(0, clause.offset))} ${text.slice(0, found.index)}`,
  );
  if (LICENSES_ANY.test(before) || context.statementText.includes('?')) return undefined;
  return flag('negation', 'unsupported', REASONS.negationMissing(found[1] ?? '', context.language));
}

/** A negative before "nor" that it continues: "not", "no", "never", "neither", "without", a verb of denial. */
const LICENSES_NOR =
  /(?<![\p{L}])(?:no|not|never|neither|none|nothing|nobody|without|denies|denied|deny|unable|negative)(?![\p{L}])|n't/u;

/**
 * "Nor" continues a negation ("He does not eat processed food, nor does he put sugar in his tea"); after a plain
 * affirmative ("He does eat processed food, nor does he …") it is the trace of a negation that went missing.
 */
export function checkNorWithoutNegation(clause: Clause, context: CheckContext): Issue | undefined {
  if (context.index.compiled.language !== 'en' || clause.offset > 0) return undefined;
  const text = foldText(context.statementText);
  const nor = /(?<![\p{L}])nor(?![\p{L}])/u.exec(text);
  if (!nor || LICENSES_NOR.test(text.slice(0, nor.index))) return undefined;
  return flag('negation', 'unsupported', REASONS.negationMissing('nor', context.language));
}

/**
 * "Known" opening a bare noun phrase ("known health conditions", "known allergies", "known family history"): a
 * record writes it under a negation ("no known allergies", "no known health conditions"); what is known is written
 * with a verb or a subject ("has known heart disease", "with a known history of …"). Opening a clause of its own,
 * after a label or a comma and without a verb, it is the trace of a lost "no".
 */
export function checkBareKnown(clause: Clause, context: CheckContext): Issue | undefined {
  if (context.index.compiled.language !== 'en' || context.conditional) return undefined;
  const colon = clause.tokens.findIndex((token) => token.punctuation === ':');
  const words = clause.tokens.slice(colon + 1).filter((token) => token.punctuation === undefined);
  if (words[0]?.surface !== 'known' || words.length < 2 || words[1]?.stopword) return undefined;
  if (clause.tokens.some((token) => token.negation || token.postNegation)) return undefined;
  if (hasOwnVerb(clause.tokens, context.index.compiled.language)) return undefined;
  // A licensor earlier in the statement ("denies …, known …") carries over its list.
  const before = foldText(context.statementText.slice(0, clause.offset));
  if (LICENSES_NOR.test(before)) return undefined;
  return flag(
    'negation',
    'unsupported',
    REASONS.negationMissing(
      words
        .slice(0, 3)
        .map((token) => token.surface)
        .join(' '),
      context.language,
    ),
  );
}
