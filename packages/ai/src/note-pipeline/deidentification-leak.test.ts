import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpeakerRole, Transcript } from '@kollega/domain';
import { createSeededRandom, generatePersonNumber } from '@kollega/clinical';
import { parseModelConfig } from '../registry/model-config';
import { createModelRegistry } from '../registry/model-registry';
import type { FakeOpenAIServer } from '../testing/fake-openai-server';
import { startFakeOpenAIServer } from '../testing/fake-openai-server';
import { draftNoteWithModel } from './draft-note-with-model';

/**
 * End to end: the synthetic nb-dev consultations, with identifiers added to copies, go through the
 * note pipeline to a provider that is not local. No identifier may appear in any request the fake
 * server received; the restored note must contain them again.
 */
const DATA_FILE = process.env.KOLLEGA_NB_DEV_CONSULTATIONS ?? '/work/shared/data/nb-dev/consultations.jsonl';

/** 24 consultations through the built-in engine and the verifier: allow for a busy machine. */
const LONG_TEST_TIMEOUT = 180_000;

interface Consultation {
  id: string;
  transcript: Array<{ speaker: string; text: string }>;
}

const FIRST_NAMES = ['Kari', 'Ola', 'Aisha', 'Per-Olav', 'Nguyen', 'Siri', 'Jonas', 'Anne-Marie'];
const LAST_NAMES = [
  'Nordmann',
  'Haugland',
  'Kowalski',
  'Johansen',
  'Berg Olsen',
  'Aasen',
  'Mohammed',
  'Strand',
];
const STREETS = ['Storgata', 'Furuveien', 'Kirkevegen', 'Skolebakken', 'Kongens gate', 'Solbergstien'];
const PLACES = [
  ['0150', 'Oslo'],
  ['5003', 'Bergen'],
  ['7010', 'Trondheim'],
  ['9008', 'Tromsø'],
  ['2317', 'HAMAR'],
] as const;

/** One way of writing each identifier, chosen by the seeded random. */
function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!;
}

interface Identifiers {
  sentences: string[];
  /** Every string that must not reach the server. */
  secrets: string[];
  knownNames: string[];
  /** A written identifier that must be back in the restored note. */
  personNumberAsWritten: string;
}

function makeIdentifiers(random: () => number): Identifiers {
  const personNumber = generatePersonNumber({ random, rule: random() < 0.5 ? 'classic' : '2032-only' });
  const dNumber = generatePersonNumber({ random, type: 'd-nummer' });
  const personNumberAsWritten = pick(random, [
    personNumber,
    `${personNumber.slice(0, 6)} ${personNumber.slice(6)}`,
    `${personNumber.slice(0, 6)}-${personNumber.slice(6)}`,
  ]);
  const phoneDigits = `${pick(random, ['9', '4'])}${String(Math.floor(random() * 1e7)).padStart(7, '0')}`;
  const phone = pick(random, [
    `+47 ${phoneDigits.slice(0, 3)} ${phoneDigits.slice(3, 5)} ${phoneDigits.slice(5)}`,
    `${phoneDigits.slice(0, 2)} ${phoneDigits.slice(2, 4)} ${phoneDigits.slice(4, 6)} ${phoneDigits.slice(6)}`,
    phoneDigits,
  ]);
  const street = `${pick(random, STREETS)} ${1 + Math.floor(random() * 120)}${pick(random, ['', 'B', ' A'])}`;
  const [postalCode, place] = pick(random, PLACES);
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  const email = `${first.toLowerCase().replace(/[^a-z]/g, '')}.${last.toLowerCase().replace(/[^a-z]/g, '')}@example.no`;
  return {
    sentences: [
      `Fødselsnummeret mitt er ${personNumberAsWritten}, hvis du trenger det.`,
      `Du kan ringe meg på ${phone} etter klokka fire.`,
      `Jeg bor i ${street}, ${postalCode} ${place}, nå.`,
      `Sønnen min har D-nummer ${dNumber}.`,
      `${first} ${last} er navnet som står på kortet, og e-posten er ${email}.`,
    ],
    secrets: [
      personNumber,
      personNumberAsWritten,
      dNumber,
      phone,
      phoneDigits,
      street,
      `${postalCode} ${place}`,
      email,
      ...first.split('-'),
      ...last.split(' '),
    ],
    knownNames: [`${first} ${last}`],
    personNumberAsWritten,
  };
}

