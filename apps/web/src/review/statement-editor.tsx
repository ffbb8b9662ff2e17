import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useLanguage } from '../shared/language';
import { useReview } from './review-context';

/** A textarea for writing or rewriting one statement; Ctrl/⌘+Enter saves, Escape cancels. */
export function StatementEditor({
  initialText,
  label,
  onSave,
  onCancel,
  testId = 'statement-editor',
}: {
  initialText: string;
  label: string;
  onSave: (text: string) => void;
  onCancel: () => void;
  testId?: string;
}) {
  const { messages } = useLanguage();
  const { task } = useReview();
  const [text, setText] = useState(initialText);
  const id = useId();
  const unchanged = text.trim() === initialText.trim();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text.trim().length === 0 || unchanged) return;
    onSave(text.trim());
  }

  return (
    <form className="inline-form statement-editor" onSubmit={handleSubmit} data-testid={`${testId}-form`}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={id}
        value={text}
        rows={Math.min(6, Math.max(2, Math.ceil(text.length / 70)))}
        onChange={(event) => setText(event.target.value)}
        autoFocus
        onFocus={(event) => event.currentTarget.setSelectionRange(text.length, text.length)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey))
            event.currentTarget.form?.requestSubmit();
        }}
        data-testid={testId}
      />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-small button-primary"
          disabled={task !== null || text.trim().length === 0 || unchanged}
          data-testid="save-statement"
        >
          {task === 'save' ? messages.saving : messages.save}
        </button>
        <button
          type="button"
          className="button button-small button-ghost"
          onClick={onCancel}
          data-testid="cancel-edit"
        >
          {messages.cancel}
        </button>
      </div>
    </form>
  );
}
