import type { Tokenizer } from './tokenize';
import { tokenizeUnicode } from './tokenize';

/**
 * Lexical key-fact recall with exactly the definition of the official scorer
 * (/work/shared/tools/score.mjs, `factHit`), so figures are comparable with it:
 * GP abbreviations expanded on both sides, stop words and negation words dropped from the fact,
 * 4-letter stems (numbers kept whole), negation-aware, a fact may span two neighbouring sentences,
 * at least 60 % of the fact's stems must be found, and every number of the fact must be in the note.
 * The word lists and regular expressions are copied verbatim; change them only together with score.mjs.
 */

/** One key fact a correct note must contain. */
export interface KeyFact {
  text: string;
  /** True where omission or distortion is a patient-safety problem. */
  critical: boolean;
  /** The reference section the fact belongs in, when known. */
  section?: string;
}

/** Key-fact recall of one note. Recalls are null when there are no (critical) facts. */
export interface KeyFactRecall {
  total: number;
  covered: number;
  criticalTotal: number;
  criticalCovered: number;
  recall: number | null;
  criticalRecall: number | null;
  /** Indices (into the fact list) of the facts the note did not cover. */
  missed: number[];
}

const STOP_WORDS = new Set(
  (
    'og i på av til er som det en et å for med har om den de seg var fra at ved da så kan vil skal ' +
    'the a an of to and in on for with is was has have at by or be as it this that are from'
  ).split(' '),
);
const NEGATION = /\b(ingen|ikke|nei|neg|negativ|uten|no|not|nil|denies|denied|without|negative)\b/i;
// Abbreviations GPs write, expanded on both sides before matching (Norwegian and UK/US shorthand).
const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
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
  [/\bpt\b/g, 'patient'],
  [/\bhx\b/g, 'history'],
  [/\bsx\b/g, 'symptoms'],
  [/\bdx\b/g, 'diagnosis'],
  [/\b(\d+)\/7\b/g, '$1 days'],
  [/\b(\d+)\/52\b/g, '$1 weeks'],
  [/\brhs\b/g, 'right'],
  [/\blhs\b/g, 'left'],
  [/\bdiarrhoea\b/g, 'diarrhea'],
  [/\bnil\b/g, 'no'],
  [/\bsob\b/g, 'short breath'],
  [/\bbd\b/g, 'twice'],
  [/\btds\b/g, 'three times'],
];

function expandAbbreviations(text: string): string {
  return ABBREVIATIONS.reduce(
    (expanded, [pattern, replacement]) => expanded.replace(pattern, replacement),
    ' ' + text.toLowerCase() + ' ',
  );
}

const stemToken = (token: string): string => (/^\d/.test(token) ? token : token.slice(0, 4));

/** True when the note text covers the fact (score.mjs `factHit`). */
export function isKeyFactCovered(
  fact: string,
  noteText: string,
  tokenize: Tokenizer = tokenizeUnicode,
): boolean {
  const factStems = [
    ...new Set(
      tokenize(expandAbbreviations(fact))
        .filter((token) => !STOP_WORDS.has(token) && !NEGATION.test(token))
        .map(stemToken),
    ),
  ];
  if (factStems.length === 0) return true;
  const sentences = noteText
    .split(/(?<=[.!?;:\n])\s+/)
    .filter(Boolean)
    .map(expandAbbreviations);
  const factIsNegated = NEGATION.test(fact);
  let best = 0;
  for (let index = 0; index < sentences.length; index++) {
    const window = `${sentences[index]} ${sentences[index + 1] ?? ''}`;
    if (factIsNegated && !NEGATION.test(window)) continue; // a negated fact needs a negation nearby
    const windowStems = new Set(tokenize(window).map(stemToken));
    best = Math.max(best, factStems.filter((stem) => windowStems.has(stem)).length / factStems.length);
  }
  const numbers = factStems.filter((stem) => /^\d/.test(stem));
  const noteTokens = new Set(tokenize(expandAbbreviations(noteText)));
  if (numbers.some((number) => !noteTokens.has(number))) return false;
  return best >= 0.6;
}

/** Key-fact recall and critical key-fact recall of one note. */
export function computeKeyFactRecall(
  facts: readonly KeyFact[],
  noteText: string,
  tokenize: Tokenizer = tokenizeUnicode,
): KeyFactRecall {
  let covered = 0;
  let criticalTotal = 0;
  let criticalCovered = 0;
  const missed: number[] = [];
  facts.forEach((fact, index) => {
    const hit = isKeyFactCovered(fact.text, noteText, tokenize);
    if (hit) covered++;
    else missed.push(index);
    if (fact.critical) {
      criticalTotal++;
      if (hit) criticalCovered++;
    }
  });
  return {
    total: facts.length,
    covered,
    criticalTotal,
    criticalCovered,
    recall: facts.length === 0 ? null : covered / facts.length,
    criticalRecall: criticalTotal === 0 ? null : criticalCovered / criticalTotal,
    missed,
  };
}
