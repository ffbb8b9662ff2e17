/**
 * Numbers with their units in note and transcript text: digits ("38,6", "148/92", "2–3") and spoken numbers
 * ("trettiåtte komma ni", "seks hundre og seksti milligram", "to og en halv", "a hundred and forty over
 * seventy"), each with a unit family and a label (T, puls, BT, CRP, …) so that the verifier can compare values.
 * Source: Norwegian and English cardinal number grammar (Norsk referansegrammatikk 1997; standard English).
 */
import type { Language } from '@kollega/domain';
import { foldText } from './text-tools';

/** What a unit measures; values are compared only within one family. */
export type UnitFamily =
  | 'mass'
  | 'time'
  | 'frequency'
  | 'percent'
  | 'degree'
  | 'length'
  | 'volume'
  | 'rate'
  | 'pressure'
  | 'concentration'
  | 'count';

/** A number found in text. `value2` is the second number of a range ("2–3") or pair ("148/92"). */
export interface Quantity {
  value: number;
  value2?: number;
  shape: 'scalar' | 'range' | 'pair';
  family?: UnitFamily;
  /** Factor to the family's base unit (mg, day, …). */
  factor: number;
  unitText?: string;
  /** Vital sign or lab label before the number: `temperature`, `pulse`, `crp`, … */
  label?: string;
  /** True for ordinals ("4.", "fjerde"). */
  ordinal: boolean;
  /** True when the text marks it as approximate ("ca.", "rundt", "et par"). */
  approximate: boolean;
  /** For a frequency: per day, week or month ("x 2" is per day; "en gang i uka" per week). */
  period?: 'day' | 'week' | 'month';
  /** Character offsets in the text. */
  start: number;
  end: number;
  text: string;
}

interface RawToken {
  text: string;
  folded: string;
  start: number;
  end: number;
}

interface NumberWord {
  value: number;
  kind: 'unit' | 'teen' | 'tens' | 'compound' | 'hundred' | 'thousand' | 'ordinal';
  /** Words like "en", "ett", "a", "one" that are numbers only before a unit. */
  ambiguous: boolean;
}

