import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FakeOpenAIServer, FakeReply } from '@kollega/ai/testing';
import { startFakeOpenAIServer } from '@kollega/ai/testing';
import { checkPersonNumber, createSeededRandom, generatePersonNumber } from '@kollega/clinical';
import type { NoteOutput } from './note';
import { registerNoteCommand } from './note';
import { runCli } from '../testing/run-cli';

// End-to-end runs of the real `kollega note` process against the fake OpenAI-compatible server on loopback.
// Each spawn costs seconds (tsx compiles on start); a busy machine needs generous timeouts.
const SPAWN_TIMEOUT = 180_000;
const MODEL_ID = 'openai-compatible:fake-model';
const DEV_SET = process.env.KOLLEGA_NB_DEV_CONSULTATIONS ?? '/work/shared/data/nb-dev/consultations.jsonl';

/** No model settings leak in from the machine running the tests: every run says what it uses. */
const CLEAN_ENVIRONMENT: NodeJS.ProcessEnv = {
  KOLLEGA_MODEL_CONFIG: '',
  KOLLEGA_MODEL_NOTE_DRAFTING: '',
  KOLLEGA_MODEL_DEFAULT: '',
  KOLLEGA_OPENAI_BASE_URL: '',
  KOLLEGA_OPENAI_API_KEY: '',
  KOLLEGA_OPENAI_LOCAL: '',
  KOLLEGA_MODEL_LOCAL_ONLY: '',
  KOLLEGA_MODELS_LOCAL_ONLY: '',
};

const folder = mkdtempSync(join(tmpdir(), 'kollega-cli-model-'));
let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAIServer();
});
afterEach(() => {
  server.reset();
  server.setDefault({ kind: 'echo-note' });
});
afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

function writeInput(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

/** A short synthetic consultation; the patient gives a phone number (an identifier for the leak checks). */
const PHONE = '412 34 567';
const CONSULTATION = {
  id: 'hals',
  setting: 'kontor',
  patient: { name: 'Solveig Kristiansen' },
  transcript: [
    { speaker: 'lege', text: 'Hei, hva kan jeg hjelpe deg med i dag?' },
    {
      speaker: 'pasient',
      text: 'Jeg har hatt vondt i halsen i tre dager, og i går kveld målte jeg 38,9 i feber.',
    },
    { speaker: 'lege', text: 'Har du hoste eller er du tett i nesen?' },
    { speaker: 'pasient', text: 'Nei, ingen hoste, bare vondt i halsen når jeg svelger.' },
    {
      speaker: 'lege',
      text: 'Mandlene er røde og hovne med belegg på begge sider, ingen hovne lymfeknuter.',
    },
    { speaker: 'pasient', text: `Greit. Dere kan nå meg på ${PHONE} hvis prøvesvaret kommer.` },
    { speaker: 'lege', text: 'Vi tar en streptokokk-hurtigtest nå og ser på svaret før du går.' },
  ],
};

/** Runs `kollega note` in this process (the built-in reference output), capturing stdout. */
async function runNoteInProcess(args: readonly string[]): Promise<string> {
  const program = new Command('kollega').exitOverride();
  registerNoteCommand(program);
  let stdout = '';
  const stdoutSpy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const stderrSpy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await program.parseAsync(['node', 'kollega', 'note', ...args]);
    return stdout;
  } finally {
    stdoutSpy.mockRestore();
    stderrSpy.mockRestore();
  }
}

