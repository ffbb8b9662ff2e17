import type { Command } from 'commander';

/** `kollega serve [--port N]` – placeholder wired by the foundation work. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start Kollega (SQLite, innebygd motor)')
    .option('--port <port>', 'port', '3000');
}
