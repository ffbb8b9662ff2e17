/**
 * Numbers and units: values, doses, frequencies, durations and ages against the transcript's ("38,4 står ikke i
 * samtalen; der står 38,9").
 */
import type { Language } from '@kollega/domain';
import { coverage, expandWindow } from '../alignment';
import type { Clause, CheckContext, Issue } from './clause';
import {
  SPECIFIC_FAMILIES,
  timeRelation,
  DURATION_QUESTION,
  labelsCompatible,
  flag,
  segmentIds,
} from './clause';
import { findDrugMentions, drugKeysMatch } from '../drug-names';
import type { DrugMention } from '../drug-names';
import {
  type Quantity,
  labelsIn,
  onTenScale,
  quantitiesMatch,
  formatQuantityValue,
  rangeEnds,
} from '../quantities';
import { REASONS } from '../reasons';
import { checkScore } from '../scores';
import { findTimes } from '../text-analysis';
import { foldText } from '../text-tools';
import type { TranscriptUnit, TranscriptIndex, Subject } from '../transcript-index';
import { relativeAt } from './people';
import { timesAgree } from './times';

/** A value rare enough that finding it anywhere in the transcript supports it (not a small whole number). */
function isDistinctiveValue(quantity: Quantity): boolean {
  return (
    quantity.value >= 11 ||
    !Number.isInteger(quantity.value) ||
    (quantity.value2 !== undefined && (quantity.value2 >= 11 || !Number.isInteger(quantity.value2)))
  );
}
/** A stretch from now ("the next two weeks") against a point in time ("in 2 weeks", "2 weeks ago"). */
function stretchAgainstPoint(left: string | undefined, right: string | undefined): boolean {
  return left !== undefined && right !== undefined && left !== right && (left === 'next' || right === 'next');
}
/**
 * A time back from now ("4 months ago", "for 6 måneder siden") against one ahead ("we would recheck them in about six
 * months", "om 6 måneder"): the same number of the same unit names two different points.
 */
function agoAgainstAhead(left: string | undefined, right: string | undefined): boolean {
  return (left === 'ago' && right === 'future') || (left === 'future' && right === 'ago');
}
/** A duration after "for" ("for about a week", "for the past 3 months"): how long something has lasted. */
function lastedFor(text: string, start: number): boolean {
  const before = foldText(text.slice(Math.max(0, start - 32), start));
  return /(?:^|\s)for\s+(?:the\s+)?(?:(?:past|last)\s+)?(?:(?:about|around|approximately|roughly|nearly|almost|over)\s+)?$/.test(
    before,
  );
}
function relationsCompatible(left: string | undefined, right: string | undefined): boolean {
  return left === undefined || right === undefined || left === right;
}
const PAIN_SCALE =
  /(?:scale|out of ten|one to ten|zero to ten|1 to 10|0 to 10|rate (?:your|the) pain|pain level|ten being|skala|av ti|til ti|null til ti)/u;
const FOLLOW_UP =
  /(?<![\p{L}])(?:follow[- ]?up|return|come back|see (?:you|him|her|them) (?:back|again)|back in|recheck|kontroll|komme tilbake|ny time)(?![\p{L}])/u;
/** A time unit written after a number the parser left bare ("hver 3.–4. dag", "a 6-to-8-week course"). */
const TIME_UNIT_AFTER =
  /^[\s.–-]*(?:(?:to|til|or|eller)?[\s.–-]*\d+[\s.–-]*)?(?:dag|dager|døgn|uke|uker|måned|måneder|mnd|år|time|timer|days?|weeks?|months?|years?|hours?)(?![\p{L}])/u;
/** Labels of laboratory values (not vital signs, scores or types, which are named loosely in talk). */
const LAB_LABELS: ReadonlySet<string> = new Set([
  'crp',
  'hemoglobin',
  'ferritin',
  'hba1c',
  'ldl',
  'egfr',
  'creatinine',
  'tsh',
  't4',
  'liver',
  'inr',
  'ejection-fraction',
]);
/**
 * A lab value said with its name ("ldl of 166") is that lab's: no value of a measure the statement names otherwise
 * ("alkaline phosphatase was elevated at 166"), even said in the same breath.
 */
function otherLabValue(claimed: Quantity, found: Quantity, statementText: string): boolean {
  return (
    !claimed.label &&
    found.label !== undefined &&
    LAB_LABELS.has(found.label) &&
    !labelsIn(statementText).has(found.label)
  );
}
/**
 * A rate said ("25 milligram tablets , twice daily", "two times a day") counts occasions in a period; a bare number of
 * the note ("1 in the morning, 2 in the evening") counts things: the one is no evidence for the other. A frequency
 * without a period ("i've fallen twice") may count events and still stands for a bare number.
 */
function bareCountAgainstRate(claimed: Quantity, found: Quantity): boolean {
  return (
    claimed.family === undefined &&
    !claimed.label &&
    found.family === 'frequency' &&
    found.period !== undefined
  );
}
/** Nouns an adjectival time names a point of ("a 6-week follow-up", "her 2-week post-op visit"), not a length. */
const POINT_NOUN =
  /^\s*(?:old|follow|f\/u|visit|check|recheck|appointment|post|postop|postoperative|mark|point)/u;
/**
 * A time written as an adjective before a noun ("the original 4-day episode", "a 2-week vacation") is how long that
 * thing lasts; see `pointReckoned`.
 */
function lengthOfThing(text: string, quantity: Quantity): boolean {
  return (
    /^\d+(?:[.,]\d+)?-(?:hour|day|week|month|year)$/u.test(quantity.text.trim()) &&
    /^\s*\p{L}/u.test(text.slice(quantity.end)) &&
    !POINT_NOUN.test(foldText(text.slice(quantity.end)))
  );
}
/**
 * A time said as a point reckoned from another event or from now ("it got better about three days after i went to
 * the er", "i'm going on vacation in a month") is no length of a thing ("4-day episode", "4-week vacation"); a time
 * that ran out ("it stopped after four days") or a point reckoned back ("it started two weeks ago") still gives one.
 */
function pointReckoned(text: string, found: Quantity): boolean {
  return (
    timeRelation(text, found) === 'future' ||
    /^\s*(?:after|later|etter|senere)(?![\p{L}])/u.test(foldText(text.slice(found.end, found.end + 8)))
  );
}
/**
 * A time said as an adjective before a noun in talk ("do a ten or twelve day course", "a six week course of therapy")
 * is how long that thing lasts, no point in time ("12 days ago", "in 10 days"): the unit stays singular after a number
 * above one. Not an ordinal ("the third or fourth day").
 */
