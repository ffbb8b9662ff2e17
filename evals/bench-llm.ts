/**
 * Benchmark of the language-model note pipeline (`draftNoteWithModel`) against the loopback fake
 * OpenAI-compatible server — it measures Kollega, not a model. Prints one table:
 *
 * - tokens sent per note relative to the transcript's tokens, after taking off the fixed prompt
 *   (system prompt, headings, JSON schema, placeholder instruction) — target ≤ 1.3×;
 * - model calls per note (one whenever the transcript fits the context);
 * - overhead Kollega adds per call in milliseconds: wall time minus the server's own time, i.e. the
 *   built-in engine's facts, prompt building, de-identification, HTTP on loopback, parsing, merging
 *   and the verifier; and the same without the built-in engine and the verifier (timed separately
 *   on the same transcript and note), which is what the language-model layer itself adds.
 *
 *   npm run bench:llm [-- <consultations.jsonl>]
 *
 * Token counts use one estimator (4 characters per token) on both sides, so the ratio is fair even
 * though real tokenizers differ.
 */
import { readFileSync } from 'node:fs';
import type { SpeakerRole, Transcript } from '@kollega/domain';
import { draftNote, findTemplate, verifyNote } from '@kollega/clinical';
import {
  PLACEHOLDER_INSTRUCTION,
  buildNoteMessages,
  createModelNoteSchema,
  createModelRegistry,
  draftNoteWithModel,
  estimateTokens,
  parseModelConfig,
  toJsonSchema,
} from '@kollega/ai';
import { startFakeOpenAIServer } from '@kollega/ai/testing';

const dataFile =
  process.argv.slice(2).find((argument) => !argument.startsWith('--')) ??
  '/work/shared/data/nb-dev/consultations.jsonl';

interface RawConsultation {
  id: string;
  transcript: Array<{ speaker: string; text: string }>;
}

function toTranscript(turns: ReadonlyArray<{ speaker: string; text: string }>): Transcript {
  return {
    segments: turns.map((turn, index) => ({
      id: `s${index + 1}`,
      speaker: turn.speaker as SpeakerRole,
      text: turn.text,
    })),
  };
}

const consultations = readFileSync(dataFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as RawConsultation);

/** Long consultations: eight dev consultations joined end to end (≈ 7 000 tokens each). */
const longTranscripts = Array.from({ length: 3 }, (_, start) =>
  toTranscript(
    consultations.slice(start * 8, start * 8 + 8).flatMap((consultation) => consultation.transcript),
  ),
);

interface Scenario {
  name: string;
  transcripts: Transcript[];
  local: boolean;
  contextTokens: number;
}

const scenarios: Scenario[] = [
  {
    name: 'nb-dev, local model, 8k context',
    transcripts: consultations.map((c) => toTranscript(c.transcript)),
    local: true,
    contextTokens: 8192,
  },
  {
    name: 'nb-dev, remote (de-identified), 8k',
    transcripts: consultations.map((c) => toTranscript(c.transcript)),
    local: false,
    contextTokens: 8192,
  },
  {
    name: 'nb-dev, remote, 4k context',
    transcripts: consultations.map((c) => toTranscript(c.transcript)),
    local: false,
    contextTokens: 4096,
  },
  {
    name: '8 joined consultations, remote, 8k',
    transcripts: longTranscripts,
    local: false,
    contextTokens: 8192,
  },
  {
    name: '8 joined consultations, remote, 32k',
    transcripts: longTranscripts,
    local: false,
    contextTokens: 32768,
  },
];

const template = findTemplate('fastlege')!;
const schemaTokens = estimateTokens(
  JSON.stringify(
    toJsonSchema(createModelNoteSchema(template.sections.map((s) => s.id) as [string, ...string[]])),
  ),
);

