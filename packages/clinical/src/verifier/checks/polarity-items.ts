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

/** A statement that says "including but limited to" or "only … but also": the idiom has lost its "not". */
export function checkIdiomWithoutNot(clause: Clause, context: CheckContext): Issue | undefined {
  if (context.index.compiled.language !== 'en' || clause.offset > 0) return undefined;
  const found = IDIOM_WITHOUT_NOT.exec(foldText(context.statementText));
  if (!found) return undefined;
  return flag('negation', 'unsupported', REASONS.negationMissing(found[0], context.language));
}

/** A contrast or a sentence break that opens a new clause: "but", "however", "yet", ";", ".". */
const NEW_CLAUSE = /(?<![\p{L}])(?:but|however|yet)(?![\p{L}])|[;.](?:\s|$)/gu;
/**
 * The words of the "any"'s own clause before it: a licensor governs the clause it stands in, and a contrast ends its
 * reach ("was active in sports when he was younger, but he reports having any pain": the "when" of the first clause
 * licenses nothing after the "but").
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
