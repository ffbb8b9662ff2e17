import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import type { Language, Segment } from '@kollega/domain';
import { isApiError } from '../api';
import { useDoctorName } from '../review/use-doctor-name';
import { useLanguage } from '../shared/language';
import { navigate } from '../shared/router';
import type { AudioSettings, RecordingStatus } from './audio-api';
import {
  getAudioSettings,
  getRecordingStatus,
  startRecording,
  stopRecording,
  uploadAudio,
} from './audio-api';
import { audioMessages, formatClock } from './audio-messages';
import type { AudioMessages } from './audio-messages';
import { clearSession, readSession } from './recording-session';
import type { RecordingSession } from './recording-session';
import { levelToFraction } from './silence-monitor';
import { useAudioRecorder } from './use-audio-recorder';
import './audio.css';

const AUDIO_EXTENSIONS = /\.(wav|mp3|m4a|ogg|oga|opus|webm)$/i;

/** Polls a recording's status (only new segments each time) while `active`. */
function useRecordingStatus(recordingId: string | undefined, active: boolean, intervalMs: number) {
  const [status, setStatus] = useState<RecordingStatus | null>(null);
  const [segments, setSegments] = useState<Segment[]>([]);
  const known = useRef(0);

  useEffect(() => {
    known.current = 0;
    setSegments([]);
    setStatus(null);
  }, [recordingId]);

  useEffect(() => {
    if (recordingId === undefined || !active) return;
    let cancelled = false;
    const poll = async (): Promise<void> => {
      try {
        const next = await getRecordingStatus(recordingId, known.current);
        if (cancelled) return;
        if (next.segments.length > 0) {
          known.current = next.segmentCount;
          setSegments((previous) => [
            ...previous.slice(0, next.segmentCount - next.segments.length),
            ...next.segments,
          ]);
        }
        setStatus(next);
      } catch {
        // A missed poll is harmless; the next one catches up.
      }
    };
    void poll();
    const timer = window.setInterval(() => void poll(), intervalMs);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [recordingId, active, intervalMs]);

  return { status, segments };
}

function LevelMeter({ levelDb, label }: { levelDb: number; label: string }) {
  const fraction = levelToFraction(levelDb);
  return (
    <div
      className="level-meter"
      role="meter"
      aria-label={label}
      aria-valuemin={-60}
      aria-valuemax={0}
      aria-valuenow={Math.round(Math.max(-60, levelDb))}
      data-testid="level-meter"
      data-level={levelDb.toFixed(1)}
    >
      <div className="level-meter-bar" style={{ width: `${Math.round(fraction * 100)}%` }} />
    </div>
  );
}

function ProgressBar({ fraction, label, testId }: { fraction: number; label: string; testId: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div className="audio-progress" data-testid={testId} data-percent={percent}>
      <progress max={100} value={percent} aria-label={label} />
      <span className="small muted" role="status" aria-live="polite">
        {label}
      </span>
    </div>
  );
}

function LiveTranscript({
  segments,
  draft,
  messages,
  speakers,
}: {
  segments: readonly Segment[];
  draft: string | undefined;
  messages: AudioMessages;
  speakers: Record<string, string>;
}) {
  return (
    <div className="audio-live">
      <section aria-labelledby="live-transcript-heading" data-testid="live-transcript">
        <h3 id="live-transcript-heading" className="audio-subheading">
          {messages.liveTranscript}
        </h3>
        {segments.length === 0 ? (
          <p className="muted small">{messages.noLiveTranscript}</p>
        ) : (
          <ol className="audio-live-segments" aria-live="polite">
            {segments.map((segment) => (
              <li
                key={segment.id}
                data-testid="live-segment"
                className={
                  segment.confidence !== undefined && segment.confidence < 0.6 ? 'is-uncertain' : undefined
                }
              >
                <span className="segment-time">{formatClock(segment.start ?? 0)}</span>{' '}
                <strong>{speakers[segment.speaker] ?? segment.speaker}:</strong> {segment.text}
              </li>
            ))}
          </ol>
        )}
      </section>
      {draft !== undefined && draft.trim() !== '' && (
        <section aria-labelledby="live-draft-heading">
          <h3 id="live-draft-heading" className="audio-subheading">
            {messages.liveDraft}
          </h3>
          <pre className="audio-live-draft" data-testid="live-draft">
            {draft}
          </pre>
        </section>
      )}
    </div>
  );
}

/**
 * The recording card on the new-consultation page: the patient's consent (or refusal), recording with
 * pause, level meter, timer and silence warning, the transcript and a running draft while recording, resume
 * after a reload, and upload of an audio file with a progress bar.
 */
export function AudioCapturePanel() {
  const { language: uiLanguage, messages: appMessages } = useLanguage();
  const messages = audioMessages(uiLanguage);
  const ids = useId();
  const [settings, setSettings] = useState<AudioSettings | null>(null);
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [doctorName, setDoctorName] = useDoctorName();
  const [consent, setConsent] = useState(false);
  const [refusedBy, setRefusedBy] = useState<string | null>(null);
  const [validation, setValidation] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [active, setActive] = useState<{ recordingId: string; consultationId: string } | null>(null);
  const [interrupted, setInterrupted] = useState<{
    session: RecordingSession;
    status: RecordingStatus;
  } | null>(null);
  const [uploadFile, setUploadFile] = useState<File | null>(null);
  const [uploadFraction, setUploadFraction] = useState<number | null>(null);
  /** True once the server is transcribing without this page recording (an upload, or a finished interrupted recording). */
  const [processingElsewhere, setProcessingElsewhere] = useState(false);
  const recorder = useAudioRecorder();
  const phase = recorder.state.phase;
  const recording =
    phase === 'recording' || phase === 'paused' || phase === 'starting' || phase === 'stopping';
  const finished = phase === 'stopped' || processingElsewhere;
  const { status, segments } = useRecordingStatus(
    active?.recordingId,
    active !== null,
    finished ? 1000 : 2000,
  );

  useEffect(() => {
    getAudioSettings().then(setSettings, () => setSettings(null));
  }, []);

  // A session left in this browser means a recording was interrupted (reload, crash, closed tab).
  useEffect(() => {
    const session = readSession();
    if (session === null) return;
    getRecordingStatus(session.recordingId).then(
      (found) => {
        if (found.recording.status === 'recording') setInterrupted({ session, status: found });
        else clearSession();
      },
      (error: unknown) => {
        if (isApiError(error) && error.status === 404) clearSession();
      },
    );
  }, []);

  // When the transcript and note are ready, open the consultation; without speech, stay and say so.
  const recordingStatus = status?.recording.status;
  const noteId = status?.noteId;
  useEffect(() => {
    if (active === null || !finished) return;
    if (recordingStatus === 'transcribed' && noteId !== undefined) {
      navigate(`/konsultasjoner/${encodeURIComponent(active.consultationId)}`);
    }
  }, [active, finished, recordingStatus, noteId]);

  const checkDoctor = useCallback((): string | null => {
    const name = doctorName.trim();
    if (name === '') {
      setValidation(messages.needDoctor);
      return null;
    }
    return name;
  }, [doctorName, messages.needDoctor]);

  async function handleStart(): Promise<void> {
    setFailure(null);
    const by = checkDoctor();
    if (by === null) return;
    if (!consent) {
      setValidation(messages.needConsent);
      return;
    }
    setValidation(null);
    try {
      const created = await startRecording({ language, consent: { given: true, by } });
      setActive({ recordingId: created.recording.id, consultationId: created.consultationId });
      await recorder.start({
        session: {
          recordingId: created.recording.id,
          consultationId: created.consultationId,
          language,
          elapsedSeconds: 0,
        },
        firstSequence: 0,
        part: 0,
        maxSeconds: settings?.limits.maxDurationSeconds ?? 7200,
      });
    } catch (error) {
      setFailure(isApiError(error) ? error.message : appMessages.errorTitle);
    }
  }

  async function handleRefuse(): Promise<void> {
    setFailure(null);
    const by = checkDoctor();
    if (by === null) return;
    setValidation(null);
    try {
      await startRecording({ language, consent: { given: false, by } });
      setConsent(false);
      setRefusedBy(by);
    } catch (error) {
      setFailure(isApiError(error) ? error.message : appMessages.errorTitle);
    }
  }

  async function handleResume(): Promise<void> {
    if (interrupted === null) return;
    const { session, status: found } = interrupted;
    setInterrupted(null);
    setLanguage(session.language);
    setActive({ recordingId: session.recordingId, consultationId: session.consultationId });
    await recorder.start({
      session: { ...session },
      firstSequence: found.recording.nextSequence,
      part: found.recording.partCount,
      maxSeconds: settings?.limits.maxDurationSeconds ?? 7200,
    });
  }

  async function handleFinishInterrupted(): Promise<void> {
    if (interrupted === null) return;
    const { session } = interrupted;
    setInterrupted(null);
    try {
      await stopRecording(session.recordingId);
      clearSession();
      setActive({ recordingId: session.recordingId, consultationId: session.consultationId });
      setProcessingElsewhere(true);
    } catch (error) {
      setFailure(isApiError(error) ? error.message : appMessages.errorTitle);
    }
  }

  function handleFileChange(event: ChangeEvent<HTMLInputElement>) {
    setFailure(null);
    const file = event.target.files?.[0] ?? null;
    setUploadFile(file);
  }

  async function handleUpload(): Promise<void> {
    setFailure(null);
    const by = checkDoctor();
    if (by === null || uploadFile === null) return;
    if (!consent) {
      setValidation(messages.needConsent);
      return;
    }
    const maxMegabytes = Math.round((settings?.limits.maxBytes ?? 200 * 1024 * 1024) / (1024 * 1024));
    if (!AUDIO_EXTENSIONS.test(uploadFile.name) && !uploadFile.type.startsWith('audio/')) {
      setValidation(messages.fileNotAudio);
      return;
    }
    if (settings !== null && uploadFile.size > settings.limits.maxBytes) {
      setValidation(messages.fileTooLarge(maxMegabytes));
      return;
    }
    setValidation(null);
    setUploadFraction(0);
    try {
      const created = await uploadAudio(uploadFile, { language, consentBy: by }, setUploadFraction);
      setActive({ recordingId: created.recording.id, consultationId: created.consultationId });
      setUploadFraction(null);
      setProcessingElsewhere(true);
    } catch (error) {
      setUploadFraction(null);
      setFailure(isApiError(error) ? error.message : appMessages.errorTitle);
    }
  }

  const engineSupportsLanguage =
    settings?.engine.languages === undefined || settings.engine.languages.includes(language);
  const maxMinutes = Math.round((settings?.limits.maxDurationSeconds ?? 7200) / 60);
  const maxMegabytes = Math.round((settings?.limits.maxBytes ?? 200 * 1024 * 1024) / (1024 * 1024));
  const durationSeconds = status?.recording.durationSeconds;
  const processedFraction =
    durationSeconds !== undefined && durationSeconds > 0
      ? (status?.recording.processedSeconds ?? 0) / durationSeconds
      : 0;
  const busy = recording || active !== null || uploadFraction !== null;
  const recorderError =
    recorder.state.error === 'microphone_denied'
      ? messages.microphoneDenied
      : recorder.state.error === 'microphone_missing'
        ? messages.microphoneMissing
        : recorder.state.error === 'unsupported'
          ? messages.recorderUnsupported
          : (recorder.state.errorMessage ?? null);

  return (
    <section className="card audio-panel" aria-labelledby={`${ids}-heading`} data-testid="audio-panel">
      <h2 id={`${ids}-heading`} className="panel-heading">
        {messages.sectionTitle}
      </h2>
      <p className="hint">{messages.sectionIntro}</p>
      {settings !== null && (
        <p className="small muted" data-testid="audio-engine">
          {settings.engine.displayName !== undefined
            ? messages.engineLine(settings.engine.displayName)
            : messages.engineMissing(settings.engine.error ?? '')}
          {' · '}
          <span data-testid="audio-retention">{settings.retention.description}</span>
        </p>
      )}

      {interrupted !== null && (
        <div className="banner banner-warning" role="alert" data-testid="resume-banner">
          <div className="banner-body">
            <strong className="banner-title">{messages.resumeTitle}</strong>
            <span>{messages.resumeBody(formatClock(interrupted.session.elapsedSeconds))}</span>
          </div>
          <div className="banner-actions">
            <button
              type="button"
              className="button button-small button-primary"
              onClick={() => void handleResume()}
              data-testid="resume-recording"
            >
              {messages.resumeButton}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => void handleFinishInterrupted()}
              data-testid="finish-recording"
            >
              {messages.finishButton}
            </button>
          </div>
        </div>
      )}

      {!recording && active === null && (
        <div className="audio-consent">
          <div className="form-row">
            <div className="field">
              <label htmlFor={`${ids}-language`}>{messages.languageLabel}</label>
              <select
                id={`${ids}-language`}
                value={language}
                onChange={(event) => setLanguage(event.target.value as Language)}
                data-testid="audio-language"
              >
                <option value="nb">{appMessages.languages.nb}</option>
                <option value="en">{appMessages.languages.en}</option>
              </select>
            </div>
            <div className="field field-grow">
              <label htmlFor={`${ids}-doctor`}>{messages.doctorLabel}</label>
              <input
                id={`${ids}-doctor`}
                type="text"
                value={doctorName}
                placeholder={messages.doctorPlaceholder}
                onChange={(event) => setDoctorName(event.target.value)}
                autoComplete="name"
                data-testid="audio-doctor"
              />
            </div>
          </div>
          {!engineSupportsLanguage && (
            <p className="banner banner-warning small" role="note" data-testid="engine-language-warning">
              {messages.engineLanguage}
            </p>
          )}
          <div className="field">
            <label className="checkbox-label">
              <input
                type="checkbox"
                checked={consent}
                disabled={refusedBy !== null}
                onChange={(event) => setConsent(event.target.checked)}
                data-testid="consent-checkbox"
              />{' '}
              {messages.consentLabel}
            </label>
            <p className="hint">{messages.consentHint}</p>
          </div>
          {refusedBy !== null && (
            <p className="banner banner-info" role="status" data-testid="consent-refused-message">
              {messages.refusalRecorded(refusedBy)}
            </p>
          )}
          {validation !== null && (
            <p className="field-error" role="alert" data-testid="audio-validation">
              {validation}
            </p>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => void handleStart()}
              disabled={!consent || refusedBy !== null || busy}
              data-testid="record-start"
            >
              {messages.start}
            </button>
            <button
              type="button"
              className="button button-ghost"
              onClick={() => void handleRefuse()}
              disabled={refusedBy !== null || busy}
              data-testid="consent-refuse"
            >
              {messages.refuseButton}
            </button>
          </div>
        </div>
      )}

      {(recording || phase === 'stopped') && (
        <div className="audio-recorder" data-testid="record-state" data-phase={phase}>
          <div className="audio-recorder-row">
            <span className={`record-dot${phase === 'recording' ? ' is-live' : ''}`} aria-hidden="true" />
            <strong>{phase === 'paused' ? messages.pausedState : messages.recordingState}</strong>
            <span
              className="record-timer"
              data-testid="record-timer"
              data-seconds={Math.floor(recorder.state.elapsedSeconds)}
            >
              {formatClock(recorder.state.elapsedSeconds)}
            </span>
            <LevelMeter levelDb={recorder.state.levelDb} label={messages.level} />
          </div>
          {recorder.state.silenceWarning && (
            <p className="banner banner-warning" role="alert" data-testid="silence-warning">
              {messages.silenceWarning}
            </p>
          )}
          {recorder.state.pendingChunks > 1 && (
            <p className="small muted" role="status">
              {messages.uploadBacklog(recorder.state.pendingChunks)}
            </p>
          )}
          <p
            className="small muted"
            data-testid="saved-sequence"
            data-sequence={recorder.state.acknowledgedSequence}
          >
            {messages.savedUpTo(
              formatClock(Math.max(0, recorder.state.elapsedSeconds - recorder.state.pendingChunks * 2)),
            )}
          </p>
          {recording && (
            <div className="form-actions">
              {phase === 'paused' ? (
                <button
                  type="button"
                  className="button"
                  onClick={recorder.resume}
                  data-testid="record-resume"
                >
                  {messages.resume}
                </button>
              ) : (
                <button
                  type="button"
                  className="button"
                  onClick={recorder.pause}
                  disabled={phase !== 'recording'}
                  data-testid="record-pause"
                >
                  {messages.pause}
                </button>
              )}
              <button
                type="button"
                className="button button-danger"
                onClick={() => void recorder.stop()}
                disabled={phase === 'stopping' || phase === 'starting'}
                data-testid="record-stop"
              >
                {phase === 'stopping' ? messages.stopping : messages.stop}
              </button>
            </div>
          )}
        </div>
      )}

      {failure !== null && (
        <p className="banner banner-error" role="alert" data-testid="audio-error">
          {failure}
        </p>
      )}
      {recorderError !== null && (
        <p className="banner banner-error" role="alert" data-testid="recorder-error">
          {recorderError}
        </p>
      )}

      {active !== null && (recording || finished) && (
        <LiveTranscript
          segments={segments}
          draft={status?.draft?.text}
          messages={messages}
          speakers={appMessages.speakers}
        />
      )}

      {active !== null && finished && (
        <div className="audio-finish">
          {(recordingStatus === 'processing' ||
            recordingStatus === 'recording' ||
            recordingStatus === undefined) && (
            <ProgressBar
              fraction={processedFraction}
              label={messages.processing(Math.round(processedFraction * 100))}
              testId="processing-progress"
            />
          )}
          {recordingStatus === 'no_speech' && (
            <p className="banner banner-info" role="status" data-testid="no-speech">
              {status?.message ?? messages.noSpeech}
            </p>
          )}
          {recordingStatus === 'failed' && (
            <p className="banner banner-error" role="alert" data-testid="transcription-failed">
              {messages.failed}: {status?.recording.error?.message}
            </p>
          )}
          <a
            className="button button-small"
            href={`/konsultasjoner/${encodeURIComponent(active.consultationId)}`}
            onClick={(event) => {
              event.preventDefault();
              navigate(`/konsultasjoner/${encodeURIComponent(active.consultationId)}`);
            }}
            data-testid="open-consultation"
          >
            {messages.openConsultation}
          </a>
        </div>
      )}

      {!recording && active === null && (
        <div className="audio-upload">
          <h3 className="audio-subheading">{messages.uploadTitle}</h3>
          <p className="hint" id={`${ids}-upload-hint`}>
            {messages.uploadHint(maxMinutes, maxMegabytes)}
          </p>
          <div className="file-row">
            <input
              type="file"
              accept="audio/*,.wav,.mp3,.m4a,.ogg,.oga,.opus,.webm"
              aria-describedby={`${ids}-upload-hint`}
              onChange={handleFileChange}
              data-testid="audio-file-input"
            />
            <button
              type="button"
              className="button"
              onClick={() => void handleUpload()}
              disabled={uploadFile === null || refusedBy !== null || busy}
              data-testid="audio-upload"
            >
              {messages.uploadButton}
            </button>
          </div>
        </div>
      )}
      {uploadFraction !== null && (
        <ProgressBar
          fraction={uploadFraction}
          label={messages.uploading(Math.round(uploadFraction * 100))}
          testId="upload-progress"
        />
      )}
    </section>
  );
}
