/**
 * English examination: a normal word said not to hold ("Neck is not supple", "Abdomen is not soft", "Rhythm is not
 * regular") claims its abnormal opposite — a stiff neck, a firm or distended abdomen, an irregular rhythm. That
 * claim needs the talk to say the opposite (or the normal word denied) somewhere; another finding of the same site
 * ("feeling your neck, i do feel like your thyroid's a bit enlarged") is not its source.
 */
import { REASONS } from '../reasons';
import type { Clause, CheckContext, Issue } from './clause';
import { flag } from './clause';
import { hasLocalNegation } from './polarity';

/** Normal words of the examination and the words that say their abnormal opposite. */
const OPPOSITES: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^supple$/u, /^(?:stiff\p{L}*|rigid\p{L}*|nuchal|meningism\p{L}*)$/u],
  [/^soft$/u, /^(?:firm|hard|rigid\p{L}*|distend\p{L}*|distension|distention|guard\p{L}*|tense)$/u],
  [
    /^regular$/u,
    /^(?:irregular\p{L}*|arrhythm\p{L}*|afib|fibrillation|skipp\p{L}*|flutter\p{L}*|palpitations?)$/u,
  ],
];
/** A copula the negated normal word is the predicate of ("is not supple"). */
const COPULA = /^(?:is|are|was|were)$/u;
/** Auxiliaries between a copula's negation and its predicate ("is not supple", "was not very soft"). */
const BETWEEN = /^(?:be|been|very|quite|fully|entirely|completely)$/u;

/**
 * "Neck is not supple" where nobody says the neck is stiff, nor that it is not supple: the abnormal the negated normal
 * word claims is unsaid.
 */
export function checkUnsaidOpposite(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (
    !context.examSection ||
    context.conditional ||
    context.mentionsRelative ||
    index.compiled.language !== 'en'
  )
    return undefined;
  const tokens = clause.tokens;
  const notAt = tokens.findIndex(
    (token, position) => token.surface === 'not' && COPULA.test(tokens[position - 1]?.surface ?? ''),
  );
  if (notAt < 0) return undefined;
  let at = notAt + 1;
  while (BETWEEN.test(tokens[at]?.surface ?? '')) at += 1;
  const normal = tokens[at];
  const pair = normal && OPPOSITES.find(([word]) => word.test(normal.surface));
  if (!normal || !pair) return undefined;
  const [word, opposite] = pair;
  const said = index.units.some((unit) =>
    unit.tokens.some(
      (token, position) =>
        opposite.test(token.surface) || (word.test(token.surface) && hasLocalNegation(unit, position)),
    ),
  );
  if (said) return undefined;
  return flag('negation', 'unsupported', REASONS.wordsMissing([`not ${normal.surface}`], language));
}
