import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Note } from '@kollega/domain';
import type { AppStorage } from '../create-storage';
import { createStorage } from '../create-storage';
import { createBlobStore } from '../audio/file-blob-store';
import { KyselyConsultationRepository } from '../consultations/kysely-consultation-repository';
import { createDatabase } from '../database/create-database';
import { createIdGenerator } from '../database/create-id';
import { createRecordStorage } from '../records/create-record-storage';
import { ENCRYPTED_TABLES } from './encrypted-columns';
import { readKeyringFile, writeKeyringFile } from './keyring-file';
import { describeEncryptionKeys, rotateEncryptionKeys } from './rotate-keys';

// A synthetic sentence that must never appear in the database or audio files once written through storage.
const NEEDLE = 'vondt i venstre kne';
const SENTENCE = `Pasienten Ola Testesen har ${NEEDLE} siden mandag.`;

const folder = mkdtempSync(join(tmpdir(), 'kollega-at-rest-'));
const postgresUrl = process.env.KOLLEGA_TEST_POSTGRES_URL;
const createdSchemas: string[] = [];
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  if (postgresUrl === undefined || createdSchemas.length === 0) return;
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    for (const schema of createdSchemas) await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
});

function makeNote(text: string): Note {
  return {
    template: 'fastlege',
    language: 'nb',
    sections: [
      {
        id: 'aktuelt',
        title: 'Aktuelt',
        statements: [{ id: 'a1', text, evidence: ['s1'], support: 'supported' }],
      },
    ],
  };
}

/** A place to keep one test's data: a database (SQLite file or a PostgreSQL schema), a key file, audio. */
interface Backend {
  url: string;
  schema?: string;
  keyFile: string;
  audioStoreUrl: string;
  audioFolder: string;
  /** Everything the database holds, as text (file bytes for SQLite, every row for PostgreSQL). */
  readRaw(): Promise<string>;
}

type MakeBackend = () => Backend;

let counter = 0;
const sqliteBackend: MakeBackend = () => {
  counter += 1;
  const base = join(folder, `sqlite-${counter}`);
  const path = join(base, 'kollega.db');
  return {
    url: `sqlite:${path}`,
    keyFile: join(base, 'keys.json'),
    audioStoreUrl: `file:${join(base, 'audio')}`,
    audioFolder: join(base, 'audio'),
    readRaw: () =>
      Promise.resolve(
        ['', '-wal', '-shm']
          .map((suffix) => `${path}${suffix}`)
          .filter((file) => existsSync(file))
          .map((file) => readFileSync(file).toString('latin1'))
          .join('\n'),
      ),
  };
};

const postgresBackend: MakeBackend = () => {
  counter += 1;
  const base = join(folder, `postgres-${counter}`);
  const schema = `kollega_enc_${randomBytes(6).toString('hex')}`;
  createdSchemas.push(schema);
  const url = postgresUrl ?? '';
  return {
    url,
    schema,
    keyFile: join(base, 'keys.json'),
    audioStoreUrl: `file:${join(base, 'audio')}`,
    audioFolder: join(base, 'audio'),
    readRaw: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const tables = await client.query<{ table_name: string }>(
          'select table_name from information_schema.tables where table_schema = $1',
          [schema],
        );
        const dumps: string[] = [];
        for (const { table_name: table } of tables.rows) {
          const rows = await client.query(`select * from "${schema}"."${table}"`);
          dumps.push(JSON.stringify(rows.rows));
        }
        return dumps.join('\n');
      } finally {
        await client.end();
      }
    },
  };
};

function open(backend: Backend, keyFile = backend.keyFile): Promise<AppStorage> {
  return createStorage(backend.url, {
    ...(backend.schema === undefined ? {} : { schema: backend.schema }),
    encryption: { keyFile, log: () => undefined },
  });
}

