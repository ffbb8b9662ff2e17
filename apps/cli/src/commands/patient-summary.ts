import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import type { Language } from '@kollega/domain';
import { AppError, LanguageSchema, isAppError } from '@kollega/domain';
import type { TranscriptInputFormat } from '@kollega/clinical';
import {
  TRANSCRIPT_INPUT_FORMATS,
  buildPatientSummary,
  detectInputFormat,
  draftNote,
  parseTranscriptInput,
  prepareTranscript,
  renderPatientSummaryText,
} from '@kollega/clinical';

/** One consultation's patient summary as `kollega patient-summary --format json` prints it. */
export interface PatientSummaryOutput {
  id: string;
  text: string;
  lix: number;
}

const OUTPUT_FORMATS = ['text', 'json'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

interface PatientSummaryCommandOptions {
  lang?: string;
  format?: string;
  inputFormat?: string;
}

function fail(message: string): never {
  throw new AppError('invalid_input', message);
}

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads FILE (or standard input for `-`); a missing or unreadable file is an `AppError` naming it. */
async function readInput(file: string): Promise<string> {
  if (file === '-') return readStandardInput();
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') throw new AppError('not_found', `${file}: finnes ikke`, { details: { file } });
    if (code === 'EISDIR')
      throw new AppError('invalid_input', `${file}: er en mappe, ikke en fil`, { details: { file } });
    throw new AppError('invalid_input', `${file}: kunne ikke leses`, { cause: error, details: { file } });
  }
}

function withSource(error: unknown, source: string): unknown {
  if (!isAppError(error)) return error;
  return new AppError(error.code, `${source}: ${error.message}`, { cause: error, details: error.details });
}

/**
 * `kollega patient-summary FILE`: for each consultation in FILE (any transcript format `kollega note` reads;
 * `-` for standard input) drafts the note with the built-in engine, treats the draft as approved, and prints
 * the patient summary in plain language with its LIX. `--format json` prints `{id, text, lix}`: one line per
 * consultation for JSON Lines input (the default format there), otherwise one object (or an array).
 */
export function registerPatientSummaryCommand(program: Command): void {
  program
    .command('patient-summary <file>')
    .description(
      'Lag pasientoppsummering i klart språk (med LIX) fra notatet for hver konsultasjon; utkastet regnes som godkjent',
    )
    .option('--lang <language>', 'språk: nb eller en (standard: oppdaget fra teksten)')
    .option('--format <format>', 'utdata: text eller json (standard json for JSON Lines, ellers text)')
    .option('--input-format <format>', `inndata: ${TRANSCRIPT_INPUT_FORMATS.join(', ')}`, 'auto')
    .action(async (file: string, options: PatientSummaryCommandOptions) => {
      const language: Language | undefined =
        options.lang === undefined
          ? undefined
          : (LanguageSchema.safeParse(options.lang).data ?? fail('Ugyldig --lang (bruk nb eller en)'));
      const requestedFormat: OutputFormat | undefined =
        options.format === undefined
          ? undefined
          : (OUTPUT_FORMATS.find((candidate) => candidate === options.format) ??
            fail('Ugyldig --format (bruk text eller json)'));
      const inputFormat: TranscriptInputFormat =
        TRANSCRIPT_INPUT_FORMATS.find((candidate) => candidate === (options.inputFormat ?? 'auto')) ??
        fail(`Ugyldig --input-format (bruk ${TRANSCRIPT_INPUT_FORMATS.join(', ')})`);

      const source = file === '-' ? 'stdin' : file;
      const content = await readInput(file);
      const filename = file === '-' ? undefined : file;
      let consultations;
      try {
        consultations = parseTranscriptInput(content, {
          format: inputFormat,
          ...(filename === undefined ? {} : { filename }),
        });
      } catch (error) {
        throw withSource(error, source);
      }
      const detected =
        inputFormat === 'auto'
          ? content.trim() === ''
            ? 'text'
            : detectInputFormat(content, filename)
          : inputFormat;
      const jsonLines = detected === 'jsonl';
      const format = requestedFormat ?? (jsonLines ? 'json' : 'text');
      const fallbackId = file === '-' ? 'stdin' : basename(file, extname(file));

      const outputs: PatientSummaryOutput[] = [];
      consultations.forEach((parsed, index) => {
        const id =
          parsed.externalId ?? (consultations.length === 1 ? fallbackId : `${fallbackId}-${index + 1}`);
        let output: PatientSummaryOutput;
        try {
          const prepared = prepareTranscript(parsed);
          const drafted = draftNote(prepared.transcript, {
            language: language ?? prepared.language,
            ...(prepared.setting === undefined ? {} : { setting: prepared.setting }),
          });
          const summary = buildPatientSummary(drafted.value.note);
          output = { id, text: renderPatientSummaryText(summary), lix: summary.lix };
        } catch (error) {
          throw withSource(error, `${source} (${id})`);
        }
        if (format === 'json' && jsonLines) {
          process.stdout.write(`${JSON.stringify(output)}\n`);
          return;
        }
        outputs.push(output);
      });

      if (format === 'json' && !jsonLines) {
        process.stdout.write(`${JSON.stringify(outputs.length === 1 ? outputs[0] : outputs, null, 2)}\n`);
      } else if (format === 'text') {
        const blocks = outputs.map((output) =>
          outputs.length === 1
            ? `${output.text}\n\nLIX: ${output.lix}`
            : `# ${output.id} (LIX ${output.lix})\n${output.text}`,
        );
        process.stdout.write(`${blocks.join('\n\n')}\n`);
      }
    });
}
