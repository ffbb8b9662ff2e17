import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Note, VerificationReport } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import type { AppStorage, CreateStorageOptions } from './create-storage';
import type { NewConsultation } from './repositories';

/** Opens a fresh, empty storage for one test. */
export type OpenStorage = (options: CreateStorageOptions) => Promise<AppStorage>;

const CONSULTATION: NewConsultation = {
  externalId: 'syntetisk-1',
  title: 'Konsultasjon test',
  language: 'nb',
  setting: 'kontor',
  transcript: {
    segments: [
      { id: 's1', speaker: 'lege', text: 'Hva kan jeg hjelpe med?', start: 0, end: 1.5 },
      { id: 's2', speaker: 'annen', label: 'Speaker 2', text: 'Jeg har hoste.', confidence: 0.9 },
    ],
  },
};

function makeNote(texts: Record<string, string>): Note {
  return {
    template: 'fastlege',
    language: 'nb',
    sections: [
      {
        id: 'aktuelt',
        title: 'Aktuelt',
        statements: Object.entries(texts).map(([id, text]) => ({
          id,
          text,
          evidence: ['s2'],
          support: 'unverified' as const,
        })),
      },
    ],
  };
}

const VERIFICATION: VerificationReport = {
  statements: [
    {
      statementId: 'a1',
      text: 'Hoste.',
      support: 'unsupported',
      severity: 'normal',
      evidence: [],
      reasons: ['x'],
    },
  ],
  omissions: [],
  warnings: [],
};

/** Awaits `promise` and returns the AppError it rejects with. */
async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the promise to reject with an AppError');
}

/** A clock that ticks one second per call, so every stored time differs. */
function createTickingClock(start = Date.parse('2025-01-01T10:00:00Z')): () => Date {
  let time = start;
  return () => {
    time += 1000;
    return new Date(time);
  };
}

/**
 * The behaviour every storage implementation must have. Run against SQLite (memory and file) always and
 * PostgreSQL when available; `open` must return a fresh, empty storage each time.
 */