function saidAsLength(text: string, found: Quantity): boolean {
  // "he called in ten days' worth", "a 30 day supply": an amount of medicine counted in days.
  if (
    /(?:hours?|days?|weeks?|months?)$/u.test(found.text.trim()) &&
    /^\s*['’]?s?\s*(?:worth|supply)(?![\p{L}])/u.test(foldText(text.slice(found.end, found.end + 16)))
  )
    return true;
  return (
    !found.ordinal &&
    found.value > 1 &&
    /(?:hour|day|week|month|year)$/u.test(found.text.trim()) &&
    /^\s*(?!and|or|but|so|i|you|we|he|she|it|they|uh|um|ago|later|after|before|then|now)\p{L}+/u.test(
      foldText(text.slice(found.end, found.end + 16)),
    ) &&
    !POINT_NOUN.test(foldText(text.slice(found.end)))
  );
}
/** Whether a transcript quantity anywhere supports a note quantity without the clause's local context. */
function supportsAnywhere(
  quantity: Quantity,
  found: Quantity,
  unit: TranscriptUnit,
  clause: Clause,
  context: CheckContext,
): boolean {
  const { index } = context;
  if (quantity.label && found.label) return quantity.label === found.label;
  // A bare value of a measure the statement names elsewhere ("hemoglobin A1c levels …, but his most recent level was
  // 8"), said with that label.
  if (!quantity.label && found.label && !quantity.family && labelsIn(context.statementText).has(found.label))
    return true;
  // A lab value said with its name ("the LDL was 128") is that lab's, no support for a measure the statement names
  // otherwise ("bilirubin 128").
  if (otherLabValue(quantity, found, context.statementText)) return false;
  if (!familyFitsLabel(quantity, found)) return false;
  if (
    quantity.family !== undefined &&
    quantity.family === found.family &&
    SPECIFIC_FAMILIES.has(quantity.family)
  )
    return true;
  if (quantity.family === 'time' && found.family === 'time') {
    const claimedRelation = timeRelation(context.statementText, {
      ...quantity,
      start: quantity.start + clause.offset,
      end: quantity.end + clause.offset,
    });
    const foundRelation = timeRelation(unit.text, found);
    if (!relationsCompatible(claimedRelation, foundRelation)) return false;
    // One end of a range said elsewhere ("six to eight weeks" of therapy) is no support for "6 weeks ago".
    if (quantity.shape === 'scalar' && found.shape === 'range' && claimedRelation !== foundRelation)
      return false;
    if (claimedRelation !== undefined && claimedRelation === foundRelation) return true;
    // A stretch said with "for" on both sides ("for approximately 1 week" – "for about a week now").
    if (lastedFor(context.statementText, quantity.start + clause.offset) && lastedFor(unit.text, found.start))
      return true;
    // A range said as a range ("one to two days", "six to eight weeks") is rare enough to find anywhere.
    if (quantity.shape === 'range' && found.shape === 'range') return true;
    // The answer to "Hvor lenge …?" / "How long …?" (any sentence of the answering turn).
    const previousTurn = index.units.filter((other) => other.segmentIndex === unit.segmentIndex - 1);
    if (previousTurn.some((other) => other.isQuestion && DURATION_QUESTION.test(foldText(other.text))))
      return true;
    // … or asked earlier in the same recorded turn (speech recognition ran the two speakers together: "how long has
    // this been going on i would say about two weeks").
    const earlierInTurn = index.units
      .filter((other) => other.segmentIndex === unit.segmentIndex && other.index < unit.index)
      .map((other) => other.text);
    if (DURATION_QUESTION.test(foldText([...earlierInTurn, unit.text.slice(0, found.start)].join(' '))))
      return true;
    // A follow-up interval ("return in 3 weeks") said where the doctor arranges to see the patient again.
    if (
      FOLLOW_UP.test(foldText(context.statementText)) &&
      index.units.some(
        (other) =>
          other.segmentIndex === unit.segmentIndex &&
          Math.abs(other.index - unit.index) <= 1 &&
          FOLLOW_UP.test(foldText(other.text)),
      )
    )
      return true;
    if (coverage(clause.content, unit, index) >= (context.historySection ? 0.2 : 0.5)) return true;
    // In the history, close to where the clause's words are said.
    const near = clause.top.some((entry) => Math.abs(entry.unit.segmentIndex - unit.segmentIndex) <= 2);
    return context.historySection && near;
  }
  // A dose is not found as a bare number far from its drug ("100 mg" in "a hundred . four", "20 mg" in "twenty
  // eighteen"): without a unit, the number must be said where the dose is.
  if (
    !quantity.label &&
    !found.family &&
    (quantity.family === 'mass' || quantity.family === 'volume' || quantity.family === 'concentration')
  )
    return false;
  if (isDistinctiveValue(quantity) && quantity.family !== 'time' && found.family !== 'time') return true;
  // A range or pair said as one ("7–8" as "seven eight", "4/10" as "four out of ten") is rare enough anywhere.
  if (
    quantity.shape !== 'scalar' &&
    quantity.shape === found.shape &&
    quantity.family !== 'time' &&
    found.family !== 'time'
  )
    return true;
  // A score out of ten at one end of a range said on the ten scale ("2/10 at best" – "from two through seven out of
  // ten").
  if (quantity.shape === 'pair' && quantity.value2 === 10 && onTenScale(found)) return true;
  // A weekly or monthly frequency ("3 times per week") said with the same period: not a drug's daily schedule.
  if (
    quantity.family === 'frequency' &&
    found.family === 'frequency' &&
    (quantity.period === 'week' || quantity.period === 'month') &&
    quantity.period === found.period
  )
    return true;
  // A count of the same thing ("2 beers" for "a couple of beers", "1.5 packs" for "a pack and a half").
  const countNoun = (counted: Quantity): string => (counted.unitText ?? '').toLowerCase().replace(/e?s$/, '');
  if (
    quantity.family === 'count' &&
    found.family === 'count' &&
    countNoun(quantity) !== '' &&
    !/^(?:\+|plus|pluss)$/.test(countNoun(quantity)) &&
    countNoun(quantity) === countNoun(found)
  )
    return true;
  // The answer to "how many packs a day …?" ("at least two").
  if (quantity.family === 'count' && found.family === undefined && countNoun(quantity) !== '') {
    const noun = countNoun(quantity).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const asked = new RegExp(`(?:how many|hvor mange)\\s+${noun}`, 'u');
    const previousTurn = index.units.filter((other) => other.segmentIndex === unit.segmentIndex - 1);
    if (previousTurn.some((other) => asked.test(foldText(other.text)))) return true;
  }
  // "9/10" answered to "on a scale of one to ten …?" – "like a nine".
  if (quantity.shape === 'pair' && quantity.value2 === 10 && found.shape === 'scalar') {
    const asked = [unit, ...index.units.filter((other) => other.segmentIndex === unit.segmentIndex - 1)];
    if (asked.some((other) => PAIN_SCALE.test(foldText(other.text)))) return true;
  }
  // Said in a unit that is about the same thing ("three times a week … your wrist").
  return clause.content.length > 0 && coverage(clause.content, unit, index) >= 0.5;
}
/**
 * Units holding values of the statement found elsewhere: they anchor the windows of all its clauses, and each
 * clause keeps the units with its own values (the best evidence for a side or a time next to the value).
 */
export function anchorUnits(clauses: Clause[], context: CheckContext): TranscriptUnit[] {
  const { index } = context;
  const anchors = new Map<number, TranscriptUnit>();
  for (const clause of clauses) {
    const own = new Map<number, TranscriptUnit>();
    for (const quantity of clause.quantities) {
      if (!quantity.label && !isDistinctiveValue(quantity)) continue;
      for (const unit of index.units) {
        const hit = unit.quantities.some(
          (found) =>
            found.subject === 'patient' &&
            labelsCompatible(quantity, found) &&
            quantitiesMatch(quantity, found) &&
            supportsAnywhere(quantity, found, unit, clause, context),
        );
        if (hit) {
          anchors.set(unit.index, unit);
          own.set(unit.index, unit);
        }
      }
    }
    clause.anchors = [...own.values()];
  }
  return expandWindow([...anchors.values()], index);
}
const FREQUENCY_WORDS: Record<Language, Record<number, RegExp>> = {
  nb: {
    1: /(?:daglig|om dagen|i døgnet|om morgenen|om kvelden|morgen|kveld|hver dag|én gang|en gang|ett drag|vesp)/u,
    2: /(?:morgen og kveld|to ganger|2 ganger)/u,
  },
  en: {
    1: /(?:daily|a day|once|every day|per day|each day|at night|at bedtime|in the morning|every morning|nightly)/u,
    2: /(?:twice|two times|morning and (?:night|evening)|bid)/u,
  },
};
/** Unit families a labelled value can be written in (a temperature is never in milligrams). */
const LABEL_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  temperature: ['degree'],
  pulse: ['rate', 'count'],
  'blood-pressure': ['pressure'],
  'respiratory-rate': ['rate', 'count'],
  'oxygen-saturation': ['percent'],
  weight: ['mass'],
  height: ['length'],
  'pain-score': ['count'],
  phq: ['count'],
  fev1: ['percent'],
  'ejection-fraction': ['percent'],
};
function familyFitsLabel(claimed: Quantity, found: Quantity): boolean {
  // A labelled value (a type, a lab result, a score: "diabetes type two") is never a duration ("2 months").
  if (claimed.family === 'time' && !claimed.label && found.label && found.family !== 'time') return false;
  if (!claimed.label || found.label || !found.family) return true;
  const families = LABEL_FAMILIES[claimed.label] ?? ['concentration'];
  return families.includes(found.family);
}
/**
 * Units that speak of the clause's drug: those naming it, the sentence after when it names no other drug, and the
 * answer to a question about it ("Ibux kan jeg ta?" – "Ja … fire hundre milligram inntil tre ganger daglig").
 */
