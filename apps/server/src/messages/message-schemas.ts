import { z } from 'zod';
import { TriageCategorySchema, TriageRedFlagSchema, TriageUrgencySchema } from '@kollega/domain';
import { PATIENT_MESSAGE_STATUSES } from '@kollega/storage';

/** Longest message text accepted (characters). */
export const MAX_MESSAGE_LENGTH = 20_000;

const ReceivedAtSchema = z.iso.datetime({ offset: true });

/** POST /api/messages: one patient message to triage and store. */
export const CreateMessageBodySchema = z.object({
  message: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH),
  receivedAt: ReceivedAtSchema.optional(),
  sender: z.string().trim().min(1).max(200).optional(),
  externalId: z.string().trim().min(1).max(200).optional(),
});

/** POST /api/messages/import as JSON: the JSON Lines text in `content`. */
export const ImportMessagesBodySchema = z.object({ content: z.string() });

/** PATCH /api/messages/{id}: assign, record the sent reply, mark handled (or reopen). */
export const UpdateMessageBodySchema = z
  .object({
    assignedTo: z.string().max(200).optional(),
    status: z.enum(PATIENT_MESSAGE_STATUSES).optional(),
    reply: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH).optional(),
    /** Who acted when sign-in is off; replaced by the signed-in user's name when it is on. */
    by: z.string().trim().min(1).max(200).optional(),
  })
  .refine((body) => body.assignedTo !== undefined || body.status !== undefined || body.reply !== undefined, {
    message: 'Ingen endring',
  });

/** GET /api/messages query: optional filters. */
export const ListMessagesQuerySchema = z.object({
  urgency: TriageUrgencySchema.optional(),
  category: TriageCategorySchema.optional(),
  status: z.enum(PATIENT_MESSAGE_STATUSES).optional(),
});

/** A stored patient message with its triage, as the API returns it. */
export const PatientMessageSchema = z.object({
  id: z.string(),
  practiceId: z.string(),
  externalId: z.string().optional(),
  sender: z.string().optional(),
  message: z.string(),
  receivedAt: z.string(),
  urgency: TriageUrgencySchema,
  category: TriageCategorySchema,
  redFlags: z.array(TriageRedFlagSchema),
  reasons: z.array(z.string()),
  suggestedReply: z.string(),
  injectionAttempt: z.boolean(),
  rulesVersion: z.string(),
  status: z.enum(PATIENT_MESSAGE_STATUSES),
  assignedTo: z.string().optional(),
  handledBy: z.string().optional(),
  handledAt: z.string().optional(),
  reply: z.string().optional(),
  repliedBy: z.string().optional(),
  repliedAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** GET /api/messages: the sorted messages and how many open ones are `akutt` (whatever the filter). */
export const MessageListSchema = z.object({
  items: z.array(PatientMessageSchema),
  openAcuteCount: z.number().int().nonnegative(),
});

/** POST /api/messages/import: the stored messages. */
export const ImportedMessagesSchema = z.object({ items: z.array(PatientMessageSchema) });
