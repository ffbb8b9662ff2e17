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
