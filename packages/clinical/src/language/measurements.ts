import type { Language } from '@kollega/domain';
import { literalTriggers } from './rewrite';
import { wordPattern } from './text';

/**
 * Vital signs and lab values with their units, as GPs say and write them
 * ("blodtrykket er 148/92" → "BT 148/92", "metningen er 95 prosent" → "SpO2 95 %").
 * Labels and plausible ranges: common Norwegian GP usage (norwegian-domain.md §1.2; Norsk
 * elektronisk legehåndbok, reference ranges, 2024). Numbers must already be digits.
 */

interface MeasurementDefinition {
  /** Label written in the note. */
  label: string;
  /** Spoken labels (regex body). */
  spoken: string;
  /** Value (regex body, one capture group added around it). */
  value: string;
  /** Unit written in the note, when the note writes one. */
  unit?: string;
  /** Spoken unit (regex body) that may follow the value. */
  spokenUnit?: string;
  /** Plausible range of the first number. */
  range: [number, number];
  kind: 'vital' | 'lab' | 'score' | 'body';
}

const DECIMAL_NB = '\\d+(?:,\\d+)?';
const DECIMAL_EN = '\\d+(?:\\.\\d+)?';

const NB_DEFINITIONS: MeasurementDefinition[] = [
  {
    label: 'BT',
    spoken: 'blodtrykk(?:et)?|BT|hjemme-?BT|hjemmeblodtrykk(?:et)?',
    value: '\\d{2,3}/\\d{2,3}',
    range: [60, 260],
    kind: 'vital',
  },
  { label: 'BT', spoken: '(?<=[\\s,:(]|^)', value: '\\d{2,3}/\\d{2,3}', range: [70, 260], kind: 'vital' },
  {
    label: 'T',
    spoken: 'temperatur(?:en)?|tempen|temp|feber(?:en)?|målte|målt|T',
    value: '\\d{2}(?:,\\d)?',
    unit: '',
    spokenUnit: 'grader',
    range: [34, 43],
    kind: 'vital',
  },
  {
    label: 'puls',
    spoken: 'puls(?:en)?|hjertefrekvens(?:en)?|hjertet slår(?: regelmessig| uregelmessig)?',
    value: '\\d{2,3}',
    unit: '',
    spokenUnit: 'i minuttet|per minutt|slag i minuttet',
    range: [25, 230],
    kind: 'vital',
  },
  {
    label: 'SpO2',
    spoken:
      'SpO2|metning(?:en)?|oksygenmetning(?:en)?|surstoffmetning(?:en)?|O2-metning(?:en)?|saturasjon(?:en)?',
    value: '\\d{2,3}',
    unit: '%',
    spokenUnit: '%|prosent',
    range: [50, 100],
    kind: 'vital',
  },
  {
    label: 'RF',
    spoken: 'respirasjonsfrekvens(?:en)?|pustefrekvens(?:en)?|RF|pusten',
    value: '\\d{1,2}',
    unit: '',
    spokenUnit: 'i minuttet|per minutt|pust i minuttet',
    range: [5, 60],
    kind: 'vital',
  },
  { label: 'CRP', spoken: 'CRP', value: DECIMAL_NB, range: [0, 600], kind: 'lab' },
  {
    label: 'HbA1c',
    spoken: 'HbA1c|langtidsblodsukker(?:et)?|langtidssukker(?:et)?',
    value: DECIMAL_NB,
    unit: 'mmol/mol',
    spokenUnit: 'mmol/mol|millimol per mol|millimol',
    range: [20, 200],
    kind: 'lab',
  },
  {
    label: 'Hb',
    spoken: 'Hb|hemoglobin(?:et)?|blodprosent(?:en)?',
    value: DECIMAL_NB,
    range: [3, 25],
    kind: 'lab',
  },
  {
    label: 'ferritin',
    spoken: 'ferritin(?:et)?|jernlager(?:et)?|jernlagrene',
    value: DECIMAL_NB,
    range: [0, 3000],
    kind: 'lab',
  },
  { label: 'TSH', spoken: 'TSH|stoffskifte(?:t)?(?: TSH)?', value: DECIMAL_NB, range: [0, 100], kind: 'lab' },
  { label: 'fritt T4', spoken: 'fritt T4|FT4|T4', value: DECIMAL_NB, range: [1, 100], kind: 'lab' },
  {
    label: 'LDL',
    spoken: 'LDL(?:-kolesterol)?(?:et)?|det dårlige kolesterolet',
    value: DECIMAL_NB,
    range: [0, 15],
    kind: 'lab',
  },
  { label: 'HDL', spoken: 'HDL', value: DECIMAL_NB, range: [0, 5], kind: 'lab' },
  {
    label: 'kolesterol',
    spoken: 'totalkolesterol(?:et)?|kolesterol(?:et)?',
    value: DECIMAL_NB,
    range: [1, 20],
    kind: 'lab',
  },
  { label: 'kreatinin', spoken: 'kreatinin(?:et)?', value: DECIMAL_NB, range: [20, 1500], kind: 'lab' },
  { label: 'eGFR', spoken: 'eGFR|GFR|nyrefunksjon(?:en)?', value: DECIMAL_NB, range: [2, 150], kind: 'lab' },
  { label: 'Na', spoken: 'natrium(?:et)?|Na', value: DECIMAL_NB, range: [100, 170], kind: 'lab' },
  { label: 'K', spoken: 'kalium(?:et)?|K', value: DECIMAL_NB, range: [1.5, 9], kind: 'lab' },
  { label: 'ALAT', spoken: 'ALAT|ALT', value: DECIMAL_NB, range: [1, 3000], kind: 'lab' },
  { label: 'ASAT', spoken: 'ASAT|AST', value: DECIMAL_NB, range: [1, 3000], kind: 'lab' },
  { label: 'GT', spoken: 'gamma-?GT|GT', value: DECIMAL_NB, range: [1, 3000], kind: 'lab' },
  {
    label: 'glukose',
    spoken: 'glukose(?:n)?|blodsukker(?:et)?',
    value: DECIMAL_NB,
    range: [1, 50],
    kind: 'lab',
  },
  {
    label: 'B12',
    spoken: 'B12|vitamin B12|B12-vitamin(?:et)?',
    value: DECIMAL_NB,
    range: [20, 3000],
    kind: 'lab',
  },
  {
    label: 'D-vitamin',
    spoken: 'D-vitamin(?:et)?|vitamin D|D-vitaminet',
    value: DECIMAL_NB,
    range: [5, 400],
    kind: 'lab',
  },
  { label: 'PSA', spoken: 'PSA', value: DECIMAL_NB, range: [0, 1000], kind: 'lab' },
  { label: 'INR', spoken: 'INR', value: DECIMAL_NB, range: [0.5, 10], kind: 'lab' },
  { label: 'SR', spoken: 'SR|senkning(?:en)?', value: DECIMAL_NB, range: [0, 150], kind: 'lab' },
  {
    label: 'LPK',
    spoken: 'LPK|leukocytter|hvite blodlegemer',
    value: DECIMAL_NB,
    range: [0.1, 100],
    kind: 'lab',
  },
  {
    label: 'albumin/kreatinin-ratio',
    spoken:
      'albumin/kreatinin-ratio(?:en)?|albumin-kreatinin-ratio(?:en)?|U-albumin/kreatinin-ratio(?:en)?|urin-albumin(?:et)?',
    value: DECIMAL_NB,
    range: [0, 3000],
    kind: 'lab',
  },
  {
    label: 'FEV1',
    spoken: 'FEV1',
    value: '\\d{1,3}',
    unit: '%',
    spokenUnit: '%|prosent',
    range: [5, 150],
    kind: 'lab',
  },
  {
    label: 'PHQ-9',
    spoken: 'PHQ-9(?:-skår(?:en)?)?(?: skår(?:en)?)?',
    value: '\\d{1,2}',
    unit: '',
    spokenUnit: 'poeng',
    range: [0, 27],
    kind: 'score',
  },
  { label: 'VAS', spoken: 'VAS', value: '\\d{1,2}', range: [0, 10], kind: 'score' },
  {
    label: 'vekt',
    spoken: 'vekt(?:en)?|veier|veide',
    value: DECIMAL_NB,
    unit: 'kg',
    spokenUnit: 'kg|kilo|kilogram',
    range: [2, 300],
    kind: 'body',
  },
  {
    label: 'høyde',
    spoken: 'høyde(?:n)?',
    value: '\\d{2,3}',
    unit: 'cm',
    spokenUnit: 'cm|centimeter',
    range: [40, 230],
    kind: 'body',
  },
  { label: 'BMI', spoken: 'BMI|KMI', value: DECIMAL_NB, range: [10, 80], kind: 'body' },
];

