/**
 * The clinician's decisions and measures: requests declined or deferred, drugs only started now, amounts, control
 * claims against measured values, the clinician's own steps said not done, remote examinations.
 */
import {
  isPartialMatch,
  matchingCanonicals,
  matchPositions,
  unionCoverage,
  coverage,
  headPositions,
} from '../alignment';
import type { Clause, CheckContext, Issue } from './clause';
import { isContent, isKin, isWeak, polarityAt, flag, segmentIds } from './clause';
import { hasLocalNegation } from './polarity';
import { expressesUncertainty } from './words';
import { isSpecific } from './words';
import { HISTORY_CUE } from './words';
import { ADVICE_CONDITION } from './words';
import { findDrugMentions, drugKeysMatch } from '../drug-names';
import { REASONS } from '../reasons';
import type { Quantity } from '../quantities';
import { analyseTokens } from '../text-analysis';
import type { CompiledLexicon, AnalysedToken } from '../text-analysis';
import { foldText } from '../text-tools';
import type { TranscriptIndex, TranscriptUnit } from '../transcript-index';

/** A negation within the four words before a position ("have not ordered", "ikke blitt henvist"). */
function negatedWithinFour(tokens: readonly AnalysedToken[], position: number): boolean {
  return tokens
    .slice(Math.max(0, position - 4), position)
    .some((before) => before.negation && !before.punctuation);
}

/** The auxiliary of a passive ("were obtained", "has been done"). */
const PASSIVE_AUXILIARY = /^(?:is|are|was|were|been)$/;
/**
 * "No x-rays of the right wrist were taken today", "No x-ray images were obtained and reviewed": a "no" that opens the
 * subject of a passive denies its participle ("x-rays were not taken"), however long the subject. True at a
 * participle of such a passive (the first after the auxiliary, or one joined to it by "and").
 */
function noOpensPassive(tokens: readonly AnalysedToken[], position: number): boolean {
  const colon = tokens.findIndex((token) => token.punctuation === ':');
  const start = colon >= 0 && colon <= 4 ? colon + 1 : 0;
  if (tokens[start]?.surface !== 'no') return false;
  const auxiliary = tokens.findIndex(
    (token, at) => at > start && at < position && PASSIVE_AUXILIARY.test(token.surface),
  );
  if (auxiliary < 0 || tokens.slice(start, position).some((token) => token.punctuation)) return false;
  // Between the auxiliary and the participle only adverbs, or an earlier participle joined by "and".
  return tokens
    .slice(auxiliary + 1, position)
    .every((token) => /^(?:\p{L}+ly|and|\p{L}{2,}(?:ed|en))$/u.test(token.surface));
}

/** The position of the last negation within the four words before a position (the position itself if none). */
function lastNegationBefore(tokens: readonly AnalysedToken[], position: number): number {
  for (let at = position - 1; at >= Math.max(0, position - 4); at -= 1)
    if (tokens[at]?.negation && !tokens[at]?.punctuation) return at;
  return position;
}

/** Words a refusal may open with before its negation ("Det kan jeg dessverre ikke", "Sorry, I can't"). */
const REFUSAL_OPENING = /^(?:dessverre|beklager|nok|unfortunately|sorry|afraid|well|so|så)$/;
/**
 * The doctor's answer turns a request down: it opens with a negation after nothing but function words ("Nei",
 * "Det kan jeg dessverre ikke", "No, I can't do that"), and no yes comes first.
 */
function declines(answer: TranscriptUnit, compiled: CompiledLexicon): boolean {
  if (answer.speaker !== 'lege' || answer.isQuestion) return false;
  if (compiled.positiveAnswer.test(foldText(answer.text).trim())) return false;
  for (const token of answer.tokens.slice(0, 6)) {
    if (token.negation || token.postNegation) return true;
    if (token.punctuation !== undefined && token.punctuation !== ',') return false;
    if (!token.stopword && token.punctuation === undefined && !REFUSAL_OPENING.test(token.surface))
      return false;
  }
  return false;
}
/**
 * A plan that gives what the doctor turned down: the patient or a relative asked for it ("Kan du skrive ut
 * sovetabletter til kona også?", "Can I get antibiotics for this?") and the doctor answered no ("Det kan jeg
 * dessverre ikke"). Contradicted unless the doctor also says it positively where as much of the clause is said.
 * The request is read with the turn before it by the same speaker ("Kona mi sover dårlig. Kan du …").
 */
