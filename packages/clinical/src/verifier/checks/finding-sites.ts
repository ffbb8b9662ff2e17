/**
 * Where a finding is: a positive examination finding placed at a body site, or on one side of an anatomical qualifier
 * pair ("lateral"/"medial"), must be said of that site.
 */
import type { Language } from '@kollega/domain';
import { matchingCanonicals, matchPositions } from '../alignment';
import { REASONS } from '../reasons';
import type { AnalysedToken } from '../text-analysis';
import type { TranscriptUnit } from '../transcript-index';
import type { Clause, CheckContext, Issue } from './clause';
import { flag, isBodySite, isKin, isWeak, polarityAt } from './clause';
import { ABNORMAL, isNormalWord, namesNoFinding, OPPOSITE_QUALIFIERS, oppositeQualifier } from './words';

/**
 * The body sites a clause places its finding at: its own site words and those of a label before a colon
 * ("NECK: swelling noted" → neck), each said somewhere in the transcript.
 */
function sitesOf(clause: Clause, context: CheckContext): AnalysedToken[] {
  const { index } = context;
  return clause.tokens.filter(
    (token) =>
      !token.punctuation &&
      !token.negation &&
      isBodySite(token, index.compiled) &&
      matchingCanonicals(token, index).size > 0,
  );
}
/** The units of a unit's turn and of the other speaker's turn just before it (the question it answers). */
function turnOf(unit: TranscriptUnit, context: CheckContext): TranscriptUnit[] {
  const units = context.index.units;
  const previous = units.filter((other) => other.segmentIndex === unit.segmentIndex - 1);
  return units.filter(
    (other) =>
      other.segmentIndex === unit.segmentIndex ||
      (previous.includes(other) && other.speaker !== unit.speaker),
  );
}
/** True when a unit's turn, or the question it answers, names one of the sites. */
function siteNear(unit: TranscriptUnit, sites: readonly AnalysedToken[], context: CheckContext): boolean {
  return turnOf(unit, context).some((other) =>
    sites.some((site) => matchPositions(site, other, context.index).length > 0),
  );
}
/** True when a unit's turn, or the question it answers, names any body site. */
function anySiteNear(unit: TranscriptUnit, context: CheckContext): boolean {
  return turnOf(unit, context).some((other) =>
    other.tokens.some((token) => isBodySite(token, context.index.compiled)),
  );
}
/**
 * "NECK: swelling noted" where the only swelling in the talk is of the wrist ("my wrist … got real swollen") and the
 * neck examination names none: a positive finding at a named site needs the finding said of that site. A finding
 * said where no site is named ("yes it's swollen") may be of any site and is not weighed. Examination only: the
 * examiner's words place the findings.
 */
export function checkFindingElsewhere(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  if (!context.examSection || context.conditional || context.mentionsRelative) return undefined;
  if (clause.negated.size > 0 || clause.tokens.some((token) => token.negation || token.postNegation))
    return undefined;
  if (clause.quantities.length > 0 || clause.sides.length > 0) return undefined;
  if (clause.content.some((token) => isNormalWord(token, compiled) || ABNORMAL.test(token.surface)))
    return undefined;
  const sites = sitesOf(clause, context);
  if (sites.length === 0) return undefined;
  const findings = clause.content.filter(
    (token) =>
      !isBodySite(token, compiled) &&
      !isKin(token, compiled) &&
      !namesNoFinding(token, language) &&
      token.surface.length > 2 &&
      matchingCanonicals(token, index).size > 0,
  );
  const strong = findings.filter((token) => !isWeak(token, language));
  const claimed = strong.length > 0 ? strong : findings;
  if (claimed.length === 0 || claimed.length > 3) return undefined;
  const elsewhere: TranscriptUnit[] = [];
  for (const unit of index.units) {
    const polarities = claimed.flatMap((token) =>
      matchPositions(token, unit, index).map((position) => polarityAt(unit, position, index)),
    );
    // The finding named at the site in any way but denied (supposed, asked, read out) leaves the claim open.
    if (polarities.some((polarity) => polarity !== 'negative') && siteNear(unit, sites, context))
      return undefined;
    if (unit.hypothetical || (unit.isQuestion && unit.answer !== 'positive')) continue;
    if (!polarities.includes('positive')) continue;
    if (!anySiteNear(unit, context)) return undefined;
    elsewhere.push(unit);
  }
  return saidOnlyElsewhere(sites, elsewhere, language);
}
/** True when a token is one side of an anatomical qualifier pair ("lateral", "medial", "proximal"). */
function isQualifier(token: AnalysedToken): boolean {
  return OPPOSITE_QUALIFIERS.some(
    ([first, second]) => first.test(token.surface) || second.test(token.surface),
  );
}
/**
 * "Pain to palpation of the lateral aspect" where the doctor said "you do have pain to palpation of the medial aspect":
 * a positive finding placed by an anatomical qualifier needs the finding said on that side of the pair; said only on
 * the other side, it is not supported. A finding said with neither word may be of either side and is not weighed.
 */
export function checkFindingOppositeQualifier(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  if (!context.examSection || context.conditional || context.mentionsRelative) return undefined;
  if (clause.negated.size > 0 || clause.tokens.some((token) => token.negation || token.postNegation))
    return undefined;
  if (clause.content.some((token) => isNormalWord(token, compiled) || ABNORMAL.test(token.surface)))
    return undefined;
  const qualifiers = clause.tokens.filter(isQualifier);
  if (qualifiers.length === 0) return undefined;
  const findings = clause.content.filter(
    (token) =>
      !isQualifier(token) &&
      !isBodySite(token, compiled) &&
      !isKin(token, compiled) &&
      !namesNoFinding(token, language) &&
      token.surface.length > 2 &&
      matchingCanonicals(token, index).size > 0,
  );
  if (findings.length === 0 || findings.length > 4) return undefined;
  const elsewhere: TranscriptUnit[] = [];
  for (const unit of index.units) {
    if (unit.hypothetical || (unit.isQuestion && unit.answer !== 'positive')) continue;
    const positive = findings.some((token) =>
      matchPositions(token, unit, index).some((position) => polarityAt(unit, position, index) === 'positive'),
    );
    if (!positive) continue;
    if (!oppositeQualifier(clause, unit)) return undefined;
    elsewhere.push(unit);
  }
  return saidOnlyElsewhere(qualifiers, elsewhere, language);
}

/** The finding said only at other places than the note's words put it (`elsewhere`); none when there are none. */
function saidOnlyElsewhere(
  placedBy: readonly AnalysedToken[],
  elsewhere: readonly TranscriptUnit[],
  language: Language,
): Issue | undefined {
  if (elsewhere.length === 0) return undefined;
  return flag(
    'content',
    'unsupported',
    REASONS.findingElsewhere(
      placedBy.map((token) => token.surface).join(' '),
      [...new Set(elsewhere.map((unit) => unit.segmentId))],
      language,
    ),
  );
}
