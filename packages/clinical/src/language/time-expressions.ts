import type { Language } from '@kollega/domain';
import { wordPattern } from './text';

/**
 * Time in spoken Norwegian and English: durations ("i tre dager", "for two weeks"), onsets
 * ("siden i sommer", "for tre dager siden", "since Monday") and points ("i fjor", "last year").
 * Numbers must already be digits (see `convertNumberWords`). Shorthand: d, uker, mnd, år (nb); days,
 * weeks, months, years (en).
 */

/** A time expression: its kind, the note shorthand and the span it came from. */
export interface TimeExpression {
  kind: 'duration' | 'onset' | 'point';
  /** Shorthand for the note, e.g. "3 d", "siden i sommer", "for 2 uker siden". */
  text: string;
  /** True when the expression places the event in the past rather than now ("i fjor", "tidligere"). */
  past: boolean;
  index: number;
  length: number;
}

const NB_UNIT =
  '(?:dagene|dager|dag|døgn|døgnet|ukene|uker|uke|uka|månedene|måneder|måned|mnd|årene|år|timene|timer|time|minutter)';
const NB_COUNT =
  '(?:\\d+(?:[,.]\\d+)?(?:[-–]\\d+)?|noen|et par|par|ca\\.? \\d+|snart \\d+|nesten \\d+|over \\d+|flere)';
const NB_SEASON =
  '(?:sommer|sommeren|vinter|vinteren|høst|høsten|vår|våren|jul|julen|påske|påsken|fjor|fjor sommer|fjor vinter|fjor høst|fjor vår)';
const NB_DAY = '(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|helga|helgen)';
const NB_POINT =
  '(?:i går(?: kveld| morges)?|i forgårs|i natt|i morges|i kveld|i dag|i fjor(?: sommer| vinter| høst| vår)?|i sommer|i vinter|i høst|i våres|i vår|forrige uke|forrige måned|sist uke|for et år siden|i helga|i helgen)';

const EN_UNIT = '(?:days?|weeks?|months?|years?|hours?|minutes?)';
const EN_COUNT =
  '(?:\\d+(?:\\.\\d+)?(?:-\\d+)?|a few|a couple of|a couple|several|about \\d+|over \\d+|almost \\d+|a|an)';
const EN_POINT =
  '(?:yesterday|last night|this morning|today|last week|last month|last year|last summer|last winter|last fall|last spring|this past weekend|over the weekend)';

function shortUnitNb(unit: string, count: string): string {
  const lower = unit.toLowerCase();
  if (/^(dagene|dager|dag|døgn|døgnet)$/.test(lower)) return 'd';
  if (/^(uker|uke|uka|ukene)$/.test(lower)) return count === '1' ? 'uke' : 'uker';
  if (/^(månedene|måneder|måned|mnd)$/.test(lower)) return 'mnd';
  if (/^(timene|timer|time)$/.test(lower)) return 't';
  if (/^minutter$/.test(lower)) return 'min';
  return lower;
}

function countShorthand(count: string): string {
  return count
    .replace(/^ca\.? /i, 'ca. ')
    .replace(/^(et par|par)$/i, '2')
    .replace(/^snart /i, 'ca. ')
    .replace(/^nesten /i, 'ca. ');
}

interface TimeRule {
  pattern: RegExp;
  build: (match: RegExpExecArray) => Omit<TimeExpression, 'index' | 'length'>;
}

