import { splitSentences } from '../language/text';

/**
 * Norwegian-aware terms for record search: lower case, æ/ø/å kept, numbers with their decimal comma or
 * slash kept whole ("6,5", "138/84"), a light suffix stemmer (after the Lucene NorwegianLightStemmer idea:
 * strip the common inflection endings, keep at least three letters), and a short list of clinical synonyms
 * that map lay and professional words to one term ("langtidsblodsukker" → hba1c).
 */

const TOKEN = /\p{N}+(?:[.,/]\p{N}+)+|[\p{L}\p{N}]+/gu;

/** Function words and question words that carry no content in a search. */
const STOPWORDS: ReadonlySet<string> = new Set([
  'og',
  'i',
  'på',
  'av',
  'til',
  'for',
  'med',
  'er',
  'var',
  'som',
  'det',
  'den',
  'de',
  'en',
  'et',
  'ei',
  'har',
  'hadde',
  'ble',
  'blir',
  'bli',
  'å',
  'at',
  'om',
  'fra',
  'ved',
  'etter',
  'før',
  'eller',
  'men',
  'så',
  'seg',
  'sin',
  'sitt',
  'sine',
  'hans',
  'hennes',
  'han',
  'hun',
  'hen',
  'jeg',
  'du',
  'vi',
  'dere',
  'man',
  'noe',
  'noen',
  'ikke',
  'hva',
  'når',
  'hvor',
  'hvilke',
  'hvilken',
  'hvilket',
  'hvem',
  'hvordan',
  'hvorfor',
  'kan',
  'skal',
  'vil',
  'må',
  'denne',
  'dette',
  'disse',
  'der',
  'her',
  'da',
  'nå',
  'også',
  'bare',
  'enn',
  'mot',
  'under',
  'over',
  'hos',
  'per',
  'the',
  'a',
  'an',
  'of',
  'and',
  'or',
  'is',
  'was',
  'were',
  'what',
  'when',
  'which',
  'in',
  'on',
  'to',
]);

/**
 * Words that frame a question rather than name its subject ("Når ble X sist målt, og hva var verdien?"):
 * left out of the query so the subject decides which passages match.
 */
const QUESTION_FRAME_WORDS: ReadonlySet<string> = new Set([
  'sist',
  'siste',
  'sista',
  'først',
  'første',
  'nyeste',
  'seneste',
  'senest',
  'tidligere',
  'forrige',
  'nåværende',
  'målt',
  'måling',
  'målingen',
  'målinger',
  'verdi',
  'verdien',
  'verdiene',
  'nivå',
  'nivået',
  'resultat',
  'resultatet',
  'svar',
  'svaret',
  'dato',
  'datoen',
  'pasient',
  'pasienten',
  'pasientens',
  'hennes',
  'gang',
  'gangen',
  'fortsatt',
  'dag',
  'journal',
  'journalen',
  'står',
  'stod',
  'bruker',
  'brukte',
  'bruke',
  'fikk',
  'får',
  'gitt',
  'tatt',
  'tas',
  'hvor',
  'mye',
  'høy',
  'høyt',
  'lav',
  'lavt',
  'dose',
  'dosen',
  'dosering',
  'doseringen',
  'når',
  'vise',
  'viser',
  'viste',
  'vist',
  'year',
  'last',
  'latest',
  'first',
  'value',
  'measured',
]);

/** Clinical synonyms: every word (or stem) on the right is searched as the term on the left. */
const SYNONYM_GROUPS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['hba1c', ['hba1c', 'langtidsblodsukker', 'langtidssukker', 'a1c']],
  ['bt', ['bt', 'blodtrykk', 'blodtrykket']],
  ['hb', ['hb', 'hemoglobin', 'blodprosent']],
  ['egfr', ['egfr', 'gfr']],
  ['ldl', ['ldl', 'ldlkolesterol']],
  ['allergi', ['allergi', 'allergisk', 'allergier', 'overfølsom', 'overfølsomhet', 'cave', 'intoleranse']],
  [
    'start',
    ['start', 'oppstart', 'startet', 'startes', 'påbegynt', 'igangsatt', 'begynt', 'begynte', 'innsatt'],
  ],
  [
    'seponer',
    ['seponer', 'seponert', 'seponeres', 'seponering', 'stopp', 'stoppet', 'avslutt', 'avsluttet', 'sepon'],
  ],
  ['røntgen', ['røntgen', 'rtg', 'røntgenbilde']],
  ['henvis', ['henvis', 'henvist', 'henvisning', 'henvises', 'henvisninger']],
  ['vekt', ['vekt', 'veier', 'veide', 'kroppsvekt']],
  ['utskriv', ['utskrivning', 'utskriving', 'utskrevet', 'utskrives', 'utreise', 'utskriv']],
];

const SYNONYMS: ReadonlyMap<string, string> = new Map(
  SYNONYM_GROUPS.flatMap(([term, words]) => words.map((word) => [word, term] as const)),
);

/** Inflection endings, longest first; a stem keeps at least three letters. */
const SUFFIXES = [
  'hetene',
  'eringen',
  'eringer',
  'elsene',
  'hetens',
  'heten',
  'heter',
  'elsen',
  'ering',
  'ingen',
  'inger',
  'ende',
  'eres',
  'ene',
  'ane',
  'ing',
  'ert',
  'ers',
  'ets',
  'ens',
  'er',
  'en',
  'et',
  'ar',
  'as',
  'es',
  'a',
  'e',
] as const;

/** The stem of one lower-case word; numbers and short words are left as they are. */
export function stemNorwegianWord(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
  }
  return word;
}

/** One word as a search term: synonym of the word, else of its stem, else the stem. */
export function toSearchTerm(word: string): string {
  const lower = word.toLowerCase();
  const direct = SYNONYMS.get(lower);
  if (direct !== undefined) return direct;
  const stem = stemNorwegianWord(lower);
  return SYNONYMS.get(stem) ?? stem;
}

/** The lower-case words of a text (æøå kept, numbers whole). */
export function splitWords(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().match(TOKEN) ?? []).filter((word) => word.length > 0);
}

/** The search terms of a text (stopwords out, stemmed, synonyms merged), in order, repeats kept. */
export function tokenizeNorwegian(text: string): string[] {
  return splitWords(text)
    .filter((word) => !STOPWORDS.has(word))
    .map(toSearchTerm);
}

/** The content terms of a question: as `tokenizeNorwegian`, without the words that only frame it. */
export function questionTerms(question: string): string[] {
  const terms = splitWords(question)
    .filter((word) => !STOPWORDS.has(word) && !QUESTION_FRAME_WORDS.has(word))
    .map(toSearchTerm);
  return [...new Set(terms)];
}

/** The sentences of a passage: each line, split further at sentence ends. */
export function splitRecordSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => splitSentences(line))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}