export function describeStorageContract(name: string, open: OpenStorage): void {
  describe(`storage contract: ${name}`, () => {
    let storage: AppStorage;

    beforeEach(async () => {
      storage = await open({ now: createTickingClock() });
    });
    afterEach(async () => {
      await storage.close();
    });

    describe('consultations', () => {
      it('stores a consultation and reads it back unchanged', async () => {
        const created = await storage.consultations.create(CONSULTATION);
        expect(created.id).not.toBe('');
        expect(created.createdAt).toBe(created.updatedAt);
        const found = await storage.consultations.findById(created.id);
        expect(found).toStrictEqual(created);
        expect(found).toMatchObject(CONSULTATION);
      });

      it('leaves out optional fields that were not given', async () => {
        const created = await storage.consultations.create({
          title: 'Uten valgfrie felt',
          language: 'en',
          transcript: { segments: [{ id: 's1', speaker: 'lege', text: 'Hello.' }] },
        });
        const found = await storage.consultations.findById(created.id);
        expect(found && 'externalId' in found).toBe(false);
        expect(found && 'setting' in found).toBe(false);
        expect(found?.language).toBe('en');
      });

      it('returns undefined for an unknown id', async () => {
        expect(await storage.consultations.findById('finnes-ikke')).toBeUndefined();
      });

      it('lists newest first with segment count and note state', async () => {
        const first = await storage.consultations.create(CONSULTATION);
        const second = await storage.consultations.create({ ...CONSULTATION, title: 'Andre' });
        const third = await storage.consultations.create({ ...CONSULTATION, title: 'Tredje' });
        const draft = await storage.notes.saveDraft({
          consultationId: second.id,
          engine: 'builtin',
          note: makeNote({ a1: 'Hoste.' }),
          warnings: [],
        });
        const approvedDraft = await storage.notes.saveDraft({
          consultationId: third.id,
          engine: 'builtin',
          note: makeNote({ a1: 'Hoste.' }),
          warnings: [],
        });
        await storage.notes.approve({
          noteId: approvedDraft.id,
          expectedVersion: 1,
          approvedBy: 'Lege Test',
        });

        const summaries = await storage.consultations.listSummaries();
        expect(summaries.map((summary) => summary.id)).toEqual([third.id, second.id, first.id]);
        expect(summaries.map((summary) => [summary.noteStatus, summary.noteId])).toEqual([
          ['approved', approvedDraft.id],
          ['draft', draft.id],
          ['none', undefined],
        ]);
        expect(summaries[2]).toStrictEqual({
          id: first.id,
          externalId: 'syntetisk-1',
          title: 'Konsultasjon test',
          language: 'nb',
          setting: 'kontor',
          createdAt: first.createdAt,
          updatedAt: first.updatedAt,
          segmentCount: 2,
          noteStatus: 'none',
        });
      });

      it('breaks ties between equal creation times by creation order', async () => {
        await storage.close();
        const fixed = new Date('2025-02-02T12:00:00Z');
        storage = await open({ now: () => fixed });
        const created = [];
        for (let index = 0; index < 5; index += 1) {
          created.push(await storage.consultations.create({ ...CONSULTATION, title: `K${index}` }));
        }
        const listed = await storage.consultations.listSummaries();
        expect(listed.map((summary) => summary.id)).toEqual(
          created.map((consultation) => consultation.id).reverse(),
        );
      });
    });

    describe('notes', () => {
      async function createDraft(): Promise<{ consultationId: string; noteId: string }> {
        const consultation = await storage.consultations.create(CONSULTATION);
        const record = await storage.notes.saveDraft({
          consultationId: consultation.id,
          engine: 'builtin',
          note: makeNote({ a1: 'Hoste i 2 uker.', a2: 'Ingen feber.' }),
          warnings: [{ code: 'test_warning', message: 'Testvarsel' }],
          verification: VERIFICATION,
        });
        return { consultationId: consultation.id, noteId: record.id };
      }

      it('stores a first draft as version 1 and finds it by id and by consultation', async () => {
        const { consultationId, noteId } = await createDraft();
        const byId = await storage.notes.findById(noteId);
        expect(byId).toMatchObject({
          id: noteId,
          consultationId,
          version: 1,
          status: 'draft',
          engine: 'builtin',
          warnings: [{ code: 'test_warning', message: 'Testvarsel' }],
          verification: VERIFICATION,
          dismissals: [],
        });
        expect(byId?.note).toEqual(makeNote({ a1: 'Hoste i 2 uker.', a2: 'Ingen feber.' }));
        expect(byId?.approvedBy).toBeUndefined();
        expect(await storage.notes.findByConsultationId(consultationId)).toStrictEqual(byId);
        expect(await storage.notes.findByConsultationId('finnes-ikke')).toBeUndefined();
      });

      it('refuses a draft for an unknown consultation', async () => {
        const error = await rejection(
          storage.notes.saveDraft({
            consultationId: 'finnes-ikke',
            engine: 'builtin',
            note: makeNote({}),
            warnings: [],
          }),
        );
        expect(error.code).toBe('not_found');
      });

      it('saves an edit as the next version and records a per-statement diff', async () => {
        const { noteId } = await createDraft();
        const edited = await storage.notes.saveEdit({
          noteId,
          expectedVersion: 1,
          note: makeNote({ a1: 'Hoste i 3 uker.', a3: 'Røyker ikke.' }),
          verification: { statements: [], omissions: [], warnings: [] },
          editedBy: 'Lege Test',
        });
        expect(edited.version).toBe(2);
        expect(edited.verification).toEqual({ statements: [], omissions: [], warnings: [] });
        expect(await storage.notes.findById(noteId)).toStrictEqual(edited);

        const edits = await storage.notes.listEdits(noteId);
        expect(edits).toHaveLength(1);
        expect(edits[0]).toMatchObject({ noteId, fromVersion: 1, toVersion: 2, editedBy: 'Lege Test' });
        expect(edits[0]?.diff).toEqual([
          {
            statementId: 'a1',
            change: 'changed',
            before: { sectionId: 'aktuelt', text: 'Hoste i 2 uker.', evidence: ['s2'] },
            after: { sectionId: 'aktuelt', text: 'Hoste i 3 uker.', evidence: ['s2'] },
          },
          {
            statementId: 'a3',
            change: 'added',
            before: null,
            after: { sectionId: 'aktuelt', text: 'Røyker ikke.', evidence: ['s2'] },
          },
          {
            statementId: 'a2',
            change: 'removed',
            before: { sectionId: 'aktuelt', text: 'Ingen feber.', evidence: ['s2'] },
            after: null,
          },
        ]);
      });

      it('rejects an edit at a stale version and keeps the stored note', async () => {
        const { noteId } = await createDraft();
        await storage.notes.saveEdit({
          noteId,
          expectedVersion: 1,
          note: makeNote({ a1: 'Ny.' }),
          editedBy: 'A',
        });
        const error = await rejection(
          storage.notes.saveEdit({
            noteId,
            expectedVersion: 1,
            note: makeNote({ a1: 'Eldre.' }),
            editedBy: 'B',
          }),
        );
        expect(error.code).toBe('conflict');
        expect(error.details).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
        const stored = await storage.notes.findById(noteId);
        expect(stored?.version).toBe(2);
        expect(stored?.note.sections[0]?.statements[0]?.text).toBe('Ny.');
        expect(await storage.notes.listEdits(noteId)).toHaveLength(1);
      });

      it('lets exactly one of two simultaneous edits of the same version win', async () => {
        const { noteId } = await createDraft();
        const results = await Promise.allSettled([
          storage.notes.saveEdit({ noteId, expectedVersion: 1, note: makeNote({ a1: 'A.' }), editedBy: 'A' }),
          storage.notes.saveEdit({ noteId, expectedVersion: 1, note: makeNote({ a1: 'B.' }), editedBy: 'B' }),
        ]);
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.find((result) => result.status === 'rejected');
        expect(rejected?.status === 'rejected' && (rejected.reason as AppError).code).toBe('conflict');
        expect((await storage.notes.findById(noteId))?.version).toBe(2);
      });

      it('replaces an unapproved draft: same id, next version, dismissals cleared, recorded as an edit', async () => {
        const { consultationId, noteId } = await createDraft();
        await storage.notes.addDismissal(noteId, {
          flagId: 'a1',
          reason: 'Sagt muntlig',
          by: 'Lege',
          at: '2025-01-01T00:00:00Z',
        });
        const redrafted = await storage.notes.saveDraft({
          consultationId,
          engine: 'builtin',
          note: makeNote({ a1: 'Hoste.' }),
          warnings: [],
          draftedBy: 'system:redraft',
        });
        expect(redrafted).toMatchObject({
          id: noteId,
          version: 2,
          status: 'draft',
          dismissals: [],
          warnings: [],
        });
        expect(redrafted.verification).toBeUndefined();
        const edits = await storage.notes.listEdits(noteId);
        expect(edits.map((edit) => [edit.fromVersion, edit.toVersion, edit.editedBy])).toEqual([
          [1, 2, 'system:redraft'],
        ]);
      });

      it('fences a draft with expectedVersion: writes at the expected version, refuses a stale one', async () => {
        const { consultationId } = await createDraft();
        const draft = (expectedVersion: number) =>
          storage.notes.saveDraft({
            consultationId,
            engine: 'builtin',
            note: makeNote({ a1: 'Hoste.' }),
            warnings: [],
            expectedVersion,
          });
        await expect(draft(0)).rejects.toMatchObject({ code: 'conflict' });
        expect((await draft(1)).version).toBe(2);
        await expect(draft(1)).rejects.toMatchObject({ code: 'conflict' });
        expect((await storage.notes.findByConsultationId(consultationId))?.version).toBe(2);
      });

      it('records dismissals without changing the version, replacing one of the same flag', async () => {
        const { noteId } = await createDraft();
        await storage.notes.addDismissal(noteId, {
          flagId: 'a1',
          reason: 'Første',
          by: 'Lege A',
          at: '2025-01-01T00:00:00Z',
        });
        await storage.notes.addDismissal(noteId, {
          flagId: 'o1',
          reason: 'Ikke relevant',
          by: 'Lege A',
          at: '2025-01-01T00:00:01Z',
        });
        const record = await storage.notes.addDismissal(noteId, {
          flagId: 'a1',
          reason: 'Andre',
          by: 'Lege B',
          at: '2025-01-01T00:00:02Z',
        });
        expect(record.version).toBe(1);
        expect(record.dismissals).toEqual([
          { flagId: 'o1', reason: 'Ikke relevant', by: 'Lege A', at: '2025-01-01T00:00:01Z' },
          { flagId: 'a1', reason: 'Andre', by: 'Lege B', at: '2025-01-01T00:00:02Z' },
        ]);
      });

      it('keeps the dismissals an edit passes on and replaces them', async () => {
        const { noteId } = await createDraft();
        await storage.notes.addDismissal(noteId, {
          flagId: 'a1',
          reason: 'Grunn',
          by: 'Lege',
          at: '2025-01-01T00:00:00Z',
        });
        const edited = await storage.notes.saveEdit({
          noteId,
          expectedVersion: 1,
          note: makeNote({ a1: 'Endret.' }),
          dismissals: [],
          editedBy: 'Lege',
        });
        expect(edited.dismissals).toEqual([]);
      });

      it('approves with name and time, and locks the note', async () => {
        const { consultationId, noteId } = await createDraft();
        const approved = await storage.notes.approve({ noteId, expectedVersion: 1, approvedBy: 'Kari Lege' });
        expect(approved).toMatchObject({ status: 'approved', approvedBy: 'Kari Lege', version: 1 });
        expect(Number.isNaN(Date.parse(approved.approvedAt ?? ''))).toBe(false);

        const attempts = [
          () => storage.notes.saveEdit({ noteId, expectedVersion: 1, note: makeNote({}), editedBy: 'X' }),
          () =>
            storage.notes.addDismissal(noteId, {
              flagId: 'a1',
              reason: 'r',
              by: 'X',
              at: '2025-01-01T00:00:00Z',
            }),
          () =>
            storage.notes.saveDraft({ consultationId, engine: 'builtin', note: makeNote({}), warnings: [] }),
          () => storage.notes.approve({ noteId, expectedVersion: 1, approvedBy: 'Noen Annen' }),
        ];
        for (const attempt of attempts) expect((await rejection(attempt())).code).toBe('already_approved');
        expect(await storage.notes.findById(noteId)).toStrictEqual(approved);
      });

      it('refuses approval at a stale version', async () => {
        const { noteId } = await createDraft();
        await storage.notes.saveEdit({
          noteId,
          expectedVersion: 1,
          note: makeNote({ a1: 'Ny.' }),
          editedBy: 'A',
        });
        const error = await rejection(
          storage.notes.approve({ noteId, expectedVersion: 1, approvedBy: 'Kari Lege' }),
        );
        expect(error.code).toBe('conflict');
        expect((await storage.notes.findById(noteId))?.status).toBe('draft');
      });

      it('reports not_found for writes to an unknown note', async () => {
        const attempts = [
          () =>
            storage.notes.saveEdit({ noteId: 'nei', expectedVersion: 1, note: makeNote({}), editedBy: 'X' }),
          () =>
            storage.notes.addDismissal('nei', {
              flagId: 'a1',
              reason: 'r',
              by: 'X',
              at: '2025-01-01T00:00:00Z',
            }),
          () => storage.notes.approve({ noteId: 'nei', expectedVersion: 1, approvedBy: 'X' }),
        ];
        for (const attempt of attempts) expect((await rejection(attempt())).code).toBe('not_found');
        expect(await storage.notes.findById('nei')).toBeUndefined();
        expect(await storage.notes.listEdits('nei')).toEqual([]);
      });
    });

    describe('audit', () => {
      it('appends events with id and time and lists them oldest first, filtered', async () => {
        const first = await storage.audit.append({
          actor: 'system',
          action: 'consultation.create',
          entityType: 'consultation',
          entityId: 'c1',
          outcome: 'success',
          details: { segmentCount: 2, format: 'json', blocked: false, reason: null },
        });
        expect(first.id).not.toBe('');
        expect(Number.isNaN(Date.parse(first.at))).toBe(false);
        await storage.audit.append({
          actor: 'lege',
          action: 'note.read',
          entityType: 'note',
          entityId: 'n1',
          outcome: 'success',
        });
        await storage.audit.append({
          actor: 'lege',
          action: 'consultation.read',
          entityType: 'consultation',
          entityId: 'c1',
          outcome: 'failure',
        });

        const all = await storage.audit.list();
        expect(all.map((event) => event.action)).toEqual([
          'consultation.create',
          'note.read',
          'consultation.read',
        ]);
        expect(all[0]).toStrictEqual(first);
        expect(all[1]?.details).toEqual({});
        const forConsultation = await storage.audit.list({ entityType: 'consultation', entityId: 'c1' });
        expect(forConsultation.map((event) => event.action)).toEqual([
          'consultation.create',
          'consultation.read',
        ]);
        expect((await storage.audit.list({ action: 'note.read' })).map((event) => event.entityId)).toEqual([
          'n1',
        ]);
        expect((await storage.audit.list({ limit: 2 })).map((event) => event.action)).toEqual([
          'note.read',
          'consultation.read',
        ]);
      });

      it('keeps the order of events appended within the same instant', async () => {
        await storage.close();
        const fixed = new Date('2025-03-03T08:00:00Z');
        storage = await open({ now: () => fixed });
        for (let index = 0; index < 5; index += 1) {
          await storage.audit.append({
            actor: 'system',
            action: `step.${index}`,
            entityType: 'system',
            entityId: '',
            outcome: 'success',
          });
        }
        expect((await storage.audit.list()).map((event) => event.action)).toEqual([
          'step.0',
          'step.1',
          'step.2',
          'step.3',
          'step.4',
        ]);
      });
    });

    it('answers a health check', async () => {
      await expect(storage.checkHealth()).resolves.toBeUndefined();
    });
  });
}
