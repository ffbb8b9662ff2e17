import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Consultation, SpeakerRole } from '@kollega/domain';
import { SPEAKER_ROLES } from '@kollega/domain';
import { isApiError } from '../api';
import { useDoctorName } from '../review/use-doctor-name';
import { formatDateTime, useLanguage } from '../shared/language';
import type { RecordingStatus } from './audio-api';
import {
  audioUrl,
  deleteAudio,
  getConsultationRecording,
  retryRecording,
  updateSpeakerRoles,
} from './audio-api';
import { audioMessages, formatClock } from './audio-messages';
import { findEvidenceStart } from './evidence-start';
import './audio.css';

/**
 * The review page's audio card: consent, what is kept and for how long, progress while transcribing, the
 * recording (played from a statement's evidence when one is selected), deletion, and correction of speaker
 * roles (the server then re-drafts the note). Renders nothing for a consultation without a recording.
 */
export function AudioReviewPanel({
  consultation,
  activeEvidence,
  locked,
  onChanged,
}: {
  consultation: Consultation;
  activeEvidence: ReadonlySet<string>;
  /** True when the note is approved: roles can no longer change. */
  locked: boolean;
  /** Called when the transcript or note changed on the server (reload them). */
  onChanged: () => void;
}) {
  const { language, messages: appMessages } = useLanguage();
  const messages = audioMessages(language);
  const ids = useId();
  const [status, setStatus] = useState<RecordingStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [roles, setRoles] = useState<Record<string, SpeakerRole>>({});
  const [saving, setSaving] = useState(false);
  const [doctorName] = useDoctorName();
  const player = useRef<HTMLAudioElement>(null);
  const previousStatus = useRef<string | undefined>(undefined);

  const busy = status?.recording.status === 'processing' || status?.recording.status === 'recording';
  useEffect(() => {
    let cancelled = false;
    let timer: number | undefined;
    const load = async (): Promise<void> => {
      try {
        const next = await getConsultationRecording(consultation.id);
        if (cancelled) return;
        setStatus(next);
        const current = next?.recording.status;
        // A transcription that finished while this page was open: reload the transcript and the note.
        if (previousStatus.current !== undefined && previousStatus.current !== current) onChanged();
        previousStatus.current = current;
        if (current === 'processing' || current === 'recording')
          timer = window.setTimeout(() => void load(), 1500);
      } catch {
        if (!cancelled) timer = window.setTimeout(() => void load(), 5000);
      }
    };
    void load();
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [consultation.id, onChanged]);

  // Selecting a statement plays the audio from its first evidence segment.
  const evidenceStart = useMemo(
    () => findEvidenceStart(consultation.transcript.segments, activeEvidence),
    [consultation.transcript.segments, activeEvidence],
  );
  useEffect(() => {
    const audio = player.current;
    if (audio === null || evidenceStart === undefined) return;
    audio.currentTime = evidenceStart;
    void audio.play().catch(() => undefined);
  }, [evidenceStart]);

  if (status === null) return null;
  const recording = status.recording;
  const consentAt = formatDateTime(recording.consent.at, language);
  const changedRoles = Object.entries(roles).filter(
    ([id, speaker]) =>
      consultation.transcript.segments.find((segment) => segment.id === id)?.speaker !== speaker,
  );
  const percent =
    recording.durationSeconds !== undefined && recording.durationSeconds > 0
      ? Math.round((recording.processedSeconds / recording.durationSeconds) * 100)
      : 0;

  async function handleSaveRoles(): Promise<void> {
    setSaving(true);
    setFailure(null);
    setNotice(null);
    try {
      await updateSpeakerRoles(consultation.id, {
        segments: changedRoles.map(([id, speaker]) => ({ id, speaker })),
        ...(doctorName.trim() === '' ? {} : { by: doctorName.trim() }),
      });
      setRoles({});
      setNotice(messages.rolesSaved);
      onChanged();
    } catch (error) {
      setFailure(isApiError(error) ? error.message : appMessages.errorTitle);
    } finally {
      setSaving(false);
    }
  }

  async function handleDelete(): Promise<void> {
    if (!window.confirm(messages.deleteConfirm)) return;
    setFailure(null);
    try {
      await deleteAudio(consultation.id, doctorName.trim() === '' ? 'anonym' : doctorName.trim());
      setStatus(await getConsultationRecording(consultation.id));
    } catch (error) {
      setFailure(isApiError(error) ? error.message : appMessages.errorTitle);
    }
  }

  async function handleRetry(): Promise<void> {
    setFailure(null);
    try {
      await retryRecording(recording.id);
      previousStatus.current = 'failed';
      setStatus(await getConsultationRecording(consultation.id));
    } catch (error) {
      setFailure(isApiError(error) ? error.message : appMessages.errorTitle);
    }
  }

  return (
    <section
      className="card audio-review"
      aria-labelledby={`${ids}-heading`}
      data-testid="audio-review-panel"
      data-status={recording.status}
    >
      <h2 id={`${ids}-heading`} className="panel-heading">
        {messages.audioPanelTitle}
      </h2>
      <p
        className="small"
        data-testid="consent-status"
        data-consent={recording.consent.given ? 'given' : 'refused'}
      >
        {recording.consent.given
          ? messages.consentGiven(recording.consent.by, consentAt)
          : messages.consentRefused(recording.consent.by, consentAt)}
      </p>
      {recording.consent.given && (
        <p className="small muted" data-testid="audio-retention">
          <strong>{messages.retentionTitle}:</strong> {status.retention.description}
          {recording.expiresAt !== undefined && recording.deletedAt === undefined && (
            <> {messages.expiresAt(formatDateTime(recording.expiresAt, language))}</>
          )}
        </p>
      )}
      {busy && (
        <div className="audio-progress" data-testid="processing-progress" data-percent={percent}>
          <progress max={100} value={percent} aria-label={messages.processing(percent)} />
          <span className="small muted" role="status">
            {messages.processing(percent)}
          </span>
        </div>
      )}
      {recording.status === 'no_speech' && (
        <p className="banner banner-info" role="status" data-testid="no-speech">
          {status.message ?? messages.noSpeech}
        </p>
      )}
      {recording.status === 'failed' && (
        <div className="banner banner-error" role="alert" data-testid="transcription-failed">
          <span>
            {messages.failed}: {recording.error?.message}
          </span>
          {recording.audioAvailable && (
            <button type="button" className="button button-small" onClick={() => void handleRetry()}>
              {messages.retry}
            </button>
          )}
        </div>
      )}
      {recording.deletedAt !== undefined && (
        <p className="small muted" data-testid="audio-deleted">
          {messages.audioDeleted(
            messages.deletionReasons[recording.deletionReason ?? ''] ?? recording.deletionReason ?? '',
            formatDateTime(recording.deletedAt, language),
          )}
        </p>
      )}
      {recording.audioAvailable && (
        <div className="audio-player-row">
          <audio
            ref={player}
            controls
            preload="metadata"
            src={audioUrl(consultation.id)}
            data-testid="audio-player"
            aria-label={messages.audioPanelTitle}
          />
          <p className="hint">{messages.playFromEvidence}</p>
          {!busy && (
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={() => void handleDelete()}
              data-testid="delete-audio"
            >
              {messages.deleteNow}
            </button>
          )}
        </div>
      )}
      {notice !== null && (
        <p className="banner banner-info" role="status">
          {notice}
        </p>
      )}
      {failure !== null && (
        <p className="banner banner-error" role="alert" data-testid="audio-review-error">
          {failure}
        </p>
      )}
      {!locked && !busy && consultation.transcript.segments.length > 0 && (
        <details className="audio-roles" data-testid="roles-editor">
          <summary>{messages.rolesTitle}</summary>
          <p className="hint">{messages.rolesHint}</p>
          <ol className="audio-roles-list">
            {consultation.transcript.segments.map((segment) => (
              <li key={segment.id}>
                <select
                  value={roles[segment.id] ?? segment.speaker}
                  aria-label={messages.segmentRole(formatClock(segment.start ?? 0))}
                  onChange={(event) =>
                    setRoles((previous) => ({ ...previous, [segment.id]: event.target.value as SpeakerRole }))
                  }
                  data-testid="role-select"
                  data-segment-id={segment.id}
                >
                  {SPEAKER_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {appMessages.speakers[role]}
                    </option>
                  ))}
                </select>{' '}
                <span className="segment-time">{formatClock(segment.start ?? 0)}</span>{' '}
                <span className="audio-roles-text">{segment.text}</span>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button-small button-primary"
            onClick={() => void handleSaveRoles()}
            disabled={changedRoles.length === 0 || saving}
            data-testid="save-roles"
          >
            {saving ? messages.savingRoles : messages.saveRoles}
          </button>
        </details>
      )}
    </section>
  );
}
