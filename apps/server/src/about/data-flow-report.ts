import { z } from 'zod';
import type { ProviderConfig } from '@kollega/ai';
import { MODEL_PURPOSES, splitModelId } from '@kollega/ai';
import type { Language } from '@kollega/domain';
import type { ServerModels } from '../models/server-models';

/** Where one purpose's data goes and which engine serves it. */
export const DataFlowPurposeSchema = z.object({
  purpose: z.enum(MODEL_PURPOSES),
  /** The engine in use: a `provider:model`, or `builtin`. */
  engine: z.string(),
  /** The configured `provider:model`, also when the policy blocks it. */
  model: z.string().optional(),
  /** `stays` on this server, `sent` to another host, `blocked` by policy, or `none` configured. */
  kind: z.enum(['stays', 'sent', 'blocked', 'none']),
  /** True when text is de-identified before it leaves. */
  deidentified: z.boolean(),
  /** The provider as shown to users ("Ollama", "Azure OpenAI"), when a model is configured. */
  providerName: z.string().optional(),
  /** Host (and port) the data is sent to, when it leaves the server. */
  host: z.string().optional(),
  /** One sentence for the user in the requested language. */
  description: z.string(),
});

/** GET /api/about/data-flow: the data policy and, per purpose, where data goes. No secrets, no URLs' paths. */
export const DataFlowReportSchema = z.object({
  /** `KOLLEGA_MODEL_LOCAL_ONLY`: every provider that is not local is refused. */
  localOnly: z.boolean(),
  purposes: z.array(DataFlowPurposeSchema),
});
/** The data-flow report; see `DataFlowReportSchema`. */
export type DataFlowReport = z.infer<typeof DataFlowReportSchema>;

const DEFAULT_PROVIDER_NAMES: Record<ProviderConfig['type'], Record<Language, string>> = {
  'openai-compatible': { nb: 'en OpenAI-kompatibel tjener', en: 'an OpenAI-compatible server' },
  'azure-openai': { nb: 'Azure OpenAI', en: 'Azure OpenAI' },
  'node-llama-cpp': { nb: 'llama.cpp', en: 'llama.cpp' },
};

function providerName(provider: ProviderConfig, language: Language): string {
  if (provider.type !== 'node-llama-cpp' && provider.displayName) return provider.displayName;
  return DEFAULT_PROVIDER_NAMES[provider.type][language];
}

/**
 * The data-flow report for the UI: `describeDataFlow` (where each purpose's data goes, in the user's
 * language) with the engine actually in use and the provider's display name. Reads configuration only.
 */
export function buildDataFlowReport(models: ServerModels, language: Language): DataFlowReport {
  const { config } = models;
  return {
    localOnly: config.policy.localOnly,
    purposes: models.registry.describeDataFlow(language).map((entry) => {
      const providerId = entry.model === undefined ? undefined : splitModelId(entry.model)?.provider;
      const provider = providerId === undefined ? undefined : config.providers[providerId];
      return {
        purpose: entry.purpose,
        engine: models.engineFor(entry.purpose),
        ...(entry.model === undefined ? {} : { model: entry.model }),
        kind: entry.kind,
        deidentified: entry.deidentified,
        ...(provider === undefined ? {} : { providerName: providerName(provider, language) }),
        ...(entry.host === undefined ? {} : { host: entry.host }),
        description: entry.description,
      };
    }),
  };
}
