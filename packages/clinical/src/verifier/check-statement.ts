/**
 * Checks one note statement against the transcript: aligns each clause to the transcript, then runs the typed
 * checks (numbers and units, side, negation, time, drugs, diagnoses, who it is about, who said it) and decides
 * the support label, severity, evidence and reasons.
 */
import type { Language, Severity, Support } from '@kollega/domain';
import type { ScoredUnit } from './alignment';
import {
  coverage,
  expandWindow,
  headPositions,
  isPartialMatch,
  matchPositions,
  matchingCanonicals,
  rankUnits,
  tokenWeight,
  topUnits,
  unionCoverage,
  unitMatches,
} from './alignment';
import type { DrugMention } from './drug-names';
import { drugKeysMatch, findDrugMentions } from './drug-names';
import type { Side } from './lexicon-types';
import type { Quantity } from './quantities';
import { formatQuantityValue, labelsIn, onTenScale, quantitiesMatch, rangeEnds } from './quantities';
import { REASONS } from './reasons';
import { checkScore } from './scores';
import type { AnalysedToken, CompiledLexicon, TimeMention } from './text-analysis';
import { analyseTokens, findDiagnoses, findTimes, looksLikeDiagnosis, quantitiesOf } from './text-analysis';
import type { Subject, TranscriptIndex, TranscriptUnit } from './transcript-index';
import { sidesOfTokens, wishedFor } from './transcript-index';
import { foldText, stemWord } from './text-tools';

/** A statement to check. */
export interface StatementToCheck {
  id: string;
  text: string;
  evidence: readonly string[];
  sectionId: string;
}

/** The verdict on one statement. */
export interface StatementVerdict {
  support: Support;
  severity: Severity;
  evidence: string[];
  reasons: string[];
}

interface Issue {
  verdict: 'contradicted' | 'unsupported';
  critical: boolean;
  reason: string;
  kind?: 'number' | 'side' | 'time' | 'drug' | 'diagnosis' | 'negation' | 'person' | 'speaker' | 'content';
  /** Which check raised it: shown in the reasons only with the `trace` option (development). */
  rule?: string;
}

/** An issue raised by a check: what kind, how serious, and the reason shown to the doctor. */
function flag(kind: Issue['kind'], verdict: Issue['verdict'], reason: string, critical = false): Issue {
  return { kind, verdict, critical, reason };
}

/**
 * The verdict of a polarity comparison: contradicted when the words were said only with the other polarity (in
 * `disagreeing`), never as claimed.
 */
