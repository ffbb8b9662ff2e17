/**
 * Drug names for the verifier: substances, aliases and trade names from the bundled FEST extract
 * (packages/clinical/data/no-drugs.json, DMP FEST 2.5.1, December 2025, NLOD) plus common English and US
 * names (general knowledge) mapped to the same substance. Names are compared after a spelling fold
 * (c/k, x/ks, ph/f, qu/kv, y/i), so "amoxicillin" = "amoksicillin" and a recogniser's "Elikvis" = "Eliquis".
 */
import drugData from '../../data/no-drugs.json';
import type { VerifierLexicon } from './lexicon-types';
import { editDistance, foldSpelling, globalWordRegExp, wordRegExp } from './text-tools';

interface DrugRecord {
  substance: string;
  groupLabel?: boolean;
  aliases?: string[];
  brands: string[];
  genericProducts: string[];
}

/** A drug named in a text. `key` is the folded substance name, shared by all names of one substance. */
export interface DrugMention {
  key: string;
  /** The words as written. */
  text: string;
  start: number;
  end: number;
  /** True when the mention is a drug class ("NSAID", "antibiotika"), not a substance. */
  isClass: boolean;
  /** For a class: a pattern of its members. */
  members?: RegExp;
}

/** English and US names not in the Norwegian list, or spelled differently, with the Norwegian substance. */
const ENGLISH_NAMES: Readonly<Record<string, string>> = {
  acetaminophen: 'paracetamol',
  tylenol: 'paracetamol',
  paracetamol: 'paracetamol',
  advil: 'ibuprofen',
  motrin: 'ibuprofen',
  aleve: 'naproksen',
  naprosyn: 'naproksen',
  aspirin: 'acetylsalisylsyre',
  albyl: 'acetylsalisylsyre',
  asa: 'acetylsalisylsyre',
  albuterol: 'salbutamol',
  proair: 'salbutamol',
  lasix: 'furosemid',
  ultram: 'tramadol',
  norco: 'hydrokodon',
  vicodin: 'hydrokodon',
  hydrocodone: 'hydrokodon',
  percocet: 'oksykodon',
  oxycontin: 'oksykodon',
  oxycodone: 'oksykodon',
  dilaudid: 'hydromorfon',
  prednisone: 'prednison',
  medrol: 'metylprednisolon',
  methylprednisolone: 'metylprednisolon',
  flexeril: 'cyklobenzaprin',
  cyclobenzaprine: 'cyklobenzaprin',
  robaxin: 'metokarbamol',
  methocarbamol: 'metokarbamol',
  tizanidine: 'tizanidin',
  zanaflex: 'tizanidin',
  mobic: 'meloksikam',
  meloxicam: 'meloksikam',
  celebrex: 'celekoksib',
  neurontin: 'gabapentin',
  lyrica: 'pregabalin',
  keflex: 'cefaleksin',
  cephalexin: 'cefaleksin',
  cipro: 'ciprofloksacin',
  levaquin: 'levofloksacin',
  zithromax: 'azitromycin',
  'z-pack': 'azitromycin',
  zpack: 'azitromycin',
  bactrim: 'sulfametoksazol',
  macrobid: 'nitrofurantoin',
  augmentin: 'amoksicillin',
  flagyl: 'metronidazol',
  diflucan: 'flukonazol',
  valtrex: 'valaciklovir',
  tamiflu: 'oseltamivir',
  prilosec: 'omeprazol',
  protonix: 'pantoprazol',
  pepcid: 'famotidin',
  famotidine: 'famotidin',
  zofran: 'ondansetron',
  singulair: 'montelukast',
  flonase: 'flutikason',
  zyrtec: 'cetirizin',
  claritin: 'loratadin',
  allegra: 'feksofenadin',
  benadryl: 'difenhydramin',
  sudafed: 'pseudoefedrin',
  mucinex: 'guaifenesin',
  robitussin: 'guaifenesin',
  imitrex: 'sumatriptan',
  topamax: 'topiramat',
  plavix: 'klopidogrel',
  coumadin: 'warfarin',
  lovenox: 'enoksaparin',
  humalog: 'insulin',
  lantus: 'insulin',
  novolog: 'insulin',
  januvia: 'sitagliptin',
  glucophage: 'metformin',
  glipizide: 'glipizid',
  actos: 'pioglitazon',
  proscar: 'finasterid',
  flomax: 'tamsulosin',
  viagra: 'sildenafil',
  cialis: 'tadalafil',
  adderall: 'amfetamin',
  vyvanse: 'lisdeksamfetamin',
  ritalin: 'metylfenidat',
  concerta: 'metylfenidat',
  suboxone: 'buprenorfin',
  narcan: 'nalokson',
  synthroid: 'levotyroksin',
  levothyroxine: 'levotyroksin',
  levaxin: 'levotyroksin',
  lipitor: 'atorvastatin',
  zocor: 'simvastatin',
  crestor: 'rosuvastatin',
  norvasc: 'amlodipin',
  zestril: 'lisinopril',
  prinivil: 'lisinopril',
  toprol: 'metoprolol',
  lopressor: 'metoprolol',
  coreg: 'karvedilol',
  zoloft: 'sertralin',
  lexapro: 'escitalopram',
  prozac: 'fluoksetin',
  wellbutrin: 'bupropion',
  xanax: 'alprazolam',
  ativan: 'lorazepam',
  ambien: 'zolpidem',
  trazodone: 'trazodon',
  desyrel: 'trazodon',
  farxiga: 'dapagliflozin',
  trulicity: 'dulaglutid',
  hctz: 'hydroklortiazid',
  microzide: 'hydroklortiazid',
  aldactone: 'spironolakton',
  voltaren: 'diklofenak',
  penicillin: 'penicillin',
  insulin: 'insulin',
  metformin: 'metformin',
  nitroglycerin: 'glyseroltrinitrat',
  nitro: 'glyseroltrinitrat',
  epipen: 'adrenalin',
  epinephrine: 'adrenalin',
  miralax: 'makrogol',
  colace: 'dokusat',
  senna: 'sennaglykosider',
  dulcolax: 'bisakodyl',
  imodium: 'loperamid',
  'pepto-bismol': 'vismut',
  tums: 'kalsiumkarbonat',
  cortisone: 'kortison',
  hydrocortisone: 'hydrokortison',
  kenalog: 'triamcinolon',
  triamcinolone: 'triamcinolon',
  depomedrol: 'metylprednisolon',
  toradol: 'ketorolak',
  ketorolac: 'ketorolak',
  phenergan: 'prometazin',
  compazine: 'proklorperazin',
  lisinopril: 'lisinopril',
  losartan: 'losartan',
  cozaar: 'losartan',
  jardiance: 'empagliflozin',
  ozempic: 'semaglutid',
  wegovy: 'semaglutid',
  mounjaro: 'tirzepatid',
  eliquis: 'apixaban',
  xarelto: 'rivaroksaban',
  pradaxa: 'dabigatran',
  ibux: 'ibuprofen',
  paracet: 'paracetamol',
  pinex: 'paracetamol',
  panodil: 'paracetamol',
  selexid: 'pivmecillinam',
  ventoline: 'salbutamol',
  ventolin: 'salbutamol',
  movicol: 'makrogol',
  fucidin: 'fusidinsyre',
  bepanthen: 'dekspantenol',
  spiolto: 'tiotropium',
  imovane: 'zopiklon',
  marevan: 'warfarin',
  globoid: 'acetylsalisylsyre',
  dispril: 'acetylsalisylsyre',
  imacillin: 'amoksicillin',
  diclocil: 'dikloksacillin',
  tradolan: 'tramadol',
  naproxen: 'naproksen',
  paralgin: 'kodein',
  pivmesillinam: 'pivmecillinam',
};

