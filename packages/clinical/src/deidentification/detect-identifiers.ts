import type { IdentifierSpan } from './identifier-kinds';
import { checkPersonNumber } from './person-number';

/**
 * Pattern detectors for structured identifiers: person numbers and any other 11-digit run, phone
 * numbers, e-mail, street addresses, postal codes with places and birth dates.
 *
 * Sources: shared/knowledge/norwegian-domain.md §4 (Skatteetaten 2032 rule; Nkom "Nummerplan for
 * telefoni"; postal/street forms marked [GK] there). Numbers that are clinical values — lab values,
 * blood pressures (148/92), doses (660 mg), decimals (38,9) and dates of findings — are never matched:
 * they are not 11-digit runs, not phone groupings, and not in an address or birth-date context.
 */

/** Digit groups of ≥ 2 digits joined by one space, hyphen or dot: the raw material of long numbers. */
const DIGIT_CHAIN = /(?<![\p{N}])\d{2,}(?:[ \u00A0.-]\d{2,})*(?![\p{N}])/gu;

/**
 * Any run of exactly 11 digits, possibly written in groups (`01019012345`, `010190 12345`,
 * `1234.56.78903`). Classified as fødselsnummer/D-nummer/H-nummer when a checksum rule and the date
 * agree; any other 11-digit run is still a likely identifier (rule of thumb 7, §0).
 */
function detectElevenDigitRuns(text: string): IdentifierSpan[] {
  const spans: IdentifierSpan[] = [];
  for (const match of text.matchAll(DIGIT_CHAIN)) {
    const groups = [...match[0].matchAll(/\d+/g)].map((group) => ({
      start: match.index + group.index,
      end: match.index + group.index + group[0].length,
      length: group[0].length,
    }));
    let first = 0;
    while (first < groups.length) {
      let total = 0;
      let last = first;
      for (; last < groups.length && total < 11; last += 1) total += groups[last]?.length ?? 0;
      const startGroup = groups[first];
      const endGroup = groups[last - 1];
      if (total === 11 && startGroup && endGroup) {
        const value = text.slice(startGroup.start, endGroup.end);
        const check = checkPersonNumber(value);
        spans.push({
          kind: check.valid ? check.type : 'eleven-digit-number',
          start: startGroup.start,
          end: endGroup.end,
        });
        first = last;
      } else {
        first += 1;
      }
    }
  }
  return spans;
}

/** Units and words that make a number a quantity, not a phone number. */
const QUANTITY_AFTER = String.raw`(?!\s*(?:mg|mcg|µg|g|ml|mL|l|mmol|mmHg|mm|cm|kg|%|IE|E|ganger|x|stk|tabletter|dager|år|min|sek)(?![\p{L}]))`;
const PHONE_FORMS = [
  String.raw`[2-9]\d{7}`,
  String.raw`[2-9]\d{2}[ \u00A0]\d{2}[ \u00A0]\d{3}`,
  String.raw`[2-9]\d[ \u00A0]\d{2}[ \u00A0]\d{2}[ \u00A0]\d{2}`,
  String.raw`[49]\d{3}[ \u00A0]\d{4}`,
].join('|');
/**
 * Norwegian phone numbers: 8 digits with no trunk 0, written whole or in the usual groups
 * (`912 34 567`, `91 23 45 67`, `22 12 34 56`, `9123 4567`), optionally after +47 or 0047.
 * Short numbers (113, 116117, 5-digit) are not matched (Nkom nummerplan).
 */
const PHONE = new RegExp(
  String.raw`(?<![\p{N}.,/+-])(?:(?:\+|00)47[ \u00A0-]?)?(?:${PHONE_FORMS})(?![\p{N}]|[.,]\d)${QUANTITY_AFTER}`,
  'gu',
);

