/**
 * Drugs and diagnoses the statement names that the transcript never names, and what a statement claims as a finding.
 */
import type { Language } from '@kollega/domain';
import { matchingCanonicals } from '../alignment';
import type { CheckContext, Issue, Clause } from './clause';
import { segmentIds, isBodySite, isWeak } from './clause';
import { type DrugMention, drugKeysMatch } from '../drug-names';
import { REASONS } from '../reasons';
import {
  type CompiledLexicon,
  findDiagnoses,
  looksLikeDiagnosis,
  type AnalysedToken,
} from '../text-analysis';
import { foldText } from '../text-tools';
import type { TranscriptIndex, TranscriptUnit, Subject } from '../transcript-index';
import { SEVERITY } from './words';
import { NOT_ADVERB_LY } from './words';
import { ADVERB_LY } from './words';
import { namesNoFinding } from './words';
import { ABNORMAL } from './words';
import { isNormalWord } from './words';

export function checkDrug(drug: DrugMention, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (drug.isClass) {
    const members = drug.members;
    // A member found by the drug finder counts too, also when the text splits its name ("i bux" for Ibux).
    const inTranscript = index.units.some(
      (unit) =>
        unit.drugs.some(
          (found) =>
            found.key === drug.key ||
            (members !== undefined && new RegExp(members.source, 'iu').test(found.key)),
        ) ||
        (members !== undefined && new RegExp(members.source, 'iu').test(unit.text)),
    );
    if (inTranscript) return undefined;
    // A class named only to say it was not given or must be avoided ("Ingen antibiotika", "unngå NSAID").
    const before = foldText(context.statementText.slice(0, drug.start));
    if (/(?:ikke|ingen|uten|unngå|no|not|without|avoid)\s+(?:\S+\s+)?$/u.test(before)) return undefined;
    return { verdict: 'unsupported', critical: true, reason: REASONS.drugMissing(drug.text, language) };
  }
  const found = index.units.flatMap((unit) =>
    unit.drugs
      .filter((mention) => drugKeysMatch(mention.key, drug.key))
      .map((mention) => ({ mention, unit })),
  );
  if (found.length === 0)
    return { verdict: 'unsupported', critical: true, reason: REASONS.drugMissing(drug.text, language) };
  if (!context.mentionsRelative && found.every(({ mention }) => mention.subject === 'relative')) {
    return {
      verdict: 'contradicted',
      critical: true,
      reason: REASONS.drugOtherPerson(drug.text, segmentIds(found.map(({ unit }) => unit)), language),
    };
  }
  return undefined;
}
// ---------- diagnoses ----------
const RULED_OUT =
  /(?:ikke|ingen|uten|not|no|without|rule out|ruled out|utelukke|dd|ddx|differensial\w*|mtp|obs\.?|vs\.?)\s+(?:\S+\s+){0,4}$/u;
/** A disease named as a vaccine, a test or a site, not as the patient's ("COVID-19 vaccine", "CVA tenderness"). */
const NOT_DIAGNOSIS_AFTER =
  /^[\s-]*(?:\d+\s*)?(?:vaccin\w*|vaksin\w*|shots?|boosters?|tests?|testing|screening|swabs?|tenderness)(?![\p{L}])/u;
const RISK_ITEM = "(?:[\\p{L}'-]+\\s+){0,2}[\\p{L}'-]+";
/** A list of risks or complications ("a risk of infection, stroke and death"): possible outcomes, not diagnoses. */
const RISK_LIST = new RegExp(
  `(?:risks?|chance|complications?|side effects?|risiko|komplikasjoner|bivirkninger)\\s+(?:of|for|include|including|such as|are|is|av|som)\\s+(?:${RISK_ITEM}\\s*(?:,|\\band\\b|\\bor\\b|\\bog\\b|\\beller\\b)\\s*)*(?:[\\p{L}'-]+\\s+){0,2}$`,
  'u',
);
const diagnosisUnitCache = new WeakMap<TranscriptIndex, Map<string, TranscriptUnit[]>>();
const evidenceCache = new WeakMap<CompiledLexicon, Map<string, RegExp | undefined>>();
/**
 * The words that support a diagnosis, as a pattern over transcript text. English writes compounds apart, so each
 * word must start a word ("osa" is not in "dosage", "disc" not in "indiscretion") and a short one must be the
 * whole word ("disc" is not "discussed"); Norwegian joins compounds ("barneastma"), so its words match inside.
 */
