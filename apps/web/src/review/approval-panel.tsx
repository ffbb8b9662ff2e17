import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { NoteRecord } from '@kollega/domain';
import { getNoteText } from '../api';
import { ErrorBanner } from '../shared/error-banner';
import { formatDateTime, useLanguage } from '../shared/language';
import { useReview } from './review-context';
import type { BlockingFlag } from './review-model';

/** Moves focus to a flag's statement or omission in the note, so the doctor can resolve it. */
function focusFlag(flag: BlockingFlag): void {
  const element = document.getElementById(`${flag.kind}-${flag.id}`);
  if (element === null) return;
  element.scrollIntoView({ block: 'center' });
  const target = element.querySelector<HTMLElement>('[data-testid="statement"], button');
  target?.focus({ preventScroll: true });
}

function ApprovedSummary({ record }: { record: NoteRecord }) {
  const { language, messages } = useLanguage();
  const [text, setText] = useState<string | null>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [error, setError] = useState<unknown>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const textId = useId();

  async function copyText(): Promise<void> {
    setError(null);
    const noteText = await getNoteText(record.id);
    setText(noteText);
    try {
      await navigator.clipboard.writeText(noteText);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
      window.setTimeout(() => textArea.current?.select(), 0);
    }
  }

  const approvedAt = record.approvedAt !== undefined ? formatDateTime(record.approvedAt, language) : '';
  return (
    <section
      className="card approval approval-done"
      aria-labelledby="approval-heading"
      data-testid="approval-panel"
    >
      <h2 id="approval-heading" className="panel-heading">
        {messages.approveTitle}
      </h2>
      <p className="approved-banner" data-testid="approved-banner">
        <span className="approved-mark" aria-hidden="true">
          ✓
        </span>
        {messages.approvedBy(record.approvedBy ?? '', approvedAt)}
      </p>
      <p className="muted small">{messages.approvedLocked}</p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void copyText().catch(setError)}
          data-testid="copy-text-button"
        >
          {messages.copyAsText}
        </button>
        <span role="status" className="muted small" data-testid="copy-status">
          {copyState === 'copied' ? messages.copied : copyState === 'failed' ? messages.copyFailed : ''}
        </span>
      </div>
      {text !== null && (
        <div className="field">
          <label htmlFor={textId}>{messages.noteTextLabel}</label>
          <textarea
            id={textId}
            ref={textArea}
            className="note-text"
            readOnly
            value={text}
            rows={Math.min(18, text.split('\n').length + 1)}
            onFocus={(event) => event.currentTarget.select()}
            data-testid="note-text"
          />
        </div>
      )}
    </section>
  );
}

/** Approval: the doctor's name, the flags still open, and the button that stays disabled until none are left. */
export function ApprovalPanel({
  record,
  blockingFlags,
  onApprove,
}: {
  record: NoteRecord;
  blockingFlags: readonly BlockingFlag[];
  onApprove: () => void;
}) {
  const { messages } = useLanguage();
  const { doctorName, setDoctorName, task, select } = useReview();
  const nameId = useId();
  const statusId = useId();

  if (record.status === 'approved') return <ApprovedSummary record={record} />;

  const hasName = doctorName.trim().length > 0;
  const blocked = blockingFlags.length > 0;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!blocked && hasName && task === null) onApprove();
  }

  return (
    <section className="card approval" aria-labelledby="approval-heading" data-testid="approval-panel">
      <h2 id="approval-heading" className="panel-heading">
        {messages.approveTitle}
      </h2>
      <p
        id={statusId}
        className={`flag-status ${blocked ? 'is-blocked' : 'is-clear'}`}
        data-testid="flag-count"
        data-count={blockingFlags.length}
        aria-live="polite"
      >
        {blocked ? messages.flagsBlocking(blockingFlags.length) : messages.flagsNone}
      </p>
      {blocked && (
        <>
          <p className="muted small">{messages.flagsHowTo}</p>
          <ul className="blocking-list">
            {blockingFlags.map((flag) => (
              <li key={`${flag.kind}-${flag.id}`}>
                <button
                  type="button"
                  className="blocking-flag"
                  onClick={() => {
                    select({ kind: flag.kind, id: flag.id });
                    window.setTimeout(() => focusFlag(flag), 0);
                  }}
                  data-testid="blocking-flag"
                  data-flag-id={flag.id}
                  data-flag-kind={flag.kind}
                >
                  <span className="blocking-kind">
                    {flag.kind === 'statement'
                      ? messages.blockingFlagStatement
                      : messages.blockingFlagOmission}
                  </span>
                  <span className="blocking-text">{flag.text}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <form className="approve-form" onSubmit={handleSubmit}>
        <div className="field">
          <label htmlFor={nameId}>{messages.approverName}</label>
          <input
            id={nameId}
            type="text"
            value={doctorName}
            autoComplete="name"
            placeholder={messages.approverPlaceholder}
            onChange={(event) => setDoctorName(event.target.value)}
            data-testid="approver-name"
          />
        </div>
        <button
          type="submit"
          className="button button-primary button-approve"
          disabled={blocked || !hasName || task !== null}
          aria-describedby={statusId}
          data-testid="approve-button"
        >
          {task === 'approve' ? messages.approving : messages.approve}
        </button>
        {!blocked && !hasName && <p className="hint">{messages.needApproverName}</p>}
      </form>
    </section>
  );
}
