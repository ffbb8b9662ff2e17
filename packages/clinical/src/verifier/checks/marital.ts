/**
 * English marital status: "my wife", "i do have a husband" said in the first person is being married, so a note that
 * says the patient is not married is contradicted by it.
 */
import { REASONS } from '../reasons';
import { foldText } from '../text-tools';
import type { TranscriptUnit } from '../transcript-index';
import type { CheckContext, Clause, Issue } from './clause';
import { flag } from './clause';

/** A claim that the patient is not married ("is not married with children", "has never been married"). */
const NOT_MARRIED = /(?<![\p{L}])(?:not|n't|never)\s+(?:been\s+|currently\s+)?married(?![\p{L}])/u;
/** A spouse of one's own, said in the first person ("my wife", "i do have a husband"). */
const OWN_SPOUSE =
  /(?<![\p{L}-])(?:my|i (?:do |also )?have an?|i'm married to an?)\s+(?:wife|husband|spouse)(?![\p{L}-])/u;
/** A marriage that is over ("my late wife", "my ex-husband", "my wife passed away", "divorced"). */
const ENDED =
  /(?<![\p{L}])(?:late|ex|former|passed|died|deceased|divorced|divorce|separated|widow\p{L}*)(?![\p{L}])/u;

/** The first statement (not a question) of the talk that names the speaker's own spouse, of a marriage not ended. */
function ownSpouse(units: readonly TranscriptUnit[]): TranscriptUnit | undefined {
  return units.find((unit) => {
    if (unit.isQuestion || unit.hypothetical) return false;
    const text = foldText(unit.text);
    return OWN_SPOUSE.test(text) && !ENDED.test(text);
  });
}

/**
 * "The patient is not married with children" against "i do have a wife and kids so should i be worried about them":
 * a denied marriage where the talk names the speaker's own spouse is contradicted. English only; a clause about a
 * relative is not the patient's.
 */
export function checkNotMarried(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'en' || context.mentionsRelative || context.conditional) return undefined;
  if (!NOT_MARRIED.test(foldText(clause.text))) return undefined;
  const spouse = ownSpouse(index.units);
  if (!spouse) return undefined;
  return flag('negation', 'contradicted', REASONS.negationConflictPresent([spouse.segmentId], language));
}