function detectPhoneNumbers(text: string): IdentifierSpan[] {
  return [...text.matchAll(PHONE)].map((match) => ({
    kind: 'phone' as const,
    start: match.index,
    end: match.index + match[0].length,
  }));
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

function detectEmails(text: string): IdentifierSpan[] {
  return [...text.matchAll(EMAIL)].map((match) => ({
    kind: 'email' as const,
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Street name endings written as one word: Storgata, Kongsvegen, Furuveien, Skogstien … */
const STREET_SUFFIX = String.raw`(?:veien|vegen|veg|vei|gata|gaten|gate|allé|alle|plassen|plass|bakken|stien|svingen|ringen|tunet|torget|brygge|kaia)`;
/** Street names written as separate words: "Kongens gate", "Gamle Drammens vei", "Olav Kyrres plass". */
const SEPARATE_STREET_WORD = String.raw`(?:gate|gata|vei|veien|veg|vegen|allé|plass)`;
const HOUSE_NUMBER = String.raw`\s+\d{1,4}(?:[A-Za-z](?![\p{L}])|\s[A-H](?![\p{L}]))?`;
/**
 * Street addresses: a capitalised street name with a Norwegian street suffix, then a house number
 * and an optional letter ("Storgata 12B", "Kongens gate 5", "Furuveien 3 A").
 */
const STREET_ADDRESS = new RegExp(
  String.raw`(?<![\p{L}])(?:\p{Lu}[\p{L}-]*\s+){0,2}(?:\p{Lu}[\p{L}-]*${STREET_SUFFIX}|\p{Lu}[\p{L}-]*\s+${SEPARATE_STREET_WORD})${HOUSE_NUMBER}(?![\p{N}])`,
  'gu',
);

function detectStreetAddresses(text: string): IdentifierSpan[] {
  return [...text.matchAll(STREET_ADDRESS)].map((match) => ({
    kind: 'street-address' as const,
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** A four-digit postal code followed by a capitalised place name ("0150 OSLO", "5003 Bergen"). */
const POSTAL_PLACE = /(?<![\p{N}.,/-])\d{4}\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?(?![\p{L}])/gu;

function detectPostalPlaces(text: string): IdentifierSpan[] {
  return [...text.matchAll(POSTAL_PLACE)].map((match) => ({
    kind: 'postal-place' as const,
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Birth dates only where the text says they are ("født 12.03.1985", "fødselsdato 120385"). */
const BIRTH_DATE =
  /(?<![\p{L}])(?:født|fødd|fødselsdato|f\.|born|date of birth|DOB)\s*:?\s*(?:den\s+|on\s+)?(\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}\.?\s+\p{L}+\s+\d{4}|\d{6}(?!\d)|\d{1,2}\/\d{1,2}\/\d{2,4})/giu;

function detectBirthDates(text: string): IdentifierSpan[] {
  const spans: IdentifierSpan[] = [];
  for (const match of text.matchAll(BIRTH_DATE)) {
    const date = match[1];
    if (date === undefined) continue;
    const start = match.index + match[0].lastIndexOf(date);
    spans.push({ kind: 'birth-date', start, end: start + date.length });
  }
  return spans;
}

/** Finds structured identifiers (everything except names), possibly overlapping; see `resolveSpans`. */
export function detectStructuredIdentifiers(text: string): IdentifierSpan[] {
  return [
    ...detectEmails(text),
    ...detectElevenDigitRuns(text),
    ...detectPhoneNumbers(text),
    ...detectStreetAddresses(text),
    ...detectPostalPlaces(text),
    ...detectBirthDates(text),
  ];
}

/**
 * Keeps a non-overlapping set of spans: earlier kinds in the input order win a tie, longer spans win
 * over shorter ones they overlap.
 */
export function resolveSpans(spans: readonly IdentifierSpan[]): IdentifierSpan[] {
  const ranked = spans
    .map((span, order) => ({ span, order }))
    .sort(
      (left, right) =>
        right.span.end - right.span.start - (left.span.end - left.span.start) || left.order - right.order,
    );
  const kept: IdentifierSpan[] = [];
  for (const { span } of ranked) {
    if (kept.every((other) => span.end <= other.start || span.start >= other.end)) kept.push(span);
  }
  return kept.sort((left, right) => left.start - right.start);
}
