/**
 * Checks one note statement against the transcript: aligns each clause to the transcript, then runs the typed
 * checks (numbers and units, side, negation, time, drugs, diagnoses, who it is about, who said it) and decides
 * the support label, severity, evidence and reasons.
 */
import type { Language, Severity, Support } from '@kollega/domain';
import type { ScoredUnit } from './alignment';
import { coverage, expandWindow, matchPositions, matchingCanonicals, rankUnits, tokenWeight, topUnits, unionCoverage } from './alignment';
import type { DrugMention } from './drug-names';
import { drugKeysMatch, findDrugMentions } from './drug-names';
import type { Side } from './lexicon-types';
import type { Quantity } from './quantities';
import { extractQuantities, formatQuantityValue, quantitiesMatch, rangeEnds } from './quantities';
import { REASONS } from './reasons';
import type { AnalysedToken, CompiledLexicon } from './text-analysis';
import { analyseTokens, findDiagnoses, findTimes, looksLikeDiagnosis } from './text-analysis';
import type { Subject, TranscriptIndex, TranscriptUnit } from './transcript-index';
import { sidesOfTokens } from './transcript-index';
import { foldText, wordRegExp } from './text-tools';

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

interface Issue {
  verdict: 'contradicted' | 'unsupported';
  critical: boolean;
  reason: string;
}

interface Clause {
  text: string;
  tokens: AnalysedToken[];
  content: AnalysedToken[];
  /** Content tokens under a negation cue in the note. */
  negated: ReadonlySet<AnalysedToken>;
  quantities: Quantity[];
  sides: Array<{ side: Side; position: number }>;
  ranked: ScoredUnit[];
  top: ScoredUnit[];
  window: TranscriptUnit[];
}

const COMPUTED_SCORE = /(?:centor|crb-?65|curb-?65|cha2ds2|chads|vasc|wells|news|mews|audit|madrs|gcs|apgar|has-bled|phq|gad|epds|skår|score)\s*[-=:]?\s*$/i;
const SIDE_WORDS_NB = /^(?:høyre|venstre|bilateral|dobbeltsidig|side|sider|siden)$/;
const SIDE_WORDS_EN = /^(?:right|left|bilateral|bilaterally|side|sides|sided)$/;
/** Words that carry no checkable content on their own. */
const WEAK_CONTENT_NB = /^(?:normal|smert|ingen|ikke|lett|noe|mye|god|vanlig|tidligere|fortsatt|kontakt|info|pasient|undersøkelse|behandling|øk|redus|start|forverring|bedring|cirka|grunn)$/;
const WEAK_CONTENT_EN = /^(?:normal|pain|patient|history|review|treatment|continue|start|increase|decrease|advise|worse|better|followup)$/;

function splitClauses(text: string): string[] {
  // Split at ", " (not the decimal comma), ";", parentheses and dashes between words.
  const pieces = text.split(/,\s+|;\s*|\s+[–—-]\s+|\s*\(\s*|\s*\)\s*|:\s+(?=\p{Ll})|\s+\+\s+/u);
  return pieces.map((piece) => piece.trim()).filter((piece) => /[\p{L}\p{N}]/u.test(piece));
}

function isContent(token: AnalysedToken, compiled: CompiledLexicon): boolean {
  if (token.punctuation || token.stopword || token.negation || token.postNegation) return false;
  const sideWords = compiled.language === 'nb' ? SIDE_WORDS_NB : SIDE_WORDS_EN;
  if (sideWords.test(token.surface)) return false;
  if (/^\d/.test(token.surface)) return false;
  return token.surface.length > 1;
}

function negatedTokens(tokens: readonly AnalysedToken[], compiled: CompiledLexicon): Set<AnalysedToken> {
  const negated = new Set<AnalysedToken>();
  let active = false;
  tokens.forEach((token, position) => {
    if (token.negation) active = true;
    else if (token.scopeBreaker) active = false;
    else if (active && isContent(token, compiled)) negated.add(token);
    if (token.postNegation) {
      for (let back = position - 1; back >= 0 && back >= position - 4; back -= 1) {
        const previous = tokens[back];
        if (!previous || previous.punctuation) break;
        if (isContent(previous, compiled)) negated.add(previous);
      }
    }
  });
  return negated;
}

