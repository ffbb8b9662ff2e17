export { triageMessage, combineTriage, compareUrgency, maxUrgency } from './triage-message';
export type { TriageMessageOptions } from './triage-message';
export { parseTriageInput } from './triage-input';
export type { TriageInputLine } from './triage-input';
export { TRIAGE_RULES, TRIAGE_RULES_VERSION, INJECTION_RULE } from './triage-rules';
export type { TriageRule, TriageRuleSource, TriageReplyTopic } from './triage-rules';
