import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Consultation, ConsultationSetting, Language } from '@kollega/domain';
import { createConsultation, draftNote, uploadTranscript } from '../api';
import { AudioCapturePanel } from '../audio/audio-capture-panel';
import { ErrorBanner } from '../shared/error-banner';
import { useLanguage } from '../shared/language';
import { Link, navigate } from '../shared/router';
import { useDocumentTitle } from '../shared/use-document-title';

type Phase = 'idle' | 'creating' | 'drafting';

const SETTINGS: readonly ConsultationSetting[] = ['kontor', 'telefon', 'video'];
const TRANSCRIPT_LANGUAGES: readonly Language[] = ['nb', 'en'];

/** Page `/ny`: paste or upload a transcript, then create the consultation, draft its note and open the review. */
export function NewConsultationPage() {
  const { language: uiLanguage, messages } = useLanguage();
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [setting, setSetting] = useState<ConsultationSetting | ''>('');
  const [content, setContent] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<unknown>(null);
  const [validation, setValidation] = useState<string | null>(null);
  const [severalCreated, setSeveralCreated] = useState<number | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = useId();
  useDocumentTitle(messages.newTitle);

  async function createAndDraft(): Promise<void> {
    const fields = {
      ...(title.trim().length > 0 ? { title: title.trim() } : {}),
      language,
      ...(setting !== '' ? { setting } : {}),
    };
    setPhase('creating');
    let created: Consultation[];
    if (file !== null) {
      created = await uploadTranscript(file, fields);
    } else {
      created = await createConsultation({ ...fields, format: 'auto', content });
    }
    const first = created[0];
    if (created.length !== 1 || first === undefined) {
      setPhase('idle');
      setSeveralCreated(created.length);
      return;
    }
    setPhase('drafting');
    try {
      await draftNote(first.id);
    } finally {
      // The consultation is saved either way; the review page offers to draft again if this failed.
      navigate(`/konsultasjoner/${encodeURIComponent(first.id)}`);
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setSeveralCreated(null);
    if (file === null && content.trim().length === 0) {
      setValidation(messages.needTranscript);
      return;
    }
    setValidation(null);
    createAndDraft().catch((failure: unknown) => {
      setPhase('idle');
      setError(failure);
    });
  }

  function clearFile() {
    setFile(null);
    if (fileInput.current !== null) fileInput.current.value = '';
  }

  const busy = phase !== 'idle';
  return (
    <section className="page page-narrow" aria-labelledby="new-heading">
      <h1 id="new-heading">{messages.newTitle}</h1>
      <p className="lead">{messages.newIntro}</p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {severalCreated !== null && (
        <div className="banner banner-info" role="status">
          <span>{messages.uploadedSeveral(severalCreated)}</span> <Link href="/">{messages.backToList}</Link>
        </div>
      )}
      <form
        className="card form"
        onSubmit={handleSubmit}
        noValidate
        aria-busy={busy}
        data-testid="new-consultation-form"
      >
        <div className="form-row">
          <div className="field field-grow">
            <label htmlFor={`${ids}-title`}>{messages.fieldTitle}</label>
            <input
              id={`${ids}-title`}
              type="text"
              value={title}
              placeholder={messages.fieldTitlePlaceholder}
              onChange={(event) => setTitle(event.target.value)}
              data-testid="title-input"
              autoComplete="off"
            />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-language`}>{messages.fieldLanguage}</label>
            <select
              id={`${ids}-language`}
              value={language}
              onChange={(event) => setLanguage(event.target.value as Language)}
              data-testid="language-select"
            >
              {TRANSCRIPT_LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {messages.languages[code]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-setting`}>{messages.fieldSetting}</label>
            <select
              id={`${ids}-setting`}
              value={setting}
              onChange={(event) => setSetting(event.target.value as ConsultationSetting | '')}
              data-testid="setting-select"
            >
              <option value="">{messages.settingUnknown}</option>
              {SETTINGS.map((code) => (
                <option key={code} value={code}>
                  {messages.settings[code]}
                </option>
              ))}
            </select>
          </div>
        </div>

        <div className="field">
          <label htmlFor={`${ids}-transcript`}>{messages.fieldTranscript}</label>
          <p className="hint" id={`${ids}-transcript-hint`}>
            {messages.transcriptHint}
          </p>
          <textarea
            id={`${ids}-transcript`}
            className="transcript-input"
            rows={14}
            value={content}
            placeholder={messages.transcriptPlaceholder}
            onChange={(event) => setContent(event.target.value)}
            aria-describedby={`${ids}-transcript-hint${validation !== null ? ` ${ids}-validation` : ''}`}
            aria-invalid={validation !== null && file === null}
            disabled={file !== null}
            data-testid="transcript-input"
            spellCheck={false}
          />
        </div>

        <div className="field">
          <label htmlFor={`${ids}-file`}>{messages.fieldFile}</label>
          <p className="hint" id={`${ids}-file-hint`}>
            {messages.fileHint}
          </p>
          <div className="file-row">
            <input
              id={`${ids}-file`}
              ref={fileInput}
              type="file"
              accept=".txt,.json,.jsonl,.vtt,.srt,text/plain,application/json,text/vtt"
              aria-describedby={`${ids}-file-hint`}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              data-testid="file-input"
            />
            {file !== null && (
              <button type="button" className="button button-small button-ghost" onClick={clearFile}>
                {messages.removeFile}
              </button>
            )}
          </div>
          {file !== null && (
            <p className="hint" role="status">
              {messages.fileChosen(file.name)}
            </p>
          )}
        </div>

        {validation !== null && (
          <p className="field-error" id={`${ids}-validation`} role="alert">
            {validation}
          </p>
        )}

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy} data-testid="create-submit">
            {phase === 'creating'
              ? messages.creating
              : phase === 'drafting'
                ? messages.drafting
                : messages.createSubmit}
          </button>
          {busy && <span className="spinner" aria-hidden="true" />}
        </div>
      </form>
      <AudioCapturePanel />
    </section>
  );
}
