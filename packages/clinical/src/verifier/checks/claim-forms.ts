/**
 * The polarity of particular claim forms: quotations, side-effect claims, "no evidence of", other instances, a clause
 * that is only a site.
 */
import { headPositions } from '../alignment';
import type { Clause, CheckContext, Issue } from './clause';
import { flag, isWeak } from './clause';
import { saidNormal } from './polarity';
import { plainPolarityAt } from './polarity';
import { findDrugMentions } from '../drug-names';
import { REASONS } from '../reasons';
import { findDiagnoses, looksLikeDiagnosis } from '../text-analysis';
import { foldText } from '../text-tools';
import type { TranscriptUnit } from '../transcript-index';

/** A quotation in a Norwegian note: «…» or "…". */
const QUOTATION = /[«"“]([^«»"“”]{3,80})[»"”]/gu;
const NB_NEGATION_WORD = /^(?:ikke|ikkje|ingen|inga|intet|aldri)$/u;
function wordsOf(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}
/**
 * A quotation is the patient's own words: where the transcript holds its words in a row, a negation among them must
 * be in the quote too, and the quote's negation in the transcript («lettere å ikke våkne» ↔ "lettere å våkne").
 * Compared word by word on the text, before phrases are rewritten.
 */
export function checkQuotedPolarity(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'nb') return undefined;
  for (const match of clause.text.matchAll(QUOTATION)) {
    const quoted = wordsOf(match[1] ?? '');
    const words = quoted.filter((word) => !NB_NEGATION_WORD.test(word));
    if (words.length < 2) continue;
    const quoteNegated = words.length < quoted.length;
    for (const unit of index.units) {
      const said = wordsOf(unit.text);
      for (let start = 0; start < said.length; start++) {
        if (said[start] !== words[0]) continue;
        // The quote's words in order, with at most one negation between two of them.
        let at = start;
        // A negation just before the first word is theirs too ("… at jeg ikke vil leve").
        let negated = NB_NEGATION_WORD.test(said[start - 1] ?? '');
        for (const word of words.slice(1)) {
          const next =
            said[at + 1] === word
              ? at + 1
              : NB_NEGATION_WORD.test(said[at + 1] ?? '') && said[at + 2] === word
                ? at + 2
                : -1;
          if (next < 0) {
            at = -1;
            break;
          }
          if (next === at + 2) negated = true;
          at = next;
        }
        if (at < 0 || negated === quoteNegated) continue;
        return flag(
          'negation',
          'contradicted',
          negated
            ? REASONS.negationConflictDenied([unit.segmentId], language)
            : REASONS.negationConflictPresent([unit.segmentId], language),
        );
      }
    }
  }
  return undefined;
}
/** Advice or a risk, not a report: "info om bivirkninger", "risiko for bivirkninger", "kan gi bivirkninger". */
const SIDE_EFFECT_ADVICE =
  /(?<![\p{L}])(?:info\p{L}*|opplys\p{L}*|forklar\p{L}*|gjennomg\p{L}*|risiko|kan|mulige?|evt|ev|ved|hvis|dersom|obs)(?![\p{L}])/u;
/**
 * A Norwegian report of side effects ("god effekt av statin med bivirkninger", "GI-bivirkninger") is the patient's
 * complaint: the transcript must say the patient has side effects (not only ask about them). Only where the clause
 * names no complaint of its own ("kvalme som bivirkning") — that finding is checked by its own words.
 */
export function checkSideEffectClaim(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (
    index.compiled.language !== 'nb' ||
    context.conditional ||
    context.planSection ||
    context.mentionsRelative
  )
    return undefined;
  if (clause.tokens.some((token) => token.negation || token.postNegation)) return undefined;
  const claimed = clause.tokens.filter((token) => token.surface.includes('bivirk'));
  if (claimed.length === 0 || SIDE_EFFECT_ADVICE.test(foldText(clause.text))) return undefined;
  // Other findings named in the clause: the side effect is theirs, checked by their words.
  const drugs = findDrugMentions(clause.text, index.compiled.lexicon);
  const others = clause.content.filter(
    (token) =>
      !token.surface.includes('bivirk') &&
      !/^(?:god|godt|effekt|gi|mage|tarm|noen|litt|lette?|sannsynlig\p{L}*|trolig|kjent)$/u.test(
        token.surface,
      ) &&
      !drugs.some((drug) => foldText(drug.text).includes(token.surface)),
  );
  if (others.length > 0) return undefined;
  for (const unit of index.units) {
    for (const [position, token] of unit.tokens.entries()) {
      if (!token.surface.includes('bivirk')) continue;
      if (plainPolarityAt(unit, position, context) === 'positive' && !unit.isQuestion) return undefined;
      if (unit.isQuestion && unit.answer === 'positive') return undefined;
    }
  }
  return flag(
    'negation',
    'unsupported',
    REASONS.wordsMissing(
      claimed.map((token) => token.surface),
      language,
    ),
  );
}
/** A Norwegian frame of evidence for a finding: "holdepunkt(er) for X", "tegn til/på X". */
const EVIDENCE_FRAME = /^(?:holdepunkt|holdepunkter|holdepunktene|tegn)$/u;
/**
 * "Holdepunkt for nefropati", "Tegn til pneumoni": a positive frame claims evidence of a finding, so the finding
 * must be said without a negation somewhere. Flagged where none of its words is said so, and either it names a
 * diagnosis or the transcript denies one of its words (written negated, the frame is the usual "ikke holdepunkt
 * for …" of an assessment).
 */
