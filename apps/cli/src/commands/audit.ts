import type { Command } from 'commander';
import { createStorage, verifyAuditChain } from '@kollega/storage';
import type { AuditChainVerification } from '@kollega/storage';

const PROBLEM_TEXT: Record<Exclude<AuditChainVerification, { ok: true }>['problem'], string> = {
  hash_mismatch: 'innholdet er endret (hash stemmer ikke)',
  previous_hash_mismatch: 'lenken til forrige hendelse er brutt',
  sequence_gap: 'en hendelse mangler (hull i nummereringen)',
  unreadable_entry: 'hendelsen kan ikke leses',
  head_mismatch: 'slutten av loggen er fjernet eller endret (sjekkpunktet stemmer ikke)',
  unchained_entry: 'en hendelse er lagt inn utenfor kjeden',
};

/** One line describing a verification result, without any logged content. */
export function formatAuditVerification(result: AuditChainVerification): string {
  if (result.ok) return `OK: ${result.count} hendelser, kjeden er hel (siste hash ${result.headHash})`;
  const event = result.eventId === undefined ? '' : `, id ${result.eventId}`;
  return `BRUTT ved hendelse nr. ${result.sequence}${event}: ${PROBLEM_TEXT[result.problem]} (${result.count} hendelser før bruddet er hele)`;
}

/**
 * `kollega audit verify [--database-url URL]`: checks the audit log's hash chain and head checkpoint.
 * Prints OK or the first broken entry; exit code 1 when the chain is broken.
 */
export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('Tilgangs- og revisjonsloggen');
  audit
    .command('verify')
    .description('Kontroller at revisjonsloggen er hel (hash-kjede og sjekkpunkt)')
    .option('--database-url <url>', 'database (standard KOLLEGA_DATABASE_URL eller sqlite:./data/kollega.db)')
    .action(async (options: { databaseUrl?: string }) => {
      const url = options.databaseUrl ?? process.env.KOLLEGA_DATABASE_URL ?? 'sqlite:./data/kollega.db';
      const storage = await createStorage(url);
      try {
        const result = await verifyAuditChain(storage.auditChain);
        (result.ok ? process.stdout : process.stderr).write(`${formatAuditVerification(result)}\n`);
        if (!result.ok) process.exitCode = 1;
      } finally {
        await storage.close();
      }
    });
}
