import type {
  Consultation,
  ConsultationSetting,
  Language,
  NoteRecord,
  Segment,
  SpeakerRole,
} from '@kollega/domain';
import { ApiError } from '../api';
import { readCsrfToken } from '../auth/auth-fetch';

/** A recording as the server shows it. */
export interface RecordingView {
  id: string;
  consultationId: string;
  source: 'recording' | 'upload';
  status: 'consent_refused' | 'recording' | 'processing' | 'transcribed' | 'no_speech' | 'failed';
  language: Language;
  consent: { given: boolean; by: string; at: string };
  partCount: number;
  nextSequence: number;
  receivedBytes: number;
  durationSeconds?: number;
  processedSeconds: number;
  partDurations: number[];
  engine?: string;
  error?: { code: string; message: string };
  audioAvailable: boolean;
  expiresAt?: string;
  deletedAt?: string;
  deletionReason?: string;
  createdAt: string;
  stoppedAt?: string;
}

/** What is kept and for how long. */
export interface RetentionView {
  policy: 'on_approval' | 'hours';
  hours?: number;
  description: string;
}

/** GET /api/audio/recordings/:id. */
export interface RecordingStatus {
  recording: RecordingView;
  retention: RetentionView;
  segments: Segment[];
  segmentCount: number;
  draft?: { text: string; warnings: string[]; updatedAt: string };
  noteId?: string;
  message?: string;
}

/** GET /api/audio/settings. */
export interface AudioSettings {
  engine: { id?: string; displayName?: string; languages?: Language[]; local?: boolean; error?: string };
  limits: { maxDurationSeconds: number; maxBytes: number; chunkSeconds: number };
  retention: RetentionView;
}

/** The server's answer to one chunk. */
export interface ChunkReceipt {
  duplicate: boolean;
  nextSequence: number;
  partCount: number;
  receivedBytes: number;
}

const NETWORK_MESSAGE = 'Fikk ikke kontakt med serveren.';

async function toApiError(response: Response): Promise<ApiError> {
  let body: { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = undefined;
  }
  return new ApiError({
    code: typeof body?.error?.code === 'string' ? body.error.code : 'http',
    message: typeof body?.error?.message === 'string' ? body.error.message : `HTTP ${response.status}`,
    status: response.status,
    details:
      typeof body?.error?.details === 'object' && body.error.details !== null
        ? (body.error.details as Record<string, unknown>)
        : {},
  });
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (cause) {
    throw new ApiError({
      code: 'network',
      message: NETWORK_MESSAGE,
      status: 0,
      details: { cause: cause instanceof Error ? cause.name : 'unknown' },
    });
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

function postJson<T>(path: string, body: unknown, method = 'POST'): Promise<T> {
  return request<T>(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const encode = encodeURIComponent;

/** The engine, limits and retention policy. */
export function getAudioSettings(): Promise<AudioSettings> {
  return request<AudioSettings>('/api/audio/settings');
}

/** Creates the consultation and recording with the patient's answer (a refusal is recorded too). */
export function startRecording(input: {
  language: Language;
  consent: { given: boolean; by: string };
  title?: string;
  setting?: ConsultationSetting;
  mimeType?: string;
}): Promise<{ recording: RecordingView; consultationId: string }> {
  return postJson('/api/audio/recordings', input);
}

/** Sends one chunk; the server stores it durably before answering, and ignores a repeated sequence. */
export function postChunk(
  recordingId: string,
  input: { sequence: number; part: number; data: Blob; signal?: AbortSignal },
): Promise<ChunkReceipt> {
  return request<ChunkReceipt>(
    `/api/audio/recordings/${encode(recordingId)}/chunks?sequence=${input.sequence}&part=${input.part}`,
    {
      method: 'POST',
      headers: { 'content-type': input.data.type === '' ? 'application/octet-stream' : input.data.type },
      body: input.data,
      ...(input.signal === undefined ? {} : { signal: input.signal }),
    },
  );
}

/** Ends the recording; the rest is transcribed and the note written. */
export function stopRecording(recordingId: string): Promise<RecordingView> {
  return request<RecordingView>(`/api/audio/recordings/${encode(recordingId)}/stop`, { method: 'POST' });
}

/** Transcribes a failed recording again. */
export function retryRecording(recordingId: string): Promise<RecordingView> {
  return request<RecordingView>(`/api/audio/recordings/${encode(recordingId)}/retry`, { method: 'POST' });
}

/** The recording with the transcript from segment `segmentsAfter` on. */
export function getRecordingStatus(recordingId: string, segmentsAfter = 0): Promise<RecordingStatus> {
  return request<RecordingStatus>(
    `/api/audio/recordings/${encode(recordingId)}?segmentsAfter=${segmentsAfter}`,
  );
}

/** The consultation's recording, or null when it has none. */
export async function getConsultationRecording(consultationId: string): Promise<RecordingStatus | null> {
  try {
    return await request<RecordingStatus>(`/api/consultations/${encode(consultationId)}/recording`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** The address of the consultation's audio (16 kHz WAV, seekable). */
export function audioUrl(consultationId: string): string {
  return `/api/consultations/${encode(consultationId)}/audio`;
}

/** Deletes the audio now. */
export function deleteAudio(consultationId: string, by: string): Promise<RecordingView> {
  return request<RecordingView>(`/api/consultations/${encode(consultationId)}/audio?by=${encode(by)}`, {
    method: 'DELETE',
  });
}

/** Corrects speaker roles; the server re-drafts the note. */
export function updateSpeakerRoles(
  consultationId: string,
  input: { segments: Array<{ id: string; speaker: SpeakerRole }>; by?: string },
): Promise<{ consultation: Consultation; note?: NoteRecord }> {
  return postJson(`/api/consultations/${encode(consultationId)}/transcript`, input, 'PATCH');
}

/**
 * Uploads an audio file with XMLHttpRequest so the upload's progress can be shown (`onProgress` gets 0–1).
 * Fields go before the file, as the server reads them.
 */
export function uploadAudio(
  file: File,
  fields: { language: Language; consentBy: string; title?: string; setting?: ConsultationSetting },
  onProgress: (fraction: number) => void,
): Promise<{ recording: RecordingView; consultationId: string }> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('language', fields.language);
    form.append('consentGiven', 'true');
    form.append('consentBy', fields.consentBy);
    if (fields.title !== undefined) form.append('title', fields.title);
    if (fields.setting !== undefined) form.append('setting', fields.setting);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/audio/uploads');
    xhr.setRequestHeader('accept', 'application/json');
    // XMLHttpRequest bypasses the fetch wrapper that adds the CSRF token, so add it here.
    const csrfToken = readCsrfToken();
    if (csrfToken !== undefined) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError({ code: 'network', message: NETWORK_MESSAGE, status: 0 }));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as { recording: RecordingView; consultationId: string });
        return;
      }
      const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
      reject(
        new ApiError({
          code: error?.code ?? 'http',
          message: error?.message ?? `HTTP ${xhr.status}`,
          status: xhr.status,
        }),
      );
    };
    xhr.send(form);
  });
}
