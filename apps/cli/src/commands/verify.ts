import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Language, Note, Transcript, VerificationReport } from '@kollega/domain';
import { AppError, LanguageSchema, NoteSchema, isAppError } from '@kollega/domain';
import { parseNoteText, parseTranscriptInput, prepareTranscript, verifyNote } from '@kollega/clinical';
import { reviewInferredStatements } from '@kollega/ai';
import type { CommandModel, ModelCommandOptions } from '../models/cli-model-config';
import {
  BUILTIN_ENGINE,
  addModelOptions,
  modelFlagsOf,
  resolveCommandModel,
} from '../models/cli-model-config';

/** Output formats of `kollega verify`. */
const OUTPUT_FORMATS = ['text', 'json'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

interface VerifyCommandOptions extends ModelCommandOptions {
  transcript: string;
  note: string;
  format?: string;
  lang?: string;
}

/** The second opinion's model, once on standard error before the first call: which model, where data goes. */
function describeModelUse(model: CommandModel): string {
  const where = model.dataFlow?.description ?? '';
  return `kollega: språkmodellens kontroll med ${model.id}${where === '' ? '' : ` – ${where}`}\n`;
}

/** The JSON `kollega verify` prints. */
export interface VerifyOutput {
  statements: Array<{
    text: string;
    support: string;
    severity: string;
    evidence: string[];
    reasons: string[];
  }>;
  omissions: Array<{
    text: string;
    evidence: string[];
    critical: boolean;
    kind: string;
    sectionId: string;
    id: string;
  }>;
  warnings: Array<{ code: string; message: string }>;
}

function fail(message: string): never {
  throw new AppError('invalid_input', message);
}

async function readInput(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return fail(`Fant ikke ${what}: ${basename(path)}`);
  }
}

/** A statement list of a JSON note in any of the accepted shapes. */
interface LooseSection {
  id?: unknown;
  title?: unknown;
  statements?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a note as JSON: Kollega's `Note` ({template, language, sections:[{id, title, statements:[{text, evidence}]}]}),
 * the output of `kollega note --format json` (one object or a list; the first is used), or a dataset line with
 * `reference_note` sections. Returns undefined when the content is not JSON (then it is note text).
 */
function parseNoteJson(content: string, language: Language): Note | undefined {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return undefined;
  }
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (!isRecord(first)) return fail('Notatet i JSON må være et objekt med sections');
  const candidate = isRecord(first.note) ? first.note : first;
  if (isRecord(candidate.reference_note)) {
    const text = Object.entries(candidate.reference_note)
      .map(([key, section]) => `${key}: ${typeof section === 'string' ? section : ''}`)
      .join('\n');
    return parseNoteText(text, { language });
  }
  if (!Array.isArray(candidate.sections)) return fail('Notatet i JSON mangler sections');
  const sections = (candidate.sections as LooseSection[]).map((section, sectionIndex) => {
    const id =
      typeof section.id === 'string' && section.id !== '' ? section.id : `section-${sectionIndex + 1}`;
    const statements = Array.isArray(section.statements) ? (section.statements as unknown[]) : [];
    return {
      id,
      title: typeof section.title === 'string' ? section.title : id,
      statements: statements.map((statement, statementIndex) => {
        if (typeof statement === 'string')
          return {
            id: `${id}-${statementIndex + 1}`,
            text: statement,
            evidence: [],
            support: 'unverified' as const,
          };
        if (!isRecord(statement) || typeof statement.text !== 'string') {
          return fail(`Setning ${statementIndex + 1} i seksjon ${sectionIndex + 1} mangler text`);
        }
        const evidence = Array.isArray(statement.evidence)
          ? statement.evidence.filter((item): item is string => typeof item === 'string')
          : [];
        const statementId =
          typeof statement.id === 'string' && statement.id !== ''
            ? statement.id
            : `${id}-${statementIndex + 1}`;
        return { id: statementId, text: statement.text, evidence, support: 'unverified' as const };
      }),
    };
  });
  const noteLanguage = LanguageSchema.safeParse(candidate.language).data ?? language;
  const template =
    typeof candidate.template === 'string' && candidate.template !== ''
      ? candidate.template
      : noteLanguage === 'nb'
        ? 'fastlege'
        : 'soap';
  const parsed = NoteSchema.safeParse({ template, language: noteLanguage, sections });
  return parsed.success ? parsed.data : fail('Notatet i JSON har feil form');
}

function readTranscript(content: string, filename: string): { transcript: Transcript; language: Language } {
  const [parsed] = parseTranscriptInput(content, { filename });
  if (!parsed) return fail('Transkripsjonen inneholder ingen konsultasjon');
  // Generic speaker labels ("Speaker 1") are resolved to doctor and patient from content.
  const consultation = prepareTranscript(parsed);
  return { transcript: consultation.transcript, language: consultation.language };
}

