/**
 * A positive claim the transcript says only with a negation, a negated claim it says only as present, and a negation
 * nobody said.
 */
import type { Language } from '@kollega/domain';
import {
  matchPositions,
  isPartialMatch,
  matchingCanonicals,
  tokenWeight,
  headPositions,
  coverage,
} from '../alignment';
import type { CheckContext, Clause, Issue } from './clause';
import {
  polarityAt,
  PERCEPTION,
  RELATION_WORD,
  splitClauses,
  isKin,
  isWeak,
  isBodySite,
  flag,
  isContent,
} from './clause';
import { negatedOnlyByAvoiding } from './words';
import { SEEMING } from './words';
import { plainPolarityAt, saidNormal } from './polarity';
import { otherStoryTime } from './story-time';
import { ADVICE_CONDITION, oppositeQualifier, OTHER_INSTANCES } from './words';
import { lightVerbObject, phraseHeads } from './words';
import { isSpecific } from './words';
import { NO_FINDING_WORD } from './words';
import { TIME_PREPOSITION } from './words';
import { EPISTEMIC } from './words';
import { findDrugMentions } from '../drug-names';
import { REASONS } from '../reasons';
import { type AnalysedToken, type CompiledLexicon, findDiagnoses, findTimes } from '../text-analysis';
import { foldText } from '../text-tools';
import type { TranscriptUnit, TranscriptIndex } from '../transcript-index';
import { asksAmount } from './decisions';
import {
  claimsTrouble,
  HISTORY_QUALIFIER,
  NOT_EVERY_TIME,
  treatedCondition,
  troubleAskedAt,
  troubleDeniedAt,
  verbWithoutObject,
} from './negation';
import { namesNoFinding } from './words';
import { ABNORMAL } from './words';
import { isNormalWord } from './words';

/** A Norwegian compound naming complaints of a function ("vannlatingsplager", "svelgvansker"). */
const COMPLAINT_COMPOUND = /\p{L}{3,}(?:plager?|problemer?|vansker|besvær)$/u;
/**
 * The clause's words outside the condition of a piece of advice: a condition ("… ved feber, flankesmerter eller
 * manglende bedring") supposes a state, it does not claim it, so only what comes before it is checked.
 */
function wordsOutsideCondition(clause: Clause, context: CheckContext): AnalysedToken[] {
  if (!context.conditional) return clause.content;
  // A condition in parentheses ends with them ("(ev. annenhver dag ved GI-bivirkninger), ikke samtidig med te").
  const sentenceBefore =
    foldText(context.statementText.slice(0, clause.offset))
      .replace(/\([^)]*\)/gu, ' ')
      .split(/[;.]\s/u)
      .pop() ?? '';
  if (ADVICE_CONDITION.test(sentenceBefore)) return [];
  const start = clause.tokens.findIndex((token) => ADVICE_CONDITION.test(token.surface));
  return start < 0 ? clause.content : clause.content.filter((token) => clause.tokens.indexOf(token) < start);
}
/** Words that frame a claim, not its content: seeming ("appears unchanged") and trying ("tried filling"). */
const FRAME_WORD =
  /^(?:appear|appears|appeared|appearing|seem|seems|seemed|look|looks|looked|sound|sounds|sounded|try|tries|tried|trying|attempt|attempts|attempted|virker|virket|prøvd|prøvde|prøver|forsøkt|forsøkte)$/;
/**
 * "Work on": a verb of effort whose claim is its object ("refer him to physical therapy to work on strengthening the
 * area"); "nothing really worked" (was of no help) denies another sense of the verb.
 */
function effortFrame(tokens: readonly AnalysedToken[], token: AnalysedToken): boolean {
  return (
    /^(?:work|works|worked|working)$/.test(token.surface) &&
    tokens[tokens.indexOf(token) + 1]?.surface === 'on'
  );
}
/**
 * Verbs of reducing or abstaining, said as what to do ("reduce", "limit", "abstain from", "cut down on"), not a finding
 * ("reduced").
 */
const REDUCTION_VERB =
  /^(?:reduce|reduces|reducing|limit|limits|limiting|decrease|decreasing|minimi[sz]e|minimi[sz]ing|abstain|abstains|abstaining)$/;
/**
 * True when a verb of reducing governs the word ("reduce fatty foods", "abstain from alcohol", "cut down on sweets"):
 * the claim is that there should be less or none of it, which the talk's "avoid fatty foods" or "no alcohol" agrees
 * with rather than denies.
 */
