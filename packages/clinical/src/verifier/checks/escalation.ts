/**
 * The condition of a next step: further work-up or treatment follows a problem that does not get better, never one
 * that does. "If his symptoms have improved, we will discuss further treatment" against "hopefully you pass the stone,
 * but if not we can discuss further treatment" states the plan on the wrong condition.
 */
import { REASONS } from '../reasons';
import { foldText } from '../text-tools';
import type { TranscriptUnit } from '../transcript-index';
import type { CheckContext, Clause, Issue } from './clause';
import { flag } from './clause';

/** A condition of getting better, without a negation: "if the symptoms have improved", "hvis det går over". */
const IMPROVED_CONDITION =
  /(?<![\p{L}])(?:if|once|hvis|dersom)\s+(?:(?!not\b|n't\b|no\b|ikke\b|never\b|ingen\b)[\p{L}'’]+\s+){0,4}(?:improv\p{L}*|better|resolv\p{L}*|heal\p{L}*|pass(?:es|ed)?|settl\p{L}*|bedre|bedring|går over|gått over|gir seg|roer seg)(?![\p{L}])/u;
/** A further step: imaging, a referral, surgery, further treatment. */
const FURTHER_STEPS =
  /(?<![\p{L}])(?:further (?:treatment|workup|work-up|evaluation|imaging|testing|management)|mri|ct|cat scan|ct scan|imaging|ultrasound|refer\p{L}*|surgery|surgical|specialist|lithotripsy|escalat\p{L}*|henvis\p{L}*|mr-\p{L}*|røntgen|videre utredning|operasjon)(?![\p{L}])/gu;
/** The same step said for a problem that stays or gets worse: "if not", "if it doesn't get better", "worse". */
const NOT_IMPROVED =
  /(?<![\p{L}])(?:if not|if it (?:does|did)n[o']?t|if (?:it|they|that|this|the \p{L}+) (?:is|are|does|do|has|have|did)(?: not|n't| n't)|(?:no|not) (?:better|improv\p{L}*)|worse|worsen\p{L}*|persist\p{L}*|still (?:there|hurts|painful|having)|hvis ikke|ikke (?:bedre|går over|gir seg)|verre|forverr\p{L}*)(?![\p{L}])/u;

/** The transcript's statement of a further step, said for a problem that does not get better. */
function stepOnOtherCondition(
  steps: readonly string[],
  units: readonly TranscriptUnit[],
): TranscriptUnit | undefined {
  return units.find((unit) => {
    const text = foldText(unit.text);
    if (unit.speaker !== 'lege' || !NOT_IMPROVED.test(text)) return false;
    // The same step in another form ("referral" – "refer you", "henvises" – "henviser").
    const stem = (step: string): string => step.slice(0, 5);
    const said = new Set([...text.matchAll(FURTHER_STEPS)].map((match) => stem(match[0])));
    return steps.some((step) => said.has(stem(step)));
  });
}

/** A further step planned on improvement, where the talk plans it on no improvement. */
export function checkEscalationCondition(clause: Clause, context: CheckContext): Issue | undefined {
  const statement = foldText(context.statementText);
  if (!IMPROVED_CONDITION.test(foldText(clause.text))) return undefined;
  const steps = [...statement.matchAll(FURTHER_STEPS)].map((match) => match[0]);
  const first = steps[0];
  if (first === undefined) return undefined;
  // Improvement planned on improvement ("if he improves, we will taper …") says nothing of a further step.
  if (IMPROVED_CONDITION.test(statement.slice(statement.indexOf(first)))) return undefined;
  const unit = stepOnOtherCondition(steps, context.index.units);
  if (!unit) return undefined;
  return flag('negation', 'contradicted', REASONS.stepOnOtherCondition([unit.segmentId], context.language));
}

/**
 * "If" with a symptom that gets better, without a negation, up to six words apart ("if at that time his symptoms have
 * improved", "if her pain does improve", "if it gets better"). Only a symptom or the patient as subject: a value that
 * improves ("if her A1c improves") may well be what a planned operation waits for.
 */
const IF_SYMPTOM_IMPROVES =
  /(?<![\p{L}])if\s+(?:(?!(?:not|no|never|neither|unable|fail\p{L}*|worse\p{L}*)(?![\p{L}]))(?![\p{L}]*n['’]t(?![\p{L}]))[\p{L}'’]+\s+){0,6}?(?:symptoms?|pain|discomfort|numbness|tingling|swelling|stiffness|it|he|she|they)\s+(?:(?!(?:not|no|never|unable|fail\p{L}*)(?![\p{L}]))(?![\p{L}]*n['’]t(?![\p{L}]))[\p{L}'’]+\s+){0,2}?(?:improv\p{L}*|resolv\p{L}*|(?:feels?|gets?|getting|is|are) better)(?![\p{L}])/u;
/** An escalating step: further treatment or testing, imaging, an injection, an operation. */
const ESCALATING_STEP =
  /(?<![\p{L}])(?:(?:further|additional|other) (?:\p{L}+ )?(?:treatment|testing|workup|work-up|evaluation|imaging|intervention|management)s?|mri|ct|cat scan|injections?|surg\p{L}*|operati\p{L}*|biopsy)(?![\p{L}])/u;
/**
 * Words that turn the step away or keep on with what works ("we can hold off on the MRI", "no injection", "repeat
 * the injection", "otherwise"): then the statement does not plan escalation on improvement.
 */
const STEP_TURNED =
  /(?<![\p{L}])(?:not|no|never|without|avoid\p{L}*|hold\p{L}*|defer\p{L}*|postpon\p{L}*|cancel\p{L}*|forgo|unnecessary|discontinu\p{L}*|stop\p{L}*|taper\p{L}*|wean\p{L}*|decreas\p{L}*|reduc\p{L}*|repeat\p{L}*|another|second|again|continu\p{L}*|resum\p{L}*|instead|otherwise|unless|persist\p{L}*|worse\p{L}*)(?![\p{L}])|n['’]t(?![\p{L}])/u;

/**
 * Relief from a diagnostic injection or block ("if her pain improves with the facet injection, we will consider
 * surgery"): the relief shows where the pain comes from, so the further step is rightly planned on it.
 */
const DIAGNOSTIC_RELIEF =
  /^\s*(?:with|after|from|following)\s+(?:the|a|an|this|that|his|her)?\s*(?:[\p{L}-]+\s+){0,2}(?:injections?|blocks?|infiltrations?)(?![\p{L}])/u;

/**
 * A further step planned on the condition that the symptoms get better ("If his symptoms do improve with physical
 * therapy, we will consider a steroid injection"): work-up and escalation follow a problem that does not get better,
 * so the condition has lost its "not" whatever the talk says. English only.
 */
export function checkEscalationOnImprovement(clause: Clause, context: CheckContext): Issue | undefined {
  if (context.index.compiled.language !== 'en' || clause.offset > 0) return undefined;
  const statement = foldText(context.statementText);
  const condition = IF_SYMPTOM_IMPROVES.exec(statement);
  if (!condition || STEP_TURNED.test(statement)) return undefined;
  if (DIAGNOSTIC_RELIEF.test(statement.slice(condition.index + condition[0].length))) return undefined;
  const rest = `${statement.slice(0, condition.index)} ${statement.slice(condition.index + condition[0].length)}`;
  if (!ESCALATING_STEP.test(rest)) return undefined;
  return flag('negation', 'unsupported', REASONS.stepOnImprovement(context.language));
}