const SUPPORT_TEXT: Record<Language, Record<string, string>> = {
  nb: {
    supported: 'støttet',
    inferred: 'utledet',
    unsupported: 'IKKE STØTTET',
    contradicted: 'MOTSIER SAMTALEN',
    unverified: 'ikke sjekket',
  },
  en: {
    supported: 'supported',
    inferred: 'inferred',
    unsupported: 'UNSUPPORTED',
    contradicted: 'CONTRADICTED',
    unverified: 'unverified',
  },
};

/** The report as readable text: one line per statement, then the omissions. */
export function formatVerificationText(report: VerificationReport, language: Language): string {
  const lines: string[] = [];
  for (const warning of report.warnings) lines.push(`! ${warning.message}`);
  for (const check of report.statements) {
    const label = SUPPORT_TEXT[language][check.support] ?? check.support;
    const critical =
      check.severity === 'critical' && (check.support === 'unsupported' || check.support === 'contradicted')
        ? ' [kritisk]'
        : '';
    lines.push(`[${label}]${critical} ${check.text}`);
    if (check.support !== 'supported') for (const reason of check.reasons) lines.push(`    ${reason}`);
  }
  if (report.omissions.length > 0) {
    lines.push('', language === 'nb' ? 'Mangler i notatet:' : 'Missing from the note:');
    for (const omission of report.omissions) {
      lines.push(
        `- ${omission.critical ? '[kritisk] ' : ''}${omission.suggestion} (${omission.evidence.join(', ')})`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The JSON output of the command. */
export function toVerifyOutput(report: VerificationReport): VerifyOutput {
  return {
    statements: report.statements.map(({ text, support, severity, evidence, reasons }) => ({
      text,
      support,
      severity,
      evidence,
      reasons,
    })),
    omissions: report.omissions.map(({ text, evidence, critical, kind, sectionId, id }) => ({
      text,
      evidence,
      critical,
      kind,
      sectionId,
      id,
    })),
    warnings: report.warnings,
  };
}

/**
 * `kollega verify --transcript T --note N [--format json|text] [--lang nb|en]`: checks a note against a transcript.
 * With a model for `verification` (`--model provider:model`, `KOLLEGA_MODEL_VERIFICATION` or
 * `KOLLEGA_MODEL_DEFAULT`; `--base-url`, `--api-key`, `--local`/`--remote` as for `kollega note`), the model also
 * gives a second opinion on the statements the rules call `inferred` (it can flag them, never clear them).
 */
export function registerVerifyCommand(program: Command): void {
  const command = program
    .command('verify')
    .description('Sjekk hver setning i et journalnotat mot transkripsjonen, og list det notatet utelater')
    .requiredOption(
      '--transcript <file>',
      'transkripsjon (JSON, JSON Lines, tekst med talere, WebVTT eller SRT)',
    )
    .requiredOption(
      '--note <file>',
      'notat som tekst med overskrifter (Aktuelt:, Us.:, …) eller Kollegas notat-JSON',
    )
    .option('--format <format>', 'utdata: text eller json', 'text')
    .option('--lang <language>', 'språk for notatet og begrunnelsene: nb eller en');
  addModelOptions(
    command,
    `språkmodell som også vurderer setningene reglene kaller utledet: ${BUILTIN_ENGINE} (bare reglene) eller leverandør:modell (ellers KOLLEGA_MODEL_VERIFICATION)`,
  ).action(async (options: VerifyCommandOptions) => {
    const format: OutputFormat =
      OUTPUT_FORMATS.find((candidate) => candidate === options.format) ??
      fail('Ugyldig --format (bruk text eller json)');
    const requestedLanguage =
      options.lang === undefined
        ? undefined
        : (LanguageSchema.safeParse(options.lang).data ?? fail('Ugyldig --lang (bruk nb eller en)'));
    const checkModel = resolveCommandModel(modelFlagsOf(options), { purpose: 'verification' });
    const transcriptContent = await readInput(options.transcript, 'transkripsjonen');
    const noteContent = await readInput(options.note, 'notatet');
    if (noteContent.trim() === '') fail('Notatet er tomt');
    let parsed: { transcript: Transcript; language: Language };
    try {
      parsed = readTranscript(transcriptContent, basename(options.transcript));
    } catch (error) {
      if (isAppError(error))
        throw new AppError(
          error.code === 'empty_transcript' ? 'empty_transcript' : 'invalid_input',
          `${basename(options.transcript)}: ${error.message}`,
          { cause: error },
        );
      throw error;
    }
    const language = requestedLanguage ?? parsed.language;
    const note = parseNoteJson(noteContent, language) ?? parseNoteText(noteContent, { language });
    if (note.sections.every((section) => section.statements.length === 0))
      fail('Notatet har ingen setninger');
    let report = verifyNote(parsed.transcript, note, { language });
    if (checkModel !== undefined) {
      process.stderr.write(describeModelUse(checkModel));
      const review = await reviewInferredStatements({
        model: checkModel.model,
        transcript: parsed.transcript,
        report,
        language,
      });
      report = review.report;
    }
    process.stdout.write(
      format === 'json'
        ? `${JSON.stringify(toVerifyOutput(report), null, 2)}\n`
        : formatVerificationText(report, language),
    );
    process.exitCode = 0;
  });
}