/**
 * The drug a value belongs to: of several named in the clause, the last one before the value ("stop the Norvasc and
 * start hydrochlorothiazide 10 mg": the 10 mg is hydrochlorothiazide's), else the first after it.
 */
function ownDrugs(drugs: readonly DrugMention[], position: number): DrugMention[] {
  if (drugs.length < 2) return [...drugs];
  const before = drugs.filter((drug) => drug.end <= position);
  const last = before[before.length - 1];
  if (last) return drugs.filter((drug) => drug.key === last.key);
  const first = drugs.find((drug) => drug.start >= position);
  return first ? drugs.filter((drug) => drug.key === first.key) : [...drugs];
}

function drugUnits(clause: Clause, index: TranscriptIndex, position?: number): TranscriptUnit[] {
  const named = findDrugMentions(clause.text, index.compiled.lexicon).filter((drug) => !drug.isClass);
  const drugs = position === undefined ? named : ownDrugs(named, position);
  if (drugs.length === 0) return [];
  const units = new Map<number, TranscriptUnit>();
  const addIfFree = (unit: TranscriptUnit | undefined): void => {
    if (unit && unit.drugs.length === 0) units.set(unit.index, unit);
  };
  for (const unit of index.units) {
    if (!unit.drugs.some((found) => drugs.some((drug) => drugKeysMatch(drug.key, found.key)))) continue;
    units.set(unit.index, unit);
    const next = index.units[unit.index + 1];
    if (next && next.segmentIndex === unit.segmentIndex) addIfFree(next);

    // A prescription read out over two turns ("… doxycycline one hundred milligrams twice a day" – "… for about
    // three weeks"): the next turn's first sentence when it is the last sentence of this turn.
    else if (next && next.segmentIndex === unit.segmentIndex + 1 && unit.speaker === 'lege') addIfFree(next);
    if (unit.answeredByUnit !== undefined) {
      const answer = index.units[unit.answeredByUnit];
      addIfFree(answer);
      if (answer)
        for (const other of index.units.filter((candidate) => candidate.segmentIndex === answer.segmentIndex))
          addIfFree(other);
    }
  }
  return [...units.values()];
}
/**
 * In a sentence naming several drugs, a dose belongs to the drug named right after it ("fifty milligrams of ultram")
 * or else to the one named last before it ("continue the lipitor eighty milligrams daily and then also continue on
 * that toprol fifty milligrams daily": fifty is the Toprol dose), read on from the window before when the unit is the
 * tail of a long sentence. True when that drug is not one of `drugs`.
 */
function doseOfOtherDrug(
  found: Quantity,
  unit: TranscriptUnit,
  drugs: readonly DrugMention[],
  index: TranscriptIndex,
): boolean {
  const lastBefore = (mentions: readonly DrugMention[], end: number): DrugMention | undefined =>
    [...mentions]
      .filter((mention) => mention.end <= end)
      .sort((left, right) => left.start - right.start)
      .at(-1);
  // "fifty milligrams of ultram": the drug named right after its dose with "of" (without it, the next item of a list
  // read out: "furosemid halverer vi til tjue milli gram zopiklon vil jeg trappe ned").
  const named = unit.drugs.find(
    (mention) =>
      mention.start >= found.end && /^\s+(?:of|av)\s+$/u.test(unit.text.slice(found.end, mention.start)),
  );
  let owner = named ?? lastBefore(unit.drugs, found.start);
  const previous = index.units[unit.index - 1];
  if (!owner && previous && previous.segmentIndex === unit.segmentIndex) {
    const overlap = previous.text.indexOf(unit.text.slice(0, Math.min(unit.text.length, 40)));
    if (overlap >= 0) owner = lastBefore(previous.drugs, overlap + found.start);
  }
  return owner !== undefined && !drugs.some((drug) => drugKeysMatch(drug.key, owner.key));
}
const CHANGE_VERB =
  /(?:reduse\w*|øke\w*|økt|øk|trapp\w*|halver\w*|dobl\w*|endre\w*|juster\w*|increas\w*|decreas\w*|reduc\w*|titrat\w*|taper\w*|lower\w*|bump\w*|go up|going up|go down|going down)/u;
/** True when the number is the target of a dose change: "økes til 20 mg", "increase it to 40 milligrams". */
function isChangeTarget(text: string, start: number, language: Language): boolean {
  const before = foldText(text.slice(Math.max(0, start - 60), start));
  const to = language === 'nb' ? /(?:^|\s)til\s+(?:\S+\s+)?$/u : /(?:^|\s)to\s+(?:\S+\s+)?$/u;
  return to.test(before) && CHANGE_VERB.test(before);
}
/** The text after each mention of the clause's drug up to the next drug named, in the units naming it. */
function drugSpans(clause: Clause, units: readonly TranscriptUnit[], index: TranscriptIndex): string[] {
  const drugs = findDrugMentions(clause.text, index.compiled.lexicon).filter((drug) => !drug.isClass);
  const spans: string[] = [];
  for (const unit of units) {
    const mentions = [...unit.drugs].sort((left, right) => left.start - right.start);
    mentions.forEach((mention, position) => {
      if (!drugs.some((drug) => drugKeysMatch(drug.key, mention.key))) return;
      let end = unit.text.length;
      for (const later of mentions.slice(position + 1)) {
        if (!drugKeysMatch(later.key, mention.key) && later.start > mention.start) {
          end = later.start;
          break;
        }
      }
      spans.push(foldText(unit.text.slice(mention.start, end)));
    });
  }
  return spans;
}
const DATE_PATTERN =
  /^(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}[/.](?:19|20)\d{2}|(?:19|20)\d{2}|\d{1,2}\/\d{1,2})$/;
/** True when the number is (part of) a calendar date or a year in the text. */
export function isCalendarDate(text: string, quantity: Quantity): boolean {
  let start = quantity.start;
  let end = quantity.end;
  while (start > 0 && /[\d/.]/.test(text.charAt(start - 1))) start -= 1;
  while (end < text.length && /[\d/.]/.test(text.charAt(end))) end += 1;
  const written = text.slice(start, end).replace(/\.$/, '');
  if (!DATE_PATTERN.test(written)) return false;
  // "120/80" is a pressure, "2/3" a fraction: a day and month must be plausible, a year four digits.
  const parts = written.split(/[/.]/).map(Number);
  if (parts.length === 1)
    return (
      /^(?:19|20)\d{2}$/.test(written) &&
      !/^\s*(?:mg|g|ml|kg|mcg|units?|ie|iu)\b/i.test(text.slice(end, end + 8))
    );
  const [first = 0, second = 0] = parts;
  // A month and a year ("12/2019").
  if (parts.length === 2 && second >= 1900) return first >= 1 && first <= 12;
  if (parts.length === 2 && second < 1900)
    return (
      /(?:on|in|from|since|dated?|den|fra|siden|per)\s*$/i.test(text.slice(Math.max(0, start - 8), start)) &&
      first <= 31 &&
      second <= 12
    );
  return first >= 1 && first <= 31 && second >= 1 && second <= 31;
}
/** "61-year-old", "53 y.o.", "45 years old", "45 år gammel", "45-åring": the number is a person's age. */
const AGE_AFTER =
  /^[\p{L}\d.,]*?(?:[-\s]+(?:years?|yrs?|months?|weeks?)[-\s]+old(?![\p{L}])|\s*y\.?\s?o\.?(?![\p{L}])|\s+år\s+(?:gammel|gml)(?![\p{L}])|-?åring)/u;
