import { useCallback, useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { Consultation } from '@kollega/domain';
import { getConsultation } from '../api';
import { useDoctorName } from '../review/use-doctor-name';
import { ErrorBanner } from '../shared/error-banner';
import { useLanguage } from '../shared/language';
import { Link } from '../shared/router';
import { useDocumentTitle } from '../shared/use-document-title';
import { DocumentEditor } from './document-editor';
import type {
  ClinicalDocumentView,
  ConsultationDocuments,
  DocumentKind,
  Icpc2System,
  ReferralUrgency,
} from './documents-api';
import { draftDocument, listConsultationDocuments, noteExportUrl } from './documents-api';
import { useDocumentsMessages } from './documents-messages';

/** The address of a consultation's documents page. */
export function documentsPath(consultationId: string): string {
  return `/konsultasjoner/${encodeURIComponent(consultationId)}/dokumenter`;
}

function NoteExports({ noteId }: { noteId: string }) {
  const messages = useDocumentsMessages();
  const [system, setSystem] = useState<Icpc2System>('icpc-2');
  const systemId = useId();
  return (
    <section className="card" aria-labelledby="export-heading" data-testid="note-exports">
      <h2 id="export-heading" className="panel-heading">
        {messages.exportTitle}
      </h2>
      <p className="muted small">{messages.exportIntro}</p>
      <div className="form-actions">
        <a className="button" href={noteExportUrl(noteId, 'text')} download data-testid="export-note-text">
          {messages.exportText}
        </a>
        <a
          className="button"
          href={noteExportUrl(noteId, 'fhir', system)}
          download
          data-testid="export-note-fhir"
        >
          {messages.exportFhir}
        </a>
        <a className="button" href={noteExportUrl(noteId, 'pdf')} download data-testid="export-note-pdf">
          {messages.exportPdf}
        </a>
      </div>
      <div className="field">
        <label htmlFor={systemId}>{messages.icpc2System}</label>
        <select
          id={systemId}
          value={system}
          onChange={(event) => setSystem(event.target.value as Icpc2System)}
        >
          <option value="icpc-2">{messages.icpc2Preferred}</option>
          <option value="volven">{messages.icpc2Volven}</option>
          <option value="both">{messages.icpc2Both}</option>
        </select>
      </div>
    </section>
  );
}

function NewDocumentForm({
  consultationId,
  doctorName,
  onCreated,
}: {
  consultationId: string;
  doctorName: string;
  onCreated: (view: ClinicalDocumentView) => void;
}) {
  const messages = useDocumentsMessages();
  const [kind, setKind] = useState<DocumentKind>('henvisning');
  const [receiver, setReceiver] = useState('');
  const [question, setQuestion] = useState('');
  const [urgency, setUrgency] = useState<ReferralUrgency | ''>('');
  const [purpose, setPurpose] = useState('');
  const [patientKey, setPatientKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ids = {
    kind: useId(),
    receiver: useId(),
    question: useId(),
    urgency: useId(),
    purpose: useId(),
    key: useId(),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const trim = (value: string) => (value.trim() === '' ? undefined : value.trim());
      const input = {
        kind,
        ...(trim(receiver) === undefined ? {} : { receiver: receiver.trim() }),
        ...(kind === 'henvisning' && trim(question) !== undefined ? { question: question.trim() } : {}),
        ...(kind === 'henvisning' && urgency !== '' ? { urgency } : {}),
        ...(kind === 'legeerklaering' && trim(purpose) !== undefined ? { purpose: purpose.trim() } : {}),
        ...(trim(patientKey) === undefined ? {} : { patientKey: patientKey.trim() }),
        ...(trim(doctorName) === undefined ? {} : { createdBy: doctorName.trim() }),
      };
      onCreated(await draftDocument(consultationId, input));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="new-document-heading">
      <h2 id="new-document-heading" className="panel-heading">
        {messages.newDocumentTitle}
      </h2>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <form className="form" onSubmit={(event) => void handleSubmit(event)}>
        <div className="form-row">
          <div className="field">
            <label htmlFor={ids.kind}>{messages.kind}</label>
            <select
              id={ids.kind}
              value={kind}
              onChange={(event) => setKind(event.target.value as DocumentKind)}
              data-testid="document-kind"
            >
              <option value="henvisning">{messages.kindReferral}</option>
              <option value="legeerklaering">{messages.kindCertificate}</option>
            </select>
          </div>
          <div className="field field-grow">
            <label htmlFor={ids.receiver}>{messages.receiver}</label>
            <input
              id={ids.receiver}
              type="text"
              value={receiver}
              placeholder={
                kind === 'henvisning'
                  ? messages.receiverReferralPlaceholder
                  : messages.receiverCertificatePlaceholder
              }
              onChange={(event) => setReceiver(event.target.value)}
              data-testid="document-receiver"
            />
          </div>
        </div>
        {kind === 'henvisning' ? (
          <>
            <div className="field">
              <label htmlFor={ids.question}>{messages.question}</label>
              <textarea
                id={ids.question}
                rows={2}
                value={question}
                placeholder={messages.questionPlaceholder}
                onChange={(event) => setQuestion(event.target.value)}
                data-testid="document-question"
              />
            </div>
            <div className="field">
              <label htmlFor={ids.urgency}>{messages.urgency}</label>
              <select
                id={ids.urgency}
                value={urgency}
                onChange={(event) => setUrgency(event.target.value as ReferralUrgency | '')}
                data-testid="document-urgency"
              >
                <option value="">{messages.urgencyFromNote}</option>
                {(['ordinaer', 'haster', 'akutt'] as const).map((value) => (
                  <option key={value} value={value}>
                    {messages.urgencyLabels[value]}
                  </option>
                ))}
              </select>
            </div>
          </>
        ) : (
          <div className="field">
            <label htmlFor={ids.purpose}>{messages.purpose}</label>
            <input
              id={ids.purpose}
              type="text"
              value={purpose}
              placeholder={messages.purposePlaceholder}
              onChange={(event) => setPurpose(event.target.value)}
              data-testid="document-purpose"
            />
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.key}>{messages.patientKey}</label>
          <input
            id={ids.key}
            type="text"
            value={patientKey}
            onChange={(event) => setPatientKey(event.target.value)}
            data-testid="document-patient-key"
          />
          <p className="hint">{messages.patientKeyHint}</p>
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy}
            data-testid="draft-document"
          >
            {busy ? messages.drafting : messages.draftButton}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Page `/konsultasjoner/:id/dokumenter`: exports of the approved note, and its referral and certificate drafts. */
export function DocumentsPage({ consultationId }: { consultationId: string }) {
  const messages = useDocumentsMessages();
  const { messages: appMessages } = useLanguage();
  const [consultation, setConsultation] = useState<Consultation | null>(null);
  const [documents, setDocuments] = useState<ConsultationDocuments | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [doctorName, setDoctorName] = useDoctorName();
  useDocumentTitle(messages.documentsTitle);

  const load = useCallback(() => {
    setLoadError(null);
    Promise.all([getConsultation(consultationId), listConsultationDocuments(consultationId)]).then(
      ([loaded, list]) => {
        setConsultation(loaded);
        setDocuments(list);
      },
      setLoadError,
    );
  }, [consultationId]);
  useEffect(load, [load]);

  const replace = (view: ClinicalDocumentView) =>
    setDocuments((current) =>
      current === null
        ? current
        : {
            ...current,
            items: current.items.some((item) => item.id === view.id)
              ? current.items.map((item) => (item.id === view.id ? view : item))
              : [view, ...current.items],
          },
    );

  if (loadError !== null) {
    return (
      <section className="page">
        <ErrorBanner error={loadError} onRetry={load} />
        <Link href="/">{appMessages.backToList}</Link>
      </section>
    );
  }
  if (consultation === null || documents === null) {
    return (
      <section className="page">
        <p className="muted" role="status">
          {appMessages.loading}
        </p>
      </section>
    );
  }
  const reviewPath = `/konsultasjoner/${encodeURIComponent(consultationId)}`;
  const approved = documents.note?.status === 'approved';
  return (
    <section className="page" aria-labelledby="documents-heading" data-testid="documents-page">
      <div className="page-heading">
        <div>
          <p className="breadcrumb">
            <Link href={reviewPath}>{messages.backToConsultation}</Link> ·{' '}
            <Link href="/journal">{messages.recordLink}</Link>
          </p>
          <h1 id="documents-heading" tabIndex={-1}>
            {messages.documentsTitle}
          </h1>
          <p className="muted small">{consultation.title}</p>
        </div>
      </div>
      {!approved ? (
        <div className="banner banner-info" role="note" data-testid="note-not-approved">
          {documents.note === null ? messages.noNote : messages.noteNotApproved}{' '}
          <Link href={reviewPath}>{messages.openReview}</Link>
        </div>
      ) : (
        <>
          <NoteExports noteId={documents.note?.id ?? ''} />
          <NewDocumentForm consultationId={consultationId} doctorName={doctorName} onCreated={replace} />
        </>
      )}
      {documents.items.length === 0
        ? approved && <p className="muted">{messages.documentsEmpty}</p>
        : documents.items.map((view) => (
            <DocumentEditor
              key={view.id}
              view={view}
              doctorName={doctorName}
              onDoctorName={setDoctorName}
              onChange={replace}
            />
          ))}
    </section>
  );
}
