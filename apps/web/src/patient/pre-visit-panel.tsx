import { useCallback, useEffect, useState } from 'react';
import type { Language } from '@kollega/domain';
import { ErrorBanner } from '../shared/error-banner';
import { formatDateTime, useLanguage } from '../shared/language';
import { Link } from '../shared/router';
import { DOCTOR_MESSAGES } from './patient-messages';
import { createQuestionnaireLink, listQuestionnaires } from './patient-api';
import type { PreVisitSummary, QuestionnaireView } from './patient-api';
import './patient.css';

/** The submitted answers as the GP reads them before the consultation. */
function PreSummary({
  summary,
  urgency,
}: {
  summary: PreVisitSummary;
  urgency?: QuestionnaireView['urgency'];
}) {
  const { language } = useLanguage();
  const messages = DOCTOR_MESSAGES[language];
  return (
    <div className="pre-summary" data-testid="pre-summary">
      <p className="provenance-chip">{summary.provenance}</p>
      {summary.redFlags.length > 0 && (
        <div className="banner banner-error" role="note" data-testid="pre-summary-red-flags">
          <div className="banner-body">
            <strong className="banner-title">{messages.redFlags}</strong>
            {urgency === 'akutt' && <span>{messages.urgencyAcute}</span>}
            {urgency === 'samme_dag' && <span>{messages.urgencySameDay}</span>}
            <ul>
              {summary.redFlags.map((flag) => (
                <li key={flag.id}>{flag.description}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <dl className="pre-summary-items">
        {summary.items.map((item) => (
          <div key={item.id} className="pre-summary-item">
            <dt>{item.label}</dt>
            <dd data-testid={`pre-summary-${item.id}`}>{item.value}</dd>
          </div>
        ))}
      </dl>
      {summary.modules.map((module) => (
        <section key={module.id} className="pre-summary-module" aria-labelledby={`pre-module-${module.id}`}>
          <h3 id={`pre-module-${module.id}`}>
            {module.title}
            {module.score !== undefined && (
              <span className="score-chip" data-testid={`score-${module.id}`} title={module.score.source}>
                {module.score.text}
              </span>
            )}
          </h3>
          <ul className="pre-summary-answers">
            {module.answers.map((answer) => (
              <li
                key={answer.questionId}
                data-testid="pre-summary-answer"
                data-question={answer.questionId}
                data-answer={answer.answer}
              >
                <span>{answer.label}:</span> <strong>{answer.answerText}</strong>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {summary.notes.length > 0 && (
        <div className="banner banner-warning" role="note">
          <strong className="banner-title">{messages.notesHeading}</strong>
          <ul>
            {summary.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="hint">{messages.useAsSource}</p>
    </div>
  );
}

/**
 * The pre-visit panel on the GP's consultation page: the patient's submitted questionnaire as a pre-summary
 * ("oppgitt av pasienten"), the state of a sent link, a button that creates a one-time link and code, and the
 * way to the patient summary.
 */
export function PreVisitPanel({ consultationId }: { consultationId: string }) {
  const { language } = useLanguage();
  const messages = DOCTOR_MESSAGES[language];
  const [items, setItems] = useState<QuestionnaireView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [linkLanguage, setLinkLanguage] = useState<Language>(language);
  const [created, setCreated] = useState<{ url: string; token: string; expiresAt: string } | null>(null);
  const [copied, setCopied] = useState(false);

  const load = useCallback(() => {
    listQuestionnaires(consultationId, language).then(setItems, setError);
  }, [consultationId, language]);
  useEffect(load, [load]);

  function handleCreate() {
    setCreating(true);
    setError(null);
    createQuestionnaireLink(consultationId, { language: linkLanguage }).then(
      (result) => {
        setCreating(false);
        setCopied(false);
        setCreated({
          url: `${window.location.origin}${result.path}`,
          token: result.token,
          expiresAt: result.expiresAt,
        });
        load();
      },
      (failure: unknown) => {
        setCreating(false);
        setError(failure);
      },
    );
  }

  function handleCopy() {
    if (created === null) return;
    navigator.clipboard.writeText(created.url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }

  const submitted =
    items?.filter((item) => item.status === 'submitted' && item.preSummary !== undefined) ?? [];
  const open = items?.find((item) => item.status === 'open');
  const expired = items?.some((item) => item.status === 'expired') === true;
  const latest = submitted[0];

  return (
    <section
      className="card pre-visit-panel"
      aria-labelledby="pre-visit-heading"
      data-testid="pre-visit-panel"
    >
      <div className="pre-visit-head">
        <h2 id="pre-visit-heading" className="panel-heading">
          {messages.preVisitHeading}
        </h2>
        <Link
          href={`/konsultasjoner/${encodeURIComponent(consultationId)}/pasientinformasjon`}
          data-testid="patient-summary-link"
        >
          {messages.patientSummaryLink}
        </Link>
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {latest?.preSummary !== undefined ? (
        <>
          <p className="muted small">
            {messages.submittedAt(formatDateTime(latest.submittedAt ?? latest.createdAt, language))}
          </p>
          <PreSummary
            summary={latest.preSummary}
            {...(latest.urgency === undefined ? {} : { urgency: latest.urgency })}
          />
        </>
      ) : open !== undefined ? (
        <p data-testid="pre-visit-waiting">
          {messages.preVisitWaiting(formatDateTime(open.expiresAt, language))}
        </p>
      ) : (
        items !== null && (
          <p className="muted">{expired ? messages.preVisitExpired : messages.preVisitNone}</p>
        )
      )}
      {latest === undefined && (
        <div className="form-actions">
          <label className="pre-visit-language">
            <span>{messages.linkLanguage}</span>{' '}
            <select
              value={linkLanguage}
              onChange={(event) => setLinkLanguage(event.target.value as Language)}
            >
              <option value="nb">Norsk</option>
              <option value="en">English</option>
            </select>
          </label>
          <button
            type="button"
            className="button"
            onClick={handleCreate}
            disabled={creating}
            data-testid="create-questionnaire-link"
          >
            {creating ? messages.creatingLink : messages.createLink}
          </button>
        </div>
      )}
      {created !== null && (
        <div className="banner banner-info" role="status" data-testid="questionnaire-link">
          <p>
            {messages.linkCreated} {formatDateTime(created.expiresAt, language)}.
          </p>
          <p>
            {messages.linkLabel}: <code data-testid="questionnaire-url">{created.url}</code>{' '}
            <button type="button" className="button button-small" onClick={handleCopy}>
              {copied ? messages.copied : messages.copy}
            </button>
          </p>
          <p>
            {messages.codeLabel}: <code data-testid="questionnaire-code">{created.token}</code>
          </p>
        </div>
      )}
    </section>
  );
}
