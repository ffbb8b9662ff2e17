/**
 * Norwegian person numbers: fødselsnummer, D-nummer and H-nummer (11 digits, `DDMMYY iii K1 K2`).
 *
 * Sources: Skatteetaten, "Ny kontrollberegning for fødsels- og d-nummer fra 2032" (news item 2025-06-23,
 * repository Skatteetaten/folkeregisteret-api-dokumentasjon, `foedselsEllerDNummerValidator.js`);
 * ehelse.no "Identifikatorer for personer" (HIS 1001:2010, H-nummer). Summarised in
 * shared/knowledge/norwegian-domain.md §4.1–4.3.
 */

/** Weights of the first check digit (K1) over digits 1–9. */
const FIRST_CHECK_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
/** Weights of the second check digit (K2) over digits 1–10 (K1 included). */
const SECOND_CHECK_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Kinds of Norwegian person number, read from the date offsets. */
export type PersonNumberType = 'fodselsnummer' | 'd-nummer' | 'h-nummer';

/** The result of checking an 11-digit string as a person number. */
export interface PersonNumberCheck {
  /** Both check digits valid under the classic rule (numbers issued before 2032). */
  classic: boolean;
  /** Both check digits valid under the 2032 rule: (S + K1) mod 11 ∈ {0,1,2,3}; K2 unchanged. */
  rule2032: boolean;
  /** Which kind the date offsets say it is (D-nummer: day + 40; H-nummer: month + 40). */
  type: PersonNumberType;
  /** True when the day and month are a real calendar date after removing the offsets. */
  plausibleDate: boolean;
  /** True when the number passes either checksum rule and has a plausible date. */
  valid: boolean;
}

/** Weighted digit sum used by both check digits. */
function weightedSum(digits: readonly number[], weights: readonly number[]): number {
  return weights.reduce((sum, weight, index) => sum + weight * (digits[index] ?? 0), 0);
}

/** Remainder of (Σ w·d + check) mod 11; 0 means valid under the classic rule. */
export function checkDigitRemainder(
  digits: readonly number[],
  weights: readonly number[],
  check: number,
): number {
  return (weightedSum(digits, weights) + check) % 11;
}

/** The first-check-digit weights (K1), for generators and validators. */
export function firstCheckWeights(): readonly number[] {
  return FIRST_CHECK_WEIGHTS;
}

/** The second-check-digit weights (K2), for generators and validators. */
export function secondCheckWeights(): readonly number[] {
  return SECOND_CHECK_WEIGHTS;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Reads the type and whether day/month are a calendar date once the offsets are removed. */
function readDate(digits: readonly number[]): { type: PersonNumberType; plausibleDate: boolean } {
  let day = (digits[0] ?? 0) * 10 + (digits[1] ?? 0);
  let month = (digits[2] ?? 0) * 10 + (digits[3] ?? 0);
  let type: PersonNumberType = 'fodselsnummer';
  if (day > 40) {
    type = 'd-nummer';
    day -= 40;
  }
  if (month > 80) {
    // Skatteetaten Tenor synthetic numbers: month + 80 (still a fødselsnummer in form).
    month -= 80;
  } else if (month > 40) {
    // H-nummer (and NAV Dolly synthetic numbers) use month + 40.
    type = type === 'd-nummer' ? type : 'h-nummer';
    month -= 40;
  }
  const maximumDay = DAYS_IN_MONTH[month - 1];
  const plausibleDate = maximumDay !== undefined && day >= 1 && day <= maximumDay;
  return { type, plausibleDate };
}

/**
 * Checks an 11-digit string against both checksum rules (classic and 2032) and reads its type.
 * Non-digit characters (spaces, hyphens, dots) are ignored; anything but 11 digits is never valid.
 */
export function checkPersonNumber(value: string): PersonNumberCheck {
  const digitText = value.replace(/\D/g, '');
  if (digitText.length !== 11) {
    return { classic: false, rule2032: false, type: 'fodselsnummer', plausibleDate: false, valid: false };
  }
  const digits = [...digitText].map(Number);
  const firstRemainder = checkDigitRemainder(digits, FIRST_CHECK_WEIGHTS, digits[9] ?? 0);
  const secondRemainder = checkDigitRemainder(digits, SECOND_CHECK_WEIGHTS, digits[10] ?? 0);
  const classic = firstRemainder === 0 && secondRemainder === 0;
  const rule2032 = firstRemainder <= 3 && secondRemainder === 0;
  const { type, plausibleDate } = readDate(digits);
  return { classic, rule2032, type, plausibleDate, valid: (classic || rule2032) && plausibleDate };
}
