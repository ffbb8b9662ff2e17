import type { Fact, SpeakerRole, Transcript } from '@kollega/domain';
import { prepareSpokenText, wordRegExp } from './spoken-text';

/**
 * A transcript cut into sentences ("clauses") that carry what the rules need to know about each:
 * who said it, whether it is a question, a conditional (safety-net advice, "hvis du får feber …"),
 * whether it is about a relative or someone else rather than the patient, and — for the doctor's
 * questions — whether the reply was yes or no.
 */
export interface Clause {
  segmentId: string;
  /** Position of the segment in the transcript. */
  segmentIndex: number;
  speaker: SpeakerRole;
  /** Prepared text (numbers as digits), case kept. */
  original: string;
  /** Prepared text in lower case: what the patterns read. */
  text: string;
  isQuestion: boolean;
  /** A conditional or hypothetical sentence: "hvis …", "dersom …", "i tilfelle …". */
  isConditional: boolean;
  /** Said about a relative or a third person, or a relative speaking about themselves. */
  aboutOther: boolean;
  /** For the doctor's questions: the reply of the patient (or relative/interpreter); "jo" contradicts a negated question. */
  answer?: 'yes' | 'no' | 'contradict';
  /** The reply's prepared lower-case text and segment, for the doctor's questions. */
  answerText?: string;
  answerSegmentId?: string;
  /** The question contains a negation ("Du er ikke gravid?"): a "nei" then confirms the negation. */
  negatedQuestion: boolean;
  /** About an earlier episode ("i fjor", "for to år siden", "tidligere"), not the current problem. */
  isHistory: boolean;
  /** For the patient's (or relative's) reply: the doctor's question it answers, lower case. */
  inReplyTo?: string;
  /** Built from an extracted fact rather than from the transcript text. */
  fromFact?: boolean;
}

const RELATIVE_WORDS = [
  'bror(?:en)?',
  'brødrene',
  'storebror(?:en)?',
  'lillebror(?:en)?',
  'søster(?:en|a)?',
  'storesøster(?:en|a)?',
  'lillesøster(?:en|a)?',
  'søsken(?:et)?',
  'datter(?:en)?',
  'dattera',
  'sønn(?:en)?',
  'barnebarn(?:et|a)?',
  'bestemor',
  'bestefar',
  'mormor',
  'morfar',
  'farmor',
  'farfar',
  'onkel(?:en)?',
  'tante(?:n)?',
  'fetter(?:en)?',
  'kusine(?:n)?',
  'kone(?:n)?',
  'kona',
  'kjæreste(?:n)?',
  'samboer(?:en)?',
  'ektefelle(?:n)?',
  'svigermor',
  'svigerfar',
  'nabo(?:en)?',
  'venninne(?:n|a)?',
  'venn(?:en)?',
  'kompis(?:en)?',
  'kollega(?:en)?',
  'sjef(?:en)?',
  'ungene',
  'mannen (?:min|hennes|din)',
  'min mann',
  'hennes mann',
  'noen (?:i familien|rundt (?:meg|deg|henne|ham|han|oss))',
];
const PARENT_WORDS = ['mor(?:en|a)?', 'mamma(?:en)?', 'far(?:en)?', 'pappa(?:en)?', 'foreldre(?:ne)?'];

