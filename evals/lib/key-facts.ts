/**
 * A debugging copy of the official scorer's key-fact matcher (shared/tools/score.mjs): lets the bench
 * list which key facts a note misses. Figures are always taken from score.mjs itself.
 */
const STOP = new Set(
  (
    'og i på av til er som det en et å for med har om den de seg var fra at ved da så kan vil skal ' +
    'the a an of to and in on for with is was has have at by or be as it this that are from'
  ).split(' '),
);
const NEG = /\b(ingen|ikke|nei|neg|negativ|uten|no|not|nil|denies|denied|without|negative)\b/i;
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bh\.(?=\s|$|[,;)])/g, 'høyre'],
  [/\bv\.(?=\s|$|[,;)])/g, 'venstre'],
  [/\bhø\.?(?=\s)/g, 'høyre'],
  [/\bve\.?(?=\s)/g, 'venstre'],
  [/\bbilat\.?/g, 'begge sider'],
  [/\bua\.?/g, 'normal'],
  [/\bus\.?(?=\s|:)/g, 'undersøkelse'],
  [/\btidl\.?/g, 'tidligere'],
  [/\bpos\.?(?=\s|$|[,;)])/g, 'positiv'],
  [/\bneg\.?(?=\s|$|[,;)])/g, 'negativ'],
  [/\bhenv\.?/g, 'henvise'],
  [/\bkontr\.?(?=\s)/g, 'kontroll'],
  [/\bev\.?(?=\s)/g, 'eventuelt'],
  [/\bv\/behov\b/g, 'ved behov'],
  [/\bth\b/g, 'trommehinne'],
  [/\bbt\b/g, 'blodtrykk'],
  [/\btemp\b/g, 'temperatur'],
  [/\b(\d+) ?d\.(?=\s|$|[,;)])/g, '$1 døgn'],
  [/\b(\d+) ?u\.(?=\s|$|[,;)])/g, '$1 uker'],
  [/\bmnd\.?/g, 'måneder'],
  [/\bdager?\b/g, 'døgn'],
];
const expand = (text: string): string =>
  ABBREVIATIONS.reduce((acc, [re, rep]) => acc.replace(re, rep), ' ' + text.toLowerCase() + ' ');
const stem = (token: string): string => (/^\d/.test(token) ? token : token.slice(0, 4));
const tokenize = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);

/** True when the scorer would count the key fact as present in the note text. */
export function keyFactHit(fact: string, noteText: string): boolean {
  const factTokens = [
    ...new Set(
      tokenize(expand(fact))
        .filter((t) => !STOP.has(t) && !NEG.test(t))
        .map(stem),
    ),
  ];
  if (factTokens.length === 0) return true;
  const sentences = noteText
    .split(/(?<=[.!?;:\n])\s+/)
    .filter(Boolean)
    .map(expand);
  const factNegated = NEG.test(fact);
  let best = 0;
  for (let index = 0; index < sentences.length; index += 1) {
    const window = `${sentences[index] ?? ''} ${sentences[index + 1] ?? ''}`;
    if (factNegated && !NEG.test(window)) continue;
    const windowTokens = new Set(tokenize(window).map(stem));
    best = Math.max(best, factTokens.filter((t) => windowTokens.has(t)).length / factTokens.length);
  }
  const numbers = factTokens.filter((t) => /^\d/.test(t));
  const all = new Set(tokenize(expand(noteText)));
  if (numbers.some((n) => !all.has(n))) return false;
  return best >= 0.6;
}
