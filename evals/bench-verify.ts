/**
 * Verifier benchmark (`npm run bench:verify`): injects realistic errors into reference notes and measures how
 * many the verifier catches (perturbed statement labelled unsupported or contradicted), per error category,
 * and how many statements of the untouched reference notes it flags. Datasets: nb-dev consultations
 * (reference notes in four sections) and ACI-BENCH valid (English clinic notes); both without evidence ids.
 * Options: --seed N (default 7), --seeds A-B or A,B,C (several seeds pooled, with each category's lowest seed: the
 * figure to trust, since rules written against the misses of one seed fit that seed's draw), --per N perturbations
 * per category and note (default 4), --misses (print them),
 * --flags (print flagged statements of untouched notes), --dataset nb|en|nb-asr|en-train, --extra (also the nb-dev
 * speech-recognition variant and the ACI-BENCH train split, which the verifier was not tuned on).
 */
import { existsSync } from 'node:fs';
import { verifyNote } from '@kollega/clinical';
import type { BenchCase } from './perturb/datasets';
import { loadAciCases, loadNorwegianAsrCases, loadNorwegianCases } from './perturb/datasets';
import type { Perturbation, PerturbationCategory } from './perturb/generate-perturbations';
import { PERTURBATION_CATEGORIES, generatePerturbations } from './perturb/generate-perturbations';
import { createRandom } from './perturb/random';

const DATA = '/work/shared/data';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

/** The seeds to draw perturbations with: "--seeds 1-10", "--seeds 1,7,11", or the one "--seed N". */
function seedList(): number[] {
  const spec = option('seeds', '');
  if (spec === '') return [Number(option('seed', '7'))];
  const range = /^(\d+)-(\d+)$/.exec(spec);
  const seeds = range
    ? Array.from(
        { length: Number(range[2]) - Number(range[1]) + 1 },
        (_, offset) => Number(range[1]) + offset,
      )
    : spec.split(',').map(Number);
  if (seeds.length === 0 || seeds.some((value) => !Number.isInteger(value)))
    throw new Error(`--seeds takes a range "1-10" or a list "1,7,11", not "${spec}"`);
  return seeds;
}
const seeds = seedList();
const perCategory = Number(option('per', '4'));
const showMisses = process.argv.includes('--misses');
const showFlags = process.argv.includes('--flags');
/** KOLLEGA_VERIFIER_TRACE=1: each flag's reason names the check that raised it. */
const trace = process.env.KOLLEGA_VERIFIER_TRACE === '1';
const onlyDataset = option('dataset', 'all');

interface Tally {
  total: number;
  detected: number;
}

interface DatasetResult {
  name: string;
  notes: number;
  statements: number;
  flagged: number;
  /** Per seed, per category. */
  tallies: Map<number, Map<PerturbationCategory, Tally>>;
  seconds: number;
}

function isFlag(support: string): boolean {
  return support === 'unsupported' || support === 'contradicted';
}