/** Tokens of the prompt with no transcript and no facts: what every call sends regardless of the consultation. */
function fixedTokensPerCall(deidentified: boolean, chunked: boolean): number {
  const messages = buildNoteMessages({
    template,
    style: 'kort',
    language: 'nb',
    lines: [],
    facts: [],
    part: chunked ? { index: 1, total: 2 } : undefined,
  });
  const text = messages.map((message) => message.content).join('\n');
  return estimateTokens(text) + schemaTokens + (deidentified ? estimateTokens(PLACEHOLDER_INSTRUCTION) : 0);
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

const server = await startFakeOpenAIServer({ defaultReply: { kind: 'echo-note' } });

interface Row {
  scenario: string;
  notes: number;
  callsPerNote: string;
  oneCallNotes: string;
  transcriptTokens: number;
  sentTokens: number;
  fixedPerCall: number;
  ratio: string;
  ratioWithFixed: string;
  overheadMedian: string;
  overheadP95: string;
  engineAndVerifier: string;
  layerMedian: string;
  layerP95: string;
  fallbacks: number;
}

const rows: Row[] = [];
try {
  for (const scenario of scenarios) {
    const registry = createModelRegistry(
      parseModelConfig({
        providers: { fake: { type: 'openai-compatible', baseURL: server.baseURL, local: scenario.local } },
        aliases: { 'note-drafting': 'fake:bench-model' },
      }),
    );
    const model = registry.textModel('note-drafting');
    // Warm-up: the first calls pay for module loading, JIT compilation and the HTTP connection.
    for (const transcript of scenario.transcripts.slice(0, 5)) {
      await draftNoteWithModel({ transcript, model, language: 'nb', contextTokens: scenario.contextTokens });
    }

    let calls = 0;
    let oneCall = 0;
    let transcriptTokens = 0;
    let variableTokens = 0;
    let sentTokens = 0;
    let fixedPerCall = 0;
    let fallbacks = 0;
    const overheads: number[] = [];
    const layerOverheads: number[] = [];
    const engineTimes: number[] = [];
    for (const transcript of scenario.transcripts) {
      server.reset();
      const started = performance.now();
      const result = await draftNoteWithModel({
        transcript,
        model,
        language: 'nb',
        contextTokens: scenario.contextTokens,
      });
      const elapsed = performance.now() - started;
      if (result.value.engine === 'builtin') fallbacks += 1;
      const requests = server.requests;
      const serverMs = requests.reduce((sum, request) => sum + request.serverMs, 0);
      overheads.push((elapsed - serverMs) / Math.max(1, requests.length));
      // The built-in engine (facts) and the verifier run once per note whatever the model; time them apart.
      const engineStarted = performance.now();
      draftNote(transcript, { language: 'nb' });
      verifyNote(transcript, result.value.note, { language: 'nb' });
      const engineMs = performance.now() - engineStarted;
      engineTimes.push(engineMs);
      layerOverheads.push(Math.max(0, elapsed - serverMs - engineMs) / Math.max(1, requests.length));
      calls += requests.length;
      if (requests.length === 1) oneCall += 1;
      const sent = requests.reduce(
        (sum, request) =>
          sum +
          estimateTokens((request.json?.messages ?? []).map((message) => message.content).join('\n')) +
          schemaTokens,
        0,
      );
      const fixed = fixedTokensPerCall(!scenario.local, requests.length > 1);
      fixedPerCall = fixed;
      const thisTranscript = estimateTokens(transcript.segments.map((segment) => segment.text).join('\n'));
      transcriptTokens += thisTranscript;
      sentTokens += sent;
      variableTokens += sent - fixed * requests.length;
    }
    const notes = scenario.transcripts.length;
    rows.push({
      scenario: scenario.name,
      notes,
      callsPerNote: (calls / notes).toFixed(2),
      oneCallNotes: `${oneCall}/${notes}`,
      transcriptTokens: Math.round(transcriptTokens / notes),
      sentTokens: Math.round(sentTokens / notes),
      fixedPerCall,
      ratio: `${(variableTokens / transcriptTokens).toFixed(2)}×`,
      ratioWithFixed: `${(sentTokens / transcriptTokens).toFixed(2)}×`,
      overheadMedian: percentile(overheads, 0.5).toFixed(1),
      overheadP95: percentile(overheads, 0.95).toFixed(1),
      engineAndVerifier: percentile(engineTimes, 0.5).toFixed(1),
      layerMedian: percentile(layerOverheads, 0.5).toFixed(1),
      layerP95: percentile(layerOverheads, 0.95).toFixed(1),
      fallbacks,
    });
  }
} finally {
  await server.close();
}

const headers: Array<[keyof Row, string]> = [
  ['scenario', 'scenario'],
  ['notes', 'notes'],
  ['callsPerNote', 'calls/note'],
  ['oneCallNotes', '1-call notes'],
  ['transcriptTokens', 'transcript tok/note'],
  ['sentTokens', 'sent tok/note'],
  ['fixedPerCall', 'fixed tok/call'],
  ['ratio', 'sent−fixed / transcript'],
  ['ratioWithFixed', 'sent / transcript'],
  ['overheadMedian', 'overhead ms/call p50'],
  ['overheadP95', 'p95'],
  ['engineAndVerifier', 'engine+verifier ms/note p50'],
  ['layerMedian', 'LLM layer ms/call p50'],
  ['layerP95', 'p95 '],
  ['fallbacks', 'fallbacks'],
];
const widths = headers.map(([key, title]) =>
  Math.max(title.length, ...rows.map((row) => String(row[key]).length)),
);
const line = (cells: string[]): string =>
  `| ${cells.map((cell, index) => cell.padEnd(widths[index]!)).join(' | ')} |`;
console.log(
  `bench:llm — ${dataFile} against a loopback fake OpenAI-compatible server (target: sent−fixed ≤ 1.3× transcript)`,
);
console.log(line(headers.map(([, title]) => title)));
console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
for (const row of rows) console.log(line(headers.map(([key]) => String(row[key]))));
