import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Consultation, NoteRecord } from '@kollega/domain';
import { getConsultation, getNote } from '../api';
import { useDoctorName } from '../review/use-doctor-name';
import { ErrorBanner } from '../shared/error-banner';
import { formatDateTime, useLanguage } from '../shared/language';
import { Link } from '../shared/router';
import { useDocumentTitle } from '../shared/use-document-title';
import { DOCTOR_MESSAGES, TRANSLATION_LANGUAGE_NAMES } from './patient-messages';
import {
  approvePatientSummary,
  draftPatientSummary,
  getTranslationStatus,
  listPatientSummaries,
  patientSummaryPdfUrl,
  savePatientSummary,
} from './patient-api';
import type { PatientSummary, PatientSummaryRecord, PatientSummarySentence } from './patient-api';
import './patient.css';

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'ur', 'he']);

type EditableSection = {
  id: string;
  sentences: Array<{ id?: string; text: string; layout: PatientSummarySentence['layout'] }>;
};

function isFlagged(sentence: PatientSummarySentence): boolean {
  return sentence.support === 'unsupported' || sentence.support === 'contradicted';
}

function countFlagged(summary: PatientSummary): number {
  return summary.sections.reduce((sum, section) => sum + section.sentences.filter(isFlagged).length, 0);
}

/** One section as the patient reads it: running text, lead-ins, and bullet lists. */
function SummarySectionView({
  section,
  statementText,
  sourceCitation,
}: {
  section: PatientSummary['sections'][number];
  statementText: ReadonlyMap<string, string>;
  sourceCitation: ReadonlyMap<string, string>;
}) {
  const { language } = useLanguage();
  const messages = DOCTOR_MESSAGES[language];
  const blocks: Array<{ kind: 'list' | 'sentence'; sentences: PatientSummarySentence[] }> = [];
  for (const sentence of section.sentences) {
    const last = blocks.at(-1);
    if (sentence.layout === 'item' && last?.kind === 'list') last.sentences.push(sentence);
    else blocks.push({ kind: sentence.layout === 'item' ? 'list' : 'sentence', sentences: [sentence] });
  }
  const renderSentence = (sentence: PatientSummarySentence) => (
    <>
      <span className={sentence.layout === 'lead' ? 'summary-lead' : undefined}>{sentence.text}</span>
      {isFlagged(sentence) && (
        <span className="summary-flag no-print" data-testid="summary-flag">
          {' '}
          ⚠ {messages.flagged}
        </span>
      )}
      {sentence.evidence.length > 0 && (
        <span className="summary-evidence no-print">
          {messages.fromNote} «{sentence.evidence.map((id) => statementText.get(id) ?? id).join(' / ')}»
        </span>
      )}
      {sentence.source !== undefined && sourceCitation.has(sentence.source) && sentence.layout !== 'item' && (
        <span className="summary-evidence no-print">
          {messages.guidelineSource} {sourceCitation.get(sentence.source)}
        </span>
      )}
      {sentence.origin === 'edited' && <span className="summary-evidence no-print">{messages.edited}</span>}
    </>
  );
  return (
    <section className="summary-section" aria-labelledby={`summary-${section.id}`}>
      <h2 id={`summary-${section.id}`}>{section.title}</h2>
      {blocks.map((block) =>
        block.kind === 'list' ? (
          <ul key={block.sentences[0]?.id}>
            {block.sentences.map((sentence) => (
              <li key={sentence.id} data-sentence={sentence.id}>
                {renderSentence(sentence)}
              </li>
            ))}
          </ul>
        ) : (
          <p key={block.sentences[0]?.id} data-sentence={block.sentences[0]?.id}>
            {block.sentences[0] !== undefined && renderSentence(block.sentences[0])}
          </p>
        ),
      )}
    </section>
  );
}

/**
 * Page `/konsultasjoner/:id/pasientinformasjon`: the patient summary of the approved note. The GP picks a
 * language (the note's own by the built-in engine; others machine-translated by the configured model),
 * reads it with its LIX and each sentence's source in the note, edits, approves, prints or downloads a PDF.
 */
