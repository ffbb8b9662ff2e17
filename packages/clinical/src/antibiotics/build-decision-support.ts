import { suggestIcpc2Codes, type Icpc2Suggestion } from '../icpc2/suggest-icpc2-codes';
import { ICPC2_LIST_SOURCE, ICPC2_LIST_VERSION } from '../icpc2/code-list';
import { assessAntibiotics } from './assess-antibiotics';
import { buildClauses } from './clauses';
import { extractAntibioticFindings } from './findings';
import type { AntibioticAssessment, DecisionInput } from './types';

/** Decision support for one consultation: suggested ICPC-2 codes and the antibiotic assessment. */
export interface DecisionSupportResult {
  /** Suggested ICPC-2 codes, best first, each from the official list with the segments it rests on. */
  codes: Icpc2Suggestion[];
  /** The code list the codes come from and its version (shown next to the codes). */
  codeList: { system: 'ICPC-2'; version: string; source: string };
  decisionSupport: {
    /** Null when the consultation is not about one of the infections the antibiotic guideline rules cover. */
    antibiotics: AntibioticAssessment | null;
  };
}

/**
 * Builds the decision support for `kollega note --format json` and the review page: ICPC-2 codes and the
 * antibiotic assessment, read once from the same transcript.
 */
export function buildDecisionSupport(input: DecisionInput): DecisionSupportResult {
  const clauses = buildClauses(input.transcript);
  const findings = extractAntibioticFindings(input, clauses);
  const antibiotics = assessAntibiotics(input, clauses);
  const codes = suggestIcpc2Codes(input, {
    clauses,
    findings,
    antibioticCondition: antibiotics?.condition.id ?? null,
  });
  return {
    codes,
    codeList: { system: 'ICPC-2', version: ICPC2_LIST_VERSION, source: ICPC2_LIST_SOURCE },
    decisionSupport: { antibiotics },
  };
}
