/**
 * Negation polarity: the statement's words said in the transcript with the opposite polarity.
 */
import type { Language } from '@kollega/domain';
import {
  tokenWeight,
  isPartialMatch,
  matchPositions,
  headPositions,
  matchingCanonicals,
  unionCoverage,
  coverage,
  unitMatches,
} from '../alignment';
import type { Clause, CheckContext, Issue } from './clause';
import {
  isKin,
  isWeak,
  isBodySite,
  hypotheticalAt,
  segmentIds,
  flag,
  polarityAt,
  DENIAL_VERB,
  exchangePartner,
  FINDING_WORDS,
  polarityConflict,
  RELATION_WORD,
} from './clause';
import { findDrugMentions } from '../drug-names';
import { REASONS } from '../reasons';
import type { AnalysedToken, CompiledLexicon } from '../text-analysis';
import { foldText } from '../text-tools';
import type { TranscriptIndex, TranscriptUnit, Subject } from '../transcript-index';
import { asksAmount } from './decisions';
import { ADVERB_LY, ONLY_THAT } from './words';
import { EXAMINATION_MANNER, negatedOnlyByAvoiding, OTHER_INSTANCES, SEEMING } from './words';
import {
  ABNORMAL,
  lightVerbObject,
  expressesUncertainty,
  HISTORY_CUE,
  keyTokensOf,
  NO_FINDING_WORD,
  oppositeQualifier,
  positionsNotQualifiedAsOpposite,
  phraseHeads,
  TIME_PREPOSITION,
} from './words';
import { isNormalWord } from './words';
import { localPolarityAt, tokenPolarity } from './polarity';
import { endedBeforeNow, otherStoryTime } from './story-time';
import { deniedAbilitySince, saysAbilityAt } from './ability-since';

/** The history cues that put a question before the present ("before", "tidligere"); not "ever", "noen gang". */
const PAST_CUE: Record<Language, RegExp> = {
  en: /(?<![\p{L}])(?:before|previous(?:ly)?|prior|in the past|history|historically)(?![\p{L}])/u,
  nb: /(?<![\p{L}])(?:tidligere|tidl|før|fra før|kjent)(?![\p{L}])/u,
};
/**
 * True when a question asks whether the word ever happened ("have you ever noticed any rashes", "har du noen gang hatt
 * …"): a "no" denies the present too. Not a question about the time before ("… before?"), a word before "ever"
 * ("the worst headache you've ever had") or one it presupposes ("… for your acne").
 */
function asksEver(
  token: AnalysedToken,
  question: TranscriptUnit,
  index: TranscriptIndex,
  answer?: TranscriptUnit,
): boolean {
  const language = index.compiled.language;
  // A treatment never tried can be started now ("have you ever tried clindamycin topical?").
  if (PAST_CUE[language].test(foldText(question.text)) || question.drugs.length > 0) return false;
  const words = question.tokens;
  const ever = words.findIndex((word, position) =>
    language === 'en'
      ? word.surface === 'ever'
      : word.surface === 'gang' && words[position - 1]?.surface === 'noen',
  );
  if (ever < 0) return false;
  // Two questions run together by speech recognition ("allergier har du hatt blodpropp noen gang" – "nei ingen
  // allergier ingen blodpropp"): an answer that denies the word itself answers for it, wherever it was asked.
  if (answer && matchPositions(token, answer, index).length > 0) return true;
  return matchPositions(token, question, index).some(
    (position) =>
      position > ever &&
      !/^(?:your|his|her|their|din|ditt|dine|hans|hennes|deres)$/.test(words[position - 1]?.surface ?? ''),
  );
}
const historyQuestions = new WeakMap<TranscriptUnit, boolean>();
/**
 * English: the words of a turn that ask, from a few words before its last question opening on. A remark before the
 * question ("i know you were mentioning a cough before how is it as far as walking are you having any shortness of
 * breath") is not asked; an adverb that leads into it is ("in the past have you had …").
 */
function askedPart(text: string, compiled: CompiledLexicon): string {
  const folded = foldText(text);
  if (compiled.language !== 'en') return folded;
  const last = [...folded.matchAll(new RegExp(compiled.questionInside.source, 'giu'))].pop();
  if (!last || last.index === 0) return folded;
  const before = folded.slice(0, last.index).trim().split(/\s+/);
  return `${before.slice(-4).join(' ')} ${folded.slice(last.index)}`;
}
/** True when a question asks about the past ("have you ever …", "tidligere"); cached per unit. */
function asksAboutHistory(unit: TranscriptUnit, compiled: CompiledLexicon): boolean {
  let asks = historyQuestions.get(unit);
  if (asks === undefined) {
    asks = HISTORY_CUE[compiled.language].test(askedPart(unit.text, compiled));
    historyQuestions.set(unit, asks);
  }
  return asks;
}
/** True when the unit is a question about the past answered "no" ("in the past has any doctor ever told you …" – "no"). */
function historyAskedAndDenied(unit: TranscriptUnit, compiled: CompiledLexicon): boolean {
  return unit.isQuestion && unit.answer === 'negative' && asksAboutHistory(unit, compiled);
}
/** True when the unit is a question about the past or the answer to one ("in the past has any doctor ever told you …"). */
function askedAboutHistory(unit: TranscriptUnit, index: TranscriptIndex): boolean {
  const partner = exchangePartner(unit, index);
  const question = unit.isQuestion ? unit : partner?.isQuestion === true ? partner : undefined;
  return question !== undefined && asksAboutHistory(question, index.compiled);
}
/** Words that date what a sentence says to the past ("five years ago", "i used to", "before"). */
const DATED_TO_PAST =
  /(?<![\p{L}])(?:ago|used to|before|previous(?:ly)?|prior|in the past|history|historically|tidligere|før)(?![\p{L}])/u;
/**
 * "Denies he has ever been diagnosed with hepatitis C" after "in the past has any doctor ever told you that you had
 * hep c?" – "no never": a denial of the time before today that the patient gave to a question about the past. Today's
 * mentions ("so you do have hepatitis c") do not contradict it, nor confirm the claim that he was ("reports he has
 * ever been diagnosed with hepatitis C"); only a mention dated to the past would. True when the unit is such a
 * present-day mention, to be passed over.
 */
function presentAgainstDeniedHistory(unit: TranscriptUnit, index: TranscriptIndex): boolean {
  return !askedAboutHistory(unit, index) && !DATED_TO_PAST.test(foldText(unit.text));
}
const KIN_NOUN =
  '(?:mom|mother|mum|dad|father|parents?|wife|husband|spouse|partner|son|daughter|brother|sister|grandmother|grandfather|grandma|grandpa|aunt|uncle|family|caregivers?|guardian)';
const TOLD = '(?:advised|told|informed|counseled|counselled|educated|instructed|reassured)';
/**
 * A relative who is only told what the note says of the patient ("Mom was advised that …", "discussed with the
 * patient and her husband"): the statement is the patient's.
 */
const KIN_REPORTS_OR_LISTENS = new RegExp(
  `(?<![\\p{L}])(?:${KIN_NOUN} (?:was|were|has been|have been) ${TOLD}|${TOLD} (?:the patient and )?(?:his|her|their|the patient's) ${KIN_NOUN}|with the patient and (?:his|her|their) ${KIN_NOUN})(?![\\p{L}])`,
  'u',
);
/** The relatives named only report, accompany or listen ("ifølge mor", "brought in by his wife", "Mom states that"). */
export function kinIsNotSubject(lowerStatement: string, language: Language): boolean {
  return (
    /(?:ifølge|iflg|i følge|følger|according to|accompanied|here with|brought in by)/u.test(lowerStatement) ||
    (language === 'en' && KIN_REPORTS_OR_LISTENS.test(lowerStatement))
  );
}
/** "He states …", "she denies …": in a note a pronoun that reports is the patient (a relative reports by name). */
const PATIENT_REPORTS =
  /(?<![\p{L}])(?:he|she|patient) (?:states|reports|denies|notes|endorses|admits|describes|complains)(?![\p{L}])/u;
