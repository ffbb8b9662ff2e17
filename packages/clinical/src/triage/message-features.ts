import type { MessageToken, NormalizedMessage } from './text-normalization';
import type { CompiledTokenPattern } from './fuzzy-match';
import { compileTokenPattern, matchTokenPattern } from './fuzzy-match';
import { foldText } from './text-normalization';

/** A place in the message (token indices, inclusive) where a concept or feature was found. */
export interface ConceptHit {
  start: number;
  end: number;
  negated: boolean;
}

/**
 * Feature ids computed from numbers and ages rather than words. Thresholds are general clinical knowledge
 * [GK] unless a rule that uses them says otherwise (NIMN 20 gives BT > 220/125).
 */
export const FEATURE_IDS = [
  'fever_measured_feature', // temperature ≥ 38.0 °C
  'fever_high_feature', // temperature ≥ 39.5 °C
  'bp_normal_feature', // a blood pressure below 140/90
  'bp_elevated_feature', // ≥ 140/90
  'bp_very_high_feature', // ≥ 180/110
  'bp_crisis_feature', // > 220/125 (NIMN 20)
  'potassium_critical_feature', // kalium ≥ 6.0 or ≤ 2.5 mmol/L
  'sodium_critical_feature', // natrium ≤ 125 or ≥ 155 mmol/L
  'hemoglobin_critical_feature', // Hb ≤ 8.0 g/dL
  'inr_critical_feature', // INR ≥ 5
  'glucose_critical_feature', // glukose ≥ 20 or ≤ 3.0 mmol/L
  'crp_critical_feature', // CRP ≥ 150 mg/L
  'calcium_critical_feature', // kalsium ≥ 3.0 mmol/L
  'psa_elevated_feature', // PSA ≥ 4 µg/L
  'child_feature', // a child (age ≤ 15 or a child word not belonging to an adult)
  'infant_feature', // younger than 3 months
  'elderly_feature', // 75 or older
  'duration_hours_feature', // a duration or onset of 12 hours or less, in numbers
  'duration_days_3plus_feature', // a duration of 3 days or more
  'duration_weeks_plus_feature', // 7 days or more
  'duration_chronic_feature', // 60 days or more
  'duration_short_feature', // 14 days or less
  'large_number_feature', // a whole number of 8 or more (tablet counts)
] as const;
/** A feature id; see `FEATURE_IDS`. */
export type FeatureId = (typeof FEATURE_IDS)[number];

const NUMBER_WORDS_NORWEGIAN: Readonly<Record<string, number>> = {
  en: 1,
  ett: 1,
  ei: 1,
  ein: 1,
  eitt: 1,
  to: 2,
  tre: 3,
  fire: 4,
  fem: 5,
  seks: 6,
  sju: 7,
  syv: 7,
  atte: 8,
  ni: 9,
  ti: 10,
  elleve: 11,
  tolv: 12,
  tretten: 13,
  fjorten: 14,
  femten: 15,
  tjue: 20,
  tretti: 30,
  halvannen: 1.5,
  halvannet: 1.5,
  par: 2,
  noen: 3,
  flere: 4,
  halv: 0.5,
  halvt: 0.5,
};
const NUMBER_WORDS_ENGLISH: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  twenty: 20,
  couple: 2,
  few: 3,
  several: 4,
  half: 0.5,
};