export function checkEvidenceFrame(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  if (compiled.language !== 'nb' || context.conditional || context.mentionsRelative || context.discussion)
    return undefined;
  if (clause.tokens.some((token) => token.negation || token.postNegation)) return undefined;
  const frame = clause.tokens.findIndex(
    (token, position) =>
      EVIDENCE_FRAME.test(token.surface) &&
      /^(?:for|til|på)$/.test(clause.tokens[position + 1]?.surface ?? '') &&
      (token.surface !== 'tegn' || clause.tokens[position + 1]?.surface !== 'for'),
  );
  if (frame < 0) return undefined;
  const finding = clause.content.filter(
    (token) => token.position > frame + 1 && !isWeak(token, compiled.language),
  );
  if (finding.length === 0) return undefined;
  let denied: TranscriptUnit | undefined;
  for (const token of finding) {
    for (const unit of index.units) {
      for (const position of headPositions(token, unit, index)) {
        const polarity = plainPolarityAt(unit, position, context);
        if (polarity === 'positive' && !unit.hypothetical && !saidNormal(unit, position)) return undefined;
        if (polarity === 'negative') denied ??= unit;
      }
    }
  }
  const findingText = finding.map((token) => token.surface).join(' ');
  const namesDiagnosis =
    findDiagnoses(findingText, compiled).length > 0 ||
    finding.some((token) => looksLikeDiagnosis(token.surface, compiled));
  if (!denied && !namesDiagnosis) return undefined;
  return {
    kind: 'negation',
    verdict: denied ? 'contradicted' : 'unsupported',
    critical: false,
    reason: denied
      ? REASONS.negationConflictDenied([denied.segmentId], language)
      : REASONS.wordsMissing(
          finding.map((token) => token.surface),
          language,
        ),
  };
}
/** "Andre", "flere", "other", "further": more instances of a thing than the ones talked about. */
const OTHER_WORD = /^(?:andre|annen|annet|flere|other|further)$/u;
/**
 * "Andre utslett" where the transcript says "ingen andre utslett" (or asks "andre utslett?" and hears no): the claim
 * of more instances drops the negation; the instances talked about do not support it ("has had further flare-ups"
 * where "no further flare-ups?" was answered "no").
 */
export function checkOtherInstances(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (context.conditional || context.mentionsRelative) return undefined;
  if (clause.tokens.some((token) => token.negation || token.postNegation)) return undefined;
  const other = clause.tokens.findIndex((token) => OTHER_WORD.test(token.surface));
  const thing = clause.tokens
    .slice(other + 1, other + 3)
    .find((token) => !token.stopword && !token.punctuation && !OTHER_WORD.test(token.surface));
  if (other < 0 || !thing) return undefined;
  let denied: TranscriptUnit | undefined;
  for (const unit of index.units) {
    for (const position of headPositions(thing, unit, index)) {
      const before = unit.tokens.slice(Math.max(0, position - 3), position);
      const otherAt = before.findIndex((token) => OTHER_WORD.test(token.surface));
      if (otherAt < 0) continue;
      const negatedHere = before.slice(0, otherAt).some((token) => token.negation && token.surface !== 'nei');
      const polarity = unit.isQuestion
        ? unit.answer
        : negatedHere
          ? 'negative'
          : plainPolarityAt(unit, position, context);
      if (polarity === 'positive') return undefined;
      if (polarity === 'negative' || negatedHere) denied ??= unit;
    }
  }
  if (!denied) return undefined;
  return flag('negation', 'contradicted', REASONS.negationConflictDenied([denied.segmentId], language));
}
/** A site a finding is placed at, written as a clause of its own ("Ømhet medialt, ikke lateralt"). */
const SITE_WORD =
  /^(?:lateralt?|medialt?|distalt?|proksimalt?|volart?|dorsalt?|anteriort?|posteriort?|kranialt?|kaudalt?)$/u;
/**
 * "Ømhet over mediale leddspalte, lateralt" where the doctor said "ingen ømhet lateralt": a clause that is only a
 * site borrows the finding before it, and the transcript denies the finding at that site. Norwegian.
 */
export function checkBareSite(
  clause: Clause,
  context: CheckContext,
  clauses: readonly Clause[],
): Issue | undefined {
  const { index, language } = context;
  if (index.compiled.language !== 'nb' || context.conditional) return undefined;
  const words = clause.tokens.filter((token) => !token.punctuation);
  const site = words[0];
  if (words.length !== 1 || !site || !SITE_WORD.test(site.surface)) return undefined;
  const previous = clauses[clauses.indexOf(clause) - 1];
  const finding = previous?.content[0];
  if (!finding || previous.negated.size > 0) return undefined;
  let denied: TranscriptUnit | undefined;
  for (const unit of index.units) {
    for (const position of headPositions(site, unit, index)) {
      const before = unit.tokens.slice(Math.max(0, position - 3), position);
      if (!before.some((token) => token.canonical === finding.canonical)) continue;
      if (before.some((token) => token.negation && token.surface !== 'nei')) denied ??= unit;
      else return undefined;
    }
  }
  if (!denied) return undefined;
  return flag('negation', 'contradicted', REASONS.negationConflictDenied([denied.segmentId], language));
}