/** Said ages: "i'm sixty one", "i just turned 45", "aged 70". */
const AGE_BEFORE =
  /(?:(?<![\p{L}])(?:i'm|i am|he's|she's|he is|she is|turned|aged?|jeg er|hun er|han er|fylte|fyller)\s+(?:just\s+|about\s+|nå\s+)?)$/u;
/** True when the quantity in `text` is an age ("a 61-year-old female"). */
export function isAge(text: string, quantity: Quantity): boolean {
  // "did not sit up until 1 year old", "diagnosed at 40 years old", "ca. 20 år gammel": an event's age, not the person's.
  if (
    /(?<![\p{L}])(?:until|till|at|since|when|by|before|after|from|til|ved|siden|da|fra|før|etter|about|around|approximately|ca\.?|cirka|omkring|rundt)\s+(?:(?:the\s+)?age\s+(?:of\s+)?)?$/u.test(
      foldText(text.slice(Math.max(0, quantity.start - 20), quantity.start)),
    )
  )
    return false;
  return AGE_AFTER.test(text.slice(quantity.start));
}
/** Adjectives that open a counted noun phrase ("to små barn", "tre store sår", "to eldre søsken"). */
const COUNTED_ADJECTIVE = /^(?:små|store|eldre|yngre|voksne|nye|gamle|andre|ulike|forskjellige)$/u;
/**
 * A number said before a noun phrase of its own counts that noun ("jeg har to små barn", "av de fire tegnene"): it is
 * no length of time or number of times whose unit was left out. Only a phrase that cannot start a new clause shows it (a size adjective,
 * or a noun in the definite plural): speech recognition leaves no comma to mark "… er over femti | vil jeg at …"
 * (Norwegian).
 */
function countsOther(text: string, found: Quantity): boolean {
  if (found.family !== undefined || found.label !== undefined) return false;
  const after = foldText(text.slice(found.end, found.end + 30));
  if (TIME_UNIT_AFTER.test(after)) return false;
  const next = /^\s+(\p{L}+)/u.exec(after)?.[1];
  return next !== undefined && (COUNTED_ADJECTIVE.test(next) || /^\p{L}{3,}ene$/u.test(next));
}
/**
 * The patient's age in the opening line comes from the record, not from the talk (the demographic header of a clinic
 * note; ACI-BENCH and Norwegian EPJ notes alike): not said, it is inferred; another age said contradicts it.
 */
/** The issue for a number the transcript states differently: "38,4 står ikke i samtalen; der står 38,9". */
function conflictingValue(
  claimedText: string,
  said: { found: Quantity; unit: TranscriptUnit },
  options: { critical: boolean; language: Language },
): Issue {
  return flag(
    'number',
    'contradicted',
    REASONS.numberConflict(claimedText, said.found.text.trim(), [said.unit.segmentId], options.language),
    options.critical,
  );
}
function checkAge(quantity: Quantity, claimedText: string, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  // A bare number after "she's about" is no age when another number corrects it ("she's about 3, 3 and a half
  // pounds down"); "I was fourteen" gives the age at an event ("when she was 14 years old").
  const corrected = (unit: TranscriptUnit, found: Quantity): boolean =>
    unit.quantities.some(
      (other) => other.start > found.start && other.start - found.end <= 4 && other.family !== undefined,
    );
  const saidBefore = (unit: TranscriptUnit, found: Quantity): boolean => {
    const before = foldText(unit.text.slice(Math.max(0, found.start - 24), found.start));
    return AGE_BEFORE.test(before) || /(?<![\p{L}])(?:i|he|she) was\s+$/u.test(before);
  };
  const said = index.units.flatMap((unit) =>
    unit.quantities
      .filter(
        (found) =>
          found.subject === 'patient' &&
          found.shape === 'scalar' &&
          found.factor <= 365 &&
          (isAge(unit.text, found) ||
            (found.family === undefined && saidBefore(unit, found) && !corrected(unit, found))),
      )
      .map((found) => ({ found, unit })),
  );
  // An age the consultation never states is flagged for the doctor to confirm against the record: the verifier
  // sees only the transcript, and a wrong age there would otherwise pass unnoticed.
  if (said.length === 0) {
    return flag('number', 'unsupported', REASONS.numberMissing(claimedText, language));
  }
  if (said.some(({ found }) => found.value === quantity.value)) return undefined;
  const other = said[0];
  return other ? conflictingValue(claimedText, other, { critical: false, language }) : undefined;
}
/**
 * A measured value bound to when it was measured: "Feber til 38,6 i går kveld" where the transcript has "målte 38,9 i
 * går kveld" and "38,6" measured now; "T 38,9" in the examination where 38,9 was yesterday's and 38,6 today's. Found
 * only at another time while another value of the same label is said at the claim's time, the value conflicts.
 */
function timeBoundConflict(
  quantity: Quantity,
  clause: Clause,
  context: CheckContext,
  matches: ReadonlyArray<{ found: Quantity & { subject: Subject }; unit: TranscriptUnit }>,
  compatible: (claimed: Quantity, found: Quantity) => boolean,
): { found: Quantity; unit: TranscriptUnit } | undefined {
  if (!quantity.label || ['type', 'stage', 'grade', 'year'].includes(quantity.label)) return undefined;
  const claimTimes = findTimes(clause.text, context.index.compiled).map((time) => time.key);
  // Without a time of its own, an examination finding is of today.
  if (claimTimes.length === 0 && !context.examSection) return undefined;
  const atClaimTime = (unit: TranscriptUnit): boolean => {
    const keys = unit.times.map((time) => time.key);
    if (claimTimes.length === 0) return keys.length === 0 || keys.some((key) => timesAgree(key, 'today'));
    return keys.some((key) => claimTimes.some((claimed) => timesAgree(key, claimed)));
  };
  const patientMatches = matches.filter(({ found }) => found.subject === 'patient');
  if (patientMatches.length === 0 || patientMatches.some(({ unit }) => atClaimTime(unit))) return undefined;
  for (const unit of context.index.units) {
    if (unit.hypothetical || unit.isQuestion || !atClaimTime(unit)) continue;
    const found = unit.quantities.find(
      (other) =>
        other.subject === 'patient' &&
        other.label === quantity.label &&
        other.shape === quantity.shape &&
        !compatible(quantity, other),
    );
    if (found) return { found, unit };
  }
  return undefined;
}
/**
 * A number that states nothing about this patient: the four quadrants of the abdomen ("bowel sounds in all 4
 * quadrants"), a name (coenzyme "Co-Q 10"), the ends of a scale and their legend ("VAS 0-10 scale (0 = no pain, 10 =
 * worst imaginable pain)").
 */
function isFixedNumber(text: string, quantity: Quantity): boolean {
  const before = foldText(text.slice(Math.max(0, quantity.start - 16), quantity.start));
  const after = foldText(text.slice(quantity.end, quantity.end + 16));
  if (quantity.value === 4 && quantity.shape === 'scalar' && /^\s*quadrants(?![\p{L}])/u.test(after))
    return true;
  if (/(?<![\p{L}])(?:co-?\s?q|coenzyme\s+q)\s*$/u.test(before)) return true;
  if (
    quantity.shape === 'range' &&
    (quantity.value === 0 || quantity.value === 1) &&
    quantity.value2 === 10 &&
    (/^\s*(?:point\s+)?(?:pain\s+)?scale(?![\p{L}])/u.test(after) || /(?<![\p{L}])vas\s*$/u.test(before))
  )
    return true;
  // "0 = no pain", "10 = worst imaginable pain": the legend of a scale's ends, not a value.
  return quantity.shape === 'scalar' && [0, 1, 10].includes(quantity.value) && /^\s*=\s*\p{L}/u.test(after);
}
/**
 * How long something has lasted is the patient's to tell: a duration the doctor offers first ("i'm assuming … over
 * the last i'm gon na say probably three or four weeks"), where the patient's own account a few turns later – the
 * sentence that says the clause best – gives another ("trending in the three to four hundreds the last two weeks"),
 * is a guess the answer corrected, no evidence. Only when the claimed value is said nowhere but in such a guess;
 * returns the patient's value then.
 */
function correctedGuess(
  quantity: Quantity,
  clause: Clause,
  context: CheckContext,
  saidAt: ReadonlyArray<{ found: Quantity; unit: TranscriptUnit }>,
  conflicts: (found: Quantity, unit: TranscriptUnit) => boolean,
): { found: Quantity; unit: TranscriptUnit } | undefined {
  if (quantity.family !== 'time' || saidAt.length === 0) return undefined;
  const lead = clause.top[0]?.unit;
  if (!lead || lead.speaker !== 'pasient' || lead.isQuestion) return undefined;
  if (coverage(clause.content, lead, context.index) < 0.5) return undefined;
  const offered = saidAt.every(
    ({ unit }) =>
      unit.speaker === 'lege' &&
      unit.segmentIndex < lead.segmentIndex &&
      unit.segmentIndex >= lead.segmentIndex - 4,
  );
  if (!offered) return undefined;
  const found = lead.quantities.find(
    (other) => other.subject === 'patient' && other.family === 'time' && conflicts(other, lead),
  );
  return found ? { found, unit: lead } : undefined;
}
/** Words before a value that make it a goal ("i'd like to see that a little bit lower around 7", "målet er under 7"). */
const GOAL_BEFORE =
  /(?<![\p{L}])(?:like to see|want to see|hope to see|goal|target|aim for|shoot for|ønsker å se|vil se|målet|mål om|målsetting)(?![\p{L}])[^.?!]{0,32}$/u;
/** A statement of a goal itself ("Goal A1c below 7", "we would like it lower", "mål under 7"). */
const GOAL_CLAIM =
  /(?<![\p{L}])(?:goals?|targets?|aim|like to see|want|hope|below|under|less than|lower|reduce|decrease|keep|mål\p{L}*|ønsk\p{L}*)(?![\p{L}])/u;
/**
 * A measured value said as the goal for it ("your hemoglobin a1c has been a little high at 8 . i'd like to see that a
 * little bit lower around 7") is no result: it neither supports nor contradicts a measured value ("A1c is elevated at
 * 7") unless the statement states a goal too.
 */
function isGoalValue(found: Quantity, unit: TranscriptUnit): boolean {
  return GOAL_BEFORE.test(foldText(unit.text.slice(Math.max(0, found.start - 64), found.start)));
}
/**
 * A bound said as the norm for a measure ("the bad was 153 , and it should be less than 100", "the good cholesterol
 * should be over 50", "normal is under 5"): a comparison after a modal or "normal" gives the healthy range, no result
 * of the patient's.
 */
const NORM_BEFORE =
  /(?<![\p{L}])(?:(?:should|must|ought to|needs? to|has to|have to|want (?:it|them) to|like (?:it|them) to)\s+(?:be|stay|get|go|come)|normal(?:ly)?(?:\s+(?:is|are|would be|range is))?|(?:bør|skal|må)\s+(?:være|ligge)|normalt(?:\s+er)?)\s+(?:(?:down|up|under|ned|opp)\s+)?(?:(?:to|til)\s+)?(?:(?:about|around|omkring|rundt)\s+)?(?:less than|lower than|under|below|over|above|greater than|higher than|more than|at least|at most|no more than|no less than|mindre enn|lavere enn|høyere enn|mer enn|over|under|minst|maks)\s*$/u;
/** A statement that speaks of a norm or goal itself ("LDL goal < 100", "normal range", "should be below 7"). */
const NORM_CLAIM =
  /(?<![\p{L}])(?:normal\p{L}*|range|should|goals?|targets?|below|under|less than|lower than|over|above|greater than|more than|at least|at most|<|>|≤|≥|mål\p{L}*|bør|normalt?)(?![\p{L}])|[<>≤≥]/u;
function isNormValue(found: Quantity, unit: TranscriptUnit): boolean {
  return NORM_BEFORE.test(foldText(unit.text.slice(Math.max(0, found.start - 64), found.start)));
}
/** A price ("they are charging me $ 100", "about seventy five dollars") measures nothing of the patient. */
function isPrice(found: Quantity, text: string): boolean {
  const before = text.slice(Math.max(0, found.start - 3), found.start);
  const after = foldText(text.slice(found.end, found.end + 12));
  return (
    /[$€£]\s*$/u.test(before) || /^\s*(?:dollars?|bucks|cents?|kroner|kr|euros?)(?![\p{L}])/u.test(after)
  );
}
/**
 * A reading said as an earlier one ("your hemoglobin a1c here is 8 , you know last time we had seen it , it was about
 * 6"): the marker of the earlier time and a past "was" before the value. No evidence of the value now.
 */
const EARLIER_READING =
  /(?<![\p{L}])(?:last time|the time before|previously|before that|used to be|in the past|back then|forrige gang|tidligere|sist)(?![\p{L}])[^.?!]{0,40}?(?<![\p{L}])(?:was|were|var|used to be)(?:\s+(?:about|around|like|at|omkring|rundt|på))?\s*$/u;
function isEarlierReading(found: Quantity, unit: TranscriptUnit): boolean {
  // The words of a long turn before its window ("… last time we had seen it |, it was about 6").
  const earlier = unit.contextTokens
    .slice(Math.max(0, unit.contextOffset - 12), unit.contextOffset)
    .map((token) => token.surface)
    .join(' ');
  const before = `${earlier} ${unit.text.slice(0, found.start)}`;
  return EARLIER_READING.test(foldText(before.slice(Math.max(0, before.length - 72))));
}
/** A statement that speaks of an earlier reading or a change ("A1c was 6 at the last visit", "up from 6"). */
const EARLIER_CLAIM =
  /(?<![\p{L}])(?:was|were|previous\p{L}*|prior|last|before|from|used|history|earlier|ago|baseline|increas\p{L}*|decreas\p{L}*|improv\p{L}*|rose|risen|dropped|down|up|went|trend\p{L}*|var|tidligere|forrige|sist|økt|falt|steg)(?![\p{L}])/u;
/** A statement about money ("due to the cost of $75", "copay"): a price said supports it. */
const PRICE_CLAIM =
  /[$€£]|(?<![\p{L}])(?:dollars?|bucks|cents?|costs?|price|paid|pay|copay|kroner|kr|euros?)(?![\p{L}])/u;
/**
 * Measures said in two units at once, as one value: "4 pounds , 8 ounces", "five feet eleven inches". (The parser
 * reads the second part as a bare number.)
 */
const COMPOUND_MEASURES = [
  { kind: 'weight', major: /^(?:pounds?|lbs?)$/u, minor: /^(?:ounces?|oz)$/u },
  { kind: 'height', major: /^(?:feet|foot|ft)$/u, minor: /^(?:inch|inches)$/u },
] as const;
type CompoundMeasure = { kind: string; major: Quantity; minor: Quantity; text: string };
/** The unit word of a value: the parser's, or the word written right after a number it left bare ("five feet"). */
function unitWordOf(text: string, quantity: Quantity): string {
  return foldText(quantity.unitText ?? /^\s*([\p{L}]+)/u.exec(text.slice(quantity.end))?.[1] ?? '');
}
/** The two-unit measures of a text: a major unit's value, then (after at most a comma or "and") the minor's. */
function compoundMeasuresOf(text: string, quantities: readonly Quantity[]): CompoundMeasure[] {
  const found: CompoundMeasure[] = [];
  quantities.forEach((major, position) => {
    const minor = quantities[position + 1];
    if (!minor || major.shape !== 'scalar' || minor.shape !== 'scalar') return;
    const kind = COMPOUND_MEASURES.find(
      (measure) => measure.major.test(unitWordOf(text, major)) && measure.minor.test(unitWordOf(text, minor)),
    );
    // Between the parts: the major's unit word where the parser left the number bare, then a comma or "and".
    const between = text.slice(major.end, minor.start);
    const gap = major.unitText ? between : between.replace(/^\s*[\p{L}]+/u, '');
    if (!kind || !/^\s*,?\s*(?:and\s+)?$/u.test(gap)) return;
    const minorUnit = /^\s*[\p{L}]+/u.exec(text.slice(minor.end))?.[0] ?? '';
    found.push({
      kind: kind.kind,
      major,
      minor,
      text: text.slice(major.start, minor.end + minorUnit.length),
    });
  });
  return found;
}
/**
 * A two-unit measure is one value: "3 pounds 8 ounces" is not said where the talk gives "4 pounds , 8 ounces" and
 * "3 pounds , 13 ounces" (each part is said, never together). Contradicted where the talk says measures of the same
 * two units and none is the claimed one; nothing is decided where it says none.
 */
function checkCompoundMeasure(quantity: Quantity, clause: Clause, context: CheckContext): Issue | undefined {
  const claimed = compoundMeasuresOf(clause.text, clause.quantities).find(
    (measure) => measure.major.start === quantity.start || measure.minor.start === quantity.start,
  );
  if (!claimed) return undefined;
  const said = context.index.units.flatMap((unit) =>
    compoundMeasuresOf(unit.text, unit.quantities)
      .filter((measure) => measure.kind === claimed.kind)
      .map((measure) => ({ measure, unit })),
  );
  const same = (measure: CompoundMeasure): boolean =>
    measure.major.value === claimed.major.value && measure.minor.value === claimed.minor.value;
  if (said.length === 0 || said.some(({ measure }) => same(measure))) return undefined;
  const nearest = said.find(({ measure }) => measure.major.value === claimed.major.value) ?? said[0];
  if (!nearest) return undefined;
  return flag(
    'number',
    'contradicted',
    REASONS.numberConflict(
      claimed.text.trim(),
      nearest.measure.text.trim(),
      [nearest.unit.segmentId],
      context.language,
    ),
    true,
  );
}
export function checkQuantity(quantity: Quantity, clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (isFixedNumber(clause.text, quantity)) return undefined;
  const claimedText = quantity.text.trim() || formatQuantityValue(quantity, language);
  const compound = checkCompoundMeasure(quantity, clause, context);
  if (compound) return compound;
  type Found = { found: Quantity & { subject: Subject }; unit: TranscriptUnit };
  // A value after the patient comes back as the one spoken to or acted on ("your roommate … you limit alcohol to
  // five drinks") is the patient's.
  const ownSubject = (found: Quantity & { subject: Subject }, unit: TranscriptUnit): Subject =>
    found.subject === 'relative' &&
    !relativeAt(
      unit,
      Math.min(
        unit.tokens.length - 1,
        Math.floor((found.start / Math.max(1, unit.text.length)) * unit.tokens.length),
      ),
    )
      ? 'patient'
      : found.subject;
  // A value said as the one it is not ("your creatinine was .7 not .8", "1,1 – ikke 1,4") is no value of the patient.
  const denied = (found: Quantity, unit: TranscriptUnit): boolean => {
    return /(?:^|[\s,;–-])(?:not|ikke)\s*$/u.test(
      foldText(unit.text.slice(Math.max(0, found.start - 8), found.start)),
    );
  };
  // A measured value is not found as a goal said for it (unless the statement states a goal).
  const measuredClaim = quantity.label !== undefined && !GOAL_CLAIM.test(foldText(context.statementText));
  // Nor as a norm said for it or a price, unless the statement speaks of a norm or of money itself.
  const normClaim = NORM_CLAIM.test(foldText(context.statementText));
  const priceClaim = PRICE_CLAIM.test(foldText(context.statementText));
  // Nor a labelled value now as a reading said as an earlier one.
  // (Only where the talk gives the measure a value now: "your a1c here is 8 … last time it was about 6".)
  const presentClaim =
    quantity.label !== undefined &&
    !EARLIER_CLAIM.test(foldText(context.statementText)) &&
    index.units.some((unit) =>
      unit.quantities.some(
        (found) =>
          found.label === quantity.label &&
          !isEarlierReading(found, unit) &&
          !isGoalValue(found, unit) &&
          !isNormValue(found, unit),
      ),
    );
  // An ordinal ("for the first problem", "scheduled on the 24th") is no value of a measure ("a 1 cm mass", "BUN 24").
  // A value on a scale ("1 out of 10") is no rank either ("at first it was like three out of 10").
  const measured =
    quantity.shape === 'pair' ||
    (quantity.family === undefined
      ? quantity.label !== undefined || isDistinctiveValue(quantity)
      : SPECIFIC_FAMILIES.has(quantity.family));
  // A time ahead ("follow up in 5 weeks", "for the next 2 weeks") is not found as a number said without its unit
  // ("over the first you know four five six seven days"): the unit says what was counted. (An elided unit is common in
  // a reply about how long something has lasted: "Snart tre uker. Nei, vent, to og en halv.")
  const aheadRelation = timeRelation(context.statementText, {
    ...quantity,
    start: quantity.start + clause.offset,
    end: quantity.end + clause.offset,
  });
  const datedDuration =
    quantity.family === 'time' && (aheadRelation === 'future' || aheadRelation === 'next');
  const bareNumber = (found: Quantity, unit: TranscriptUnit): boolean =>
    datedDuration &&
    found.family === undefined &&
    found.label === undefined &&
    !TIME_UNIT_AFTER.test(unit.text.slice(found.end, found.end + 16));
  // A dose ("Lipitor 50 mg") is not found as another drug's dose in the same sentence ("… toprol fifty milligrams"); in
  // Norwegian, nor a frequency as another drug's read out before it in one run-on sentence ("amoxicillin fem hundre
  // milli gram tre ganger daglig … og prednisolon førti milli gram … én gang om morgenen").
  const claimedDrugs =
    quantity.family === 'mass' || (quantity.family === 'frequency' && index.compiled.language === 'nb')
      ? ownDrugs(
          findDrugMentions(clause.text, index.compiled.lexicon).filter((drug) => !drug.isClass),
          quantity.start,
        )
      : [];
  // A person's age ("a 49-year-old female") is no value of a measure ("ejection fraction of 49%").
  const unitMeasure =
    quantity.family !== undefined && SPECIFIC_FAMILIES.has(quantity.family) && !isAge(clause.text, quantity);
  // How long something has lasted ("Slitenhet i nesten 2 år") is not found as a count of something else ("jeg har to
  // små barn") nor as an ordinal ("5. tå"). Norwegian (English "one time per week" is a frequency).
  const lastedClaim =
    index.compiled.language === 'nb' &&
    quantity.family === 'time' &&
    !AGE_AFTER.test(clause.text.slice(quantity.start));
  // Nor is how often a drug is taken ("metoprolol 50 mg x 2") found as a count of things ("ok to nye medisiner").
  const countedClaim = index.compiled.language === 'nb' && quantity.family === 'frequency';
  const quantitiesIn = (units: readonly TranscriptUnit[]): Found[] =>
    units.flatMap((unit) =>
      unit.quantities
        .filter(
          (found) =>
            !denied(found, unit) &&
            !(measuredClaim && isGoalValue(found, unit)) &&
            !(!normClaim && isNormValue(found, unit)) &&
            !(!priceClaim && isPrice(found, unit.text)) &&
            !(presentClaim && isEarlierReading(found, unit)) &&
            !(unitMeasure && isAge(unit.text, found)) &&
            !((lastedClaim || countedClaim) && countsOther(unit.text, found)) &&
            !(found.ordinal && !quantity.ordinal && (measured || lastedClaim)) &&
            !bareNumber(found, unit) &&
            !(claimedDrugs.length > 0 && doseOfOtherDrug(found, unit, claimedDrugs, index)),
        )
        .map((found) => ({ found: { ...found, subject: ownSubject(found, unit) }, unit })),
    );
  // A bare number ("2 tidl. UVI") is not found as a time said with its unit ("for et par år siden"): the unit says
  // what was counted.
  const compatible = (claimed: Quantity, found: Quantity): boolean =>
    labelsCompatible(claimed, found) &&
    familyFitsLabel(claimed, found) &&
    !otherLabValue(claimed, found, context.statementText) &&
    !(
      claimed.family === undefined &&
      !claimed.label &&
      found.family === 'time' &&
      !TIME_UNIT_AFTER.test(clause.text.slice(claimed.end, claimed.end + 16))
    ) &&
    !bareCountAgainstRate(claimed, found) &&
    quantitiesMatch(claimed, found);
  // "Furosemid reduseres til 20 mg": the new dose is the one said as a target ("halverer vi til tjue milligram"),
  // not the old one.
  const quantityLanguage = context.index.compiled.language;
  const target = isChangeTarget(clause.text, quantity.start, quantityLanguage);
  const relationOfClaim =
    quantity.family === 'time'
      ? timeRelation(context.statementText, {
          ...quantity,
          start: quantity.start + clause.offset,
          end: quantity.end + clause.offset,
        })
      : undefined;
  const claimedLength = quantity.family === 'time' && lengthOfThing(clause.text, quantity);
  const claimedPoint = relationOfClaim === 'ago' || relationOfClaim === 'future';
  const matches = (candidates: readonly Found[]): Found[] => {
    const targetSaid =
      target &&
      candidates.some(
        ({ found, unit }) =>
          found.family === quantity.family && isChangeTarget(unit.text, found.start, quantityLanguage),
      );
    const direct = candidates.filter(
      ({ found, unit }) =>
        compatible(quantity, found) &&
        (!targetSaid || isChangeTarget(unit.text, found.start, quantityLanguage)) &&
        // "in 2 weeks" is not "for the next couple of weeks".
        !(found.family === 'time' && stretchAgainstPoint(relationOfClaim, timeRelation(unit.text, found))) &&
        !(found.family === 'time' && agoAgainstAhead(relationOfClaim, timeRelation(unit.text, found))) &&
        !(claimedLength && found.family === 'time' && pointReckoned(unit.text, found)) &&
        !(claimedPoint && found.family === 'time' && saidAsLength(unit.text, found)),
    );
    if (direct.length > 0 || quantity.shape !== 'range') return direct;
    // "VAS 7–8" said as "sju, kanskje åtte": both ends as separate numbers in one unit.
    const [low, high] = rangeEnds(quantity);
    if (!low || !high) return [];
    // Both ends in one turn ("En pils på fredag. Kanskje to hvis det er fotball.").
    for (const segmentIndex of new Set(candidates.map(({ unit: candidate }) => candidate.segmentIndex))) {
      const turn = index.units.filter((unit) => unit.segmentIndex === segmentIndex);
      const scalars = turn.flatMap((unit) =>
        unit.quantities.filter((found) => found.shape === 'scalar').map((found) => ({ found, unit })),
      );
      const lowFound = scalars.find(({ found }) => compatible(low, found));
      const highFound = scalars.find(({ found }) => compatible(high, found));
      if (lowFound && highFound) return [lowFound, highFound];
    }
    return [];
  };
  // 1. Where the clause's words are: its window; for a dose or frequency the sentences naming the drug.
  // A type ("type 2 diabetes") not said is an inference ("DM2" for "diabetes"); only another type said contradicts it.
  if (quantity.label === 'type') {
    const types = quantitiesIn(index.units).filter(
      ({ found }) => found.label === 'type' && found.subject === 'patient',
    );
    if (types.some(({ found }) => found.value === quantity.value)) return undefined;
    // Diabetes without a type said is type 2 in general practice (about nine in ten; Helsedirektoratet, Nasjonal
    // faglig retningslinje for diabetes, 2016–): writing type 1 needs the type said.
    if (types.length === 0) {
      const diabetes = /diabet|\bdm\b/u.test(foldText(context.statementText));
      return diabetes && quantity.value !== 2
        ? {
            kind: 'number',
            verdict: 'unsupported',
            critical: true,
            reason: REASONS.numberMissing(claimedText, language),
          }
        : undefined;
    }
    const other = types[0];
    return other ? conflictingValue(claimedText, other, { critical: false, language }) : undefined;
  }
  if (!context.mentionsRelative && quantity.shape === 'scalar' && isAge(clause.text, quantity)) {
    // The record gives an age, never a denial of one ("is not a 61-year-old female"): that needs the transcript.
    const number = clause.tokens.findIndex((token) => /^\d/.test(token.surface));
    const denied = clause.tokens.slice(0, Math.max(0, number)).some((token) => token.negation);
    return denied
      ? {
          kind: 'number',
          verdict: 'unsupported',
          critical: false,
          reason: REASONS.numberMissing(claimedText, language),
        }
      : checkAge(quantity, claimedText, context);
  }
  // A relative's age ("Brother: 9 years old") said as an age anywhere ("my son, who is nine", "she's 70").
  if (context.mentionsRelative && quantity.shape === 'scalar' && isAge(clause.text, quantity)) {
    const saidAsAge = index.units.some((unit) =>
      unit.quantities.some((found) => {
        if (found.value !== quantity.value || found.shape !== 'scalar') return false;
        const before = foldText(unit.text.slice(Math.max(0, found.start - 24), found.start));
        return isAge(unit.text, found) || AGE_BEFORE.test(before) || /(?:who is|who's)\s+$/u.test(before);
      }),
    );
    if (saidAsAge) return undefined;
  }
  // A score after its name ("Centor 4", "CRB-65 = 0"): its scale, its value said aloud, or its criteria in the talk.
  const score = checkScore(clause.text, quantity, claimedText, index, language);
  if (score?.verdict === 'contradicted')
    return { kind: 'number', verdict: 'contradicted', critical: true, reason: score.reason ?? '' };
  if (score?.verdict === 'supported') return undefined;
  const ownDrugUnits = drugUnits(clause, index, quantity.start);
  const drugBound =
    ownDrugUnits.length > 0 && (quantity.family === 'mass' || quantity.family === 'frequency');
  // With a drug: its own sentences, and window sentences that name no other drug.
  const local = drugBound
    ? [...new Set([...ownDrugUnits, ...clause.window.filter((unit) => unit.drugs.length === 0)])]
    : [...new Set([...clause.window, ...ownDrugUnits])];
  const inLocal = matches(quantitiesIn(local));
  // Durations of different relations are different facts: "3 days after the visit" is no conflict with "3 months
  // ago".
  const sameKind = (found: Quantity, unit: TranscriptUnit): boolean =>
    (found.family !== 'time' || relationsCompatible(relationOfClaim, timeRelation(unit.text, found))) &&
    found.shape === quantity.shape &&
    !(quantity.period && found.period && quantity.period !== found.period) &&
    ((quantity.label !== undefined && found.label === quantity.label) ||
      (quantity.family !== undefined && quantity.family === found.family && quantity.family !== 'count'));
  const corrected = correctedGuess(
    quantity,
    clause,
    context,
    matches(quantitiesIn(index.units)).filter(({ found }) => found.subject === 'patient'),
    (found, unit) => sameKind(found, unit) && !compatible(quantity, found),
  );
  if (corrected) return conflictingValue(claimedText, corrected, { critical: false, language });
  if (inLocal.some(({ found }) => found.subject === 'patient')) {
    const everywhere = matches(quantitiesIn(index.units));
    const timeBound = timeBoundConflict(quantity, clause, context, everywhere, compatible);
    return timeBound ? conflictingValue(claimedText, timeBound, { critical: true, language }) : undefined;
  }
  const critical =
    quantity.label !== undefined ||
    (quantity.family !== undefined && quantity.family !== 'time' && quantity.family !== 'count');
  // Default frequencies of the drug's own sentence: "x 1" for "daglig"/"om morgenen", "x 2" for "morgen og kveld".
  if (quantity.family === 'frequency' && quantity.shape === 'scalar') {
    const words = FREQUENCY_WORDS[index.compiled.language];
    const pattern = words[quantity.value];
    const sentences = ownDrugUnits.length > 0 ? ownDrugUnits : clause.top.map((entry) => entry.unit);
    // (A frequency of another period is about something else: "glemmer den en gang i uka" sets no daily dose.)
    const explicit = quantitiesIn(sentences).some(
      ({ found }) =>
        found.family === 'frequency' &&
        found.subject === 'patient' &&
        !(quantity.period && found.period && quantity.period !== found.period),
    );
    // In a list of drugs read out ("Furosemid førti milligram om morgenen. … apixaban, to komma fem milligram morgen
    // og kveld"), only the words after this drug and before the next count.
    const spans = drugSpans(clause, ownDrugUnits, index);
    const twice = words[2];
    if (!explicit && quantity.value !== 2 && twice && spans.some((span) => twice.test(span))) {
      const unit = ownDrugUnits[0];
      return flag(
        'number',
        'contradicted',
        REASONS.numberConflict(claimedText, 'x 2', unit ? [unit.segmentId] : [], language),
        true,
      );
    }
    if (!explicit && pattern && sentences.some((unit) => pattern.test(foldText(unit.text)))) return undefined;
    if (!explicit && quantity.value === 1) return undefined;
  }
  // 2. A different value of the same kind where the clause's words are said: the transcript says otherwise.
  const strongUnits = drugBound
    ? ownDrugUnits
    : clause.top
        .map((entry) => entry.unit)
        .filter((unit) => clause.content.length > 0 && coverage(clause.content, unit, index) >= 0.5);
  const strongConflict = quantitiesIn(strongUnits).find(
    ({ found, unit }) => found.subject === 'patient' && sameKind(found, unit) && !compatible(quantity, found),
  );
  // 3. Elsewhere in the transcript, where the value is distinctive or its label matches; a dose not where
  // another drug is named ("Sumatriptan, femti milligram" is no amitriptyline dose).
  const ownDrugIndexes = new Set(ownDrugUnits.map((unit) => unit.index));
  const global = matches(quantitiesIn(index.units)).filter(
    ({ found, unit }) =>
      supportsAnywhere(quantity, found, unit, clause, context) &&
      !(drugBound && unit.drugs.length > 0 && !ownDrugIndexes.has(unit.index)),
  );
  // The value said where the clause's words are said just as strongly: the transcript has both, the note one of them.
  const strongMatch = global.some(
    ({ found, unit }) =>
      found.subject === 'patient' &&
      (strongUnits.includes(unit) ||
        (!drugBound && clause.content.length > 0 && coverage(clause.content, unit, index) >= 0.5)),
  );
  const everywhere = matches(quantitiesIn(index.units));
  const timeBound = timeBoundConflict(quantity, clause, context, everywhere, compatible);
  if (timeBound) return conflictingValue(claimedText, timeBound, { critical: true, language });
  if ((!strongConflict || strongMatch) && global.some(({ found }) => found.subject === 'patient'))
    return undefined;
  const otherPerson = [...inLocal, ...global].filter(({ found }) => found.subject === 'relative');
  if (otherPerson.length > 0 && !context.mentionsRelative && !strongConflict) {
    return flag(
      'number',
      'contradicted',
      REASONS.numberOtherPerson(claimedText, segmentIds(otherPerson.map(({ unit }) => unit)), language),
      true,
    );
  }
  if (otherPerson.length > 0 && !strongConflict) return undefined;
  // A computed score (Centor, CRB-65, CHA2DS2-VASc) is an inference, not said as a number.
  const before = foldText(clause.text.slice(Math.max(0, quantity.start - 28), quantity.start));
  if (new RegExp(`(?:${index.compiled.lexicon.scoreNames})\\W*$`, 'iu').test(before)) return undefined;
  if (strongConflict) {
    return conflictingValue(claimedText, strongConflict, { critical: critical, language });
  }
  // A different value of the same kind nearby.
  const conflict = quantitiesIn(local).find(
    ({ found, unit }) => found.subject === 'patient' && sameKind(found, unit) && !compatible(quantity, found),
  );
  if (conflict) {
    return conflictingValue(claimedText, conflict, { critical: critical, language });
  }
  // A calendar date ("12/2019", "03/01/2021", "in 2021") comes from the record, not from the talk: a date not said
  // is not flagged (another date said for the same thing still contradicts it, above).
  if (isCalendarDate(clause.text, quantity)) return undefined;
  // An ordinal written as a word ("a second injection", "her first visit") says "another" or "new" more often than a
  // count the talk states; digits ("2nd metatarsal") are still checked.
  if (quantity.ordinal && !/\d/.test(quantity.text)) return undefined;
  // "In 1 week" said as "next week" where the doctor arranges to see the patient again ("see you again next week").
  const nextKey = { 7: 'next-week', 30: 'next-month' }[quantity.factor];
  if (
    quantity.family === 'time' &&
    quantity.value === 1 &&
    quantity.shape === 'scalar' &&
    nextKey !== undefined &&
    relationOfClaim === 'future' &&
    index.units.some(
      (unit) => unit.times.some((time) => time.key === nextKey) && FOLLOW_UP.test(foldText(unit.text)),
    ) &&
    FOLLOW_UP.test(foldText(context.statementText))
  )
    return undefined;
  // A bare "1" said as "one" where the clause's words are ("1 in the morning" – "I take one in the morning"): a lone
  // "one" is as often a pronoun and is not read as a number.
  if (
    quantity.value === 1 &&
    quantity.shape === 'scalar' &&
    quantity.family === undefined &&
    local.some((unit) => /(?<![\p{L}])(?:one|én|ett)(?![\p{L}])/u.test(foldText(unit.text)))
  )
    return undefined;
  return {
    kind: 'number',
    verdict: 'unsupported',
    critical,
    reason: REASONS.numberMissing(claimedText, language),
  };
}