/** Polarity of a transcript word at a position: negated, asserted, asked or hypothetical. */
function polarityAt(unit: TranscriptUnit, position: number): 'negative' | 'positive' | 'unknown' | 'hypothetical' {
  if (unit.hypothetical) return 'hypothetical';
  if (unit.isQuestion) return unit.answer ?? 'unknown';
  for (let back = position - 1; back >= 0 && back >= position - 5; back -= 1) {
    const token = unit.tokens[back];
    if (!token) break;
    if (token.scopeBreaker || (token.punctuation !== undefined && token.punctuation !== ',')) break;
    // "Nei," opening an answer negates the question, not the words that follow it.
    if (token.negation && token.surface !== 'nei' && token.surface !== 'no') return 'negative';
  }
  for (let ahead = position + 1; ahead <= position + 2; ahead += 1) {
    const token = unit.tokens[ahead];
    if (!token || token.punctuation) break;
    if (token.postNegation) return 'negative';
  }
  // An answer that opens with "nei" negates the question's words it repeats ("Nei, ikke tungpust").
  if (unit.answersUnit !== undefined && position <= 6) {
    const first = unit.tokens.find((token) => !token.punctuation);
    if (first && (first.surface === 'nei' || first.surface === 'no') && unit.tokens.slice(0, position).every((token) => token.punctuation || token.stopword || token.negation)) {
      return 'negative';
    }
  }
  return 'positive';
}

function labelsCompatible(claimed: Quantity, found: Quantity): boolean {
  return !claimed.label || !found.label || claimed.label === found.label;
}

const SPECIFIC_FAMILIES = new Set(['mass', 'percent', 'length', 'concentration', 'pressure', 'volume', 'degree']);

function strongGlobalMatch(claimed: Quantity, found: Quantity): boolean {
  if (claimed.label && found.label) return claimed.label === found.label;
  return claimed.family !== undefined && claimed.family === found.family && SPECIFIC_FAMILIES.has(claimed.family);
}

function segmentIds(units: readonly TranscriptUnit[]): string[] {
  return [...new Set(units.map((unit) => unit.segmentId))];
}

function unitsContaining(token: AnalysedToken, units: readonly TranscriptUnit[], index: TranscriptIndex): TranscriptUnit[] {
  return units.filter((unit) => matchPositions(token, unit, index).length > 0);
}

function isCritical(text: string, clauses: readonly Clause[], drugs: readonly DrugMention[], compiled: CompiledLexicon): boolean {
  if (drugs.length > 0) return true;
  if (clauses.some((clause) => clause.sides.length > 0)) return true;
  if (clauses.some((clause) => clause.quantities.some((quantity) => quantity.label !== undefined || (quantity.family !== undefined && ['mass', 'frequency', 'pressure', 'percent', 'concentration', 'rate'].includes(quantity.family))))) return true;
  const lower = foldText(text);
  if (/allerg|cave|anafylak|overfølsom|tåler ikke|nkda/.test(lower)) return true;
  const redFlags = new RegExp(compiled.lexicon.redFlags.map((flag) => flag.pattern).join('|'), 'u');
  const rewritten = clauses.map((clause) => clause.tokens.map((token) => token.surface).join(' ')).join(' ');
  return redFlags.test(rewritten);
}

