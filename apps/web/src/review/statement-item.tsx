import { useEffect, useId, useState } from 'react';
import type { Note } from '@kollega/domain';
import { useLanguage } from '../shared/language';
import { replaceStatementText, removeStatement } from './note-editing';
import { DismissForm } from './dismiss-form';
import { useReview } from './review-context';
import type { StatementView } from './review-model';
import { StatementEditor } from './statement-editor';
import { SupportIcon } from './support-legend';

type Mode = 'view' | 'edit' | 'dismiss' | 'confirm-remove';

/**
 * One statement of the note: a button coloured by its verifier label that selects it (and highlights its
 * evidence); its reasons on hover and focus; when selected, the reasons and the actions edit, remove, dismiss.
 */
export function StatementItem({
  view,
  note,
  selected,
}: {
  view: StatementView;
  note: Note;
  selected: boolean;
}) {
  const { messages } = useLanguage();
  const { locked, task, saveNote, select } = useReview();
  const [mode, setMode] = useState<Mode>('view');
  const tooltipId = useId();

  useEffect(() => {
    // Leaving a statement closes its half-done dismissal or removal, but keeps an open edit.
    if (!selected) setMode((current) => (current === 'edit' ? current : 'view'));
  }, [selected]);
  const { statement, support } = view;
  const label = messages.supportLabels[support];
  const reasonsText =
    view.reasons.length > 0 ? view.reasons.join(' ') : messages.supportDescriptions[support];

  function handleSave(text: string) {
    void saveNote(replaceStatementText(note, statement.id, text)).then((saved) => {
      if (saved) setMode('view');
    });
  }

  function handleRemove() {
    void saveNote(removeStatement(note, statement.id)).then((saved) => {
      if (saved) select(null);
    });
  }

  const classes = [
    'statement',
    `support-${support}`,
    selected ? 'is-selected' : '',
    view.blocking ? 'is-blocking' : '',
    view.dismissal !== undefined ? 'is-dismissed' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li
      className={classes}
      id={`statement-${statement.id}`}
      data-testid="statement-item"
      data-statement-item={statement.id}
    >
      {mode === 'edit' ? (
        <StatementEditor
          initialText={statement.text}
          label={messages.editLabel}
          onSave={handleSave}
          onCancel={() => setMode('view')}
        />
      ) : (
        <div className="statement-row">
          <button
            type="button"
            className="statement-button"
            aria-pressed={selected}
            aria-describedby={tooltipId}
            onClick={() => select(selected ? null : { kind: 'statement', id: statement.id })}
            data-testid="statement"
            data-statement-id={statement.id}
            data-support={support}
            data-blocking={view.blocking ? 'true' : 'false'}
            data-dismissed={view.dismissal !== undefined ? 'true' : 'false'}
            data-evidence-count={view.evidence.length}
          >
            <SupportIcon support={support} />
            <span className="statement-text" lang={note.language}>
              {statement.text}
            </span>
            <span className="visually-hidden">({label})</span>
          </button>
          <span role="tooltip" id={tooltipId} className="statement-tooltip">
            <strong>{label}.</strong> {reasonsText}
          </span>
        </div>
      )}

      {selected && mode !== 'edit' && (
        <div className="statement-detail" data-testid="statement-detail">
          <p className="detail-summary">
            <span className={`support-chip support-${support}`}>
              <SupportIcon support={support} /> {label}
            </span>
            {view.severity === 'critical' && view.flagged && (
              <span className="badge badge-critical">{messages.critical}</span>
            )}
            <span className="muted">{messages.evidenceCount(view.evidence.length)}</span>
          </p>
          <div className="detail-reasons">
            <span className="detail-label">{messages.reasonsTitle}:</span>
            {view.reasons.length > 0 ? (
              <ul data-testid="statement-reasons">
                {view.reasons.map((reason, index) => (
                  <li key={index}>{reason}</li>
                ))}
              </ul>
            ) : (
              <span> {messages.supportDescriptions[support]}</span>
            )}
          </div>
          {view.dismissal !== undefined && (
            <p className="dismissal-note" data-testid="dismissal-note">
              {messages.dismissedBy(view.dismissal.by, view.dismissal.reason)}
            </p>
          )}
          {!locked && mode === 'dismiss' && (
            <DismissForm flagId={statement.id} onDone={() => setMode('view')} />
          )}
          {!locked && mode !== 'dismiss' && (
            <div className="detail-actions">
              <button
                type="button"
                className="button button-small"
                onClick={() => setMode('edit')}
                disabled={task !== null}
                data-testid="edit-statement"
              >
                {messages.edit}
              </button>
              {mode === 'confirm-remove' ? (
                <>
                  <button
                    type="button"
                    className="button button-small button-danger"
                    onClick={handleRemove}
                    disabled={task !== null}
                    data-testid="confirm-remove-statement"
                    autoFocus
                  >
                    {messages.confirmRemove}
                  </button>
                  <button
                    type="button"
                    className="button button-small button-ghost"
                    onClick={() => setMode('view')}
                  >
                    {messages.cancel}
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => setMode('confirm-remove')}
                  disabled={task !== null}
                  data-testid="remove-statement"
                >
                  {messages.remove}
                </button>
              )}
              {view.blocking && (
                <button
                  type="button"
                  className="button button-small button-warning"
                  onClick={() => setMode('dismiss')}
                  disabled={task !== null}
                  data-testid="dismiss-flag"
                >
                  {messages.dismissFlag}
                </button>
              )}
            </div>
          )}
        </div>
      )}
    </li>
  );
}
