import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { Consultation, NoteRecord } from '@kollega/domain';
import { ErrorBanner } from '../shared/error-banner';
import { formatDateTime, useLanguage } from '../shared/language';
import { insertStatement } from '../review/note-editing';
import { useReview } from '../review/review-context';
import type {
  AntibioticAssessment,
  ConsultationDecisionSupport,
  RecommendedRegimen,
} from './decision-support-api';
import { recordDecision } from './decision-support-api';
import { useDecisionSupportMessages } from './messages';

function Regimen({ regimen, testId }: { regimen: RecommendedRegimen; testId?: string }) {
  const text = useDecisionSupportMessages();
  if (regimen.drug === undefined) return <p>{regimen.text}</p>;
  return (
    <dl className="ds-regimen" data-testid={testId}>
      <div>
        <dt>{text.drug}</dt>
        <dd>{regimen.drug}</dd>
      </div>
      {regimen.dose !== undefined && (
        <div>
          <dt>{text.dose}</dt>
          <dd>{regimen.dose}</dd>
        </div>
      )}
      {regimen.frequency !== undefined && (
        <div>
          <dt>{text.frequency}</dt>
          <dd>{regimen.frequency}</dd>
        </div>
      )}
      {regimen.durationDays !== undefined && (
        <div>
          <dt>{text.duration}</dt>
          <dd>{text.days(regimen.durationDays)}</dd>
        </div>
      )}
    </dl>
  );
}

