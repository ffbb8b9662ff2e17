import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { ErrorBanner } from '../shared/error-banner';
import { useDocumentTitle } from '../shared/use-document-title';
import type {
  EvaluationDataset,
  EvaluationEngine,
  EvaluationRun,
  StartEvaluationInput,
} from './evaluation-api';
import {
  cancelEvaluation,
  evaluationReportUrl,
  isRunActive,
  listEvaluationDatasets,
  listEvaluationEngines,
  listEvaluationRuns,
  resumeEvaluation,
  startEvaluation,
} from './evaluation-api';
import {
  RUN_STATUS_LABELS,
  formatLatency,
  formatPoints,
  formatRatio,
  formatShare,
  formatTime,
  progressPercent,
} from './evaluation-format';
import './evaluation.css';

/** How often the page asks for progress while a run is going. */
const POLL_MILLISECONDS = 1000;

interface Choices {
  datasets: EvaluationDataset[];
  datasetsConfigured: boolean;
  engines: EvaluationEngine[];
  templates: Array<{ id: string; name: string }>;
}

function ReportLink({ run }: { run: EvaluationRun }) {
  if (!run.reportAvailable) return null;
  return (
    <a
      className="button button-small"
      href={evaluationReportUrl(run.id)}
      target="_blank"
      rel="noopener"
      data-testid="open-report"
    >
      Åpne rapport
    </a>
  );
}