/** Checks one statement. */
export function checkStatement(
  statement: StatementToCheck,
  index: TranscriptIndex,
  options: { reasonLanguage: Language; historySection: boolean },
): StatementVerdict {
  const compiled = index.compiled;
  const language = options.reasonLanguage;
  const issues: Issue[] = [];
  const cited = new Set(statement.evidence.filter((id) => index.segmentIds.has(id)));
  const unknownCited = statement.evidence.filter((id) => !index.segmentIds.has(id));

  // ---- analyse clauses
  const clauseTexts = splitClauses(statement.text);
  const statementTokens: AnalysedToken[] = [];
  const clauses: Clause[] = clauseTexts.map((text) => {
    const tokens = analyseTokens(text, compiled, { note: true });
    statementTokens.push(...tokens);
    return {
      text,
      tokens,
      content: tokens.filter((token) => isContent(token, compiled)),
      negated: negatedTokens(tokens, compiled),
      quantities: extractQuantities(text, compiled.language),
      sides: sidesOfTokens(tokens, compiled),
      ranked: [],
      top: [],
      window: [],
    };
  });
  const statementContent = statementTokens.filter((token) => isContent(token, compiled));
  clauses.forEach((clause, position) => {
    // A clause with little content of its own ("neg. h.") borrows the words of the clause before it.
    const previous = clauses[position - 1];
    const own = clause.content.length >= 2 || !previous ? clause.content : [...clause.content, ...previous.content];
    clause.ranked = rankUnits(own, statementContent, index, cited);
    clause.top = topUnits(clause.ranked);
    clause.window = expandWindow(clause.top.map((entry) => entry.unit), index);
  });
  const drugs = findDrugMentions(statement.text, compiled.lexicon);
  const lowerStatement = foldText(statement.text);
  const mentionsRelative =
    compiled.kinTerms.test(lowerStatement) && !(compiled.kinNotSubject.test(lowerStatement) && /(?:ifølge|iflg|følger|according|accompanied|here with)/.test(lowerStatement));
  const conditional = compiled.conditionalStatement.test(lowerStatement);
  const discussion = compiled.discussionCues.test(lowerStatement);

  // ---- numbers and units
  for (const clause of clauses) {
    for (const quantity of clause.quantities) {
      const issue = checkQuantity(quantity, clause, statement.text, index, language);
      if (issue) issues.push(issue);
    }
  }

  // ---- laterality
  for (const clause of clauses) {
    for (const mention of clause.sides) {
      const issue = checkSide(mention, clause, index, language);
      if (issue) issues.push(issue);
    }
  }

  // ---- time
  for (const clause of clauses) {
    for (const time of findTimes(clause.text, compiled)) {
      const issue = checkTime(time.key, time.text, clause, index, language);
      if (issue) issues.push(issue);
    }
  }

  // ---- drugs
  for (const drug of drugs) {
    const issue = checkDrug(drug, statement.text, index, language, mentionsRelative);
    if (issue) issues.push(issue);
  }

  // ---- diagnoses
  for (const clause of clauses) {
    const issue = checkDiagnoses(clause, index, language, mentionsRelative, discussion);
    if (issue) issues.push(issue);
  }

  // ---- negation, person and speaker, per clause
  for (const clause of clauses) {
    const negationIssue = checkNegation(clause, index, language, conditional);
    if (negationIssue) {
      issues.push(negationIssue);
      continue;
    }
    if (!mentionsRelative) {
      const personIssue = checkPerson(clause, index, language);
      if (personIssue) {
        issues.push(personIssue);
        continue;
      }
    }
    if (options.historySection && !conditional && !discussion && !mentionsRelative) {
      const speakerIssue = checkSpeaker(clause, index, language);
      if (speakerIssue) issues.push(speakerIssue);
    }
  }

  // ---- evidence and overall coverage
  const topAll = clauses.flatMap((clause) => clause.top.map((entry) => entry.unit));
  const evidenceUnits = [...new Map(topAll.map((unit) => [unit.index, unit])).values()];
  const evidenceCoverage = unionCoverage(statementContent, evidenceUnits, index);
  const globalCoverage = unionCoverage(statementContent, index.units, index);
  const evidence = segmentIds(
    [...evidenceUnits].sort((left, right) => left.index - right.index),
  ).slice(0, 4);

  const reasons: string[] = [];
  if (unknownCited.length > 0) reasons.push(REASONS.evidenceUnknown(unknownCited, language));
  if (cited.size > 0 && evidence.length > 0 && !evidence.some((id) => cited.has(id))) {
    reasons.push(REASONS.evidenceWrong([...cited], evidence, language));
  }

  const critical = isCritical(statement.text, clauses, drugs, compiled);
  const contradictions = issues.filter((issue) => issue.verdict === 'contradicted');
  const gaps = issues.filter((issue) => issue.verdict === 'unsupported');
  let support: Support;
  if (contradictions.length > 0) {
    support = 'contradicted';
    reasons.unshift(...contradictions.map((issue) => issue.reason), ...gaps.map((issue) => issue.reason));
  } else if (gaps.length > 0) {
    support = 'unsupported';
    reasons.unshift(...gaps.map((issue) => issue.reason));
  } else if (statementContent.length === 0 || evidenceCoverage >= 0.6) {
    support = evidence.length > 0 || statementContent.length > 0 ? 'supported' : 'inferred';
    if (support === 'supported') reasons.unshift(REASONS.supported(evidence, language));
  } else if (globalCoverage >= 0.25 || hasWeakContentOnly(statementContent, compiled)) {
    support = 'inferred';
    reasons.unshift(REASONS.inferred(evidence, language));
  } else {
    support = 'unsupported';
    reasons.unshift(REASONS.contentMissing(language));
  }
  const severity: Severity = critical || issues.some((issue) => issue.critical) ? 'critical' : 'normal';
  const finalEvidence = support === 'unsupported' && evidenceCoverage < 0.25 ? [...cited] : [...new Set([...evidence, ...[...cited].filter((id) => evidence.includes(id))])];
  return { support, severity, evidence: finalEvidence, reasons };
}

