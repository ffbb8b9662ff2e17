import drugData from '../../data/no-drugs.json';
import { COMMON_WORDS } from './common-words';

/**
 * Drug names from FEST (Forskrivnings- og ekspedisjonsstøtte, format M30 / FEST 2.5.1, extract of December 2025).
 * Inneholder data under Norsk lisens for offentlige data (NLOD) tilgjengeliggjort av
 * Direktoratet for medisinske produkter (FEST). See packages/clinical/data/no-drugs.README.md.
 *
 * Matching: exact on a spelling-normalised key (c/k/s, ph/f, th/t, x/ks, qu/kv, double letters), then
 * one edit away (a deletion index, as in SymSpell), and split forms joined ("fenoksy metyl penicillin").
 */

/**
 * Words FEST lists as a trade name or substance that in a consultation almost always mean something else:
 * lab analytes and nutrients ("kalium 4,1", "vitamin D"), gases and everyday English words.
 */
const NOT_DRUG_WORDS: ReadonlySet<string> = new Set([
  'kalium',
  'natrium',
  'kalsium',
  'magnesium',
  'jern',
  'albumin',
  'glukose',
  'oksygen',
  'vitamin',
  'vitaminer',
  'potassium',
  'sodium',
  'calcium',
  'glucose',
  'oxygen',
  'vitamins',
  'thyroid',
  'lift',
  'caffeine',
  'koffein',
  'iron',
  'zinc',
  'sink',
  'protein',
  'center',
  'options',
  'option',
]);

interface DrugRecord {
  substance: string;
  atc: string;
  groupLabel?: boolean;
  aliases?: string[];
  brands: string[];
  genericProducts: string[];
}

/** One medicine as the note should name it. */
export interface DrugEntry {
  /** Name written in notes: the substance in lower case, or a brand for combination products. */
  name: string;
  /** FEST substance (ATC display name). */
  substance: string;
  atc: string;
}

/** A drug named in a text, with the character span that named it. */
export interface DrugMention {
  start: number;
  end: number;
  /** The words as spoken. */
  spoken: string;
  /** The brand when a trade name was said ("Paracet"); undefined for a substance. */
  brand?: string;
  drug: DrugEntry;
  /** True when the match needed the one-edit fuzzy step. */
  fuzzy: boolean;
}

interface IndexedName {
  display: string;
  isBrand: boolean;
  drug: DrugEntry;
}

/** Spelling-normalised key: Norwegian and English spellings of one name meet ("Elikvis" ~ "Eliquis"). */
export function normalizeDrugKey(name: string): string {
  const memo = KEY_MEMO.get(name);
  if (memo !== undefined) return memo;
  const key = computeDrugKey(name);
  // a word-level dictionary memo (the same words recur in every consultation)
  if (KEY_MEMO.size > 50000) KEY_MEMO.clear();
  KEY_MEMO.set(name, key);
  return key;
}

const KEY_MEMO = new Map<string, string>();

function computeDrugKey(name: string): string {
  let key = name.toLowerCase().normalize('NFC');
  key = key.replace(/[^a-zæøå0-9]/g, '');
  key = key
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/qu/g, 'kv')
    .replace(/q/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/z/g, 's')
    .replace(/w/g, 'v')
    .replace(/ck/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/ae/g, 'e')
    .replace(/(.)\1+/g, '$1');
  return key;
}

function titleCase(value: string): string {
  return value.length === 0 ? value : value.charAt(0).toUpperCase() + value.slice(1);
}

const COMBINATION = /kombinasjon|,| og | med /i;

function entryOf(record: DrugRecord): DrugEntry {
  const alias = record.aliases?.find((candidate) => !candidate.includes(' ')) ?? record.aliases?.[0];
  const base = alias ?? record.substance;
  return { name: base.toLowerCase(), substance: record.substance, atc: record.atc };
}

interface DrugIndex {
  /** First four letters of every indexed key: a cheap screen before joining split words. */
  prefixes: Set<string>;
  exact: Map<string, IndexedName>;
  deletions: Map<string, string[]>;
  /** multi-word names by their first word key */
  phrases: Map<string, Array<{ words: string[]; name: IndexedName }>>;
  /** first-word keys of names with two or three words glued as spoken ("fenoksymetylpenicillin") */
  maxWords: number;
}

function addDeletions(deletions: Map<string, string[]>, key: string): void {
  for (let position = 0; position < key.length; position += 1) {
    const deleted = key.slice(0, position) + key.slice(position + 1);
    const list = deletions.get(deleted);
    if (list) {
      if (!list.includes(key)) list.push(key);
    } else {
      deletions.set(deleted, [key]);
    }
  }
}