/** The summary figures of a run, one row per engine. Figures only, no text from the dataset. */
function SummaryTable({ run }: { run: EvaluationRun }) {
  if (run.summary === null || run.summary.engines.length === 0) return null;
  return (
    <div className="evaluation-table-wrap">
      <table className="evaluation-table" data-testid="evaluation-summary">
        <caption>
          Sammendrag ({run.summary.engines[0]?.cases ?? 0} av {run.dataset.cases} tilfeller skåret
          {run.summary.complete ? '' : '; ikke alle tilfeller er ferdige'})
        </caption>
        <thead>
          <tr>
            <th scope="col">Motor</th>
            <th scope="col">ROUGE-1</th>
            <th scope="col">ROUGE-2</th>
            <th scope="col">ROUGE-L</th>
            <th scope="col">Nøkkelfakta</th>
            <th scope="col">Kritiske fakta</th>
            <th scope="col">Ikke støttet</th>
            <th scope="col">Motsagt</th>
            <th scope="col" title="Ord i notatet / ord i referansen (median)">
              Lengde
            </th>
            <th scope="col">Tid median / p95</th>
            <th scope="col">Feilet</th>
          </tr>
        </thead>
        <tbody>
          {run.summary.engines.map((engine) => (
            <tr key={engine.engine} data-testid="evaluation-summary-row" data-engine={engine.engine}>
              <th scope="row">{engine.engine}</th>
              <td data-metric="rouge1">{formatPoints(engine.rouge1)}</td>
              <td data-metric="rouge2">{formatPoints(engine.rouge2)}</td>
              <td data-metric="rougeL">{formatPoints(engine.rougeL)}</td>
              <td data-metric="factRecall">{engine.facts > 0 ? formatShare(engine.factRecall) : '–'}</td>
              <td data-metric="criticalFactRecall">
                {engine.criticalFacts > 0 ? formatShare(engine.criticalFactRecall) : '–'}
              </td>
              <td data-metric="unsupportedRate">{formatShare(engine.unsupportedRate)}</td>
              <td data-metric="contradictedRate">{formatShare(engine.contradictedRate)}</td>
              <td data-metric="lengthRatio">{formatRatio(engine.lengthRatioMedian)}</td>
              <td data-metric="latency">
                {formatLatency(engine.latencyMsMedian)} / {formatLatency(engine.latencyMsP95)}
              </td>
              <td data-metric="failed">{engine.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted evaluation-note">
        ROUGE og nøkkelfakta i poeng (0–100) mot referansenotatet; «ikke støttet» og «motsagt» er
        verifikatorens andel av utsagnene. Les notatene i rapporten før du konkluderer: små datasett flytter
        tallene mye.
      </p>
    </div>
  );
}

/** The chosen run: status, a progress bar per run and per engine, actions, and its figures. */
function RunPanel({
  run,
  busy,
  onCancel,
  onResume,
}: {
  run: EvaluationRun;
  busy: boolean;
  onCancel: () => void;
  onResume: () => void;
}) {
  const percent = progressPercent(run.progress.done, run.progress.total);
  return (
    <section
      className="card"
      aria-labelledby="evaluation-run-heading"
      data-testid="evaluation-run"
      data-run-id={run.id}
    >
      <h2 id="evaluation-run-heading" className="panel-heading">
        {run.dataset.name}{' '}
        <span className="count-pill" data-testid="evaluation-status" data-status={run.status}>
          {RUN_STATUS_LABELS[run.status]}
        </span>
      </h2>
      <p className="muted">
        Startet {formatTime(run.createdAt)} · {run.dataset.cases} av {run.dataset.totalCases} tilfeller ·{' '}
        {run.engines.join(', ')}
        {run.template === null ? '' : ` · mal ${run.template}`}
        {run.language === null ? '' : ` · språk ${run.language}`}
      </p>
      <div
        className="evaluation-progress"
        role="progressbar"
        aria-label="Framdrift"
        aria-valuemin={0}
        aria-valuemax={run.progress.total}
        aria-valuenow={run.progress.done}
        aria-valuetext={`${run.progress.done} av ${run.progress.total}`}
        data-testid="evaluation-progress"
        data-done={run.progress.done}
        data-total={run.progress.total}
      >
        <div className="evaluation-progress-bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="evaluation-progress-text">
        {run.progress.done} av {run.progress.total} ({percent} %)
      </p>
      <ul className="evaluation-engine-progress">
        {run.progress.engines.map((engine) => (
          <li key={engine.engine} data-testid="evaluation-engine-progress" data-engine={engine.engine}>
            <strong>{engine.engine}</strong>: {engine.finished} av {engine.total} ferdige
            {engine.failed > 0 ? `, ${engine.failed} feilet` : ''}
            {engine.stopped ? ' – stoppet etter feil på rad' : ''}
          </li>
        ))}
      </ul>
      {run.error !== null && (
        <p className="evaluation-error" role="alert">
          Evalueringen feilet: {run.error.message}
        </p>
      )}
      <div className="evaluation-actions">
        {isRunActive(run) && (
          <button
            type="button"
            className="button button-small"
            onClick={onCancel}
            disabled={busy || run.status === 'cancelling'}
            data-testid="cancel-evaluation"
          >
            Avbryt
          </button>
        )}
        {run.resumable && (
          <button
            type="button"
            className="button button-small"
            onClick={onResume}
            disabled={busy}
            data-testid="resume-evaluation"
          >
            Fortsett
          </button>
        )}
        <ReportLink run={run} />
      </div>
      <SummaryTable run={run} />
    </section>
  );
}

/** /evaluering: an admin picks a dataset and engines, starts a run, follows it and opens the report. */
export function EvaluationPage() {
  useDocumentTitle('Evaluering');
  const [choices, setChoices] = useState<Choices | undefined>();
  const [runs, setRuns] = useState<EvaluationRun[]>([]);
  const [selectedRunId, setSelectedRunId] = useState<string | undefined>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [dataset, setDataset] = useState('');
  const [engines, setEngines] = useState<string[]>(['builtin']);
  const [limit, setLimit] = useState('');
  const [template, setTemplate] = useState('');
  const [language, setLanguage] = useState('');

  const refreshRuns = useCallback(async () => {
    try {
      setRuns(await listEvaluationRuns());
    } catch (caught) {
      setError(caught);
    }
  }, []);

  useEffect(() => {
    void (async () => {
      try {
        const [datasetList, engineList] = await Promise.all([
          listEvaluationDatasets(),
          listEvaluationEngines(),
        ]);
        setChoices({
          datasets: datasetList.datasets,
          datasetsConfigured: datasetList.configured,
          engines: engineList.engines,
          templates: engineList.templates,
        });
        setDataset((current) => current || (datasetList.datasets[0]?.id ?? ''));
      } catch (caught) {
        setError(caught);
      }
    })();
    void refreshRuns();
  }, [refreshRuns]);

  const anyActive = runs.some(isRunActive);
  useEffect(() => {
    if (!anyActive) return undefined;
    const timer = window.setTimeout(() => void refreshRuns(), POLL_MILLISECONDS);
    return () => window.clearTimeout(timer);
  }, [anyActive, runs, refreshRuns]);

  const selectedRun = runs.find((run) => run.id === selectedRunId) ?? runs[0];

  async function act(work: () => Promise<EvaluationRun>) {
    setBusy(true);
    setError(undefined);
    try {
      const run = await work();
      setSelectedRunId(run.id);
      await refreshRuns();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsedLimit = Number(limit);
    const input: StartEvaluationInput = {
      dataset,
      engines,
      ...(limit.trim() !== '' && Number.isInteger(parsedLimit) && parsedLimit > 0
        ? { limit: parsedLimit }
        : {}),
      ...(template === '' ? {} : { template }),
      ...(language === 'nb' || language === 'en' ? { language } : {}),
    };
    void act(() => startEvaluation(input));
  }

  function toggleEngine(id: string, checked: boolean) {
    setEngines((current) =>
      checked
        ? [...current.filter((engine) => engine !== id), id]
        : current.filter((engine) => engine !== id),
    );
  }

  return (
    <section className="page page-wide" data-testid="evaluation-page" aria-labelledby="evaluation-heading">
      <h1 id="evaluation-heading">Evaluering</h1>
      <p>
        Mål hvor godt den innebygde motoren og de oppsatte språkmodellene skriver notater på et datasett med
        referansenotater: ROUGE, nøkkelfakta og verifikatorens funn, side om side. Datasettene ligger på
        serveren; resultatene og rapporten lagres i serverens datamappe og inneholder datasettets tekst.
      </p>
      <ErrorBanner error={error} onDismiss={() => setError(undefined)} />

      <form className="card evaluation-form" onSubmit={submit} data-testid="evaluation-form">
        <h2 className="panel-heading">Ny evaluering</h2>
        {choices === undefined ? (
          <p className="muted">Henter datasett og motorer …</p>
        ) : (
          <>
            <p>
              <label htmlFor="evaluation-dataset">Datasett</label>
              <br />
              {choices.datasets.length === 0 ? (
                <span className="muted" data-testid="no-datasets">
                  {choices.datasetsConfigured
                    ? 'Datasettmappen har ingen JSONL-filer med referansenotater.'
                    : 'Ingen datasettmappe er satt opp (KOLLEGA_EVAL_DATASETS_DIR).'}
                </span>
              ) : (
                <select
                  id="evaluation-dataset"
                  value={dataset}
                  onChange={(event) => setDataset(event.target.value)}
                  data-testid="evaluation-dataset"
                >
                  {choices.datasets.map((option) => (
                    <option key={option.id} value={option.id}>
                      {option.id} ({option.cases} tilfeller)
                    </option>
                  ))}
                </select>
              )}
            </p>
            <fieldset className="evaluation-engines">
              <legend>Motorer</legend>
              {choices.engines.map((engine) => (
                <label key={engine.id} className="evaluation-engine-option">
                  <input
                    type="checkbox"
                    checked={engines.includes(engine.id)}
                    disabled={!engine.available}
                    onChange={(event) => toggleEngine(engine.id, event.target.checked)}
                    data-testid="evaluation-engine"
                    data-engine={engine.id}
                  />{' '}
                  {engine.kind === 'builtin' ? 'Innebygd motor (builtin)' : engine.id}
                  {engine.purposes.length > 0 && (
                    <span className="muted"> – brukes til {engine.purposes.join(', ')}</span>
                  )}
                  {engine.reason !== undefined && <span className="muted"> – {engine.reason}</span>}
                </label>
              ))}
            </fieldset>
            <div className="evaluation-options">
              <label>
                Antall tilfeller (valgfritt)
                <br />
                <input
                  type="number"
                  min={1}
                  step={1}
                  inputMode="numeric"
                  value={limit}
                  onChange={(event) => setLimit(event.target.value)}
                  placeholder="alle"
                  data-testid="evaluation-limit"
                />
              </label>
              <label>
                Notatmal
                <br />
                <select
                  value={template}
                  onChange={(event) => setTemplate(event.target.value)}
                  data-testid="evaluation-template"
                >
                  <option value="">Standard for språket</option>
                  {choices.templates.map((option) => (
                    <option key={option.id} value={option.id}>
                      {option.name} ({option.id})
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Språk
                <br />
                <select
                  value={language}
                  onChange={(event) => setLanguage(event.target.value)}
                  data-testid="evaluation-language"
                >
                  <option value="">Oppdag per tilfelle</option>
                  <option value="nb">Norsk (nb)</option>
                  <option value="en">Engelsk (en)</option>
                </select>
              </label>
            </div>
            <button
              type="submit"
              className="button button-primary"
              disabled={busy || anyActive || dataset === '' || engines.length === 0}
              data-testid="start-evaluation"
            >
              Start evaluering
            </button>
            {anyActive && <span className="muted"> Én evaluering kjører om gangen.</span>}
          </>
        )}
      </form>

      {selectedRun !== undefined && (
        <RunPanel
          run={selectedRun}
          busy={busy}
          onCancel={() => void act(() => cancelEvaluation(selectedRun.id))}
          onResume={() => void act(() => resumeEvaluation(selectedRun.id))}
        />
      )}

      <section className="card" aria-labelledby="evaluation-runs-heading">
        <h2 id="evaluation-runs-heading" className="panel-heading">
          Kjøringer <span className="count-pill">{runs.length}</span>
        </h2>
        {runs.length === 0 ? (
          <p className="muted">Ingen evalueringer ennå.</p>
        ) : (
          <div className="evaluation-table-wrap">
            <table className="evaluation-table evaluation-runs-table" data-testid="evaluation-runs">
              <thead>
                <tr>
                  <th scope="col">Startet</th>
                  <th scope="col">Datasett</th>
                  <th scope="col">Motorer</th>
                  <th scope="col">Status</th>
                  <th scope="col">Framdrift</th>
                  <th scope="col">Rapport</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr
                    key={run.id}
                    data-testid="evaluation-run-row"
                    data-run-id={run.id}
                    aria-current={run.id === selectedRun?.id ? 'true' : undefined}
                  >
                    <td>
                      <button
                        type="button"
                        className="button-link"
                        onClick={() => setSelectedRunId(run.id)}
                        data-testid="select-run"
                      >
                        {formatTime(run.createdAt)}
                      </button>
                    </td>
                    <td>{run.dataset.id}</td>
                    <td>{run.engines.join(', ')}</td>
                    <td>{RUN_STATUS_LABELS[run.status]}</td>
                    <td>
                      {run.progress.done} / {run.progress.total}
                    </td>
                    <td>
                      <ReportLink run={run} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}