function hasWeakContentOnly(content: readonly AnalysedToken[], compiled: CompiledLexicon): boolean {
  const weak = compiled.language === 'nb' ? WEAK_CONTENT_NB : WEAK_CONTENT_EN;
  return content.every((token) => weak.test(token.canonical) || token.surface.length <= 2);
}

// ---------- numbers ----------

function checkQuantity(quantity: Quantity, clause: Clause, statementText: string, index: TranscriptIndex, language: Language): Issue | undefined {
  const claimedText = quantity.text.trim() || formatQuantityValue(quantity, language);
  const window = clause.window;
  const windowQuantities = window.flatMap((unit) => unit.quantities.map((found) => ({ found, unit })));
  const matches = (candidates: typeof windowQuantities): typeof windowQuantities => {
    const direct = candidates.filter(({ found }) => labelsCompatible(quantity, found) && quantitiesMatch(quantity, found));
    if (direct.length > 0 || quantity.shape !== 'range') return direct;
    // "VAS 7–8" said as "sju, kanskje åtte": both ends present.
    const ends = rangeEnds(quantity);
    const endMatches = ends.map((end) => candidates.filter(({ found }) => labelsCompatible(end, found) && quantitiesMatch(end, found)));
    return endMatches.every((list) => list.length > 0) ? endMatches.flat() : [];
  };
  const inWindow = matches(windowQuantities);
  if (inWindow.some(({ found }) => found.subject === 'patient')) return undefined;
  const allQuantities = index.units.flatMap((unit) => unit.quantities.map((found) => ({ found, unit })));
  const global = matches(allQuantities).filter(({ found }) => strongGlobalMatch(quantity, found));
  if (global.some(({ found }) => found.subject === 'patient')) return undefined;
  const critical = quantity.label !== undefined || (quantity.family !== undefined && quantity.family !== 'time' && quantity.family !== 'count');
  const otherPerson = [...inWindow, ...global].filter(({ found }) => found.subject === 'relative');
  if (otherPerson.length > 0) {
    return { verdict: 'contradicted', critical: true, reason: REASONS.numberOtherPerson(claimedText, segmentIds(otherPerson.map(({ unit }) => unit)), language) };
  }
  // A computed score (Centor, CRB-65, CHA2DS2-VASc) is an inference: not said as a number.
  const before = statementText.slice(0, Math.max(0, statementText.indexOf(quantity.text)));
  if (COMPUTED_SCORE.test(before.slice(-24))) return undefined;
  // A conflicting value of the same kind in the window ("T 38,4" where the transcript says 38,9).
  const conflict = windowQuantities.find(
    ({ found }) =>
      found.subject === 'patient' &&
      found.shape === quantity.shape &&
      ((quantity.label !== undefined && found.label === quantity.label) ||
        (quantity.family !== undefined && quantity.family === found.family)),
  );
  if (conflict) {
    return {
      verdict: 'contradicted',
      critical,
      reason: REASONS.numberConflict(claimedText, conflict.found.text.trim(), [conflict.unit.segmentId], language),
    };
  }
  return { verdict: 'unsupported', critical, reason: REASONS.numberMissing(claimedText, language) };
}

// ---------- laterality ----------

function nearestSide(unit: TranscriptUnit, clause: Clause, index: TranscriptIndex): Side[] {
  if (unit.sides.length === 0) return [];
  const positions = clause.content.flatMap((token) => matchPositions(token, unit, index));
  if (positions.length === 0) return [...new Set(unit.sides.map((mention) => mention.side))];
  let best = Number.POSITIVE_INFINITY;
  const sides = new Set<Side>();
  for (const mention of unit.sides) {
    const distance = Math.min(...positions.map((position) => Math.abs(position - mention.position)));
    if (distance < best) {
      best = distance;
      sides.clear();
      sides.add(mention.side);
    } else if (distance === best) sides.add(mention.side);
  }
  return [...sides];
}

