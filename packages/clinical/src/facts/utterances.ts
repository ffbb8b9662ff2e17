import type { Language, SpeakerRole, Transcript } from '@kollega/domain';
import { findMeasurements } from '../language/measurements';
import { normalizeSpokenText, splitSentences, wordPattern, wordsOf } from '../language/text';
import { isClinicalWord } from './vocabulary';

/**
 * A sentence of the conversation with the role of whoever said it. Interpreter turns count as the
 * patient's words (professional interpreters speak as the patient, in the first person).
 */
export interface Utterance {
  /** Position in the conversation (0-based). */
  index: number;
  segmentId: string;
  /** Index of the turn (segment) in the transcript. */
  turn: number;
  /** Who said it; `tolk` is mapped to `pasient`. */
  role: SpeakerRole;
  /** The role as labelled before interpreter mapping. */
  spokenBy: SpeakerRole;
  /** Normalised text (numbers as digits, abbreviations restored); case kept. */
  text: string;
  isQuestion: boolean;
}

/** Interpreter stage talk: introductions and relay notices, never clinical content. */
const INTERPRETER_META: Record<Language, RegExp> = {
  nb: wordPattern(
    '(?:jeg er tolk|jeg tolker|tolken her|tolker til \\p{L}+|tolker fra \\p{L}+|svarer på \\p{L}+|taushetsplikt|i jeg-form|avklare et ord|oversetter til \\p{L}+)',
    'iu',
  ),
  en: wordPattern(
    '(?:i am the interpreter|i will interpret|interpreting|translates to \\p{L}+|answers in \\p{L}+)',
    'iu',
  ),
};

/** Questions in spoken Norwegian/English start with an auxiliary + "du"/"you" or a wh-word. */
const QUESTION_OPENERS: Record<Language, RegExp> = {
  nb: wordPattern(
    '(?:har|er|bruker|tar|hoster|kjenner|merker|føler|får|fikk|tåler|røyker|drikker|sover|spiser|blir|kan|var|hadde|gjør|går|husker|vet|skal|vil|trenger|pleier|ser|hører|kaster|svetter|fryser|tisser|blør|bor|jobber|trener) (?:du|dere)|(?:har|hjelper|virker|gjør|føles|kjennes|kommer|går|blir) (?:det|den|dette|hun|han|\\p{L}+(?:en|et|ene|a)) (?!er(?![\\p{L}])|var(?![\\p{L}]))|hvor (?:lenge|mye|ofte|vondt|mange|gammel|er|har|sitter|kjenner|begynte)|hva (?:kan|gjelder|bruker|tar|jobber|driver|spiser|har|skjedde|tenker|er)|hvordan (?:er|har|går|kjennes|merker|føles|står|skjedde|kan)|hvilke[nt]? \\p{L}+|når (?:begynte|startet|var|fikk|kom|skjedde)',
    'iu',
  ),
  en: wordPattern(
    '(?:do|did|does|have|has|are|were|is|was|can|could|would|will|any) (?:you|your|there|it|he|she)|how (?:long|much|often|many|are|is|have|did|bad)|what (?:brings|can|is|are|kind|medications|happened|do|did)|when (?:did|does|was)|where (?:is|does|did)|which',
    'iu',
  ),
};

const STARTS_WITH_OPENER: Record<Language, RegExp> = {
  nb: new RegExp(
    `^(?:(?:og|men|så|ok|okei|bra|fint|flott|greit|da|nei|ja),? )*${QUESTION_OPENERS.nb.source}`,
    'iu',
  ),
  en: new RegExp(
    `^(?:(?:and|so|okay|ok|alright|all right|good|great|now|um|uh),? )*${QUESTION_OPENERS.en.source}`,
    'iu',
  ),
};

