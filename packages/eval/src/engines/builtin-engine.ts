import { draftNote } from '@kollega/clinical';
import type { Engine } from './engine';

/** The id of the built-in engine. */
export const BUILTIN_ENGINE_ID = 'builtin';

/**
 * The built-in, offline, deterministic engine (`draftNote` from @kollega/clinical) on the prepared transcript
 * (speaker roles already inferred when the dataset was read). Costs nothing and uses no tokens.
 */
export function createBuiltinEngine(): Engine {
  return {
    id: BUILTIN_ENGINE_ID,
    draft(evaluationCase, options = {}) {
      // draftNote is synchronous; wrapping keeps a thrown AppError a rejected promise like a model's.
      return Promise.resolve().then(() => {
        const drafted = draftNote(evaluationCase.transcript, {
          language: evaluationCase.language,
          ...(options.template ? { template: options.template } : {}),
          ...(evaluationCase.setting ? { setting: evaluationCase.setting } : {}),
        });
        return {
          text: drafted.value.text,
          note: drafted.value.note,
          tokensIn: 0,
          tokensOut: 0,
          costEstimate: 0,
          warnings: drafted.warnings,
        };
      });
    },
  };
}
