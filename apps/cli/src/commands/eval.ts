import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Command } from 'commander';
import type { ModelRegistry } from '@kollega/ai';
import { createTokenCountingDrafter } from '@kollega/ai';
import type { Language } from '@kollega/domain';
import { AppError, LANGUAGES } from '@kollega/domain';
import type { DraftWithModel, Engine, EvaluationProgress, TokenizerName, TokenPrices } from '@kollega/eval';
import {
  BUILTIN_ENGINE_ID,
  TOKENIZER_NAMES,
  createBuiltinEngine,
  createModelEngine,
  formatSummaryTable,
  readDatasetFile,
  runEvaluation,
} from '@kollega/eval';
import { createCliModelRegistry, requireModelProvider } from '../models/cli-model-config';

/** Options of `kollega eval` as commander parses them. */
interface EvalCommandOptions {
  dataset: string;
  model?: string[];
  out?: string;
  limit?: string;
  lang?: string;
  template?: string;
  baseUrl?: string;
  prices?: string;
  tokenizer: string;
}

/**
 * The drafting function of a `provider:model` engine: @kollega/ai's note pipeline (`draftNoteWithModel`: chunking,
 * structured output, one repair, fallback to the built-in engine with `llm_fallback`) on a model from the
 * registry (de-identification for non-local providers, timeouts and retries). A counting middleware adds up
 * the tokens of every call the pipeline makes for one case (repairs and chunks included).
 */
function createModelDraftFunction(modelId: string, registry: ModelRegistry): DraftWithModel {
  // Fails early on an unknown provider or the localOnly policy.
  return createTokenCountingDrafter(registry.textModel(modelId));
}

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1)
    throw new AppError('invalid_input', '--limit må være et positivt heltall', {
      details: { field: 'limit' },
    });
  return limit;
}

function parseLanguage(value: string | undefined): Language | undefined {
  if (value === undefined) return undefined;
  if (!(LANGUAGES as readonly string[]).includes(value))
    throw new AppError('invalid_input', '--lang må være nb eller en', { details: { field: 'lang' } });
  return value as Language;
}

function parseTokenizer(value: string): TokenizerName {
  if (!(TOKENIZER_NAMES as readonly string[]).includes(value))
    throw new AppError('invalid_input', '--tokenizer må være unicode eller ascii', {
      details: { field: 'tokenizer' },
    });
  return value as TokenizerName;
}

/** Reads `--prices FILE.json`: `{ "provider:model": { "inputPer1k": 0.15, "outputPer1k": 0.6 } }`. */
async function readPrices(path: string | undefined): Promise<Map<string, TokenPrices>> {
  const prices = new Map<string, TokenPrices>();
  if (path === undefined) return prices;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new AppError('invalid_input', 'Prisfilen kan ikke leses som JSON', {
      cause: error,
      details: { field: 'prices' },
    });
  }
  if (typeof parsed !== 'object' || parsed === null)
    throw new AppError('invalid_input', 'Prisfilen må være et JSON-objekt', { details: { field: 'prices' } });
  for (const [model, entry] of Object.entries(parsed)) {
    const { inputPer1k, outputPer1k } = (entry ?? {}) as Partial<TokenPrices>;
    if (
      typeof inputPer1k !== 'number' ||
      typeof outputPer1k !== 'number' ||
      inputPer1k < 0 ||
      outputPer1k < 0
    )
      throw new AppError(
        'invalid_input',
        `Prisfilen: ${model} trenger inputPer1k og outputPer1k (tall ≥ 0)`,
        {
          details: { field: 'prices' },
        },
      );
    prices.set(model, { inputPer1k, outputPer1k });
  }
  return prices;
}

function createEngines(
  modelIds: readonly string[],
  baseUrl: string | undefined,
  prices: ReadonlyMap<string, TokenPrices>,
): Engine[] {
  let registry: ModelRegistry | undefined;
  return [...new Set(modelIds)].map((modelId) => {
    if (modelId === BUILTIN_ENGINE_ID) return createBuiltinEngine();
    if (!/^[a-z0-9-]+:.+$/i.test(modelId))
      throw new AppError('invalid_input', `Ukjent motor: ${modelId} (bruk builtin eller leverandør:modell)`, {
        details: { field: 'model' },
      });
    // The model registry from the environment, with `--base-url` as the OpenAI-compatible URL.
    registry ??= createCliModelRegistry(baseUrl ? { baseUrl } : {});
    requireModelProvider(registry.config, modelId);
    const modelPrices = prices.get(modelId);
    return createModelEngine({
      id: modelId,
      draftWithModel: createModelDraftFunction(modelId, registry),
      ...(modelPrices ? { prices: modelPrices } : {}),
    });
  });
}

