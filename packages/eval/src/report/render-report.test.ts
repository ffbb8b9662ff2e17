import type { Note, VerificationReport } from '@kollega/domain';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../datasets/read-dataset';
import { scoreCase } from '../metrics/score-case';
import type { CaseResult } from '../runner/results-file';
import { createResultKey } from '../runner/results-file';
import { summarizeEvaluation } from '../runner/summarize';
import { renderBarChart } from './bar-chart';
import { escapeHtml, html } from './html';
import { renderReport } from './render-report';

const attack = `<script>alert("x")</script>`;
const attributeAttack = `" onmouseover="alert(1)`;

function buildReport(): string {
  const dataset = parseDataset(
    JSON.stringify({
      id: `case-${attack}`,
      transcript: [{ speaker: 'lege', text: 'Hei.' }],
      reference_note: { aktuelt: `Referanse ${attack}`, [`seksjon${attack}`]: 'x' },
      key_facts: [{ fact: `Penicillinallergi, astma, diabetes, hypertensjon ${attack}`, critical: true }],
    }),
    { name: `data${attack}.jsonl` },
  );
  const evaluationCase = dataset.cases[0]!;
  const note: Note = {
    template: 'fastlege',
    language: 'nb',
    sections: [
      {
        id: 'aktuelt',
        title: `Aktuelt${attack}`,
        statements: [{ id: 'a-1', text: `Notat ${attack}`, evidence: [], support: 'unverified' }],
      },
    ],
  };
  const verification: VerificationReport = {
    statements: [
      {
        statementId: 'a-1',
        text: `Notat ${attack}`,
        support: 'unsupported',
        severity: 'critical',
        evidence: [],
        reasons: [`Grunn ${attributeAttack}`],
      },
    ],
    omissions: [
      {
        id: 'o1',
        kind: 'allergy',
        text: `Utelatt ${attack}`,
        suggestion: 'x',
        sectionId: 'aktuelt',
        evidence: ['s1'],
        critical: true,
      },
    ],
    warnings: [],
  };
  const engine = `model:${attack}${attributeAttack}`;
  const results: CaseResult[] = [
    {
      engine,
      caseId: evaluationCase.id,
      finishedAt: 'now',
      latencyMs: 5,
      text: `Notat ${attack}`,
      note,
      warnings: [{ code: 'w', message: `Advarsel ${attack}` }],
      cost: 0,
      verification,
      metrics: scoreCase({
        prediction: `Notat ${attack}`,
        reference: evaluationCase.referenceText,
        keyFacts: evaluationCase.keyFacts,
        verification,
      }),
    },
    {
      engine: `failing${attack}`,
      caseId: evaluationCase.id,
      finishedAt: 'now',
      latencyMs: 1,
      text: '',
      warnings: [],
      cost: 0,
      error: { code: 'internal', message: `Feil ${attack}` },
    },
  ];
  const summary = summarizeEvaluation({
    dataset,
    results,
    tokenizer: 'unicode',
    createdAt: 'now',
    template: `mal${attack}`,
  });
  return renderReport({
    summary,
    dataset,
    results: new Map(results.map((result) => [createResultKey(result.engine, result.caseId), result])),
  });
}

describe('renderReport', () => {
  const report = buildReport();

  it('escapes every text from data, notes, verifier and engines', () => {
    expect(report).not.toContain('<script>');
    expect(report).not.toContain('onmouseover="');
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';
    for (const prefix of [
      'Referanse ',
      'Notat ',
      'hypertensjon ',
      'Utelatt ',
      'Advarsel ',
      'Feil ',
      'case-',
      'data',
      'mal',
      'model:',
      'failing',
      'Aktuelt',
      'seksjon',
    ])
      expect(report).toContain(`${prefix}${escaped}`);
    expect(report).toContain('Grunn &quot; onmouseover=&quot;alert(1)');
  });

  it('is self-contained: inline style and SVG, no scripts and no external assets', () => {
    expect(report).toMatch(/^<!doctype html>/);
    expect(report).toContain('<style>');
    expect(report).toContain('<svg');
    expect(report).not.toMatch(/<script|<link|<img|<iframe|src=|url\(|@import/i);
    expect(report).not.toMatch(/href="(?!#)/);
  });

  it('shows the note beside the reference with the verifier flags and missed key facts', () => {
    expect(report).toContain('class="statement s-unsupported"');
    expect(report).toContain('Flaggede utsagn');
    expect(report).toContain('Nøkkelfakta som mangler');
    expect(report).toContain('Referanse');
    expect(report).toContain('Feilet: internal');
  });
});

describe('escapeHtml and html', () => {
  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('escapes interpolated values but not nested html fragments', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${['<', html`<em>&amp;</em>`]}${null}${3}</p>`.value).toBe(
      '<p><b>&lt;i&gt;</b>&lt;<em>&amp;</em>3</p>',
    );
  });
});

describe('renderBarChart', () => {
  it('draws bars proportional to the value and escapes labels', () => {
    const svg = renderBarChart({
      title: 'ROUGE-1 <x>',
      maximum: 1,
      formatValue: (value) => (value === null ? '–' : value.toFixed(2)),
      bars: [
        { label: 'a<b', value: 0.5, colorIndex: 0 },
        { label: 'c', value: null, colorIndex: 1 },
        { label: `openai-compatible:${'m'.repeat(40)}`, value: 1, colorIndex: 2 },
      ],
    }).value;
    expect(svg).toContain(`>openai-compatible:${'m'.repeat(17)}…</text>`);
    expect(svg).toContain(`<title>openai-compatible:${'m'.repeat(40)}: 1.00</title>`);
    expect(svg).toContain('width="150.0"'); // half of the 300-pixel bar area
    expect(svg).toContain('width="0.0"');
    expect(svg).toContain('a&lt;b');
    expect(svg).toContain('ROUGE-1 &lt;x&gt;');
  });
});