const NB_SMALL: Record<string, number> = {
  null: 0,
  en: 1,
  én: 1,
  ett: 1,
  et: 1,
  ei: 1,
  to: 2,
  tre: 3,
  fire: 4,
  fem: 5,
  seks: 6,
  sju: 7,
  syv: 7,
  åtte: 8,
  ni: 9,
};
const NB_TEENS: Record<string, number> = {
  ti: 10,
  elleve: 11,
  tolv: 12,
  tretten: 13,
  fjorten: 14,
  femten: 15,
  seksten: 16,
  sytten: 17,
  atten: 18,
  nitten: 19,
};
const NB_TENS: Record<string, number> = {
  tjue: 20,
  tyve: 20,
  tretti: 30,
  tredve: 30,
  førti: 40,
  femti: 50,
  seksti: 60,
  sytti: 70,
  åtti: 80,
  nitti: 90,
};
const NB_ORDINALS: Record<string, number> = {
  første: 1,
  tredje: 3,
  fjerde: 4,
  femte: 5,
  sjette: 6,
  sjuende: 7,
  syvende: 7,
  åttende: 8,
  niende: 9,
  tiende: 10,
  ellevte: 11,
  tolvte: 12,
  fjortende: 14,
  femtende: 15,
  tjuende: 20,
};
const EN_SMALL: Record<string, number> = {
  zero: 0,
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
};
const EN_TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const EN_TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
/** "one twenties" = 120s, said of blood sugars and blood pressures. */
const EN_PLURAL_TENS: Record<string, number> = {
  twenties: 20,
  thirties: 30,
  forties: 40,
  fifties: 50,
  sixties: 60,
  seventies: 70,
  eighties: 80,
  nineties: 90,
};
const EN_ORDINALS: Record<string, number> = {
  first: 1,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

const AMBIGUOUS_ONE = new Set(['en', 'ett', 'et', 'ei', 'a', 'an', 'one']);

function parseNumberWord(word: string, language: Language): NumberWord | undefined {
  const folded = word.toLowerCase();
  const nb = language === 'nb';
  const small = nb ? NB_SMALL[folded] : EN_SMALL[folded];
  if (small !== undefined) return { value: small, kind: 'unit', ambiguous: AMBIGUOUS_ONE.has(folded) };
  const teen = nb ? NB_TEENS[folded] : EN_TEENS[folded];
  if (teen !== undefined) return { value: teen, kind: 'teen', ambiguous: false };
  const tens = nb ? NB_TENS[folded] : (EN_TENS[folded] ?? EN_PLURAL_TENS[folded]);
  if (tens !== undefined) return { value: tens, kind: 'tens', ambiguous: false };
  if (nb ? folded === 'hundre' : folded === 'hundred' || folded === 'hundreds')
    return { value: 100, kind: 'hundred', ambiguous: false };
  if (folded === (nb ? 'tusen' : 'thousand')) return { value: 1000, kind: 'thousand', ambiguous: false };
  const ordinal = nb ? NB_ORDINALS[folded] : EN_ORDINALS[folded];
  if (ordinal !== undefined) return { value: ordinal, kind: 'ordinal', ambiguous: false };
  if (nb) {
    for (const [prefix, value] of Object.entries(NB_TENS)) {
      if (!folded.startsWith(prefix) || folded.length === prefix.length) continue;
      const rest = folded.slice(prefix.length);
      const restValue = NB_SMALL[rest];
      if (restValue !== undefined && restValue > 0)
        return { value: value + restValue, kind: 'compound', ambiguous: false };
    }
    return undefined;
  }
  const compound = /^([a-z]+)-([a-z]+)$/.exec(folded);
  const tensValue = EN_TENS[compound?.[1] ?? ''];
  const unitValue = EN_SMALL[compound?.[2] ?? ''];
  if (
    tensValue !== undefined &&
    unitValue !== undefined &&
    unitValue > 0 &&
    !AMBIGUOUS_ONE.has(compound?.[2] ?? '')
  ) {
    return { value: tensValue + unitValue, kind: 'compound', ambiguous: false };
  }
  if (tensValue !== undefined && compound?.[2] === 'one')
    return { value: tensValue + 1, kind: 'compound', ambiguous: false };
  return undefined;
}

const TOKEN_PATTERN =
  /(?<=^|\s)\.\d+|\d{1,3}(?:,\d{3}){2,}(?!\d)|\d+(?:[.,]\d+)?|µ\p{L}*|μ\p{L}*|[\p{L}][\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*|[%°/–\-+?;:.×,]/gu;

function tokenize(text: string, language: Language): RawToken[] {
  const tokens: RawToken[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const raw = match[0];
    const start = match.index;
    // Spoken ranges "fem-seks", "to-tre": split into number, dash, number.
    const parts = raw.split('-');
    if (
      parts.length > 1 &&
      /\p{L}/u.test(raw) &&
      parts.every((part) => parseNumberWord(part, language) !== undefined)
    ) {
      let offset = start;
      parts.forEach((part, index) => {
        if (index > 0) {
          tokens.push({ text: '-', folded: '-', start: offset, end: offset + 1 });
          offset += 1;
        }
        tokens.push({ text: part, folded: foldText(part), start: offset, end: offset + part.length });
        offset += part.length;
      });
      continue;
    }
    tokens.push({ text: raw, folded: raw === 'µ' ? 'µ' : foldText(raw), start, end: start + raw.length });
  }
  return tokens;
}

// ---------- units ----------

interface UnitMatch {
  family: UnitFamily;
  factor: number;
  text: string;
  /** Index of the last token of the unit. */
  endIndex: number;
}

const UNIT_WORDS: ReadonlyArray<readonly [RegExp, UnitFamily, number]> = [
  [/^(?:mg|milligram|milligrams|milligrammes?)$/, 'mass', 1],
  [/^(?:g|gr|gram|grams|gramm)$/, 'mass', 1000],
  [/^(?:mikrogram|mikrog|µg|μg|mcg|ug|microgram|micrograms)$/, 'mass', 0.001],
  [/^(?:kg|kilo|kilos|kilogram|kilograms)$/, 'mass', 1_000_000],
  [/^(?:lb|lbs|pounds?)$/, 'mass', 453_592],
  [/^(?:d|dag|dager|dagen|dagene|døgn|døgnet|days?)$/, 'time', 1],
  [/^(?:u|uke|uker|uka|ukene|uken|ukers|wk|wks|weeks?)$/, 'time', 7],
  [/^(?:mnd|md|måned|måneder|måneden|månedene|måneds|months?)$/, 'time', 30],
  [/^(?:år|årene|året|years?|yrs?)$/, 'time', 365],
  [/^(?:t|time|timer|timen|timers|hours?|hrs?|h)$/, 'time', 1 / 24],
  [/^(?:min|minutt|minutter|minuttene|minutes?|mins)$/, 'time', 1 / 1440],
  [/^(?:ganger|gang|gangen|times|x|dose|doser|doses|dosen)$/, 'frequency', 1],
  [/^(?:%|prosent|percent|pct)$/, 'percent', 1],
  [/^(?:°|°c|grader|grad|degrees?|deg)$/, 'degree', 1],
  [/^(?:cm|centimeter|centimeters|centimetre|centimetres)$/, 'length', 10],
  [/^(?:mm|millimeter|millimeters)$/, 'length', 1],
  [/^(?:meter|meters|metres?)$/, 'length', 1000],
  [/^(?:ml|milliliter|milliliters|cc)$/, 'volume', 1],
  [/^(?:dl|desiliter)$/, 'volume', 100],
  [/^(?:l|liter|liters|litre|litres)$/, 'volume', 1000],
  [/^(?:mmhg)$/, 'pressure', 1],
  [/^(?:mmol|µmol|μmol|nmol|pmol|mikromol|millimol|millimoles?|iu|ie|enheter|units?)$/, 'concentration', 1],
  [/^(?:bpm|slag|beats?)$/, 'rate', 1],
  [
    /^(?:tablett|tabletter|tbl|tabl|tab|tabs|tablets?|pills?|kapsel|kapsler|capsules?|dosepose|doseposer|drag|puffs?|sprays?|stk|sigaretter|sig|cigarettes?|packs?|pils|øl|glass|glasses|kopper|cups?|drinks?|beers?|poeng|points|skiver|flasker|bottles?|episoder|episodes?|pluss|plus|\+)$/,
    'count',
    1,
  ],
];

/**
 * The length unit of a size whose first number stands before `index`: "x"/"×"/"by" ("ganger" is not), one number,
 * then a length ("2 x 3 cm", "two by three centimeters").
 */
function dimensionUnit(tokens: RawToken[], index: number, language: Language): UnitMatch | undefined {
  const times = tokens[index];
  if (!times || !(times.folded === 'x' || times.text === '×' || (language === 'en' && times.folded === 'by')))
    return undefined;
  const number = tokens[index + 1];
  if (!number || !(/^\d+(?:[.,]\d+)?$/.test(number.text) || parseNumberWord(number.folded, language)))
    return undefined;
  const length = unitAt(tokens, index + 2);
  return length?.family === 'length' ? length : undefined;
}

function unitAt(tokens: RawToken[], index: number): UnitMatch | undefined {
  const token = tokens[index];
  if (!token) return undefined;
  if (token.folded === 'milli' && /^gram/.test(tokens[index + 1]?.folded ?? '')) {
    return { family: 'mass', factor: 1, text: 'mg', endIndex: index + 1 };
  }
  // "39 U/L", "45 IU/l": enzyme activity per litre, not weeks ("u" is short for "uke" on its own).
  if (
    /^(?:u|iu|ie|e)$/.test(token.folded) &&
    tokens[index + 1]?.text === '/' &&
    /^(?:l|dl|ml)$/.test(tokens[index + 2]?.folded ?? '')
  ) {
    return {
      family: 'concentration',
      factor: 1,
      text: `${token.text}/${tokens[index + 2]?.text ?? ''}`,
      endIndex: index + 2,
    };
  }
  // "22 i minuttet", "80 beats a minute", "per minute"
  if (
    /^(?:i|per|a)$/.test(token.folded) &&
    /^(?:minuttet|minutt|min|minute)$/.test(tokens[index + 1]?.folded ?? '')
  ) {
    return { family: 'rate', factor: 1, text: 'min', endIndex: index + 1 };
  }
  for (const [pattern, family, factor] of UNIT_WORDS) {
    if (pattern.test(token.folded)) {
      // "80 beats a minute": the rate unit swallows the per-minute words.
      if (
        family === 'rate' &&
        /^(?:a|per|i)$/.test(tokens[index + 1]?.folded ?? '') &&
        /^minut/.test(tokens[index + 2]?.folded ?? '')
      ) {
        return { family, factor, text: token.text, endIndex: index + 2 };
      }
      return { family, factor, text: token.text, endIndex: index };
    }
  }
  return undefined;
}

// ---------- labels ----------

const LABELS: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /^(?:t|temp|tempen|temperatur|temperaturen|temperature|feber|fever|febrilia|afebril|afebrile)$/,
    'temperature',
  ],
  [
    /^(?:puls|pulsen|p|hjertefrekvens|hjertefrekvensen|frekvens|frekvensen|ventrikkelfrekvens|pulse|hr|rate)$/,
    'pulse',
  ],
  [/^(?:bt|blodtrykk|blodtrykket|bp|pressure|pressures)$/, 'blood-pressure'],
  [
    /^(?:rf|respirasjonsfrekvens|respirasjonsfrekvensen|pusten|pustefrekvens|respiratory|respirations|rr)$/,
    'respiratory-rate',
  ],
  [
    /^(?:spo2|metning|metningen|oksygenmetning|oksygenmetningen|saturasjon|saturation|sat|sats|o2|oxygenation|oxygen|ox|oximetry|oximeter|pulseox)$/,
    'oxygen-saturation',
  ],
  [/^(?:crp)$/, 'crp'],
  [/^(?:hb|hemoglobin|hemoglobinet|blodprosent|blodprosenten|hgb|haemoglobin)$/, 'hemoglobin'],
  [/^(?:ferritin|jernlager|jernlageret|jernlagrene)$/, 'ferritin'],
  [/^(?:hba1c|a1c|langtidsblodsukker|langtidsblodsukkeret)$/, 'hba1c'],
  [/^(?:ldl|kolesterol|kolesterolet|cholesterol)$/, 'ldl'],
  [/^(?:egfr|gfr|nyrefunksjon|nyrefunksjonen)$/, 'egfr'],
  [/^(?:kreatinin|creatinine)$/, 'creatinine'],
  [/^(?:k|kalium|potassium)$/, 'potassium'],
  [/^(?:na|natrium|natriumet|sodium)$/, 'sodium'],
  [/^(?:tsh)$/, 'tsh'],
  [/^(?:t4|ft4)$/, 't4'],
  [/^(?:alat|alt|asat|ast)$/, 'liver'],
  [/^(?:vekt|vekten|veier|veide|weight|weighs|weighed|weighing)$/, 'weight'],
  [/^(?:høyde|høyden|height)$/, 'height'],
  [/^(?:phq-9|phq9|phq)$/, 'phq'],
  [/^(?:vas|nrs|skala|scale)$/, 'pain-score'],
  [/^(?:fev1)$/, 'fev1'],
  [/^(?:inr)$/, 'inr'],
  [/^(?:glukose|blodsukker|blodsukkeret|glucose|sugar|sugars)$/, 'glucose'],
  [/^(?:ef|ejection)$/, 'ejection-fraction'],
  [/^(?:bmi)$/, 'bmi'],
  [/^(?:type|typ)$/, 'type'],
  // A cancer's stage and a tumour's or an injury's grade ("stage 0, grade 2 DCIS", "grade 2 sprain"): each compared
  // only with its own kind.
  [/^(?:stage|stadium)$/, 'stage'],
  [/^(?:grade|grad)$/, 'grade'],
];

