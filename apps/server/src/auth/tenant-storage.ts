import type { AppStorage, ConsultationRepository, NoteRepository } from '@kollega/storage';
import type { RequestScope } from './request-scope';

/**
 * Wraps the consultation and note repositories so that, inside a signed-in request, a user sees only their
 * practice's consultations and notes: new consultations are assigned to the user's practice (and to the user
 * as responsible doctor when they are a `lege`); reads of another practice's rows return undefined (→ 404);
 * lists are filtered. Outside a signed-in request (sign-in off, CLI, background work) nothing changes.
 */
export function scopeStorageToPractice(storage: AppStorage, scope: RequestScope): AppStorage {
  const inner = storage.consultations;
  const innerNotes = storage.notes;
  const isVisible = async (consultationId: string): Promise<boolean> => {
    const user = scope.currentUser();
    if (user === undefined) return true;
    const owner = await storage.auth.findConsultationOwner(consultationId);
    return owner?.practiceId === user.practiceId;
  };
  const consultations: ConsultationRepository = {
    async create(input) {
      const created = await inner.create(input);
      const user = scope.currentUser();
      if (user !== undefined) {
        await storage.auth.assignConsultation(created.id, {
          practiceId: user.practiceId,
          ...(user.role === 'lege' ? { responsibleUserId: user.id } : {}),
        });
      }
      return created;
    },
    async findById(id) {
      const found = await inner.findById(id);
      return found !== undefined && (await isVisible(id)) ? found : undefined;
    },
    async listSummaries() {
      const all = await inner.listSummaries();
      const user = scope.currentUser();
      if (user === undefined) return all;
      const visible = await storage.auth.listConsultationIds(user.practiceId);
      return all.filter((summary) => visible.has(summary.id));
    },
  };
  const notes: NoteRepository = {
    findById: async (id) => {
      const found = await innerNotes.findById(id);
      return found !== undefined && (await isVisible(found.consultationId)) ? found : undefined;
    },
    findByConsultationId: async (consultationId) =>
      (await isVisible(consultationId)) ? innerNotes.findByConsultationId(consultationId) : undefined,
    saveDraft: (input) => innerNotes.saveDraft(input),
    saveEdit: (input) => innerNotes.saveEdit(input),
    addDismissal: (noteId, dismissal) => innerNotes.addDismissal(noteId, dismissal),
    approve: (input) => innerNotes.approve(input),
    listEdits: (noteId) => innerNotes.listEdits(noteId),
  };
  return { ...storage, consultations, notes };
}