const RELATIVE_PATTERN = wordRegExp(RELATIVE_WORDS.join('|'));
const PARENT_PATTERN = wordRegExp(PARENT_WORDS.join('|'));
const THIRD_PERSON_START = /^(?:og |men |så |da |nå )?(?:han|hun|de|ham|henne|hans|hennes)\b/iu;
/** A relative telling their own complaints: "jeg har (forresten) fått vondt i halsen selv", "min egen lege". */
const RELATIVE_OWN_COMPLAINT = wordRegExp(
  'jeg har (?:\\p{L}+ ){0,2}(?:vondt|fått|hatt|blitt|problemer|smerter|feber|hoste|hostet)|jeg er (?:\\p{L}+ ){0,2}(?:syk|dårlig|forkjøla|forkjølet)|(?:meg|jeg) selv|min egen|mine egne|mitt eget',
);
const THIRD_PERSON_ANY = wordRegExp('han|hun|ham|henne|hans|hennes|vi|oss|vår');
const CONDITIONAL = wordRegExp(
  'hvis|dersom|i tilfelle|om (?:du|hun|han|det) (?:får|blir|ikke)|skulle (?:du|hun|han)|så lenge|følg med på|ta kontakt ved|ved behov',
);
/** Words that place a sentence in the past: an earlier episode, not today's problem. */
const HISTORY = wordRegExp(
  'i fjor|i fjor \\p{L}+|for \\d+ (?:år|måneder|mnd) siden|tidligere|forrige gang|sist gang|som barn|da (?:jeg|du|hun|han) var (?:liten|yngre|barn)|i \\d{4}',
);
/** A sentence that opens with "når …, kan/skal …" is a condition about the future, not a finding. */
const CONDITIONAL_START = /^(?:og |men |så )?når (?:du|hun|han|det|de|dere|vi)\b/iu;
const NEGATION_IN_QUESTION = wordRegExp('ikke|ingen');
const FILLER_START = /^(?:(?:eh+m*|ehm|hm+|mm+|tja|altså|øh+|nja|vel|ok)[\s,.!…—-]*)+/iu;
/**
 * Norwegian main clauses put the verb second ("Da får du …"); a sentence that starts with the verb and a pronoun
 * ("har du feber", "er det noen mulighet for at …") is a question or a request, also when a recogniser dropped the "?".
 */
const VERB_FIRST = new RegExp(
  `^(?:${[
    'har',
    'hadde',
    'er',
    'var',
    'kan',
    'kunne',
    'vil',
    'ville',
    'skal',
    'skulle',
    'får',
    'fikk',
    'tåler',
    'tålte',
    'bruker',
    'brukte',
    'hoster',
    'merker',
    'merket',
    'føler',
    'kjenner',
    'ser',
    'blir',
    'ble',
    'går',
    'gikk',
    'vet',
    'tar',
    'tok',
    'trenger',
    'sover',
    'spiser',
    'drikker',
    'røyker',
    'svir',
    'gjør',
    'gjorde',
    'klarer',
    'husker',
    'pleier',
    'plager',
    'bor',
    'jobber',
    'tisser',
    'renner',
    'verker',
    'stikker',
    'hjelper',
    'hjalp',
    'virker',
    'virket',
    'rant',
    'renner',
  ].join('|')}) (?:du|dere|hun|han|det|de|noen|noe|man|jeg|vi|ham|henne|pasienten)(?![\\p{L}])`,
  'iu',
);
const ABBREVIATIONS =
  /(?:^|\s)(?:ca|f\.eks|ev|evt|bl\.a|kl|nr|dvs|osv|pga|ift|inkl|ua|us|bilat|tab|tbl|mg|mnd)$/iu;

/** Splits a prepared turn into sentences; keeps "…" pauses inside a sentence (findings are often dictated after them). */
export function splitIntoSentences(text: string): string[] {
  const sentences: string[] = [];
  let current = '';
  const parts = text.split(/(?<=(?<!\.)\.(?!\.)|[!?])\s+|\s+—\s*/u);
  for (const part of parts) {
    current = current.length === 0 ? part : `${current} ${part}`;
    // "ca. 15 cm": an abbreviation's period does not end the sentence
    if (/\.$/u.test(part) && ABBREVIATIONS.test(part.slice(0, -1))) continue;
    if (/[\p{L}\p{N}]/u.test(current)) sentences.push(current.trim());
    current = '';
  }
  if (current.trim().length > 0 && /[\p{L}\p{N}]/u.test(current)) sentences.push(current.trim());
  return sentences;
}

function answerPolarity(text: string): 'yes' | 'no' | 'contradict' | undefined {
  const stripped = text.replace(FILLER_START, '').trim();
  if (/^(?:nei|nope|ikke|ingen|ingenting|aldri)(?![\p{L}])/iu.test(stripped)) return 'no';
  if (/^jo(?![\p{L}])/iu.test(stripped)) return 'contradict';
  if (/^(?:ja|jepp|mhm|jada|stemmer|litt|absolutt|definitivt)(?![\p{L}])/iu.test(stripped)) return 'yes';
  return undefined;
}

