import type { Command } from 'commander';
import { AppError } from '@kollega/domain';
import { startServer } from '@kollega/server';

/** Reads a `--port` value: an integer 0–65535 (0 picks a free port). */
export function parsePortOption(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(port) || port > 65_535) {
    throw new AppError('invalid_input', `Ugyldig --port «${value.slice(0, 20)}» (bruk et tall 0–65535)`);
  }
  return port;
}

/** Resolves with the signal's name on the first SIGINT or SIGTERM. */
function waitForShutdownSignal(): Promise<string> {
  return new Promise((resolve) => {
    const onSignal = (signal: string): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/**
 * `kollega serve [--port N] [--host H]`: starts the app with the embedded defaults (SQLite at
 * ./data/kollega.db, built-in engine; KOLLEGA_* environment variables apply) until SIGINT/SIGTERM.
 */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start Kollega (SQLite i ./data/kollega.db, innebygd motor)')
    .option('--port <port>', 'port (standard 3000 eller KOLLEGA_PORT; 0 = ledig port)')
    .option('--host <host>', 'adresse å lytte på (standard 127.0.0.1 eller KOLLEGA_HOST)')
    .action(async (options: { port?: string; host?: string }) => {
      const running = await startServer({
        ...(options.port === undefined ? {} : { port: parsePortOption(options.port) }),
        ...(options.host === undefined ? {} : { host: options.host }),
      });
      process.stdout.write(`Kollega kjører på ${running.url}\n`);
      if (running.setupCode !== undefined) {
        process.stdout.write(
          `Førstegangsoppsett: åpne ${running.url}/oppsett og bruk engangskoden ${running.setupCode}\n`,
        );
      }
      await waitForShutdownSignal();
      await running.close();
    });
}
