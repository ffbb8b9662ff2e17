import type { ModelConfig, ModelPurpose, ModelRegistry, ModelRegistryOptions, TextModel } from '@kollega/ai';
import { createModelRegistry, textModelId } from '@kollega/ai';
import type { Language, Warning } from '@kollega/domain';
import { isAppError } from '@kollega/domain';

/** The engine id of the built-in (deterministic, local) engine. */
export const BUILTIN_ENGINE = 'builtin';

/** The language models the server uses, built once in the composition root. */
export interface ServerModels {
  readonly config: ModelConfig;
  readonly registry: ModelRegistry;
  /** The note-drafting model with the registry's middleware, when one is configured and the policy allows it. */
  readonly noteDrafting?: TextModel;
  /** The configured note-drafting model that the `localOnly` policy refuses; notes then come from the built-in engine. */
  readonly blockedNoteModel?: string;
  /**
   * The model that gives a second opinion on statements the rule verifier can only call `inferred`, when one is
   * configured for `verification` (or `KOLLEGA_MODEL_DEFAULT`) and the policy allows it.
   */
  readonly verification?: TextModel;
  /** The engine in use for a purpose: the `provider:model` when one is configured and allowed, else `builtin`. */
  engineFor(purpose: ModelPurpose): string;
}

/**
 * Builds the model registry from the configuration, with every call audited through `options.auditSink`.
 * Fails at start-up (`invalid_input`) when an alias names a provider that is not set up; a model that the
 * `localOnly` policy refuses does not stop the server: it is reported as blocked and the built-in engine runs.
 */
export function createServerModels(config: ModelConfig, options: ModelRegistryOptions = {}): ServerModels {
  const registry = createModelRegistry(config, options);
  let noteDrafting: TextModel | undefined;
  let blockedNoteModel: string | undefined;
  const noteModelId = registry.resolve('note-drafting');
  if (noteModelId !== undefined) {
    try {
      noteDrafting = registry.textModel('note-drafting');
    } catch (error) {
      if (!isAppError(error) || error.code !== 'forbidden') throw error;
      blockedNoteModel = noteModelId;
    }
  }
  let verification: TextModel | undefined;
  if (registry.resolve('verification') !== undefined) {
    try {
      verification = registry.textModel('verification');
    } catch (error) {
      // Blocked by the `localOnly` policy: the rules verify alone, and the data-flow report says so.
      if (!isAppError(error) || error.code !== 'forbidden') throw error;
    }
  }
  const flows = new Map(registry.describeDataFlow().map((entry) => [entry.purpose, entry]));
  return {
    config,
    registry,
    ...(noteDrafting === undefined ? {} : { noteDrafting }),
    ...(blockedNoteModel === undefined ? {} : { blockedNoteModel }),
    ...(verification === undefined ? {} : { verification }),
    engineFor(purpose) {
      if (purpose === 'note-drafting') return noteDrafting ? textModelId(noteDrafting) : BUILTIN_ENGINE;
      const flow = flows.get(purpose);
      return flow?.model !== undefined && (flow.kind === 'stays' || flow.kind === 'sent')
        ? flow.model
        : BUILTIN_ENGINE;
    },
  };
}

/** The warning on a note the built-in engine wrote because the policy refused the configured model. */
export function blockedModelWarning(language: Language): Warning {
  return {
    code: 'llm_blocked',
    message:
      language === 'en'
        ? 'The configured language model is not local and only local models are allowed; the built-in engine wrote the note.'
        : 'Den oppsatte språkmodellen er ikke lokal, og bare lokale modeller er tillatt; den innebygde motoren skrev notatet.',
  };
}