function isAboutOther(sentence: string, speaker: SpeakerRole): boolean {
  if (RELATIVE_PATTERN.test(sentence)) return true;
  // a parent word in the patient's own speech is the patient's parent; a relative or the doctor
  // saying "mamma" usually means the patient (an adult child talking about a parent) or the relative present
  if (speaker === 'pasient' || speaker === 'tolk') return PARENT_PATTERN.test(sentence);
  if (speaker === 'pårørende') {
    // a relative speaking of their own complaints ("jeg har så vondt i hofta") is not about the patient;
    // "jeg målte 39 i natt" about the child is
    return RELATIVE_OWN_COMPLAINT.test(sentence) && !THIRD_PERSON_ANY.test(sentence);
  }
  return false;
}

/** Cuts a transcript into clauses and links each doctor question to the reply. */
export function buildClauses(transcript: Transcript): Clause[] {
  const clauses: Clause[] = [];
  const segments = transcript.segments;
  const preparedTexts = segments.map((segment) => prepareSpokenText(segment.text));
  segments.forEach((segment, segmentIndex) => {
    const prepared = preparedTexts[segmentIndex] ?? '';
    let previousAboutOther = false;
    for (const sentence of splitIntoSentences(prepared)) {
      const lower = sentence.toLowerCase();
      let aboutOther = isAboutOther(lower, segment.speaker);
      // "Søsteren min hadde det i høst. Hun fikk antibiotika …": the pronoun carries the relative on
      if (!aboutOther && previousAboutOther && THIRD_PERSON_START.test(lower)) aboutOther = true;
      previousAboutOther = aboutOther;
      const isQuestion =
        /\?\s*$/u.test(sentence) ||
        VERB_FIRST.test(lower.replace(FILLER_START, '').replace(/^(?:og|men|så|ok|ja|nei)[,.]?\s+/u, ''));
      clauses.push({
        segmentId: segment.id,
        segmentIndex,
        speaker: segment.speaker,
        original: sentence,
        text: lower,
        isQuestion,
        isConditional: CONDITIONAL.test(lower) || CONDITIONAL_START.test(lower),
        isHistory: HISTORY.test(lower),
        aboutOther,
        negatedQuestion: isQuestion && NEGATION_IN_QUESTION.test(lower),
      });
    }
  });
  linkAnswers(clauses, segments.length, preparedTexts, transcript);
  return clauses;
}

function linkAnswers(
  clauses: Clause[],
  segmentCount: number,
  preparedTexts: string[],
  transcript: Transcript,
): void {
  for (const clause of clauses) {
    if (!clause.isQuestion || clause.speaker !== 'lege') continue;
    // the reply: the next non-empty turn by someone other than the doctor, before the doctor speaks again
    for (let index = clause.segmentIndex + 1; index < segmentCount; index += 1) {
      const segment = transcript.segments[index];
      if (!segment) break;
      if (segment.speaker === 'lege') break;
      const prepared = (preparedTexts[index] ?? '').trim();
      if (!/[\p{L}\p{N}]/u.test(prepared)) continue;
      const firstSentence = splitIntoSentences(prepared)[0] ?? prepared;
      // a relative's reply about themselves does not answer for the patient
      if (segment.speaker === 'pårørende' && isAboutOther(firstSentence.toLowerCase(), segment.speaker))
        break;
      const polarity = answerPolarity(firstSentence);
      if (polarity) clause.answer = polarity;
      clause.answerText = prepared.toLowerCase();
      clause.answerSegmentId = segment.id;
      for (const reply of clauses) {
        if (reply.segmentIndex === index) reply.inReplyTo = clause.text;
      }
      break;
    }
  }
}

/** Clauses made from extracted facts about the patient (diagnoses, allergies), to add to the transcript's. */
export function clausesFromFacts(facts: readonly Fact[], kinds: ReadonlySet<Fact['kind']>): Clause[] {
  const clauses: Clause[] = [];
  for (const fact of facts) {
    if (fact.subject !== 'patient' || !kinds.has(fact.kind) || fact.polarity === 'uncertain') continue;
    const text = prepareSpokenText(`${fact.polarity === 'negative' ? 'ikke ' : ''}${fact.text}`);
    clauses.push({
      segmentId: fact.evidence[0] ?? 'fact',
      segmentIndex: Number.MAX_SAFE_INTEGER,
      speaker: 'lege',
      original: text,
      text: text.toLowerCase(),
      isQuestion: false,
      isConditional: false,
      isHistory: false,
      aboutOther: false,
      negatedQuestion: false,
      fromFact: true,
    });
  }
  return clauses;
}

