/**
 * What every check works on: the clause (its words, the words under a negation in the note, quantities, sides, the
 * transcript units it aligns to) and the statement's context; the issue a check raises (`flag`, `polarityConflict`,
 * `firstIssue`); and the word-level analysis the checks share (negation scope, the polarity of a transcript word,
 * questions and conditions).
 */
import type { Language } from '@kollega/domain';
import type { ScoredUnit } from '../alignment';
import type { DrugMention } from '../drug-names';
import type { Side } from '../lexicon-types';
import type { Quantity } from '../quantities';
import { REASONS } from '../reasons';
import type { AnalysedToken, CompiledLexicon } from '../text-analysis';
import { stemWord, foldText } from '../text-tools';
import {
  type TranscriptUnit,
  type TranscriptIndex,
  intendedOnly,
  negatedAsPut,
  wishedFor,
} from '../transcript-index';

export interface Issue {
  verdict: 'contradicted' | 'unsupported';
  critical: boolean;
  reason: string;
  kind?: 'number' | 'side' | 'time' | 'drug' | 'diagnosis' | 'negation' | 'person' | 'speaker' | 'content';
  /** Which check raised it: shown in the reasons only with the `trace` option (development). */
  rule?: string;
}
/** An issue raised by a check: what kind, how serious, and the reason shown to the doctor. */
export function flag(
  kind: Issue['kind'],
  verdict: Issue['verdict'],
  reason: string,
  critical = false,
): Issue {
  return { kind, verdict, critical, reason };
}
/**
 * The verdict of a polarity comparison: contradicted when the words were said only with the other polarity (in
 * `disagreeing`), never as claimed.
 */
export function polarityConflict(
  agreeing: boolean,
  disagreeing: TranscriptUnit | undefined,
  claimedNegative: boolean,
  language: Language,
): Issue | undefined {
  if (!disagreeing || agreeing) return undefined;
  return flag(
    'negation',
    'contradicted',
    claimedNegative
      ? REASONS.negationConflictPresent([disagreeing.segmentId], language)
      : REASONS.negationConflictDenied([disagreeing.segmentId], language),
  );
}
/**
 * A claim the transcript makes only as absent, in `denying` (at most three cited): contradicted. No place, no issue.
 */
export function deniedInTalk(denying: readonly TranscriptUnit[], language: Language): Issue | undefined {
  if (denying.length === 0) return undefined;
  return flag(
    'negation',
    'contradicted',
    REASONS.negationConflictDenied(segmentIds(denying).slice(0, 3), language),
  );
}
/** The other side of a question–answer pair: the question a unit answers, else the answer a question got. */
export function exchangePartner(unit: TranscriptUnit, index: TranscriptIndex): TranscriptUnit | undefined {
  if (unit.answersUnit !== undefined) return index.units[unit.answersUnit];
  return unit.answeredByUnit === undefined ? undefined : index.units[unit.answeredByUnit];
}
/** Runs checks in order and returns the first issue, tagged with the check's name. */
export function firstIssue(
  checks: ReadonlyArray<(clause: Clause, context: CheckContext) => Issue | undefined>,
  clause: Clause,
  context: CheckContext,
): Issue | undefined {
  for (const check of checks) {
    const issue = check(clause, context);
    if (issue) return { ...issue, rule: check.name };
  }
  return undefined;
}

export interface Clause {
  text: string;
  tokens: AnalysedToken[];
  /** Words that carry the clause's meaning. */
  content: AnalysedToken[];
  /** Content plus finding words that help alignment ("neg.", "pos."). */
  alignment: AnalysedToken[];
  /** Content tokens under a negation cue in the note. */
  negated: ReadonlySet<AnalysedToken>;
  quantities: Quantity[];
  sides: Array<{ side: Side; position: number }>;
  ranked: ScoredUnit[];
  top: ScoredUnit[];
  window: TranscriptUnit[];
  /** Units that hold this clause's own values (found anywhere in the transcript). */
  anchors: TranscriptUnit[];
  /** Offset of the clause in the statement text. */
  offset: number;
}

export interface CheckContext {
  index: TranscriptIndex;
  language: Language;
  historySection: boolean;
  planSection: boolean;
  /** Examination or results: the doctor's own findings decide. */
  examSection: boolean;
  conditional: boolean;
  discussion: boolean;
  mentionsRelative: boolean;
  statementText: string;
  statementContent: AnalysedToken[];
  /** Canonical words the statement asserts in one clause and denies in another. */
  mixedPolarity: ReadonlySet<string>;
  /** The problem the statement's section last named on its own ("Hypertension."), which "this" may refer to. */
  topic?: string;
}

export const SIDE_WORDS =
  /^(?:høyre|venstre|bilateral|bilateralt|dobbeltsidig|side|sider|siden|right|left|bilaterally|sides|sided)$/;
export const FINDING_WORDS = /^(?:neg|negativ|negative|pos|positiv|positive)$/;
const WEAK_WORDS: Record<Language, readonly string[]> = {
  nb: [
    'normal',
    'smerte',
    'lett',
    'god',
    'vanlig',
    'tidligere',
    'fortsatt',
    'kontakt',
    'info',
    'pasient',
    'undersøkelse',
    'behandling',
    'øke',
    'redusere',
    'start',
    'forverring',
    'bedring',
    'cirka',
    'grunn',
    'mistanke',
    'sannsynlig',
    'mulig',
    'kjent',
    'akutt',
    'ved',
    'økt',
    'nå',
    'mest',
    'plager',
    'bruker',
    'tar',
    'får',
    'fikk',
    'fått',
    'opplyser',
    'forteller',
    'merket',
    'merker',
    'sikker',
    'klar',
    'tegn',
    'holdepunkt',
    'forklart',
    'drøftet',
  ],
  en: [
    'normal',
    'pain',
    'patient',
    'history',
    'review',
    'treatment',
    'continue',
    'start',
    'increase',
    'decrease',
    'advise',
    'worse',
    'better',
    'followup',
    'reports',
    'states',
    'notes',
    'some',
    'mild',
    'significant',
    'past',
    'medical',
    'present',
    'noted',
    'takes',
    'uses',
    'has',
    'had',
    'signs',
    'evidence',
    'discussed',
    'explained',
    'additionally',
    'also',
    'provides',
    'provided',
    'due',
    'presence',
    'presences',
    'regarding',
    'currently',
    'seem',
    'symptom',
    'issue',
    'area',
    'findings',
    'experiencing',
    'able',
  ],
};
const weakStems = new Map<Language, ReadonlySet<string>>();
function weakSet(language: Language): ReadonlySet<string> {
  let set = weakStems.get(language);
  if (!set) {
    set = new Set(WEAK_WORDS[language].map((word) => stemWord(word, language)));
    weakStems.set(language, set);
  }
  return set;
}

export function isWeak(token: AnalysedToken, language: Language): boolean {
  const set = weakSet(language);
  return set.has(token.canonical) || set.has(token.stem);
}

export function splitClauses(text: string): string[] {
  // Split at ", " (not the decimal comma), ";", and dashes or plus signs between words. A label and its
  // finding stay together ("TH h.: rød og bulende"), as does a short parenthesis ("T 38,2 (v. øre)").
  const pieces = text.split(/,\s+|;\s*|\s+[–—-]\s+|\s+\+\s+|\s+\/\s+/u);
  return pieces.map((piece) => piece.trim()).filter((piece) => /[\p{L}\p{N}]/u.test(piece));
}
const kinWordPatterns = new WeakMap<CompiledLexicon, RegExp>();

export function isKin(token: AnalysedToken, compiled: CompiledLexicon): boolean {
  let pattern = kinWordPatterns.get(compiled);
  if (!pattern) {
    pattern = new RegExp(`^(?:${compiled.lexicon.kinTerms})$`, 'iu');
    kinWordPatterns.set(compiled, pattern);
  }
  return pattern.test(token.surface);
}

export const INFLECTION = /^(?:e|en|et|ene|a|er|r|n|s|es|ens|ane|ne|ns)?$/;
/** A body-site word with at most an inflection ("leggen", "knee"), not a compound ("brystsmerter"). */
export function isBodySite(token: AnalysedToken, compiled: CompiledLexicon): boolean {
  return compiled.bodySites.some(
    (site) => token.surface.startsWith(site) && INFLECTION.test(token.surface.slice(site.length)),
  );
}
/** Words of time expressions: checked by the time check, not content for alignment ("i fjor", "yesterday"). */
const TIME_WORDS = /^(?:går|forgårs|fjor|forfjor|morges|idag|igår|yesterday|today|tonight|tomorrow|ago)$/;

export function isContent(token: AnalysedToken): boolean {
  if (token.punctuation || token.stopword || token.negation || token.postNegation) return false;
  if (SIDE_WORDS.test(token.surface) || TIME_WORDS.test(token.surface) || /^\d/.test(token.surface))
    return false;
  return token.surface.length > 1;
}
/** A negation after its words ("Feber: nei", "Nitritt neg."): "no"/"ingen" only at the end of a clause. */
function isTrailingNegation(tokens: readonly AnalysedToken[], position: number): boolean {
  const token = tokens[position];
  if (!token?.postNegation) return false;
  if (!token.negation) return true;
  const next = tokens[position + 1];
  return next === undefined || next.punctuation !== undefined;
}
/** Predicates of existence or finding: negated, they deny their subject ("… is not present", "ikke påvist"). */
export const EXISTENCE_PREDICATE =
  /^(?:present|seen|heard|noted|appreciated|observed|found|identified|detected|visualized|visualised|elicited|evident|visible|tilstede|sett|funnet|påvist|påvises|synlig|palpabel|palpable)$/;
