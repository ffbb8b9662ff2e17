import type {
  Consultation,
  ConsultationSetting,
  Language,
  Note,
  NoteRecord,
  NoteStyle,
} from '@kollega/domain';

/** Formats the server accepts for a pasted transcript. */
export type TranscriptFormat = 'auto' | 'json' | 'jsonl' | 'text' | 'vtt' | 'srt';

/** A consultation in the list: metadata and the state of its note, without the transcript. */
export interface ConsultationSummary {
  id: string;
  title: string;
  language: Language;
  setting?: ConsultationSetting;
  createdAt: string;
  updatedAt: string;
  segmentCount: number;
  noteStatus: 'none' | 'draft' | 'approved';
  noteId?: string;
}

/** Server health: database and note engine in use. */
export interface Health {
  status: 'ok';
  database: string;
  engine: string;
  version: string;
}

/** A new consultation from raw transcript text (JSON, `Lege: …` lines, WebVTT or SRT). */
export interface CreateFromContentInput {
  title?: string;
  language?: Language;
  setting?: ConsultationSetting;
  format?: TranscriptFormat;
  filename?: string;
  content: string;
}

/** A new consultation from already structured turns. */
export interface CreateFromTurnsInput {
  title?: string;
  language?: Language;
  setting?: ConsultationSetting;
  /** Speaker as a role (`lege`, `pasient`, …) or a raw label the server maps. */
  transcript: { speaker: string; text: string }[];
}

/** A failed request: the server's error code and readable message (safe to show), and the HTTP status. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: string;
  readonly status: number;
  readonly details: Record<string, unknown>;

  constructor(options: { code: string; message: string; status: number; details?: Record<string, unknown> }) {
    super(options.message);
    this.code = options.code;
    this.status = options.status;
    this.details = options.details ?? {};
  }
}

/** True when `value` is an `ApiError`. */
export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

/** Fallback messages when the server sent no readable error (network down, proxy error page). */
const FALLBACK_MESSAGES: Record<string, string> = {
  network: 'Fikk ikke kontakt med serveren. Sjekk at Kollega kjører, og prøv igjen.',
  http: 'Forespørselen feilet.',
};

async function readError(response: Response): Promise<ApiError> {
  let body: ErrorBody | undefined;
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    body = undefined;
  }
  const error = body?.error;
  const code = typeof error?.code === 'string' ? error.code : 'http';
  const message =
    typeof error?.message === 'string' && error.message.length > 0
      ? error.message
      : `${FALLBACK_MESSAGES.http} (HTTP ${response.status})`;
  const details =
    error?.details !== null && typeof error?.details === 'object'
      ? (error.details as Record<string, unknown>)
      : {};
  return new ApiError({ code, message, status: response.status, details });
}

async function send(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    throw new ApiError({
      code: 'network',
      message: FALLBACK_MESSAGES.network ?? 'Network error',
      status: 0,
      details: { cause: cause instanceof Error ? cause.name : 'unknown' },
    });
  }
  if (!response.ok) throw await readError(response);
  return response;
}

/** Sends a request and reads its JSON answer; a failed request throws `ApiError` (for feature API modules). */
export async function requestJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await send(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  return (await response.json()) as T;
}

/** Sends a JSON body (POST unless `method` says otherwise) and reads the JSON answer. */
export function postJson<T>(path: string, body: unknown, method = 'POST'): Promise<T> {
  return requestJson<T>(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const encode = encodeURIComponent;

/** Reads the server's health. */
export function getHealth(): Promise<Health> {
  return requestJson<Health>('/api/health');
}

/** Lists consultations, newest first as the server orders them. */
export async function listConsultations(): Promise<ConsultationSummary[]> {
  const body = await requestJson<{ items: ConsultationSummary[] }>('/api/consultations');
  return body.items;
}

/** Reads one consultation with its transcript. */
export function getConsultation(id: string): Promise<Consultation> {
  return requestJson<Consultation>(`/api/consultations/${encode(id)}`);
}

/** Creates consultations from pasted text or structured turns; JSON Lines content may hold several. */
export async function createConsultation(
  input: CreateFromContentInput | CreateFromTurnsInput,
): Promise<Consultation[]> {
  const body = await postJson<Consultation | { items: Consultation[] }>('/api/consultations', input);
  return 'items' in body ? body.items : [body];
}

/** Uploads a transcript file; returns every consultation it created (a file may hold several). */
export async function uploadTranscript(
  file: File,
  fields: { title?: string; language?: Language; setting?: ConsultationSetting } = {},
): Promise<Consultation[]> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string' && value.length > 0) form.append(name, value);
  }
  form.append('file', file, file.name);
  const body = await requestJson<Consultation | { items: Consultation[] }>('/api/consultations/upload', {
    method: 'POST',
    body: form,
  });
  return 'items' in body ? body.items : [body];
}

/** Drafts a note for a consultation (the verifier runs on it before it is returned). */
export function draftNote(
  consultationId: string,
  options: { template?: string; style?: NoteStyle } = {},
): Promise<NoteRecord> {
  return postJson<NoteRecord>(`/api/consultations/${encode(consultationId)}/note`, options);
}

/** Reads the note of a consultation, or `null` when none has been drafted yet. */
export async function getNote(consultationId: string): Promise<NoteRecord | null> {
  try {
    return await requestJson<NoteRecord>(`/api/consultations/${encode(consultationId)}/note`);
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/** Saves an edited note; `version` is the version the edit was based on (a stale version is a conflict). */
export function saveNote(
  noteId: string,
  input: { version: number; note: Note; editedBy?: string },
): Promise<NoteRecord> {
  return postJson<NoteRecord>(`/api/notes/${encode(noteId)}`, input, 'PUT');
}

/** Dismisses a verifier flag (statement or omission id) with a short, recorded reason. */
export function dismissFlag(
  noteId: string,
  input: { flagId: string; reason: string; by: string },
): Promise<NoteRecord> {
  return postJson<NoteRecord>(`/api/notes/${encode(noteId)}/dismissals`, input);
}

/** Approves and locks a note in the name of a doctor. */
export function approveNote(
  noteId: string,
  input: { approvedBy: string; version: number },
): Promise<NoteRecord> {
  return postJson<NoteRecord>(`/api/notes/${encode(noteId)}/approve`, input);
}

/** Reads an approved note as plain text for the patient record system (EPJ). */
export async function getNoteText(noteId: string): Promise<string> {
  const response = await send(`/api/notes/${encode(noteId)}/text`, { headers: { accept: 'text/plain' } });
  return response.text();
}
