import type { Language } from '@kollega/domain';
import { MODEL_PURPOSES } from '../models/text-model';
import type { ModelPurpose } from '../models/text-model';
import { hostOf } from '../providers/is-local-url';
import type { ModelConfig, ProviderConfig } from './model-config';
import { isProviderLocal, splitModelId } from './model-config';

/** Where one purpose's data goes, for the settings page and the consultation view. */
export interface DataFlowEntry {
  purpose: ModelPurpose;
  /** `provider:model`, or undefined when the purpose has no model (the built-in engine runs). */
  model?: string;
  /** `stays` on this server, `sent` to another host, `blocked` by policy, or `none` configured. */
  kind: 'stays' | 'sent' | 'blocked' | 'none';
  /** True when text is de-identified before it leaves (never true for audio). */
  deidentified: boolean;
  /** Host the data is sent to, when it leaves the server. */
  host?: string;
  /** One sentence for the user in the requested language. */
  description: string;
}

const DEFAULT_DISPLAY_NAMES: Record<ProviderConfig['type'], string> = {
  'openai-compatible': 'en OpenAI-kompatibel tjener',
  'azure-openai': 'Azure OpenAI',
  'node-llama-cpp': 'llama.cpp',
};

function displayName(provider: ProviderConfig, language: Language): string {
  if (provider.type !== 'node-llama-cpp' && provider.displayName) return provider.displayName;
  if (language === 'en' && provider.type === 'openai-compatible') return 'an OpenAI-compatible server';
  return DEFAULT_DISPLAY_NAMES[provider.type];
}

function providerHost(provider: ProviderConfig): string | undefined {
  switch (provider.type) {
    case 'openai-compatible':
      return hostOf(provider.baseURL);
    case 'azure-openai':
      return hostOf(provider.endpoint);
    case 'node-llama-cpp':
      return undefined;
  }
}

const TEXT = {
  nb: {
    none: (purpose: ModelPurpose) =>
      purpose === 'transcription'
        ? 'Ingen talegjenkjenning er satt opp; transkripsjonen skrives eller limes inn.'
        : 'Ingen språkmodell: den innebygde motoren brukes, og alt blir på denne serveren.',
    blocked: (model: string) => `${model} er blokkert: bare lokale modeller er tillatt.`,
    stays: (model: string) => `Blir på denne serveren (${model}).`,
    sentText: (name: string, host: string) => `Sendes avidentifisert til ${name} på ${host}.`,
    sentAudio: (name: string, host: string) =>
      `Lydopptaket sendes til ${name} på ${host}. Lyd kan ikke avidentifiseres.`,
    unknown: (model: string) => `${model} peker på en leverandør som ikke er satt opp.`,
  },
  en: {
    none: (purpose: ModelPurpose) =>
      purpose === 'transcription'
        ? 'No speech recognition is configured; transcripts are typed or pasted.'
        : 'No language model: the built-in engine runs and everything stays on this server.',
    blocked: (model: string) => `${model} is blocked: only local models are allowed.`,
    stays: (model: string) => `Stays on this server (${model}).`,
    sentText: (name: string, host: string) => `Sent to ${name} at ${host}, de-identified.`,
    sentAudio: (name: string, host: string) =>
      `The audio recording is sent to ${name} at ${host}. Audio cannot be de-identified.`,
    unknown: (model: string) => `${model} names a provider that is not configured.`,
  },
} as const;

/**
 * Describes, per purpose, where data goes: "stays on this server", or "sent to NAME at HOST,
 * de-identified" — for the UI, so a doctor can see it before recording. Pure: reads the
 * configuration only, no secrets in the output.
 */
export function describeDataFlow(config: ModelConfig, language: Language = 'nb'): DataFlowEntry[] {
  const text = TEXT[language];
  return MODEL_PURPOSES.map((purpose): DataFlowEntry => {
    const model = config.aliases[purpose];
    if (!model) return { purpose, kind: 'none', deidentified: false, description: text.none(purpose) };
    const split = splitModelId(model);
    const provider = split ? config.providers[split.provider] : undefined;
    if (!provider)
      return { purpose, model, kind: 'blocked', deidentified: false, description: text.unknown(model) };
    if (isProviderLocal(provider)) {
      return { purpose, model, kind: 'stays', deidentified: false, description: text.stays(model) };
    }
    if (config.policy.localOnly) {
      return { purpose, model, kind: 'blocked', deidentified: false, description: text.blocked(model) };
    }
    const host = providerHost(provider) ?? '';
    const name = displayName(provider, language);
    const audio = purpose === 'transcription';
    return {
      purpose,
      model,
      kind: 'sent',
      deidentified: !audio,
      host,
      description: audio ? text.sentAudio(name, host) : text.sentText(name, host),
    };
  });
}