function labelOf(word: string): string | undefined {
  for (const [pattern, label] of LABELS) if (pattern.test(word)) return label;
  return undefined;
}

/** Labels that name no measure of their own (a type, a stage) or words too common to name one ("pulse", "sodium"). */
const NOT_NAMED_LABELS = new Set(['type', 'stage', 'grade', 'pulse', 'potassium', 'sodium']);

/** The labels named anywhere in a text ("hemoglobin A1c levels … most recent level was 8" names hba1c). */
export function labelsIn(text: string): Set<string> {
  const labels = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}-]+/u)) {
    const label = labelOf(word);
    if (label && !NOT_NAMED_LABELS.has(label)) labels.add(label);
  }
  return labels;
}

/** The label of the word at `index`: "rate" is the breathing rate after "respiratory" ("respiratory rate 16"). */
function labelAt(tokens: RawToken[], index: number): string | undefined {
  const found = labelOf(tokens[index]?.folded ?? '');
  // "gon na", "wan na" in tokenised speech: no sodium.
  if (found === 'sodium' && /^(?:gon|wan|got)$/.test(tokens[index - 1]?.folded ?? '')) return undefined;
  if (found === 'pulse' && tokens[index]?.folded === 'rate') {
    // "rate the pain", "rate your pain from zero to ten": a verb, not the pulse.
    if (/^(?:the|your|my|his|her|their|it|that|this|pain)$/.test(tokens[index + 1]?.folded ?? ''))
      return undefined;
    if (/^(?:respiratory|respiration|respirations|breathing)$/.test(tokens[index - 1]?.folded ?? ''))
      return 'respiratory-rate';
  }
  return found;
}

/** The unit family a vital sign is measured in: a dose after "blood pressure medicine" is no blood pressure. */
const VITAL_FAMILIES: Readonly<Record<string, UnitFamily>> = {
  temperature: 'degree',
  pulse: 'rate',
  'blood-pressure': 'pressure',
  'respiratory-rate': 'rate',
  'oxygen-saturation': 'percent',
  weight: 'mass',
  height: 'length',
};

const APPROXIMATE_WORDS = new Set([
  'ca',
  'cirka',
  'rundt',
  'omkring',
  'omtrent',
  'about',
  'around',
  'approximately',
  'approx',
  'kanskje',
  'maybe',
  'probably',
  'nesten',
  'almost',
  'snart',
  'like',
  'roughly',
]);
const DASHES = new Set(['-', '–']);

interface ParsedNumber {
  value: number;
  ordinal: boolean;
  ambiguous: boolean;
  /** Index of the last token of the number. */
  endIndex: number;
}

/** Words that may follow a decimal "one" read out after a full stop ("seven . one and …"), not a new sentence. */
const AFTER_SPOKEN_DECIMAL = /^(?:and|but|so|which|today|now|percent|[.,;?])$/;

/**
 * The spoken decimals from `start`: "(point) zero five" = "05". "one" counts after "point", and after the full stop
 * speech recognition writes for a spoken point only when nothing starts a new sentence with it ("… . one of the").
 */
function decimalDigits(
  tokens: RawToken[],
  start: number,
  language: Language,
  afterFullStop: boolean,
): { digits: string; cursor: number } {
  let digits = '';
  let cursor = start;
  while (cursor < tokens.length && digits.length < 3) {
    const folded = tokens[cursor]?.folded ?? '';
    const next = parseNumberWord(folded, language);
    if (!next || next.kind === 'hundred' || next.kind === 'thousand' || next.kind === 'ordinal') break;
    if (next.ambiguous && language === 'en') {
      if (folded !== 'one') break;
      const following = tokens[cursor + 1];
      const ends =
        !following ||
        AFTER_SPOKEN_DECIMAL.test(following.folded) ||
        unitAt(tokens, cursor + 1) !== undefined ||
        parseNumberWord(following.folded, language)?.kind === 'unit';
      if (afterFullStop && !ends) break;
    }
    digits += next.kind === 'unit' ? String(next.value) : String(next.value).padStart(2, '0');
    cursor += 1;
  }
  return { digits, cursor };
}