const NEGATORS = /(?<![\p{L}])(?:ikke|ingen|ingenting|uten|aldri|verken|intet|negativ)(?![\p{L}])/iu;
const NOT_A_NEGATION = /(?<![\p{L}])(?:ikke bare|ikke så lenge|uten at jeg har prøvd|ikke sant)(?![\p{L}])/iu;

/**
 * True when the words at `index` in `text` are negated: a negator earlier in the same comma-delimited
 * chunk (within six words), or "… har jeg ikke" right after.
 */
export function isNegatedAt(text: string, index: number, length = 0): boolean {
  const before = text.slice(0, index);
  const boundary = Math.max(
    before.lastIndexOf(','),
    before.lastIndexOf(';'),
    before.lastIndexOf(':'),
    before.search(/ men [^ ]*$/u),
    before.lastIndexOf(' men '),
  );
  const chunk = before.slice(boundary + 1);
  const words = chunk.trim().split(/\s+/u);
  const window = words.slice(-5).join(' ');
  const negator = NEGATORS.exec(window);
  if (negator && !NOT_A_NEGATION.test(window)) {
    const beforeNegator = window.slice(0, negator.index);
    const between = window.slice(negator.index + negator[0].length);
    // "antibiotika hjelper ikke på denne typen hoste": the negation is the verb's, not the symptom's
    const verbNegation = /(?:hjelper|hjelpe|virker|virke|smitter|gjør|gjorde|passer|hjalp)\s*$/u.test(
      beforeNegator,
    );
    const objectOfPhrase =
      /(?<![\p{L}])(?:på|mot|for|til|av) (?:denne|dette|den|det|slik|sånn)(?![\p{L}])/u.test(between);
    if (!verbNegation && !objectOfPhrase) return true;
  }
  const after = text.slice(index + length, index + length + 40);
  return /^[\p{L}-]*\s+(?:har|hadde|er|var|ser|kjenner|fant|hører)\s+(?:jeg|hun|han|vi|du|det)\s+ikke(?![\p{L}])/iu.test(
    after,
  );
}

/** For a doctor's question with a reply: true when the reply says the thing asked about is present. */
export function answerMeansPresent(clause: Clause): boolean {
  if (clause.answer === 'contradict') return true;
  if (clause.negatedQuestion) return false;
  return clause.answer === 'yes';
}

/** A match of a pattern in a clause with its polarity: asserted, denied, or unknown (question without reply). */
export interface Mention {
  clause: Clause;
  polarity: 'positive' | 'negative';
  match: RegExpExecArray;
  /** Segment ids: the clause's, and the reply's for a question. */
  evidence: string[];
}

/** Options for `findMentions`. */
export interface FindMentionsOptions {
  /** Speakers to read; all by default. */
  speakers?: readonly SpeakerRole[];
  /** Read the doctor's questions through the reply ("Feber?" – "Nei."); true by default. */
  useAnswers?: boolean;
  /** Keep conditional sentences (safety-net advice); false by default. */
  includeConditional?: boolean;
}

/**
 * Mentions of `pattern` about the patient: relatives' and third persons' sentences, conditionals and
 * the patient's own questions are left out; the doctor's questions count through the reply.
 */
export function findMentions(
  clauses: readonly Clause[],
  pattern: RegExp,
  options: FindMentionsOptions = {},
): Mention[] {
  const mentions: Mention[] = [];
  const global = new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
  );
  for (const clause of clauses) {
    if (clause.aboutOther) continue;
    if (clause.isConditional && !options.includeConditional) continue;
    if (options.speakers && !options.speakers.includes(clause.speaker)) continue;
    global.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = global.exec(clause.text)) !== null) {
      if (match[0].length === 0) {
        global.lastIndex += 1;
        continue;
      }
      if (clause.isQuestion) {
        if (clause.speaker !== 'lege' || options.useAnswers === false || !clause.answer) continue;
        const polarity = answerMeansPresent(clause) ? 'positive' : 'negative';
        const evidence = [clause.segmentId, ...(clause.answerSegmentId ? [clause.answerSegmentId] : [])];
        mentions.push({ clause, polarity, match, evidence });
        continue;
      }
      const polarity = isNegatedAt(clause.text, match.index, match[0].length) ? 'negative' : 'positive';
      mentions.push({ clause, polarity, match, evidence: [clause.segmentId] });
    }
  }
  return mentions;
}
