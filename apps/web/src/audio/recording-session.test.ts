import { describe, expect, it } from 'vitest';
import { clearSession, readSession, saveSession, SESSION_KEY } from './recording-session';
import { findEvidenceStart } from './evidence-start';

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

describe('recording session', () => {
  it('remembers a running recording across a reload and forgets it when stopped', () => {
    const storage = memoryStorage();
    expect(readSession(storage)).toBeNull();
    const session = {
      recordingId: 'r1',
      consultationId: 'c1',
      language: 'en' as const,
      elapsedSeconds: 12.5,
      savedAt: '2026-01-01T10:00:00.000Z',
    };
    saveSession(session, storage);
    expect(readSession(storage)).toEqual(session);
    clearSession(storage);
    expect(readSession(storage)).toBeNull();
  });

  it('ignores damaged entries and survives a storage that throws', () => {
    const storage = memoryStorage();
    storage.values.set(SESSION_KEY, '{not json');
    expect(readSession(storage)).toBeNull();
    storage.values.set(SESSION_KEY, JSON.stringify({ recordingId: 5 }));
    expect(readSession(storage)).toBeNull();
    const broken = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    expect(readSession(broken)).toBeNull();
    expect(() =>
      saveSession(
        { recordingId: 'r', consultationId: 'c', language: 'nb', elapsedSeconds: 0, savedAt: '' },
        broken,
      ),
    ).not.toThrow();
    expect(() => clearSession(broken)).not.toThrow();
  });
});

describe('findEvidenceStart', () => {
  it('starts playback at the earliest timed evidence segment', () => {
    const segments = [
      { id: 's1', speaker: 'lege' as const, text: 'a', start: 1 },
      { id: 's2', speaker: 'pasient' as const, text: 'b', start: 4.5 },
      { id: 's3', speaker: 'pasient' as const, text: 'c' },
    ];
    expect(findEvidenceStart(segments, new Set(['s2', 's1']))).toBe(1);
    expect(findEvidenceStart(segments, new Set(['s3']))).toBeUndefined();
    expect(findEvidenceStart(segments, new Set())).toBeUndefined();
  });
});