function diagnosisEvidence(id: string, compiled: CompiledLexicon): RegExp | undefined {
  let byId = evidenceCache.get(compiled);
  if (!byId) {
    byId = new Map();
    evidenceCache.set(compiled, byId);
  }
  if (byId.has(id)) return byId.get(id);
  let pattern = compiled.diagnoses.find((entry) => entry.id === id)?.evidence;
  const concept = compiled.lexicon.diagnoses.find((entry) => entry.id === id);
  if (pattern && concept && compiled.language === 'en') {
    const words = [...concept.names.map((name) => name.replace(/^=/, '')), ...concept.evidence].map((word) =>
      /^\p{L}{1,4}$/u.test(word) ? `${word}(?:s|es)?(?![\\p{L}])` : word,
    );
    pattern = new RegExp(`(?<![\\p{L}])(?:${words.join('|')})`, 'iu');
  }
  byId.set(id, pattern);
  return pattern;
}
/** Transcript units that support a diagnosis (its names or lay words), cached per transcript. */
function unitsWithDiagnosis(id: string, evidence: RegExp, index: TranscriptIndex): TranscriptUnit[] {
  let byId = diagnosisUnitCache.get(index);
  if (!byId) {
    byId = new Map();
    diagnosisUnitCache.set(index, byId);
  }
  let units = byId.get(id);
  if (!units) {
    units = index.units.filter((unit) => evidence.test(unit.diagnosisText));
    byId.set(id, units);
  }
  return units;
}
function unitSubjectFor(unit: TranscriptUnit, pattern: RegExp): Subject {
  const match = pattern.exec(unit.diagnosisText);
  if (!match) return 'patient';
  const ratio = match.index / Math.max(1, unit.diagnosisText.length);
  return (
    unit.subjects[Math.min(unit.subjects.length - 1, Math.floor(ratio * unit.subjects.length))] ?? 'patient'
  );
}
export function checkDiagnoses(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  const lower = foldText(clause.text);
  // A diagnosis the note rules out ("Ikke holdepunkt for pneumoni") needs no mention; the negation check covers it.
  if (clause.negated.size > 0 && clause.negated.size >= clause.content.length * 0.5) return undefined;
  for (const diagnosis of findDiagnoses(clause.text, compiled)) {
    if (RULED_OUT.test(lower.slice(0, diagnosis.start))) continue;
    if (NOT_DIAGNOSIS_AFTER.test(lower.slice(diagnosis.start + diagnosis.text.length))) continue;
    if (RISK_LIST.test(foldText(context.statementText.slice(0, clause.offset + diagnosis.start)))) continue;
    const evidencePattern = diagnosisEvidence(diagnosis.id, compiled);
    if (!evidencePattern) continue;
    const units = unitsWithDiagnosis(diagnosis.id, evidencePattern, index);
    if (units.length === 0) {
      if (context.discussion) continue;
      return {
        verdict: 'unsupported',
        critical: false,
        reason: REASONS.diagnosisMissing(diagnosis.text, language),
      };
    }
    if (
      !context.mentionsRelative &&
      units.every((unit) => unitSubjectFor(unit, evidencePattern) === 'relative')
    ) {
      return {
        verdict: 'contradicted',
        critical: true,
        reason: REASONS.diagnosisOtherPerson(diagnosis.text, segmentIds(units), language),
      };
    }
  }
  // Disease-like words outside the lexicon ("-itt", "-ose", "-itis") must appear in the transcript in some form.
  for (const token of clause.content) {
    if (clause.negated.has(token) || token.surface.length < 7 || !looksLikeDiagnosis(token.surface, compiled))
      continue;
    if (
      findDiagnoses(token.surface, compiled).length > 0 ||
      matchingCanonicals(token, index).size > 0 ||
      context.discussion
    )
      continue;
    return {
      verdict: 'unsupported',
      critical: false,
      reason: REASONS.diagnosisMissing(token.surface, language),
    };
  }
  return undefined;
}
export function hasSupportedDiagnosis(clauses: readonly Clause[], context: CheckContext): boolean {
  const compiled = context.index.compiled;
  return clauses.some((clause) =>
    findDiagnoses(clause.text, compiled).some((diagnosis) => {
      const evidence = diagnosisEvidence(diagnosis.id, compiled);
      return evidence !== undefined && unitsWithDiagnosis(diagnosis.id, evidence, context.index).length > 0;
    }),
  );
}
const REPORTING_WORD =
  /^(?:positive|pos|endorses?|endorsed|endorsing|reports?|reported|reporting|complains?|complained|admits?|admitted|describes?|described|notes?|noted|states?|stated|angir|opplyser|forteller|beskriver)$/;
