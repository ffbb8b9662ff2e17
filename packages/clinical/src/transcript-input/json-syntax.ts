/** Where in a text something went wrong: 1-based line and column. */
export interface TextPosition {
  line: number;
  column: number;
}

/** The 1-based line and column of a character offset in `text`. */
export function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

/**
 * The offset of the first JSON syntax error in `text`, or undefined when it is valid JSON.
 * Written here because `JSON.parse` messages differ between Node versions and some quote the input,
 * which may be patient text; this gives a stable position and nothing else.
 */
export function locateJsonSyntaxError(text: string): number | undefined {
  let offset = 0;

  const skipWhitespace = (): void => {
    while (offset < text.length && ' \t\n\r'.includes(text.charAt(offset))) offset += 1;
  };

  // Each parser advances `offset` past a valid value and returns true, or leaves it at the error.
  const parseValue = (): boolean => {
    skipWhitespace();
    const character = text.charAt(offset);
    if (character === '{') return parseContainer('}', true);
    if (character === '[') return parseContainer(']', false);
    if (character === '"') return parseString();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, offset)) {
        offset += literal.length;
        return true;
      }
    }
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(offset, offset + 400));
    if (number) {
      offset += number[0].length;
      return true;
    }
    return false;
  };

  const parseString = (): boolean => {
    offset += 1;
    while (offset < text.length) {
      const character = text.charAt(offset);
      if (character === '"') {
        offset += 1;
        return true;
      }
      if (character.charCodeAt(0) < 0x20) return false;
      if (character === '\\') {
        const escape = text.charAt(offset + 1);
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(offset + 2, offset + 6))) return false;
          offset += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(escape) || escape === '') return false;
        offset += 2;
        continue;
      }
      offset += 1;
    }
    return false;
  };

  const parseContainer = (close: string, isObject: boolean): boolean => {
    offset += 1;
    skipWhitespace();
    if (text.charAt(offset) === close) {
      offset += 1;
      return true;
    }
    for (;;) {
      if (isObject) {
        skipWhitespace();
        if (text.charAt(offset) !== '"' || !parseString()) return false;
        skipWhitespace();
        if (text.charAt(offset) !== ':') return false;
        offset += 1;
      }
      if (!parseValue()) return false;
      skipWhitespace();
      const character = text.charAt(offset);
      if (character === close) {
        offset += 1;
        return true;
      }
      if (character !== ',') return false;
      offset += 1;
    }
  };

  if (!parseValue()) return offset;
  skipWhitespace();
  return offset < text.length ? offset : undefined;
}
