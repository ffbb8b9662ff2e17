import { useState } from 'react';
import { useJson } from '../about/use-json';
import { useDocumentTitle } from '../shared/use-document-title';

interface Figures {
  notesApproved: number;
  minutesToApprovalMedian: number | null;
  editRate: number | null;
  flagsRaised: number;
  flagsEdited: number;
  flagsDismissed: number;
  flagsInserted: number;
  flagsOther: number;
  notesWithFlags: number;
  approvedWithoutOpeningFlagEvidence: number;
}

interface ReviewStatistics {
  practice: Figures;
  doctors: Array<Figures & { doctor: string }>;
  weeks: Array<{ week: string; start: string; practice: Figures }>;
}

function formatMinutes(value: number | null): string {
  return value === null ? '–' : `${value.toFixed(0)} min`;
}

function formatShare(value: number | null): string {
  return value === null ? '–' : `${(value * 100).toFixed(1).replace('.', ',')} %`;
}

/** A hand-written SVG bar chart of one value per week. */
export function WeeklyChart(props: {
  title: string;
  weeks: ReadonlyArray<{ week: string; value: number | null }>;
  format: (value: number | null) => string;
}) {
  const width = 560;
  const height = 160;
  const max = Math.max(1e-9, ...props.weeks.map((week) => week.value ?? 0));
  const barWidth = props.weeks.length === 0 ? 0 : Math.min(60, (width - 20) / props.weeks.length - 8);
  return (
    <figure className="card" data-testid="weekly-chart">
      <figcaption>{props.title}</figcaption>
      <svg width={width} height={height + 30} role="img" aria-label={props.title}>
        <line x1={10} y1={height} x2={width - 10} y2={height} stroke="#8c959f" />
        {props.weeks.map((week, index) => {
          const barHeight = ((week.value ?? 0) / max) * (height - 20);
          const x = 14 + index * (barWidth + 8);
          return (
            <g key={week.week}>
              <rect x={x} y={height - barHeight} width={barWidth} height={barHeight} fill="#1f6f8b">
                <title>{`${week.week}: ${props.format(week.value)}`}</title>
              </rect>
              <text x={x + barWidth / 2} y={height - barHeight - 4} fontSize={10} textAnchor="middle">
                {props.format(week.value)}
              </text>
              <text x={x + barWidth / 2} y={height + 14} fontSize={10} textAnchor="middle">
                {week.week.slice(5)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function FiguresRow({ name, figures }: { name: string; figures: Figures }) {
  return (
    <tr>
      <td>{name}</td>
      <td>{figures.notesApproved}</td>
      <td>{formatMinutes(figures.minutesToApprovalMedian)}</td>
      <td>{formatShare(figures.editRate)}</td>
      <td>
        {figures.flagsRaised} ({figures.flagsEdited} rettet, {figures.flagsDismissed} avvist,{' '}
        {figures.flagsInserted} satt inn)
      </td>
      <td data-testid="unopened-evidence">
        {figures.approvedWithoutOpeningFlagEvidence} av {figures.notesWithFlags}
      </td>
    </tr>
  );
}

/** /statistikk: review statistics per doctor and practice, with weekly SVG charts. Ids and figures only. */
export function StatisticsPage() {
  useDocumentTitle('Statistikk');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const query = new URLSearchParams({ groupBy: 'week', ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const state = useJson<ReviewStatistics>(`/api/statistics/review?${query.toString()}`);
  return (
    <section className="page page-wide" data-testid="statistics-page">
      <h1>Statistikk: gjennomgang og tid</h1>
      <p>
        Tid fra konsultasjonen sluttet til notatet ble godkjent, hvor mye legen endret i utkastet (andel
        tegn), flagg og hvordan de ble løst, og notater godkjent uten at grunnlaget for noen flagg ble åpnet –
        et varsel om at man kan ha begynt å stole for mye på utkastet. Ingen pasientopplysninger vises.
      </p>
      <label>
        Fra <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
      </label>{' '}
      <label>
        Til <input type="date" value={to} onChange={(event) => setTo(event.target.value)} />
      </label>
      {state.status === 'loading' && <p className="muted">Henter …</p>}
      {state.status === 'error' && <p>Kunne ikke hente statistikken ({state.message}).</p>}
      {state.status === 'ready' && (
        <>
          <table className="about-table" data-testid="statistics-table">
            <thead>
              <tr>
                <th>Lege</th>
                <th>Godkjente notater</th>
                <th>Tid til godkjenning (median)</th>
                <th>Endringsandel</th>
                <th>Flagg</th>
                <th>Godkjent uten å åpne flaggenes grunnlag</th>
              </tr>
            </thead>
            <tbody>
              <FiguresRow name="Hele praksisen" figures={state.data.practice} />
              {state.data.doctors.map((doctor) => (
                <FiguresRow key={doctor.doctor} name={doctor.doctor} figures={doctor} />
              ))}
            </tbody>
          </table>
          {state.data.weeks.length === 0 ? (
            <p>Ingen godkjente notater i perioden.</p>
          ) : (
            <>
              <WeeklyChart
                title="Tid til godkjenning per uke (median)"
                weeks={state.data.weeks.map((week) => ({
                  week: week.week,
                  value: week.practice.minutesToApprovalMedian,
                }))}
                format={formatMinutes}
              />
              <WeeklyChart
                title="Endringsandel per uke"
                weeks={state.data.weeks.map((week) => ({ week: week.week, value: week.practice.editRate }))}
                format={formatShare}
              />
              <WeeklyChart
                title="Notater godkjent uten å åpne flaggenes grunnlag"
                weeks={state.data.weeks.map((week) => ({
                  week: week.week,
                  value: week.practice.approvedWithoutOpeningFlagEvidence,
                }))}
                format={(value) => String(value ?? 0)}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
