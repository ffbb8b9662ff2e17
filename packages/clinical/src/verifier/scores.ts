/**
 * Clinical scores written in a note ("Centor 4", "CRB-65 = 0", "PHQ-9: 17"): a score outside its scale, another
 * value of the same score said in the consultation, or a count of criteria the transcript cannot reach is flagged.
 * Sources of the scales and criteria:
 * - Centor (Centor et al., Med Decis Making 1981): fever > 38 °C, absence of cough, tender anterior cervical
 *   lymph nodes, tonsillar exudate or swelling; 0–4. McIsaac (CMAJ 1998) adds an age point (3–14 y +1, ≥ 45 y −1).
 * - CRB-65 (Lim et al., Thorax 2003; BTS guideline 2009): confusion, respiratory rate ≥ 30/min, systolic BP < 90
 *   or diastolic ≤ 60 mmHg, age ≥ 65; 0–4. CURB-65 adds urea > 7 mmol/l; 0–5.
 *   The Norwegian antibiotic guideline (Helsedirektoratet, Antibiotikabruk i primærhelsetjenesten) uses both.
 * - Scale ranges: PHQ-9 0–27, GAD-7 0–21, GCS 3–15, Apgar 0–10, AUDIT 0–40, MADRS 0–60, EPDS 0–30, NEWS2 0–20,
 *   MEWS 0–14, CHA2DS2-VASc 0–9, CHADS2 0–6, HAS-BLED 0–9, Wells (DVT −2–9, PE 0–12.5).
 */
import type { Language } from '@kollega/domain';
import type { Quantity } from './quantities';
import type { TranscriptIndex, TranscriptUnit } from './transcript-index';
import { foldText } from './text-tools';

/** What the transcript tells about a score written in the note. */
export interface ScoreFinding {
  verdict: 'contradicted' | 'supported';
  reason?: string;
  segmentIds: string[];
}

type Status = 'present' | 'absent' | 'unknown';

interface ScoreSpec {
  id: string;
  /** The score's name in folded note or transcript text (also as speech recognition writes it). */
  name: RegExp;
  min: number;
  max: number;
  /** Number of equally weighted criteria, for counts said as "tre av fire kriterier". */
  criteria?: number;
  /** The lowest and highest score the transcript's criteria allow. */
  bounds?: (index: TranscriptIndex) => { low: number; high: number; ids: string[] } | undefined;
}

const END = '(?![\\p{L}\\p{N}])';
const START = '(?<![\\p{L}\\p{N}])';
const nameRegExp = (body: string): RegExp => new RegExp(`${START}(?:${body})${END}`, 'u');

// ---------- criteria in the transcript ----------

const negationPatterns = new WeakMap<TranscriptIndex['compiled'], RegExp>();

