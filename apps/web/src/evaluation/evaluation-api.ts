import { postJson, requestJson } from '../api';

/** A dataset the server may evaluate (GET /api/evaluation/datasets). */
export interface EvaluationDataset {
  id: string;
  name: string;
  cases: number;
  bytes: number;
  format: 'nb-dev' | 'note';
  language?: string;
}

/** An engine an admin may tick (GET /api/evaluation/engines). */
export interface EvaluationEngine {
  id: string;
  kind: 'builtin' | 'model';
  purposes: string[];
  available: boolean;
  reason?: string;
}

/** A run's status. */
export type EvaluationRunStatus = 'running' | 'cancelling' | 'done' | 'cancelled' | 'interrupted' | 'failed';

/** One engine's summary figures; fractions 0–1, null where nothing could be measured. */
export interface EngineFigures {
  engine: string;
  cases: number;
  failed: number;
  missing: number;
  rouge1: number | null;
  rouge2: number | null;
  rougeL: number | null;
  rougeLsum: number | null;
  factRecall: number | null;
  criticalFactRecall: number | null;
  facts: number;
  criticalFacts: number;
  statements: number;
  unsupportedRate: number | null;
  contradictedRate: number | null;
  unverifiedRate: number | null;
  omissionsPerCase: number | null;
  criticalOmissionsPerCase: number | null;
  lengthRatioMedian: number | null;
  latencyMsMedian: number | null;
  latencyMsP95: number | null;
  tokensIn: number;
  tokensOut: number;
  cost: number;
  warningCounts: Record<string, number>;
}

/** A run with its progress and summary (GET /api/evaluation/runs/:id). */
export interface EvaluationRun {
  id: string;
  status: EvaluationRunStatus;
  dataset: { id: string; name: string; cases: number; totalCases: number };
  engines: string[];
  limit: number | null;
  template: string | null;
  language: 'nb' | 'en' | null;
  createdAt: string;
  finishedAt: string | null;
  progress: {
    done: number;
    total: number;
    engines: Array<{ engine: string; finished: number; failed: number; total: number; stopped: boolean }>;
  };
  summary: { createdAt: string; complete: boolean; engines: EngineFigures[] } | null;
  reportAvailable: boolean;
  resumable: boolean;
  error: { code: string; message: string } | null;
}

/** What POST /api/evaluation/runs takes. */
export interface StartEvaluationInput {
  dataset: string;
  engines: string[];
  limit?: number;
  template?: string;
  language?: 'nb' | 'en';
}

/** The datasets, and whether the server has a datasets folder at all. */
export function listEvaluationDatasets(): Promise<{ configured: boolean; datasets: EvaluationDataset[] }> {
  return requestJson('/api/evaluation/datasets');
}

/** The engines and note templates. */
export function listEvaluationEngines(): Promise<{
  engines: EvaluationEngine[];
  templates: Array<{ id: string; name: string }>;
}> {
  return requestJson('/api/evaluation/engines');
}

/** The runs, newest first. */
export async function listEvaluationRuns(): Promise<EvaluationRun[]> {
  return (await requestJson<{ runs: EvaluationRun[] }>('/api/evaluation/runs')).runs;
}

/** Starts a run in the background. */
export function startEvaluation(input: StartEvaluationInput): Promise<EvaluationRun> {
  return postJson('/api/evaluation/runs', input);
}

/** Stops a run after the case in progress. */
export function cancelEvaluation(id: string): Promise<EvaluationRun> {
  return postJson(`/api/evaluation/runs/${encodeURIComponent(id)}/cancel`, {});
}

/** Runs what is left of a run. */
export function resumeEvaluation(id: string): Promise<EvaluationRun> {
  return postJson(`/api/evaluation/runs/${encodeURIComponent(id)}/resume`, {});
}

/** The address of a run's HTML report. */
export function evaluationReportUrl(id: string): string {
  return `/api/evaluation/runs/${encodeURIComponent(id)}/report`;
}

/** True while the server is working on the run. */
export function isRunActive(run: EvaluationRun): boolean {
  return run.status === 'running' || run.status === 'cancelling';
}
