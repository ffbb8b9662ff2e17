import type { Language } from '@kollega/domain';

/**
 * Spoken numbers → digits, for Norwegian Bokmål and English speech-to-text output.
 * "seks hundre og seksti" → 660, "trettiåtte komma ni" → 38,9, "hundre og førtiåtte over nittito" → 148/92,
 * "to og en halv" → 2,5, "one hundred and twenty" → 120, "thirty-eight point five" → 38.5.
 * Source: Norwegian and English cardinal number grammar (Norsk referansegrammatikk, 1997; standard English).
 */

type WordKind = 'unit' | 'teen' | 'tens' | 'compound' | 'hundred' | 'thousand';

interface NumberWord {
  value: number;
  kind: WordKind;
  /** "en", "ett", "one": only a number in a numeric context. */
  ambiguous?: boolean;
}

const NB_UNITS: Record<string, number> = {
  null: 0,
  en: 1,
  én: 1,
  ett: 1,
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
const EN_UNITS: Record<string, number> = {
  zero: 0,
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
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const NB_AMBIGUOUS = new Set(['en', 'ei', 'ett', 'én']);
const EN_AMBIGUOUS = new Set(['one']);

/** Words after which "en"/"one" is a number: units, dose units, time units, counts. */
const NUMERIC_CONTEXT_AFTER =
  /^(gram|grams|milligram|milligrams|mikrogram|microgram|micrograms|kilo|kilos|kg|g|mg|liter|litre|liters|prosent|percent|tablett|tabletten|tablet|tablets|pill|pills|dosepose|sachet|drag|puff|puffs|dag|dagen|døgn|day|uke|uka|week|måned|month|år|year|time|timen|hour|minutt|minute|kapsel|capsule|glass|enhet|unit|units|centimeter|cm|millimeter|mm|grad|grader|degree|degrees|mikrogram)$/;

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  isWord: boolean;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) {
    const value = match[0];
    tokens.push({
      text: value,
      lower: value.toLowerCase(),
      start: match.index,
      end: match.index + value.length,
      isWord: /[\p{L}\p{N}]/u.test(value),
    });
  }
  return tokens;
}

const WORD_MEMO = new Map<string, NumberWord | null>();

function lookupWord(word: string, language: Language): NumberWord | undefined {
  const key = `${language}|${word}`;
  const memo = WORD_MEMO.get(key);
  if (memo !== undefined) return memo ?? undefined;
  const found = scanWord(word, language);
  if (WORD_MEMO.size > 20000) WORD_MEMO.clear();
  WORD_MEMO.set(key, found ?? null);
  return found;
}

function scanWord(word: string, language: Language): NumberWord | undefined {
  const units = language === 'nb' ? NB_UNITS : EN_UNITS;
  const teens = language === 'nb' ? NB_TEENS : EN_TEENS;
  const tens = language === 'nb' ? NB_TENS : EN_TENS;
  const ambiguous = language === 'nb' ? NB_AMBIGUOUS : EN_AMBIGUOUS;
  const unit = units[word];
  if (unit !== undefined) return { value: unit, kind: 'unit', ambiguous: ambiguous.has(word) };
  const teen = teens[word];
  if (teen !== undefined) return { value: teen, kind: 'teen' };
  const ten = tens[word];
  if (ten !== undefined) return { value: ten, kind: 'tens' };
  if (word === 'hundre' || word === 'hundred') return { value: 100, kind: 'hundred' };
  if (word === 'tusen' || word === 'thousand') return { value: 1000, kind: 'thousand' };
  if (language === 'nb') {
    // glued compounds: "trettiåtte", "tjueen", "tohundre"
    for (const [tenWord, tenValue] of Object.entries(tens)) {
      if (word.startsWith(tenWord) && word.length > tenWord.length) {
        const rest = word.slice(tenWord.length);
        const restValue = units[rest];
        if (restValue !== undefined && restValue > 0)
          return { value: tenValue + restValue, kind: 'compound' };
      }
    }
    const hundredMatch = /^(en|ett|to|tre|fire|fem|seks|sju|syv|åtte|ni)hundre$/.exec(word);
    if (hundredMatch?.[1] !== undefined) {
      return { value: (units[hundredMatch[1]] ?? 1) * 100, kind: 'compound' };
    }
  }
  return undefined;
}

function isSmall(kind: WordKind): boolean {
  return kind === 'unit' || kind === 'teen' || kind === 'tens' || kind === 'compound';
}

/** Formats a number with the language's decimal separator. */
export function formatNumber(value: number, language: Language): string {
  const rounded = Math.round(value * 1000) / 1000;
  const text = String(rounded);
  return language === 'nb' ? text.replace('.', ',') : text;
}

interface NumberPhrase {
  startToken: number;
  endToken: number; // exclusive
  text: string;
}

function nextWordIndex(tokens: Token[], index: number): number {
  let position = index;
  while (position < tokens.length) {
    const token = tokens[position];
    if (token === undefined) break;
    if (token.isWord) return position;
    // only whitespace or a hyphen/comma between words of one phrase
    if (!/^[\s,-]*$/.test(token.text)) return -1;
    position += 1;
  }
  return -1;
}

