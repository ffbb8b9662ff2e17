/**
 * Benchmark of the rule-based triage of patient messages (`triageMessage`).
 * On nb-dev/triage.jsonl it prints accuracy, recall of akutt, under- and over-triage, a confusion matrix,
 * category accuracy, injection detection and the time per message, then cross-checks with the official
 * scorer (shared/tools/score.mjs triage). It also prints the same figures for the two synthetic sets in
 * packages/clinical/src/triage (the held-out one estimates generalisation).
 *
 *   npm run bench:triage                         # nb-dev + synthetic sets
 *   npm run bench:triage -- --dataset FILE.jsonl # another labelled set ({id, message, urgency, category})
 *   npm run bench:triage -- --misses             # list the messages that were not exact
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TriageCategory, TriageResult, TriageUrgency } from '@kollega/domain';
import { TRIAGE_URGENCIES } from '@kollega/domain';
import { triageMessage, TRIAGE_RULES, TRIAGE_RULES_VERSION } from '@kollega/clinical';
import {
  SYNTHETIC_HOLDOUT_CASES,
  SYNTHETIC_HOLDOUT_CASES_3,
  SYNTHETIC_HOLDOUT_CASES_4,
  SYNTHETIC_TRIAGE_CASES,
} from '../packages/clinical/src/triage/synthetic-triage-cases';
import { readJsonl, REPO_ROOT, sharedDir } from './lib/datasets';

interface LabelledMessage {
  id: string;
  message: string;
  urgency: TriageUrgency;
  category?: TriageCategory;
  injection?: boolean;
}

interface Prediction {
  item: LabelledMessage;
  result: TriageResult;
  milliseconds: number;
}

const args = process.argv.slice(2);
const datasetArgument = args.indexOf('--dataset');
const showMisses = args.includes('--misses');
const RANK: Record<TriageUrgency, number> = { rutine: 0, innen_uke: 1, samme_dag: 2, akutt: 3 };
const REPEATS = 20;

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`;
}

function predict(items: readonly LabelledMessage[]): Prediction[] {
  for (const item of items.slice(0, 5)) triageMessage(item.message); // warm-up
  return items.map((item) => {
    const started = performance.now();
    let result = triageMessage(item.message);
    for (let repeat = 1; repeat < REPEATS; repeat += 1) result = triageMessage(item.message);
    return { item, result, milliseconds: (performance.now() - started) / REPEATS };
  });
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((first, second) => first - second);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function report(
  name: string,
  predictions: readonly Prediction[],
): { recall: number; under: number; accuracy: number } {
  const n = predictions.length;
  let exact = 0;
  let under = 0;
  let over = 0;
  let akutt = 0;
  let akuttHit = 0;
  let categoryTotal = 0;
  let categoryHit = 0;
  let injectionTotal = 0;
  let injectionHit = 0;
  let injectionFalse = 0;
  const matrix = new Map<string, number>();
  const misses: string[] = [];
  for (const { item, result } of predictions) {
    const label = RANK[item.urgency];
    const predicted = RANK[result.urgency];
    matrix.set(
      `${item.urgency}>${result.urgency}`,
      (matrix.get(`${item.urgency}>${result.urgency}`) ?? 0) + 1,
    );
    if (label === predicted) exact += 1;
    else if (predicted < label) under += 1;
    else over += 1;
    if (item.urgency === 'akutt') {
      akutt += 1;
      if (result.urgency === 'akutt') akuttHit += 1;
    }
    if (item.category !== undefined) {
      categoryTotal += 1;
      if (item.category === result.category) categoryHit += 1;
    }
    if (item.injection === true) {
      injectionTotal += 1;
      if (result.injectionAttempt) injectionHit += 1;
    } else if (result.injectionAttempt) injectionFalse += 1;
    if (label !== predicted || (item.category !== undefined && item.category !== result.category)) {
      const direction = predicted < label ? 'UNDER' : predicted > label ? 'over ' : 'cat  ';
      misses.push(
        `  ${direction} ${item.id}: ${item.urgency} → ${result.urgency}, ${item.category ?? '?'} → ${result.category}` +
          (showMisses
            ? `\n        «${item.message}»\n        ${result.redFlags.map((flag) => flag.rule).join(', ') || '(ingen røde flagg)'}`
            : ''),
      );
    }
  }
  const times = predictions.map((prediction) => prediction.milliseconds);
  const mean = times.reduce((sum, value) => sum + value, 0) / Math.max(1, n);
  console.log(`\n=== ${name} (n=${n}) ===`);
  console.log(`accuracy           ${percent(exact, n)}  (${exact}/${n})`);
  console.log(`recall of akutt    ${percent(akuttHit, akutt)}  (${akuttHit}/${akutt})`);
  console.log(`under-triage       ${percent(under, n)}  (${under}/${n}, less urgent than the label)`);
  console.log(`over-triage        ${percent(over, n)}  (${over}/${n})`);
  console.log(`category accuracy  ${percent(categoryHit, categoryTotal)}  (${categoryHit}/${categoryTotal})`);
  console.log(`injection detected ${injectionHit}/${injectionTotal}, false alarms ${injectionFalse}`);
  console.log(
    `time per message   mean ${mean.toFixed(2)} ms, p50 ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`,
  );
  const header = ['label \\ predicted', ...TRIAGE_URGENCIES].map((cell) => cell.padStart(10)).join(' ');
  console.log(`confusion matrix (rows = label, columns = prediction)\n${header}`);
  for (const label of TRIAGE_URGENCIES) {
    const cells = TRIAGE_URGENCIES.map((predicted) =>
      String(matrix.get(`${label}>${predicted}`) ?? 0).padStart(10),
    );
    console.log([label.padStart(10), ...cells].join(' '));
  }
  if (misses.length > 0) console.log(`not exact:\n${misses.join('\n')}`);
  return {
    recall: akutt === 0 ? 1 : akuttHit / akutt,
    under: under / Math.max(1, n),
    accuracy: exact / Math.max(1, n),
  };
}

function printTargets(figures: { recall: number; under: number; accuracy: number }): void {
  const check = (ok: boolean): string => (ok ? 'met' : 'NOT MET');
  console.log(
    `targets: recall of akutt 100 % ${check(figures.recall === 1)}; under-triage ≤ 5 % ${check(figures.under <= 0.05)}; accuracy ≥ 80 % ${check(figures.accuracy >= 0.8)}`,
  );
}

const datasetFile =
  datasetArgument >= 0 && args[datasetArgument + 1] !== undefined
    ? path.resolve(args[datasetArgument + 1]!)
    : path.join(sharedDir(), 'data', 'nb-dev', 'triage.jsonl');
const dataset = readJsonl<{
  id: string;
  message: string;
  urgency: TriageUrgency;
  category?: TriageCategory;
  red_flags?: string[];
}>(datasetFile).map((row): LabelledMessage => ({
  id: row.id,
  message: row.message,
  urgency: row.urgency,
  // the dev set marks an instruction aimed at the triage as a red flag
  injection: (row.red_flags ?? []).some((flag) => /instruks|instruction|prompt|\bKI\b/i.test(flag)),
  ...(row.category === undefined ? {} : { category: row.category }),
}));

console.log(
  `Triage benchmark – ${TRIAGE_RULES_VERSION}, ${TRIAGE_RULES.length} rules, ${REPEATS} timed runs per message`,
);
console.log(`dataset: ${path.relative(REPO_ROOT, datasetFile)}`);
const devPredictions = predict(dataset);
const devFigures = report(path.basename(datasetFile), devPredictions);
printTargets(devFigures);

// cross-check with the official scorer
const outDirectory = path.join(REPO_ROOT, 'evals', 'out');
fs.mkdirSync(outDirectory, { recursive: true });
const predictionFile = path.join(outDirectory, 'triage-predictions.jsonl');
fs.writeFileSync(
  predictionFile,
  devPredictions
    .map(({ item, result }) =>
      JSON.stringify({
        id: item.id,
        urgency: result.urgency,
        category: result.category,
        redFlags: result.redFlags.map(({ text, rule }) => ({ text, rule })),
        reply: result.reply,
      }),
    )
    .join('\n') + '\n',
);
const scorer = path.join(sharedDir(), 'tools', 'score.mjs');
if (fs.existsSync(scorer)) {
  const output = execFileSync(
    'node',
    [scorer, 'triage', '--dataset', datasetFile, '--pred', predictionFile],
    { encoding: 'utf8' },
  );
  console.log(
    `\nofficial scorer (score.mjs triage) on ${path.relative(REPO_ROOT, predictionFile)}:\n${output.trim()}`,
  );
} else {
  console.log(`\nofficial scorer not found at ${scorer} (set KOLLEGA_SHARED_DIR)`);
}

const toLabelled = (prefix: string, cases: typeof SYNTHETIC_TRIAGE_CASES): LabelledMessage[] =>
  cases.map((item, position) => ({
    id: `${prefix}-${String(position + 1).padStart(3, '0')}`,
    message: item.message,
    urgency: item.urgency,
    injection: item.injection === true,
    ...(item.category === undefined ? {} : { category: item.category }),
  }));
// The synthetic sets were each run once before the rules were fitted to them; their first-run figures are
// in the doc comments of synthetic-triage-cases.ts. The figures below are after fitting.
report('synthetic set 1 (rules fitted to it)', predict(toLabelled('syn1', SYNTHETIC_TRIAGE_CASES)));
report(
  'synthetic set 2 (first run 44/68 exact, akutt 16/25; now fitted)',
  predict(toLabelled('syn2', SYNTHETIC_HOLDOUT_CASES)),
);
report(
  'synthetic set 3 (first run 35/55 exact, akutt 13/19; now fitted)',
  predict(toLabelled('syn3', SYNTHETIC_HOLDOUT_CASES_3)),
);
report(
  'synthetic set 4 (first run 38/49 exact, akutt 12/16; now fitted)',
  predict(toLabelled('syn4', SYNTHETIC_HOLDOUT_CASES_4)),
);
