import type { Language } from '@kollega/domain';

/** Where one purpose's data goes, as GET /api/about/data-flow reports it. */
export interface DataFlowPurpose {
  purpose: 'note-drafting' | 'verification' | 'triage' | 'summary' | 'translation' | 'transcription';
  /** The engine in use: `builtin` or a `provider:model`. */
  engine: string;
  model?: string;
  kind: 'stays' | 'sent' | 'blocked' | 'none';
  deidentified: boolean;
  providerName?: string;
  host?: string;
  /** The server's sentence for the user, in the requested language. */
  description: string;
}

/** GET /api/about/data-flow. */
export interface DataFlowReport {
  localOnly: boolean;
  purposes: DataFlowPurpose[];
}

/** The badge's text and tone: `local` (nothing leaves), `sent` (leaves de-identified), `blocked` by policy. */
export interface DataFlowLabel {
  text: string;
  tone: 'local' | 'sent' | 'blocked';
  /** The server's fuller sentence, for the tooltip. */
  detail: string;
}

const TEXT = {
  nb: {
    builtin: 'Innebygd motor – ingen data forlater serveren',
    local: (model: string) => `Notatutkast: lokal modell (${model}) – ingen data forlater serveren`,
    sent: (name: string, host: string) => `Notatutkast: sendes avidentifisert til ${name} (${host})`,
    blocked: (model: string) =>
      `Notatutkast: innebygd motor – ${model} er blokkert (bare lokale modeller er tillatt)`,
  },
  en: {
    builtin: 'Built-in engine – no data leaves the server',
    local: (model: string) => `Note drafts: local model (${model}) – no data leaves the server`,
    sent: (name: string, host: string) => `Note drafts: sent de-identified to ${name} (${host})`,
    blocked: (model: string) =>
      `Note drafts: built-in engine – ${model} is blocked (only local models allowed)`,
  },
} as const;

/**
 * The plain-language label for where note drafts go: the built-in engine (nothing leaves), a local model,
 * a model on another host (de-identified), or a model the policy blocks. Undefined when the report has no
 * note-drafting entry.
 */
export function describeNoteDataFlow(report: DataFlowReport, language: Language): DataFlowLabel | undefined {
  const entry = report.purposes.find((purpose) => purpose.purpose === 'note-drafting');
  if (entry === undefined) return undefined;
  const text = TEXT[language];
  const detail = entry.description;
  switch (entry.kind) {
    case 'none':
      return { text: text.builtin, tone: 'local', detail };
    case 'stays':
      return { text: text.local(entry.model ?? entry.engine), tone: 'local', detail };
    case 'sent':
      return {
        text: text.sent(entry.providerName ?? entry.model ?? entry.engine, entry.host ?? '?'),
        tone: 'sent',
        detail,
      };
    case 'blocked':
      return { text: text.blocked(entry.model ?? '?'), tone: 'blocked', detail };
  }
}
