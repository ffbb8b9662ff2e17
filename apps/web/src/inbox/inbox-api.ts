import type { TriageCategory, TriageRedFlag, TriageUrgency } from '@kollega/domain';
import { postJson, requestJson } from '../api';

/** A patient message in the inbox, as the server returns it. */
export interface InboxMessage {
  id: string;
  externalId?: string;
  sender?: string;
  message: string;
  receivedAt: string;
  urgency: TriageUrgency;
  category: TriageCategory;
  redFlags: TriageRedFlag[];
  reasons: string[];
  suggestedReply: string;
  injectionAttempt: boolean;
  status: 'open' | 'handled';
  assignedTo?: string;
  handledBy?: string;
  handledAt?: string;
  reply?: string;
  repliedAt?: string;
}

/** The inbox filters; empty strings mean "all". */
export interface InboxFilter {
  urgency: TriageUrgency | '';
  category: TriageCategory | '';
  status: 'open' | 'handled' | '';
}

/** The sorted inbox and how many open messages are `akutt`. */
export async function listInbox(
  filter: InboxFilter,
): Promise<{ items: InboxMessage[]; openAcuteCount: number }> {
  const query = new URLSearchParams(Object.entries(filter).filter(([, value]) => value !== ''));
  const text = query.toString();
  return requestJson(`/api/messages${text === '' ? '' : `?${text}`}`);
}

/** Uploads a JSON Lines file of `{id, message}` lines. */
export async function importInboxFile(file: File): Promise<InboxMessage[]> {
  const form = new FormData();
  form.append('file', file, file.name);
  const body = await requestJson<{ items: InboxMessage[] }>('/api/messages/import', {
    method: 'POST',
    body: form,
  });
  return body.items;
}

/** Assigns, records the sent reply and/or marks the message handled. */
export function updateInboxMessage(
  id: string,
  change: { assignedTo?: string; status?: 'open' | 'handled'; reply?: string },
): Promise<InboxMessage> {
  return postJson<InboxMessage>(`/api/messages/${encodeURIComponent(id)}`, change, 'PATCH');
}
