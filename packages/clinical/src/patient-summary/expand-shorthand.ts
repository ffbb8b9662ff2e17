import type { Language } from '@kollega/domain';

/**
 * Turns GP shorthand into words a patient understands: "660 mg x 4 i 5 d" → "660 mg fire ganger om dagen i fem
 * dager", "TH ua. bilat." → "trommehinne uten funn på begge sider". Source of the abbreviations: the typical
 * Norwegian GP abbreviations in Kollega's domain knowledge (norwegian-domain.md §1.2, [GK]; no official national
 * list exists). Ambiguous forms are expanded only in the context that settles them ("v. kne" → venstre, but
 * "v/behov" → ved behov).
 */

const NB_NUMBER_WORDS = [
  'null',
  'én',
  'to',
  'tre',
  'fire',
  'fem',
  'seks',
  'sju',
  'åtte',
  'ni',
  'ti',
  'elleve',
  'tolv',
];
const EN_NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** A small whole number as a word ("fem", "five"); other numbers stay digits. */
export function numberAsWord(value: string, language: Language): string {
  if (!/^\d+$/.test(value)) return value;
  const number = Number(value);
  const words = language === 'nb' ? NB_NUMBER_WORDS : EN_NUMBER_WORDS;
  return words[number] ?? value;
}

/** A regular expression for `body` as a whole word (Unicode-aware, unlike `\b`). */
function word(body: string, flags = 'giu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, flags);
}

type Replacement = string | ((match: string, ...groups: string[]) => string);
type Rule = readonly [RegExp, Replacement];

function timesPerDayNb(count: string): string {
  return count === '1' ? 'én gang om dagen' : `${numberAsWord(count, 'nb')} ganger om dagen`;
}

function timesPerDayEn(count: string): string {
  if (count === '1') return 'once a day';
  if (count === '2') return 'twice a day';
  return `${numberAsWord(count, 'en')} times a day`;
}

function unitNb(count: string, singular: string, plural: string): string {
  return `${numberAsWord(count, 'nb')} ${count === '1' ? singular : plural}`;
}

function unitEn(count: string, singular: string, plural: string): string {
  return `${numberAsWord(count, 'en')} ${count === '1' ? singular : plural}`;
}

const DAILY_SUFFIX_NB = '(?:\\s+(?:daglig|dgl\\.?|om dagen|per døgn|pr\\.? døgn|i døgnet))?';
const DAILY_SUFFIX_EN = '(?:\\s+(?:daily|a day|per day))?';