export function PatientSummaryPage({ consultationId }: { consultationId: string }) {
  const { language, messages: appMessages } = useLanguage();
  const messages = DOCTOR_MESSAGES[language];
  const [consultation, setConsultation] = useState<Consultation | null>(null);
  const [note, setNote] = useState<NoteRecord | null | undefined>(undefined);
  const [summaries, setSummaries] = useState<PatientSummaryRecord[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [translation, setTranslation] = useState<{
    available: boolean;
    model: string | null;
    message: string;
  } | null>(null);
  const [targetLanguage, setTargetLanguage] = useState<string>('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'draft' | 'save' | 'approve' | null>(null);
  const [editing, setEditing] = useState<EditableSection[] | null>(null);
  const [doctorName, setDoctorName] = useDoctorName();
  const [confirmFlagged, setConfirmFlagged] = useState(false);
  const [approverError, setApproverError] = useState<string | null>(null);
  useDocumentTitle(messages.summaryTitle);

  const load = useCallback(() => {
    setError(null);
    Promise.all([getConsultation(consultationId), getNote(consultationId), getTranslationStatus()]).then(
      async ([loadedConsultation, loadedNote, status]) => {
        setConsultation(loadedConsultation);
        setNote(loadedNote);
        setTranslation(status);
        setTargetLanguage((current) => (current === '' ? (loadedNote?.note.language ?? 'nb') : current));
        if (loadedNote !== null) {
          const items = await listPatientSummaries(loadedNote.id);
          setSummaries(items);
          setSelected((current) => current ?? items[0]?.id ?? null);
        }
      },
      setError,
    );
  }, [consultationId]);
  useEffect(load, [load]);

  const record = summaries.find((item) => item.id === selected) ?? null;
  const statementText = useMemo(
    () =>
      new Map(
        note?.note.sections.flatMap((section) =>
          section.statements.map((statement) => [statement.id, statement.text] as const),
        ) ?? [],
      ),
    [note],
  );
  const sourceCitation = useMemo(
    () => new Map(record?.summary.sources.map((source) => [source.id, source.citation] as const) ?? []),
    [record],
  );

  function replaceRecord(next: PatientSummaryRecord) {
    setSummaries((current) => [...current.filter((item) => item.id !== next.id), next]);
    setSelected(next.id);
  }

  function run(name: 'draft' | 'save' | 'approve', work: () => Promise<PatientSummaryRecord>) {
    setBusy(name);
    setError(null);
    work().then(
      (next) => {
        setBusy(null);
        replaceRecord(next);
        setEditing(null);
        setConfirmFlagged(false);
      },
      (failure: unknown) => {
        setBusy(null);
        setError(failure);
      },
    );
  }

  function handleDraft() {
    if (note === null || note === undefined) return;
    run('draft', () => draftPatientSummary(note.id, targetLanguage));
  }

  function startEditing() {
    if (record === null) return;
    setEditing(
      record.summary.sections.map((section) => ({
        id: section.id,
        sentences: section.sentences.map((sentence) => ({
          id: sentence.id,
          text: sentence.text,
          layout: sentence.layout,
        })),
      })),
    );
  }

  function handleSave() {
    if (record === null || editing === null) return;
    const editedBy = doctorName.trim();
    run('save', () =>
      savePatientSummary(record.id, {
        version: record.version,
        ...(editedBy === '' ? {} : { editedBy }),
        sections: editing.map((section) => ({
          id: section.id,
          sentences: section.sentences
            .filter((sentence) => sentence.text.trim() !== '')
            .map((sentence) => ({
              ...(sentence.id === undefined ? {} : { id: sentence.id }),
              text: sentence.text.trim(),
              layout: sentence.layout,
            })),
        })),
      }),
    );
  }

  function handleApprove() {
    if (record === null) return;
    if (doctorName.trim() === '') {
      setApproverError(messages.approverMissing);
      document.getElementById('summary-approver')?.focus();
      return;
    }
    setApproverError(null);
    run('approve', () =>
      approvePatientSummary(record.id, {
        approvedBy: doctorName.trim(),
        version: record.version,
        confirmFlagged,
      }),
    );
  }

  function updateSentence(sectionIndex: number, sentenceIndex: number, text: string | null) {
    setEditing((current) =>
      current === null
        ? current
        : current.map((section, index) =>
            index !== sectionIndex
              ? section
              : {
                  ...section,
                  sentences:
                    text === null
                      ? section.sentences.filter((_sentence, position) => position !== sentenceIndex)
                      : section.sentences.map((sentence, position) =>
                          position === sentenceIndex ? { ...sentence, text } : sentence,
                        ),
                },
          ),
    );
  }

  function addSentence(sectionIndex: number) {
    setEditing((current) =>
      current === null
        ? current
        : current.map((section, index) =>
            index === sectionIndex
              ? { ...section, sentences: [...section.sentences, { text: '', layout: 'text' as const }] }
              : section,
          ),
    );
  }

  if (error !== null && consultation === null) {
    return (
      <section className="page page-narrow">
        <ErrorBanner error={error} onRetry={load} />
      </section>
    );
  }
  if (consultation === null || note === undefined) {
    return (
      <section className="page page-narrow">
        <p className="muted" role="status">
          {appMessages.loading}
        </p>
      </section>
    );
  }

  const reviewPath = `/konsultasjoner/${encodeURIComponent(consultationId)}`;
  const approved = note?.status === 'approved';
  const noteLanguage = note?.note.language ?? 'nb';
  const flagged = record === null ? 0 : countFlagged(record.summary);
  const summaryDirection = record !== null && RIGHT_TO_LEFT.has(record.language) ? 'rtl' : 'ltr';

  return (
    <section
      className="page page-narrow patient-summary-page"
      aria-labelledby="summary-page-heading"
      data-testid="patient-summary-page"
    >
      <div className="page-heading no-print">
        <div>
          <p className="breadcrumb">
            <Link href={reviewPath}>{messages.backToNote}</Link>
          </p>
          <h1 id="summary-page-heading" tabIndex={-1}>
            {messages.summaryTitle}
          </h1>
          <p className="muted small">{consultation.title}</p>
        </div>
      </div>
      <p className="lead no-print">{messages.summaryIntro}</p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />

      {!approved ? (
        <div className="card" data-testid="summary-note-not-approved">
          <p>{messages.noteNotApproved}</p>
          <Link href={reviewPath}>{messages.backToNote}</Link>
        </div>
      ) : (
        <div className="card no-print summary-controls">
          <div className="form-row">
            <div className="field">
              <label htmlFor="summary-language">{messages.language}</label>
              <select
                id="summary-language"
                value={targetLanguage}
                onChange={(event) => setTargetLanguage(event.target.value)}
                aria-describedby={translation?.available === false ? 'summary-translation-note' : undefined}
                data-testid="summary-language"
              >
                <option value={noteLanguage}>
                  {noteLanguage === 'nb' ? 'Norsk bokmål' : 'English'} ({messages.builtin})
                </option>
                {noteLanguage === 'nb' && (
                  <option value="en" disabled={translation?.available !== true}>
                    English ({messages.machineTranslatedOption})
                  </option>
                )}
                {TRANSLATION_LANGUAGE_NAMES.map(([code, name]) => (
                  <option key={code} value={code} disabled={translation?.available !== true}>
                    {name} ({messages.machineTranslatedOption})
                  </option>
                ))}
              </select>
              {translation?.available === false && (
                <p className="hint" id="summary-translation-note">
                  {messages.translationUnavailable} {translation.message}
                </p>
              )}
            </div>
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={handleDraft}
              disabled={busy !== null}
              data-testid="draft-summary"
            >
              {busy === 'draft'
                ? messages.drafting
                : summaries.some((item) => item.language === targetLanguage)
                  ? messages.redraftSummary
                  : messages.draftSummary}
            </button>
            {summaries.length > 1 &&
              summaries.map((item) => (
                <button
                  key={item.id}
                  type="button"
                  className="button button-small"
                  aria-pressed={item.id === selected}
                  onClick={() => setSelected(item.id)}
                >
                  {item.language}
                </button>
              ))}
          </div>
        </div>
      )}

      {record !== null && (
        <>
          <div className="summary-meta no-print">
            <span className={`badge ${record.status === 'approved' ? 'badge-approved' : 'badge-draft'}`}>
              {record.status === 'approved' ? messages.statusApproved : messages.statusDraft}
            </span>
            {record.summary.machineTranslated && (
              <span className="badge badge-critical">{messages.machineTranslated}</span>
            )}
            <span className="lix" data-testid="summary-lix" data-lix={record.summary.lix}>
              <strong>{messages.lix(record.summary.lix)}</strong> –{' '}
              {messages.lixExplained(record.summary.lix)}
            </span>
          </div>

          {editing === null ? (
            <article
              className="card patient-summary"
              lang={record.language}
              dir={summaryDirection}
              aria-labelledby="patient-summary-title"
              data-testid="patient-summary"
            >
              <h2 id="patient-summary-title" className="summary-title">
                {record.summary.title}
              </h2>
              {record.summary.machineTranslated && (
                <p className="summary-notice">
                  Maskinoversatt. Spør legen hvis noe er uklart. / Machine-translated.
                </p>
              )}
              {record.summary.sections.map((section) => (
                <SummarySectionView
                  key={section.id}
                  section={section}
                  statementText={statementText}
                  sourceCitation={sourceCitation}
                />
              ))}
              {record.summary.sources.length > 0 && (
                <footer className="summary-sources">
                  <h2>{messages.sources}</h2>
                  <ul>
                    {record.summary.sources.map((source) => (
                      <li key={source.id}>
                        {source.citation} ({source.version})
                        {source.evidence === 'GK' && (
                          <span className="no-print"> – {messages.checkSource}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                </footer>
              )}
              {record.status === 'approved' && record.approvedBy !== undefined && (
                <p className="summary-approval">
                  {messages.approvedBy(
                    record.approvedBy,
                    formatDateTime(record.approvedAt ?? record.updatedAt, language),
                  )}
                </p>
              )}
            </article>
          ) : (
            <div className="card summary-editor" data-testid="summary-editor">
              {editing.map((section, sectionIndex) => {
                const title =
                  record.summary.sections.find((candidate) => candidate.id === section.id)?.title ??
                  section.id;
                return (
                  <fieldset key={section.id} className="summary-edit-section">
                    <legend>{title}</legend>
                    {section.sentences.map((sentence, sentenceIndex) => {
                      const id = `edit-${section.id}-${sentenceIndex}`;
                      return (
                        <div key={sentence.id ?? id} className="summary-edit-row">
                          <label htmlFor={id} className="visually-hidden">
                            {title}: {messages.sentenceLabel(sentenceIndex + 1)}
                          </label>
                          <textarea
                            id={id}
                            rows={2}
                            value={sentence.text}
                            onChange={(event) =>
                              updateSentence(sectionIndex, sentenceIndex, event.target.value)
                            }
                          />
                          <button
                            type="button"
                            className="button button-small button-ghost"
                            onClick={() => updateSentence(sectionIndex, sentenceIndex, null)}
                            aria-label={`${messages.removeSentence}: ${messages.sentenceLabel(sentenceIndex + 1)}`}
                          >
                            ×
                          </button>
                        </div>
                      );
                    })}
                    <button type="button" className="button-link" onClick={() => addSentence(sectionIndex)}>
                      + {messages.addSentence}
                    </button>
                  </fieldset>
                );
              })}
              <div className="form-actions">
                <button
                  type="button"
                  className="button button-primary"
                  onClick={handleSave}
                  disabled={busy !== null}
                  data-testid="save-summary"
                >
                  {busy === 'save' ? messages.saving : messages.save}
                </button>
                <button type="button" className="button" onClick={() => setEditing(null)}>
                  {messages.cancel}
                </button>
              </div>
            </div>
          )}

          <div className="card no-print summary-actions">
            <div className="form-actions">
              {record.status === 'draft' && editing === null && (
                <button type="button" className="button" onClick={startEditing} data-testid="edit-summary">
                  {messages.edit}
                </button>
              )}
              <button
                type="button"
                className="button"
                onClick={() => window.print()}
                data-testid="print-summary"
              >
                {messages.print}
              </button>
              <a
                className="button"
                href={patientSummaryPdfUrl(record.id)}
                download
                data-testid="download-pdf"
              >
                {messages.downloadPdf}
              </a>
            </div>
            {record.status === 'draft' && editing === null && (
              <div className="summary-approve">
                <div className="field">
                  <label htmlFor="summary-approver">{messages.approverName}</label>
                  <input
                    id="summary-approver"
                    type="text"
                    value={doctorName}
                    onChange={(event) => setDoctorName(event.target.value)}
                    aria-invalid={approverError === null ? undefined : true}
                    aria-describedby={approverError === null ? undefined : 'summary-approver-error'}
                    autoComplete="name"
                  />
                  {approverError !== null && (
                    <p className="field-error" id="summary-approver-error">
                      {approverError}
                    </p>
                  )}
                </div>
                {flagged > 0 && (
                  <label className="summary-confirm">
                    <input
                      type="checkbox"
                      checked={confirmFlagged}
                      onChange={(event) => setConfirmFlagged(event.target.checked)}
                    />{' '}
                    {messages.confirmFlagged(flagged)}
                  </label>
                )}
                <button
                  type="button"
                  className="button button-primary"
                  onClick={handleApprove}
                  disabled={busy !== null || (flagged > 0 && !confirmFlagged)}
                  data-testid="approve-summary"
                >
                  {messages.approve}
                </button>
              </div>
            )}
          </div>
        </>
      )}
    </section>
  );
}
