import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationDataset } from '../datasets/read-dataset';
import { parseDataset } from '../datasets/read-dataset';
import { createBuiltinEngine } from '../engines/builtin-engine';
import { scoreCase } from './score-case';
import { mean, quantile, ratio, sum } from './statistics';
import type { TokenizerName } from './tokenize';
import { selectTokenizer } from './tokenize';

// Runs the official scorer on the same predictions and checks that our figures agree with it.
// The shared folder is ../shared from the repository root, or KOLLEGA_SHARED_DIR.
const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const sharedDirectory = process.env.KOLLEGA_SHARED_DIR ?? resolve(repositoryRoot, '../shared');
const scorer = join(sharedDirectory, 'tools/score.mjs');
const norwegian = join(sharedDirectory, 'data/nb-dev/consultations.jsonl');
const aciBench = join(sharedDirectory, 'data/en-dev/aci-bench/valid.jsonl');
const available = [scorer, norwegian, aciBench].every((path) => existsSync(path));
const run = promisify(execFile);

interface ScorerOutput {
  n: number;
  rouge1: string;
  rouge2: string;
  rougeL: string;
  rougeLsum: string;
  fact_recall: string;
  critical_fact_recall: string;
  length_ratio_median: string;
}

interface Prediction {
  id: string;
  text: string;
}

let workDirectory: string;
beforeAll(async () => {
  workDirectory = await mkdtemp(join(tmpdir(), 'kollega-score-parity-'));
});
afterAll(async () => {
  await rm(workDirectory, { recursive: true, force: true });
});

async function runScorer(
  datasetPath: string,
  predictions: Prediction[],
  tokenizer: TokenizerName,
): Promise<ScorerOutput> {
  const predictionPath = join(workDirectory, `pred-${Math.random().toString(36).slice(2)}.jsonl`);
  await writeFile(predictionPath, predictions.map((prediction) => JSON.stringify(prediction)).join('\n'));
  const { stdout } = await run(process.execPath, [
    scorer,
    'notes',
    '--dataset',
    datasetPath,
    '--pred',
    predictionPath,
    '--tokenizer',
    tokenizer,
  ]);
  return JSON.parse(stdout) as ScorerOutput;
}

function scoreOurselves(dataset: EvaluationDataset, predictions: Prediction[], tokenizer: TokenizerName) {
  const metrics = dataset.cases.map((evaluationCase, index) =>
    scoreCase({
      prediction: predictions[index]?.text ?? '',
      reference: evaluationCase.referenceText,
      keyFacts: evaluationCase.keyFacts,
      tokenize: selectTokenizer(tokenizer),
    }),
  );
  const keyFacts = metrics.flatMap((metric) => (metric.keyFacts ? [metric.keyFacts] : []));
  const points = (value: number | null): number => 100 * (value ?? Number.NaN);
  return {
    rouge1: points(mean(metrics.map((metric) => metric.rouge1))),
    rouge2: points(mean(metrics.map((metric) => metric.rouge2))),
    rougeL: points(mean(metrics.map((metric) => metric.rougeL))),
    rougeLsum: points(mean(metrics.map((metric) => metric.rougeLsum))),
    factRecall: points(
      ratio(sum(keyFacts.map((facts) => facts.covered)), sum(keyFacts.map((facts) => facts.total))),
    ),
    criticalFactRecall: points(
      ratio(
        sum(keyFacts.map((facts) => facts.criticalCovered)),
        sum(keyFacts.map((facts) => facts.criticalTotal)),
      ),
    ),
    lengthRatioMedian: quantile(
      metrics.map((metric) => metric.lengthRatio),
      0.5,
    ),
  };
}

async function expectAgreement(
  datasetPath: string,
  predictionsOf: (dataset: EvaluationDataset) => Promise<Prediction[]>,
  tokenizer: TokenizerName,
) {
  const dataset = parseDataset(await readFile(datasetPath, 'utf8'));
  const predictions = await predictionsOf(dataset);
  const official = await runScorer(datasetPath, predictions, tokenizer);
  const ours = scoreOurselves(dataset, predictions, tokenizer);
  expect(official.n).toBe(dataset.cases.length);
  // ROUGE within 0.5 points (score.mjs prints two decimals)
  expect(Math.abs(ours.rouge1 - Number(official.rouge1))).toBeLessThanOrEqual(0.5);
  expect(Math.abs(ours.rouge2 - Number(official.rouge2))).toBeLessThanOrEqual(0.5);
  expect(Math.abs(ours.rougeL - Number(official.rougeL))).toBeLessThanOrEqual(0.5);
  expect(Math.abs(ours.rougeLsum - Number(official.rougeLsum))).toBeLessThanOrEqual(0.5);
  // key facts and length use the same lexical definition, so they agree to the printed precision
  if (official.fact_recall === 'n/a') expect(Number.isNaN(ours.factRecall)).toBe(true);
  else {
    expect(ours.factRecall.toFixed(2)).toBe(official.fact_recall);
    expect(ours.criticalFactRecall.toFixed(2)).toBe(official.critical_fact_recall);
  }
  expect(ours.lengthRatioMedian?.toFixed(2)).toBe(official.length_ratio_median);
}

const transcriptBaseline = (dataset: EvaluationDataset): Promise<Prediction[]> =>
  Promise.resolve(
    dataset.cases.map((evaluationCase) => ({
      id: evaluationCase.id,
      text: evaluationCase.transcript.segments.map((segment) => segment.text).join('\n'),
    })),
  );

const builtinNotes = async (dataset: EvaluationDataset, template?: string): Promise<Prediction[]> => {
  const engine = createBuiltinEngine();
  const predictions: Prediction[] = [];
  for (const evaluationCase of dataset.cases)
    predictions.push({
      id: evaluationCase.id,
      text: (await engine.draft(evaluationCase, template ? { template } : {})).text,
    });
  return predictions;
};

describe.skipIf(!available)('agreement with the official scorer (score.mjs)', () => {
  it('nb-dev, built-in engine notes, unicode tokenizer', async () => {
    await expectAgreement(norwegian, (dataset) => builtinNotes(dataset), 'unicode');
  });

  it('nb-dev, transcript as the note, unicode and ascii tokenizers', async () => {
    await expectAgreement(norwegian, transcriptBaseline, 'unicode');
    await expectAgreement(norwegian, transcriptBaseline, 'ascii');
  });

  it('ACI-BENCH validation, built-in engine notes with the aci template', async () => {
    await expectAgreement(aciBench, (dataset) => builtinNotes(dataset, 'aci'), 'unicode');
  });

  it('ACI-BENCH validation, transcript as the note', async () => {
    await expectAgreement(aciBench, transcriptBaseline, 'unicode');
  });
});
