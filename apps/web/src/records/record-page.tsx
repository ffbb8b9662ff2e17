import { useCallback, useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../api';
import { useDoctorName } from '../review/use-doctor-name';
import { useDocumentsMessages } from '../documents/documents-messages';
import { ErrorBanner } from '../shared/error-banner';
import { navigate } from '../shared/router';
import { useDocumentTitle } from '../shared/use-document-title';
import type {
  RecordAnswer,
  RecordCitation,
  RecordDocumentSummary,
  RecordSearchHit,
  RecordSummary,
  RecordSummaryItem,
} from './records-api';
import {
  askRecord,
  getRecordSummary,
  importRecordFile,
  listRecordDocuments,
  searchRecord,
} from './records-api';

/** `2024-03-12` as `12.03.2024`. */
function formatDate(iso: string | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return match ? `${match[3]}.${match[2]}.${match[1]}` : '';
}

function Citations({ citations }: { citations: readonly RecordCitation[] }) {
  return (
    <ul className="small muted" data-testid="citations">
      {citations.map((citation) => (
        <li key={citation.passageId} title={citation.quote} data-testid="citation">
          {citation.label}: <q>{citation.quote}</q>
        </li>
      ))}
    </ul>
  );
}

function SummaryList({
  title,
  items,
  limit,
  testId,
}: {
  title: string;
  items: readonly RecordSummaryItem[];
  limit: number;
  testId: string;
}) {
  const messages = useDocumentsMessages();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, limit);
  return (
    <section data-testid={testId}>
      <h3 className="note-section-title">{title}</h3>
      {items.length === 0 ? (
        <p className="muted small">{messages.none}</p>
      ) : (
        <ul>
          {shown.map((item, position) => (
            <li key={`${item.text}-${position}`}>
              <details>
                <summary>
                  {item.text}
                  {item.date !== undefined && <span className="muted"> ({formatDate(item.date)})</span>}
                  {item.detail !== undefined && <span className="muted"> – {item.detail}</span>}
                </summary>
                <Citations citations={item.citations} />
              </details>
            </li>
          ))}
        </ul>
      )}
      {!all && items.length > limit && (
        <button type="button" className="button button-small button-ghost" onClick={() => setAll(true)}>
          {messages.showMore(items.length)}
        </button>
      )}
    </section>
  );
}

function KeyForm() {
  const messages = useDocumentsMessages();
  const [key, setKey] = useState('');
  const id = useId();
  return (
    <form
      className="form card"
      onSubmit={(event) => {
        event.preventDefault();
        if (key.trim() !== '') navigate(`/journal/${encodeURIComponent(key.trim())}`);
      }}
    >
      <div className="field">
        <label htmlFor={id}>{messages.recordKeyLabel}</label>
        <input
          id={id}
          type="text"
          value={key}
          onChange={(event) => setKey(event.target.value)}
          data-testid="record-key"
        />
        <p className="hint">{messages.recordKeyHint}</p>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="record-open">
          {messages.recordOpen}
        </button>
      </div>
    </form>
  );
}