function underReduction(tokens: readonly AnalysedToken[], token: AnalysedToken): boolean {
  for (let back = tokens.indexOf(token) - 1; back >= 0; back -= 1) {
    const before = tokens[back];
    if (!before || before.punctuation !== undefined || before.scopeBreaker) return false;
    if (REDUCTION_VERB.test(before.surface)) return true;
    if (/^(?:down|back)$/.test(before.surface) && tokens[back - 1]?.surface.startsWith('cut')) return true;
  }
  return false;
}
/** True when the unit or the question or answer it pairs with says the word another leans on ("målt feber"). */
function leansOnHead(head: AnalysedToken, unit: TranscriptUnit, index: TranscriptIndex): boolean {
  const partner = unit.answeredByUnit ?? unit.answersUnit;
  const other = partner === undefined ? undefined : index.units[partner];
  return (
    matchPositions(head, unit, index).length > 0 ||
    (other !== undefined && matchPositions(head, other, index).length > 0)
  );
}
/**
 * The statement documents the visit ("We discussed findings, diagnosis and next steps", "Informert om bivirkninger").
 * A clause of its own that only says so after a decision ("Ingen antibiotika, forklart.") comments on the decision:
 * the decision is still a claim.
 */
function documentsProcess(statementText: string, compiled: CompiledLexicon): boolean {
  if (REPORTED_CONTENT.test(foldText(statementText))) return false;
  return splitClauses(statementText).some((piece, position) => {
    const words = foldText(piece).match(/[\p{L}]+/gu) ?? [];
    return compiled.processCues.test(foldText(piece)) && (position === 0 || words.length > 2);
  });
}
/**
 * A verb of telling or discussing with a "that"-clause reports what was said ("we discussed that no guarantees could
 * be given", "the patient was advised that there were no concerning symptoms"): the clause is a claim of its own.
 */
const REPORTED_CONTENT =
  /(?<![\p{L}])(?:discussed|advised|explained|informed|told|counseled|counselled|educated|reassured)(?: (?:him|her|them|the patient|patient|with (?:him|her|them|the patient)))? that(?![\p{L}])/u;
/**
 * A positive clause one of whose meaning words the transcript says only under a close negation and never without
 * one ("Samtidig med melk" where the doctor said "ikke samtidig med melk", "Prøvd Bepanthen med effekt" against
 * "det hjalp ikke", "Målt feber > 38" against "ikke målt over trettiåtte"): the claim drops the negation the
 * conversation put on it. A positive claim needs positive evidence of its own (clinical documentation is
 * asymmetric: a denied finding is documented as denied). A fact is compared with facts; advice also with advice.
 */
