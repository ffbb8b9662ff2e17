/**
 * Benchmark of the built-in note engine (`draftNote`). Prints one table:
 * ROUGE-1/2/L, key-fact recall, critical key-fact recall and median length ratio from the official
 * scorer (shared/tools/score.mjs), latency per consultation (p50/p95) and how the time grows for a
 * transcript made ten times longer.
 *
 *   npm run bench:notes                      # nb-dev clean + ASR, ACI-BENCH valid (en, aci)
 *   npm run bench:notes -- --only nb         # one dataset group: nb | en
 *   npm run bench:notes -- --show nb-dev-01  # print the note and the missed key facts of one case
 *   npm run bench:notes -- --misses          # list missed key facts of every Norwegian case
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Language, Transcript } from '@kollega/domain';
import { draftNote } from '@kollega/clinical';
import type { DatasetRow } from './lib/datasets';
import { readJsonl, settingOf, sharedDir, toTranscript } from './lib/datasets';
import { isKeyFactCovered } from '@kollega/eval';

interface BenchSpec {
  name: string;
  file: string;
  language: Language;
  template: string;
  tokenizer: 'unicode' | 'ascii';
}

interface ScoreResult {
  n: number;
  rouge1: string;
  rouge2: string;
  rougeL: string;
  fact_recall: string;
  critical_fact_recall: string;
  length_ratio_median: string;
}

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const option = (name: string): string | undefined => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};

const shared = sharedDir();
const scorer = path.join(shared, 'tools', 'score.mjs');
const specs: BenchSpec[] = [
  {
    name: 'nb-dev',
    file: path.join(shared, 'data/nb-dev/consultations.jsonl'),
    language: 'nb',
    template: 'fastlege',
    tokenizer: 'unicode',
  },
  {
    name: 'nb-dev ASR',
    file: path.join(shared, 'data/nb-dev/consultations-asr.jsonl'),
    language: 'nb',
    template: 'fastlege',
    tokenizer: 'unicode',
  },
  {
    name: 'ACI valid (en, aci)',
    file: path.join(shared, 'data/en-dev/aci-bench/valid.jsonl'),
    language: 'en',
    template: option('template') ?? 'aci',
    tokenizer: 'ascii',
  },
];

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

/** CPU milliseconds of this process (user + system): steadier than wall time on a shared machine. */
function cpuMilliseconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function timeDraft(transcript: Transcript, spec: BenchSpec, repeats: number): number {
  const times: number[] = [];
  for (let run = 0; run < repeats; run += 1) {
    const start = cpuMilliseconds();
    draftNote(transcript, { language: spec.language, template: spec.template });
    times.push(cpuMilliseconds() - start);
  }
  return percentile(times, 0.5);
}

/** A transcript made `factor` times longer by repeating its turns (new segment ids). */
function lengthen(transcript: Transcript, factor: number): Transcript {
  const segments = [];
  for (let copy = 0; copy < factor; copy += 1) {
    for (const segment of transcript.segments) segments.push({ ...segment, id: `${segment.id}-${copy + 1}` });
  }
  return { segments };
}

function runSpec(spec: BenchSpec): Record<string, string> {
  const rows = readJsonl<DatasetRow>(spec.file);
  const showId = option('show');
  const predictions: Array<{ id: string; text: string }> = [];
  const latencies: number[] = [];
  const cpuLatencies: number[] = [];
  // warm-up passes: lexicon indexes are built and regular expressions compiled and optimised on first use
  // (steady state is what a running server sees); sentence memos are per note, so the timed pass gains nothing
  // from having seen the same text
  for (let pass = 0; pass < 3; pass += 1) {
    for (const row of rows)
      draftNote(toTranscript(row), { language: spec.language, template: spec.template });
  }
  for (const row of rows) {
    const transcript = toTranscript(row);
    const setting = settingOf(row);
    const start = performance.now();
    const cpuStart = cpuMilliseconds();
    const drafted = draftNote(transcript, {
      language: spec.language,
      template: spec.template,
      ...(setting ? { setting } : {}),
    });
    cpuLatencies.push(cpuMilliseconds() - cpuStart);
    latencies.push(performance.now() - start);
    predictions.push({ id: row.id, text: drafted.value.text });
    if (flag('cases') && row.key_facts) {
      const hits = row.key_facts.filter((fact) => isKeyFactCovered(fact.fact, drafted.value.text)).length;
      console.log(
        `CASE ${row.id} ${hits}/${row.key_facts.length} words=${drafted.value.text.split(/\s+/).length}`,
      );
    }
    const wanted = showId !== undefined && (row.id === showId || row.id === `${showId}-asr`);
    if (wanted || (flag('misses') && spec.language === 'nb')) {
      const missed = (row.key_facts ?? []).filter((fact) => !isKeyFactCovered(fact.fact, drafted.value.text));
      if (wanted) console.log(`\n=== ${row.id}\n${drafted.value.text}\n`);
      for (const fact of missed)
        console.log(`  MISS ${row.id} ${fact.critical ? '*' : ' '} [${fact.section}] ${fact.fact}`);
    }
  }
  const predictionFile = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'kollega-bench-')),
    'predictions.jsonl',
  );
  fs.writeFileSync(
    predictionFile,
    predictions.map((prediction) => JSON.stringify(prediction)).join('\n') + '\n',
  );
  const output = execFileSync(
    process.execPath,
    [scorer, 'notes', '--dataset', spec.file, '--pred', predictionFile, '--tokenizer', spec.tokenizer],
    { encoding: 'utf8' },
  );
  const score = JSON.parse(output.trim().split('\n').pop() ?? '{}') as ScoreResult;
  if (flag('keep')) console.log(`predictions: ${predictionFile}`);
  // growth: a median-length transcript against itself ten times longer
  const byLength = [...rows].sort((left, right) => left.transcript.length - right.transcript.length);
  const median = byLength[Math.floor(byLength.length / 2)];
  let growth = Number.NaN;
  if (median) {
    const base = toTranscript(median);
    const baseTime = timeDraft(base, spec, 21);
    const longTime = timeDraft(lengthen(base, 10), spec, 7);
    growth = longTime / baseTime;
  }
  return {
    dataset: spec.name,
    n: String(score.n),
    'ROUGE-1': score.rouge1,
    'ROUGE-2': score.rouge2,
    'ROUGE-L': score.rougeL,
    'key facts': score.fact_recall,
    critical: score.critical_fact_recall,
    'len ratio': score.length_ratio_median,
    'p50 ms': percentile(latencies, 0.5).toFixed(1),
    'p95 ms': percentile(latencies, 0.95).toFixed(1),
    'p50 cpu ms': percentile(cpuLatencies, 0.5).toFixed(1),
    '10x time (cpu)': `${growth.toFixed(1)}x`,
  };
}

function printTable(rows: Array<Record<string, string>>): void {
  const columns = Object.keys(rows[0] ?? {});
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join(' | ')} |`;
  console.log(line(columns));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(columns.map((column) => row[column] ?? '')));
}

const only = option('only');
const chosen = specs.filter(
  (spec) =>
    !only ||
    (only === 'nb' ? spec.language === 'nb' : only === 'en' ? spec.language === 'en' : spec.name === only),
);
printTable(chosen.map(runSpec));
