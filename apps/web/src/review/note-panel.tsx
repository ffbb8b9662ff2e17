import { useState } from 'react';
import type { NoteRecord, NoteSection } from '@kollega/domain';
import { useLanguage } from '../shared/language';
import { insertStatement } from './note-editing';
import { useReview } from './review-context';
import type { Selection } from './review-context';
import type { StatementView } from './review-model';
import { StatementEditor } from './statement-editor';
import { StatementItem } from './statement-item';

function NoteSectionView({
  section,
  record,
  views,
  selection,
}: {
  section: NoteSection;
  record: NoteRecord;
  views: ReadonlyMap<string, StatementView>;
  selection: Selection | null;
}) {
  const { messages } = useLanguage();
  const { locked, task, saveNote, select } = useReview();
  const [adding, setAdding] = useState(false);
  const headingId = `section-${section.id}-heading`;

  function handleAdd(text: string) {
    const { note, statementId } = insertStatement(record.note, {
      sectionId: section.id,
      sectionTitle: section.title,
      text,
      evidence: [],
    });
    void saveNote(note).then((saved) => {
      if (!saved) return;
      setAdding(false);
      select({ kind: 'statement', id: statementId });
    });
  }

  return (
    <section
      className="note-section"
      aria-labelledby={headingId}
      data-testid="note-section"
      data-section-id={section.id}
    >
      <h3 id={headingId} className="note-section-title" lang={record.note.language}>
        {section.title}
      </h3>
      {section.statements.length === 0 && !adding && (
        <p className="muted empty-section">{messages.emptySection}</p>
      )}
      <ul className="statement-list">
        {section.statements.map((statement) => {
          const view = views.get(statement.id);
          if (view === undefined) return null;
          return (
            <StatementItem
              key={statement.id}
              view={view}
              note={record.note}
              selected={selection?.kind === 'statement' && selection.id === statement.id}
            />
          );
        })}
      </ul>
      {!locked &&
        (adding ? (
          <StatementEditor
            initialText=""
            label={messages.newStatementLabel(section.title)}
            onSave={handleAdd}
            onCancel={() => setAdding(false)}
            testId="new-statement-editor"
          />
        ) : (
          <button
            type="button"
            className="button button-link add-statement"
            onClick={() => setAdding(true)}
            disabled={task !== null}
            data-testid="add-statement"
            aria-label={messages.newStatementLabel(section.title)}
          >
            + {messages.addStatement}
          </button>
        ))}
    </section>
  );
}

/** The note: its sections in order, each statement selectable, editable and coloured by the verifier. */
export function NotePanel({
  record,
  views,
  selection,
}: {
  record: NoteRecord;
  views: ReadonlyMap<string, StatementView>;
  selection: Selection | null;
}) {
  return (
    <div
      className="note-sections"
      data-testid="note"
      data-note-status={record.status}
      data-note-version={record.version}
    >
      {record.note.sections.map((section) => (
        <NoteSectionView
          key={section.id}
          section={section}
          record={record}
          views={views}
          selection={selection}
        />
      ))}
    </div>
  );
}