const EN_DEFINITIONS: MeasurementDefinition[] = [
  { label: 'BP', spoken: 'blood pressure|bp', value: '\\d{2,3}/\\d{2,3}', range: [60, 260], kind: 'vital' },
  {
    label: 'temperature',
    spoken: 'temperature|temp|fever',
    value: '\\d{2,3}(?:\\.\\d)?',
    spokenUnit: 'degrees',
    range: [34, 110],
    kind: 'vital',
  },
  {
    label: 'heart rate',
    spoken: 'heart rate|pulse|hr',
    value: '\\d{2,3}',
    spokenUnit: 'beats per minute|bpm|per minute',
    range: [25, 230],
    kind: 'vital',
  },
  {
    label: 'oxygen saturation',
    spoken: 'oxygen saturation|o2 sat|o2 saturation|sats|pulse ox|saturation|spo2|oxygen level',
    value: '\\d{2,3}',
    unit: '%',
    spokenUnit: '%|percent',
    range: [50, 100],
    kind: 'vital',
  },
  {
    label: 'respiratory rate',
    spoken: 'respiratory rate|respirations|rr',
    value: '\\d{1,2}',
    range: [5, 60],
    kind: 'vital',
  },
  {
    label: 'hemoglobin A1c',
    spoken: 'hemoglobin a1c|HbA1c|A1c',
    value: DECIMAL_EN,
    unit: '%',
    spokenUnit: '%|percent',
    range: [3, 20],
    kind: 'lab',
  },
  {
    label: 'weight',
    spoken: 'weight|weighs|weighed',
    value: DECIMAL_EN,
    unit: 'lbs',
    spokenUnit: 'pounds|lbs|kilos|kg',
    range: [2, 700],
    kind: 'body',
  },
  {
    label: 'ejection fraction',
    spoken: 'ejection fraction|ef',
    value: '\\d{1,2}',
    unit: '%',
    spokenUnit: '%|percent',
    range: [5, 90],
    kind: 'lab',
  },
  {
    label: 'glucose',
    spoken: 'blood sugars?|glucose|sugars',
    value: '\\d{2,3}',
    range: [20, 900],
    kind: 'lab',
  },
  { label: 'LDL', spoken: 'LDL', value: DECIMAL_EN, range: [10, 400], kind: 'lab' },
  { label: 'creatinine', spoken: 'creatinine', value: DECIMAL_EN, range: [0.1, 20], kind: 'lab' },
  { label: 'PSA', spoken: 'PSA', value: DECIMAL_EN, range: [0, 1000], kind: 'lab' },
];

