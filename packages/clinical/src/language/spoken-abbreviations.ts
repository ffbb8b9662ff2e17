import type { Language } from '@kollega/domain';
import { literalTriggers } from './rewrite';

/**
 * Abbreviations as a speech recogniser hears them: spelled with letter names ("ce er pe" → CRP,
 * "e ka ge" → EKG, "em er" → MR) or with a digit said as a word and glued on ("hbaenc" → HbA1c,
 * "btolv" → B12, "tfire" → T4). Patterns are generated from letter names, not listed by hand.
 * Source: Norwegian letter names (Språkrådet, alfabetet); English letter names (Oxford English Dictionary).
 */

const NB_LETTER_NAMES: Record<string, string[]> = {
  a: ['a'],
  b: ['be'],
  c: ['ce', 'se'],
  d: ['de'],
  e: ['e'],
  f: ['eff', 'ef'],
  g: ['ge'],
  h: ['hå', 'ho', 'ha'],
  i: ['i'],
  j: ['je'],
  k: ['kå', 'ka', 'ko'],
  l: ['ell', 'el'],
  m: ['emm', 'em'],
  n: ['enn', 'en'],
  o: ['o'],
  p: ['pe'],
  q: ['ku'],
  r: ['ærr', 'ær', 'er'],
  s: ['ess', 'es'],
  t: ['te'],
  u: ['u'],
  v: ['ve'],
  x: ['eks'],
  y: ['y'],
  z: ['sett'],
  ø: ['ø'],
};

const EN_LETTER_NAMES: Record<string, string[]> = {
  a: ['a', 'ay'],
  b: ['b', 'bee'],
  c: ['c', 'see', 'cee'],
  d: ['d', 'dee'],
  e: ['e'],
  f: ['f', 'ef', 'eff'],
  g: ['g', 'gee'],
  h: ['h', 'aitch'],
  i: ['i', 'eye'],
  j: ['j', 'jay'],
  k: ['k', 'kay'],
  l: ['l', 'el', 'ell'],
  m: ['m', 'em'],
  n: ['n', 'en'],
  o: ['o', 'oh'],
  p: ['p', 'pee'],
  q: ['q', 'cue'],
  r: ['r', 'ar'],
  s: ['s', 'es', 'ess'],
  t: ['t', 'tee'],
  u: ['u', 'you'],
  v: ['v', 'vee'],
  w: ['w'],
  x: ['x', 'ex'],
  y: ['y', 'why'],
  z: ['z', 'zee', 'zed'],
};

const NB_DIGIT_WORDS: Record<string, string[]> = {
  '1': ['en', 'ett', 'én'],
  '2': ['to'],
  '3': ['tre'],
  '4': ['fire'],
  '5': ['fem'],
  '6': ['seks'],
  '7': ['sju', 'syv'],
  '8': ['åtte'],
  '9': ['ni'],
  '12': ['tolv'],
};
const EN_DIGIT_WORDS: Record<string, string[]> = {
  '1': ['one'],
  '2': ['two'],
  '3': ['three'],
  '4': ['four'],
  '5': ['five'],
  '6': ['six'],
  '7': ['seven'],
  '8': ['eight'],
  '9': ['nine'],
  '12': ['twelve'],
};

/** Abbreviations of tests, scores and conditions GPs say aloud; canonical spelling as written in notes. */
export const NB_SPOKEN_ABBREVIATIONS: readonly string[] = [
  'CRP',
  'EKG',
  'MR',
  'CT',
  'BT',
  'TSH',
  'LDL',
  'HDL',
  'ALAT',
  'ASAT',
  'HbA1c',
  'FEV1',
  'B12',
  'T4',
  'INR',
  'eGFR',
  'PHQ-9',
  'UVI',
  'TIA',
  'AF',
  'SpO2',
  'Hb',
  'BMI',
  'NSAID',
  'ASA',
  'TBE',
  'PSA',
  'GT',
  'LPK',
  'TPK',
  'MCV',
  'ØNH',
  'SR',
  'KOLS',
  'ADHD',
  'PCR',
];