export function checkDeclinedRequest(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  if (!context.planSection || context.conditional) return undefined;
  if (clause.negated.size > 0 || clause.tokens.some((token) => token.negation || token.postNegation))
    return undefined;
  const claim = clause.content.filter(
    (token) =>
      !isKin(token, compiled) &&
      !isWeak(token, compiled.language) &&
      !isPartialMatch(token, index) &&
      matchingCanonicals(token, index).size > 0,
  );
  if (claim.length === 0) return undefined;
  let declinedAt: TranscriptUnit | undefined;
  let requestCoverage = 0;
  for (const unit of index.units) {
    if (!unit.isQuestion || unit.speaker === 'lege' || unit.answeredByUnit === undefined) continue;
    const answer = index.units[unit.answeredByUnit];
    if (!answer || !declines(answer, compiled)) continue;
    if (!claim.some((token) => matchPositions(token, unit, index).length > 0)) continue;
    const before = index.units[unit.index - 1];
    const request = before && before.speaker === unit.speaker && !before.isQuestion ? [before, unit] : [unit];
    const covered = unionCoverage(clause.content, request, index);
    if (covered < 0.5) continue;
    if (covered > requestCoverage) {
      declinedAt = answer;
      requestCoverage = covered;
    }
  }
  if (!declinedAt) return undefined;
  // The doctor gives it after all, where as much of the clause is said ("… men jeg skriver ut noe annet til henne").
  for (const unit of index.units) {
    if (unit.speaker !== 'lege' || unit.isQuestion || unit.hypothetical) continue;
    if (coverage(clause.content, unit, index) < requestCoverage) continue;
    const given = claim.some((token) =>
      headPositions(token, unit, index).some(
        (position) => polarityAt({ ...unit, hypothetical: false }, position, index) === 'positive',
      ),
    );
    if (given) return undefined;
  }
  return flag('negation', 'contradicted', REASONS.negationConflictDenied([declinedAt.segmentId], language));
}
/** A drug or treatment started ("startet", "oppstart", "started on"). */
const STARTED =
  /^(?:start|starte|starter|startet|startes|oppstart|påbegynt|igangsatt|started|starting|initiated|commenced)$/;
/** Putting a treatment off ("vil helst vente med det", "avventer", "I'd rather hold off", "not yet"). */
const DEFERRAL =
  /(?<![\p{L}])(?:vente med|venter med|avvente\p{L}*|avventer|vente litt|vente og se|ikke nå|ikke enda|ikke ennå|tenke på det|hold off|wait and see|rather wait|want to wait|not yet|not right now|think about it)(?![\p{L}])/u;
/**
 * A plan that says a drug was started where the conversation put it off ("Sertralin … startet" where the doctor
 * suggested it and the patient said "jeg vil helst vente med det"): the drug is named, the answer right after it
 * defers it, and the doctor never names it again as given. A decision documented as made when it was deferred.
 */