/** Words where a recogniser's run-on turn usually starts a new utterance. */
const RUN_ON_BREAKS: Record<Language, RegExp> = {
  nb: /\s(?=hvis\s+(?:du|det|hun|han|dere)\s)|\s(?=(?:ok|okei|bra|fint|flott|supert|greit|mm|takk),?\s+\p{L}+\s+\p{L}+)|\s(?=(?:har|er|bruker|tar|hoster|kjenner|merker|tåler|røyker|kaster) (?:du|dere)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])))|\s(?=(?:hvor|hva|hvordan|hvilke[nt]?) \p{L}+ (?:du|dere)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])))/giu,
  en: /\s(?=(?:okay|ok|alright|all right|great|good)\s+\p{L}+\s+\p{L}+)|\s(?=(?:do|did|have|are) you\b)/giu,
};

const ANSWER_INSIDE: Record<Language, RegExp> = {
  nb: /(?<=\s)(?:ja|nei|jo|nope|neida|joda|jeg)(?=\s)/iu,
  en: /(?<=\s)(?:yes|no|yeah|nope)(?=\s)/iu,
};

/** Splits a long recogniser turn without punctuation where a new utterance most likely starts. */
export function splitRunOnSentence(sentence: string, language: Language): string[] {
  const words = sentence.split(/\s+/).length;
  // only lower-case recogniser output runs turns together; written sentences keep their shape
  if (words < 8 || /\p{Lu}/u.test(sentence)) return [sentence];
  const parts: string[] = [];
  let last = 0;
  const pattern = RUN_ON_BREAKS[language];
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(sentence)) !== null) {
    const before = sentence.slice(last, match.index).trim();
    // a question opener may follow a single word ("fint hva driver du med"); other breaks need a clause
    const opensQuestion = STARTS_WITH_OPENER[language].test(sentence.slice(match.index + 1));
    if (before.split(/\s+/).length >= (opensQuestion ? 1 : 3)) {
      parts.push(before);
      last = match.index + 1;
    }
  }
  parts.push(sentence.slice(last).trim());
  // "har du klart å drikke nok ja jeg drikker …": the answer starts at "ja"/"nei"
  const split: string[] = [];
  for (const part of parts) {
    const answer = STARTS_WITH_OPENER[language].test(part) ? ANSWER_INSIDE[language].exec(part) : null;
    if (answer && answer.index > 0) {
      split.push(part.slice(0, answer.index).trim(), part.slice(answer.index).trim());
    } else {
      split.push(part);
    }
  }
  return split.filter((part) => part.length > 0);
}

/** True when the sentence is a question (question mark or a question opening). */
export function isQuestionSentence(sentence: string, language: Language): boolean {
  if (/\?\s*$/.test(sentence)) return true;
  if (/[.!]\s*$/.test(sentence)) return false;
  if (DECLARATIVE_INVERSION[language].test(sentence.trim())) return false;
  return STARTS_WITH_OPENER[language].test(sentence.trim());
}

/**
 * Norwegian puts the verb second after an adverb, so "da får du …" / "så tar du …" is a statement
 * (the plan), not the question "får du …?" (Norsk referansegrammatikk: V2 word order).
 */
const DECLARATIVE_INVERSION: Record<Language, RegExp> = {
  nb: /^(?:(?:og|men|ok|okei|ja),?\s+)*(?:da|så|nå)\s+(?:får|tar|bruker|skal|kan|må|starter|slutter|fortsetter|øker|trapper|kutter)\s+(?:du|dere)(?![\p{L}\p{N}])/iu,
  en: /^(?!)/u,
};

/** Words a sentence cannot end on: a recogniser's stray full stop ("et flåttbitt for. to uker siden"). */
const DANGLING_END: Record<Language, RegExp> = {
  nb: /(?<![\p{L}\p{N}])(?:for|i|på|fra|ved|mot|og|eller|men|at|en|et|ei|ca)\.$/iu,
  en: /\b(?:for|in|on|from|at|by|and|or|but|the|a|an)\.$/iu,
};

