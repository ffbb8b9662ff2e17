import type { Language } from '@kollega/domain';

/** What the browser remembers of a running recording, so a reload (or crash) can resume it. */
export interface RecordingSession {
  recordingId: string;
  consultationId: string;
  language: Language;
  /** Seconds recorded so far (for the timer after a reload). */
  elapsedSeconds: number;
  /** When the session was last saved (ISO time). */
  savedAt: string;
}

/** The localStorage key of the running recording. */
export const SESSION_KEY = 'kollega.recordingSession';

/** The part of `Storage` the session needs (injectable in tests). */
export type SessionStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStorage(): SessionStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Reads the remembered recording, or null (none, or unreadable). */
export function readSession(storage: SessionStorage | undefined = defaultStorage()): RecordingSession | null {
  try {
    const raw = storage?.getItem(SESSION_KEY);
    if (raw === null || raw === undefined) return null;
    const value = JSON.parse(raw) as Partial<RecordingSession>;
    if (typeof value.recordingId !== 'string' || typeof value.consultationId !== 'string') return null;
    return {
      recordingId: value.recordingId,
      consultationId: value.consultationId,
      language: value.language === 'en' ? 'en' : 'nb',
      elapsedSeconds:
        typeof value.elapsedSeconds === 'number' && value.elapsedSeconds >= 0 ? value.elapsedSeconds : 0,
      savedAt: typeof value.savedAt === 'string' ? value.savedAt : new Date(0).toISOString(),
    };
  } catch {
    return null;
  }
}

/** Remembers the running recording (storage errors are ignored: recording goes on). */
export function saveSession(
  session: RecordingSession,
  storage: SessionStorage | undefined = defaultStorage(),
): void {
  try {
    storage?.setItem(SESSION_KEY, JSON.stringify(session));
  } catch {
    // Private mode or a full store: the recording is still saved on the server.
  }
}

/** Forgets the recording (after it was stopped). */
export function clearSession(storage: SessionStorage | undefined = defaultStorage()): void {
  try {
    storage?.removeItem(SESSION_KEY);
  } catch {
    // Nothing to do.
  }
}
