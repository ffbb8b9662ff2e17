export { assessAntibiotics } from './assess-antibiotics';
export { buildDecisionSupport, type DecisionSupportResult } from './build-decision-support';
export { extractAntibioticFindings, computeCentorScore, computeCrb65Score } from './findings';
export { extractDoctorPlan } from './plan';
export {
  GUIDELINE_RULES,
  GUIDELINE_NAME,
  GUIDELINE_VERSION,
  RULE_SET_VERSION,
  REMOTE_PRESCRIBING_CAUTION,
  describeSource,
  type GuidelineRule,
  type RuleId,
} from './guideline-rules';
export * from './types';
