import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '@kollega/domain';
import type { IdentifierCounts, IdentifierKind } from '@kollega/clinical';
import { IDENTIFIER_KINDS, deidentifyText } from '@kollega/clinical';

/** Norwegian names of the identifier kinds, for the counts on standard error. */
const KIND_NAMES: Record<IdentifierKind, string> = {
  fodselsnummer: 'fødselsnummer',
  'd-nummer': 'D-nummer',
  'h-nummer': 'H-nummer',
  'eleven-digit-number': 'andre 11-sifrede numre',
  phone: 'telefonnumre',
  email: 'e-postadresser',
  'street-address': 'gateadresser',
  'postal-place': 'postnumre med sted',
  'birth-date': 'fødselsdatoer',
  name: 'navn',
};

/** The `--format json` output: the redacted text and the counts per kind. */
export interface DeidentifyOutput {
  text: string;
  counts: IdentifierCounts;
  total: number;
}

interface DeidentifyCommandOptions {
  format?: string;
  name?: string[];
}

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function readInput(file: string): Promise<string> {
  if (file === '-') return readStandardInput();
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') throw new AppError('not_found', `${file}: finnes ikke`, { details: { file } });
    throw new AppError('invalid_input', `${file}: kunne ikke leses`, { cause: error, details: { file } });
  }
}

/** "navn 2, fødselsnummer 1 (3 i alt)" — kinds with a count only. */
function describeCounts(counts: IdentifierCounts, total: number): string {
  const parts = IDENTIFIER_KINDS.filter((kind) => counts[kind] > 0).map(
    (kind) => `${KIND_NAMES[kind]} ${counts[kind]}`,
  );
  return parts.length === 0 ? 'ingen identifikatorer funnet' : `${parts.join(', ')} (${total} i alt)`;
}

/**
 * `kollega deid FILE`: replaces identifiers (fødselsnummer, D-/H-nummer, any 11-digit number, phone,
 * e-mail, street address, postal place, birth date, names) with placeholders such as [NAVN_1]. Prints
 * the redacted text on standard output and the counts per kind on standard error; `--format json`
 * prints both as JSON on standard output.
 */
export function registerDeidentifyCommand(program: Command): void {
  program
    .command('deid <file>')
    .description('Avidentifiser en tekst (- for stdin): skriver teksten med plassholdere og antall per type')
    .option('--format <format>', 'utdata: text (standard) eller json')
    .option('--name <name...>', 'navn som er kjent fra konsultasjonen (kan gjentas)')
    .action(async (file: string, options: DeidentifyCommandOptions) => {
      const format = options.format ?? 'text';
      if (format !== 'text' && format !== 'json') {
        throw new AppError('invalid_input', 'Ugyldig --format (bruk text eller json)');
      }
      const content = await readInput(file);
      const result = deidentifyText(content, { knownNames: options.name ?? [] });
      const total = Object.values(result.counts).reduce((sum, count) => sum + count, 0);
      if (format === 'json') {
        const output: DeidentifyOutput = { text: result.text, counts: result.counts, total };
        process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
        return;
      }
      process.stdout.write(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
      process.stderr.write(`kollega deid: ${describeCounts(result.counts, total)}\n`);
    });
}
