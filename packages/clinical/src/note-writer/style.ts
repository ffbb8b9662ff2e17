import type { Language, NoteStyle } from '@kollega/domain';
import type { AbbreviationPreferences } from '../templates/templates';

/**
 * Writing style: `kort` is terse GP shorthand (the default), `normal` spells out the rarer
 * abbreviations, `utfyllende` writes words in full. Abbreviations after norwegian-domain.md §1.2.
 */
const NORMAL_EXPANSIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![\p{L}\p{N}])v\/behov(?![\p{L}\p{N}])/gu, 'ved behov'],
  [/(?<![\p{L}\p{N}])tidl\.(?=\s|$)/gu, 'tidligere'],
  [/(?<![\p{L}\p{N}])ev\.(?=\s|$)/gu, 'eventuelt'],
  [/(?<=\d)\s?d(?=[\s.,;:)]|$)/gu, ' dager'],
  [/(?<=\d)\s?mnd(?=[\s.,;:)]|$)/gu, ' måneder'],
];

const FULL_EXPANSIONS: ReadonlyArray<readonly [RegExp, string]> = [
  ...NORMAL_EXPANSIONS,
  [/(?<![\p{L}\p{N}])h\.(?=\s|$)/gu, 'høyre'],
  [/(?<![\p{L}\p{N}])v\.(?=\s|$)/gu, 'venstre'],
  [/(?<![\p{L}\p{N}])bilat\.(?=\s|$|[,;])/gu, 'på begge sider'],
  [/(?<![\p{L}\p{N}])ua\.(?=\s|$|[,;])/gu, 'uten anmerkning'],
  [/(?<![\p{L}\p{N}])henv\.(?=\s|$)/gu, 'henvisning'],
  [/(?<![\p{L}\p{N}])TH(?![\p{L}\p{N}])/gu, 'trommehinne'],
  [/(?<![\p{L}\p{N}])AT(?![\p{L}\p{N}])/gu, 'allmenntilstand'],
  [/^T (?=\d)/gu, 'Temperatur '],
  [/(?<![\p{L}\p{N}])T (?=\d)/gu, 'temperatur '],
  [/(?<![\p{L}\p{N}])BT(?![\p{L}\p{N}])/gu, 'blodtrykk'],
  [/(?<![\p{L}\p{N}])RF(?![\p{L}\p{N}])/gu, 'respirasjonsfrekvens'],
  [/(?<![\p{L}\p{N}])[Pp]ulm(?![\p{L}\p{N}])/gu, 'lunger'],
  [/(?<![\p{L}\p{N}])[Cc]or(?![\p{L}\p{N}])/gu, 'hjerte'],
  [/(?<![\p{L}\p{N}])pos\.(?=\s|$|[,;])/gu, 'positiv'],
  [/(?<![\p{L}\p{N}])neg\.(?=\s|$|[,;])/gu, 'negativ'],
  [/(?<![\p{L}\p{N}])ca\.(?=\s)/gu, 'cirka'],
];

/** Applies a writing style to one statement (Norwegian; English notes are already prose). */
export function applyStyle(text: string, style: NoteStyle, language: Language): string {
  if (language !== 'nb' || style === 'kort') return text;
  const expansions = style === 'normal' ? NORMAL_EXPANSIONS : FULL_EXPANSIONS;
  let result = text;
  for (const [pattern, replacement] of expansions) result = result.replace(pattern, replacement);
  return result.charAt(0).toUpperCase() + result.slice(1);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Rewrites the engine's default shorthand into the GP's own forms (from a personal template). */
export function applyAbbreviationPreferences(text: string, preferences: AbbreviationPreferences): string {
  let result = text;
  for (const [engineForm, preferred] of preferences) {
    const endsWithDot = engineForm.endsWith('.');
    const caseSensitive = /^[A-Z]/.test(engineForm) && engineForm.length <= 2;
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}/])${escapeRegExp(engineForm)}${endsWithDot ? '(?=\\s|$|[,;:)])' : '(?![\\p{L}\\p{N}])'}`,
      caseSensitive ? 'gu' : 'giu',
    );
    result = result.replace(pattern, preferred);
  }
  return result;
}