/** Page `/journal/:key`: import a patient's record documents, see the cited summary, search and ask. */
export function RecordPage({ patientKey }: { patientKey?: string }) {
  const messages = useDocumentsMessages();
  useDocumentTitle(messages.recordTitle);
  const [doctorName] = useDoctorName();
  const [documents, setDocuments] = useState<RecordDocumentSummary[] | null>(null);
  const [summary, setSummary] = useState<RecordSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [task, setTask] = useState<'import' | 'search' | 'ask' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<RecordSearchHit[] | null>(null);
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState<RecordAnswer | null>(null);
  const ids = { files: useId(), search: useId(), ask: useId() };

  const load = useCallback(() => {
    if (patientKey === undefined) return;
    setError(null);
    listRecordDocuments(patientKey).then(async (list) => {
      setDocuments(list);
      setSummary(list.length === 0 ? null : await getRecordSummary(patientKey));
    }, setError);
  }, [patientKey]);
  useEffect(load, [load]);

  if (patientKey === undefined) {
    return (
      <section className="page page-narrow" aria-labelledby="record-heading">
        <h1 id="record-heading">{messages.recordTitle}</h1>
        <p className="lead">{messages.recordIntro}</p>
        <KeyForm />
      </section>
    );
  }
  const key = patientKey;

  async function handleImport(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (files.length === 0) return;
    setTask('import');
    setError(null);
    setNotice(null);
    try {
      for (const file of files) await importRecordFile(key, file, doctorName.trim() || undefined);
      setNotice(messages.recordImported(files.length));
      setFiles([]);
      load();
    } catch (caught) {
      setError(caught);
    } finally {
      setTask(null);
    }
  }

  async function handleSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (query.trim() === '') return;
    setTask('search');
    setError(null);
    try {
      setHits(await searchRecord(key, query.trim()));
    } catch (caught) {
      setError(caught);
    } finally {
      setTask(null);
    }
  }

  async function handleAsk(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (question.trim().length < 3) return;
    setTask('ask');
    setError(null);
    try {
      setAnswer(await askRecord(key, question.trim(), doctorName.trim() || undefined));
    } catch (caught) {
      if (isApiError(caught) && caught.status === 404) setAnswer(null);
      setError(caught);
    } finally {
      setTask(null);
    }
  }

  return (
    <section className="page" aria-labelledby="record-heading" data-testid="record-page">
      <div className="page-heading">
        <div>
          <h1 id="record-heading" tabIndex={-1}>
            {messages.recordTitle}: {key}
          </h1>
          <p className="muted small">{messages.recordIntro}</p>
        </div>
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {notice !== null && (
        <div className="banner banner-info" role="status">
          {notice}
        </div>
      )}

      <section className="card" aria-labelledby="import-heading">
        <h2 id="import-heading" className="panel-heading">
          {messages.recordImportTitle}
        </h2>
        <form className="form" onSubmit={(event) => void handleImport(event)}>
          <div className="field">
            <label htmlFor={ids.files}>{messages.recordFiles}</label>
            <input
              id={ids.files}
              type="file"
              multiple
              accept=".txt,.md,.pdf,.json,text/plain,application/pdf,application/json,application/fhir+json"
              onChange={(event) => setFiles([...(event.target.files ?? [])])}
              data-testid="record-files"
            />
          </div>
          <div className="form-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={files.length === 0 || task !== null}
              data-testid="record-import"
            >
              {task === 'import' ? messages.recordImporting : messages.recordImport}
            </button>
          </div>
        </form>
        <h3 className="note-section-title">{messages.recordDocuments}</h3>
        {documents === null || documents.length === 0 ? (
          <p className="muted small">{messages.recordNoDocuments}</p>
        ) : (
          <ul data-testid="record-documents">
            {documents.map((document) => (
              <li key={document.id}>
                {document.name}{' '}
                <span className="muted small">
                  (
                  {[
                    document.kind,
                    document.pageCount === undefined ? '' : messages.pages(document.pageCount),
                    messages.passages(document.passageCount),
                  ]
                    .filter(Boolean)
                    .join(', ')}
                  )
                </span>
                {document.warnings.map((warning) => (
                  <span key={warning.code} className="muted small">
                    {' '}
                    – {warning.message}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="ask-heading">
        <h2 id="ask-heading" className="panel-heading">
          {messages.askTitle}
        </h2>
        <form className="form" onSubmit={(event) => void handleAsk(event)}>
          <div className="field">
            <label htmlFor={ids.ask}>{messages.askLabel}</label>
            <input
              id={ids.ask}
              type="text"
              value={question}
              placeholder={messages.askPlaceholder}
              onChange={(event) => setQuestion(event.target.value)}
              data-testid="record-question"
            />
          </div>
          <div className="form-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={task !== null}
              data-testid="record-ask"
            >
              {task === 'ask' ? messages.asking : messages.askButton}
            </button>
          </div>
        </form>
        {answer !== null && (
          <div data-testid="record-answer" data-found={answer.found} data-method={answer.method}>
            <p>
              <strong data-testid="record-answer-text">{answer.answer}</strong>
            </p>
            <p className="muted small">
              {answer.method === 'model'
                ? messages.answerModel(answer.support ?? '')
                : messages.answerExtractive}
            </p>
            {!answer.found && answer.citations.length > 0 && (
              <p className="muted small">{messages.answerNotFound}</p>
            )}
            <Citations citations={answer.citations} />
            {answer.warnings.map((warning) => (
              <p key={warning.code} className="hint">
                {warning.message}
              </p>
            ))}
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="search-heading">
        <h2 id="search-heading" className="panel-heading">
          {messages.searchTitle}
        </h2>
        <form className="form" onSubmit={(event) => void handleSearch(event)}>
          <div className="field">
            <label htmlFor={ids.search}>{messages.searchLabel}</label>
            <input
              id={ids.search}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              data-testid="record-search"
            />
          </div>
          <div className="form-actions">
            <button
              type="submit"
              className="button"
              disabled={task !== null}
              data-testid="record-search-button"
            >
              {messages.searchButton}
            </button>
          </div>
        </form>
        {hits !== null &&
          (hits.length === 0 ? (
            <p className="muted small">{messages.searchEmpty}</p>
          ) : (
            <ol data-testid="record-hits">
              {hits.map((hit) => (
                <li key={hit.passageId}>
                  <p className="small">{hit.text}</p>
                  <p className="muted small">{hit.citation.label}</p>
                </li>
              ))}
            </ol>
          ))}
      </section>

      {summary !== null && (
        <section className="card" aria-labelledby="summary-heading" data-testid="record-summary">
          <h2 id="summary-heading" className="panel-heading">
            {messages.summaryTitle}
          </h2>
          <SummaryList
            title={messages.problems}
            items={summary.problems}
            limit={15}
            testId="summary-problems"
          />
          <SummaryList
            title={messages.medicines}
            items={summary.medicines}
            limit={15}
            testId="summary-medicines"
          />
          <SummaryList
            title={messages.allergies}
            items={summary.allergies}
            limit={10}
            testId="summary-allergies"
          />
          <SummaryList
            title={messages.keyResults}
            items={summary.keyResults}
            limit={15}
            testId="summary-results"
          />
          <SummaryList
            title={messages.timeline}
            items={summary.timeline}
            limit={12}
            testId="summary-timeline"
          />
        </section>
      )}
    </section>
  );
}