function PlanAssessment({ assessment }: { assessment: AntibioticAssessment }) {
  const text = useDecisionSupportMessages();
  return (
    <div
      className={`ds-plan ds-plan-${assessment.planAssessment}`}
      data-testid="ds-plan"
      data-assessment={assessment.planAssessment}
    >
      <h4 className="ds-subheading">{text.planTitle}</h4>
      {assessment.plan.kind !== 'not-stated' && (
        <p className="small">{text.planSaid(assessment.plan.text)}</p>
      )}
      {assessment.planAssessment === 'concordant' && (
        <p>
          <span aria-hidden="true">✓ </span>
          {text.planConcordant}
        </p>
      )}
      {assessment.planAssessment === 'not-applicable' && <p>{text.planNotStated}</p>}
      {assessment.planAssessment === 'deviation' && (
        <>
          <p>{text.planDeviation}</p>
          <ul className="ds-deviations">
            {assessment.deviations.map((deviation) => (
              <li key={deviation.code} data-testid="ds-deviation" data-code={deviation.code}>
                {deviation.text}
                <span className="ds-rule small muted">
                  {text.ruleLine(deviation.rule)} · {deviation.source}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Accept the recommendation into the plan, or record why not; shows the decision once made. */
function DecisionArea({
  support,
  consultation,
  record,
  onDecided,
}: {
  support: ConsultationDecisionSupport;
  consultation: Consultation;
  record: NoteRecord;
  onDecided: () => void;
}) {
  const text = useDecisionSupportMessages();
  const { language } = useLanguage();
  const { locked, task, doctorName, setDoctorName, saveNote, select } = useReview();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const nameId = useId();
  const reasonId = useId();
  const assessment = support.decisionSupport.antibiotics;
  const statement = support.suggestedPlanStatement;
  const section = support.planSection;
  if (assessment === null) return null;

  const decision = support.decision;
  const name = doctorName.trim();

  async function handleAccept(): Promise<void> {
    if (statement === null || section === null) return;
    if (name === '') {
      setFormError(text.needName);
      return;
    }
    setFormError(null);
    setError(null);
    setBusy(true);
    try {
      const existing = record.note.sections
        .find((candidate) => candidate.id === section.id)
        ?.statements.find((candidate) => candidate.text.trim() === statement.text);
      let statementId = existing?.id;
      if (statementId === undefined) {
        const inserted = insertStatement(record.note, {
          sectionId: section.id,
          sectionTitle: section.title,
          text: statement.text,
          evidence: statement.evidence,
        });
        // Through the review page, so the note is re-verified and the page shows the new version.
        if (!(await saveNote(inserted.note))) return;
        statementId = inserted.statementId;
      }
      await recordDecision(consultation.id, { action: 'accepted', by: name });
      select({ kind: 'statement', id: statementId });
      onDecided();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function handleDecline(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (name === '') {
      setFormError(text.needName);
      return;
    }
    if (reason.trim() === '') {
      setFormError(text.needReason);
      return;
    }
    setFormError(null);
    setError(null);
    setBusy(true);
    try {
      await recordDecision(consultation.id, { action: 'declined', reason: reason.trim(), by: name });
      setDeclining(false);
      setReason('');
      onDecided();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const decidedText =
    decision === null
      ? null
      : decision.action === 'accepted'
        ? text.decidedAccepted(decision.decidedBy, formatDateTime(decision.decidedAt, language))
        : text.decidedDeclined(
            decision.decidedBy,
            formatDateTime(decision.decidedAt, language),
            decision.reason ?? '',
          );

  if (assessment.planAssessment === 'concordant' && decision === null) {
    return <p className="small muted">{text.noDecisionNeeded}</p>;
  }
  return (
    <div className="ds-decision" data-testid="ds-decision-area">
      <h4 className="ds-subheading">{text.decisionTitle}</h4>
      {decidedText !== null && (
        <p className="ds-decided" role="status" data-testid="ds-decision" data-action={decision?.action}>
          {decidedText}
        </p>
      )}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {!locked && statement !== null && section !== null && decision?.action !== 'accepted' && (
        <>
          {name === '' && (
            <div className="field">
              <label htmlFor={nameId}>{text.yourName}</label>
              <input id={nameId} value={doctorName} onChange={(event) => setDoctorName(event.target.value)} />
            </div>
          )}
          <p className="small">
            {text.acceptLead(section.title)} <q className="ds-statement-preview">{statement.text}</q>
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary button-small"
              onClick={() => void handleAccept()}
              disabled={busy || task !== null}
              data-testid="ds-accept"
            >
              {busy && !declining ? text.accepting : text.accept}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => setDeclining((open) => !open)}
              aria-expanded={declining}
              disabled={busy}
              data-testid="ds-decline"
            >
              {text.decline}
            </button>
          </div>
          <p className="hint small">{text.acceptHint}</p>
          {declining && (
            <form className="form ds-decline-form" onSubmit={(event) => void handleDecline(event)}>
              <div className="field">
                <label htmlFor={reasonId}>{text.declineReason}</label>
                <textarea
                  id={reasonId}
                  rows={2}
                  value={reason}
                  placeholder={text.declinePlaceholder}
                  onChange={(event) => setReason(event.target.value)}
                  data-testid="ds-decline-reason"
                />
              </div>
              <button
                type="submit"
                className="button button-small"
                disabled={busy}
                data-testid="ds-decline-save"
              >
                {text.declineSave}
              </button>
            </form>
          )}
          {formError !== null && (
            <p className="field-error" role="alert">
              {formError}
            </p>
          )}
        </>
      )}
    </div>
  );
}

/** The antibiotic part of the card: findings, recommendation, missing items, plan, advice, decision, source. */
export function AntibioticSection({
  support,
  consultation,
  record,
  onDecided,
  onShowEvidence,
}: {
  support: ConsultationDecisionSupport;
  consultation: Consultation;
  record: NoteRecord;
  onDecided: () => void;
  onShowEvidence: (segmentIds: readonly string[]) => void;
}) {
  const text = useDecisionSupportMessages();
  const assessment = support.decisionSupport.antibiotics;
  if (assessment === null) {
    return (
      <p className="muted" data-testid="ds-no-infection">
        {text.noInfection}
      </p>
    );
  }
  const { recommendation, source } = assessment;
  return (
    <div className="ds-antibiotics" data-testid="ds-antibiotics" data-condition={assessment.condition.id}>
      <h3 className="ds-heading">{text.antibioticsTitle(assessment.condition.label)}</h3>
      {assessment.caution !== undefined && (
        <div className="banner banner-warning" role="note" data-testid="ds-caution">
          <strong className="banner-title">{text.cautionTitle}</strong> {assessment.caution}
        </div>
      )}
      {assessment.findings.length > 0 && (
        <>
          <h4 className="ds-subheading">
            {text.findingsTitle}
            {support.suggestedPlanStatement !== null &&
              support.suggestedPlanStatement.evidence.length > 0 && (
                <button
                  type="button"
                  className="button button-link small"
                  onClick={() => onShowEvidence(support.suggestedPlanStatement?.evidence ?? [])}
                  data-testid="ds-findings-evidence"
                >
                  {text.showEvidence}
                </button>
              )}
          </h4>
          <ul className="ds-findings">
            {assessment.findings.map((finding) => (
              <li key={finding.label}>
                <span className="muted">{finding.label}:</span> {finding.value}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="ds-recommendation" data-testid="ds-recommendation" data-kind={recommendation.kind}>
        <h4 className="ds-subheading">{text.recommendationTitle}</h4>
        <p className="ds-kind">{text.kinds[recommendation.kind] ?? recommendation.kind}</p>
        {recommendation.kind !== 'no-antibiotic' && <Regimen regimen={recommendation} testId="ds-regimen" />}
        {recommendation.allergyAlternative !== undefined && (
          <div className="ds-alternative">
            <p className="small">
              <strong>{text.allergyAlternative}:</strong> {recommendation.allergyAlternative.text}
            </p>
          </div>
        )}
        <p className="small muted">{recommendation.text}</p>
      </div>
      {assessment.missing.length > 0 && (
        <div className="ds-missing" data-testid="ds-missing">
          <h4 className="ds-subheading">{text.missingTitle}</h4>
          <ul>
            {assessment.missing.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      )}
      <PlanAssessment assessment={assessment} />
      {assessment.notes.length > 0 && (
        <div className="ds-notes">
          <h4 className="ds-subheading">{text.notesTitle}</h4>
          <ul className="small">
            {assessment.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="ds-advice" data-testid="ds-advice">
        <h4 className="ds-subheading">{text.adviceTitle}</h4>
        <p>{assessment.patientAdvice.expectedDuration}</p>
        {assessment.patientAdvice.seekHelpIf.length > 0 && (
          <>
            <p className="small">{text.seekHelpTitle}:</p>
            <ul className="small">
              {assessment.patientAdvice.seekHelpIf.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <DecisionArea support={support} consultation={consultation} record={record} onDecided={onDecided} />
      <p className="ds-source small muted" data-testid="ds-source">
        <strong>{text.sourceLabel}:</strong> {source.citation}.{' '}
        {text.guidelineVersion(source.guidelineVersion)}.
      </p>
      {!source.verified && source.unverifiedParts.length > 0 && (
        <details className="ds-unverified small muted">
          <summary>{text.unverified}</summary>
          <ul>
            {source.unverifiedParts.map((part) => (
              <li key={part}>{part}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
