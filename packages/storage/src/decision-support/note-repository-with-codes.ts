import type { FlagDismissal, NoteRecord } from '@kollega/domain';
import type {
  ApproveNoteInput,
  NoteEdit,
  NoteRepository,
  SaveDraftInput,
  SaveEditInput,
} from '../repositories';
import type { DecisionSupportRepository } from './decision-support-repository';

/**
 * A `NoteRepository` whose records carry the ICPC-2 codes chosen for them (`NoteRecord.codes`), read from
 * the decision-support tables. Everything else is the wrapped repository's; a note without chosen codes is
 * returned as it is.
 */
export class NoteRepositoryWithCodes implements NoteRepository {
  constructor(
    private readonly notes: NoteRepository,
    private readonly decisionSupport: Pick<DecisionSupportRepository, 'findChosenCodes'>,
  ) {}

  private async withCodes(record: NoteRecord): Promise<NoteRecord> {
    const chosen = await this.decisionSupport.findChosenCodes(record.id);
    return chosen === undefined ? record : { ...record, codes: chosen.codes };
  }

  private async withCodesIfAny(record: NoteRecord | undefined): Promise<NoteRecord | undefined> {
    return record === undefined ? undefined : this.withCodes(record);
  }

  async findById(id: string): Promise<NoteRecord | undefined> {
    return this.withCodesIfAny(await this.notes.findById(id));
  }

  async findByConsultationId(consultationId: string): Promise<NoteRecord | undefined> {
    return this.withCodesIfAny(await this.notes.findByConsultationId(consultationId));
  }

  async saveDraft(input: SaveDraftInput): Promise<NoteRecord> {
    return this.withCodes(await this.notes.saveDraft(input));
  }

  async saveEdit(input: SaveEditInput): Promise<NoteRecord> {
    return this.withCodes(await this.notes.saveEdit(input));
  }

  async addDismissal(noteId: string, dismissal: FlagDismissal): Promise<NoteRecord> {
    return this.withCodes(await this.notes.addDismissal(noteId, dismissal));
  }

  async approve(input: ApproveNoteInput): Promise<NoteRecord> {
    return this.withCodes(await this.notes.approve(input));
  }

  listEdits(noteId: string): Promise<NoteEdit[]> {
    return this.notes.listEdits(noteId);
  }
}
