import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppStorage } from '../create-storage';
import { createStorage } from '../create-storage';
import { usePostgresTestSchemas } from '../testing/postgres-test-schemas';

const { postgresUrl, nextSchema } = usePostgresTestSchemas('kollega_audio');

function createTickingClock(start = Date.parse('2025-01-01T10:00:00Z')): () => Date {
  let time = start;
  return () => {
    time += 1000;
    return new Date(time);
  };
}

const CONSENT = { given: true, by: 'lege:test', at: '2025-01-01T10:00:00.000Z' };

function describeAudioRepository(name: string, open: () => Promise<AppStorage>): void {
  describe(`audio repository: ${name}`, () => {
    let storage: AppStorage;
    let consultationId: string;

    beforeEach(async () => {
      storage = await open();
      const consultation = await storage.consultations.create({
        title: 'Opptak',
        language: 'en',
        transcript: { segments: [] },
      });
      consultationId = consultation.id;
    });
    afterEach(async () => {
      await storage.close();
    });

    it('creates a recording with its consent and finds it by id and consultation', async () => {
      const created = await storage.audio.create({
        consultationId,
        source: 'recording',
        language: 'en',
        consent: CONSENT,
        mimeType: 'audio/webm;codecs=opus',
      });
      expect(created).toMatchObject({
        status: 'recording',
        consent: CONSENT,
        nextSequence: 0,
        partCount: 0,
        processedSeconds: 0,
        partDurations: [],
      });
      expect(await storage.audio.findById(created.id)).toStrictEqual(created);
      expect(await storage.audio.findByConsultationId(consultationId)).toStrictEqual(created);
      await expect(
        storage.audio.create({ consultationId, source: 'upload', language: 'en', consent: CONSENT }),
      ).rejects.toMatchObject({ code: 'conflict' });
    });

    it('records a refusal as its own status', async () => {
      const refused = await storage.audio.create({
        consultationId,
        source: 'recording',
        language: 'nb',
        consent: { ...CONSENT, given: false },
      });
      expect(refused.status).toBe('consent_refused');
      expect(refused.consent.given).toBe(false);
    });

    it('records chunks in sequence, treats a repeated sequence as a duplicate and a gap as a conflict', async () => {
      const recording = await storage.audio.create({
        consultationId,
        source: 'recording',
        language: 'en',
        consent: CONSENT,
      });
      const first = await storage.audio.recordChunk({
        recordingId: recording.id,
        sequence: 0,
        part: 0,
        byteOffset: 0,
        byteLength: 10,
      });
      expect(first.duplicate).toBe(false);
      expect(first.recording).toMatchObject({ nextSequence: 1, receivedBytes: 10, partCount: 1 });
      const again = await storage.audio.recordChunk({
        recordingId: recording.id,
        sequence: 0,
        part: 0,
        byteOffset: 0,
        byteLength: 10,
      });
      expect(again.duplicate).toBe(true);
      expect(again.recording.receivedBytes).toBe(10);
      await expect(
        storage.audio.recordChunk({
          recordingId: recording.id,
          sequence: 5,
          part: 0,
          byteOffset: 10,
          byteLength: 3,
        }),
      ).rejects.toMatchObject({ code: 'conflict', details: { expectedSequence: 1 } });
      await storage.audio.recordChunk({
        recordingId: recording.id,
        sequence: 1,
        part: 1,
        byteOffset: 0,
        byteLength: 7,
      });
      const chunks = await storage.audio.listChunks(recording.id);
      expect(chunks.map((chunk) => [chunk.sequence, chunk.part, chunk.byteLength])).toEqual([
        [0, 0, 10],
        [1, 1, 7],
      ]);
      expect(await storage.audio.listChunks(recording.id, 1)).toHaveLength(1);
      expect((await storage.audio.findById(recording.id))?.partCount).toBe(2);
    });

    it('updates processing fields and clears them with null', async () => {
      const recording = await storage.audio.create({
        consultationId,
        source: 'upload',
        language: 'en',
        consent: CONSENT,
      });
      const updated = await storage.audio.update(recording.id, {
        status: 'failed',
        durationSeconds: 61.25,
        processedSeconds: 30.5,
        partDurations: [12.345, 6],
        audioKey: 'recordings/x/audio.wav',
        engine: 'pocketsphinx',
        error: { code: 'unavailable', message: 'Talegjenkjenneren svarer ikke' },
      });
      expect(updated).toMatchObject({
        status: 'failed',
        durationSeconds: 61.25,
        processedSeconds: 30.5,
        partDurations: [12.345, 6],
        audioKey: 'recordings/x/audio.wav',
        error: { code: 'unavailable' },
      });
      expect(await storage.audio.findById(recording.id)).toStrictEqual(updated);
      const cleared = await storage.audio.update(recording.id, {
        status: 'transcribed',
        error: null,
        durationSeconds: null,
      });
      expect(cleared.error).toBeUndefined();
      expect(cleared.durationSeconds).toBeUndefined();
    });

    it('lists audio due for deletion: approved notes and expired retention, never deleted or refused ones', async () => {
      const recording = await storage.audio.create({
        consultationId,
        source: 'recording',
        language: 'en',
        consent: CONSENT,
        expiresAt: '2025-01-02T10:00:00.000Z',
      });
      expect(await storage.audio.listKeptWithApprovedNote()).toEqual([]);
      expect(await storage.audio.listKeptExpiredAt('2025-01-02T09:59:59.000Z')).toEqual([]);
      expect(
        (await storage.audio.listKeptExpiredAt('2025-01-02T10:00:00.000Z')).map((item) => item.id),
      ).toEqual([recording.id]);

      const note = await storage.notes.saveDraft({
        consultationId,
        engine: 'builtin',
        note: { template: 'fastlege', language: 'en', sections: [] },
        warnings: [],
      });
      expect(await storage.audio.listKeptWithApprovedNote()).toEqual([]);
      await storage.notes.approve({ noteId: note.id, expectedVersion: note.version, approvedBy: 'Dr Test' });
      expect((await storage.audio.listKeptWithApprovedNote()).map((item) => item.id)).toEqual([recording.id]);

      const deleted = await storage.audio.markDeleted(recording.id, 'note_approved');
      expect(deleted).toMatchObject({ deletionReason: 'note_approved' });
      expect(deleted.deletedAt).toBeDefined();
      expect(deleted.audioKey).toBeUndefined();
      expect(await storage.audio.listKeptWithApprovedNote()).toEqual([]);
      expect(await storage.audio.listKeptExpiredAt('2030-01-01T00:00:00.000Z')).toEqual([]);
    });

    it('lists unfinished recordings and replaces the consultation transcript', async () => {
      const recording = await storage.audio.create({
        consultationId,
        source: 'recording',
        language: 'en',
        consent: CONSENT,
      });
      expect((await storage.audio.listUnfinished()).map((item) => item.id)).toEqual([recording.id]);
      await storage.audio.replaceTranscript(consultationId, {
        segments: [
          { id: 's1', speaker: 'lege', text: 'What brings you in?', start: 0, end: 1.5, confidence: 0.8 },
        ],
      });
      const consultation = await storage.consultations.findById(consultationId);
      expect(consultation?.transcript.segments).toHaveLength(1);
      expect((await storage.consultations.listSummaries())[0]?.segmentCount).toBe(1);
      await expect(storage.audio.replaceTranscript('missing', { segments: [] })).rejects.toMatchObject({
        code: 'not_found',
      });
    });
  });
}

describeAudioRepository('SQLite in memory', () =>
  createStorage('sqlite::memory:', { now: createTickingClock() }),
);

describe.skipIf(postgresUrl === undefined)('PostgreSQL', () => {
  describeAudioRepository('PostgreSQL', () => {
    const schema = nextSchema();
    return createStorage(postgresUrl ?? '', { now: createTickingClock(), schema });
  });
});