interface DrugIndex {
  /** Folded name → folded substance key. */
  byName: Map<string, string>;
  /** Substance names and aliases (not trade names) grouped by their first two letters, for fuzzy look-ups. */
  byPrefix: Map<string, string[]>;
}

let cachedIndex: DrugIndex | undefined;

/** Spelling fold for drug names; an English final -e is dropped ("amlodipine" = "amlodipin"). */
export function foldDrugName(name: string): string {
  const folded = foldSpelling(name);
  return folded.length >= 6 ? folded.replace(/([^aeiouæøå])e$/, '$1') : folded;
}

const COMMON_WORD_GUARD = new Set(
  [
    'vital',
    'lift',
    'flux',
    'gem',
    'skid',
    'nix',
    'yana',
    'klyx',
    'busp',
    'jext',
    'diza',
    'evra',
    'tavu',
    'orap',
    'ofev',
    'normal',
    'plaster',
    'kalk',
    'melk',
    'juice',
    'kaffe',
    'vann',
    'honning',
    'salt',
    'sukker',
    'krem',
    'spray',
    'salve',
    'mikstur',
    'tablett',
    'tabletter',
    'dråper',
    'pulver',
    'saft',
    'oksygen',
    'jern',
    'kalsium',
    'magnesium',
    'bronkitt',
    'vitamin',
    'glukose',
    'natrium',
    'kalium',
    'klorid',
    'mono',
    'duo',
    'plus',
    'forte',
    'mite',
    'retard',
    'depot',
    'junior',
    'kids',
    'baby',
    'mini',
    'ultra',
    'complete',
    'comfort',
    'care',
    'active',
    'sensitive',
    'vega',
    'sana',
    'tena',
    'nova',
    'cura',
    'vita',
    'stella',
    'medi',
    'kombi',
    'combi',
    'ringer',
    'water',
    'sterile',
    'easyhaler',
    'turbuhaler',
    'diskus',
    'autohaler',
    'zapp',
    'lipid',
    'total',
    'basis',
    'pro',
    'line',
    'light',
    'free',
    'fri',
    'natt',
    'moderate',
    'dag',
    'akutt',
    'ekstra',
    'start',
    'stopp',
    'balance',
    'control',
    'protect',
    'relief',
    'rapid',
    'quick',
    'zero',
    'dose',
    'doser',
    'lege',
    'legen',
    'pasient',
    'feber',
    'hoste',
    'sinus',
    'nasal',
    'oral',
    'kutan',
    'liniment',
    'moderat',
    'allergi',
    'influensa',
    'vaksine',
    'forkjølelse',
    'migrene',
    'astma',
    'hodepine',
    'kvalme',
    'eksem',
    'sentral',
  ].map(foldDrugName),
);

