import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { ErrorBanner } from '../shared/error-banner';
import { formatDateTime, useLanguage } from '../shared/language';
import type { ClinicalDocumentView, DocumentEvidence, DocumentSection } from './documents-api';
import { approveDocument, documentExportUrl, saveDocument } from './documents-api';
import { useDocumentsMessages } from './documents-messages';

const PLACEHOLDER = /\[Fylles ut:[^\]]*\]/;

function EvidenceList({ evidence }: { evidence: readonly DocumentEvidence[] }) {
  const messages = useDocumentsMessages();
  if (evidence.length === 0) return null;
  const sourceName = {
    note: messages.sourceNote,
    record: messages.sourceRecord,
    input: messages.sourceInput,
  };
  return (
    <details className="small" data-testid="section-evidence">
      <summary>{messages.sources(evidence.length)}</summary>
      <ul>
        {evidence.map((item) => (
          <li key={`${item.source}-${item.id}`}>
            <strong>{sourceName[item.source]}</strong> – {item.label}
            {item.quote !== undefined && <span className="muted"> «{item.quote}»</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}

function SectionField({
  section,
  value,
  incomplete,
  readOnly,
  onChange,
}: {
  section: DocumentSection;
  value: string;
  incomplete: boolean;
  readOnly: boolean;
  onChange: (text: string) => void;
}) {
  const messages = useDocumentsMessages();
  const id = useId();
  return (
    <div className="field" data-testid="document-section" data-section-id={section.id}>
      <label htmlFor={id}>
        {section.title}
        {incomplete && <span className="badge badge-critical"> {messages.incomplete}</span>}
        {section.edited === true && <span className="muted small"> ({messages.edited})</span>}
      </label>
      <textarea
        id={id}
        value={value}
        readOnly={readOnly}
        rows={Math.min(14, Math.max(2, value.split('\n').length + 1))}
        onChange={(event) => onChange(event.target.value)}
        data-testid={`section-${section.id}`}
      />
      <EvidenceList evidence={section.evidence} />
    </div>
  );
}

/**
 * One clinical document: its sections as editable text with their sources, save, approval in a named doctor's
 * name (blocked while a section still needs the doctor's text), and downloads once approved.
 */
export function DocumentEditor({
  view,
  doctorName,
  onDoctorName,
  onChange,
}: {
  view: ClinicalDocumentView;
  doctorName: string;
  onDoctorName: (name: string) => void;
  onChange: (view: ClinicalDocumentView) => void;
}) {
  const messages = useDocumentsMessages();
  const { language } = useLanguage();
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(view.content.sections.map((section) => [section.id, section.text])),
  );
  const [task, setTask] = useState<'save' | 'approve' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const nameId = useId();
  const approved = view.status === 'approved';

  const dirty = useMemo(
    () => view.content.sections.some((section) => (texts[section.id] ?? section.text) !== section.text),
    [texts, view.content.sections],
  );
  const incomplete = useMemo(
    () =>
      new Set(
        view.content.sections
          .filter((section) => {
            const text = texts[section.id] ?? section.text;
            return PLACEHOLDER.test(text) || (section.required === true && text.trim() === '');
          })
          .map((section) => section.id),
      ),
    [texts, view.content.sections],
  );

  async function run(name: 'save' | 'approve', work: () => Promise<ClinicalDocumentView>): Promise<void> {
    setTask(name);
    setError(null);
    setNotice(null);
    try {
      const next = await work();
      setTexts(Object.fromEntries(next.content.sections.map((section) => [section.id, section.text])));
      onChange(next);
      if (name === 'save') setNotice(messages.saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setTask(null);
    }
  }

  function handleSave() {
    const editedBy = doctorName.trim();
    void run('save', () =>
      saveDocument(view.id, {
        version: view.version,
        sections: view.content.sections.map((section) => ({
          id: section.id,
          text: texts[section.id] ?? section.text,
        })),
        ...(editedBy === '' ? {} : { editedBy }),
      }),
    );
  }

  function handleApprove(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (dirty || incomplete.size > 0 || doctorName.trim() === '') return;
    void run('approve', () =>
      approveDocument(view.id, { approvedBy: doctorName.trim(), version: view.version }),
    );
  }

  return (
    <article
      className="card"
      data-testid="document"
      data-document-id={view.id}
      data-status={view.status}
      data-version={view.version}
    >
      <div className="note-card-head">
        <h3 className="panel-heading">{view.content.title}</h3>
        <span className={`badge ${approved ? 'badge-approved' : 'badge-draft'}`}>
          {approved ? messages.statusApproved : messages.statusDraft}
        </span>
        <span className="muted small">{messages.version(view.version)}</span>
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {notice !== null && (
        <p className="muted small" role="status">
          {notice}
        </p>
      )}
      {!approved && incomplete.size > 0 && (
        <p
          className="banner banner-warning"
          role="note"
          data-testid="incomplete-sections"
          data-count={incomplete.size}
        >
          {messages.incompleteCount(incomplete.size)}
        </p>
      )}
      {view.content.sections.map((section) => (
        <SectionField
          key={section.id}
          section={section}
          value={texts[section.id] ?? section.text}
          incomplete={!approved && incomplete.has(section.id)}
          readOnly={approved || task !== null}
          onChange={(text) => setTexts((current) => ({ ...current, [section.id]: text }))}
        />
      ))}
      {approved ? (
        <>
          <p className="approved-banner" data-testid="document-approved">
            <span className="approved-mark" aria-hidden="true">
              ✓
            </span>
            {messages.approvedBy(
              view.approvedBy ?? '',
              view.approvedAt === undefined ? '' : formatDateTime(view.approvedAt, language),
            )}
          </p>
          <div className="form-actions">
            <span>{messages.download}:</span>
            <a
              className="button button-primary"
              href={documentExportUrl(view.id, 'pdf')}
              download
              data-testid="download-document-pdf"
            >
              {messages.downloadPdf}
            </a>
            <a
              className="button"
              href={documentExportUrl(view.id, 'text')}
              download
              data-testid="download-document-text"
            >
              {messages.downloadText}
            </a>
            <a
              className="button"
              href={documentExportUrl(view.id, 'fhir')}
              download
              data-testid="download-document-fhir"
            >
              {messages.downloadFhir}
            </a>
          </div>
        </>
      ) : (
        <>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              onClick={handleSave}
              disabled={!dirty || task !== null}
              data-testid="save-document"
            >
              {task === 'save' ? messages.saving : messages.save}
            </button>
            {dirty && <span className="muted small">{messages.unsaved}</span>}
          </div>
          <form className="approve-form" onSubmit={handleApprove}>
            <div className="field">
              <label htmlFor={nameId}>{messages.approverName}</label>
              <input
                id={nameId}
                type="text"
                value={doctorName}
                autoComplete="name"
                onChange={(event) => onDoctorName(event.target.value)}
                data-testid="document-approver-name"
              />
            </div>
            <button
              type="submit"
              className="button button-primary button-approve"
              disabled={dirty || incomplete.size > 0 || doctorName.trim() === '' || task !== null}
              data-testid="approve-document"
            >
              {task === 'approve' ? messages.approving : messages.approve}
            </button>
            {dirty && <p className="hint">{messages.approveNeedsSave}</p>}
          </form>
        </>
      )}
    </article>
  );
}
