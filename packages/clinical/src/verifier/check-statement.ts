/**
 * Checks one note statement against the transcript: aligns each clause to the transcript, then runs the typed
 * checks (numbers and units, side, negation, time, drugs, diagnoses, who it is about, who said it) and decides
 * the support label, severity, evidence and reasons. The checks live in `checks/`, one module per family
 * (`numbers`, `sides`, `times`, `drugs-diagnoses`, `negation`, `denied`, `claim-forms`, `decisions`, `conditions`,
 * `findings`, `finding-sites`, `polarity-items`, `escalation`, `effects`, `people`, `compliance`, `ruled-out`,
 * `verbatim`, `negated-predicate`, `opposite-finding`, `emphatic`, `universal`, `with-without`, `assent`,
 * `denied-clause`, `denied-generic`, `trouble-since`, `bare-findings`, `lost-no`, `prefix-negation`,
 * `double-negation`, `good-state`, `evidence-negated`, `cause-denied`, `marital`, `denied-liking`, `aggravating`, `habitual`, `certainty`), on the clause model and
 * shared word analysis in `checks/clause`, `checks/words` and `checks/polarity`; this module holds the order they run
 * in.
 */
import type { Language, Severity, Support } from '@kollega/domain';
import { expandWindow, rankUnits, topUnits, unionCoverage } from './alignment';
import { findDrugMentions } from './drug-names';
import { REASONS } from './reasons';
import type { AnalysedToken } from './text-analysis';
import { analyseTokens, findTimes, quantitiesOf } from './text-analysis';
import type { TranscriptIndex } from './transcript-index';
import { sidesOfTokens } from './transcript-index';
import { foldText } from './text-tools';
import { checkPerson, checkSpeaker } from './checks/people';
import { checkEffectClaim } from './checks/effects';
import { checkAdherenceLitotes, checkComplianceClaim, checkNoncomplianceClaim } from './checks/compliance';
import { checkRuledOut } from './checks/ruled-out';
import { checkNegatedPredicate } from './checks/negated-predicate';
import { checkAggravatingFactor } from './checks/aggravating';
import { checkUnusualForPatient } from './checks/habitual';
import { checkClaimedCertainty } from './checks/certainty';
import { checkUnsaidOpposite } from './checks/opposite-finding';
import { checkDeniedAssent } from './checks/assent';
import { checkEscalationCondition, checkEscalationOnImprovement } from './checks/escalation';
import {
  checkAbsentFinding,
  checkUnconfirmedFinding,
  checkAbnormalClaim,
  checkNormalClaim,
  headingOnly,
} from './checks/findings';
import { checkFindingElsewhere, checkFindingOppositeQualifier } from './checks/finding-sites';
import {
  checkAwaitedNegated,
  checkConditionPolarity,
  checkConditionPredicate,
  checkConditionResult,
} from './checks/conditions';
import {
  negatedMeasure,
  checkNegatedProcess,
  checkNegatedOwnStep,
  checkDeclinedRequest,
  checkDeferredStart,
  checkStartedNow,
  checkAmount,
  checkControlClaim,
} from './checks/decisions';
import {
  checkQuotedPolarity,
  checkSideEffectClaim,
  checkEvidenceFrame,
  checkOtherInstances,
  checkBareSite,
} from './checks/claim-forms';
import { checkDeniedOnly, checkAssertedOnly, checkUnsaidNegation } from './checks/denied';
import { checkDeniedClause } from './checks/denied-clause';
import { checkDeniedGenericStated } from './checks/denied-generic';
import { checkTroubleSinceDenied } from './checks/trouble-since';
import { checkAbilitySince } from './checks/ability-since';
import { checkManoeuvrePain } from './checks/manoeuvre-pain';
import { checkVerbatimPolarity } from './checks/verbatim';
import {
  checkBareKnown,
  checkIdiomWithoutNot,
  checkNegationTrace,
  checkNorWithoutNegation,
  checkUnlicensedAny,
} from './checks/polarity-items';
import { checkEmphaticAffirmative } from './checks/emphatic';
import { checkNotAlways } from './checks/universal';
import { checkPrefixNegated } from './checks/prefix-negation';
import {
  checkDeniedNegativeClause,
  checkBareListItem,
  checkDoubleNegation,
  checkNegatedPerfect,
  checkStrandedNegation,
} from './checks/double-negation';
import { checkGoodStateDenied } from './checks/good-state';
import { checkNegatedEvidenceFrame } from './checks/evidence-negated';
import { checkDeniedCause } from './checks/cause-denied';
import { checkNotMarried } from './checks/marital';
import { checkDeniedLiking } from './checks/denied-liking';
import { checkMedForUten, checkRepeatedCondition, checkWithForWithout } from './checks/with-without';
import { checkBareDisjunction, checkUnsaidSite } from './checks/bare-findings';
import { checkDeniedComplaint, checkLostNo } from './checks/lost-no';
import {
  kinIsNotSubject,
  neitherAssertedNorDenied,
  checkNegation,
  checkAlignedPolarity,
} from './checks/negation';
import {
  mixedPolarityWords,
  checkDrug,
  checkDiagnoses,
  findingContent,
  hasSupportedDiagnosis,
  mostlyNegated,
  onlyNormalOrDenied,
} from './checks/drugs-diagnoses';
import { checkTime } from './checks/times';
import { checkSide } from './checks/sides';
import { anchorUnits, checkQuantity } from './checks/numbers';
import type { Clause, Issue, CheckContext } from './checks/clause';
import {
  splitClauses,
  isContent,
  EXISTENCE_PREDICATE,
  hasOwnVerb,
  negatedTokens,
  DENIAL_VERB,
  FINDING_WORDS,
  firstIssue,
  segmentIds,
  isWeak,
  isCritical,
} from './checks/clause';