/** Writes the sentence into every kind of sensitive value, through the repositories. */
async function writeEverything(backend: Backend, storage: AppStorage) {
  const consultation = await storage.consultations.create({
    title: `Ola Testesen – ${NEEDLE}`,
    language: 'nb',
    transcript: { segments: [{ id: 's1', speaker: 'pasient', text: SENTENCE }] },
  });
  const draft = await storage.notes.saveDraft({
    consultationId: consultation.id,
    engine: 'builtin',
    note: makeNote(SENTENCE),
    warnings: [{ code: 'x', message: SENTENCE }] as never,
    verification: {
      statements: [
        {
          statementId: 'a1',
          text: SENTENCE,
          support: 'supported',
          severity: 'normal',
          evidence: ['s1'],
          reasons: [],
        },
      ],
      omissions: [],
      warnings: [],
    },
  });
  const edited = await storage.notes.saveEdit({
    noteId: draft.id,
    expectedVersion: 1,
    note: makeNote(`${SENTENCE} Endret.`),
    editedBy: 'lege:test',
  });
  await storage.notes.addDismissal(draft.id, {
    flagId: 'f1',
    reason: SENTENCE,
    by: 'lege:test',
    at: '2025-01-01T10:00:00Z',
  });
  await storage.decisionSupport.addDecision({
    consultationId: consultation.id,
    action: 'declined',
    reason: SENTENCE,
    rule: 'sore-throat@2026.1',
    recommendationKind: 'antibiotic',
    deviationCodes: ['antibiotic-withheld'],
    decidedBy: 'lege:test',
  });
  const questionnaire = await storage.patientTools.createQuestionnaire({
    consultationId: consultation.id,
    language: 'nb',
    tokenHash: randomBytes(16).toString('hex'),
    createdBy: 'lege:test',
    expiresAt: '2999-01-01T00:00:00.000Z',
  });
  await storage.patientTools.submitQuestionnaire({
    id: questionnaire.id,
    answers: { plager: SENTENCE },
    assessment: { sammendrag: SENTENCE },
    at: '2025-01-01T10:00:00.000Z',
  });
  await storage.patientTools.saveSummaryDraft({
    noteId: draft.id,
    consultationId: consultation.id,
    language: 'nb',
    summary: { text: SENTENCE },
  });
  const message = await storage.messages.create({
    practiceId: 'praksis-a',
    sender: 'Ola Testesen',
    message: SENTENCE,
    receivedAt: '2025-01-01T08:00:00.000Z',
    urgency: 'rutine',
    category: 'annet',
    redFlags: [{ text: NEEDLE, rule: 'r', description: 'd', urgency: 'rutine' }],
    reasons: [SENTENCE],
    suggestedReply: SENTENCE,
    injectionAttempt: false,
    rulesVersion: 'test',
  } as never);
  await storage.messages.update('praksis-a', message.id, { reply: SENTENCE, repliedBy: 'lege:test' });
  const records = await createRecordStorage(backend.url, {
    ...(backend.schema === undefined ? {} : { schema: backend.schema }),
    encryption: { keyring: storage.encryption.keyring },
  });
  const documentId = records.records.createId();
  await records.records.add(documentId, {
    patientKey: 'pasient-1',
    name: `Epikrise Ola Testesen ${NEEDLE}.pdf`,
    kind: 'epikrise',
    passages: [{ id: `${documentId}-p1`, text: SENTENCE }],
    warnings: [],
    importedBy: 'lege:test',
  });
  const document = await records.clinicalDocuments.create({
    consultationId: consultation.id,
    noteId: draft.id,
    kind: 'henvisning',
    content: { text: SENTENCE },
    request: { question: SENTENCE },
    createdBy: 'lege:test',
  });
  await records.close();
  const blobs = createBlobStore(backend.audioStoreUrl, { keyring: storage.encryption.keyring });
  await blobs.append(`recordings/${consultation.id}/part-0.webm`, Buffer.from(SENTENCE), { expectedSize: 0 });
  return { consultation, note: edited, messageId: message.id, documentId: document.id };
}

/** Reads everything back through the repositories and checks the sentence comes back. */
async function expectReadable(
  backend: Backend,
  storage: AppStorage,
  ids: Awaited<ReturnType<typeof writeEverything>>,
) {
  const consultation = await storage.consultations.findById(ids.consultation.id);
  expect(consultation?.title).toContain(NEEDLE);
  expect(consultation?.transcript.segments[0]?.text).toBe(SENTENCE);
  expect((await storage.consultations.listSummaries())[0]?.title).toContain(NEEDLE);
  const note = await storage.notes.findById(ids.note.id);
  expect(note?.note.sections[0]?.statements[0]?.text).toContain(NEEDLE);
  expect(note?.dismissals[0]?.reason).toBe(SENTENCE);
  expect((await storage.decisionSupport.listDecisions(ids.consultation.id))[0]?.reason).toBe(SENTENCE);
  expect(JSON.stringify((await storage.notes.listEdits(ids.note.id))[0]?.diff)).toContain(NEEDLE);
  expect(JSON.stringify(await storage.patientTools.listQuestionnaires(ids.consultation.id))).toContain(
    NEEDLE,
  );
  expect(JSON.stringify(await storage.patientTools.listSummaries(ids.note.id))).toContain(NEEDLE);
  const message = await storage.messages.findById('praksis-a', ids.messageId);
  expect([message?.message, message?.reply, message?.suggestedReply]).toEqual([SENTENCE, SENTENCE, SENTENCE]);
  const records = await createRecordStorage(backend.url, {
    ...(backend.schema === undefined ? {} : { schema: backend.schema }),
    encryption: { keyring: storage.encryption.keyring },
  });
  try {
    expect(JSON.stringify(await records.records.listWithPassages('pasient-1'))).toContain(NEEDLE);
    expect(JSON.stringify(await records.clinicalDocuments.findById(ids.documentId))).toContain(NEEDLE);
  } finally {
    await records.close();
  }
  const blobs = createBlobStore(backend.audioStoreUrl, { keyring: storage.encryption.keyring });
  expect((await blobs.read(`recordings/${ids.consultation.id}/part-0.webm`)).toString()).toBe(SENTENCE);
}

