import { Command, CommanderError } from 'commander';
import { isAppError } from '@kollega/domain';
import { registerNoteCommand } from './commands/note';
import { registerServeCommand } from './commands/serve';
import { registerEvalCommand } from './commands/eval';
import { registerDeidentifyCommand } from './commands/deid';
import { registerTriageCommand } from './commands/triage';
import { registerPatientSummaryCommand } from './commands/patient-summary';
import { registerExportCommand } from './commands/export';
import { registerRecordCommand } from './commands/record';
import { registerAuditCommand } from './commands/audit';
import { registerTranscribeCommand } from './commands/transcribe';
import { registerVerifyCommand } from './commands/verify';
import { registerKeysCommand } from './commands/keys';

/** Builds the `kollega` program with every command registered. */
export function createProgram(): Command {
  const program = new Command('kollega')
    .description('Kollega – KI-assistent for fastleger')
    .exitOverride()
    .showHelpAfterError();
  registerServeCommand(program);
  registerNoteCommand(program);
  registerEvalCommand(program);
  registerDeidentifyCommand(program);
  registerTriageCommand(program);
  registerPatientSummaryCommand(program);
  registerExportCommand(program);
  registerRecordCommand(program);
  registerAuditCommand(program);
  registerTranscribeCommand(program);
  registerVerifyCommand(program);
  registerKeysCommand(program);
  return program;
}

/** Runs the CLI; returns the process exit code. Errors print a clear message, never patient text. */
export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (isAppError(error)) {
      process.stderr.write(`kollega: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`kollega: uventet feil (${error instanceof Error ? error.name : 'ukjent'})\n`);
    return 1;
  }
}