/** A statement to check. */
export interface StatementToCheck {
  id: string;
  text: string;
  evidence: readonly string[];
  sectionId: string;
}

/** The verdict on one statement. */
export interface StatementVerdict {
  support: Support;
  severity: Severity;
  evidence: string[];
  reasons: string[];
}

/**
 * A later clause that opens with a verb of denial ("…, but denies dark, tarry stools", "and denies fevers, chills")
 * opens a list as a denial at the statement's start does: the items after its commas are denied too.
 */
const OPENING_DENIAL =
  /^(?:(?:but|and|however|yet)\s+)?(?:(?:he|she|they|the patient|patient)\s+)?(?:denies|denied|negative for)(?![\p{L}])/u;
function opensWithDenial(clauseText: string): boolean {
  return OPENING_DENIAL.test(foldText(clauseText).trim());
}

function analyseClauses(
  text: string,
  index: TranscriptIndex,
  cited: ReadonlySet<string>,
): { clauses: Clause[]; statementContent: AnalysedToken[] } {
  const compiled = index.compiled;
  const clauseTexts = splitClauses(text);
  const listNegation = compiled.listCues.test(foldText(text));
  const clauses: Clause[] = [];
  let inheritNegation = false;
  let denialList = false;
  let negationOpensList = false;
  for (const clauseText of clauseTexts) {
    const tokens = analyseTokens(clauseText, compiled, { note: true });
    const content = tokens.filter((token) => isContent(token));
    const ownNegation = tokens.some((token) => token.negation || token.postNegation);
    // "Ingen feber, leddsmerter, hodepine eller nakkestivhet": the list shares the first negation; after a verb of
    // denial ("Denies fevers, chills.") even without "or".
    // The items are the words before a predicate of finding ("gallops or rubs | heard during auscultation").
    const predicate = tokens.findIndex((token) => EXISTENCE_PREDICATE.test(token.surface));
    const items =
      predicate > 0
        ? content.filter((token) => token.position < (tokens[predicate]?.position ?? 0))
        : content;
    const searchFrom = clauses.length > 0 ? (clauses[clauses.length - 1]?.offset ?? 0) : 0;
    const separator = text.slice(searchFrom, Math.max(searchFrom, text.indexOf(clauseText, searchFrom)));
    const commaList = negationOpensList && /,\s*$/.test(separator);
    const inherited: boolean =
      (listNegation || denialList || commaList) &&
      inheritNegation &&
      !ownNegation &&
      items.length <= 5 &&
      !hasOwnVerb(tokens, compiled.language);
    const negated = negatedTokens(tokens, inherited, listNegation, compiled.language);
    // "manglende" negates its own noun, not a list ("ved manglende bedring, forverring eller …").
    // (After a label: "Bilateral knees: No erythema, ecchymosis, or warmth".)
    const colon = tokens.findIndex((token) => token.punctuation === ':');
    const opening = colon >= 0 && colon <= 4 ? colon + 1 : 0;
    const startsNegated = tokens
      .slice(opening, opening + 3)
      .some((token) => token.negation && token.surface !== 'manglende');
    if (clauses.length === 0) {
      denialList = DENIAL_VERB.test(foldText(clauseText));
      // English "No murmurs, gallops.": a statement opening with its negation lists what it denies after commas, even
      // without "or" (not after a semicolon: "No known family history; adopted").
      negationOpensList = compiled.language === 'en' && startsNegated;
    } else if (opensWithDenial(clauseText)) denialList = true;
    // "… been well with no weight changes, headaches, or fatigue": a negation that reaches the clause's last word
    // opens the list as one at its start does.
    const lastContent = content[content.length - 1];
    const endsNegated =
      compiled.language === 'en' && listNegation && lastContent !== undefined && negated.has(lastContent);
    inheritNegation =
      (listNegation || denialList || negationOpensList) && (startsNegated || inherited || endsNegated);
    clauses.push({
      text: clauseText,
      tokens,
      content,
      alignment: [...content, ...tokens.filter((token) => FINDING_WORDS.test(token.surface))],
      negated,
      quantities: quantitiesOf(clauseText, compiled),
      sides: sidesOfTokens(tokens, compiled),
      ranked: [],
      top: [],
      window: [],
      anchors: [],
      offset: Math.max(0, text.indexOf(clauseText)),
    });
  }
  const statementContent = clauses.flatMap((clause) => clause.content);
  clauses.forEach((clause, position) => {
    // A clause without words of its own ("v. side") borrows the words of the clause before it.
    const previous = clauses[position - 1];
    const own = clause.alignment.length > 0 || !previous ? clause.alignment : previous.alignment;
    clause.ranked = rankUnits(own, statementContent, index, cited);
    clause.top = topUnits(clause.ranked);
    clause.window = expandWindow(
      clause.top.map((entry) => entry.unit),
      index,
    );
  });
  return { clauses, statementContent };
}

