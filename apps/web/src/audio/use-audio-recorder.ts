import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api';
import { postChunk, stopRecording } from './audio-api';
import { ChunkUploader } from './chunk-uploader';
import { saveSession, clearSession } from './recording-session';
import type { RecordingSession } from './recording-session';
import { SilenceMonitor, measureLevelDb } from './silence-monitor';

/** Where the recorder is. */
export type RecorderPhase = 'idle' | 'starting' | 'recording' | 'paused' | 'stopping' | 'stopped';

/** What the recording UI shows. */
export interface RecorderState {
  phase: RecorderPhase;
  elapsedSeconds: number;
  levelDb: number;
  silenceWarning: boolean;
  /** Chunks recorded but not yet stored on the server. */
  pendingChunks: number;
  retrying: boolean;
  /** The last sequence number the server has stored. */
  acknowledgedSequence: number;
  error?: 'microphone_denied' | 'microphone_missing' | 'unsupported' | 'upload_failed' | 'stop_failed';
  errorMessage?: string;
}

/** Where a recording starts: a new one, or the next part of one interrupted by a reload. */
export interface RecorderStart {
  session: Omit<RecordingSession, 'savedAt'>;
  /** The server's `nextSequence`. */
  firstSequence: number;
  /** The part number of this stream: the server's `partCount`. */
  part: number;
  /** Seconds to stop at (the server's length limit). */
  maxSeconds: number;
}

/** MediaRecorder timeslice: a chunk every 2 s, so a crash loses at most a couple of seconds (never over 5). */
export const TIMESLICE_MS = 2000;

const INITIAL_STATE: RecorderState = {
  phase: 'idle',
  elapsedSeconds: 0,
  levelDb: -100,
  silenceWarning: false,
  pendingChunks: 0,
  retrying: false,
  acknowledgedSequence: -1,
};

/** The first MediaRecorder type the browser supports: WebM/Opus, else Ogg/Opus, else its default. */
function chooseMimeType(): string | undefined {
  const candidates = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus'];
  return candidates.find(
    (type) => typeof MediaRecorder.isTypeSupported === 'function' && MediaRecorder.isTypeSupported(type),
  );
}

/** Network trouble, 5xx and 429 are worth retrying; a refusal (4xx) is not. */
function isRetryableUpload(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.code === 'network' || error.status >= 500 || error.status === 429 || error.status === 408;
}

/**
 * Records from the microphone with MediaRecorder (WebM/Opus, a chunk every 2 s), uploads every chunk in
 * order with its sequence number, shows the level (AnalyserNode), the time, and a warning after 5 s of
 * silence. The session is remembered in localStorage so a reload can resume it as a new part.
 */