/** Norwegian rules, applied in order (dosing first, then sides, then examination shorthand). */
const NB_RULES: readonly Rule[] = [
  // Dosing frequency: "x 4", "x4", "1 x daglig", "inntil x 3".
  [
    new RegExp(`(?<![\\p{L}])x\\s?(\\d{1,2})(?!\\d)${DAILY_SUFFIX_NB}`, 'giu'),
    (_match, count = '') => timesPerDayNb(count),
  ],
  [
    new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})\\s?x\\s+(?:daglig|dgl\\.?|om dagen)`, 'giu'),
    (_match, count = '') => timesPerDayNb(count),
  ],
  [word('v\\/behov|v\\. ?behov|b\\.v\\.|p\\.n\\.'), 'ved behov'],
  [word('dgl\\.?'), 'daglig'],
  // Durations: "i 5 d", "3 d", "2-3 d", "3 mnd", "1 uke".
  [
    /(?<![\p{L}\p{N},])(\d{1,2})\s?[-–]\s?(\d{1,2})\s?d(?:øgn)?(?![\p{L}\p{N}])/giu,
    (_match, from = '', to = '') => `${from}–${to} dager`,
  ],
  [
    /(?<![\p{L}\p{N},])(\d{1,3})\s?d(?![\p{L}\p{N}])/giu,
    (_match, count = '') => unitNb(count, 'dag', 'dager'),
  ],
  [
    /(?<![\p{L}\p{N},])(\d{1,3})\s?t(?![\p{L}\p{N}])/gu,
    (_match, count = '') => unitNb(count, 'time', 'timer'),
  ],
  [
    /(?<![\p{L}\p{N},])(\d{1,2})\s?mnd(?![\p{L}])/giu,
    (_match, count = '') => unitNb(count, 'måned', 'måneder'),
  ],
  [
    /(?<![\p{L}\p{N},–-])(\d{1,2})\s(uke|uker|måned|måneder|døgn|dag|dager|år|ganger|gang)(?![\p{L}])/giu,
    (_match, count = '', unit = '') => `${numberAsWord(count, 'nb')} ${unit}`,
  ],
  [/\/døgn/giu, ' per døgn'],
  [/\/min(?![\p{L}])/giu, ' per minutt'],
  // Sides.
  [word('bilat\\.?|bilateralt'), 'på begge sider'],
  [/(?<![\p{L}\p{N}])(?:h|hø|dx)\.(?=\s*(?:[\p{L}]))/giu, 'høyre'],
  [/(?<![\p{L}\p{N}])(?:v|ve)\.(?=\s*(?:[\p{L}]))/giu, 'venstre'],
  // Examination and results.
  [word('u\\.a\\.|ua\\.?'), 'uten funn'],
  [word('us\\.|us(?=:)'), 'undersøkelse'],
  [word('pos\\.'), 'positiv'],
  [word('neg\\.'), 'negativ'],
  [word('TH', 'gu'), 'trommehinne'],
  [word('BT', 'gu'), 'blodtrykk'],
  [/(?<![\p{L}\p{N}])T(?=\s?\d)/gu, 'temperatur'],
  [word('temp\\.?(?=\\s?\\d)'), 'temperatur'],
  [word('RF', 'gu'), 'pustefrekvens'],
  [word('SpO2|SaO2'), 'oksygenmetning'],
  [word('AT', 'gu'), 'allmenntilstand'],
  [word('Hb', 'gu'), 'hemoglobin'],
  [/(?<![\p{L}\p{N}])K(?=\s?\d)/gu, 'kalium'],
  [/(?<![\p{L}\p{N}])Na(?=\s?\d)/gu, 'natrium'],
  [word('pulm\\.?'), 'lungene'],
  [word('cor'), 'hjertet'],
  [word('abd\\.|abdomen'), 'magen'],
  [word('u-stix'), 'urinstix'],
  [word('rtg\\.?'), 'røntgen'],
  [word('UL', 'gu'), 'ultralyd'],
  [word('ØNH', 'gu'), 'øre-nese-hals'],
  [word('MTP', 'gu'), 'med tanke på'],
  [word('DD|ddx'), 'andre mulige årsaker'],
  // Plan.
  [/(?<![\p{L}\p{N}])henv\.(?=\s+(?:[\p{L}]+\s+){0,2}(?:til|om|for|sendt|er)(?![\p{L}]))/giu, 'henvisning'],
  [/(?<![\p{L}\p{N}])henv\.\s*/giu, 'henvisning til '],
  [word('ktr\\.|kontr\\.'), 'kontroll'],
  [word('SM', 'gu'), 'sykmelding'],
  [word('innl\\.'), 'innleggelse'],
  [word('pol\\.'), 'poliklinikk'],
  [word('tbl\\.|tabl\\.'), 'tablett'],
  [word('mikst\\.'), 'mikstur'],
  [word('p\\.o\\.'), 'gjennom munnen'],
  [word('i\\.v\\.'), 'i blodåre'],
  [word('i\\.m\\.'), 'i en muskel'],
  [word('s\\.c\\.'), 'under huden'],
  [word('inj\\.'), 'sprøyte'],
  [word('st\\.p\\.'), 'etter'],
  [word('tidl\\.'), 'tidligere'],
  [word('evt\\.|ev\\.'), 'eventuelt'],
  [word('ift\\.'), 'i forhold til'],
  [word('pga\\.'), 'på grunn av'],
  [word('mht\\.'), 'med hensyn til'],
  [word('ca\\.'), 'omtrent'],
  [word('kl\\.'), 'klokken'],
  [word('pr\\.'), 'per'],
  [word('obs\\.?(?=\\s+\\p{L})'), 'mulig'],
  [word('mnd'), 'måneder'],
];

/** English rules. */
const EN_RULES: readonly Rule[] = [
  [
    new RegExp(`(?<![\\p{L}])x\\s?(\\d{1,2})(?!\\d)${DAILY_SUFFIX_EN}`, 'giu'),
    (_match, count = '') => timesPerDayEn(count),
  ],
  [word('b\\.?i\\.?d\\.?'), 'twice a day'],
  [word('t\\.?i\\.?d\\.?'), 'three times a day'],
  [word('q\\.?i\\.?d\\.?'), 'four times a day'],
  [word('q\\.?d\\.?|o\\.?d\\.?(?=\\s|$)'), 'once a day'],
  [word('q\\.?h\\.?s\\.?'), 'at bedtime'],
  [word('p\\.?r\\.?n\\.?'), 'as needed'],
  [word('p\\.o\\.|po(?=\\s)'), 'by mouth'],
  [
    /(?<![\p{L}\p{N},.])(\d{1,2})\s?[-–]\s?(\d{1,2})\s?d(?![\p{L}\p{N}])/giu,
    (_match, from = '', to = '') => `${from}–${to} days`,
  ],
  [
    /(?<![\p{L}\p{N},.])(\d{1,3})\s?d(?![\p{L}\p{N}])/giu,
    (_match, count = '') => unitEn(count, 'day', 'days'),
  ],
  [
    /(?<![\p{L}\p{N},.])(\d{1,2})\s?wks?(?![\p{L}])/giu,
    (_match, count = '') => unitEn(count, 'week', 'weeks'),
  ],
  [
    /(?<![\p{L}\p{N},.])(\d{1,2})\s?(?:mo|mos|mths?)(?![\p{L}])/giu,
    (_match, count = '') => unitEn(count, 'month', 'months'),
  ],
  [word('bilat\\.?'), 'on both sides'],
  [
    /(?<![\p{L}\p{N}])(L|R)(?=\s+(?:knee|ear|side|leg|arm|hip|shoulder|foot|hand|eye|lung|ankle|wrist|elbow|breast|kidney)\b)/gu,
    (match) => (match === 'L' ? 'left' : 'right'),
  ],
  [word('NAD|WNL', 'gu'), 'normal'],
  [word('BP', 'gu'), 'blood pressure'],
  [word('HR', 'gu'), 'heart rate'],
  [word('RR', 'gu'), 'breathing rate'],
  [/(?<![\p{L}\p{N}])T(?=\s?\d)/gu, 'temperature'],
  [word('SpO2|SaO2|O2 sat', 'gu'), 'oxygen level'],
  [word('SOB', 'gu'), 'shortness of breath'],
  [word('abd\\.?'), 'abdomen'],
  [word('f\\/u'), 'follow-up'],
  [word('w\\/'), 'with'],
  [word('c\\/o'), 'complains of'],
  [word('hx'), 'history'],
  [word('dx'), 'diagnosis'],
  [word('rx'), 'prescription'],
  [word('pt'), 'patient'],
  [word('approx\\.|ca\\.'), 'about'],
];

/** Expands the GP shorthand of one sentence; the result may start in lower case (see `capitalizeSentences`). */
export function expandShorthand(text: string, language: Language): string {
  const rules = language === 'nb' ? NB_RULES : EN_RULES;
  let result = text;
  for (const [pattern, replacement] of rules) {
    result =
      typeof replacement === 'string'
        ? result.replace(pattern, replacement)
        : result.replace(pattern, (match: string, ...rest: unknown[]) => {
            // `rest` is the capture groups, then the offset (a number) and the whole input.
            const offsetIndex = rest.findIndex((value) => typeof value === 'number');
            const groups = rest
              .slice(0, offsetIndex)
              .map((group) => (typeof group === 'string' ? group : ''));
            return replacement(match, ...groups);
          });
  }
  return result
    .replace(/\s+([,.:;!?])/g, '$1')
    .replace(/([,;])(?=\p{L})/gu, '$1 ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
