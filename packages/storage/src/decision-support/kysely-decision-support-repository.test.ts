import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Note } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import type { AppStorage } from '../create-storage';
import { createStorage } from '../create-storage';
import type { PrescribingOutcome } from './decision-support-repository';
import { usePostgresTestSchemas } from '../testing/postgres-test-schemas';

const { postgresUrl, nextSchema } = usePostgresTestSchemas('kollega_test_ds');

function createTickingClock(start = Date.parse('2025-03-01T10:00:00Z')): () => Date {
  let time = start;
  return () => {
    time += 1000;
    return new Date(time);
  };
}

const NOTE: Note = {
  template: 'fastlege',
  language: 'nb',
  sections: [
    {
      id: 'aktuelt',
      title: 'Aktuelt',
      statements: [{ id: 'a1', text: 'Vondt i halsen.', evidence: ['s1'], support: 'unverified' }],
    },
  ],
};

const R72 = { system: 'ICPC-2' as const, code: 'R72', title: 'Streptokokkhals', evidence: ['s1'] };

const OUTCOME: PrescribingOutcome = {
  codes: ['R72'],
  codeSource: 'chosen',
  respiratoryInfection: true,
  condition: 'sore-throat',
  planKind: 'antibiotic',
  substance: 'Fenoksymetylpenicillin',
  atc: 'J01CE02',
  assessment: 'concordant',
  deviationCodes: [],
  decision: null,
  rule: 'sore-throat@2026.1',
};

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the promise to reject with an AppError');
}

