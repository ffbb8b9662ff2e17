import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Command } from 'commander';
import type { Note, VerificationReport } from '@kollega/domain';
import { AppError, NoteRecordSchema, NoteSchema, isAppError, listBlockingFlags } from '@kollega/domain';
import { DRAFT_LINE, parseTranscriptInput, prepareTranscript, renderNoteText } from '@kollega/clinical';
import type { ApprovedNote, ExportFormat, ExportOptions, Icpc2SystemChoice } from '@kollega/documents';
import { EXPORT_FORMATS, exportApprovedNote } from '@kollega/documents';
import { createBuiltinEngine, draftVerifiedNote } from '@kollega/server';

/**
 * `kollega export FILE --format text|fhir|pdf [--out PATH]`: exports approved notes. FILE holds Kollega's note
 * JSON (as `kollega note --format json` prints it, or a stored note record from the API) or a consultation
 * transcript, which is drafted first with the built-in engine. Only approved notes may be exported: a stored
 * approved note is exported as it is; a draft (note JSON or transcript) is exported only when the doctor names
 * themself with `--approved-by`, and only when the verifier left no blocking flag. Without it, the draft is
 * shown on standard error marked as not approved, and nothing is exported.
 */

interface ExportCommandOptions {
  format: string;
  out?: string;
  approvedBy?: string;
  dismissFlags?: string;
  icpc2?: string;
  icpc2System?: string;
  patientId?: string;
  patientName?: string;
  hpr?: string;
}

/** One note found in the input, and whether (and by whom) it is approved. */
interface InputNote {
  id: string;
  note: Note;
  approval?: { approvedBy: string; approvedAt: string };
  codes?: Array<{ code: string; title: string }>;
  /** Flags that block approval (unsupported or contradicted statements, critical omissions): id and text. */
  blocking: Array<{ id: string; text: string }>;
}

const ICPC2_SYSTEMS: readonly Icpc2SystemChoice[] = ['icpc-2', 'volven', 'both'];

function fail(message: string, field?: string): never {
  throw new AppError('invalid_input', message, field === undefined ? {} : { details: { field } });
}

