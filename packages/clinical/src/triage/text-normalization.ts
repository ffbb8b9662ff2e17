import type { Language } from '@kollega/domain';

/**
 * One word or number of a patient message after normalisation.
 * - `raw`/`start`/`end` point into the original message (an expanded contraction such as "can't"
 *   gives several tokens that share one span).
 * - `norm` is the comparable form: lower case, dialect mapped to Bokmål, diacritics folded (ø→o, æ→ae, å→a).
 *   Inability negations ("klarer ikke", "får ikke", "can't") become the token `_unable_`.
 * - `sentence`/`clause` count sentence and clause boundaries; negation never crosses a clause.
 * - `value`/`pair` hold a number ("38,9" → 38.9) or a slash pair ("164/98").
 */
export interface MessageToken {
  index: number;
  raw: string;
  start: number;
  end: number;
  norm: string;
  /** Lower case and dialect-mapped but not folded: short pattern words compare against it ("øm" ≠ "om"). */
  lower: string;
  sentence: number;
  clause: number;
  value?: number;
  pair?: readonly [number, number];
  /** True when the raw text was in parentheses directly: "(64)". */
  parenthesised?: boolean;
}

/** A normalised message: its tokens and the language the patient wrote in. */
export interface NormalizedMessage {
  text: string;
  tokens: MessageToken[];
  language: Language;
}

/** The token that stands for an inability negation ("klarer ikke", "får ikke", "can't"). */
export const UNABLE_TOKEN = '_unable_';

