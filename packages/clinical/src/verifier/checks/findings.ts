/**
 * Findings: one the transcript never mentions, one it does not confirm, and "not normal" against a normal finding.
 */
import type { Language } from '@kollega/domain';
import { matchingCanonicals, matchPositions } from '../alignment';
import type { Clause, CheckContext, Issue } from './clause';
import {
  deniedInTalk,
  isWeak,
  isKin,
  isBodySite,
  flag,
  polarityAt,
  isContent,
  questionOpensAfter,
} from './clause';
import { tokenPolarity } from './polarity';
import { hasLocalNegation } from './polarity';
import { quantitiesMatch } from '../quantities';
import { REASONS } from '../reasons';
import { type AnalysedToken, type CompiledLexicon, analyseTokens } from '../text-analysis';
import { foldText } from '../text-tools';
import type { TranscriptIndex, TranscriptUnit } from '../transcript-index';
import { ABNORMAL, isNormalWord, namesNoFinding, SEVERITY, SYSTEM_LABEL } from './words';

/** The flag for finding words the transcript does not say as present ("står ikke i samtalen"). */
function wordsMissing(key: readonly AnalysedToken[], language: Language): Issue {
  return flag(
    'content',
    'unsupported',
    REASONS.wordsMissing(
      key.map((token) => token.surface),
      language,
    ),
  );
}

/** A statement of headings only ("Gastrointestinal", "Neurological/Psychological"): it files findings, claims none. */
export function headingOnly(content: readonly AnalysedToken[]): boolean {
  return content.length > 0 && content.every((token) => SYSTEM_LABEL.test(token.surface));
}
/**
 * A positive clause of the history or examination none of whose words is in the transcript ("…, perforasjon eller
 * sekret", "palpabel tumor", "Supple with thyromegaly" after a normal word): a finding nobody said. Not checked: negative and normal findings (they often go
 * unsaid), the setting and who came along, assessments, plans and advice.
 */
export function checkAbsentFinding(clause: Clause, context: CheckContext): Issue | undefined {
  if (!(context.historySection || context.examSection) || context.conditional || context.mentionsRelative)
    return undefined;
  // A label before the colon ("Ears, Nose, Mouth and Throat: …") is not a finding.
  // Only the words after it are checked ("Rektaleksplorasjon: palpabel tumor" → "palpabel tumor").
  const colon = context.statementText.indexOf(':');
  const colonInClause = clause.tokens.findIndex((token) => token.punctuation === ':');
  if (colon > 0 && clause.offset < colon && colonInClause < 0) return undefined;
  const afterLabel = colonInClause >= 0 ? new Set(clause.tokens.slice(colonInClause + 1)) : undefined;
  if (clause.negated.size > 0 || clause.tokens.some((token) => token.negation || token.postNegation))
    return undefined;
  const { index } = context;
  const compiled = index.compiled;
  const text = foldText(clause.text);
  if (compiled.settingWords.test(text) || compiled.accompanyCues.test(text) || compiled.scoreNames.test(text))
    return undefined;
  // "Neck: Supple with thyromegaly": after a normal word, "with" opens a finding of its own, checked alone; so does a
  // phrase glued to it that starts over with its word ("Normal respiratory effort respiratory distress").
  const gluedAt = normalThenWith(clause, compiled) < 0 ? normalThenGlued(clause, compiled) : -1;
  const withAt = gluedAt >= 0 ? gluedAt : normalThenWith(clause, compiled);
  const afterWith = withAt >= 0 ? new Set(clause.tokens.slice(withAt + 1)) : undefined;
  if (
    !afterWith &&
    clause.content.some((token) => isNormalWord(token, compiled) || ABNORMAL.test(token.surface))
  )
    return undefined;
  if (clause.quantities.length > 0 || clause.sides.length > 0) return undefined;
  // A graded finding ("mild thyromegaly noted") was observed and described, not denied.
  if (clause.tokens.some((token) => SEVERITY[compiled.language].test(token.surface))) return undefined;
  const findingWords = afterWith ?? afterLabel;
  const content = findingWords ? clause.content.filter((token) => findingWords.has(token)) : clause.content;
  const key = content.filter(
    (token) => !isWeak(token, compiled.language) && !isKin(token, compiled) && token.surface.length > 2,
  );
  if (key.length === 0 || key.length > 4 || key.length < content.length - 1) return undefined;
  // Only adverbs, connectives or the course of something ("Initially,", "which was effective") or only places
  // ("Ears, Nose, Mouth, and Throat"): no finding named.
  if (key.every((token) => namesNoFinding(token, compiled.language) || isBodySite(token, compiled)))
    return undefined;
  // The glued phrase repeats a word of the normal one ("respiratory"): what it claims is the rest.
  const normalPhrase = new Set(clause.tokens.slice(0, gluedAt + 1).map((token) => token.canonical));
  const claimed = gluedAt >= 0 ? key.filter((token) => !normalPhrase.has(token.canonical)) : key;
  if (claimed.length === 0 || claimed.some((token) => matchingCanonicals(token, index).size > 0))
    return undefined;
  return wordsMissing(key, context.language);
}
/**
 * A positive finding whose words the transcript says only denied, asked or supposed ("Palpabel tumor" where the
 * doctor said "jeg kjenner ingen kul … for å utelukke tumor"): a positive claim needs positive evidence of its own,
 * a negative or normal finding does not (clinical documentation is asymmetric). After a normal word, "with" opens
 * such a finding of its own ("Neck is supple with lymphadenopathy" where the doctor said "i don't appreciate any
 * lymphadenopathy"). Checked in the examination, for short findings, not for advice, relatives or values.
 */