export function checkDeniedOnly(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  if (clause.negated.size > 0 || clause.tokens.some((token) => token.negation || token.postNegation))
    return undefined;
  if (clause.content.some((token) => isNormalWord(token, compiled) || ABNORMAL.test(token.surface)))
    return undefined;
  // The setting, who came along, a score, the visit itself ("All questions were answered", "We discussed
  // findings, diagnosis, and next steps": the whole statement, whose list items are clauses): documentation.
  const text = foldText(clause.text);
  if (
    compiled.settingWords.test(text) ||
    compiled.accompanyCues.test(text) ||
    compiled.scoreNames.test(text) ||
    documentsProcess(context.statementText, compiled)
  )
    return undefined;
  // An allergy is documented by what must be avoided ("Penicillinallergi" – "skal du ikke ha penicillin").
  if (compiled.allergyWords.test(text)) return undefined;
  const hypotheticalClaim =
    context.conditional || compiled.hypotheticalCues.test(foldText(context.statementText));
  // A question answered "no" tells the patient's state; advice ("Call with any questions") and the doctor's own
  // examination findings ("1+ pitting edema" after "Any swelling in your legs? – No") are not that state.
  const questionsDeny = !hypotheticalClaim && !context.examSection;
  // A label before a colon is not part of the claim ("Medical Reasoning: …").
  const colon = clause.tokens.findIndex((token) => token.punctuation === ':');
  const label = colon > 0 && colon <= 3 ? new Set(clause.tokens.slice(0, colon)) : new Set<AnalysedToken>();
  const words = wordsOutsideCondition(clause, context).filter(
    (token) =>
      !label.has(token) &&
      !isKin(token, compiled) &&
      // A complaint compound ("vannlatingsplager") stays for what is said normal ("tisser normalt").
      (!isPartialMatch(token, index) || COMPLAINT_COMPOUND.test(token.surface)) &&
      !isWeak(token, compiled.language) &&
      !isBodySite(token, compiled) &&
      !context.mixedPolarity.has(token.canonical) &&
      matchingCanonicals(token, index).size > 0,
  );
  if (words.length === 0) return undefined;
  // A clause coordinating two claims ("drinks 2 beers a week and reports a history of heavy use", "was not given
  // antibiotics but was referred"): a word's share is weighed within its own claim. Not a verb of need, which says
  // little without its object ("but needs a higher dose" – "do you need pain medication?" – "no").
  const partOf = coordinatedParts(clause);
  const totalWeightOf = (token: AnalysedToken): number =>
    words
      .filter((other) => NEED_VERB.test(token.surface) || partOf.get(other) === partOf.get(token))
      .reduce((sum, other) => sum + tokenWeight(other, index), 0);
  // Words that frame the claim or qualify it ("appears unchanged", "tried filling", "most recent") weigh in the
  // clause but are not the claim a negation could be dropped from.
  const claimWords = words.filter(
    (token) =>
      !namesNoFinding(token, compiled.language) &&
      !FRAME_WORD.test(token.surface) &&
      !effortFrame(clause.tokens, token) &&
      !underReduction(clause.tokens, token) &&
      !TIME_PREPOSITION.test(token.surface) &&
      !PERCEPTION.test(token.surface) &&
      !SEEMING.test(token.surface) &&
      !EPISTEMIC.test(token.surface),
  );
  // A word said without the word it leans on is about something else ("acute exacerbation" – "no acute fracture").
  const heads = phraseHeads(clause);
  const ownTrouble = claimsTrouble(clause);
  // Only a clause dated in the past alone ("… 3 years ago"), not one that also speaks of now ("denies any blood
  // recently but had some about 3 years ago").
  const claimedAgo = new Set(
    PRESENT_TIME.test(foldText(clause.text))
      ? []
      : findTimes(clause.text, compiled)
          .map((time) => time.key)
          .filter((key) => key.startsWith('~')),
  );
  for (const token of claimWords) {
    let deniedAt: TranscriptUnit | undefined;
    let asserted = false;
    const head = heads.get(token);
    // Against the doctor's reason, what the patient or a relative says of a plan ("Jeg tenkte jeg trengte
    // penicillin") does not assert it: a plan is the doctor's decision.
    let reasonDenied = false;
    let assertedByOthers = false;
    for (const unit of index.units) {
      // In a plan, the doctor's reason for not giving something denies it, also in a sentence about side effects
      // ("penicillin vil ikke hjelpe, og gir bare bivirkninger", "antibiotics won't help this").
      const doctorsReason = context.planSection && unit.speaker === 'lege' && !unit.isQuestion;
      // Advice said as a condition counts for advice; for a fact only what was said as a fact.
      if (unit.hypothetical && !hypotheticalClaim && !doctorsReason) continue;
      // A risk or a condition ("risks include numbness") is not denied by what the patient has now ("no numbness").
      if (hypotheticalClaim && !unit.hypothetical && unit.speaker === 'pasient') continue;
      // "Sover du nok?" – "Nei": the no is about the amount asked (`checkAmount`), not the thing.
      if (asksAmount(unit)) continue;
      for (const position of headPositions(token, unit, index)) {
        // "Any other questions?" – "No", "No further flare-ups?" – "No": the answer denies other or new instances,
        // not the ones talked about.
        const otherThings = unit.isQuestion && askedAsOther(unit, position);
        // "Tolerates lying flat" – "any problems laying flat?" – "no": the problem is denied, not the lying flat.
        if (!ownTrouble && troubleAskedAt(unit, position)) continue;
        if (
          doctorsReason &&
          (unit.subjects[position] === 'relative') === context.mentionsRelative &&
          // Not where a new clause starts after the word, unpunctuated ("… mellomrom den er ikke gratis").
          !CLAUSE_SUBJECT.test(unit.tokens[position + 1]?.surface ?? '') &&
          deniedByVerbAfter(unit, position)
        ) {
          deniedAt ??= unit;
          reasonDenied = true;
          continue;
        }
        if (unit.hypothetical && !hypotheticalClaim) continue;
        const polarity = plainPolarityAt(unit, position, context);
        // "Any dizziness, fever, chills?" – "I did feel lightheaded": the items of a list the answer leaves out are
        // denied (a review of systems documents them as denied).
        if (
          polarity === undefined &&
          questionsDeny &&
          !otherThings &&
          unsaidListItem(unit, position) &&
          unit.canonicals.has(token.canonical) &&
          (!head || leansOnHead(head, unit, index))
        ) {
          deniedAt ??= unit;
          continue;
        }
        // "Vannlatingsplager" where "tisser hun normalt?" was answered yes: a function said to be normal denies
        // complaints of it.
        if (polarity === 'positive' && COMPLAINT_COMPOUND.test(token.surface) && saidNormal(unit, position)) {
          deniedAt ??= unit;
          continue;
        }
        if (polarity === 'positive' && context.planSection && unit.speaker !== 'lege')
          assertedByOthers = true;
        else if (polarity === 'positive') asserted = true;

        // Only the word itself or its synonym is denied, not a word it contains ("standpoint" – "not at this
        // point", "rectal bleeding" – "any menstrual bleeding?").
        else if (
          polarity === 'negative' &&
          !otherThings &&
          (questionsDeny || !unit.isQuestion) &&
          unit.canonicals.has(token.canonical) &&
          (!head || leansOnHead(head, unit, index)) &&
          // "Extending her arm" – "does the pain extend anywhere?" – "no": another predicate.
          !verbWithoutObject(token, clause.tokens, withPartner(unit, index), index) &&
          !assertedThenInAnswer(unit, claimedAgo, index)
        )
          deniedAt ??= unit;
      }
      if (asserted) break;
    }
    if (
      deniedAt &&
      !asserted &&
      (reasonDenied || !assertedByOthers) &&
      tokenWeight(token, index) >= totalWeightOf(token) * 0.25
    ) {
      return flag('negation', 'contradicted', REASONS.negationConflictDenied([deniedAt.segmentId], language));
    }
  }
  return undefined;
}
/** Words that speak of the present ("recently", "currently", "now"). */
const PRESENT_TIME =
  /(?<![\p{L}])(?:recently|recent|lately|currently|current|now|today|anymore|since|nylig|nå|i dag|lenger)(?![\p{L}])/u;