function polarityConflict(
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

/** Runs checks in order and returns the first issue, tagged with the check's name. */
function firstIssue(
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

interface Clause {
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

interface CheckContext {
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
}

const SIDE_WORDS =
  /^(?:høyre|venstre|bilateral|bilateralt|dobbeltsidig|side|sider|siden|right|left|bilaterally|sides|sided)$/;
const FINDING_WORDS = /^(?:neg|negativ|negative|pos|positiv|positive)$/;
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

function isWeak(token: AnalysedToken, language: Language): boolean {
  const set = weakSet(language);
  return set.has(token.canonical) || set.has(token.stem);
}

function splitClauses(text: string): string[] {
  // Split at ", " (not the decimal comma), ";", and dashes or plus signs between words. A label and its
  // finding stay together ("TH h.: rød og bulende"), as does a short parenthesis ("T 38,2 (v. øre)").
  const pieces = text.split(/,\s+|;\s*|\s+[–—-]\s+|\s+\+\s+|\s+\/\s+/u);
  return pieces.map((piece) => piece.trim()).filter((piece) => /[\p{L}\p{N}]/u.test(piece));
}

const kinWordPatterns = new WeakMap<CompiledLexicon, RegExp>();

function isKin(token: AnalysedToken, compiled: CompiledLexicon): boolean {
  let pattern = kinWordPatterns.get(compiled);
  if (!pattern) {
    pattern = new RegExp(`^(?:${compiled.lexicon.kinTerms})$`, 'iu');
    kinWordPatterns.set(compiled, pattern);
  }
  return pattern.test(token.surface);
}

const INFLECTION = /^(?:e|en|et|ene|a|er|r|n|s|es|ens|ane|ne|ns)?$/;

/** A body-site word with at most an inflection ("leggen", "knee"), not a compound ("brystsmerter"). */
function isBodySite(token: AnalysedToken, compiled: CompiledLexicon): boolean {
  return compiled.bodySites.some(
    (site) => token.surface.startsWith(site) && INFLECTION.test(token.surface.slice(site.length)),
  );
}

/** Words of time expressions: checked by the time check, not content for alignment ("i fjor", "yesterday"). */
const TIME_WORDS = /^(?:går|forgårs|fjor|forfjor|morges|idag|igår|yesterday|today|tonight|tomorrow|ago)$/;

function isContent(token: AnalysedToken): boolean {
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
const EXISTENCE_PREDICATE =
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
function hasOwnVerb(tokens: readonly AnalysedToken[], language: Language): boolean {
  return tokens.some((token) => CLAUSE_WORDS[language].test(token.surface));
}

/** Participles whose "with" or "on" takes their object ("not provided with a strainer", "not diagnosed with …"). */
const COMPLEMENT_VERB =
  /^(?:provided|given|treated|diagnosed|started|prescribed|supplied|issued|fitted|equipped|associated|accompanied)$/;

/** Words of a causal link ("related to", "due to", "caused by"): negated, they deny the link only. */
const RELATION_WORD = /^(?:related|due|secondary|attributable|caused|attributed)$/;

function negatedTokens(
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
      (!list || opensClause(tokens, position + 1, language))
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
const PERCEPTION =
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
 * True when an English question with words of its own opens after the word ("… any chest pain you're still walking
 * are you exercising"): an inverted auxiliary and pronoun, then a content word. A tag ("…, have you?") has none.
 */
function questionOpensAfter(tokens: readonly AnalysedToken[], position: number): boolean {
  for (let ahead = position + 1; ahead < tokens.length - 2; ahead += 1) {
    if (
      QUESTION_AUXILIARY.en.test(tokens[ahead]?.surface ?? '') &&
      QUESTION_PRONOUN.en.test(tokens[ahead + 1]?.surface ?? '') &&
      tokens
        .slice(ahead + 2)
        .some((token) => !token.stopword && token.punctuation === undefined && !token.negation)
    )
      return true;
  }
  return false;
}

/**
 * True when the words before a position are a remark, not a question: a subject pronoun and a verb, and no question
 * opening ("any", a question word, an inverted auxiliary).
 */
function remarkBefore(tokens: readonly AnalysedToken[], position: number): boolean {
  const before = tokens.slice(0, position);
  const asks = before.some(
    (token, at) =>
      token.punctuation === '?' ||
      token.surface === 'any' ||
      // A question word opening the turn ("how are you … have you …"), not a clause inside ("i can see how …").
      (/^(?:how|what|when|where|which|why|who)$/.test(token.surface) &&
        (at === 0 || /^(?:and|so|okay|ok|alright|now|well)$/.test(before[at - 1]?.surface ?? ''))) ||
      (QUESTION_AUXILIARY.en.test(token.surface) && QUESTION_PRONOUN.en.test(before[at + 1]?.surface ?? '')),
  );
  return (
    !asks &&
    before.some(
      (token, at) =>
        /^(?:i|we|it|that|this)$/.test(token.surface) &&
        /^(?:can|could|would|will|is|was|think|see|know|'s|am)$/.test(before[at + 1]?.surface ?? ''),
    )
  );
}

/** Hesitations and fillers that do not end a negation's reach ("no , uh , fracture"). */
const FILLER_WORD = /^(?:uh|um|eh|ehm|er|hm|hmm|mm|øh|eh|like)$/;

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
    if (start > 0 && words[condition - 1]?.surface === 'even') {
      const main = words.findIndex(
        (token, position) =>
          position > condition + 1 &&
          words[position - 1]?.punctuation === ',' &&
          /^(?:i|he|she|we|they)$/.test(token.surface),
      );
      if (main > 0 && !compiled.hypotheticalCues.test(surfaces(main))) end = main;
    }
    range = [start, end];
    suppositions.set(unit, range);
  }
  return range;
}

/** True when the word at a unit position is supposed: in a hypothetical unit, not well before its condition. */
function hypotheticalAt(unit: TranscriptUnit, unitPosition: number, compiled: CompiledLexicon): boolean {
  if (!unit.hypothetical) return false;
  const [start, end] = suppositionOf(unit, compiled);
  return unitPosition > start - 5 && unitPosition < end;
}

/**
 * Verbs a negation passes through to what follows ("I don't think you need a diuretic", "you don't seem to have any
 * swelling"): negation raising.
 */
const NEGATION_RAISING = /^(?:think|believe|need|seem|seems|appear|appears)$/;

/** A statement with a tag ("…, okay?", "…, right?"): it asserts; the tag asks for agreement. */
function tagQuestion(unit: TranscriptUnit): boolean {
  const words = unit.tokens.filter((token) => token.punctuation === undefined || token.punctuation === ',');
  const last = words[words.length - 1];
  return (
    words.length > 4 &&
    words[words.length - 2]?.punctuation === ',' &&
    /^(?:okay|ok|right|alright|correct)$/.test(last?.surface ?? '')
  );
}

/**
 * "How has your health been, any weight changes, headaches?": the answer is about the items after "any", not the
 * words before it. (Unpunctuated speech: after a filler, "so epigastric pain alright any blood in your stool".)
 */
function beforeAskedItems(unit: TranscriptUnit, unitPosition: number): boolean {
  const word = unit.tokens[unitPosition];
  const anyAt = unit.tokens.findIndex(
    (token, position) =>
      /^(?:any|noen)$/.test(token.surface) &&
      /^(?:,|\.|and|or|og|eller|alright|okay|ok|um|uh)$/.test(unit.tokens[position - 1]?.surface ?? ''),
  );
  return (
    anyAt > 0 &&
    unitPosition < anyAt &&
    unit.tokens.slice(0, anyAt).some((token) => !token.stopword && !token.punctuation && token !== word) &&
    unit.tokens.slice(anyAt + 1).some((token) => !token.stopword && !token.punctuation)
  );
}

/** Polarity of a transcript word at a position: negated, asserted, asked or hypothetical. */
/** A Norwegian test named by a compound ("skuffetest", "urinprøven"), not the bare word "test". */
const NB_NAMED_TEST = /^\p{L}{3,}(?:test|testen|prøve|prøven)$/u;
/** Norwegian finite verbs that make a clause of their own. */
const NB_FINITE_VERB = /^(?:er|var|har|hadde|blir|ble|kjennes|føles|ser|virker)$/;

function polarityAt(
  unit: TranscriptUnit,
  unitPosition: number,
  index: TranscriptIndex,
): 'negative' | 'positive' | 'unknown' | 'hypothetical' {
  if (hypotheticalAt(unit, unitPosition, index.compiled)) return 'hypothetical';
  // Windows of a long sentence look back into the whole sentence.
  const tokens = unit.contextTokens;
  const position = unitPosition + unit.contextOffset;
  const word = tokens[position];
  // "I wish I had some weight loss": wished for, neither had nor denied.
  if (wishedFor(tokens, position)) return 'unknown';
  const allergyWord = word !== undefined && index.compiled.allergyWords.test(word.surface);
  // In talk about allergies a "no" denies the allergy, not the drug named ("Allergier? Penicillin?" – "Nei");
  // what the answer itself says still counts ("det gikk bra").
  if (unit.allergy && !allergyWord && unit.isQuestion) return 'unknown';
  // "… so you haven't had any chest pain, you're still walking, are you exercising?": the answer goes to the question
  // asked after the word; the denial before it stands as said.
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
    questionOpensAfter(unit.tokens, unitPosition) &&
    remarkBefore(unit.tokens, unitPosition)
  )
    return polarityAt({ ...unit, isQuestion: false }, unitPosition, index);
  if (unit.isQuestion) {
    if (beforeAskedItems(unit, unitPosition)) return 'unknown';
    // Answered by repeating some of its words: only those are confirmed; those repeated under a negation are denied.
    if (unit.answer === 'positive' && word && unit.deniedWords?.has(word.canonical)) return 'negative';
    if (unit.answer === 'positive' && unit.confirmedWords && word && !unit.confirmedWords.has(word.canonical))
      return 'unknown';
    // A negated question ("Ingen blodfortynnende?", "Men du har ikke hatt pipelyder?") gets an ambiguous "nei".
    if (unit.tokens.some((token) => token.negation && token.surface !== 'nei' && token.surface !== 'no')) {
      return unit.answer === 'positive' ? 'unknown' : unit.answer === 'negative' ? 'negative' : 'unknown';
    }
    return unit.answer ?? 'unknown';
  }
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
    // deficit noted" do negate).
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
          /^(?:i|i've|i'm|i'd|jeg|it|it's|det|that|we|we've|vi|not|ikke|never|aldri|just|bare|only|he|she|han|hun)$/.test(
            following?.surface ?? '',
          )));
    if (token.negation && !answerOpener) {
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
      return 'unknown';
    }
  }
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
      /^(?:does|do|did|is|was|are|were|has|have|had|can|could|will|would)$/.test(auxiliary)
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

function labelsCompatible(claimed: Quantity, found: Quantity): boolean {
  return !claimed.label || !found.label || claimed.label === found.label;
}

const SPECIFIC_FAMILIES = new Set([
  'mass',
  'percent',
  'length',
  'concentration',
  'pressure',
  'volume',
  'degree',
]);
const DURATION_QUESTION =
  /(?:hvor lenge|hvor lang tid|når (?:begynte|startet|kom)|siden når|how long|when did|since when|how many (?:days|weeks|months|years))/iu;

function timeRelation(text: string, quantity: Quantity): string | undefined {
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

function segmentIds(units: readonly TranscriptUnit[]): string[] {
  return [...new Set(units.map((unit) => unit.segmentId))];
}

function isCritical(
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

const DENIAL_VERB =
  /(?<![\p{L}])(?:denies|denied|negative for|benekter|avkrefter|neg\. for|negativ for)(?![\p{L}])/u;

function analyseClauses(
  text: string,
  index: TranscriptIndex,
  cited: ReadonlySet<string>,
): { clauses: Clause[]; statementContent: AnalysedToken[] } {
  const compiled = index.compiled;
  const clauseTexts = splitClauses(text);
  const listNegation = compiled.listCues.test(foldText(text));
  const clauses: Clause[] = [];
  let inheritNegation = false;
  let denialList = false;
  let negationOpensList = false;
  for (const clauseText of clauseTexts) {
    const tokens = analyseTokens(clauseText, compiled, { note: true });
    const content = tokens.filter((token) => isContent(token));
    const ownNegation = tokens.some((token) => token.negation || token.postNegation);
    // "Ingen feber, leddsmerter, hodepine eller nakkestivhet": the list shares the first negation; after a verb of
    // denial ("Denies fevers, chills.") even without "or".
    // The items are the words before a predicate of finding ("gallops or rubs | heard during auscultation").
    const predicate = tokens.findIndex((token) => EXISTENCE_PREDICATE.test(token.surface));
    const items =
      predicate > 0
        ? content.filter((token) => token.position < (tokens[predicate]?.position ?? 0))
        : content;
    const searchFrom = clauses.length > 0 ? (clauses[clauses.length - 1]?.offset ?? 0) : 0;
    const separator = text.slice(searchFrom, Math.max(searchFrom, text.indexOf(clauseText, searchFrom)));
    const commaList = negationOpensList && /,\s*$/.test(separator);
    const inherited: boolean =
      (listNegation || denialList || commaList) &&
      inheritNegation &&
      !ownNegation &&
      items.length <= 5 &&
      !hasOwnVerb(tokens, compiled.language);
    const negated = negatedTokens(tokens, inherited, listNegation, compiled.language);
    // "manglende" negates its own noun, not a list ("ved manglende bedring, forverring eller …").
    // (After a label: "Bilateral knees: No erythema, ecchymosis, or warmth".)
    const colon = tokens.findIndex((token) => token.punctuation === ':');
    const opening = colon >= 0 && colon <= 4 ? colon + 1 : 0;
    const startsNegated = tokens
      .slice(opening, opening + 3)
      .some((token) => token.negation && token.surface !== 'manglende');
    if (clauses.length === 0) {
      denialList = DENIAL_VERB.test(foldText(clauseText));
      // English "No murmurs, gallops.": a statement opening with its negation lists what it denies after commas, even
      // without "or" (not after a semicolon: "No known family history; adopted").
      negationOpensList = compiled.language === 'en' && startsNegated;
    }
    // "… been well with no weight changes, headaches, or fatigue": a negation that reaches the clause's last word
    // opens the list as one at its start does.
    const lastContent = content[content.length - 1];
    const endsNegated =
      compiled.language === 'en' && listNegation && lastContent !== undefined && negated.has(lastContent);
    inheritNegation =
      (listNegation || denialList || negationOpensList) && (startsNegated || inherited || endsNegated);
    clauses.push({
      text: clauseText,
      tokens,
      content,
      alignment: [...content, ...tokens.filter((token) => FINDING_WORDS.test(token.surface))],
      negated,
      quantities: quantitiesOf(clauseText, compiled),
      sides: sidesOfTokens(tokens, compiled),
      ranked: [],
      top: [],
      window: [],
      anchors: [],
      offset: Math.max(0, text.indexOf(clauseText)),
    });
  }
  const statementContent = clauses.flatMap((clause) => clause.content);
  clauses.forEach((clause, position) => {
    // A clause without words of its own ("v. side") borrows the words of the clause before it.
    const previous = clauses[position - 1];
    const own = clause.alignment.length > 0 || !previous ? clause.alignment : previous.alignment;
    clause.ranked = rankUnits(own, statementContent, index, cited);
    clause.top = topUnits(clause.ranked);
    clause.window = expandWindow(
      clause.top.map((entry) => entry.unit),
      index,
    );
  });
  return { clauses, statementContent };
}

/** Checks one statement. */
export function checkStatement(
  statement: StatementToCheck,
  index: TranscriptIndex,
  options: {
    reasonLanguage: Language;
    historySection: boolean;
    planSection?: boolean;
    examSection?: boolean;
    /** Append the name of the check that raised each issue to its reason (development). */
    trace?: boolean;
  },
): StatementVerdict {
  const compiled = index.compiled;
  const language = options.reasonLanguage;
  const issues: Issue[] = [];
  const cited = new Set(statement.evidence.filter((id) => index.segmentIds.has(id)));
  const unknownCited = statement.evidence.filter((id) => !index.segmentIds.has(id));
  const { clauses, statementContent } = analyseClauses(statement.text, index, cited);
  const drugs = findDrugMentions(statement.text, compiled.lexicon);
  const lowerStatement = foldText(statement.text);
  const kinMention = compiled.kinTerms.test(lowerStatement);
  const kinNotSubject = kinIsNotSubject(lowerStatement, compiled.language);
  const context: CheckContext = {
    index,
    language,
    historySection: options.historySection,
    planSection: options.planSection ?? false,
    examSection: options.examSection ?? false,
    // Advice is conditional in a plan ("Ny kontakt ved feber", "Info om legevakt"); in the history only an explicit
    // "hvis"/"if" is ("legevakt: rtg uten fraktur" is a place, "sårhet ved hoste" a circumstance).
    conditional: options.historySection
      ? /(?<![\p{L}])(?:hvis|dersom|if|in case)(?![\p{L}])/u.test(lowerStatement)
      : compiled.conditionalStatement.test(lowerStatement) ||
        ((options.planSection ?? false) && /(?<![\p{L}])ved(?![\p{L}])/u.test(lowerStatement)),
    discussion: compiled.discussionCues.test(lowerStatement),
    mentionsRelative: kinMention && !kinNotSubject,
    statementText: statement.text,
    statementContent,
    mixedPolarity: mixedPolarityWords(clauses),
  };

  const anchors = anchorUnits(clauses, context);
  if (anchors.length > 0) {
    for (const clause of clauses) {
      const known = new Set(clause.window.map((unit) => unit.index));
      clause.window = [...clause.window, ...anchors.filter((unit) => !known.has(unit.index))].sort(
        (left, right) => left.index - right.index,
      );
    }
  }
  // Clauses whose values the transcript confirms ("RF 22"): a measurement, not a finding to negate.
  const measured = new Set<Clause>();
  for (const clause of clauses) {
    let valuesFound = clause.quantities.length > 0;
    for (const quantity of clause.quantities) {
      const issue = checkQuantity(quantity, clause, context);
      if (issue) {
        issues.push(issue);
        valuesFound = false;
      }
    }
    if (valuesFound) measured.add(clause);
    for (const mention of clause.sides) {
      const issue = checkSide(mention.side, clause, clauses, context);
      if (issue) issues.push(issue);
    }
    // A side under a negation ("Denies left eye pain") is wrong where the talk gives the finding the other side.
    for (const mention of sidesOfTokens(clause.tokens, compiled, true)) {
      const issue = checkSide(mention.side, clause, clauses, context);
      if (issue?.verdict === 'contradicted') issues.push(issue);
    }
    for (const time of findTimes(clause.text, compiled)) {
      const issue = checkTime(time.key, time.text, clause, context);
      if (issue) issues.push(issue);
    }
  }
  for (const drug of drugs) {
    const issue = checkDrug(drug, context);
    if (issue) issues.push(issue);
  }
  for (const clause of clauses) {
    const issue = firstIssue([checkDiagnoses], clause, context);
    if (issue) issues.push(issue);
  }
  for (const clause of clauses) {
    const absentIssue = firstIssue([checkAbsentFinding, checkUnconfirmedFinding], clause, context);
    if (absentIssue) {
      issues.push(absentIssue);
      continue;
    }
    // A value the transcript confirms, said not to be so ("does not have 8 to 10 wet diapers a day").
    if (measured.has(clause)) {
      const issue = negatedMeasure(clause, context);
      if (issue) {
        issues.push(issue);
        continue;
      }
    }
    // A condition's polarity is checked also where its values are confirmed ("hvis det ikke går over på en uke").
    const measuredOnly = measured.has(clause) && clause.negated.size === 0;
    // "Not sure whether …", "ikke sikker på om …": uncertainty, neither asserted nor denied; "a negative mammogram":
    // a test's result, neither.
    const negationIssue = neitherAssertedNorDenied(clause)
      ? undefined
      : measuredOnly
        ? firstIssue(
            [
              checkAbnormalClaim,
              checkEffectClaim,
              checkConditionPolarity,
              checkDeniedOnly,
              checkConditionPredicate,
            ],
            clause,
            context,
          )
        : firstIssue(
            [
              checkQuotedPolarity,
              checkSideEffectClaim,
              checkEvidenceFrame,
              checkOtherInstances,
              checkNegation,
              checkAbnormalClaim,
              checkEffectClaim,
              checkConditionPolarity,
              checkAlignedPolarity,
              checkDeniedOnly,
              checkAssertedOnly,
              checkUnsaidNegation,
              checkNegatedProcess,
              checkNegatedOwnStep,
              checkDeclinedRequest,
              checkDeferredStart,
              checkStartedNow,
              checkAmount,
              checkControlClaim,
              checkConditionPredicate,
            ],
            clause,
            context,
          );
    const siteIssue = negationIssue ? undefined : checkBareSite(clause, context, clauses);
    if (siteIssue) {
      issues.push({ ...siteIssue, rule: 'checkBareSite' });
      continue;
    }
    if (negationIssue) {
      issues.push(negationIssue);
      continue;
    }
    if (!context.mentionsRelative && clause.negated.size === 0) {
      const personIssue = firstIssue([checkPerson], clause, context);
      if (personIssue) {
        issues.push(personIssue);
        continue;
      }
    }
    if (context.historySection && !context.conditional && !context.discussion && !context.mentionsRelative) {
      const speakerIssue = firstIssue([checkSpeaker], clause, context);
      if (speakerIssue) issues.push(speakerIssue);
    }
  }

  // ---- evidence and overall coverage
  const topAll = clauses.flatMap((clause) => clause.top.map((entry) => entry.unit));
  const evidenceUnits = [...new Map(topAll.map((unit) => [unit.index, unit])).values()];
  const evidenceCoverage = unionCoverage(statementContent, evidenceUnits, index);
  // A label ("Cardiovascular:", "Neurological/Psychological:") and a reporting word ("Reports", "Positive for",
  // "Endorses") say where and how a finding is filed; the finding after them is what the transcript must hold.
  const finding = findingContent(clauses, compiled.language);
  const globalCoverage = Math.max(
    unionCoverage(statementContent, index.units, index),
    finding.length > 0 && finding.length < statementContent.length
      ? unionCoverage(finding, index.units, index)
      : 0,
  );
  const evidence = segmentIds([...evidenceUnits].sort((left, right) => left.index - right.index)).slice(0, 4);

  const reasons: string[] = [];
  if (unknownCited.length > 0) reasons.push(REASONS.evidenceUnknown(unknownCited, language));
  if (cited.size > 0 && evidence.length > 0 && !evidence.some((id) => cited.has(id))) {
    reasons.push(REASONS.evidenceWrong([...cited], evidence, language));
  }
  if (options.trace)
    for (const issue of issues) issue.reason = `${issue.reason} [${issue.rule ?? issue.kind ?? '?'}]`;
  const contradictions = issues.filter((issue) => issue.verdict === 'contradicted');
  const gaps = issues.filter((issue) => issue.verdict === 'unsupported');
  const weakOnly = statementContent.every(
    (token) => isWeak(token, compiled.language) || token.surface.length <= 2,
  );
  // A named diagnosis the transcript supports, or a ruled-out finding ("Ikke holdepunkt for nefropati"), is an
  // assessment: inferred even when its words are not in the transcript.
  const quantitiesVerified =
    clauses.some((clause) => clause.quantities.length > 0) &&
    !issues.some((issue) => issue.kind === 'number');
  const assessment =
    hasSupportedDiagnosis(clauses, context) ||
    mostlyNegated(clauses) ||
    quantitiesVerified ||
    // The setting ("Videokonsultasjon"), a computed score ("Centor 4") or who came along ("Mor følger").
    compiled.settingWords.test(lowerStatement) ||
    compiled.scoreNames.test(lowerStatement) ||
    (index.relativePresent && kinMention && compiled.accompanyCues.test(lowerStatement)) ||
    // The consultation itself ("Questions were invited and answered", "The patient understands and agrees with the
    // plan"): documentation of the visit, not a clinical claim. Negated, it is a claim that needs evidence.
    (compiled.processCues.test(lowerStatement) &&
      !clauses.some((clause) => clause.tokens.some((token) => token.negation))) ||
    // Only normal and absent findings ("Temperature: normal", "Neck supple without thyromegaly"): often examined
    // without a word said.
    onlyNormalOrDenied(clauses, compiled, context.examSection);
  let support: Support;
  if (contradictions.length > 0) {
    support = 'contradicted';
    reasons.unshift(...contradictions.map((issue) => issue.reason), ...gaps.map((issue) => issue.reason));
  } else if (gaps.length > 0) {
    support = 'unsupported';
    reasons.unshift(...gaps.map((issue) => issue.reason));
  } else if (statementContent.length > 0 && evidenceCoverage >= 0.6) {
    support = 'supported';
    reasons.unshift(REASONS.supported(evidence, language));
  } else if (
    statementContent.length === 0 ||
    globalCoverage >= 0.25 ||
    weakOnly ||
    assessment ||
    headingOnly(statementContent)
  ) {
    support = 'inferred';
    reasons.unshift(REASONS.inferred(evidence, language));
  } else {
    support = 'unsupported';
    reasons.unshift(REASONS.contentMissing(language));
  }
  const critical =
    isCritical(statement.text, clauses, drugs, compiled) || issues.some((issue) => issue.critical);
  const severity: Severity = critical ? 'critical' : 'normal';
  const finalEvidence = support === 'unsupported' && evidenceCoverage < 0.25 ? [...cited] : evidence;
  return { support, severity, evidence: finalEvidence, reasons: [...new Set(reasons)] };
}

// ---------- numbers ----------

/** A value rare enough that finding it anywhere in the transcript supports it (not a small whole number). */
function isDistinctiveValue(quantity: Quantity): boolean {
  return (
    quantity.value >= 11 ||
    !Number.isInteger(quantity.value) ||
    (quantity.value2 !== undefined && (quantity.value2 >= 11 || !Number.isInteger(quantity.value2)))
  );
}

/** A stretch from now ("the next two weeks") against a point in time ("in 2 weeks", "2 weeks ago"). */
function stretchAgainstPoint(left: string | undefined, right: string | undefined): boolean {
  return left !== undefined && right !== undefined && left !== right && (left === 'next' || right === 'next');
}

/** A duration after "for" ("for about a week", "for the past 3 months"): how long something has lasted. */
function lastedFor(text: string, start: number): boolean {
  const before = foldText(text.slice(Math.max(0, start - 32), start));
  return /(?:^|\s)for\s+(?:the\s+)?(?:(?:past|last)\s+)?(?:(?:about|around|approximately|roughly|nearly|almost|over)\s+)?$/.test(
    before,
  );
}

function relationsCompatible(left: string | undefined, right: string | undefined): boolean {
  return left === undefined || right === undefined || left === right;
}

const PAIN_SCALE =
  /(?:scale|out of ten|one to ten|zero to ten|1 to 10|0 to 10|rate (?:your|the) pain|pain level|ten being|skala|av ti|til ti|null til ti)/u;

const FOLLOW_UP =
  /(?<![\p{L}])(?:follow[- ]?up|return|come back|see (?:you|him|her|them) (?:back|again)|back in|recheck|kontroll|komme tilbake|ny time)(?![\p{L}])/u;

/** A time unit written after a number the parser left bare ("hver 3.–4. dag", "a 6-to-8-week course"). */
const TIME_UNIT_AFTER =
  /^[\s.–-]*(?:(?:to|til|or|eller)?[\s.–-]*\d+[\s.–-]*)?(?:dag|dager|døgn|uke|uker|måned|måneder|mnd|år|time|timer|days?|weeks?|months?|years?|hours?)(?![\p{L}])/u;

/** Labels of laboratory values (not vital signs, scores or types, which are named loosely in talk). */
const LAB_LABELS: ReadonlySet<string> = new Set([
  'crp',
  'hemoglobin',
  'ferritin',
  'hba1c',
  'ldl',
  'egfr',
  'creatinine',
  'tsh',
  't4',
  'liver',
  'inr',
  'ejection-fraction',
]);

/** Whether a transcript quantity anywhere supports a note quantity without the clause's local context. */
function supportsAnywhere(
  quantity: Quantity,
  found: Quantity,
  unit: TranscriptUnit,
  clause: Clause,
  context: CheckContext,
): boolean {
  const { index } = context;
  if (quantity.label && found.label) return quantity.label === found.label;
  // A bare value of a measure the statement names elsewhere ("hemoglobin A1c levels …, but his most recent level was
  // 8"), said with that label.
  if (!quantity.label && found.label && !quantity.family && labelsIn(context.statementText).has(found.label))
    return true;
  // A lab value said with its name ("the LDL was 128") is that lab's, no support for a measure the statement names
  // otherwise ("bilirubin 128").
  if (
    !quantity.label &&
    found.label &&
    LAB_LABELS.has(found.label) &&
    !labelsIn(context.statementText).has(found.label)
  )
    return false;
  if (!familyFitsLabel(quantity, found)) return false;
  if (
    quantity.family !== undefined &&
    quantity.family === found.family &&
    SPECIFIC_FAMILIES.has(quantity.family)
  )
    return true;
  if (quantity.family === 'time' && found.family === 'time') {
    const claimedRelation = timeRelation(context.statementText, {
      ...quantity,
      start: quantity.start + clause.offset,
      end: quantity.end + clause.offset,
    });
    const foundRelation = timeRelation(unit.text, found);
    if (!relationsCompatible(claimedRelation, foundRelation)) return false;
    // One end of a range said elsewhere ("six to eight weeks" of therapy) is no support for "6 weeks ago".
    if (quantity.shape === 'scalar' && found.shape === 'range' && claimedRelation !== foundRelation)
      return false;
    if (claimedRelation !== undefined && claimedRelation === foundRelation) return true;
    // A stretch said with "for" on both sides ("for approximately 1 week" – "for about a week now").
    if (lastedFor(context.statementText, quantity.start + clause.offset) && lastedFor(unit.text, found.start))
      return true;
    // A range said as a range ("one to two days", "six to eight weeks") is rare enough to find anywhere.
    if (quantity.shape === 'range' && found.shape === 'range') return true;
    // The answer to "Hvor lenge …?" / "How long …?" (any sentence of the answering turn).
    const previousTurn = index.units.filter((other) => other.segmentIndex === unit.segmentIndex - 1);
    if (previousTurn.some((other) => other.isQuestion && DURATION_QUESTION.test(foldText(other.text))))
      return true;
    // … or asked earlier in the same recorded turn (speech recognition ran the two speakers together: "how long has
    // this been going on i would say about two weeks").
    const earlierInTurn = index.units
      .filter((other) => other.segmentIndex === unit.segmentIndex && other.index < unit.index)
      .map((other) => other.text);
    if (DURATION_QUESTION.test(foldText([...earlierInTurn, unit.text.slice(0, found.start)].join(' '))))
      return true;
    // A follow-up interval ("return in 3 weeks") said where the doctor arranges to see the patient again.
    if (
      FOLLOW_UP.test(foldText(context.statementText)) &&
      index.units.some(
        (other) =>
          other.segmentIndex === unit.segmentIndex &&
          Math.abs(other.index - unit.index) <= 1 &&
          FOLLOW_UP.test(foldText(other.text)),
      )
    )
      return true;
    if (coverage(clause.content, unit, index) >= (context.historySection ? 0.2 : 0.5)) return true;
    // In the history, close to where the clause's words are said.
    const near = clause.top.some((entry) => Math.abs(entry.unit.segmentIndex - unit.segmentIndex) <= 2);
    return context.historySection && near;
  }
  // A dose is not found as a bare number far from its drug ("100 mg" in "a hundred . four", "20 mg" in "twenty
  // eighteen"): without a unit, the number must be said where the dose is.
  if (
    !quantity.label &&
    !found.family &&
    (quantity.family === 'mass' || quantity.family === 'volume' || quantity.family === 'concentration')
  )
    return false;
  if (isDistinctiveValue(quantity) && quantity.family !== 'time' && found.family !== 'time') return true;
  // A range or pair said as one ("7–8" as "seven eight", "4/10" as "four out of ten") is rare enough anywhere.
  if (
    quantity.shape !== 'scalar' &&
    quantity.shape === found.shape &&
    quantity.family !== 'time' &&
    found.family !== 'time'
  )
    return true;
  // A score out of ten at one end of a range said on the ten scale ("2/10 at best" – "from two through seven out of
  // ten").
  if (quantity.shape === 'pair' && quantity.value2 === 10 && onTenScale(found)) return true;
  // A weekly or monthly frequency ("3 times per week") said with the same period: not a drug's daily schedule.
  if (
    quantity.family === 'frequency' &&
    found.family === 'frequency' &&
    (quantity.period === 'week' || quantity.period === 'month') &&
    quantity.period === found.period
  )
    return true;
  // A count of the same thing ("2 beers" for "a couple of beers", "1.5 packs" for "a pack and a half").
  const countNoun = (counted: Quantity): string => (counted.unitText ?? '').toLowerCase().replace(/e?s$/, '');
  if (
    quantity.family === 'count' &&
    found.family === 'count' &&
    countNoun(quantity) !== '' &&
    !/^(?:\+|plus|pluss)$/.test(countNoun(quantity)) &&
    countNoun(quantity) === countNoun(found)
  )
    return true;
  // The answer to "how many packs a day …?" ("at least two").
  if (quantity.family === 'count' && found.family === undefined && countNoun(quantity) !== '') {
    const noun = countNoun(quantity).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const asked = new RegExp(`(?:how many|hvor mange)\\s+${noun}`, 'u');
    const previousTurn = index.units.filter((other) => other.segmentIndex === unit.segmentIndex - 1);
    if (previousTurn.some((other) => asked.test(foldText(other.text)))) return true;
  }
  // "9/10" answered to "on a scale of one to ten …?" – "like a nine".
  if (quantity.shape === 'pair' && quantity.value2 === 10 && found.shape === 'scalar') {
    const asked = [unit, ...index.units.filter((other) => other.segmentIndex === unit.segmentIndex - 1)];
    if (asked.some((other) => PAIN_SCALE.test(foldText(other.text)))) return true;
  }
  // Said in a unit that is about the same thing ("three times a week … your wrist").
  return clause.content.length > 0 && coverage(clause.content, unit, index) >= 0.5;
}

/**
 * Units holding values of the statement found elsewhere: they anchor the windows of all its clauses, and each
 * clause keeps the units with its own values (the best evidence for a side or a time next to the value).
 */
function anchorUnits(clauses: Clause[], context: CheckContext): TranscriptUnit[] {
  const { index } = context;
  const anchors = new Map<number, TranscriptUnit>();
  for (const clause of clauses) {
    const own = new Map<number, TranscriptUnit>();
    for (const quantity of clause.quantities) {
      if (!quantity.label && !isDistinctiveValue(quantity)) continue;
      for (const unit of index.units) {
        const hit = unit.quantities.some(
          (found) =>
            found.subject === 'patient' &&
            labelsCompatible(quantity, found) &&
            quantitiesMatch(quantity, found) &&
            supportsAnywhere(quantity, found, unit, clause, context),
        );
        if (hit) {
          anchors.set(unit.index, unit);
          own.set(unit.index, unit);
        }
      }
    }
    clause.anchors = [...own.values()];
  }
  return expandWindow([...anchors.values()], index);
}

const FREQUENCY_WORDS: Record<Language, Record<number, RegExp>> = {
  nb: {
    1: /(?:daglig|om dagen|i døgnet|om morgenen|om kvelden|morgen|kveld|hver dag|én gang|en gang|ett drag|vesp)/u,
    2: /(?:morgen og kveld|to ganger|2 ganger)/u,
  },
  en: {
    1: /(?:daily|a day|once|every day|per day|each day|at night|at bedtime|in the morning|every morning|nightly)/u,
    2: /(?:twice|two times|morning and (?:night|evening)|bid)/u,
  },
};

/** Unit families a labelled value can be written in (a temperature is never in milligrams). */
const LABEL_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  temperature: ['degree'],
  pulse: ['rate', 'count'],
  'blood-pressure': ['pressure'],
  'respiratory-rate': ['rate', 'count'],
  'oxygen-saturation': ['percent'],
  weight: ['mass'],
  height: ['length'],
  'pain-score': ['count'],
  phq: ['count'],
  fev1: ['percent'],
  'ejection-fraction': ['percent'],
};

function familyFitsLabel(claimed: Quantity, found: Quantity): boolean {
  // A labelled value (a type, a lab result, a score: "diabetes type two") is never a duration ("2 months").
  if (claimed.family === 'time' && !claimed.label && found.label && found.family !== 'time') return false;
  if (!claimed.label || found.label || !found.family) return true;
  const families = LABEL_FAMILIES[claimed.label] ?? ['concentration'];
  return families.includes(found.family);
}

/**
 * Units that speak of the clause's drug: those naming it, the sentence after when it names no other drug, and the
 * answer to a question about it ("Ibux kan jeg ta?" – "Ja … fire hundre milligram inntil tre ganger daglig").
 */
function drugUnits(clause: Clause, index: TranscriptIndex): TranscriptUnit[] {
  const drugs = findDrugMentions(clause.text, index.compiled.lexicon).filter((drug) => !drug.isClass);
  if (drugs.length === 0) return [];
  const units = new Map<number, TranscriptUnit>();
  const addIfFree = (unit: TranscriptUnit | undefined): void => {
    if (unit && unit.drugs.length === 0) units.set(unit.index, unit);
  };
  for (const unit of index.units) {
    if (!unit.drugs.some((found) => drugs.some((drug) => drugKeysMatch(drug.key, found.key)))) continue;
    units.set(unit.index, unit);
    const next = index.units[unit.index + 1];
    if (next && next.segmentIndex === unit.segmentIndex) addIfFree(next);
    // A prescription read out over two turns ("… doxycycline one hundred milligrams twice a day" – "… for about
    // three weeks"): the next turn's first sentence when it is the last sentence of this turn.
    else if (next && next.segmentIndex === unit.segmentIndex + 1 && unit.speaker === 'lege') addIfFree(next);
    if (unit.answeredByUnit !== undefined) {
      const answer = index.units[unit.answeredByUnit];
      addIfFree(answer);
      if (answer)
        for (const other of index.units.filter((candidate) => candidate.segmentIndex === answer.segmentIndex))
          addIfFree(other);
    }
  }
  return [...units.values()];
}

const CHANGE_VERB =
  /(?:reduse\w*|øke\w*|økt|øk|trapp\w*|halver\w*|dobl\w*|endre\w*|juster\w*|increas\w*|decreas\w*|reduc\w*|titrat\w*|taper\w*|lower\w*|bump\w*|go up|going up|go down|going down)/u;

/** True when the number is the target of a dose change: "økes til 20 mg", "increase it to 40 milligrams". */
function isChangeTarget(text: string, start: number, language: Language): boolean {
  const before = foldText(text.slice(Math.max(0, start - 60), start));
  const to = language === 'nb' ? /(?:^|\s)til\s+(?:\S+\s+)?$/u : /(?:^|\s)to\s+(?:\S+\s+)?$/u;
  return to.test(before) && CHANGE_VERB.test(before);
}

/** The text after each mention of the clause's drug up to the next drug named, in the units naming it. */
function drugSpans(clause: Clause, units: readonly TranscriptUnit[], index: TranscriptIndex): string[] {
  const drugs = findDrugMentions(clause.text, index.compiled.lexicon).filter((drug) => !drug.isClass);
  const spans: string[] = [];
  for (const unit of units) {
    const mentions = [...unit.drugs].sort((left, right) => left.start - right.start);
    mentions.forEach((mention, position) => {
      if (!drugs.some((drug) => drugKeysMatch(drug.key, mention.key))) return;
      let end = unit.text.length;
      for (const later of mentions.slice(position + 1)) {
        if (!drugKeysMatch(later.key, mention.key) && later.start > mention.start) {
          end = later.start;
          break;
        }
      }
      spans.push(foldText(unit.text.slice(mention.start, end)));
    });
  }
  return spans;
}

const DATE_PATTERN =
  /^(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}[/.](?:19|20)\d{2}|(?:19|20)\d{2}|\d{1,2}\/\d{1,2})$/;

/** True when the number is (part of) a calendar date or a year in the text. */
export function isCalendarDate(text: string, quantity: Quantity): boolean {
  let start = quantity.start;
  let end = quantity.end;
  while (start > 0 && /[\d/.]/.test(text.charAt(start - 1))) start -= 1;
  while (end < text.length && /[\d/.]/.test(text.charAt(end))) end += 1;
  const written = text.slice(start, end).replace(/\.$/, '');
  if (!DATE_PATTERN.test(written)) return false;
  // "120/80" is a pressure, "2/3" a fraction: a day and month must be plausible, a year four digits.
  const parts = written.split(/[/.]/).map(Number);
  if (parts.length === 1)
    return (
      /^(?:19|20)\d{2}$/.test(written) &&
      !/^\s*(?:mg|g|ml|kg|mcg|units?|ie|iu)\b/i.test(text.slice(end, end + 8))
    );
  const [first = 0, second = 0] = parts;
  // A month and a year ("12/2019").
  if (parts.length === 2 && second >= 1900) return first >= 1 && first <= 12;
  if (parts.length === 2 && second < 1900)
    return (
      /(?:on|in|from|since|dated?|den|fra|siden|per)\s*$/i.test(text.slice(Math.max(0, start - 8), start)) &&
      first <= 31 &&
      second <= 12
    );
  return first >= 1 && first <= 31 && second >= 1 && second <= 31;
}

/** "61-year-old", "53 y.o.", "45 years old", "45 år gammel", "45-åring": the number is a person's age. */
const AGE_AFTER =
  /^[\p{L}\d.,]*?(?:[-\s]+(?:years?|yrs?|months?|weeks?)[-\s]+old(?![\p{L}])|\s*y\.?\s?o\.?(?![\p{L}])|\s+år\s+(?:gammel|gml)(?![\p{L}])|-?åring)/u;
/** Said ages: "i'm sixty one", "i just turned 45", "aged 70". */
const AGE_BEFORE =
  /(?:(?<![\p{L}])(?:i'm|i am|he's|she's|he is|she is|turned|aged?|jeg er|hun er|han er|fylte|fyller)\s+(?:just\s+|about\s+|nå\s+)?)$/u;

/** True when the quantity in `text` is an age ("a 61-year-old female"). */
export function isAge(text: string, quantity: Quantity): boolean {
  // "did not sit up until 1 year old", "diagnosed at 40 years old", "ca. 20 år gammel": an event's age, not the person's.
  if (
    /(?<![\p{L}])(?:until|till|at|since|when|by|before|after|from|til|ved|siden|da|fra|før|etter|about|around|approximately|ca\.?|cirka|omkring|rundt)\s+(?:(?:the\s+)?age\s+(?:of\s+)?)?$/u.test(
      foldText(text.slice(Math.max(0, quantity.start - 20), quantity.start)),
    )
  )
    return false;
  return AGE_AFTER.test(text.slice(quantity.start));
}

/**
 * The patient's age in the opening line comes from the record, not from the talk (the demographic header of a clinic
 * note; ACI-BENCH and Norwegian EPJ notes alike): not said, it is inferred; another age said contradicts it.
 */
/** The issue for a number the transcript states differently: "38,4 står ikke i samtalen; der står 38,9". */
function conflictingValue(
  claimedText: string,
  said: { found: Quantity; unit: TranscriptUnit },
  options: { critical: boolean; language: Language },
): Issue {
  return flag(
    'number',
    'contradicted',
    REASONS.numberConflict(claimedText, said.found.text.trim(), [said.unit.segmentId], options.language),
    options.critical,
  );
}

function checkAge(quantity: Quantity, claimedText: string, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  // A bare number after "she's about" is no age when another number corrects it ("she's about 3, 3 and a half
  // pounds down"); "I was fourteen" gives the age at an event ("when she was 14 years old").
  const corrected = (unit: TranscriptUnit, found: Quantity): boolean =>
    unit.quantities.some(
      (other) => other.start > found.start && other.start - found.end <= 4 && other.family !== undefined,
    );
  const saidBefore = (unit: TranscriptUnit, found: Quantity): boolean => {
    const before = foldText(unit.text.slice(Math.max(0, found.start - 24), found.start));
    return AGE_BEFORE.test(before) || /(?<![\p{L}])(?:i|he|she) was\s+$/u.test(before);
  };
  const said = index.units.flatMap((unit) =>
    unit.quantities
      .filter(
        (found) =>
          found.subject === 'patient' &&
          found.shape === 'scalar' &&
          found.factor <= 365 &&
          (isAge(unit.text, found) ||
            (found.family === undefined && saidBefore(unit, found) && !corrected(unit, found))),
      )
      .map((found) => ({ found, unit })),
  );
  // An age the consultation never states is flagged for the doctor to confirm against the record: the verifier
  // sees only the transcript, and a wrong age there would otherwise pass unnoticed.
  if (said.length === 0) {
    return flag('number', 'unsupported', REASONS.numberMissing(claimedText, language));
  }
  if (said.some(({ found }) => found.value === quantity.value)) return undefined;
  const other = said[0];
  return other ? conflictingValue(claimedText, other, { critical: false, language }) : undefined;
}

/**
 * A measured value bound to when it was measured: "Feber til 38,6 i går kveld" where the transcript has "målte 38,9 i
 * går kveld" and "38,6" measured now; "T 38,9" in the examination where 38,9 was yesterday's and 38,6 today's. Found
 * only at another time while another value of the same label is said at the claim's time, the value conflicts.
 */
function timeBoundConflict(
  quantity: Quantity,
  clause: Clause,
  context: CheckContext,
  matches: ReadonlyArray<{ found: Quantity & { subject: Subject }; unit: TranscriptUnit }>,
  compatible: (claimed: Quantity, found: Quantity) => boolean,
): { found: Quantity; unit: TranscriptUnit } | undefined {
  if (!quantity.label || quantity.label === 'type' || quantity.label === 'year') return undefined;
  const claimTimes = findTimes(clause.text, context.index.compiled).map((time) => time.key);
  // Without a time of its own, an examination finding is of today.
  if (claimTimes.length === 0 && !context.examSection) return undefined;
  const atClaimTime = (unit: TranscriptUnit): boolean => {
    const keys = unit.times.map((time) => time.key);
    if (claimTimes.length === 0) return keys.length === 0 || keys.some((key) => timesAgree(key, 'today'));
    return keys.some((key) => claimTimes.some((claimed) => timesAgree(key, claimed)));
  };
  const patientMatches = matches.filter(({ found }) => found.subject === 'patient');
  if (patientMatches.length === 0 || patientMatches.some(({ unit }) => atClaimTime(unit))) return undefined;
  for (const unit of context.index.units) {
    if (unit.hypothetical || unit.isQuestion || !atClaimTime(unit)) continue;
    const found = unit.quantities.find(
      (other) =>
        other.subject === 'patient' &&
        other.label === quantity.label &&
        other.shape === quantity.shape &&
        !compatible(quantity, other),
    );
    if (found) return { found, unit };
  }
  return undefined;
}

/**
 * A number that states nothing about this patient: the four quadrants of the abdomen ("bowel sounds in all 4
 * quadrants"), a name (coenzyme "Co-Q 10"), the ends of a scale and their legend ("VAS 0-10 scale (0 = no pain, 10 =
 * worst imaginable pain)").
 */
function isFixedNumber(text: string, quantity: Quantity): boolean {
  const before = foldText(text.slice(Math.max(0, quantity.start - 16), quantity.start));
  const after = foldText(text.slice(quantity.end, quantity.end + 16));
  if (quantity.value === 4 && quantity.shape === 'scalar' && /^\s*quadrants(?![\p{L}])/u.test(after))
    return true;
  if (/(?<![\p{L}])(?:co-?\s?q|coenzyme\s+q)\s*$/u.test(before)) return true;
  if (
    quantity.shape === 'range' &&
    (quantity.value === 0 || quantity.value === 1) &&
    quantity.value2 === 10 &&
    (/^\s*(?:point\s+)?(?:pain\s+)?scale(?![\p{L}])/u.test(after) || /(?<![\p{L}])vas\s*$/u.test(before))
  )
    return true;
  // "0 = no pain", "10 = worst imaginable pain": the legend of a scale's ends, not a value.
  return quantity.shape === 'scalar' && [0, 1, 10].includes(quantity.value) && /^\s*=\s*\p{L}/u.test(after);
}

function checkQuantity(quantity: Quantity, clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (isFixedNumber(clause.text, quantity)) return undefined;
  const claimedText = quantity.text.trim() || formatQuantityValue(quantity, language);
  type Found = { found: Quantity & { subject: Subject }; unit: TranscriptUnit };
  // A value after the patient comes back as the one spoken to or acted on ("your roommate … you limit alcohol to
  // five drinks") is the patient's.
  const ownSubject = (found: Quantity & { subject: Subject }, unit: TranscriptUnit): Subject =>
    found.subject === 'relative' &&
    !relativeAt(
      unit,
      Math.min(
        unit.tokens.length - 1,
        Math.floor((found.start / Math.max(1, unit.text.length)) * unit.tokens.length),
      ),
    )
      ? 'patient'
      : found.subject;
  // A value said as the one it is not ("your creatinine was .7 not .8", "1,1 – ikke 1,4") is no value of the patient.
  const denied = (found: Quantity, unit: TranscriptUnit): boolean => {
    return /(?:^|[\s,;–-])(?:not|ikke)\s*$/u.test(
      foldText(unit.text.slice(Math.max(0, found.start - 8), found.start)),
    );
  };
  const quantitiesIn = (units: readonly TranscriptUnit[]): Found[] =>
    units.flatMap((unit) =>
      unit.quantities
        .filter((found) => !denied(found, unit))
        .map((found) => ({ found: { ...found, subject: ownSubject(found, unit) }, unit })),
    );
  // A bare number ("2 tidl. UVI") is not found as a time said with its unit ("for et par år siden"): the unit says
  // what was counted.
  const compatible = (claimed: Quantity, found: Quantity): boolean =>
    labelsCompatible(claimed, found) &&
    familyFitsLabel(claimed, found) &&
    !(
      claimed.family === undefined &&
      !claimed.label &&
      found.family === 'time' &&
      !TIME_UNIT_AFTER.test(clause.text.slice(claimed.end, claimed.end + 16))
    ) &&
    quantitiesMatch(claimed, found);
  // "Furosemid reduseres til 20 mg": the new dose is the one said as a target ("halverer vi til tjue milligram"),
  // not the old one.
  const quantityLanguage = context.index.compiled.language;
  const target = isChangeTarget(clause.text, quantity.start, quantityLanguage);
  const relationOfClaim =
    quantity.family === 'time'
      ? timeRelation(context.statementText, {
          ...quantity,
          start: quantity.start + clause.offset,
          end: quantity.end + clause.offset,
        })
      : undefined;
  const matches = (candidates: readonly Found[]): Found[] => {
    const targetSaid =
      target &&
      candidates.some(
        ({ found, unit }) =>
          found.family === quantity.family && isChangeTarget(unit.text, found.start, quantityLanguage),
      );
    const direct = candidates.filter(
      ({ found, unit }) =>
        compatible(quantity, found) &&
        (!targetSaid || isChangeTarget(unit.text, found.start, quantityLanguage)) &&
        // "in 2 weeks" is not "for the next couple of weeks".
        !(found.family === 'time' && stretchAgainstPoint(relationOfClaim, timeRelation(unit.text, found))),
    );
    if (direct.length > 0 || quantity.shape !== 'range') return direct;
    // "VAS 7–8" said as "sju, kanskje åtte": both ends as separate numbers in one unit.
    const [low, high] = rangeEnds(quantity);
    if (!low || !high) return [];
    // Both ends in one turn ("En pils på fredag. Kanskje to hvis det er fotball.").
    for (const segmentIndex of new Set(candidates.map(({ unit: candidate }) => candidate.segmentIndex))) {
      const turn = index.units.filter((unit) => unit.segmentIndex === segmentIndex);
      const scalars = turn.flatMap((unit) =>
        unit.quantities.filter((found) => found.shape === 'scalar').map((found) => ({ found, unit })),
      );
      const lowFound = scalars.find(({ found }) => compatible(low, found));
      const highFound = scalars.find(({ found }) => compatible(high, found));
      if (lowFound && highFound) return [lowFound, highFound];
    }
    return [];
  };
  // 1. Where the clause's words are: its window; for a dose or frequency the sentences naming the drug.
  // A type ("type 2 diabetes") not said is an inference ("DM2" for "diabetes"); only another type said contradicts it.
  if (quantity.label === 'type') {
    const types = quantitiesIn(index.units).filter(
      ({ found }) => found.label === 'type' && found.subject === 'patient',
    );
    if (types.some(({ found }) => found.value === quantity.value)) return undefined;
    // Diabetes without a type said is type 2 in general practice (about nine in ten; Helsedirektoratet, Nasjonal
    // faglig retningslinje for diabetes, 2016–): writing type 1 needs the type said.
    if (types.length === 0) {
      const diabetes = /diabet|\bdm\b/u.test(foldText(context.statementText));
      return diabetes && quantity.value !== 2
        ? {
            kind: 'number',
            verdict: 'unsupported',
            critical: true,
            reason: REASONS.numberMissing(claimedText, language),
          }
        : undefined;
    }
    const other = types[0];
    return other ? conflictingValue(claimedText, other, { critical: false, language }) : undefined;
  }
  if (!context.mentionsRelative && quantity.shape === 'scalar' && isAge(clause.text, quantity)) {
    // The record gives an age, never a denial of one ("is not a 61-year-old female"): that needs the transcript.
    const number = clause.tokens.findIndex((token) => /^\d/.test(token.surface));
    const denied = clause.tokens.slice(0, Math.max(0, number)).some((token) => token.negation);
    return denied
      ? {
          kind: 'number',
          verdict: 'unsupported',
          critical: false,
          reason: REASONS.numberMissing(claimedText, language),
        }
      : checkAge(quantity, claimedText, context);
  }
  // A relative's age ("Brother: 9 years old") said as an age anywhere ("my son, who is nine", "she's 70").
  if (context.mentionsRelative && quantity.shape === 'scalar' && isAge(clause.text, quantity)) {
    const saidAsAge = index.units.some((unit) =>
      unit.quantities.some((found) => {
        if (found.value !== quantity.value || found.shape !== 'scalar') return false;
        const before = foldText(unit.text.slice(Math.max(0, found.start - 24), found.start));
        return isAge(unit.text, found) || AGE_BEFORE.test(before) || /(?:who is|who's)\s+$/u.test(before);
      }),
    );
    if (saidAsAge) return undefined;
  }
  // A score after its name ("Centor 4", "CRB-65 = 0"): its scale, its value said aloud, or its criteria in the talk.
  const score = checkScore(clause.text, quantity, claimedText, index, language);
  if (score?.verdict === 'contradicted')
    return { kind: 'number', verdict: 'contradicted', critical: true, reason: score.reason ?? '' };
  if (score?.verdict === 'supported') return undefined;
  const ownDrugUnits = drugUnits(clause, index);
  const drugBound =
    ownDrugUnits.length > 0 && (quantity.family === 'mass' || quantity.family === 'frequency');
  // With a drug: its own sentences, and window sentences that name no other drug.
  const local = drugBound
    ? [...new Set([...ownDrugUnits, ...clause.window.filter((unit) => unit.drugs.length === 0)])]
    : [...new Set([...clause.window, ...ownDrugUnits])];
  const inLocal = matches(quantitiesIn(local));
  if (inLocal.some(({ found }) => found.subject === 'patient')) {
    const everywhere = matches(quantitiesIn(index.units));
    const timeBound = timeBoundConflict(quantity, clause, context, everywhere, compatible);
    return timeBound ? conflictingValue(claimedText, timeBound, { critical: true, language }) : undefined;
  }
  const critical =
    quantity.label !== undefined ||
    (quantity.family !== undefined && quantity.family !== 'time' && quantity.family !== 'count');
  // Default frequencies of the drug's own sentence: "x 1" for "daglig"/"om morgenen", "x 2" for "morgen og kveld".
  if (quantity.family === 'frequency' && quantity.shape === 'scalar') {
    const words = FREQUENCY_WORDS[index.compiled.language];
    const pattern = words[quantity.value];
    const sentences = ownDrugUnits.length > 0 ? ownDrugUnits : clause.top.map((entry) => entry.unit);
    // (A frequency of another period is about something else: "glemmer den en gang i uka" sets no daily dose.)
    const explicit = quantitiesIn(sentences).some(
      ({ found }) =>
        found.family === 'frequency' &&
        found.subject === 'patient' &&
        !(quantity.period && found.period && quantity.period !== found.period),
    );
    // In a list of drugs read out ("Furosemid førti milligram om morgenen. … apixaban, to komma fem milligram morgen
    // og kveld"), only the words after this drug and before the next count.
    const spans = drugSpans(clause, ownDrugUnits, index);
    const twice = words[2];
    if (!explicit && quantity.value !== 2 && twice && spans.some((span) => twice.test(span))) {
      const unit = ownDrugUnits[0];
      return flag(
        'number',
        'contradicted',
        REASONS.numberConflict(claimedText, 'x 2', unit ? [unit.segmentId] : [], language),
        true,
      );
    }
    if (!explicit && pattern && sentences.some((unit) => pattern.test(foldText(unit.text)))) return undefined;
    if (!explicit && quantity.value === 1) return undefined;
  }
  // 2. A different value of the same kind where the clause's words are said: the transcript says otherwise.
  const strongUnits = drugBound
    ? ownDrugUnits
    : clause.top
        .map((entry) => entry.unit)
        .filter((unit) => clause.content.length > 0 && coverage(clause.content, unit, index) >= 0.5);
  // Durations of different relations are different facts: "3 days after the visit" is no conflict with "3 months
  // ago".
  const sameKind = (found: Quantity, unit: TranscriptUnit): boolean =>
    (found.family !== 'time' || relationsCompatible(relationOfClaim, timeRelation(unit.text, found))) &&
    found.shape === quantity.shape &&
    !(quantity.period && found.period && quantity.period !== found.period) &&
    ((quantity.label !== undefined && found.label === quantity.label) ||
      (quantity.family !== undefined && quantity.family === found.family && quantity.family !== 'count'));
  const strongConflict = quantitiesIn(strongUnits).find(
    ({ found, unit }) => found.subject === 'patient' && sameKind(found, unit) && !compatible(quantity, found),
  );
  // 3. Elsewhere in the transcript, where the value is distinctive or its label matches; a dose not where
  // another drug is named ("Sumatriptan, femti milligram" is no amitriptyline dose).
  const ownDrugIndexes = new Set(ownDrugUnits.map((unit) => unit.index));
  const global = matches(quantitiesIn(index.units)).filter(
    ({ found, unit }) =>
      supportsAnywhere(quantity, found, unit, clause, context) &&
      !(drugBound && unit.drugs.length > 0 && !ownDrugIndexes.has(unit.index)),
  );
  // The value said where the clause's words are said just as strongly: the transcript has both, the note one of them.
  const strongMatch = global.some(
    ({ found, unit }) =>
      found.subject === 'patient' &&
      (strongUnits.includes(unit) ||
        (!drugBound && clause.content.length > 0 && coverage(clause.content, unit, index) >= 0.5)),
  );
  const everywhere = matches(quantitiesIn(index.units));
  const timeBound = timeBoundConflict(quantity, clause, context, everywhere, compatible);
  if (timeBound) return conflictingValue(claimedText, timeBound, { critical: true, language });
  if ((!strongConflict || strongMatch) && global.some(({ found }) => found.subject === 'patient'))
    return undefined;
  const otherPerson = [...inLocal, ...global].filter(({ found }) => found.subject === 'relative');
  if (otherPerson.length > 0 && !context.mentionsRelative && !strongConflict) {
    return flag(
      'number',
      'contradicted',
      REASONS.numberOtherPerson(claimedText, segmentIds(otherPerson.map(({ unit }) => unit)), language),
      true,
    );
  }
  if (otherPerson.length > 0 && !strongConflict) return undefined;
  // A computed score (Centor, CRB-65, CHA2DS2-VASc) is an inference, not said as a number.
  const before = foldText(clause.text.slice(Math.max(0, quantity.start - 28), quantity.start));
  if (new RegExp(`(?:${index.compiled.lexicon.scoreNames})\\W*$`, 'iu').test(before)) return undefined;
  if (strongConflict) {
    return conflictingValue(claimedText, strongConflict, { critical: critical, language });
  }
  // A different value of the same kind nearby.
  const conflict = quantitiesIn(local).find(
    ({ found, unit }) => found.subject === 'patient' && sameKind(found, unit) && !compatible(quantity, found),
  );
  if (conflict) {
    return conflictingValue(claimedText, conflict, { critical: critical, language });
  }
  // A calendar date ("12/2019", "03/01/2021", "in 2021") comes from the record, not from the talk: a date not said
  // is not flagged (another date said for the same thing still contradicts it, above).
  if (isCalendarDate(clause.text, quantity)) return undefined;
  // An ordinal written as a word ("a second injection", "her first visit") says "another" or "new" more often than a
  // count the talk states; digits ("2nd metatarsal") are still checked.
  if (quantity.ordinal && !/\d/.test(quantity.text)) return undefined;
  // "In 1 week" said as "next week" where the doctor arranges to see the patient again ("see you again next week").
  const nextKey = { 7: 'next-week', 30: 'next-month' }[quantity.factor];
  if (
    quantity.family === 'time' &&
    quantity.value === 1 &&
    quantity.shape === 'scalar' &&
    nextKey !== undefined &&
    relationOfClaim === 'future' &&
    index.units.some(
      (unit) => unit.times.some((time) => time.key === nextKey) && FOLLOW_UP.test(foldText(unit.text)),
    ) &&
    FOLLOW_UP.test(foldText(context.statementText))
  )
    return undefined;
  // A bare "1" said as "one" where the clause's words are ("1 in the morning" – "I take one in the morning"): a lone
  // "one" is as often a pronoun and is not read as a number.
  if (
    quantity.value === 1 &&
    quantity.shape === 'scalar' &&
    quantity.family === undefined &&
    local.some((unit) => /(?<![\p{L}])(?:one|én|ett)(?![\p{L}])/u.test(foldText(unit.text)))
  )
    return undefined;
  return {
    kind: 'number',
    verdict: 'unsupported',
    critical,
    reason: REASONS.numberMissing(claimedText, language),
  };
}

// ---------- laterality ----------

function nearestSide(unit: TranscriptUnit, clause: Clause, index: TranscriptIndex): Side[] {
  if (unit.sides.length === 0) return [];
  // For a finding, a side described as normal nearby ("… krepitasjoner basalt venstre side er fin") is not its side;
  // for a normal finding ("Left knee exam is normal"), it is ("edema of your right knee, but your left knee looks
  // fine").
  const compiled = index.compiled;
  const normalClaim = clause.content.some((token) => isNormalWord(token, compiled));
  // Read on past the end of a window of a long unpunctuated turn ("… basalt venstre | side er fin").
  const described = (position: number): boolean => {
    const at = position + unit.contextOffset;
    return unit.contextTokens.slice(at + 1, at + 5).some((token) => isNormalWord(token, compiled));
  };
  const findingSides = unit.sides.filter((mention) => described(mention.position) === normalClaim);
  if (findingSides.length > 0 && findingSides.length < unit.sides.length)
    return nearestOf({ ...unit, sides: findingSides }, clause, index);
  return nearestOf(unit, clause, index);
}

function nearestOf(unit: TranscriptUnit, clause: Clause, index: TranscriptIndex): Side[] {
  // Nearest to the finding ("tenderness over the medial right knee and the left knee is normal"), else to any word.
  const compiled = index.compiled;
  // A side word is no finding ("lateralt" matching "bilateral" in "lik på begge sider").
  const sidePositions = new Set(unit.sides.map((mention) => mention.position));
  const findingPositions = clause.alignment
    .filter((token) => !isBodySite(token, compiled))
    .flatMap((token) => matchPositions(token, unit, index))
    .filter((position) => !sidePositions.has(position));
  const positions =
    findingPositions.length > 0
      ? findingPositions
      : clause.alignment.flatMap((token) => matchPositions(token, unit, index));
  if (positions.length === 0) return [...new Set(unit.sides.map((mention) => mention.side))];
  let best = Number.POSITIVE_INFINITY;
  const sides = new Set<Side>();
  for (const mention of unit.sides) {
    const distance = Math.min(...positions.map((position) => Math.abs(position - mention.position)));
    if (distance < best) {
      best = distance;
      sides.clear();
      sides.add(mention.side);
    } else if (distance === best) sides.add(mention.side);
  }
  // Sides joined in one phrase ("the left knee and the right knee ache", "både høyre og venstre kne") share the
  // finding: the nearest one's partner is the finding's side too.
  for (const mention of unit.sides)
    if (sides.has(mention.side))
      for (const partner of joinedSides(unit, mention.position, index)) sides.add(partner);
  return [...sides];
}

const SIDE_JOIN = /^(?:and|or|og|eller|&)$/;
const SIDE_JOIN_FILLER =
  /^(?:the|my|your|his|her|its|both|side|sides|min|mitt|mine|din|ditt|dine|det|den|både|begge|sider)$/;

/**
 * The other sides joined to a side mention by "and"/"or" with nothing but body sites, determiners and side words
 * between them ("left knee and the right knee", "høyre og venstre kne"); none across a sentence end or another word.
 */
function joinedSides(unit: TranscriptUnit, position: number, index: TranscriptIndex): Side[] {
  const joined: Side[] = [];
  for (const other of unit.sides) {
    if (other.position === position || Math.abs(other.position - position) > 6) continue;
    const [from, to] = other.position > position ? [position, other.position] : [other.position, position];
    const between = unit.tokens.slice(from + 1, to);
    const joins = between.some((token) => SIDE_JOIN.test(token.surface));
    const plain = between.every(
      (token) =>
        token.punctuation === undefined &&
        (SIDE_JOIN.test(token.surface) ||
          SIDE_JOIN_FILLER.test(token.surface) ||
          SIDE_WORDS.test(token.surface) ||
          isBodySite(token, index.compiled)),
    );
    if (joins && plain) joined.push(other.side);
  }
  return joined;
}

function sideAgrees(claimed: Side, found: readonly Side[]): boolean {
  if (found.includes(claimed)) return true;
  return claimed === 'bilateral' && found.includes('right') && found.includes('left');
}

const COMPARISON_WORD =
  /^(?:sammenligner|sammenligne|sammenlignet|sammenlignes|sammenligning|enn|compared|compare|comparing|comparison|versus|vs|than)$/;

/**
 * The side mentions of a unit that can be the clause's side: not a relative's ("pappa fikk nytt høyre kne"), not
 * the side compared with ("jeg sammenligner med høyre kne", "compared to the left"), and not a side that qualifies
 * another body site than the clause's ("flexion of that left wrist" for the elbow): a side belongs to its noun.
 */
function ownSideMentions(unit: TranscriptUnit, clause: Clause, context: CheckContext): TranscriptUnit {
  if (unit.sides.length === 0) return unit;
  const { index } = context;
  const compiled = index.compiled;
  const sites = clause.alignment.filter((token) => isBodySite(token, compiled));
  const sitePositions = new Set(sites.flatMap((token) => matchPositions(token, unit, index)));
  const qualifiesOtherSite = (position: number): boolean => {
    for (let ahead = position + 1; ahead <= position + 2; ahead += 1) {
      const token = unit.tokens[ahead];
      if (!token || token.punctuation !== undefined) return false;
      // Only where the clause's own body site is said too ("… left wrist … x-ray of your elbow"): body sites nest.
      if (isBodySite(token, compiled) && !SIDE_WORDS.test(token.surface))
        return sitePositions.size > 0 && !sitePositions.has(ahead);
    }
    return false;
  };
  const compared = (position: number): boolean =>
    unit.tokens
      .slice(Math.max(0, position - 3), position)
      .some((token) => COMPARISON_WORD.test(token.surface));
  const sides = unit.sides.filter(
    (mention) =>
      (unit.subjects[mention.position] === 'relative') === context.mentionsRelative &&
      !compared(mention.position) &&
      !qualifiesOtherSite(mention.position) &&
      !alsoSide(unit, mention.position) &&
      !repairedSide(unit, mention, index),
  );
  return sides.length === unit.sides.length ? unit : { ...unit, sides };
}

/** "… consistent with your left side as well": the other side has the finding too, it is no side of its own. */
function alsoSide(unit: TranscriptUnit, position: number): boolean {
  const after = unit.contextTokens
    .slice(position + unit.contextOffset + 1, position + unit.contextOffset + 4)
    .map((token) => token.surface);
  const start = after[0] === 'side' || after[0] === 'sides' ? 1 : 0;
  return (after[start] === 'as' && after[start + 1] === 'well') || after[start] === 'too';
}

const REPAIR_WORD = /^(?:sorry|mean|rather|correction|unnskyld|altså|nei)$/;
const JOINING_WORD = /^(?:and|or|than|versus|vs|both|og|eller|enn|begge)$/;

/**
 * A side the speaker corrects at once ("for left leg pain . right leg pain", "the outside of your left of your right
 * knee sorry"): the other side follows within a few words, with the same word after it past a sentence end or a word
 * of repair, and nothing joins the two. (The transcript index withdraws such sides too, `dropRestatedSides`; this
 * check also sees repairs inside long windows.)
 */
function repairedSide(
  unit: TranscriptUnit,
  mention: { side: Side; position: number },
  index: TranscriptIndex,
): boolean {
  if (mention.side === 'bilateral') return false;
  const next = index.units[unit.index + 1];
  const following =
    next && next.segmentIndex === unit.segmentIndex && next.contextOffset === 0 ? next : undefined;
  const sequence: Array<{ surface: string; side?: Side }> = [
    ...unit.tokens.map((token, position) => ({
      surface: token.surface,
      side: unit.sides.find((other) => other.position === position && !other.inferred)?.side,
    })),
    ...(following?.tokens ?? []).map((token, position) => ({
      surface: token.surface,
      side: following?.sides.find((other) => other.position === position && !other.inferred)?.side,
    })),
  ];
  const word = sequence[mention.position + 1]?.surface;
  for (
    let ahead = mention.position + 1;
    ahead <= mention.position + 7 && ahead < sequence.length;
    ahead += 1
  ) {
    const entry = sequence[ahead];
    if (!entry || JOINING_WORD.test(entry.surface)) return false;
    if (entry.side === undefined || entry.side === mention.side || entry.side === 'bilateral') continue;
    // The same word again after a sentence end ("left leg pain . right leg pain"); "the left elbow, right elbow" is a
    // list.
    const sentenceEnd =
      ahead >= unit.tokens.length ||
      sequence.slice(mention.position + 1, ahead).some((other) => /^[.?!]$/.test(other.surface));
    const sameWord = word !== undefined && sequence[ahead + 1]?.surface === word && sentenceEnd;
    const repair = sequence
      .slice(mention.position + 1, ahead + 4)
      .some((other) => REPAIR_WORD.test(other.surface));
    return sameWord || repair;
  }
  return false;
}

/** The side last named within four turns before units that name none themselves, if they agree on one. */
function turnedTo(units: readonly TranscriptUnit[], clause: Clause, context: CheckContext): Side | undefined {
  const { index } = context;
  const found = new Set<Side>();
  for (const unit of units) {
    if (unit.sides.length > 0) return undefined;
    for (let back = unit.index - 1; back >= 0; back -= 1) {
      const before = index.units[back];
      if (!before || before.segmentIndex < unit.segmentIndex - 4) break;
      const own = ownSideMentions(before, clause, context);
      const last = own.sides[own.sides.length - 1];
      if (last) {
        found.add(last.side);
        break;
      }
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * Both sides examined in turn, the findings said without a side ("how about the left elbow …" – "a little limited
 * range of motion on extension"): the side named with the body site last before the sentence that says the clause's
 * finding best is its side, where a sentence said after the other side says it too, clearly less well.
 */
function sideOfBestFinding(
  clause: Clause,
  adjacent: ReadonlyArray<{ unit: TranscriptUnit; sides: Side[] }>,
): { side: Side; unit: TranscriptUnit } | undefined {
  const turnedSide = (unit: TranscriptUnit): Side | undefined => {
    const before = adjacent.filter(
      (entry) => entry.unit.index < unit.index && entry.unit.segmentIndex >= unit.segmentIndex - 10,
    );
    const last = before[before.length - 1];
    return last && last.sides.length === 1 ? last.sides[0] : undefined;
  };
  const [lead, ...rest] = clause.top;
  if (!lead || lead.unit.sides.length > 0) return undefined;
  const side = turnedSide(lead.unit);
  if (!side) return undefined;
  // The finding said of the other side too, in its own turn: the better match decides.
  const rivals = rest.filter((entry) => {
    const rivalSide = entry.unit.sides.length > 0 ? undefined : turnedSide(entry.unit);
    return rivalSide !== undefined && rivalSide !== side;
  });
  if (rivals.length === 0 || rivals.some((entry) => entry.score >= lead.score * 0.95)) return undefined;
  return { side, unit: lead.unit };
}

/** A side only implied ("my other ankle") supports the claimed side; it is no evidence against it. */
function withoutImpliedOther(unit: TranscriptUnit, claimed: Side): TranscriptUnit {
  const sides = unit.sides.filter((mention) => !mention.inferred || mention.side === claimed);
  return sides.length === unit.sides.length ? unit : { ...unit, sides };
}

function checkSide(
  claimed: Side,
  clause: Clause,
  clauses: readonly Clause[],
  context: CheckContext,
): Issue | undefined {
  const { index, language } = context;
  // "Both sides" of paired organs is often left unsaid ("lungs are clear") and summarises findings: not checked.
  if (claimed === 'bilateral') return undefined;
  const compiled = index.compiled;
  const other: Side = claimed === 'right' ? 'left' : 'right';
  const best = clause.top[0]?.score ?? 0;
  const findings = clause.content.filter((token) => !isBodySite(token, compiled));
  // "Høyre legg ser helt normal ut" says nothing for a finding on the right ("Erysipelas h. legg").
  const clauseNormal = clause.content.some((token) => isNormalWord(token, compiled));
  const normalSide = (unit: TranscriptUnit): boolean =>
    !clauseNormal &&
    unit.sides.length > 0 &&
    unit.sides.every((mention) =>
      unit.tokens.some(
        (token, position) => isNormalWord(token, compiled) && Math.abs(position - mention.position) <= 4,
      ),
    );
  // A clause that names both sides ("4/5 on the right and 5/5 on the left", "less on the left than the right")
  // needs its side said, not nearest.
  const bothNamed = clause.sides.some((mention) => mention.side === other);
  const describe = (
    units: readonly TranscriptUnit[],
  ): Array<{ unit: TranscriptUnit; sides: Side[]; finding: boolean }> =>
    units
      .map((unit) => ownSideMentions(unit, clause, context))
      .map((unit) => withoutImpliedOther(unit, claimed))
      .filter((unit) => !normalSide(unit))
      .map((unit) => ({
        unit,
        sides: bothNamed
          ? [...new Set(unit.sides.map((mention) => mention.side))]
          : nearestSide(unit, clause, index),
        // Does the unit say the clause's finding, not only the body site ("Høyre legg ser normal ut")? A normal
        // finding is said with its normal word ("… but your left knee looks fine"), not only "exam".
        finding:
          findings.length === 0 ||
          (clauseNormal ? findings.filter((token) => isNormalWord(token, compiled)) : findings).some(
            (token) => unitMatches(token, unit, index),
          ),
      }))
      .filter((entry) => entry.sides.length > 0);
  // A side written right next to one of the clause's body sites ("det var venstre kne").
  const bodySites = clause.alignment.filter((token) => isBodySite(token, compiled));
  // Body sites the clause writes inside a term ("back" of "back pain", read as one word).
  const siteOf = (word: string): string | undefined =>
    compiled.bodySites.find(
      (site) => site !== 'side' && word.startsWith(site) && INFLECTION.test(word.slice(site.length)),
    );
  const writtenSites = new Set(
    foldText(clause.text)
      .split(/[^\p{L}]+/u)
      .map(siteOf)
      .filter((site): site is string => site !== undefined),
  );
  const sitedSides = index.units
    .map((unit) => ownSideMentions(unit, clause, context))
    .map((unit) => withoutImpliedOther(unit, claimed))
    .filter((unit) => unit.sides.length > 0 && !normalSide(unit))
    .map((unit) => {
      const written = unit.tokens.flatMap((token, position) => {
        const site = siteOf(token.surface);
        return site !== undefined && writtenSites.has(site) ? [position] : [];
      });
      const sites = [...bodySites.flatMap((token) => matchPositions(token, unit, index)), ...written];
      const sides = unit.sides
        .filter((mention) => sites.some((site) => Math.abs(site - mention.position) <= 2))
        .map((mention) => mention.side);
      return { unit, sides: [...new Set(sides)], finding: true };
    })
    .filter((entry) => entry.sides.length > 0);
  // A side named in a supposition ("how about the left knee, if I press here") still says which side is examined.
  const examinedSide = sideOfBestFinding(clause, sitedSides);
  const adjacent = sitedSides.filter((entry) => !entry.unit.hypothetical);
  const continuation = (units: readonly TranscriptUnit[]): TranscriptUnit[] =>
    units.flatMap((unit) =>
      [unit, index.units[unit.index + 1]].filter(
        (other): other is TranscriptUnit => other !== undefined && other.segmentIndex === unit.segmentIndex,
      ),
    );
  const topUnits = clause.top.filter((entry) => entry.score >= best * 0.75).map((entry) => entry.unit);
  const tiers = [
    // The units holding the clause's own values ("38,2 i øret. I det venstre øret.").
    describe(continuation(clause.anchors)),
    describe(clause.top.filter((entry) => entry.score >= best * 0.75).map((entry) => entry.unit)),
    describe(clause.window),
    describe(
      index.units.filter(
        (unit) =>
          unit.sides.length > 0 && clause.content.length > 0 && coverage(clause.content, unit, index) >= 0.5,
      ),
    ),
    // The rest of the statement's best units ("Lumbago-isjias v. side, … S1-affeksjon").
    describe(
      clauses.filter((other) => other !== clause).flatMap((other) => other.top.map((entry) => entry.unit)),
    ),
    adjacent,
  ];
  // The closest tier that names a side with the finding decides; one that names it only with the body site next.
  for (const tier of tiers) {
    for (const entries of [tier.filter((entry) => entry.finding), tier.filter((entry) => !entry.finding)]) {
      if (entries.length === 0) continue;
      // A normal finding on both sides ("sensation … matches bilaterally") is normal on each.
      const agreeing = entries.filter(
        (entry) => sideAgrees(claimed, entry.sides) || (clauseNormal && entry.sides.includes('bilateral')),
      ).length;
      // Where the side is only said next to the body site anywhere, the side the conversation gives it by a clear
      // majority decides ("det var venstre kne", "venstre kne: lett hevelse" … against one "høyre kne bøyer til 140").
      const outvoted =
        tier === adjacent &&
        entries.filter((entry) => entry.sides.includes(other) && !entry.sides.includes(claimed)).length >=
          Math.max(3, agreeing * 3);
      if (tier === adjacent && examinedSide?.side === claimed) return undefined;
      if (tier === adjacent && examinedSide?.side === other) {
        return flag(
          'side',
          'contradicted',
          REASONS.sideConflict(claimed, other, [examinedSide.unit.segmentId], language),
          true,
        );
      }
      if (agreeing > 0 && !outvoted) return undefined;
      // Found only next to the body site elsewhere, while the sentences saying the finding name no side: the side the
      // talk turned to just before them is theirs ("how about the left elbow …" – "a little pain on flexion …").
      if (tier === adjacent && turnedTo(topUnits, clause, context) === claimed) return undefined;
      const first = outvoted ? entries.find((entry) => entry.sides.includes(other)) : entries[0];
      const found = outvoted ? other : first?.sides[0];
      if (first && found) {
        return flag(
          'side',
          'contradicted',
          REASONS.sideConflict(claimed, found, [first.unit.segmentId], language),
          true,
        );
      }
    }
  }
  // A consultation that speaks of one side only ("right wrist" throughout): the note's findings on that side are an
  // inference; a side never said stays unsupported.
  const saidSides = new Set(
    index.units
      .filter((unit) => !unit.hypothetical)
      .flatMap((unit) => unit.sides.map((mention) => mention.side)),
  );
  if (saidSides.has(claimed) && !saidSides.has(claimed === 'right' ? 'left' : 'right')) return undefined;
  return flag('side', 'unsupported', REASONS.sideMissing(claimed, language), true);
}

// ---------- time ----------

const COMPATIBLE_TIMES: ReadonlyArray<readonly [string, string]> = [
  ['today', 'tonight'],
  ['yesterday', 'tonight'],
  ['today', 'this-year'],
];

/** The days ago a named time may mean, to compare it with a time elapsed ("last week" and "a week ago"). */
const TIME_SPANS: Readonly<Record<string, readonly [number, number]>> = {
  today: [0, 1],
  tonight: [0, 1],
  yesterday: [1, 2],
  'day-before-yesterday': [2, 3],
  'last-week': [3, 14],
  'last-month': [20, 62],
  'last-year': [120, 730],
  'year-before-last': [365, 1100],
  'this-year': [0, 365],
};

/** Days ago of a time key: an elapsed time ("~14-21") or a named one; undefined for the future. */
function timeSpan(key: string): readonly [number, number] | undefined {
  const elapsed = /^~([\d.]+)-([\d.]+)$/.exec(key);
  if (elapsed) return [Number(elapsed[1]), Number(elapsed[2])];
  return TIME_SPANS[key];
}

/**
 * Elapsed times agree within a factor of two ("a few days ago" and "a week ago"; not "a few years ago"); a named
 * time must cover the elapsed one ("last week" and "ten days ago"; not "last year" and "three months ago").
 */
function spansAgree(left: readonly [number, number], right: readonly [number, number], factor = 2): boolean {
  return left[0] / factor <= right[1] * factor + 1 && right[0] / factor <= left[1] * factor + 1;
}

function timesAgree(left: string, right: string): boolean {
  if (
    left === right ||
    COMPATIBLE_TIMES.some(
      ([first, second]) => (first === left && second === right) || (first === right && second === left),
    )
  )
    return true;
  if (!left.startsWith('~') && !right.startsWith('~')) return false;
  const [leftSpan, rightSpan] = [timeSpan(left), timeSpan(right)];
  const factor = left.startsWith('~') && right.startsWith('~') ? 2 : 1;
  return leftSpan !== undefined && rightSpan !== undefined && spansAgree(leftSpan, rightSpan, factor);
}

/** Durations said in a unit ("for three weeks") as days, for an elapsed time ("started three weeks ago"). */
function durationSpans(unit: TranscriptUnit): Array<readonly [number, number]> {
  return unit.quantities
    .filter((quantity) => quantity.family === 'time')
    .map((quantity) => [
      quantity.value * quantity.factor,
      (quantity.value2 ?? quantity.value) * quantity.factor,
    ]);
}

/**
 * Of a unit's several times, those said nearest to the clause's words ("jeg hadde mens for to uker siden … en UVI
 * for et par år siden": the period is two weeks ago); all of them when the words are not found.
 */
function nearestTimes(
  unit: TranscriptUnit,
  content: readonly AnalysedToken[],
  index: TranscriptIndex,
): TimeMention[] {
  if (unit.times.length < 2) return unit.times;
  const positions = content.flatMap((token) => matchPositions(token, unit, index));
  if (positions.length === 0) return unit.times;
  const folded = foldText(unit.text);
  const distances: number[] = [];
  let from = 0;
  for (const time of unit.times) {
    const at = folded.indexOf(time.text, from);
    if (at < 0) return unit.times;
    from = at + time.text.length;
    const first = analyseTokens(unit.text.slice(0, at), index.compiled, { note: false }).length;
    const last = first + Math.max(0, analyseTokens(time.text, index.compiled, { note: false }).length - 1);
    distances.push(
      Math.min(
        ...positions.map((position) => (position < first ? first - position : Math.max(0, position - last))),
      ),
    );
  }
  const best = Math.min(...distances);
  return unit.times.filter((_, position) => distances[position] === best);
}

const LASTED: Record<Language, RegExp> = {
  en: /(?<![\p{L}])(?:been|had|having|has|have|'ve)(?:\s+[\p{L}']+){0,6}?\s+for\s+(?:the\s+)?(?:(?:past|last)\s+)?(?:(?:about|around|approximately|roughly|probably|maybe|like|almost|nearly|over|at least)\s+)?((?:a few|a couple of|a couple|several|few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+(?:days?|weeks?|months?|years?))(?![\p{L}])/gu,
  nb: /(?<![\p{L}])(?:har|hatt|vært)(?:\s+[\p{L}']+){0,6}?\s+i\s+(?:(?:ca\.?|omtrent|cirka|nesten|snart|over)\s+)?((?:noen|et par|flere|en|ett|et|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|\d+)\s+(?:dager|dag|døgn|uker|uke|måneder|måned|mnd|år))(?![\p{L}])/gu,
};

/**
 * How long something has lasted, said in a unit ("has been bothering me for a few months now", "har hatt vondt i
 * noen uker"), as the time elapsed since it began ("a few months ago").
 */
function lastedSince(unit: TranscriptUnit, compiled: CompiledLexicon): TimeMention[] {
  const language = compiled.language;
  const elapsedText = (phrase: string): string =>
    language === 'nb' ? `for ${phrase} siden` : `${phrase} ago`;
  return [...foldText(unit.text).matchAll(LASTED[language])].flatMap((match) =>
    findTimes(elapsedText(match[1] ?? ''), compiled)
      .filter((time) => time.key.startsWith('~'))
      .map((time) => ({ key: time.key, text: match[1] ?? '' })),
  );
}

/** A question about when ("når var du sist hos øyelegen", "when did it start"): its reply gives the time. */
const WHEN_QUESTION = /(?<![\p{L}])(?:når|hvor lenge siden|when)(?![\p{L}])/u;

/** A question dating what was just told ("when did this happen?", "når skjedde det?"), asking nothing new. */
const WHEN_BACK =
  /(?<![\p{L}])(?:when|når)(?:\W+[\p{L}']+){0,2}?\W+(?:this|it|that|det|dette)(?:\W+[\p{L}']+)?\W*$/u;

function checkTime(key: string, text: string, clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const elapsed = key.startsWith('~');
  const claimedSpan = timeSpan(key);
  // The time's own words are no evidence of what it is about ("vital signs … last year" and "same as last year").
  const timeWords = new Set(foldText(text).split(/\s+/));
  const content = clause.content.filter((token) => !timeWords.has(token.surface));
  const agrees = (unit: TranscriptUnit): boolean =>
    unit.times.some((time) => timesAgree(time.key, key)) ||
    (elapsed &&
      claimedSpan !== undefined &&
      durationSpans(unit).some((span) => spansAgree(span, claimedSpan)));
  // "Today" is the visit: a time elapsed said near it is about something else ("pain for two weeks").
  const conflicting = (time: TimeMention): boolean =>
    !((key === 'today' || key === 'tonight') && time.key.startsWith('~'));
  const timesOf = (units: readonly TranscriptUnit[]): Array<{ time: TimeMention; unit: TranscriptUnit }> =>
    units.flatMap((unit) => unit.times.filter(conflicting).map((time) => ({ time, unit })));
  const conflictIssue = (conflict: { time: TimeMention; unit: TranscriptUnit }): Issue => ({
    kind: 'time',
    verdict: 'contradicted',
    critical: false,
    reason: REASONS.timeConflict(text, conflict.time.text, [conflict.unit.segmentId], language),
  });
  // The units that say the clause best decide first; other times of the window may be about something else.
  const best = clause.top[0]?.score ?? 0;
  const top = clause.top.filter((entry) => entry.score >= best * 0.75).map((entry) => entry.unit);
  // In a unit with several times, the one said with the clause's words decides.
  const agreesNear = (unit: TranscriptUnit): boolean =>
    unit.times.length < 2
      ? agrees(unit)
      : nearestTimes(unit, content, index).some((time) => timesAgree(time.key, key));
  if (top.some(agreesNear)) return undefined;
  // The same time said in the sentence right after the clause's words ("… your lipid panel from last year … we'll
  // repeat one this year") or as the reply ("When were you last at the eye doctor?" – "Last summer.").
  // Not a time the unit says itself, repeated in the next window of the same long turn, nor one of a unit that says
  // the clause best (its time nearest the clause's words decided above).
  const following = clause.window.flatMap((unit) =>
    [index.units[unit.index + 1]]
      .filter((other): other is TranscriptUnit => other !== undefined && !top.includes(other))
      .map((other) => ({ other, said: foldText(unit.text) })),
  );
  if (
    following.some(({ other, said }) =>
      other.times.some((time) => time.key === key && !said.includes(time.text)),
    )
  )
    return undefined;
  // The reply to "når var du sist hos øyelegen?" ("I fjor sommer.") is the time of the clause.
  const replies = top
    .filter((unit) => WHEN_QUESTION.test(foldText(unit.text)))
    .map((unit) => index.units[unit.index + 1])
    .filter(
      (reply): reply is TranscriptUnit =>
        reply !== undefined && reply.segmentIndex !== top[0]?.segmentIndex && reply.times.length > 0,
    );
  // A story told over a few turns and then dated ("… I felt a pop" – "When did this happen?" – "Just yesterday.").
  const storyEnd = (top[0]?.segmentIndex ?? -10) + 4;
  const datedLater = index.units
    .filter(
      (unit) =>
        unit.isQuestion &&
        unit.segmentIndex > (top[0]?.segmentIndex ?? 0) &&
        unit.segmentIndex <= storyEnd &&
        WHEN_BACK.test(foldText(unit.text)),
    )
    .map((unit) => index.units[unit.index + 1])
    .filter((reply): reply is TranscriptUnit => reply !== undefined && reply.speaker !== 'lege');
  if (datedLater.some(agrees)) return undefined;
  const replyConflict = replies.some(agrees) ? undefined : timesOf(replies)[0];
  if (replyConflict) return conflictIssue(replyConflict);
  const topConflict = top.flatMap((unit) =>
    nearestTimes(unit, content, index)
      .filter(conflicting)
      .map((time) => ({ time, unit })),
  )[0];
  if (topConflict) return conflictIssue(topConflict);
  // How long it has lasted, said where the clause is said best ("has been bothering me for a few months now"): an
  // onset elapsed since must fit it (a few months, not a few years).
  if (elapsed && claimedSpan !== undefined) {
    const lasted = top.flatMap((unit) => lastedSince(unit, index.compiled).map((time) => ({ time, unit })));
    const fits = (time: TimeMention): boolean => {
      const span = timeSpan(time.key);
      return span !== undefined && spansAgree(span, claimedSpan);
    };
    if (lasted.some(({ time }) => fits(time))) return undefined;
    const [misfit] = lasted;
    if (misfit) return conflictIssue(misfit);
  }
  if (clause.window.some(agrees)) return undefined;
  const strongUnits = index.units.filter(
    (unit) => unit.times.length > 0 && content.length > 0 && coverage(content, unit, index) >= 0.5,
  );
  if (strongUnits.some(agrees)) return undefined;
  // A time elapsed is contradicted only where the clause is said best: the talk has many other events' times. So is
  // a span ("for the next week", "over the past week"): a length of time, said in many ways ("for about a week").
  const unitWord = text.replace(/^(?:next|past|last) /u, '');
  const span =
    /^(?:week|month|year)$/.test(unitWord) &&
    new RegExp(`(?:for|over|during|within|in) the (?:next|past|last|coming) ${unitWord}`, 'u').test(
      foldText(clause.text),
    );
  if (elapsed || span) return undefined;
  const conflict = timesOf(clause.window)[0] ?? timesOf(strongUnits)[0];
  if (conflict) return conflictIssue(conflict);
  // Said elsewhere about something the clause also names ("i fjor" with the same word): accepted.
  const anywhere = index.units.some(
    (unit) =>
      unit.times.some((time) => timesAgree(time.key, key)) &&
      (content.length === 0 || coverage(content, unit, index) >= 0.2),
  );
  // The consultation is today: "today" needs no support of its own.
  if (anywhere || key === 'today') return undefined;
  return flag('time', 'unsupported', REASONS.timeMissing(text, language));
}

// ---------- drugs ----------

function checkDrug(drug: DrugMention, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (drug.isClass) {
    const members = drug.members;
    // A member found by the drug finder counts too, also when the text splits its name ("i bux" for Ibux).
    const inTranscript = index.units.some(
      (unit) =>
        unit.drugs.some(
          (found) =>
            found.key === drug.key ||
            (members !== undefined && new RegExp(members.source, 'iu').test(found.key)),
        ) ||
        (members !== undefined && new RegExp(members.source, 'iu').test(unit.text)),
    );
    if (inTranscript) return undefined;
    // A class named only to say it was not given or must be avoided ("Ingen antibiotika", "unngå NSAID").
    const before = foldText(context.statementText.slice(0, drug.start));
    if (/(?:ikke|ingen|uten|unngå|no|not|without|avoid)\s+(?:\S+\s+)?$/u.test(before)) return undefined;
    return { verdict: 'unsupported', critical: true, reason: REASONS.drugMissing(drug.text, language) };
  }
  const found = index.units.flatMap((unit) =>
    unit.drugs
      .filter((mention) => drugKeysMatch(mention.key, drug.key))
      .map((mention) => ({ mention, unit })),
  );
  if (found.length === 0)
    return { verdict: 'unsupported', critical: true, reason: REASONS.drugMissing(drug.text, language) };
  if (!context.mentionsRelative && found.every(({ mention }) => mention.subject === 'relative')) {
    return {
      verdict: 'contradicted',
      critical: true,
      reason: REASONS.drugOtherPerson(drug.text, segmentIds(found.map(({ unit }) => unit)), language),
    };
  }
  return undefined;
}

// ---------- diagnoses ----------

const RULED_OUT =
  /(?:ikke|ingen|uten|not|no|without|rule out|ruled out|utelukke|dd|ddx|differensial\w*|mtp|obs\.?|vs\.?)\s+(?:\S+\s+){0,4}$/u;

/** A disease named as a vaccine, a test or a site, not as the patient's ("COVID-19 vaccine", "CVA tenderness"). */
const NOT_DIAGNOSIS_AFTER =
  /^[\s-]*(?:\d+\s*)?(?:vaccin\w*|vaksin\w*|shots?|boosters?|tests?|testing|screening|swabs?|tenderness)(?![\p{L}])/u;
const RISK_ITEM = "(?:[\\p{L}'-]+\\s+){0,2}[\\p{L}'-]+";
/** A list of risks or complications ("a risk of infection, stroke and death"): possible outcomes, not diagnoses. */
const RISK_LIST = new RegExp(
  `(?:risks?|chance|complications?|side effects?|risiko|komplikasjoner|bivirkninger)\\s+(?:of|for|include|including|such as|are|is|av|som)\\s+(?:${RISK_ITEM}\\s*(?:,|\\band\\b|\\bor\\b|\\bog\\b|\\beller\\b)\\s*)*(?:[\\p{L}'-]+\\s+){0,2}$`,
  'u',
);

const diagnosisUnitCache = new WeakMap<TranscriptIndex, Map<string, TranscriptUnit[]>>();
const evidenceCache = new WeakMap<CompiledLexicon, Map<string, RegExp | undefined>>();

/**
 * The words that support a diagnosis, as a pattern over transcript text. English writes compounds apart, so each
 * word must start a word ("osa" is not in "dosage", "disc" not in "indiscretion") and a short one must be the
 * whole word ("disc" is not "discussed"); Norwegian joins compounds ("barneastma"), so its words match inside.
 */
function diagnosisEvidence(id: string, compiled: CompiledLexicon): RegExp | undefined {
  let byId = evidenceCache.get(compiled);
  if (!byId) {
    byId = new Map();
    evidenceCache.set(compiled, byId);
  }
  if (byId.has(id)) return byId.get(id);
  let pattern = compiled.diagnoses.find((entry) => entry.id === id)?.evidence;
  const concept = compiled.lexicon.diagnoses.find((entry) => entry.id === id);
  if (pattern && concept && compiled.language === 'en') {
    const words = [...concept.names.map((name) => name.replace(/^=/, '')), ...concept.evidence].map((word) =>
      /^\p{L}{1,4}$/u.test(word) ? `${word}(?:s|es)?(?![\\p{L}])` : word,
    );
    pattern = new RegExp(`(?<![\\p{L}])(?:${words.join('|')})`, 'iu');
  }
  byId.set(id, pattern);
  return pattern;
}

/** Transcript units that support a diagnosis (its names or lay words), cached per transcript. */
function unitsWithDiagnosis(id: string, evidence: RegExp, index: TranscriptIndex): TranscriptUnit[] {
  let byId = diagnosisUnitCache.get(index);
  if (!byId) {
    byId = new Map();
    diagnosisUnitCache.set(index, byId);
  }
  let units = byId.get(id);
  if (!units) {
    units = index.units.filter((unit) => evidence.test(unit.diagnosisText));
    byId.set(id, units);
  }
  return units;
}

function unitSubjectFor(unit: TranscriptUnit, pattern: RegExp): Subject {
  const match = pattern.exec(unit.diagnosisText);
  if (!match) return 'patient';
  const ratio = match.index / Math.max(1, unit.diagnosisText.length);
  return (
    unit.subjects[Math.min(unit.subjects.length - 1, Math.floor(ratio * unit.subjects.length))] ?? 'patient'
  );
}

function checkDiagnoses(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  const lower = foldText(clause.text);
  // A diagnosis the note rules out ("Ikke holdepunkt for pneumoni") needs no mention; the negation check covers it.
  if (clause.negated.size > 0 && clause.negated.size >= clause.content.length * 0.5) return undefined;
  for (const diagnosis of findDiagnoses(clause.text, compiled)) {
    if (RULED_OUT.test(lower.slice(0, diagnosis.start))) continue;
    if (NOT_DIAGNOSIS_AFTER.test(lower.slice(diagnosis.start + diagnosis.text.length))) continue;
    if (RISK_LIST.test(foldText(context.statementText.slice(0, clause.offset + diagnosis.start)))) continue;
    const evidencePattern = diagnosisEvidence(diagnosis.id, compiled);
    if (!evidencePattern) continue;
    const units = unitsWithDiagnosis(diagnosis.id, evidencePattern, index);
    if (units.length === 0) {
      if (context.discussion) continue;
      return {
        verdict: 'unsupported',
        critical: false,
        reason: REASONS.diagnosisMissing(diagnosis.text, language),
      };
    }
    if (
      !context.mentionsRelative &&
      units.every((unit) => unitSubjectFor(unit, evidencePattern) === 'relative')
    ) {
      return {
        verdict: 'contradicted',
        critical: true,
        reason: REASONS.diagnosisOtherPerson(diagnosis.text, segmentIds(units), language),
      };
    }
  }
  // Disease-like words outside the lexicon ("-itt", "-ose", "-itis") must appear in the transcript in some form.
  for (const token of clause.content) {
    if (clause.negated.has(token) || token.surface.length < 7 || !looksLikeDiagnosis(token.surface, compiled))
      continue;
    if (
      findDiagnoses(token.surface, compiled).length > 0 ||
      matchingCanonicals(token, index).size > 0 ||
      context.discussion
    )
      continue;
    return {
      verdict: 'unsupported',
      critical: false,
      reason: REASONS.diagnosisMissing(token.surface, language),
    };
  }
  return undefined;
}

function hasSupportedDiagnosis(clauses: readonly Clause[], context: CheckContext): boolean {
  const compiled = context.index.compiled;
  return clauses.some((clause) =>
    findDiagnoses(clause.text, compiled).some((diagnosis) => {
      const evidence = diagnosisEvidence(diagnosis.id, compiled);
      return evidence !== undefined && unitsWithDiagnosis(diagnosis.id, evidence, context.index).length > 0;
    }),
  );
}

const REPORTING_WORD =
  /^(?:positive|pos|endorses?|endorsed|endorsing|reports?|reported|reporting|complains?|complained|admits?|admitted|describes?|described|notes?|noted|states?|stated|angir|opplyser|forteller|beskriver)$/;

/** Words that add a finding to a normal one ("Normal gait with a limp", "Strength normal except …"). */
const ANOTHER_FINDING =
  /^(?:with|but|except|although|though|shows?|showing|demonstrates?|reveals?|med|men|unntatt|bortsett|viser)$/;

/**
 * The statement's words after a label's colon at its start, without reporting words and adverbs ("GU: Reports
 * hematuria", "She occasionally takes …").
 */
function findingContent(clauses: readonly Clause[], language: Language): AnalysedToken[] {
  // The label may hold commas ("Ears, Nose, Mouth and Throat: …"): the clauses before its colon are part of it.
  const withColon = clauses.findIndex((clause) => clause.tokens.some((token) => token.punctuation === ':'));
  const labelClauses = withColon >= 0 ? clauses.slice(0, withColon + 1) : [];
  const labelTokens = labelClauses.flatMap((clause, position) =>
    position < withColon
      ? clause.tokens
      : clause.tokens.slice(
          0,
          clause.tokens.findIndex((token) => token.punctuation === ':'),
        ),
  );
  const label = new Set(labelTokens.filter((token) => !token.punctuation).length <= 5 ? labelTokens : []);
  return clauses.flatMap((clause) =>
    clause.content.filter(
      (token) =>
        !label.has(token) &&
        !REPORTING_WORD.test(token.surface) &&
        !(language === 'en' && ADVERB_LY.test(token.surface) && !NOT_ADVERB_LY.test(token.surface)),
    ),
  );
}

/** True when every specific word of the statement (after a label's colon) is a normal word or denied. */
function onlyNormalOrDenied(
  clauses: readonly Clause[],
  compiled: CompiledLexicon,
  examined = false,
): boolean {
  let specific = 0;
  for (const clause of clauses) {
    const colon = clause.tokens.findIndex((token) => token.punctuation === ':');
    const finding = colon >= 0 ? clause.tokens.slice(colon + 1) : clause.tokens;
    const words = finding.filter(
      (token) =>
        clause.content.includes(token) &&
        !isBodySite(token, compiled) &&
        // "Grossly intact": an adverb qualifies the finding, it is none.
        !namesNoFinding(token, compiled.language) &&
        // "Temperature: normal": the normal word is the finding even where it is weak for alignment.
        (!isWeak(token, compiled.language) || isNormalWord(token, compiled)),
    );
    const normal = words.filter((token) => isNormalWord(token, compiled) && !clause.negated.has(token));
    // An examination's normal finding names what was examined ("Normal gait", "Regular rate and rhythm",
    // "Cranial nerves grossly intact", "Temperature is within normal limits"): the few other words are its subject.
    const examinedNormal =
      examined &&
      normal.length > 0 &&
      words.length - normal.length <= 3 &&
      !clause.tokens.some(
        (token) =>
          ABNORMAL.test(token.surface) ||
          SEVERITY[compiled.language].test(token.surface) ||
          ANOTHER_FINDING.test(token.surface),
      );
    for (const token of words) {
      if (!examinedNormal && !isNormalWord(token, compiled) && !clause.negated.has(token)) return false;
      specific += 1;
    }
  }
  return specific > 0;
}

function mixedPolarityWords(clauses: readonly Clause[]): Set<string> {
  const denied = new Set<string>();
  const asserted = new Set<string>();
  for (const clause of clauses) {
    for (const token of clause.content) (clause.negated.has(token) ? denied : asserted).add(token.canonical);
  }
  return new Set([...denied].filter((canonical) => asserted.has(canonical)));
}

function mostlyNegated(clauses: readonly Clause[]): boolean {
  const content = clauses.flatMap((clause) => clause.content);
  const negated = clauses.reduce((sum, clause) => sum + clause.negated.size, 0);
  return content.length > 0 && negated >= content.length * 0.5;
}

// ---------- negation ----------

/** A word rare enough in this transcript to carry meaning (relative to the transcript's length). */
function isSpecific(token: AnalysedToken, index: TranscriptIndex): boolean {
  const rarest = Math.log((index.units.length + 1) / 0.5);
  return tokenWeight(token, index) >= rarest * 0.3;
}

function keyTokensOf(clause: Clause, context: CheckContext): AnalysedToken[] {
  const compiled = context.index.compiled;
  const usable = clause.content.filter(
    (token) => !isKin(token, compiled) && !isPartialMatch(token, context.index),
  );
  const specific = usable.filter(
    (token) => !isWeak(token, compiled.language) && !isBodySite(token, compiled),
  );
  // "She does not have pain with movement": when only a weak word is denied, it carries the denial.
  const deniedWeak = usable.filter(
    (token) =>
      clause.negated.has(token) && isWeak(token, compiled.language) && !isNormalWord(token, compiled),
  );
  if (specific.length > 0 && !specific.some((token) => clause.negated.has(token)) && deniedWeak.length > 0)
    return [...specific, ...deniedWeak];
  // "No pain in the calf": when only a body site is left, it carries the claim.
  return specific.length > 0 ? specific : usable.filter((token) => isBodySite(token, compiled));
}

/** Anatomical qualifiers in opposite pairs (general anatomy terms, nb and en). */
const OPPOSITE_QUALIFIERS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^(?:lateral|lateralt|laterale)$/, /^(?:medial|medialt|mediale)$/],
  [/^(?:anterior|anteriort|fremre|front)$/, /^(?:posterior|posteriort|bakre|back)$/],
  [/^(?:upper|øvre|superior)$/, /^(?:lower|nedre|inferior)$/],
  [/^(?:proximal|proksimal|proksimalt|proksimale)$/, /^(?:distal|distalt|distale)$/],
  [/^(?:internal|indre|inner)$/, /^(?:external|ytre|outer)$/],
];

/** True when the clause names one side of a qualifier pair and the unit only the other ("lateral" – "medial"). */
function oppositeQualifier(clause: Clause, unit: TranscriptUnit): boolean {
  const unitWords = unit.tokens.map((token) => token.surface);
  return clause.tokens.some((token) =>
    OPPOSITE_QUALIFIERS.some(([first, second]) => {
      const [own, other] = first.test(token.surface)
        ? [first, second]
        : second.test(token.surface)
          ? [second, first]
          : [undefined, undefined];
      return (
        own !== undefined &&
        other !== undefined &&
        !unitWords.some((word) => own.test(word)) &&
        unitWords.some((word) => other.test(word))
      );
    }),
  );
}

/** Words that put a question or a claim in the patient's past ("ever", "before", "tidligere"). */
const HISTORY_CUE: Record<Language, RegExp> = {
  en: /(?<![\p{L}])(?:ever|before|previous(?:ly)?|prior|in the past|history|historically)(?![\p{L}])/u,
  nb: /(?<![\p{L}])(?:noen gang|tidligere|tidl|før|fra før|kjent)(?![\p{L}])/u,
};

const TIME_PREPOSITION = /^(?:after|before|during|until|since|etter|før|under|inntil|siden)$/;

/**
 * Quantifiers name no finding whose polarity could be weighed ("not had any seizures in a few months" – "it's been
 * quite a few months"; "not beneficial alone"; "for the most part").
 */
const NO_FINDING_WORD = /^(?:few|several|many|much|most|part|alone|lot|bit)$/;

/**
 * Verbs of noticing and seeming name no finding ("he just noticed the pain" – "have you noticed any weight gain?" –
 * "not really"; "healthy appearing" – "it doesn't appear he did").
 */
const SEEMING =
  /^(?:notice|noticed|notices|noticing|appear|appears|appeared|appearing|seem|seems|seemed|seeming)$/;

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
function asksEver(token: AnalysedToken, question: TranscriptUnit, index: TranscriptIndex): boolean {
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
  return matchPositions(token, question, index).some(
    (position) =>
      position > ever &&
      !/^(?:your|his|her|their|din|ditt|dine|hans|hennes|deres)$/.test(words[position - 1]?.surface ?? ''),
  );
}

const historyQuestions = new WeakMap<TranscriptUnit, boolean>();

/** True when a question asks about the past ("have you ever …", "tidligere"); cached per unit. */
function asksAboutHistory(unit: TranscriptUnit, language: Language): boolean {
  let asks = historyQuestions.get(unit);
  if (asks === undefined) {
    asks = HISTORY_CUE[language].test(foldText(unit.text));
    historyQuestions.set(unit, asks);
  }
  return asks;
}

/** Polarity of a clause word in a unit: the first definite polarity among its positions (the patient's only). */
function tokenPolarity(
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
 * The word each content word leans on: in a run of adjacent content words ("weight changes", "potassium supplement
 * currently", "tung pust") every word but the last leans on the run's last word. Said without it ("the weight of the
 * boxes", "an iron supplement"), the word names something else, so that place is no evidence about the clause.
 */
function phraseHeads(clause: Clause): Map<AnalysedToken, AnalysedToken> {
  const heads = new Map<AnalysedToken, AnalysedToken>();
  const content = new Set(clause.content);
  let run: AnalysedToken[] = [];
  const close = (): void => {
    const head = run[run.length - 1];
    if (head) for (const token of run.slice(0, -1)) heads.set(token, head);
    run = [];
  };
  for (const token of clause.tokens) {
    const previous = run[run.length - 1];
    if (
      content.has(token) &&
      (!previous || (token.position === previous.position + 1 && !previous.punctuation))
    )
      run.push(token);
    else {
      close();
      if (content.has(token)) run.push(token);
    }
  }
  close();
  return heads;
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
function kinIsNotSubject(lowerStatement: string, language: Language): boolean {
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

/**
 * "Avoiding salty foods", "avoid running": to keep from something is to talk about it, so the transcript's mentions
 * of it (the salty foods she loves, the running he likes) do not contradict the avoidance.
 */
function negatedOnlyByAvoiding(clause: Clause): boolean {
  const cues = clause.tokens.filter((token) => token.negation);
  return cues.length > 0 && cues.every((token) => /^avoid/.test(token.surface));
}

function neitherAssertedNorDenied(clause: Clause): boolean {
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

/**
 * Negation check, word by word: for each word the note asserts or denies, the transcript's polarity where the word
 * is said — weighted by how much that place is about the clause, and doubled for a question answered yes or no
 * about it. A word is contradicted when the evidence against clearly outweighs the evidence for.
 */
function checkNegation(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  // A label before a colon is not part of the finding ("Rektaleksplorasjon: ingen palpabel tumor").
  const colon = clause.tokens.findIndex((token) => token.punctuation === ':');
  const findingTokens = colon > 0 && colon <= 3 ? new Set(clause.tokens.slice(colon + 1)) : undefined;
  const keyTokens = keyTokensOf(clause, context).filter(
    (token) => !findingTokens || findingTokens.has(token),
  );
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
  // Advice and plans ("Ny kontakt ved feber, flankesmerter …") are not claims about the patient's state.
  if (context.conditional && !claimedNegative) return undefined;
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
    clause.tokens.some((token) =>
      /^(?:andre|annen|annet|flere|øvrige|other|others|additional|further|else)$/.test(token.surface),
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
      !(claimedNegative && NO_FINDING_WORD.test(token.surface)),
  );
  if (voting.length === 0) return undefined;
  const historyClaim = HISTORY_CUE[compiled.language].test(foldText(clause.text));
  const claimsOthers =
    !claimedNegative &&
    clause.tokens.some((token) => /^(?:other|others|andre|annen|annet)$/.test(token.surface));
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
  let contradictedWeight = 0;
  let confirmedWeight = 0;
  const confirmed: { weight: number; units: readonly TranscriptUnit[] }[] = [];
  const disagreeing: TranscriptUnit[] = [];
  const heads = phraseHeads(clause);
  const clauseSites = clause.content.filter(
    (token) => isBodySite(token, compiled) && !voting.includes(token),
  );
  for (const token of voting) {
    const head = heads.get(token);
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
    for (const unit of index.units) {
      const positions = matchPositions(token, unit, index);
      if (positions.every((position) => hypotheticalAt(unit, position, compiled))) continue;
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
        ((unit.isQuestion && unit.speaker === 'lege') ||
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
      if (claimedNegative && polarity === 'positive' && saidToBeNormal(token, clause, unit, index)) continue;
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
      // "Sover du nok?" – "Ikke så mye": the answer is about the amount asked, not the thing (`checkAmount`).
      const question = unit.isQuestion ? unit : partner?.isQuestion === true ? partner : undefined;
      if (question && asksAmount(question)) continue;
      const group = partner ? [unit, partner] : [unit];
      // "Have you ever injured this arm before?" asks about the past: its answer says nothing about the present
      // complaint, unless the note speaks of the past too ("no previous injuries").
      // A "never" answer to "have you ever …" denies the present too; not one about the time before ("… before?").
      if (
        question &&
        !historyClaim &&
        asksAboutHistory(question, compiled.language) &&
        !(polarity === 'negative' && asksEver(token, question, index))
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
      const weakToken = isWeak(token, compiled.language);
      const about =
        claimedNegative && !voting.some((other) => isWeak(other, compiled.language))
          ? voting
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

// ---------- the same words with the opposite polarity ----------

/** A negation cue close to a word: up to four words before it in the same phrase, or right after it ("helped not"). */
function hasLocalNegation(unit: TranscriptUnit, unitPosition: number): boolean {
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
function localPolarityAt(
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

/**
 * Words of knowing: negated, they express uncertainty, not a denial ("not sure if", "vet ikke om"). Not "think" or
 * "believe": "I do not think we need …" denies what follows (negation raising).
 */
const EPISTEMIC = /^(?:sure|certain|know|knows|knew|recall|remember|aware|sikker|sikre|vet|visste|husker)$/;

/** True when a negation of knowing opens the clause's claim ("not sure if …", "vet ikke om …"). */
function expressesUncertainty(clause: Clause): boolean {
  return clause.tokens.some(
    (token, position) =>
      token.negation &&
      clause.tokens.slice(position + 1, position + 3).some((next) => EPISTEMIC.test(next.surface)),
  );
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

/** A comparison under a negation ("not as high as usual", "ikke så vondt som før"): less, not absent. */
const COMPARISON_NEGATION =
  /(?<![\p{L}])(?:not|n't|ikke)\s+(?:been\s+|be\s+|vært\s+)?(?:quite\s+|nearly\s+)?(?:as|so|like|så)\s+(?:\p{L}+\s+){1,2}(?:as|som|before|før)(?![\p{L}])/u;

/** Words of removal: the thing is gone ("tonsils removed"), said in the transcript as absent ("no tonsils"). */
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
function checkAlignedPolarity(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  // "Lungs clear", "not within normal limits": the normal-word check decides normal and abnormal findings.
  if (clause.content.some((token) => isNormalWord(token, compiled) || ABNORMAL.test(token.surface)))
    return undefined;
  // An allergy is documented by what must be avoided ("Penicillinallergi" – "skal du ikke ha penicillin").
  const lower = foldText(clause.text);
  if (compiled.allergyWords.test(lower)) return undefined;
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
  if (claimedNegative && clause.tokens.some((token) => OTHER_INSTANCES.test(token.surface))) return undefined;
  // The denied words decide a negative claim ("denies that he lifted boxes"), all specific words a positive one;
  // not the place of a denied finding ("no tenderness of the foot"), and only the words the negation cue itself
  // reaches ("does not appear to be healing and further studies …" denies the healing).
  const negatedWords = specific.filter(
    (token) =>
      clause.negated.has(token) && !isBodySite(token, compiled) && nearNegationCue(clause.tokens, token),
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
    if (asked && !historyClaim && asksAboutHistory(asked, compiled.language)) continue;
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
      const polarity = alignedPolarity(token, unit, clause, context);
      if (!polarity) continue;
      if (claimedNegative && polarity === 'positive' && saidToBeNormal(token, clause, unit, index)) continue;
      if (polarity === (clause.negated.has(token) ? 'negative' : 'positive')) {
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

// ---------- a positive claim the transcript says only with a negation ----------

/** A Norwegian compound naming complaints of a function ("vannlatingsplager", "svelgvansker"). */
const COMPLAINT_COMPOUND = /\p{L}{3,}(?:plager?|problemer?|vansker|besvær)$/u;

/** The transcript word is said to be normal right after it ("tisser hun normalt", "avføringen er som før"). */
function saidNormal(unit: TranscriptUnit, position: number): boolean {
  for (let next = position + 1; next < unit.tokens.length && next <= position + 3; next += 1) {
    const token = unit.tokens[next];
    if (!token || token.negation || (token.punctuation !== undefined && token.punctuation !== ','))
      return false;
    if (/^(?:normalt?|greit|fint)$/.test(token.surface)) return true;
    if (token.surface === 'før' && unit.tokens[next - 1]?.surface === 'som') return true;
  }
  return false;
}

/**
 * Polarity of a word at one place for `checkDeniedOnly`: "negative" only for a close negation ("ikke samtidig med
 * melk", "det hjalp ikke") or a question answered no, "positive" where nothing negates it, undefined where the
 * place neither asserts nor denies it (an open question, a relative's words, a far negation).
 */
function plainPolarityAt(
  unit: TranscriptUnit,
  position: number,
  context: CheckContext,
): 'negative' | 'positive' | undefined {
  if ((unit.subjects[position] === 'relative') !== context.mentionsRelative) return undefined;
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
    questionOpensAfter(unit.tokens, position) &&
    remarkBefore(unit.tokens, position);
  if (unit.isQuestion && !remark && beforeAskedItems(unit, position)) return undefined;
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
function negationBefore(unit: TranscriptUnit, unitPosition: number): boolean {
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
 * A negation right at the word: after it ("det hjalp ikke") or before it with at most one other meaning word
 * between ("ikke samtidig med melk", "ikke klinisk undersøkt", "i don't have any chest pain").
 */
function hasCloseNegation(unit: TranscriptUnit, unitPosition: number): boolean {
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
const CONTRAST_NEXT = /^(?:i|på|om|mer|sånn|slik|som|in|on|more|like)$/;

/**
 * The negation after the word opens a contrast rather than denying the word ("to glass vin i helga ikke i
 * ukedagene", "litt hovent ikke sånn ballong").
 */
function contrastAfter(unit: TranscriptUnit, unitPosition: number): boolean {
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

/** Negation cues in the six words after the word, within its phrase. */
function negationsAfter(unit: TranscriptUnit, unitPosition: number): number {
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

/** Words that open a condition in advice ("Ny kontakt ved feber", "return if fever"). */
const ADVICE_CONDITION = /(?<![\p{L}])(?:ved|hvis|dersom|når|if|when|unless|should|in case)(?![\p{L}])/u;

/**
 * The clause's words outside the condition of a piece of advice: a condition ("… ved feber, flankesmerter eller
 * manglende bedring") supposes a state, it does not claim it, so only what comes before it is checked.
 */
function wordsOutsideCondition(clause: Clause, context: CheckContext): AnalysedToken[] {
  if (!context.conditional) return clause.content;
  // A condition in parentheses ends with them ("(ev. annenhver dag ved GI-bivirkninger), ikke samtidig med te").
  const sentenceBefore =
    foldText(context.statementText.slice(0, clause.offset))
      .replace(/\([^)]*\)/gu, ' ')
      .split(/[;.]\s/u)
      .pop() ?? '';
  if (ADVICE_CONDITION.test(sentenceBefore)) return [];
  const start = clause.tokens.findIndex((token) => ADVICE_CONDITION.test(token.surface));
  return start < 0 ? clause.content : clause.content.filter((token) => clause.tokens.indexOf(token) < start);
}

/** Words that frame a claim, not its content: seeming ("appears unchanged") and trying ("tried filling"). */
const FRAME_WORD =
  /^(?:appear|appears|appeared|appearing|seem|seems|seemed|look|looks|looked|sound|sounds|sounded|try|tries|tried|trying|attempt|attempts|attempted|virker|virket|prøvd|prøvde|prøver|forsøkt|forsøkte)$/;

/** Words of other or new instances ("any other …?", "no further flare-ups?"). */
/** An answer that closes its list ("… and that's it", "that's all", "nothing else", "det er alt"). */
const ONLY_THAT =
  /(?<![\p{L}])(?:and )?(?:that's it|that is it|that's all|that is all|nothing else|det er alt|ikke noe annet|ingenting annet)(?![\p{L}])/u;

const OTHER_INSTANCES =
  /^(?:andre|annen|annet|other|else|further|additional|new|nye|nytt|flere|ytterligere)$/;

/** True when the unit or the question or answer it pairs with says the word another leans on ("målt feber"). */
function leansOnHead(head: AnalysedToken, unit: TranscriptUnit, index: TranscriptIndex): boolean {
  const partner = unit.answeredByUnit ?? unit.answersUnit;
  const other = partner === undefined ? undefined : index.units[partner];
  return (
    matchPositions(head, unit, index).length > 0 ||
    (other !== undefined && matchPositions(head, other, index).length > 0)
  );
}

/**
 * The statement documents the visit ("We discussed findings, diagnosis and next steps", "Informert om bivirkninger").
 * A clause of its own that only says so after a decision ("Ingen antibiotika, forklart.") comments on the decision:
 * the decision is still a claim.
 */
function documentsProcess(statementText: string, compiled: CompiledLexicon): boolean {
  return splitClauses(statementText).some((piece, position) => {
    const words = foldText(piece).match(/[\p{L}]+/gu) ?? [];
    return compiled.processCues.test(foldText(piece)) && (position === 0 || words.length > 2);
  });
}

/**
 * A positive clause one of whose meaning words the transcript says only under a close negation and never without
 * one ("Samtidig med melk" where the doctor said "ikke samtidig med melk", "Prøvd Bepanthen med effekt" against
 * "det hjalp ikke", "Målt feber > 38" against "ikke målt over trettiåtte"): the claim drops the negation the
 * conversation put on it. A positive claim needs positive evidence of its own (clinical documentation is
 * asymmetric: a denied finding is documented as denied). A fact is compared with facts; advice also with advice.
 */
function checkDeniedOnly(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  if (clause.negated.size > 0 || clause.tokens.some((token) => token.negation || token.postNegation))
    return undefined;
  if (clause.content.some((token) => isNormalWord(token, compiled) || ABNORMAL.test(token.surface)))
    return undefined;
  // The setting, who came along, a score, the visit itself ("All questions were answered", "We discussed
  // findings, diagnosis, and next steps": the whole statement, whose list items are clauses): documentation.
  const text = foldText(clause.text);
  if (
    compiled.settingWords.test(text) ||
    compiled.accompanyCues.test(text) ||
    compiled.scoreNames.test(text) ||
    documentsProcess(context.statementText, compiled)
  )
    return undefined;
  // An allergy is documented by what must be avoided ("Penicillinallergi" – "skal du ikke ha penicillin").
  if (compiled.allergyWords.test(text)) return undefined;
  const hypotheticalClaim =
    context.conditional || compiled.hypotheticalCues.test(foldText(context.statementText));
  // A question answered "no" tells the patient's state; advice ("Call with any questions") and the doctor's own
  // examination findings ("1+ pitting edema" after "Any swelling in your legs? – No") are not that state.
  const questionsDeny = !hypotheticalClaim && !context.examSection;
  // A label before a colon is not part of the claim ("Medical Reasoning: …").
  const colon = clause.tokens.findIndex((token) => token.punctuation === ':');
  const label = colon > 0 && colon <= 3 ? new Set(clause.tokens.slice(0, colon)) : new Set<AnalysedToken>();
  const words = wordsOutsideCondition(clause, context).filter(
    (token) =>
      !label.has(token) &&
      !isKin(token, compiled) &&
      // A complaint compound ("vannlatingsplager") stays for what is said normal ("tisser normalt").
      (!isPartialMatch(token, index) || COMPLAINT_COMPOUND.test(token.surface)) &&
      !isWeak(token, compiled.language) &&
      !isBodySite(token, compiled) &&
      !context.mixedPolarity.has(token.canonical) &&
      matchingCanonicals(token, index).size > 0,
  );
  if (words.length === 0) return undefined;
  // A clause coordinating two claims ("drinks 2 beers a week and reports a history of heavy use", "was not given
  // antibiotics but was referred"): a word's share is weighed within its own claim. Not a verb of need, which says
  // little without its object ("but needs a higher dose" – "do you need pain medication?" – "no").
  const partOf = coordinatedParts(clause);
  const totalWeightOf = (token: AnalysedToken): number =>
    words
      .filter((other) => NEED_VERB.test(token.surface) || partOf.get(other) === partOf.get(token))
      .reduce((sum, other) => sum + tokenWeight(other, index), 0);
  // Words that frame the claim or qualify it ("appears unchanged", "tried filling", "most recent") weigh in the
  // clause but are not the claim a negation could be dropped from.
  const claimWords = words.filter(
    (token) =>
      !namesNoFinding(token, compiled.language) &&
      !FRAME_WORD.test(token.surface) &&
      !TIME_PREPOSITION.test(token.surface) &&
      !PERCEPTION.test(token.surface) &&
      !SEEMING.test(token.surface) &&
      !EPISTEMIC.test(token.surface),
  );
  // A word said without the word it leans on is about something else ("acute exacerbation" – "no acute fracture").
  const heads = phraseHeads(clause);
  for (const token of claimWords) {
    let deniedAt: TranscriptUnit | undefined;
    let asserted = false;
    const head = heads.get(token);
    // Against the doctor's reason, what the patient or a relative says of a plan ("Jeg tenkte jeg trengte
    // penicillin") does not assert it: a plan is the doctor's decision.
    let reasonDenied = false;
    let assertedByOthers = false;
    for (const unit of index.units) {
      // In a plan, the doctor's reason for not giving something denies it, also in a sentence about side effects
      // ("penicillin vil ikke hjelpe, og gir bare bivirkninger", "antibiotics won't help this").
      const doctorsReason = context.planSection && unit.speaker === 'lege' && !unit.isQuestion;
      // Advice said as a condition counts for advice; for a fact only what was said as a fact.
      if (unit.hypothetical && !hypotheticalClaim && !doctorsReason) continue;
      // A risk or a condition ("risks include numbness") is not denied by what the patient has now ("no numbness").
      if (hypotheticalClaim && !unit.hypothetical && unit.speaker === 'pasient') continue;
      // "Any other questions?" – "No", "No further flare-ups?" – "No": the answer denies other or new instances,
      // not the ones talked about.
      const otherThings = unit.isQuestion && unit.tokens.some((other) => OTHER_INSTANCES.test(other.surface));
      // "Sover du nok?" – "Nei": the no is about the amount asked (`checkAmount`), not the thing.
      if (asksAmount(unit)) continue;
      for (const position of headPositions(token, unit, index)) {
        if (
          doctorsReason &&
          (unit.subjects[position] === 'relative') === context.mentionsRelative &&
          // Not where a new clause starts after the word, unpunctuated ("… mellomrom den er ikke gratis").
          !CLAUSE_SUBJECT.test(unit.tokens[position + 1]?.surface ?? '') &&
          deniedByVerbAfter(unit, position)
        ) {
          deniedAt ??= unit;
          reasonDenied = true;
          continue;
        }
        if (unit.hypothetical && !hypotheticalClaim) continue;
        const polarity = plainPolarityAt(unit, position, context);
        // "Any dizziness, fever, chills?" – "I did feel lightheaded": the items of a list the answer leaves out are
        // denied (a review of systems documents them as denied).
        if (
          polarity === undefined &&
          questionsDeny &&
          !otherThings &&
          unsaidListItem(unit, position) &&
          unit.canonicals.has(token.canonical) &&
          (!head || leansOnHead(head, unit, index))
        ) {
          deniedAt ??= unit;
          continue;
        }
        // "Vannlatingsplager" where "tisser hun normalt?" was answered yes: a function said to be normal denies
        // complaints of it.
        if (polarity === 'positive' && COMPLAINT_COMPOUND.test(token.surface) && saidNormal(unit, position)) {
          deniedAt ??= unit;
          continue;
        }
        if (polarity === 'positive' && context.planSection && unit.speaker !== 'lege')
          assertedByOthers = true;
        else if (polarity === 'positive') asserted = true;
        // Only the word itself or its synonym is denied, not a word it contains ("standpoint" – "not at this
        // point", "rectal bleeding" – "any menstrual bleeding?").
        else if (
          polarity === 'negative' &&
          !otherThings &&
          (questionsDeny || !unit.isQuestion) &&
          unit.canonicals.has(token.canonical) &&
          (!head || leansOnHead(head, unit, index))
        )
          deniedAt ??= unit;
      }
      if (asserted) break;
    }
    if (
      deniedAt &&
      !asserted &&
      (reasonDenied || !assertedByOthers) &&
      tokenWeight(token, index) >= totalWeightOf(token) * 0.25
    ) {
      return flag('negation', 'contradicted', REASONS.negationConflictDenied([deniedAt.segmentId], language));
    }
  }
  return undefined;
}

/** A list item of a question answered by confirming other items only ("any fever, chills, nausea?" – "some nausea"). */
function unsaidListItem(unit: TranscriptUnit, position: number): boolean {
  const confirmed = unit.confirmedWords;
  const word = unit.tokens[position];
  if (!unit.isQuestion || unit.answer !== 'positive' || !confirmed || confirmed.size === 0 || !word)
    return false;
  if (confirmed.has(word.canonical) || unit.deniedWords?.has(word.canonical)) return false;
  const listed = (at: number): boolean =>
    [at - 1, at + 1].some((near) => {
      const token = unit.tokens[near];
      return token?.punctuation === ',' || /^(?:or|and|eller|og)$/.test(token?.surface ?? '');
    });
  // Both the word and a confirmed word must be items of the list.
  return (
    listed(position) &&
    unit.tokens.some((token, at) => confirmed.has(token.canonical) && !token.stopword && listed(at))
  );
}

/** Verbs of need: their claim is their object. */
const NEED_VERB = /^(?:need|needs|needed|require|requires|required)$/;

/** What joins a second claim to a clause: a contrast, or "and" before a verb of reporting or being. */
const CONTRAST_JOIN = /^(?:but|however|although|though|whereas|yet|mens)$/;
const JOINED_VERB = /^(?:reports|states|notes|endorses|admits|describes|complains|was|is|has|had|were|are)$/;

/** The coordinated claims of a clause: each token's part, counted from 0. */
function coordinatedParts(clause: Clause): Map<AnalysedToken, number> {
  const parts = new Map<AnalysedToken, number>();
  let part = 0;
  clause.tokens.forEach((token, position) => {
    if (
      CONTRAST_JOIN.test(token.surface) ||
      (token.surface === 'and' && JOINED_VERB.test(clause.tokens[position + 1]?.surface ?? ''))
    )
      part += 1;
    parts.set(token, part);
  });
  return parts;
}

/** A pronoun that opens a clause of its own ("den er ikke gratis", "it is not covered"). */
const CLAUSE_SUBJECT =
  /^(?:den|det|de|dette|han|hun|jeg|du|vi|dere|man|it|he|she|i|you|we|they|this|that|there)$/;

/** The word is the subject of a negated verb ("antibiotika hjelper ikke", "penicillin vil ikke hjelpe"). */
function deniedByVerbAfter(unit: TranscriptUnit, position: number): boolean {
  for (let ahead = position + 1; ahead <= position + 3; ahead += 1) {
    const token = unit.tokens[ahead];
    if (!token || token.punctuation !== undefined || token.scopeBreaker) return false;
    if (token.negation) return ahead > position + 1 && /^(?:ikke|not|n't)$/.test(token.surface);
  }
  return false;
}

/**
 * A negative clause that claims more than absence: other instances, what was perceived or known ("I don't
 * appreciate…", "not sure"). The asserted-only checks leave these alone.
 */
function deniesOtherOrPerception(clause: Clause): boolean {
  return clause.tokens.some(
    (token) =>
      /^(?:andre|annen|annet|flere|øvrige|other|others|additional|further|else|extra)$/.test(token.surface) ||
      PERCEPTION.test(token.surface) ||
      EPISTEMIC.test(token.surface),
  );
}

/**
 * The words a negative clause denies that can be weighed against the transcript: not a label before a colon, a
 * relative, a weak or body-site word, a normal, a word the statement also asserts, or a word the transcript lacks.
 */
function deniedWords(
  clause: Clause,
  context: CheckContext,
  words: readonly AnalysedToken[],
): AnalysedToken[] {
  const { index } = context;
  const compiled = index.compiled;
  const colon = clause.tokens.findIndex((token) => token.punctuation === ':');
  const label = colon > 0 && colon <= 3 ? new Set(clause.tokens.slice(0, colon)) : new Set<AnalysedToken>();
  return words.filter(
    (token) =>
      clause.negated.has(token) &&
      !label.has(token) &&
      !isKin(token, compiled) &&
      !isPartialMatch(token, index) &&
      !isWeak(token, compiled.language) &&
      !isBodySite(token, compiled) &&
      !isNormalWord(token, compiled) &&
      !context.mixedPolarity.has(token.canonical) &&
      !NO_FINDING_WORD.test(token.surface) &&
      matchingCanonicals(token, index).size > 0,
  );
}

/**
 * The mirror of `checkDeniedOnly` for plans: a negative clause one of whose denied words the transcript says only
 * without a negation, in a sentence holding a third of the clause ("Ingen paracetamol/ibuprofen 400 mg inntil x 3" where
 * the doctor said "ta Paracet eller Ibux mot smertene"): the plan puts a negation on what was advised. Not for other instances ("ingen andre utslett"), ruled-out
 * assessments ("ingen tegn til …"), relatives or allergies; a fact only against what was said as a fact.
 */
function checkAssertedOnly(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  // Only for plans: a history or examination denies much that was only mentioned ("Ingen forstørrede glandler").
  if (clause.negated.size === 0 || context.mentionsRelative || !context.planSection) return undefined;
  const text = foldText(clause.text);
  if (compiled.allergyWords.test(text) || compiled.processCues.test(text)) return undefined;
  if (deniesOtherOrPerception(clause)) return undefined;
  const hypotheticalClaim =
    context.conditional || compiled.hypotheticalCues.test(foldText(context.statementText));
  const denied = deniedWords(clause, context, wordsOutsideCondition(clause, context));
  for (const token of denied) {
    let assertedAt: TranscriptUnit | undefined;
    let deniedSomewhere = false;
    for (const unit of index.units) {
      // A sentence about side effects still denies by a negated verb ("antibiotika hjelper ikke, gir bare
      // bivirkninger").
      const hypothetical = unit.hypothetical && !hypotheticalClaim;
      for (const position of headPositions(token, unit, index)) {
        if ((unit.subjects[position] === 'relative') !== context.mentionsRelative) continue;
        if (deniedByVerbAfter(unit, position)) deniedSomewhere = true;
        if (hypothetical) continue;
        const polarity = polarityAt({ ...unit, hypothetical: false }, position, index);
        if (polarity === 'negative') deniedSomewhere = true;
        if (polarity === 'positive' && !unit.isQuestion && coverage(clause.content, unit, index) >= 0.34)
          assertedAt ??= unit;
      }
      if (deniedSomewhere) break;
    }
    if (assertedAt && !deniedSomewhere) {
      return flag(
        'negation',
        'contradicted',
        REASONS.negationConflictPresent([assertedAt.segmentId], language),
      );
    }
  }
  return undefined;
}

/** Words that frame what a negation denies without being denied themselves ("denies a personal history of …"). */
const DENIAL_FRAME = /^(?:personal|prior|previous|known|current|active|any|formal|diagnosed|diagnosis)$/;

/**
 * True when the negation cue reaches the word with nothing but frame words between ("not currently on Crestor",
 * "denies a history of hypertension"), not through a verb or noun of its own ("not being followed for …").
 */
function directlyDenied(tokens: readonly AnalysedToken[], token: AnalysedToken, language: Language): boolean {
  const position = tokens.indexOf(token);
  for (let back = position - 1; back >= 0; back -= 1) {
    const before = tokens[back];
    if (!before || before.scopeBreaker || before.punctuation !== undefined) return false;
    if (before.negation) return true;
    if (isContent(before) && !isWeak(before, language) && !DENIAL_FRAME.test(before.surface)) return false;
  }
  return false;
}

/**
 * A negation the transcript never says, outside plans (where `checkAssertedOnly` looks): the clause denies words
 * that are said only without a negation, in a place that holds most of the clause ("He has not been taking
 * ibuprofen" where the patient said "I take ibuprofen for it"). Not for other instances, perception or uncertainty
 * ("I don't appreciate…", "not sure"), relatives, allergies or advice.
 */
function checkUnsaidNegation(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  if (clause.negated.size === 0 || context.mentionsRelative || context.conditional) return undefined;
  const text = foldText(clause.text);
  // A family history is about relatives: the patient's own history does not contradict it.
  if (/(?<![\p{L}])(?:family|famili\p{L}*|slekt\p{L}*|arvelig\p{L}*)(?![\p{L}])/u.test(text))
    return undefined;
  if (compiled.allergyWords.test(text) || compiled.processCues.test(text)) return undefined;
  if (deniesOtherOrPerception(clause) || negatedOnlyByAvoiding(clause)) return undefined;
  const denied = deniedWords(clause, context, clause.content);
  if (denied.length === 0) return undefined;
  // A drug or diagnosis the negation cue itself reaches ("not on Crestor", "denies a history of hypertension"): said
  // as a fact (not a plan or proposal), it decides the claim even where the rest of the clause is worded otherwise.
  const core = denied.filter(
    (token) =>
      directlyDenied(clause.tokens, token, compiled.language) &&
      (findDrugMentions(token.surface, compiled.lexicon).length > 0 ||
        findDiagnoses(token.surface, compiled).length > 0),
  );
  // A rare word it reaches ("the site is not healed"), said plainly by the patient ("that healed up nicely"), outside
  // an examination (where the doctor's findings decide and a word may belong to another site).
  const said = context.examSection
    ? []
    : denied.filter(
        (token) => directlyDenied(clause.tokens, token, compiled.language) && isSpecific(token, index),
      );
  let assertedAt: TranscriptUnit | undefined;
  for (const token of denied) {
    for (const unit of index.units) {
      for (const position of headPositions(token, unit, index)) {
        if (unit.subjects[position] === 'relative') continue;
        const polarity = polarityAt({ ...unit, hypothetical: false }, position, index);
        if (polarity === 'negative') return undefined;
        // "No pain … of the lateral aspect" is not contradicted by pain of the medial aspect.
        if (oppositeQualifier(clause, unit)) continue;
        // A plan said with a condition after it is still a plan ("I'll give you a sling, use it if it hurts").
        if (
          polarity === 'positive' &&
          (!unit.hypothetical || (unit.plan && unit.speaker === 'lege')) &&
          !unit.isQuestion &&
          (coverage(clause.content, unit, index) >= 0.5 ||
            (core.includes(token) && !unit.hypothetical && !unit.plan) ||
            (said.includes(token) && !unit.hypothetical && !unit.plan && unit.speaker === 'pasient'))
        )
          assertedAt ??= unit;
      }
    }
  }
  if (!assertedAt) return undefined;
  return flag('negation', 'contradicted', REASONS.negationConflictPresent([assertedAt.segmentId], language));
}

/** A quotation in a Norwegian note: «…» or "…". */
const QUOTATION = /[«"“]([^«»"“”]{3,80})[»"”]/gu;
const NB_NEGATION_WORD = /^(?:ikke|ikkje|ingen|inga|intet|aldri)$/u;

function wordsOf(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * A quotation is the patient's own words: where the transcript holds its words in a row, a negation among them must
 * be in the quote too, and the quote's negation in the transcript («lettere å ikke våkne» ↔ "lettere å våkne").
 * Compared word by word on the text, before phrases are rewritten.
 */
function checkQuotedPolarity(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'nb') return undefined;
  for (const match of clause.text.matchAll(QUOTATION)) {
    const quoted = wordsOf(match[1] ?? '');
    const words = quoted.filter((word) => !NB_NEGATION_WORD.test(word));
    if (words.length < 2) continue;
    const quoteNegated = words.length < quoted.length;
    for (const unit of index.units) {
      const said = wordsOf(unit.text);
      for (let start = 0; start < said.length; start++) {
        if (said[start] !== words[0]) continue;
        // The quote's words in order, with at most one negation between two of them.
        let at = start;
        // A negation just before the first word is theirs too ("… at jeg ikke vil leve").
        let negated = NB_NEGATION_WORD.test(said[start - 1] ?? '');
        for (const word of words.slice(1)) {
          const next =
            said[at + 1] === word
              ? at + 1
              : NB_NEGATION_WORD.test(said[at + 1] ?? '') && said[at + 2] === word
                ? at + 2
                : -1;
          if (next < 0) {
            at = -1;
            break;
          }
          if (next === at + 2) negated = true;
          at = next;
        }
        if (at < 0 || negated === quoteNegated) continue;
        return flag(
          'negation',
          'contradicted',
          negated
            ? REASONS.negationConflictDenied([unit.segmentId], language)
            : REASONS.negationConflictPresent([unit.segmentId], language),
        );
      }
    }
  }
  return undefined;
}

/** Advice or a risk, not a report: "info om bivirkninger", "risiko for bivirkninger", "kan gi bivirkninger". */
const SIDE_EFFECT_ADVICE =
  /(?<![\p{L}])(?:info\p{L}*|opplys\p{L}*|forklar\p{L}*|gjennomg\p{L}*|risiko|kan|mulige?|evt|ev|ved|hvis|dersom|obs)(?![\p{L}])/u;

/**
 * A Norwegian report of side effects ("god effekt av statin med bivirkninger", "GI-bivirkninger") is the patient's
 * complaint: the transcript must say the patient has side effects (not only ask about them). Only where the clause
 * names no complaint of its own ("kvalme som bivirkning") — that finding is checked by its own words.
 */
function checkSideEffectClaim(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (
    index.compiled.language !== 'nb' ||
    context.conditional ||
    context.planSection ||
    context.mentionsRelative
  )
    return undefined;
  if (clause.tokens.some((token) => token.negation || token.postNegation)) return undefined;
  const claimed = clause.tokens.filter((token) => token.surface.includes('bivirk'));
  if (claimed.length === 0 || SIDE_EFFECT_ADVICE.test(foldText(clause.text))) return undefined;
  // Other findings named in the clause: the side effect is theirs, checked by their words.
  const drugs = findDrugMentions(clause.text, index.compiled.lexicon);
  const others = clause.content.filter(
    (token) =>
      !token.surface.includes('bivirk') &&
      !/^(?:god|godt|effekt|gi|mage|tarm|noen|litt|lette?|sannsynlig\p{L}*|trolig|kjent)$/u.test(
        token.surface,
      ) &&
      !drugs.some((drug) => foldText(drug.text).includes(token.surface)),
  );
  if (others.length > 0) return undefined;
  for (const unit of index.units) {
    for (const [position, token] of unit.tokens.entries()) {
      if (!token.surface.includes('bivirk')) continue;
      if (plainPolarityAt(unit, position, context) === 'positive' && !unit.isQuestion) return undefined;
      if (unit.isQuestion && unit.answer === 'positive') return undefined;
    }
  }
  return flag(
    'negation',
    'unsupported',
    REASONS.wordsMissing(
      claimed.map((token) => token.surface),
      language,
    ),
  );
}

/** A Norwegian frame of evidence for a finding: "holdepunkt(er) for X", "tegn til/på X". */
const EVIDENCE_FRAME = /^(?:holdepunkt|holdepunkter|holdepunktene|tegn)$/u;

/**
 * "Holdepunkt for nefropati", "Tegn til pneumoni": a positive frame claims evidence of a finding, so the finding
 * must be said without a negation somewhere. Flagged where none of its words is said so, and either it names a
 * diagnosis or the transcript denies one of its words (written negated, the frame is the usual "ikke holdepunkt
 * for …" of an assessment).
 */
function checkEvidenceFrame(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  if (compiled.language !== 'nb' || context.conditional || context.mentionsRelative || context.discussion)
    return undefined;
  if (clause.tokens.some((token) => token.negation || token.postNegation)) return undefined;
  const frame = clause.tokens.findIndex(
    (token, position) =>
      EVIDENCE_FRAME.test(token.surface) &&
      /^(?:for|til|på)$/.test(clause.tokens[position + 1]?.surface ?? '') &&
      (token.surface !== 'tegn' || clause.tokens[position + 1]?.surface !== 'for'),
  );
  if (frame < 0) return undefined;
  const finding = clause.content.filter(
    (token) => token.position > frame + 1 && !isWeak(token, compiled.language),
  );
  if (finding.length === 0) return undefined;
  let denied: TranscriptUnit | undefined;
  for (const token of finding) {
    for (const unit of index.units) {
      for (const position of headPositions(token, unit, index)) {
        const polarity = plainPolarityAt(unit, position, context);
        if (polarity === 'positive' && !unit.hypothetical && !saidNormal(unit, position)) return undefined;
        if (polarity === 'negative') denied ??= unit;
      }
    }
  }
  const findingText = finding.map((token) => token.surface).join(' ');
  const namesDiagnosis =
    findDiagnoses(findingText, compiled).length > 0 ||
    finding.some((token) => looksLikeDiagnosis(token.surface, compiled));
  if (!denied && !namesDiagnosis) return undefined;
  return {
    kind: 'negation',
    verdict: denied ? 'contradicted' : 'unsupported',
    critical: false,
    reason: denied
      ? REASONS.negationConflictDenied([denied.segmentId], language)
      : REASONS.wordsMissing(
          finding.map((token) => token.surface),
          language,
        ),
  };
}

/** "Andre", "flere", "other", "further": more instances of a thing than the ones talked about. */
const OTHER_WORD = /^(?:andre|annen|annet|flere|other|further)$/u;

/**
 * "Andre utslett" where the transcript says "ingen andre utslett" (or asks "andre utslett?" and hears no): the claim
 * of more instances drops the negation; the instances talked about do not support it ("has had further flare-ups"
 * where "no further flare-ups?" was answered "no").
 */
function checkOtherInstances(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (context.conditional || context.mentionsRelative) return undefined;
  if (clause.tokens.some((token) => token.negation || token.postNegation)) return undefined;
  const other = clause.tokens.findIndex((token) => OTHER_WORD.test(token.surface));
  const thing = clause.tokens
    .slice(other + 1, other + 3)
    .find((token) => !token.stopword && !token.punctuation && !OTHER_WORD.test(token.surface));
  if (other < 0 || !thing) return undefined;
  let denied: TranscriptUnit | undefined;
  for (const unit of index.units) {
    for (const position of headPositions(thing, unit, index)) {
      const before = unit.tokens.slice(Math.max(0, position - 3), position);
      const otherAt = before.findIndex((token) => OTHER_WORD.test(token.surface));
      if (otherAt < 0) continue;
      const negatedHere = before.slice(0, otherAt).some((token) => token.negation && token.surface !== 'nei');
      const polarity = unit.isQuestion
        ? unit.answer
        : negatedHere
          ? 'negative'
          : plainPolarityAt(unit, position, context);
      if (polarity === 'positive') return undefined;
      if (polarity === 'negative' || negatedHere) denied ??= unit;
    }
  }
  if (!denied) return undefined;
  return flag('negation', 'contradicted', REASONS.negationConflictDenied([denied.segmentId], language));
}

/** A site a finding is placed at, written as a clause of its own ("Ømhet medialt, ikke lateralt"). */
const SITE_WORD =
  /^(?:lateralt?|medialt?|distalt?|proksimalt?|volart?|dorsalt?|anteriort?|posteriort?|kranialt?|kaudalt?)$/u;

/**
 * "Ømhet over mediale leddspalte, lateralt" where the doctor said "ingen ømhet lateralt": a clause that is only a
 * site borrows the finding before it, and the transcript denies the finding at that site. Norwegian.
 */
function checkBareSite(clause: Clause, context: CheckContext, clauses: readonly Clause[]): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'nb' || context.conditional) return undefined;
  const words = clause.tokens.filter((token) => !token.punctuation);
  const site = words[0];
  if (words.length !== 1 || !site || !SITE_WORD.test(site.surface)) return undefined;
  const previous = clauses[clauses.indexOf(clause) - 1];
  const finding = previous?.content[0];
  if (!finding || previous.negated.size > 0) return undefined;
  let denied: TranscriptUnit | undefined;
  for (const unit of index.units) {
    for (const position of headPositions(site, unit, index)) {
      const before = unit.tokens.slice(Math.max(0, position - 3), position);
      if (!before.some((token) => token.canonical === finding.canonical)) continue;
      if (before.some((token) => token.negation && token.surface !== 'nei')) denied ??= unit;
      else return undefined;
    }
  }
  if (!denied) return undefined;
  return flag('negation', 'contradicted', REASONS.negationConflictDenied([denied.segmentId], language));
}

/** Words a refusal may open with before its negation ("Det kan jeg dessverre ikke", "Sorry, I can't"). */
const REFUSAL_OPENING = /^(?:dessverre|beklager|nok|unfortunately|sorry|afraid|well|so|så)$/;

/**
 * The doctor's answer turns a request down: it opens with a negation after nothing but function words ("Nei",
 * "Det kan jeg dessverre ikke", "No, I can't do that"), and no yes comes first.
 */
function declines(answer: TranscriptUnit, compiled: CompiledLexicon): boolean {
  if (answer.speaker !== 'lege' || answer.isQuestion) return false;
  if (compiled.positiveAnswer.test(foldText(answer.text).trim())) return false;
  for (const token of answer.tokens.slice(0, 6)) {
    if (token.negation || token.postNegation) return true;
    if (token.punctuation !== undefined && token.punctuation !== ',') return false;
    if (!token.stopword && token.punctuation === undefined && !REFUSAL_OPENING.test(token.surface))
      return false;
  }
  return false;
}

/**
 * A plan that gives what the doctor turned down: the patient or a relative asked for it ("Kan du skrive ut
 * sovetabletter til kona også?", "Can I get antibiotics for this?") and the doctor answered no ("Det kan jeg
 * dessverre ikke"). Contradicted unless the doctor also says it positively where as much of the clause is said.
 * The request is read with the turn before it by the same speaker ("Kona mi sover dårlig. Kan du …").
 */
function checkDeclinedRequest(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  if (!context.planSection || context.conditional) return undefined;
  if (clause.negated.size > 0 || clause.tokens.some((token) => token.negation || token.postNegation))
    return undefined;
  const claim = clause.content.filter(
    (token) =>
      !isKin(token, compiled) &&
      !isWeak(token, compiled.language) &&
      !isPartialMatch(token, index) &&
      matchingCanonicals(token, index).size > 0,
  );
  if (claim.length === 0) return undefined;
  let declinedAt: TranscriptUnit | undefined;
  let requestCoverage = 0;
  for (const unit of index.units) {
    if (!unit.isQuestion || unit.speaker === 'lege' || unit.answeredByUnit === undefined) continue;
    const answer = index.units[unit.answeredByUnit];
    if (!answer || !declines(answer, compiled)) continue;
    if (!claim.some((token) => matchPositions(token, unit, index).length > 0)) continue;
    const before = index.units[unit.index - 1];
    const request = before && before.speaker === unit.speaker && !before.isQuestion ? [before, unit] : [unit];
    const covered = unionCoverage(clause.content, request, index);
    if (covered < 0.5) continue;
    if (covered > requestCoverage) {
      declinedAt = answer;
      requestCoverage = covered;
    }
  }
  if (!declinedAt) return undefined;
  // The doctor gives it after all, where as much of the clause is said ("… men jeg skriver ut noe annet til henne").
  for (const unit of index.units) {
    if (unit.speaker !== 'lege' || unit.isQuestion || unit.hypothetical) continue;
    if (coverage(clause.content, unit, index) < requestCoverage) continue;
    const given = claim.some((token) =>
      headPositions(token, unit, index).some(
        (position) => polarityAt({ ...unit, hypothetical: false }, position, index) === 'positive',
      ),
    );
    if (given) return undefined;
  }
  return flag('negation', 'contradicted', REASONS.negationConflictDenied([declinedAt.segmentId], language));
}

/** A drug or treatment started ("startet", "oppstart", "started on"). */
const STARTED =
  /^(?:start|starte|starter|startet|startes|oppstart|påbegynt|igangsatt|started|starting|initiated|commenced)$/;
/** Putting a treatment off ("vil helst vente med det", "avventer", "I'd rather hold off", "not yet"). */
const DEFERRAL =
  /(?<![\p{L}])(?:vente med|venter med|avvente\p{L}*|avventer|vente litt|vente og se|ikke nå|ikke enda|ikke ennå|tenke på det|hold off|wait and see|rather wait|want to wait|not yet|not right now|think about it)(?![\p{L}])/u;

/**
 * A plan that says a drug was started where the conversation put it off ("Sertralin … startet" where the doctor
 * suggested it and the patient said "jeg vil helst vente med det"): the drug is named, the answer right after it
 * defers it, and the doctor never names it again as given. A decision documented as made when it was deferred.
 */
function checkDeferredStart(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  // (A statement of wishes is conditional as a whole: "pas. ønsker å avvente – startet"; the clause decides.)
  if (context.historySection || context.mentionsRelative) return undefined;
  if (ADVICE_CONDITION.test(foldText(clause.text))) return undefined;
  if (clause.tokens.some((token) => token.negation || token.postNegation)) return undefined;
  if (!clause.tokens.some((token) => STARTED.test(token.surface))) return undefined;
  const drugs = findDrugMentions(context.statementText, index.compiled.lexicon).filter(
    (drug) => !drug.isClass,
  );
  if (drugs.length === 0) return undefined;
  const names = (unit: TranscriptUnit): boolean =>
    unit.drugs.some((found) => drugs.some((drug) => drugKeysMatch(found.key, drug.key)));
  let deferredAt: TranscriptUnit | undefined;
  for (const unit of index.units) {
    if (!names(unit) || unit.speaker !== 'lege') continue;
    // The answer: the next turn of someone else, within two units.
    const answer = index.units
      .slice(unit.index + 1, unit.index + 3)
      .find((next) => next.speaker !== 'lege' && next.segmentId !== unit.segmentId);
    if (answer && DEFERRAL.test(foldText(answer.text))) deferredAt = answer;
  }
  if (!deferredAt) return undefined;
  // Named again by the doctor afterwards, without a negation, the drug may have been given after all.
  const after = deferredAt.index;
  const givenLater = index.units.some(
    (unit) =>
      unit.index > after &&
      unit.speaker === 'lege' &&
      !unit.isQuestion &&
      !unit.hypothetical &&
      names(unit) &&
      !unit.tokens.some((token) => token.negation),
  );
  if (givenLater) return undefined;
  return flag('negation', 'contradicted', REASONS.negationConflictDenied([deferredAt.segmentId], language));
}

/** The doctor proposes to start a drug now ("jeg anbefaler at du begynner med", "vi starter med", "start you on"). */
const START_PROPOSAL =
  /(?<![\p{L}])(?:begynne[r]? (?:med|på)|starte[r]? (?:med|på|opp)|setter deg på|start(?:ing)? you on|putting you on|(?:will|'ll|going to|want to|like to) put you on|begin(?:ning)? you on|recommend starting)(?![\p{L}])/u;
/** A verb of current use before a drug ("bruker", "tar", "står på", "takes", "is on"). */
const IN_USE_BEFORE = /(?:bruker|tar|står på|behandles med|takes|taking|uses|using|is on|on)\s+$/u;

/**
 * A history that gives the patient a drug the doctor only starts now: the drug heads the claim ("Statin", "Bruker
 * atorvastatin") and its first mention in the conversation is the doctor proposing to start it ("Jeg anbefaler at
 * du begynner med … atorvastatin"), which presupposes the patient is not on it. Not for a past use ("tidligere",
 * "previously"), a discussion, or a statement that itself says the drug is started.
 */
function checkStartedNow(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  if (!context.historySection || context.conditional || context.discussion || context.mentionsRelative)
    return undefined;
  if (clause.tokens.some((token) => token.negation || token.postNegation || STARTED.test(token.surface)))
    return undefined;
  // What stands in parentheses qualifies: "(tidligere skeptisk)" does not put the drug in the past.
  const outside = foldText(clause.text).replace(/\([^)]*\)/gu, ' ');
  if (HISTORY_CUE[compiled.language].test(outside) || compiled.planCues.test(outside)) return undefined;
  const drug = findDrugMentions(clause.text, compiled.lexicon)[0];
  if (!drug) return undefined;
  const before = foldText(clause.text.slice(0, drug.start));
  if (/[\p{L}]/u.test(before) && !IN_USE_BEFORE.test(before)) return undefined;
  const names = (unit: TranscriptUnit): boolean =>
    unit.drugs.some(
      (found) =>
        drugKeysMatch(found.key, drug.key) ||
        (drug.members !== undefined && new RegExp(drug.members.source, 'iu').test(found.text)),
    );
  const first = index.units.find((unit) => names(unit));
  if (!first || first.speaker !== 'lege' || first.isQuestion || !START_PROPOSAL.test(foldText(first.text)))
    return undefined;
  return flag('negation', 'contradicted', REASONS.startedNow([first.segmentId], language));
}

/** Words of a small and of a large amount or frequency; a negation turns one into the other ("ikke lite"). */
const LOW_AMOUNT = /^(?:lite|little|sjelden|rarely|seldom)$/;
const HIGH_AMOUNT = /^(?:mye|much|ofte|often|nok|enough|plenty|frequently)$/;
/** Degree words between a negation and the amount ("ikke så mye", "not that much"). */
const DEGREE = /^(?:så|so|that|very|veldig|særlig|spesielt|noe|too|for)$/;

/** The amount of a small or large amount word at a position: "low" or "high" after any negation before it. */
function amountAt(tokens: readonly AnalysedToken[], position: number): 'low' | 'high' | undefined {
  const word = tokens[position]?.surface ?? '';
  const low = LOW_AMOUNT.test(word);
  if (!low && !HIGH_AMOUNT.test(word)) return undefined;
  // A comparison ("not as much", "ikke like mye som før") is no amount of its own; "a little" is some, not little.
  if (/^(?:as|like|som|than|enn|a)$/.test(tokens[position - 1]?.surface ?? '')) return undefined;
  if (/^(?:as|som|than|enn)$/.test(tokens[position + 1]?.surface ?? '')) return undefined;
  let back = position - 1;
  while (back >= 0 && DEGREE.test(tokens[back]?.surface ?? '')) back -= 1;
  return low !== (tokens[back]?.negation === true) ? 'low' : 'high';
}

/**
 * The amount next to a word, looking one way ("drikker mye", "lite kjøtt"): up to three tokens, past negations and
 * degree words only; another meaning word or a full stop ends the search.
 */
function amountNext(
  tokens: readonly AnalysedToken[],
  position: number,
  step: 1 | -1,
): 'low' | 'high' | undefined {
  for (
    let at = position + step, taken = 0;
    at >= 0 && at < tokens.length && taken < 3;
    at += step, taken += 1
  ) {
    const amount = amountAt(tokens, at);
    if (amount) return amount;
    const token = tokens[at];
    if (!token || (token.punctuation !== undefined && token.punctuation !== ',')) return undefined;
    if (!token.stopword && !token.negation && !DEGREE.test(token.surface)) return undefined;
  }
  return undefined;
}

/** The first amount among tokens[from..to] (a short answer: "Ikke så mye, egentlig."). */
function amountIn(tokens: readonly AnalysedToken[], from: number, to: number): 'low' | 'high' | undefined {
  for (let position = Math.max(0, from); position <= to && position < tokens.length; position += 1) {
    const amount = amountAt(tokens, position);
    if (amount) return amount;
  }
  return undefined;
}

/**
 * A yes-no question about a quantity ("Sover du nok?", "Do you drink much?"): its answer is about the amount, not
 * the thing. Not an open question ("How much do you drink?").
 */
function asksAmount(unit: TranscriptUnit): boolean {
  if (!unit.isQuestion || /^(?:hvor|hvordan|hva|how|what)(?![\p{L}])/u.test(foldText(unit.text).trim()))
    return false;
  // (Frequency is left out: "does the pain radiate frequently?" – "no" denies the radiation.)
  return unit.tokens.some(
    (token, position) =>
      /^(?:nok|enough|mye|much|lite|little)$/.test(token.surface) &&
      amountAt(unit.tokens, position) !== undefined,
  );
}

/**
 * An amount or frequency turned around ("Drikker ikke lite" where "Drikker hun nok?" was answered "Ikke så mye"):
 * the clause's amount against what the conversation says of the same words — the amount next to them on the side
 * the clause has it, or the answer to a question about them (its own amount, or a bare yes or no to the amount
 * asked). Contradicted when the conversation says only the opposite amount.
 */
function checkAmount(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (context.conditional) return undefined;
  const amountPosition = clause.tokens.findIndex((_, position) => amountAt(clause.tokens, position));
  const claimed = amountPosition < 0 ? undefined : amountAt(clause.tokens, amountPosition);
  if (!claimed) return undefined;
  // The words the amount is said of: next to it ("drikker lite", "lite kjøtt", "runs too much").
  const words = clause.content.filter(
    (token) =>
      Math.abs(clause.tokens.indexOf(token) - amountPosition) <= 3 &&
      !LOW_AMOUNT.test(token.surface) &&
      !HIGH_AMOUNT.test(token.surface) &&
      !isKin(token, index.compiled) &&
      matchingCanonicals(token, index).size > 0,
  );
  if (words.length === 0) return undefined;
  let agrees = false;
  let opposite: TranscriptUnit | undefined;
  for (const unit of index.units) {
    if (unit.hypothetical) continue;
    for (const token of words) {
      // On the side the clause has it: "drikker mye" after the word, "lite kjøtt" before it.
      const step = clause.tokens.indexOf(token) > amountPosition ? -1 : 1;
      for (const position of headPositions(token, unit, index)) {
        if ((unit.subjects[position] === 'relative') !== context.mentionsRelative) continue;
        let amount = amountNext(unit.tokens, position, step);
        let evidence = unit;
        if (unit.isQuestion) {
          // The answer's own amount decides, else a bare yes or no to the amount asked. (A recogniser may run the
          // answer on after the question's full stop: "drikker hun nok. lite, egentlig".)
          const end = unit.tokens.findIndex(
            (other, at) => at > position && other.punctuation !== undefined && other.punctuation !== ',',
          );
          const answer = unit.answeredByUnit === undefined ? undefined : index.units[unit.answeredByUnit];
          const inline = end >= 0 ? amountIn(unit.tokens, end + 1, end + 4) : undefined;
          const answered = inline ?? (answer ? amountIn(answer.tokens, 0, 4) : undefined);
          const bare =
            answer !== undefined && answer.tokens.filter((other) => !other.punctuation).length <= 2;
          if (answered) amount = answered;
          else if (!bare || (unit.answer !== 'negative' && unit.answer !== 'positive')) amount = undefined;
          else if (amount && unit.answer === 'negative') amount = amount === 'low' ? 'high' : 'low';
          if (answer && !inline) evidence = answer;
        }
        if (!amount) continue;
        if (amount === claimed) agrees = true;
        else opposite ??= evidence;
      }
    }
  }
  if (agrees || !opposite) return undefined;
  return flag('negation', 'contradicted', REASONS.negationConflictDenied([opposite.segmentId], language));
}

/** A claim that a condition is under control ("tilfredsstillende regulert", "velregulert", "well controlled"). */
const CONTROLLED =
  /(?<![\p{L}])(?:(?:tilfredsstillende|godt|bra|adekvat|optimalt|well|adequately|optimally) (?:regulert|kontrollert|controlled|managed)|velregulert|velkontrollert|well-controlled|at goal|at target|innenfor (?:målet|behandlingsmålet)|på mål)(?![\p{L}])/u;
/** The conversation says a measure is above its target ("Det er over målet", "still too high", "not at goal"). */
const ABOVE_TARGET =
  /(?<![\p{L}])(?:over (?:målet|behandlingsmålet|målene|målverdien)|for høyt?|fortsatt (?:for )?høyt?|ikke (?:godt nok|tilfredsstillende|bra nok) (?:regulert|kontrollert)|ikke godt nok|above (?:the )?(?:goal|target)|not at (?:goal|target)|too high|still (?:too )?high|not (?:well |adequately )?controlled|uncontrolled)(?![\p{L}])/u;
/** The conversation says a measure is at its target ("innenfor målet", "fint", "well controlled"). */
const AT_TARGET =
  /(?<![\p{L}])(?:innenfor (?:målet|behandlingsmålet)|under målet|på mål|godt regulert|velregulert|fint|bra|at (?:goal|target)|within (?:the )?(?:goal|target)|well controlled|looks (?:good|great)|nice and controlled)(?![\p{L}])/u;
/** The measure that tells whether a condition named in a statement is controlled. */
const CONTROL_MEASURES: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /(?<![\p{L}])(?:hypertensjon|hypertoni|blodtrykk\p{L}*|bt|hypertension|blood pressure)(?![\p{L}])/u,
    'blood-pressure',
  ],
  [/(?<![\p{L}])(?:diabetes|dm2?|hba1c|a1c|blodsukker\p{L}*|diabetes mellitus)(?![\p{L}])/u, 'hba1c'],
  [
    /(?<![\p{L}])(?:hyperlipidemi|hyperkolesterolemi|kolesterol\p{L}*|ldl|lipid\p{L}*|cholesterol|hyperlipidemia)(?![\p{L}])/u,
    'ldl',
  ],
];

/**
 * Whether a condition is controlled, turned around ("Hypertensjon, tilfredsstillende regulert" where the doctor said
 * of the measured pressure "Det er over målet"): the statement names the condition, the transcript gives its
 * measure (a blood pressure, an HbA1c, an LDL) and within the next turns calls it above target and never at target
 * — or, for a claim that it is not controlled, at target and never above.
 */
function checkControlClaim(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (context.conditional || context.mentionsRelative) return undefined;
  const text = foldText(clause.text);
  if (!CONTROLLED.test(text)) return undefined;
  const claimedControlled = !clause.tokens.some((token) => token.negation);
  const statement = foldText(context.statementText);
  const measures = CONTROL_MEASURES.filter(([pattern]) => pattern.test(statement)).map(([, label]) => label);
  if (measures.length !== 1) return undefined;
  let above: TranscriptUnit | undefined;
  let atTarget: TranscriptUnit | undefined;
  for (const unit of index.units) {
    const measured = unit.quantities.find((quantity) => quantity.label === measures[0]);
    if (!measured) continue;
    for (const near of index.units.slice(unit.index, unit.index + 4)) {
      // Another measure opens another topic ("Langtidsblodsukkeret er 48, det er fint").
      if (
        near !== unit &&
        near.quantities.some((quantity) => quantity.label && quantity.label !== measures[0])
      )
        break;
      if (near.hypothetical || (near.isQuestion && near.speaker === 'lege')) continue;
      // What is said of the value comes after it ("så bra, la meg se … 146 over 92" praises something else).
      const said = foldText(near === unit ? near.text.slice(measured.start) : near.text);
      if (ABOVE_TARGET.test(said)) above ??= near;
      else if (AT_TARGET.test(said)) atTarget ??= near;
    }
  }
  const against = claimedControlled ? (atTarget ? undefined : above) : above ? undefined : atTarget;
  if (!against) return undefined;
  return flag(
    'negation',
    'contradicted',
    claimedControlled
      ? REASONS.negationConflictDenied([against.segmentId], language)
      : REASONS.describedNormal([against.segmentId], language),
  );
}

/** Words that make a negated value a bound ("not more than 2", "ikke over 38"), not a denial of the value. */
const COMPARATOR =
  /(?<![\p{L}])(?:more|less|fewer|greater|than|over|under|above|below|exceed\p{L}*|up|beyond|mer|mindre|enn|opp|høyere|lavere|utover|til)(?![\p{L}])/u;

/**
 * A clause whose values the transcript confirms, with a negation right before the first value ("is not 7 out of
 * 10", "does not have approximately 8 to 10 wet diapers"): the note denies what was measured or counted.
 */
function negatedMeasure(clause: Clause, context: CheckContext): Issue | undefined {
  const first = clause.quantities[0];
  if (!first || context.conditional || expressesUncertainty(clause)) return undefined;
  const before = foldText(clause.text.slice(0, first.start));
  const cue = /(?<![\p{L}])(?:not|n't|never|ikke|aldri)((?:\s+\S+){0,3})\s*$/u.exec(before);
  const tail = cue?.[1] ?? '';
  if (!cue || COMPARATOR.test(tail) || /[<>≥≤]/u.test(tail) || COMPARATOR.test(foldText(first.text)))
    return undefined;
  const evidence = clause.anchors.length > 0 ? clause.anchors : clause.top.map((entry) => entry.unit);
  if (evidence.length === 0) return undefined;
  return flag(
    'negation',
    'contradicted',
    REASONS.negationConflictPresent(segmentIds(evidence).slice(0, 2), context.language),
  );
}

/** Verbs that document what was done in the consultation (discussed, reviewed, ordered …), nb and en. */
const PROCESS_VERB =
  /^(?:discuss\p{L}*|review\p{L}*|obtain\p{L}*|explain\p{L}*|counsel\p{L}*|educat\p{L}*|perform\p{L}*|order\p{L}*|recommend\p{L}*|examin\p{L}*|drøftet|diskutert|gjennomgått|forklart|informert|undersøkt|rekvirert|anbefalt|bestilt)$/u;

/**
 * A consultation step said not to have happened ("An x-ray was not obtained today", "I have not had a lengthy
 * discussion with him"): where the transcript talks about it without any negation, the note's "not" has no source.
 */
function checkNegatedProcess(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (context.conditional || context.mentionsRelative) return undefined;
  // "Ikke undersøkt (telefon)": a phone or video consultation explains itself; examined in one, it is not.
  if (/(?:telefon|video|phone|virtual)/u.test(foldText(context.statementText)))
    return examinedRemotely(clause, context);
  const tokens = clause.tokens;
  const negatedStep = tokens.some(
    (token, position) =>
      PROCESS_VERB.test(token.surface) &&
      tokens
        .slice(Math.max(0, position - 4), position)
        .some((before) => before.negation && !before.punctuation),
  );
  if (!negatedStep) return undefined;
  // What the step was about (the x-ray, the diagnosis) must be talked about where the clause aligns.
  const top = clause.top.map((entry) => entry.unit);
  const object = clause.content.filter((token) => !PROCESS_VERB.test(token.surface));
  if (top.length === 0 || object.length === 0 || unionCoverage(object, top, index) < 0.5) return undefined;
  // A negation near its words where it is talked about may be the note's source ("we don't need an x-ray today").
  const window = [...new Set([...top, ...clause.window])];
  if (
    window.some((unit) =>
      clause.content.some((token) =>
        matchPositions(token, unit, index).some((position) => hasLocalNegation(unit, position)),
      ),
    )
  )
    return undefined;
  return flag('negation', 'unsupported', REASONS.processNotDone(segmentIds(top).slice(0, 2), language));
}

/** The clinician's own documenting verbs: what was discussed, recommended, provided … in this visit (English). */
const OWN_STEP_VERB =
  /^(?:discuss\p{L}*|recommend\p{L}*|provid\p{L}*|prescrib\p{L}*|referr?(?:al|ed|ing)?|explain\p{L}*|counsel\p{L}*|advis\p{L}*|review\p{L}*|educat\p{L}*|order\p{L}*)$/u;
const GENERIC_OBJECT =
  /^(?:symptoms?|current|currently|regarding|lengthy|length|issues?|concerns?|problems?|findings?|options?|today|patient|condition)$/;
/** Another visit or a step still to come: "in the emergency department", "has not yet been scheduled". */
const OTHER_OCCASION =
  /(?:emergency|urgent care|hospital|previous|prior|before|last (?:visit|time)|\byet\b|\buntil\b|\bunless\b|\boutside\b)/u;

/**
 * The clinician's own step in this visit said not to have happened ("I have not recommended that we treat him
 * conservatively", "The nature of the diagnosis was not discussed", "A prescription is not provided"). A note
 * documents what the clinician did, so such a denial needs its source: the clinician (I/we) or a passive as the
 * subject, and no negation said next to the step or its object anywhere in the transcript ("we won't need to
 * refer you"). English notes only: Norwegian notes record steps left out on purpose ("Ikke rekvirert CRP").
 */
function checkNegatedOwnStep(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  // Only a true condition excuses it: the plan's advice words ("discussed", "counseling") make every plan statement
  // "conditional" for the other checks.
  if (index.compiled.language !== 'en' || context.mentionsRelative) return undefined;
  const folded = foldText(context.statementText);
  if (
    /(?:phone|video|virtual|telehealth)/u.test(folded) ||
    /\b(?:if|unless|in case|should|would)\b/u.test(folded) ||
    OTHER_OCCASION.test(foldText(clause.text))
  )
    return undefined;
  const tokens = clause.tokens;
  const stepAt = tokens.findIndex(
    (token, position) =>
      OWN_STEP_VERB.test(token.surface) &&
      tokens
        .slice(Math.max(0, position - 4), position)
        .some((before) => before.negation && !before.punctuation) &&
      !tokens.slice(Math.max(0, position - 4), position).some((before) => before.punctuation),
  );
  if (stepAt < 0) return undefined;
  const negationAt = tokens.findIndex((token, position) => position >= stepAt - 4 && token.negation);
  const before = tokens.slice(Math.max(0, negationAt - 3), negationAt).map((token) => token.surface);
  const clinician = before.some((word) => /^(?:i|we)$/.test(word));
  // A passive names the step by its participle ("was not discussed"); "is not providing relief" is the drug's.
  const passive =
    /^(?:was|were|is|are|been|be)$/.test(before.at(-1) ?? '') && /ed$/.test(tokens[stepAt]?.surface ?? '');
  if (!clinician && !passive) return undefined;
  // The transcript says the step or its object was left out ("we don't need to discuss surgery").
  const step = tokens[stepAt];
  // Words any talk negates somewhere ("no other symptoms", "nothing current") say nothing about this step.
  const object = clause.content.filter(
    (token) =>
      token !== step &&
      !OWN_STEP_VERB.test(token.surface) &&
      !GENERIC_OBJECT.test(token.surface) &&
      isSpecific(token, index),
  );
  // The step or its object by its own word ("recommend" is no "discuss", "symptoms" no "pain").
  const stems = new Set([...(step ? [step] : []), ...object].map((token) => token.stem));
  const saidNegated = index.units.some((unit) =>
    unit.tokens.some((token, position) => stems.has(token.stem) && hasLocalNegation(unit, position)),
  );
  if (saidNegated) return undefined;
  return flag(
    'negation',
    'unsupported',
    REASONS.processNotDone(segmentIds(clause.top.map((entry) => entry.unit)).slice(0, 2), language),
  );
}

/** A claim that the patient was examined ("undersøkt", "examined", "physical exam performed"). */
const EXAMINED =
  /(?<![\p{L}])(?:undersøkt|examined|exam(?:ination)? (?:was |is )?(?:performed|done|completed|conducted))(?![\p{L}])/u;
/** A telephone consultation, a video one, and what makes an examination physical. */
const PHONE_SETTING = /(?<![\p{L}])(?:telefon\p{L}*|phone|telephone)(?![\p{L}])/u;
const VIDEO_SETTING = /(?<![\p{L}])(?:video\p{L}*|virtual|telehealth|telemedicine)(?![\p{L}])/u;
const PHYSICAL_EXAM = /(?<![\p{L}])(?:klinisk|fysisk|clinical(?:ly)?|physical(?:ly)?|in person)(?![\p{L}])/u;

/**
 * An examination claimed in a consultation the statement itself marks as remote ("Undersøkt (telefon)",
 * "Videokonsultasjon, klinisk undersøkt"): nobody can examine a patient over the telephone, nor physically over
 * video (what is seen on video is an observation, so there only a clinical or physical examination counts).
 * Not in the history ("undersøkt på legevakt i går" happened elsewhere) or a plan.
 */
function examinedRemotely(clause: Clause, context: CheckContext): Issue | undefined {
  if (context.historySection || context.planSection) return undefined;
  if (clause.negated.size > 0 || clause.tokens.some((token) => token.negation || token.postNegation))
    return undefined;
  const text = foldText(clause.text);
  if (!EXAMINED.test(text)) return undefined;
  const statement = foldText(context.statementText);
  const remote = PHONE_SETTING.test(statement) || (VIDEO_SETTING.test(statement) && PHYSICAL_EXAM.test(text));
  if (!remote) return undefined;
  return flag('negation', 'unsupported', REASONS.examinedRemotely(context.language));
}

// ---------- the polarity inside a condition ----------

const CONDITION_WORD = /^(?:if|unless|hvis|dersom)$/;

/**
 * Where a unit says every one of the words within `reach` words after its condition word ("if", "hvis"): the
 * condition word's position and each word's positions; undefined when it has no condition word or misses a word.
 */
function afterCondition(
  words: readonly AnalysedToken[],
  unit: TranscriptUnit,
  index: TranscriptIndex,
  reach: number,
): { conditionAt: number; found: number[][] } | undefined {
  const conditionAt = unit.tokens.findIndex((token) => CONDITION_WORD.test(token.surface));
  if (conditionAt < 0) return undefined;
  const found = words.map((token) =>
    matchPositions(token, unit, index).filter(
      (position) => position > conditionAt && position <= conditionAt + reach,
    ),
  );
  return found.some((positions) => positions.length === 0) ? undefined : { conditionAt, found };
}

/** True when a negation cue stands among the tokens (a condition's own negation; "unless" is "if not"). */
function negatesCondition(tokens: readonly AnalysedToken[]): boolean {
  return tokens.some((token) => token.negation || token.surface === 'unless');
}

/**
 * The polarity inside a condition must match the condition said ("If she does not improve, she will follow up"
 * against "if it doesn't get better, call us"): the condition's words said after a condition word in the
 * transcript, with or without a negation between the condition word and them. Contradicted when such a
 * condition was said only with the other polarity.
 */
function checkConditionPolarity(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  const start = clause.tokens.findIndex((token) => CONDITION_WORD.test(token.surface));
  if (start < 0) return undefined;
  const condition = clause.tokens.slice(start);
  const words = condition
    .filter(
      (token) =>
        clause.content.includes(token) &&
        !isKin(token, compiled) &&
        matchingCanonicals(token, index).size > 0,
    )
    .slice(0, 4);
  if (words.length === 0) return undefined;
  const claimedNegative = negatesCondition(condition);
  let agreeing = false;
  let disagreeing: TranscriptUnit | undefined;
  for (const unit of index.units) {
    // Every word of the condition within eight words after the transcript's condition word.
    const { conditionAt, found } = afterCondition(words, unit, index, 8) ?? {};
    if (conditionAt === undefined || !found) continue;
    const last = Math.max(...found.map((positions) => Math.min(...positions)));
    const span = unit.tokens
      .slice(conditionAt, last + 3)
      .filter((token, offset) => offset <= last - conditionAt || /^(?:not|n't|ikke)$/.test(token.surface));
    if (negatesCondition(span) === claimedNegative) agreeing = true;
    else disagreeing ??= unit;
  }
  return polarityConflict(agreeing, disagreeing, claimedNegative, language);
}

/** Opens a relative clause that states the condition of advice ("hoste som ikke er på retur", "pain that does not improve"). */
const RELATIVE_PRONOUN = /^(?:som|that|which)$/;

/**
 * The polarity of a predicate inside advice ("Ny kontakt ved … hoste som ikke er på retur om 3–4 uker" against "…
 * eller hosten ikke er på retur om tre-fire uker, så tar du kontakt"): the words after "som"/"that" in a clause of
 * conditional advice, said in the transcript after a condition word ("hvis", "if"), with or without a negation just
 * before them. Contradicted when the predicate was said only with the other polarity.
 */
function checkConditionPredicate(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (!context.conditional) return undefined;
  // Right after the thing it is said of ("hoste som", "pain that"), not a conjunction ("and that if …").
  const pronoun = clause.tokens.findIndex(
    (token, position) =>
      RELATIVE_PRONOUN.test(token.surface) &&
      clause.content.includes(clause.tokens[position - 1] as AnalysedToken),
  );
  if (pronoun < 0) return undefined;
  // The predicate runs to the first punctuation ("som ikke er på retur om 3–4 uker (ev. rtg. thorax)").
  const rest = clause.tokens.slice(pronoun + 1);
  const stop = rest.findIndex((token) => token.punctuation !== undefined && token.punctuation !== '–');
  const predicate = stop < 0 ? rest : rest.slice(0, stop);
  const claimedNegative = predicate.slice(0, 3).some((token) => token.negation);
  const words = predicate
    .filter(
      // (Course words are the predicate here: "på retur", "improve".)
      (token) => clause.content.includes(token) && matchingCanonicals(token, index).size > 0,
    )
    .slice(0, 2);
  if (words.length === 0) return undefined;
  let agreeing = false;
  let disagreeing: TranscriptUnit | undefined;
  for (const unit of index.units) {
    const { conditionAt, found } = afterCondition(words, unit, index, 25) ?? {};
    if (conditionAt === undefined || !found) continue;
    const first = Math.min(...found.map((positions) => Math.min(...positions)));
    // The negation of this item: up to four words before its predicate, not past a comma or "eller".
    let negated = false;
    for (let back = first - 1; back > conditionAt && back >= first - 4; back -= 1) {
      const token = unit.tokens[back];
      if (!token || token.punctuation !== undefined || /^(?:eller|og|or|and)$/.test(token.surface)) break;
      if (token.negation) negated = true;
    }
    if (negated === claimedNegative) agreeing = true;
    else disagreeing ??= unit;
  }
  return polarityConflict(agreeing, disagreeing, claimedNegative, language);
}

// ---------- a finding the transcript never mentions ----------

/**
 * Words that name no finding: sentence adverbs and connectives ("Initially,", "In summary,", "however"), the course
 * or effect of something already named ("intermittent", "unchanged", "which was effective"). A note words these
 * freely; the finding they qualify is checked by its own words.
 */
const NOT_FINDING: Record<Language, RegExp> = {
  en: /^(?:however|summary|particular|addition|conclusion|overall|otherwise|furthermore|moreover|meanwhile|meantime|nevertheless|nonetheless|therefore|thus|hence|regardless|anyway|besides|instance|example|similar|intermittent|constant|frequent|occasional|persistent|continuous|recurrent|episodic|sporadic|sudden|gradual|immediate|initial|recent|unchanged|resolved|effective|ineffective|beneficial|helpful|successful)$/,
  nb: /^(?:imidlertid|dessuten|derfor|ellers|likevel|forøvrig|oppsummert|oppsummering|sammenfattende|altså|uansett|intermitterende|konstant|konstante|hyppig|hyppige|vedvarende|sporadisk|sporadiske|plutselig|gradvis|uendret|uendrede|effektiv|effektivt|nyttig)$/,
};

/** English adverbs in -ly ("initially", "lately", "unfortunately"), not the nouns and adjectives so spelled. */
const ADVERB_LY = /^\p{L}{3,}ly$/u;
const NOT_ADVERB_LY =
  /^(?:family|belly|anomaly|assembly|supply|jelly|bully|ally|reply|rally|lily|monopoly|butterfly|melancholy|ugly|oily|holy|apply|comply|multiply|gully|folly|silly|hilly|jolly|wobbly|bubbly|knobbly|prickly|wrinkly|crinkly|scaly|curly|burly|woolly|smelly|puffy)$/;

/** A grade ("mild", "moderate", "trace"): a finding described as observed, never a denied one whose negation fell off. */
const SEVERITY: Record<Language, RegExp> = {
  en: /^(?:mild|mildly|moderate|moderately|severe|severely|slight|slightly|marked|markedly|minimal|minimally|trace|grade)$/,
  nb: /^(?:lett|lette|moderat|moderate|uttalt|uttalte|kraftig|kraftige|betydelig|betydelige)$/,
};

/** An organ system's name: a heading of the review of systems or the examination ("Gastrointestinal", "HEENT"). */
const SYSTEM_LABEL =
  /^(?:constitutional|heent|cardiovascular|respiratory|pulmonary|gastrointestinal|genitourinary|musculoskeletal|neurological|neurologic|psychiatric|psychological|integumentary|dermatologic|hematologic|lymphatic|lymphatics|endocrine|immunologic|allergic|extremities)$/;

/** A statement of headings only ("Gastrointestinal", "Neurological/Psychological"): it files findings, claims none. */
function headingOnly(content: readonly AnalysedToken[]): boolean {
  return content.length > 0 && content.every((token) => SYSTEM_LABEL.test(token.surface));
}

function namesNoFinding(token: AnalysedToken, language: Language): boolean {
  if (NOT_FINDING[language].test(token.surface) || SYSTEM_LABEL.test(token.surface)) return true;
  return language === 'en' && ADVERB_LY.test(token.surface) && !NOT_ADVERB_LY.test(token.surface);
}

/**
 * A positive clause of the history or examination none of whose words is in the transcript ("…, perforasjon eller
 * sekret", "palpabel tumor"): a finding nobody said. Not checked: negative and normal findings (they often go
 * unsaid), the setting and who came along, assessments, plans and advice.
 */
function checkAbsentFinding(clause: Clause, context: CheckContext): Issue | undefined {
  if (!(context.historySection || context.examSection) || context.conditional || context.mentionsRelative)
    return undefined;
  // A label before the colon ("Ears, Nose, Mouth and Throat: …") is not a finding.
  // Only the words after it are checked ("Rektaleksplorasjon: palpabel tumor" → "palpabel tumor").
  const colon = context.statementText.indexOf(':');
  const colonInClause = clause.tokens.findIndex((token) => token.punctuation === ':');
  if (colon > 0 && clause.offset < colon && colonInClause < 0) return undefined;
  const afterLabel = colonInClause >= 0 ? new Set(clause.tokens.slice(colonInClause + 1)) : undefined;
  if (clause.negated.size > 0 || clause.tokens.some((token) => token.negation || token.postNegation))
    return undefined;
  const { index } = context;
  const compiled = index.compiled;
  const text = foldText(clause.text);
  if (compiled.settingWords.test(text) || compiled.accompanyCues.test(text) || compiled.scoreNames.test(text))
    return undefined;
  if (clause.content.some((token) => isNormalWord(token, compiled) || ABNORMAL.test(token.surface)))
    return undefined;
  if (clause.quantities.length > 0 || clause.sides.length > 0) return undefined;
  // A graded finding ("mild thyromegaly noted") was observed and described, not denied.
  if (clause.tokens.some((token) => SEVERITY[compiled.language].test(token.surface))) return undefined;
  const content = afterLabel ? clause.content.filter((token) => afterLabel.has(token)) : clause.content;
  const key = content.filter(
    (token) => !isWeak(token, compiled.language) && !isKin(token, compiled) && token.surface.length > 2,
  );
  if (key.length === 0 || key.length > 4 || key.length < content.length - 1) return undefined;
  // Only adverbs, connectives or the course of something ("Initially,", "which was effective") or only places
  // ("Ears, Nose, Mouth, and Throat"): no finding named.
  if (key.every((token) => namesNoFinding(token, compiled.language) || isBodySite(token, compiled)))
    return undefined;
  if (key.some((token) => matchingCanonicals(token, index).size > 0)) return undefined;
  return flag(
    'content',
    'unsupported',
    REASONS.wordsMissing(
      key.map((token) => token.surface),
      context.language,
    ),
  );
}

/**
 * A positive finding whose words the transcript says only denied, asked or supposed ("Palpabel tumor" where the
 * doctor said "jeg kjenner ingen kul … for å utelukke tumor"): a positive claim needs positive evidence of its own,
 * a negative or normal finding does not (clinical documentation is asymmetric). Checked in the history and the
 * examination, for short findings, not for advice, relatives or values.
 */
function checkUnconfirmedFinding(clause: Clause, context: CheckContext): Issue | undefined {
  if (!context.examSection || context.conditional || context.mentionsRelative || context.discussion)
    return undefined;
  const { index } = context;
  const compiled = index.compiled;
  if (clause.negated.size > 0 || clause.tokens.some((token) => token.negation || token.postNegation))
    return undefined;
  if (clause.content.some((token) => isNormalWord(token, compiled) || ABNORMAL.test(token.surface)))
    return undefined;
  if (clause.quantities.length > 0) return undefined;
  const text = foldText(clause.text);
  if (
    compiled.settingWords.test(text) ||
    compiled.accompanyCues.test(text) ||
    compiled.scoreNames.test(text) ||
    compiled.processCues.test(text)
  )
    return undefined;
  const colonAt = clause.tokens.findIndex((token) => token.punctuation === ':');
  const finding = colonAt >= 0 ? new Set(clause.tokens.slice(colonAt + 1)) : undefined;
  const key = clause.content.filter(
    (token) =>
      (!finding || finding.has(token)) &&
      !isWeak(token, compiled.language) &&
      !isBodySite(token, compiled) &&
      !isKin(token, compiled) &&
      token.surface.length > 2,
  );
  if (key.length === 0 || key.length > 4) return undefined;
  let denied = false;
  for (const token of key) {
    if (matchingCanonicals(token, index).size === 0) continue;
    for (const unit of index.units) {
      const positions = matchPositions(token, unit, index);
      if (positions.length === 0 || unit.hypothetical) continue;
      const polarity = tokenPolarity(token, unit, index, clause.content);
      if (polarity === 'positive' && (!unit.isQuestion || unit.answer === 'positive')) return undefined;
      // A question asked and not answered "no" leaves the finding open.
      if (unit.isQuestion && unit.answer !== 'negative') return undefined;
      if (
        polarity === 'negative' &&
        (unit.isQuestion || positions.some((position) => hasLocalNegation(unit, position)))
      )
        denied = true;
    }
  }
  // Denied somewhere, said as present nowhere.
  if (!denied) return undefined;
  return flag(
    'content',
    'unsupported',
    REASONS.wordsMissing(
      key.map((token) => token.surface),
      context.language,
    ),
  );
}

// ---------- "not normal" against a normal finding ----------

const normalCanonicals = new WeakMap<CompiledLexicon, string>();

/** A word of the "normal" group ("ua", "fine", "clear", "unremarkable"). */
function isNormalWord(token: AnalysedToken, compiled: CompiledLexicon): boolean {
  let canonical = normalCanonicals.get(compiled);
  if (canonical === undefined) {
    canonical = analyseTokens('normal', compiled, { note: true })[0]?.canonical ?? 'normal';
    normalCanonicals.set(compiled, canonical);
  }
  return token.canonical === canonical;
}

const ABNORMAL = /^(?:abnormal|abnormale|unormal|unormalt|unormale|patologisk|patologiske)$/;

/**
 * Words that may stand between the start of a clause and its normal word when the clause speaks of what was just
 * named ("and that was normal", "everything seemed to be fine", "they all came back fine", "det var fint").
 */
const ANAPHORIC_FRAME =
  /^(?:everything|everything's|all|both|that's|it's|there's|they're|these|those|they|that|this|it|results?|looks?|looked|seems?|seemed|came|comes|come|back|fairly|nice|nicely|quite|totally|completely|perfectly|absolutely|alt|begge|svaret|svarene|prøvene|ser|så|virker|virket|kom|tilbake|helt|fint)$/;

/** Words that point back to what was named ("that", "all", "everything", "det", "alt"). */
const ANAPHOR =
  /^(?:that|that's|it|it's|they|they're|these|those|this|everything|everything's|all|both|det|de|alt|alle|begge|den)$/;

/** Words that turn a normal word to other things than the ones just named ("everything else looks fine"). */
const OTHER_THINGS =
  /^(?:else|other|others|otherwise|rest|besides|apart|except|ellers|annet|andre|resten|bortsett)$/;

/** Words between which a clause of speech opens ("… gout and everything seemed to be fine"). */
const CLAUSE_OPENER = /^(?:and|but|so|og|men|så)$/;

/** A normal word that means "agreed" as often as "normal": "okay" does not describe what was named before it. */
const DISCOURSE_NORMAL = /^(?:ok|okay|okei)$/;

/** Verbs after which "okay" is a predicate, not agreement ("everything else has been okay", "he feels okay"). */
const PREDICATE_VERB =
  /^(?:is|was|are|were|been|be|being|feel|feels|felt|feeling|seem|seems|seemed|look|looks|looked|sound|sounds|sounded|stayed|remained|er|var|vært)$/;

/**
 * "Has not been okay", "is not ok": a normal word that is a stopword is left out of the clause's negated words, but the
 * negation just before it, across auxiliaries only, denies it.
 */
function negatedNormalPredicate(tokens: readonly AnalysedToken[], position: number): boolean {
  if (!DISCOURSE_NORMAL.test(tokens[position]?.surface ?? '')) return false;
  for (let back = position - 1; back >= 0 && back >= position - 3; back -= 1) {
    const token = tokens[back];
    if (!token || token.punctuation !== undefined) return false;
    if (token.negation) return true;
    if (!PREDICATE_VERB.test(token.surface)) return false;
  }
  return false;
}

/** Words of contrast that open what a normal or abnormal word after them speaks of. */
const CONTRAST = /^(?:but|although|though|however|whereas|while|men)$/;

/** True when a normal word is "okay" said as agreement, not as a finding. */
function discourseNormal(tokens: readonly AnalysedToken[], position: number): boolean {
  return (
    DISCOURSE_NORMAL.test(tokens[position]?.surface ?? '') &&
    !PREDICATE_VERB.test(tokens[position - 1]?.surface ?? '')
  );
}

/**
 * True when the normal word at `position` opens a clause that speaks only of what was named before it ("… your
 * mammogram was in January? And that was normal.", "the labs including CBC and CRP. All were normal.").
 */
function anaphoricNormal(unit: TranscriptUnit, position: number): boolean {
  const tokens = unit.contextTokens;
  const at = position + unit.contextOffset;
  let anaphor = false;
  for (let back = at - 1; back >= 0; back -= 1) {
    const token = tokens[back];
    if (!token || token.punctuation !== undefined || CLAUSE_OPENER.test(token.surface)) break;
    if (OTHER_THINGS.test(token.surface)) return false;
    if (!token.stopword && !ANAPHORIC_FRAME.test(token.surface)) return false;
    if (ANAPHOR.test(token.surface)) anaphor = true;
  }
  if (!anaphor) return false;
  for (let ahead = at + 1; ahead <= at + 3; ahead += 1) {
    const token = tokens[ahead];
    if (!token || token.punctuation !== undefined) break;
    if (OTHER_THINGS.test(token.surface)) return false;
  }
  return true;
}

/** Words of an abnormal finding in a report ("shows a small fracture", "the CRP is elevated"). */
const ABNORMAL_FINDING =
  /^(?:fractures?|fractured|tears?|torn|mass|masses|lesions?|nodules?|effusion|stones?|enlarged|elevated|high|low|abnormal|abnormality|abnormalities|displaced|displacement|narrowing|narrowed|degeneration|degenerative|infiltrates?|pneumonia|cysts?|calcifications?|blockage|blocked|positive|concerning|worrisome|spurs?|thickening|thickened|unormal|unormalt|brudd|forhøyet|forhøyede|lav|lave|høy|høye|positiv)$/;

/**
 * The position of "with" after a normal word that opens a finding of its own ("grossly intact with pain", "supple
 * with a mass"), or -1.
 */
function normalThenWith(clause: Clause, compiled: CompiledLexicon): number {
  const normalAt = clause.tokens.findIndex((token) => isNormalWord(token, compiled));
  if (normalAt < 0) return -1;
  const withAt = clause.tokens.findIndex((token, position) => position > normalAt && token.surface === 'with');
  return withAt >= 0 && clause.tokens.slice(withAt + 1).some((token) => clause.content.includes(token)) ? withAt : -1;
}

/**
 * "Grossly intact with pain" against "your extraocular motions are intact without pain": the finding after "with" is
 * denied just after the same normal word where the transcript names what the statement names before it.
 */
function deniedWithFinding(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  const withAt = normalThenWith(clause, compiled);
  if (withAt < 0) return undefined;
  const normalAt = clause.tokens.findIndex((token) => isNormalWord(token, compiled));
  const usable = (token: AnalysedToken): boolean =>
    clause.content.includes(token) &&
    !clause.negated.has(token) &&
    !isNormalWord(token, compiled) &&
    matchingCanonicals(token, index).size > 0;
  // A common finding word ("pain") is weak for alignment, but it is what the clause says after "with".
  const findings = clause.tokens.slice(withAt + 1).filter(usable);
  const subjects = clause.tokens.slice(0, normalAt).filter((token) => usable(token) && !isWeak(token, language));
  if (findings.length === 0 || subjects.length === 0) return undefined;
  for (const unit of index.units) {
    if (unit.isQuestion) continue;
    const subjectPositions = subjects.flatMap((token) => matchPositions(token, unit, index));
    for (const [position, token] of unit.tokens.entries()) {
      if (!isNormalWord(token, compiled) || polarityAt(unit, position, index) !== 'positive') continue;
      if (!subjectPositions.some((at) => at < position && position - at <= 5)) continue;
      const polarities = findings.flatMap((finding) =>
        matchPositions(finding, unit, index)
          .filter((at) => at > position && at - position <= 4)
          .map((at) => polarityAt(unit, at, index)),
      );
      if (polarities.length > 0 && polarities.every((polarity) => polarity === 'negative'))
        return flag('negation', 'contradicted', REASONS.describedNormal([unit.segmentId], language));
    }
  }
  return undefined;
}

/** Units after a unit in the same turn that may still speak of what it named ("… x-ray of your spine. … good sign."). */
const ANAPHORIC_REACH = 3;

/**
 * "Lungs are not clear", "Sensation is not intact", "X-ray of the back is abnormal": contradicted where the
 * transcript calls the same thing normal ("your lungs sound nice and clear"), the normal word close to it or in a
 * clause of the same turn that only refers back to it ("your mammogram in January? And that was normal."). A clause
 * that names nothing itself ("…, they were abnormal") speaks of what the statement named before it.
 */
function checkAbnormalClaim(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  if (context.conditional || context.mentionsRelative) return undefined;
  const withIssue = deniedWithFinding(clause, context);
  if (withIssue) return withIssue;
  // "No … other abnormal sensations" denies the abnormal.
  const abnormalAt = clause.tokens.findIndex(
    (token, position) =>
      (isNormalWord(token, compiled) &&
        (clause.negated.has(token) || negatedNormalPredicate(clause.tokens, position))) ||
      (ABNORMAL.test(token.surface) && !clause.negated.has(token)),
  );
  if (abnormalAt < 0) return undefined;
  const isSubject = (token: AnalysedToken): boolean =>
    !isNormalWord(token, compiled) &&
    !ABNORMAL.test(token.surface) &&
    !isKin(token, compiled) &&
    !isWeak(token, language) &&
    matchingCanonicals(token, index).size > 0;
  let subjects = clause.content.filter(isSubject);
  // "She gets allergies but everything else has not been okay": after a contrast, the abnormal speaks of what follows.
  const contrastAt = clause.tokens.findLastIndex(
    (token, position) => position < abnormalAt && CONTRAST.test(token.surface),
  );
  const contrasted = subjects.filter((token) => clause.tokens.indexOf(token) > contrastAt);
  if (contrastAt >= 0 && contrasted.length > 0) subjects = contrasted;
  if (subjects.length === 0 && clause.offset > 0)
    subjects = analyseTokens(context.statementText.slice(0, clause.offset), compiled, { note: true }).filter(
      (token) => isContent(token) && isSubject(token),
    );
  if (subjects.length === 0) return undefined;
  const needed = Math.max(1, Math.ceil(subjects.length * 0.5));
  // "… your heart rate is fine, so when I press here does that hurt?": what the speaker states before a question
  // opens in the same unit is a statement, whatever the answer to the question.
  const statedBeforeQuestion = (other: TranscriptUnit, position: number): boolean =>
    other.isQuestion && language === 'en' && questionOpensAfter(other.tokens, position);
  for (const unit of index.units) {
    // A supposition ("if I'm on the fly …") is weighed where it stands, by each word's polarity.
    const asked = unit.isQuestion && unit.answer !== 'positive';
    const subjectPositions = subjects
      .map((token) =>
        matchPositions(token, unit, index).filter((position) => !asked || statedBeforeQuestion(unit, position)),
      )
      .filter((positions) => positions.length > 0);
    if (subjectPositions.length < needed) continue;
    const first = Math.min(...subjectPositions.flat());
    // A claim with a value or date ("a mammogram in 01/2021 which was abnormal") speaks of the place that has it
    // (not of "then I had a normal pap" years later).
    if (
      clause.quantities.length > 0 &&
      !unit.quantities.some((found) =>
        clause.quantities.some(
          (claimed) =>
            quantitiesMatch(claimed, found) ||
            // A date's year ("01/2021" – "in January 2021").
            (claimed.value2 !== undefined && claimed.value2 >= 1900 && claimed.value2 === found.value),
        ),
      )
    )
      continue;
    const normalAt = (other: TranscriptUnit, position: number): boolean =>
      isNormalWord(other.tokens[position] as AnalysedToken, compiled) &&
      !discourseNormal(other.tokens, position) &&
      (statedBeforeQuestion(other, position)
        ? polarityAt({ ...other, isQuestion: false }, position, index) === 'positive'
        : (!other.isQuestion || other.answer === 'positive') && polarityAt(other, position, index) === 'positive');
    // A pronoun's "that's a good sign" may speak of a finding named on the way ("it shows a small fracture"): only
    // a report that names no abnormal finding between the result and its normal word refers back to the result.
    const findingBetween = (last: TranscriptUnit, normalPosition: number): boolean =>
      index.units
        .slice(unit.index, last.index + 1)
        .some((between) =>
          between.tokens.some(
            (token, position) =>
              (between !== unit || position > first) &&
              (between !== last || position < normalPosition) &&
              ABNORMAL_FINDING.test(token.surface) &&
              polarityAt(between, position, index) === 'positive',
          ),
        );
    const near =
      unit.tokens.some(
        (token, position) =>
          normalAt(unit, position) &&
          (subjectPositions.some((positions) => positions.some((at) => Math.abs(at - position) <= 4)) ||
            (position > first && anaphoricNormal(unit, position) && !findingBetween(unit, position))),
      ) ||
      index.units
        .slice(unit.index + 1, unit.index + 1 + ANAPHORIC_REACH)
        .some(
          (next) =>
            next.segmentIndex === unit.segmentIndex &&
            !next.hypothetical &&
            next.tokens.some(
              (token, position) =>
                normalAt(next, position) &&
                anaphoricNormal(next, position) &&
                !findingBetween(next, position),
            ),
        );
    if (near)
      return flag('negation', 'contradicted', REASONS.describedNormal([unit.segmentId], context.language));
  }
  return undefined;
}

// ---------- whether a treatment helps ----------

/**
 * English words saying that a treatment works ("it does not help", "provides relief"). Norwegian effect claims
 * ("hjelper ikke") are decided by the negation checks, which align them well.
 */
const EFFECT =
  /^(?:help|helps|helped|helping|helpful|unhelpful|beneficial|effective|ineffective|relief|relieve|relieves|relieved)$/;
const NO_EFFECT = /^(?:unhelpful|ineffective)$/;

/**
 * Before an effect word, a purpose, a plan, a need, a condition or a hope, not an effect ("to help with", "for pain
 * relief", "required help", "if it helps", "hopefully that helps").
 */
const NOT_EFFECT_BEFORE =
  /^(?:to|for|will|would|should|can|could|may|might|shall|required|requires|require|needed|needs|need|get|getting|ask|asked|if|whether|unless|hopefully|hope|maybe|probably)$/;

/** A degree of the effect ("minimal relief", "helps a little"): partial, neither all nor nothing. */
const EFFECT_DEGREE =
  /^(?:minimal|minimally|little|slight|slightly|some|somewhat|partial|partially|mild|mildly|limited|temporary|temporarily|moderate|moderately|significant|significantly|much|complete|completely|full|fully|sometimes|initially|bit|kind|sort)$/;

/** Treatments named by a word other than a drug name ("ice", "physical therapy", "the brace"). */
const TREATMENT_WORD =
  /^(?:ice|icing|iced|heat|therapy|physicaltherapy|pt|physiotherapy|brace|bracing|splint|massage|massaging|stretching|stretches|exercises|injection|injections|shot|shots|medication|medications|medicine|medicines|pills?|tablets?|cream|gel|ointment|drops|spray|inhaler)$/;

/** Verbs after which "to" opens no purpose ("does not seem to help", "tends to help"). */
const SEEM = /^(?:seem|seems|seemed|appear|appears|appeared|tend|tends|tended)$/;

/** True when the words before an effect word make it a purpose, a plan or a need, not an effect. */
function notEffectBefore(tokens: readonly AnalysedToken[], position: number): boolean {
  for (let back = position - 1; back >= 0 && back >= position - 3; back -= 1) {
    const token = tokens[back];
    if (!token || token.punctuation !== undefined) return false;
    if (!NOT_EFFECT_BEFORE.test(token.surface)) continue;
    if (token.surface === 'to' && SEEM.test(tokens[back - 1]?.surface ?? '')) return false;
    return true;
  }
  return false;
}

/** Pronouns by which a later turn speaks of a treatment just named ("does that help?", "it did not help"). */
const EFFECT_PRONOUN = /^(?:that|it|this|they|those|these|that's|it's)$/;

/** Units after the one naming a treatment that may still speak of its effect. */
const EFFECT_REACH = 3;

/** "Physical therapy's gone really well": going well, said of a treatment, is its effect. */
function goesWell(tokens: readonly AnalysedToken[], position: number): boolean {
  if (!/^(?:gone|going|went|goes)$/.test(tokens[position]?.surface ?? '')) return false;
  for (let ahead = position + 1; ahead <= position + 3; ahead += 1) {
    const surface = tokens[ahead]?.surface ?? '';
    if (surface === 'well') return true;
    if (!/^(?:really|very|pretty|quite|so)$/.test(surface)) return false;
  }
  return false;
}

/** "But it still hurts", "though I still have pain": after a treatment, a pain that stays says it did not help. */
function stillHurts(tokens: readonly AnalysedToken[], position: number): boolean {
  if (tokens[position]?.surface !== 'still') return false;
  const pain = tokens
    .slice(position + 1, position + 4)
    .some((token) => /^(?:hurts?|hurting|pain|painful|sore|aches?|aching)$/.test(token.surface));
  const contrast = tokens
    .slice(Math.max(0, position - 4), position)
    .some((token) => /^(?:but|though|although)$/.test(token.surface));
  const negated = tokens.slice(Math.max(0, position - 3), position + 3).some((token) => token.negation);
  return pain && contrast && !negated;
}

/** True when a unit names a drug or a treatment word: what it says of an effect is about that one. */
function namesAnyTreatment(unit: TranscriptUnit): boolean {
  return unit.drugs.length > 0 || unit.tokens.some((token) => TREATMENT_WORD.test(token.surface));
}

/** A degree word around a position ("helped a little bit", "kind of helped", "hjalp litt"). */
function effectDegreeNear(tokens: readonly AnalysedToken[], position: number): boolean {
  for (let offset = -3; offset <= 3; offset += 1) {
    const token = tokens[position + offset];
    if (offset === 0 || !token || token.punctuation !== undefined) continue;
    if (EFFECT_DEGREE.test(token.surface)) return true;
  }
  return false;
}

/**
 * "Ibuprofen … but it does help" against "taking ibuprofen … but it's really not helping at all", "which did
 * provide relief" against "has the ibuprofen helped at all?" – "not really": a claim about whether a treatment
 * works is contradicted where the transcript, speaking of the same treatment, says the opposite and never agrees.
 * The treatment is what the statement names before the effect word (a drug or a treatment word); the transcript's
 * effect word is in the place that names it, in the two places after it in the same turn, or in the answer to it.
 * A degree ("minimal relief", "helped a little") is neither all nor nothing and decides nothing.
 */
function checkEffectClaim(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  if (compiled.language !== 'en' || context.conditional || context.mentionsRelative) return undefined;
  if (compiled.hypotheticalCues.test(foldText(context.statementText))) return undefined;
  const at = clause.tokens.findIndex((token) => EFFECT.test(token.surface));
  const effect = clause.tokens[at];
  if (!effect) return undefined;
  if (notEffectBefore(clause.tokens, at) || effectDegreeNear(clause.tokens, at)) return undefined;
  // "Did not provide her with any relief", "nothing seemed to help", "without relief".
  const claimedNegative =
    clause.negated.has(effect) ||
    NO_EFFECT.test(effect.surface) ||
    clause.tokens.slice(Math.max(0, at - 6), at).some((token) => token.negation);
  // The treatment: what the statement names before the effect word.
  const effectStart = foldText(clause.text).search(
    new RegExp(`(?<![\\p{L}])${effect.surface}(?![\\p{L}])`, 'u'),
  );
  const leading = context.statementText.slice(
    0,
    clause.offset + (effectStart >= 0 ? effectStart : clause.text.length),
  );
  const drugs = findDrugMentions(leading, compiled.lexicon).filter((drug) => !drug.isClass);
  const words = [
    ...analyseTokens(context.statementText.slice(0, clause.offset), compiled, { note: true }),
    ...clause.tokens.slice(0, at),
  ].filter((token) => TREATMENT_WORD.test(token.surface) && matchingCanonicals(token, index).size > 0);
  if (drugs.length === 0 && words.length === 0) return undefined;
  const namesTreatment = (unit: TranscriptUnit): boolean =>
    unit.drugs.some((found) => drugs.some((drug) => drugKeysMatch(found.key, drug.key))) ||
    words.some((word) => matchPositions(word, unit, index).length > 0);
  let agreeing = false;
  let disagreeing: TranscriptUnit | undefined;
  // A later turn speaks of the treatment through a pronoun ("have you tried icing?" – "yes" – "does that give you any
  // relief?" – "no").
  const judge = (unit: TranscriptUnit, throughPronoun: boolean): void => {
    unit.tokens.forEach((token, position) => {
      // "I've been taking ibuprofen, but it still hurts": the treatment did not help.
      if (!throughPronoun && stillHurts(unit.tokens, position)) {
        if (claimedNegative) agreeing = true;
        else disagreeing ??= unit;
        return;
      }
      if (!EFFECT.test(token.surface) && !goesWell(unit.tokens, position)) return;
      if (notEffectBefore(unit.tokens, position)) return;
      if (
        throughPronoun &&
        !unit.tokens
          .slice(Math.max(0, position - 5), position)
          .some((other) => EFFECT_PRONOUN.test(other.surface))
      )
        return;
      let polarity = localPolarityAt(unit, position, index);
      if (NO_EFFECT.test(token.surface) && polarity !== 'unknown')
        polarity = polarity === 'positive' ? 'negative' : 'positive';
      // "Helped a little bit" is a degree; "not really" is still no.
      if (polarity === 'positive' && effectDegreeNear(unit.contextTokens, position + unit.contextOffset))
        return;
      if (polarity === 'unknown') return;
      if ((polarity === 'negative') === claimedNegative) agreeing = true;
      else disagreeing ??= unit;
    });
  };
  for (const unit of index.units) {
    if (unit.hypothetical || !namesTreatment(unit)) continue;
    if (unit.isQuestion && unit.answer !== 'positive' && unit.answer !== 'negative') continue;
    judge(unit, false);
    for (const next of index.units.slice(unit.index + 1, unit.index + 1 + EFFECT_REACH)) {
      if (next.hypothetical || namesAnyTreatment(next)) break;
      if (next.isQuestion && next.answer !== 'positive' && next.answer !== 'negative') continue;
      judge(next, next.segmentIndex !== unit.segmentIndex);
    }
  }
  return polarityConflict(agreeing, disagreeing, claimedNegative, language);
}

// ---------- who it is about ----------

const SPOKEN_TO = /^(?:me|you)$/;
const CONDITION_CLAUSE = /(?<![\p{L}])(?:when|whenever|if|når|hvis)(?![\p{L}])/iu;

/**
 * Whether a word is about the relative: not where the patient or the one spoken to comes back as the object the
 * relative's verb acts on ("my wife made me push the fridge", "dad takes me to play", "your roommate … you limit").
 */
function relativeAt(unit: TranscriptUnit, position: number): boolean {
  if (unit.subjects[position] !== 'relative') return false;
  let start = position;
  while (start > 0 && unit.subjects[start - 1] === 'relative') start -= 1;
  // The word right after the relative is theirs ("mum told me" keeps "told" the mother's).
  return !unit.tokens.slice(start + 1, position).some((token) => SPOKEN_TO.test(token.surface));
}

function checkPerson(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const keyTokens = keyTokensOf(clause, context).filter((token) => isSpecific(token, index));
  if (keyTokens.length === 0) return undefined;
  let bestRelative = 0;
  let bestPatient = 0;
  let relativeUnit: TranscriptUnit | undefined;
  for (const unit of index.units) {
    let relativeWeight = 0;
    let patientWeight = 0;
    let total = 0;
    for (const token of keyTokens) {
      const weight = tokenWeight(token, index);
      total += weight;
      const positions = matchPositions(token, unit, index);
      if (positions.length === 0) continue;
      if (unit.isQuestion) {
        if (unit.answer === 'positive') patientWeight += weight;
        continue;
      }
      // The patient's own: stated as present, not a plan or a test ("blodprøve for cøliaki").
      // The patient's own: stated as present, not a plan or a test ("blodprøve for cøliaki"); a possibility of the
      // patient's own ("if I run too much …") when the clause is one too.
      const ownPossibility = unit.hypothetical && CONDITION_CLAUSE.test(clause.text);
      const patientPositive =
        !unit.plan &&
        positions.some((position) => {
          if (relativeAt(unit, position)) return false;
          const polarity = polarityAt(unit, position, index);
          return polarity === 'positive' || (ownPossibility && polarity === 'hypothetical');
        });
      if (patientPositive) patientWeight += weight;
      // A possibility ("if I run too much …") still says whose it is; it is no evidence for another person.
      else if (!unit.hypothetical && positions.every((position) => relativeAt(unit, position)))
        relativeWeight += weight;
    }
    if (total === 0) continue;
    if (relativeWeight / total > bestRelative) {
      bestRelative = relativeWeight / total;
      relativeUnit = unit;
    }
    bestPatient = Math.max(bestPatient, patientWeight / total);
  }
  if (!relativeUnit || bestRelative < 0.5 || bestPatient >= bestRelative * 0.6) return undefined;
  return flag('person', 'contradicted', REASONS.otherPerson([relativeUnit.segmentId], language), true);
}

// ---------- who said it ----------

/** A unit that states something as fact: not a question left unanswered, not a hypothetical or a suggestion. */
function asserts(unit: TranscriptUnit): boolean {
  if (unit.hypothetical) return false;
  // "Sover du nok?" – "Ikke så mye": a no to the amount asked still says the thing is so.
  if (unit.isQuestion) return unit.answer === 'positive' || (unit.answer === 'negative' && asksAmount(unit));
  return !unit.plan;
}

/** A unit where only the doctor raises something: a hypothetical, a suggestion, or a question answered "no". */
function onlySuggests(unit: TranscriptUnit): boolean {
  return (
    unit.speaker === 'lege' &&
    (unit.hypothetical || unit.plan || (unit.isQuestion && unit.answer === 'negative'))
  );
}

/** Possessives before a word: the doctor speaks of the patient's known condition ("your diabetes", "din astma"). */
const POSSESSIVE = /^(?:your|din|ditt|dine)$/;

/** True when the doctor names the clause's words as the patient's own ("in terms of your diabetes, are you …"): known, not suggested. */
function presupposes(
  unit: TranscriptUnit,
  keyTokens: readonly AnalysedToken[],
  index: TranscriptIndex,
): boolean {
  if (unit.speaker !== 'lege' || unit.hypothetical) return false;
  return keyTokens.some((token) =>
    matchPositions(token, unit, index).some((position) =>
      POSSESSIVE.test(unit.tokens[position - 1]?.surface ?? ''),
    ),
  );
}

/** Words that open a doctor's plan within a turn ("we'll", "going to", "I recommend", "put you on"). */
const PLAN_WORD = /^(?:recommend\w*|suggest\w*|prescribe|will|i'll|we'll|let's|going|gon|wan|want|order)$/;
/** Before "prescribe" ("put you on", "start you on"): the doctor's own plan, not another's past act ("Dr. X put you on"). */
const OWN_PLAN = /^(?:to|will|i'll|we'll|na|can|could|would|let's|i|we)$/;
/** Words that keep what the patient already has or takes ("continue your aspirin", "stay on the lisinopril"). */
const KEEP_WORD =
  /^(?:continue|continuing|keep|stay|still|already|remain|fortsett|fortsette|fortsetter|beholde)$/;
/** A topic named before a plan ("for the acne, we'll try …", "under the hypertension …"). */
const TOPIC_WORD = /^(?:for|under|regarding|concerning|about|with|angående|ang|mot)$/;
const TOPIC_DETERMINER = /^(?:the|your|his|her|that|this|din|ditt|dine)$/;
const NOT_TOPIC_BEFORE = /^(?:test\w*|screen\w*|check\w*|look\w*|evaluat\w*|assess\w*|rule|work|search\w*)$/;

/**
 * True when a doctor's plan only presupposes a clause word: the word is kept ("continue the cozaar"), named as the
 * topic ("for the acne vulgaris, …"), said before the plan opens ("gynecomastia, which we will discuss") or the
 * "plan" is another's past act ("Dr. Brown put you on buspar").
 */
function presupposedInPlan(
  unit: TranscriptUnit,
  keyTokens: readonly AnalysedToken[],
  index: TranscriptIndex,
): boolean {
  if (unit.speaker !== 'lege' || unit.hypothetical || unit.isQuestion || !unit.plan) return false;
  const tokens = unit.tokens;
  // Norwegian plans open with a phrase of the lexicon ("… og har høyt blodtrykk | da anbefaler vi …").
  const nbPlan =
    index.compiled.language === 'nb' ? new RegExp(`^${index.compiled.planCues.source}`, 'iu') : undefined;
  const planWords = tokens
    .map((token, position) => ({ token, position }))
    .filter(({ token, position }) =>
      nbPlan
        ? nbPlan.test(
            tokens
              .slice(position, position + 4)
              .map((next) => next.surface)
              .join(' '),
          )
        : PLAN_WORD.test(token.surface),
    );
  // Where no plan word is found the plan's opening is unknown: nothing is presupposed.
  if (planWords.length === 0) return false;
  const ownPlans = planWords
    .filter(
      ({ token, position }) =>
        token.surface !== 'prescribe' || OWN_PLAN.test(tokens[position - 1]?.surface ?? ''),
    )
    .map(({ position }) => position);
  const firstPlan = ownPlans.length > 0 ? Math.min(...ownPlans) : tokens.length;
  const positions = keyTokens.flatMap((token) => matchPositions(token, unit, index));
  if (positions.length === 0) return false;
  if (positions.every((position) => position < firstPlan)) return true;
  return positions.some((position) => {
    const before = tokens.slice(Math.max(0, position - 3), position).map((token) => token.surface);
    if (before.some((word) => KEEP_WORD.test(word))) return true;
    const topic = before.findIndex((word) => TOPIC_WORD.test(word));
    return (
      topic >= 0 &&
      before.slice(topic + 1).some((word) => TOPIC_DETERMINER.test(word)) &&
      !NOT_TOPIC_BEFORE.test(tokens[position - before.length + topic - 1]?.surface ?? '')
    );
  });
}

/** A topic frame ("Regarding her hypertension", "For his diabetes", "In terms of …"): names the problem, claims nothing. */
const TOPIC_FRAME =
  /^(?:regarding|concerning|for (?:his|her|the patient's|their)|in terms of|with regards? to|with respect to|as for|as regards|(?:when it comes )?to (?:his|her)|angående|når det gjelder|vedrørende|ang\.?|mtp\.?)\s/u;

/** A claim of no change ("weight stable", "unchanged"): what a question answered "no" supports. */
const NO_CHANGE = /^(?:stable|stability|unchanged|same|stabil|stabilt|uendret|uendra)$/;

function checkSpeaker(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (clause.negated.size > 0) return undefined;
  // A denial after a label ("Illicit drug use: Never") or a claim of no change ("Weight stable") agrees with a
  // question answered "no".
  const colon = clause.tokens.findIndex((token) => token.punctuation === ':');
  const answer = colon >= 0 ? clause.tokens.slice(colon + 1) : [];
  if (
    answer.some((token) => token.negation || token.postNegation) &&
    answer.every((token) => token.negation || token.postNegation || token.stopword || token.punctuation)
  )
    return undefined;
  if (clause.tokens.some((token) => token.postNegation || NO_CHANGE.test(token.surface))) return undefined;
  if (TOPIC_FRAME.test(foldText(clause.text))) return undefined;
  const keyTokens = keyTokensOf(clause, context).filter((token) => isSpecific(token, index));
  if (keyTokens.length === 0) return undefined;
  let bestAsserted = 0;
  let bestUnasserted = 0;
  let doctorUnit: TranscriptUnit | undefined;
  for (const unit of index.units) {
    if (unit.subjects.every((subject) => subject === 'relative')) continue;
    const share = coverage(keyTokens, unit, index);
    if (share === 0) continue;
    if (asserts(unit) || presupposes(unit, keyTokens, index) || presupposedInPlan(unit, keyTokens, index))
      bestAsserted = Math.max(bestAsserted, share);
    else if (onlySuggests(unit) && share > bestUnasserted) {
      bestUnasserted = share;
      doctorUnit = unit;
    }
  }
  if (!doctorUnit || bestUnasserted < 0.6 || bestAsserted >= bestUnasserted * 0.5) return undefined;
  return {
    verdict: 'unsupported',
    critical: false,
    reason: REASONS.doctorOnly([doctorUnit.segmentId], language),
  };
}
