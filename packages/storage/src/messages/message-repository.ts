import type { TriageCategory, TriageRedFlag, TriageUrgency } from '@kollega/domain';

/** Where a patient message stands: `open` in the inbox, or `handled` by someone at the practice. */
export const PATIENT_MESSAGE_STATUSES = ['open', 'handled'] as const;
/** A patient message's status; see `PATIENT_MESSAGE_STATUSES`. */
export type PatientMessageStatus = (typeof PATIENT_MESSAGE_STATUSES)[number];

/** A patient message in the practice inbox, with its triage and how it was handled. */
export interface PatientMessage {
  id: string;
  practiceId: string;
  /** The id the message had in the system it came from (an import line's `id`). */
  externalId?: string;
  sender?: string;
  message: string;
  /** When the practice received the message (ISO 8601, UTC). */
  receivedAt: string;
  urgency: TriageUrgency;
  category: TriageCategory;
  redFlags: TriageRedFlag[];
  reasons: string[];
  suggestedReply: string;
  injectionAttempt: boolean;
  rulesVersion: string;
  status: PatientMessageStatus;
  assignedTo?: string;
  handledBy?: string;
  handledAt?: string;
  /** The reply sent to the patient (recorded only; Kollega delivers nothing). */
  reply?: string;
  repliedBy?: string;
  repliedAt?: string;
  createdAt: string;
  updatedAt: string;
}

/** A triaged message to store; id, status and times are assigned by the repository. */
export type NewPatientMessage = Omit<
  PatientMessage,
  | 'id'
  | 'status'
  | 'assignedTo'
  | 'handledBy'
  | 'handledAt'
  | 'reply'
  | 'repliedBy'
  | 'repliedAt'
  | 'createdAt'
  | 'updatedAt'
>;

/** Which messages to list; absent fields do not filter. */
export interface PatientMessageFilter {
  urgency?: TriageUrgency;
  category?: TriageCategory;
  status?: PatientMessageStatus;
}

/** A change to a message: an empty `assignedTo` clears the assignment. */
export interface PatientMessageUpdate {
  assignedTo?: string;
  status?: PatientMessageStatus;
  handledBy?: string;
  reply?: string;
  repliedBy?: string;
}

/** Stores the practice inbox; every read and write is scoped to one practice. */
export interface MessageRepository {
  /** Stores a triaged message as `open`. */
  create(input: NewPatientMessage): Promise<PatientMessage>;
  /** The message if it belongs to the practice, else undefined. */
  findById(practiceId: string, id: string): Promise<PatientMessage | undefined>;
  /** The practice's messages, most urgent first (akutt first), then oldest first. */
  list(practiceId: string, filter?: PatientMessageFilter): Promise<PatientMessage[]>;
  /**
   * Applies a change: marking handled records `handledBy` and the time, reopening clears them; a reply records
   * `repliedBy` and the time. Returns undefined when the message is not the practice's.
   */
  update(practiceId: string, id: string, update: PatientMessageUpdate): Promise<PatientMessage | undefined>;
}