type Unit = 'years' | 'months' | 'weeks' | 'days' | 'hours' | 'minutes' | 'ageword';
const UNITS: Readonly<Record<string, Unit>> = {
  ar: 'years',
  ars: 'years',
  years: 'years',
  year: 'years',
  yo: 'years',
  yrs: 'years',
  aring: 'ageword',
  aringen: 'ageword',
  arig: 'ageword',
  maned: 'months',
  maneder: 'months',
  maneden: 'months',
  manedene: 'months',
  mnd: 'months',
  months: 'months',
  month: 'months',
  uke: 'weeks',
  uker: 'weeks',
  uka: 'weeks',
  ukers: 'weeks',
  ukene: 'weeks',
  weeks: 'weeks',
  week: 'weeks',
  dag: 'days',
  dager: 'days',
  dagen: 'days',
  dagene: 'days',
  dogn: 'days',
  days: 'days',
  day: 'days',
  time: 'hours',
  timer: 'hours',
  timers: 'hours',
  timene: 'hours',
  hours: 'hours',
  hour: 'hours',
  hrs: 'hours',
  t: 'hours',
  minutt: 'minutes',
  minutter: 'minutes',
  min: 'minutes',
  minutes: 'minutes',
  minute: 'minutes',
  mins: 'minutes',
  halvtime: 'minutes',
};
const UNIT_IN_DAYS: Readonly<Record<Exclude<Unit, 'ageword'>, number>> = {
  years: 365,
  months: 30,
  weeks: 7,
  days: 1,
  hours: 1 / 24,
  minutes: 1 / 1440,
};
const AGE_BEFORE = new Set([
  'er',
  'pa',
  'ble',
  'blir',
  'fyller',
  'fylte',
  'is',
  'aged',
  'age',
  'turned',
  'turns',
  'was',
]);
const AGE_AFTER = new Set(['gammel', 'gamal', 'gamle', 'gammal', 'old']);
/** Words before a number that make it a duration ("i fire dager", "for 15 min siden"). */
const DURATION_BEFORE = new Set([
  'i',
  'for',
  'in',
  'siste',
  'over',
  'ca',
  'cirka',
  'omtrent',
  'about',
  'past',
  'last',
  'nesten',
  'snart',
  'et',
  'ei',
  'de',
  'like',
  'almost',
  'around',
  'rundt',
  'bortimot',
  'hele',
]);
const DURATION_AFTER = new Set(['siden', 'ago', 'na', 'now', 'til']);
const CHILD_WORDS = new Set(
  [
    'sønn',
    'sønnen',
    'datter',
    'datteren',
    'dattera',
    'barn',
    'barnet',
    'ungen',
    'unge',
    'gutten',
    'jenta',
    'jenten',
    'babyen',
    'baby',
    'spedbarn',
    'spedbarnet',
    'nyfødt',
    'nyfødte',
    'guttungen',
    'jentungen',
    'son',
    'daughter',
    'child',
    'kid',
    'toddler',
    'infant',
    'newborn',
    'barnebarnet',
    'barnebarn',
    'poden',
    'minstemann',
    'veslejenta',
  ].map(foldText),
);
const ADULT_CHILD_MARKERS = new Set(['voksne', 'adult', 'grown']);
const TEMPERATURE_CONTEXT = /^(feber\w*|fever\w*|febril|temp\w*|grader|c|malte|malt|gorac\w*)$/;
interface AnalyteSource {
  pattern: string;
  feature: FeatureId;
  critical: (value: number) => boolean;
}
/** Laboratory analytes (typo tolerant) and their critical values [GK]. */
const ANALYTE_SOURCES: readonly AnalyteSource[] = [
  {
    pattern: 'kalium*|potassium|=k',
    feature: 'potassium_critical_feature',
    critical: (v) => v >= 6 || v <= 2.5,
  },
  {
    pattern: 'natrium*|sodium|=na',
    feature: 'sodium_critical_feature',
    critical: (v) => v <= 125 || (v >= 155 && v < 300),
  },
  {
    pattern: 'hemoglobin*|haemoglobin*|=hb|blodprosent*',
    feature: 'hemoglobin_critical_feature',
    critical: (v) => v <= 8 && v >= 2,
  },
  { pattern: '=inr', feature: 'inr_critical_feature', critical: (v) => v >= 5 },
  {
    pattern: 'glukose*|blodsukker*|glucose|sukkeret|sukker',
    feature: 'glucose_critical_feature',
    critical: (v) => v >= 20 || v <= 3,
  },
  { pattern: '=crp|=crpen', feature: 'crp_critical_feature', critical: (v) => v >= 150 },
  { pattern: 'kalsium*|calcium', feature: 'calcium_critical_feature', critical: (v) => v >= 3 && v < 10 },
  { pattern: '=psa|=psaen', feature: 'psa_elevated_feature', critical: (v) => v >= 4 && v < 10_000 },
];
const ANALYTES: ReadonlyArray<{
  pattern: CompiledTokenPattern;
  feature: FeatureId;
  critical: (value: number) => boolean;
}> = ANALYTE_SOURCES.map((analyte) => ({ ...analyte, pattern: compileTokenPattern(analyte.pattern) }));

interface Quantity {
  index: number;
  value: number;
  decimal: boolean;
}

function readQuantity(token: MessageToken, language: NormalizedMessage['language']): Quantity | undefined {
  if (token.value !== undefined && token.pair === undefined) {
    return { index: token.index, value: token.value, decimal: /[.,]/.test(token.raw) };
  }
  const words = language === 'en' ? NUMBER_WORDS_ENGLISH : NUMBER_WORDS_NORWEGIAN;
  const value = words[token.norm];
  return value === undefined ? undefined : { index: token.index, value, decimal: false };
}

function hit(start: number, end = start): ConceptHit {
  return { start, end, negated: false };
}

