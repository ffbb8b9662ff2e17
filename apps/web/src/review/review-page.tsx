import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Consultation, Note, NoteRecord } from '@kollega/domain';
import {
  approveNote,
  dismissFlag as postDismissal,
  draftNote,
  getConsultation,
  getNote,
  isApiError,
  saveNote as putNote,
} from '../api';
import { AudioReviewPanel } from '../audio/audio-review-panel';
import { ErrorBanner } from '../shared/error-banner';
import { formatDateTime, useLanguage } from '../shared/language';
import { Link } from '../shared/router';
import { useDocumentTitle } from '../shared/use-document-title';
import { DecisionSupportCard } from '../decision-support/decision-support-card';
import { AccessLogPanel } from './access-log-panel';
import { ApprovalPanel } from './approval-panel';
import { NotePanel } from './note-panel';
import { OmissionList } from './omission-list';
import { ReviewProvider } from './review-context';
import type { ReviewActions, ReviewTask, Selection } from './review-context';
import {
  collectWarnings,
  countSupport,
  describeBlockingFlags,
  describeOmissions,
  describeStatements,
} from './review-model';
import type { StatementView } from './review-model';
import { SupportLegend } from './support-legend';
import { recordEvidenceOpened } from '../statistics/review-events-api';
import { TranscriptPanel } from './transcript-panel';
import { useDoctorName } from './use-doctor-name';
import { PreVisitPanel } from '../patient/pre-visit-panel';
import { DocumentsLink } from '../documents/documents-link';

const NO_EVIDENCE: ReadonlySet<string> = new Set();