function addName(index: DrugIndex, name: string, key: string): boolean {
  const folded = foldDrugName(name);
  if (folded.length < 4 || COMMON_WORD_GUARD.has(folded) || index.byName.has(folded)) return false;
  index.byName.set(folded, key);
  return true;
}

function addFuzzyCandidate(index: DrugIndex, name: string): void {
  const folded = foldDrugName(name);
  const prefix = folded.slice(0, 2);
  const list = index.byPrefix.get(prefix);
  if (list) list.push(folded);
  else index.byPrefix.set(prefix, [folded]);
}

function buildIndex(): DrugIndex {
  const index: DrugIndex = { byName: new Map(), byPrefix: new Map() };
  const records = (drugData as DrugRecord[]).filter((record) => record.groupLabel !== true);
  // Pass 1: substance names and aliases (and the English supplement), which own their names.
  for (const [name, substance] of Object.entries(ENGLISH_NAMES)) {
    if (addName(index, name, foldDrugName(substance))) addFuzzyCandidate(index, name);
  }
  const keys = new Map<DrugRecord, string>();
  for (const record of records) {
    const substanceName = record.substance.toLowerCase();
    const simple = /^[\p{L}-]+$/u.test(substanceName) ? substanceName : undefined;
    const key = foldDrugName(record.aliases?.[0] ?? simple ?? substanceName);
    keys.set(record, key);
    if (simple && addName(index, simple, key)) addFuzzyCandidate(index, simple);
    for (const alias of record.aliases ?? []) if (addName(index, alias, key)) addFuzzyCandidate(index, alias);
    // Salts and esters drop in speech ("levotyroksinnatrium" → "levotyroksin").
    const stripped = simple?.replace(
      /(natrium|kalium|kalsium|hydroklorid|bromid|medoksomil|acetat|maleat|mesilat|tartrat|succinat|fumarat)$/,
      '',
    );
    if (stripped && stripped !== simple && stripped.length >= 5) addName(index, stripped, key);
  }
  // Pass 2: trade names (the first word), only where the word is not already a substance name.
  for (const record of records) {
    const key = keys.get(record);
    if (!key) continue;
    for (const product of record.brands) {
      const first = product.split(/[\s/]/)[0] ?? '';
      if (first.length >= 4 && /^[\p{L}-]+$/u.test(first)) addName(index, first, key);
    }
    // A generic product is named "<the substance as said> <maker>" ("Alendronat Bluefish" for alendronsyre): its
    // first word is how clinicians say the substance. One-word substances only, so a combination's product never
    // names one of its parts, and a form word ("Flytende parafin") never becomes a drug.
    if (!/^[\p{L}-]+$/u.test(record.substance)) continue;
    for (const product of record.genericProducts) {
      const first = product.split(/[\s/]/)[0]?.toLowerCase() ?? '';
      if (first.length >= 5 && /^[\p{L}-]+$/u.test(first)) addName(index, first, key);
    }
  }
  return index;
}

