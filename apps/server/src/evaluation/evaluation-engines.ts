import type { ModelRegistry } from '@kollega/ai';
import { MODEL_PURPOSES, createTokenCountingDrafter } from '@kollega/ai';
import { AppError, isAppError } from '@kollega/domain';
import type { DraftWithModel, Engine } from '@kollega/eval';
import { BUILTIN_ENGINE_ID, createBuiltinEngine, createModelEngine } from '@kollega/eval';
import type { ServerModels } from '../models/server-models';

/** An engine an admin may tick: the built-in engine or a configured language model. */
export interface EvaluationEngineOption {
  /** `builtin` or `provider:model`. */
  id: string;
  kind: 'builtin' | 'model';
  /** The purposes whose configured model this is (`note-drafting`, …); empty for builtin and extra models. */
  purposes: string[];
  /** False when the model cannot be used: the `localOnly` policy refuses it, or its provider is not set up. */
  available: boolean;
  /** Why it is not available, in Bokmål. */
  reason?: string;
}

/** The built-in engine, then every configured text model (each once), then the extra models named for evaluation. */
export function listEvaluationEngines(
  models: ServerModels,
  extraModels: readonly string[],
): EvaluationEngineOption[] {
  const purposesByModel = new Map<string, string[]>();
  for (const purpose of MODEL_PURPOSES) {
    if (purpose === 'transcription') continue;
    const id = models.registry.resolve(purpose);
    if (id !== undefined) purposesByModel.set(id, [...(purposesByModel.get(id) ?? []), purpose]);
  }
  for (const id of extraModels) if (!purposesByModel.has(id)) purposesByModel.set(id, []);
  const options: EvaluationEngineOption[] = [
    { id: BUILTIN_ENGINE_ID, kind: 'builtin', purposes: [], available: true },
  ];
  for (const [id, purposes] of purposesByModel) {
    if (id === BUILTIN_ENGINE_ID) continue;
    try {
      models.registry.textModel(id);
      options.push({ id, kind: 'model', purposes, available: true });
    } catch (error) {
      const blocked = isAppError(error) && error.code === 'forbidden';
      options.push({
        id,
        kind: 'model',
        purposes,
        available: false,
        reason: blocked
          ? 'Bare lokale modeller er tillatt på denne serveren.'
          : 'Modellen peker på en leverandør som ikke er satt opp.',
      });
    }
  }
  return options;
}

/**
 * The drafting function of a model engine: @kollega/ai's note pipeline on a model from the server's registry
 * (de-identification for providers that are not local, timeouts, retries and audit of every call). A counting
 * middleware adds up the tokens of every call the pipeline makes for one case.
 */
function createModelDraftFunction(modelId: string, registry: ModelRegistry): DraftWithModel {
  // Fails early on an unknown provider or the localOnly policy.
  return createTokenCountingDrafter(registry.textModel(modelId));
}

/**
 * The engines for a run, in the order chosen. Every id must be one `listEvaluationEngines` offers and is
 * available; otherwise `invalid_input` naming the engine id (a configuration value, never patient data).
 */
export function createEvaluationEngines(
  engineIds: readonly string[],
  options: { models: ServerModels; extraModels: readonly string[] },
): Engine[] {
  const offered = new Map(
    listEvaluationEngines(options.models, options.extraModels).map((engine) => [engine.id, engine]),
  );
  return [...new Set(engineIds)].map((id) => {
    const engine = offered.get(id);
    if (engine === undefined)
      throw new AppError('invalid_input', 'Ukjent motor', { details: { field: 'engines', engine: id } });
    if (!engine.available)
      throw new AppError('invalid_input', engine.reason ?? 'Motoren kan ikke brukes', {
        details: { field: 'engines', engine: id },
      });
    if (engine.kind === 'builtin') return createBuiltinEngine();
    return createModelEngine({ id, draftWithModel: createModelDraftFunction(id, options.models.registry) });
  });
}
