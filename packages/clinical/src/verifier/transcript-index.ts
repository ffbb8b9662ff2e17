/**
 * The transcript prepared for checking: every segment split into sentence-sized units, each with analysed
 * tokens, numbers, sides, times, drugs and diagnoses; who each part is about (the patient or a relative);
 * which units are questions and how they were answered; and which are hypothetical (safety-netting, side effects).
 */
import type { SpeakerRole, Transcript } from '@kollega/domain';
import type { DrugMention } from './drug-names';
import { findDrugMentions } from './drug-names';
import type { Side } from './lexicon-types';
import type { Quantity } from './quantities';

import type { AnalysedToken, CompiledLexicon, TimeMention } from './text-analysis';
import { analyseTokens, findTimes, quantitiesOf } from './text-analysis';
import { foldText } from './text-tools';

/** Who a stretch of text is about. */
export type Subject = 'patient' | 'relative';

/** One sentence-sized piece of a segment. */
export interface TranscriptUnit {
  index: number;
  segmentIndex: number;
  segmentId: string;
  speaker: SpeakerRole;
  text: string;
  tokens: AnalysedToken[];
  /** Tokens of the whole sentence when the unit is a window of a long one, and where the unit starts in it. */
  contextTokens: AnalysedToken[];
  contextOffset: number;
  canonicals: ReadonlySet<string>;
  /** Canonical forms of the unit's content words only: a note word is not matched by "can" or "will". */
  contentCanonicals: ReadonlySet<string>;
  /** Subject per token position. */
  subjects: Subject[];
  quantities: Array<Quantity & { subject: Subject }>;
  /** Side mentions; `inferred` for one only implied ("my other ankle"): it supports that side, it denies none. */
  sides: Array<{ side: Side; position: number; inferred?: boolean }>;
  times: TimeMention[];
  drugs: Array<DrugMention & { subject: Subject }>;
  diagnosisText: string;
  isQuestion: boolean;
  /** For a question: how the next speaker answered. */
  answer: 'negative' | 'positive' | 'unknown' | undefined;
  /** For a question answered by repeating some of its words: the words confirmed (the rest is not answered). */
  confirmedWords: ReadonlySet<string> | undefined;
  /** For a question whose answer repeats some of its words under a negation: those words are denied. */
  deniedWords: ReadonlySet<string> | undefined;
  /** Index of the question this unit answers, if it opens an answer. */
  answersUnit: number | undefined;
  /** Index of the unit that answers this question. */
  answeredByUnit: number | undefined;
  /** A question answered in the same recorded turn (speech recognition ran the two speakers together). */
  answeredInTurn?: boolean;
  hypothetical: boolean;
  /** A doctor's plan or suggestion ("jeg anbefaler …"), not history. */
  plan: boolean;
  /** The unit speaks of allergies: a "no" denies the allergy, not the drug named. */
  allergy: boolean;
}

/** The transcript prepared for checking. */
export interface TranscriptIndex {
  units: TranscriptUnit[];
  segmentIds: ReadonlySet<string>;
  /** Document frequency of canonical tokens over units. */
  documentFrequency: ReadonlyMap<string, number>;
  vocabulary: readonly string[];
  /** Transcript words as written (lower case) and their canonical form. */
  surfaces: ReadonlyMap<string, string>;
  /** Drug key → canonical forms of the transcript words that name the drug. */
  drugCanonicals: ReadonlyMap<string, ReadonlySet<string>>;
  /** True when a relative takes part in the conversation. */
  relativePresent: boolean;
  /** Cache: a statement token's canonical form → transcript canonicals it matches. */
  matchCache: Map<string, ReadonlySet<string>>;
  compiled: CompiledLexicon;
  wordCount: number;
  clinical: boolean;
}