function drugIndex(): DrugIndex {
  cachedIndex ??= buildIndex();
  return cachedIndex;
}

const WORD_PATTERN = /[\p{L}][\p{L}\p{N}]*(?:-[\p{L}]+)*/gu;

/** Endings a drug name takes in speech: a dosage form or a definite article ("terbinafinkrem", "Furosemiden"). */
const FORM_ENDINGS =
  /(?:kremen|krem|salven|salve|gelen|gel|tablettene|tabletten|tabletter|tablett|miksturen|mikstur|sprayen|spray|dråpene|dråper|kuren|kur|plaster|sirup|pulver|ene|en|et|a|s)$/;

function keyWithoutForm(index: DrugIndex, folded: string): string | undefined {
  const match = FORM_ENDINGS.exec(folded);
  if (!match) return undefined;
  const stem = folded.slice(0, folded.length - match[0].length);
  if (stem.length < 5) return undefined;
  return index.byName.get(stem) ?? index.byName.get(`${stem}e`.replace(/([^aeiouæøå])e$/, '$1'));
}

/** The drug key of one word, if it names a drug ("Paracet" → paracetamol). */
export function drugKeyOfWord(word: string): string | undefined {
  const index = drugIndex();
  const folded = foldDrugName(word);
  if (folded.length < 4 || COMMON_WORD_GUARD.has(folded)) return undefined;
  return index.byName.get(folded) ?? keyWithoutForm(index, folded);
}