/** The language pack's negation cues (before and after a word) as one pattern, plus a glued "n't". */
function negationPattern(index: TranscriptIndex): RegExp {
  let pattern = negationPatterns.get(index.compiled);
  if (!pattern) {
    const cues = [...index.compiled.negationCues, ...index.compiled.postNegationCues].map((cue) =>
      cue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
    pattern = new RegExp(`(?<![\\p{L}])(?:${cues.join('|')})(?![\\p{L}])|n't(?![\\p{L}])`, 'u');
    negationPatterns.set(index.compiled, pattern);
  }
  return pattern;
}

/** Whether the words before `at` in their clause negate the match. */
function negatedAt(text: string, at: number, index: TranscriptIndex): boolean {
  const before = text.slice(0, at);
  const boundary = Math.max(
    before.lastIndexOf(','),
    before.lastIndexOf('.'),
    before.lastIndexOf(';'),
    before.lastIndexOf(':'),
    before.search(/(?:\s(?:men|but|og|and)\s)(?!.*\s(?:men|but|og|and)\s)/u),
  );
  return negationPattern(index).test(before.slice(boundary + 1));
}

/** Units about the patient that state something (no safety-netting, no relative's story). */
function statingUnits(index: TranscriptIndex): TranscriptUnit[] {
  return index.units.filter(
    (unit) => !unit.hypothetical && !unit.subjects.some((subject) => subject === 'relative'),
  );
}

interface Evidence {
  status: Status;
  ids: string[];
}

function combine(found: Array<{ present: boolean; id: string }>): Evidence {
  const ids = [...new Set(found.map((entry) => entry.id))];
  if (found.length === 0) return { status: 'unknown', ids };
  if (found.every((entry) => entry.present)) return { status: 'present', ids };
  if (found.every((entry) => !entry.present)) return { status: 'absent', ids };
  return { status: 'unknown', ids };
}

/** Mentions of a finding: affirmed or denied in statements, or asked and answered yes or no. */
function findingEvidence(index: TranscriptIndex, pattern: RegExp, options: { questions: boolean }): Evidence {
  const global = new RegExp(pattern.source, 'gu');
  const found: Array<{ present: boolean; id: string }> = [];
  for (const unit of statingUnits(index)) {
    const text = foldText(unit.text);
    const matches = [...text.matchAll(global)];
    if (matches.length === 0) continue;
    if (unit.isQuestion) {
      if (!options.questions) continue;
      if (unit.answer === 'negative' || unit.answer === 'positive')
        found.push({ present: unit.answer === 'positive', id: unit.segmentId });
      continue;
    }
    for (const match of matches)
      found.push({ present: !negatedAt(text, match.index, index), id: unit.segmentId });
  }
  return combine(found);
}

/** Patient quantities with a label, outside safety-netting. */
function labelled(index: TranscriptIndex, label: string): Array<{ quantity: Quantity; id: string }> {
  return statingUnits(index).flatMap((unit) =>
    unit.quantities
      .filter((quantity) => quantity.label === label && quantity.subject === 'patient' && !unit.isQuestion)
      .map((quantity) => ({ quantity, id: unit.segmentId })),
  );
}

const FEVER_WORD = /(?<![\p{L}])(?:feber|febril|fever|febrile|pyrexia)(?![\p{L}])/u;

/** Centor fever: a temperature over 38 °C said; all temperatures said below 38 and no fever affirmed: absent. */
function feverOver38(index: TranscriptIndex): Evidence {
  const temperatures = labelled(index, 'temperature').map(({ quantity, id }) => ({
    celsius: quantity.value > 50 ? ((quantity.value - 32) * 5) / 9 : quantity.value,
    id,
  }));
  const high = temperatures.filter((entry) => entry.celsius > 38);
  if (high.length > 0) return { status: 'present', ids: high.map((entry) => entry.id) };
  const words = findingEvidence(index, FEVER_WORD, { questions: false });
  if (
    temperatures.length > 0 &&
    temperatures.every((entry) => entry.celsius < 38) &&
    words.status !== 'present'
  )
    return { status: 'absent', ids: temperatures.map((entry) => entry.id) };
  return words.status === 'absent' ? words : { status: 'unknown', ids: [] };
}

function invert(evidence: Evidence): Evidence {
  const status: Status =
    evidence.status === 'present' ? 'absent' : evidence.status === 'absent' ? 'present' : 'unknown';
  return { status, ids: evidence.ids };
}

/** Either of two findings: present when one is, absent when both are. */
function either(left: Evidence, right: Evidence): Evidence {
  if (left.status === 'present' || right.status === 'present')
    return { status: 'present', ids: [...left.ids, ...right.ids] };
  if (left.status === 'absent' && right.status === 'absent')
    return { status: 'absent', ids: [...left.ids, ...right.ids] };
  return { status: 'unknown', ids: [] };
}

const COUGH =
  /(?<![\p{L}])(?:hoste|hoster|hostet|hosting|hostende|cough|coughs|coughing|coughed)(?![\p{L}])/u;
const NODES =
  /(?<![\p{L}])(?:lymfeknute|lymfeknuter|lymfeknutene|glandel|glandler|glandlene|kjertel|kjertler|kjertlene|lymph nodes?|lymphadenopathy|adenopathy|glands?)(?![\p{L}])/u;
const EXUDATE =
  /(?<![\p{L}])(?:belegg|belegget|eksudat|puss|pusspropper|exudates?|exudative|pus|white patches|white spots)(?![\p{L}])/u;
const TONSIL_SWELLING =
  /(?<![\p{L}])(?:(?:store|forstørrede|hovne|svære)\s+(?:mandler|mandlene|tonsiller|tonsillene)|(?:mandlene|tonsillene)\s+(?:er\s+)?(?:store|forstørrede|hovne)|(?:enlarged|swollen|large)\s+tonsils|tonsils\s+(?:are\s+)?(?:enlarged|swollen|large))(?![\p{L}])/u;

function centorBounds(index: TranscriptIndex): { low: number; high: number; ids: string[] } {
  const criteria = [
    feverOver38(index),
    invert(findingEvidence(index, COUGH, { questions: true })),
    findingEvidence(index, NODES, { questions: true }),
    either(
      findingEvidence(index, EXUDATE, { questions: true }),
      findingEvidence(index, TONSIL_SWELLING, { questions: true }),
    ),
  ];
  return bounds(criteria);
}

const CONFUSED =
  /(?<![\p{L}])(?:forvirret|forvirring|konfus|konfusjon|desorientert|confused|confusion|disoriented|delirious)(?![\p{L}])/u;
const ORIENTED = /(?<![\p{L}])(?:orientert|oriented|alert and oriented)(?![\p{L}])/u;

function confusion(index: TranscriptIndex): Evidence {
  const confused = findingEvidence(index, CONFUSED, { questions: true });
  const oriented = invert(findingEvidence(index, ORIENTED, { questions: false }));
  if (confused.status === 'unknown' || confused.status === oriented.status) return oriented;
  if (oriented.status === 'unknown') return confused;
  return { status: 'unknown', ids: [] };
}

function respiratoryRate30(index: TranscriptIndex): Evidence {
  const rates = labelled(index, 'respiratory-rate');
  if (rates.length === 0) return { status: 'unknown', ids: [] };
  const high = rates.filter(({ quantity }) => quantity.value >= 30);
  return high.length > 0
    ? { status: 'present', ids: high.map(({ id }) => id) }
    : { status: 'absent', ids: rates.map(({ id }) => id) };
}

function lowBloodPressure(index: TranscriptIndex): Evidence {
  const pressures = labelled(index, 'blood-pressure').filter(({ quantity }) => quantity.shape === 'pair');
  if (pressures.length === 0) return { status: 'unknown', ids: [] };
  const low = pressures.filter(({ quantity }) => quantity.value < 90 || (quantity.value2 ?? 100) <= 60);
  return low.length > 0
    ? { status: 'present', ids: low.map(({ id }) => id) }
    : { status: 'absent', ids: pressures.map(({ id }) => id) };
}

function bounds(criteria: readonly Evidence[]): { low: number; high: number; ids: string[] } {
  const low = criteria.filter((criterion) => criterion.status === 'present').length;
  const high = low + criteria.filter((criterion) => criterion.status === 'unknown').length;
  return { low, high, ids: [...new Set(criteria.flatMap((criterion) => criterion.ids))] };
}

/** CRB-65 without the age, which the talk seldom states: the age point stays open. */
function crb65Bounds(index: TranscriptIndex, extra: number): { low: number; high: number; ids: string[] } {
  const found = bounds([confusion(index), respiratoryRate30(index), lowBloodPressure(index)]);
  return { low: found.low, high: found.high + 1 + extra, ids: found.ids };
}

const SCORES: readonly ScoreSpec[] = [
  {
    id: 'mcisaac',
    name: nameRegExp('mcisaac|modifi(?:ed|sert) centor'),
    min: -1,
    max: 5,
    bounds: (index) => {
      const found = centorBounds(index);
      return { low: found.low - 1, high: found.high + 1, ids: found.ids };
    },
  },
  { id: 'centor', name: nameRegExp('centor'), min: 0, max: 4, criteria: 4, bounds: centorBounds },
  {
    id: 'crb65',
    name: nameRegExp('crb-?65|crb-? ?sekstifem'),
    min: 0,
    max: 4,
    criteria: 4,
    bounds: (index) => crb65Bounds(index, 0),
  },
  {
    id: 'curb65',
    name: nameRegExp('curb-?65|curb-? ?sekstifem'),
    min: 0,
    max: 5,
    criteria: 5,
    bounds: (index) => crb65Bounds(index, 1),
  },
  { id: 'phq9', name: nameRegExp('phq-? ?(?:9|ni|nine)|phq'), min: 0, max: 27 },
  { id: 'gad7', name: nameRegExp('gad-? ?(?:7|sju|syv|seven)|gad'), min: 0, max: 21 },
  { id: 'cha2ds2vasc', name: nameRegExp('cha2ds2-?vasc'), min: 0, max: 9 },
  { id: 'chads2', name: nameRegExp('chads2?'), min: 0, max: 6 },
  { id: 'hasbled', name: nameRegExp('has-?bled'), min: 0, max: 9 },
  { id: 'gcs', name: nameRegExp('gcs|glasgow coma scale'), min: 3, max: 15 },
  { id: 'apgar', name: nameRegExp('apgar'), min: 0, max: 10 },
  { id: 'audit', name: nameRegExp('audit'), min: 0, max: 40 },
  { id: 'madrs', name: nameRegExp('madrs'), min: 0, max: 60 },
  { id: 'epds', name: nameRegExp('epds'), min: 0, max: 30 },
  { id: 'news', name: nameRegExp('news2?'), min: 0, max: 20 },
  { id: 'mews', name: nameRegExp('mews'), min: 0, max: 14 },
  { id: 'wells', name: nameRegExp('wells'), min: -2, max: 12.5 },
];

/** The score named right before a note number ("Centor 4", "CRB-65 = 0", "PHQ-9: 17", "Centor-skår 3"). */
function scoreBefore(text: string, quantity: Quantity): { spec: ScoreSpec; name: string } | undefined {
  const before = text.slice(Math.max(0, quantity.start - 28), quantity.start);
  const folded = foldText(before);
  for (const spec of SCORES) {
    const tail = new RegExp(
      `(?:${spec.name.source})(?:-?(?:skår|skåre|score|poeng))?\\s*(?:[:=]|er|på|of|is|was|av)?\\s*$`,
      'u',
    );
    const match = tail.exec(folded);
    if (match) return { spec, name: before.slice(match.index).trim() };
  }
  return undefined;
}

const COUNT_WORDS: Record<string, number> = {
  ingen: 0,
  null: 0,
  none: 0,
  zero: 0,
  en: 1,
  én: 1,
  ett: 1,
  one: 1,
  to: 2,
  two: 2,
  tre: 3,
  three: 3,
  fire: 4,
  four: 4,
  fem: 5,
  five: 5,
};

function countValue(word: string, total: number): number | undefined {
  if (word === 'alle' || word === 'all' || word === 'both' || word === 'begge') return total;
  if (/^\d$/.test(word)) return Number(word);
  return COUNT_WORDS[word];
}

const CRITERIA_NOUN =
  '(?:kriterier|kriteriene|kriteriumene|tegn|tegnene|punkter|punktene|criteria|signs|points)';
const COUNT_WORD = '(?:ingen|null|none|zero|en|én|ett|one|to|two|tre|three|fire|four|fem|five|alle|all|\\d)';
const TOTAL_WORD = '(?:fire|four|4|fem|five|5)';

/** Criteria counted aloud: "alle de fire tegnene", "tre av fire kriterier", "av de fire tegnene har du ingen". */
function saidCounts(text: string, total: number): number[] {
  const values: number[] = [];
  const totalOf = (word: string | undefined): number | undefined =>
    word === undefined ? undefined : /^(?:fire|four|4)$/.test(word) ? 4 : 5;
  const patterns = [
    new RegExp(
      `${START}(${COUNT_WORD})\\s+(?:av|of|out of)\\s+(?:de\\s+|the\\s+)?(${TOTAL_WORD})?\\s*${CRITERIA_NOUN}${END}`,
      'gu',
    ),
    new RegExp(
      `${START}(alle|all)\\s+(?:de\\s+|the\\s+)?(${TOTAL_WORD})\\s+(?:of\\s+the\\s+)?${CRITERIA_NOUN}${END}`,
      'gu',
    ),
    new RegExp(
      `${START}av\\s+(?:de\\s+)?(${TOTAL_WORD})\\s+${CRITERIA_NOUN}[^.?!]{0,50}?\\shar\\s+(?:du|han|hun|pasienten)\\s+(?:[\\p{L}]+\\s+){0,2}?(${COUNT_WORD})${END}`,
      'gu',
    ),
  ];
  for (const [position, pattern] of patterns.entries()) {
    for (const match of text.matchAll(pattern)) {
      const [countWord, totalWord] = position === 2 ? [match[2], match[1]] : [match[1], match[2]];
      const stated = totalOf(totalWord);
      if (stated !== undefined && stated !== total) continue;
      const value = countValue(countWord ?? '', total);
      if (value !== undefined && value <= total) values.push(value);
    }
  }
  return values;
}

const SCORE_UNIT = /^(?:poeng|points?|score|skår)$/;

/** The value of the score said in the transcript: right after its name, in points after it, or a criteria count. */
function saidScores(
  spec: ScoreSpec,
  index: TranscriptIndex,
): Array<{ value: number; id: string; text: string }> {
  const said: Array<{ value: number; id: string; text: string }> = [];
  const turns = new Map<number, TranscriptUnit[]>();
  for (const unit of index.units)
    turns.set(unit.segmentIndex, [...(turns.get(unit.segmentIndex) ?? []), unit]);
  for (const turn of turns.values()) {
    const turnNamesScore = turn.some((unit) => spec.name.test(foldText(unit.text)));
    for (const unit of turn) {
      if (unit.hypothetical) continue;
      const text = foldText(unit.text);
      const nameAt = text.search(spec.name);
      for (const quantity of unit.quantities) {
        if (quantity.subject !== 'patient' || quantity.shape !== 'scalar') continue;
        const between =
          nameAt >= 0 && nameAt < quantity.start ? text.slice(nameAt, quantity.start) : undefined;
        // "Centor 3", "CRB-65 er null", "PHQ-9 … du har 17 poeng".
        const direct =
          between !== undefined &&
          quantity.family === undefined &&
          new RegExp(`^(?:${spec.name.source})[\\s\\p{L}:=-]{0,24}$`, 'u').test(between) &&
          between.split(/\s+/).length <= 5;
        const points =
          turnNamesScore && quantity.family === 'count' && SCORE_UNIT.test(foldText(quantity.unitText ?? ''));
        if (direct || points)
          said.push({ value: quantity.value, id: unit.segmentId, text: quantity.text.trim() });
      }
      if (spec.criteria !== undefined)
        for (const value of saidCounts(text, spec.criteria))
          said.push({ value, id: unit.segmentId, text: String(value) });
    }
  }
  return said;
}

const MESSAGES = {
  outOfRange: (claimed: string, min: number, max: number, language: Language): string =>
    language === 'nb'
      ? `${claimed} ligger utenfor skalaen (${min}–${max}).`
      : `${claimed} is outside the scale (${min}–${max}).`,
  said: (claimed: string, found: string, ids: readonly string[], language: Language): string =>
    language === 'nb'
      ? `${claimed} står ikke i samtalen; der står ${found} (${ids.join(', ')}).`
      : `${claimed} is not in the transcript; it says ${found} (${ids.join(', ')}).`,
  criteria: (
    claimed: string,
    low: number,
    high: number,
    ids: readonly string[],
    language: Language,
  ): string => {
    const range = low === high ? `${low}` : `${low}–${high}`;
    return language === 'nb'
      ? `${claimed} passer ikke med kriteriene i samtalen (gir ${range}; ${ids.join(', ')}).`
      : `${claimed} does not fit the criteria in the transcript (they give ${range}; ${ids.join(', ')}).`;
  },
};

/**
 * Checks a score value written right after the score's name: a value outside the scale, another value of the score
 * said aloud, or a value the criteria said in the consultation cannot give. Unknown criteria leave the value open.
 */
export function checkScore(
  text: string,
  quantity: Quantity,
  claimedText: string,
  index: TranscriptIndex,
  language: Language,
): ScoreFinding | undefined {
  const points = quantity.family === 'count' && SCORE_UNIT.test(foldText(quantity.unitText ?? ''));
  if (quantity.shape !== 'scalar' || (quantity.family !== undefined && !points)) return undefined;
  const named = scoreBefore(text, quantity);
  if (!named) return undefined;
  const { spec } = named;
  const claimed = `${named.name} ${claimedText}`;
  if (quantity.value < spec.min || quantity.value > spec.max)
    return {
      verdict: 'contradicted',
      reason: MESSAGES.outOfRange(claimed, spec.min, spec.max, language),
      segmentIds: [],
    };
  const said = saidScores(spec, index);
  if (said.some((entry) => entry.value === quantity.value))
    return { verdict: 'supported', segmentIds: said.map((entry) => entry.id) };
  const other = said[0];
  if (other)
    return {
      verdict: 'contradicted',
      reason: MESSAGES.said(claimed, other.text, [other.id], language),
      segmentIds: [other.id],
    };
  const range = spec.bounds?.(index);
  if (range && (quantity.value < range.low || quantity.value > range.high))
    return {
      verdict: 'contradicted',
      reason: MESSAGES.criteria(claimed, range.low, range.high, range.ids.slice(0, 4), language),
      segmentIds: range.ids,
    };
  return undefined;
}