/** Joins a sentence that ends on a function word with the lower-case sentence after it. */
export function joinDanglingSentences(sentences: readonly string[], language: Language): string[] {
  const joined: string[] = [];
  for (const sentence of sentences) {
    const previous = joined[joined.length - 1];
    if (previous !== undefined && DANGLING_END[language].test(previous) && /^[\p{Ll}\d]/u.test(sentence)) {
      joined[joined.length - 1] = `${previous.slice(0, -1)} ${sentence}`;
      continue;
    }
    joined.push(sentence);
  }
  return joined;
}

/** First-person report verbs a patient uses and a doctor dictating does not. */
const PATIENT_FIRST_PERSON: Record<Language, RegExp> = {
  nb: wordPattern(
    'jeg (?:har (?:hatt|vært|fått|vondt|så|ikke)|hadde|er (?:så|veldig|litt|helt)|målte|merket|tok|drakk|klarte|kjente|våknet|orker|sover|spiser|drikker|bruker|sluttet|røyker|jobber|studerer)|klarte jeg',
    'iu',
  ),
  en: wordPattern(
    "i (?:have been|had|was|felt|noticed|took|tried|can't|don't|did n't|didn't)|my (?:pain|knee|back)",
    'iu',
  ),
};

/** Advice addressed to the patient: what only the doctor says. */
const DOCTOR_INSTRUCTION: Record<Language, RegExp> = {
  nb: wordPattern(
    '(?:kan|skal|må|bør) du (?:bruke|ta|slutte|kutte|øke|redusere|fortsette|unngå|prøve)|(?:slutter|kutter|øker|reduserer|fortsetter) du|du (?:kan|skal|må|bør) (?:bruke|ta|slutte|kutte|øke|redusere|fortsette|unngå)|planen er at du',
    'iu',
  ),
  en: wordPattern(
    '(?:you can|you should|you need to|i want you to) (?:use|take|stop|cut|increase|decrease|continue|avoid|try)',
    'iu',
  ),
};

const DOCTOR_FIRST_PERSON: Record<Language, RegExp> = {
  nb: wordPattern(
    'jeg (?:tar (?:en|et|noen|ny|nye|blodprøve\\p{L}*|temperaturen|blodtrykket|prøve\\p{L}*|EKG|CRP)|skriver|lytter|kjenner på|undersøker|henviser|sykmelder|vil|skal|foreslår|anbefaler|sender|ser|tror|mener|tenker)',
    'iu',
  ),
  en: wordPattern("i(?:'m| am) going to|i'll|i will|i want you|let's|i'd like", 'iu'),
};

function mapRole(role: SpeakerRole): SpeakerRole {
  return role === 'tolk' ? 'pasient' : role;
}

/**
 * Turns a transcript into sentences with roles: normalises spoken text, drops interpreter stage talk,
 * splits run-on recogniser turns, and gives a doctor's run-on turn back to the patient where it
 * plainly carries the patient's answer (first-person report after a question in the same turn).
 */