/** A measurement found in a text. */
export interface MeasurementMention {
  label: string;
  value: string;
  unit?: string;
  kind: MeasurementDefinition['kind'];
  index: number;
  length: number;
  /** Note shorthand, e.g. "BT 148/92", "SpO2 95 %", "HbA1c 58 mmol/mol". */
  text: string;
}

const CONNECTORS_NB =
  '\\s*(?:(?:,|:|er|var|på|ligger på|lå på|lå|målt til|målt|måler|jeg måler|nå|i dag|viser|til|cirka|ca\\.?|rundt|omtrent|opp til|oppe i|nede i|først|helt|bare|fortsatt|hjemme|snitt|i snitt|i gjennomsnitt|gjennomsnittlig|sist|regelmessig|uregelmessig|litt|også|teller|jeg teller|i laben|på laben|-)\\s*)*(?:(?:og\\s+)?(?:den|det|verdien|svaret|nivået)\\s+(?:er|var|ligger på|lå på)\\s*)?';
const CONNECTORS_EN =
  '\\s*(?:(?:,|:|is|was|of|at|around|about|today|now|reading|measured|came back|looks|showed|shows|of about|in the|are|were|has been|-)\\s*)*';

interface CompiledDefinition {
  definition: MeasurementDefinition;
  pattern: RegExp;
  /** Lower-case literals one of which a matching text must contain. */
  triggers?: readonly string[];
}

