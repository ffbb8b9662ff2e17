import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeOpenAIServer } from '@kollega/ai/testing';
import { startFakeOpenAIServer } from '@kollega/ai/testing';
import type { VerifyOutput } from './verify';
import { runCli } from '../testing/run-cli';

// Spawning the real CLI compiles TypeScript on start: allow time.
const SPAWN_TIMEOUT = 120_000;
const folder = mkdtempSync(join(tmpdir(), 'kollega-verify-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

const transcript = write(
  'transcript.json',
  JSON.stringify({
    transcript: [
      { speaker: 'lege', text: 'Hva kan jeg hjelpe deg med?' },
      { speaker: 'pasient', text: 'Jeg har hatt vondt i halsen i tre dager og feber, jeg målte 38,9 i går.' },
      { speaker: 'lege', text: 'Hoster du?' },
      { speaker: 'pasient', text: 'Nei, ingen hoste.' },
      { speaker: 'lege', text: 'Er du allergisk mot noen medisiner?' },
      { speaker: 'pasient', text: 'Nei, ingen allergier.' },
      {
        speaker: 'lege',
        text: 'Jeg skriver ut fenoksymetylpenicillin 660 milligram fire ganger daglig i fem dager.',
      },
    ],
  }),
);

describe('kollega verify', () => {
  it(
    'checks a text note against a transcript and prints JSON (exit 0 even with flags)',
    async () => {
      const note = write(
        'note.txt',
        'Aktuelt: Sår hals i 3 d. Feber 38,4 i går. Hoste.\nTiltak: Resept fenoksymetylpenicillin 660 mg x 4 i 5 d.\n',
      );
      const result = await runCli(['verify', '--transcript', transcript, '--note', note, '--format', 'json']);
      expect(result.code).toBe(0);
      const output = JSON.parse(result.stdout) as VerifyOutput;
      const support = Object.fromEntries(
        output.statements.map((statement) => [statement.text, statement.support]),
      );
      expect(support['Sår hals i 3 d.']).toBe('supported');
      expect(['unsupported', 'contradicted']).toContain(support['Feber 38,4 i går.']);
      expect(support['Hoste.']).toBe('contradicted');
      expect(support['Resept fenoksymetylpenicillin 660 mg x 4 i 5 d.']).toBe('supported');
      expect(output.omissions.map((omission) => omission.text)).toContain(
        'Ingen kjente legemiddelallergier.',
      );
      for (const statement of output.statements)
        expect(statement).toEqual(
          expect.objectContaining({
            severity: expect.any(String),
            evidence: expect.any(Array),
            reasons: expect.any(Array),
          }),
        );
    },
    SPAWN_TIMEOUT,
  );

  it(
    'reads Kollega note JSON and writes text; bad input exits 2 with a clear message',
    async () => {
      const noteJson = write(
        'note.json',
        JSON.stringify({
          sections: [
            { id: 'aktuelt', title: 'Aktuelt', statements: [{ text: 'Ingen hoste.', evidence: ['s4'] }] },
          ],
        }),
      );
      const text = await runCli(['verify', '--transcript', transcript, '--note', noteJson, '--lang', 'nb']);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('[støttet] Ingen hoste.');
      const missing = await runCli(['verify', '--transcript', join(folder, 'nope.json'), '--note', noteJson]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('Fant ikke transkripsjonen');
      const badJson = await runCli([
        'verify',
        '--transcript',
        transcript,
        '--note',
        write('bad.json', '{"sections": 3}'),
      ]);
      expect(badJson.code).toBe(2);
      expect(badJson.stderr).toContain('sections');
      const badFormat = await runCli([
        'verify',
        '--transcript',
        transcript,
        '--note',
        noteJson,
        '--format',
        'xml',
      ]);
      expect(badFormat.code).toBe(2);
    },
    SPAWN_TIMEOUT,
  );
});

describe('kollega verify --model (real process, fake OpenAI-compatible server)', () => {
  let server: FakeOpenAIServer;
  beforeAll(async () => {
    server = await startFakeOpenAIServer();
  });
  afterAll(() => server.close());

  it(
    'asks the model about the statements the rules call inferred and prints its flags',
    async () => {
      const note = write(
        'note-model.txt',
        'Aktuelt: Sår hals i 3 d. Vondt i halsen og slapp.\nTiltak: Resept fenoksymetylpenicillin 660 mg x 4 i 5 d.\n',
      );
      const rulesOnly = await runCli(
        ['verify', '--transcript', transcript, '--note', note, '--format', 'json'],
        {
          env: { KOLLEGA_MODEL_VERIFICATION: '', KOLLEGA_MODEL_DEFAULT: '', KOLLEGA_MODEL_CONFIG: '' },
        },
      );
      const inferred = (JSON.parse(rulesOnly.stdout) as VerifyOutput).statements
        .filter((statement) => statement.support === 'inferred')
        .map((statement) => statement.text);
      expect(inferred.length).toBeGreaterThan(0);
      server.setDefault({
        kind: 'text',
        content: JSON.stringify({
          verdicts: [
            { id: 'c1', verdict: 'unsupported', evidence: [], reason: 'Ingen kontroll ble avtalt.' },
          ],
        }),
      });
      const result = await runCli(
        [
          'verify',
          '--transcript',
          transcript,
          '--note',
          note,
          '--format',
          'json',
          '--model',
          'openai-compatible:fake-check',
          '--base-url',
          server.baseURL,
        ],
        { env: { KOLLEGA_MODEL_VERIFICATION: '', KOLLEGA_MODEL_DEFAULT: '', KOLLEGA_MODEL_CONFIG: '' } },
      );
      expect(result.code).toBe(0);
      expect(result.stderr).toContain('språkmodellens kontroll med openai-compatible:fake-check');
      const chats = server.requests.filter((request) => request.path.endsWith('/chat/completions'));
      expect(chats).toHaveLength(1);
      expect(chats[0]!.body).toContain(`c1: ${inferred[0]!}`);
      const flagged = (JSON.parse(result.stdout) as VerifyOutput).statements.find(
        (statement) => statement.text === inferred[0],
      );
      expect(flagged?.support).toBe('unsupported');
      expect(flagged?.reasons.at(-1)).toBe(
        'Språkmodellens vurdering (openai-compatible:fake-check): Ingen kontroll ble avtalt.',
      );
    },
    SPAWN_TIMEOUT,
  );
});