/** A copy of the consultation with each identifier sentence added to a different patient-side turn. */
function withIdentifiers(
  consultation: Consultation,
  identifiers: Identifiers,
  random: () => number,
): Transcript {
  const segments = consultation.transcript.map((turn, index) => ({
    id: `s${index + 1}`,
    speaker: turn.speaker as SpeakerRole,
    text: turn.text,
  }));
  const patientSide = segments.filter((segment) => segment.speaker !== 'lege');
  for (const sentence of identifiers.sentences) {
    const target = pick(random, patientSide);
    target.text = `${target.text} ${sentence}`;
  }
  return { segments };
}

describe.skipIf(!existsSync(DATA_FILE))(
  'no identifier reaches a non-local model (nb-dev consultations)',
  () => {
    let server: FakeOpenAIServer;
    const consultations: Consultation[] = existsSync(DATA_FILE)
      ? readFileSync(DATA_FILE, 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => JSON.parse(line) as Consultation)
      : [];

    beforeAll(async () => {
      server = await startFakeOpenAIServer({ defaultReply: { kind: 'echo-note' } });
    });
    afterAll(() => server.close());

    it.each([
      ['in one call', 8192],
      ['in overlapping chunks', 2600],
    ])(
      '%s',
      async (_name, contextTokens) => {
        expect(consultations.length).toBeGreaterThan(0);
        const registry = createModelRegistry(
          parseModelConfig({
            // Loopback, but declared not local: the registry must de-identify.
            providers: { cloud: { type: 'openai-compatible', baseURL: server.baseURL, local: false } },
            aliases: { 'note-drafting': 'cloud:remote-model' },
          }),
        );
        const random = createSeededRandom(contextTokens);
        let chunked = 0;
        for (const consultation of consultations) {
          server.reset();
          const identifiers = makeIdentifiers(random);
          const transcript = withIdentifiers(consultation, identifiers, random);
          const result = await draftNoteWithModel({
            transcript,
            model: registry.textModel('note-drafting'),
            language: 'nb',
            knownNames: identifiers.knownNames,
            contextTokens,
            maxOutputTokens: 1024,
          });
          expect(result.value.engine, consultation.id).toBe('cloud:remote-model');
          if (server.requests.length > 1) chunked += 1;
          const sent = server.requests.map((request) => request.body).join('\n');
          for (const secret of identifiers.secrets) {
            expect(sent.includes(secret), `${consultation.id}: an identifier reached the server`).toBe(false);
          }
          expect(result.value.text, consultation.id).toContain(identifiers.personNumberAsWritten);
        }
        if (contextTokens < 8192) expect(chunked).toBeGreaterThan(consultations.length / 2);
      },
      LONG_TEST_TIMEOUT,
    );

    it(
      'also in the repair call, which sends the model its own restored answer back',
      async () => {
        const registry = createModelRegistry(
          parseModelConfig({
            providers: { cloud: { type: 'openai-compatible', baseURL: server.baseURL, local: false } },
            aliases: { 'note-drafting': 'cloud:remote-model' },
          }),
        );
        // First answer: not JSON, and quoting the prompt with its placeholders. Kollega restores the
        // identifiers in it and must de-identify them again when it sends the answer back for repair.
        server.setDefault((request) =>
          request.json?.messages?.some((message) => message.role === 'assistant')
            ? { kind: 'echo-note' }
            : { kind: 'text', content: `Ikke JSON: ${request.json?.messages?.at(-1)?.content ?? ''}` },
        );
        const random = createSeededRandom(99);
        try {
          for (const consultation of consultations.slice(0, 6)) {
            server.reset();
            const identifiers = makeIdentifiers(random);
            const result = await draftNoteWithModel({
              transcript: withIdentifiers(consultation, identifiers, random),
              model: registry.textModel('note-drafting'),
              language: 'nb',
              knownNames: identifiers.knownNames,
            });
            expect(server.requests, consultation.id).toHaveLength(2);
            expect(result.value.engine, consultation.id).toBe('cloud:remote-model');
            const sent = server.requests.map((request) => request.body).join('\n');
            for (const secret of identifiers.secrets) {
              expect(sent.includes(secret), `${consultation.id}: an identifier reached the server`).toBe(
                false,
              );
            }
          }
        } finally {
          server.setDefault({ kind: 'echo-note' });
        }
      },
      LONG_TEST_TIMEOUT,
    );
  },
);