/** A negation right before the end of a text, or one word before ("not three years ago", "not about a year ago"). */
const NEGATION_JUST_BEFORE = /(?<![\p{L}])(?:no|not|n't|never|nothing|none)(?:\s+\S+)?\s*$/u;
/**
 * True when the answer that says no goes on to date the thing at the time the clause states ("any blood in your
 * stools?" – "no, i haven't. i did about three years ago"): it denies the present and asserts the past, so a claim
 * dated then ("had blood in her stool 3 years ago") is not denied. The time must not be denied itself ("not three
 * years ago").
 */
function assertedThenInAnswer(
  unit: TranscriptUnit,
  claimedAgo: ReadonlySet<string>,
  index: TranscriptIndex,
): boolean {
  if (claimedAgo.size === 0) return false;
  const answer = unit.isQuestion
    ? unit.answeredByUnit === undefined
      ? undefined
      : index.units[unit.answeredByUnit]
    : unit;
  if (!answer || answer.speaker === 'lege') return false;
  return index.units.some(
    (other) =>
      other.segmentIndex === answer.segmentIndex &&
      other.times.some(
        (time) =>
          claimedAgo.has(time.key) &&
          !NEGATION_JUST_BEFORE.test(foldText(other.text).split(foldText(time.text))[0] ?? ''),
      ),
  );
}
/** The unit with the question it answers or the answer it got ("does the pain extend anywhere?" – "no"). */
function withPartner(unit: TranscriptUnit, index: TranscriptIndex): TranscriptUnit[] {
  const partner = unit.answeredByUnit ?? unit.answersUnit;
  const other = partner === undefined ? undefined : index.units[partner];
  return other ? [unit, other] : [unit];
}
/**
 * True when a question asks about other instances of the word at the position: an other-word qualifies it within
 * its own list item ("any other rashes?", "no further flare-ups?", "anything else?"), or the question names no item
 * of its own after the other-word. A word named as an item after it ("anything else that i might have missed, fever
 * chills, any nasal congestion, sore throat, cough?") is asked by name: the answer speaks of it. In unpunctuated talk
 * a new "any" opens the next item ("any other issues any problems with your bowels?" asks about the bowels by name).
 */
function askedAsOther(unit: TranscriptUnit, position: number): boolean {
  const tokens = unit.tokens;
  const other = tokens.findIndex((token) => OTHER_INSTANCES.test(token.surface));
  if (other < 0) return false;
  if (other > position || OTHER_INSTANCES.test(tokens[position + 1]?.surface ?? '')) return true;
  // The other-word nearest before the word qualifies the item it stands in ("any other any other issues").
  let nearest = position - 1;
  while (nearest > other && !OTHER_INSTANCES.test(tokens[nearest]?.surface ?? '')) nearest -= 1;
  // Named as an item: a list separator stands between the other-word and the word.
  return !tokens
    .slice(nearest + 1, position)
    .some((token) => token.punctuation === ',' || /^(?:or|and|like|such|any)$/.test(token.surface));
}
/** A preposition joining a list item's head to its complement ("issues with urination", "blood in the urine"). */
const ITEM_PREPOSITION = /^(?:with|in|of|on|when|while|during|after)$/;
/**
 * A list item may be a phrase: "… vomiting or issues with urination?" names the urination in its last item, a
 * head listed by a separator and a preposition before the word ("issues with", "blood in your"), nothing after it.
 */
function lastWordOfListedPhrase(
  tokens: readonly AnalysedToken[],
  position: number,
  listed: (at: number) => boolean,
): boolean {
  const after = tokens[position + 1];
  if (after && after.punctuation !== '?' && after.punctuation !== '.') return false;
  for (let back = position - 1; back >= 0 && back >= position - 4; back -= 1) {
    const token = tokens[back];
    if (!token || token.punctuation !== undefined || token.negation) return false;
    if (ITEM_PREPOSITION.test(token.surface)) return back > 0 && listed(back - 1);
  }
  return false;
}
/**
 * Speech recognition drops the commas of a list: "such as weight loss constipation vomiting or issues with urination"
 * lists each noun of the run of content words that ends in the list's "or" or "and".
 */
function inUnpunctuatedList(tokens: readonly AnalysedToken[], position: number): boolean {
  for (let ahead = position + 1; ahead <= position + 4; ahead += 1) {
    const token = tokens[ahead];
    if (!token || token.punctuation !== undefined || token.negation) return false;
    if (/^(?:or|and)$/.test(token.surface)) return true;
    if (token.stopword) return false;
  }
  return false;
}
/** A list item of a question answered by confirming other items only ("any fever, chills, nausea?" – "some nausea"). */
function unsaidListItem(unit: TranscriptUnit, position: number): boolean {
  const confirmed = unit.confirmedWords;
  const word = unit.tokens[position];
  if (!unit.isQuestion || unit.answer !== 'positive' || !confirmed || confirmed.size === 0 || !word)
    return false;
  if (confirmed.has(word.canonical) || unit.deniedWords?.has(word.canonical)) return false;
  const listed = (at: number): boolean =>
    [at - 1, at + 1].some((near) => {
      const token = unit.tokens[near];
      return token?.punctuation === ',' || /^(?:or|and|eller|og)$/.test(token?.surface ?? '');
    });
  // Both the word and a confirmed word must be items of the list.
  return (
    (listed(position) || lastWordOfListedPhrase(unit.tokens, position, listed)) &&
    unit.tokens.some(
      (token, at) =>
        confirmed.has(token.canonical) &&
        !token.stopword &&
        (listed(at) || inUnpunctuatedList(unit.tokens, at)),
    )
  );
}
/** Verbs of need: their claim is their object. */
const NEED_VERB = /^(?:need|needs|needed|require|requires|required)$/;
/** What joins a second claim to a clause: a contrast, or "and" before a verb of reporting or being. */
const CONTRAST_JOIN = /^(?:but|however|although|though|whereas|yet|mens)$/;
const JOINED_VERB = /^(?:reports|states|notes|endorses|admits|describes|complains|was|is|has|had|were|are)$/;
/** The coordinated claims of a clause: each token's part, counted from 0. */
function coordinatedParts(clause: Clause): Map<AnalysedToken, number> {
  const parts = new Map<AnalysedToken, number>();
  let part = 0;
  clause.tokens.forEach((token, position) => {
    if (
      CONTRAST_JOIN.test(token.surface) ||
      (token.surface === 'and' && JOINED_VERB.test(clause.tokens[position + 1]?.surface ?? ''))
    )
      part += 1;
    parts.set(token, part);
  });
  return parts;
}
/** A pronoun that opens a clause of its own ("den er ikke gratis", "it is not covered"). */
const CLAUSE_SUBJECT =
  /^(?:den|det|de|dette|han|hun|jeg|du|vi|dere|man|it|he|she|i|you|we|they|this|that|there)$/;
/** The word is the subject of a negated verb ("antibiotika hjelper ikke", "penicillin vil ikke hjelpe"). */
function deniedByVerbAfter(unit: TranscriptUnit, position: number): boolean {
  for (let ahead = position + 1; ahead <= position + 3; ahead += 1) {
    const token = unit.tokens[ahead];
    if (!token || token.punctuation !== undefined || token.scopeBreaker) return false;
    if (token.negation) return ahead > position + 1 && /^(?:ikke|not|n't)$/.test(token.surface);
  }
  return false;
}
/**
 * A negative clause that claims more than absence: other instances, what was perceived or known ("I don't
 * appreciate…", "not sure"). The asserted-only checks leave these alone.
 */
function deniesOtherOrPerception(clause: Clause): boolean {
  return clause.tokens.some(
    (token) =>
      /^(?:andre|annen|annet|flere|øvrige|other|others|additional|further|else|extra)$/.test(token.surface) ||
      PERCEPTION.test(token.surface) ||
      EPISTEMIC.test(token.surface),
  );
}
/**
 * The words a negative clause denies that can be weighed against the transcript: not a label before a colon, a
 * relative, a weak or body-site word, a normal, a word the statement also asserts, or a word the transcript lacks.
 */
function deniedWords(
  clause: Clause,
  context: CheckContext,
  words: readonly AnalysedToken[],
): AnalysedToken[] {
  const { index } = context;
  const compiled = index.compiled;
  const colon = clause.tokens.findIndex((token) => token.punctuation === ':');
  const label = colon > 0 && colon <= 3 ? new Set(clause.tokens.slice(0, colon)) : new Set<AnalysedToken>();
  return words.filter(
    (token) =>
      clause.negated.has(token) &&
      !label.has(token) &&
      !isKin(token, compiled) &&
      !isPartialMatch(token, index) &&
      !isWeak(token, compiled.language) &&
      !isBodySite(token, compiled) &&
      !isNormalWord(token, compiled) &&
      !context.mixedPolarity.has(token.canonical) &&
      !NO_FINDING_WORD.test(token.surface) &&
      matchingCanonicals(token, index).size > 0,
  );
}
/**
 * The mirror of `checkDeniedOnly` for plans: a negative clause one of whose denied words the transcript says only
 * without a negation, in a sentence holding a third of the clause ("Ingen paracetamol/ibuprofen 400 mg inntil x 3" where
 * the doctor said "ta Paracet eller Ibux mot smertene"): the plan puts a negation on what was advised. Not for other instances ("ingen andre utslett"), ruled-out
 * assessments ("ingen tegn til …"), relatives or allergies; a fact only against what was said as a fact.
 */
export function checkAssertedOnly(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  // Only for plans: a history or examination denies much that was only mentioned ("Ingen forstørrede glandler").
  if (clause.negated.size === 0 || context.mentionsRelative || !context.planSection) return undefined;
  const text = foldText(clause.text);
  if (compiled.allergyWords.test(text) || compiled.processCues.test(text)) return undefined;
  if (deniesOtherOrPerception(clause)) return undefined;
  const hypotheticalClaim =
    context.conditional || compiled.hypotheticalCues.test(foldText(context.statementText));
  const denied = deniedWords(clause, context, wordsOutsideCondition(clause, context));
  for (const token of denied) {
    let assertedAt: TranscriptUnit | undefined;
    let deniedSomewhere = false;
    for (const unit of index.units) {
      // A sentence about side effects still denies by a negated verb ("antibiotika hjelper ikke, gir bare
      // bivirkninger").
      const hypothetical = unit.hypothetical && !hypotheticalClaim;
      for (const position of headPositions(token, unit, index)) {
        if ((unit.subjects[position] === 'relative') !== context.mentionsRelative) continue;
        if (deniedByVerbAfter(unit, position)) deniedSomewhere = true;
        if (hypothetical) continue;
        const polarity = polarityAt({ ...unit, hypothetical: false }, position, index);
        if (polarity === 'negative') deniedSomewhere = true;
        if (polarity === 'positive' && !unit.isQuestion && coverage(clause.content, unit, index) >= 0.34)
          assertedAt ??= unit;
      }
      if (deniedSomewhere) break;
    }
    if (assertedAt && !deniedSomewhere) {
      return flag(
        'negation',
        'contradicted',
        REASONS.negationConflictPresent([assertedAt.segmentId], language),
      );
    }
  }
  return undefined;
}
/**
 * Words that frame what a negation denies without being denied themselves ("denies a personal history of …"), and
 * the gerunds of having or sensing after a denial ("denies feeling a pop", "denies having chest pain"): what is
 * denied is their object.
 */
const DENIAL_FRAME =
  /^(?:personal|prior|previous|known|current|active|any|formal|diagnosed|diagnosis|having|feeling|experiencing|noticing)$/;
/**
 * True when the negation cue reaches the word with nothing but frame words between ("not currently on Crestor",
 * "denies a history of hypertension"), not through a verb or noun of its own ("not being followed for …").
 */
function directlyDenied(
  tokens: readonly AnalysedToken[],
  token: AnalysedToken,
  language: Language,
  frame: RegExp = DENIAL_FRAME,
): boolean {
  const position = tokens.indexOf(token);
  for (let back = position - 1; back >= 0; back -= 1) {
    const before = tokens[back];
    if (!before || before.scopeBreaker || before.punctuation !== undefined) return false;
    if (before.negation) return true;
    if (isContent(before) && !isWeak(before, language) && !frame.test(before.surface)) return false;
  }
  return false;
}
/**
 * Before a drug, the verbs of taking it frame the denial too: "has not continued to utilize Lasix", "is not taking
 * Lasix" deny the use of Lasix — the drug is what is denied.
 */
const DRUG_DENIAL_FRAME = new RegExp(
  `${DENIAL_FRAME.source}|^(?:take|takes|taking|took|use|uses|using|used|utilize|utilizes|utilizing|utilized)$`,
);
/** An English verb of wishing and its "to" ("want to", "wanna", "would like to", "hope to"), read backwards. */
const WISH = /^(?:want|wants|wanted|wanting|wan|hope|hoping|hoped|wish|wishing|wished)$/;
/**
 * True when the word at the position is what the speaker wishes for ("i really wanna keep on playing my tennis",
 * "i want to be able to walk again"): the complement of a verb of wishing is not a report that it happens. Up to four
 * words of the wished verb phrase may stand between ("keep on", "be able to get back and").
 */
function desiredAt(unit: TranscriptUnit, position: number): boolean {
  for (let back = position - 1; back >= 1 && back >= position - 5; back -= 1) {
    const token = unit.tokens[back];
    if (!token || token.punctuation !== undefined || token.negation) return false;
    const to = token.surface === 'to' || token.surface === 'na';
    if (to && WISH.test(unit.tokens[back - 1]?.surface ?? '')) return true;
  }
  return false;
}
/**
 * A negation the transcript never says, outside plans (where `checkAssertedOnly` looks): the clause denies words
 * that are said only without a negation, in a place that holds most of the clause ("He has not been taking
 * ibuprofen" where the patient said "I take ibuprofen for it"). Not for other instances, perception or uncertainty
 * ("I don't appreciate…", "not sure"), relatives, allergies or advice.
 */
export function checkUnsaidNegation(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  if (clause.negated.size === 0 || context.mentionsRelative || context.conditional) return undefined;
  // "He does not have pain every time he eats": the negation denies how often, not the finding.
  if (context.language === 'en' && NOT_EVERY_TIME.test(foldText(clause.text))) return undefined;
  const text = foldText(clause.text);
  // A family history is about relatives: the patient's own history does not contradict it.
  if (/(?<![\p{L}])(?:family|famili\p{L}*|slekt\p{L}*|arvelig\p{L}*)(?![\p{L}])/u.test(text))
    return undefined;
  if (compiled.allergyWords.test(text) || compiled.processCues.test(text)) return undefined;
  if (deniesOtherOrPerception(clause) || negatedOnlyByAvoiding(clause)) return undefined;
  // "Denies previous treatment for her acne": the treatment is denied, not its date or the condition it is for.
  const denied = deniedWords(clause, context, clause.content).filter(
    (token) => !HISTORY_QUALIFIER.test(token.surface) && !treatedCondition(clause.tokens, token),
  );
  if (denied.length === 0) return undefined;
  // A drug or diagnosis the negation cue itself reaches ("not on Crestor", "denies a history of hypertension"): said
  // as a fact (not a plan or proposal), it decides the claim even where the rest of the clause is worded otherwise.
  const core = denied.filter((token) => {
    const drug = findDrugMentions(token.surface, compiled.lexicon).length > 0;
    return (
      (drug || findDiagnoses(token.surface, compiled).length > 0) &&
      directlyDenied(clause.tokens, token, compiled.language, drug ? DRUG_DENIAL_FRAME : DENIAL_FRAME)
    );
  });
  // A rare word it reaches ("the site is not healed"), said plainly by the patient ("that healed up nicely"), outside
  // an examination (where the doctor's findings decide and a word may belong to another site).
  const said = context.examSection
    ? []
    : denied.filter(
        (token) => directlyDenied(clause.tokens, token, compiled.language) && isSpecific(token, index),
      );
  // "Denies pain when he sits too long": the claim carries its own condition, so the patient's "if i sit too long, i
  // start to feel it" says the same pattern.
  const ownCondition = language === 'en' && claimsOwnCondition(clause);
  let assertedAt: TranscriptUnit | undefined;
  // Where the talk also denies the claim, only the patient's own later statement of it decides.
  let lastDenied = -1;
  let correctedAt: TranscriptUnit | undefined;
  const modifierHeads = phraseHeads(clause);
  const ownTrouble = claimsTrouble(clause);
  for (const token of denied) {
    // "Denies having any pain" is not contradicted by "since you've been having issues with this".
    const object = lightVerbObject(clause, token);
    // "Denies body aches" is not contradicted by "some infections going on in your body": a word said without the
    // word it leans on names something else.
    const leanedOn = modifierHeads.get(token);
    // (A head the talk never says cannot tell one place from another: "denies mood changes" – "my mood is getting
    // worrisome".)
    const head =
      leanedOn && !RELATION_WORD.test(leanedOn.surface) && matchingCanonicals(leanedOn, index).size > 0
        ? leanedOn
        : undefined;
    for (const unit of index.units) {
      if (object && matchPositions(object, unit, index).length === 0) continue;
      if (head && !leansOnHead(head, unit, index)) continue;
      for (const position of headPositions(token, unit, index)) {
        if (unit.subjects[position] === 'relative') continue;
        const polarity = polarityAt({ ...unit, hypothetical: false }, position, index);
        // "Denies history of tonsillectomy" – "throat looks fine, no tonsils": the organ's absence is its removal.
        if (polarity === 'negative' && language === 'en' && absentOrganOfRemoval(token, unit, position)) {
          assertedAt ??= unit;
          continue;
        }
        if (polarity === 'negative') {
          lastDenied = Math.max(lastDenied, unit.index);
          continue;
        }
        // "No pain … of the lateral aspect" is not contradicted by pain of the medial aspect.
        if (oppositeQualifier(clause, unit)) continue;
        // "I don't have any trouble with my sleeping": the sleeping is not asserted, the trouble is denied — as a
        // claim of a problem with it is ("denies changes in sleep").
        if (troubleDeniedAt(unit, position)) {
          if (ownTrouble) lastDenied = Math.max(lastDenied, unit.index);
          continue;
        }
        // "I really wanna keep on playing": a wish, not a report that she plays.
        if (language === 'en' && desiredAt(unit, position)) continue;
        // "Initially, she was unable to put weight on it" – "now i am able to put a little weight on it".
        if (otherStoryTime(token, unit, undefined, clause, context)) continue;
        if (polarity === 'positive' && correctsEarlierNo(unit, clause.content, index))
          correctedAt = !correctedAt || unit.index > correctedAt.index ? unit : correctedAt;
        // A plan said with a condition after it is still a plan ("I'll give you a sling, use it if it hurts").
        if (
          polarity === 'positive' &&
          (!unit.hypothetical ||
            (unit.plan && unit.speaker === 'lege') ||
            (ownCondition && habitualCondition(unit, index))) &&
          !unit.isQuestion &&
          (coverage(clause.content, unit, index) >= 0.5 ||
            (core.includes(token) && !unit.hypothetical && (!unit.plan || ownedProblem(unit, position))) ||
            (said.includes(token) && !unit.hypothetical && !unit.plan && unit.speaker === 'pasient'))
        )
          assertedAt ??= unit;
      }
    }
  }
  if (lastDenied >= 0) assertedAt = correctedAt && correctedAt.index > lastDenied ? correctedAt : undefined;
  if (!assertedAt) return undefined;
  return flag('negation', 'contradicted', REASONS.negationConflictPresent([assertedAt.segmentId], language));
}
/** A surgery that takes an organ out ("tonsillectomy", "appendectomy", "cholecystectomy"). */
const REMOVAL = /\p{L}{3,}ectom(?:y|ies)$/u;
/**
 * True when the claim's removal surgery is matched at the position by its organ said absent: "no" right before the
 * organ's name, and nothing after it in its clause ("no tonsils", "no tonsils ."), in a statement, not a question.
 * Not the surgery's own name ("no tonsillectomy" denies it) nor a finding about the organ ("no tonsils swelling").
 */
function absentOrganOfRemoval(token: AnalysedToken, unit: TranscriptUnit, position: number): boolean {
  if (!REMOVAL.test(token.surface) || unit.isQuestion) return false;
  // A window of a long sentence reads on into the sentence.
  const tokens = unit.contextTokens;
  const at = position + unit.contextOffset;
  const organ = tokens[at];
  if (!organ || /ectom/.test(organ.surface)) return false;
  const after = tokens[at + 1];
  return (
    /^(?:no|without)$/.test(tokens[at - 1]?.surface ?? '') &&
    (after === undefined || after.punctuation !== undefined || after.scopeBreaker === true)
  );
}
/** A word that opens a condition of the claim itself ("pain when he sits too long"). */
const CLAIM_CONDITION = /^(?:when|whenever)$/;
/** True when the clause holds a condition of its own with a meaning word after it ("… when he runs too much"). */
function claimsOwnCondition(clause: Clause): boolean {
  const at = clause.tokens.findIndex((token) => CLAIM_CONDITION.test(token.surface));
  return at >= 0 && clause.tokens.slice(at + 1).some((token) => isContent(token));
}
/** A condition word of the talk, and the modals that make its main clause a guess or a warning. */
const TALK_CONDITION = /^(?:if|when|whenever)$/;
const GUESSING_MODAL = /^(?:might|may|would|could|should|i'd|you'd|he'd|she'd|we'd|they'd)$/;
/**
 * The patient's own habitual condition: "if i sit too long or if i carry heavy bags, i start to feel it" says what
 * happens each time (a pattern), not a supposition. Said by the patient in the first person, with a condition word
 * and no modal of guessing ("i might feel it"); not a question.
 */
function habitualCondition(unit: TranscriptUnit, index: TranscriptIndex): boolean {
  return (
    unit.speaker === 'pasient' &&
    !unit.isQuestion &&
    unit.tokens.some((token) => TALK_CONDITION.test(token.surface)) &&
    !unit.tokens.some((token) => GUESSING_MODAL.test(token.surface)) &&
    index.compiled.firstPerson.test(foldText(unit.text))
  );
}
/**
 * The patient's own plain statement of most of the claim, in the first person ("well, the past six months I have lost
 * some weight"): said after an earlier "no" ("have you lost weight?" – "no, but …"), it corrects the answer. An echo
 * without a subject ("sene av blærekatarrmedisin.") corrects nothing.
 */
function correctsEarlierNo(
  unit: TranscriptUnit,
  claimed: readonly AnalysedToken[],
  index: TranscriptIndex,
): boolean {
  return (
    unit.speaker === 'pasient' &&
    !unit.isQuestion &&
    !unit.hypothetical &&
    !unit.plan &&
    index.compiled.firstPerson.test(foldText(unit.text)) &&
    coverage(claimed, unit, index) >= 0.5
  );
}
/** Words between an owner and the condition it owns ("your second problem, the hypertension"). */
const PROBLEM_FRAME =
  /^(?:first|second|third|fourth|next|last|other|final|problem|problems|issue|issues|condition)$/;
/**
 * The doctor names the condition as the patient's own problem ("for your second problem the hypertension, I want to
 * continue the lisinopril", "your diabetes"): a plan for it presupposes the patient has it. Not through another noun
 * ("your risk of diabetes").
 */
function ownedProblem(unit: TranscriptUnit, position: number): boolean {
  for (let back = position - 1; back >= 0 && back >= position - 5; back -= 1) {
    const token = unit.tokens[back];
    if (!token || token.punctuation === '.' || token.negation) return false;
    if (/^(?:your|his|her)$/.test(token.surface)) return true;
    if (token.punctuation !== undefined || /^\d/.test(token.surface)) continue;
    if (!token.stopword && !PROBLEM_FRAME.test(token.surface)) return false;
  }
  return false;
}
