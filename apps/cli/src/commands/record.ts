import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Command } from 'commander';
import type { TextModel } from '@kollega/ai';
import { createModelRegistry, loadModelConfig } from '@kollega/ai';
import type { RecordAnswer, RecordDocument, RecordIndex, RecordSummaryItem } from '@kollega/clinical';
import {
  answerRecordQuestion,
  answerRecordQuestionWithModel,
  createRecordIndex,
  formatNorwegianDate,
  searchRecord,
  summarizeRecord,
} from '@kollega/clinical';
import { AppError, isAppError } from '@kollega/domain';
import { importRecordFile } from '@kollega/documents';

/**
 * `kollega record ask DIR "QUESTION"`, `kollega record summary DIR` and `kollega record search DIR "QUERY"`:
 * read a patient's record from the files in DIR (.txt/.md text, .pdf with a text layer, .json FHIR R4
 * bundles), and answer, summarize or search with citations (document name, page and passage). Answers come
 * from the built-in retrieval, or from the language model set up for `summary` (KOLLEGA_MODEL_SUMMARY),
 * checked by the verifier against the passages it cites.
 */

const RECORD_EXTENSIONS = new Set(['.txt', '.md', '.text', '.pdf', '.json']);
const OUTPUT_FORMATS = ['text', 'json'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

function parseFormat(value: string | undefined): OutputFormat {
  return (
    OUTPUT_FORMATS.find((format) => format === (value ?? 'text')) ??
    (() => {
      throw new AppError('invalid_input', 'Ugyldig --format (bruk text eller json)', {
        details: { field: 'format' },
      });
    })()
  );
}

/** Reads every record file in DIR (sorted by name); other files are skipped with a note on standard error. */
export async function readRecordDirectory(directory: string): Promise<RecordIndex> {
  let names: string[];
  try {
    if (!(await stat(directory)).isDirectory()) {
      throw new AppError('invalid_input', `${directory}: er ikke en mappe`, { details: { file: directory } });
    }
    names = (await readdir(directory)).sort((left, right) => left.localeCompare(right, 'nb'));
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('not_found', `${directory}: finnes ikke eller kan ikke leses`, {
      cause: error,
      details: { file: directory },
    });
  }
  const documents: RecordDocument[] = [];
  for (const name of names) {
    const path = join(directory, name);
    if (!(await stat(path)).isFile()) continue;
    if (!RECORD_EXTENSIONS.has(extname(name).toLowerCase())) {
      process.stderr.write(`kollega: hopper over ${name} (les .txt, .md, .pdf og .json)\n`);
      continue;
    }
    try {
      const imported = await importRecordFile({
        id: `d${documents.length + 1}`,
        name,
        bytes: await readFile(path),
      });
      for (const warning of imported.warnings) process.stderr.write(`kollega: ${name}: ${warning.message}\n`);
      documents.push(imported.value);
    } catch (error) {
      if (!isAppError(error)) throw error;
      throw new AppError(error.code, `${name}: ${error.message}`, { cause: error, details: error.details });
    }
  }
  if (documents.length === 0) {
    throw new AppError('not_found', `${directory}: fant ingen journaldokumenter (.txt, .md, .pdf, .json)`, {
      details: { file: directory },
    });
  }
  return createRecordIndex(documents);
}

/** The model set up for `summary`, if any (the environment's model configuration). */
function summaryModel(): TextModel | undefined {
  const registry = createModelRegistry(loadModelConfig(process.env));
  if (registry.resolve('summary') === undefined) return undefined;
  try {
    return registry.textModel('summary');
  } catch (error) {
    if (isAppError(error) && error.code === 'forbidden') return undefined;
    throw error;
  }
}

/** An answer as text: the answer, its method and warnings, then each source with the quoted words. */
export function formatRecordAnswer(answer: RecordAnswer): string {
  const lines = [`Svar: ${answer.answer}`];
  for (const citation of answer.citations) {
    lines.push(`${answer.found ? 'Kilde' : 'Nærmeste treff'}: ${citation.label}`, `  «${citation.quote}»`);
  }
  lines.push(
    answer.method === 'model'
      ? `(Skrevet av språkmodell og kontrollert mot kildene: ${answer.support ?? 'ukjent'})`
      : '(Hentet direkte fra journalen)',
  );
  for (const warning of answer.warnings) lines.push(`Merk: ${warning.message}`);
  return `${lines.join('\n')}\n`;
}

function formatItems(title: string, items: readonly RecordSummaryItem[], limit: number): string[] {
  if (items.length === 0) return [];
  return [
    `${title}:`,
    ...items.slice(0, limit).map((item) => {
      const extra = [item.detail, item.date === undefined ? undefined : formatNorwegianDate(item.date)]
        .filter(Boolean)
        .join(', ');
      return `  – ${item.text}${extra === '' ? '' : ` (${extra})`} [${item.citations.map((citation) => citation.label).join('; ')}]`;
    }),
    '',
  ];
}

/** Registers `kollega record` with `ask`, `summary` and `search`. */
export function registerRecordCommand(program: Command): void {
  const record = program
    .command('record')
    .description('Spør, oppsummer og søk i en pasientjournal (mappe med .txt, .pdf, .json)');

  record
    .command('ask <dir> <question>')
    .description('Svar på et spørsmål fra journalen, med kildehenvisning (dokument og avsnitt)')
    .option('--format <format>', 'text eller json', 'text')
    .option('--engine <engine>', 'auto (språkmodell når satt opp for summary) eller builtin', 'auto')
    .action(async (directory: string, question: string, options: { format?: string; engine?: string }) => {
      const format = parseFormat(options.format);
      if (options.engine !== 'auto' && options.engine !== 'builtin') {
        throw new AppError('invalid_input', 'Ugyldig --engine (bruk auto eller builtin)', {
          details: { field: 'engine' },
        });
      }
      if (question.trim().length < 3)
        throw new AppError('invalid_input', 'Spørsmålet er for kort', { details: { field: 'question' } });
      const index = await readRecordDirectory(directory);
      const model = options.engine === 'builtin' ? undefined : summaryModel();
      const answer =
        model === undefined
          ? answerRecordQuestion(index, question)
          : await answerRecordQuestionWithModel({
              index,
              question,
              generate: async (messages) =>
                (
                  await model.generateText({
                    messages,
                    temperature: 0,
                    maxOutputTokens: 800,
                    context: { purpose: 'summary', user: 'cli' },
                  })
                ).text,
            });
      process.stdout.write(
        format === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : formatRecordAnswer(answer),
      );
      if (!answer.found) process.exitCode = 1;
    });

  record
    .command('summary <dir>')
    .description('Sammendrag: problemer, legemidler, allergier, prøvesvar og tidslinje, med kilder')
    .option('--format <format>', 'text eller json', 'text')
    .action(async (directory: string, options: { format?: string }) => {
      const format = parseFormat(options.format);
      const summary = summarizeRecord(await readRecordDirectory(directory));
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        return;
      }
      const lines = [
        ...formatItems('Problemer', summary.problems, 30),
        ...formatItems('Legemidler', summary.medicines, 30),
        ...formatItems('Allergier', summary.allergies, 30),
        ...formatItems('Prøvesvar', summary.keyResults, 30),
        ...formatItems('Tidslinje (nyeste først)', summary.timeline, 15),
        `${summary.documentCount} dokumenter, ${summary.passageCount} avsnitt.`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  record
    .command('search <dir> <query>')
    .description('Søk i journalen (BM25)')
    .option('--limit <n>', 'antall treff', '10')
    .action(async (directory: string, query: string, options: { limit?: string }) => {
      const limit = Number(options.limit ?? '10');
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
        throw new AppError('invalid_input', '--limit må være et heltall fra 1 til 100', {
          details: { field: 'limit' },
        });
      }
      const hits = searchRecord(await readRecordDirectory(directory), query, { limit });
      const lines = hits.flatMap((hit) => [
        `${hit.citation.label}  (${hit.score.toFixed(2)})`,
        `  ${hit.passage.text.replace(/\n/g, ' ')}`,
      ]);
      process.stdout.write(`${lines.length === 0 ? 'Ingen treff.' : lines.join('\n')}\n`);
    });
}