/** Words that add a finding to a normal one ("Normal gait with a limp", "Strength normal except …"). */
const ANOTHER_FINDING =
  /^(?:with|but|except|although|though|shows?|showing|demonstrates?|reveals?|med|men|unntatt|bortsett|viser)$/;
/**
 * The statement's words after a label's colon at its start, without reporting words and adverbs ("GU: Reports
 * hematuria", "She occasionally takes …").
 */
export function findingContent(clauses: readonly Clause[], language: Language): AnalysedToken[] {
  // The label may hold commas ("Ears, Nose, Mouth and Throat: …"): the clauses before its colon are part of it.
  const withColon = clauses.findIndex((clause) => clause.tokens.some((token) => token.punctuation === ':'));
  const labelClauses = withColon >= 0 ? clauses.slice(0, withColon + 1) : [];
  const labelTokens = labelClauses.flatMap((clause, position) =>
    position < withColon
      ? clause.tokens
      : clause.tokens.slice(
          0,
          clause.tokens.findIndex((token) => token.punctuation === ':'),
        ),
  );
  const label = new Set(labelTokens.filter((token) => !token.punctuation).length <= 5 ? labelTokens : []);
  return clauses.flatMap((clause) =>
    clause.content.filter(
      (token) =>
        !label.has(token) &&
        !REPORTING_WORD.test(token.surface) &&
        !(language === 'en' && ADVERB_LY.test(token.surface) && !NOT_ADVERB_LY.test(token.surface)),
    ),
  );
}
/** True when every specific word of the statement (after a label's colon) is a normal word or denied. */
export function onlyNormalOrDenied(
  clauses: readonly Clause[],
  compiled: CompiledLexicon,
  examined = false,
): boolean {
  let specific = 0;
  for (const clause of clauses) {
    const colon = clause.tokens.findIndex((token) => token.punctuation === ':');
    const finding = colon >= 0 ? clause.tokens.slice(colon + 1) : clause.tokens;
    const words = finding.filter(
      (token) =>
        clause.content.includes(token) &&
        !isBodySite(token, compiled) &&
        // "Grossly intact": an adverb qualifies the finding, it is none.
        !namesNoFinding(token, compiled.language) &&
        // "Temperature: normal": the normal word is the finding even where it is weak for alignment.
        (!isWeak(token, compiled.language) || isNormalWord(token, compiled)),
    );
    const normal = words.filter((token) => isNormalWord(token, compiled) && !clause.negated.has(token));
    // An examination's normal finding names what was examined ("Normal gait", "Regular rate and rhythm",
    // "Cranial nerves grossly intact", "Temperature is within normal limits"): the few other words are its subject.
    const examinedNormal =
      examined &&
      normal.length > 0 &&
      words.length - normal.length <= 3 &&
      !clause.tokens.some(
        (token) =>
          ABNORMAL.test(token.surface) ||
          SEVERITY[compiled.language].test(token.surface) ||
          ANOTHER_FINDING.test(token.surface),
      );
    for (const token of words) {
      if (!examinedNormal && !isNormalWord(token, compiled) && !clause.negated.has(token)) return false;
      specific += 1;
    }
  }
  return specific > 0;
}
/** The clausal negation of a predicate ("is not", "are not going to", "doesn't"), not "no" of a noun. */
const PREDICATE_NEGATION = /^(?:not|never|\p{L}+n't|n't)$/u;
/** Words that join a second predicate ("iced his shoulder but has not iced it recently"). */
const CONTRAST_OR_AND = /^(?:but|however|although|though|yet|and|while|whereas)$/;
/**
 * The position before which a clause's words name what its predicate negation is about: the subject ("Her past
 * surgical history is not significant for neck surgery") and a label before it ("Medical Treatment: We are not going
 * to treat him …"); -1 without such a negation, or when a second predicate joins before it ("initially iced his
 * shoulder but has not iced it recently").
 */