function separatorIsSpace(tokens: Token[], from: number, to: number): boolean {
  for (let position = from; position < to; position += 1) {
    const token = tokens[position];
    if (token && !token.isWord && !/^\s+$/.test(token.text)) return false;
  }
  return true;
}

/** Parses a number phrase starting at word token `index`; undefined if no number starts there. */
function parsePhrase(tokens: Token[], index: number, language: Language): NumberPhrase | undefined {
  const first = tokens[index];
  if (!first) return undefined;
  const firstWord = lookupWord(first.lower, language);
  if (!firstWord) return undefined;
  const andWord = language === 'nb' ? 'og' : 'and';
  let total = 0;
  let current = 0;
  let lastKind: WordKind | undefined;
  let endToken = index;
  let position = index;
  let sawHundred = false;
  let words = 0;
  while (position < tokens.length) {
    const token = tokens[position];
    if (!token?.isWord) break;
    const word = lookupWord(token.lower, language);
    if (!word) {
      if (token.lower === andWord && (lastKind === 'hundred' || lastKind === 'thousand')) {
        const after = nextWordIndex(tokens, position + 1);
        const afterWord = after >= 0 ? tokens[after] : undefined;
        const afterNumber = afterWord ? lookupWord(afterWord.lower, language) : undefined;
        if (afterNumber && isSmall(afterNumber.kind) && separatorIsSpace(tokens, position + 1, after)) {
          position = after;
          continue;
        }
      }
      break;
    }
    if (isSmall(word.kind)) {
      if (lastKind !== undefined && isSmall(lastKind)) {
        // "twenty five" (English) composes; Norwegian writes compounds glued.
        const composes = language === 'en' && lastKind === 'tens' && word.kind === 'unit' && word.value > 0;
        if (!composes) break;
      }
      if (word.kind === 'compound' && word.value >= 100) {
        if (current !== 0) break;
        current = word.value;
        lastKind = 'hundred';
        sawHundred = true;
      } else {
        current += word.value;
        lastKind = word.kind;
      }
    } else if (word.kind === 'hundred') {
      if (sawHundred && current >= 100) break;
      if (lastKind !== undefined && !isSmall(lastKind) && lastKind !== 'thousand') break;
      current = (current === 0 ? 1 : current) * 100;
      sawHundred = true;
      lastKind = 'hundred';
    } else {
      if (lastKind === 'thousand') break;
      total += (current === 0 ? 1 : current) * 1000;
      current = 0;
      sawHundred = false;
      lastKind = 'thousand';
    }
    words += 1;
    endToken = position + 1;
    const next = nextWordIndex(tokens, position + 1);
    if (next < 0) break;
    if (!separatorIsSpace(tokens, position + 1, next)) {
      // English writes "twenty-five" with a hyphen
      const nextToken = tokens[next];
      const nextWord = nextToken ? lookupWord(nextToken.lower, language) : undefined;
      const hyphenated =
        language === 'en' &&
        word.kind === 'tens' &&
        nextWord?.kind === 'unit' &&
        tokens[position + 1]?.text === '-';
      if (!hyphenated) break;
    }
    position = next;
  }
  if (words === 0) return undefined;
  const value = total + current;
  // A lone ambiguous word ("en", "one") needs a numeric context.
  if (words === 1 && firstWord.ambiguous) {
    const after = nextWordIndex(tokens, endToken);
    const afterToken = after >= 0 ? tokens[after] : undefined;
    const before = index >= 2 ? tokens[index - 2] : undefined;
    const afterIsContext =
      afterToken !== undefined &&
      (NUMERIC_CONTEXT_AFTER.test(afterToken.lower) ||
        afterToken.lower === 'komma' ||
        afterToken.lower === 'point' ||
        (afterToken.lower === 'gang' && isDailyAfter(tokens, after + 1)));
    const beforeIsContext = before !== undefined && (before.lower === 'komma' || before.lower === 'point');
    if (!afterIsContext && !beforeIsContext) return undefined;
  }
  return { startToken: index, endToken, text: String(value) };
}

function isDailyAfter(tokens: Token[], index: number): boolean {
  const next = nextWordIndex(tokens, index);
  const token = next >= 0 ? tokens[next] : undefined;
  if (!token) return false;
  return /^(daglig|om|i|per|pr|til|a|each|per|daily)$/.test(token.lower);
}

/**
 * Replaces spoken numbers with digits. Keeps everything else as it is.
 * Decimals ("komma"/"point"), halves ("og en halv", "and a half", "halvannen") and
 * temperatures said as "trettisju åtte" (34–42 followed by one digit) become decimals.
 */