function buildIndex(): DrugIndex {
  const exact = new Map<string, IndexedName>();
  const deletions = new Map<string, string[]>();
  const phrases = new Map<string, Array<{ words: string[]; name: IndexedName }>>();
  const records = drugData as unknown as DrugRecord[];
  const add = (spelling: string, name: IndexedName): void => {
    const words = spelling.trim().split(/\s+/);
    if (words.length > 1) {
      const firstKey = normalizeDrugKey(words[0] ?? '');
      const list = phrases.get(firstKey) ?? [];
      list.push({ words: words.map(normalizeDrugKey), name });
      phrases.set(firstKey, list);
      return;
    }
    const key = normalizeDrugKey(spelling);
    if (key.length < 4) return;
    if (COMMON_WORDS.has(spelling.toLowerCase()) || NOT_DRUG_WORDS.has(spelling.toLowerCase())) return;
    const existing = exact.get(key);
    // a substance name wins over a brand of the same spelling
    if (existing && (!existing.isBrand || name.isBrand)) return;
    exact.set(key, name);
    // only substance names are matched one edit away: trade names are too close to everyday words
    if (key.length >= 7 && !name.isBrand) addDeletions(deletions, key);
  };
  for (const record of records) {
    if (record.groupLabel) continue;
    const drug = entryOf(record);
    const isCombination = COMBINATION.test(record.substance);
    if (!isCombination) {
      add(record.substance, { display: drug.name, isBrand: false, drug });
      for (const alias of record.aliases ?? [])
        add(alias, { display: alias.toLowerCase(), isBrand: false, drug });
    }
    const namedDrug: DrugEntry = isCombination ? { ...drug, name: '' } : drug;
    for (const brand of record.brands) {
      const brandDrug = isCombination ? { ...namedDrug, name: brand } : namedDrug;
      add(brand, { display: brand, isBrand: true, drug: brandDrug });
      const firstWord = brand.split(/\s+/)[0] ?? '';
      if (brand.includes(' ') && firstWord.length >= 5 && !/\d/.test(firstWord)) {
        add(firstWord, {
          display: titleCase(firstWord),
          isBrand: true,
          drug: isCombination ? { ...drug, name: titleCase(firstWord) } : drug,
        });
      }
    }
    for (const product of record.genericProducts) {
      const firstWord = product.split(/\s+/)[0] ?? '';
      if (firstWord.length >= 5 && !isCombination)
        add(firstWord, { display: drug.name, isBrand: false, drug });
    }
  }
  const prefixes = new Set([...exact.keys()].map((key) => key.slice(0, 4)));
  return { prefixes, exact, deletions, phrases, maxWords: 3 };
}

let cachedIndex: DrugIndex | undefined;
function drugIndex(): DrugIndex {
  cachedIndex ??= buildIndex();
  return cachedIndex;
}

const LOOKUP_MEMO = new Map<string, { name: IndexedName; fuzzy: boolean } | null>();

function lookupKey(key: string, allowFuzzy: boolean): { name: IndexedName; fuzzy: boolean } | undefined {
  const memoKey = `${allowFuzzy ? 'f' : 'e'}|${key}`;
  const memo = LOOKUP_MEMO.get(memoKey);
  if (memo !== undefined) return memo ?? undefined;
  const found = searchKey(key, allowFuzzy);
  // a dictionary memo per spelling: the lexicon does not change while the process runs
  if (LOOKUP_MEMO.size > 50000) LOOKUP_MEMO.clear();
  LOOKUP_MEMO.set(memoKey, found ?? null);
  return found;
}

function searchKey(key: string, allowFuzzy: boolean): { name: IndexedName; fuzzy: boolean } | undefined {
  const index = drugIndex();
  const direct = index.exact.get(key);
  if (direct) return { name: direct, fuzzy: false };
  if (!allowFuzzy || key.length < 7) return undefined;
  // a Norwegian definite or plural ending, or an English final e: "Ventolinen", "prednisone"
  for (const ending of ['en', 'et', 'n', 'a', 'er', 'e']) {
    if (key.endsWith(ending) && key.length - ending.length >= 5) {
      const stem = index.exact.get(key.slice(0, -ending.length));
      if (stem && (ending !== 'e' || !stem.isBrand)) return { name: stem, fuzzy: true };
    }
  }
  const candidates = new Set<string>();
  // query is a deletion of a name, a name is a deletion of the query, or both lose one letter
  for (const candidate of index.deletions.get(key) ?? []) candidates.add(candidate);
  for (let position = 0; position < key.length; position += 1) {
    const deleted = key.slice(0, position) + key.slice(position + 1);
    if (deleted.length >= 7 && index.exact.get(deleted)?.isBrand === false) candidates.add(deleted);
    for (const candidate of index.deletions.get(deleted) ?? []) candidates.add(candidate);
  }
  let best: IndexedName | undefined;
  for (const candidate of candidates) {
    if (candidate.slice(0, 2) !== key.slice(0, 2) || candidate.slice(-2) !== key.slice(-2)) continue;
    const name = index.exact.get(candidate);
    if (!name) continue;
    if (!best || (!name.isBrand && best.isBrand)) best = name;
  }
  return best ? { name: best, fuzzy: true } : undefined;
}