function sideAgrees(claimed: Side, found: readonly Side[]): boolean {
  if (found.includes(claimed)) return true;
  return claimed === 'bilateral' && found.includes('right') && found.includes('left');
}

function checkSide(mention: { side: Side }, clause: Clause, index: TranscriptIndex, language: Language): Issue | undefined {
  const claimed = mention.side;
  const best = clause.top[0]?.score ?? 0;
  // 1. The best-aligned units.
  const strong = clause.top.filter((entry) => entry.score >= best * 0.75);
  const strongSides = strong.map((entry) => ({ unit: entry.unit, sides: nearestSide(entry.unit, clause, index) })).filter((entry) => entry.sides.length > 0);
  if (strongSides.some((entry) => sideAgrees(claimed, entry.sides))) return undefined;
  const conflict = (units: Array<{ unit: TranscriptUnit; sides: Side[] }>): Issue | undefined => {
    const first = units[0];
    const found = first?.sides[0];
    if (!first || !found) return undefined;
    return { verdict: 'contradicted', critical: true, reason: REASONS.sideConflict(claimed, found, [first.unit.segmentId], language) };
  };
  if (strongSides.length > 0) return conflict(strongSides);
  // 2. Questions, answers and neighbours around them ("Hvilket bein?" – "Det venstre.").
  const windowSides = clause.window.map((unit) => ({ unit, sides: nearestSide(unit, clause, index) })).filter((entry) => entry.sides.length > 0);
  if (windowSides.some((entry) => sideAgrees(claimed, entry.sides))) return undefined;
  // 3. Anywhere a body site of the clause is named with a side.
  const anywhere = index.units
    .filter((unit) => unit.sides.length > 0 && clause.content.some((token) => matchPositions(token, unit, index).length > 0 && tokenWeight(token, index) > 0.8))
    .map((unit) => ({ unit, sides: nearestSide(unit, clause, index) }));
  if (anywhere.some((entry) => sideAgrees(claimed, entry.sides))) return undefined;
  if (windowSides.length > 0) return conflict(windowSides);
  if (anywhere.length > 0) return conflict(anywhere);
  return { verdict: 'unsupported', critical: true, reason: REASONS.sideMissing(claimed, language) };
}

// ---------- time ----------

const COMPATIBLE_TIMES: ReadonlyArray<readonly [string, string]> = [
  ['today', 'tonight'],
  ['yesterday', 'tonight'],
];

function timesAgree(left: string, right: string): boolean {
  return left === right || COMPATIBLE_TIMES.some(([first, second]) => (first === left && second === right) || (first === right && second === left));
}

function checkTime(key: string, text: string, clause: Clause, index: TranscriptIndex, language: Language): Issue | undefined {
  const windowTimes = clause.window.flatMap((unit) => unit.times.map((time) => ({ time, unit })));
  if (windowTimes.some(({ time }) => timesAgree(time.key, key))) return undefined;
  if (windowTimes.length > 0) {
    const first = windowTimes[0];
    if (first) return { verdict: 'contradicted', critical: false, reason: REASONS.timeConflict(text, first.time.text, [first.unit.segmentId], language) };
  }
  const anywhere = index.units.some((unit) => unit.times.some((time) => timesAgree(time.key, key)));
  if (anywhere || key === 'today') return undefined;
  return { verdict: 'unsupported', critical: false, reason: REASONS.timeMissing(text, language) };
}

// ---------- drugs ----------

function checkDrug(drug: DrugMention, statementText: string, index: TranscriptIndex, language: Language, mentionsRelative: boolean): Issue | undefined {
  if (drug.isClass) {
    const members = drug.members;
    const inTranscript = index.units.filter(
      (unit) => unit.drugs.some((found) => found.key === drug.key || (members !== undefined && members.test(found.text))) || (members !== undefined && new RegExp(members.source, 'iu').test(unit.text)),
    );
    if (inTranscript.length > 0) return undefined;
    // A class named only to say it was not given ("Ingen antibiotika") needs no transcript mention of a member.
    const before = foldText(statementText.slice(0, drug.start));
    if (/(?:ikke|ingen|uten|unngå|no|not|without|avoid)\s+(?:\S+\s+)?$/.test(before)) return undefined;
    return { verdict: 'unsupported', critical: true, reason: REASONS.drugMissing(drug.text, language) };
  }
  const found = index.units.flatMap((unit) => unit.drugs.filter((mention) => drugKeysMatch(mention.key, drug.key)).map((mention) => ({ mention, unit })));
  if (found.length === 0) return { verdict: 'unsupported', critical: true, reason: REASONS.drugMissing(drug.text, language) };
  if (!mentionsRelative && found.every(({ mention }) => mention.subject === 'relative')) {
    return { verdict: 'contradicted', critical: true, reason: REASONS.drugOtherPerson(drug.text, segmentIds(found.map(({ unit }) => unit)), language) };
  }
  return undefined;
}