/** Checks one statement. */
export function checkStatement(
  statement: StatementToCheck,
  index: TranscriptIndex,
  options: {
    reasonLanguage: Language;
    historySection: boolean;
    planSection?: boolean;
    examSection?: boolean;
    /** The problem the section last named on its own ("Hypertension."). */
    topic?: string;
    /** Append the name of the check that raised each issue to its reason (development). */
    trace?: boolean;
  },
): StatementVerdict {
  const compiled = index.compiled;
  const language = options.reasonLanguage;
  const issues: Issue[] = [];
  const cited = new Set(statement.evidence.filter((id) => index.segmentIds.has(id)));
  const unknownCited = statement.evidence.filter((id) => !index.segmentIds.has(id));
  const { clauses, statementContent } = analyseClauses(statement.text, index, cited);
  const drugs = findDrugMentions(statement.text, compiled.lexicon);
  const lowerStatement = foldText(statement.text);
  const kinMention = compiled.kinTerms.test(lowerStatement);
  const kinNotSubject = kinIsNotSubject(lowerStatement, compiled.language);
  const context: CheckContext = {
    index,
    language,
    historySection: options.historySection,
    planSection: options.planSection ?? false,
    examSection: options.examSection ?? false,
    // Advice is conditional in a plan ("Ny kontakt ved feber", "Info om legevakt"); in the history only an explicit
    // "hvis"/"if" is ("legevakt: rtg uten fraktur" is a place, "sårhet ved hoste" a circumstance).
    conditional: options.historySection
      ? /(?<![\p{L}])(?:hvis|dersom|if|in case)(?![\p{L}])/u.test(lowerStatement)
      : compiled.conditionalStatement.test(lowerStatement) ||
        ((options.planSection ?? false) && /(?<![\p{L}])ved(?![\p{L}])/u.test(lowerStatement)),
    discussion: compiled.discussionCues.test(lowerStatement),
    mentionsRelative: kinMention && !kinNotSubject,
    statementText: statement.text,
    statementContent,
    mixedPolarity: mixedPolarityWords(clauses),
    ...(options.topic === undefined ? {} : { topic: options.topic }),
  };

  const anchors = anchorUnits(clauses, context);
  if (anchors.length > 0) {
    for (const clause of clauses) {
      const known = new Set(clause.window.map((unit) => unit.index));
      clause.window = [...clause.window, ...anchors.filter((unit) => !known.has(unit.index))].sort(
        (left, right) => left.index - right.index,
      );
    }
  }
  // Clauses whose values the transcript confirms ("RF 22"): a measurement, not a finding to negate.
  const measured = new Set<Clause>();
  for (const clause of clauses) {
    let valuesFound = clause.quantities.length > 0;
    for (const quantity of clause.quantities) {
      const issue = checkQuantity(quantity, clause, context);
      if (issue) {
        issues.push(issue);
        valuesFound = false;
      }
    }
    if (valuesFound) measured.add(clause);
    for (const mention of clause.sides) {
      const issue = checkSide(mention.side, clause, clauses, context);
      if (issue) issues.push(issue);
    }
    // A side under a negation ("Denies left eye pain") is wrong where the talk gives the finding the other side.
    for (const mention of sidesOfTokens(clause.tokens, compiled, true)) {
      const issue = checkSide(mention.side, clause, clauses, context);
      if (issue?.verdict === 'contradicted') issues.push(issue);
    }
    for (const time of findTimes(clause.text, compiled)) {
      const issue = checkTime(time.key, time.text, clause, context);
      if (issue) issues.push(issue);
    }
  }
  for (const drug of drugs) {
    const issue = checkDrug(drug, context);
    if (issue) issues.push(issue);
  }
  for (const clause of clauses) {
    const issue = firstIssue([checkDiagnoses], clause, context);
    if (issue) issues.push(issue);
  }
  for (const clause of clauses) {
    const absentIssue = firstIssue(
      [
        checkAbsentFinding,
        checkUnconfirmedFinding,
        checkFindingElsewhere,
        checkFindingOppositeQualifier,
        checkUnsaidSite,
      ],
      clause,
      context,
    );
    if (absentIssue) {
      issues.push(absentIssue);
      continue;
    }
    // A value the transcript confirms, said not to be so ("does not have 8 to 10 wet diapers a day").
    if (measured.has(clause)) {
      const issue = negatedMeasure(clause, context);
      if (issue) {
        issues.push(issue);
        continue;
      }
    }
    // A condition's polarity is checked also where its values are confirmed ("hvis det ikke går over på en uke").
    const measuredOnly = measured.has(clause) && clause.negated.size === 0;
    // "Not sure whether …", "ikke sikker på om …": uncertainty, neither asserted nor denied; "a negative mammogram":
    // a test's result, neither.
    const negationIssue = neitherAssertedNorDenied(clause)
      ? undefined
      : measuredOnly
        ? firstIssue(
            [
              checkAbnormalClaim,
              checkNormalClaim,
              checkEffectClaim,
              checkConditionPolarity,
              checkEscalationOnImprovement,
              checkDeniedOnly,
              checkConditionPredicate,
              checkVerbatimPolarity,
              checkEmphaticAffirmative,
              checkWithForWithout,
              checkLostNo,
              checkRepeatedCondition,
              checkNegationTrace,
            ],
            clause,
            context,
          )
        : firstIssue(
            [
              checkDoubleNegation,
              checkBareListItem,
              checkStrandedNegation,
              checkUnlicensedAny,
              checkQuotedPolarity,
              checkSideEffectClaim,
              checkEvidenceFrame,
              checkNegatedEvidenceFrame,
              checkDeniedCause,
              checkNotMarried,
              checkDeniedLiking,
              checkOtherInstances,
              checkDeniedAssent,
              checkNegation,
              checkAbnormalClaim,
              checkNormalClaim,
              checkUnsaidOpposite,
              checkEffectClaim,
              checkConditionPolarity,
              checkConditionResult,
              checkEscalationCondition,
              checkEscalationOnImprovement,
              checkAwaitedNegated,
              checkNoncomplianceClaim,
              checkAdherenceLitotes,
              checkComplianceClaim,
              checkRuledOut,
              checkAlignedPolarity,
              checkNegatedPredicate,
              checkAggravatingFactor,
              checkUnusualForPatient,
              checkClaimedCertainty,
              checkEmphaticAffirmative,
              checkNotAlways,
              checkPrefixNegated,
              checkWithForWithout,
              checkMedForUten,
              checkVerbatimPolarity,
              checkLostNo,
              checkRepeatedCondition,
              checkDeniedComplaint,
              checkManoeuvrePain,
              checkIdiomWithoutNot,
              checkNegationTrace,
              checkNorWithoutNegation,
              checkBareKnown,
              checkBareDisjunction,
              checkDeniedOnly,
              checkAssertedOnly,
              checkUnsaidNegation,
              checkDeniedClause,
              checkDeniedGenericStated,
              checkTroubleSinceDenied,
              checkAbilitySince,
              checkNegatedProcess,
              checkNegatedOwnStep,
              checkDeclinedRequest,
              checkDeferredStart,
              checkStartedNow,
              checkAmount,
              checkControlClaim,
              checkGoodStateDenied,
              checkConditionPredicate,
              // Last: a readable contradiction of the same words ("does not have since switched back" against "i went
              // back to the stomach one") says more than that the verb cannot be read.
              checkNegatedPerfect,
              // And a denied negative clause the checks above could not read against the talk.
              checkDeniedNegativeClause,
            ],
            clause,
            context,
          );
    const siteIssue = negationIssue ? undefined : checkBareSite(clause, context, clauses);
    if (siteIssue) {
      issues.push({ ...siteIssue, rule: 'checkBareSite' });
      continue;
    }
    if (negationIssue) {
      issues.push(negationIssue);
      continue;
    }
    if (!context.mentionsRelative && clause.negated.size === 0) {
      const personIssue = firstIssue([checkPerson], clause, context);
      if (personIssue) {
        issues.push(personIssue);
        continue;
      }
    }
    if (context.historySection && !context.conditional && !context.discussion && !context.mentionsRelative) {
      const speakerIssue = firstIssue([checkSpeaker], clause, context);
      if (speakerIssue) issues.push(speakerIssue);
    }
  }

  // ---- evidence and overall coverage
  const topAll = clauses.flatMap((clause) => clause.top.map((entry) => entry.unit));
  const evidenceUnits = [...new Map(topAll.map((unit) => [unit.index, unit])).values()];
  const evidenceCoverage = unionCoverage(statementContent, evidenceUnits, index);
  // A label ("Cardiovascular:", "Neurological/Psychological:") and a reporting word ("Reports", "Positive for",
  // "Endorses") say where and how a finding is filed; the finding after them is what the transcript must hold.
  const finding = findingContent(clauses, compiled.language);
  const globalCoverage = Math.max(
    unionCoverage(statementContent, index.units, index),
    finding.length > 0 && finding.length < statementContent.length
      ? unionCoverage(finding, index.units, index)
      : 0,
  );
  const evidence = segmentIds([...evidenceUnits].sort((left, right) => left.index - right.index)).slice(0, 4);

  const reasons: string[] = [];
  if (unknownCited.length > 0) reasons.push(REASONS.evidenceUnknown(unknownCited, language));
  if (cited.size > 0 && evidence.length > 0 && !evidence.some((id) => cited.has(id))) {
    reasons.push(REASONS.evidenceWrong([...cited], evidence, language));
  }
  if (options.trace)
    for (const issue of issues) issue.reason = `${issue.reason} [${issue.rule ?? issue.kind ?? '?'}]`;
  const contradictions = issues.filter((issue) => issue.verdict === 'contradicted');
  const gaps = issues.filter((issue) => issue.verdict === 'unsupported');
  const weakOnly = statementContent.every(
    (token) => isWeak(token, compiled.language) || token.surface.length <= 2,
  );
  // A named diagnosis the transcript supports, or a ruled-out finding ("Ikke holdepunkt for nefropati"), is an
  // assessment: inferred even when its words are not in the transcript.
  const quantitiesVerified =
    clauses.some((clause) => clause.quantities.length > 0) &&
    !issues.some((issue) => issue.kind === 'number');
  const assessment =
    hasSupportedDiagnosis(clauses, context) ||
    mostlyNegated(clauses) ||
    quantitiesVerified ||
    // The setting ("Videokonsultasjon"), a computed score ("Centor 4") or who came along ("Mor følger").
    compiled.settingWords.test(lowerStatement) ||
    compiled.scoreNames.test(lowerStatement) ||
    (index.relativePresent && kinMention && compiled.accompanyCues.test(lowerStatement)) ||
    // The consultation itself ("Questions were invited and answered", "The patient understands and agrees with the
    // plan"): documentation of the visit, not a clinical claim. Negated, it is a claim that needs evidence.
    (compiled.processCues.test(lowerStatement) &&
      !clauses.some((clause) => clause.tokens.some((token) => token.negation))) ||
    // Only normal and absent findings ("Temperature: normal", "Neck supple without thyromegaly"): often examined
    // without a word said.
    onlyNormalOrDenied(clauses, compiled, context.examSection);
  let support: Support;
  if (contradictions.length > 0) {
    support = 'contradicted';
    reasons.unshift(...contradictions.map((issue) => issue.reason), ...gaps.map((issue) => issue.reason));
  } else if (gaps.length > 0) {
    support = 'unsupported';
    reasons.unshift(...gaps.map((issue) => issue.reason));
  } else if (statementContent.length > 0 && evidenceCoverage >= 0.6) {
    support = 'supported';
    reasons.unshift(REASONS.supported(evidence, language));
  } else if (
    statementContent.length === 0 ||
    globalCoverage >= 0.25 ||
    weakOnly ||
    assessment ||
    headingOnly(statementContent)
  ) {
    support = 'inferred';
    reasons.unshift(REASONS.inferred(evidence, language));
  } else {
    support = 'unsupported';
    reasons.unshift(REASONS.contentMissing(language));
  }
  const critical =
    isCritical(statement.text, clauses, drugs, compiled) || issues.some((issue) => issue.critical);
  const severity: Severity = critical ? 'critical' : 'normal';
  const finalEvidence = support === 'unsupported' && evidenceCoverage < 0.25 ? [...cited] : evidence;
  return { support, severity, evidence: finalEvidence, reasons: [...new Set(reasons)] };
}