export function checkUnconfirmedFinding(clause: Clause, context: CheckContext): Issue | undefined {
  if (!context.examSection || context.conditional || context.mentionsRelative || context.discussion)
    return undefined;
  const { index } = context;
  const compiled = index.compiled;
  if (clause.negated.size > 0 || clause.tokens.some((token) => token.negation || token.postNegation))
    return undefined;
  // "Neck is supple with lymphadenopathy": after a normal word, "with" opens a finding of its own.
  const withAt = normalThenWith(clause, compiled);
  if (
    withAt < 0 &&
    clause.content.some((token) => isNormalWord(token, compiled) || ABNORMAL.test(token.surface))
  )
    return undefined;
  // Denied just after the same normal word ("stable without laxity"): contradicted, not only unconfirmed.
  const deniedThere = withAt >= 0 ? deniedWithFinding(clause, context) : undefined;
  if (deniedThere) return deniedThere;
  if (clause.quantities.length > 0) return undefined;
  const text = foldText(clause.text);
  if (
    compiled.settingWords.test(text) ||
    compiled.accompanyCues.test(text) ||
    compiled.scoreNames.test(text) ||
    compiled.processCues.test(text)
  )
    return undefined;
  const colonAt = clause.tokens.findIndex((token) => token.punctuation === ':');
  const findingFrom = withAt >= 0 ? withAt : colonAt;
  const finding = findingFrom >= 0 ? new Set(clause.tokens.slice(findingFrom + 1)) : undefined;
  const key = clause.content.filter(
    (token) =>
      (!finding || finding.has(token)) &&
      !isWeak(token, compiled.language) &&
      !isBodySite(token, compiled) &&
      !isKin(token, compiled) &&
      token.surface.length > 2,
  );
  if (key.length === 0 || key.length > 4) return undefined;
  let denied = false;
  for (const token of key) {
    if (matchingCanonicals(token, index).size === 0) continue;
    for (const unit of index.units) {
      const positions = matchPositions(token, unit, index);
      if (positions.length === 0 || unit.hypothetical) continue;
      const polarity = tokenPolarity(token, unit, index, clause.content);
      if (polarity === 'positive' && (!unit.isQuestion || unit.answer === 'positive')) return undefined;
      // A question asked and not answered "no" leaves the finding open.
      if (unit.isQuestion && unit.answer !== 'negative') return undefined;
      if (
        polarity === 'negative' &&
        (unit.isQuestion || positions.some((position) => hasLocalNegation(unit, position)))
      )
        denied = true;
    }
  }
  // Denied somewhere, said as present nowhere.
  if (!denied) return undefined;
  return wordsMissing(key, context.language);
}
/**
 * Words that may stand between the start of a clause and its normal word when the clause speaks of what was just
 * named ("and that was normal", "everything seemed to be fine", "they all came back fine", "det var fint").
 */