// Also after a detached period ("okay . so tell me", tokenised speech recognition), except inside a spoken decimal
// ("ninety eight . two"); and after a word's full stop before a lower-case word (a recogniser writes no capitals:
// "ellers myk mage. jeg banker på ryggen"), unless the word is an abbreviation ("ca. hundre", "dr. smith").
const SENTENCE_SPLIT =
  /(?<=[.?!…])\s+(?=[\p{Lu}«"(])|(?<=[?!])\s+|\s+—\s+|(?<=\s\.)\s+(?!(?:\d|zero|one|two|three|four|five|six|seven|eight|nine|null|en|ett|to|tre|fire|fem|seks|sju|syv|åtte|ni)(?![\p{L}]))|(?<=(?<![\p{L}\p{N}.'-])(?!(?:ca|cirka|kl|nr|dr|mr|mrs|ms|st|bl|ev|evt|dvs|osv|mht|pga|ifm|inkl|ekskl|tlf|mnd|min|sek|tidl|vs|etc|approx|jr|sr|no)\.)\p{L}{2,}\.)\s+(?=\p{Ll})/u;
const MAX_UNIT_WORDS = 32;

const LEAD_WORDS = 4;

/** True when the words before a window end in a hypothetical cue ("… watch for", "… if"). */
function leadsIntoHypothetical(lead: string, compiled: CompiledLexicon): boolean {
  const words = foldText(lead).split(/\s+/);
  // The cue must reach the window: it still matches on the lead's last two words.
  return (
    (compiled.hypotheticalCues.test(words.slice(-LEAD_WORDS).join(' ')) &&
      compiled.hypotheticalCues.test(words.slice(-2).join(' '))) ||
    OPEN_CONDITION.test(words.slice(-3).join(' '))
  );
}

/**
 * An English condition still open where the window starts: "if" with only its subject and verb before the window
 * ("… i don't remember an injury if it was | something that i injured i would have …").
 */
const OPEN_CONDITION =
  /(?:^|\s)if (?:it|i|you|he|she|we|they|that|this|there)(?: (?:was|is|were|had|has|did|does|do|gets?|got))?$/;

/**
 * English asks with the auxiliary before a subject that is a noun phrase as well as a pronoun ("and then does the
 * pain radiate down your arm", "so is that medicine helping"): at the opening of a turn, after fillers only, the
 * inverted auxiliary and a determiner make a question; a statement cannot open that way. (Not "do" or "have", which
 * also open instructions: "do the exercises twice a day", "have the nurse check it".)
 */
const EN_NOUN_QUESTION_OPENING =
  /^(?:(?:but|and|so|okay|ok|alright|well|then|now|also|uh|um|hmm)[ ,]+)*(?:does|did|is|are|was|were|has|had|can|could|will|would|should) (?:the|that|this|these|those|my|his|her|their|our|anything|anyone|anybody|someone|somebody)(?![\p{L}])/u;

/**
 * An English tag after a comma that asks for assent, not for information: "you're due for a mammogram, so we have to
 * schedule that, okay?". The doctor tells, and the "okay?" only asks whether the patient follows; the clause before it
 * is asserted, not asked.
 */
const EN_ASSENT_TAG = /,\s*(?:okay|ok|all right|alright)\s*\?$/u;
/** How a clause that takes "okay" as its own word ends ("does that sound okay", "is everything okay"). */
const OKAY_AS_COMPLEMENT = /(?:^|\s)(?:sounds?|feels?|be|is|are|was|that|this|it|everything|you|with)$/u;

/**
 * A doctor's English statement closed by an assent tag ("…, so we have to schedule for that, okay?"): a statement,
 * although it ends in a question mark. Not when the clause before the tag is itself a question ("do you have any pain,
 * okay?") or takes "okay" as its word ("does that sound okay?").
 */
function isAssentTagged(folded: string, speaker: SpeakerRole, compiled: CompiledLexicon): boolean {
  if (compiled.language !== 'en' || speaker !== 'lege') return false;
  const tag = EN_ASSENT_TAG.exec(folded);
  if (!tag) return false;
  const body = folded
    .slice(0, tag.index)
    .replace(/[\s,.]+$/u, '')
    .trim();
  if (body.split(/\s+/).length < 4 || OKAY_AS_COMPLEMENT.test(body)) return false;
  return !(
    compiled.questionStart.test(body) ||
    compiled.questionOpening.test(body) ||
    EN_NOUN_QUESTION_OPENING.test(body)
  );
}

/**
 * An English "if" after a verb of knowing or asking opens an indirect question ("i don't know if this is related"),
 * and a "but" ends it: what follows is a main clause of its own, asserted ("… but my anxiety and depression have been
 * getting worse"). The span from the verb to the "but" is no condition on the rest of the sentence.
 */
const EN_WHETHER_UNTIL_BUT =
  /(?<![\p{L}])(?:know|knew|sure|wonder(?:ing|ed)?|ask(?:ing|ed)?|tell) if(?![\p{L}])[^?]*?(?<![\p{L}])but(?![\p{L}])/gu;

/** Whether a sentence is hypothetical by its own words, once an indirect question closed by "but" is set aside. */
function hypotheticalSentence(sentence: string, compiled: CompiledLexicon): boolean {
  const folded = foldText(sentence);
  const text = compiled.language === 'en' ? folded.replace(EN_WHETHER_UNTIL_BUT, ' ') : folded;
  return compiled.hypotheticalCues.test(text);
}

/** A "no" that opens an answer: "nei" or "no" and straight on a negation ("nei ingenting sånt", "nei aldri"). */
const INNER_ANSWER = /^(?:nei|no)[,.]?$/;
const INNER_ANSWER_NEXT = /^(?:ingen|ingenting|ikke|aldri|nothing|never|not|no)[,.]?$/;
/** The first person after it: "nei jeg …", "no i …" (English only: Norwegian "i" is "in"). */
const INNER_ANSWER_PERSON: Record<string, RegExp> = { nb: /^jeg[,.]?$/, en: /^i[,.]?$/ };
/** Words that may open a turn before its "any …" ("okay alright and any chest pain …"). */
const OPENING_FILLER = /^(?:okay|ok|alright|and|so|um|uh|well|now)[,.]?$/;
/** A question without its mark: "noe/noen …" ("any …"), "allergier eller faste medisiner". */
const ANY_OPENING = /^(?:noe|noen|any)$/;

const QUESTION_WORD = /^(?:hva|hvordan|hvor|når|hvilke[nt]?|hvem|hvorfor|how|what|where|when|which|who|why)$/;

/** Word position of the first question opening among the words, or 0. */
function firstQuestionAt(words: readonly string[], compiled: CompiledLexicon): number {
  for (let position = 0; position < words.length - 1; position += 1) {
    if (compiled.questionInside.test(foldText(`${words[position] ?? ''} ${words[position + 1] ?? ''}`)))
      // With its question word: "hvordan | har du det".
      return position > 0 && QUESTION_WORD.test(foldText(words[position - 1] ?? ''))
        ? position - 1
        : position;
  }
  return 0;
}

/**
 * Speech recognition runs a question and its answer into one turn ("… noe sted nei ingenting sånt …"): the words
 * before an inner "nei" + negation are a question when they hold a question opening near their end, open with
 * "noe"/"noen", or open a doctor's turn in a few words; the answer is what follows.
 */
function splitInnerAnswers(
  piece: string,
  compiled: CompiledLexicon,
  opensDoctorTurn: boolean,
): Array<{ text: string; asked?: boolean }> {
  const words = piece.split(/\s+/);
  const parts: Array<{ text: string; asked?: boolean }> = [];
  let start = 0;
  for (let position = 2; position < words.length - 1; position += 1) {
    const word = foldText(words[position] ?? '');
    if (!INNER_ANSWER.test(word)) continue;
    const next = foldText(words[position + 1] ?? '');
    // "… føler du deg sliten nei, jeg har det fint": a "nei" and a first person answer a question just before.
    const personal = INNER_ANSWER_PERSON[compiled.language]?.test(next) === true;
    if (!INNER_ANSWER_NEXT.test(next) && !personal) continue;
    const before = words.slice(start, position);
    // "no no no , it's a day surgery": a run of "no" asks nothing.
    if (before.length < 2 || before.every((word) => INNER_ANSWER.test(foldText(word)))) continue;
    const tail = foldText(before.slice(-10).join(' '));
    const asked = personal
      ? compiled.questionInside.test(tail) ||
        (before.length <= 16 &&
          (compiled.questionOpening.test(foldText(before.join(' '))) ||
            OPEN_QUESTION.test(foldText(before.join(' ')))))
      : compiled.questionInside.test(tail) ||
        ANY_OPENING.test(foldText(before.find((word) => !OPENING_FILLER.test(foldText(word))) ?? '')) ||
        (opensDoctorTurn && start === 0 && before.length <= 8);
    if (!asked) continue;
    // Of several questions run together the answer goes with the last ("har du hatt feber … er du tung i pusten").
    const inside = [...tail.matchAll(new RegExp(compiled.questionInside.source, 'giu'))].pop();
    let cut = inside && inside.index > 0 ? before.length - tail.slice(inside.index).split(/\s+/).length : 0;
    // An answer in the first person answers the questions run together before it ("har du kjent etter om du har hovne
    // kjertler kan du kjenne her nei jeg kjenner ikke noe"); the patient's words before them are not asked.
    if (personal)
      cut = Math.max(
        0,
        firstQuestionAt(before.slice(-24), compiled) + before.length - Math.min(24, before.length),
      );
    if (cut > 0) parts.push({ text: before.slice(0, cut).join(' ') });
    parts.push({ text: before.slice(cut).join(' '), asked: true });
    start = position;
  }
  parts.push({ text: words.slice(start).join(' ') });
  return parts;
}

/** "… at du får …" inside a question: what the patient notices, not what the doctor plans. */
const ASKED_ABOUT_PATIENT =
  /(?<![\p{L}])(?:at|om|that|if) (?:du|hun|han|you|she|he) (?:får|skal|get|gets)(?![\p{L}])/gu;

/** A bare yes or no said a few words into a turn: an answer run into it (English "no" also denies a noun: "no rash"). */
const RUN_IN_ANSWER: Record<string, RegExp> = { nb: /^(?:ja|nei)[,.]?$/, en: /^(?:yes|yeah)[,.]?$/ };

/**
 * Speech recognition runs a question, its answer and the next question into one turn ("har du merket at du blir
 * sliten … ja hele tida og jeg sover dårlig | hvor mye kaffe drikker du"): a new question opening after a yes or no
 * that follows an earlier question starts a unit of its own, so its answer is not taken for the earlier one's.
 */
function splitRunInQuestions(piece: string, compiled: CompiledLexicon): string[] {
  const words = piece.split(/\s+/);
  const parts: string[] = [];
  let start = 0;
  let asked = -1;
  let answered = false;
  for (let position = 0; position < words.length - 1; position += 1) {
    const pair = foldText(`${words[position] ?? ''} ${words[position + 1] ?? ''}`);
    const opens = compiled.questionInside.test(pair);
    if (opens && answered && position - start >= 4) {
      const at = QUESTION_WORD.test(foldText(words[position - 1] ?? '')) ? position - 1 : position;
      parts.push(words.slice(start, at).join(' '));
      start = at;
      answered = false;
      asked = position;
      continue;
    }
    if (opens && asked < 0) asked = position;
    else if (
      asked >= 0 &&
      position >= asked + 3 &&
      RUN_IN_ANSWER[compiled.language]?.test(foldText(words[position] ?? '')) === true
    )
      answered = true;
  }
  parts.push(words.slice(start).join(' '));
  return parts;
}

/**
 * An English doctor sums up what the patient said in a bare noun phrase, closes it with "alright" or "okay", and asks
 * the next thing ("okay alright so epigastric pain alright any blood in your stool"): the echo is the doctor's note of
 * the answer just given, not part of the new question, so the next answer ("not that i noticed") does not deny it.
 */
const EN_ECHO_BEFORE_QUESTION =
  /^((?:(?:okay|ok|alright|so|and|um|uh)\s+)*so\s+(?!(?:i|you|he|she|we|they|it|its|it's|that|that's|there|is|are|was|were|do|does|did|have|has|had|can|any|how|what|when|where|why|which|who)\s)(?:[\p{L}'-]+\s+){0,3}[\p{L}'-]+\s+(?:alright|okay|ok))\s+(?=\S)/u;

function splitEchoBeforeQuestion(piece: string, compiled: CompiledLexicon, doctor: boolean): string[] {
  if (!doctor || compiled.language !== 'en') return [piece];
  const folded = foldText(piece);
  const match = EN_ECHO_BEFORE_QUESTION.exec(folded);
  if (!match?.[1]) return [piece];
  const rest = folded.slice(match[0].length);
  if (!compiled.questionStart.test(rest) && !/^any\s/u.test(rest)) return [piece];
  const words = piece.split(/\s+/);
  const cut = match[1].split(/\s+/).length;
  return [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
}

/** A question whose own words, a few past its opening, hold a yes or no: speech recognition ran its answer in. */
function answeredInside(unit: TranscriptUnit, compiled: CompiledLexicon): boolean {
  const words = foldText(unit.text).split(/\s+/);
  const asked = words.findIndex((word, position) =>
    compiled.questionInside.test(`${word} ${words[position + 1] ?? ''}`),
  );
  return (
    asked >= 0 && words.slice(asked + 3).some((word) => RUN_IN_ANSWER[compiled.language]?.test(word) === true)
  );
}

/**
 * Norwegian puts a time first and the verb before its subject ("… bare små skvetter | i natt var jeg oppe fem
 * ganger"): where speech recognition drops the full stop, such a fronted time opens a new sentence, so it is not
 * taken for the time of what went before. Not after a preposition that governs it ("siden i går").
 */
const FRONTED_TIME =
  /(?<=[\p{L}\p{N},]\s+)(?<!(?:^|\s)(?:siden|fra|til|etter|før|enn|om|i|og|eller|men|at)\s+)(?=(?:i (?:natt|går(?: kveld| morges)?|morges|kveld|forgårs|fjor|helga|helgen)|forrige (?:uke|måned)|på (?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)) (?:var|fikk|har|hadde|ble|kom|tok|begynte|måtte|klarte|kunne|gikk|kjente|merket|våknet|kastet|sov|svimte|besvimte) (?:jeg|vi|hun|han|det|den)(?![\p{L}]))/u;

function splitFrontedTimes(piece: string, compiled: CompiledLexicon): string[] {
  if (compiled.language !== 'nb') return [piece];
  const parts = piece.split(FRONTED_TIME).map((part) => part.trim());
  // A fronted time right at the start, or after a word or two, opens no new sentence worth a unit.
  return parts.every((part) => part.split(/\s+/).length >= 3) ? parts : [piece];
}

/** A clause that answers an open question: "det var …", "jeg fikk …". */
const ANSWER_CLAUSE_SUBJECT = /^(?:det|den|jeg)$/;
const ANSWER_CLAUSE_VERB =
  /^(?:var|er|har|hadde|ble|begynte|kom|fikk|tok|gikk|startet|skjedde|kjente|merket|brukte)$/;
/** A question to "du" in the past tense ("fikk du noe annet", "tok du noe for det"). */
const PAST_QUESTION = /^(?:fikk|tok|brukte|prøvde|gjorde|ble) (?:du|dere)$/;
/** The doctor asking leave ("kan jeg få se", "skal vi ta"). */
const ASKS_LEAVE = /^(?:kan|skal|får|må) (?:jeg|vi)$/;
/** A word that acknowledges before the next question ("ok hvor lenge …", "greit har du …"). */
const ACKNOWLEDGEMENT = /^(?:ok|okei|greit|flott|supert|fint|takk)[,.]?$/;

/**
 * Speech recognition runs the patient's answer to an open question into the doctor's turn ("når hadde du det sist
 * | det var i fjor da fikk jeg …"): after a question word and its inverted verb, a clause of its own ("det var",
 * "jeg fikk") with the patient's "jeg" soon after is the answer; a question to "du" after it ("… | fikk du noe annet")
 * and an acknowledged new question ("… bare levaxin | ok kan jeg få se") start units of their own. Norwegian only:
 * "jeg" is the patient speaking, the subject of the verb before it asks.
 */
function splitOpenAnswers(
  piece: string,
  compiled: CompiledLexicon,
  doctor: boolean,
): Array<{ text: string; asked?: boolean }> {
  if (!doctor || compiled.language !== 'nb') return [{ text: piece }];
  const words = piece.split(/\s+/);
  const folded = words.map((word) => foldText(word).replace(/[,.?!]+$/u, ''));
  const pair = (position: number): string => `${folded[position] ?? ''} ${folded[position + 1] ?? ''}`;
  const asks = (position: number): boolean =>
    compiled.questionInside.test(pair(position)) || PAST_QUESTION.test(pair(position));
  // An acknowledged question after a few words of someone else's ("… bare levaxin ok kan jeg få se …").
  for (let position = 3; position < words.length - 2; position += 1) {
    if (!ACKNOWLEDGEMENT.test(folded[position] ?? '')) continue;
    if (!asks(position + 1) && !ASKS_LEAVE.test(pair(position + 1))) continue;
    return [
      { text: words.slice(0, position).join(' ') },
      ...splitOpenAnswers(words.slice(position).join(' '), compiled, doctor),
    ];
  }
  for (let position = 1; position < words.length - 3; position += 1) {
    if (!QUESTION_WORD.test(folded[position - 1] ?? '') || !asks(position)) continue;
    let answerAt = -1;
    for (let at = position + 3; at < Math.min(words.length - 1, position + 9); at += 1) {
      if (ANSWER_CLAUSE_SUBJECT.test(folded[at] ?? '') && ANSWER_CLAUSE_VERB.test(folded[at + 1] ?? '')) {
        answerAt = at;
        break;
      }
    }
    if (answerAt < 0 || !folded.slice(answerAt, answerAt + 12).includes('jeg')) continue;
    const parts: Array<{ text: string; asked?: boolean }> = [];
    if (position > 1) parts.push({ text: words.slice(0, position - 1).join(' ') });
    parts.push({ text: words.slice(position - 1, answerAt).join(' '), asked: true });
    // The next question to "du" after the answer opens a unit of its own.
    let next = -1;
    for (let at = answerAt + 4; at < words.length - 1; at += 1) {
      if (asks(at) && /^(?:du|dere)$/.test(folded[at + 1] ?? '')) {
        next = QUESTION_WORD.test(folded[at - 1] ?? '') ? at - 1 : at;
        break;
      }
    }
    if (next < 0) return [...parts, { text: words.slice(answerAt).join(' ') }];
    return [
      ...parts,
      { text: words.slice(answerAt, next).join(' ') },
      ...splitOpenAnswers(words.slice(next).join(' '), compiled, doctor),
    ];
  }
  return [{ text: piece }];
}

/** A sentence that is nothing but a yes or a no ("nei", "ja."). */
const BARE_YES_OR_NO = /^(?:ja|nei)[,.!]?$/;

/**
 * Speaker labelling runs a question and its answer into one turn ("… har du hatt en plutselig, ekstremt kraftig
 * hodepine den verste du noen gang har hatt. nei"): a question asking "du" followed in the same turn by a sentence
 * that is a bare yes or no is answered there — nobody answers their own question so. Norwegian speech.
 */
function markAnsweredInTurn(
  pieces: Array<{ text: string; asked?: boolean }>,
  compiled: CompiledLexicon,
): void {
  if (compiled.language !== 'nb') return;
  for (const [position, piece] of pieces.entries()) {
    const reply = pieces[position + 1];
    if (piece.asked || !reply || !BARE_YES_OR_NO.test(foldText(reply.text).trim())) continue;
    if (piece.text.split(/\s+/).length > MAX_UNIT_WORDS) continue;
    const folded = foldText(piece.text).trim();
    if (compiled.questionOpening.test(folded) || compiled.questionStart.test(folded)) piece.asked = true;
  }
}

function splitSentences(
  text: string,
  compiled: CompiledLexicon,
  doctor: boolean,
): Array<{ text: string; sentence: string; lead?: string; asked?: boolean }> {
  const pieces = text
    .split(SENTENCE_SPLIT)
    .map((piece) => piece.trim())
    .filter((piece) => /[\p{L}\p{N}]/u.test(piece))
    .flatMap((piece) => splitFrontedTimes(piece, compiled))
    .flatMap((piece) => splitRunInQuestions(piece, compiled))
    .flatMap((piece) => splitEchoBeforeQuestion(piece, compiled, doctor))
    .flatMap((piece, position) =>
      splitOpenAnswers(piece, compiled, doctor).map((part, inner) => ({
        ...part,
        first: position === 0 && inner === 0,
      })),
    )
    .flatMap(({ text: piece, asked, first }) =>
      asked ? [{ text: piece, asked }] : splitInnerAnswers(piece, compiled, doctor && first),
    )
    .flatMap((part) => splitSupposedReplies(part, compiled));
  // A recogniser's full stop between the doctor's opening question and the answer run into the turn
  // ("kraftsvikt i foten at du snubler. nei, jeg tror ikke det"): the short opening asked what the "nei" answers.
  const [opening, reply] = pieces;
  if (doctor && compiled.language === 'nb' && opening && reply && !opening.asked) {
    const replyWords = reply.text.split(/\s+/).map((word) => foldText(word));
    if (
      opening.text.split(/\s+/).length <= 8 &&
      INNER_ANSWER.test(replyWords[0] ?? '') &&
      (INNER_ANSWER_NEXT.test(replyWords[1] ?? '') ||
        INNER_ANSWER_PERSON.nb?.test(replyWords[1] ?? '') === true)
    )
      opening.asked = true;
  }
  markAnsweredInTurn(pieces, compiled);
  const units: Array<{ text: string; sentence: string; lead?: string; asked?: boolean }> = [];
  for (const { text: piece, asked } of pieces) {
    const words = piece.split(/\s+/);
    if (words.length <= MAX_UNIT_WORDS) {
      units.push({ text: piece, sentence: piece, asked });
      continue;
    }
    // Speech recognition without punctuation: overlapping windows keep phrases whole at window edges.
    for (let start = 0; start < words.length; start += MAX_UNIT_WORDS / 2) {
      // The few words before the window ("what i want you to watch for | is those infections …").
      units.push({
        text: words.slice(start, start + MAX_UNIT_WORDS).join(' '),
        sentence: piece,
        lead: words.slice(Math.max(0, start - LEAD_WORDS), start).join(' '),
      });
      if (start + MAX_UNIT_WORDS >= words.length) break;
    }
  }
  return units;
}

const YES_OR_NO = /^(?:ja|nei|yes|no)[,.]?$/;

/**
 * Speech recognition runs a reply into the doctor's advice ("… hvis du får feber skal du ringe ja jeg ble litt
 * redd …"): a "ja"/"nei" and a first person after a hypothetical cue opens the other speaker's own words, which are
 * no supposition; they are a unit of their own.
 */
function splitSupposedReplies(
  part: { text: string; asked?: boolean },
  compiled: CompiledLexicon,
): Array<{ text: string; asked?: boolean }> {
  const words = part.text.split(/\s+/);
  const person = INNER_ANSWER_PERSON[compiled.language];
  if (!person) return [part];
  for (let position = 3; position < words.length - 2; position += 1) {
    if (!YES_OR_NO.test(foldText(words[position] ?? ''))) continue;
    if (!person.test(foldText(words[position + 1] ?? ''))) continue;
    const before = words.slice(0, position).join(' ');
    if (!compiled.hypotheticalCues.test(foldText(before))) continue;
    return [
      { text: before, asked: part.asked },
      ...splitSupposedReplies({ text: words.slice(position).join(' ') }, compiled),
    ];
  }
  return [part];
}

const FILLERS =
  /^(?:(?:eh|ehm|hm+|hmm+|øh|mm|uh|um|altså|well|so|oh|å|åh|ja vel|tja|okay|ok|og|and)[\s,.]+)+/iu;

const OPEN_QUESTION =
  /^(?:(?:ok|okay|og|and|so|så|ja|well)[,.]?\s+)*(?:hvordan|hva|hvilke[nt]?|hvor|når|hvem|how|what|which|where|when|who|tell me|fortell)/iu;

/** An answer saying something is over: "not having any more", "no longer", "ikke lenger". */
const NO_MORE =
  /(?<![\p{L}])(?:(?:not|n't|no|ikke)(?![\p{L}])[^.?!]{0,30}(?<![\p{L}])(?:any ?more|any longer|lenger)|no longer|ikke lenger)(?![\p{L}])/u;

/**
 * "How about any nausea?", "what about any fevers": asks yes or no, though it opens with a question word; also past
 * hesitations ("and how about , um , like any added sugars").
 */
const ASKS_ABOUT_ANY =
  /(?<![\p{L}])(?:how|what) about (?:(?:,|um|uh|er|like|you know)\s+)*(?:\S+ )?any(?![\p{L}])/u;

/**
 * Whether the question itself is negated. Speech recognition runs a remark into the question ("det ble ikke bedre
 * har du hatt feber"): then only the words from the last question opening on are the question.
 */
function questionPartNegated(question: TranscriptUnit, compiled: CompiledLexicon): boolean {
  if (!question.tokens.some((token) => token.negation)) return false;
  const folded = foldText(question.text).trim();
  if (folded.endsWith('?') || compiled.questionOpening.test(folded)) return true;
  const inside = new RegExp(compiled.questionInside.source, 'giu');
  const last = [...folded.matchAll(inside)].pop();
  if (!last || last.index === 0) return true;
  return analyseTokens(folded.slice(last.index), compiled, { note: false }).some((token) => token.negation);
}

/** An answer saying the question was not heard or understood ("i didn't hear the question", "sorry, i didn't get that"). */
const NOT_HEARD =
  /^(?:sorry[,.]?\s+)?(?:i )?(?:do n't|don't|do not|did n't|didn't|did not|ca n't|can't|cannot|could n't|couldn't) (?:quite |really )?(?:hear|catch|get|understand) (?:the|your|that|what|you)(?![\p{L}])/u;
/** An answer that says the speaker cannot tell ("I can't really say", "hard to say", "I'm not sure"). */
const CANNOT_TELL =
  /(?<![\p{L}])(?:(?:can't|cannot|can not|ca n't|couldn't|could n't) (?:really )?(?:say|tell)|hard to (?:say|tell)|(?:i'm|i am) not (?:really )?sure|no idea)(?![\p{L}])/u;

const ASKS_RECENT = /(?<![\p{L}])(?:recently|lately|these days|anymore|any more)(?![\p{L}])/u;
const NOT_FOR_A_WHILE =
  /^not (?:in|for) (?:a (?:while|bit|long time)|ages|months|years)(?![\p{L}])|^not (?:recently|lately)(?![\p{L}])/u;

/**
 * "How about your epilepsy, any seizures recently?" – "Not in a while": a no to what follows "any" at the time asked
 * about; the condition named before is neither confirmed nor denied.
 */
function deniesLately(question: TranscriptUnit, answer: TranscriptUnit): boolean {
  const start = foldText(answer.text).trim().replace(FILLERS, '');
  if (!ASKS_RECENT.test(foldText(question.text)) || !NOT_FOR_A_WHILE.test(start)) return false;
  const anyAt = question.tokens.map((token) => token.surface).lastIndexOf('any');
  const asked = question.tokens
    .slice(anyAt + 1)
    .filter((token) => !token.stopword && !token.punctuation && !ASKS_RECENT.test(token.surface));
  if (asked.length === 0) return false;
  question.answer = 'positive';
  question.confirmedWords = new Set();
  question.deniedWords = new Set(asked.map((token) => token.canonical));
  return true;
}

/**
 * True when an English question is put with a negation of its own words ("you're not taking any medications …, is
 * that right?", "no pain with pronation"), not only a "no" at its end that is an answer run in ("… or anything like
 * that no").
 */
export function negatedAsPut(tokens: readonly AnalysedToken[]): boolean {
  return tokens.some(
    (token, position) =>
      token.negation &&
      (token.surface !== 'no' ||
        tokens.slice(position + 1).some((next) => !next.stopword && next.punctuation === undefined)),
  );
}
/** English: the question's only negation is a bare "no" among its last words, after its question words. */
function trailingRunInNo(tokens: readonly AnalysedToken[]): boolean {
  const words = tokens.filter((token) => token.punctuation === undefined);
  const negations = words.filter((token) => token.negation);
  const last = words[words.length - 1];
  return negations.length === 1 && last?.surface === 'no' && words.length >= 6;
}
/**
 * English: a negation that opens a list reaches its later items ("no , no weight loss or passing out"): a negation up
 * to five words before the word, with no sentence end, "but" or new subject between.
 */
function listNegated(tokens: readonly AnalysedToken[], position: number): boolean {
  for (let back = position - 1; back >= 0 && back >= position - 5; back -= 1) {
    const token = tokens[back];
    if (!token || token.scopeBreaker || (token.punctuation !== undefined && token.punctuation !== ','))
      return false;
    if (PRONOUN.test(token.surface)) return false;
    if (token.negation) return true;
  }
  return false;
}
/** A free-choice "all of them" opening an answer: "anything you can think of", "everything", "you name it". */
const FREE_CHOICE_ALL =
  /^(?:(?:no|oh|well)[,.]?\s+)?(?:(?:anything|everything|whatever) you (?:can )?(?:think of|name)|you name it)(?![\p{L}])/u;
/**
 * An answer that opens by naming when the thing asked about comes, in the present of what happens again ("if i'm
 * doing something …", "when i walk up the stairs", "only when i bend over"): the circumstances of something that
 * happens. Not a past occasion ("when i checked it was normal"): an anecdote, no yes.
 */
const CIRCUMSTANCE_ANSWER =
  /^(?:only |just |usually |mostly )?(?:if|when|whenever) (?:(?:i'm|i am) \p{L}+ing|i (?!(?:was|were|had|did|went|took|got|came|saw|told|thought|felt|said|checked|tried)(?![\p{L}]))\p{L}+(?<!ed))(?![\p{L}])/u;
function answerPolarity(
  answer: TranscriptUnit,
  question: TranscriptUnit,
  compiled: CompiledLexicon,
): 'negative' | 'positive' | 'unknown' | 'confirmed' {
  const start = foldText(answer.text)
    .trim()
    .replace(FILLERS, '')
    .replace(/^[^\p{L}\p{N}]+/u, '');
  const questionNegated = questionPartNegated(question, compiled);
  // "I wish I said yes, but …": a wished-for yes is no yes.
  if (/^(?:i |we )?wish(?:ed)?(?![\p{L}])/u.test(start)) return 'unknown';
  // "No anything you can think of, primarily it was basketball": a free-choice "anything you can think of" (or "you
  // name it") says all of them, an emphatic yes, whatever "no"-like sound speech recognition put before it.
  if (compiled.language === 'en' && FREE_CHOICE_ALL.test(start)) return 'positive';
  // "I don't hear the question, but …": the question was not heard; what follows answers nothing.
  if (compiled.language === 'en' && NOT_HEARD.test(start)) return 'unknown';
  // "I sleep on my side, so I can't really say": the patient cannot tell; neither yes nor no.
  if (
    compiled.language === 'en' &&
    !compiled.negativeAnswer.test(start) &&
    !compiled.positiveAnswer.test(start) &&
    CANNOT_TELL.test(start.split(/\s+/).slice(0, 16).join(' '))
  )
    return 'unknown';
  // "Any nausea?" – "if i'm exerting myself, like climbing stairs …": an answer that opens with the circumstances in
  // which the thing comes is a yes, with its condition.
  if (compiled.language === 'en' && CIRCUMSTANCE_ANSWER.test(start)) return 'positive';
  // "no vomiting but constipation and weight loss": a no to some of the question's words, a yes to others.
  if (opensWithNegatedWord(answer.tokens)) {
    const { confirmed, denied } = repeatedWords(answer, question);
    if (confirmed.size > 0 && denied.size > 0) return 'confirmed';
  }
  const open =
    OPEN_QUESTION.test(foldText(question.text).trim()) && !ASKS_ABOUT_ANY.test(foldText(question.text));
  // An open question ("Hvor mye drikker du?" – "Ikke så mye") is answered by content, not by yes or no.
  // "How's your back pain?" – "I'm not really having any more": gone, so a no.
  if (open && NO_MORE.test(start)) return 'negative';
  if (open) return /^(?:nei|no)(?![\p{L}])/u.test(start) ? 'unknown' : 'positive';
  if (compiled.negativeAnswer.test(start)) return 'negative';
  if (/^\d/.test(start)) return 'positive';
  if (compiled.positiveAnswer.test(start)) {
    // "Ja, ikke en eneste": a yes that agrees with a negation is not a plain yes ("ja, og ingenting annet" is).
    if (
      answer.tokens.slice(0, 6).some(
        (token, position) =>
          token.negation &&
          token.surface !== 'nei' &&
          token.surface !== 'no' &&
          !/^(?:annet|andre|mer|else|other|more)$/.test(answer.tokens[position + 1]?.surface ?? '') &&
          // To a plain question, a negation of other words adds to the yes ("ja, jeg har ikke glemt en eneste");
          // "ikke en eneste" itself agrees with a negation the question implies ("holdt deg unna?"). Norwegian only:
          // an English "yes, no fever …" answers a list.
          (questionNegated ||
            compiled.language !== 'nb' ||
            /^(?:en|ei|ett|noe|noen|a|an|any|one|single)$/.test(answer.tokens[position + 1]?.surface ?? '') ||
            answer.tokens
              .slice(position + 1, position + 4)
              .some(
                (next) => !next.stopword && !next.punctuation && question.canonicals.has(next.canonical),
              )),
      )
    )
      return 'unknown';
    // Norwegian "ja" to a negated question ("Ingen blodfortynnende?" – "Ja.") confirms the negation; "jo" denies it.
    // An English yes confirms the question as it was put ("you're not taking any medications, but you're allergic to
    // augmentin, is that right?" – "yes, that's correct"): its negated words denied, the others asserted.
    if (questionNegated && /^(?:ja|yes|yeah|right|riktig|stemmer|correct)/.test(start)) {
      if (compiled.language !== 'en') return 'negative';
      if (negatedAsPut(question.tokens)) return 'positive';
      // "… any nausea or vomiting … are you peeing a whole lot … no" – "yeah, like crazy": a no run in at the end
      // of questions run together, then a yes in the answer's own turn; which question each answers is not said.
      return trailingRunInNo(question.tokens) ? 'unknown' : 'negative';
    }
    return 'positive';
  }
  // "On my body, no, not really": a no a few words in, made plain by the negation after it.
  if (
    /^(?:\S+\s+){1,4}(?:no|nei)\s*[,.]?\s+(?:not|nothing|never|none|ikke|ingen|ingenting|aldri)(?![\p{L}])/u.test(
      start,
    )
  )
    return 'negative';
  // "Håret faller av, ja": a yes a few words in.
  if (/^(?:\S+\s+){0,5}(?:ja|yes|yeah)(?![\p{L}])/u.test(start)) return 'positive';
  // An open question ("Hvordan sover du?") is answered by content; so is one the answer repeats without a negation.
  const negatedAnswer = answer.tokens.slice(0, 8).some((token) => token.negation);
  // ("How about any added sugars?" – "Most of my sugars come from fruit": only the words said again are answered.)
  if (
    !negatedAnswer &&
    OPEN_QUESTION.test(foldText(question.text).trim()) &&
    !ASKS_ABOUT_ANY.test(foldText(question.text))
  )
    return 'positive';
  const shared = answer.tokens.some(
    (token) => !token.stopword && !token.punctuation && question.canonicals.has(token.canonical),
  );
  if (shared && !negatedAnswer) return 'confirmed';
  if (
    !questionNegated &&
    repeatsUnderNegation(answer, question) &&
    !(compiled.language === 'en' && turnsToYes(answer.tokens))
  )
    return 'negative';
  return 'unknown';
}

/**
 * English: an answer that denies one thing and turns with "but" to a clause that affirms another ("it does n't go into
 * my shoulder it stays mostly at my elbow but it can go down a bit into my forearm") says no to part of the question
 * and yes to another part: as a whole it is neither.
 */
function turnsToYes(tokens: readonly AnalysedToken[]): boolean {
  const negationAt = tokens.findIndex((token) => token.negation);
  if (negationAt < 0) return false;
  const butAt = tokens.findIndex((token, position) => position > negationAt && token.surface === 'but');
  if (butAt < 0) return false;
  const rest = tokens.slice(butAt + 1).filter((token) => token.punctuation === undefined);
  return rest.length >= 3 && !rest.some((token) => token.negation || token.postNegation);
}

const PRONOUN = /^(?:jeg|du|han|hun|vi|dere|de|det|den|i|you|he|she|we|they|it)$/;

/** "Bruker du prevensjon?" – "Jeg bruker ingenting.": the answer repeats the question's verb under a negation. */
function repeatsUnderNegation(answer: TranscriptUnit, question: TranscriptUnit): boolean {
  const opening = answer.tokens.slice(0, 8);
  return opening.some((token, position) => {
    if (
      token.punctuation ||
      token.negation ||
      PRONOUN.test(token.surface) ||
      !question.canonicals.has(token.canonical)
    )
      return false;
    const near = [
      ...opening.slice(Math.max(0, position - 2), position),
      ...opening.slice(position + 1, position + 3),
    ];
    return near.some((other) => other.negation && other.surface !== 'nei' && other.surface !== 'no');
  });
}

const ANATOMICAL_NAME =
  /^(?:ventrik|atri|hjertehalv|forkammer|hjertekammer|ventric|coronary|koronar|hemisfære|hemisphere|lapp)/;

const DETERMINER = /^(?:the|my|your|his|her|their|on|to|from|at)$/;
const POSSESSIVE = /^(?:my|your|his|her|their)$/;
/** "At the right time", "on the right track": "right" as "correct" before a noun. */
const NOT_SIDE_NEXT =
  /^(?:time|times|track|thing|things|way|place|person|people|dose|amount|direction|word|words|answer|choice|decision|spot|moment|medication|medicine|doctor|fit|idea|path|size|number|question|questions|kind|type)$/;
const ADVERB_NEXT =
  /^(?:at|on|in|into|there|here|now|by|around|above|below|under|over|near|next|across|through|down|up|behind|between|along|about|where|when|after|before|away|off|back|inside|outside|underneath|beneath|then)$/;

/**
 * "On both flexion and extension" (rewritten "bilateral flexion and extension"): "both … and …" joins two words, it
 * names no sides; "bilateral knees and ankles" still does.
 */
function bothOfTwo(tokens: AnalysedToken[], position: number, compiled: CompiledLexicon): boolean {
  if (compiled.language !== 'en' || tokens[position]?.surface !== 'bilateral') return false;
  const next = tokens[position + 1];
  if (!next || next.punctuation || /^(?:side|sides|sided)$/.test(next.surface)) return false;
  if (compiled.bodySites.some((site) => next.surface.startsWith(site))) return false;
  return tokens[position + 2]?.surface === 'and' || tokens[position + 2]?.surface === 'or';
}

function sideOfToken(tokens: AnalysedToken[], position: number, compiled: CompiledLexicon): Side | undefined {
  const token = tokens[position];
  if (!token) return undefined;
  const surface = token.surface;
  // "venstre ventrikkel", "left atrium": the name of a structure, not a side of the patient.
  if (ANATOMICAL_NAME.test(tokens[position + 1]?.surface ?? '')) return undefined;
  if (compiled.language === 'nb') {
    if (/^høyre/.test(surface)) return 'right';
    if (/^venstre/.test(surface)) return 'left';
    if (/^(?:bilateral|dobbeltsidig)/.test(surface)) return 'bilateral';
    return undefined;
  }
  if (/^bilateral/.test(surface)) return bothOfTwo(tokens, position, compiled) ? undefined : 'bilateral';
  if (surface !== 'right' && surface !== 'left' && surface !== 'right-sided' && surface !== 'left-sided')
    return undefined;
  // English "right"/"left" are also "correct" and "went away": keep them near a body site or "side".
  const previous = tokens[position - 1]?.surface ?? '';
  if (previous === 'all' || previous === "that's" || previous === 'is') return undefined;
  const following = tokens[position + 1];
  // "Right at the shoulder", "right here", "right on the inside of my knee": the adverb, not a side.
  if (surface === 'right' && !DETERMINER.test(previous) && ADVERB_NEXT.test(following?.surface ?? ''))
    return undefined;
  // "It's just mostly my left", "less on the left and …": a side named without its body site.
  if (
    POSSESSIVE.test(previous) ||
    (previous === 'the' &&
      /^(?:on|to|at|from|toward|towards|in)$/.test(tokens[position - 2]?.surface ?? '') &&
      !NOT_SIDE_NEXT.test(following?.surface ?? ''))
  )
    return surface.startsWith('right') ? 'right' : 'left';
  for (let offset = 1; offset <= 3; offset += 1) {
    const next = tokens[position + offset];
    if (!next || next.punctuation) break;
    if (/^(?:side|sided|one|lower|upper)$/.test(next.surface))
      return surface.startsWith('right') ? 'right' : 'left';
    if (compiled.bodySites.some((site) => next.surface.startsWith(site)))
      return surface.startsWith('right') ? 'right' : 'left';
  }
  return undefined;
}

/**
 * Side mentions of analysed tokens; a denied side ("it's not the right knee, it's the left") does not count. With
 * `denied`, only the sides under a negation ("Denies left eye pain").
 */
export function sidesOfTokens(
  tokens: AnalysedToken[],
  compiled: CompiledLexicon,
  denied = false,
): Array<{ side: Side; position: number }> {
  const sides: Array<{ side: Side; position: number }> = [];
  tokens.forEach((_, position) => {
    const side = sideOfToken(tokens, position, compiled);
    if (!side) return;
    const before = tokens.slice(Math.max(0, position - 3), position);
    const negated =
      before.some((token) => token.negation && token.surface !== 'nei' && token.surface !== 'no') &&
      !before.some((token) => token.punctuation);
    if (negated !== denied) return;
    sides.push({ side, position });
  });
  return sides;
}

const GENERIC_BEFORE = /(?:^|\s)(?:hos|blant|mange|fleste|alle|små|in|among|many|most|all|young)\s*$/;

function subjectsOf(
  text: string,
  tokens: AnalysedToken[],
  speaker: SpeakerRole,
  compiled: CompiledLexicon,
  carriedRelative: boolean,
): { subjects: Subject[]; endsWithRelative: boolean } {
  const subjects: Subject[] = tokens.map(() => 'patient');
  let relativeFrom = -1;
  const surfaces = tokens.map((token) => token.surface);
  const joined = surfaces.join(' ');
  const kinPattern = new RegExp(compiled.kinTerms.source, 'giu');
  for (const match of joined.matchAll(kinPattern)) {
    const before = joined.slice(Math.max(0, match.index - 25), match.index);
    const after = joined.slice(match.index + match[0].length, match.index + match[0].length + 20);
    if (
      compiled.kinNotSubject.test(`${before} ${match[0]} ${after.split(' ').slice(0, 2).join(' ')}`) &&
      /(?:ifølge|iflg|i følge|according|per |accompanied|brought|følger|here with)/.test(`${before} ${after}`)
    )
      continue;
    // Children or parents in general ("vanlig hos barn på den alderen", "mange foreldre lurer på"), no one in particular.
    if (/^(?:barn|foreldre|children|kids|parents)$/.test(match[0]) && GENERIC_BEFORE.test(before)) continue;
    const tokenIndex = joined.slice(0, match.index).split(' ').length - 1;
    if (speaker === 'pårørende') {
      // A relative speaking: "mamma"/"hun" is usually the patient; "storebroren hennes" is someone else.
      const possessive =
        compiled.possessiveOther.test(after.split(' ').slice(0, 2).join(' ')) ||
        /\b(?:hennes|hans|her|his)\s*$/.test(before);
      if (!possessive) continue;
    }
    relativeFrom = relativeFrom < 0 ? tokenIndex : Math.min(relativeFrom, tokenIndex);
    break;
  }
  if (speaker === 'pårørende') {
    // The relative's own complaint: "jeg har så vondt i hofta".
    const first = tokens.findIndex((token) =>
      new RegExp(`^${compiled.firstPerson.source}$`, 'iu').test(token.surface),
    );
    if (first >= 0 && (relativeFrom < 0 || first < relativeFrom)) {
      const next = tokens[first + 1]?.surface ?? '';
      if (/^(?:har|hadde|fikk|er|var|kjenner|føler|have|had|got|am|was|feel|'ve|'m)$/.test(next))
        relativeFrom = first;
    }
  }
  if (carriedRelative && relativeFrom !== 0) {
    const firstWord = tokens.find((token) => !token.punctuation)?.surface ?? '';
    if (
      new RegExp(`^${compiled.thirdPerson.source}$`, 'iu').test(firstWord) ||
      /^(?:det|that|it)$/.test(firstWord)
    )
      relativeFrom = 0;
  }
  if (relativeFrom >= 0) {
    // The relative stays the subject to the end of the unit, unless the speaker returns to "jeg"/"I".
    for (let position = relativeFrom; position < tokens.length; position += 1) {
      const surface = tokens[position]?.surface ?? '';
      // Norwegian "i" is "in", not "I".
      const firstPerson = compiled.language === 'nb' ? /^jeg$/ : /^i$/;
      if (position > relativeFrom + 1 && speaker !== 'pårørende' && firstPerson.test(surface)) break;
      // Talk to "du" turns back to the one spoken to ("broren hadde det samme … og da skal du ta …", "vet du"), from
      // the verb and question word inverted before it ("… hva jobber du med").
      if (position > relativeFrom + 1 && /^(?:du|deg)$/.test(surface)) {
        for (let back = position - 1; back > relativeFrom + 1 && back >= position - 2; back -= 1) {
          const before = tokens[back];
          if (
            !before ||
            before.punctuation ||
            (back < position - 1 && !/^(?:hva|hvor|hvordan|når|hvem)$/.test(before.surface))
          )
            break;
          subjects[back] = 'patient';
        }
        break;
      }
      subjects[position] = 'relative';
    }
  }
  return {
    subjects,
    endsWithRelative: subjects[subjects.length - 1] === 'relative' && relativeFrom >= 0 && tokens.length > 0,
  };
  void text;
}

/** Where a window's tokens start in its sentence: the place where its first words match, nearest the guess. */
function findOffset(whole: readonly AnalysedToken[], part: readonly AnalysedToken[], guess: number): number {
  const probe = part.slice(0, 4).map((token) => token.surface);
  if (probe.length === 0) return guess;
  let best = guess;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let position = 0; position + probe.length <= whole.length; position += 1) {
    if (!probe.every((surface, offset) => whole[position + offset]?.surface === surface)) continue;
    if (Math.abs(position - guess) < bestDistance) {
      best = position;
      bestDistance = Math.abs(position - guess);
    }
  }
  return best;
}

/** What the doctor says and the patient rarely does: questions to "you", examining, ordering and planning. */
const DOCTOR_TALK =
  /(?<![\p{L}])(?:(?:do|did|have|are|were|does|any) you|how (?:long|often|much) |your (?:exam|x-?ray|labs?|results?|blood work)|i (?:want|would like|'d like) (?:you|to order|to examine|to prescribe)|let me (?:examine|take a look|tell you)|on (?:your|the) (?:physical )?exam|(?:har|bruker|tar|kjenner|merker) du|hvor (?:lenge|ofte|mye)|jeg (?:skriver ut|henviser|undersøker))/gu;

/** The speaker roles, swapped when the labels are the wrong way round (a recorder mixing up who is who). */
export function correctedRoles(transcript: Transcript): SpeakerRole[] {
  const roles = transcript.segments.map((segment) => segment.speaker);
  const talk = { lege: 0, pasient: 0 };
  for (const segment of transcript.segments) {
    if (segment.speaker !== 'lege' && segment.speaker !== 'pasient') continue;
    talk[segment.speaker] += [...foldText(segment.text ?? '').matchAll(DOCTOR_TALK)].length;
  }
  // Clearly the other way round: the one labelled patient asks and examines at least four times, and three times as
  // often as the one labelled doctor (four doctor's questions against none already tell who is who).
  if (talk.pasient < 4 || talk.pasient < 3 * Math.max(1, talk.lege)) return roles;
  return roles.map((role) => (role === 'lege' ? 'pasient' : role === 'pasient' ? 'lege' : role));
}

/** A listener's bare "yeah" or "okay" while the other is still talking ("… tenderness of the greater" – "okay"). */
const BARE_NOD =
  /^(?:yeah|yes|yep|okay|ok|mm-hmm|mm|uh-huh|right)(?:[\s,.!]+(?:yeah|yes|yep|okay|ok|mm-hmm|mm|uh-huh|right))*[\s,.!]*$/u;

/**
 * English words that open a new sentence after a listener's nod ("great so …", "alright let's …"), also without a
 * subject ("looks like you have …", "sounds good"), or with a contracted subject and verb ("i'm guessing you …").
 */
const FRESH_OPENING =
  /^(?:great|good|perfect|alright|right|excellent|wonderful|awesome|fine|cool|gotcha|sure|now|well|yes|yeah|no|okay|ok|um|uh|hmm|mm|oh|let's|lets|thank|thanks|sorry|hi|hello|bye|looks|sounds|seems|feels|glad|nice|hope|guess|anyway|also|plus|i'm|i've|i'll|i'd|you're|you've|we're|we've|we'll|it's|that's|there's|he's|she's|they're)(?![\p{L}'])/u;

/**
 * English: speech recognition breaks a sentence where the listener nods, and the speaker's next turn carries on with
 * the rest of the phrase ("… there is tenderness of the greater" – "okay" – "tuberosity of the humerus …"; "… no
 * tenderness at the sternoclavicular or acro" – "yeah" – "acromioclavicular joints"). The pieces are one sentence:
 * the nod only signals listening and answers nothing. Returns the segments' texts with each broken-off turn joined
 * to its rest (and the nod and the rest left empty). The rest must open with a content word, not a new sentence's
 * filler, pronoun or verb, and the turn before must not end with a full stop or question mark.
 */
function joinBrokenOffTurns(
  transcript: Transcript,
  roles: readonly SpeakerRole[],
  compiled: CompiledLexicon,
): string[] {
  const texts = transcript.segments.map((segment) => segment.text ?? '');
  // Backwards, so that a sentence broken twice joins all its pieces.
  for (let index = texts.length - 3; index >= 0; index -= 1) {
    const turn = texts[index] ?? '';
    const rest = (texts[index + 2] ?? '').trim();
    if (!turn.trim() || /[?.!]\s*$/u.test(turn) || !rest) continue;
    if (roles[index] !== roles[index + 2] || roles[index + 1] === roles[index]) continue;
    if (!BARE_NOD.test(foldText(texts[index + 1] ?? '').trim())) continue;
    const restFolded = foldText(rest);
    const first = analyseTokens(restFolded.split(/\s+/)[0] ?? '', compiled, { note: false })[0];
    if (!first || first.stopword || first.punctuation !== undefined || FRESH_OPENING.test(restFolded))
      continue;
    if (VERB_FIRST.test(restFolded) || compiled.questionOpening.test(restFolded)) continue;
    texts[index] = `${turn.trimEnd()} ${rest}`;
    texts[index + 1] = '';
    texts[index + 2] = '';
  }
  return texts;
}

/** Builds the index of a transcript. */
export function indexTranscript(transcript: Transcript, compiled: CompiledLexicon): TranscriptIndex {
  const roles = correctedRoles(transcript);
  const units: TranscriptUnit[] = [];
  let wordCount = 0;
  let clinicalHits = 0;
  const texts = compiled.language === 'en' ? joinBrokenOffTurns(transcript, roles, compiled) : undefined;
  transcript.segments.forEach((segment, segmentIndex) => {
    const text = texts?.[segmentIndex] ?? segment.text ?? '';
    wordCount += text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
    clinicalHits += [...text.matchAll(compiled.clinicalWords)].length;
    let carriedRelative = false;
    // Interpreters speak for the patient in the first person.
    const role = roles[segmentIndex] ?? segment.speaker;
    const speaker: SpeakerRole = role === 'tolk' ? 'pasient' : role;
    let lastWhole = '';
    let wholeTokens: AnalysedToken[] = [];
    let wordOffset = 0;
    for (const { text: sentence, sentence: whole, lead, asked } of splitSentences(
      text,
      compiled,
      speaker === 'lege',
    )) {
      if (/^\((?:tolker|svarer|interpreting|answers)[^)]*\)$/iu.test(sentence.trim())) continue;
      const tokens = analyseTokens(sentence, compiled, { note: false });
      if (whole !== lastWhole) {
        lastWhole = whole;
        wholeTokens = whole === sentence ? tokens : analyseTokens(whole, compiled, { note: false });
        wordOffset = 0;
      } else {
        wordOffset += MAX_UNIT_WORDS / 2;
      }
      // Where the window starts among the sentence's tokens (phrase rewrites can shift it a little).
      const contextOffset =
        whole === sentence
          ? 0
          : Math.max(
              0,
              Math.min(wholeTokens.length - tokens.length, findOffset(wholeTokens, tokens, wordOffset)),
            );
      const own = subjectsOf(sentence, tokens, speaker, compiled, carriedRelative);
      let { subjects } = own;
      carriedRelative = own.endsWithRelative;
      if (whole !== sentence && wordOffset > 0 && compiled.language === 'nb') {
        // Overlapping windows of a long sentence: a word the previous window saw said of a relative stays the
        // relative's ("det er broren min som har det sånn, han har hostet | og hatt feber hele uka …"). Not for
        // English, whose kin words also name carers ("family doctor").
        const previous = units[units.length - 1];
        if (previous)
          subjects = subjects.map((subject, position) =>
            previous.subjects[contextOffset + position - previous.contextOffset] === 'relative'
              ? 'relative'
              : subject,
          );
      }
      const subjectAt = (characterRatio: number): Subject =>
        subjects[Math.min(subjects.length - 1, Math.floor(characterRatio * subjects.length))] ?? 'patient';
      const quantities = quantitiesOf(sentence, compiled).map((quantity) => ({
        ...quantity,
        subject: subjectAt(quantity.start / Math.max(1, sentence.length)),
      }));
      const drugs = findDrugMentions(sentence, compiled.lexicon).map((mention) => ({
        ...mention,
        subject: subjectAt(mention.start / Math.max(1, sentence.length)),
      }));
      const trimmed = sentence.trim();
      // Without a question mark: a doctor's question may follow a word or two ("okay so do you …"); anyone's question
      // opens with the inverted verb ("but have you ever …"; speaker labels of recordings are not always right).
      const folded = foldText(trimmed);
      const isQuestion =
        asked === true ||
        (trimmed.endsWith('?') && !isAssentTagged(folded, speaker, compiled)) ||
        ((speaker === 'lege' || speaker === 'annen') && compiled.questionStart.test(folded)) ||
        compiled.questionOpening.test(folded) ||
        (compiled.language === 'en' &&
          (speaker === 'lege' || speaker === 'annen') &&
          EN_NOUN_QUESTION_OPENING.test(folded));
      units.push({
        index: units.length,
        segmentIndex,
        segmentId: segment.id,
        speaker,
        text: sentence,
        tokens,
        contextTokens: wholeTokens,
        contextOffset,
        canonicals: new Set(tokens.filter((token) => !token.punctuation).map((token) => token.canonical)),
        contentCanonicals: new Set(
          tokens.filter((token) => !token.punctuation && !token.stopword).map((token) => token.canonical),
        ),
        subjects,
        quantities,
        sides: sidesOfTokens(tokens, compiled),
        times: findTimes(sentence, compiled),
        drugs,
        diagnosisText: foldText(sentence),
        isQuestion,
        answer: undefined,
        confirmedWords: undefined,
        deniedWords: undefined,
        answersUnit: undefined,
        answeredByUnit: undefined,
        answeredInTurn: asked === true ? true : undefined,
        // A window of a long unpunctuated turn is hypothetical by its own words or a cue just before it (not an "if"
        // far away).
        hypothetical:
          hypotheticalSentence(sentence, compiled) ||
          (lead !== undefined && leadsIntoHypothetical(lead, compiled)),
        allergy: compiled.allergyWords.test(foldText(sentence)),
        // A question about what happens to the patient ("har du merket at du får vondt …") plans nothing.
        plan:
          speaker === 'lege' &&
          compiled.planCues.test(
            compiled.questionStart.test(folded)
              ? folded.replace(ASKED_ABOUT_PATIENT, '')
              : foldText(sentence),
          ),
      });
    }
  });
  markCheckedStates(units, compiled);
  linkQuestions(units, compiled);
  markAllergyTalk(units);
  dropCorrectedSides(transcript, units, compiled);
  dropDeniedSides(units, compiled);
  dropRestatedSides(units);
  resolveOtherSides(units, compiled);
  carryRelativeTopics(units);
  const surfaces = new Map<string, string>();
  for (const unit of units)
    for (const token of unit.tokens)
      if (!token.punctuation && token.surface.length >= 5) surfaces.set(token.surface, token.canonical);
  const documentFrequency = new Map<string, number>();
  for (const unit of units)
    for (const canonical of unit.canonicals)
      documentFrequency.set(canonical, (documentFrequency.get(canonical) ?? 0) + 1);
  const drugCanonicals = new Map<string, Set<string>>();
  for (const unit of units) {
    const lower = foldText(unit.text);
    for (const drug of unit.drugs) {
      const words = analyseTokens(lower.slice(drug.start, drug.end), compiled, { note: false }).filter(
        (token) => !token.punctuation,
      );
      const set = drugCanonicals.get(drug.key) ?? new Set<string>();
      for (const word of words) set.add(word.canonical);
      drugCanonicals.set(drug.key, set);
    }
  }
  return {
    drugCanonicals,
    relativePresent: transcript.segments.some((segment) => segment.speaker === 'pårørende'),
    units,
    segmentIds: new Set(transcript.segments.map((segment) => segment.id)),
    documentFrequency,
    vocabulary: [...documentFrequency.keys()],
    surfaces,
    matchCache: new Map(),
    compiled,
    wordCount,
    // Clinical words, or drugs named ("Furosemid førti milligram …").
    clinical: clinicalHits + units.reduce((sum, unit) => sum + unit.drugs.length, 0) >= 2,
  };
}

/**
 * Allergy talk spans a short drug question after it and the answer ("Allergier? Penicillin?" – "Nei, jeg har fått
 * penicillin"), but not a new question in the same turn ("Allergier? Har du hatt blodpropp?").
 */
function markAllergyTalk(units: TranscriptUnit[]): void {
  for (const unit of units.filter((candidate) => candidate.allergy && candidate.speaker === 'lege')) {
    const turn = units.filter(
      (other) => other.segmentIndex === unit.segmentIndex && other.index > unit.index,
    );
    let last: TranscriptUnit = unit;
    for (const other of turn) {
      const content = other.tokens.filter((token) => !token.stopword && !token.punctuation);
      if (other.drugs.length === 0 || content.length > 3) break;
      other.allergy = true;
      last = other;
    }
    const lastQuestion = units
      .filter((other) => other.segmentIndex === unit.segmentIndex && other.isQuestion)
      .pop();
    if (lastQuestion === last && last.answeredByUnit !== undefined) {
      const answerTurn = units[last.answeredByUnit]?.segmentIndex;
      for (const other of units) if (other.segmentIndex === answerTurn) other.allergy = true;
    }
  }
}

const CORRECTION: Record<string, RegExp> = {
  nb: /(?:nei,? vent|eller,? nei|nei,? forresten|unnskyld,? jeg mener|jeg mener|altså nei|nei,? det var)/iu,
  en: /(?:no,? wait|sorry,? i mean|i mean|actually,? no|no,? actually|wait,? no)/iu,
};

/** A speaker who corrects themselves ("Høyre. Eller, nei vent, det var venstre kne."): earlier sides are withdrawn. */
function dropCorrectedSides(
  transcript: Transcript,
  units: TranscriptUnit[],
  compiled: CompiledLexicon,
): void {
  const cue = CORRECTION[compiled.language];
  if (!cue) return;
  transcript.segments.forEach((segment, segmentIndex) => {
    const match = cue.exec(segment.text ?? '');
    if (!match) return;
    const turn = units.filter((unit) => unit.segmentIndex === segmentIndex);
    const after = turn.filter(
      (unit) => unit.sides.length > 0 && (segment.text ?? '').indexOf(unit.text) >= match.index,
    );
    if (after.length === 0) return;
    for (const unit of turn) {
      const start = (segment.text ?? '').indexOf(unit.text);
      if (start >= 0 && start + unit.text.length <= match.index + match[0].length) unit.sides = [];
    }
  });
}

/**
 * A side denied and replaced ("it's not the right knee, it's the left knee"; "ikke høyre, det er venstre"): the
 * denied side said just before – earlier in the turn or in the turn before – was a slip and is withdrawn.
 */
function dropDeniedSides(units: TranscriptUnit[], compiled: CompiledLexicon): void {
  units.forEach((unit, index) => {
    const denied = new Set<Side>();
    unit.tokens.forEach((_, position) => {
      const side = sideOfToken(unit.tokens, position, compiled);
      if (side === undefined || side === 'bilateral') return;
      const before = unit.tokens.slice(Math.max(0, position - 3), position);
      if (
        before.some((token) => token.negation && token.surface !== 'nei' && token.surface !== 'no') &&
        !before.some((token) => token.punctuation)
      )
        denied.add(side);
    });
    for (const side of denied) {
      if (!unit.sides.some((mention) => mention.side !== side && mention.side !== 'bilateral')) continue;
      for (const earlier of units.slice(Math.max(0, index - 6), index)) {
        if (earlier.segmentIndex < unit.segmentIndex - 1) continue;
        earlier.sides = earlier.sides.filter((mention) => mention.side !== side);
      }
    }
  });
}

const FILLER = /^(?:uh|um|er|eh|ehm|sorry|oh|øh|eh|nei|no|altså)$/;

/**
 * A phrase said again at once with the other side ("she's here for left leg pain. right leg pain, right leg pain"):
 * the speaker corrected the side, and the first one is withdrawn. The words after each side must be the same and
 * end a sentence, or a filler stands between them; "left knee and right knee" and "left knee, right knee" name
 * both.
 */
function dropRestatedSides(units: TranscriptUnit[]): void {
  const turns = new Map<number, TranscriptUnit[]>();
  for (const unit of units) turns.set(unit.segmentIndex, [...(turns.get(unit.segmentIndex) ?? []), unit]);
  for (const turn of turns.values()) {
    // The turn's words in order, each with its unit and position; a unit's end counts as punctuation.
    const words = turn.flatMap((unit) => [
      ...unit.tokens.map((token, position) => ({ unit, position, token })),
      { unit, position: -1, token: undefined },
    ]);
    const sideAt = (at: number): { side: Side; position: number } | undefined => {
      const word = words[at];
      return word?.token ? word.unit.sides.find((mention) => mention.position === word.position) : undefined;
    };
    words.forEach((word, at) => {
      const first = sideAt(at);
      if (!first || first.side === 'bilateral') return;
      let end = at + 1;
      while (words[end]?.token && !words[end]?.token?.punctuation) end += 1;
      const phrase = words.slice(at + 1, end).map((next) => next.token?.surface ?? '');
      if (phrase.length === 0 || phrase.length > 3) return;
      let restart = end;
      while (
        !words[restart]?.token ||
        words[restart]?.token?.punctuation ||
        FILLER.test(words[restart]?.token?.surface ?? '')
      ) {
        restart += 1;
        if (restart >= words.length) return;
      }
      // A list ("left knee, right knee") is no correction: a sentence end or a filler must stand between.
      const between = words.slice(end, restart);
      if (
        !between.some(
          (next) => !next.token || next.token.punctuation === '.' || FILLER.test(next.token.surface),
        )
      )
        return;
      const restated = sideAt(restart);
      if (!restated || restated.side === first.side || restated.side === 'bilateral') return;
      const again = words
        .slice(restart + 1, restart + 1 + phrase.length)
        .map((next) => next.token?.surface ?? '');
      if (again.join(' ') !== phrase.join(' ')) return;
      word.unit.sides = word.unit.sides.filter((mention) => mention !== first);
    });
  }
}

const OTHER: Record<string, RegExp> = { en: /^other$/, nb: /^(?:andre|annen)$/ };

/** "My other ankle", "det andre kneet", "on the other side": the side opposite the one named last. */
function resolveOtherSides(units: TranscriptUnit[], compiled: CompiledLexicon): void {
  const other = OTHER[compiled.language];
  if (!other) return;
  let last: { side: 'right' | 'left'; segmentIndex: number } | undefined;
  for (const unit of units) {
    const added: Array<{ side: Side; position: number; inferred: boolean }> = [];
    unit.tokens.forEach((token, position) => {
      const mention = unit.sides.find((found) => found.position === position);
      if (mention && mention.side !== 'bilateral') {
        last = { side: mention.side, segmentIndex: unit.segmentIndex };
        return;
      }
      if (!other.test(token.surface) || !last || unit.segmentIndex - last.segmentIndex > 6) return;
      const next = unit.tokens[position + 1];
      if (!next || next.punctuation) return;
      const site =
        /^(?:side|sided|siden|sida)$/.test(next.surface) ||
        compiled.bodySites.some((body) => next.surface.startsWith(body));
      // "On the other hand": the idiom.
      const idiom = next.surface === 'hand' && unit.tokens[position - 2]?.surface === 'on';
      if (site && !idiom)
        added.push({ side: last.side === 'right' ? 'left' : 'right', position, inferred: true });
    });
    if (added.length > 0)
      unit.sides = [...unit.sides, ...added].sort((left, right) => left.position - right.position);
  }
}

/**
 * What a relative was said to have stays theirs in the next turn ("Lillesøsteren hans har et utslett" – doctor:
 * "Bleieutslett er noe annet."): words repeated from a relative's part of the previous turn belong to the relative.
 */
function carryRelativeTopics(units: TranscriptUnit[]): void {
  for (const unit of units) {
    const previousTurn = units.filter((other) => other.segmentIndex === unit.segmentIndex - 1);
    const relativeWords = new Set<string>();
    for (const other of previousTurn) {
      other.tokens.forEach((token, position) => {
        if (other.subjects[position] === 'relative' && !token.stopword && !token.punctuation)
          relativeWords.add(token.canonical);
      });
    }
    if (relativeWords.size === 0) continue;
    // A question to the patient ("Men du har ikke hatt pipelyder selv?") is about the patient again.
    const addressesPatient =
      unit.tokens.some((token) => /^(?:du|deg|dere|you|your)$/.test(token.surface)) &&
      !unit.tokens.some((token) => /^(?:han|hun|ham|henne|he|she|him|her)$/.test(token.surface));
    if (addressesPatient) continue;
    const patientWords = new Set<string>();
    for (const other of previousTurn) {
      other.tokens.forEach((token, position) => {
        if (other.subjects[position] === 'patient' && !token.stopword) patientWords.add(token.canonical);
      });
    }
    unit.tokens.forEach((token, position) => {
      if (relativeWords.has(token.canonical) && !patientWords.has(token.canonical))
        unit.subjects[position] = 'relative';
    });
  }
}

/** An answer that opens with "no" and goes straight on to a word: "no vomiting but constipation". */
function opensWithNegatedWord(tokens: readonly AnalysedToken[]): boolean {
  const [first, second] = tokens;
  return (
    (first?.surface === 'no' || first?.surface === 'nei') &&
    second !== undefined &&
    !second.punctuation &&
    !second.stopword
  );
}

/**
 * True when the answer's word at `position` is said under a negation ("… but nothing tingling or hurting", "no
 * fever some chills"): within two words of the cue, or further as the last item of a list ("or hurting").
 */
function saidNegated(tokens: readonly AnalysedToken[], position: number): boolean {
  let list = false;
  for (let back = position - 1; back >= 0 && back >= position - 5; back -= 1) {
    const token = tokens[back];
    if (!token || token.scopeBreaker) return false;
    if (token.punctuation !== undefined && token.punctuation !== ',') return false;
    if (/^(?:or|nor|eller)$/.test(token.surface)) list = true;
    // "No," opening the answer answers the question; "no fever" negates the word.
    const opener =
      back === 0 && (token.surface === 'no' || token.surface === 'nei') && !opensWithNegatedWord(tokens);
    if (token.negation && !opener) return position - back <= 2 || list;
  }
  return false;
}

/** A past intention: "was scheduled to", "were supposed to", "had planned to", "was going to". */
const PAST_INTENTION_AUXILIARY = /^(?:was|were|had)$/;
const INTENTION = /^(?:scheduled|supposed|meant|planned|planning|intended|intending|going|due|set)$/;
/** Gerunds of a desire that are no verbs ("i don't feel like anything"). */
const NOT_A_GERUND = /^(?:anything|something|nothing|everything|thing|things|king|ring|sing)$/;
/** True when the word at `position` is the verb of a past intention ("was scheduled to see") or a wish ("feel like taking"). */
function intendedVerb(tokens: readonly AnalysedToken[], position: number): boolean {
  const before = (back: number): string => tokens[position - back]?.surface ?? '';
  if (
    before(1) === 'to' &&
    INTENTION.test(before(2)) &&
    (PAST_INTENTION_AUXILIARY.test(before(3)) || (before(3) === 'been' && before(4) === 'had'))
  )
    return true;
  const word = tokens[position]?.surface ?? '';
  return (
    before(1) === 'like' &&
    /^(?:feel|feels|felt|feeling)$/.test(before(2)) &&
    /^\p{L}{3,}ing$/u.test(word) &&
    !NOT_A_GERUND.test(word)
  );
}
/** Words that end the phrase of an intended deed ("… but my car broke down", "… which it doesn't appear he did"). */
const PHRASE_END = /^(?:but|and|so|because|which|although|though|then)$/;
/**
 * True when the word at `position` is an intended or wished deed, or its object: a past intention leaves it open
 * whether it came about ("he was scheduled to see dr. davis , which it does n't appear he did", "i was supposed to see
 * the physical therapist but my car broke down"), and "feel like" with a gerund is a wish ("i feel like taking the
 * medicine"). A present schedule ("you're scheduled to see …") is a plan and still says the visit comes.
 */
export function intendedOnly(tokens: readonly AnalysedToken[], position: number): boolean {
  for (let verb = position; verb >= 0 && verb >= position - 4; verb -= 1) {
    const token = tokens[verb];
    if (!token || token.punctuation !== undefined || token.scopeBreaker || PHRASE_END.test(token.surface))
      return false;
    if (intendedVerb(tokens, verb)) return true;
  }
  return false;
}

/**
 * True when the word at `position` is wished for ("i wish i had some weight loss"): a counterfactual, neither had nor
 * denied. Looks back within the phrase.
 */
export function wishedFor(tokens: readonly AnalysedToken[], position: number): boolean {
  for (let back = position - 1; back >= 0 && back >= position - 6; back -= 1) {
    const token = tokens[back];
    if (!token || token.scopeBreaker || (token.punctuation !== undefined && token.punctuation !== ','))
      return false;
    if (token.surface === 'wish' || token.surface === 'wished') return true;
  }
  return false;
}

/**
 * The question's words an answer repeats, split by how it says them: "a little bit of numbing, but nothing
 * tingling" confirms the numbness and denies the tingling.
 */
function repeatedWords(
  answer: TranscriptUnit,
  question: TranscriptUnit,
): { confirmed: Set<string>; denied: Set<string>; wished: boolean } {
  const confirmed = new Set<string>();
  const denied = new Set<string>();
  let wished = false;
  answer.tokens.forEach((token, position) => {
    if (token.stopword || token.punctuation || !question.canonicals.has(token.canonical)) return;
    if (wishedFor(answer.tokens, position)) {
      wished = true;
      return;
    }
    (saidNegated(answer.tokens, position) ? denied : confirmed).add(token.canonical);
  });
  for (const word of denied) confirmed.delete(word);
  return { confirmed, denied, wished };
}

/** Where a question asks whether something is normal ("tisser du normalt", "spiser hun som før"), or -1. */
function normalityAt(tokens: readonly AnalysedToken[]): number {
  return tokens.findIndex(
    (token, position) =>
      /^(?:normalt?|greit|vanlig|normally)$/.test(token.surface) ||
      // "Are you eating okay?": after its verb, not the filler opening a turn ("okay, any fever?").
      (/^(?:okay|ok|fine)$/.test(token.surface) &&
        position >= 2 &&
        tokens[position - 1]?.punctuation === undefined &&
        !/^(?:okay|ok|alright|so|and|um|uh)$/.test(tokens[position - 1]?.surface ?? '')) ||
      (/^(?:før|vanlig|usual)$/.test(token.surface) &&
        /^(?:som|as)$/.test(tokens[position - 1]?.surface ?? '')),
  );
}

/** An answer that says things are fine ("nei, det er fint", "det går helt greit"). */
const SAYS_FINE =
  /(?<![\p{L}])(?:det|alt|den|it|that|everything)(?:'s| er| går| is|s)? (?:helt |bare |veldig |just |totally )?(?:fint|bra|greit|normalt|fine|normal)(?![\p{L}])/u;

/** Words that hedge an admission ("maybe a bit of nausea", "some tingling sometimes", "kanskje litt"). */
const HEDGE =
  /(?<![\p{L}])(?:maybe|a bit|a little|slight|slightly|some|sometimes|mild|mildly|kanskje|litt|noe)(?![\p{L}])/u;

/**
 * The question's words that the rest of a negative answer's turn admits after all, hedged and without a negation
 * ("not really . yeah . maybe a bit of nausea").
 */
function hedgedRepeats(
  answer: TranscriptUnit,
  question: TranscriptUnit,
  units: readonly TranscriptUnit[],
): Set<string> {
  const words = new Set<string>();
  for (const later of units) {
    if (later.segmentIndex !== answer.segmentIndex || later.index <= answer.index) continue;
    if (later.tokens.some((token) => token.negation) || !HEDGE.test(foldText(later.text))) continue;
    for (const token of later.tokens)
      if (!token.stopword && !token.punctuation && question.canonicals.has(token.canonical))
        words.add(token.canonical);
  }
  return words;
}

/** A sentence opening with its finite verb: in Norwegian and English word order, a yes/no question. */
const VERB_FIRST =
  /^(?:har|er|kan|vil|skal|må|får|blir|gjør|hadde|var|kunne|ville|skulle|fikk|ble|gjorde|do|does|did|is|are|was|were|have|has|can|will)\s/u;

/** A listener's signal that they follow, and nothing more ("mm-hmm .", "uh-huh"). */
const BACKCHANNEL = /^(?:mm-hmm|mm-hm|mhm|mm|hmm|uh-huh|um-hum|mm hmm|uh huh)[\s,.!]*$/u;

/**
 * A yes that goes on to judge or take up what was proposed ("ja, det høres lurt ut", "ja det skal jeg", "ok, da
 * bestiller jeg det"): the listener accepts advice; it answers no question (Norwegian).
 */
const TAKES_UP =
  /^(?:ja|ok|okei|greit|fint)[,.]?\s+(?:det (?:høres|hørtes|skal jeg|gjør jeg|vil jeg)|takk|da (?:gjør|bestiller|tar|prøver|ringer) jeg)(?![\p{L}])/u;

/** A verb before "du" (not a conjunction or preposition: "hvis du", "om du"). */
const INVERTED_DU = String.raw`(?!(?:hvis|om|at|når|som|så|og|men|fordi|enn|der|da|mens|hvor|hva|hvordan|hvorfor|for|til|med|på|av|i|fra|enten|eller|kanskje|nå|ja|nei)\s)\p{L}+ (?:du|dere)`;
/** "Besvimte du, eller ble du bare svimmel": two alternatives, each with its verb before "du". */
const ALTERNATIVE_QUESTION = new RegExp(
  String.raw`(?<![\p{L}])${INVERTED_DU}(?: [\p{L},]+){0,5},? eller (?:\p{L}+ )?${INVERTED_DU}(?![\p{L}])`,
  'u',
);

/** Norwegian "vel" after a verb asks for a yes ("hun får vel antibiotika nå", "det er vel ikke farlig"). */
const TAG_QUESTION =
  /(?<![\p{L}])(?:får|er|blir|har|kan|skal|må|trenger|går|holder|gjør|hjelper) (?:\p{L}+ )?vel(?![\p{L}])/u;

/** Words that make a clause of a fragment: a subject pronoun or a common finite verb (Norwegian). */
const CLAUSE_WORD =
  /^(?:jeg|du|han|hun|vi|dere|de|det|den|er|var|har|hadde|blir|ble|kan|kunne|skal|vil|må|får|fikk|ser|går|gikk|gjør|tar|kommer)$/;

/** A bare list of names ("armer bein, rumpa", "feber, hoste"): content words and commas, nothing that makes a clause. */
function isBareList(unit: TranscriptUnit): boolean {
  const words = unit.tokens.filter((token) => !token.punctuation);
  return (
    words.length >= 2 &&
    words.length <= 5 &&
    words.every((token) => !token.stopword || /^(?:og|eller)$/.test(token.surface)) &&
    !words.some((token) => CLAUSE_WORD.test(token.surface) || token.negation)
  );
}

/**
 * A doctor asks with a phrase and spells it out with examples ("sår andre steder på kroppen. armer bein, rumpa" –
 * "nei bare i ansiktet"). Speech recognition drops the question marks, and only the list, answered with yes or no, is
 * found to ask: the short verbless phrase just before it in the turn asked the same thing. Norwegian speech.
 */
function markSpelledOutQuestions(units: TranscriptUnit[], compiled: CompiledLexicon): void {
  if (compiled.language !== 'nb') return;
  for (const list of units) {
    if (!list.isQuestion || list.speaker !== 'lege' || list.text.trim().endsWith('?')) continue;
    if (!isBareList(list)) continue;
    const phrase = units[list.index - 1];
    if (!phrase || phrase.segmentIndex !== list.segmentIndex || phrase.isQuestion || phrase.hypothetical)
      continue;
    const words = phrase.tokens.filter((token) => !token.punctuation);
    if (words.length < 2 || words.length > 8) continue;
    if (words.some((token) => CLAUSE_WORD.test(token.surface) || token.negation)) continue;
    if (!words.some((token) => !token.stopword)) continue;
    phrase.isQuestion = true;
  }
}

/**
 * English "(just) want to make sure" before the patient's present state checks that state; it supposes nothing.
 * "Before i do just want to make sure you're not having any chest pain today" – "no" says there is none, as "make
 * sure you don't have …" is no advice when the patient answers it with a yes or no. (Not "we'll get an MRI to make
 * sure you don't have a herniation", which the patient does not answer; nor "make sure you take it", which tells.)
 */
const CHECKING_CUE =
  /(?<![\p{L}])(?:(?:want|wanted|need|needed) to|wan na|just to) make sure(?: that)?(?= (?:you(?:'re| 're| are| have| 've|'ve) |you (?:do n't|don't|have n't|haven't|are n't|aren't) |there(?:'s| 's| is| are) )|$)/u;
function markCheckedStates(units: TranscriptUnit[], compiled: CompiledLexicon): void {
  if (compiled.language !== 'en') return;
  for (const unit of units) {
    if (!unit.hypothetical || unit.speaker !== 'lege') continue;
    if (units.some((other) => other.segmentIndex === unit.segmentIndex && other.index > unit.index)) continue;
    const folded = foldText(unit.text).trim();
    if (!CHECKING_CUE.test(folded) || hypotheticalSentence(folded.replace(CHECKING_CUE, ' '), compiled))
      continue;
    const next = units.find((candidate) => candidate.segmentIndex > unit.segmentIndex);
    if (!next || next.speaker === unit.speaker || next.segmentIndex !== unit.segmentIndex + 1) continue;
    const start = foldText(next.text).trim().replace(FILLERS, '');
    if (start.split(/\s+/).length > 6) continue;
    if (compiled.negativeAnswer.test(start) || compiled.positiveAnswer.test(start)) unit.hypothetical = false;
  }
}

function linkQuestions(units: TranscriptUnit[], compiled: CompiledLexicon): void {
  // Speech without question marks: a doctor's turn answered by a bare yes or no was a question.
  for (const unit of units) {
    if (unit.isQuestion) continue;
    const lastOfTurn = !units.some(
      (other) => other.segmentIndex === unit.segmentIndex && other.index > unit.index,
    );
    if (!lastOfTurn) continue;
    const next = units.find((candidate) => candidate.segmentIndex > unit.segmentIndex);
    if (!next || next.speaker === unit.speaker || next.segmentIndex !== unit.segmentIndex + 1) continue;
    const start = foldText(next.text).trim().replace(FILLERS, '');
    // Anyone's "hun får vel antibiotika nå da" answered with a yes or no asked it (Norwegian).
    if (
      compiled.language === 'nb' &&
      TAG_QUESTION.test(foldText(unit.text)) &&
      (compiled.negativeAnswer.test(start) || compiled.positiveAnswer.test(start))
    ) {
      unit.isQuestion = true;
      continue;
    }
    if (unit.speaker !== 'lege') continue;
    // "… besvimte du eller ble du bare svimmel" – "jeg tror jeg ble svimmel": two alternatives, each with its verb
    // before "du", ask which; the answer names one, with no yes or no (Norwegian speech without question marks).
    if (
      compiled.language === 'nb' &&
      ALTERNATIVE_QUESTION.test(foldText(unit.text).split(/\s+/).slice(-14).join(' '))
    ) {
      unit.isQuestion = true;
      continue;
    }
    // A doctor's short turn opening with a question word ("hvor gamle er barna") asks, whatever the answer
    // (Norwegian speech without question marks); not "når du får feber, …".
    if (
      compiled.language === 'nb' &&
      !unit.hypothetical &&
      unit.text.split(/\s+/).length <= 10 &&
      /^(?:hvordan|hva|hvilke[nt]?|hvor|hvem|hvorfor)(?![\p{L}])/u.test(
        foldText(unit.text).trim().replace(FILLERS, ''),
      )
    ) {
      unit.isQuestion = true;
      continue;
    }
    // A short answer, or any answer opening with yes or no to a short turn ("allergier" – "nei jeg har fått …").
    // Speech recognition runs a question on from a remark ("det høres plagsomt ut har du sett blod i urinen"):
    // a question opening among the turn's last words, answered with yes or no, makes it a question too.
    const tail = foldText(unit.text).split(/\s+/).slice(-10).join(' ');
    // "Nei, ingenting der": a no followed by a negation answers what was asked.
    const bare =
      /^(?:nei|no)[,.]?\s+(?:ingen|ingenting|ikke|aldri|nothing|never|not)(?![\p{L}])/u.test(start) ||
      start.split(/\s+/).length <= 6 ||
      unit.text.split(/\s+/).length <= 8 ||
      compiled.questionInside.test(tail) ||
      // "… let's talk about other symptoms any joint pain fever weight loss" – "not that i can recall".
      // (Not a closing "any other questions", nor a turn that asks something else before.)
      (compiled.language === 'en' &&
        /(?<![\p{L}])any (?!(?:other|more|further|questions?|concerns?)(?![\p{L}]))/u.test(
          tail.split(/\s+/).slice(-8).join(' '),
        ) &&
        !compiled.questionInside.test(foldText(unit.text)));
    // A "nei" after a long remark that ends in a negation agrees with it ("… jeg ser ingen tegn til infeksjon." –
    // "Nei."); it answers no question.
    const agrees =
      compiled.negativeAnswer.test(start) &&
      unit.text.split(/\s+/).length > 8 &&
      !compiled.questionInside.test(tail) &&
      // Not a turn opening with its verb: that is a question ("har kneet låst seg så du ikke får strekt det ut").
      !VERB_FIRST.test(foldText(unit.text).trim()) &&
      unit.tokens.slice(-6).some((token) => token.negation);
    // A listener's "mm-hmm" after a long remark that asks nothing ("there's no fracture , which is good ." – "mm-hmm
    // .") acknowledges it; it answers no question.
    const acknowledges =
      (BACKCHANNEL.test(start) ||
        (compiled.language === 'nb' && TAKES_UP.test(start)) ||
        // A yes to a doctor's long advice ("… hvis du får feber så ta kontakt" – "ja") takes note of it.
        (compiled.language === 'nb' && unit.hypothetical && /^(?:ja|ok|okei|mm)[,.]?$/.test(start.trim()))) &&
      unit.text.split(/\s+/).length > 8 &&
      !compiled.questionInside.test(tail) &&
      !VERB_FIRST.test(foldText(unit.text).trim());
    if (
      bare &&
      !agrees &&
      !acknowledges &&
      (compiled.negativeAnswer.test(start) || compiled.positiveAnswer.test(start))
    )
      unit.isQuestion = true;
  }
  markSpelledOutQuestions(units, compiled);
  for (let index = 0; index < units.length; index += 1) {
    const unit = units[index];
    if (!unit?.isQuestion) continue;
    // The answer is the first unit of the next segment spoken by someone else (or what follows in the same turn).
    const answer = unit.answeredInTurn
      ? units[index + 1]
      : units.find(
          (candidate) => candidate.segmentIndex > unit.segmentIndex && candidate.speaker !== unit.speaker,
        );
    if (!answer || answer.segmentIndex > unit.segmentIndex + 2) {
      unit.answer = 'unknown';
      continue;
    }
    // Only the last question of a turn is the one answered.
    const laterQuestion =
      !unit.answeredInTurn &&
      units.some(
        (other) => other.segmentIndex === unit.segmentIndex && other.index > unit.index && other.isQuestion,
      );
    if (laterQuestion) {
      unit.answer = 'unknown';
      continue;
    }
    const polarity = answerPolarity(answer, unit, compiled);
    const { confirmed, denied, wished } = repeatedWords(answer, unit);
    if (compiled.language === 'en' && deniesLately(unit, answer)) {
      // The answer and the words it denies are set.
    } else if (polarity === 'confirmed' || (polarity === 'positive' && (denied.size > 0 || wished))) {
      // (A yes that wishes for some of the words, "some night sweats, but I wish I had some weight loss", confirms
      // only the others.)
      // Only the words the answer repeats are confirmed ("Besvimte du, eller ble du bare svimmel?" – "… svimmel");
      // those it repeats under a negation are denied.
      unit.answer = 'positive';
      unit.confirmedWords = confirmed;
      if (denied.size > 0) unit.deniedWords = denied;
    } else unit.answer = polarity;
    // Questions run together ("tåler du ibux noe magesår astma" – "nei jeg tåler det fint"): a Norwegian "nei" with a
    // question's word said again without a negation confirms that word; the no denies the rest.
    const saidAgain = answer.tokens
      .slice(1, 7)
      .filter(
        (token) =>
          !token.stopword &&
          !token.punctuation &&
          !PRONOUN.test(token.surface) &&
          confirmed.has(token.canonical),
      );
    // Not in talk of allergies, where the no denies the allergy ("Allergier? Penicillin?" – "Nei, jeg har fått
    // penicillin"), nor a question of one word: something else must be left for the no.
    const rest = unit.tokens.filter(
      (token) =>
        !token.stopword &&
        !token.punctuation &&
        !saidAgain.some((said) => said.canonical === token.canonical),
    );
    if (
      compiled.language === 'nb' &&
      unit.answer === 'negative' &&
      rest.length > 0 &&
      !units.some(
        (other) =>
          other.segmentIndex === unit.segmentIndex && compiled.allergyWords.test(foldText(other.text)),
      ) &&
      answer.tokens[0]?.surface === 'nei' &&
      saidAgain.length > 0 &&
      !answer.tokens.slice(0, 8).some((token) => token.negation && token.surface !== 'nei')
    ) {
      unit.answer = 'positive';
      unit.confirmedWords = new Set(saidAgain.map((token) => token.canonical));
      unit.deniedWords = new Set(rest.map((token) => token.canonical));
    }
    // "Tisser hun normalt, svir det?" – "Nei, det er fint": the no denies the symptom, the fine confirms the normal.
    const normalAt = normalityAt(unit.tokens);
    if (unit.answer === 'negative' && normalAt >= 0 && SAYS_FINE.test(foldText(answer.text))) {
      const normalClause = new Set(
        unit.tokens.slice(Math.max(0, normalAt - 3), normalAt + 1).map((token) => token.canonical),
      );
      const others = unit.tokens.filter(
        (token) => !token.stopword && !token.punctuation && !normalClause.has(token.canonical),
      );
      unit.answer = 'positive';
      unit.confirmedWords = normalClause;
      unit.deniedWords = new Set(others.map((token) => token.canonical));
    }
    // "Any nausea or vomiting?" – "Not really. Yeah. Maybe a bit of nausea.": a no taken back in the same turn.
    if (unit.answer === 'negative') {
      const revised = hedgedRepeats(answer, unit, units);
      if (revised.size > 0) {
        unit.answer = 'positive';
        unit.confirmedWords = revised;
      }
    }
    unit.answeredByUnit = answer.index;
    if (answer.answersUnit === undefined) answer.answersUnit = unit.index;
  }
  // Several questions in one turn ("Har du kjent etter …? Kan du kjenne her?") share the answer to the last one.
  for (const unit of units) {
    if (!unit.isQuestion || unit.answer !== 'unknown') continue;
    const last = units.filter((other) => other.segmentIndex === unit.segmentIndex && other.isQuestion).pop();
    // A question about what is normal ("Spiser han som før? Kaster han opp?" – "Nei, det går fint") takes "fine".
    const lastAnswer = last?.answeredByUnit === undefined ? undefined : units[last.answeredByUnit];
    if (
      last !== unit &&
      lastAnswer &&
      normalityAt(unit.tokens) >= 0 &&
      SAYS_FINE.test(foldText(lastAnswer.text))
    ) {
      unit.answer = 'positive';
      unit.answeredByUnit = lastAnswer.index;
      continue;
    }
    // "Are you eating and drinking okay? Any nausea or vomiting?" – "None of that.": the no answers the symptoms, not
    // whether things are normal.
    if (
      last &&
      last !== unit &&
      last.answer === 'negative' &&
      normalityAt(unit.tokens) >= 0 &&
      normalityAt(last.tokens) < 0
    )
      continue;
    // An answer that repeats this earlier question's words answers it itself ("Tåler du Ibux? Noe magesår?" –
    // "Nei, jeg tåler det fint."): then the repeated words are confirmed, not denied.
    const answerUnit = last?.answeredByUnit === undefined ? undefined : units[last.answeredByUnit];
    const repeated =
      answerUnit?.tokens.filter(
        (token) =>
          !token.stopword &&
          !token.punctuation &&
          unit.canonicals.has(token.canonical) &&
          !last?.canonicals.has(token.canonical) &&
          !wishedFor(answerUnit.tokens, token.position),
      ) ?? [];
    if (
      answerUnit &&
      repeated.length === 0 &&
      !unit.tokens.some((token) => token.negation) &&
      repeatsUnderNegation(answerUnit, unit) &&
      !(last && repeatsUnderNegation(answerUnit, last))
    ) {
      unit.answer = 'negative';
      unit.answeredByUnit = answerUnit.index;
      continue;
    }
    if (answerUnit && repeated.length > 0) {
      // "Nei, ingen allergier": repeated under a negation is a no; in Norwegian also a negation right after the
      // repeated verb ("Bruker du prevensjon?" – "Jeg bruker ingenting", "Jeg tar ikke noe").
      const negated = repeated.some(
        (token) =>
          answerUnit.tokens
            .slice(
              Math.max(0, token.position - 2),
              compiled.language === 'nb' ? token.position + 2 : token.position,
            )
            .some((near) => near.negation && near.surface !== 'nei') ||
          (compiled.language === 'en' && listNegated(answerUnit.tokens, token.position)),
      );
      unit.answer = negated ? 'negative' : 'positive';
      unit.confirmedWords = negated ? undefined : new Set(repeated.map((token) => token.canonical));
      unit.answeredByUnit = answerUnit.index;
      continue;
    }
    // An answer run into the same turn right after its question answers that question only; nor does it answer an
    // earlier question that holds its own yes or no ("har du merket … ja og jeg …").
    if (
      last &&
      last !== unit &&
      !last.answeredInTurn &&
      !answeredInside(unit, compiled) &&
      // An open question ("når hadde du det sist … fikk du noe annet" – "nei") is not answered by a yes or no.
      !(last.answer === 'negative' && OPEN_QUESTION.test(foldText(unit.text).trim())) &&
      last.answer !== undefined &&
      last.answer !== 'unknown'
    ) {
      unit.answer = last.answer;
      unit.confirmedWords = last.confirmedWords;
      unit.answeredByUnit = last.answeredByUnit;
    }
  }
}