/** Participles of doing or giving: the subject of their passive is what is done ("an x-ray was ordered"). */
const PERFORMED_PREDICATE =
  /^(?:ordered|performed|done|obtained|prescribed|given|started|initiated|scheduled|placed|sent|drawn|administered|made|arranged|requested|recommended|indicated|needed|required|warranted|necessary)$/;
/** Auxiliaries before the negation of a passive ("was not", "has not been", "will not be"). */
const PASSIVE_AUXILIARY = /^(?:is|are|was|were|has|have|had|will|would|be|been)$/;
/** Subject pronouns and finite auxiliaries: where they stand, a new clause begins (not another item of a list). */
const CLAUSE_WORDS: Record<Language, RegExp> = {
  en: /^(?:he|she|it|they|i|we|you|is|are|was|were|has|have|had|does|did|do|will|would|can|could|should|may|might|am)$/,
  nb: /^(?:han|hun|de|jeg|vi|du|er|var|har|hadde|blir|ble|kan|skal|vil|må|får|fikk)$/,
};
/** What separates the items of a spoken English list: a comma, "or", "and", "nor". */
const LIST_SEPARATOR = /^(?:or|and|nor)$/;
/** A pronoun that points at something named elsewhere ("that", "this"). */
const DEMONSTRATIVE = /^(?:that|this|those|these)$/;
/** A determiner that opens a noun phrase naming a thing again ("that chest pounding", "the murmur"). */
const RENAMING_DETERMINER = /^(?:that|this|those|these|the|your|his|her|my)$/;
/**
 * True when the comma at the position stands between a demonstrative pronoun and a noun phrase that names it again
 * ("about that , that chest pounding", "about this , the murmur"): an appositive, not two items of a list.
 */
function appositiveAfter(tokens: readonly AnalysedToken[], comma: number): boolean {
  return (
    DEMONSTRATIVE.test(tokens[comma - 1]?.surface ?? '') &&
    RENAMING_DETERMINER.test(tokens[comma + 1]?.surface ?? '') &&
    tokens[comma + 2]?.punctuation === undefined
  );
}
/**
 * True when the word is an item of a comma list that a negation opens ("you've not had any recent weight loss or gain ,
 * headaches , bone pain , urinary symptoms , or blood in the stools"): each item short and with no clause of its own,
 * the negation reaches every item, however long the list.
 */
function inNegatedCommaList(tokens: readonly AnalysedToken[], position: number, language: Language): boolean {
  if (language !== 'en') return false;
  // The word's own item has no verb after it either ("…, and , thankfully , my children are all healthy").
  for (let ahead = position + 1; ahead < tokens.length; ahead += 1) {
    const token = tokens[ahead];
    if (!token || token.punctuation !== undefined || LIST_SEPARATOR.test(token.surface)) break;
    if (CLAUSE_WORDS[language].test(token.surface) || token.scopeBreaker) return false;
  }
  let words = 0;
  let commas = 0;
  for (let back = position - 1; back >= 0 && back >= position - 40; back -= 1) {
    const token = tokens[back];
    if (!token || token.scopeBreaker) return false;
    // "not too worried about that , that chest pounding": a demonstrative before the comma and a determiner opening
    // the word's item make an appositive that names what the pronoun stood for, not another item of a list.
    if (commas === 0 && token.punctuation === ',' && appositiveAfter(tokens, back)) return false;
    // "and ," opens a clause of its own, not another item.
    if (LIST_SEPARATOR.test(token.surface) && tokens[back + 1]?.punctuation === ',') return false;
    if (token.punctuation === ',' || LIST_SEPARATOR.test(token.surface)) {
      if (token.punctuation === ',') commas += 1;
      words = 0;
      continue;
    }
    if (token.punctuation !== undefined) return false;
    if (token.negation) return commas > 0 && token.surface !== 'no' && token.surface !== 'nei';
    // The verb of the negation itself ("not had any …", "don't have any …") is no clause of an item.
    if (CLAUSE_WORDS[language].test(token.surface))
      return commas > 0 && [tokens[back - 1], tokens[back - 2]].some((before) => before?.negation === true);
    if (!token.stopword) words += 1;
    if (words > 3) return false;
  }
  return false;
}
/** True when a clause with its own subject or verb starts at `start` (within two words: "and simply braces"). */
function opensClause(tokens: readonly AnalysedToken[], start: number, language: Language): boolean {
  for (let position = start; position < tokens.length && position <= start + 1; position += 1) {
    const token = tokens[position];
    if (!token || token.punctuation !== undefined) return false;
    if (CLAUSE_WORDS[language].test(token.surface)) return true;
    // "and simply braces herself": an adverb and a verb in -s or -ed.
    if (
      position === start + 1 &&
      /^\p{L}+(?:s|ed)$/u.test(token.surface) &&
      /ly$/.test(tokens[start]?.surface ?? '')
    )
      return true;
  }
  return false;
}
/** True when a clause has its own finite verb or subject ("they are present via Doppler"): not an item of a list. */
export function hasOwnVerb(tokens: readonly AnalysedToken[], language: Language): boolean {
  return tokens.some((token) => CLAUSE_WORDS[language].test(token.surface));
}
/**
 * True when "and" at the position joins a verb in the past tense to a negated "able to" and its verb ("was not able to
 * bear weight and required help getting inside"): "able to" takes the bare verb, so a verb in -ed after "and" is a
 * predicate of its own, which the negation of the ability does not reach.
 */
function pastAfterAbility(tokens: readonly AnalysedToken[], position: number, language: Language): boolean {
  if (language !== 'en' || !/^\p{L}{3,}ed$/u.test(tokens[position + 1]?.surface ?? '')) return false;
  for (let back = position - 1; back >= 1; back -= 1) {
    const token = tokens[back];
    if (!token || token.punctuation !== undefined || token.negation) return false;
    if (token.surface === 'to' && tokens[back - 1]?.surface === 'able')
      return tokens[back - 2]?.negation === true;
  }
  return false;
}
/** Participles whose "with" or "on" takes their object ("not provided with a strainer", "not diagnosed with …"). */
const COMPLEMENT_VERB =
  /^(?:provided|given|treated|diagnosed|started|prescribed|supplied|issued|fitted|equipped|associated|accompanied)$/;
/** Words of a causal link ("related to", "due to", "caused by"): negated, they deny the link only. */
export const RELATION_WORD = /^(?:related|due|secondary|attributable|caused|attributed)$/;
export function negatedTokens(
  tokens: readonly AnalysedToken[],
  inherited: boolean,
  list: boolean,
  language: Language,
): Set<AnalysedToken> {
  const negated = new Set<AnalysedToken>();
  let active = inherited;
  let remaining = Number.POSITIVE_INFINITY;
  tokens.forEach((token, position) => {
    if (token.negation) {
      // "An ulnar styloid fracture is not present", "Ingen tegn … ikke påvist": a negated existence predicate
      // denies the subject before it; so does a passive of doing ("A referral to urology was not ordered", "Labs have
      // not been drawn"): the thing was not done.
      const predicate = (pattern: RegExp): boolean =>
        pattern.test(tokens[position + 1]?.surface ?? '') ||
        (tokens[position + 1]?.stopword === true && pattern.test(tokens[position + 2]?.surface ?? ''));
      if (
        predicate(EXISTENCE_PREDICATE) ||
        (PASSIVE_AUXILIARY.test(tokens[position - 1]?.surface ?? '') && predicate(PERFORMED_PREDICATE))
      ) {
        for (let back = position - 1; back >= 0; back -= 1) {
          const previous = tokens[back];
          if (!previous || previous.punctuation || previous.scopeBreaker) break;
          if (isContent(previous)) negated.add(previous);
        }
      }
      active = true;
      // "uten" / "without" negates only the word or two after it ("Migrene uten aura med …"), "manglende" its noun.
      remaining = /^(?:uten|without)$/.test(token.surface)
        ? 2
        : token.surface === 'manglende'
          ? 1
          : Number.POSITIVE_INFINITY;
      // Verb-second: "Bruker ikke levotyroksin", "Røyker ikke": the verb before "ikke" is negated too.
      const previous = tokens[position - 1];
      if (
        token.surface === 'ikke' &&
        previous &&
        isContent(previous) &&
        tokens.slice(0, position - 1).every((before) => !isContent(before))
      )
        negated.add(previous);
    } else if (
      (token.scopeBreaker && !(active && COMPLEMENT_VERB.test(tokens[position - 1]?.surface ?? ''))) ||
      token.punctuation === '(' ||
      token.punctuation === ')'
    )
      active = false;

    // An inherited list negation ends at the list's predicate ("…, gallops or rubs heard during auscultation").
    else if (inherited && EXISTENCE_PREDICATE.test(token.surface)) active = false;

    // "Ikke feber og i vanlig form": without a list word ("eller"), "og" ends the negation; so does "and" before a new
    // clause ("has not taken medication and simply braces herself", "and she is …").
    else if (
      /^(?:og|and)$/.test(token.surface) &&
      negated.size > 0 &&
      (!list || opensClause(tokens, position + 1, language) || pastAfterAbility(tokens, position, language))
    )
      active = false;

    // "… a strainer so she can see …", "… because he is …": a clause of purpose or reason has its own polarity.
    else if (
      /^(?:so|because|fordi)$/.test(token.surface) &&
      negated.size > 0 &&
      opensClause(tokens, position + 1, language)
    )
      active = false;

    // "Not related to his previous discectomy", "not due to the fall": the link is denied, not what it links to.
    else if (
      active &&
      RELATION_WORD.test(token.surface) &&
      /^(?:to|by)$/.test(tokens[position + 1]?.surface ?? '')
    ) {
      negated.add(token);
      active = false;
    } else if (active && isContent(token)) {
      negated.add(token);
      remaining -= 1;
      if (remaining <= 0) active = false;
    }
    if (token.postNegation && isTrailingNegation(tokens, position)) {
      // "Alcohol use: none", "Feber: nei": a negation that is the whole finding after a label denies the label.
      const labelOnly = tokens[position - 1]?.punctuation === ':';
      for (
        let back = position - (labelOnly ? 2 : 1);
        back >= 0 && back >= position - (labelOnly ? 5 : 4);
        back -= 1
      ) {
        const previous = tokens[back];
        if (!previous || previous.punctuation || previous.scopeBreaker) break;
        if (isContent(previous)) negated.add(previous);
      }
    }
  });
  return negated;
}
// Verbs of finding and words of evidence between a negation and its word ("ingenting som tyder på lungebetennelse",
// "no evidence of fracture").

