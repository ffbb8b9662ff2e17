export { extractFacts, extractDraftFacts } from './extract-facts';
export type { DraftFact, ExtractFactsOptions, StatementGroup } from './extract-facts';
export type { SectionRole } from './shorthand';