/** A near-miss of a substance name (speech recognition spelling), edit distance 1 (2 for long names). */
function fuzzyKey(index: DrugIndex, folded: string): string | undefined {
  if (folded.length < 8) return undefined;
  const limit = folded.length >= 13 ? 2 : 1;
  const candidates = index.byPrefix.get(folded.slice(0, 2)) ?? [];
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    if (Math.abs(name.length - folded.length) > limit || name.length < 8) continue;
    const distance = editDistance(folded, name, limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  return best ? index.byName.get(best.name) : undefined;
}

interface CompiledClasses {
  stopwords: ReadonlySet<string>;
  classes: ReadonlyArray<{ key: string; names: RegExp; members: RegExp }>;
}

const compiledByLexicon = new WeakMap<VerifierLexicon, CompiledClasses>();

function compileLexicon(lexicon: VerifierLexicon): CompiledClasses {
  let compiled = compiledByLexicon.get(lexicon);
  if (!compiled) {
    compiled = {
      stopwords: new Set([...lexicon.drugStopwords, ...lexicon.stopwords].map(foldDrugName)),
      classes: lexicon.drugClasses.map((drugClass) => ({
        key: `class:${foldDrugName(drugClass.names.split('|')[0] ?? drugClass.names)}`,
        names: globalWordRegExp(drugClass.names),
        members: wordRegExp(`[a-zæøå-]*(?:${drugClass.members})[a-zæøå-]*`),
      })),
    };
    compiledByLexicon.set(lexicon, compiled);
  }
  return compiled;
}

/** True when two drug keys name the same drug ("penicillin" covers "fenoksymetylpenicillin"). */
export function drugKeysMatch(left: string, right: string): boolean {
  if (left === right) return true;
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  return shorter.length >= 7 && !shorter.startsWith('class:') && longer.endsWith(shorter);
}

/** Two words, a single letter and a non-stopword of three letters or more ("i bux"): a name split after its initial. */
function splitInitial(group: ReadonlyArray<{ folded: string }>, stopwords: ReadonlySet<string>): boolean {
  const [initial, rest] = group;
  return (
    group.length === 2 &&
    initial?.folded.length === 1 &&
    rest !== undefined &&
    rest.folded.length >= 3 &&
    !stopwords.has(rest.folded)
  );
}

/**
 * Finds drug names and drug classes in a text. Words are joined two or three at a time so that names a speech
 * recogniser split ("fenoksy metyl penicillin") are found; near-misses of long names count (edit distance 1–2).
 */
export function findDrugMentions(text: string, lexicon: VerifierLexicon): DrugMention[] {
  const index = drugIndex();
  const { stopwords, classes } = compileLexicon(lexicon);
  const words = [...text.matchAll(WORD_PATTERN)].map((match) => ({
    text: match[0],
    folded: foldDrugName(match[0]),
    start: match.index,
    end: match.index + match[0].length,
  }));
  const mentions: DrugMention[] = [];
  let position = 0;
  while (position < words.length) {
    let found: DrugMention | undefined;
    for (let size = Math.min(3, words.length - position); size >= 1 && !found; size -= 1) {
      const group = words.slice(position, position + size);
      const joined = group.map((word) => word.folded).join('');
      if (size === 1 && (stopwords.has(joined) || joined.length < 4)) continue;
      if (
        size > 1 &&
        (joined.length < 9 || group.some((word) => word.folded.length < 3 || stopwords.has(word.folded)))
      ) {
        // A recogniser splits a short trade name after its first letter ("i bux" for "Ibux"): one letter and a
        // word that is no word of the text's language joined make an exact name of four letters or more.
        if (!splitInitial(group, stopwords)) continue;
      }
      let key = index.byName.get(joined);
      if (!key && size === 1) key = keyWithoutForm(index, joined);
      if (!key && size === 1) key = fuzzyKey(index, joined);
      const first = group[0];
      const last = group[group.length - 1];
      if (key && first && last) {
        found = {
          key,
          text: text.slice(first.start, last.end),
          start: first.start,
          end: last.end,
          isClass: false,
        };
        position += size;
      }
    }
    if (found) mentions.push(found);
    else position += 1;
  }
  for (const drugClass of classes) {
    for (const match of text.matchAll(drugClass.names)) {
      const overlapping = mentions.some(
        (mention) => mention.start < match.index + match[0].length && match.index < mention.end,
      );
      if (overlapping) continue;
      mentions.push({
        key: drugClass.key,
        text: match[0],
        start: match.index,
        end: match.index + match[0].length,
        isClass: true,
        members: drugClass.members,
      });
    }
  }
  return mentions.sort((left, right) => left.start - right.start);
}