export function useAudioRecorder() {
  const [state, setState] = useState<RecorderState>(INITIAL_STATE);
  const resources = useRef<{
    stream?: MediaStream;
    recorder?: MediaRecorder;
    audioContext?: AudioContext;
    ticker?: number;
    uploader?: ChunkUploader;
    session?: Omit<RecordingSession, 'savedAt'>;
    baseSeconds: number;
    runningSince?: number;
    maxSeconds: number;
    lastSaved: number;
    stopping?: Promise<void>;
  }>({ baseSeconds: 0, maxSeconds: Number.POSITIVE_INFINITY, lastSaved: 0 });
  const silence = useRef(new SilenceMonitor());

  const elapsed = (): number => {
    const current = resources.current;
    return (
      current.baseSeconds +
      (current.runningSince === undefined ? 0 : (Date.now() - current.runningSince) / 1000)
    );
  };

  const release = useCallback(() => {
    const current = resources.current;
    if (current.ticker !== undefined) window.clearInterval(current.ticker);
    current.ticker = undefined;
    current.stream?.getTracks().forEach((track) => track.stop());
    current.stream = undefined;
    void current.audioContext?.close().catch(() => undefined);
    current.audioContext = undefined;
  }, []);

  // On unmount (navigation, closed tab) the microphone is released; the session stays for a resume.
  useEffect(() => release, [release]);

  const stop = useCallback(async (): Promise<void> => {
    const current = resources.current;
    if (current.stopping !== undefined) return current.stopping;
    const recorder = current.recorder;
    const session = current.session;
    if (recorder === undefined || session === undefined) return;
    current.stopping = (async () => {
      setState((previous) => ({ ...previous, phase: 'stopping', silenceWarning: false }));
      if (current.runningSince !== undefined) {
        current.baseSeconds = elapsed();
        current.runningSince = undefined;
      }
      if (recorder.state !== 'inactive') {
        await new Promise<void>((resolve) => {
          recorder.addEventListener('stop', () => resolve(), { once: true });
          recorder.stop();
        });
      }
      release();
      try {
        await current.uploader?.flush();
        await stopRecording(session.recordingId);
        clearSession();
        setState((previous) => ({ ...previous, phase: 'stopped', elapsedSeconds: current.baseSeconds }));
      } catch (error) {
        setState((previous) => ({
          ...previous,
          phase: 'stopped',
          error: 'stop_failed',
          ...(error instanceof ApiError ? { errorMessage: error.message } : {}),
        }));
      }
    })();
    return current.stopping;
  }, [release]);

  const start = useCallback(
    async (input: RecorderStart): Promise<boolean> => {
      const current = resources.current;
      if (typeof MediaRecorder === 'undefined' || navigator.mediaDevices === undefined) {
        setState({ ...INITIAL_STATE, error: 'unsupported' });
        return false;
      }
      setState({ ...INITIAL_STATE, phase: 'starting', elapsedSeconds: input.session.elapsedSeconds });
      let stream: MediaStream;
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
        });
      } catch (error) {
        const missing = error instanceof DOMException && error.name === 'NotFoundError';
        setState({ ...INITIAL_STATE, error: missing ? 'microphone_missing' : 'microphone_denied' });
        return false;
      }
      const mimeType = chooseMimeType();
      const recorder = new MediaRecorder(stream, mimeType === undefined ? {} : { mimeType });
      const uploader = new ChunkUploader({
        firstSequence: input.firstSequence,
        part: input.part,
        isRetryable: isRetryableUpload,
        send: (chunk) => postChunk(input.session.recordingId, chunk),
        onChange: (upload) =>
          setState((previous) => ({
            ...previous,
            pendingChunks: upload.pending,
            retrying: upload.retrying,
            acknowledgedSequence: upload.acknowledged,
            ...(upload.error === undefined
              ? {}
              : {
                  error: 'upload_failed' as const,
                  ...(upload.error instanceof ApiError ? { errorMessage: upload.error.message } : {}),
                }),
          })),
      });
      recorder.addEventListener('dataavailable', (event: BlobEvent) => uploader.enqueue(event.data));

      // The level meter: an AnalyserNode on the same stream, read ten times a second.
      const audioContext = new AudioContext();
      const analyser = audioContext.createAnalyser();
      analyser.fftSize = 2048;
      audioContext.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);

      Object.assign(current, {
        stream,
        recorder,
        audioContext,
        uploader,
        session: input.session,
        baseSeconds: input.session.elapsedSeconds,
        runningSince: Date.now(),
        maxSeconds: input.maxSeconds,
        lastSaved: 0,
        stopping: undefined,
      });
      silence.current.reset();
      saveSession({ ...input.session, savedAt: new Date().toISOString() });
      current.ticker = window.setInterval(() => {
        const now = Date.now();
        const seconds = elapsed();
        const recording = recorder.state === 'recording';
        let levelDb = -100;
        if (recording) {
          analyser.getFloatTimeDomainData(samples);
          levelDb = measureLevelDb(samples);
        }
        const warning = recording && silence.current.update(levelDb, now);
        setState((previous) => ({ ...previous, elapsedSeconds: seconds, levelDb, silenceWarning: warning }));
        if (now - current.lastSaved >= 1000 && current.session !== undefined) {
          current.lastSaved = now;
          saveSession({ ...current.session, elapsedSeconds: seconds, savedAt: new Date(now).toISOString() });
        }
        if (seconds >= current.maxSeconds) void stop();
      }, 100);
      recorder.start(TIMESLICE_MS);
      setState((previous) => ({ ...previous, phase: 'recording' }));
      return true;
    },
    [stop],
  );

  const pause = useCallback(() => {
    const current = resources.current;
    if (current.recorder?.state !== 'recording') return;
    current.recorder.pause();
    // Hand over what is recorded so far, so a crash during the pause loses nothing.
    current.recorder.requestData();
    current.baseSeconds = elapsed();
    current.runningSince = undefined;
    silence.current.reset();
    setState((previous) => ({ ...previous, phase: 'paused', silenceWarning: false, levelDb: -100 }));
  }, []);

  const resume = useCallback(() => {
    const current = resources.current;
    if (current.recorder?.state !== 'paused') return;
    current.recorder.resume();
    current.runningSince = Date.now();
    silence.current.reset();
    setState((previous) => ({ ...previous, phase: 'recording' }));
  }, []);

  /** Forgets a remembered session without touching the server (after it was finished elsewhere). */
  const forget = useCallback(() => {
    clearSession();
    setState(INITIAL_STATE);
  }, []);

  return { state, start, pause, resume, stop, forget };
}