const formatClock = (milliseconds: number): string => {
  const seconds = Math.round(milliseconds / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

const formatLatency = (milliseconds: number): string =>
  milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(1)} s`;

/** One progress line on stderr; ids and figures only, never note or transcript text. */
function describeProgress(progress: EvaluationProgress): string | undefined {
  switch (progress.kind) {
    case 'start':
      return progress.alreadyFinished > 0
        ? `Fortsetter: ${progress.alreadyFinished} ferdige tilfeller hoppes over, ${progress.total} gjenstår`
        : `Starter: ${progress.total} tilfeller`;
    case 'case':
      return `[${progress.position}/${progress.total}] ${progress.engine} ${progress.caseId} ${
        progress.status === 'failed' ? `FEILET (${progress.errorCode ?? 'ukjent'})` : 'ok'
      } ${formatLatency(progress.latencyMs)} · ETA ${formatClock(progress.etaMs)}`;
    case 'engine-stopped':
      return `${progress.engine} feilet ${progress.consecutiveFailures} ganger på rad og stoppes (${progress.skippedCases} tilfeller hoppes over)`;
    case 'end':
      return progress.interrupted ? 'Avbrutt: resultatene så langt er lagret' : undefined;
  }
}

/** `kollega eval --dataset FILE.jsonl [--model ID …]`: scores every chosen engine on a dataset. */
export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('Mål hvor godt motorene skriver notater på egne data (ROUGE, nøkkelfakta, verifikator)')
    .requiredOption('--dataset <file>', 'datasett i JSONL (nb-dev-, ACI-BENCH- eller MTS-Dialog-format)')
    .option(
      '--model <id...>',
      'motorer: builtin og/eller leverandør:modell, f.eks. openai-compatible:llama3.1',
    )
    .option('--out <dir>', 'utdatamappe (standard: eval-results/<datasett>[-mal][-språk])')
    .option('--limit <n>', 'bare de første N tilfellene')
    .option('--lang <nb|en>', 'tving språk (ellers oppdages det per tilfelle)')
    .option('--template <id>', 'notatmal: fastlege, soap, aci')
    .option(
      '--base-url <url>',
      'OpenAI-kompatibelt API for openai-compatible:… (ellers KOLLEGA_OPENAI_BASE_URL)',
    )
    .option('--prices <file>', 'JSON med priser per 1000 tokens per modell')
    .option('--tokenizer <name>', 'tokenisering for ROUGE og nøkkelfakta: unicode eller ascii', 'unicode')
    .action(async (options: EvalCommandOptions) => {
      const language = parseLanguage(options.lang);
      const limit = parseLimit(options.limit);
      const tokenizer = parseTokenizer(options.tokenizer);
      const engines = createEngines(
        options.model ?? [BUILTIN_ENGINE_ID],
        options.baseUrl,
        await readPrices(options.prices),
      );
      const dataset = await readDatasetFile(options.dataset, {
        ...(language ? { language } : {}),
        ...(limit ? { limit } : {}),
      });
      const outDir =
        options.out ??
        join(
          'eval-results',
          [basename(options.dataset, extname(options.dataset)), options.template, language]
            .filter(Boolean)
            .join('-'),
        );

      const controller = new AbortController();
      let interrupts = 0;
      const onInterrupt = (): void => {
        interrupts++;
        if (interrupts > 1) {
          process.stderr.write('\nAvslutter straks; ferdige tilfeller er lagret i results.jsonl\n');
          process.exit(130);
        }
        process.stderr.write(
          '\nAvbryter etter tilfellet som kjører nå (Ctrl-C igjen for å avslutte straks) …\n',
        );
        controller.abort();
      };
      process.on('SIGINT', onInterrupt);
      try {
        const run = await runEvaluation({
          dataset,
          engines,
          outDir,
          ...(options.template ? { template: options.template } : {}),
          languageChoice: language ?? 'auto',
          tokenizer,
          signal: controller.signal,
          onProgress: (progress) => {
            const line = describeProgress(progress);
            if (line) process.stderr.write(`${line}\n`);
          },
        });
        process.stdout.write(
          `${formatSummaryTable(run.summary)}\n\nResultater: ${run.paths.results}\nSammendrag: ${run.paths.summary}\nRapport: ${run.paths.report}\n`,
        );
        if (run.interrupted) process.exitCode = 130;
      } finally {
        process.off('SIGINT', onInterrupt);
      }
    });
}
