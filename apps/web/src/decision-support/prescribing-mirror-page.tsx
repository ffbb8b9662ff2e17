import { useCallback, useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { Language } from '@kollega/domain';
import { ErrorBanner } from '../shared/error-banner';
import { formatDateTime, useLanguage } from '../shared/language';
import { useDocumentTitle } from '../shared/use-document-title';
import { useDoctorName } from '../review/use-doctor-name';
import { MonthLines, ShareBars } from './charts';
import type { PrescribingFigures, PrescribingMirror } from './decision-support-api';
import { getPrescribingMirror } from './decision-support-api';
import { useDecisionSupportMessages } from './messages';
import { averagePerDoctor, formatMonth, formatShare } from './mirror-model';
import './decision-support.css';

function shareText(
  value: number | null,
  part: number,
  whole: number,
  text: ReturnType<typeof useDecisionSupportMessages>,
  language: Language,
): string {
  const share = formatShare(value, language);
  return share === undefined ? text.noValue : `${share} (${text.figureCount(part, whole)})`;
}

/** The numbers behind the charts, as a table (also what a screen reader reads best). */
function FiguresTable({
  name,
  own,
  practice,
}: {
  name: string;
  own: PrescribingFigures;
  practice: PrescribingFigures;
}) {
  const text = useDecisionSupportMessages();
  const rows: Array<[string, number, number]> = [
    [text.approvedNotes, own.approvedNotes, practice.approvedNotes],
    [text.respiratoryInfections, own.respiratoryInfections, practice.respiratoryInfections],
    [text.withAntibiotic, own.withAntibiotic, practice.withAntibiotic],
    [text.delayed, own.delayedPrescriptions, practice.delayedPrescriptions],
    [text.penicillinV, own.penicillinV, practice.penicillinV],
    [text.assessed, own.assessed, practice.assessed],
    [text.deviations, own.deviations, practice.deviations],
    [text.codedByDoctor, own.codedByDoctor, practice.codedByDoctor],
  ];
  return (
    <table className="ds-figures">
      <caption className="visually-hidden">{text.tableTitle(name)}</caption>
      <thead>
        <tr>
          <th scope="col">{text.columnFigure}</th>
          <th scope="col">{name}</th>
          <th scope="col">{text.practice}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value, total]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
            <td>{total}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One doctor's mirror: their shares beside the practice's, and deviations per month beside the average. */
function DoctorMirror({
  doctor,
  own,
  mirror,
  isYou,
}: {
  doctor: string;
  own: PrescribingFigures;
  mirror: PrescribingMirror;
  isYou: boolean;
}) {
  const text = useDecisionSupportMessages();
  const { language } = useLanguage();
  const { practice } = mirror;
  const headingId = useId();
  const name = isYou ? `${doctor} ${text.you}` : doctor;
  return (
    <section
      className={`card ds-doctor${isYou ? ' is-you' : ''}`}
      aria-labelledby={headingId}
      data-testid="mirror-doctor"
      data-doctor={doctor}
      data-respiratory={own.respiratoryInfections}
      data-with-antibiotic={own.withAntibiotic}
      data-penicillin-v={own.penicillinV}
      data-deviations={own.deviations}
    >
      <h2 id={headingId} className="panel-heading">
        {name}
      </h2>
      <div className="ds-charts">
        <ShareBars
          title={text.antibioticShare}
          testId="mirror-antibiotic-share"
          bars={[
            {
              label: doctor,
              value: own.antibioticShare,
              variant: 'own',
              text: shareText(
                own.antibioticShare,
                own.withAntibiotic,
                own.respiratoryInfections,
                text,
                language,
              ),
            },
            {
              label: text.practiceAverage,
              value: practice.antibioticShare,
              variant: 'average',
              text: shareText(
                practice.antibioticShare,
                practice.withAntibiotic,
                practice.respiratoryInfections,
                text,
                language,
              ),
            },
          ]}
        />
        <ShareBars
          title={text.penicillinVShare}
          testId="mirror-penicillin-share"
          bars={[
            {
              label: doctor,
              value: own.penicillinVShare,
              variant: 'own',
              text: shareText(own.penicillinVShare, own.penicillinV, own.withAntibiotic, text, language),
            },
            {
              label: text.practiceAverage,
              value: practice.penicillinVShare,
              variant: 'average',
              text: shareText(
                practice.penicillinVShare,
                practice.penicillinV,
                practice.withAntibiotic,
                text,
                language,
              ),
            },
          ]}
        />
        <MonthLines
          title={text.deviationsPerMonth}
          testId="mirror-deviations"
          monthLabels={mirror.months.map((month) => formatMonth(month, language))}
          series={[
            { label: doctor, values: own.months.map((month) => month.deviations), variant: 'own' },
            {
              label: text.practicePerDoctor,
              values: averagePerDoctor(practice.months, mirror.doctors.length),
              variant: 'average',
            },
          ]}
        />
      </div>
      <FiguresTable name={doctor} own={own} practice={practice} />
    </section>
  );
}

/** Page `/forskrivningsspeil`: each doctor's antibiotic prescribing for respiratory infections beside the practice's. */
export function PrescribingMirrorPage() {
  const text = useDecisionSupportMessages();
  const { language } = useLanguage();
  const [doctorName] = useDoctorName();
  const [mirror, setMirror] = useState<PrescribingMirror | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [period, setPeriod] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const fromId = useId();
  const toId = useId();
  useDocumentTitle(text.mirrorTitle);

  const load = useCallback((requested: { from?: string; to?: string }) => {
    setError(null);
    getPrescribingMirror(requested).then((loaded) => {
      setMirror(loaded);
      setPeriod({ from: loaded.from, to: loaded.to });
    }, setError);
  }, []);

  useEffect(() => load({}), [load]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    load(period);
  }

  const you = doctorName.trim().toLowerCase();
  return (
    <section
      className="page page-wide ds-mirror"
      aria-labelledby="mirror-heading"
      data-testid="prescribing-mirror"
    >
      <div className="page-heading">
        <div>
          <h1 id="mirror-heading" tabIndex={-1}>
            {text.mirrorTitle}
          </h1>
          <p className="lead">{text.mirrorIntro}</p>
        </div>
      </div>
      <form className="ds-period" onSubmit={handleSubmit}>
        <div className="field">
          <label htmlFor={fromId}>{text.periodFrom}</label>
          <input
            id={fromId}
            type="date"
            value={period.from}
            onChange={(event) => setPeriod({ ...period, from: event.target.value })}
            data-testid="mirror-from"
          />
        </div>
        <div className="field">
          <label htmlFor={toId}>{text.periodTo}</label>
          <input
            id={toId}
            type="date"
            value={period.to}
            onChange={(event) => setPeriod({ ...period, to: event.target.value })}
            data-testid="mirror-to"
          />
        </div>
        <button type="submit" className="button" data-testid="mirror-update">
          {text.update}
        </button>
      </form>
      <ErrorBanner error={error} onRetry={() => load(period)} />
      {mirror === null && error === null && (
        <p className="muted" role="status">
          {text.mirrorLoading}
        </p>
      )}
      {mirror !== null && (
        <>
          <section
            className="card ds-practice"
            aria-label={text.practice}
            data-testid="mirror-practice"
            data-respiratory={mirror.practice.respiratoryInfections}
            data-with-antibiotic={mirror.practice.withAntibiotic}
            data-penicillin-v={mirror.practice.penicillinV}
            data-deviations={mirror.practice.deviations}
          >
            <h2 className="panel-heading">{text.practice}</h2>
            <dl className="ds-summary">
              <div>
                <dt>{text.respiratoryInfections}</dt>
                <dd>{mirror.practice.respiratoryInfections}</dd>
              </div>
              <div>
                <dt>{text.antibioticShare}</dt>
                <dd>
                  {shareText(
                    mirror.practice.antibioticShare,
                    mirror.practice.withAntibiotic,
                    mirror.practice.respiratoryInfections,
                    text,
                    language,
                  )}
                </dd>
              </div>
              <div>
                <dt>{text.penicillinVShare}</dt>
                <dd>
                  {shareText(
                    mirror.practice.penicillinVShare,
                    mirror.practice.penicillinV,
                    mirror.practice.withAntibiotic,
                    text,
                    language,
                  )}
                </dd>
              </div>
              <div>
                <dt>{text.deviations}</dt>
                <dd>{text.figureCount(mirror.practice.deviations, mirror.practice.assessed)}</dd>
              </div>
            </dl>
          </section>
          {mirror.doctors.length === 0 && <p className="muted">{text.mirrorEmpty}</p>}
          {mirror.doctors.map((doctor) => (
            <DoctorMirror
              key={doctor.doctor}
              doctor={doctor.doctor}
              own={doctor}
              mirror={mirror}
              isYou={you !== '' && doctor.doctor.toLowerCase() === you}
            />
          ))}
          <details className="card ds-definition">
            <summary>{text.definitionTitle}</summary>
            <p>{mirror.definition.respiratoryInfection}</p>
            <p className="small">
              <strong>{text.codesUsed}:</strong>{' '}
              {mirror.definition.respiratoryInfectionCodes
                .map((entry) => `${entry.code} ${entry.title}`)
                .join(', ')}
            </p>
            <p className="small">{mirror.definition.method}</p>
            <p className="small muted">
              {text.versions(mirror.definition.ruleSetVersion, mirror.definition.codeListVersion)} ·{' '}
              {formatDateTime(mirror.generatedAt, language)}
            </p>
          </details>
        </>
      )}
    </section>
  );
}