function compile(language: Language): CompiledDefinition[] {
  const definitions = language === 'nb' ? NB_DEFINITIONS : EN_DEFINITIONS;
  const connectors = language === 'nb' ? CONNECTORS_NB : CONNECTORS_EN;
  return definitions.map((definition) => {
    const unit = definition.spokenUnit ? `(?:\\s?(${definition.spokenUnit}))?` : '()';
    const caseSensitive = false;
    // a dose is not a measurement ("D-vitamin 50 mikrogram daglig")
    const notDose =
      '(?!\\s?(?:mg|milligram|mikrogram|µg|mcg|gram|g|ml|IE|tablett\\p{L}*|kapsl\\p{L}*|dose\\p{L}*)(?![\\p{L}]))';
    const body = `(?:${definition.spoken})${connectors}(${definition.value})${notDose}${unit}`;
    const compiled: CompiledDefinition = {
      definition,
      pattern: wordPattern(body, caseSensitive ? 'gu' : 'giu'),
    };
    const triggers = literalTriggers(definition.spoken);
    if (triggers) compiled.triggers = triggers;
    // definitions the literal screen cannot read: an unlabeled "148/92" needs a slash; "T 38" a T
    if (!triggers && definition.value.includes('/')) compiled.triggers = ['/'];
    else if (!triggers && definition.label === 'T') compiled.triggers = ['t'];
    return compiled;
  });
}

const COMPILED = new Map<Language, CompiledDefinition[]>();

function parseNumber(value: string): number {
  return Number(value.replace(',', '.').split('/')[0]);
}

const MEASUREMENT_MEMO = new Map<string, MeasurementMention[]>();

/** Forgets remembered sentences (called at the start of each note). */
export function clearMeasurementMemo(): void {
  MEASUREMENT_MEMO.clear();
}

/** All measurements in a text, left to right, without overlaps. */
export function findMeasurements(text: string, language: Language): MeasurementMention[] {
  const key = `${language}|${text}`;
  const memo = MEASUREMENT_MEMO.get(key);
  if (memo) return memo;
  const found = scanMeasurements(text, language);
  // bounded memo: a sentence is asked about several times while one note is drafted
  if (MEASUREMENT_MEMO.size > 4000) MEASUREMENT_MEMO.clear();
  MEASUREMENT_MEMO.set(key, found);
  return found;
}

function scanMeasurements(text: string, language: Language): MeasurementMention[] {
  if (!/\d/.test(text)) return [];
  let compiled = COMPILED.get(language);
  if (!compiled) {
    compiled = compile(language);
    COMPILED.set(language, compiled);
  }
  const found: MeasurementMention[] = [];
  const lower = text.toLowerCase();
  for (const { definition, pattern, triggers } of compiled) {
    if (triggers && !triggers.some((trigger) => lower.includes(trigger))) continue;
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      const value = match[1] ?? '';
      const number = parseNumber(value);
      if (!Number.isFinite(number) || number < definition.range[0] || number > definition.range[1]) continue;
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((mention) => start < mention.index + mention.length && end > mention.index)) continue;
      const unit = definition.unit ?? (match[2] ? match[2] : undefined);
      const unitText = unit && unit !== '' ? (unit === '%' ? ' %' : ` ${unit}`) : '';
      const mention: MeasurementMention = {
        label: definition.label,
        value,
        kind: definition.kind,
        index: start,
        length: match[0].length,
        text: `${definition.label} ${value}${unitText}`,
      };
      if (unit) mention.unit = unit;
      if (unit === '') delete mention.unit;
      found.push(mention);
    }
  }
  return found.sort((left, right) => left.index - right.index);
}