/** Parses a run of spoken number words starting at `index`. */
function parseSpoken(tokens: RawToken[], index: number, language: Language): ParsedNumber | undefined {
  let total = 0;
  let current = 0;
  let used = -1;
  let lastKind: NumberWord['kind'] | undefined;
  let ambiguous = false;
  let position = index;
  while (position < tokens.length) {
    const token = tokens[position];
    if (!token) break;
    const word = parseNumberWord(token.folded, language);
    if (word) {
      if (word.kind === 'ordinal') {
        if (used >= 0) break;
        return { value: word.value, ordinal: true, ambiguous: false, endIndex: position };
      }
      if (word.kind === 'hundred') {
        // "to hundre" = 200, but "nitti hundre" is two numbers. Hundreds counted past ten: "fifteen hundred" =
        // 1500, "twenty three hundred" = 2300, "femten hundre" (not after thousands, not a round ten).
        const countedHundreds =
          total === 0 &&
          current > 10 &&
          current < 100 &&
          (lastKind === 'teen' ||
            lastKind === 'compound' ||
            (lastKind === 'unit' && current % 10 !== 0 && current > 20));
        if (!countedHundreds && (current >= 10 || (lastKind !== undefined && lastKind !== 'unit'))) break;
        current = (current === 0 ? 1 : current) * 100;
        ambiguous = false;
      } else if (word.kind === 'thousand') {
        total += (current === 0 ? 1 : current) * 1000;
        current = 0;
        ambiguous = false;
      } else if (lastKind === undefined || lastKind === 'hundred' || lastKind === 'thousand') {
        // "five hundred five hundred milligrams": the hundreds said again are a repetition, not one sum ("hundre og
        // seksten hundre og sytten" is still 116 and 117).
        if (
          lastKind === 'hundred' &&
          position >= 2 &&
          token.folded === tokens[position - 2]?.folded &&
          parseNumberWord(tokens[position + 1]?.folded ?? '', language)?.kind === 'hundred'
        )
          break;
        if (lastKind === undefined) ambiguous = word.ambiguous;
        current += word.value;
      } else if (
        language === 'en' &&
        lastKind === 'tens' &&
        word.kind === 'unit' &&
        word.value > 0 &&
        (!word.ambiguous || token.folded === 'one')
      ) {
        current += word.value; // "twenty five", "sixty one"
      } else if (
        language === 'en' &&
        lastKind === 'unit' &&
        (!ambiguous || tokens[index]?.folded === 'one') &&
        (word.kind === 'tens' || word.kind === 'teen' || word.kind === 'compound') &&
        current > 0 &&
        current < 10 &&
        total === 0
      ) {
        // "one fifty" = 150 in spoken blood pressures and sugars; not a clock time ("eight thirty in the morning").
        const after = tokens
          .slice(position + 1, position + 4)
          .map((next) => next.folded)
          .join(' ');
        if (
          /^(?:am|pm|a\.m|p\.m|o'clock|in the (?:morning|afternoon|evening)|at night|tonight)\b/.test(after)
        )
          break;
        current = current * 100 + word.value;
        ambiguous = false;
      } else {
        break;
      }
      lastKind = word.kind;
      used = position;
      position += 1;
      continue;
    }
    if (
      (token.folded === 'og' || token.folded === 'and') &&
      used >= 0 &&
      (lastKind === 'hundred' || lastKind === 'thousand')
    ) {
      const next = parseNumberWord(tokens[position + 1]?.folded ?? '', language);
      if (next && next.kind !== 'ordinal' && next.kind !== 'hundred' && !next.ambiguous) {
        position += 1;
        continue;
      }
    }
    break;
  }
  if (used < 0) return undefined;
  let value = total + current;
  let endIndex = used;
  // Decimals: "komma ni", "komma sju fem", "point five"; speech recognition writes "ninety eight . two".
  const decimalWord = tokens[endIndex + 1]?.folded;
  // The digits after the full stop must end the number run ("zero . zero five percent" = 0.05).
  const spokenDigits = decimalDigits(tokens, endIndex + 2, language, true);
  const spokenPoint =
    language === 'en' &&
    decimalWord === '.' &&
    parseNumberWord(tokens[endIndex + 2]?.folded ?? '', language)?.kind === 'unit' &&
    spokenDigits.digits !== '' &&
    !parseNumberWord(tokens[spokenDigits.cursor]?.folded ?? '', language);
  if (decimalWord === 'komma' || decimalWord === 'point' || spokenPoint) {
    const { digits, cursor } = decimalDigits(tokens, endIndex + 2, language, decimalWord === '.');
    if (digits !== '') {
      // "a . five centimeter" = 0.5: the article is no whole number.
      const whole = tokens[index]?.folded === 'a' && endIndex === index ? 0 : value;
      value = Number(`${whole}.${digits}`);
      endIndex = cursor - 1;
      ambiguous = false;
    } else if (/^(?:noe|something)$/.test(tokens[endIndex + 2]?.folded ?? '')) {
      endIndex += 2; // "trettini komma noe" = about 39
    }
  }
  // "to og en halv" = 2,5; "two and a half".
  const joiner = tokens[endIndex + 1]?.folded;
  if (
    (joiner === 'og' || joiner === 'and') &&
    /^(?:en|ei|a)$/.test(tokens[endIndex + 2]?.folded ?? '') &&
    /^half|^halv/.test(tokens[endIndex + 3]?.folded ?? '')
  ) {
    value += 0.5;
    endIndex += 3;
    ambiguous = false;
  }
  // Spoken Norwegian temperatures "trettisju åtte" = 37,8.
  if (language === 'nb' && value >= 34 && value <= 42 && Number.isInteger(value)) {
    const next = parseNumberWord(tokens[endIndex + 1]?.folded ?? '', language);
    const afterNext = tokens[endIndex + 2];
    if (
      next?.kind === 'unit' &&
      !next.ambiguous &&
      (!afterNext || !unitAt(tokens, endIndex + 2) || unitAt(tokens, endIndex + 2)?.family === 'degree')
    ) {
      value = Number(`${value}.${next.value}`);
      endIndex += 1;
    }
  }
  return { value, ordinal: false, ambiguous, endIndex };
}

/** Words before a year: "in 2018", "since twenty twenty", "back in nineteen ninety five". */
const YEAR_BEFORE = /^(?:in|since|from|until|til|by|before|after|around|year)$/;
/** A year filed after an item of a history list ("Hysterectomy, 1996", "Appendectomy (2005)"), or alone in its clause. */
const YEAR_IN_LIST = /\p{L}\s*[,(:]\s*$/u;

function parseNumberAt(tokens: RawToken[], index: number, language: Language): ParsedNumber | undefined {
  const token = tokens[index];
  if (!token) return undefined;
  if (/^\.?\d/.test(token.text)) {
    // English groups thousands with a comma ("1,000 milligrams", "3,000"); in Norwegian the comma is a decimal mark.
    const thousands = language === 'en' && /^\d{1,3}(?:,\d{3})+$/.test(token.text);
    let value = Number(thousands ? token.text.replaceAll(',', '') : token.text.replace(',', '.'));
    if (!Number.isFinite(value)) return undefined;
    const next = tokens[index + 1];
    // "2nd", "1st", "3rd", "4th": an ordinal.
    if (/^(?:st|nd|rd|th)$/.test(next?.folded ?? '') && next?.start === token.end && /^\d+$/.test(token.text))
      return { value, ordinal: true, ambiguous: false, endIndex: index + 1 };
    // A clock time "2:00", "8:30 am": the hour (said "two o'clock", "eight thirty").
    const minutes = tokens[index + 2];
    if (
      next?.text === ':' &&
      next.start === token.end &&
      minutes?.start === next.end &&
      /^\d{2}$/.test(minutes.text) &&
      /^\d{1,2}$/.test(token.text)
    ) {
      const meridiem = /^(?:am|pm)$/.test(tokens[index + 3]?.folded ?? '') ? 1 : 0;
      return { value, ordinal: false, ambiguous: false, endIndex: index + 2 + meridiem };
    }
    // "3 and a half pounds" = 3.5.
    if (
      Number.isInteger(value) &&
      /^(?:and|og)$/.test(next?.folded ?? '') &&
      /^(?:a|en|ei)$/.test(tokens[index + 2]?.folded ?? '') &&
      /^(?:half|halv)$/.test(tokens[index + 3]?.folded ?? '')
    ) {
      value += 0.5;
      return { value, ordinal: false, ambiguous: false, endIndex: index + 3 };
    }
    // "4." glued to a whole number and followed by a lower-case word or a dash is an ordinal in Norwegian.
    if (language === 'nb' && /^\d+$/.test(token.text) && next?.text === '.' && next.start === token.end) {
      const after = tokens[index + 2];
      if (after && (DASHES.has(after.text) || /^[\p{Ll}]/u.test(after.text)) && !unitAt(tokens, index + 2)) {
        return { value, ordinal: true, ambiguous: false, endIndex: index + 1 };
      }
    }
    return { value, ordinal: false, ambiguous: false, endIndex: index };
  }
  const folded = token.folded;
  if (language === 'nb' && folded === 'halvannen')
    return { value: 1.5, ordinal: false, ambiguous: false, endIndex: index };
  // "half an hour", "a half an hour": the article before the unit belongs to the half.
  const halfArticle = (at: number): number =>
    /^(?:a|an)$/.test(tokens[at]?.folded ?? '') && unitAt(tokens, at + 1) ? 1 : 0;
  if (/^(?:en|ei|a)$/.test(folded) && /^(?:halv|half)$/.test(tokens[index + 1]?.folded ?? '')) {
    return { value: 0.5, ordinal: false, ambiguous: false, endIndex: index + 1 + halfArticle(index + 2) };
  }
  if (language === 'en' && folded === 'half' && halfArticle(index + 1) === 1)
    return { value: 0.5, ordinal: false, ambiguous: false, endIndex: index + 1 };
  // "the second metatarsal", "a second opinion" (not "a second" or "one second" of time, nor "per second").
  if (
    language === 'en' &&
    folded === 'second' &&
    !/^(?:one|per|each|every|split|just|wait|hold)$/.test(tokens[index - 1]?.folded ?? '') &&
    !(tokens[index - 1]?.folded === 'a' && !/^\p{L}/u.test(tokens[index + 1]?.text ?? ''))
  )
    return { value: 2, ordinal: true, ambiguous: false, endIndex: index };
  if ((folded === 'et' || folded === 'a') && /^(?:par|couple)$/.test(tokens[index + 1]?.folded ?? '')) {
    const skip = tokens[index + 2]?.folded === 'of' ? 1 : 0;
    return { value: 2, ordinal: false, ambiguous: false, endIndex: index + 1 + skip };
  }
  // "hver andre time", "every other day": the ordinal 2.
  if (
    (folded === 'andre' || folded === 'other') &&
    /^(?:hver|every)$/.test(tokens[index - 1]?.folded ?? '')
  ) {
    return { value: 2, ordinal: true, ambiguous: false, endIndex: index };
  }
  // A spoken year after a preposition: "in twenty eighteen" = 2018, "back in nineteen ninety five" = 1995.
  if (
    language === 'en' &&
    (folded === 'nineteen' || folded === 'twenty') &&
    YEAR_BEFORE.test(tokens[index - 1]?.folded ?? '')
  ) {
    const rest = parseSpoken(tokens, index + 1, language);
    const next = parseNumberWord(tokens[index + 1]?.folded ?? '', language);
    if (
      rest &&
      next &&
      (next.kind === 'teen' || next.kind === 'tens' || next.kind === 'compound') &&
      rest.value >= 10 &&
      rest.value <= 99 &&
      Number.isInteger(rest.value) &&
      !unitAt(tokens, rest.endIndex + 1)
    )
      return {
        value: (folded === 'nineteen' ? 1900 : 2000) + rest.value,
        ordinal: false,
        ambiguous: false,
        endIndex: rest.endIndex,
      };
  }
  // "point five centimeter" = 0.5.
  if (language === 'en' && folded === 'point') {
    const next = parseNumberWord(tokens[index + 1]?.folded ?? '', language);
    const { digits, cursor } = decimalDigits(tokens, index + 1, language, false);
    if (next?.kind === 'unit' && digits !== '')
      return { value: Number(`0.${digits}`), ordinal: false, ambiguous: false, endIndex: cursor - 1 };
  }
  // "couple of weeks ago" without the article; "the next couple days".
  if (language === 'en' && folded === 'couple' && tokens[index + 1]?.folded === 'of')
    return { value: 2, ordinal: false, ambiguous: false, endIndex: index + 1 };
  if (
    language === 'en' &&
    folded === 'couple' &&
    /^(?:days?|weeks?|months?|years?|hours?|minutes?|times)$/.test(tokens[index + 1]?.folded ?? '')
  ) {
    return { value: 2, ordinal: false, ambiguous: false, endIndex: index };
  }
  if (
    language === 'en' &&
    folded === 'a' &&
    tokens[index + 1]?.folded === 'couple' &&
    /^(?:days?|weeks?|months?|years?|hours?|times)$/.test(tokens[index + 2]?.folded ?? '')
  ) {
    return { value: 2, ordinal: false, ambiguous: false, endIndex: index + 1 };
  }
  if (language === 'en' && folded === 'once')
    return { value: 1, ordinal: false, ambiguous: false, endIndex: index };
  if (language === 'en' && folded === 'twice')
    return { value: 2, ordinal: false, ambiguous: false, endIndex: index };
  return parseSpoken(tokens, index, language);
}

/** The period of a frequency from the words after it: "daglig", "/d", "i uka", "a week". */
function frequencyPeriod(tokens: RawToken[], start: number): Quantity['period'] {
  const words = tokens
    .slice(start, start + 3)
    .map((token) => token.folded)
    .join(' ');
  if (
    /^(?:\/ ?)?(?:daglig|dagen|døgnet|dag|d|daily|a day|per day|each day|every day)\b/.test(words) ||
    /^(?:om|i|per|a) (?:dagen|døgnet|dag|day)\b/.test(words)
  )
    return 'day';
  if (
    /^(?:\/ ?)?(?:uke|uka|uken|u|weekly)\b/.test(words) ||
    /^(?:i|om|per|a) (?:uka|uke|uken|week)\b/.test(words)
  )
    return 'week';
  if (
    /^(?:\/ ?)?(?:mnd|måned|måneden|monthly)\b/.test(words) ||
    /^(?:i|per|a) (?:måneden|måned|month)\b/.test(words)
  )
    return 'month';
  return undefined;
}

/** True when the token is a sentence break for label look-back: `?`, `;`, or a full stop before a capital. */
function isBreak(tokens: RawToken[], index: number): boolean {
  const token = tokens[index];
  if (!token) return true;
  if (token.text === '?' || token.text === ';') return true;
  if (token.text === '.') {
    const next = tokens[index + 1];
    const previous = tokens[index - 1];
    if (next?.text === '.' || previous?.text === '.') return false; // "Temperatur... 38,4": a pause, not a break
    return next !== undefined && /^[\p{Lu}\d]/u.test(next.text);
  }
  return false;
}

/** "… or two" after a unit ("a week or two"): the upper end of a range from one. */
function orUnitRange(tokens: RawToken[], at: number, language: Language): ParsedNumber | undefined {
  if (tokens[at]?.folded !== (language === 'en' ? 'or' : 'eller')) return undefined;
  const second = parseNumberAt(tokens, at + 1, language);
  if (!second || second.ambiguous || second.ordinal || second.value <= 1 || second.value > 3)
    return undefined;
  return second;
}

/** "year and a half ago" without an article: one and a half of the unit word at `index`. */
function bareUnitAndHalf(tokens: RawToken[], index: number): ParsedNumber | undefined {
  const unit = unitAt(tokens, index);
  if (!unit || (unit.family !== 'time' && unit.family !== 'count')) return undefined;
  if (
    /^(?:and|og)$/.test(tokens[unit.endIndex + 1]?.folded ?? '') &&
    /^(?:a|en|ei|et)$/.test(tokens[unit.endIndex + 2]?.folded ?? '') &&
    /^(?:half|halv|halvt)$/.test(tokens[unit.endIndex + 3]?.folded ?? '')
  )
    return { value: 1, ordinal: false, ambiguous: false, endIndex: index - 1 };
  return undefined;
}

/** Words after "a one" that show it stands alone, not before a noun: the end, a conjunction or a preposition. */
const NO_NOUN_AFTER_ONE =
  /^(?:|[.,;:?!]|and|or|but|so|with|without|at|on|in|when|if|now|then|maybe|today|okay)$/;

/** Finds every number in `text` with its unit family and label. */
export function extractQuantities(text: string, language: Language): Quantity[] {
  const tokens = tokenize(text, language);
  const quantities: Quantity[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    if (!token) break;
    // Digits inside identifiers are not numbers ("PHQ-9", "S1", "CHA2DS2-VASc", "HbA1c", "B12").
    if (/\p{L}/u.test(token.text) && /\d/.test(token.text)) {
      index += 1;
      continue;
    }
    // "PHQ-9" is tokenised as one word; "CRB-65" likewise. A number right after a hyphenated letter word is part of it.
    const parsed = parseNumberAt(tokens, index, language) ?? bareUnitAndHalf(tokens, index);
    if (!parsed) {
      index += 1;
      continue;
    }
    let endIndex = parsed.endIndex;
    let value2: number | undefined;
    let shape: Quantity['shape'] = 'scalar';
    const separator = tokens[endIndex + 1];
    const rangeWord = language === 'en' ? 'to' : 'til';
    // "3–4", "3 to 4", "two through seven", and spoken "three or four" / "tre eller fire" (rising values only).
    const orWord = separator !== undefined && separator.folded === (language === 'en' ? 'or' : 'eller');
    const throughWord = language === 'en' && separator?.folded === 'through';
    // Speech runs two close numbers together for a range: "six eight weeks", "like a seven eight", "to tre dager";
    // not inside a count ("four five six seven days").
    const adjacent = separator ? parseNumberWord(separator.folded, language) : undefined;
    if (
      separator &&
      adjacent?.kind === 'unit' &&
      !adjacent.ambiguous &&
      !parsed.ambiguous &&
      !parsed.ordinal &&
      parsed.endIndex === index &&
      parseNumberWord(token.folded, language)?.kind === 'unit' &&
      adjacent.value > parsed.value &&
      adjacent.value <= parsed.value + 3 &&
      !parseNumberWord(tokens[endIndex + 2]?.folded ?? '', language) &&
      parseNumberWord(tokens[index - 1]?.folded ?? '', language)?.ambiguous !== false
    ) {
      value2 = adjacent.value;
      shape = 'range';
      endIndex += 1;
    } else if (
      separator &&
      (DASHES.has(separator.text) || separator.folded === rangeWord || orWord || throughWord)
    ) {
      const secondIndex = endIndex + 2;
      const second = parseNumberAt(tokens, secondIndex, language);
      // "three to four hundreds", "five or six hundred": the hundreds belong to both ends.
      const spokenHundreds =
        second !== undefined &&
        !/^\d/.test(tokens[secondIndex]?.text ?? '') &&
        second.value >= 100 &&
        second.value % 100 === 0 &&
        second.value <= 900 &&
        parsed.value < 10;
      if (second && spokenHundreds && !/^\d/.test(token.text)) parsed.value *= 100;
      if (second && !second.ambiguous && (!orWord || second.value > parsed.value)) {
        value2 = second.value;
        shape = 'range';
        endIndex = second.endIndex;
      }
    }
    // A range on a scale out of ten ("7-8/10", "two through seven out of ten"): the scale is no value of its own.
    if (shape === 'range') {
      const scaleAt =
        tokens[endIndex + 1]?.text === '/'
          ? endIndex + 2
          : tokens[endIndex + 1]?.folded === 'out' && tokens[endIndex + 2]?.folded === 'of'
            ? endIndex + 3
            : undefined;
      const scale = scaleAt === undefined ? undefined : parseNumberAt(tokens, scaleAt, language);
      if (scale?.value === 10 && !scale.ordinal && (value2 ?? 0) <= 10) endIndex = scale.endIndex;
    } else if (
      separator &&
      (separator.folded === 'over' ||
        separator.text === '/' ||
        (separator.folded === 'out' && tokens[endIndex + 2]?.folded === 'of'))
    ) {
      let secondIndex = endIndex + (separator.folded === 'out' ? 3 : 2);
      if (tokens[secondIndex]?.folded === 'over') secondIndex += 1; // "over over seventy" from speech recognition
      const second = parseNumberAt(tokens, secondIndex, language);
      if (second && !second.ordinal && !second.ambiguous) {
        value2 = second.value;
        shape = 'pair';
        endIndex = second.endIndex;
      }
    }
    let unit = unitAt(tokens, endIndex + 1);
    // A size "2 x 3 cm", "two by three centimeters": the first number takes the length after the second.
    const sizeUnit = dimensionUnit(tokens, endIndex + 1, language);
    if ((!unit || unit.text === 'x') && sizeUnit) unit = { ...sizeUnit, endIndex };
    // "four or so years ago", "six or so weeks": the unit after "or so".
    let orSo = false;
    if (
      !unit &&
      language === 'en' &&
      tokens[endIndex + 1]?.folded === 'or' &&
      tokens[endIndex + 2]?.folded === 'so'
    ) {
      unit = unitAt(tokens, endIndex + 3);
      orSo = unit !== undefined;
    }
    // "twenty plus years": the unit after the plus.
    if (unit && /^(?:plus|pluss|\+)$/.test(unit.text.toLowerCase()))
      unit = unitAt(tokens, unit.endIndex + 1) ?? unit;
    // "a week or two", "a beer or two", "en dag eller to": a range from one.
    if (
      unit &&
      shape === 'scalar' &&
      parsed.value === 1 &&
      orUnitRange(tokens, unit.endIndex + 1, language)
    ) {
      const range = orUnitRange(tokens, unit.endIndex + 1, language);
      if (range) {
        value2 = range.value;
        shape = 'range';
        const again = unitAt(tokens, range.endIndex + 1);
        unit = { ...unit, endIndex: again?.family === unit.family ? again.endIndex : range.endIndex };
      }
    }
    // "a year and a half", "a pack and a half": one and a half units.
    if (
      unit &&
      shape === 'scalar' &&
      parsed.value === 1 &&
      /^(?:and|og)$/.test(tokens[unit.endIndex + 1]?.folded ?? '') &&
      /^(?:a|en|ei|et)$/.test(tokens[unit.endIndex + 2]?.folded ?? '') &&
      /^(?:half|halv|halvt)$/.test(tokens[unit.endIndex + 3]?.folded ?? '')
    ) {
      parsed.value = 1.5;
      parsed.ambiguous = false;
      unit = { ...unit, endIndex: unit.endIndex + 3 };
    }
    // "a 2-week vacation", "a 10-day course": a hyphenated duration.
    if (!unit && tokens[endIndex + 1]?.text === '-') {
      const hyphenated = unitAt(tokens, endIndex + 2);
      if (hyphenated?.family === 'time') unit = hyphenated;
    }
    // "x 4", "x 2–3/d": frequency written before the number.
    const before = tokens[index - 1];
    // (Not the second number of a size: "2 cm x 1 cm".)
    if (before && (before.folded === 'x' || before.text === '×') && unit?.family !== 'length') {
      unit = { family: 'frequency', factor: 1, text: 'x', endIndex: unit?.endIndex ?? endIndex };
    }
    if (language === 'en' && /^(?:once|twice)$/.test(token.folded))
      unit = { family: 'frequency', factor: 1, text: token.text, endIndex };
    // "en", "ett", "a", "one": numbers only with a unit, and not "twice a day" / "fire ganger om dagen".
    // "a pack a day", "a pack and a half a day": a rate's period, not a duration.
    const afterFrequency =
      before !== undefined &&
      (/^(?:times|twice|once|ganger|gang|x|mg|g|per|each|every|half)$/.test(before.folded) ||
        unitAt(tokens, index - 1)?.family === 'count');
    // "a beer", "an episode": an article before a singular count noun is no count to verify ("a beer or two" is).
    const singularCount =
      /^(?:a|an)$/.test(token.folded) &&
      unit?.family === 'count' &&
      /^(?:beer|drink|cup|bottle|episode|cigarette)$/.test(unit.text.toLowerCase());
    // "It goes down to like a one with ibuprofen", "it's a one at rest": "one" after the article with no noun after it
    // is a number said as a noun (a score), as "a six" is; "a one-time thing" and "a one bedroom" have their noun.
    const scoreSaidAsNoun =
      language === 'en' &&
      token.folded === 'one' &&
      before?.folded === 'a' &&
      NO_NOUN_AFTER_ONE.test(tokens[index + 1]?.folded ?? '');
    if (
      parsed.ambiguous &&
      shape === 'scalar' &&
      !scoreSaidAsNoun &&
      (!unit || afterFrequency || singularCount)
    ) {
      index = parsed.endIndex + 1;
      continue;
    }
    let approximate = false;
    let label: string | undefined;
    for (let back = index - 1; back >= 0 && back >= index - 6; back -= 1) {
      const previous = tokens[back];
      if (!previous || isBreak(tokens, back)) break;
      if (/^\d/.test(previous.text)) break;
      const word = parseNumberWord(previous.folded, language);
      if (word && !word.ambiguous) break;
      if (APPROXIMATE_WORDS.has(previous.folded)) approximate = true;
      const found = labelAt(tokens, back);
      if (found) {
        label = found;
        break;
      }
    }
    if (/^(?:et|a)$/.test(token.folded) || orSo) approximate = true;
    // "type 2 diabetes", "diabetes type 1": a type, compared only with another type.
    if (/^(?:type|typ)$/.test(tokens[index - 1]?.folded ?? '')) label = 'type';
    // "jeg målte 38,9 i går kveld": a bare number with one decimal between 35 and 43 is a body temperature in °C
    // (no other common bedside value without a unit falls there with a decimal).
    if (
      !label &&
      !unit &&
      shape === 'scalar' &&
      !parsed.ordinal &&
      !Number.isInteger(parsed.value) &&
      Math.round(parsed.value * 10) === parsed.value * 10 &&
      parsed.value >= 35 &&
      parsed.value < 43
    )
      label = 'temperature';
    const lastIndex = Math.max(unit?.endIndex ?? endIndex, endIndex);
    const start = token.start;
    const end = tokens[lastIndex]?.end ?? token.end;
    const quantity: Quantity = {
      value: parsed.value,
      shape,
      factor: unit?.factor ?? 1,
      ordinal: parsed.ordinal,
      approximate,
      start,
      end,
      text: text.slice(start, end),
    };
    if (value2 !== undefined) quantity.value2 = value2;
    if (unit) {
      quantity.family = unit.family;
      quantity.unitText = unit.text;
      if (unit.family === 'frequency') {
        const period = frequencyPeriod(tokens, lastIndex + 1) ?? (unit.text === 'x' ? 'day' : undefined);
        if (period) quantity.period = period;
      }
    }
    // A label before a duration, frequency or count belongs to something else ("Kreatinin og kalium om 10 d").
    const vitalFamily = label === undefined ? undefined : VITAL_FAMILIES[label];
    if (
      label &&
      !(unit && (unit.family === 'time' || unit.family === 'frequency' || unit.family === 'count')) &&
      !(unit && vitalFamily && unit.family !== vitalFamily)
    )
      quantity.label = label;
    // A year after a preposition ("a stent in 2018", "in twenty eighteen"): compared only with another year.
    if (
      language === 'en' &&
      !unit &&
      shape === 'scalar' &&
      !parsed.ordinal &&
      !label &&
      Number.isInteger(parsed.value) &&
      parsed.value >= 1900 &&
      parsed.value <= 2099 &&
      (YEAR_BEFORE.test(tokens[index - 1]?.folded ?? '') ||
        YEAR_IN_LIST.test(text.slice(0, start)) ||
        (/^\W*$/.test(text.slice(0, start)) && /^\W*$/.test(text.slice(end)))) &&
      !/^[/.,]\d/.test(text.slice(end, end + 2))
    )
      quantity.label = 'year';
    // "148/92" and "148 over 92" are blood pressures when the numbers are plausible.
    if (
      shape === 'pair' &&
      !label &&
      parsed.value >= 70 &&
      parsed.value <= 260 &&
      (value2 ?? 0) >= 30 &&
      (value2 ?? 0) <= 160
    ) {
      quantity.label = 'blood-pressure';
    }
    quantities.push(quantity);
    index = lastIndex + 1;
  }
  return quantities;
}

/** The quantity's values in the family's base unit. */
export function baseValues(quantity: Quantity): number[] {
  const values = [quantity.value * quantity.factor];
  if (quantity.value2 !== undefined) values.push(quantity.value2 * quantity.factor);
  return values;
}

function closeEnough(left: number, right: number, family: UnitFamily | 'converted' | undefined): boolean {
  if (left === right) return true;
  const difference = Math.abs(left - right);
  if (family === 'time') return difference / Math.max(Math.abs(left), Math.abs(right)) <= 0.08;
  // A weight converted between unit systems and rounded ("1.5 kg" for "3 and a half pounds").
  if (family === 'converted') return difference / Math.max(Math.abs(left), Math.abs(right)) <= 0.08;
  return difference < 1e-6 * Math.max(1, Math.abs(left));
}

/** Whether two unit families can be compared; an unknown unit is compatible with any. */
export function familiesCompatible(left: Quantity, right: Quantity): boolean {
  if (!left.family || !right.family) return true;
  if (left.family === right.family) return true;
  // Beats and a rate per minute are the same thing ("80 beats a minute").
  const pair = new Set([left.family, right.family]);
  return pair.has('rate') && pair.has('count');
}

/** A range said on a scale of ten ("two through seven out of ten", "5-6/10"). */
export function onTenScale(quantity: Quantity): boolean {
  return quantity.shape === 'range' && /(?:\/\s*10|out of (?:10|ten))\s*$/iu.test(quantity.text);
}

/** Units of time that are fixed multiples of each other: minutes, hours, days, weeks (not months or years). */
const EXACT_TIME_FACTORS = [1 / 1440, 1 / 24, 1, 7];
/**
 * Between minutes, hours, days and weeks a time converts exactly ("half an hour" is 30 minutes, "48 hours" 2 days):
 * a note may round it to a whole number of its own unit ("10 days" for "a week and a half"), no further ("28
 * minutes" is not "about a half an hour"). Months and years vary in length and keep the looser tolerance ("4 weeks"
 * for "a month").
 */
function exactTimeUnits(claimed: Quantity, found: Quantity): boolean {
  const exact = (factor: number): boolean =>
    EXACT_TIME_FACTORS.some((known) => Math.abs(known - factor) < 1e-9);
  return exact(claimed.factor) && exact(found.factor);
}

/** True when the transcript quantity `found` can support the note quantity `claimed`. */
export function quantitiesMatch(claimed: Quantity, found: Quantity): boolean {
  if (!familiesCompatible(claimed, found)) return false;
  if (claimed.period && found.period && claimed.period !== found.period) return false;
  const sameFamily = claimed.family !== undefined && claimed.family === found.family;
  const claimedValues = sameFamily
    ? baseValues(claimed)
    : [claimed.value, ...(claimed.value2 === undefined ? [] : [claimed.value2])];
  const foundValues = sameFamily
    ? baseValues(found)
    : [found.value, ...(found.value2 === undefined ? [] : [found.value2])];
  // Tolerance only between units ("4 weeks" for "a month"); in the same unit 13 years is not 14.
  // Between metric and imperial units ("kg" and "pounds") a value is rounded in conversion.
  const metric = (factor: number): boolean => Number.isInteger(Math.round(Math.log10(factor) * 1e6) / 1e6);
  const family =
    sameFamily && claimed.factor !== found.factor
      ? claimed.family === 'mass' && metric(claimed.factor) !== metric(found.factor)
        ? 'converted'
        : claimed.family
      : undefined;
  const first = claimedValues[0] ?? Number.NaN;
  const close = (left: number, right: number, between: typeof family): boolean =>
    closeEnough(left, right, between) &&
    !(between === 'time' && exactTimeUnits(claimed, found) && Math.abs(left - right) > claimed.factor / 2);
  if (claimed.shape === 'pair') {
    if (found.shape === 'pair') {
      return (
        close(first, foundValues[0] ?? Number.NaN, family) &&
        close(claimedValues[1] ?? Number.NaN, foundValues[1] ?? Number.NaN, family)
      );
    }
    // "9/10" pain said as "like a nine"; "2/10" at best and "7/10" at worst said as a range "two through seven out of
    // ten" (either end).
    if (claimed.value2 !== 10) return false;
    if (found.shape === 'range' && onTenScale(found))
      return foundValues.some((value) => close(claimed.value, value, undefined));
    return close(claimed.value, found.value, undefined);
  }
  if (claimed.shape === 'range') {
    // "2–3 weeks" for "a couple of weeks": an approximate value inside a narrow range ("1 to 5 weeks" is no "a week
    // or so").
    if (
      claimed.family === 'time' &&
      found.shape === 'scalar' &&
      claimed.value2 !== undefined &&
      claimed.value2 <= 2 * claimed.value &&
      (found.approximate || /couple|par\b|few/.test(found.text.toLowerCase()))
    ) {
      const value = foundValues[0] ?? Number.NaN;
      return value >= first - 1e-9 && value <= (claimedValues[1] ?? Number.NaN) + 1e-9;
    }
    if (found.shape !== 'range') return false;
    return (
      close(first, foundValues[0] ?? Number.NaN, family) &&
      close(claimedValues[1] ?? Number.NaN, foundValues[1] ?? Number.NaN, family)
    );
  }
  if (found.shape === 'pair') return false;
  return foundValues.some((value) => close(first, value, family));
}

/** The value of a range end as its own quantity (for "VAS 7–8" said as "sju, kanskje åtte"). */
export function rangeEnds(quantity: Quantity): Quantity[] {
  if (quantity.shape !== 'range' || quantity.value2 === undefined) return [quantity];
  const { value2, ...rest } = quantity;
  return [
    { ...rest, shape: 'scalar' },
    { ...rest, value: value2, shape: 'scalar' },
  ];
}

/** Formats a quantity's numbers for reasons: a decimal comma in Norwegian. */
export function formatQuantityValue(quantity: Quantity, language: Language): string {
  const format = (value: number): string => {
    const text = String(Math.round(value * 1000) / 1000);
    return language === 'nb' ? text.replace('.', ',') : text;
  };
  const main = format(quantity.value);
  if (quantity.value2 === undefined) return main;
  return quantity.shape === 'pair'
    ? `${main}/${format(quantity.value2)}`
    : `${main}–${format(quantity.value2)}`;
}
