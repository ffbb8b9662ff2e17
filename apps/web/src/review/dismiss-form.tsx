import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useLanguage } from '../shared/language';
import { useReview } from './review-context';

/** Asks for a short reason (and the doctor's name if not yet given) and dismisses a flag with it. */
export function DismissForm({ flagId, onDone }: { flagId: string; onDone: () => void }) {
  const { messages } = useLanguage();
  const { doctorName, setDoctorName, dismissFlag, task } = useReview();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [askName] = useState(doctorName.trim().length === 0);
  const ids = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim().length === 0) {
      setProblem(messages.dismissNeedsReason);
      return;
    }
    if (doctorName.trim().length === 0) {
      setProblem(messages.dismissNeedsName);
      return;
    }
    setProblem(null);
    void dismissFlag({ flagId, reason: reason.trim(), by: doctorName.trim() }).then((done) => {
      if (done) onDone();
    });
  }

  return (
    <form className="inline-form dismiss-form" onSubmit={handleSubmit} data-testid="dismiss-form" noValidate>
      <div className="field">
        <label htmlFor={`${ids}-reason`}>{messages.dismissReason}</label>
        <input
          id={`${ids}-reason`}
          type="text"
          value={reason}
          maxLength={300}
          placeholder={messages.dismissReasonPlaceholder}
          onChange={(event) => setReason(event.target.value)}
          autoFocus
          data-testid="dismiss-reason"
          aria-invalid={problem === messages.dismissNeedsReason}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onDone();
          }}
        />
      </div>
      {askName && (
        <div className="field">
          <label htmlFor={`${ids}-by`}>{messages.dismissBy}</label>
          <input
            id={`${ids}-by`}
            type="text"
            value={doctorName}
            autoComplete="name"
            onChange={(event) => setDoctorName(event.target.value)}
            data-testid="dismiss-by"
          />
        </div>
      )}
      {problem !== null && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-small button-primary"
          disabled={task !== null}
          data-testid="confirm-dismiss"
        >
          {messages.dismissConfirm}
        </button>
        <button type="button" className="button button-small button-ghost" onClick={onDone}>
          {messages.cancel}
        </button>
      </div>
    </form>
  );
}
