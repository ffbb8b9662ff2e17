/** Kinds of identifier the de-identifier replaces. */
export const IDENTIFIER_KINDS = [
  'fodselsnummer',
  'd-nummer',
  'h-nummer',
  'eleven-digit-number',
  'phone',
  'email',
  'street-address',
  'postal-place',
  'birth-date',
  'name',
] as const;
/** An identifier kind; see `IDENTIFIER_KINDS`. */
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** The placeholder label of each kind: `[FNR_1]`, `[NAVN_2]` … (Norwegian, as the notes are). */
export const PLACEHOLDER_LABELS: Readonly<Record<IdentifierKind, string>> = {
  fodselsnummer: 'FNR',
  'd-nummer': 'DNR',
  'h-nummer': 'HNR',
  'eleven-digit-number': 'IDNR',
  phone: 'TLF',
  email: 'EPOST',
  'street-address': 'ADRESSE',
  'postal-place': 'POSTSTED',
  'birth-date': 'FDATO',
  name: 'NAVN',
};

/** One identifier found in a text: its kind and character range `[start, end)`. */
export interface IdentifierSpan {
  kind: IdentifierKind;
  start: number;
  end: number;
}