/** A loopback port with nothing listening on it. */
async function findClosedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('kollega note --model (real process, fake OpenAI-compatible server)', () => {
  it(
    'drafts and verifies the note with the model: engine is the model id, exit 0',
    async () => {
      const input = writeInput('hals.json', JSON.stringify(CONSULTATION));
      const result = await runCli(
        ['note', input, '--format', 'json', '--model', MODEL_ID, '--base-url', server.baseURL],
        { env: CLEAN_ENVIRONMENT },
      );
      expect(result.code).toBe(0);
      expect(result.stderr).not.toMatch(/llm_fallback/);
      const output = JSON.parse(result.stdout) as NoteOutput;
      expect(output.engine).toBe(MODEL_ID);
      expect(output.warnings.map((warning) => warning.code)).not.toContain('llm_fallback');

      // The model was asked (once: a short consultation fits one call) for this model.
      const chats = server.requests.filter((request) => request.path.endsWith('/chat/completions'));
      expect(chats).toHaveLength(1);
      expect(chats[0]!.json?.model).toBe('fake-model');
      // Loopback without --remote is local: the transcript goes as it is, nothing de-identified.
      expect(chats[0]!.body).toContain(PHONE);

      // The note is the model's (the fake copies patient lines verbatim), grounded and verified.
      const statements = output.sections.flatMap((section) => section.statements);
      expect(statements.map((statement) => statement.text)).toContain(CONSULTATION.transcript[3]!.text);
      const segmentIds = new Set(CONSULTATION.transcript.map((_turn, index) => `s${index + 1}`));
      for (const statement of statements) {
        expect(statement.evidence.length).toBeGreaterThan(0);
        for (const id of statement.evidence) expect(segmentIds.has(id)).toBe(true);
        expect(statement.support).not.toBe('unverified');
      }
      expect(statements.some((statement) => statement.support === 'supported')).toBe(true);
    },
    SPAWN_TIMEOUT,
  );

  const garbage: Array<[string, FakeReply]> = [
    ['text that is not a note', { kind: 'text', content: 'Beklager, jeg forstår ikke. {"sections": [' }],
    ['an HTTP body that is not JSON', { kind: 'raw', status: 200, body: '<html>Bad gateway</html>' }],
  ];
  it.each(garbage)(
    'falls back to the built-in note with llm_fallback on stderr and exit 0 when the server answers %s',
    async (_name, reply) => {
      server.setDefault(reply);
      const input = writeInput('hals-garbage.json', JSON.stringify(CONSULTATION));
      const result = await runCli(
        ['note', input, '--format', 'json', '--model', MODEL_ID, '--base-url', server.baseURL],
        { env: { ...CLEAN_ENVIRONMENT, KOLLEGA_MODEL_MAX_RETRIES: '0' } },
      );
      expect(result.code).toBe(0);
      expect(server.requests.length).toBeGreaterThan(0);
      expect(result.stderr).toMatch(/^kollega: advarsel \(hals, llm_fallback\): Språkmodellen kunne ikke/m);
      const output = JSON.parse(result.stdout) as NoteOutput;
      expect(output.engine).toBe('builtin');
      expect(output.warnings[0]?.code).toBe('llm_fallback');

      const builtin = JSON.parse(await runNoteInProcess([input, '--format', 'json'])) as NoteOutput;
      expect(builtin.engine).toBe('builtin');
      expect(output.sections).toEqual(builtin.sections);
      expect(output.text).toBe(builtin.text);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'falls back to the built-in note with llm_fallback on stderr and exit 0 when the server is down (from the environment)',
    async () => {
      const port = await findClosedPort();
      const input = writeInput('hals-down.json', JSON.stringify(CONSULTATION));
      // Configured through the environment alone, with the default retries.
      const result = await runCli(['note', input, '--format', 'text'], {
        env: {
          ...CLEAN_ENVIRONMENT,
          KOLLEGA_MODEL_NOTE_DRAFTING: MODEL_ID,
          KOLLEGA_OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
        },
      });
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/^kollega: advarsel \(hals, llm_fallback\): .*\(unavailable\)/m);
      const builtin = await runNoteInProcess([input, '--format', 'text']);
      expect(result.stdout).toBe(builtin);
      expect(result.stdout.trim()).not.toBe('');
    },
    SPAWN_TIMEOUT,
  );
});

interface DevConsultation {
  id: string;
  setting?: string;
  transcript: Array<{ speaker: string; text: string }>;
}

const STREETS = ['Storgata', 'Furuveien', 'Kirkevegen', 'Skolebakken', 'Kongens gate', 'Solbergstien'];
const PLACES = ['0150 Oslo', '5003 Bergen', '7010 Trondheim', '9008 Tromsø', '2317 HAMAR'];
const FIRST_NAMES = ['Kari', 'Aisha', 'Per-Olav', 'Nguyen', 'Siri', 'Jonas', 'Anne-Marie', 'Øystein'];
const LAST_NAMES = ['Nordmann', 'Haugland', 'Kowalski', 'Johansen', 'Berg Olsen', 'Mohammed', 'Strand'];

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!;
}

interface AddedIdentifiers {
  sentences: string[];
  /** Exact strings that must not reach the server. */
  secrets: string[];
  /** Names that must not reach the server as words. */
  names: string[];
  patientName: string;
  /** The fødselsnummer as said, which must be back in the restored note. */
  personNumberAsSaid: string;
}

