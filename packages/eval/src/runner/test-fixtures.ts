import type { EvaluationDataset } from '../datasets/read-dataset';
import { parseDataset } from '../datasets/read-dataset';
import type { Engine } from '../engines/engine';

/** A synthetic Norwegian dataset of `count` cases (ids `syn-1` …) for runner and report tests. */
export function createSyntheticDataset(count: number, options: { limit?: number } = {}): EvaluationDataset {
  const rows = Array.from({ length: count }, (_, index) => ({
    id: `syn-${index + 1}`,
    setting: 'kontor',
    transcript: [
      { speaker: 'lege', text: 'Hva kan jeg hjelpe deg med i dag?' },
      { speaker: 'pasient', text: `Jeg har hatt hoste i ${index + 2} dager og ikke feber.` },
    ],
    reference_note: { aktuelt: `Hoste i ${index + 2} d. Ingen feber.`, tiltak: 'Kontroll ved behov.' },
    key_facts: [
      { fact: `Hoste i ${index + 2} dager`, section: 'aktuelt', critical: false },
      { fact: 'Ingen feber', section: 'aktuelt', critical: true },
    ],
  }));
  return parseDataset(rows.map((row) => JSON.stringify(row)).join('\n'), {
    name: 'synthetic.jsonl',
    ...(options.limit ? { limit: options.limit } : {}),
  });
}

/** An engine test double that records the case ids it was asked for and answers from `answer`. */
export function createRecordingEngine(
  id: string,
  answer: (caseId: string, callNumber: number) => Promise<string> | string,
): Engine & { calls: string[] } {
  const calls: string[] = [];
  return {
    id,
    calls,
    async draft(evaluationCase) {
      calls.push(evaluationCase.id);
      const text = await answer(evaluationCase.id, calls.length);
      return { text, tokensIn: 100, tokensOut: 20, costEstimate: 0.5, warnings: [] };
    },
  };
}
