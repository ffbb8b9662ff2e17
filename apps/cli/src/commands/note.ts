import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import type { Fact, Language, NoteStyle, Warning } from '@kollega/domain';
import { AppError, LanguageSchema, NoteStyleSchema, isAppError } from '@kollega/domain';
import type { DecisionSupportResult, ParsedConsultation, TranscriptInputFormat } from '@kollega/clinical';
import {
  TRANSCRIPT_INPUT_FORMATS,
  buildDecisionSupport,
  detectInputFormat,
  findTemplate,
  listTemplates,
  parseTranscriptInput,
  prepareTranscript,
} from '@kollega/clinical';
import { createBuiltinEngine, draftVerifiedNote, draftVerifiedNoteWithModel } from '@kollega/server';
import type { CommandModel, ModelCommandOptions, ModelFlags } from '../models/cli-model-config';
import {
  BUILTIN_ENGINE,
  addModelOptions,
  modelFlagsOf,
  resolveCommandModel,
} from '../models/cli-model-config';
import { readKnownNames } from '../models/known-names';
import { isAudioFileName, transcribeAudioToTranscriptJson } from './transcribe';

/** Output formats of `kollega note`. */
const OUTPUT_FORMATS = ['text', 'json', 'jsonl'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** One drafted consultation as `kollega note` prints it in JSON. */
export interface NoteOutput {
  id: string;
  /** `builtin`, or the `provider:model` that wrote the note (`builtin` after a fallback). */
  engine: string;
  text: string;
  template: string;
  sections: Array<{
    id: string;
    title: string;
    statements: Array<{ text: string; evidence: string[]; support: string }>;
  }>;
  facts: Fact[];
  /** Suggested ICPC-2 codes from the official list, best first, each with its evidence segments. */
  codes: Array<{ system: 'ICPC-2'; code: string; title: string; evidence: string[] }>;
  /** The antibiotic guideline's advice for these findings; `antibiotics` is null outside its conditions. */
  decisionSupport: { antibiotics: DecisionSupportResult['decisionSupport']['antibiotics'] };
  warnings: Warning[];
}

interface NoteCommandOptions extends ModelCommandOptions {
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
  modelFlags: ModelFlags;
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
    modelFlags: modelFlagsOf(options),
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

/** A drafted and verified note, from either engine. */
type Draft = ReturnType<typeof draftVerifiedNote> & { engine: string };

function toNoteOutput(id: string, draft: Draft, decisions: DecisionSupportResult): NoteOutput {
  return {
    id,
    engine: draft.engine,
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
    codes: decisions.codes.map((suggestion) => ({
      system: suggestion.system,
      code: suggestion.code,
      title: suggestion.title,
      evidence: suggestion.evidence,
    })),
    decisionSupport: { antibiotics: decisions.decisionSupport.antibiotics },
    // The engine and the verifier may report the same thing (no consultation): each warning once.
    warnings: [...draft.warnings, ...draft.verification.warnings].filter(
      (warning, index, all) =>
        all.findIndex((other) => other.code === warning.code && other.message === warning.message) === index,
    ),
  };
}

function writeOutput(text: string): void {
  process.stdout.write(text);
}

/** One warning on standard error: the consultation id, the code and the message (never patient text). */
function writeWarning(id: string, warning: Warning): void {
  process.stderr.write(`kollega: advarsel (${id}, ${warning.code}): ${warning.message}\n`);
}

/** Warnings from the language-model path (`llm_fallback`, `llm_chunked`). */
const isModelWarning = (warning: Warning): boolean => warning.code.startsWith('llm_');

/** What one consultation is drafted with. */
interface DraftRequest {
  transcript: ParsedConsultation['transcript'];
  language: Language;
  setting?: ParsedConsultation['setting'];
  knownNames: string[];
}

/**
 * Drafts one note: with the language model when one is configured (`draftNoteWithModel`: the built-in
 * engine's note plus `llm_fallback` when the model fails or answers nonsense), else with the built-in
 * engine. The verifier runs on every note.
 */
async function draftOne(
  request: DraftRequest,
  options: ValidatedOptions,
  noteModel: CommandModel | undefined,
): Promise<Draft> {
  const common = {
    language: request.language,
    ...(options.template === undefined ? {} : { template: options.template }),
    ...(options.style === undefined ? {} : { style: options.style }),
    ...(request.setting === undefined ? {} : { setting: request.setting }),
  };
  if (noteModel === undefined)
    return {
      ...draftVerifiedNote(createBuiltinEngine(), request.transcript, common),
      engine: BUILTIN_ENGINE,
    };
  return draftVerifiedNoteWithModel(noteModel.model, request.transcript, {
    ...common,
    knownNames: request.knownNames,
  });
}

/** Where the model sends the transcript, once on standard error before the first call. */
function describeModelUse(noteModel: CommandModel): string {
  const where = noteModel.dataFlow?.description ?? '';
  return `kollega: notatutkast med ${noteModel.id}${where === '' ? '' : ` – ${where}`}\n`;
}

/**
 * `kollega note FILE`: parses a transcript file in any supported format (`-` for standard input), drafts
 * and verifies a note for each consultation, and prints it as text, JSON or JSON Lines (one line per input
 * consultation, same id; the default for JSON Lines input).
 *
 * The built-in engine writes the note unless a language model is chosen: `--model provider:model` (or
 * `KOLLEGA_MODEL_NOTE_DRAFTING`/`KOLLEGA_MODEL_DEFAULT`), with `--base-url`, `--api-key`, `--local`/`--remote`
 * over `KOLLEGA_OPENAI_BASE_URL`, `KOLLEGA_OPENAI_API_KEY`, `KOLLEGA_OPENAI_LOCAL` (flags win over the
 * environment). A loopback base URL counts as local unless `--remote` is given; a model that is not local
 * gets the transcript de-identified, with the names in the input's `names`/`patient` fields masked too.
 * When the model fails, the built-in note is printed with the warning `llm_fallback` and the exit code is 0.
 */
export function registerNoteCommand(program: Command): void {
  const command = program
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
    .option('--input-format <format>', `inndata: ${TRANSCRIPT_INPUT_FORMATS.join(', ')}`, 'auto');
  addModelOptions(
    command,
    `språkmodell: ${BUILTIN_ENGINE} eller leverandør:modell, f.eks. openai-compatible:llama3.1 (ellers KOLLEGA_MODEL_NOTE_DRAFTING)`,
  ).action(async (file: string, rawOptions: NoteCommandOptions) => {
    const options = validateOptions(rawOptions);
    const noteModel = resolveCommandModel(options.modelFlags);
    const source = file === '-' ? 'stdin' : file;
    const content = isAudioFileName(file)
      ? await transcribeAudioToTranscriptJson(
          file,
          options.language === undefined ? {} : { language: options.language },
        )
      : await readInput(file);
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
    if (noteModel !== undefined) process.stderr.write(describeModelUse(noteModel));

    const outputs: NoteOutput[] = [];
    for (const [index, parsed] of consultations.entries()) {
      const id =
        parsed.externalId ?? (consultations.length === 1 ? fallbackId : `${fallbackId}-${index + 1}`);
      const prepared = prepareTranscript(parsed);
      let output: NoteOutput;
      try {
        const draft = await draftOne(
          {
            transcript: prepared.transcript,
            language: options.language ?? prepared.language,
            knownNames: readKnownNames(parsed.extra),
            ...(prepared.setting === undefined ? {} : { setting: prepared.setting }),
          },
          options,
          noteModel,
        );
        const decisions = buildDecisionSupport({
          transcript: prepared.transcript,
          facts: draft.facts,
          ...(prepared.setting === undefined ? {} : { setting: prepared.setting }),
        });
        output = toNoteOutput(id, draft, decisions);
      } catch (error) {
        throw withSource(error, `${source} (${id})`);
      }
      if (format === 'text') {
        outputs.push(output);
        continue;
      }
      // The model's warnings go to standard error at once in every format; text prints all warnings below.
      for (const warning of output.warnings.filter(isModelWarning)) writeWarning(id, warning);
      if (format === 'jsonl') writeOutput(`${JSON.stringify(output)}\n`);
      else outputs.push(output);
    }

    if (format === 'json') {
      const single = outputs.length === 1 ? outputs[0] : undefined;
      writeOutput(`${JSON.stringify(single ?? outputs, null, 2)}\n`);
    } else if (format === 'text') {
      for (const output of outputs) {
        for (const warning of output.warnings) writeWarning(output.id, warning);
        const heading = outputs.length > 1 ? `# ${output.id}\n` : '';
        writeOutput(`${heading}${output.text}\n${outputs.length > 1 ? '\n' : ''}`);
      }
    }
  });
}
