import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import type { Fact, Language, NoteStyle, Warning } from '@kollega/domain';
import { AppError, LanguageSchema, NoteStyleSchema, isAppError } from '@kollega/domain';
import type { TranscriptInputFormat } from '@kollega/clinical';
import {
  TRANSCRIPT_INPUT_FORMATS,
  detectInputFormat,
  findTemplate,
  listTemplates,
  parseTranscriptInput,
  prepareTranscript,
} from '@kollega/clinical';
import { createBuiltinEngine, draftVerifiedNote } from '@kollega/server';

/** Output formats of `kollega note`. */
const OUTPUT_FORMATS = ['text', 'json', 'jsonl'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** One drafted consultation as `kollega note` prints it in JSON. */
export interface NoteOutput {
  id: string;
  text: string;
  template: string;
  sections: Array<{
    id: string;
    title: string;
    statements: Array<{ text: string; evidence: string[]; support: string }>;
  }>;
  facts: Fact[];
  warnings: Warning[];
}

interface NoteCommandOptions {
  lang?: string;
  template?: string;
  style?: string;
  format?: string;
  inputFormat?: string;
}

/** The options after validation. */
interface ValidatedOptions {
  language?: Language;
  template?: string;
  style?: NoteStyle;
  format?: OutputFormat;
  inputFormat: TranscriptInputFormat;
}

function validateOptions(options: NoteCommandOptions): ValidatedOptions {
  const fail = (message: string): never => {
    throw new AppError('invalid_input', message);
  };
  const language =
    options.lang === undefined
      ? undefined
      : (LanguageSchema.safeParse(options.lang).data ?? fail('Ugyldig --lang (bruk nb eller en)'));
  const style =
    options.style === undefined
      ? undefined
      : (NoteStyleSchema.safeParse(options.style).data ??
        fail('Ugyldig --style (bruk kort, normal eller utfyllende)'));
  const format =
    options.format === undefined
      ? undefined
      : (OUTPUT_FORMATS.find((candidate) => candidate === options.format) ??
        fail('Ugyldig --format (bruk text, json eller jsonl)'));
  const inputFormat =
    TRANSCRIPT_INPUT_FORMATS.find((candidate) => candidate === (options.inputFormat ?? 'auto')) ??
    fail(`Ugyldig --input-format (bruk ${TRANSCRIPT_INPUT_FORMATS.join(', ')})`);
  if (options.template !== undefined && findTemplate(options.template) === undefined) {
    fail(
      `Ukjent --template (finnes: ${listTemplates()
        .map((template) => template.id)
        .join(', ')})`,
    );
  }
  return {
    inputFormat,
    ...(language === undefined ? {} : { language }),
    ...(style === undefined ? {} : { style }),
    ...(format === undefined ? {} : { format }),
    ...(options.template === undefined ? {} : { template: options.template }),
  };
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
    if (code === 'EACCES')
      throw new AppError('forbidden', `${file}: mangler lesetilgang`, { details: { file } });
    throw new AppError('invalid_input', `${file}: kunne ikke leses`, { cause: error, details: { file } });
  }
}

/** Re-throws an AppError with the input's name in front ("cases.jsonl: Linje 3: …"). */
function withSource(error: unknown, source: string): unknown {
  if (!isAppError(error)) return error;
  return new AppError(error.code, `${source}: ${error.message}`, { cause: error, details: error.details });
}

function toNoteOutput(id: string, draft: ReturnType<typeof draftVerifiedNote>): NoteOutput {
  return {
    id,
    text: draft.text,
    template: draft.note.template,
    sections: draft.note.sections.map((section) => ({
      id: section.id,
      title: section.title,
      statements: section.statements.map((statement) => ({
        text: statement.text,
        evidence: statement.evidence,
        support: statement.support,
      })),
    })),
    facts: draft.facts,
    warnings: [...draft.warnings, ...draft.verification.warnings],
  };
}

function writeOutput(text: string): void {
  process.stdout.write(text);
}

/**
 * `kollega note FILE`: parses a transcript file in any supported format (`-` for standard input), drafts
 * and verifies a note for each consultation with the built-in engine, and prints it as text, JSON or JSON
 * Lines (one line per input consultation, same id; the default for JSON Lines input).
 */
export function registerNoteCommand(program: Command): void {
  program
    .command('note <file>')
    .description('Lag journalnotat fra en transkripsjon (JSON, JSON Lines, tekst, WebVTT, SRT; - for stdin)')
    .option('--lang <language>', 'notatspråk: nb eller en (standard: oppdaget fra teksten)')
    .option(
      '--template <id>',
      `notatmal: ${listTemplates()
        .map((template) => template.id)
        .join(', ')}`,
    )
    .option('--style <style>', 'stil: kort, normal eller utfyllende')
    .option(
      '--format <format>',
      'utdata: text, json eller jsonl (standard jsonl for JSON Lines, ellers text)',
    )
    .option('--input-format <format>', `inndata: ${TRANSCRIPT_INPUT_FORMATS.join(', ')}`, 'auto')
    .action(async (file: string, rawOptions: NoteCommandOptions) => {
      const options = validateOptions(rawOptions);
      const source = file === '-' ? 'stdin' : file;
      const content = await readInput(file);
      const filename = file === '-' ? undefined : file;
      let consultations;
      try {
        consultations = parseTranscriptInput(content, {
          format: options.inputFormat,
          ...(filename === undefined ? {} : { filename }),
        });
      } catch (error) {
        throw withSource(error, source);
      }
      const inputFormat =
        options.inputFormat === 'auto'
          ? content.trim() === ''
            ? 'text'
            : detectInputFormat(content, filename)
          : options.inputFormat;
      const format = options.format ?? (inputFormat === 'jsonl' ? 'jsonl' : 'text');
      const fallbackId = file === '-' ? 'stdin' : basename(file, extname(file));
      const engine = createBuiltinEngine();

      const outputs: NoteOutput[] = [];
      consultations.forEach((parsed, index) => {
        const id =
          parsed.externalId ?? (consultations.length === 1 ? fallbackId : `${fallbackId}-${index + 1}`);
        const prepared = prepareTranscript(parsed);
        let output: NoteOutput;
        try {
          const draft = draftVerifiedNote(engine, prepared.transcript, {
            language: options.language ?? prepared.language,
            ...(options.template === undefined ? {} : { template: options.template }),
            ...(options.style === undefined ? {} : { style: options.style }),
            ...(prepared.setting === undefined ? {} : { setting: prepared.setting }),
          });
          output = toNoteOutput(id, draft);
        } catch (error) {
          throw withSource(error, `${source} (${id})`);
        }
        if (format === 'jsonl') {
          writeOutput(`${JSON.stringify(output)}\n`);
          return;
        }
        outputs.push(output);
      });

      if (format === 'json') {
        const single = outputs.length === 1 ? outputs[0] : undefined;
        writeOutput(`${JSON.stringify(single ?? outputs, null, 2)}\n`);
      } else if (format === 'text') {
        for (const output of outputs) {
          for (const warning of output.warnings)
            process.stderr.write(`kollega: advarsel (${output.id}): ${warning.message}\n`);
          const heading = outputs.length > 1 ? `# ${output.id}\n` : '';
          writeOutput(`${heading}${output.text}\n${outputs.length > 1 ? '\n' : ''}`);
        }
      }
    });
}
