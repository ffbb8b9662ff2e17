/**
 * Whether the patient can tell: "she is able to say whether she had heartburn" claims the patient knows the answer.
 * Asked about it, the patient who answers with uncertainty ("uh , maybe .", "i'm not sure", "i don't know") cannot
 * say — the note should have read "is not able to say whether".
 */
import { matchPositions, matchingCanonicals } from '../alignment';
import { REASONS } from '../reasons';
import type { AnalysedToken } from '../text-analysis';
import { foldText } from '../text-tools';
import type { TranscriptIndex, TranscriptUnit } from '../transcript-index';
import type { Clause, CheckContext, Issue } from './clause';
import { flag, isContent, isWeak } from './clause';

/** "Is able to say whether", "was able to tell if", "can recall whether": a claim that the patient knows. */
const ABLE_TO_SAY =
  /(?<![\p{L}])(?:(?:is|was|are|were)\s+able\s+to|can|could)\s+(?:say|tell|recall|remember)\s+(?:whether|if)(?![\p{L}])/u;
/** The words that open a clause of what is known ("whether", "if"). */
const WHETHER = /^(?:whether|if)$/;
/** An answer of uncertainty at the start of the patient's reply ("uh , maybe .", "i'm not sure", "i don't know"). */
const UNSURE =
  /^(?:(?:uh|um|hmm|well|oh)\s*,?\s*)*(?:maybe|possibly|perhaps|i'?m not (?:sure|certain)|not (?:sure|really sure)|i do ?n'?t (?:know|remember|recall)|i can'?t (?:say|tell|remember|recall)|i guess|hard to say)(?![\p{L}])/u;

/** The words of what is claimed to be known: the content words after "whether"/"if", up to the first punctuation. */
function knownWords(clause: Clause): AnalysedToken[] {
  const tokens = clause.tokens;
  const start = tokens.findIndex((token) => WHETHER.test(token.surface));
  if (start < 0) return [];
  const words: AnalysedToken[] = [];
  for (const token of tokens.slice(start + 1)) {
    if (token.punctuation !== undefined) break;
    if (isContent(token)) words.push(token);
  }
  return words;
}

/** The patient's reply to the doctor's question: the unit that answers it. */
function replyOf(question: TranscriptUnit, index: TranscriptIndex): TranscriptUnit | undefined {
  if (question.answeredByUnit === undefined) return undefined;
  const reply = index.units[question.answeredByUnit];
  return reply?.speaker === 'pasient' ? reply : undefined;
}

/**
 * "The patient is able to say whether she had heartburn" against "do you remember having any heartburn or
 * indigestion at the time?" – "uh , maybe .": a claim that the patient can tell, where the patient, asked about the
 * very thing, answered with uncertainty, is contradicted. English only.
 */
export function checkClaimedCertainty(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'en' || context.mentionsRelative) return undefined;
  if (!ABLE_TO_SAY.test(foldText(clause.text))) return undefined;
  // Not "is not able to say whether", "unable to say whether": the claim of knowing is the negation's to deny.
  const whether = clause.tokens.findIndex((token) => WHETHER.test(token.surface));
  if (clause.tokens.slice(0, whether).some((token) => token.negation || token.surface === 'unable'))
    return undefined;
  const words = knownWords(clause).filter(
    (token) => !isWeak(token, index.compiled.language) && matchingCanonicals(token, index).size > 0,
  );
  if (words.length === 0) return undefined;
  for (const question of index.units) {
    if (!question.isQuestion || question.speaker !== 'lege') continue;
    if (!words.some((token) => matchPositions(token, question, index).length > 0)) continue;
    const reply = replyOf(question, index);
    if (reply && UNSURE.test(foldText(reply.text)))
      return flag('negation', 'contradicted', REASONS.answeredUnsure([reply.segmentId], language));
  }
  return undefined;
}