export function checkDeferredStart(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  // (A statement of wishes is conditional as a whole: "pas. ønsker å avvente – startet"; the clause decides.)
  if (context.historySection || context.mentionsRelative) return undefined;
  if (ADVICE_CONDITION.test(foldText(clause.text))) return undefined;
  if (clause.tokens.some((token) => token.negation || token.postNegation)) return undefined;
  if (!clause.tokens.some((token) => STARTED.test(token.surface))) return undefined;
  const drugs = findDrugMentions(context.statementText, index.compiled.lexicon).filter(
    (drug) => !drug.isClass,
  );
  if (drugs.length === 0) return undefined;
  const names = (unit: TranscriptUnit): boolean =>
    unit.drugs.some((found) => drugs.some((drug) => drugKeysMatch(found.key, drug.key)));
  let deferredAt: TranscriptUnit | undefined;
  for (const unit of index.units) {
    if (!names(unit) || unit.speaker !== 'lege') continue;
    // The answer: the next turn of someone else, within two units.
    const answer = index.units
      .slice(unit.index + 1, unit.index + 3)
      .find((next) => next.speaker !== 'lege' && next.segmentId !== unit.segmentId);
    if (answer && DEFERRAL.test(foldText(answer.text))) deferredAt = answer;
  }
  if (!deferredAt) return undefined;
  // Named again by the doctor afterwards, without a negation, the drug may have been given after all.
  const after = deferredAt.index;
  const givenLater = index.units.some(
    (unit) =>
      unit.index > after &&
      unit.speaker === 'lege' &&
      !unit.isQuestion &&
      !unit.hypothetical &&
      names(unit) &&
      !unit.tokens.some((token) => token.negation),
  );
  if (givenLater) return undefined;
  return flag('negation', 'contradicted', REASONS.negationConflictDenied([deferredAt.segmentId], language));
}
/** The doctor proposes to start a drug now ("jeg anbefaler at du begynner med", "vi starter med", "start you on"). */
const START_PROPOSAL =
  /(?<![\p{L}])(?:begynne[r]? (?:med|på)|starte[r]? (?:med|på|opp)|setter deg på|start(?:ing)? you on|putting you on|(?:will|'ll|going to|want to|like to) put you on|begin(?:ning)? you on|recommend starting)(?![\p{L}])/u;
/** A verb of current use before a drug ("bruker", "tar", "står på", "takes", "is on"). */
const IN_USE_BEFORE = /(?:bruker|tar|står på|behandles med|takes|taking|uses|using|is on|on)\s+$/u;
/**
 * A history that gives the patient a drug the doctor only starts now: the drug heads the claim ("Statin", "Bruker
 * atorvastatin") and its first mention in the conversation is the doctor proposing to start it ("Jeg anbefaler at
 * du begynner med … atorvastatin"), which presupposes the patient is not on it. Not for a past use ("tidligere",
 * "previously"), a discussion, or a statement that itself says the drug is started.
 */
export function checkStartedNow(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  const compiled = index.compiled;
  if (!context.historySection || context.conditional || context.discussion || context.mentionsRelative)
    return undefined;
  if (clause.tokens.some((token) => token.negation || token.postNegation || STARTED.test(token.surface)))
    return undefined;
  // What stands in parentheses qualifies: "(tidligere skeptisk)" does not put the drug in the past.
  const outside = foldText(clause.text).replace(/\([^)]*\)/gu, ' ');
  if (HISTORY_CUE[compiled.language].test(outside) || compiled.planCues.test(outside)) return undefined;
  const drug = findDrugMentions(clause.text, compiled.lexicon)[0];
  if (!drug) return undefined;
  const before = foldText(clause.text.slice(0, drug.start));
  if (/[\p{L}]/u.test(before) && !IN_USE_BEFORE.test(before)) return undefined;
  const names = (unit: TranscriptUnit): boolean =>
    unit.drugs.some(
      (found) =>
        drugKeysMatch(found.key, drug.key) ||
        (drug.members !== undefined && new RegExp(drug.members.source, 'iu').test(found.text)),
    );
  const first = index.units.find((unit) => names(unit));
  if (!first || first.speaker !== 'lege' || first.isQuestion || !START_PROPOSAL.test(foldText(first.text)))
    return undefined;
  return flag('negation', 'contradicted', REASONS.startedNow([first.segmentId], language));
}
/** Words of a small and of a large amount or frequency; a negation turns one into the other ("ikke lite"). */
const LOW_AMOUNT = /^(?:lite|little|sjelden|rarely|seldom)$/;
const HIGH_AMOUNT = /^(?:mye|much|ofte|often|nok|enough|plenty|frequently)$/;
/** Degree words between a negation and the amount ("ikke så mye", "not that much"). */
const DEGREE = /^(?:så|so|that|very|veldig|særlig|spesielt|noe|too|for)$/;
/** The amount of a small or large amount word at a position: "low" or "high" after any negation before it. */
function amountAt(tokens: readonly AnalysedToken[], position: number): 'low' | 'high' | undefined {
  const word = tokens[position]?.surface ?? '';
  const low = LOW_AMOUNT.test(word);
  if (!low && !HIGH_AMOUNT.test(word)) return undefined;
  // A comparison ("not as much", "ikke like mye som før") is no amount of its own; "a little" is some, not little.
  if (/^(?:as|like|som|than|enn|a)$/.test(tokens[position - 1]?.surface ?? '')) return undefined;
  if (/^(?:as|som|than|enn)$/.test(tokens[position + 1]?.surface ?? '')) return undefined;
  let back = position - 1;
  while (back >= 0 && DEGREE.test(tokens[back]?.surface ?? '')) back -= 1;
  return low !== (tokens[back]?.negation === true) ? 'low' : 'high';
}
/**
 * The amount next to a word, looking one way ("drikker mye", "lite kjøtt"): up to three tokens, past negations and
 * degree words only; another meaning word or a full stop ends the search.
 */
function amountNext(
  tokens: readonly AnalysedToken[],
  position: number,
  step: 1 | -1,
): 'low' | 'high' | undefined {
  for (
    let at = position + step, taken = 0;
    at >= 0 && at < tokens.length && taken < 3;
    at += step, taken += 1
  ) {
    const amount = amountAt(tokens, at);
    if (amount) return amount;
    const token = tokens[at];
    if (!token || (token.punctuation !== undefined && token.punctuation !== ',')) return undefined;
    if (!token.stopword && !token.negation && !DEGREE.test(token.surface)) return undefined;
  }
  return undefined;
}
/** The first amount among tokens[from..to] (a short answer: "Ikke så mye, egentlig."). */
function amountIn(tokens: readonly AnalysedToken[], from: number, to: number): 'low' | 'high' | undefined {
  for (let position = Math.max(0, from); position <= to && position < tokens.length; position += 1) {
    const amount = amountAt(tokens, position);
    if (amount) return amount;
  }
  return undefined;
}
/**
 * A yes-no question about a quantity ("Sover du nok?", "Do you drink much?"): its answer is about the amount, not
 * the thing. Not an open question ("How much do you drink?").
 */
export function asksAmount(unit: TranscriptUnit): boolean {
  if (!unit.isQuestion || /^(?:hvor|hvordan|hva|how|what)(?![\p{L}])/u.test(foldText(unit.text).trim()))
    return false;
  // (Frequency is left out: "does the pain radiate frequently?" – "no" denies the radiation.)
  return unit.tokens.some(
    (token, position) =>
      /^(?:nok|enough|mye|much|lite|little)$/.test(token.surface) &&
      amountAt(unit.tokens, position) !== undefined,
  );
}
/**
 * An amount or frequency turned around ("Drikker ikke lite" where "Drikker hun nok?" was answered "Ikke så mye"):
 * the clause's amount against what the conversation says of the same words — the amount next to them on the side
 * the clause has it, or the answer to a question about them (its own amount, or a bare yes or no to the amount
 * asked). Contradicted when the conversation says only the opposite amount.
 */
export function checkAmount(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (context.conditional) return undefined;
  const amountPosition = clause.tokens.findIndex((_, position) => amountAt(clause.tokens, position));
  const claimed = amountPosition < 0 ? undefined : amountAt(clause.tokens, amountPosition);
  if (!claimed) return undefined;
  // The words the amount is said of: next to it ("drikker lite", "lite kjøtt", "runs too much").
  const words = clause.content.filter(
    (token) =>
      Math.abs(clause.tokens.indexOf(token) - amountPosition) <= 3 &&
      !LOW_AMOUNT.test(token.surface) &&
      !HIGH_AMOUNT.test(token.surface) &&
      !isKin(token, index.compiled) &&
      matchingCanonicals(token, index).size > 0,
  );
  if (words.length === 0) return undefined;
  let agrees = false;
  let opposite: TranscriptUnit | undefined;
  for (const unit of index.units) {
    if (unit.hypothetical) continue;
    for (const token of words) {
      // On the side the clause has it: "drikker mye" after the word, "lite kjøtt" before it.
      const step = clause.tokens.indexOf(token) > amountPosition ? -1 : 1;
      for (const position of headPositions(token, unit, index)) {
        if ((unit.subjects[position] === 'relative') !== context.mentionsRelative) continue;
        let amount = amountNext(unit.tokens, position, step);
        let evidence = unit;
        if (unit.isQuestion) {
          // The answer's own amount decides, else a bare yes or no to the amount asked. (A recogniser may run the
          // answer on after the question's full stop: "drikker hun nok. lite, egentlig".)
          const end = unit.tokens.findIndex(
            (other, at) => at > position && other.punctuation !== undefined && other.punctuation !== ',',
          );
          const answer = unit.answeredByUnit === undefined ? undefined : index.units[unit.answeredByUnit];
          const inline = end >= 0 ? amountIn(unit.tokens, end + 1, end + 4) : undefined;
          const answered = inline ?? (answer ? amountIn(answer.tokens, 0, 4) : undefined);
          const bare =
            answer !== undefined && answer.tokens.filter((other) => !other.punctuation).length <= 2;
          if (answered) amount = answered;
          else if (!bare || (unit.answer !== 'negative' && unit.answer !== 'positive')) amount = undefined;
          else if (amount && unit.answer === 'negative') amount = amount === 'low' ? 'high' : 'low';
          if (answer && !inline) evidence = answer;
        }
        if (!amount) continue;
        if (amount === claimed) agrees = true;
        else opposite ??= evidence;
      }
    }
  }
  if (agrees || !opposite) return undefined;
  return flag('negation', 'contradicted', REASONS.negationConflictDenied([opposite.segmentId], language));
}
/** A claim that a condition is under control ("tilfredsstillende regulert", "velregulert", "well controlled"). */
const CONTROLLED =
  /(?<![\p{L}])(?:(?:tilfredsstillende|godt|bra|adekvat|optimalt|well|adequately|optimally) (?:regulert|kontrollert|controlled|managed)|velregulert|velkontrollert|well-controlled|at goal|at target|innenfor (?:målet|behandlingsmålet)|på mål)(?![\p{L}])/u;
/** The conversation says a measure is above its target ("Det er over målet", "still too high", "not at goal"). */
const ABOVE_TARGET =
  /(?<![\p{L}])(?:over (?:målet|behandlingsmålet|målene|målverdien)|for høyt?|fortsatt (?:for )?høyt?|ikke (?:godt nok|tilfredsstillende|bra nok) (?:regulert|kontrollert)|ikke godt nok|above (?:the )?(?:goal|target)|not at (?:goal|target)|too high|still (?:too )?high|not (?:well |adequately )?controlled|uncontrolled)(?![\p{L}])/u;
/** The conversation says a measure is at its target ("innenfor målet", "fint", "well controlled"). */
const AT_TARGET =
  /(?<![\p{L}])(?:innenfor (?:målet|behandlingsmålet)|under målet|på mål|godt regulert|velregulert|fint|bra|at (?:goal|target)|within (?:the )?(?:goal|target)|well controlled|looks (?:good|great)|nice and controlled|where (?:we|i) want (?:it|them|that))(?![\p{L}])/u;
/** The measure that tells whether a condition named in a statement is controlled. */
const CONTROL_MEASURES: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /(?<![\p{L}])(?:hypertensjon|hypertoni|blodtrykk\p{L}*|bt|hypertension|blood pressure)(?![\p{L}])/u,
    'blood-pressure',
  ],
  [/(?<![\p{L}])(?:diabetes|dm2?|hba1c|a1c|blodsukker\p{L}*|diabetes mellitus)(?![\p{L}])/u, 'hba1c'],
  [
    /(?<![\p{L}])(?:hyperlipidemi|hyperkolesterolemi|kolesterol\p{L}*|ldl|lipid\p{L}*|cholesterol|hyperlipidemia)(?![\p{L}])/u,
    'ldl',
  ],
];
/** A statement that opens with a pronoun after its label ("Medical Reasoning: This is well-controlled"). */
const ANAPHORIC_OPENING = /^(?:[^:]{0,40}:\s*)?(?:this|it|that)(?![\p{L}])/u;
/**
 * The measures of the condition the statement names — or, where it only says "this" ("2. Hypertension. | Medical
 * Reasoning: This is well-controlled at this time."), of the problem its section named just before.
 */
