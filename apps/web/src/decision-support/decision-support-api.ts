import type { ConsultationSetting, NoteRecord } from '@kollega/domain';
import { postJson, requestJson } from '../api';

/** A suggested ICPC-2 code with the segments it rests on. */
export interface CodeSuggestion {
  system: 'ICPC-2';
  code: string;
  title: string;
  score: number;
  evidence: string[];
}

/** A regimen as recommended. */
export interface RecommendedRegimen {
  drug?: string;
  dose?: string;
  frequency?: string;
  durationDays?: number;
  text: string;
}

/** The guideline's recommendation for the consultation's findings. */
export interface Recommendation extends RecommendedRegimen {
  kind: 'no-antibiotic' | 'delayed-prescription' | 'antibiotic';
  allergyAlternative?: RecommendedRegimen;
}

/** One deviation of the doctor's plan from the guideline, with its rule and source. */
export interface Deviation {
  code: string;
  text: string;
  rule: string;
  source: string;
}

/** The antibiotic assessment as the server sends it (the fields the card shows). */
export interface AntibioticAssessment {
  condition: { id: string; label: string; ruleId: string; evidence: string[] };
  recommendation: Recommendation;
  plan: { kind: string; text: string; evidence: string[] };
  planAssessment: 'concordant' | 'deviation' | 'not-applicable';
  deviations: Deviation[];
  missing: string[];
  notes: string[];
  findings: Array<{ label: string; value: string; evidence: string[] }>;
  patientAdvice: { expectedDuration: string; seekHelpIf: string[] };
  source: {
    guideline: string;
    section: string;
    guidelineVersion: string;
    sectionDate?: string;
    ruleVersion: string;
    verified: boolean;
    unverifiedParts: string[];
    citation: string;
  };
  caution?: string;
}

/** One recorded decision on the recommendation. */
export interface Decision {
  id: string;
  consultationId: string;
  noteId?: string;
  action: 'accepted' | 'declined';
  reason?: string;
  rule: string;
  recommendationKind: string;
  deviationCodes: string[];
  decidedBy: string;
  decidedAt: string;
}

/** GET /api/consultations/:id/decision-support. */
export interface ConsultationDecisionSupport {
  consultationId: string;
  setting: ConsultationSetting | null;
  codes: CodeSuggestion[];
  codeList: { system: 'ICPC-2'; version: string; source: string };
  decisionSupport: { antibiotics: AntibioticAssessment | null };
  planSection: { id: string; title: string } | null;
  suggestedPlanStatement: { text: string; evidence: string[] } | null;
  chosenCodes: {
    codes: NonNullable<NoteRecord['codes']>;
    listVersion: string;
    chosenBy: string;
    chosenAt: string;
  } | null;
  decisions: Decision[];
  decision: Decision | null;
}

/** Figures for one month of the mirror. */
export interface MonthFigures {
  month: string;
  approvedNotes: number;
  respiratoryInfections: number;
  withAntibiotic: number;
  penicillinV: number;
  assessed: number;
  deviations: number;
}

/** The mirror's figures for a doctor or the practice. */
export interface PrescribingFigures {
  approvedNotes: number;
  respiratoryInfections: number;
  withAntibiotic: number;
  delayedPrescriptions: number;
  penicillinV: number;
  antibioticShare: number | null;
  penicillinVShare: number | null;
  assessed: number;
  deviations: number;
  deviationShare: number | null;
  codedByDoctor: number;
  months: MonthFigures[];
}

/** GET /api/statistics/prescribing. */
export interface PrescribingMirror {
  from: string;
  to: string;
  months: string[];
  generatedAt: string;
  definition: {
    respiratoryInfectionCodes: Array<{ code: string; title: string }>;
    respiratoryInfection: string;
    penicillinV: { substance: string; atc: string };
    ruleSetVersion: string;
    codeListVersion: string;
    method: string;
  };
  practice: PrescribingFigures;
  doctors: Array<{ doctor: string } & PrescribingFigures>;
}

const encode = encodeURIComponent;

/** Reads the decision support of a consultation: recommendation, plan assessment, advice and ICPC-2 codes. */
export function getDecisionSupport(consultationId: string): Promise<ConsultationDecisionSupport> {
  return requestJson(`/api/consultations/${encode(consultationId)}/decision-support`);
}

/** Records that the doctor took the recommendation into the plan, or why not. */
export function recordDecision(
  consultationId: string,
  input: { action: 'accepted' | 'declined'; reason?: string; by: string },
): Promise<Decision> {
  return postJson(`/api/consultations/${encode(consultationId)}/decision-support/decisions`, input);
}

/** Stores the chosen ICPC-2 codes on a draft note (the note's version must be current). */
export function chooseCodes(
  noteId: string,
  input: { version: number; codes: Array<{ code: string; evidence?: string[] }>; by?: string },
): Promise<NoteRecord> {
  return postJson(`/api/notes/${encode(noteId)}/codes`, input, 'PUT');
}

/** Reads the prescribing mirror for a period of calendar days (inclusive); the server's default without. */
export function getPrescribingMirror(
  period: { from?: string; to?: string } = {},
): Promise<PrescribingMirror> {
  const query = new URLSearchParams();
  if (period.from !== undefined && period.from !== '') query.set('from', period.from);
  if (period.to !== undefined && period.to !== '') query.set('to', period.to);
  const search = query.toString();
  const suffix = search === '' ? '' : `?${search}`;
  return requestJson(`/api/statistics/prescribing${suffix}`);
}
