/**
 * PDFKit's standard fonts (Helvetica) encode text as WinAnsi (Windows-1252): Latin-1 plus a few
 * typographic characters. That covers Norwegian (æ ø å Æ Ø Å, « », –, µ, ²). Other characters are
 * written as their nearest ASCII form so a PDF never shows a wrong glyph.
 */

/** Characters Windows-1252 has beyond Latin-1 (0x80–0x9F). */
const WINDOWS_1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const REPLACEMENTS: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '→': '->',
  '←': '<-',
  '×': 'x',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '―': '-',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '½': '1/2',
  '⅓': '1/3',
  '¼': '1/4',
  '³': '3',
};

/** True when Windows-1252 can encode the character. */
function isWinAnsi(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  if (code === 0x09 || code === 0x0a || code === 0x0d) return true;
  if (code >= 0x20 && code <= 0x7e) return true;
  if (code >= 0xa0 && code <= 0xff) return true;
  return WINDOWS_1252_EXTRAS.has(character);
}

/** Text with every character the standard PDF fonts cannot show replaced by an ASCII form (or `?`). */
export function toWinAnsiText(text: string): string {
  let result = '';
  for (const character of text.normalize('NFC')) {
    const replacement = REPLACEMENTS[character];
    if (replacement !== undefined) {
      result += replacement;
    } else if (isWinAnsi(character)) {
      result += character;
    } else {
      // Letters with other diacritics keep their base letter ("ł" stays "?", "ș" becomes "s").
      const stripped = character.normalize('NFD').replace(/\p{M}/gu, '');
      result += stripped !== '' && [...stripped].every(isWinAnsi) ? stripped : '?';
    }
  }
  return result;
}
