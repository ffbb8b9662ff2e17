import type { IdentifierSpan } from './identifier-kinds';

/**
 * Person names: names known from the consultation (the patient, relatives, the doctor) and
 * name-like words after cues — "heter X", "jeg er X", greetings ("Hei, X"), "Det er X?", titles
 * ("Dr. X", "fru X"), relations ("sønnen min X") and "my name is X" / "Hi X" / "Mr. X" in English —
 * plus capitalised -sen/-son surnames in mid-sentence.
 *
 * Source: shared/knowledge/norwegian-domain.md §4.4 "Names" [GK]: a regex cannot find every name;
 * pass the names the consultation knows (`knownNames`) for names said without a cue, and for
 * lower-case speech-to-text output.
 */

/** One capitalised name word, hyphenated first names included (Anne-Marie, Per-Olav). */
const NAME_WORD = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?`;
/** A name of one to three words ("Ingrid", "Ingrid Hansen", "Anne-Marie Berg Olsen"). */
const FULL_NAME = String.raw`${NAME_WORD}(?:[ \u00A0]${NAME_WORD}){0,2}`;

/** Relatives and others a patient names ("sønnen min Ola"). */
const RELATIONS = [
  'sønnen',
  'sønn',
  'datteren',
  'dattera',
  'dotter',
  'kona',
  'mannen',
  'samboeren',
  'kjæresten',
  'broren',
  'bror',
  'søsteren',
  'søstera',
  'søster',
  'moren',
  'mora',
  'mor',
  'faren',
  'far',
  'naboen',
  'venninnen',
  'vennen',
  'barnebarnet',
  'svigersønnen',
  'svigerdatteren',
];

/** An alternation of words that may start with a capital ("[Ss]ønnen|[Kk]ona"). */
function eitherCase(words: readonly string[]): string {
  return words.map((word) => `[${word.charAt(0).toUpperCase()}${word.charAt(0)}]${word.slice(1)}`).join('|');
}

/** Cues followed directly by a name. Each regex ends where the name starts. */
const NAME_CUES = [
  // "Jeg heter Ingrid", "sønnen min heter Ola", nynorsk "eg heiter" (not "en tablett som heter Jardiance").
  String.raw`\b(?:[Jj]eg|[Ee]g|[Dd]u|[Hh]an|[Hh]un|[Hh]o|${eitherCase(RELATIONS)})(?:[ \u00A0]+(?:min|mi|mitt|hans|hennes|vår))?[ \u00A0]+(?:heter|heiter)[ \u00A0]+`,
  // The doctor checking who answers: "Snakker jeg med Sara?", "Er det Kjell Andersen?", "Du er Ola?".
  String.raw`\b(?:[Ss]nakker[ \u00A0]+jeg[ \u00A0]+med|[Ee]r[ \u00A0]+det|[Dd]u[ \u00A0]+er|som[ \u00A0]+er|[Aa]m[ \u00A0]+I[ \u00A0]+speaking[ \u00A0]+(?:to|with))[ \u00A0]+(?=${FULL_NAME}[ \u00A0]*\?)`,
  // "jeg er Ingrid" / "Jeg er Ola sin far".
  String.raw`\b[Jj]eg[ \u00A0]+er[ \u00A0]+`,
  // Greetings: "Hei, Ingrid", "Hallo Per", "God morgen, Kari".
  String.raw`\b(?:[Hh]ei|[Hh]allo|[Hh]eisann|[Gg]od[ \u00A0]+(?:morgen|dag|ettermiddag|kveld)|[Vv]elkommen|[Hh]a[ \u00A0]+det(?:[ \u00A0]+(?:bra|godt))?|[Gg]od[ \u00A0]+bedring|[Hh]i|[Hh]ello|[Gg]ood[ \u00A0]+(?:morning|afternoon))[ \u00A0]*,?[ \u00A0]+`,
  // Titles: "Dr. Hansen", "doktor Berg", "fru Olsen", "sykepleier Kari".
  String.raw`\b(?:[Dd]r\.?|[Dd]oktor|[Ff]astlege|[Ff]ru|[Hh]err|[Ff]røken|[Ss]ykepleier|[Jj]ordmor|[Mm]r\.?|[Mm]rs\.?|[Mm]s\.?|[Mm]iss)[ \u00A0]+`,
  // Relations: "sønnen min Ola", "kona mi, Kari", "naboen Per".
  String.raw`\b(?:${eitherCase(RELATIONS)}|[Mm]y[ \u00A0]+(?:son|daughter|wife|husband|mother|father|brother|sister))(?:[ \u00A0]+(?:min|mi|mitt|hans|hennes|vår))?[ \u00A0]*,?[ \u00A0]+`,
  // "jeg og Espen", "meg og Kari".
  String.raw`\b(?:[Jj]eg|[Mm]eg)[ \u00A0]+og[ \u00A0]+`,
  // "navnet mitt er …", "my name is …".
  String.raw`\b(?:navnet[ \u00A0]+(?:mitt|hans|hennes)[ \u00A0]+er|[Mm]y[ \u00A0]+name[ \u00A0]+is|[Tt]his[ \u00A0]+is)[ \u00A0]*:?[ \u00A0]+`,
];

const CUED_NAME = new RegExp(String.raw`(?:${NAME_CUES.join('|')})(${FULL_NAME})`, 'gu');
/** "Det er Ingrid?" — the doctor checking who came in. */
const QUESTION_NAME = new RegExp(String.raw`\b[Dd]et[ \u00A0]+er[ \u00A0]+(${FULL_NAME})[ \u00A0]*\?`, 'gu');
/** "Espen og jeg". */
const NAME_AND_ME = new RegExp(
  String.raw`(?<![\p{L}])(${FULL_NAME})[ \u00A0]+og[ \u00A0]+(?:jeg|meg)(?![\p{L}])`,
  'gu',
);
/** A capitalised -sen/-son surname in mid-sentence (after a lower-case word or a comma). */
const SURNAME_IN_SENTENCE = /(?<=[\p{Ll},][ \u00A0]+)\p{Lu}\p{Ll}{2,}(?:sen|son)(?![\p{L}])/gu;

/**
 * Capitalised words that follow a cue without being a name ("Hei, Kom inn", "Jeg er Glad"), and
 * common words that are also names ("per dag", "Dag"): the latter are matched only when capitalised.
 */
const NOT_NAMES = new Set([
  'jeg',
  'du',
  'det',
  'den',
  'dette',
  'de',
  'dere',
  'vi',
  'han',
  'hun',
  'kom',
  'velkommen',
  'ja',
  'nei',
  'og',
  'men',
  'hei',
  'hallo',
  'takk',
  'god',
  'bare',
  'så',
  'ok',
  'okei',
  'er',
  'da',
  'nå',
  'her',
  'der',
  'hva',
  'hvordan',
  'hvem',
  'hvor',
  'sett',
  'sitt',
  'vær',
  'fint',
  'flott',
  'bra',
  'doktor',
  'lege',
  'alle',
  'hvis',
  'jo',
  'mm',
  'eh',
  'ehm',
  'altså',
  'unnskyld',
  'beklager',
  'igjen',
  'også',
  'litt',
  'veldig',
  'helt',
  'ikke',
  'glad',
  'lei',
  'redd',
  'sliten',
  'trøtt',
  'syk',
  'fra',
  'til',
  'med',
  'i',
  'you',
  'the',
  'and',
  'yes',
  'no',
  'okay',
  'thank',
  'thanks',
  'come',
  'please',
  'doctor',
  'good',
  'how',
  'what',
  'so',
  'well',
  'we',
  'it',
  'there',
  'here',
  'sorry',
  'mor',
  'far',
  'mamma',
  'pappa',
  'bestemor',
  'bestefar',
  'norsk',
  'norge',
  'pasient',
  'pasienten',
]);

/** Names that are also common lower-case words; matched only in their capitalised form. */
const NAMES_THAT_ARE_WORDS = new Set([
  'dag',
  'per',
  'liv',
  'mai',
  'vår',
  'sol',
  'stein',
  'berg',
  'lie',
  'lund',
  'dal',
  'eng',
  'ask',
  'eik',
  'lyng',
  'bakke',
  'bakken',
  'hage',
  'hagen',
  'haug',
  'vik',
  'strand',
  'skog',
  'fjell',
  'rose',
  'tone',
  'else',
  'frank',
  'will',
  'bill',
  'mark',
  'rob',
  'grace',
  'hope',
  'may',
  'april',
  'june',
  'august',
  'storm',
  'bjørn',
  'ulv',
  'ørn',
  'tor',
  'rune',
  'kristen',
  'frost',
  'snø',
  'elv',
  'by',
]);

/** Splits a full name into the words worth matching on their own (two letters or more). */
function nameParts(name: string): string[] {
  return name
    .split(/[\s\u00A0]+/)
    .map((part) => part.trim())
    .filter((part) => [...part].length >= 2);
}

/** Collects names said after a cue in the texts (full names and their parts). */
export function findNames(texts: readonly string[]): string[] {
  const found = new Set<string>();
  const add = (name: string): void => {
    const words = name.split(/[ \u00A0]+/);
    // Drop trailing words that are not names ("Det er Ingrid Jeg" is not a surname).
    while (words.length > 0 && NOT_NAMES.has((words.at(-1) ?? '').toLowerCase())) words.pop();
    if (words.length === 0 || NOT_NAMES.has((words[0] ?? '').toLowerCase())) return;
    found.add(words.join(' '));
  };
  for (const text of texts) {
    for (const match of text.matchAll(CUED_NAME)) if (match[1]) add(match[1]);
    for (const match of text.matchAll(QUESTION_NAME)) if (match[1]) add(match[1]);
    for (const match of text.matchAll(NAME_AND_ME)) if (match[1]) add(match[1]);
    for (const match of text.matchAll(SURNAME_IN_SENTENCE)) add(match[0]);
  }
  return [...found];
}

function escapeForRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Finds every occurrence of the given names (full names first, then each part). Matching ignores
 * case, so lower-case speech-to-text output is covered, except for names that are also common words
 * ("Per" never masks "per dag"). A possessive "-s" stays outside the span.
 */
export function detectNames(text: string, names: readonly string[]): IdentifierSpan[] {
  const variants = new Set<string>();
  for (const name of names) {
    const trimmed = name.trim().replace(/[\s\u00A0]+/g, ' ');
    if ([...trimmed].length >= 2) variants.add(trimmed);
    for (const part of nameParts(trimmed)) variants.add(part);
  }
  const ordered = [...variants].sort((left, right) => right.length - left.length);
  const spans: IdentifierSpan[] = [];
  for (const variant of ordered) {
    const isWord = NAMES_THAT_ARE_WORDS.has(variant.toLowerCase()) || NOT_NAMES.has(variant.toLowerCase());
    const flags = isWord ? 'gu' : 'giu';
    const pattern = escapeForRegex(variant).replace(/ /g, String.raw`[\s\u00A0]+`);
    const regex = new RegExp(String.raw`(?<![\p{L}\p{N}])${pattern}(?=s?(?![\p{L}\p{N}]))`, flags);
    for (const match of text.matchAll(regex)) {
      // A word-name in capitals at the start of a sentence may still be the word ("Per dag tar jeg …").
      spans.push({ kind: 'name', start: match.index, end: match.index + match[0].length });
    }
  }
  return spans;
}