function describeDecisionSupportRepository(name: string, open: () => Promise<AppStorage>): void {
  describe(`decision-support repository: ${name}`, () => {
    let storage: AppStorage;
    let consultationId: string;

    beforeEach(async () => {
      storage = await open();
      const consultation = await storage.consultations.create({
        title: 'Sår hals',
        language: 'nb',
        transcript: { segments: [{ id: 's1', speaker: 'pasient', text: 'Jeg har vondt i halsen.' }] },
      });
      consultationId = consultation.id;
    });
    afterEach(async () => {
      await storage.close();
    });

    async function draft() {
      return storage.notes.saveDraft({ consultationId, engine: 'builtin', note: NOTE, warnings: [] });
    }

    it('stores chosen codes on the note record without raising its version, and replaces them', async () => {
      const note = await draft();
      expect(note.codes).toBeUndefined();
      const saved = await storage.decisionSupport.saveChosenCodes({
        noteId: note.id,
        expectedVersion: note.version,
        codes: [R72],
        listVersion: '1.2026.0',
        chosenBy: 'Kari Lege',
      });
      expect(saved).toMatchObject({
        noteId: note.id,
        codes: [R72],
        listVersion: '1.2026.0',
        chosenBy: 'Kari Lege',
      });

      const read = await storage.notes.findById(note.id);
      expect(read?.codes).toEqual([R72]);
      expect(read?.version).toBe(note.version);
      expect((await storage.notes.findByConsultationId(consultationId))?.codes).toEqual([R72]);

      const r74 = {
        system: 'ICPC-2' as const,
        code: 'R74',
        title: 'Akutt øvre luftveisinfeksjon',
        evidence: [],
      };
      await storage.decisionSupport.saveChosenCodes({
        noteId: note.id,
        expectedVersion: note.version,
        codes: [r74],
        listVersion: '1.2026.0',
        chosenBy: 'Kari Lege',
      });
      const approved = await storage.notes.approve({
        noteId: note.id,
        expectedVersion: note.version,
        approvedBy: 'Kari Lege',
      });
      expect(approved.codes).toEqual([r74]);
    });

    it('refuses codes for a stale version, an unknown note and an approved note', async () => {
      const note = await draft();
      const input = { codes: [R72], listVersion: '1.2026.0', chosenBy: 'Kari Lege' };
      expect(
        (
          await rejection(
            storage.decisionSupport.saveChosenCodes({ ...input, noteId: note.id, expectedVersion: 7 }),
          )
        ).code,
      ).toBe('conflict');
      expect(
        (
          await rejection(
            storage.decisionSupport.saveChosenCodes({ ...input, noteId: 'nope', expectedVersion: 1 }),
          )
        ).code,
      ).toBe('not_found');
      await storage.notes.approve({
        noteId: note.id,
        expectedVersion: note.version,
        approvedBy: 'Kari Lege',
      });
      expect(
        (
          await rejection(
            storage.decisionSupport.saveChosenCodes({
              ...input,
              noteId: note.id,
              expectedVersion: note.version,
            }),
          )
        ).code,
      ).toBe('already_approved');
      expect(await storage.decisionSupport.findChosenCodes(note.id)).toBeUndefined();
    });

    it('records decisions in order with the note they concern, and none once the note is approved', async () => {
      const before = await storage.decisionSupport.addDecision({
        consultationId,
        action: 'declined',
        reason: 'Pasienten ønsker å vente',
        rule: 'sore-throat@2026.1',
        recommendationKind: 'antibiotic',
        deviationCodes: ['antibiotic-withheld'],
        decidedBy: 'Kari Lege',
      });
      expect(before.noteId).toBeUndefined();
      const note = await draft();
      const after = await storage.decisionSupport.addDecision({
        consultationId,
        action: 'accepted',
        rule: 'sore-throat@2026.1',
        recommendationKind: 'antibiotic',
        deviationCodes: [],
        decidedBy: 'Kari Lege',
      });
      expect(after).toMatchObject({ noteId: note.id, action: 'accepted', deviationCodes: [] });
      const listed = await storage.decisionSupport.listDecisions(consultationId);
      expect(listed.map((decision) => [decision.action, decision.reason, decision.deviationCodes])).toEqual([
        ['declined', 'Pasienten ønsker å vente', ['antibiotic-withheld']],
        ['accepted', undefined, []],
      ]);

      await storage.notes.approve({
        noteId: note.id,
        expectedVersion: note.version,
        approvedBy: 'Kari Lege',
      });
      const refused = await rejection(
        storage.decisionSupport.addDecision({
          consultationId,
          action: 'accepted',
          rule: 'sore-throat@2026.1',
          recommendationKind: 'antibiotic',
          deviationCodes: [],
          decidedBy: 'Kari Lege',
        }),
      );
      expect(refused.code).toBe('already_approved');
      expect(
        (await rejection(storage.decisionSupport.addDecision({ ...after, consultationId: 'nope' }))).code,
      ).toBe('not_found');
    });

    it('lists approved notes in a time range with their stored outcome, replacing it on save', async () => {
      const note = await draft();
      const approved = await storage.notes.approve({
        noteId: note.id,
        expectedVersion: note.version,
        approvedBy: 'Kari Lege',
      });
      const approvedAt = approved.approvedAt ?? '';
      const other = await storage.consultations.create({
        title: 'Utkast',
        language: 'nb',
        transcript: { segments: [] },
      });
      await storage.notes.saveDraft({
        consultationId: other.id,
        engine: 'builtin',
        note: NOTE,
        warnings: [],
      });

      const range = { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' };
      const listed = await storage.decisionSupport.listApprovedNotes(range);
      expect(listed).toEqual([{ noteId: note.id, consultationId, approvedBy: 'Kari Lege', approvedAt }]);
      expect(
        await storage.decisionSupport.listApprovedNotes({
          from: approvedAt.replace('2025', '2024'),
          to: approvedAt,
        }),
      ).toEqual([]);

      const saveInput = {
        noteId: note.id,
        consultationId,
        approvedBy: 'Kari Lege',
        approvedAt,
        computedWith: 'a|b',
        outcome: OUTCOME,
      };
      await storage.decisionSupport.saveOutcome(saveInput);
      await storage.decisionSupport.saveOutcome({
        ...saveInput,
        computedWith: 'c|d',
        outcome: { ...OUTCOME, decision: 'accepted' },
      });
      const stored = await storage.decisionSupport.listApprovedNotes(range);
      expect(stored[0]?.stored).toEqual({
        computedWith: 'c|d',
        outcome: { ...OUTCOME, decision: 'accepted' },
      });
    });
  });
}

describeDecisionSupportRepository('sqlite memory', () =>
  createStorage('sqlite::memory:', { now: createTickingClock() }),
);

describe.runIf(postgresUrl !== undefined)('postgres', () => {
  describeDecisionSupportRepository('postgres', () => {
    const schema = nextSchema();
    return createStorage(postgresUrl ?? '', { schema, now: createTickingClock() });
  });
});
