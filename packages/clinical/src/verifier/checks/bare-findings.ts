/**
 * Findings that stand bare where examination notes put a negation. A list of findings joined by "or" ("masses or
 * tenderness") is the object of "no" or "denies" in a note ("No masses or tenderness"); said plainly, without a
 * negation or a verb, it asserts nothing a note would write, and its negation went missing. A pain at a site the talk never
 * names ("Pain in the calf") is written unsaid only as negative ("No pain in the calf"). English only.
 */
import { matchingCanonicals } from '../alignment';
import { REASONS } from '../reasons';
import { analyseTokens } from '../text-analysis';
import { foldText } from '../text-tools';
import type { CheckContext, Clause, Issue } from './clause';
import { flag, hasOwnVerb, isBodySite } from './clause';

/** One to three words of a finding ("masses", "extra heart sounds", "peritoneal signs"). */
const ITEM = String.raw`\p{L}[\p{L}'-]*(?: \p{L}[\p{L}'-]*){0,2}`;
/**
 * A bare disjunctive list of findings: items separated by commas, the last after "or" ("masses or tenderness",
 * "murmurs, gallops, or rubs"), nothing else.
 */
const BARE_DISJUNCTION = new RegExp(`^(?:${ITEM})(?:, ${ITEM})*,? or ${ITEM}$`, 'u');
/** Words that license a disjunctive list of findings or show it is not one ("no", "without", "either", "with or"). */
const LICENSES_OR =
  /(?<![\p{L}])(?:no|not|never|none|nothing|without|denies|denied|deny|negative|either|whether|if|free|absent|absence|with|and)(?![\p{L}])|n't/u;
/**
 * Words that make the list the object of a report or a judgement ("Endorses chest pain or dyspnea", "History of
 * asthma or COPD", "Possible sprain or strain"): the list is then asserted as it stands.
 */
const REPORTS_LIST =
  /(?<![\p{L}])(?:endors\p{L}*|report\p{L}*|notes?|noted|complain\p{L}*|admit\p{L}*|describ\p{L}*|experienc\p{L}*|feel\p{L}*|positive|present\p{L}*|shows?|showed|reveal\p{L}*|demonstrat\p{L}*|suggest\p{L}*|consistent|likely|possible|possibly|probable|probably|suspect\p{L}*|concern\p{L}*|risk|history|due|secondary|versus|vs)(?![\p{L}])/u;

/**
 * "Examination of Abdomen: masses or tenderness." where the note had "No masses or tenderness.": a list of findings
 * joined by "or", with neither a negation nor a verb, in the history or the examination. Only what follows a label
 * ("Examination of Abdomen:") is read; values, sides and plans are not.
 */
export function checkBareDisjunction(clause: Clause, context: CheckContext): Issue | undefined {
  const compiled = context.index.compiled;
  if (compiled.language !== 'en' || clause.offset > 0) return undefined;
  if (!(context.examSection || context.historySection) || context.planSection || context.conditional)
    return undefined;
  const text = context.statementText;
  const finding = foldText(text.slice(text.lastIndexOf(':') + 1))
    .replace(/[.!]\s*$/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
  if (!BARE_DISJUNCTION.test(finding) || LICENSES_OR.test(finding) || REPORTS_LIST.test(finding))
    return undefined;
  const tokens = analyseTokens(finding, compiled, { note: true });
  if (hasOwnVerb(tokens, compiled.language)) return undefined;
  if (tokens.some((token) => token.negation || token.postNegation || /^\d/.test(token.surface)))
    return undefined;
  return flag('negation', 'unsupported', REASONS.negationMissing(finding, context.language));
}

/** Words of a symptom elicited on examination ("pain", "tenderness"): said of many manoeuvres and sites. */
const ELICITED_FINDING = /^(?:pain|painful|tenderness|tender|discomfort|crepitus)$/;
/** Words that place an elicited finding at a site ("pain in the calf", "tenderness at the elbow"). */
const PLACING = /^(?:with|in|on|at)$/;
/**
 * "Pain in the calf" where the talk never names the calf: the pain itself is said of many sites, so its own words do
 * not confirm where it was found, and a note writes a finding at a site nobody named only as negative ("No pain in
 * the calf"). The manoeuvre that elicits it is not weighed: it is often said in lay words ("pain with flexion" for
 * "does it hurt when i bend it"). Examination only; the clause opens with the finding word, and a body site after it
 * is missing from the transcript.
 */
export function checkUnsaidSite(clause: Clause, context: CheckContext): Issue | undefined {
  const { index } = context;
  const compiled = index.compiled;
  if (compiled.language !== 'en' || !context.examSection || context.conditional || context.mentionsRelative)
    return undefined;
  if (clause.negated.size > 0 || clause.tokens.some((token) => token.negation || token.postNegation))
    return undefined;
  if (clause.quantities.length > 0) return undefined;
  const words = clause.tokens.filter((token) => !token.punctuation);
  const colon = clause.tokens.findIndex((token) => token.punctuation === ':');
  const start = colon >= 0 ? words.findIndex((token) => clause.tokens.indexOf(token) > colon) : 0;
  const head = words[start];
  const preposition = words[start + 1];
  if (!head || !preposition || !ELICITED_FINDING.test(head.surface) || !PLACING.test(preposition.surface))
    return undefined;
  const missing = words
    .slice(start + 2)
    .filter(
      (token) =>
        clause.content.includes(token) &&
        isBodySite(token, compiled) &&
        matchingCanonicals(token, index).size === 0,
    );
  if (missing.length === 0) return undefined;
  return flag(
    'content',
    'unsupported',
    REASONS.wordsMissing(
      missing.map((token) => token.surface),
      context.language,
    ),
  );
}
