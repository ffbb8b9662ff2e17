import { useState } from 'react';
import type { NoteRecord } from '@kollega/domain';
import { MESSAGES } from '../shared/messages';
import { useLanguage } from '../shared/language';
import { insertStatement } from './note-editing';
import { DismissForm } from './dismiss-form';
import { useReview } from './review-context';
import type { Selection } from './review-context';
import type { OmissionView } from './review-model';

function OmissionItem({
  view,
  record,
  selected,
}: {
  view: OmissionView;
  record: NoteRecord;
  selected: boolean;
}) {
  const { messages } = useLanguage();
  const { locked, task, saveNote, select } = useReview();
  const [dismissing, setDismissing] = useState(false);
  const { omission } = view;

  function handleInsert() {
    const existing = record.note.sections.find((section) => section.id === omission.sectionId);
    // A missing section gets its usual title in the note's language, not the UI's.
    const sectionTitle =
      existing?.title ??
      MESSAGES[record.note.language].sectionFallbackTitles[omission.sectionId] ??
      omission.sectionId;
    const { note, statementId } = insertStatement(record.note, {
      sectionId: omission.sectionId,
      sectionTitle,
      text: omission.suggestion,
      evidence: omission.evidence,
    });
    void saveNote(note).then((saved) => {
      if (saved) select({ kind: 'statement', id: statementId });
    });
  }

  const classes = [
    'omission',
    omission.critical ? 'is-critical' : '',
    selected ? 'is-selected' : '',
    view.dismissal ? 'is-dismissed' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li
      className={classes}
      id={`omission-${omission.id}`}
      data-testid="omission"
      data-omission-id={omission.id}
      data-blocking={view.blocking ? 'true' : 'false'}
      data-critical={omission.critical ? 'true' : 'false'}
    >
      <div className="omission-head">
        {omission.critical && <span className="badge badge-critical">{messages.critical}</span>}
        <span className="omission-text">{omission.text}</span>
      </div>
      <p className="omission-suggestion">
        <span className="detail-label">{messages.omissionSuggestion}:</span> «{omission.suggestion}»
      </p>
      {view.dismissal !== undefined && (
        <p className="dismissal-note" data-testid="dismissal-note">
          {messages.dismissedBy(view.dismissal.by, view.dismissal.reason)}
        </p>
      )}
      {dismissing && !locked ? (
        <DismissForm flagId={omission.id} onDone={() => setDismissing(false)} />
      ) : (
        <div className="detail-actions">
          {omission.evidence.length > 0 && (
            <button
              type="button"
              className="button button-small button-ghost"
              aria-pressed={selected}
              onClick={() => select(selected ? null : { kind: 'omission', id: omission.id })}
              data-testid="show-omission-evidence"
            >
              {messages.showEvidence}
            </button>
          )}
          {!locked && (
            <button
              type="button"
              className="button button-small button-primary"
              onClick={handleInsert}
              disabled={task !== null}
              data-testid="insert-omission"
            >
              {messages.insertOmission}
            </button>
          )}
          {!locked && view.dismissal === undefined && (
            <button
              type="button"
              className="button button-small"
              onClick={() => setDismissing(true)}
              disabled={task !== null}
              data-testid="dismiss-omission"
            >
              {messages.dismissFlag}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** What the verifier thinks the note left out, each with "Sett inn" and a dismissal. */
export function OmissionList({
  record,
  views,
  selection,
}: {
  record: NoteRecord;
  views: readonly OmissionView[];
  selection: Selection | null;
}) {
  const { messages } = useLanguage();
  return (
    <section className="card omissions" aria-labelledby="omissions-heading" data-testid="omissions">
      <h2 id="omissions-heading" className="panel-heading">
        {messages.omissionsTitle}
        {views.length > 0 && <span className="count-pill">{views.length}</span>}
      </h2>
      {views.length === 0 ? (
        <p className="muted">{messages.omissionsNone}</p>
      ) : (
        <ul className="omission-list">
          {views.map((view) => (
            <OmissionItem
              key={view.omission.id}
              view={view}
              record={record}
              selected={selection?.kind === 'omission' && selection.id === view.omission.id}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
