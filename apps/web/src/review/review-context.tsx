import { createContext, useContext } from 'react';
import type { Note } from '@kollega/domain';

/** What the review page is busy with, so every action button can be disabled meanwhile. */
export type ReviewTask = 'save' | 'dismiss' | 'approve' | 'draft' | 'copy' | null;

/** What the statement, omission and approval components may do to the note under review. */
export interface ReviewActions {
  /** True when the note is approved: nothing may change. */
  locked: boolean;
  task: ReviewTask;
  /** The doctor's name as typed in the approval field; also recorded with dismissals and edits. */
  doctorName: string;
  setDoctorName: (name: string) => void;
  /** Saves a changed note (re-verified by the server); resolves true on success. */
  saveNote: (note: Note) => Promise<boolean>;
  /** Dismisses a flag with a reason; resolves true on success. */
  dismissFlag: (input: { flagId: string; reason: string; by: string }) => Promise<boolean>;
  /** Selects a statement or omission and highlights its evidence in the transcript. */
  select: (selection: Selection | null) => void;
}

/** What is selected in the note: a statement or an omission, whose evidence is highlighted. */
export type Selection = { kind: 'statement'; id: string } | { kind: 'omission'; id: string };

const ReviewContext = createContext<ReviewActions | null>(null);

/** Provides the review actions to the note components. */
export const ReviewProvider = ReviewContext.Provider;

/** Reads the review actions; only inside the review page. */
export function useReview(): ReviewActions {
  const actions = useContext(ReviewContext);
  if (actions === null) throw new Error('useReview must be used inside the review page');
  return actions;
}