const NB_RULES: TimeRule[] = [
  {
    pattern: wordPattern(`for (${NB_COUNT}) (${NB_UNIT}) siden`, 'giu'),
    build: (match) => {
      const count = countShorthand(match[1] ?? '');
      return { kind: 'onset', text: `for ${count} ${shortUnitNb(match[2] ?? '', count)} siden`, past: true };
    },
  },
  {
    pattern: wordPattern(`siden (${NB_POINT.slice(3, -1)}|${NB_DAY}|${NB_SEASON}|i ${NB_SEASON})`, 'giu'),
    build: (match) => ({ kind: 'onset', text: `siden ${match[1] ?? ''}`.toLowerCase(), past: false }),
  },
  {
    pattern: wordPattern(`(?:de |i de )?siste (${NB_COUNT}) (${NB_UNIT})`, 'giu'),
    build: (match) => {
      const count = countShorthand(match[1] ?? '');
      return { kind: 'duration', text: `siste ${count} ${shortUnitNb(match[2] ?? '', count)}`, past: false };
    },
  },
  {
    pattern: wordPattern(`(?:i|på) (${NB_COUNT}) (${NB_UNIT})`, 'giu'),
    build: (match) => {
      const count = countShorthand(match[1] ?? '');
      return { kind: 'duration', text: `${count} ${shortUnitNb(match[2] ?? '', count)}`, past: false };
    },
  },
  {
    pattern: wordPattern(`(${NB_COUNT}) (${NB_UNIT})(?: nå| snart)?`, 'giu'),
    build: (match) => {
      const count = countShorthand(match[1] ?? '');
      return { kind: 'duration', text: `${count} ${shortUnitNb(match[2] ?? '', count)}`, past: false };
    },
  },
  {
    pattern: wordPattern(`(?:det )?(?:begynte|startet|kom) (?:på |i )?(${NB_DAY}|${NB_POINT})`, 'giu'),
    build: (match) => ({ kind: 'onset', text: `siden ${(match[1] ?? '').toLowerCase()}`, past: false }),
  },
  {
    pattern: wordPattern(NB_POINT, 'giu'),
    build: (match) => {
      const text = match[0].toLowerCase();
      return { kind: 'point', text, past: /fjor|forrige|sist|siden/.test(text) };
    },
  },
  {
    pattern: wordPattern(
      '(?:etter|før|siden|rundt) (?:jul|julen|påske|påsken|nyttår|sommeren|ferien|sommerferien|vinterferien|høstferien)',
      'giu',
    ),
    build: (match) => ({ kind: 'onset', text: match[0].toLowerCase(), past: false }),
  },
  {
    pattern: wordPattern('tidligere|før|som barn|da jeg var liten|for mange år siden', 'giu'),
    build: (match) => ({ kind: 'point', text: match[0].toLowerCase(), past: true }),
  },
];

const EN_RULES: TimeRule[] = [
  {
    pattern: wordPattern(`(${EN_COUNT}) (${EN_UNIT}) ago`, 'giu'),
    build: (match) => ({
      kind: 'onset',
      text: `${match[1] ?? ''} ${match[2] ?? ''} ago`.toLowerCase(),
      past: true,
    }),
  },
  {
    pattern: wordPattern(
      `since (${EN_POINT}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\\w+ \\d{4})`,
      'giu',
    ),
    build: (match) => ({ kind: 'onset', text: match[0].toLowerCase(), past: false }),
  },
  {
    pattern: wordPattern(`(?:for|over) (?:the (?:past|last) )?(${EN_COUNT}) (${EN_UNIT})`, 'giu'),
    build: (match) => ({
      kind: 'duration',
      text: `${match[1] ?? ''} ${match[2] ?? ''}`.toLowerCase(),
      past: false,
    }),
  },
  {
    pattern: wordPattern(EN_POINT, 'giu'),
    build: (match) => {
      const text = match[0].toLowerCase();
      return { kind: 'point', text, past: /last|yesterday/.test(text) };
    },
  },
];

const TIME_MEMO = new Map<string, TimeExpression[]>();

/** Forgets remembered sentences (called at the start of each note). */
export function clearTimeMemo(): void {
  TIME_MEMO.clear();
}

/** All time expressions in a text, left to right, without overlaps (earlier rules win). */
export function findTimeExpressions(text: string, language: Language): TimeExpression[] {
  const key = `${language}|${text}`;
  const memo = TIME_MEMO.get(key);
  if (memo) return memo;
  const found = scanTimeExpressions(text, language);
  // bounded memo: a sentence is asked about several times while one note is drafted
  if (TIME_MEMO.size > 4000) TIME_MEMO.clear();
  TIME_MEMO.set(key, found);
  return found;
}

function scanTimeExpressions(text: string, language: Language): TimeExpression[] {
  const found: TimeExpression[] = [];
  for (const rule of language === 'nb' ? NB_RULES : EN_RULES) {
    rule.pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = rule.pattern.exec(text)) !== null) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((expression) => start < expression.index + expression.length && end > expression.index))
        continue;
      found.push({ ...rule.build(match), index: start, length: match[0].length });
    }
  }
  return found.sort((left, right) => left.index - right.index);
}

/** The main time of a statement: an onset or duration before a point in time; undefined if none. */
export function mainTime(text: string, language: Language): TimeExpression | undefined {
  const expressions = findTimeExpressions(text, language);
  return (
    expressions.find((expression) => expression.kind === 'onset') ??
    expressions.find((expression) => expression.kind === 'duration') ??
    expressions[0]
  );
}