/**
 * True when the clause can only be about the patient though the statement names a relative: it ends before the
 * relative is first named, or the patient reports it ("His wife drove him in, and he states that he felt dizzy").
 */
function beforeRelative(clause: Clause, context: CheckContext): boolean {
  const kin = new RegExp(context.index.compiled.kinTerms.source, 'iu').exec(foldText(context.statementText));
  if (kin !== null && clause.offset + clause.text.length <= kin.index) return true;
  return (
    context.index.compiled.language === 'en' &&
    PATIENT_REPORTS.test(foldText(clause.text)) &&
    !context.index.compiled.kinTerms.test(foldText(clause.text))
  );
}
/** Conditions and safety-netting of advice ("hvis", "if", "ta kontakt", "return if"). */
const SAFETY_NET =
  /(?<![\p{L}])(?:hvis|dersom|om|if|unless|in case)(?![\p{L}])|(?:ta|ny) kontakt|seek (?:care|help)|return if|come back if/u;
/** The first word of an instruction ("Do not drive …", "Avoid …", "Unngå …", "Never …"). */
const INSTRUCTION_OPENING =
  /^(?:do|don't|avoid|never|unngå|unngår|aldri|ikke|please|call|contact|seek|return|ta)$/;
/**
 * "Negative mammogram", "negative margins", "the straight leg raise test is negative": a test's result, not a denial
 * that the test was done; the talk of the test does not contradict it ("negative for fever" still denies).
 */
function negatesOnlyAResult(clause: Clause): boolean {
  const cues = clause.tokens.filter((token) => token.negation || token.postNegation);
  return (
    cues.length > 0 &&
    cues.every(
      (token) =>
        token.surface === 'negative' && clause.tokens[clause.tokens.indexOf(token) + 1]?.surface !== 'for',
    )
  );
}
export function neitherAssertedNorDenied(clause: Clause): boolean {
  return expressesUncertainty(clause) || (clause.negated.size > 0 && negatesOnlyAResult(clause));
}
/** Words that call what was just named normal ("your heart sounds nice and clear", "lungs sound fine"). */
const SAID_NORMAL = /^(?:clear|normal|fine|good|unremarkable|normalt|fint|greit)$/;
const NORMAL_LEAD = /^(?:nice|nicely|very|pretty|quite|sounds?|looks?|seems?|is|are|and|og|er|ser|ut)$/;
/**
 * True when the word is said with a normal word a few words after it, with nothing but the clause's own words or a
 * copula between ("your heart sounds nice and clear"): that agrees with "no extra heart sounds" as much as with
 * "heart sounds normal". Not another finding's normal word ("murmur and lungs clear").
 */
function saidToBeNormal(
  token: AnalysedToken,
  clause: Clause,
  unit: TranscriptUnit,
  index: TranscriptIndex,
): boolean {
  const own = new Set(clause.content.flatMap((word) => matchPositions(word, unit, index)));
  return matchPositions(token, unit, index).some((position) => {
    for (let next = position + 1; next < unit.tokens.length && next <= position + 4; next += 1) {
      const word = unit.tokens[next];
      if (!word || word.negation || word.punctuation !== undefined) return false;
      if (SAID_NORMAL.test(word.surface) || isNormalWord(word, index.compiled)) return true;
      if (!own.has(next) && !NORMAL_LEAD.test(word.surface)) return false;
    }
    return false;
  });
}
/** What opens the object of a verb in a question ("have you taken any …", "did you hear about …"). */
const OBJECT_OPENER = /^(?:any|about)$/;
/**
 * True when the word is, wherever the question says it, a verb whose object follows "any"/"about" and is none of the
 * clause's words ("have you taken any medications" for "4 views were taken", "did you hear about the new stadium"
 * for "heard a pop"): the yes or no answers what is asked about, not the verb.
 */
function asksOfOtherObject(
  token: AnalysedToken,
  question: TranscriptUnit,
  clause: Clause,
  index: TranscriptIndex,
): boolean {
  const words = question.tokens;
  const own = new Set(clause.content.flatMap((word) => matchPositions(word, question, index)));
  const positions = matchPositions(token, question, index);
  return (
    positions.length > 0 &&
    positions.every((position) => {
      const opener = [position + 1, position + 2].find((at) => OBJECT_OPENER.test(words[at]?.surface ?? ''));
      if (opener === undefined) return false;
      const object = words
        .slice(opener + 1, opener + 5)
        .findIndex((word) => !word.stopword && word.punctuation === undefined);
      return object >= 0 && !own.has(opener + 1 + object);
    })
  );
}
/** Words that deny intent to a change ("unintentional weight loss", "unexplained weight gain"). */
const UNINTENDED = /^(?:unintentional(?:ly)?|unintended|unexplained|unplanned|involuntary)$/;
/** Words of intent before a change ("trying to lose weight", "i want to lose weight", "working on losing"). */
const INTENT =
  /^(?:trying|try|tried|tries|want|wants|wanted|working|hoping|planning|goal|intentionally|deliberately)$/;
/**
 * True when the clause denies an unintended change ("denies unintentional weight loss") and the transcript says the
 * word only as intended ("i've been trying to lose weight"): the intended change is not what is denied.
 */
function intendedWhereUnintended(
  token: AnalysedToken,
  unit: TranscriptUnit,
  clause: Clause,
  index: TranscriptIndex,
): boolean {
  if (!clause.tokens.some((word) => UNINTENDED.test(word.surface))) return false;
  const positions = matchPositions(token, unit, index);
  return (
    positions.length > 0 &&
    positions.every((position) =>
      unit.tokens.slice(Math.max(0, position - 4), position).some((word) => INTENT.test(word.surface)),
    )
  );
}
/** Prepositions that open a time phrase ("since this injury", "prior to last month"). */
const TIME_PHRASE_OPENING = /^(?:since|after|before|until|prior|during|siden|etter|før|inntil)$/;
/**
 * English "at" opens a phrase of place or time ("at home", "at work", "at night"); in Norwegian "at" is "that", which
 * opens a clause of its own.
 */
const AT_PHRASE_OPENING = /^at$/;
/**
 * True when the word is in a time or place phrase after what a negation denies ("has not been able to play since this
 * injury", "has never seen a dermatologist prior to last month", "has not cooked a meal at home in weeks"): the phrase
 * dates or places the denial, it is not denied itself.
 */
function inTimePhrase(tokens: readonly AnalysedToken[], token: AnalysedToken, language: Language): boolean {
  const position = tokens.indexOf(token);
  if (language === 'en' && restOfAt(tokens, position))
    return tokens.slice(0, position).some((earlier) => earlier.negation);
  for (let back = position - 1; back >= 0 && back >= position - 3; back -= 1) {
    const before = tokens[back];
    if (!before || before.punctuation !== undefined || before.negation) return false;
    if (
      TIME_PHRASE_OPENING.test(before.surface) ||
      (language === 'en' && AT_PHRASE_OPENING.test(before.surface)) ||
      (language === 'en' && before.surface === 'of' && restOfAt(tokens, back - 1))
    )
      return tokens.slice(0, back).some((earlier) => earlier.negation);
    if (!before.stopword && before.surface !== 'this' && before.surface !== 'that') return false;
  }
  return false;
}
/** The part left of a whole: "rest", "remainder" before "of". */
const REST_OF = /^(?:rest|remainder)$/;
/**
 * True when the word at the position is "the rest of" / "the remainder of" ("was not able to participate for the rest
 * of the game", "no swelling in the rest of the hand"): the part of a time or place it names frames the denial, like
 * "since this injury"; the game or the hand is not denied.
 */
function restOfAt(tokens: readonly AnalysedToken[], position: number): boolean {
  return (
    REST_OF.test(tokens[position]?.surface ?? '') &&
    tokens[position + 1]?.surface === 'of' &&
    tokens[position - 1]?.surface === 'the'
  );
}
/** A possessive determiner that opens a verb's object ("extending her arm", "hit his head"). */
const OBJECT_POSSESSIVE = /^(?:her|his|their|my|your)$/;
/**
 * The object of a clause verb when a possessive and its noun follow the verb straight away ("fully extending her arm
 * … alleviates some of her pain" → "arm"); undefined for a word without one.
 */
function possessedObject(tokens: readonly AnalysedToken[], token: AnalysedToken): AnalysedToken | undefined {
  const position = tokens.indexOf(token);
  if (!OBJECT_POSSESSIVE.test(tokens[position + 1]?.surface ?? '')) return undefined;
  const object = tokens[position + 2];
  return object && !object.stopword && object.punctuation === undefined && !object.negation
    ? object
    : undefined;
}
/**
 * True when the clause says the verb with its object ("extending her arm") and the place says the verb without that
 * object ("does the pain extend anywhere?" – "no"): the verb with another subject or object is another predicate (the
 * pain spreading, not the arm stretched), so its polarity is not the clause's.
 */
export function verbWithoutObject(
  token: AnalysedToken,
  tokens: readonly AnalysedToken[],
  group: readonly TranscriptUnit[],
  index: TranscriptIndex,
): boolean {
  // English possessives only: Norwegian "her" is "here".
  if (index.compiled.language !== 'en') return false;
  const object = possessedObject(tokens, token);
  return object !== undefined && group.every((member) => matchPositions(object, member, index).length === 0);
}
/** A speaker's self-repair inside a turn ("I mean", "jeg mener"): what was said before it is withdrawn. */
const SELF_REPAIR: Record<Language, readonly [string, string]> = { en: ['i', 'mean'], nb: ['jeg', 'mener'] };
/** True when the word is said in the question only before a self-repair ("joint pain … I mean, like muscle aches?"). */
function withdrawnBySelfRepair(
  token: AnalysedToken,
  question: TranscriptUnit,
  index: TranscriptIndex,
): boolean {
  const [first, second] = SELF_REPAIR[index.compiled.language];
  const words = question.tokens;
  const repair = words.findIndex(
    (word, position) => word.surface === first && words[position + 1]?.surface === second,
  );
  if (repair <= 0 || !words.slice(repair + 2).some((word) => !word.punctuation && !word.stopword))
    return false;
  const positions = matchPositions(token, question, index);
  return positions.length > 0 && positions.every((position) => position < repair);
}
/** A negation of how often ("not … every time", "not all the time", "not always"). */
export const NOT_EVERY_TIME =
  /(?<![\p{L}])(?:not|n't|doesn't|don't)(?![\p{L}])(?:\s+\S+){0,6}?\s+(?:every time|all the time|always|every day)(?![\p{L}])/u;
/** Words of a problem with something ("trouble", "issues", "changes"); "tolerated" stands for "no problems". */
const TROUBLE_WORD = /^(?:troubles?|problems?|issues?|difficult(?:y|ies)|changes?|tolerated)$/;
/**
 * True when the word at the position is said only as what a denied problem is about ("I don't have any trouble with
 * my sleeping", "no issues with my appetite"): the problem is denied, the function named is no finding of its own.
 */
export function troubleDeniedAt(unit: TranscriptUnit, position: number): boolean {
  const words = unit.tokens;
  let back = position - 1;
  if (/^(?:my|your|his|her|their|the)$/.test(words[back]?.surface ?? '')) back -= 1;
  if (!/^(?:with|in)$/.test(words[back]?.surface ?? '')) return false;
  const trouble = words[back - 1];
  if (!trouble || !TROUBLE_WORD.test(trouble.surface)) return false;
  return (
    trouble.surface === 'tolerated' ||
    words.slice(Math.max(0, back - 5), back - 1).some((word) => word.negation)
  );
}
/**
 * True when a question asks about a problem with doing something, and the word at the position is that doing ("any
 * problems laying flat while you go to bed?", "any trouble sleeping?"): its "no" denies the problem, not the doing —
 * it agrees with "tolerates lying flat", "sleeps well". (Not a symptom named after the problem: "any problems with
 * nausea?")
 */
export function troubleAskedAt(unit: TranscriptUnit, position: number): boolean {
  if (!unit.isQuestion) return false;
  const words = unit.tokens;
  for (let back = position; back >= 0 && back >= position - 6; back -= 1) {
    // The doing runs on to what it is done with ("laying flat while you go to bed"), not past "or" to another item.
    const between = words[back];
    if (!between || between.punctuation !== undefined || /^(?:or|and|any)$/.test(between.surface))
      return false;
    if (!/^\p{L}{3,}ing$/u.test(between.surface)) continue;
    let trouble = back - 1;
    if (/^(?:with|in)$/.test(words[trouble]?.surface ?? '')) trouble -= 1;
    const word = words[trouble];
    if (word && TROUBLE_WORD.test(word.surface) && word.surface !== 'tolerated') return true;
  }
  return false;
}
/** True when the clause claims a problem of its own ("trouble sleeping"), which a question about the problem asks. */
export function claimsTrouble(clause: Clause): boolean {
  return clause.tokens.some((token) => TROUBLE_WORD.test(token.surface) && token.surface !== 'tolerated');
}
/** True when the word is said in a question only as what a problem asked about is about. */
function troubleAsked(token: AnalysedToken, unit: TranscriptUnit, index: TranscriptIndex): boolean {
  const positions = matchPositions(token, unit, index);
  return positions.length > 0 && positions.every((position) => troubleAskedAt(unit, position));
}
/**
 * True when the word is said in the unit only inside a longer compound ("weight" in "weight gain") whose other part
 * the clause does not say: the compound names another thing ("the weight of the boxes" is not "weight gain").
 */
function onlyInsideCompound(
  token: AnalysedToken,
  unit: TranscriptUnit,
  clause: Clause,
  index: TranscriptIndex,
): boolean {
  const positions = matchPositions(token, unit, index);
  return (
    positions.length > 0 &&
    positions.every((position) => {
      const said = unit.tokens[position]?.canonical ?? '';
      if (said === token.canonical || !said.includes(token.canonical)) return false;
      const rest = said.replace(token.canonical, '');
      return (
        rest.length >= 3 &&
        !clause.content.some(
          (other) => other !== token && (rest.includes(other.canonical) || other.canonical.includes(rest)),
        )
      );
    })
  );
}
/**
 * True when the transcript relates something to another thing than the clause does: "related to" said of something
 * the clause does not name ("i think it's more related to tightness in your muscles") neither confirms nor denies
 * "not related to signs of a stroke".
 */
function relatedToOther(
  token: AnalysedToken,
  unit: TranscriptUnit,
  clause: Clause,
  index: TranscriptIndex,
): boolean {
  if (!RELATION_WORD.test(token.surface)) return false;
  const others = clause.content.filter((other) => other !== token);
  return matchPositions(token, unit, index).every((position) => {
    const object = unit.tokens
      .slice(position + 1, position + 5)
      .filter((word) => !word.stopword && word.punctuation === undefined);
    return (
      object.length > 0 &&
      !object.some((word) => others.some((other) => matchingCanonicals(other, index).has(word.canonical)))
    );
  });
}
/** True when the word is said in the unit only as what a denied problem is about. */
function troubleDeniedWith(token: AnalysedToken, unit: TranscriptUnit, index: TranscriptIndex): boolean {
  const positions = matchPositions(token, unit, index);
  return positions.length > 0 && positions.every((position) => troubleDeniedAt(unit, position));
}
/**
 * True when the word is a word of relation with its "to" or "by" right after a key word of the clause that names a
 * finding ("difficulty sleeping secondary to the pain"): it ties that finding to a cause. Not after an adverb that
 * grades the link ("not likely caused by overuse"): there the link is the claim.
 */
function modifiesFinding(
  tokens: readonly AnalysedToken[],
  token: AnalysedToken,
  keyTokens: readonly AnalysedToken[],
): boolean {
  const at = tokens.indexOf(token);
  if (!RELATION_WORD.test(token.surface) || !/^(?:to|by)$/.test(tokens[at + 1]?.surface ?? '')) return false;
  const before = tokens[at - 1];
  return before !== undefined && keyTokens.includes(before) && !ADVERB_LY.test(before.surface);
}
/** A doctor's offer put as a question ("do you need a refill of that?", "would you like a referral?"). */
const OFFER =
  /(?<![\p{L}])(?:do you (?:need|want)|would you like|(?:shall|should) (?:i|we) (?:send|order|refill|prescribe|refer|give))(?![\p{L}])/u;
/**
 * True when the unit is the doctor's offer the patient accepted ("do you need a refill of that?" – "yes, i do"): in a
 * plan it is the decision, so it contradicts a plan that denies it ("This was not refilled today").
 */
function offerAccepted(unit: TranscriptUnit): boolean {
  return unit.answer === 'positive' && OFFER.test(foldText(unit.text));
}
/** A verb of advising with a "that"-clause: it reports what was said ("advised her that …"), not advice ("to …"). */
const ADVISED_THAT =
  /(?<![\p{L}])(?:advised|counsel(?:l)?ed|educated|reassured) (?:her|him|them|the patient)(?: and (?:her|his|their) \p{L}+)? that(?![\p{L}])/u;
/**
 * True when the statement's only cue of advice is a verb of advising with a "that"-clause: the clause is the doctor's
 * judgement told as fact, so its words are claims about the patient's state ("I advised her that her symptoms do not
 * appear related to signs of a stroke": a claim, not a piece of advice). A cue of its own ("advised her that if …")
 * still makes it advice.
 */
function reportedAsFact(statementText: string, compiled: CompiledLexicon): boolean {
  const text = foldText(statementText);
  const reporting = ADVISED_THAT.exec(text);
  if (!reporting) return false;
  const rest = `${text.slice(0, reporting.index)} ${text.slice(reporting.index + reporting[0].length)}`;
  return !compiled.conditionalStatement.test(rest);
}
/**
 * Negation check, word by word: for each word the note asserts or denies, the transcript's polarity where the word
 * is said — weighted by how much that place is about the clause, and doubled for a question answered yes or no
 * about it. A word is contradicted when the evidence against clearly outweighs the evidence for.
 */
export function checkNegation(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  // A label before a colon is not part of the finding ("Rektaleksplorasjon: ingen palpabel tumor").
  const colon = clause.tokens.findIndex((token) => token.punctuation === ':');
  const findingTokens = colon > 0 && colon <= 3 ? new Set(clause.tokens.slice(colon + 1)) : undefined;
  const heads = phraseHeads(clause);
  const siteKeys = keyTokensOf(clause, context).filter((token) => !findingTokens || findingTokens.has(token));
  // "Reports right eye pain": a site before a weak word of finding names where the finding is; the weak word names
  // what is found, and its own polarity in the talk ("any pain when it happens?" – "no") decides the claim too.
  // (A denial keeps to its site: "denies left knee pain and instability" is weighed where the knee is talked of.)
  const keyTokens = siteKeys.every((token) => isBodySite(token, compiled) && !clause.negated.has(token))
    ? [
        ...siteKeys,
        ...new Set(
          siteKeys
            .map((token) => heads.get(token))
            .filter(
              (head): head is AnalysedToken =>
                head !== undefined &&
                !siteKeys.includes(head) &&
                isWeak(head, compiled.language) &&
                !isNormalWord(head, compiled),
            ),
        ),
      ]
    : siteKeys;
  if (keyTokens.length === 0) return undefined;
  // About a relative ("Ingen resept til kona", "Twin sister: absence of …"): the patient's mentions do not decide it;
  // what the transcript says of a relative does. (A clause before the relative is first named is still the
  // patient's: "He denies kidney stones, but his father …".)
  const subject: Subject =
    (context.mentionsRelative && !beforeRelative(clause, context)) ||
    (clause.content.some((token) => isKin(token, compiled)) &&
      !kinIsNotSubject(foldText(context.statementText), compiled.language))
      ? 'relative'
      : 'patient';
  const claimedNegative = keyTokens.some((token) => clause.negated.has(token));
  if (claimedNegative && negatedOnlyByAvoiding(clause)) return undefined;
  // "He does not have pain every time he eats": the negation denies how often, not the finding.
  if (claimedNegative && language === 'en' && NOT_EVERY_TIME.test(foldText(clause.text))) return undefined;
  // Advice and plans ("Ny kontakt ved feber, flankesmerter …") are not claims about the patient's state.
  if (context.conditional && !claimedNegative && !reportedAsFact(context.statementText, compiled))
    return undefined;
  // Safety-netting ("Ta kontakt ved tung pust eller hvis hun ikke klarer å svelge"): the negation sits inside the
  // condition, so it claims nothing about the patient's state either.
  // A negation said before any condition, in a statement of fact, is no part of it ("She was not given a strainer so
  // she can see if the stone passes"); an instruction is advice whatever its order ("Do not drive if dizzy").
  const negationAt = clause.tokens.findIndex((token) => token.negation);
  const beforeNegation = `${foldText(context.statementText.slice(0, clause.offset))} ${clause.tokens
    .slice(0, Math.max(0, negationAt))
    .map((token) => token.surface)
    .join(' ')}`;
  const instruction = INSTRUCTION_OPENING.test(
    clause.tokens.find((token) => !token.punctuation && !token.stopword)?.surface ?? '',
  );
  if (
    context.conditional &&
    SAFETY_NET.test(foldText(context.statementText)) &&
    (negationAt < 0 || instruction || SAFETY_NET.test(beforeNegation))
  )
    return undefined;
  // "Armer ua.", "Lungs clear": a normal finding agrees with "no sores on the arms" as much as with "arms fine".
  if (!claimedNegative && clause.content.some((token) => isNormalWord(token, compiled))) return undefined;
  // "Ingen andre utslett", "no other rash": a negative about other instances than the ones talked about.
  if (
    claimedNegative &&
    clause.tokens.some(
      (token) =>
        /^(?:andre|annen|annet|flere|øvrige|other|others|additional|further|else)$/.test(token.surface) ||
        // "No extra heart sounds": other sounds than the ones heard (unless the talk says "extra" itself).
        extraUnsaid(token, index),
    )
  )
    return undefined;
  // In a negative claim the negated words decide ("Hovne slimhinner med gulaktig sekret" → the swelling); words the
  // transcript never uses ("avsvellende") cannot be weighed.
  // A word the statement both asserts and denies ("tingling in toes until Sunday, denies tingling today") is qualified
  // by the note itself (a time, a place): the transcript's plain mentions do not decide it.
  const denied = keyTokens.filter((token) => clause.negated.has(token));
  // A preposition of time ("After the fall, …") names no finding whose polarity could be weighed.
  const voting = (claimedNegative ? denied : keyTokens).filter(
    (token) =>
      matchingCanonicals(token, index).size > 0 &&
      !context.mixedPolarity.has(token.canonical) &&
      !TIME_PREPOSITION.test(token.surface) &&
      !SEEMING.test(token.surface) &&
      !EXAMINATION_MANNER.test(token.surface) &&
      !(claimedNegative && NO_FINDING_WORD.test(token.surface)) &&
      // "Denies difficulty sleeping secondary to the pain": a word of relation after the finding ties it to a cause;
      // the finding carries the claim. (A negation of the link itself, "symptoms are not caused by overuse", denies
      // the link.)
      !modifiesFinding(clause.tokens, token, keyTokens) &&
      // "History of tonsillectomy" – "throat looks fine no tonsils": an organ said to be absent agrees with its removal.
      !(!claimedNegative && REMOVAL.test(token.surface)) &&
      // "Does not have a long history of smoking": the length or time qualifies the history, the finding is the
      // smoking. (Not whose history it is: "a family history of immune deficiencies".)
      !(HISTORY_EXTENT.test(token.surface) && FRAME_NOUN.test(heads.get(token)?.surface ?? '')),
  );
  if (voting.length === 0) return undefined;
  const historyClaim = HISTORY_CUE[compiled.language].test(foldText(clause.text));
  const claimsOthers =
    !claimedNegative &&
    clause.tokens.some((token) => /^(?:other|others|andre|annen|annet)$/.test(token.surface));
  // A claim of a problem of its own ("trouble sleeping") is what a question about the problem asks.
  const ownTrouble = claimsTrouble(clause);
  const totalWeight = voting.reduce((sum, token) => sum + tokenWeight(token, index), 0);
  const partnerOf = (unit: TranscriptUnit): TranscriptUnit | undefined => {
    const partner = unit.answeredByUnit ?? unit.answersUnit;
    return partner === undefined ? undefined : index.units[partner];
  };
  // A place that denies part of what a negative claim denies ("I can't catch my breath" for "cannot catch her breath
  // on stairs") agrees with it; the words outside the transcript's negation there do not contradict it.
  const agreeingUnits = new Set<number>();
  if (claimedNegative) {
    for (const unit of index.units) {
      if (
        !unit.hypothetical &&
        !unit.isQuestion &&
        voting.some(
          (token) =>
            matchPositions(token, unit, index).length > 0 &&
            tokenPolarity(token, unit, index, clause.content, subject) === 'negative',
        )
      )
        agreeingUnits.add(unit.index);
    }
  }
  // The time before today denied to a question about the past (`presentAgainstDeniedHistory`): today's mentions
  // neither contradict a denial of it nor confirm a claim of it ("reports he has ever been diagnosed with …").
  const historyDenied =
    historyClaim &&
    voting.some((token) =>
      index.units.some(
        (unit) =>
          historyAskedAndDenied(unit, compiled) &&
          matchPositions(token, unit, index).length > 0 &&
          tokenPolarity(token, unit, index, clause.content, subject) === 'negative',
      ),
    );
  let contradictedWeight = 0;
  let confirmedWeight = 0;
  const confirmed: { weight: number; units: readonly TranscriptUnit[] }[] = [];
  const disagreeing: TranscriptUnit[] = [];
  const clauseSites = clause.content.filter(
    (token) => isBodySite(token, compiled) && !voting.includes(token),
  );
  for (const token of voting) {
    const head = heads.get(token) ?? lightVerbObject(clause, token);
    // In an entry filed under a label ("Constitutional: Denies sleep disturbance") a head the transcript never says
    // ("any problems sleeping?" – "no") cannot tell one place from another: a question asking the word itself, and
    // its answer, still speak of it.
    const headUnsaid =
      findingTokens !== undefined && head !== undefined && matchingCanonicals(head, index).size === 0;
    const weight = tokenWeight(token, index);
    // In an examination section the doctor's own findings decide over the history ("fikk en blemme som sprakk"
    // against "Ingen blemmer" on examination): tallies [others, doctor's findings].
    const drugToken = findDrugMentions(token.surface, compiled.lexicon).length > 0;
    const agreeBy = [0, 0];
    const disagreeBy = [0, 0];
    const againstBy: TranscriptUnit[][] = [[], []];
    const forBy: TranscriptUnit[][] = [[], []];
    // A word of the time phrase that dates a denial ("not able to play since this injury") speaks for the clause only
    // where the denied words are said too ("i've been working from home since the start of covid").
    const dating = claimedNegative && inTimePhrase(clause.tokens, token, language);
    const dated = voting.filter((other) => other !== token && !inTimePhrase(clause.tokens, other, language));
    const abilitySinceDenied =
      claimedNegative &&
      language === 'en' &&
      clause.negated.has(token) &&
      deniedAbilitySince(clause.tokens, token);
    for (const unit of index.units) {
      const positions = matchPositions(token, unit, index);
      if (positions.every((position) => hypotheticalAt(unit, position, compiled))) continue;
      if (dating && !dated.some((other) => matchPositions(other, unit, index).length > 0)) continue;
      const partner = partnerOf(unit);
      // A word said without the word it leans on is about something else ("weight" in "the weight of the boxes").
      const askedDirectly =
        headUnsaid &&
        ((unit.isQuestion && (unit.answer === 'negative' || unit.answer === 'positive')) ||
          (partner?.isQuestion === true && matchPositions(token, partner, index).length > 0));
      if (
        head &&
        !askedDirectly &&
        matchPositions(head, unit, index).length === 0 &&
        (!partner || matchPositions(head, partner, index).length === 0)
      )
        continue;
      // The patient's own question matched only inside a longer word ("Faste medisiner?" – "Av blærekatarrmedisin?")
      // is a clarification, not about this.
      if (unit.isQuestion && unit.speaker !== 'lege') {
        const surfaces = matchPositions(token, unit, index).map(
          (position) => unit.tokens[position]?.canonical ?? '',
        );
        if (
          surfaces.every((canonical) => canonical !== token.canonical && canonical.endsWith(token.canonical))
        )
          continue;
      }
      if (claimedNegative && context.historySection && unit.plan) continue;
      // "Ingen antibiotika" in an assessment or plan: only a prescription contradicts it, not talk about the drug
      // ("penicillin gjør deg ikke friskere fortere").
      if (claimedNegative && !context.historySection && drugToken && !(unit.plan && unit.speaker === 'lege'))
        continue;
      // A plan ("Jerntilskudd avventes til etter koloskopi") is not contradicted by the history questions.
      if (
        context.planSection &&
        ((unit.isQuestion && unit.speaker === 'lege' && !(claimedNegative && offerAccepted(unit))) ||
          (unit.answersUnit !== undefined && unit.speaker !== 'lege'))
      )
        continue;
      // A plan is the doctor's decision: what the patient or a relative says of it ("Jeg trodde det måtte antibiotika
      // til") neither confirms nor denies it — their question the doctor answers ("Hun får vel antibiotika nå?") does.
      const answeredByDoctor =
        unit.isQuestion &&
        unit.answeredByUnit !== undefined &&
        index.units[unit.answeredByUnit]?.speaker === 'lege';
      if (context.planSection && unit.speaker !== 'lege' && !answeredByDoctor) continue;
      let polarity = tokenPolarity(token, unit, index, clause.content, subject);
      // "Any regular medications?" – "A blood pressure pill, and that's it": the answer names all there are, so
      // "other medications" are denied.
      if (
        polarity !== 'negative' &&
        claimsOthers &&
        unit.isQuestion &&
        unit.answer === 'positive' &&
        partner !== undefined &&
        ONLY_THAT.test(foldText(partner.text))
      )
        polarity = 'negative';
      if (!polarity || (polarity === 'positive' && agreeingUnits.has(unit.index))) continue;
      // "Has not been able to play since this injury" – "you played soccer … now?" – "yeah": the activity as a habit
      // is no ability since the event.
      if (polarity === 'positive' && abilitySinceDenied && !saysAbilityAt(token, unit, index)) continue;
      // "Reports tingling today" – "i felt some tingling until about sunday afternoon . and then that seemed to go
      // away": a complaint told as ended is not there now.
      // (A question answered so is answered with the ended complaint.)
      if (
        polarity === 'positive' &&
        (endedBeforeNow(token, unit, clause, context) ||
          (unit.isQuestion && partner !== undefined && endedBeforeNow(token, partner, clause, context)))
      )
        polarity = 'negative';
      // "Initially, she was unable to bear weight" – "now today i have been able to put some weight on it".
      if (
        polarity !== (clause.negated.has(token) ? 'negative' : 'positive') &&
        otherStoryTime(token, unit, partner, clause, context)
      )
        continue;
      if (claimedNegative && polarity === 'positive' && saidToBeNormal(token, clause, unit, index)) continue;
      if (claimedNegative && polarity === 'positive' && troubleDeniedWith(token, unit, index)) continue;
      // "Reports changes in sleep" – "i really don't have any troubles with my sleeping": a claim of a problem with
      // something is contradicted where the talk denies a problem with it.
      if (!claimedNegative && ownTrouble && polarity === 'positive' && troubleDeniedWith(token, unit, index))
        polarity = 'negative';
      // "Tolerates lying flat" – "any problems laying flat …?" – "no": the problem is denied, not the lying flat.
      if (!claimedNegative && polarity === 'negative' && !ownTrouble && troubleAsked(token, unit, index))
        continue;
      // "Not related to signs of a stroke" – "i think it's more related to tightness": another relation.
      if (claimedNegative && polarity === 'positive' && relatedToOther(token, unit, clause, index)) continue;
      // "Denies unintentional weight loss" – "i've been trying to lose weight": an intended change is not denied.
      if (claimedNegative && polarity === 'positive' && intendedWhereUnintended(token, unit, clause, index))
        continue;
      // "The weight of the boxes" – "weight gain?" – "no": the compound is another thing.
      if (
        polarity !== (clause.negated.has(token) ? 'negative' : 'positive') &&
        onlyInsideCompound(token, unit, clause, index)
      )
        continue;
      // "No further flare-ups?" – "No": the answer denies other instances, not the thing itself.
      // (An answer's own "no vomiting" still counts.)
      // The word of other instances must qualify this word ("any other rashes", "flere anfall"), not another item of
      // the question ("any rashes … anywhere else").
      const asked = unit.isQuestion ? unit : undefined;
      if (
        asked &&
        matchPositions(token, asked, index).some(
          (position) =>
            asked.tokens
              .slice(Math.max(0, position - 3), position)
              .some(
                (word, offset, before) =>
                  /^(?:other|further|andre|flere)$/.test(word.surface) &&
                  !before.slice(offset + 1).some((between) => /^(?:any|noen)$/.test(between.surface)),
              ) || asked.tokens.slice(position + 1, position + 3).some((word) => word.surface === 'else'),
        ) &&
        !clause.tokens.some((word) => OTHER_INSTANCES.test(word.surface))
      )
        continue;
      // "Joint pain … I mean, muscle aches?": a word the asker withdraws by a self-repair is not asked; the answer
      // is about what replaced it.
      if (asked && withdrawnBySelfRepair(token, asked, index)) continue;
      // "4 views were taken" – "have you taken any medications?" – "no": the answer is about what was asked.
      if (asked && asksOfOtherObject(token, asked, clause, index)) continue;
      // "Sover du nok?" – "Ikke så mye": the answer is about the amount asked, not the thing (`checkAmount`).
      const question = unit.isQuestion ? unit : partner?.isQuestion === true ? partner : undefined;
      if (question && asksAmount(question)) continue;
      const group = partner ? [unit, partner] : [unit];
      if (historyDenied && polarity === 'positive' && presentAgainstDeniedHistory(unit, index)) continue;
      // "Have you ever injured this arm before?" asks about the past: its answer says nothing about the present
      // complaint, unless the note speaks of the past too ("no previous injuries").
      // A "never" answer to "have you ever …" denies the present too; not one about the time before ("… before?").
      if (
        question &&
        !historyClaim &&
        asksAboutHistory(question, compiled) &&
        !(polarity === 'negative' && asksEver(token, question, index, unit === question ? undefined : unit))
      )
        continue;
      // A direct question about the word, answered yes or no, is the strongest evidence.
      const direct =
        (unit.isQuestion && (unit.answer === 'negative' || unit.answer === 'positive')) ||
        (partner?.isQuestion === true && matchPositions(token, partner, index).length > 0);
      // A negative claim is contradicted only where nearly all of what it denies is said ("no pain to palpation of
      // the lateral aspect" is not contradicted by "pain to palpation of the medial aspect").
      // A word said in only a couple of places is about this wherever it is said ("Jeg har aldri hatt aura").
      // (Not in the doctor's small talk: "Fem år, så stor du er.")
      const rare =
        (index.documentFrequency.get(token.canonical) ?? 99) <= 2 &&
        (unit.speaker !== 'lege' || unit.isQuestion)
          ? 0.6
          : 0;
      // A denied weak word ("No pain with strength testing") is about this only where the rest of the clause is.
      // "No pain to palpation of the lateral aspect" is not about "pain to palpation of the medial aspect".
      if (oppositeQualifier(clause, unit)) continue;
      // "Tenderness in the paraspinal area" – "… no midline tenderness": a mention qualified as the other place is
      // not about the clause's; the unit's other mentions speak for it.
      if (polarity !== (clause.negated.has(token) ? 'negative' : 'positive')) {
        const own = positionsNotQualifiedAsOpposite(token, clause, unit, index);
        if (own.length === 0) continue;
        if (own.length < matchPositions(token, unit, index).length) {
          const said = own
            .filter((position) => (unit.subjects[position] ?? 'patient') === subject)
            .map((position) => polarityAt(unit, position, index))
            .find((value) => value === 'negative' || value === 'positive');
          if (said === undefined) continue;
          polarity = said;
        }
      }
      // "Extending her arm … alleviates" – "does the pain extend anywhere?" – "no": another predicate.
      if (
        polarity !== (clause.negated.has(token) ? 'negative' : 'positive') &&
        verbWithoutObject(token, clause.tokens, group, index)
      )
        continue;
      const weakToken = isWeak(token, compiled.language);
      // A system label ("Musculoskeletal: Denies bilateral knee pain") files the finding; a place is about the finding
      // whether or not it names the system.
      const about =
        claimedNegative && !voting.some((other) => isWeak(other, compiled.language))
          ? voting
          : findingTokens
            ? clause.content.filter((other) => findingTokens.has(other))
            : clause.content;
      const relevance = weakToken
        ? unionCoverage(about, group, index)
        : Math.max(unionCoverage(about, group, index), direct ? 0.6 : 0, rare);
      if (relevance < (claimedNegative ? 0.6 : 0.34)) continue;
      const strength = relevance * (direct ? 2 : 1);
      const wanted = clause.negated.has(token) ? 'negative' : 'positive';
      // An examination finding at a named site is about that site: "no calf tenderness" is not contradicted by "some
      // tenderness in your lower back", nor "tenderness over the shoulder" by "no tenderness of the hip" — where the
      // transcript names another site and not the clause's.
      if (
        polarity !== wanted &&
        context.examSection &&
        clauseSites.length > 0 &&
        group.every((member) =>
          clauseSites.every((site) => matchPositions(site, member, index).length === 0),
        ) &&
        group.some((member) => member.tokens.some((word) => isBodySite(word, compiled)))
      )
        continue;
      const by = context.examSection && unit.speaker === 'lege' && !unit.isQuestion ? 1 : 0;
      if (polarity === wanted) {
        agreeBy[by] = (agreeBy[by] ?? 0) + strength;
        forBy[by]?.push(unit);
      } else {
        disagreeBy[by] = (disagreeBy[by] ?? 0) + strength;
        againstBy[by]?.push(unit);
      }
    }
    const findings = (agreeBy[1] ?? 0) + (disagreeBy[1] ?? 0) > 0 ? 1 : 0;
    const agree = findings ? (agreeBy[1] ?? 0) : (agreeBy[0] ?? 0);
    const disagree = findings ? (disagreeBy[1] ?? 0) : (disagreeBy[0] ?? 0);
    const against = againstBy[findings] ?? [];
    if (disagree > 0 && disagree > agree * 1.5) {
      contradictedWeight += weight;
      disagreeing.push(...against);
    } else if (agree > 0) confirmed.push({ weight, units: forBy[findings] ?? [] });
  }
  // A positive claim's qualifiers said only in the sentence that denies its finding ("pain with flexion" against
  // "you don't seem to have any pain with flexion"): outside the negation's reach by distance, inside it by sense;
  // they confirm nothing.
  for (const { weight, units } of confirmed)
    if (claimedNegative || units.some((unit) => !disagreeing.includes(unit))) confirmedWeight += weight;
  // One clearly denied (or asserted) concept is enough, if it carries part of the clause's meaning.
  if (
    contradictedWeight === 0 ||
    contradictedWeight < totalWeight * 0.25 ||
    contradictedWeight < confirmedWeight * 0.5
  )
    return undefined;
  const ids = segmentIds(disagreeing).slice(0, 3);
  return flag(
    'negation',
    'contradicted',
    claimedNegative
      ? REASONS.negationConflictPresent(ids, language)
      : REASONS.negationConflictDenied(ids, language),
  );
}
/**
 * "Hopefully you passed the stone by then, but if not we can discuss lithotripsy": an "if not" after the words, with
 * no words of its own, makes them the negated condition of what follows; the words are hoped, not said to be so.
 */
function conditionNegatedAfter(token: AnalysedToken, unit: TranscriptUnit, index: TranscriptIndex): boolean {
  const tokens = unit.tokens;
  return matchPositions(token, unit, index).some((position) => {
    for (let at = position + 1; at < tokens.length && at <= position + 8; at += 1) {
      const word = tokens[at];
      if (!word || (word.punctuation !== undefined && word.punctuation !== ',')) return false;
      if (word.surface !== 'if' || tokens[at + 1]?.surface !== 'not') continue;
      const next = tokens[at + 2];
      return next === undefined || next.punctuation !== undefined || next.stopword;
    }
    return false;
  });
}
/** Polarity of a clause word in a unit, nearest the clause's other words first; a relative's words only when the note is about one. */
function alignedPolarity(
  token: AnalysedToken,
  unit: TranscriptUnit,
  clause: Clause,
  context: CheckContext,
): 'negative' | 'positive' | undefined {
  const { index } = context;
  const positions = headPositions(token, unit, index);
  const anchors = clause.content
    .filter((other) => other !== token)
    .flatMap((other) => matchPositions(other, unit, index));
  if (positions.length > 1 && anchors.length > 0) {
    const distance = (position: number): number =>
      Math.min(...anchors.map((anchor) => Math.abs(anchor - position)));
    positions.sort((left, right) => distance(left) - distance(right));
  }
  for (const position of positions) {
    if ((unit.subjects[position] === 'relative') !== context.mentionsRelative) continue;
    const polarity = localPolarityAt(unit, position, index);
    // "any joint pain, fever, weight loss" without a question mark asks; it asserts nothing.
    if (polarity === 'positive' && asksWithAny(unit, position)) continue;
    if (polarity !== 'unknown') return polarity;
  }
  return undefined;
}
/** "any"/"noen": before a word in a sentence without a negation, it asks about the word. */
const ANY = /^(?:any|noen)$/;
/** True when "any" opens the list the word is in ("any joint pain fever weight loss"), within six words. */
function asksWithAny(unit: TranscriptUnit, position: number): boolean {
  for (let back = position - 1; back >= 0 && back >= position - 6; back -= 1) {
    const token = unit.tokens[back];
    if (!token || token.punctuation !== undefined || token.negation) return false;
    if (ANY.test(token.surface)) return true;
  }
  return false;
}
/**
 * "No extra heart sounds": "extra" denies other instances than the ones talked about (the murmur heard), unless the talk
 * says "extra" itself ("i do hear an extra heart sound").
 */
function extraUnsaid(token: AnalysedToken, index: TranscriptIndex): boolean {
  return token.surface === 'extra' && matchingCanonicals(token, index).size === 0;
}
/** Words that date or qualify what a denial is about ("denies previous treatment"), not the thing denied. */
export const HISTORY_QUALIFIER = /^(?:previous|prior|past|known|personal)$/;
/** Nouns of treatment, whose "for …" names the condition treated ("treatment for her acne", "medication for pain"). */
const TREATMENT_NOUN =
  /^(?:treatment|treatments|therapy|therapies|medication|medications|medicine|medicines|meds|drugs?|surgery|prescription|anything|something)$/;
/**
 * True when the word names what a denied treatment is for ("denies previous treatment for her acne vulgaris"): the
 * denial is of the treatment; the condition it is for is presupposed, so talk of the condition does not contradict it.
 */
export function treatedCondition(tokens: readonly AnalysedToken[], token: AnalysedToken): boolean {
  const position = tokens.indexOf(token);
  for (let back = position - 1; back >= 0 && back >= position - 4; back -= 1) {
    const before = tokens[back];
    if (!before || before.punctuation !== undefined || before.negation) return false;
    if (before.surface !== 'for') continue;
    return tokens
      .slice(Math.max(0, back - 3), back)
      .some((word) => word.punctuation === undefined && TREATMENT_NOUN.test(word.surface));
  }
  return false;
}
/** A comparison under a negation ("not as high as usual", "ikke så vondt som før"): less, not absent. */
const COMPARISON_NEGATION =
  /(?<![\p{L}])(?:not|n't|ikke)\s+(?:been\s+|be\s+|vært\s+)?(?:quite\s+|nearly\s+)?(?:as|so|like|så)\s+(?:\p{L}+\s+){1,2}(?:as|som|before|før)(?![\p{L}])/u;
/** Words of removal: the thing is gone ("tonsils removed"), said in the transcript as absent ("no tonsils"). */
/** Nouns that frame a finding ("a long history of smoking", "a remote history of gout"). */
const FRAME_NOUN = /^(?:history|hx)$/;
/** How long ago or how long a history is ("long", "remote", "extensive"). */
const HISTORY_EXTENT =
  /^(?:long|longstanding|lengthy|extensive|remote|distant|recent|prior|previous|significant|strong|known)$/;
const REMOVAL =
  /^(?:removed|resected|excised|extracted|amputated|fjernet|operert|tonsillectomy|appendectomy|cholecystectomy)$/;
/**
 * True when a negation cue of the clause reaches the word: a verb of denial anywhere before it ("denies that he
 * lifted boxes"), another cue up to five words before it, or a cue right after it.
 */
function nearNegationCue(tokens: readonly AnalysedToken[], token: AnalysedToken): boolean {
  const position = tokens.indexOf(token);
  // A negation inherited from a list ("Denies fever, chills, …") has no cue in the clause.
  if (!tokens.some((other) => other.negation || other.postNegation)) return true;
  for (let back = position - 1; back >= 0; back -= 1) {
    const cue = tokens[back];
    if (cue?.negation && (back >= position - 5 || DENIAL_VERB.test(cue.surface))) return true;
  }
  for (let ahead = position + 1; ahead <= position + 3 && ahead < tokens.length; ahead += 1) {
    if (tokens[ahead]?.postNegation) return true;
  }
  return false;
}
/** True when a question also asks about things outside the clause ("any joint pain, fever, weight loss?"). */
function asksAboutMore(unit: TranscriptUnit, clause: Clause, context: CheckContext): boolean {
  const { index } = context;
  const covered = new Set(clause.content.flatMap((token) => matchPositions(token, unit, index)));
  return unit.tokens.some(
    (token, position) =>
      !covered.has(position) &&
      !token.stopword &&
      token.punctuation === undefined &&
      !token.negation &&
      token.surface.length > 2 &&
      !isWeak(token, context.language) &&
      !QUESTION_FRAME.test(token.surface),
  );
}
/** Words that frame a question, not what it asks about ("any", "symptoms", "else"). */
const QUESTION_FRAME =
  /^(?:any|anything|symptoms?|else|other|like|okay|alright|noticed|notice|had|have|been)$/;
/**
 * The clause's words said in one place with the opposite polarity (a statement and its negation cannot both be
 * documented; general rule of clinical documentation): "was not recently diagnosed with diabetes" against "i just
 * got diagnosed with type two diabetes", "denies that he was lifting boxes" against "I lifted some boxes", "If she
 * does improve" against "if you are not improving". Only places that hold most of the clause's words count, and
 * only a negation close to the word; a condition or advice is compared with what was said as a condition or
 * advice, a fact with what was said as a fact. Contradicted when such a place says the opposite and none agrees.
 */
export function checkAlignedPolarity(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  // "Lungs clear", "not within normal limits": the normal-word check decides normal and abnormal findings.
  if (clause.content.some((token) => isNormalWord(token, compiled) || ABNORMAL.test(token.surface)))
    return undefined;
  // An allergy is documented by what must be avoided ("Penicillinallergi" – "skal du ikke ha penicillin").
  const lower = foldText(clause.text);
  if (compiled.allergyWords.test(lower)) return undefined;
  // "Does not get heartburn every time he eats": the negation denies how often, not the finding.
  if (language === 'en' && NOT_EVERY_TIME.test(lower)) return undefined;
  // A comparison ("not as high as usual"), a test result ("McMurray's test: negative") or a removal ("tonsils
  // removed" – "no tonsils") is no plain assertion or denial of its words.
  if (
    COMPARISON_NEGATION.test(lower) ||
    clause.tokens.some((token) => FINDING_WORDS.test(token.surface) || REMOVAL.test(token.surface))
  )
    return undefined;
  // A label before a colon does not decide the claim ("Auscultation of Lungs: …").
  const colon = clause.tokens.findIndex((token) => token.punctuation === ':');
  const label = colon > 0 && colon <= 4 ? new Set(clause.tokens.slice(0, colon)) : new Set<AnalysedToken>();
  const words = clause.content.filter(
    (token) =>
      !isKin(token, compiled) &&
      !isPartialMatch(token, index) &&
      !context.mixedPolarity.has(token.canonical) &&
      matchingCanonicals(token, index).size > 0,
  );
  const specific = words.filter((token) => !isWeak(token, compiled.language));
  if (specific.length < 2) return undefined;
  const claimedNegative = words.some((token) => clause.negated.has(token));
  if (claimedNegative && negatedOnlyByAvoiding(clause)) return undefined;
  // "Denies any other chronic medications": other instances than the ones named are denied.
  if (
    claimedNegative &&
    clause.tokens.some((token) => OTHER_INSTANCES.test(token.surface) || extraUnsaid(token, index))
  )
    return undefined;
  // The denied words decide a negative claim ("denies that he lifted boxes"), all specific words a positive one;
  // not the place of a denied finding ("no tenderness of the foot"), and only the words the negation cue itself
  // reaches ("does not appear to be healing and further studies …" denies the healing).
  const negatedWords = specific.filter(
    (token) =>
      clause.negated.has(token) &&
      !isBodySite(token, compiled) &&
      nearNegationCue(clause.tokens, token) &&
      !HISTORY_QUALIFIER.test(token.surface) &&
      !treatedCondition(clause.tokens, token),
  );
  const deciding = (claimedNegative ? negatedWords : specific).filter((token) => !label.has(token));
  if (deciding.length === 0) return undefined;
  const hypotheticalClaim =
    context.conditional || compiled.hypotheticalCues.test(foldText(context.statementText));
  let agreeing = false;
  let disagreeing: TranscriptUnit | undefined;
  // Per word of a positive claim, over the places that hold the clause: where its own word is denied, where asserted.
  const deniedAt = new Map<AnalysedToken, TranscriptUnit>();
  const assertedWords = new Set<AnalysedToken>();
  const historyClaim = HISTORY_CUE[compiled.language].test(lower);
  const ownTrouble = claimsTrouble(clause);
  // The time before today denied to a question about the past (`presentAgainstDeniedHistory`).
  const historyDenied =
    historyClaim &&
    deciding.some((token) =>
      index.units.some(
        (unit) =>
          historyAskedAndDenied(unit, compiled) &&
          unitMatches(token, unit, index) &&
          alignedPolarity(token, unit, clause, context) === 'negative',
      ),
    );
  for (const unit of index.units) {
    if (unit.hypothetical !== hypotheticalClaim) continue;
    if (unit.isQuestion && unit.answer !== 'positive' && unit.answer !== 'negative') continue;
    // "Sover du nok?" – "Ikke så mye": the answer is about the amount asked (`checkAmount`).
    if (asksAmount(unit)) continue;
    // "Any joint pain, fever, weight loss?" – "Yes": the yes may be about the other things asked.
    if (
      claimedNegative &&
      unit.isQuestion &&
      unit.answer === 'positive' &&
      asksAboutMore(unit, clause, context)
    )
      continue;
    // The answer to "have you ever hurt this foot before?" is about the past, not the complaint.
    const question = unit.answersUnit === undefined ? undefined : index.units[unit.answersUnit];
    const asked = unit.isQuestion ? unit : question?.isQuestion === true ? question : undefined;
    if (asked && !historyClaim && asksAboutHistory(asked, compiled)) continue;
    if (
      coverage(words, unit, index) < 0.6 ||
      specific.filter((token) => unitMatches(token, unit, index)).length < 2 ||
      oppositeQualifier(clause, unit)
    )
      continue;
    let agree = 0;
    let disagree = 0;
    let deniedOwnWord = false;
    for (const token of deciding) {
      const polarity =
        hypotheticalClaim && conditionNegatedAfter(token, unit, index)
          ? 'negative'
          : alignedPolarity(token, unit, clause, context);
      if (!polarity) continue;
      if (claimedNegative && polarity === 'positive' && saidToBeNormal(token, clause, unit, index)) continue;
      if (!claimedNegative && polarity === 'negative' && !ownTrouble && troubleAsked(token, unit, index))
        continue;
      if (claimedNegative && polarity === 'positive' && relatedToOther(token, unit, clause, index)) continue;
      if (historyDenied && polarity === 'positive' && presentAgainstDeniedHistory(unit, index)) continue;
      const wanted = clause.negated.has(token) ? 'negative' : 'positive';
      const partner = unit.answeredByUnit === undefined ? undefined : index.units[unit.answeredByUnit];
      if (polarity !== wanted && otherStoryTime(token, unit, partner, clause, context)) continue;
      if (polarity === wanted) {
        agree += 1;
        assertedWords.add(token);
      } else {
        disagree += 1;
        if (unit.canonicals.has(token.canonical) && !unit.hypothetical) {
          deniedOwnWord = true;
          if (!deniedAt.has(token)) deniedAt.set(token, unit);
        }
      }
    }
    // A weak word can carry a positive claim too ("with relief" against "it does n't seem to help").
    if (!claimedNegative) {
      for (const token of words.filter(
        (word) => isWeak(word, compiled.language) && !isNormalWord(word, compiled),
      )) {
        const polarity = alignedPolarity(token, unit, clause, context);
        if (polarity === 'positive') assertedWords.add(token);
        else if (
          polarity === 'negative' &&
          unit.canonicals.has(token.canonical) &&
          !unit.hypothetical &&
          !deniedAt.has(token)
        )
          deniedAt.set(token, unit);
      }
    }
    // A positive claim drops a negation if a statement of fact denies one of its own words, not a synonym or part of
    // a compound ("til sårene har tørket inn og ikke væsker" against "… er inntørket og væsker").
    if (agree > 0 && (claimedNegative || !deniedOwnWord)) agreeing = true;
    else if (disagree > 0) disagreeing ??= unit;
  }
  // A place that agrees without saying the denied word ("ice and ibuprofen") does not confirm it ("with relief"
  // against "… taking ibuprofen, but it does n't seem to help").
  const onlyDenied = claimedNegative
    ? undefined
    : [...deniedAt].find(([token]) => !assertedWords.has(token))?.[1];
  if (onlyDenied)
    return flag('negation', 'contradicted', REASONS.negationConflictDenied([onlyDenied.segmentId], language));
  return polarityConflict(agreeing, disagreeing, claimedNegative, language);
}
