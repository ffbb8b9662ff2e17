import { wordPattern } from './text';

/** One rewrite: a whole-word pattern and its replacement (with `$1`… groups). */
export interface RewriteRule {
  pattern: RegExp;
  replacement: string;
  /**
   * Lower-case literals of which at least one must occur for the rule to match; undefined when the
   * rule cannot be screened that way. Lets a text skip most rules with a cheap `includes`.
   */
  triggers?: readonly string[];
  /** The rule can only match where the text has a digit. */
  needsDigit?: boolean;
}

/** Splits a regex body on top-level `|`. */
function topLevelAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let current = '';
  for (let index = 0; index < body.length; index += 1) {
    const character = body[index] ?? '';
    if (character === '\\') {
      current += character + (body[index + 1] ?? '');
      index += 1;
      continue;
    }
    if (inClass) {
      if (character === ']') inClass = false;
      current += character;
      continue;
    }
    if (character === '[') inClass = true;
    else if (character === '(') depth += 1;
    else if (character === ')') depth -= 1;
    if (character === '|' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += character;
  }
  parts.push(current);
  return parts;
}

/** The end index of the group that opens at `start` (which holds "("). */
function groupEnd(body: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let index = start; index < body.length; index += 1) {
    const character = body[index];
    if (character === '\\') {
      index += 1;
      continue;
    }
    if (inClass) {
      if (character === ']') inClass = false;
      continue;
    }
    if (character === '[') inClass = true;
    else if (character === '(') depth += 1;
    else if (character === ')') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return body.length - 1;
}

/**
 * Literals one of which must occur in any match of a regex body (lower case, at least two letters),
 * or undefined when no such screen can be derived safely.
 */
export function literalTriggers(body: string): string[] | undefined {
  const triggers: string[] = [];
  for (const alternative of topLevelAlternatives(body)) {
    const found = leadingLiterals(alternative);
    if (!found) return undefined;
    triggers.push(...found);
  }
  return triggers.length > 0 ? [...new Set(triggers)] : undefined;
}

function leadingLiterals(alternative: string): string[] | undefined {
  let index = 0;
  while (index < alternative.length) {
    const character = alternative[index];
    if (character === '^' || character === ' ') {
      index += 1;
      continue;
    }
    if (character === '(') {
      const end = groupEnd(alternative, index);
      const inner = alternative.slice(index + 1, end);
      const after = alternative[end + 1];
      const optional = after === '?' || after === '*';
      if (
        inner.startsWith('?=') ||
        inner.startsWith('?!') ||
        inner.startsWith('?<=') ||
        inner.startsWith('?<!') ||
        optional
      ) {
        index = end + 1 + (optional ? 1 : 0);
        continue;
      }
      const content = inner.startsWith('?:') ? inner.slice(2) : inner;
      return literalTriggers(content);
    }
    // a run of plain letters
    let literal = '';
    while (index < alternative.length) {
      const next = alternative[index] ?? '';
      if (/[\p{L}\- ]/u.test(next)) {
        const following = alternative[index + 1];
        // a quantifier on this letter makes it optional: stop before it
        if (following === '?' || following === '*' || following === '{') break;
        literal += next;
        index += 1;
        continue;
      }
      break;
    }
    const trimmed = literal.trimEnd().toLowerCase();
    if (trimmed.replace(/[\s-]/g, '').length >= 2) return [trimmed];
    return undefined;
  }
  return undefined;
}

/**
 * Builds rewrite rules from `[body, replacement]` pairs: a string body is matched case-insensitively as
 * whole words; a RegExp is used as it is (it must have the `g` flag).
 */
export function rules(pairs: ReadonlyArray<readonly [string | RegExp, string]>): RewriteRule[] {
  return pairs.map(([body, replacement]) => {
    const source = typeof body === 'string' ? body : body.source;
    const rule: RewriteRule = { pattern: typeof body === 'string' ? wordPattern(body) : body, replacement };
    const triggers = typeof body === 'string' ? literalTriggers(body) : undefined;
    if (triggers) rule.triggers = triggers;
    if (
      topLevelAlternatives(source).every((alternative) =>
        /^(?:\^|,\\s\*|\s)*\(?(?:\?:)?\\d|^\(\\d/.test(alternative),
      )
    )
      rule.needsDigit = true;
    return rule;
  });
}

/** Applies rules in order. */
export function applyRules(text: string, list: readonly RewriteRule[]): string {
  let result = text;
  let lower = result.toLowerCase();
  const hasDigit = /\d/.test(result);
  for (const rule of list) {
    if (rule.needsDigit && !hasDigit) continue;
    if (rule.triggers && !rule.triggers.some((trigger) => lower.includes(trigger))) continue;
    rule.pattern.lastIndex = 0;
    const next = result.replace(rule.pattern, rule.replacement);
    if (next !== result) {
      result = next;
      lower = result.toLowerCase();
    }
  }
  return result;
}