export const PERCEPTION =
  /^(?:appreciate|see|hear|feel|notice|find|detect|palpate|evidence|sign|signs|suggest|suggests|suggesting|indicate|indicates|kjenner|hører|ser|finner|merker|merket|sett|hørt|funnet|tyder|tegn|holdepunkt|holdepunkter|mistanke|call|called|kalles|kaller)$/;
const QUESTION_AUXILIARY: Record<Language, RegExp> = {
  en: /^(?:do|does|did|have|has|had|are|were|is|was|can|could|any)$/,
  nb: /^(?:har|hadde|er|var|kjenner|merker|bruker|tar|får|fikk|kan|blir|ble)$/,
};
const QUESTION_PRONOUN: Record<Language, RegExp> = {
  en: /^(?:you|he|she|they|there|your)$/,
  nb: /^(?:du|han|hun|dere|det)$/,
};
const FIRST_PERSON_WORD = /^(?:i|i've|i'm|i'd|me|my|jeg|meg|min|mitt|mine)$/;
// Not "så"/"nå": a fronted adverb inverts a Norwegian statement too ("og så fikk han en blemme", "nå har du feber").
const QUESTION_BOUNDARY = /^(?:okay|ok|okei|og|eller|um|uh|eh|ehm|øh)$/;
/**
 * True when the word follows an inverted question opening within a few words ("do you have any …", "have you had
 * like any body aches", "… og har du hatt feber"): the auxiliary must open the sentence or follow a filler, so
 * that "nå har du feber" (a statement) does not count.
 */
function embeddedQuestionBefore(
  tokens: readonly AnalysedToken[],
  position: number,
  language: Language,
): boolean {
  for (let back = position - 1; back >= 1 && back >= position - 12; back -= 1) {
    const token = tokens[back];
    if (!token || (token.punctuation !== undefined && token.punctuation !== ',')) return false;
    // "… what have you taken for the pain i have taken some tylenol": the answer follows, in the first person.
    if (FIRST_PERSON_WORD.test(token.surface)) return false;
    if (!QUESTION_PRONOUN[language].test(token.surface)) continue;
    const auxiliary = tokens[back - 1];
    if (!auxiliary || !QUESTION_AUXILIARY[language].test(auxiliary.surface)) continue;
    // English inverts only in questions ("… symptoms have you had any body aches"); in Norwegian only where it opens a
    // sentence or follows a filler: "nå har du feber" is a statement.
    const before = tokens[back - 2];
    if (
      language === 'en' ||
      !before ||
      before.punctuation !== undefined ||
      QUESTION_BOUNDARY.test(before.surface)
    )
      return true;
  }
  return false;
}
/**
 * The examiner's question of what the hand just did ("when i press here does that hurt", "does it hurt"): a
 * do-auxiliary and a pronoun of the thing, asked of the sensation, not of the patient.
 */
const EXAM_QUESTION_PRONOUN = /^(?:it|that|this)$/;
/**
 * True when an English question with words of its own opens after the word ("… any chest pain you're still walking
 * are you exercising", "… heart rate is fine so when i press here does that hurt"): an inverted auxiliary and
 * pronoun, then a content word. A tag ("…, have you?") has none.
 */
/**
 * Where the English question that asks the word opens: a remark run in before it ("it's pretty bad i ca n't find a
 * comfortable position okay and do you notice any pain when you pee") is no part of it, so from the last inverted
 * auxiliary and pronoun before the word on, only the question's own words count (0 where none opens before).
 */
function questionOpeningBefore(unit: TranscriptUnit, position: number, language: Language): number {
  if (language !== 'en') return 0;
  for (let back = Math.min(position, unit.tokens.length - 2); back > 0; back -= 1) {
    const auxiliary = unit.tokens[back]?.surface ?? '';
    if (
      auxiliary !== 'any' &&
      QUESTION_AUXILIARY.en.test(auxiliary) &&
      QUESTION_PRONOUN.en.test(unit.tokens[back + 1]?.surface ?? '') &&
      !unit.tokens[back - 1]?.negation
    )
      return back;
  }
  return 0;
}
/** Whether the question that asks the word is put with a negation ("Ingen blodfortynnende?", "no pain with it?"). */
function questionNegatedAt(unit: TranscriptUnit, position: number, language: Language): boolean {
  return unit.tokens
    .slice(questionOpeningBefore(unit, position, language))
    .some((token) => token.negation && token.surface !== 'nei' && token.surface !== 'no');
}
export function questionOpensAfter(tokens: readonly AnalysedToken[], position: number): boolean {
  for (let ahead = position + 1; ahead < tokens.length - 2; ahead += 1) {
    const auxiliary = tokens[ahead]?.surface ?? '';
    const pronoun = tokens[ahead + 1]?.surface ?? '';
    if (
      QUESTION_AUXILIARY.en.test(auxiliary) &&
      (QUESTION_PRONOUN.en.test(pronoun) ||
        (/^(?:do|does|did)$/.test(auxiliary) && EXAM_QUESTION_PRONOUN.test(pronoun))) &&
      tokens
        .slice(ahead + 2)
        .some((token) => !token.stopword && token.punctuation === undefined && !token.negation)
    )
      return true;
  }
  return false;
}
/** What a question of how something is now asks after ("is that okay", "is it better", "how is that doing"). */
const STATUS_WORD = /^(?:okay|ok|alright|better|good|fine|doing|going|holding)$/;
/**
 * True when a short question of how a thing is now follows the word after a comma ("i know that we had an issue with
 * your right rotator cuff , is that okay ?"): it asks about the present state of what the remark names, not whether the
 * remark holds, so the remark's words are said. Not a question of confirmation ("…, is that right?").
 */
export function statusQuestionAfter(tokens: readonly AnalysedToken[], position: number): boolean {
  for (let ahead = position + 1; ahead < tokens.length - 2; ahead += 1) {
    if (tokens[ahead]?.punctuation !== ',') continue;
    const words = tokens.slice(ahead + 1).filter((token) => token.punctuation === undefined);
    return (
      words.length === 3 &&
      /^(?:is|are|was|has)$/.test(words[0]?.surface ?? '') &&
      /^(?:that|it|this|they)$/.test(words[1]?.surface ?? '') &&
      STATUS_WORD.test(words[2]?.surface ?? '')
    );
  }
  return false;
}
/**
 * True when the words before a position are a remark, not a question: a subject pronoun and a verb, and no question
 * opening ("any", a question word, an inverted auxiliary).
 */
export function remarkBefore(tokens: readonly AnalysedToken[], position: number): boolean {
  const before = tokens.slice(0, position);
  return (
    !asksBefore(tokens, position) &&
    before.some(
      (token, at) =>
        (/^(?:i|we|it|that|this)$/.test(token.surface) &&
          /^(?:can|could|would|will|is|was|think|see|know|'s|am)$/.test(before[at + 1]?.surface ?? '')) ||
        // An existential in statement order ("there is some swelling when i press here does it hurt").
        (token.surface === 'there' && /^(?:is|are|was|were|'s)$/.test(before[at + 1]?.surface ?? '')),
    )
  );
}
/**
 * A follow-up question that moves what was just found to another time or place ("pain to palpation of the
 * epigastric area how about now", "what about here"): the answer is about the new time or place.
 */
const FOLLOW_UP_PLACE = /^(?:now|here|there|this|that|today)$/;
export function followUpAfter(tokens: readonly AnalysedToken[], position: number): boolean {
  return tokens.some(
    (token, at) =>
      at > position &&
      /^(?:how|what)$/.test(token.surface) &&
      tokens[at + 1]?.surface === 'about' &&
      FOLLOW_UP_PLACE.test(tokens[at + 2]?.surface ?? '') &&
      tokens.slice(at + 3).every((after) => after.punctuation !== undefined),
  );
}
/**
 * True when the words before a position ask something: a question mark, "any", a question word opening the turn or
 * an inverted auxiliary ("have you", "is there").
 */
export function asksBefore(tokens: readonly AnalysedToken[], position: number): boolean {
  const before = tokens.slice(0, position);
  return before.some(
    (token, at) =>
      token.punctuation === '?' ||
      token.surface === 'any' ||
      // A question word opening the turn ("how are you … have you …"), not a clause inside ("i can see how …").
      (/^(?:how|what|when|where|which|why|who)$/.test(token.surface) &&
        (at === 0 || /^(?:and|so|okay|ok|alright|now|well)$/.test(before[at - 1]?.surface ?? ''))) ||
      (QUESTION_AUXILIARY.en.test(token.surface) && QUESTION_PRONOUN.en.test(before[at + 1]?.surface ?? '')),
  );
}
/** Hesitations and fillers that do not end a negation's reach ("no , uh , fracture"). */
export const FILLER_WORD = /^(?:uh|um|eh|ehm|er|hm|hmm|mm|øh|eh|like)$/;
/** "any" within three words before, with no clause boundary between: a polarity item of questions and conditions. */
function anyBefore(tokens: readonly AnalysedToken[], position: number): boolean {
  for (let back = position - 1; back >= 0 && back >= position - 3; back -= 1) {
    const token = tokens[back];
    if (!token || token.punctuation !== undefined) return false;
    if (token.surface === 'any') return true;
  }
  return false;
}
/** Words of loss or limitation: negated, they leave what follows intact ("no decreased range of motion"). */
const DIMINISHED =
  /^(?:decreased|reduced|limited|restricted|diminished|impaired|nedsatt|redusert|begrenset|svekket)$/;
const COPULA = /^(?:er|var|blir|ble|vært|være|bli)$/;
/** A Norwegian copula a few words before the word in the same phrase ("er frisk", "var det litt hovent"). */
function afterCopula(tokens: readonly AnalysedToken[], position: number): boolean {
  for (let back = position - 1; back >= 0 && back >= position - 5; back -= 1) {
    const token = tokens[back];
    if (!token || token.punctuation !== undefined || token.negation) return false;
    if (COPULA.test(token.surface)) return true;
  }
  return false;
}
/** A word that opens a condition: what follows it is supposed, what stands well before it may be said as fact. */
const CONDITION_WORD_CUE = /^(?:if|unless|hvis|dersom)$/;
const suppositions = new WeakMap<TranscriptUnit, readonly [number, number]>();
/** What a thing may cause ("singulair can cause anxiety", "side effects", "a risk of bleeding"). */
const SIDE_EFFECT_CUE = /^(?:can|may|could) cause$|^side effects?$|^risk of$/;
/**
 * Where a unit's only supposition is a side effect: at its cue ("dr. ward did put me on singulair, and she did say we
 * need to be careful because singulair can cause anxiety"); what was said well before it is a fact. 0 when another
 * cue of supposition comes first or there is no such cue.
 */
function sideEffectCueAt(
  words: readonly AnalysedToken[],
  compiled: CompiledLexicon,
  surfaces: (from: number, to?: number) => string,
): number {
  const cue = words.findIndex(
    (token, position) =>
      position > 0 && SIDE_EFFECT_CUE.test(`${token.surface} ${words[position + 1]?.surface ?? ''}`),
  );
  return cue > 0 && !compiled.hypotheticalCues.test(surfaces(0, cue)) ? cue : 0;
}
/**
 * A condition focused by "especially" or "particularly" ("a sharp stabbing pain especially if i move it") narrows the
 * clause before it: it is no main clause of its own, so a subject pronoun and its verb after it ("… too much time
 * walking i find myself walking on my heel") open the next sentence, which speech recognition leaves unpunctuated.
 */
const FOCUSED_CONDITION = /^(?:especially|particularly)$/;
/** Words before a subject pronoun that keep it inside the condition ("if i move it or if i spend …", "so that i"). */
const SUBORDINATE_BEFORE =
  /^(?:if|or|and|when|that|because|cause|as|whether|unless|until|before|after|while|than|where)$/;
/** The position of a subject pronoun after the condition's own subject, or -1. */
function nextSentenceAfter(words: readonly AnalysedToken[], condition: number): number {
  return words.findIndex(
    (token, position) =>
      position > condition + 2 &&
      /^(?:i|he|she|we|they)$/.test(token.surface) &&
      !SUBORDINATE_BEFORE.test(words[position - 1]?.surface ?? ''),
  );
}
/**
 * Where a hypothetical unit's supposition lies: from its first condition word when nothing before it is hypothetical
 * ("no murmurs or gallops … take a deep breath if you can"), else from its start (a cue of advice or side effects, or
 * the words before a window of a long turn); a concession ends where its main clause begins ("even if i'm just
 * walking , i find myself …").
 */
function suppositionOf(unit: TranscriptUnit, compiled: CompiledLexicon): readonly [number, number] {
  let range = suppositions.get(unit);
  if (range === undefined) {
    const words = unit.tokens;
    const surfaces = (from: number, to?: number): string =>
      words
        .slice(from, to)
        .map((token) => token.surface)
        .join(' ');
    const condition = words.findIndex((token) => CONDITION_WORD_CUE.test(token.surface));
    const ownCue = compiled.hypotheticalCues.test(foldText(unit.text));
    let start = 0;
    let end = Number.POSITIVE_INFINITY;
    if (condition > 0 && ownCue && !compiled.hypotheticalCues.test(surfaces(0, condition))) start = condition;
    else if (condition < 0 && ownCue) start = sideEffectCueAt(words, compiled, surfaces);
    if (start > 0 && words[condition - 1]?.surface === 'even') {
      const main = words.findIndex(
        (token, position) =>
          position > condition + 1 &&
          words[position - 1]?.punctuation === ',' &&
          /^(?:i|he|she|we|they)$/.test(token.surface),
      );
      if (main > 0 && !compiled.hypotheticalCues.test(surfaces(main))) end = main;
    }
    if (start > 0 && FOCUSED_CONDITION.test(words[condition - 1]?.surface ?? '')) {
      const next = nextSentenceAfter(words, condition);
      if (next > 0 && !compiled.hypotheticalCues.test(surfaces(next))) end = next;
    }
    range = [start, end];
    suppositions.set(unit, range);
  }
  return range;
}
/** True when the word at a unit position is supposed: in a hypothetical unit, not well before its condition. */
export function hypotheticalAt(
  unit: TranscriptUnit,
  unitPosition: number,
  compiled: CompiledLexicon,
): boolean {
  if (!unit.hypothetical) return false;
  const [start, end] = suppositionOf(unit, compiled);
  return unitPosition > start - 5 && unitPosition < end;
}
/**
 * Verbs of belief that raise a negation out of the clause they govern. (Not "feel": "it doesn't feel a regular …",
 * "so i don't feel the side effects" perceive.)
 */
const BELIEF_VERB = /^(?:think|believe|suppose)$/;
/** What follows a verb of belief that is not a clause it governs ("think about it", "think of", "think so"). */
const NOT_A_COMPLEMENT = /^(?:about|of|so|much|twice|back)$/;
/** Words that end the clause a belief governs, or open another ("i don't think so but …"). */
const BELIEF_CLAUSE_END = /^(?:so|but|and|because|cause|although|though|think|believe|if|when)$/;
/**
 * True when the words between a negation and a word are a negated verb of belief and the start of the one clause it
 * governs: "I don't think (that) X" denies X (negation raising), however far X's words stand from the "not" ("i do
 * n't think that this is a sign of a stroke" denies the stroke). The governed clause may open with its own subject
 * and verb ("this is", "we need"); another clause after them ("… i think it's more related to …") is out of reach.
 */
export function negatedBelief(gap: readonly AnalysedToken[]): boolean {
  let at = 0;
  while (FILLER_WORD.test(gap[at]?.surface ?? '')) at += 1;
  if (!BELIEF_VERB.test(gap[at]?.surface ?? '')) return false;
  at += 1;
  if (NOT_A_COMPLEMENT.test(gap[at]?.surface ?? '')) return false;
  if (gap[at]?.surface === 'that') at += 1;
  const clause = gap.slice(at);
  if (clause.length === 0 || clause.length > 9) return false;
  // The governed clause's own subject and verb come first; a subject or verb after its first meaning word opens
  // another clause.
  const firstContent = clause.findIndex((token) => isContent(token) && !CLAUSE_WORDS.en.test(token.surface));
  return !clause.some(
    (token, offset) =>
      token.scopeBreaker ||
      (token.punctuation !== undefined && token.punctuation !== ',') ||
      BELIEF_CLAUSE_END.test(token.surface) ||
      (firstContent >= 0 && offset > firstContent && CLAUSE_WORDS.en.test(token.surface)) ||
      token.negation,
  );
}
/** Verbs whose clause stays true under a negation ("i didn't know it was broken": it was). */
const FACTIVE_VERB = /^(?:know|knew|realize|realise|realized|realised)$/;
/** A subject that opens a clause of its own after the verb ("… know they told me …", "… know it was …"). */
const OWN_SUBJECT = /^(?:he|she|it|they|i|we|you|that)$/;
/** Verbs that report what others said ("they told me", "the doctor said"). */
const REPORTING_VERB = /^(?:told|said|say|says|tell|tells|mentioned)$/;
/**
 * True when the words after a negation are a factive verb and the clause it takes, said as so: a past not-knowing
 * ("i did n't know | it was broken", "never realized | i had it") presupposes the clause, and a present one followed
 * by what others said reports that ("i do n't know | they told me they reconstructed the whole thing"). A present
 * "don't know (that) it's helping" doubts the clause, and "don't know if …" asks it: neither is said as so.
 */
function factiveClauseAfter(
  negation: AnalysedToken,
  before: AnalysedToken | undefined,
  gap: readonly AnalysedToken[],
): boolean {
  let at = 0;
  while (FILLER_WORD.test(gap[at]?.surface ?? '')) at += 1;
  const verb = gap[at]?.surface ?? '';
  if (!FACTIVE_VERB.test(verb)) return false;
  const next = gap[at + 1];
  if (next === undefined || next.punctuation !== undefined || !OWN_SUBJECT.test(next.surface)) return false;
  const past =
    /^(?:knew|realized|realised)$/.test(verb) ||
    negation.surface === "didn't" ||
    negation.surface === 'never' ||
    before?.surface === 'did';
  return past || (next.surface !== 'that' && REPORTING_VERB.test(gap[at + 2]?.surface ?? ''));
}
/** True when the word stands in the clause a negated verb of belief governs, up to a dozen words after the "not". */
function negatedBeliefBefore(tokens: readonly AnalysedToken[], position: number): boolean {
  for (let back = position - 1; back >= 0 && back >= position - 13; back -= 1) {
    const token = tokens[back];
    if (!token || token.scopeBreaker || (token.punctuation !== undefined && token.punctuation !== ','))
      return false;
    if (token.negation) return negatedBelief(tokens.slice(back + 1, position));
  }
  return false;
}
/**
 * Verbs a negation passes through to what follows ("I don't think you need a diuretic", "you don't seem to have any
 * swelling"): negation raising.
 */
const NEGATION_RAISING = /^(?:think|believe|need|seem|seems|appear|appears)$/;
/**
 * The questions that close a doctor's explanation ("do you have any questions for me", "does that make sense"): they
 * ask whether the patient understood or wants to ask, not about anything said before them.
 */
const CLOSING_QUESTION =
  /(?<![\p{L}])(?:any (?:other |more |further )?questions?(?: or concerns?)?(?: for me)?|does (?:that|this|it) (?:make sense|sound (?:good|okay|ok|alright)))\s*[?.]?\s*$/u;
/** True when an English question closes on a closing question ("… so do you have any questions for me") after the word. */
export function closingQuestionAfter(
  tokens: readonly AnalysedToken[],
  position: number,
  language: Language,
): boolean {
  if (language !== 'en') return false;
  const after = tokens
    .slice(position + 1)
    .map((token) => token.surface)
    .join(' ');
  const closing = CLOSING_QUESTION.exec(after);
  // The word must be said before the closing question opens, with some words of its own between.
  return closing !== null && closing.index > 0;
}
/** A statement with a tag ("…, okay?", "…, right?"): it asserts; the tag asks for agreement. */
export function tagQuestion(unit: TranscriptUnit): boolean {
  const words = unit.tokens.filter((token) => token.punctuation === undefined || token.punctuation === ',');
  const last = words[words.length - 1];
  return (
    words.length > 4 &&
    words[words.length - 2]?.punctuation === ',' &&
    /^(?:okay|ok|right|alright|correct)$/.test(last?.surface ?? '')
  );
}
/**
 * True when the words between a determiner "no" and a word hold a noun followed by "some" ("no fever some chills"):
 * "some" opens a second noun phrase, said without the negation.
 */
function positiveDeterminerOpens(gap: readonly AnalysedToken[]): boolean {
  return gap.some(
    (token, at) => token.surface === 'some' && at > 0 && gap.slice(0, at).some((before) => isContent(before)),
  );
}
/**
 * "How has your health been, any weight changes, headaches?": the answer is about the items after "any", not the
 * words before it. (Unpunctuated speech: after a filler, "so epigastric pain alright any blood in your stool".) Not
 * after "or": "… anything like numbness or tingling or any strange sensation?" goes on with one list of alternatives,
 * whose items before "or any" are asked as much as the one after it.
 */
export function beforeAskedItems(unit: TranscriptUnit, unitPosition: number): boolean {
  const word = unit.tokens[unitPosition];
  const anyAt = unit.tokens.findIndex(
    (token, position) =>
      /^(?:any|noen)$/.test(token.surface) &&
      /^(?:,|\.|and|og|alright|okay|ok|um|uh)$/.test(unit.tokens[position - 1]?.surface ?? ''),
  );
  return (
    anyAt > 0 &&
    unitPosition < anyAt &&
    unit.tokens.slice(0, anyAt).some((token) => !token.stopword && !token.punctuation && token !== word) &&
    unit.tokens.slice(anyAt + 1).some((token) => !token.stopword && !token.punctuation)
  );
}
/** True when two spoken words are one word said twice, or a word and the speaker's repair of it ("abnormalaries ... abnormalities"). */
function sameSpokenWord(first: AnalysedToken, second: AnalysedToken): boolean {
  if (first.punctuation !== undefined || second.punctuation !== undefined) return false;
  if (first.canonical === second.canonical) return true;
  return (
    first.surface.length >= 5 &&
    second.surface.length >= 5 &&
    first.surface.slice(0, 5) === second.surface.slice(0, 5)
  );
}
/** What a speaker leaves between a word and its repetition: a comma, a trailing-off "...", a hesitation. */
function repairGap(tokens: readonly AnalysedToken[], position: number): boolean {
  const token = tokens[position];
  if (!token) return false;
  if (token.punctuation === ',' || token.punctuation === '…' || FILLER_WORD.test(token.surface)) return true;
  // A "..." is tokenised as full stops in a row.
  return (
    token.punctuation === '.' &&
    (tokens[position - 1]?.punctuation === '.' || tokens[position + 1]?.punctuation === '.')
  );
}
/**
 * Spoken repair: a word (or a phrase of up to three words) said again straight after itself, with at most a comma,
 * a "..." or a hesitation between ("no swelling or bruise , bruising in the palm", "with no significant abnormalaries
 * ... abnormalities", "not on plantar flexion plantar flexion"): the repetition is the same mention, so it keeps the
 * first saying's polarity. Returns the first saying's position in the tokens, if the word repeats one.
 */
export function repeatedFrom(tokens: readonly AnalysedToken[], position: number): number | undefined {
  const word = tokens[position];
  if (!word || word.punctuation !== undefined || word.stopword || word.negation) return undefined;
  for (let length = 1; length <= 3; length += 1) {
    const start = position - length + 1;
    const phrase = tokens.slice(Math.max(0, start), position + 1);
    if (start < 0 || phrase.some((token) => token.punctuation !== undefined || token.negation))
      return undefined;
    let end = start - 1;
    while (end >= 0 && start - end <= 4 && repairGap(tokens, end)) end -= 1;
    const earlier = tokens.slice(end - length + 1, end + 1);
    if (end - length + 1 >= 0 && earlier.every((token, offset) => sameSpokenWord(token, phrase[offset]!)))
      return end;
  }
  return undefined;
}
/** Words that may open a turn before a courtesy ("okay alright not a problem"). */
const COURTESY_LEAD = /^(?:okay|ok|alright|all|right|sure|yeah|yes|great|oh|well|and|so|uh|um)$/;
/**
 * "Not a problem", "no problem" said as a courtesy at the opening of a turn ("not a problem have you taken any
 * medications", "okay alright not a problem so if you do n't mind …"): it answers thanks or an apology and denies no
 * complaint. Not "no problem with my breathing" or "no problem sleeping", where the problem is about something.
 */
export function courtesyProblem(tokens: readonly AnalysedToken[], position: number): boolean {
  const word = tokens[position];
  if (!word || !/^problems?$/.test(word.surface)) return false;
  let back = position - 1;
  if (tokens[back]?.surface === 'a' && tokens[back - 1]?.surface === 'not') back -= 2;
  else if (tokens[back]?.surface === 'no') back -= 1;
  else return false;
  for (; back >= 0; back -= 1) {
    const token = tokens[back];
    if (!token || !(token.punctuation === ',' || COURTESY_LEAD.test(token.surface))) return false;
  }
  const next = tokens[position + 1]?.surface ?? '';
  return !/^(?:with|in|on|at|when|while|for|of|to|about|\p{L}+ing)$/u.test(next);
}
/**
 * English: a question put with a negation and answered yes ("I have that you're not taking any medications, but that
 * you're allergic to augmentin, is that right?" – "yes, that's correct"): the yes confirms it as it was put, its
 * negated words denied and the others asserted.
 */
export function yesToNegatedQuestion(
  question: TranscriptUnit,
  index: TranscriptIndex,
  position?: number,
): boolean {
  return (
    index.compiled.language === 'en' &&
    question.isQuestion &&
    question.answer === 'positive' &&
    question.confirmedWords === undefined &&
    negatedAsPut(
      position === undefined
        ? question.tokens
        : question.tokens.slice(questionOpeningBefore(question, position, index.compiled.language)),
    )
  );
}
/**
 * English: true when the word is asked by a question of its own that a negated remark leads up to ("so you haven't
 * had any chest pain or shortness of breath, you're still walking around, are you exercising?" – "kind of"): an
 * inverted auxiliary and pronoun open the question after the remark's negation, a few words before the word, with no
 * negation between. The yes answers that question; it does not confirm the remark as put.
 */
export function askedAfterNegatedRemark(tokens: readonly AnalysedToken[], position: number): boolean {
  for (let back = position - 1; back >= 1 && back >= position - 6; back -= 1) {
    const token = tokens[back];
    if (!token || token.negation || (token.punctuation !== undefined && token.punctuation !== ','))
      return false;
    if (
      QUESTION_PRONOUN.en.test(token.surface) &&
      QUESTION_AUXILIARY.en.test(tokens[back - 1]?.surface ?? '') &&
      tokens.slice(0, back - 1).some((before) => before.negation)
    )
      return true;
  }
  return false;
}
/**
 * True when the word follows "why" or "because" in a question of cause ("could that be why my stomach is hurting and
 * i'm having issues with the constipation?", "is it because i'm tired?"): the question asks whether one thing
 * causes another, so its yes or no is about the cause, not about what the words after "why" say happens.
 */
export function askedCauseOf(tokens: readonly AnalysedToken[], position: number): boolean {
  for (let back = position - 1; back >= 1; back -= 1) {
    const token = tokens[back];
    if (!token || (token.punctuation !== undefined && token.punctuation !== ',')) return false;
    if (
      /^(?:why|because)$/.test(token.surface) &&
      /^(?:be|is|was|that's|it's|that|it|this)$/.test(tokens[back - 1]?.surface ?? '')
    )
      return true;
  }
  return false;
}
/**
 * True when the word is in a time clause that opens a question before its inverted verb ("so after the fall and the
 * entanglement with the other player were you able to continue playing"): what the clause names is taken as given,
 * not asked, so the answer neither confirms nor denies it.
 */
export function presupposedBeforeQuestion(tokens: readonly AnalysedToken[], position: number): boolean {
  if (!questionOpensAfter(tokens, position)) return false;
  for (let back = position - 1; back >= 0 && back >= position - 10; back -= 1) {
    const token = tokens[back];
    if (!token || token.punctuation === '.' || token.punctuation === '?') return false;
    if (
      QUESTION_AUXILIARY.en.test(token.surface) &&
      QUESTION_PRONOUN.en.test(tokens[back + 1]?.surface ?? '')
    )
      return false;
    if (/^(?:after|since|following|during)$/.test(token.surface)) return true;
  }
  return false;
}
/** Verbs of having heard or known of something ("did you hear about …", "have you heard of …"). */
const HEARD_OF = /^(?:hear|heard|know|knew|read)$/;
/**
 * True when the word is in what a question asks whether the listener heard or knows of ("did you hear about the new
 * major league soccer stadium", "have you heard of the keto diet"): a yes or no answers the hearing of it; it neither
 * asserts nor denies the thing for the listener. Not across the end of a sentence.
 */
export function askedWhetherHeardOf(tokens: readonly AnalysedToken[], position: number): boolean {
  for (let back = position - 1; back >= 1 && back >= position - 8; back -= 1) {
    const token = tokens[back];
    if (!token || token.punctuation === '.' || token.punctuation === '?') return false;
    if (
      /^(?:about|of)$/.test(token.surface) &&
      HEARD_OF.test(tokens[back - 1]?.surface ?? '') &&
      tokens.slice(Math.max(0, back - 3), back - 1).some((word) => word.surface === 'you')
    )
      return true;
  }
  return false;
}
/** Predicates that say whether a thing is there at all ("not seen", "has not returned", "was not present"). */
const EXISTENCE_OR_FINDING =
  /^(?:seen|found|noted|detected|appreciated|palpated|felt|observed|present|there|returned|recurred|occurred|happened|developed|appeared|started|given|prescribed|done|performed|taken|used|filled|ordered)$/;
/**
 * English: a subject's negated participle or adjective denies that predicate of it, not the subject ("the epiduo was
 * not covered", "the pain has not improved", "the rash is not spreading"); a predicate of being there or being done
 * denies the subject ("swelling was not noted", "the fever has not returned", "the x-ray was not done").
 */
function predicateNegated(predicate: AnalysedToken | undefined): boolean {
  if (!predicate || predicate.punctuation !== undefined || EXISTENCE_OR_FINDING.test(predicate.surface))
    return false;
  return /\p{L}{3,}(?:ed|ful|ive|ing)$/u.test(predicate.surface);
}
/** Polarity of a transcript word at a position: negated, asserted, asked or hypothetical. */
/** A Norwegian test named by a compound ("skuffetest", "urinprøven"), not the bare word "test". */
const NB_NAMED_TEST = /^\p{L}{3,}(?:test|testen|prøve|prøven)$/u;
/** Norwegian finite verbs that make a clause of their own. */
const NB_FINITE_VERB = /^(?:er|var|har|hadde|blir|ble|kjennes|føles|ser|virker)$/;

/**
 * The place a turn's opening word echoes: the same word among the last three words of the turn just before, said by
 * someone else ("… your abdomen is soft with no hepatosplenomegaly" – "hepatosplenomegaly , yes"). A listener who
 * repeats what was just said takes it up as it was said; the echo does not assert it anew.
 */
function echoedPlace(
  unit: TranscriptUnit,
  unitPosition: number,
  index: TranscriptIndex,
): { unit: TranscriptUnit; position: number } | undefined {
  const word = unit.tokens[unitPosition];
  if (!word || word.stopword || word.punctuation !== undefined) return undefined;
  const opening = unit.tokens.slice(0, unitPosition).filter((token) => token.punctuation === undefined);
  if (opening.length > 1) return undefined;
  const first = index.units.find((other) => other.segmentIndex === unit.segmentIndex);
  if (first !== unit) return undefined;
  const previous = index.units.filter((other) => other.segmentIndex === unit.segmentIndex - 1).pop();
  if (!previous || previous.speaker === unit.speaker || previous.isQuestion) return undefined;
  const last = previous.tokens
    .map((token, position) => ({ token, position }))
    .filter(({ token }) => token.punctuation === undefined)
    .slice(-3);
  const said = last.find(({ token }) => token.canonical === word.canonical);
  return said ? { unit: previous, position: said.position } : undefined;
}
/** An English subject that opens a clause of its own: a personal pronoun, or one fused with its verb ("it's"). */
const NEW_SUBJECT = /^(?:i|he|she|it|we|they|it's|i'm|he's|she's|we're|they're)$/;
/** A finite verb right after a subject ("it feels", "it just seems", "she is"). */
const FINITE_VERB =
  /^(?:is|was|are|were|am|feels|felt|seems|seemed|looks|looked|hurts|gets|got|has|had|stays|stayed|started|goes|went|comes|came)$/;
/** Adverbs that may stand between a subject and its verb ("it just feels", "it really hurts"). */
const SUBJECT_ADVERB = /^(?:just|really|still|only|also|actually|kind|sort|kinda|definitely|usually)$/;
/** Words after which a pronoun is an object or opens a complement clause ("think it's", "see it", "that it"). */
const CLAUSE_TAKER =
  /^(?:think|thought|believe|guess|suppose|say|said|know|knew|mean|remember|recall|notice|noticed|noticing|see|saw|seen|feel|felt|hear|heard|find|found|sure|like|that|if|whether|when|because|since|as|so|how|what|where|why|until|unless|while|after|before|make|makes|let|have|had|get|got|want|need)$/;
/** True when the subject at the position has its own finite verb ("it just feels", "it's" fused). */
function ownVerbAfter(tokens: readonly AnalysedToken[], position: number): boolean {
  if (/'(?:s|m|re)$/.test(tokens[position]?.surface ?? '')) return true;
  let next = position + 1;
  if (SUBJECT_ADVERB.test(tokens[next]?.surface ?? '')) next += 1;
  return FINITE_VERB.test(tokens[next]?.surface ?? '');
}
export function polarityAt(
  unit: TranscriptUnit,
  unitPosition: number,
  index: TranscriptIndex,
): 'negative' | 'positive' | 'unknown' | 'hypothetical' {
  const polarity = polarityHere(unit, unitPosition, index);
  if (polarity !== 'positive' || index.compiled.language !== 'en') return polarity;
  const echoed = echoedPlace(unit, unitPosition, index);
  return echoed && polarityHere(echoed.unit, echoed.position, index) === 'negative' ? 'negative' : polarity;
}
function polarityHere(
  unit: TranscriptUnit,
  unitPosition: number,
  index: TranscriptIndex,
): 'negative' | 'positive' | 'unknown' | 'hypothetical' {
  if (hypotheticalAt(unit, unitPosition, index.compiled)) return 'hypothetical';
  // Windows of a long sentence look back into the whole sentence.
  const tokens = unit.contextTokens;
  const position = unitPosition + unit.contextOffset;
  const word = tokens[position];
  if (courtesyProblem(tokens, position)) return 'unknown';
  // "I wish I had some weight loss": wished for, neither had nor denied.
  if (wishedFor(tokens, position)) return 'unknown';
  // "He was scheduled to see Dr. Davis", "i feel like taking the medicine": intended or wanted, not said done.
  if (index.compiled.language === 'en' && intendedOnly(tokens, position)) return 'unknown';
  const allergyWord = word !== undefined && index.compiled.allergyWords.test(word.surface);
  // In talk about allergies a "no" denies the allergy, not the drug named ("Allergier? Penicillin?" – "Nei");
  // what the answer itself says still counts ("det gikk bra").
  if (unit.allergy && !allergyWord && unit.isQuestion) return 'unknown';
  // "… so you haven't had any chest pain, you're still walking, are you exercising?": the answer goes to the question
  // asked after the word; the denial before it stands as said.
  // "… maybe think about meditation or adding in some yoga so do you have any questions for me" – "no": the answer is
  // to the closing question, the words before it are said as said.
  if (unit.isQuestion && closingQuestionAfter(unit.tokens, unitPosition, index.compiled.language))
    return polarityAt({ ...unit, isQuestion: false }, unitPosition, index);
  if (
    unit.isQuestion &&
    index.compiled.language === 'en' &&
    (questionOpensAfter(unit.tokens, unitPosition) || tagQuestion(unit)) &&
    polarityAt({ ...unit, isQuestion: false }, unitPosition, index) === 'negative'
  )
    return 'negative';
  // "I can see how that would increase your stress but have you lost any weight?": a remark with its own subject and
  // verb, before the question opens, is said, not asked.
  if (
    unit.isQuestion &&
    index.compiled.language === 'en' &&
    (((questionOpensAfter(unit.tokens, unitPosition) || statusQuestionAfter(unit.tokens, unitPosition)) &&
      remarkBefore(unit.tokens, unitPosition)) ||
      (followUpAfter(unit.tokens, unitPosition) && !asksBefore(unit.tokens, unitPosition)))
  )
    return polarityAt({ ...unit, isQuestion: false }, unitPosition, index);
  if (unit.isQuestion && index.compiled.language === 'en') {
    // "Could that be why my stomach is hurting?" – "No, …": the no denies the cause, the words after "why" stand.
    if (askedCauseOf(unit.tokens, unitPosition)) {
      const said = polarityAt({ ...unit, isQuestion: false }, unitPosition, index);
      return said === 'hypothetical' ? 'unknown' : said;
    }
    // "After the fall and the entanglement with the other player, were you able to continue playing?": presupposed.
    if (presupposedBeforeQuestion(unit.tokens, unitPosition)) return 'unknown';
    // "Did you hear about the new soccer stadium?" – "No": the no denies the hearing, not the soccer.
    if (askedWhetherHeardOf(unit.tokens, unitPosition)) return 'unknown';
  }
  if (unit.isQuestion) {
    if (beforeAskedItems(unit, unitPosition)) return 'unknown';
    // Answered by repeating some of its words: only those are confirmed; those repeated under a negation are denied.
    if (unit.answer === 'positive' && word && unit.deniedWords?.has(word.canonical)) return 'negative';
    if (unit.answer === 'positive' && unit.confirmedWords && word && !unit.confirmedWords.has(word.canonical))
      return 'unknown';
    // English: a yes confirms a question put with a negation as it was put ("I have that you're not taking any
    // medications, but that you're allergic to augmentin, is that right?" – "yes, that's correct"): its negated words
    // are denied, the others asserted.
    if (yesToNegatedQuestion(unit, index, unitPosition)) {
      const said = polarityAt({ ...unit, isQuestion: false }, unitPosition, index);
      return said === 'hypothetical' ? 'unknown' : said;
    }
    // A negated question ("Ingen blodfortynnende?", "Men du har ikke hatt pipelyder?") gets an ambiguous "nei".
    if (questionNegatedAt(unit, unitPosition, index.compiled.language)) {
      return unit.answer === 'positive' ? 'unknown' : unit.answer === 'negative' ? 'negative' : 'unknown';
    }
    return unit.answer ?? 'unknown';
  }
  // "No swelling or bruise , bruising": a word said again as a repair keeps the first saying's polarity.
  const first = repeatedFrom(tokens, position);
  if (first !== undefined && first - unit.contextOffset >= 0)
    return polarityAt(unit, first - unit.contextOffset, index);
  const listAfter = tokens.slice(position + 1).some((token) => index.compiled.listCues.test(token.surface));
  // The word is a list's last item ("no murmurs, gallops, or rubs"): the commas before it join the list too.
  let listBefore = false;
  for (let back = position - 1; back >= 0 && back >= position - 9; back -= 1) {
    const token = tokens[back];
    if (!token) break;
    if (token.scopeBreaker) break;
    if (index.compiled.listCues.test(token.surface)) listBefore = true;
    // An English question opens between ("it hasn't helped okay and do you have any nausea"): a negation before it
    // belongs to the earlier remark.
    if (
      index.compiled.language === 'en' &&
      QUESTION_PRONOUN.en.test(token.surface) &&
      /^(?:do|does|did|have|has|had|are|were|is|was|can|could)$/.test(tokens[back - 1]?.surface ?? '') &&
      !tokens[back - 2]?.negation
    )
      break;
    // Norwegian "og" before a verb of its own opens a new clause ("ingen blemmer og huden rundt er lett rød"): a
    // negation before it does not reach past (speech recognition drops the full stop).
    if (
      index.compiled.language === 'nb' &&
      token.surface === 'og' &&
      tokens.slice(back + 1, position).some((between) => NB_FINITE_VERB.test(between.surface))
    )
      break;
    // Unpunctuated speech: "there is" after another finding opens a new clause ("no rebound or guarding there is
    // tenderness on the right"), whose words the negation before it does not reach.
    const beforeThere = tokens[back - 1]?.surface === 'there' ? tokens[back - 2] : undefined;
    if (
      index.compiled.language === 'en' &&
      /^(?:is|are|was|were)$/.test(token.surface) &&
      beforeThere !== undefined &&
      isContent(beforeThere) &&
      !/^(?:think|believe|feel|see|say|guess)$/.test(beforeThere.surface)
    )
      break;
    // Unpunctuated speech: a subject pronoun with its own verb after another content word opens a new clause ("i have
    // not at this point it just feels warm"): the elided "have not" ends with its own clause. (Not the complement of
    // a verb of thinking or perceiving: "i don't think it's warm", "i don't see it getting worse".)
    if (
      index.compiled.language === 'en' &&
      NEW_SUBJECT.test(token.surface) &&
      ownVerbAfter(tokens, back) &&
      tokens[back - 1] !== undefined &&
      isContent(tokens[back - 1] as AnalysedToken) &&
      !CLAUSE_TAKER.test(tokens[back - 1]?.surface ?? '')
    )
      break;
    // Hesitations are transparent: "there's no , um , fracture".
    if (FILLER_WORD.test(token.surface)) continue;
    const hesitation =
      FILLER_WORD.test(tokens[back - 1]?.surface ?? '') || FILLER_WORD.test(tokens[back + 1]?.surface ?? '');
    if (
      token.punctuation !== undefined &&
      !(token.punctuation === ',' && (listAfter || listBefore || hesitation))
    )
      break;
    // "Nei," opening an answer negates the question, not the words that follow it ("no fracture", "no focal
    // deficit noted" do negate); nor does a "no" before a free-choice "anything you can think of" (all of them).
    // (Past hesitations: "no , uh , fracture" is a negated word, not an answer "No,".)
    let next = back + 1;
    while (
      next < position &&
      (FILLER_WORD.test(tokens[next]?.surface ?? '') ||
        (tokens[next]?.punctuation === ',' &&
          (FILLER_WORD.test(tokens[next + 1]?.surface ?? '') ||
            FILLER_WORD.test(tokens[next - 1]?.surface ?? ''))))
    )
      next += 1;
    const following = tokens[next];
    const answerOpener =
      (token.surface === 'nei' || token.surface === 'no') &&
      (following?.punctuation !== undefined ||
        (back === 0 &&
          /^(?:i|i've|i'm|i'd|jeg|it|it's|det|that|we|we've|vi|not|ikke|never|aldri|just|bare|only|he|she|han|hun|anything|everything|whatever)$/.test(
            following?.surface ?? '',
          )));
    if (token.negation && !answerOpener) {
      // "i do n't know they told me they reconstructed the whole thing", "i did n't know it was broken": what a
      // negated factive verb takes is said as so.
      if (
        index.compiled.language === 'en' &&
        factiveClauseAfter(token, tokens[back - 1], tokens.slice(back + 1, position))
      )
        break;
      // Two negations cancel over a verb: "klarer ikke gå opp bakken uten å hvile", "can't walk without stopping"
      // (not over a noun, and not after "no": "no way to be sure without sending it to pathology").
      const verbAfter = /^(?:å|\p{L}+ing)$/u.test(tokens[back + 1]?.surface ?? '');
      if (
        verbAfter &&
        /^(?:uten|without)$/.test(token.surface) &&
        tokens
          .slice(Math.max(0, back - 6), back)
          .some(
            (before, offset, list) =>
              /^(?:ikke|not|n't|cannot|can't|couldn't)$/.test(before.surface) &&
              !list
                .slice(offset + 1)
                .some((between) => between.punctuation !== undefined || between.scopeBreaker),
          )
      )
        return 'positive';
      const distance = position - back;
      const gap = tokens.slice(back + 1, position);
      // "no fever some chills": "some" after the noun "no" denies opens a noun phrase of its own, which the "no" does
      // not reach (a positive determiner cannot stand under a negation).
      if (token.surface === 'no' && positiveDeterminerOpens(gap)) break;
      // "No decreased range of motion", "ingen nedsatt bevegelighet": the negation denies the loss, so the word after
      // it is preserved (double negation), not absent.
      if (gap.length <= 2 && gap.some((between) => DIMINISHED.test(between.surface))) return 'positive';
      // Close enough: within two words, or separated only by small words and verbs of finding ("ikke som jeg har
      // merket", "I don't appreciate any adenopathy"), or "uten at du leverer urinprøve". Further away the
      // negation may belong to another word: no vote.
      const small = (between: AnalysedToken): boolean =>
        between.stopword || PERCEPTION.test(between.surface) || NEGATION_RAISING.test(between.surface);
      if (distance <= 3 || gap.every(small) || (token.surface === 'uten' && gap[0]?.surface === 'at'))
        return 'negative';
      // A negated list ("no evidence of fracture or bony abnormality", "ingen feber eller frostanfall").
      // The word must be the list's last item, right after "or" ("… or bony abnormality"), not past it ("without
      // wheezes or rhonchi on your abdominal exam bowel sounds are present").
      const lastConjunction = gap
        .map((between) => /^(?:or|nor|eller|verken|hverken)$/.test(between.surface))
        .lastIndexOf(true);
      const afterConjunction = gap.slice(lastConjunction + 1).filter((between) => !small(between)).length;
      if (
        lastConjunction >= 0 &&
        afterConjunction <= 1 &&
        gap.filter((between) => !small(between)).length <= 5
      )
        return 'negative';
      // English "any" carries the negation over what it governs ("i don't appreciate any lymphadenopathy swollen lymph
      // glands"), until a new clause begins.
      const anyAt = gap.findIndex((between) => between.surface === 'any');
      if (
        index.compiled.language === 'en' &&
        anyAt >= 0 &&
        gap.length - anyAt <= 7 &&
        !gap.slice(anyAt + 1).some((between) => CLAUSE_WORDS.en.test(between.surface))
      )
        return 'negative';
      if (index.compiled.language === 'en' && negatedBelief(gap)) return 'negative';
      return 'unknown';
    }
  }
  // Beyond the reach of a plain negation: "i do n't think that this is a sign of a stroke".
  if (index.compiled.language === 'en' && negatedBeliefBefore(tokens, position)) return 'negative';
  // A long comma list a negation opens ("not had any weight loss or gain , headaches , bone pain , …"): every item.
  if (inNegatedCommaList(tokens, position, index.compiled.language)) return 'negative';
  // A question inside an unpunctuated turn ("… okay and do you have any nausea vomiting any fever chills i feel …"):
  // asked, not asserted.
  if (embeddedQuestionBefore(tokens, position, index.compiled.language)) return 'unknown';
  // English "any" without a negation asks or supposes ("any changes to your bowels", "monitor for any symptoms").
  if (index.compiled.language === 'en' && anyBefore(tokens, position)) return 'unknown';
  // Verb-second negation: "antibiotika virker ikke"; in English only after an auxiliary ("it does n't hurt").
  for (let ahead = position + 1; ahead <= position + 3; ahead += 1) {
    const token = tokens[ahead];
    if (!token || token.punctuation || token.scopeBreaker) break;
    // "… med fast stopp skuffetest negativ": a named test just before the trailing negation is what it negates.
    if (
      token.postNegation &&
      index.compiled.language === 'nb' &&
      tokens.slice(position + 1, ahead).some((between) => NB_NAMED_TEST.test(between.surface))
    )
      break;
    if (token.postNegation && isTrailingNegation(tokens, ahead)) return 'negative';
    const between = tokens[position + 1]?.surface ?? '';
    const conjunction = /^(?:som|og|at|hvis|når|men|eller|fordi|så|enn)$/.test(between);
    if (
      ahead === position + 2 &&
      token.surface === 'ikke' &&
      index.compiled.language === 'nb' &&
      !conjunction
    )
      return 'negative';
    // "det hjalp ikke", "antibiotika virker ikke": the word itself before "ikke". Not a predicative after its copula
    // ("den er rød og bulende ikke hull", "var det litt hovent ikke sånn stort"): the copula's "ikke" would come
    // before it, so the "ikke" opens the next item (speech recognition drops the comma).
    if (
      ahead === position + 1 &&
      token.surface === 'ikke' &&
      index.compiled.language === 'nb' &&
      !word?.stopword &&
      !afterCopula(tokens, position)
    )
      return 'negative';
    const auxiliary = tokens[ahead - 1]?.surface ?? '';
    if (
      ahead === position + 2 &&
      /^(?:not|n't)$/.test(token.surface) &&
      /^(?:does|do|did|is|was|are|were|has|have|had|can|could|will|would)$/.test(auxiliary) &&
      !predicateNegated(tokens[ahead + 1])
    )
      return 'negative';
  }
  // An answer opening with "nei" negates the question's words it repeats ("Nei, ikke tungpust").
  if (unit.answersUnit !== undefined) {
    const question = index.units[unit.answersUnit];
    const first = tokens.find((token) => !token.punctuation);
    const questionNegated = question?.tokens.some((token) => token.negation) ?? false;
    if (
      question &&
      word &&
      first &&
      !questionNegated &&
      !question.allergy &&
      (first.surface === 'nei' || first.surface === 'no') &&
      question.canonicals.has(word.canonical) &&
      // "No vomiting but constipation": a word the answer confirms is not under its "no".
      !question.confirmedWords?.has(word.canonical) &&
      // "No, I've had a lot of injuries in soccer, but never this foot": a clause of its own after the "no" says
      // what it says.
      !tokens
        .slice(tokens.indexOf(first) + 1, position)
        .some(
          (between, at, gap) =>
            (/^(?:i've|we've)$/.test(between.surface) && gap[at + 1]?.surface === 'had') ||
            (/^(?:i|we)$/.test(between.surface) && /^(?:had|have)$/.test(gap[at + 1]?.surface ?? '')),
        )
    ) {
      return 'negative';
    }
  }
  return 'positive';
}

export function labelsCompatible(claimed: Quantity, found: Quantity): boolean {
  return !claimed.label || !found.label || claimed.label === found.label;
}

export const SPECIFIC_FAMILIES = new Set([
  'mass',
  'percent',
  'length',
  'concentration',
  'pressure',
  'volume',
  'degree',
]);
export const DURATION_QUESTION =
  /(?:hvor lenge|hvor lang tid|når (?:begynte|startet|kom)|siden når|how long|when did|since when|how many (?:days|weeks|months|years))/iu;

export function timeRelation(text: string, quantity: Quantity): string | undefined {
  const before = foldText(text.slice(Math.max(0, quantity.start - 24), quantity.start));
  const after = foldText(text.slice(quantity.end, quantity.end + 8));
  if (/(?:^|\s)(?:for|ca\.?)\s*(?:ca\.?\s*)?$/.test(before) && /^\s*siden/.test(after)) return 'ago';
  // "3 months ago", "6 months since I saw you".
  if (/^\s*(?:ago|since)(?![\p{L}])/u.test(after)) return 'ago';
  if (/(?:^|\s)(?:om|in)\s*(?:(?:ca\.?|cirka|about|around|approximately|roughly)\s*)?$/.test(before))
    return 'future';
  // "after 3 days", "3 days after the visit", "3 days later".
  if (
    /(?:^|\s)(?:etter|after)\s*$/.test(before) ||
    /^\s*(?:after|later|etter|senere)(?![\p{L}])/u.test(after)
  )
    return 'after';
  // "avoid it for the next couple of weeks", "de neste to ukene": a stretch from now, not a point in the future ("in
  // 2 weeks"); "in the next two weeks" is such a point.
  if (
    /(?:^|\s)(?:the\s+)?(?:next|coming|neste|kommende)\s*$/.test(before) &&
    !/(?:^|\s)(?:in|within|om|innen)\s+(?:the\s+|de\s+)?(?:next|coming|neste|kommende)\s*$/.test(before)
  )
    return 'next';
  return undefined;
}

export function segmentIds(units: readonly TranscriptUnit[]): string[] {
  return [...new Set(units.map((unit) => unit.segmentId))];
}
export function isCritical(
  text: string,
  clauses: readonly Clause[],
  drugs: readonly DrugMention[],
  compiled: CompiledLexicon,
): boolean {
  if (drugs.length > 0) return true;
  if (clauses.some((clause) => clause.sides.length > 0)) return true;
  const measured = (quantity: Quantity): boolean =>
    quantity.label !== undefined ||
    (quantity.family !== undefined &&
      ['mass', 'frequency', 'pressure', 'percent', 'concentration', 'rate', 'degree'].includes(
        quantity.family,
      ));
  if (clauses.some((clause) => clause.quantities.some(measured))) return true;
  const lower = foldText(text);
  if (/allerg|cave|anafylak|overfølsom|tåler ikke|nkda/u.test(lower)) return true;
  const redFlags = new RegExp(compiled.lexicon.redFlags.map((flag) => flag.pattern).join('|'), 'u');
  const rewritten = clauses.map((clause) => clause.tokens.map((token) => token.surface).join(' ')).join(' ');
  return redFlags.test(rewritten);
}

export const DENIAL_VERB =
  /(?<![\p{L}])(?:denies|denied|negative for|benekter|avkrefter|neg\. for|negativ for)(?![\p{L}])/u;