function controlMeasures(context: CheckContext): string[] {
  const statement = foldText(context.statementText);
  const named = (text: string): string[] =>
    CONTROL_MEASURES.filter(([pattern]) => pattern.test(text)).map(([, label]) => label);
  const own = named(statement);
  if (own.length > 0 || context.topic === undefined || !ANAPHORIC_OPENING.test(statement)) return own;
  return named(foldText(context.topic));
}
/**
 * Whether a condition is controlled, turned around ("Hypertensjon, tilfredsstillende regulert" where the doctor said
 * of the measured pressure "Det er over målet"): the statement names the condition, the transcript gives its
 * measure (a blood pressure, an HbA1c, an LDL) and within the next turns calls it above target and never at target
 * — or, for a claim that it is not controlled, at target and never above.
 */
export function checkControlClaim(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (context.conditional || context.mentionsRelative) return undefined;
  const text = foldText(clause.text);
  if (!CONTROLLED.test(text)) return undefined;
  const claimedControlled = !clause.tokens.some((token) => token.negation);
  const measures = controlMeasures(context);
  if (measures.length !== 1) return undefined;
  let above: TranscriptUnit | undefined;
  let atTarget: TranscriptUnit | undefined;
  for (const unit of index.units) {
    const measured = unit.quantities.find((quantity) => quantity.label === measures[0]);
    if (!measured) continue;
    for (const near of index.units.slice(unit.index, unit.index + 4)) {
      // Another measure opens another topic ("Langtidsblodsukkeret er 48, det er fint").
      if (
        near !== unit &&
        near.quantities.some((quantity) => quantity.label && quantity.label !== measures[0])
      )
        break;
      if (near.hypothetical || (near.isQuestion && near.speaker === 'lege')) continue;
      // What is said of the value comes after it ("så bra, la meg se … 146 over 92" praises something else).
      const said = foldText(near === unit ? near.text.slice(measured.start) : near.text);
      if (ABOVE_TARGET.test(said)) above ??= near;
      else if (AT_TARGET.test(said)) atTarget ??= near;
    }
  }
  const against = claimedControlled ? (atTarget ? undefined : above) : above ? undefined : atTarget;
  if (!against) return undefined;
  return flag(
    'negation',
    'contradicted',
    claimedControlled
      ? REASONS.negationConflictDenied([against.segmentId], language)
      : REASONS.describedNormal([against.segmentId], language),
  );
}
/** Words that make a negated value a bound ("not more than 2", "ikke over 38"), not a denial of the value. */
const COMPARATOR =
  /(?<![\p{L}])(?:more|less|fewer|greater|than|over|under|above|below|exceed\p{L}*|up|beyond|mer|mindre|enn|opp|høyere|lavere|utover|til)(?![\p{L}])/u;
