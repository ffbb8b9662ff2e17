import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import type { EncryptionKeysOptions, EncryptionKeysStatus, RotationReport } from '@kollega/storage';
import { describeEncryptionKeys, parseDatabaseUrl, rotateEncryptionKeys } from '@kollega/storage';

/** Options shared by `kollega keys status` and `kollega keys rotate`. */
interface KeysCommandOptions {
  database?: string;
  databaseUrl?: string;
  keyFile?: string;
  audioStore?: string;
  audio?: boolean;
}

/**
 * The audio store the server would use (mirrors apps/server/src/audio/audio-config.ts): KOLLEGA_AUDIO_STORE,
 * else `audio` beside a SQLite database file, else `./data/audio`; none for an in-memory database.
 */
export function findAudioStoreUrl(
  databaseUrl: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const configured = env.KOLLEGA_AUDIO_STORE?.trim();
  if (configured !== undefined && configured !== '') return configured;
  const location = parseDatabaseUrl(databaseUrl);
  if (location.dialect === 'postgres') return 'file:./data/audio';
  if (location.filename === ':memory:') return undefined;
  return `file:${join(dirname(location.filename), 'audio')}`;
}

function readOptions(options: KeysCommandOptions): EncryptionKeysOptions {
  const databaseUrl =
    options.database ?? options.databaseUrl ?? process.env.KOLLEGA_DATABASE_URL ?? 'sqlite:./data/kollega.db';
  const audioStoreUrl =
    options.audio === false ? undefined : (options.audioStore ?? findAudioStoreUrl(databaseUrl));
  return {
    databaseUrl,
    ...(options.keyFile === undefined ? {} : { keyFile: options.keyFile }),
    ...(audioStoreUrl === undefined ? {} : { audioStoreUrl }),
  };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The lines `kollega keys status` prints: key ids and counts, never key material. */
export function formatKeysStatus(status: EncryptionKeysStatus): string[] {
  const lines: string[] = [];
  lines.push(`Nøkkelfil: ${status.keyFile ?? '(KOLLEGA_ENCRYPTION_KEY)'}`);
  if (status.activeKeyId === undefined)
    lines.push('Ingen nøkkelfil ennå: den lages når Kollega starter første gang.');
  const audio = status.audio;
  const keyIds = [...status.keyIds];
  for (const keyId of [...Object.keys(status.values.byKey), ...Object.keys(audio?.byKey ?? {})]) {
    if (!keyIds.includes(keyId)) keyIds.push(keyId);
  }
  if (keyIds.length > 0) lines.push('Nøkler:');
  for (const keyId of keyIds) {
    const marks = [
      ...(keyId === status.activeKeyId ? ['aktiv'] : []),
      ...(status.keyIds.includes(keyId) ? [] : ['MANGLER i nøkkelfilen']),
    ];
    const values = plural(status.values.byKey[keyId] ?? 0, 'verdi', 'verdier');
    const files = audio === undefined ? '' : `, ${plural(audio.byKey[keyId] ?? 0, 'lydfil', 'lydfiler')}`;
    lines.push(`  ${keyId}${marks.length === 0 ? '' : ` (${marks.join(', ')})`}: ${values}${files}`);
  }
  const plainFiles = audio === undefined ? '' : `, ${plural(audio.plaintext, 'lydfil', 'lydfiler')}`;
  lines.push(
    `Ukryptert (lagret før kryptering): ${plural(status.values.plaintext, 'verdi', 'verdier')}${plainFiles}`,
  );
  if (status.pendingRotation !== undefined) {
    lines.push(
      `En rotasjon til ${status.pendingRotation} ble ikke fullført: kjør «kollega keys rotate» igjen.`,
    );
  } else if (status.values.plaintext > 0 || (audio?.plaintext ?? 0) > 0) {
    lines.push('Kjør «kollega keys rotate» for å kryptere det som er ukryptert.');
  }
  return lines;
}

/** The lines `kollega keys rotate` prints when it is done. */
export function formatRotationReport(report: RotationReport): string[] {
  const lines = [
    `${report.resumed ? 'Fortsatte rotasjon til' : 'Ny aktiv nøkkel'}: ${report.keyId} (${report.keyFile})`,
    `Verdier: ${report.values.rewritten} kryptert på nytt, ${report.values.current} hadde allerede ny nøkkel, ` +
      `${report.values.changed} endret underveis`,
  ];
  if (report.audio !== undefined) {
    lines.push(
      `Lydfiler: ${report.audio.rewritten} kryptert på nytt, ${report.audio.current} hadde allerede ny nøkkel, ` +
        `${report.audio.changed} endret underveis`,
    );
  }
  lines.push(
    report.complete
      ? 'Ferdig. Eldre nøkler ligger igjen i nøkkelfilen for lesing; start serveren på nytt så den skriver med den nye.'
      : 'Noe ble endret mens rotasjonen pågikk: kjør «kollega keys rotate» igjen (den fortsetter med samme nøkkel).',
  );
  return lines;
}

function addSharedOptions(command: Command): Command {
  return command
    .option('--database <url>', 'database (standard KOLLEGA_DATABASE_URL eller sqlite:./data/kollega.db)')
    .option('--database-url <url>', 'det samme som --database')
    .option(
      '--key-file <path>',
      'nøkkelfil (standard KOLLEGA_ENCRYPTION_KEY_FILE eller ved siden av databasen)',
    )
    .option(
      '--audio-store <url>',
      'lydlager (standard KOLLEGA_AUDIO_STORE eller audio ved siden av databasen)',
    )
    .option('--no-audio', 'ikke ta med lydfiler');
}

/**
 * `kollega keys status` (key ids and how many values and audio files use each; never key material) and
 * `kollega keys rotate` (new active key, everything re-encrypted in batches with progress on standard error,
 * audit-logged; safe to interrupt and run again).
 */
export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description('Krypteringsnøkler for lagrede pasientdata');
  addSharedOptions(
    keys.command('status').description('Vis nøkler og hvor mange verdier som bruker hver'),
  ).action(async (options: KeysCommandOptions) => {
    const status = await describeEncryptionKeys(readOptions(options));
    process.stdout.write(`${formatKeysStatus(status).join('\n')}\n`);
  });
  addSharedOptions(
    keys
      .command('rotate')
      .description(
        'Lag en ny nøkkel, gjør den aktiv og krypter alt på nytt med den (trygt å avbryte og kjøre igjen)',
      ),
  )
    .option('--batch-size <rows>', 'rader per omgang', '200')
    .action(async (options: KeysCommandOptions & { batchSize: string }) => {
      const batchSize = Number.parseInt(options.batchSize, 10);
      const report = await rotateEncryptionKeys({
        ...readOptions(options),
        ...(Number.isInteger(batchSize) && batchSize > 0 ? { batchSize } : {}),
        actor: 'system:kollega-keys',
        onProgress: (line) => process.stderr.write(`${line}\n`),
      });
      process.stdout.write(`${formatRotationReport(report).join('\n')}\n`);
      if (!report.complete) process.exitCode = 1;
    });
}