/** A valid fødselsnummer, a phone number, a street address and the patient's name, written in varied ways. */
function makeIdentifiers(random: () => number): AddedIdentifiers {
  const personNumber = generatePersonNumber({ random });
  expect(checkPersonNumber(personNumber)).toMatchObject({
    classic: true,
    type: 'fodselsnummer',
    valid: true,
  });
  const personNumberAsSaid = pick(random, [
    personNumber,
    `${personNumber.slice(0, 6)} ${personNumber.slice(6)}`,
    `${personNumber.slice(0, 6)}-${personNumber.slice(6)}`,
  ]);
  const digits = `${pick(random, ['9', '4'])}${String(Math.floor(random() * 1e7)).padStart(7, '0')}`;
  const phone = pick(random, [
    `+47 ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`,
    `${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6)}`,
    digits,
  ]);
  const street = `${pick(random, STREETS)} ${1 + Math.floor(random() * 120)}${pick(random, ['', 'B'])}`;
  const place = pick(random, PLACES);
  const patientName = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
  return {
    sentences: [
      `Fødselsnummeret mitt er ${personNumberAsSaid}, hvis du trenger det.`,
      `Du kan ringe meg på ${phone} etter klokka fire.`,
      `Jeg har flyttet til ${street}, ${place}, forresten.`,
      // No cue word: only the `patient` field tells Kollega this is a name.
      `${patientName} står fortsatt på timekortet.`,
    ],
    secrets: [personNumber, personNumberAsSaid, phone, digits, street, place],
    names: patientName.split(/[\s-]+/),
    patientName,
    personNumberAsSaid,
  };
}

/** A copy of a consultation with each identifier sentence added to a patient-side turn. */
function withIdentifiers(
  consultation: DevConsultation,
  identifiers: AddedIdentifiers,
  random: () => number,
): DevConsultation & { patient: { name: string } } {
  const transcript = consultation.transcript.map((turn) => ({ ...turn }));
  const patientSide = transcript.filter((turn) => turn.speaker !== 'lege');
  for (const sentence of identifiers.sentences) {
    const turn = pick(random, patientSide);
    turn.text = `${turn.text} ${sentence}`;
  }
  return { ...consultation, transcript, patient: { name: identifiers.patientName } };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.skipIf(!existsSync(DEV_SET))(
  'kollega note --remote: no identifier reaches the server (nb-dev)',
  () => {
    it(
      'sends the 24 consultations with added fødselsnummer, phone numbers, addresses and names de-identified',
      async () => {
        const random = createSeededRandom(2024);
        const consultations = readFileSync(DEV_SET, 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => JSON.parse(line) as DevConsultation);
        expect(consultations).toHaveLength(24);
        const identifiers = new Map<string, AddedIdentifiers>();
        const lines = consultations.map((consultation) => {
          const added = makeIdentifiers(random);
          identifiers.set(consultation.id, added);
          return JSON.stringify(withIdentifiers(consultation, added, random));
        });
        const input = writeInput('nb-dev-identifiers.jsonl', `${lines.join('\n')}\n`);

        const result = await runCli(
          ['note', input, '--model', MODEL_ID, '--base-url', server.baseURL, '--remote'],
          { env: CLEAN_ENVIRONMENT },
        );
        expect(result.code).toBe(0);
        expect(result.stderr).toMatch(/Sendes avidentifisert til/);
        expect(result.stderr).not.toMatch(/llm_fallback/);
        const outputs = result.stdout
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line) as NoteOutput);
        expect(outputs).toHaveLength(24);

        const sent = server.requests.map((request) => request.body).join('\n');
        expect(server.requests.length).toBeGreaterThanOrEqual(24);
        for (const output of outputs) {
          const added = identifiers.get(output.id)!;
          expect(output.engine, output.id).toBe(MODEL_ID);
          for (const secret of added.secrets) {
            expect(sent.includes(secret), `${output.id}: an added identifier reached the server`).toBe(false);
          }
          for (const name of added.names) {
            const asWord = new RegExp(`(?<![\\p{L}])${escapeRegExp(name)}(?![\\p{L}])`, 'u');
            expect(asWord.test(sent), `${output.id}: a known name reached the server`).toBe(false);
          }
          // De-identified, not dropped: the restored note says the number as the patient said it.
          expect(output.text, output.id).toContain(added.personNumberAsSaid);
        }
      },
      SPAWN_TIMEOUT,
    );
  },
);