function describeAtRest(name: string, makeBackend: MakeBackend): void {
  describe(`encryption at rest: ${name}`, () => {
    it('keeps the sentence out of the stored rows and audio files, and reads it back', async () => {
      const backend = makeBackend();
      const storage = await open(backend);
      try {
        const ids = await writeEverything(backend, storage);
        await expectReadable(backend, storage, ids);
      } finally {
        await storage.close();
      }
      const raw = await backend.readRaw();
      expect(raw).toContain('kenc:v1:');
      expect(raw).not.toContain(NEEDLE);
      expect(raw).not.toContain('Testesen');
      const audio = readFileSync(
        join(backend.audioFolder, 'recordings', readdirOnly(backend.audioFolder), 'part-0.webm'),
      );
      expect(audio.includes(Buffer.from(NEEDLE))).toBe(false);
      const status = await describeEncryptionKeys({
        databaseUrl: backend.url,
        ...(backend.schema === undefined ? {} : { schema: backend.schema }),
        keyFile: backend.keyFile,
        audioStoreUrl: backend.audioStoreUrl,
        env: {},
      });
      expect(status.values.plaintext).toBe(0);
      expect(Object.keys(status.values.byKey)).toEqual([status.activeKeyId]);
      // Every encrypted column that was written holds envelopes only.
      const written = status.columns.filter((column) => Object.keys(column.byKey).length > 0);
      expect(written.length).toBe(ENCRYPTED_TABLES.reduce((sum, table) => sum + table.columns.length, 0));
      expect(status.audio).toMatchObject({ files: 1, plaintext: 0 });
    });

    it('rotates: old data reads, every value and audio file moves to the new key, and the old key can go', async () => {
      const backend = makeBackend();
      const storage = await open(backend);
      const ids = await writeEverything(backend, storage);
      const oldKey = storage.encryption.keyring.activeKeyId;
      const options = {
        databaseUrl: backend.url,
        ...(backend.schema === undefined ? {} : { schema: backend.schema }),
        keyFile: backend.keyFile,
        audioStoreUrl: backend.audioStoreUrl,
        env: {},
      };
      const lines: string[] = [];
      const report = await rotateEncryptionKeys({
        ...options,
        batchSize: 2,
        onProgress: (line) => lines.push(line),
      });
      expect(report.keyId).not.toBe(oldKey);
      expect(report.resumed).toBe(false);
      expect(report.complete).toBe(true);
      expect(report.values.rewritten).toBeGreaterThan(10);
      expect(report.values.changed).toBe(0);
      expect(report.audio).toEqual({ rewritten: 1, current: 0, changed: 0 });
      expect(lines.some((line) => line.startsWith('consultations.transcript:'))).toBe(true);
      expect(lines.join('\n')).not.toContain(NEEDLE);

      // The storage opened before the rotation still reads (it re-reads the key file for the new key).
      await expectReadable(backend, storage, ids);
      expect(await storage.audit.list({ action: 'encryption.rotate' })).toHaveLength(1);
      await storage.close();

      const status = await describeEncryptionKeys(options);
      expect(status.activeKeyId).toBe(report.keyId);
      expect(status.keyIds).toEqual([oldKey, report.keyId]);
      expect(status.pendingRotation).toBeUndefined();
      expect(Object.keys(status.values.byKey)).toEqual([report.keyId]);
      expect(status.audio?.byKey).toEqual({ [report.keyId]: 1 });

      // Another rotation (the first one finished) makes another key and moves everything again.
      const again = await rotateEncryptionKeys(options);
      expect(again.keyId).not.toBe(report.keyId);
      expect(again.values).toEqual({ rewritten: report.values.rewritten, current: 0, changed: 0 });

      // Remove every key but the newest: everything still reads.
      const file = readKeyringFile(backend.keyFile);
      const newest = file.keys.filter((key) => key.id === again.keyId);
      writeKeyringFile(backend.keyFile, { keys: newest, activeKeyId: again.keyId });
      const reopened = await open(backend);
      try {
        expect(reopened.encryption.keyring.listKeyIds()).toEqual([again.keyId]);
        await expectReadable(backend, reopened, ids);
      } finally {
        await reopened.close();
      }
    });

    it('resumes an interrupted rotation with the same key when run again', async () => {
      const backend = makeBackend();
      const storage = await open(backend);
      const ids = await writeEverything(backend, storage);
      await storage.close();
      const options = {
        databaseUrl: backend.url,
        ...(backend.schema === undefined ? {} : { schema: backend.schema }),
        keyFile: backend.keyFile,
        audioStoreUrl: backend.audioStoreUrl,
        env: {},
      };
      let batches = 0;
      const interrupted = rotateEncryptionKeys({
        ...options,
        batchSize: 1,
        onProgress: (line) => {
          if (line.includes('/') && (batches += 1) === 4) throw new Error('avbrutt');
        },
      });
      await expect(interrupted).rejects.toThrow('avbrutt');
      const pending = readKeyringFile(backend.keyFile).rotation?.keyId;
      expect(pending).toBeDefined();
      const halfway = await describeEncryptionKeys(options);
      expect(halfway.pendingRotation).toBe(pending);
      expect(Object.keys(halfway.values.byKey)).toHaveLength(2);

      const resumed = await rotateEncryptionKeys(options);
      expect(resumed.resumed).toBe(true);
      expect(resumed.keyId).toBe(pending);
      expect(resumed.complete).toBe(true);
      expect(resumed.values.current).toBeGreaterThan(0);
      const done = await describeEncryptionKeys(options);
      expect(done.keyIds).toHaveLength(2);
      expect(done.pendingRotation).toBeUndefined();
      expect(Object.keys(done.values.byKey)).toEqual([pending]);
      const reopened = await open(backend);
      try {
        await expectReadable(backend, reopened, ids);
        expect(await reopened.audit.list({ action: 'encryption.rotate' })).toHaveLength(1);
      } finally {
        await reopened.close();
      }
    });

    it('reads legacy plaintext rows written before encryption, and rotation encrypts them', async () => {
      const backend = makeBackend();
      // A database from before this change: the repository without a keyring writes plaintext.
      const first = await open(backend);
      await first.close();
      const database = await createDatabase(
        backend.url,
        backend.schema === undefined ? {} : { schema: backend.schema },
      );
      const legacy = new KyselyConsultationRepository({
        db: database.db,
        dialect: database.dialect,
        now: () => new Date('2025-01-01T10:00:00Z'),
        createId: createIdGenerator(),
      });
      const old = await legacy.create({
        title: 'Gammel konsultasjon',
        language: 'nb',
        transcript: { segments: [{ id: 's1', speaker: 'pasient', text: SENTENCE }] },
      });
      await database.close();
      expect(await backend.readRaw()).toContain(NEEDLE);

      const storage = await open(backend);
      try {
        expect((await storage.consultations.findById(old.id))?.transcript.segments[0]?.text).toBe(SENTENCE);
      } finally {
        await storage.close();
      }
      const options = {
        databaseUrl: backend.url,
        ...(backend.schema === undefined ? {} : { schema: backend.schema }),
        keyFile: backend.keyFile,
        env: {},
      };
      expect((await describeEncryptionKeys(options)).values.plaintext).toBe(2);
      const report = await rotateEncryptionKeys(options);
      expect(report.values.rewritten).toBe(2);
      // Rotation also compacts SQLite, so no old plaintext is left in free pages or the write-ahead log.
      expect((await describeEncryptionKeys(options)).values.plaintext).toBe(0);
      expect(await backend.readRaw()).not.toContain(NEEDLE);
      const reopened = await open(backend);
      try {
        expect((await reopened.consultations.findById(old.id))?.transcript.segments[0]?.text).toBe(SENTENCE);
      } finally {
        await reopened.close();
      }
    });
  });
}

function readdirOnly(audioFolder: string): string {
  const entries = readdirSync(join(audioFolder, 'recordings'));
  if (entries.length !== 1 || entries[0] === undefined) throw new Error('expected one recording folder');
  return entries[0];
}

describeAtRest('SQLite file', sqliteBackend);
describe.skipIf(postgresUrl === undefined)('PostgreSQL', () => {
  describeAtRest('PostgreSQL', postgresBackend);
});