// ---------- diagnoses ----------

function checkDiagnoses(clause: Clause, index: TranscriptIndex, language: Language, mentionsRelative: boolean, discussion: boolean): Issue | undefined {
  const compiled = index.compiled;
  const lower = foldText(clause.text);
  // A diagnosis the note rules out ("Ikke holdepunkt for pneumoni") needs no mention; the negation check covers it.
  const negatedClause = clause.negated.size > 0 && clause.negated.size >= clause.content.length * 0.5;
  if (negatedClause) return undefined;
  for (const diagnosis of findDiagnoses(clause.text, compiled)) {
    const before = lower.slice(0, diagnosis.start);
    if (/(?:ikke|ingen|uten|not|no|without|rule out|ruled out|utelukke|dd|ddx|differensial\w*)\s+(?:\S+\s+){0,3}$/.test(before)) continue;
    const evidencePattern = compiled.diagnoses.find((entry) => entry.id === diagnosis.id)?.evidence;
    if (!evidencePattern) continue;
    const units = index.units.filter((unit) => new RegExp(evidencePattern.source, 'iu').test(unit.diagnosisText));
    if (units.length === 0) {
      if (discussion) continue;
      return { verdict: 'unsupported', critical: false, reason: REASONS.diagnosisMissing(diagnosis.text, language) };
    }
    if (!mentionsRelative && units.every((unit) => unitSubjectFor(unit, evidencePattern) === 'relative')) {
      return { verdict: 'contradicted', critical: true, reason: REASONS.diagnosisOtherPerson(diagnosis.text, segmentIds(units), language) };
    }
  }
  // Disease-like words outside the lexicon ("-itt", "-ose", "-itis") must appear in the transcript in some form.
  for (const token of clause.content) {
    if (clause.negated.has(token) || !looksLikeDiagnosis(token.surface, compiled) || token.surface.length < 7) continue;
    if (findDiagnoses(token.surface, compiled).length > 0) continue;
    if (matchingCanonicals(token, index).size > 0) continue;
    if (discussion) continue;
    return { verdict: 'unsupported', critical: false, reason: REASONS.diagnosisMissing(token.surface, language) };
  }
  return undefined;
}

function unitSubjectFor(unit: TranscriptUnit, pattern: RegExp): Subject {
  const match = new RegExp(pattern.source, 'iu').exec(unit.diagnosisText);
  if (!match) return 'patient';
  const ratio = match.index / Math.max(1, unit.diagnosisText.length);
  return unit.subjects[Math.min(unit.subjects.length - 1, Math.floor(ratio * unit.subjects.length))] ?? 'patient';
}

// ---------- negation ----------

/** Polarity of a unit for a clause: the weighted vote of the clause words it contains. */
function unitPolarityVote(clause: Clause, unit: TranscriptUnit, index: TranscriptIndex, keyTokens: readonly AnalysedToken[]): { agree: number; disagree: number } {
  let agree = 0;
  let disagree = 0;
  for (const token of keyTokens) {
    const positions = matchPositions(token, unit, index).filter((position) => unit.subjects[position] !== 'relative');
    const polarities = positions.map((position) => polarityAt(unit, position)).filter((polarity) => polarity === 'negative' || polarity === 'positive');
    const found = polarities[0];
    if (!found) continue;
    const wanted = clause.negated.has(token) ? 'negative' : 'positive';
    const weight = tokenWeight(token, index);
    if (polarities.includes(wanted)) agree += weight;
    else disagree += weight;
  }
  return { agree, disagree };
}