/** Folds a string for comparison: lower case, ø→o, æ→ae, å→a, other diacritics removed. */
export function foldText(value: string): string {
  return value
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/**
 * Dialect, nynorsk and common misspellings mapped to Bokmål (keys and values in lower case, before folding).
 * Basis: general knowledge of Norwegian dialects [GK]; only words that matter for triage are listed.
 */
const DIALECT_WORDS: Readonly<Record<string, string>> = {
  // pronouns and the copula
  æ: 'jeg',
  eg: 'jeg',
  ej: 'jeg',
  je: 'jeg',
  e: 'er',
  ho: 'hun',
  hu: 'hun',
  dokker: 'dere',
  dokk: 'dere',
  døkk: 'dere',
  mæ: 'meg',
  mej: 'meg',
  dæ: 'deg',
  // negation and misspelt negation
  ikkje: 'ikke',
  ikkj: 'ikke',
  itj: 'ikke',
  ittj: 'ikke',
  ike: 'ikke',
  ikek: 'ikke',
  ikkke: 'ikke',
  ikk: 'ikke',
  innj: 'ikke',
  inte: 'ikke',
  nie: 'ikke',
  inga: 'ingen',
  ingi: 'ingen',
  inkje: 'ingen',
  // question words and adverbs
  ka: 'hva',
  kva: 'hva',
  kor: 'hvor',
  korleis: 'hvordan',
  sia: 'siden',
  sidan: 'siden',
  sidn: 'siden',
  sjøl: 'selv',
  mykje: 'mye',
  mykkje: 'mye',
  møkje: 'mye',
  berre: 'bare',
  bære: 'bare',
  heile: 'hele',
  veit: 'vet',
  nokon: 'noen',
  nokre: 'noen',
  noko: 'noe',
  nåkka: 'noe',
  nokka: 'noe',
  nåkå: 'noe',
  frå: 'fra',
  hjå: 'hos',
  ein: 'en',
  eit: 'et',
  meir: 'mer',
  betre: 'bedre',
  verre: 'verre',
  // time words
  veke: 'uke',
  veka: 'uka',
  veker: 'uker',
  vekor: 'uker',
  månad: 'måned',
  månader: 'måneder',
  dagar: 'dager',
  timar: 'timer',
  // body parts
  auga: 'øye',
  auge: 'øye',
  augo: 'øyne',
  augan: 'øynene',
  hovud: 'hode',
  hovudet: 'hodet',
  hau: 'hode',
  haue: 'hodet',
  huet: 'hodet',
  hue: 'hodet',
  høyr: 'høyre',
  høgre: 'høyre',
  vinstre: 'venstre',
  brøst: 'bryst',
  brøstet: 'brystet',
  brøste: 'brystet',
  bryste: 'brystet',
  magan: 'magen',
  arma: 'armen',
  handa: 'hånda',
  hjarte: 'hjerte',
  hjartet: 'hjertet',
  nakkjen: 'nakken',
  // verbs and adjectives
  vont: 'vondt',
  vånt: 'vondt',
  vondte: 'vondt',
  ondt: 'vondt',
  pusta: 'puste',
  klarar: 'klarer',
  greiar: 'greier',
  snakka: 'snakke',
  snakkar: 'snakker',
  prata: 'prate',
  pratar: 'prater',
  lyfte: 'løfte',
  løfta: 'løfte',
  fekk: 'fikk',
  kjem: 'kommer',
  sjuk: 'syk',
  sjukt: 'sykt',
  kaldsveitt: 'kaldsvett',
  sveitt: 'svett',
  svimmal: 'svimmel',
  tongpust: 'tungpust',
  tungpusta: 'tungpust',
  andpusta: 'andpusten',
  utydeleg: 'utydelig',
  vanskeleg: 'vanskelig',
};

/** Words that mean something else in Norwegian and English; mapped only when the message is Norwegian. */
const NORWEGIAN_ONLY_WORDS: Readonly<Record<string, string>> = {
  // nynorsk/dialect "no" = "nå" (now); in English it is a negation
  no: 'nå',
  me: 'vi',
};

const ENGLISH_CONTRACTIONS: Readonly<Record<string, readonly string[]>> = {
  "can't": ['can', 'not'],
  cannot: ['can', 'not'],
  "won't": ['will', 'not'],
  "i'm": ['i', 'am'],
  "it's": ['it', 'is'],
  "he's": ['he', 'is'],
  "she's": ['she', 'is'],
  "i've": ['i', 'have'],
  unable: [UNABLE_TOKEN],
};

const ENGLISH_MARKERS = new Set([
  'the',
  'and',
  'is',
  'are',
  'my',
  'he',
  'she',
  'i',
  'have',
  'has',
  'had',
  'can',
  'not',
  'since',
  'with',
  'this',
  'his',
  'her',
  'it',
  'you',
  'your',
  'was',
  'been',
  'hello',
  'of',
  'to',
  'a',
  'an',
  'at',
  'on',
  'would',
  'could',
  'please',
  'thank',
  'thanks',
  'what',
  'be',
  'am',
  'we',
  'our',
  'they',
  'that',
  'feel',
  'doctor',
  'am',
  'from',
  'about',
  'does',
  "don't",
  "can't",
  'get',
  'been',
  'any',
  'just',
]);
const NORWEGIAN_MARKERS = new Set([
  'jeg',
  'og',
  'er',
  'har',
  'ikke',
  'det',
  'en',
  'et',
  'på',
  'med',
  'som',
  'til',
  'av',
  'min',
  'mitt',
  'mine',
  'han',
  'hun',
  'hei',
  'kan',
  'meg',
  'vi',
  'dere',
  'å',
  'æ',
  'eg',
  'ikkje',
  'itj',
  'ein',
  'ei',
  'ho',
  'hu',
  'vår',
  'fra',
  'om',
  'så',
  'men',
  'etter',
  'siden',
  'sia',
  'nå',
  'var',
  'da',
  'når',
  'hva',
  'ka',
  'kva',
  'får',
  'fått',
  'hadde',
  'mvh',
  'takk',
  'også',
  'litt',
  'veldig',
  'trenger',
  'vondt',
  'jeg',
  'dokker',
  'mamma',
  'pappa',
  'hilsen',
  'ikke',
  'skal',
  'må',
  'eller',
  'sønnen',
  'datteren',
  'mannen',
  'kona',
  'vil',
]);

/** Guesses whether a message is English or Norwegian (any written form) by counting function words. */
export function detectLanguage(text: string): Language {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  let english = 0;
  let norwegian = 0;
  for (const word of words) {
    if (ENGLISH_MARKERS.has(word)) english += 1;
    if (NORWEGIAN_MARKERS.has(word)) norwegian += 1;
  }
  return english > norwegian * 1.2 && english >= 2 ? 'en' : 'nb';
}

const NEGATORS = new Set([
  'ikke',
  'ingen',
  'ingenting',
  'intet',
  'aldri',
  'verken',
  'hverken',
  'uten',
  'not',
  'no',
  'never',
  'without',
  'none',
  'nothing',
  'nor',
  'neither',
  'denies',
  'deny',
]);

/** Verbs that turn a following negation into inability: "klarer ikke å puste" means cannot breathe. */
const INABILITY_VERBS = new Set([
  'klarer',
  'klare',
  'klarte',
  'greier',
  'greie',
  'greide',
  'far',
  'fikk',
  'kan',
  'kunne',
  'orker',
  'orke',
  'orket',
  'makter',
  'evner',
  'can',
  'could',
  'able',
]);
/** Participles after a negation that also mean inability: "har ikke klart å …". */
const INABILITY_PARTICIPLES = new Set([
  'klart',
  'greid',
  'greidd',
  'orket',
  'kunnet',
  'maktet',
  'klarer',
  'kan',
  'far',
  'greier',
  'able',
]);
/** Words allowed between an inability verb and its negation ("klarer nesten ikke", "får jeg ikke"). */
const INABILITY_FILLERS = new Set(
  [
    'nesten',
    'helt',
    'lenger',
    'lengre',
    'sa',
    'jo',
    'really',
    'even',
    'still',
    'enna',
    'jeg',
    'han',
    'hun',
    'de',
    'vi',
    'du',
    'man',
    'i',
    'he',
    'she',
    'we',
    'they',
    'barely',
    'hardly',
    'heller',
    'plutselig',
    'brått',
    'sudden',
    'suddenly',
    'ordentlig',
    'skikkelig',
    'properly',
    'lengre',
  ].map(foldText),
);

/** True when a folded token negates what follows. */
export function isNegator(norm: string): boolean {
  return NEGATORS.has(norm);
}

const MONTHS = new Set([
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'okt',
  'nov',
  'des',
]);
const ABBREVIATIONS = new Set([
  'ca',
  'kl',
  'mvh',
  'dvs',
  'osv',
  'nr',
  'ev',
  'evt',
  'tlf',
  'dr',
  'mr',
  'mrs',
  'f',
  'eks',
  'bl',
  'a',
  'st',
  'pga',
  'ift',
  'mht',
  'inkl',
  'vs',
]);
const CLAUSE_CONJUNCTIONS = new Set([
  'men',
  'but',
  'however',
  'although',
  'though',
  'bortsett',
  'except',
  'unntatt',
  'likevel',
  'allikevel',
  'mens',
  'whereas',
]);

const TOKEN_PATTERN =
  /(\d+(?:[.,]\d+)?(?:\s*\/\s*\d+(?:[.,]\d+)?)?)|([\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)|([.!?;:,()\n…]|\s[-–—]\s)/gu;

function parseNumber(raw: string): number {
  return Number(raw.replace(',', '.'));
}

/**
 * Splits a message into normalised tokens with sentence and clause numbers, maps dialect to Bokmål,
 * folds diacritics and marks inability negations. `language` decides words like "no" (English negation,
 * nynorsk "nå").
 */
export function normalizeMessage(text: string, language: Language = detectLanguage(text)): NormalizedMessage {
  const tokens: MessageToken[] = [];
  let sentence = 0;
  let clause = 0;
  let previousWasOpenParenthesis = false;
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    const [, numberText, wordText, punctuation] = match;
    if (punctuation !== undefined) {
      const mark = punctuation.trim();
      const previous = tokens.at(-1);
      previousWasOpenParenthesis = mark === '(';
      if (mark === '.' && previous !== undefined) {
        const previousWord = foldText(previous.raw);
        const nextWord = /^\s*([\p{L}]+)/u.exec(text.slice(end))?.[1]?.toLowerCase() ?? '';
        // "ca." and "kl." are abbreviations; "3. mars" is a date: neither ends the sentence.
        if (ABBREVIATIONS.has(previousWord) && previous.end === start) continue;
        if (previous.value !== undefined && MONTHS.has(nextWord)) continue;
      }
      if (['.', '!', '?', '\n', '…'].includes(mark)) {
        sentence += 1;
        clause += 1;
      } else {
        clause += 1;
      }
      continue;
    }
    const parenthesised = previousWasOpenParenthesis && text[end] === ')';
    previousWasOpenParenthesis = false;
    if (numberText !== undefined) {
      const slash = numberText.split('/');
      const token: MessageToken = {
        index: tokens.length,
        raw,
        start,
        end,
        norm: '#num',
        lower: '#num',
        sentence,
        clause,
        value: parseNumber(slash[0]!.trim()),
      };
      if (slash.length === 2) token.pair = [parseNumber(slash[0]!.trim()), parseNumber(slash[1]!.trim())];
      if (parenthesised) token.parenthesised = true;
      tokens.push(token);
      continue;
    }
    if (wordText === undefined) continue;
    const lower = wordText.toLowerCase().replace(/’/g, "'");
    let parts: readonly string[];
    const contraction = ENGLISH_CONTRACTIONS[lower];
    if (contraction !== undefined) parts = contraction;
    else if (/n't$/.test(lower)) parts = [lower.slice(0, -3), 'not'];
    else {
      const mapped =
        language === 'nb' ? (NORWEGIAN_ONLY_WORDS[lower] ?? DIALECT_WORDS[lower] ?? lower) : lower;
      parts = [mapped];
    }
    for (const part of parts) {
      const norm = part === UNABLE_TOKEN ? part : foldText(part).replace(/'/g, '');
      if (norm === '') continue;
      if (CLAUSE_CONJUNCTIONS.has(norm)) clause += 1;
      const lower = part.normalize('NFC').replace(/'/g, '');
      tokens.push({ index: tokens.length, raw, start, end, norm, lower, sentence, clause });
    }
  }
  markInability(tokens);
  return { text, tokens, language };
}

/** Words that mean "barely" after an inability verb: "klarer knapt å svelge" is "can hardly swallow". */
const BARELY = new Set(['knapt', 'barely', 'hardly', 'neppe']);

/** Turns "klarer (nesten) ikke", "får jeg ikke", "ikke klart", "can not" into `_unable_`; "fri for" into a negation. */
function markInability(tokens: MessageToken[]): void {
  for (const token of tokens) {
    const following = tokens[token.index + 1];
    if (
      (token.norm === 'fri' || token.norm === 'free') &&
      (following?.norm === 'for' || following?.norm === 'of')
    ) {
      token.norm = 'ingen';
      token.lower = 'ingen';
      continue;
    }
    if (BARELY.has(token.norm)) {
      const verb = tokens[token.index - 1];
      if (verb !== undefined && INABILITY_VERBS.has(verb.norm)) {
        token.norm = UNABLE_TOKEN;
        token.lower = UNABLE_TOKEN;
      }
      continue;
    }
    if (!NEGATORS.has(token.norm) || token.norm === 'uten' || token.norm === 'without') continue;
    let cursor = token.index - 1;
    let fillers = 0;
    while (cursor >= 0 && INABILITY_FILLERS.has(tokens[cursor]!.norm) && fillers < 2) {
      cursor -= 1;
      fillers += 1;
    }
    const before = cursor >= 0 ? tokens[cursor] : undefined;
    const after = tokens[token.index + 1];
    const verbBefore =
      before !== undefined && before.clause === token.clause && INABILITY_VERBS.has(before.norm);
    const participleAfter =
      after !== undefined &&
      after.clause === token.clause &&
      (token.norm === 'ikke' || token.norm === 'not') &&
      INABILITY_PARTICIPLES.has(after.norm);
    if (verbBefore || participleAfter) {
      token.norm = UNABLE_TOKEN;
      token.lower = UNABLE_TOKEN;
    }
  }
}
