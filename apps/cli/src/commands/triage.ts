import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Language } from '@kollega/domain';
import { AppError, LanguageSchema } from '@kollega/domain';
import { parseTriageInput, triageMessage } from '@kollega/clinical';

/** One output line of `kollega triage`. */
export interface TriageOutputLine {
  id: string;
  urgency: string;
  category: string;
  redFlags: Array<{ text: string; rule: string }>;
  reply: string;
}

interface TriageCommandOptions {
  language?: string;
}

async function readInput(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') throw new AppError('not_found', `${file}: finnes ikke`, { details: { file } });
    throw new AppError('invalid_input', `${file}: kunne ikke leses`, { cause: error, details: { file } });
  }
}

/** Triages every message of a JSON Lines text; validates all lines before any output. */
export function triageLines(text: string, language?: Language): TriageOutputLine[] {
  return parseTriageInput(text).map(({ id, message }) => {
    const result = triageMessage(message, language === undefined ? {} : { language });
    return {
      id,
      urgency: result.urgency,
      category: result.category,
      redFlags: result.redFlags.map(({ text, rule }) => ({ text, rule })),
      reply: result.reply,
    };
  });
}

/**
 * `kollega triage FILE.jsonl`: reads lines `{id, message}` and prints one JSON line per message:
 * `{id, urgency, category, redFlags: [{text, rule}], reply}`. A bad line stops with its line number (exit 2).
 */
export function registerTriageCommand(program: Command): void {
  program
    .command('triage <file>')
    .description('Hastegradsvurder pasientmeldinger (JSONL med {id, message}); én JSON-linje ut per melding')
    .option('--language <language>', 'språk for svarforslaget: nb eller en (ellers oppdaget per melding)')
    .action(async (file: string, options: TriageCommandOptions) => {
      let language: Language | undefined;
      if (options.language !== undefined) {
        const parsed = LanguageSchema.safeParse(options.language);
        if (!parsed.success) {
          throw new AppError('invalid_input', '--language må være nb eller en', {
            details: { field: 'language' },
          });
        }
        language = parsed.data;
      }
      const lines = triageLines(await readInput(file), language);
      process.stdout.write(lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
    });
}
