import type { IdentifierKind, IdentifierSpan } from './identifier-kinds';
import { IDENTIFIER_KINDS, PLACEHOLDER_LABELS } from './identifier-kinds';
import { detectStructuredIdentifiers, resolveSpans } from './detect-identifiers';
import { detectNames, findNames } from './detect-names';

/** Options for `createDeidentifier` and `deidentifyText`. */
export interface DeidentificationOptions {
  /** Names known from the consultation (patient, relatives, staff); matched wherever they occur. */
  knownNames?: readonly string[];
  /** Find names after cues ("heter X", "Hei, X" …); default true. */
  detectNames?: boolean;
}

/** One placeholder and what it stands for. The original stays in memory only; never log it. */
export interface Replacement {
  placeholder: string;
  kind: IdentifierKind;
  original: string;
}

/** Number of replaced occurrences per kind. */
export type IdentifierCounts = Record<IdentifierKind, number>;

/**
 * A de-identification session: the same value always gets the same placeholder across every text it
 * redacts, so a model sees a consistent `[NAVN_1]`, and `restore` puts the originals back.
 */
export interface Deidentifier {
  /** Learns cue names from all texts first, then redacts each (a name found in one is masked in all). */
  redactAll(texts: readonly string[]): string[];
  /** Redacts one text (learning cue names from it first). */
  redact(text: string): string;
  /** Puts the originals back in place of this session's placeholders; unknown placeholders stay. */
  restore(text: string): string;
  /** Restores every string inside a JSON-like value (objects, arrays). */
  restoreDeep<T>(value: T): T;
  /** Occurrences replaced so far, per kind. */
  counts(): IdentifierCounts;
  /** Distinct placeholders handed out so far. */
  replacements(): readonly Replacement[];
  /** Names the session masks: the known ones and those learned from cues. */
  names(): readonly string[];
}

/** Zero counts for every kind. */
export function emptyIdentifierCounts(): IdentifierCounts {
  return Object.fromEntries(IDENTIFIER_KINDS.map((kind) => [kind, 0])) as IdentifierCounts;
}

/** The key that makes the same identifier get the same placeholder however it was written. */
function normaliseForKey(kind: IdentifierKind, value: string): string {
  switch (kind) {
    case 'fodselsnummer':
    case 'd-nummer':
    case 'h-nummer':
    case 'eleven-digit-number':
      return value.replace(/\D/g, '');
    case 'phone':
      return value.replace(/\D/g, '').slice(-8);
    case 'email':
    case 'street-address':
    case 'postal-place':
    case 'birth-date':
    case 'name':
      return value
        .toLowerCase()
        .replace(/[\s\u00A0]+/g, ' ')
        .trim();
  }
}

const LABEL_TO_KIND = new Map<string, IdentifierKind>(
  IDENTIFIER_KINDS.map((kind) => [PLACEHOLDER_LABELS[kind], kind]),
);
const LABEL_ALTERNATION = [...LABEL_TO_KIND.keys()].join('|');
/** `[NAVN_1]`, tolerating spaces a model may add inside the brackets. */
const BRACKETED_PLACEHOLDER = new RegExp(String.raw`\[\s*(${LABEL_ALTERNATION})_(\d+)\s*\]`, 'g');
/** `NAVN_1` without brackets, which models sometimes write. */
const BARE_PLACEHOLDER = new RegExp(
  String.raw`(?<![\p{L}\p{N}_\[])(${LABEL_ALTERNATION})_(\d+)(?![\p{N}])`,
  'gu',
);

/** Creates a de-identification session; see `Deidentifier`. */
export function createDeidentifier(options: DeidentificationOptions = {}): Deidentifier {
  const detectNameCues = options.detectNames ?? true;
  const names = new Set<string>(
    (options.knownNames ?? []).map((name) => name.trim()).filter((name) => name !== ''),
  );
  const byKey = new Map<string, Replacement>();
  const byPlaceholder = new Map<string, Replacement>();
  const nextNumber = new Map<IdentifierKind, number>();
  const counts = emptyIdentifierCounts();

  const learn = (texts: readonly string[]): void => {
    if (!detectNameCues) return;
    for (const name of findNames(texts)) names.add(name);
  };

  const placeholderFor = (kind: IdentifierKind, original: string): string => {
    const key = `${kind}:${normaliseForKey(kind, original)}`;
    const existing = byKey.get(key);
    if (existing) return existing.placeholder;
    const number = (nextNumber.get(kind) ?? 0) + 1;
    nextNumber.set(kind, number);
    const replacement: Replacement = {
      placeholder: `[${PLACEHOLDER_LABELS[kind]}_${number}]`,
      kind,
      original,
    };
    byKey.set(key, replacement);
    byPlaceholder.set(replacement.placeholder, replacement);
    return replacement.placeholder;
  };

  const redactLearned = (text: string): string => {
    const spans: IdentifierSpan[] = resolveSpans([
      ...detectStructuredIdentifiers(text),
      ...detectNames(text, [...names]),
    ]);
    let result = '';
    let position = 0;
    for (const span of spans) {
      result +=
        text.slice(position, span.start) + placeholderFor(span.kind, text.slice(span.start, span.end));
      counts[span.kind] += 1;
      position = span.end;
    }
    return result + text.slice(position);
  };

  const restore = (text: string): string =>
    text
      .replace(BRACKETED_PLACEHOLDER, (whole, label: string, number: string) => {
        return byPlaceholder.get(`[${label}_${number}]`)?.original ?? whole;
      })
      .replace(BARE_PLACEHOLDER, (whole, label: string, number: string) => {
        return byPlaceholder.get(`[${label}_${number}]`)?.original ?? whole;
      });

  const restoreDeep = <T>(value: T): T => {
    if (typeof value === 'string') return restore(value) as T;
    if (Array.isArray(value)) return value.map((item: unknown) => restoreDeep(item)) as T;
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, restoreDeep(item)]),
      ) as T;
    }
    return value;
  };

  return {
    redactAll(texts) {
      learn(texts);
      return texts.map(redactLearned);
    },
    redact(text) {
      learn([text]);
      return redactLearned(text);
    },
    restore,
    restoreDeep,
    counts: () => ({ ...counts }),
    replacements: () => [...byPlaceholder.values()],
    names: () => [...names],
  };
}

/** The result of de-identifying one text. */
export interface DeidentifiedText {
  text: string;
  counts: IdentifierCounts;
  replacements: readonly Replacement[];
}

/** De-identifies one text in a fresh session; see `createDeidentifier`. */
export function deidentifyText(text: string, options: DeidentificationOptions = {}): DeidentifiedText {
  const deidentifier = createDeidentifier(options);
  const redacted = deidentifier.redact(text);
  return { text: redacted, counts: deidentifier.counts(), replacements: deidentifier.replacements() };
}

/** Puts originals back into a text using the replacements of an earlier `deidentifyText`. */
export function restoreText(text: string, replacements: readonly Replacement[]): string {
  const byPlaceholder = new Map(replacements.map((replacement) => [replacement.placeholder, replacement]));
  const lookup = (whole: string, label: string, number: string): string =>
    byPlaceholder.get(`[${label}_${number}]`)?.original ?? whole;
  return text.replace(BRACKETED_PLACEHOLDER, lookup).replace(BARE_PLACEHOLDER, lookup);
}