/** Page `/konsultasjoner/:id`: the transcript beside the note, with verification, editing and approval. */
export function ReviewPage({ consultationId }: { consultationId: string }) {
  const { language, messages } = useLanguage();
  const [consultation, setConsultation] = useState<Consultation | null>(null);
  // undefined: still loading; null: no note drafted yet.
  const [record, setRecord] = useState<NoteRecord | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [task, setTask] = useState<ReviewTask>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [doctorName, setDoctorName] = useDoctorName();
  useDocumentTitle(consultation?.title ?? messages.reviewNote);

  const load = useCallback(() => {
    setLoadError(null);
    Promise.all([getConsultation(consultationId), getNote(consultationId)]).then(([loaded, note]) => {
      setConsultation(loaded);
      setRecord(note);
    }, setLoadError);
  }, [consultationId]);

  useEffect(load, [load]);

  /** Runs one change against the server; a stale version reloads the note and says so. */
  const run = useCallback(
    async (name: Exclude<ReviewTask, null>, change: () => Promise<NoteRecord>): Promise<boolean> => {
      setTask(name);
      setActionError(null);
      setNotice(null);
      try {
        setRecord(await change());
        return true;
      } catch (error) {
        if (
          isApiError(error) &&
          (error.code === 'conflict' ||
            error.code === 'approval_blocked' ||
            error.code === 'already_approved')
        ) {
          const fresh = await getNote(consultationId).catch(() => undefined);
          if (fresh !== undefined) setRecord(fresh);
          if (error.code === 'conflict') setNotice(messages.conflictReloaded);
        }
        setActionError(error);
        return false;
      } finally {
        setTask(null);
      }
    },
    [consultationId, messages.conflictReloaded],
  );

  const noteId = record?.id;
  const version = record?.version;
  const actions = useMemo<ReviewActions>(
    () => ({
      locked: record?.status === 'approved',
      task,
      doctorName,
      setDoctorName,
      select: setSelection,
      saveNote: (note: Note) => {
        if (noteId === undefined || version === undefined) return Promise.resolve(false);
        const editedBy = doctorName.trim();
        return run('save', () =>
          putNote(noteId, { version, note, ...(editedBy.length > 0 ? { editedBy } : {}) }),
        );
      },
      dismissFlag: (input) => {
        if (noteId === undefined) return Promise.resolve(false);
        return run('dismiss', () => postDismissal(noteId, input));
      },
    }),
    [record?.status, task, doctorName, setDoctorName, noteId, version, run],
  );

  const statementViews = useMemo(
    () => (record ? describeStatements(record) : new Map<string, StatementView>()),
    [record],
  );
  const omissionViews = useMemo(() => (record ? describeOmissions(record) : []), [record]);
  const blockingFlags = useMemo(() => (record ? describeBlockingFlags(record) : []), [record]);
  const counts = useMemo(() => countSupport(statementViews.values()), [statementViews]);
  const warnings = useMemo(() => (record ? collectWarnings(record) : []), [record]);

  const activeEvidence = useMemo<ReadonlySet<string>>(() => {
    if (selection === null) return NO_EVIDENCE;
    if (selection.kind === 'statement') return new Set(statementViews.get(selection.id)?.evidence ?? []);
    const omission = omissionViews.find((view) => view.omission.id === selection.id);
    return new Set(omission?.omission.evidence ?? []);
  }, [selection, statementViews, omissionViews]);

  useEffect(() => {
    if (noteId !== undefined && selection !== null && activeEvidence.size > 0)
      recordEvidenceOpened(noteId, selection.id);
  }, [noteId, selection, activeEvidence]);

  function handleDraft() {
    void run('draft', () => draftNote(consultationId));
  }

  function handleApprove() {
    if (noteId === undefined || version === undefined) return;
    void run('approve', () => approveNote(noteId, { approvedBy: doctorName.trim(), version })).then(
      (approved) => {
        if (approved) setSelection(null);
      },
    );
  }

  if (loadError !== null) {
    return (
      <section className="page">
        <ErrorBanner error={loadError} onRetry={load} />
        <Link href="/">{messages.backToList}</Link>
      </section>
    );
  }
  if (consultation === null || record === undefined) {
    return (
      <section className="page">
        <p className="muted" role="status">
          {messages.loading}
        </p>
      </section>
    );
  }

  const approved = record?.status === 'approved';
  return (
    <ReviewProvider value={actions}>
      <section
        className="page page-wide review-page"
        aria-labelledby="review-heading"
        data-testid="review-page"
      >
        <div className="page-heading">
          <div>
            <p className="breadcrumb">
              <Link href="/">{messages.navConsultations}</Link> ·{' '}
              <DocumentsLink consultationId={consultation.id} />
            </p>
            <h1 id="review-heading" tabIndex={-1}>
              {consultation.title.trim().length > 0 ? consultation.title : messages.untitled}
            </h1>
            <p className="muted small">
              <time dateTime={consultation.createdAt}>
                {formatDateTime(consultation.createdAt, language)}
              </time>
              {consultation.setting !== undefined && <> · {messages.settings[consultation.setting]}</>}
              {record !== null && (
                <>
                  {' · '}
                  {messages.engine(record.engine)} · {messages.versionLabel(record.version)}
                </>
              )}
            </p>
          </div>
        </div>

        <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} />
        {notice !== null && (
          <div className="banner banner-info" role="status">
            {notice}
          </div>
        )}
        {warnings.length > 0 && (
          <div className="banner banner-warning" role="note" data-testid="note-warnings">
            <strong className="banner-title">{messages.warningsTitle}</strong>
            <ul>
              {warnings.map((warning, index) => (
                <li key={`${warning.code}-${index}`}>{warning.message}</li>
              ))}
            </ul>
          </div>
        )}

        <PreVisitPanel consultationId={consultationId} />
        <AudioReviewPanel
          consultation={consultation}
          activeEvidence={activeEvidence}
          locked={approved}
          onChanged={load}
        />
        <div className="review-layout">
          <div className="review-transcript">
            <TranscriptPanel
              segments={consultation.transcript.segments}
              activeEvidence={activeEvidence}
              language={consultation.language}
            />
          </div>
          <div className="review-note">
            {record === null ? (
              <section className="card empty-state" data-testid="no-note">
                <p>{messages.noNoteYet}</p>
                <button
                  type="button"
                  className="button button-primary"
                  onClick={handleDraft}
                  disabled={task !== null}
                  data-testid="draft-button"
                >
                  {task === 'draft' ? messages.drafting : messages.draftNow}
                </button>
              </section>
            ) : (
              <>
                <section
                  className="card note-card"
                  aria-labelledby="note-heading"
                  aria-busy={task === 'save' || task === 'dismiss'}
                >
                  <div className="note-card-head">
                    <h2 id="note-heading" className="panel-heading">
                      {approved ? messages.reviewNoteApproved : messages.reviewNote}
                    </h2>
                    <span className="muted small" role="status" aria-live="polite">
                      {task === 'save' || task === 'dismiss' ? messages.saving : ''}
                    </span>
                    {blockingFlags.length > 0 && (
                      <a href="#approval-heading" className="flag-chip" data-testid="open-flags-link">
                        {messages.openFlags(blockingFlags.length)}
                      </a>
                    )}
                  </div>
                  <SupportLegend counts={counts} />
                  {!approved && <p className="hint">{messages.statementHint}</p>}
                  <NotePanel record={record} views={statementViews} selection={selection} />
                </section>
                <OmissionList record={record} views={omissionViews} selection={selection} />
                <DecisionSupportCard consultation={consultation} record={record} />
                <ApprovalPanel record={record} blockingFlags={blockingFlags} onApprove={handleApprove} />
                <AccessLogPanel consultationId={consultation.id} />
              </>
            )}
          </div>
        </div>
      </section>
    </ReviewProvider>
  );
}
