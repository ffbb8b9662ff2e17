import type { DataFlowPurpose, DataFlowReport } from '../shared/data-flow-label';
import { Link } from '../shared/router';
import { useDocumentTitle } from '../shared/use-document-title';
import { AI_MODULES } from './ai-modules';
import type { AiModule } from './ai-modules';
import { useJson } from './use-json';

interface EngineFigures {
  engine: string;
  cases: number;
  failed: number;
  factRecall: number | null;
  criticalFactRecall: number | null;
  unsupportedRate: number | null;
  contradictedRate: number | null;
  omissionsPerCase: number | null;
}

interface EvaluationRun {
  run: string;
  createdAt: string;
  dataset: { name: string; cases: number; language: string };
  engines: EngineFigures[];
}

/** Where a module's data goes, in one Bokmål sentence, from the data-flow report. */
export function describeModuleDataFlow(
  module: AiModule,
  report: DataFlowReport | undefined,
): {
  engine: string;
  text: string;
  leaves: boolean;
} {
  const flow: DataFlowPurpose | undefined =
    module.purpose === undefined
      ? undefined
      : report?.purposes.find((entry) => entry.purpose === module.purpose);
  if (flow === undefined || flow.kind === 'none') {
    return { engine: 'Innebygd motor', text: 'Data forlater ikke serveren.', leaves: false };
  }
  if (flow.kind === 'stays')
    return { engine: flow.engine, text: 'Data forlater ikke serveren (lokal modell).', leaves: false };
  if (flow.kind === 'blocked') {
    return {
      engine: 'Innebygd motor',
      text: `Data forlater ikke serveren: ${flow.model ?? 'modellen'} er blokkert (bare lokale modeller).`,
      leaves: false,
    };
  }
  const name = flow.providerName ?? 'en ekstern tjener';
  return {
    engine: flow.engine,
    text: `Sendes ${flow.deidentified ? 'avidentifisert ' : ''}til ${name} på ${flow.host ?? 'ukjent vert'}.`,
    leaves: true,
  };
}

function formatShare(value: number | null): string {
  return value === null ? '–' : `${(value * 100).toFixed(1).replace('.', ',')} %`;
}

function EvaluationFigures() {
  const state = useJson<{ runs: EvaluationRun[] }>('/api/about/evaluations');
  if (state.status === 'loading') return <p className="muted">Henter evalueringer …</p>;
  if (state.status === 'error') return <p>Kunne ikke hente evalueringer ({state.message}).</p>;
  const latest = state.data.runs[0];
  if (latest === undefined) return <p data-testid="no-evaluation">Ingen evaluering ennå.</p>;
  return (
    <div data-testid="evaluation">
      <p>
        Siste evaluering: {new Date(latest.createdAt).toLocaleDateString('nb-NO')} på datasettet «
        {latest.dataset.name}» ({latest.dataset.cases} syntetiske konsultasjoner).
      </p>
      <table className="about-table">
        <thead>
          <tr>
            <th>Motor</th>
            <th>Nøkkelfakta med</th>
            <th>Kritiske fakta med</th>
            <th>Setninger uten grunnlag</th>
            <th>Setninger i strid med samtalen</th>
            <th>Mislyktes</th>
          </tr>
        </thead>
        <tbody>
          {latest.engines.map((engine) => (
            <tr key={engine.engine}>
              <td>{engine.engine}</td>
              <td>{formatShare(engine.factRecall)}</td>
              <td>{formatShare(engine.criticalFactRecall)}</td>
              <td>{formatShare(engine.unsupportedRate)}</td>
              <td>{formatShare(engine.contradictedRate)}</td>
              <td>
                {engine.failed} av {engine.cases + engine.failed}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Om KI i Kollega" (/om-ki): each AI module's purpose, limits, regulation, engine, data flow and evaluation. */
export function AboutPage() {
  useDocumentTitle('Om KI i Kollega');
  const flow = useJson<DataFlowReport>('/api/about/data-flow?lang=nb');
  const report = flow.status === 'ready' ? flow.data : undefined;
  return (
    <section className="page page-narrow about-page" data-testid="about-page">
      <h1>Om KI i Kollega</h1>
      <p>
        Kollega bruker kunstig intelligens til å skrive utkast og gi støtte. Legen har alltid ansvaret: alt er
        utkast til legen har lest og godkjent det. Her står hva hver del er ment for, hva den ikke skal brukes
        til, hvor dataene går, og hva vi vet om feilene. Merkene [V], [P] og [GK] viser hvor sikkert
        grunnlaget er (verifisert kilde, sannsynlig, generell kunnskap).
      </p>
      {report?.localOnly === true && (
        <p className="badge badge-approved">Policy: bare lokale modeller er tillatt.</p>
      )}
      <h2>Dokumentasjonsstøtte og beslutningsstøtte</h2>
      <p>
        Dokumentasjonsstøtte (notatutkast, kontroll, oppsummering) hjelper legen å skrive ned det som skjedde.
        Beslutningsstøtte (antibiotika, kodeforslag, hastegrad) påvirker vurderinger av pasienten og regnes
        trolig som medisinsk utstyr (MDR regel 11) [P]. Kollega holder de to atskilt.
      </p>
      {AI_MODULES.map((module) => {
        const data = describeModuleDataFlow(module, report);
        return (
          <article
            key={module.id}
            className="card about-module"
            data-testid="ai-module"
            data-module={module.id}
          >
            <h2>{module.name}</h2>
            <p className="muted">
              {module.kind === 'beslutningsstøtte' ? 'Beslutningsstøtte' : 'Dokumentasjonsstøtte'}
            </p>
            <dl>
              <dt>Formål</dt>
              <dd>{module.intendedPurpose}</dd>
              <dt>Skal ikke brukes til</dt>
              <dd>{module.notFor}</dd>
              <dt>Motor nå</dt>
              <dd data-testid="module-engine">{data.engine}</dd>
              <dt>Hvor data går</dt>
              <dd data-testid="module-data-flow" data-leaves={data.leaves}>
                {data.text}
              </dd>
              <dt>Regelverk</dt>
              <dd>{module.regulatory}</dd>
              <dt>Kjente begrensninger og feil</dt>
              <dd>
                <ul>
                  {module.limitations.map((limitation) => (
                    <li key={limitation}>{limitation}</li>
                  ))}
                </ul>
              </dd>
            </dl>
          </article>
        );
      })}
      <h2>Evaluering</h2>
      <EvaluationFigures />
      <h2>Mer</h2>
      <ul>
        <li>
          <Link href="/veiledning">Veiledning: slik går du gjennom et KI-utkast</Link>
        </li>
        <li>
          <Link href="/pasientinformasjon">Pasientinformasjon og oppslag til venterommet</Link>
        </li>
        <li>
          <Link href="/personvern">Personvernoversikt for ROS og DPIA</Link>
        </li>
        <li>
          <Link href="/statistikk">Statistikk over gjennomgang og tid</Link>
        </li>
      </ul>
    </section>
  );
}