export function buildUtterances(transcript: Transcript, language: Language): Utterance[] {
  const utterances: Utterance[] = [];
  transcript.segments.forEach((segment, turn) => {
    let text = normalizeSpokenText(segment.text, language);
    // a pause before a number or a lower-case word continues the sentence ("temperaturen… 38,6")
    text = text.replace(/\s*(?:\.\.\.+|…)\s*(?=[\d\p{Ll}])/gu, ' ');
    const sentences = joinDanglingSentences(splitSentences(text), language).flatMap((sentence) =>
      splitRunOnSentence(sentence, language),
    );
    let previousWasQuestion = false;
    let reassigned = false;
    for (const sentence of sentences) {
      if (INTERPRETER_META[language].test(sentence) && sentence.split(/\s+/).length <= 14) {
        // keep only what follows the stage talk in the same sentence, if anything clinical
        continue;
      }
      const isQuestion = isQuestionSentence(sentence, language);
      let role = mapRole(segment.speaker);
      if (role === 'lege' && !isQuestion) {
        const patientLike =
          PATIENT_FIRST_PERSON[language].test(sentence) && !DOCTOR_FIRST_PERSON[language].test(sentence);
        const answerLike =
          previousWasQuestion &&
          (/^(?:ja|nei|jo|yes|no|yeah)(?![\p{L}\p{N}])/iu.test(sentence) ||
            (/^(?:jeg|i)(?![\p{L}\p{N}'])/iu.test(sentence) &&
              !DOCTOR_FIRST_PERSON[language].test(sentence)));
        if (patientLike || answerLike || (reassigned && !isQuestion && previousWasQuestion)) {
          role = 'pasient';
          reassigned = true;
        } else {
          reassigned = false;
        }
      } else if (
        role !== 'lege' &&
        !isQuestion &&
        DOCTOR_INSTRUCTION[language].test(sentence) &&
        !/(?<![\p{L}\p{N}])(?:jeg|meg|min|mitt|i|me|my)(?![\p{L}\p{N}'])/iu.test(sentence)
      ) {
        // the doctor's advice merged into the patient's turn ("sumatriptan kan du bruke, men maks to dager")
        role = 'lege';
      } else if (
        role !== 'lege' &&
        isQuestion &&
        STARTS_WITH_OPENER[language].test(sentence) &&
        /\b(?:du|dere|you)\b/iu.test(sentence) &&
        !/\b(?:jeg|meg|i|me|my)\b/iu.test(sentence) &&
        !/^(?:\p{L}+,? )?(?:kan|kunne|vil|skal|trenger|vet|could|would|can|will|should) /iu.test(sentence)
      ) {
        // a doctor's question merged into the patient's turn by the recogniser
        role = 'lege';
      }
      utterances.push({
        index: utterances.length,
        segmentId: segment.id,
        turn,
        role,
        spokenBy: segment.speaker,
        text: sentence,
        isQuestion: role === 'lege' ? isQuestion : isQuestion && /\?\s*$/.test(sentence),
      });
      previousWasQuestion = isQuestion;
    }
  });
  // a recogniser drops question marks: the doctor's last sentence before a "ja"/"nei" was a question
  for (let index = 0; index + 1 < utterances.length; index += 1) {
    const current = utterances[index];
    const next = utterances[index + 1];
    if (!current || !next || current.role !== 'lege' || current.isQuestion || next.role === 'lege') continue;
    if (next.turn === current.turn) continue;
    const short = current.text.split(/\s+/).length <= 8;
    const firstPerson = /(?<![\p{L}\p{N}])(?:jeg|vi|i|we)(?![\p{L}\p{N}'])/iu.test(current.text);
    // a value the doctor reads out ("andre måling 144/90") is a finding, whatever the patient says next
    const statesValue = findMeasurements(current.text, language).length > 0;
    // "Allergier." – "Nei.": a recogniser's full stop after a bare topic does not make it a statement
    const bareTopic = isBareClinicalTopic(current.text, language);
    if (
      ANSWER_START[language].test(next.text) &&
      (!/[.!-]\s*$/.test(current.text) || bareTopic) &&
      short &&
      !firstPerson &&
      !statesValue &&
      !DECLARATIVE_INVERSION[language].test(current.text)
    )
      current.isQuestion = true;
  }
  return utterances;
}

/** One to three words that all name clinical topics ("Allergier.", "Feber, hoste."). */
function isBareClinicalTopic(text: string, language: Language): boolean {
  const words = wordsOf(text).filter((word) => !/^(?:og|eller|noen|noe|and|or|any)$/u.test(word));
  return words.length > 0 && words.length <= 3 && words.every((word) => isClinicalWord(word, language));
}

const ANSWER_START: Record<Language, RegExp> = {
  nb: /^(?:ja|nei|jo|joda|neida|nope|mm|jepp|nja|tja|au|aua|auda)(?![\p{L}\p{N}])/iu,
  en: /^(?:yes|no|yeah|nope|yep|mm-hmm|uh-huh|nah)(?![\p{L}\p{N}])/iu,
};