const ANAPHORIC_FRAME =
  /^(?:everything|everything's|all|both|that's|it's|there's|they're|these|those|they|that|this|it|results?|looks?|looked|seems?|seemed|came|comes|come|back|fairly|nice|nicely|quite|totally|completely|perfectly|absolutely|alt|begge|svaret|svarene|prøvene|ser|så|virker|virket|kom|tilbake|helt|fint)$/;
/** Words that point back to what was named ("that", "all", "everything", "det", "alt"). */
const ANAPHOR =
  /^(?:that|that's|it|it's|they|they're|these|those|this|everything|everything's|all|both|det|de|alt|alle|begge|den)$/;
/** Words that turn a normal word to other things than the ones just named ("everything else looks fine"). */
const OTHER_THINGS =
  /^(?:else|other|others|otherwise|rest|besides|apart|except|ellers|annet|andre|resten|bortsett)$/;
/** Words between which a clause of speech opens ("… gout and everything seemed to be fine"). */
const CLAUSE_OPENER = /^(?:and|but|so|og|men|så)$/;
/** A normal word that means "agreed" as often as "normal": "okay" does not describe what was named before it. */
const DISCOURSE_NORMAL = /^(?:ok|okay|okei)$/;
/** Verbs after which "okay" is a predicate, not agreement ("everything else has been okay", "he feels okay"). */
const PREDICATE_VERB =
  /^(?:is|was|are|were|been|be|being|feel|feels|felt|feeling|seem|seems|seemed|look|looks|looked|sound|sounds|sounded|stayed|remained|er|var|vært)$/;
/**
 * "Has not been okay", "is not ok": a normal word that is a stopword is left out of the clause's negated words, but the
 * negation just before it, across auxiliaries only, denies it.
 */
function negatedNormalPredicate(tokens: readonly AnalysedToken[], position: number): boolean {
  if (!DISCOURSE_NORMAL.test(tokens[position]?.surface ?? '')) return false;
  for (let back = position - 1; back >= 0 && back >= position - 3; back -= 1) {
    const token = tokens[back];
    if (!token || token.punctuation !== undefined) return false;
    if (token.negation) return true;
    if (!PREDICATE_VERB.test(token.surface)) return false;
  }
  return false;
}
/** Words of contrast that open what a normal or abnormal word after them speaks of. */
const CONTRAST = /^(?:but|although|though|however|whereas|while|men)$/;
/** True when a normal word is "okay" said as agreement, not as a finding. */
function discourseNormal(tokens: readonly AnalysedToken[], position: number): boolean {
  return (
    DISCOURSE_NORMAL.test(tokens[position]?.surface ?? '') &&
    !PREDICATE_VERB.test(tokens[position - 1]?.surface ?? '')
  );
}
/**
 * True when the normal word at `position` opens a clause that speaks only of what was named before it ("… your
 * mammogram was in January? And that was normal.", "the labs including CBC and CRP. All were normal.").
 */
function anaphoricNormal(unit: TranscriptUnit, position: number): boolean {
  const tokens = unit.contextTokens;
  const at = position + unit.contextOffset;
  let anaphor = false;
  for (let back = at - 1; back >= 0; back -= 1) {
    const token = tokens[back];
    if (!token || token.punctuation !== undefined || CLAUSE_OPENER.test(token.surface)) break;
    if (OTHER_THINGS.test(token.surface)) return false;
    if (!token.stopword && !ANAPHORIC_FRAME.test(token.surface)) return false;
    if (ANAPHOR.test(token.surface)) anaphor = true;
  }
  if (!anaphor) return false;
  for (let ahead = at + 1; ahead <= at + 3; ahead += 1) {
    const token = tokens[ahead];
    if (!token || token.punctuation !== undefined) break;
    if (OTHER_THINGS.test(token.surface)) return false;
  }
  return true;
}
/** Words of an abnormal finding in a report ("shows a small fracture", "the CRP is elevated"). */
const ABNORMAL_FINDING =
  /^(?:fractures?|fractured|tears?|torn|mass|masses|lesions?|nodules?|effusion|stones?|enlarged|elevated|high|low|abnormal|abnormality|abnormalities|displaced|displacement|narrowing|narrowed|degeneration|degenerative|infiltrates?|pneumonia|cysts?|calcifications?|blockage|blocked|positive|concerning|worrisome|spurs?|thickening|thickened|unormal|unormalt|brudd|forhøyet|forhøyede|lav|lave|høy|høye|positiv)$/;
/**
 * The position of "with" after a normal word that opens a finding of its own ("grossly intact with pain", "supple
 * with a mass"), or -1.
 */
function normalThenWith(clause: Clause, compiled: CompiledLexicon): number {
  const normalAt = clause.tokens.findIndex((token) => isNormalWord(token, compiled));
  if (normalAt < 0) return -1;
  const withAt = clause.tokens.findIndex(
    (token, position) => position > normalAt && token.surface === 'with',
  );
  return withAt >= 0 && clause.tokens.slice(withAt + 1).some((token) => clause.content.includes(token))
    ? withAt
    : -1;
}
/**
 * The position before a second finding glued to a normal one without a connective, where a word of the first comes
 * again ("Normal respiratory effort respiratory distress"): a list of findings parts its phrases by a comma, "and",
 * "with" or "no", and a phrase that starts over with the same word is a new finding, not more of the normal one —
 * here the "no" before it went missing. -1 when there is none.
 */
function normalThenGlued(clause: Clause, compiled: CompiledLexicon): number {
  const normalAt = clause.tokens.findIndex((token) => isNormalWord(token, compiled));
  if (normalAt < 0) return -1;
  for (let again = normalAt + 3; again < clause.tokens.length; again += 1) {
    const word = clause.tokens[again];
    if (!word || !clause.content.includes(word)) continue;
    const first = clause.tokens.findIndex(
      (token, position) => position > normalAt && position < again - 1 && token.canonical === word.canonical,
    );
    if (first < 0) continue;
    const between = clause.tokens.slice(first + 1, again);
    if (between.some((token) => token.punctuation !== undefined || token.stopword || token.negation))
      continue;
    return again - 1;
  }
  return -1;
}
/**
 * "Grossly intact with pain" against "your extraocular motions are intact without pain": the finding after "with" is
 * denied just after the same normal word where the transcript names what the statement names before it.
 */
function deniedWithFinding(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  const withAt = normalThenWith(clause, compiled);
  if (withAt < 0) return undefined;
  const normalAt = clause.tokens.findIndex((token) => isNormalWord(token, compiled));
  const usable = (token: AnalysedToken): boolean =>
    clause.content.includes(token) &&
    !clause.negated.has(token) &&
    !isNormalWord(token, compiled) &&
    matchingCanonicals(token, index).size > 0;
  // A common finding word ("pain") is weak for alignment, but it is what the clause says after "with".
  const findings = clause.tokens.slice(withAt + 1).filter(usable);
  const subjects = clause.tokens
    .slice(0, normalAt)
    .filter((token) => usable(token) && !isWeak(token, language));
  if (findings.length === 0 || subjects.length === 0) return undefined;
  for (const unit of index.units) {
    if (unit.isQuestion) continue;
    const subjectPositions = subjects.flatMap((token) => matchPositions(token, unit, index));
    for (const [position, token] of unit.tokens.entries()) {
      if (!isNormalWord(token, compiled) || polarityAt(unit, position, index) !== 'positive') continue;
      if (!subjectPositions.some((at) => at < position && position - at <= 5)) continue;
      const polarities = findings.flatMap((finding) =>
        matchPositions(finding, unit, index)
          .filter((at) => at > position && at - position <= 4)
          .map((at) => polarityAt(unit, at, index)),
      );
      if (polarities.length > 0 && polarities.every((polarity) => polarity === 'negative'))
        return flag('negation', 'contradicted', REASONS.describedNormal([unit.segmentId], language));
    }
  }
  return undefined;
}
/** A test's result said as found ("strep test was positive", "positiv strep"). */
const POSITIVE_RESULT = /^(?:positive|positiv|positivt)$/;
/** Prepositions that open a phrase placing or dating a thing ("EKG from the emergency room", "CT in March"). */
const PLACING_PREPOSITION = /^(?:from|at|in|during|on|i|fra|på|under)$/;
/**
 * The subject words before a prepositional phrase that follows them: "His EKG from the emergency room was abnormal"
 * judges the EKG; the phrase says where it was taken, and the talk often names the test alone ("show me the ekg …
 * that's good"), so a place that says half the head words speaks of it as one that says half of all the words
 * does. All the subject words when none stands before such a phrase.
 */
function headSubjects(clause: Clause, subjects: readonly AnalysedToken[]): readonly AnalysedToken[] {
  const first = subjects[0];
  if (!first) return subjects;
  const phraseAt = clause.tokens.findIndex(
    (token) => token.position > first.position && PLACING_PREPOSITION.test(token.surface),
  );
  if (phraseAt < 0) return subjects;
  const head = subjects.filter((token) => clause.tokens.indexOf(token) < phraseAt);
  return head.length > 0 ? head : subjects;
}
/** A test's result said as not found ("that was negative", "negativ CRP"). */
const NEGATIVE_RESULT = /^(?:negative|negativ|negativt)$/;
/**
 * "… a rapid covid test when you came in and that was negative": a result stated negative where it stands, not
 * itself denied ("it wasn't negative") nor asked ("was it negative?").
 */
function negativeResultAt(unit: TranscriptUnit, position: number): boolean {
  if (!NEGATIVE_RESULT.test(unit.tokens[position]?.surface ?? '')) return false;
  if (unit.isQuestion && unit.answer !== 'positive') return false;
  for (let back = position - 1; back >= 0 && back >= position - 3; back -= 1) {
    const token = unit.tokens[back];
    if (!token || token.punctuation !== undefined) break;
    if (token.negation) return false;
  }
  return true;
}
/**
 * "Positive patellar grind test" where the doctor said "you do have a positive patellar grind test … your mcmurray test
 * are all negative": a result said positive close to the words that name the test (all but one of three or more) supports
 * the claim, whatever else was negative (not "positive patellar grind test" for "McMurray test is positive").
 */
function positiveResultSaid(
  subjects: readonly AnalysedToken[],
  needed: number,
  context: CheckContext,
): boolean {
  const { index } = context;
  return index.units.some((unit) => {
    if (unit.hypothetical || (unit.isQuestion && unit.answer !== 'positive')) return false;
    const positions = subjects.map((token) => matchPositions(token, unit, index));
    return unit.tokens.some(
      (token, position) =>
        POSITIVE_RESULT.test(token.surface) &&
        polarityAt(unit, position, index) !== 'negative' &&
        positions.filter((found) => found.some((at) => Math.abs(at - position) <= 4)).length >= needed,
    );
  });
}
/** Words of a value out of its range, in either direction ("elevated", "high", "low", "raised"). */
const DEVIATION = /^(?:elevated|high|low|raised|increased|decreased|abnormal|forhøyet|høy|lav|unormal)$/;
/**
 * True when a value is said not to be out of range at the position ("your white blood cell count is not elevated"):
 * a deviation denied is a normal value, so it contradicts "not within normal limits" as "normal" would. A plain
 * statement only, not a question or a supposition.
 */
function deniedDeviationAt(unit: TranscriptUnit, position: number, index: TranscriptIndex): boolean {
  return (
    !unit.isQuestion &&
    !unit.hypothetical &&
    DEVIATION.test(unit.tokens[position]?.surface ?? '') &&
    polarityAt(unit, position, index) === 'negative'
  );
}
const EXTRA = /^(?:extra|additional)$/;
/**
 * "Extra heart sounds", "extra beats": on auscultation what comes on top of the normal sounds is an abnormal finding
 * (a gallop, an ectopic beat), contradicted where the same sounds are called normal ("your heart sounds great").
 */
function extraSoundAt(tokens: readonly AnalysedToken[], position: number): boolean {
  return (
    EXTRA.test(tokens[position]?.surface ?? '') &&
    tokens.slice(position + 1, position + 3).some((token) => /^(?:sounds?|beats?)$/.test(token.surface))
  );
}
/** Units after a unit in the same turn that may still speak of what it named ("… x-ray of your spine. … good sign."). */
const ANAPHORIC_REACH = 3;
/**
 * "Lungs are not clear", "Sensation is not intact", "X-ray of the back is abnormal": contradicted where the
 * transcript calls the same thing normal ("your lungs sound nice and clear"), the normal word close to it or in a
 * clause of the same turn that only refers back to it ("your mammogram in January? And that was normal."). A clause
 * that names nothing itself ("…, they were abnormal") speaks of what the statement named before it.
 */
export function checkAbnormalClaim(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  if (context.conditional || context.mentionsRelative) return undefined;
  const withIssue = deniedWithFinding(clause, context);
  if (withIssue) return withIssue;
  // "No … other abnormal sensations" denies the abnormal.
  const abnormalAt = clause.tokens.findIndex(
    (token, position) =>
      (isNormalWord(token, compiled) &&
        (clause.negated.has(token) || negatedNormalPredicate(clause.tokens, position))) ||
      ((ABNORMAL.test(token.surface) ||
        POSITIVE_RESULT.test(token.surface) ||
        extraSoundAt(clause.tokens, position)) &&
        !clause.negated.has(token)),
  );
  if (abnormalAt < 0) return undefined;
  // "The rapid test is positive": a result's opposite is "negative", not a normal word.
  const resultClaim = POSITIVE_RESULT.test(clause.tokens[abnormalAt]?.surface ?? '');
  const isSubject = (token: AnalysedToken): boolean =>
    !isNormalWord(token, compiled) &&
    !ABNORMAL.test(token.surface) &&
    !EXTRA.test(token.surface) &&
    !POSITIVE_RESULT.test(token.surface) &&
    !isKin(token, compiled) &&
    !isWeak(token, language) &&
    matchingCanonicals(token, index).size > 0;
  let subjects = clause.content.filter(isSubject);
  // "She gets allergies but everything else has not been okay": after a contrast, the abnormal speaks of what follows.
  const contrastAt = clause.tokens.findLastIndex(
    (token, position) => position < abnormalAt && CONTRAST.test(token.surface),
  );
  const contrasted = subjects.filter((token) => clause.tokens.indexOf(token) > contrastAt);
  if (contrastAt >= 0 && contrasted.length > 0) subjects = contrasted;
  if (subjects.length === 0 && clause.offset > 0)
    subjects = analyseTokens(context.statementText.slice(0, clause.offset), compiled, { note: true }).filter(
      (token) => isContent(token) && isSubject(token),
    );
  if (subjects.length === 0) return undefined;
  const needed = Math.max(1, Math.ceil(subjects.length * 0.5));
  const head = headSubjects(clause, subjects);
  const headNeeded = Math.max(1, Math.ceil(head.length * 0.5));
  if (
    resultClaim &&
    positiveResultSaid(subjects, subjects.length <= 2 ? subjects.length : subjects.length - 1, context)
  )
    return undefined;
  // "… your heart rate is fine, so when I press here does that hurt?": what the speaker states before a question
  // opens in the same unit is a statement, whatever the answer to the question.
  const statedBeforeQuestion = (other: TranscriptUnit, position: number): boolean =>
    other.isQuestion && language === 'en' && questionOpensAfter(other.tokens, position);
  for (const unit of index.units) {
    // A supposition ("if I'm on the fly …") is weighed where it stands, by each word's polarity.
    const asked = unit.isQuestion && unit.answer !== 'positive';
    const positionsOf = (token: AnalysedToken): number[] =>
      matchPositions(token, unit, index).filter((position) => !asked || statedBeforeQuestion(unit, position));
    const subjectPositions = subjects.map(positionsOf).filter((positions) => positions.length > 0);
    if (
      subjectPositions.length < needed &&
      head.filter((token) => positionsOf(token).length > 0).length < headNeeded
    )
      continue;
    const first = Math.min(...subjectPositions.flat());
    // A claim with a value or date ("a mammogram in 01/2021 which was abnormal") speaks of the place that has it
    // (not of "then I had a normal pap" years later).
    if (
      clause.quantities.length > 0 &&
      !unit.quantities.some((found) =>
        clause.quantities.some(
          (claimed) =>
            quantitiesMatch(claimed, found) ||
            // A date's year ("01/2021" – "in January 2021").
            (claimed.value2 !== undefined && claimed.value2 >= 1900 && claimed.value2 === found.value),
        ),
      )
    )
      continue;
    const normalAt = (other: TranscriptUnit, position: number): boolean =>
      resultClaim
        ? negativeResultAt(other, position)
        : deniedDeviationAt(other, position, index) ||
          (isNormalWord(other.tokens[position] as AnalysedToken, compiled) &&
            !discourseNormal(other.tokens, position) &&
            (statedBeforeQuestion(other, position)
              ? polarityAt({ ...other, isQuestion: false }, position, index) === 'positive'
              : (!other.isQuestion || other.answer === 'positive') &&
                polarityAt(other, position, index) === 'positive'));
    // A pronoun's "that's a good sign" may speak of a finding named on the way ("it shows a small fracture"): only
    // a report that names no abnormal finding between the result and its normal word refers back to the result.
    const findingBetween = (last: TranscriptUnit, normalPosition: number): boolean =>
      index.units
        .slice(unit.index, last.index + 1)
        .some((between) =>
          between.tokens.some(
            (token, position) =>
              (between !== unit || position > first) &&
              (between !== last || position < normalPosition) &&
              ABNORMAL_FINDING.test(token.surface) &&
              polarityAt(between, position, index) === 'positive',
          ),
        );
    const near =
      unit.tokens.some(
        (token, position) =>
          normalAt(unit, position) &&
          (subjectPositions.some((positions) => positions.some((at) => Math.abs(at - position) <= 4)) ||
            (position > first && anaphoricNormal(unit, position) && !findingBetween(unit, position))),
      ) ||
      index.units
        .slice(unit.index + 1, unit.index + 1 + ANAPHORIC_REACH)
        .some(
          (next) =>
            next.segmentIndex === unit.segmentIndex &&
            !next.hypothetical &&
            next.tokens.some(
              (token, position) =>
                normalAt(next, position) &&
                anaphoricNormal(next, position) &&
                !findingBetween(next, position),
            ),
        );
    if (near || followUpNormal(unit, index, normalAt))
      return flag('negation', 'contradicted', REASONS.describedNormal([unit.segmentId], context.language));
  }
  return undefined;
}

/**
 * "When was your last bowel movement?" – "two days ago." – "Was it normal?" – "Yes.": the asker's next turn goes on
 * about what the answered question named, so its "it"/"that" with a normal word speaks of that thing. True where the
 * first two units of the asker's turn right after the answer hold such an anaphoric normal word, said plainly or
 * confirmed.
 */
function followUpNormal(
  unit: TranscriptUnit,
  index: TranscriptIndex,
  normalAt: (other: TranscriptUnit, position: number) => boolean,
): boolean {
  if (!unit.isQuestion || unit.answeredByUnit === undefined) return false;
  const answer = index.units[unit.answeredByUnit];
  if (!answer || answer.speaker === unit.speaker) return false;
  return index.units
    .filter((other) => other.segmentIndex === answer.segmentIndex + 1 && other.speaker === unit.speaker)
    .slice(0, 2)
    .some(
      (next) =>
        !next.hypothetical &&
        next.tokens.some((_, position) => normalAt(next, position) && anaphoricNormal(next, position)),
    );
}

/**
 * English: a good or normal word claimed plainly of a subject ("His diet has been great") where the talk puts that
 * subject's normal word only under a negation ("our diets were less than stellar", read as "not good") and never
 * plainly: the claim dropped a "not". The subject words must all stand within four words of the talk's normal word,
 * which a supposition, an unanswered question or a relative's talk cannot give.
 */
export function checkNormalClaim(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  if (language !== 'en' || context.conditional || context.mentionsRelative) return undefined;
  if (
    clause.negated.size > 0 ||
    clause.tokens.some((token) => token.negation || ABNORMAL.test(token.surface))
  )
    return undefined;
  const claimed = clause.tokens.findIndex(
    (token, position) =>
      isNormalWord(token, compiled) &&
      !discourseNormal(clause.tokens, position) &&
      PREDICATE_VERB.test(clause.tokens[position - 1]?.surface ?? ''),
  );
  if (claimed < 0) return undefined;
  const subjects = clause.content.filter(
    (token) =>
      clause.tokens.indexOf(token) < claimed &&
      !isNormalWord(token, compiled) &&
      !isKin(token, compiled) &&
      !isWeak(token, language) &&
      matchingCanonicals(token, index).size > 0,
  );
  if (subjects.length === 0) return undefined;
  const denying: TranscriptUnit[] = [];
  for (const unit of index.units) {
    if (unit.hypothetical || (unit.isQuestion && unit.answer !== 'positive')) continue;
    const subjectPositions = subjects.map((token) => matchPositions(token, unit, index));
    for (const [position, token] of unit.tokens.entries()) {
      if (!isNormalWord(token, compiled) || discourseNormal(unit.tokens, position)) continue;
      if (unit.subjects[position] === 'relative') continue;
      if (!subjectPositions.every((positions) => positions.some((at) => Math.abs(at - position) <= 4)))
        continue;
      const polarity = polarityAt(unit, position, index);
      if (polarity === 'positive') return undefined;
      if (polarity === 'negative' && !denying.includes(unit)) denying.push(unit);
    }
  }
  return deniedInTalk(denying, language);
}
