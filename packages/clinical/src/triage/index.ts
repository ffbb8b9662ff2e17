export { triageMessage, combineTriage, compareUrgency, maxUrgency } from './triage-message';
export type { TriageMessageOptions } from './triage-message';
export { TRIAGE_RULES, TRIAGE_RULES_VERSION, INJECTION_RULE } from './triage-rules';
export type { TriageRule, TriageRuleSource, TriageReplyTopic } from './triage-rules';
