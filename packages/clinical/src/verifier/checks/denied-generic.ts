/**
 * A denial of complaints in general that the same sentence goes on to spell out as said ("Mrs. Cooper denies a
 * myriad of symptoms, stating she feels fatigued often during the day, …"): the participle of saying gives the
 * patient's own words, and complaints stated there are instances of what the denial denies.
 */
import { coverage, headPositions, matchingCanonicals } from '../alignment';
import { REASONS } from '../reasons';
import { type AnalysedToken, analyseTokens } from '../text-analysis';
import { foldText } from '../text-tools';
import type { TranscriptUnit } from '../transcript-index';
import type { CheckContext, Clause, Issue } from './clause';
import { flag, isContent, isKin, isWeak, PERCEPTION } from './clause';
import { plainPolarityAt } from './polarity';
import { EPISTEMIC, isNormalWord, SEEMING } from './words';

/** English verbs of denial ("denies", "denied"). */
const DENY = /^(?:denies|denied|deny)$/;
/** Nouns for complaints in general ("symptoms", "issues", "problems"), which name no complaint of their own. */
const GENERIC_COMPLAINT = /^(?:symptoms?|issues?|problems?|complaints?|concerns?)$/;
/** Words that count or qualify complaints in general ("a myriad of", "a number of", "any", "multiple"). */
const GENERIC_AMOUNT =
  /^(?:myriad|number|variety|host|range|multitude|lot|lots|few|several|multiple|various|numerous|many|any|some)$/;
/**
 * A participle of saying after the denial, opening what the patient said ("…, stating she feels fatigued"), up to
 * the end of its own list item.
 */
const SAYING_AFTER =
  /^\s*,?\s*(?:stating|reporting|noting|saying|describing|explaining|adding|endorsing)(?:\s+that)?\s+([^,;.]+)/u;
/** Words that say a complaint is over or was good news ("… stating the pain has resolved", "feels well"). */
const GOOD_NEWS =
  /^(?:resolved|resolving|improved|improving|better|gone|fine|well|good|great|okay|ok|normal|subsided|stopped)$/;

/**
 * True when the clause denies only complaints in general: after its verb of denial stand nothing but a generic
 * complaint noun and words that count it ("denies a myriad of symptoms", "denied any issues"). Not other or new ones
 * ("denies other symptoms"), which leave the complaints talked about standing.
 */
function deniesComplaintsInGeneral(clause: Clause): boolean {
  const tokens = clause.tokens;
  const verb = tokens.findIndex((token) => DENY.test(token.surface));
  if (verb < 0) return false;
  const object = tokens.slice(verb + 1).filter((token) => token.punctuation === undefined);
  return (
    object.some((token) => GENERIC_COMPLAINT.test(token.surface)) &&
    object.every(
      (token) =>
        GENERIC_COMPLAINT.test(token.surface) ||
        GENERIC_AMOUNT.test(token.surface) ||
        (token.stopword && !/^(?:other|others|else|further|new|additional)$/.test(token.surface)),
    )
  );
}

/**
 * The words of what the sentence says the patient stated after the denial ("stating she feels fatigued often during
 * the day"): undefined where nothing is so stated, or where it is negative or good news ("stating she feels well",
 * "noting that nothing has changed"), which agrees with a denial.
 */
function statedAfter(clause: Clause, context: CheckContext): AnalysedToken[] | undefined {
  const rest = context.statementText.slice(clause.offset + clause.text.length);
  const match = SAYING_AFTER.exec(foldText(rest));
  if (!match?.[1]) return undefined;
  const compiled = context.index.compiled;
  const tokens = analyseTokens(match[1], compiled, { note: true });
  if (tokens.some((token) => token.negation || token.postNegation || GOOD_NEWS.test(token.surface)))
    return undefined;
  if (tokens.some((token) => isNormalWord(token, compiled))) return undefined;
  return tokens.filter(
    (token) =>
      isContent(token) &&
      !isWeak(token, compiled.language) &&
      !isKin(token, compiled) &&
      !PERCEPTION.test(token.surface) &&
      !SEEMING.test(token.surface) &&
      !EPISTEMIC.test(token.surface) &&
      matchingCanonicals(token, context.index).size > 0,
  );
}

/**
 * A denial of complaints in general that the sentence spells out with complaints the patient stated ("Mrs. Cooper
 * denies a myriad of symptoms, stating she feels fatigued often during the day", where the patient said "i have been
 * feeling fatigued often during the day"): the stated complaints contradict the denial. The patient must say most of
 * them plainly (or confirm them when asked), with no place denying them. English.
 */
export function checkDeniedGenericStated(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'en' || context.mentionsRelative || context.conditional) return undefined;
  if (!deniesComplaintsInGeneral(clause)) return undefined;
  const words = statedAfter(clause, context);
  if (!words || words.length < 2) return undefined;
  let statedAt: TranscriptUnit | undefined;
  for (const unit of index.units) {
    if (unit.hypothetical || unit.plan || coverage(words, unit, index) < 0.5) continue;
    const said = unit.speaker === 'pasient' && !unit.isQuestion;
    const confirmed = unit.isQuestion && unit.answer === 'positive';
    if (!said && !confirmed) continue;
    const polarities = words.flatMap((token) =>
      headPositions(token, unit, index).map((position) => plainPolarityAt(unit, position, context)),
    );
    if (polarities.includes('negative')) return undefined;
    if (polarities.includes('positive')) statedAt ??= unit;
  }
  if (!statedAt) return undefined;
  return flag('negation', 'contradicted', REASONS.negationConflictPresent([statedAt.segmentId], language));
}