/**
 * A clause whose values the transcript confirms, with a negation right before one of its values ("is not 7 out of
 * 10", "does not have approximately 8 to 10 wet diapers", "A1c was 7.1 and his blood sugar levels are not typically
 * between 120-140"): the note denies what was measured or counted. Only the words since the value before count: a
 * negation before an earlier value is that value's.
 */
export function negatedMeasure(clause: Clause, context: CheckContext): Issue | undefined {
  if (clause.quantities.length === 0 || context.conditional || expressesUncertainty(clause)) return undefined;
  const lasted: TranscriptUnit[] = [];
  const denied = clause.quantities.some((quantity, position) => {
    const from = position > 0 ? (clause.quantities[position - 1]?.end ?? 0) : 0;
    const before = foldText(clause.text.slice(from, quantity.start));
    // "has not been going on for about 3 weeks": how long a negated event has lasted is denied only where the talk
    // gives that duration of the event itself, not a gap it dates ("i quit about three years ago").
    if (quantity.family === 'time' && DURATION_OF_EVENT.test(before)) {
      const said = durationOfEventSaid(quantity, clause, context);
      if (said) lasted.push(said);
      return said !== undefined;
    }
    return valueDenied(before, foldText(quantity.text));
  });
  if (!denied) {
    const named = namedMeasureDenied(clause, context);
    return named
      ? flag('negation', 'contradicted', REASONS.negationConflictPresent([named.segmentId], context.language))
      : undefined;
  }
  const evidence =
    lasted.length > 0
      ? lasted
      : clause.anchors.length > 0
        ? clause.anchors
        : clause.top.map((entry) => entry.unit);
  if (evidence.length === 0) return undefined;
  return flag(
    'negation',
    'contradicted',
    REASONS.negationConflictPresent(segmentIds(evidence).slice(0, 2), context.language),
  );
}
/**
 * A negated verb of the perfect or progressive and its "for" ("has not been going on for about", "has not been smoking
 * for", "has not smoked for the past"): the value after it says how long the event has (not) lasted.
 */