interface WordSpan {
  word: string;
  start: number;
  end: number;
}

function wordsOf(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}-]*/gu;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) {
    spans.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

function mentionOf(
  text: string,
  first: WordSpan,
  last: WordSpan,
  name: IndexedName,
  fuzzy: boolean,
): DrugMention {
  const mention: DrugMention = {
    start: first.start,
    end: last.end,
    spoken: text.slice(first.start, last.end),
    drug: name.drug,
    fuzzy,
  };
  if (name.isBrand) mention.brand = name.display;
  return mention;
}

/**
 * Finds drug names in a text: substances, aliases and trade names, misspelled by one edit or
 * split into two or three words by speech recognition. Common words never match.
 */
export function findDrugMentions(text: string): DrugMention[] {
  const cached = mentionCache.get(text);
  if (cached) return cached;
  const found = scanDrugMentions(text);
  // a bounded memo: the same sentence is asked about several times while a note is drafted
  if (mentionCache.size > 4000) mentionCache.clear();
  mentionCache.set(text, found);
  return found;
}

const mentionCache = new Map<string, DrugMention[]>();

/** Forgets remembered sentences (called at the start of each note so timings are honest). */
export function clearDrugMentionMemo(): void {
  mentionCache.clear();
}

/** Dosage forms that Norwegian compounds onto a drug name. */
const FORM_SUFFIX =
  /(?:krem|kremen|salve|salven|tablett|tabletter|tablettene|tabletten|mikstur|miksturen|spray|sprayen|dråper|dråpene|gel|gelen|plaster|sirup|stikkpille|stikkpiller|kur|kuren|sprøyte|sprøyter|inhalator)$/u;

function scanDrugMentions(text: string): DrugMention[] {
  const index = drugIndex();
  const words = wordsOf(text);
  const mentions: DrugMention[] = [];
  let position = 0;
  while (position < words.length) {
    const current = words[position];
    if (!current) break;
    const lower = current.word.toLowerCase();
    const key = normalizeDrugKey(current.word);
    // multi-word trade names ("Movicol Junior")
    const phraseList = index.phrases.get(key);
    let matched = false;
    if (phraseList) {
      for (const phrase of phraseList) {
        const span = words.slice(position, position + phrase.words.length);
        if (
          span.length === phrase.words.length &&
          span.every((word, offset) => normalizeDrugKey(word.word) === phrase.words[offset])
        ) {
          const last = span[span.length - 1] ?? current;
          mentions.push(mentionOf(text, current, last, phrase.name, false));
          position += phrase.words.length;
          matched = true;
          break;
        }
      }
    }
    if (matched) continue;
    // split forms: "fenoksy metyl penicillin", "para cetamol", "i bux"
    for (let size = index.maxWords; size >= 2 && !matched; size -= 1) {
      const span = words.slice(position, position + size);
      if (span.length < size) continue;
      if (span.some((word) => /\d/.test(word.word))) continue;
      // screen on the words' own keys before normalising the joined spelling
      if (
        !index.prefixes.has(
          span
            .map((word) => normalizeDrugKey(word.word))
            .join('')
            .slice(0, 4),
        )
      )
        continue;
      const joined = normalizeDrugKey(span.map((word) => word.word).join(''));
      if (joined.length < 6) continue;
      const allCommon = span.every((word) => COMMON_WORDS.has(word.word.toLowerCase()));
      if (allCommon) continue;
      const found = lookupKey(joined, false);
      if (found) {
        const last = span[span.length - 1] ?? current;
        mentions.push(mentionOf(text, current, last, found.name, false));
        position += size;
        matched = true;
      }
    }
    if (matched) continue;
    if (!COMMON_WORDS.has(lower) && !NOT_DRUG_WORDS.has(lower) && !/^\d/.test(lower)) {
      let found = lookupKey(key, lower.length >= 7);
      // a drug name compounded with its form: "hydrogenperoksidkrem", "penicillintabletter"
      if (!found) {
        const form = FORM_SUFFIX.exec(lower);
        if (form && lower.length - form[0].length >= 5)
          found = lookupKey(normalizeDrugKey(lower.slice(0, -form[0].length)), false);
      }
      if (found) {
        mentions.push(mentionOf(text, current, current, found.name, found.fuzzy));
      }
    }
    position += 1;
  }
  return mentions;
}

/** The note's name for a mention: substance name, or the brand for combination products. */
export function noteNameOf(mention: DrugMention): string {
  return mention.drug.name === '' ? (mention.brand ?? mention.spoken) : mention.drug.name;
}