/** Computes number-, age- and duration-based features of a normalised message, by feature id. */
export function extractMessageFeatures(message: NormalizedMessage): Map<FeatureId, ConceptHit[]> {
  const features = new Map<FeatureId, ConceptHit[]>(FEATURE_IDS.map((id) => [id, []]));
  const add = (id: FeatureId, value: ConceptHit): void => {
    features.get(id)!.push(value);
  };
  const { tokens } = message;
  const ages: Array<{ index: number; years: number }> = [];

  for (const token of tokens) {
    // blood pressure "164/98" or "164 over 98"
    let pair = token.pair;
    let pairEnd = token.index;
    const over = tokens[token.index + 1];
    const second = tokens[token.index + 2];
    if (
      pair === undefined &&
      token.value !== undefined &&
      over?.norm === 'over' &&
      second?.value !== undefined &&
      second.pair === undefined
    ) {
      pair = [token.value, second.value];
      pairEnd = second.index;
    }
    if (pair !== undefined) {
      const [systolic, diastolic] = pair;
      if (systolic >= 70 && systolic <= 300 && diastolic >= 30 && diastolic <= 200 && systolic > diastolic) {
        const where = hit(token.index, pairEnd);
        if (systolic > 220 || diastolic > 125) add('bp_crisis_feature', where);
        if (systolic >= 180 || diastolic >= 110) add('bp_very_high_feature', where);
        if (systolic >= 140 || diastolic >= 90) add('bp_elevated_feature', where);
        else add('bp_normal_feature', where);
      }
      continue;
    }
    const quantity = readQuantity(token, message.language);
    if (quantity === undefined) continue;
    const next = tokens[token.index + 1];
    const previous = tokens[token.index - 1];

    // temperature: 35–43.5 with a fever/temperature word within four words in the same sentence
    if (token.value !== undefined && quantity.value >= 35 && quantity.value <= 43.5) {
      const nearby = tokens.filter(
        (other) =>
          other.sentence === token.sentence && Math.abs(other.index - token.index) <= 4 && other !== token,
      );
      if (
        nearby.some((other) => TEMPERATURE_CONTEXT.test(other.norm)) ||
        /°/.test(message.text.slice(token.end, token.end + 2))
      ) {
        if (quantity.value >= 38) add('fever_measured_feature', hit(token.index));
        if (quantity.value >= 39.5) add('fever_high_feature', hit(token.index));
      }
    }

    // laboratory values: an analyte up to five words before the number
    if (token.value !== undefined) {
      for (let back = 1; back <= 5; back += 1) {
        const candidate = tokens[token.index - back];
        if (candidate === undefined || candidate.sentence !== token.sentence) break;
        const analyte = ANALYTES.find((entry) => matchTokenPattern(entry.pattern, candidate));
        if (analyte !== undefined) {
          if (analyte.critical(quantity.value)) add(analyte.feature, hit(candidate.index, token.index));
          break;
        }
      }
    }

    if (token.value !== undefined && !quantity.decimal && quantity.value >= 8 && quantity.value < 1000) {
      add('large_number_feature', hit(token.index));
    }

    // ages and durations
    const unit = next === undefined ? undefined : UNITS[next.norm];
    const afterUnit = tokens[token.index + 2];
    if (unit === undefined) {
      const plainAge =
        token.value !== undefined &&
        !quantity.decimal &&
        quantity.value >= 1 &&
        quantity.value <= 110 &&
        (token.parenthesised === true ||
          (previous !== undefined &&
            AGE_BEFORE.has(previous.norm) &&
            (next === undefined || next.sentence !== token.sentence || next.clause !== token.clause)));
      if (plainAge) ages.push({ index: token.index, years: quantity.value });
      continue;
    }
    const isAge =
      unit === 'ageword' ||
      (previous !== undefined && AGE_BEFORE.has(previous.norm)) ||
      (afterUnit !== undefined && AGE_AFTER.has(afterUnit.norm)) ||
      message.text[token.start - 1] === '(';
    if (isAge && unit !== 'hours' && unit !== 'minutes') {
      const years =
        unit === 'ageword' || unit === 'years' ? quantity.value : (quantity.value * UNIT_IN_DAYS[unit]) / 365;
      ages.push({ index: token.index, years });
      continue;
    }
    // "en time" is also an appointment: word numbers and hours need "i/for … (siden)" around them
    const marked =
      (previous !== undefined && DURATION_BEFORE.has(previous.norm)) ||
      (afterUnit !== undefined && DURATION_AFTER.has(afterUnit.norm));
    if ((token.value === undefined || unit === 'hours' || unit === 'minutes') && !marked) continue;
    const days = quantity.value * UNIT_IN_DAYS[unit];
    const where = hit(token.index, next!.index);
    if (days <= 0.5) add('duration_hours_feature', where);
    if (days <= 14) add('duration_short_feature', where);
    if (days >= 3) add('duration_days_3plus_feature', where);
    if (days >= 7) add('duration_weeks_plus_feature', where);
    if (days >= 60) add('duration_chronic_feature', where);
  }

  for (const age of ages) {
    if (age.years <= 15) add('child_feature', hit(age.index));
    if (age.years < 0.25) add('infant_feature', hit(age.index));
    if (age.years >= 75) add('elderly_feature', hit(age.index));
  }
  for (const token of tokens) {
    if (!CHILD_WORDS.has(token.norm)) continue;
    const following = tokens[token.index + 1];
    const before = tokens[token.index - 1];
    // "datter av Ingrid (88)" or "min voksne sønn": the writer or an adult, not a child
    if (following?.norm === 'av' || following?.norm === 'of') continue;
    if (before !== undefined && ADULT_CHILD_MARKERS.has(before.norm)) continue;
    const adultNearby = ages.some((age) => age.years >= 16 && Math.abs(age.index - token.index) <= 5);
    if (!adultNearby) add('child_feature', hit(token.index));
  }
  return features;
}
