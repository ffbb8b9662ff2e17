/**
 * Trouble in general claimed since a time ("She reports issues since that time") where the patient said there was
 * none since then ("nope, no issues since then").
 */
import { REASONS } from '../reasons';
import type { TranscriptUnit } from '../transcript-index';
import type { CheckContext, Clause, Issue } from './clause';
import { flag, isWeak } from './clause';
import { plainPolarityAt } from './polarity';

/** Nouns for trouble in general ("issues", "problems", "symptoms"), which name no complaint of their own. */
const GENERIC_TROUBLE = /^(?:issues?|problems?|troubles?|complaints?|symptoms?)$/;
/** Words that count or qualify trouble in general ("any", "some", "recent"). */
const TROUBLE_FRAME = /^(?:any|some|recent|recently|ongoing|continued|more|time|then)$/;

/**
 * True when the clause claims only trouble in general since a time ("reports issues since that time", "has had
 * problems since then"): a positive clause whose words besides the trouble noun are weak or frame words, anchored by
 * "since".
 */
function claimsTroubleSince(clause: Clause): boolean {
  const tokens = clause.tokens;
  if (tokens.some((token) => token.negation || token.postNegation)) return false;
  if (!tokens.some((token) => token.surface === 'since')) return false;
  if (!tokens.some((token) => GENERIC_TROUBLE.test(token.surface))) return false;
  return clause.content.every(
    (token) =>
      GENERIC_TROUBLE.test(token.surface) || TROUBLE_FRAME.test(token.surface) || isWeak(token, 'en'),
  );
}

/**
 * The place's saying about trouble since a time: "none" where trouble in general is said under a negation right
 * before "since" ("i haven't had any problems since then"), or as the lexicon's "tolerated" for "no issues"
 * ("nope, no issues since then"), or asked and answered no ("any issues since then?" – "no"); "some" where it is
 * said plainly ("i've had problems since then"); undefined where the place says nothing of trouble since.
 */
function troubleSinceAt(unit: TranscriptUnit, context: CheckContext): 'none' | 'some' | undefined {
  const tokens = unit.tokens;
  let result: 'none' | 'some' | undefined;
  tokens.forEach((token, position) => {
    if (result === 'some' || token.surface !== 'since') return;
    for (let back = position - 1; back >= 0 && back >= position - 2; back -= 1) {
      const word = tokens[back];
      if (!word || word.punctuation !== undefined) return;
      if (word.surface === 'tolerated' && !unit.isQuestion) {
        result = 'none';
        return;
      }
      if (!GENERIC_TROUBLE.test(word.surface)) continue;
      const polarity = plainPolarityAt(unit, back, context);
      if (polarity === 'negative') result = 'none';
      else if (polarity === 'positive') result = 'some';
      return;
    }
  });
  return result;
}

/**
 * A claim of trouble in general since a time ("She reports issues since that time") where the patient said there
 * was none since then ("nope, no issues since then", "any problems since then?" – "no") and never said there was:
 * the claim drops the "no". English (the lexicon writes "no issues" as "tolerated").
 */
export function checkTroubleSinceDenied(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'en' || context.mentionsRelative || context.conditional) return undefined;
  if (!claimsTroubleSince(clause)) return undefined;
  let deniedAt: TranscriptUnit | undefined;
  for (const unit of index.units) {
    if (unit.hypothetical || unit.plan) continue;
    if (unit.speaker !== 'pasient' && !(unit.isQuestion && unit.answer === 'negative')) continue;
    const said = troubleSinceAt(unit, context);
    if (said === 'some') return undefined;
    if (said === 'none') deniedAt ??= unit;
  }
  if (!deniedAt) return undefined;
  return flag('negation', 'contradicted', REASONS.negationConflictDenied([deniedAt.segmentId], language));
}