const DURATION_OF_EVENT =
  /(?<![\p{L}])(?:not|n't|never)\s+(?:been\s+)?\p{L}{2,}(?:ing|ed|en)(?:\s+(?:on|up|out|off|back|in|down))?\s+for(?:\s+(?:about|approximately|around|roughly|almost|nearly|over|the|past|last))*\s*$/u;
/** Words that date a value as a point in the past, not a length ("three years ago", "since three weeks before"). */
const AGO = /^\s*(?:ago|back|before|earlier|prior)(?![\p{L}])/u;
/**
 * The talk's place that gives a duration as how long the event has lasted ("how long has that been going on" – "about
 * three weeks or so"): the same length of time, not dated by "ago", in a turn without a negation. Undefined where the
 * talk gives it only as a gap ("i quit about three years ago", "have not been drinking for two years").
 */
function durationOfEventSaid(
  quantity: Quantity,
  clause: Clause,
  context: CheckContext,
): TranscriptUnit | undefined {
  const { index } = context;
  const length = quantity.value * quantity.factor;
  // The event's own words: the verb and the clause's content words (not the duration's), said in the place or the
  // question it answers.
  const duration = new Set(foldText(quantity.text).split(/\s+/u));
  const own = new Set(
    clause.tokens
      .filter(
        (token) =>
          (isContent(token) || /^\p{L}{2,}ing$/u.test(token.surface)) &&
          token.punctuation === undefined &&
          !duration.has(token.surface),
      )
      .map((token) => token.canonical),
  );
  const saysEvent = (unit: TranscriptUnit | undefined): boolean =>
    unit !== undefined && unit.tokens.some((token) => own.has(token.canonical));
  return index.units.find(
    (unit) =>
      !unit.hypothetical &&
      !unit.tokens.some((token) => token.negation) &&
      (saysEvent(unit) ||
        saysEvent(unit.answersUnit === undefined ? undefined : index.units[unit.answersUnit])) &&
      unit.quantities.some(
        (said) =>
          said.family === 'time' &&
          said.value * said.factor === length &&
          !AGO.test(foldText(unit.text.slice(said.end))),
      ),
  );
}
/** "Ingen"/"no" and the bare name of a measure right before a value ("ingen u-albumin/kreatinin-ratio 2,1"). */
const NONE_NAMED = /(?<![\p{L}])(?:ingen|no)\s+((?:[\p{L}\p{N}][\p{L}\p{N}/-]*\s+){1,3})$/u;

/**
 * "Ingen U-albumin/kreatinin-ratio 2,1", "no hemoglobin 12.1": a negated measure followed by its own value is a
 * contradiction in terms — giving the value says it was measured. Where the talk gives that value right after the same
 * name ("… viser ikke eggehvite albumin-kreatinin-ratio to komma en"; a negation earlier in a run-on sentence does not
 * reach a value reported after its name), the "ingen" denies what was measured. Returns the unit that reports it. Not a
 * time or frequency ("ingen anfall 2 uker"), nor a name split off by a comma or a word like "siste".
 */
function namedMeasureDenied(clause: Clause, context: CheckContext): TranscriptUnit | undefined {
  const { index } = context;
  const compiled = index.compiled;
  for (const [position, quantity] of clause.quantities.entries()) {
    if (quantity.family === 'time' || quantity.family === 'frequency') continue;
    const from = position > 0 ? (clause.quantities[position - 1]?.end ?? 0) : 0;
    const named = NONE_NAMED.exec(foldText(clause.text.slice(from, quantity.start)));
    if (!named?.[1]) continue;
    const name = analyseTokens(named[1], compiled, { note: true }).filter((token) => !token.punctuation);
    if (name.length === 0 || name.some((token) => token.stopword)) continue;
    const said = clause.anchors.find((unit) =>
      unit.quantities.some(
        (found) => found.value === quantity.value && namedBefore(unit, found, name, index),
      ),
    );
    if (said) return said;
  }
  return undefined;
}

/**
 * Whether the talk names the value by one of the name's words: the last word before the value, past small words and
 * with no comma between ("ratio to komma en", "hemoglobinet er fjorten"; not "ikke feber temperaturen er 37").
 */
function namedBefore(
  unit: TranscriptUnit,
  found: Quantity,
  name: readonly AnalysedToken[],
  index: TranscriptIndex,
): boolean {
  const before = analyseTokens(unit.text.slice(0, found.start), index.compiled, { note: false }).slice(-3);
  let last: AnalysedToken | undefined;
  for (const token of before.reverse()) {
    if (token.punctuation !== undefined) break;
    if (!token.stopword) {
      last = token;
      break;
    }
  }
  if (!last) return false;
  const word = last;
  return name.some((token) => matchingCanonicals(token, index).has(word.canonical));
}
/** A negation within three words before a value ("not typically between 120-140"), not a bound ("not more than 2"). */
function valueDenied(before: string, value: string): boolean {
  const cue = /(?<![\p{L}])(?:not|n't|never|ikke|aldri)((?:\s+\S+){0,3})\s*$/u.exec(before);
  const tail = cue?.[1] ?? '';
  return cue !== null && !COMPARATOR.test(tail) && !/[<>≥≤]/u.test(tail) && !COMPARATOR.test(value);
}
/** Verbs that document what was done in the consultation (discussed, reviewed, ordered …), nb and en. */
const PROCESS_VERB =
  /^(?:discuss\p{L}*|review\p{L}*|obtain\p{L}*|explain\p{L}*|counsel\p{L}*|educat\p{L}*|perform\p{L}*|order\p{L}*|recommend\p{L}*|examin\p{L}*|drøftet|diskutert|gjennomgått|forklart|informert|undersøkt|rekvirert|anbefalt|bestilt)$/u;
/** Participles that name a step only as a passive's verb ("x-rays were taken", "labs were drawn"). */
const PASSIVE_STEP = /^(?:taken|done|drawn|completed|checked|sent)$/;
/**
 * A consultation step said not to have happened ("An x-ray was not obtained today", "I have not had a lengthy
 * discussion with him"): where the transcript talks about it without any negation, the note's "not" has no source.
 */
export function checkNegatedProcess(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  if (context.conditional || context.mentionsRelative) return undefined;
  // "Ikke undersøkt (telefon)": a phone or video consultation explains itself; examined in one, it is not.
  if (/(?:telefon|video|phone|virtual)/u.test(foldText(context.statementText)))
    return examinedRemotely(clause, context);
  const tokens = clause.tokens;
  const negatedStep = tokens.some(
    (token, position) =>
      (PROCESS_VERB.test(token.surface) && negatedWithinFour(tokens, position)) ||
      ((PROCESS_VERB.test(token.surface) || PASSIVE_STEP.test(token.surface)) &&
        noOpensPassive(tokens, position)),
  );
  if (!negatedStep) return undefined;
  // What the step was about (the x-ray, the diagnosis) must be talked about where the clause aligns.
  const top = clause.top.map((entry) => entry.unit);
  // The step's own verbs are not what it is about ("was not sent to obtain the hepatitis c antibody test").
  const object = clause.content.filter(
    (token) => !PROCESS_VERB.test(token.surface) && !PASSIVE_STEP.test(token.surface),
  );
  if (top.length === 0 || object.length === 0 || unionCoverage(object, top, index) < 0.5) return undefined;
  // A negation near its words where it is talked about may be the note's source ("we don't need an x-ray today").
  const window = [...new Set([...top, ...clause.window])];
  if (
    window.some((unit) =>
      clause.content.some((token) =>
        matchPositions(token, unit, index).some((position) => hasLocalNegation(unit, position)),
      ),
    )
  )
    return undefined;
  return flag('negation', 'unsupported', REASONS.processNotDone(segmentIds(top).slice(0, 2), language));
}
/** The clinician's own documenting verbs: what was discussed, recommended, provided … in this visit (English). */
const OWN_STEP_VERB =
  /^(?:discuss\p{L}*|recommend\p{L}*|provid\p{L}*|prescrib\p{L}*|referr?(?:al|ed|ing)?|explain\p{L}*|counsel\p{L}*|advis\p{L}*|encourag\p{L}*|instruct\p{L}*|review\p{L}*|educat\p{L}*|order\p{L}*)$/u;
const GENERIC_OBJECT =
  /^(?:symptoms?|current|currently|regarding|lengthy|length|issues?|concerns?|problems?|findings?|options?|today|patient|condition)$/;
/** Another visit or a step still to come: "in the emergency department", "has not yet been scheduled". */
const OTHER_OCCASION =
  /(?:emergency|urgent care|hospital|previous|prior|before|last (?:visit|time)|\byet\b|\buntil\b|\bunless\b|\boutside\b)/u;
/**
 * The words that may place a step on another occasion: the clause without what an advice's "to" introduces ("was not
 * advised to stop basketball until she follows up": the "until" is part of what was advised, not of when).
 */
function occasionText(clause: Clause, stepAt: number): string {
  const tokens = clause.tokens;
  if (
    !/^advis|^encourag|^instruct/.test(tokens[stepAt]?.surface ?? '') ||
    tokens[stepAt + 1]?.surface !== 'to'
  )
    return foldText(clause.text);
  return tokens
    .slice(0, stepAt + 1)
    .map((token) => token.surface)
    .join(' ');
}
/**
 * The clinician's own step in this visit said not to have happened ("I have not recommended that we treat him
 * conservatively", "The nature of the diagnosis was not discussed", "A prescription is not provided"). A note
 * documents what the clinician did, so such a denial needs its source: the clinician (I/we) or a passive as the
 * subject, and no negation said next to the step or its object anywhere in the transcript ("we won't need to
 * refer you"). English notes only: Norwegian notes record steps left out on purpose ("Ikke rekvirert CRP").
 */
export function checkNegatedOwnStep(clause: Clause, context: CheckContext): Issue | undefined {
  const { index, language } = context;
  // Only a true condition excuses it: the plan's advice words ("discussed", "counseling") make every plan statement
  // "conditional" for the other checks.
  if (index.compiled.language !== 'en' || context.mentionsRelative) return undefined;
  const folded = foldText(context.statementText);
  if (
    /(?:phone|video|virtual|telehealth)/u.test(folded) ||
    /\b(?:if|unless|in case|should|would)\b/u.test(folded)
  )
    return undefined;
  const tokens = clause.tokens;
  const stepAt = tokens.findIndex(
    (token, position) =>
      OWN_STEP_VERB.test(token.surface) &&
      negatedWithinFour(tokens, position) &&
      !tokens.slice(lastNegationBefore(tokens, position), position).some((before) => before.punctuation),
  );
  if (stepAt < 0 || OTHER_OCCASION.test(occasionText(clause, stepAt))) return undefined;
  const negationAt = tokens.findIndex((token, position) => position >= stepAt - 4 && token.negation);
  const before = tokens.slice(Math.max(0, negationAt - 3), negationAt).map((token) => token.surface);
  const clinician = before.some((word) => /^(?:i|we)$/.test(word));
  // A passive names the step by its participle ("was not discussed"); "is not providing relief" is the drug's.
  const passive =
    /^(?:was|were|is|are|been|be)$/.test(before.at(-1) ?? '') && /ed$/.test(tokens[stepAt]?.surface ?? '');
  if (!clinician && !passive) return undefined;
  // The transcript says the step or its object was left out ("we don't need to discuss surgery").
  const step = tokens[stepAt];
  // Words any talk negates somewhere ("no other symptoms", "nothing current") say nothing about this step.
  const object = clause.content.filter(
    (token) =>
      token !== step &&
      !OWN_STEP_VERB.test(token.surface) &&
      !GENERIC_OBJECT.test(token.surface) &&
      isSpecific(token, index),
  );
  // The step or its object by its own word ("recommend" is no "discuss", "symptoms" no "pain").
  const stems = new Set([...(step ? [step] : []), ...object].map((token) => token.stem));
  const saidNegated = index.units.some((unit) =>
    unit.tokens.some((token, position) => stems.has(token.stem) && hasLocalNegation(unit, position)),
  );
  // Said left out somewhere, the step is still contradicted where the doctor gives the very advice.
  if (saidNegated) {
    const given = adviceGiven(tokens, stepAt, object, context);
    return given
      ? flag('negation', 'contradicted', REASONS.negationConflictPresent([given.segmentId], language))
      : undefined;
  }
  return flag(
    'negation',
    'unsupported',
    REASONS.processNotDone(segmentIds(clause.top.map((entry) => entry.unit)).slice(0, 2), language),
  );
}
/** The words the advice or step is about, after its verb, with the polarity the advice gives each of them. */
function adviceWords(
  tokens: readonly AnalysedToken[],
  stepAt: number,
  object: readonly AnalysedToken[],
): Map<AnalysedToken, 'negative' | 'positive'> {
  const words = new Map<AnalysedToken, 'negative' | 'positive'>();
  for (const token of object) {
    const at = tokens.indexOf(token);
    if (at <= stepAt || token.negation) continue;
    // "advised her to avoid skiing": a negation inside the advice is part of what was advised.
    const inner = tokens.slice(stepAt + 1, at).some((between) => between.negation);
    words.set(token, inner ? 'negative' : 'positive');
  }
  return words;
}
/**
 * The doctor's own statement of the advice a note says was not given: a doctor's turn, not a question, that says at
 * least two of the advice's words as the advice has them, none the other way, where no place of the talk says more of
 * them the other way ("I have not advised her to avoid skiing or gymnastics" against "i would recommend not skiing or
 * doing any gymnastics"; "I have not recommended … continued bracing" against "we are gon na continue to brace your
 * right knee", though "not … any kind of like medication or bracing" is said of the other knee).
 */
function adviceGiven(
  tokens: readonly AnalysedToken[],
  stepAt: number,
  object: readonly AnalysedToken[],
  context: CheckContext,
): TranscriptUnit | undefined {
  const { index } = context;
  const words = adviceWords(tokens, stepAt, object);
  if (words.size < 2) return undefined;
  let given: TranscriptUnit | undefined;
  let givenCount = 0;
  let deniedCount = 0;
  for (const unit of index.units) {
    // Advice is the doctor's: what the patient tells of skiing is no advice about it.
    if (unit.speaker !== 'lege' || unit.isQuestion) continue;
    let agree = 0;
    let disagree = 0;
    for (const [word, wanted] of words) {
      const polarities = matchPositions(word, unit, index).map((position) =>
        polarityAt(unit, position, index),
      );
      if (polarities.includes(wanted)) agree += 1;
      else if (polarities.some((polarity) => polarity === 'negative' || polarity === 'positive'))
        disagree += 1;
    }
    deniedCount = Math.max(deniedCount, disagree);
    if (disagree === 0 && agree > givenCount) {
      given = unit;
      givenCount = agree;
    }
  }
  return givenCount >= 2 && givenCount > deniedCount ? given : undefined;
}
/** A claim that the patient was examined ("undersøkt", "examined", "physical exam performed"). */
const EXAMINED =
  /(?<![\p{L}])(?:undersøkt|examined|exam(?:ination)? (?:was |is )?(?:performed|done|completed|conducted))(?![\p{L}])/u;
/** A telephone consultation, a video one, and what makes an examination physical. */
const PHONE_SETTING = /(?<![\p{L}])(?:telefon\p{L}*|phone|telephone)(?![\p{L}])/u;
const VIDEO_SETTING = /(?<![\p{L}])(?:video\p{L}*|virtual|telehealth|telemedicine)(?![\p{L}])/u;
const PHYSICAL_EXAM = /(?<![\p{L}])(?:klinisk|fysisk|clinical(?:ly)?|physical(?:ly)?|in person)(?![\p{L}])/u;
/**
 * An examination claimed in a consultation the statement itself marks as remote ("Undersøkt (telefon)",
 * "Videokonsultasjon, klinisk undersøkt"): nobody can examine a patient over the telephone, nor physically over
 * video (what is seen on video is an observation, so there only a clinical or physical examination counts).
 * Not in the history ("undersøkt på legevakt i går" happened elsewhere) or a plan.
 */
function examinedRemotely(clause: Clause, context: CheckContext): Issue | undefined {
  if (context.historySection || context.planSection) return undefined;
  if (clause.negated.size > 0 || clause.tokens.some((token) => token.negation || token.postNegation))
    return undefined;
  const text = foldText(clause.text);
  if (!EXAMINED.test(text)) return undefined;
  const statement = foldText(context.statementText);
  const remote = PHONE_SETTING.test(statement) || (VIDEO_SETTING.test(statement) && PHYSICAL_EXAM.test(text));
  if (!remote) return undefined;
  return flag('negation', 'unsupported', REASONS.examinedRemotely(context.language));
}
