import type { Command } from 'commander';

/** `kollega note FILE` – placeholder wired by the foundation work. */
export function registerNoteCommand(program: Command): void {
  program.command('note <file>').description('Lag journalnotat fra en transkripsjon');
}