function runDataset(name: string, cases: readonly BenchCase[]): DatasetResult {
  const started = Date.now();
  const tallies = new Map(
    seeds.map((seed) => [
      seed,
      new Map<PerturbationCategory, Tally>(
        PERTURBATION_CATEGORIES.map((category) => [category, { total: 0, detected: 0 }]),
      ),
    ]),
  );
  let statements = 0;
  let flagged = 0;
  cases.forEach((benchCase, caseNumber) => {
    const untouched = verifyNote(benchCase.transcript, benchCase.note, { trace });
    const eligible = new Set<string>();
    for (const check of untouched.statements) {
      statements += 1;
      if (isFlag(check.support)) {
        flagged += 1;
        if (showFlags)
          console.log(
            `  flag ${benchCase.id} [${check.support}] ${check.text}\n       ${check.reasons.join(' | ')}`,
          );
      } else eligible.add(check.statementId);
    }
    for (const seed of seeds) {
      const random = createRandom(seed * 1000 + caseNumber);
      const perturbations: Perturbation[] = generatePerturbations({
        language: benchCase.language,
        transcript: benchCase.transcript,
        note: benchCase.note,
        eligible,
        random,
        perCategory,
      });
      for (const perturbation of perturbations) {
        const report = verifyNote(benchCase.transcript, perturbation.note, { trace });
        const check = report.statements.find(
          (statement) => statement.statementId === perturbation.statementId,
        );
        const detected = check !== undefined && isFlag(check.support);
        const tally = tallies.get(seed)?.get(perturbation.category);
        if (tally) {
          tally.total += 1;
          if (detected) tally.detected += 1;
        }
        if (showMisses && !detected) {
          console.log(
            `  miss ${benchCase.id} ${perturbation.category}${seeds.length > 1 ? ` (seed ${seed})` : ''}: ${perturbation.original ?? '(inserted)'}\n       -> ${perturbation.text}  [${check?.support ?? 'missing'}]`,
          );
        }
      }
    }
  });
  return { name, notes: cases.length, statements, flagged, tallies, seconds: (Date.now() - started) / 1000 };
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '   n/a' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`;
}

function printTable(result: DatasetResult): void {
  const pooled = seeds.length > 1;
  const drawn = pooled ? `seeds ${seeds.join(', ')} pooled` : `seed ${seeds[0]}`;
  console.log(
    `\n${result.name}: ${result.notes} notes, ${result.statements} statements, ${result.seconds.toFixed(1)} s (${drawn}, up to ${perCategory} per category and note)`,
  );
  console.log(`| category     |    n | detected | recall |${pooled ? ' lowest seed |' : ''}`);
  console.log(`|--------------|-----:|---------:|-------:|${pooled ? '------------:|' : ''}`);
  const sum = (category: PerturbationCategory | undefined): Tally & { lowest: number } => {
    let total = 0;
    let detected = 0;
    let lowest = Number.POSITIVE_INFINITY;
    for (const perSeed of result.tallies.values()) {
      const tallies = category ? [perSeed.get(category)] : [...perSeed.values()];
      const seedTotal = tallies.reduce((count, tally) => count + (tally?.total ?? 0), 0);
      const seedDetected = tallies.reduce((count, tally) => count + (tally?.detected ?? 0), 0);
      total += seedTotal;
      detected += seedDetected;
      if (seedTotal > 0) lowest = Math.min(lowest, seedDetected / seedTotal);
    }
    return { total, detected, lowest };
  };
  for (const category of [...PERTURBATION_CATEGORIES, undefined]) {
    const { total, detected, lowest } = sum(category);
    const lowestCell = Number.isFinite(lowest)
      ? `${(100 * lowest).toFixed(1).padStart(10)}% |`
      : '        n/a |';
    console.log(
      `| ${(category ?? 'all').padEnd(12)} | ${String(total).padStart(4)} | ${String(detected).padStart(8)} | ${percent(detected, total)} |${pooled ? ` ${lowestCell}` : ''}`,
    );
  }
  console.log(
    `False flags on untouched reference notes: ${result.flagged}/${result.statements} statements = ${percent(result.flagged, result.statements).trim()}`,
  );
}

const datasets: Array<{
  name: string;
  path: string;
  load: (path: string) => BenchCase[];
  key: string;
  extra?: boolean;
}> = [
  {
    key: 'nb',
    name: 'nb-dev (consultations.jsonl)',
    path: `${DATA}/nb-dev/consultations.jsonl`,
    load: loadNorwegianCases,
  },
  {
    key: 'en',
    name: 'ACI-BENCH valid (en-dev/aci-bench/valid.jsonl)',
    path: `${DATA}/en-dev/aci-bench/valid.jsonl`,
    load: loadAciCases,
  },
  {
    key: 'nb-asr',
    name: 'nb-dev ASR (consultations-asr.jsonl)',
    path: `${DATA}/nb-dev/consultations-asr.jsonl`,
    load: loadNorwegianAsrCases,
    extra: true,
  },
  {
    key: 'en-train',
    name: 'ACI-BENCH train, held out (en-dev/aci-bench/train.jsonl)',
    path: `${DATA}/en-dev/aci-bench/train.jsonl`,
    load: loadAciCases,
    extra: true,
  },
];
const includeExtra = process.argv.includes('--extra');

for (const dataset of datasets) {
  if (onlyDataset === 'all' ? dataset.extra === true && !includeExtra : onlyDataset !== dataset.key) continue;
  if (!existsSync(dataset.path)) {
    console.log(`${dataset.name}: not found at ${dataset.path}, skipped`);
    continue;
  }
  printTable(runDataset(dataset.name, dataset.load(dataset.path)));
}