async function readInput(file: string): Promise<string> {
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

/** Statements whose support label blocks approval. */
function blockingStatements(note: Note): Array<{ id: string; text: string }> {
  return note.sections
    .flatMap((section) => section.statements)
    .filter((statement) => statement.support === 'unsupported' || statement.support === 'contradicted')
    .map((statement) => ({
      id: statement.id,
      text: `${statement.support === 'contradicted' ? 'motsagt' : 'uten støtte'}: ${statement.text}`,
    }));
}

/** The flags of a verification report that still block approval, with readable texts. */
function blockingFlags(
  report: VerificationReport,
  dismissals: Parameters<typeof listBlockingFlags>[1],
): Array<{ id: string; text: string }> {
  return listBlockingFlags(report, dismissals).map((id) => {
    const check = report.statements.find((candidate) => candidate.statementId === id);
    if (check)
      return { id, text: `${check.support === 'contradicted' ? 'motsagt' : 'uten støtte'}: ${check.text}` };
    const omission = report.omissions.find((candidate) => candidate.id === id);
    return { id, text: `mangler i notatet: ${omission?.text ?? id}` };
  });
}

/** A note from `kollega note --format json` output (sections of statements without ids). */
function readNoteOutput(
  value: Record<string, unknown>,
  fallbackId: string,
  position: number,
): InputNote | undefined {
  if (!Array.isArray(value.sections)) return undefined;
  const sections = (value.sections as Array<Record<string, unknown>>).map((section, sectionIndex) => {
    const sectionId = typeof section.id === 'string' ? section.id : `seksjon-${sectionIndex + 1}`;
    return {
      id: sectionId,
      title: typeof section.title === 'string' ? section.title : '',
      statements: (Array.isArray(section.statements)
        ? (section.statements as Array<Record<string, unknown>>)
        : []
      ).map((statement, statementIndex) => ({
        id: typeof statement.id === 'string' ? statement.id : `${sectionId}-${statementIndex + 1}`,
        text: typeof statement.text === 'string' ? statement.text : '',
        evidence: Array.isArray(statement.evidence) ? (statement.evidence as string[]) : [],
        support: typeof statement.support === 'string' ? statement.support : 'unverified',
      })),
    };
  });
  const parsed = NoteSchema.safeParse({
    template: typeof value.template === 'string' ? value.template : 'fastlege',
    language: value.language === 'en' ? 'en' : 'nb',
    sections,
  });
  if (!parsed.success) return undefined;
  return {
    id: typeof value.id === 'string' ? value.id : `${fallbackId}${position === 0 ? '' : `-${position + 1}`}`,
    note: parsed.data,
    blocking: blockingStatements(parsed.data),
  };
}

/** Reads the notes of the input: note records, note JSON, or a transcript drafted here. */
function readNotes(content: string, file: string): InputNote[] {
  const fallbackId = basename(file, extname(file));
  let json: unknown;
  try {
    json = JSON.parse(content) as unknown;
  } catch {
    json = undefined;
  }
  const items = Array.isArray(json) ? (json as unknown[]) : json === undefined ? [] : [json];
  const notes: InputNote[] = [];
  items.forEach((item, position) => {
    if (typeof item !== 'object' || item === null) return;
    const record = NoteRecordSchema.safeParse(item);
    if (record.success) {
      const value = record.data;
      notes.push({
        id: value.id,
        note: value.note,
        ...(value.status === 'approved' && value.approvedBy !== undefined && value.approvedAt !== undefined
          ? { approval: { approvedBy: value.approvedBy, approvedAt: value.approvedAt } }
          : {}),
        ...(value.codes === undefined
          ? {}
          : { codes: value.codes.map((code) => ({ code: code.code, title: code.title })) }),
        blocking:
          value.verification === undefined
            ? blockingStatements(value.note)
            : blockingFlags(value.verification, value.dismissals),
      });
      return;
    }
    const output = readNoteOutput(item as Record<string, unknown>, fallbackId, position);
    if (output !== undefined) notes.push(output);
  });
  if (notes.length > 0) return notes;
  // Not Kollega note JSON: a transcript (any format `kollega note` reads), drafted with the built-in engine.
  const consultations = parseTranscriptInput(content, { filename: file });
  const engine = createBuiltinEngine();
  return consultations.map((parsed, position) => {
    const prepared = prepareTranscript(parsed);
    const draft = draftVerifiedNote(engine, prepared.transcript, {
      language: prepared.language,
      ...(prepared.setting === undefined ? {} : { setting: prepared.setting }),
    });
    const verification: VerificationReport = draft.verification;
    return {
      id: parsed.externalId ?? (consultations.length === 1 ? fallbackId : `${fallbackId}-${position + 1}`),
      note: draft.note,
      blocking: blockingFlags(verification, []),
    };
  });
}

function validateOptions(options: ExportCommandOptions): {
  format: ExportFormat;
  exportOptions: ExportOptions;
} {
  const format =
    EXPORT_FORMATS.find((candidate) => candidate === options.format) ??
    fail('Ugyldig --format (bruk text, fhir eller pdf)', 'format');
  const icpc2System =
    options.icpc2System === undefined
      ? undefined
      : (ICPC2_SYSTEMS.find((candidate) => candidate === options.icpc2System) ??
        fail('Ugyldig --icpc2-system (bruk icpc-2, volven eller both)', 'icpc2System'));
  return {
    format,
    exportOptions: {
      ...(options.icpc2 === undefined ? {} : { icpc2Code: options.icpc2 }),
      ...(icpc2System === undefined ? {} : { icpc2System }),
      ...(options.patientId === undefined && options.patientName === undefined
        ? {}
        : {
            patient: {
              ...(options.patientId === undefined ? {} : { personNumber: options.patientId }),
              ...(options.patientName === undefined ? {} : { name: options.patientName }),
            },
          }),
      ...(options.hpr === undefined ? {} : { hprNumber: options.hpr }),
    },
  };
}

/**
 * Approves the input's notes: stored approvals stand; drafts need `--approved-by`, and their blocking flags
 * must be dismissed with a reason (`--dismiss-flags "REASON"`), as the review page asks.
 */
function approveNotes(
  notes: readonly InputNote[],
  options: ExportCommandOptions,
  file: string,
  now: Date,
): ApprovedNote[] {
  const approvedBy = options.approvedBy?.trim();
  const drafts = notes.filter((note) => note.approval === undefined);
  if (drafts.length > 0 && (approvedBy === undefined || approvedBy === '')) {
    for (const draft of drafts) {
      process.stderr.write(`\n${DRAFT_LINE}\n# ${draft.id}\n${renderNoteText(draft.note)}\n`);
    }
    throw new AppError(
      'approval_blocked',
      `${file}: ${drafts.length === 1 ? 'notatet er et utkast' : `${drafts.length} notater er utkast`} og ikke godkjent. ` +
        'Bare godkjente notater kan eksporteres: les gjennom utkastet (over) og eksporter med --approved-by "NAVN" når du som lege godkjenner det.',
      { details: { drafts: drafts.length } },
    );
  }
  const blocked = drafts.filter((note) => note.blocking.length > 0);
  const reason = options.dismissFlags?.trim();
  if (blocked.length > 0) {
    for (const note of blocked) {
      process.stderr.write(
        `\n# ${note.id}: flagg som må løses før godkjenning\n${note.blocking.map((flag) => `  – ${flag.text}`).join('\n')}\n`,
      );
    }
    if (reason === undefined || reason === '') {
      throw new AppError(
        'approval_blocked',
        `${file}: ${blocked.map((note) => `${note.id} har ${note.blocking.length} flagg`).join(', ')} som må løses før godkjenning: ` +
          'rett notatet i Kollega (kollega serve), eller avvis flaggene med en begrunnelse: --dismiss-flags "BEGRUNNELSE"',
        { details: { blocked: blocked.length } },
      );
    }
    process.stderr.write(
      `kollega: ${blocked.reduce((sum, note) => sum + note.blocking.length, 0)} flagg avvist av ${approvedBy ?? ''}: «${reason}»\n`,
    );
  }
  return notes.map((note) => {
    const approval = note.approval ?? { approvedBy: approvedBy ?? '', approvedAt: now.toISOString() };
    return {
      noteId: note.id,
      note: note.note,
      ...approval,
      ...(note.codes === undefined ? {} : { codes: note.codes }),
    };
  });
}

/** Registers `kollega export`. */
export function registerExportCommand(program: Command): void {
  program
    .command('export <file>')
    .description('Eksporter godkjente notater som tekst for EPJ, FHIR R4 (JSON) eller PDF')
    .requiredOption('--format <format>', 'text, fhir eller pdf')
    .option('--out <path>', 'fil å skrive (mappe når filen har flere notater); standard: standard ut')
    .option('--approved-by <name>', 'legen som har gjennomgått og godkjenner utkastet')
    .option('--dismiss-flags <reason>', 'avvis verifikatorens blokkerende flagg med denne begrunnelsen')
    .option('--icpc2 <code>', 'ICPC-2-kode (ellers kodene valgt for notatet, eller en kode i teksten)')
    .option('--icpc2-system <system>', 'FHIR-system for ICPC-2: icpc-2 (standard), volven eller both')
    .option('--patient-id <number>', 'pasientens fødselsnummer eller D-nummer (bare i FHIR-eksporten)')
    .option('--patient-name <name>', 'pasientens navn (bare i FHIR-eksporten)')
    .option('--hpr <number>', 'legens HPR-nummer (bare i FHIR-eksporten)')
    .action(async (file: string, rawOptions: ExportCommandOptions) => {
      const { format, exportOptions } = validateOptions(rawOptions);
      const content = await readInput(file);
      let notes: InputNote[];
      try {
        notes = readNotes(content, file);
      } catch (error) {
        if (!isAppError(error)) throw error;
        throw new AppError(error.code, `${file}: ${error.message}`, { cause: error, details: error.details });
      }
      if (notes.length === 0) fail(`${file}: fant ingen notater eller konsultasjoner`);
      const approved = approveNotes(notes, rawOptions, file, new Date());
      const files = await Promise.all(
        approved.map((note) => exportApprovedNote(note, format, exportOptions)),
      );
      if (rawOptions.out === undefined) {
        if (format === 'pdf' && process.stdout.isTTY)
          fail('PDF skrives ikke til terminalen; bruk --out FIL.pdf', 'out');
        if (files.length > 1 && format !== 'text') fail('Filen har flere notater; bruk --out MAPPE', 'out');
        process.stdout.write(
          Buffer.concat(
            files.map((item, position) =>
              position === 0 ? item.body : Buffer.concat([Buffer.from('\n'), item.body]),
            ),
          ),
        );
        return;
      }
      if (files.length === 1 && files[0] !== undefined) {
        await writeFile(rawOptions.out, files[0].body);
        process.stderr.write(`kollega: skrev ${rawOptions.out}\n`);
        return;
      }
      await mkdir(rawOptions.out, { recursive: true });
      for (const [position, item] of files.entries()) {
        const note = approved[position];
        const name = `${(note?.noteId ?? String(position + 1)).replace(/[^\p{L}\d._-]+/gu, '_')}${extname(item.filename) === '.json' ? '.fhir.json' : extname(item.filename)}`;
        await writeFile(join(rawOptions.out, name), item.body);
      }
      process.stderr.write(`kollega: skrev ${files.length} filer i ${rawOptions.out}\n`);
    });
}