function subjectEnd(clause: Clause): number {
  const negation = clause.tokens.findIndex((token) => PREDICATE_NEGATION.test(token.surface));
  if (negation < 0 || clause.tokens.slice(0, negation).some((token) => CONTRAST_OR_AND.test(token.surface)))
    return -1;
  return negation;
}
/**
 * True when the word is part of a definite noun phrase of a later clause that only repeats words an earlier clause
 * denied ("He denies joint pain in his right knee; however, he notes that he just noticed the joint pain when
 * asked"): "the" refers back to the thing already named, so the statement does not set a second instance against
 * the denied one (as "no pain at rest, but pain on walking" does) – it speaks of the same thing twice.
 */
function referredBack(clause: Clause, token: AnalysedToken, earlierDenied: ReadonlySet<string>): boolean {
  if (earlierDenied.size === 0) return false;
  const tokens = clause.tokens;
  let start = tokens.indexOf(token);
  while (start > 0 && earlierDenied.has(tokens[start - 1]?.canonical ?? '')) start -= 1;
  if (tokens[start - 1]?.surface !== 'the') return false;
  let end = tokens.indexOf(token);
  while (earlierDenied.has(tokens[end + 1]?.canonical ?? '')) end += 1;
  // The noun phrase ends at its last repeated word: no new noun after it ("the joint pain medication").
  const next = tokens[end + 1];
  return !next || next.punctuation !== undefined || next.stopword;
}
/**
 * Words the statement both asserts and denies ("tingling in toes until Sunday, denies tingling today", "drinks no
 * more than 2 beers"): the note qualifies them itself. Not a word said in the label or the subject of its own
 * negated predicate ("Her past surgical history is not significant for neck surgery"): the denial stands.
 */
export function mixedPolarityWords(clauses: readonly Clause[]): Set<string> {
  const denied = new Set<string>();
  const asserted = new Set<string>();
  for (const clause of clauses) {
    const end = subjectEnd(clause);
    const ownDenied = new Set(
      clause.content.filter((token) => clause.negated.has(token)).map((token) => token.canonical),
    );
    const earlierDenied = new Set(denied);
    for (const token of clause.content) {
      if (clause.negated.has(token)) denied.add(token.canonical);
      else if (
        !(ownDenied.has(token.canonical) && clause.tokens.indexOf(token) < end) &&
        !referredBack(clause, token, earlierDenied)
      )
        asserted.add(token.canonical);
    }
  }
  return new Set([...denied].filter((canonical) => asserted.has(canonical)));
}
export function mostlyNegated(clauses: readonly Clause[]): boolean {
  const content = clauses.flatMap((clause) => clause.content);
  const negated = clauses.reduce((sum, clause) => sum + clause.negated.size, 0);
  return content.length > 0 && negated >= content.length * 0.5;
}