/** English abbreviations said aloud in clinics. */
export const EN_SPOKEN_ABBREVIATIONS: readonly string[] = [
  'CRP',
  'EKG',
  'ECG',
  'MRI',
  'CT',
  'TSH',
  'LDL',
  'HDL',
  'HbA1c',
  'A1c',
  'CBC',
  'BMP',
  'CMP',
  'PSA',
  'INR',
  'BMI',
  'COPD',
  'UTI',
  'NSAID',
  'ACL',
  'MCL',
  'ENT',
  'ER',
  'GERD',
  'IBS',
  'TIA',
];

interface Chunk {
  text: string;
  isDigits: boolean;
}

function chunksOf(abbreviation: string): Chunk[] {
  const chunks: Chunk[] = [];
  const re = /(\d+)|([^\d-]+)|-/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(abbreviation)) !== null) {
    if (match[1] !== undefined) chunks.push({ text: match[1], isDigits: true });
    else if (match[2] !== undefined) chunks.push({ text: match[2].toLowerCase(), isDigits: false });
  }
  return chunks;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface AbbreviationPattern {
  pattern: RegExp;
  canonical: string;
  triggers?: readonly string[];
}

function buildPatterns(language: Language): AbbreviationPattern[] {
  const names = language === 'nb' ? NB_LETTER_NAMES : EN_LETTER_NAMES;
  const digitWords = language === 'nb' ? NB_DIGIT_WORDS : EN_DIGIT_WORDS;
  const list = language === 'nb' ? NB_SPOKEN_ABBREVIATIONS : EN_SPOKEN_ABBREVIATIONS;
  const patterns: AbbreviationPattern[] = [];
  for (const canonical of list) {
    const chunks = chunksOf(canonical);
    const digitAlternatives = (digits: string): string =>
      [digits, ...(digitWords[digits] ?? [])].map(escapeRegExp).join('|');
    // (1) letter names, separated by spaces: "ce er pe", "hå be a en ce"
    const spelled: string[] = [];
    let spellable = true;
    for (const chunk of chunks) {
      if (chunk.isDigits) {
        spelled.push(`(?:${digitAlternatives(chunk.text)})`);
        continue;
      }
      for (const letter of chunk.text) {
        const letterNames = names[letter];
        if (!letterNames) {
          spellable = false;
          break;
        }
        spelled.push(`(?:${letterNames.map(escapeRegExp).join('|')})`);
      }
    }
    const alternatives: string[] = [];
    const letterCount = chunks
      .filter((chunk) => !chunk.isDigits)
      .reduce((sum, chunk) => sum + chunk.text.length, 0);
    if (spellable && spelled.length >= 2 && letterCount >= 2) alternatives.push(spelled.join('[ -]'));
    // (2) letters glued with a digit said as a word: "hbaenc", "btolv", "feven", "phq-ni"
    if (chunks.some((chunk) => chunk.isDigits)) {
      alternatives.push(
        chunks
          .map((chunk) =>
            chunk.isDigits ? `(?:${digitAlternatives(chunk.text)})` : escapeRegExp(chunk.text),
          )
          .join('[ -]?'),
      );
    }
    // (3) the abbreviation itself, any case, with optional hyphen before digits ("hba1c", "spo 2")
    alternatives.push(
      chunks
        .map((chunk) => escapeRegExp(chunk.text))
        .join(chunks.some((chunk) => chunk.isDigits) ? '[ -]?' : ''),
    );
    const compiled: AbbreviationPattern = {
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu'),
      canonical,
    };
    const triggers = literalTriggers(alternatives.join('|'));
    if (triggers) compiled.triggers = triggers;
    patterns.push(compiled);
  }
  return patterns;
}

const PATTERN_CACHE = new Map<Language, AbbreviationPattern[]>();

/** Replaces spelled-out or glued abbreviations with their canonical spelling ("ce er pe" → "CRP"). */
export function restoreSpokenAbbreviations(text: string, language: Language): string {
  let patterns = PATTERN_CACHE.get(language);
  if (!patterns) {
    patterns = buildPatterns(language);
    PATTERN_CACHE.set(language, patterns);
  }
  let result = text;
  const lower = text.toLowerCase();
  for (const { pattern, canonical, triggers } of patterns) {
    if (triggers && !triggers.some((trigger) => lower.includes(trigger))) continue;
    pattern.lastIndex = 0;
    result = result.replace(pattern, canonical);
  }
  return result;
}
