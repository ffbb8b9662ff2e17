import { listTemplates } from '@kollega/clinical';
import type { Note, StatementCheck, Support } from '@kollega/domain';
import type { EvaluationCase, EvaluationDataset } from '../datasets/read-dataset';
import type { CaseResult } from '../runner/results-file';
import { createResultKey } from '../runner/results-file';
import type { EngineSummary, EvaluationSummary } from '../runner/summarize';
import { PALETTE, renderBarChart } from './bar-chart';
import { formatDuration, formatNumber, formatPercent } from './format';
import { describeWarnings } from './format-summary-table';
import type { SafeHtml } from './html';
import { html } from './html';

/** What `renderReport` needs. */
export interface RenderReportInput {
  summary: EvaluationSummary;
  dataset: EvaluationDataset;
  /** Latest result per engine and case, keyed by `createResultKey`. */
  results: ReadonlyMap<string, CaseResult>;
}

const SUPPORT_NAMES: Record<Support, string> = {
  supported: 'støttet',
  inferred: 'utledet',
  unsupported: 'ikke støttet',
  contradicted: 'motsagt',
  unverified: 'ikke verifisert',
};

const STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 1400px; padding: 16px 24px 48px; color: #1b1b1b; }
h1 { font-size: 1.5rem; margin-bottom: 4px; } h2 { margin-top: 32px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.muted { color: #666; font-weight: normal; }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
thead th { background: #f4f4f4; }
.warning { background: #fff4e5; border: 1px solid #f0c36d; padding: 8px 12px; border-radius: 4px; }
.charts { display: flex; flex-wrap: wrap; gap: 8px 32px; }
.chart { margin: 0; } .chart figcaption { font-weight: 600; margin-bottom: 2px; }
.bar-label, .bar-value { font: 12px system-ui, sans-serif; fill: #1b1b1b; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
details.case { border: 1px solid #ddd; border-radius: 4px; margin: 8px 0; padding: 4px 12px; }
details.case summary { cursor: pointer; font-weight: 600; padding: 4px 0; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 12px; margin: 8px 0; }
.column { border: 1px solid #eee; border-radius: 4px; padding: 8px; background: #fcfcfc; overflow-wrap: anywhere; }
.column h3 { font-size: 1rem; margin: 0 0 6px; }
.section-title { font-weight: 600; margin-top: 6px; }
.plain { white-space: pre-wrap; margin: 0; font: inherit; }
.statement { padding: 0 2px; border-radius: 2px; }
.s-unsupported { background: #fde2e1; box-shadow: inset 0 -2px #d93025; }
.s-contradicted { background: #f6b8b4; box-shadow: inset 0 -2px #8b0000; font-weight: 600; }
.s-inferred { background: #e8f0fe; }
.s-unverified { box-shadow: inset 0 -1px #999; }
.flags { margin: 6px 0 0; padding-left: 18px; } .flags li { margin: 2px 0; }
.critical { color: #b00020; font-weight: 600; }
.error { color: #b00020; }
.legend span { margin-right: 12px; }
`;

function sectionTitle(id: string): string {
  for (const template of listTemplates()) {
    const section = template.sections.find((candidate) => candidate.id === id);
    if (section) return section.title;
  }
  return id;
}

function renderSummaryTable(engines: readonly EngineSummary[]): SafeHtml {
  const rows: Array<[string, (engine: EngineSummary) => string]> = [
    ['Tilfeller (skåret / feilet / ikke kjørt)', (e) => `${e.cases} / ${e.failed} / ${e.missing}`],
    ['ROUGE-1', (e) => formatPercent(e.rouge1)],
    ['ROUGE-2', (e) => formatPercent(e.rouge2)],
    ['ROUGE-L', (e) => formatPercent(e.rougeL)],
    ['ROUGE-Lsum', (e) => formatPercent(e.rougeLsum)],
    ['Nøkkelfakta dekket', (e) => (e.facts ? `${formatPercent(e.factRecall)} av ${e.facts}` : '–')],
    [
      'Kritiske nøkkelfakta dekket',
      (e) => (e.criticalFacts ? `${formatPercent(e.criticalFactRecall)} av ${e.criticalFacts}` : '–'),
    ],
    ['Utsagn i notatene', (e) => String(e.statements)],
    ['Ikke støttede utsagn', (e) => formatPercent(e.unsupportedRate)],
    ['Motsagte utsagn', (e) => formatPercent(e.contradictedRate)],
    ['Ikke verifiserte utsagn', (e) => formatPercent(e.unverifiedRate)],
    ['Utelatelser per tilfelle', (e) => formatNumber(e.omissionsPerCase, 1)],
    ['Kritiske utelatelser per tilfelle', (e) => formatNumber(e.criticalOmissionsPerCase, 1)],
    ['Lengde mot referansen (median)', (e) => formatNumber(e.lengthRatioMedian, 2)],
    [
      'Tid per tilfelle (median / p95)',
      (e) => `${formatDuration(e.latencyMsMedian)} / ${formatDuration(e.latencyMsP95)}`,
    ],
    ['Tokens inn / ut', (e) => `${e.tokensIn} / ${e.tokensOut}`],
    ['Beregnet kostnad', (e) => formatNumber(e.cost, 4)],
    ['Tilfeller med advarsler', (e) => describeWarnings(e.warningCounts).replace('none', 'ingen')],
  ];
  return html`<table class="summary">
    <thead>
      <tr>
        <th>Mål</th>
        ${engines.map(
          (engine, index) =>
            html`<th>
              <span class="swatch" style="background:${PALETTE[index % PALETTE.length] ?? '#555'}"></span
              >${engine.engine}
            </th>`,
        )}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        ([name, read]) =>
          html`<tr>
            <td>${name}</td>
            ${engines.map((engine) => html`<td>${read(engine)}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function renderCharts(engines: readonly EngineSummary[]): SafeHtml {
  const charts: Array<{ title: string; read: (engine: EngineSummary) => number | null; note?: string }> = [
    { title: 'ROUGE-1', read: (e) => e.rouge1 },
    { title: 'ROUGE-L', read: (e) => e.rougeL },
    { title: 'Nøkkelfakta dekket', read: (e) => e.factRecall },
    { title: 'Kritiske nøkkelfakta dekket', read: (e) => e.criticalFactRecall },
    { title: 'Ikke støttede utsagn', read: (e) => e.unsupportedRate, note: 'lavere er bedre' },
    { title: 'Motsagte utsagn', read: (e) => e.contradictedRate, note: 'lavere er bedre' },
  ];
  return html`<div class="charts">
    ${charts.map((chart) =>
      renderBarChart({
        title: chart.title,
        ...(chart.note ? { note: chart.note } : {}),
        maximum: 1,
        formatValue: formatPercent,
        bars: engines.map((engine, index) => ({
          label: engine.engine,
          value: chart.read(engine),
          colorIndex: index,
        })),
      }),
    )}
  </div>`;
}

function renderCaseTable(summary: EvaluationSummary): SafeHtml {
  const engines = summary.engines.map((engine) => engine.engine);
  return html`<table class="cases">
      <thead>
        <tr>
          <th rowspan="2">Tilfelle</th>
          ${engines.map((engine) => html`<th colspan="4">${engine}</th>`)}
        </tr>
        <tr>
          ${engines.map(
            () =>
              html`<th>ROUGE-L</th>
                <th>Fakta</th>
                <th>Flagg</th>
                <th>Tid</th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${summary.cases.map(
          (row, index) =>
            html`<tr>
              <td><a href="#case-${index}">${row.caseId}</a></td>
              ${row.engines.map((cell) =>
                cell.error
                  ? html`<td colspan="4" class="error">feilet (${cell.error})</td>`
                  : html`<td>${formatPercent(cell.rougeL)}</td>
                      <td>${formatPercent(cell.factRecall)}</td>
                      <td>
                        ${
                          cell.unsupported === null
                            ? '–'
                            : `${cell.unsupported + (cell.contradicted ?? 0)} / ${cell.criticalOmissions ?? 0}`
                        }
                      </td>
                      <td>${formatDuration(cell.latencyMs)}</td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
    <p class="muted">Flagg: ikke støttede + motsagte utsagn / kritiske utelatelser.</p>`;
}

function renderReference(evaluationCase: EvaluationCase): SafeHtml {
  const body =
    evaluationCase.referenceSections.length > 0
      ? evaluationCase.referenceSections.map(
          (section) =>
            html`<div class="section-title">${sectionTitle(section.id)}</div>
              <p class="plain">${section.text}</p>`,
        )
      : html`<p class="plain">${evaluationCase.referenceText}</p>`;
  return html`<div class="column">
    <h3>Referanse</h3>
    ${body}
  </div>`;
}

function renderNote(note: Note, checks: ReadonlyMap<string, StatementCheck>): SafeHtml {
  return html`${note.sections
    .filter((section) => section.statements.length > 0)
    .map(
      (section) =>
        html`<div class="section-title">${section.title || section.id}</div>
          <p>
            ${section.statements.map((statement) => {
              const check = checks.get(statement.id);
              const support = check?.support ?? statement.support;
              const tooltip = [SUPPORT_NAMES[support], ...(check?.reasons ?? [])].join(' – ');
              return html`<span class="statement s-${support}" title="${tooltip}">${statement.text}</span> `;
            })}
          </p>`,
    )}`;
}

function renderFlags(evaluationCase: EvaluationCase, result: CaseResult): SafeHtml {
  const flagged = (result.verification?.statements ?? []).filter(
    (check) => check.support === 'unsupported' || check.support === 'contradicted',
  );
  const omissions = result.verification?.omissions ?? [];
  const missed = (result.metrics?.keyFacts?.missed ?? []).flatMap((index) => {
    const fact = evaluationCase.keyFacts?.[index];
    return fact ? [fact] : [];
  });
  return html`${
    flagged.length > 0
      ? html`<div class="section-title">Flaggede utsagn</div>
          <ul class="flags">
            ${flagged.map(
              (check) =>
                html`<li class="${check.severity === 'critical' ? 'critical' : ''}">
                  ${SUPPORT_NAMES[check.support]}:
                  «${check.text}»${check.reasons.length > 0 ? ` – ${check.reasons.join('; ')}` : ''}
                </li>`,
            )}
          </ul>`
      : ''
  }${
    omissions.length > 0
      ? html`<div class="section-title">Utelatelser (verifikatoren)</div>
          <ul class="flags">
            ${omissions.map(
              (omission) =>
                html`<li class="${omission.critical ? 'critical' : ''}">
                  ${omission.critical ? 'kritisk: ' : ''}${omission.text}
                </li>`,
            )}
          </ul>`
      : ''
  }${
    missed.length > 0
      ? html`<div class="section-title">Nøkkelfakta som mangler</div>
          <ul class="flags">
            ${missed.map(
              (fact) =>
                html`<li class="${fact.critical ? 'critical' : ''}">
                  ${fact.critical ? 'kritisk: ' : ''}${fact.text}
                </li>`,
            )}
          </ul>`
      : ''
  }${
    result.warnings.length > 0
      ? html`<div class="section-title">Advarsler</div>
          <ul class="flags">
            ${result.warnings.map((warning) => html`<li>${warning.code}: ${warning.message}</li>`)}
          </ul>`
      : ''
  }`;
}

function renderEngineColumn(
  engine: string,
  evaluationCase: EvaluationCase,
  result: CaseResult | undefined,
): SafeHtml {
  if (!result)
    return html`<div class="column">
      <h3>${engine}</h3>
      <p class="muted">Ikke kjørt.</p>
    </div>`;
  if (result.error)
    return html`<div class="column">
      <h3>${engine}</h3>
      <p class="error">Feilet: ${result.error.code} – ${result.error.message}</p>
    </div>`;
  const checks = new Map((result.verification?.statements ?? []).map((check) => [check.statementId, check]));
  const metrics = result.metrics;
  const figures = metrics
    ? `ROUGE-1 ${formatPercent(metrics.rouge1)} · ROUGE-L ${formatPercent(metrics.rougeL)} · fakta ${formatPercent(
        metrics.keyFacts?.recall,
      )} · ${formatDuration(result.latencyMs)}`
    : '';
  return html`<div class="column">
    <h3>${engine}</h3>
    <div class="muted">${figures}</div>
    ${
      result.note ? renderNote(result.note, checks) : html`<p class="plain">${result.text}</p>`
    }${renderFlags(evaluationCase, result)}
  </div>`;
}

function renderCaseDetails(input: RenderReportInput): SafeHtml {
  const engines = input.summary.engines.map((engine) => engine.engine);
  return html`${input.dataset.cases.map(
    (evaluationCase, index) =>
      html`<details class="case" id="case-${index}">
        <summary>
          ${evaluationCase.id}${evaluationCase.sectionHeader ? ` (${evaluationCase.sectionHeader})` : ''}
        </summary>
        <div class="columns">
          ${renderReference(evaluationCase)}${engines.map((engine) =>
            renderEngineColumn(
              engine,
              evaluationCase,
              input.results.get(createResultKey(engine, evaluationCase.id)),
            ),
          )}
        </div>
      </details>`,
  )}`;
}

/**
 * Renders the evaluation as one self-contained HTML page (inline CSS and SVG, no scripts, no external
 * assets): engines side by side, bar charts, a per-case table, and each case's note beside the reference
 * with the verifier's flags. Every piece of text is escaped. Bokmål.
 */
export function renderReport(input: RenderReportInput): string {
  const { summary } = input;
  const page = html`<!doctype html>
    <html lang="nb">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Kollega – evaluering av ${summary.dataset.name}</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <h1>Evaluering av journalnotater</h1>
        <p class="muted">
          Datasett <strong>${summary.dataset.name}</strong> (${summary.dataset.cases} av
          ${summary.dataset.totalCases} tilfeller, språk ${summary.dataset.language}) · mal
          ${summary.template ?? 'standard for språket'} · tokenisering ${summary.tokenizer} · laget
          ${summary.createdAt}
        </p>
        ${summary.complete ? '' : html`<p class="warning">Kjøringen er ikke fullstendig: noen tilfeller feilet eller er ikke kjørt. Kjør samme kommando igjen for å fortsette.</p>`}
        <h2>Oversikt</h2>
        ${renderSummaryTable(summary.engines)} ${renderCharts(summary.engines)}
        <p class="muted">
          ROUGE og nøkkelfakta måler likhet med referansenotatet (høyere er bedre); verifikatorens flagg måler
          hva notatet sier som samtalen ikke støtter (lavere er bedre). Nøkkelfakta følger definisjonen i
          score.mjs.
        </p>
        <h2>Per tilfelle</h2>
        ${renderCaseTable(summary)}
        <h2>Notater</h2>
        <p class="legend muted">
          <span class="statement s-unsupported">ikke støttet</span
          ><span class="statement s-contradicted">motsagt</span
          ><span class="statement s-inferred">utledet</span
          ><span class="statement s-unverified">ikke verifisert</span> Hold musepekeren over et utsagn for
          verifikatorens begrunnelse.
        </p>
        ${renderCaseDetails(input)}
      </body>
    </html> `;
  return page.value;
}