export function convertNumberWords(text: string, language: Language): string {
  const tokens = tokenize(text);
  const out: string[] = [];
  let index = 0;
  const comma = language === 'nb' ? ',' : '.';
  const decimalWord = language === 'nb' ? 'komma' : 'point';
  while (index < tokens.length) {
    const token = tokens[index];
    if (!token) break;
    if (!token.isWord) {
      out.push(token.text);
      index += 1;
      continue;
    }
    if (language === 'nb' && token.lower === 'halvannen') {
      out.push('1,5');
      index += 1;
      continue;
    }
    const phrase = parsePhrase(tokens, index, language);
    if (!phrase) {
      out.push(token.text);
      index += 1;
      continue;
    }
    let numberText = phrase.text;
    let end = phrase.endToken;
    const integerValue = Number(phrase.text);
    // decimals: "komma ni", "komma null fem", "point five"
    const afterIndex = nextWordIndex(tokens, end);
    const afterToken = afterIndex >= 0 ? tokens[afterIndex] : undefined;
    if (afterToken && afterToken.lower === decimalWord) {
      let digitIndex = nextWordIndex(tokens, afterIndex + 1);
      let digits = '';
      while (digitIndex >= 0) {
        const digitToken = tokens[digitIndex];
        if (!digitToken) break;
        const word = lookupWord(digitToken.lower, language);
        if (/^\d+$/.test(digitToken.text)) {
          digits += digitToken.text;
        } else if (word && (word.kind === 'unit' || (digits === '' && isSmall(word.kind)))) {
          digits += String(word.value);
        } else {
          break;
        }
        end = digitIndex + 1;
        if (word && word.kind !== 'unit') break;
        digitIndex = nextWordIndex(tokens, digitIndex + 1);
      }
      if (digits !== '') numberText = `${numberText}${comma}${digits}`;
    } else if (afterToken) {
      // "og en halv" / "and a half"
      const half = matchHalf(tokens, afterIndex, language);
      if (half > 0) {
        numberText = `${numberText}${comma}5`;
        end = half;
      } else if (integerValue >= 34 && integerValue <= 42 && phrase.endToken - phrase.startToken === 1) {
        // temperature said as "trettisju åtte"
        const word = lookupWord(afterToken.lower, language);
        const following = nextWordIndex(tokens, afterIndex + 1);
        const followingToken = following >= 0 ? tokens[following] : undefined;
        const followingIsCount =
          followingToken !== undefined &&
          (NUMERIC_CONTEXT_AFTER.test(followingToken.lower) ||
            /^(ganger|dager|uker|år|timer|tabletter|times|days|weeks|years)$/.test(followingToken.lower) ||
            lookupWord(followingToken.lower, language) !== undefined);
        if (
          word &&
          word.kind === 'unit' &&
          !word.ambiguous &&
          separatorIsSpace(tokens, end, afterIndex) &&
          !followingIsCount
        ) {
          numberText = `${numberText}${comma}${word.value}`;
          end = afterIndex + 1;
        }
      }
    }
    out.push(numberText);
    index = end;
  }
  let result = out.join('');
  // hyphenated spoken ranges keep their hyphen: "fem-ti" → "5-10" (already handled token-wise)
  result = result.replace(/\b(\d+) ?- ?(\d+)\b/g, '$1-$2');
  return result;
}

function matchHalf(tokens: Token[], index: number, language: Language): number {
  const words = language === 'nb' ? ['og', 'en', 'halv'] : ['and', 'a', 'half'];
  let position = index;
  for (const expected of words) {
    const token = tokens[position];
    if (!token || token.lower !== expected) {
      if (language === 'nb' && expected === 'en' && token?.lower === 'ei') {
        // "og ei halv"
      } else {
        return 0;
      }
    }
    const next = nextWordIndex(tokens, position + 1);
    if (expected === 'halv' || expected === 'half') return position + 1;
    if (next < 0) return 0;
    position = next;
  }
  return 0;
}

const NB_ORDINALS: Record<string, string> = {
  tredje: '3.',
  fjerde: '4.',
  femte: '5.',
  sjette: '6.',
  sjuende: '7.',
  syvende: '7.',
  åttende: '8.',
  niende: '9.',
  tiende: '10.',
  ellevte: '11.',
  tolvte: '12.',
};

/**
 * Ordinals as digits ("hver tredje dag" → "hver 3. dag", "fjerde og femte tå" → "4. og 5. tå").
 * "første" and "andre" stay words ("andre" also means "other").
 */
export function convertOrdinals(text: string, language: Language): string {
  if (language !== 'nb') return text;
  return text.replace(
    /(?<![\p{L}\p{N}])(tredje|fjerde|femte|sjette|sjuende|syvende|åttende|niende|tiende|ellevte|tolvte)(?![\p{L}\p{N}])/giu,
    (word: string) => NB_ORDINALS[word.toLowerCase()] ?? word,
  );
}

/** "148 over 92" → "148/92" for blood pressure (systolic 60–260, diastolic 30–160). */
export function joinBloodPressure(text: string): string {
  return text.replace(
    /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(\d{2,3}) (?:over|på) (\d{2,3})(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu,
    (whole, systolic: string, diastolic: string) => {
      const high = Number(systolic);
      const low = Number(diastolic);
      if (high >= 60 && high <= 260 && low >= 30 && low <= 160 && high > low)
        return `${systolic}/${diastolic}`;
      return whole;
    },
  );
}
