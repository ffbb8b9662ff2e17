import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@kollega/domain';
import type { AppStorage } from '../create-storage';
import { createStorage } from '../create-storage';
import { usePostgresTestSchemas } from '../testing/postgres-test-schemas';

const { postgresUrl, nextSchema } = usePostgresTestSchemas('kollega_patient');

function createTickingClock(start = Date.parse('2025-01-01T10:00:00Z')): () => Date {
  let time = start;
  return () => {
    time += 1000;
    return new Date(time);
  };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const NOTE = {
  template: 'fastlege',
  language: 'nb' as const,
  sections: [
    {
      id: 'tiltak',
      title: 'Tiltak',
      statements: [{ id: 't1', text: 'Hvile.', evidence: ['s1'], support: 'supported' as const }],
    },
  ],
};

function describePatientTools(name: string, open: () => Promise<AppStorage>): void {
  describe(`patient tools repository: ${name}`, () => {
    let storage: AppStorage;
    let consultationId: string;

    beforeEach(async () => {
      storage = await open();
      const consultation = await storage.consultations.create({
        title: 'Syntetisk',
        language: 'nb',
        transcript: { segments: [{ id: 's1', speaker: 'lege', text: 'Hvil deg.' }] },
      });
      consultationId = consultation.id;
    });

    afterEach(async () => {
      await storage.close();
    });

    it('creates a questionnaire, finds it by token hash only, and lists it for the consultation', async () => {
      const created = await storage.patientTools.createQuestionnaire({
        consultationId,
        language: 'nb',
        tokenHash: 'a'.repeat(64),
        createdBy: 'resepsjon',
        expiresAt: '2025-01-02T10:00:00.000Z',
      });
      expect(created.status).toBe('open');
      expect(await storage.patientTools.findQuestionnaireByTokenHash('a'.repeat(64))).toEqual(created);
      expect(await storage.patientTools.findQuestionnaireByTokenHash('b'.repeat(64))).toBeUndefined();
      expect(await storage.patientTools.listQuestionnaires(consultationId)).toEqual([created]);
      expect(JSON.stringify(created)).not.toContain('a'.repeat(64));
      const missing = await rejection(
        storage.patientTools.createQuestionnaire({
          consultationId: 'finnes-ikke',
          language: 'nb',
          tokenHash: 'c'.repeat(64),
          createdBy: 'x',
          expiresAt: '2025-01-02T10:00:00.000Z',
        }),
      );
      expect(missing.code).toBe('not_found');
    });

    it('accepts answers once, and not after the expiry', async () => {
      const open = await storage.patientTools.createQuestionnaire({
        consultationId,
        language: 'en',
        tokenHash: 'd'.repeat(64),
        createdBy: 'x',
        expiresAt: '2025-01-02T10:00:00.000Z',
      });
      const submitted = await storage.patientTools.submitQuestionnaire({
        id: open.id,
        answers: { reason: 'Sore throat' },
        assessment: { urgency: 'none' },
        at: '2025-01-01T12:00:00.000Z',
      });
      expect(submitted).toMatchObject({
        status: 'submitted',
        answers: { reason: 'Sore throat' },
        language: 'en',
      });
      const again = await rejection(
        storage.patientTools.submitQuestionnaire({
          id: open.id,
          answers: {},
          assessment: {},
          at: '2025-01-01T12:01:00.000Z',
        }),
      );
      expect(again.code).toBe('conflict');
      expect(again.details.reason).toBe('submitted');

      const expiring = await storage.patientTools.createQuestionnaire({
        consultationId,
        language: 'nb',
        tokenHash: 'e'.repeat(64),
        createdBy: 'x',
        expiresAt: '2025-01-02T10:00:00.000Z',
      });
      const late = await rejection(
        storage.patientTools.submitQuestionnaire({
          id: expiring.id,
          answers: {},
          assessment: {},
          at: '2025-01-02T10:00:00.000Z',
        }),
      );
      expect(late.details.reason).toBe('expired');
    });

    it('keeps one summary per note and language: drafts replace drafts, approval locks', async () => {
      const note = await storage.notes.saveDraft({
        consultationId,
        engine: 'builtin',
        note: NOTE,
        warnings: [],
      });
      const first = await storage.patientTools.saveSummaryDraft({
        noteId: note.id,
        consultationId,
        language: 'nb',
        summary: { title: 'A' },
      });
      expect(first.version).toBe(1);
      const english = await storage.patientTools.saveSummaryDraft({
        noteId: note.id,
        consultationId,
        language: 'en',
        summary: { title: 'E' },
      });
      expect(english.id).not.toBe(first.id);
      const replaced = await storage.patientTools.saveSummaryDraft({
        noteId: note.id,
        consultationId,
        language: 'nb',
        summary: { title: 'B' },
      });
      expect(replaced).toMatchObject({ id: first.id, version: 2, summary: { title: 'B' } });
      const stale = await rejection(
        storage.patientTools.saveSummaryEdit({ id: first.id, expectedVersion: 1, summary: {} }),
      );
      expect(stale.code).toBe('conflict');
      const edited = await storage.patientTools.saveSummaryEdit({
        id: first.id,
        expectedVersion: 2,
        summary: { title: 'C' },
      });
      expect(edited.version).toBe(3);
      const approved = await storage.patientTools.approveSummary({
        id: first.id,
        expectedVersion: 3,
        approvedBy: 'Lege Test',
      });
      expect(approved).toMatchObject({ status: 'approved', approvedBy: 'Lege Test' });
      expect(approved.approvedAt).toBeDefined();
      for (const attempt of [
        storage.patientTools.saveSummaryEdit({ id: first.id, expectedVersion: 3, summary: {} }),
        storage.patientTools.saveSummaryDraft({
          noteId: note.id,
          consultationId,
          language: 'nb',
          summary: {},
        }),
      ]) {
        expect((await rejection(attempt)).code).toBe('already_approved');
      }
      expect(await storage.patientTools.findSummary(note.id, 'nb')).toEqual(approved);
      expect((await storage.patientTools.listSummaries(note.id)).map((record) => record.language)).toEqual([
        'nb',
        'en',
      ]);
    });
  });
}

describePatientTools('SQLite in memory', () =>
  createStorage('sqlite::memory:', { now: createTickingClock() }),
);
describe.skipIf(postgresUrl === undefined)('PostgreSQL', () => {
  describePatientTools('PostgreSQL', () => {
    const schema = nextSchema();
    return createStorage(postgresUrl ?? '', { schema, now: createTickingClock() });
  });
});