function checkNegation(clause: Clause, index: TranscriptIndex, language: Language, conditional: boolean): Issue | undefined {
  const compiled = index.compiled;
  const weak = compiled.language === 'nb' ? WEAK_CONTENT_NB : WEAK_CONTENT_EN;
  const keyTokens = clause.content.filter((token) => !weak.test(token.canonical));
  if (keyTokens.length === 0) return undefined;
  const totalWeight = keyTokens.reduce((sum, token) => sum + tokenWeight(token, index), 0);
  // Units that carry most of the clause's own words, and the question/answer around them.
  const strong = clause.top
    .map((entry) => entry.unit)
    .filter((unit) => coverage(keyTokens, unit, index) >= 0.5);
  if (strong.length === 0) return undefined;
  let agreeing = 0;
  const disagreeing: TranscriptUnit[] = [];
  let claimedNegative = false;
  for (const unit of strong) {
    const vote = unitPolarityVote(clause, unit, index, keyTokens);
    if (vote.agree === 0 && vote.disagree === 0) continue;
    if (vote.agree >= vote.disagree) agreeing += 1;
    else if (vote.disagree >= totalWeight * 0.3) disagreeing.push(unit);
  }
  if (agreeing > 0 || disagreeing.length === 0) return undefined;
  claimedNegative = keyTokens.some((token) => clause.negated.has(token));
  // Advice and plans ("Ny kontakt ved feber") are not claims about the patient's state.
  if (conditional && !claimedNegative) return undefined;
  const ids = segmentIds(disagreeing).slice(0, 3);
  return {
    verdict: 'contradicted',
    critical: false,
    reason: claimedNegative ? REASONS.negationConflictPresent(ids, language) : REASONS.negationConflictDenied(ids, language),
  };
}

// ---------- who it is about ----------

function checkPerson(clause: Clause, index: TranscriptIndex, language: Language): Issue | undefined {
  let relativeOnlyWeight = 0;
  let patientWeight = 0;
  const relativeUnits: TranscriptUnit[] = [];
  for (const token of clause.content) {
    const weight = tokenWeight(token, index);
    if (weight < 1) continue;
    let relative = false;
    let patient = false;
    for (const unit of index.units) {
      if (unit.hypothetical || unit.isQuestion) continue;
      for (const position of matchPositions(token, unit, index)) {
        if (unit.subjects[position] === 'relative') {
          relative = true;
          relativeUnits.push(unit);
        } else patient = true;
      }
    }
    // A question the patient answered "yes" counts for the patient.
    for (const unit of index.units) {
      if (unit.isQuestion && unit.answer === 'positive' && matchPositions(token, unit, index).length > 0) patient = true;
    }
    if (relative && !patient) relativeOnlyWeight += weight;
    else if (patient) patientWeight += weight;
  }
  if (relativeOnlyWeight === 0 || relativeOnlyWeight < patientWeight) return undefined;
  return { verdict: 'contradicted', critical: true, reason: REASONS.otherPerson(segmentIds(relativeUnits).slice(0, 3), language) };
}

// ---------- who said it ----------

function asserts(unit: TranscriptUnit): boolean {
  if (unit.hypothetical) return false;
  if (unit.isQuestion) return unit.answer === 'positive';
  return true;
}

function checkSpeaker(clause: Clause, index: TranscriptIndex, language: Language): Issue | undefined {
  if (clause.negated.size > 0) return undefined;
  const compiled = index.compiled;
  const weak = compiled.language === 'nb' ? WEAK_CONTENT_NB : WEAK_CONTENT_EN;
  const key = clause.content.filter((token) => !weak.test(token.canonical) && tokenWeight(token, index) >= 1);
  if (key.length === 0) return undefined;
  let unassertedWeight = 0;
  let assertedWeight = 0;
  const doctorUnits: TranscriptUnit[] = [];
  for (const token of key) {
    const weight = tokenWeight(token, index);
    const units = unitsContaining(token, index.units, index).filter((unit) => !unit.subjects.every((subject) => subject === 'relative'));
    if (units.length === 0) continue;
    if (units.some(asserts)) assertedWeight += weight;
    else {
      unassertedWeight += weight;
      doctorUnits.push(...units);
    }
  }
  const total = key.reduce((sum, token) => sum + tokenWeight(token, index), 0);
  if (unassertedWeight === 0 || unassertedWeight < assertedWeight || unassertedWeight < total * 0.5) return undefined;
  return { verdict: 'unsupported', critical: false, reason: REASONS.doctorOnly(segmentIds(doctorUnits).slice(0, 3), language) };
}

void wordRegExp;
