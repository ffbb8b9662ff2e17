import type { ConsultationSetting, Language, Note, Transcript, Warning } from '@kollega/domain';
import type { TokenPrices } from '../metrics/cost';
import { estimateCost } from '../metrics/cost';
import type { Engine } from './engine';

/** What a model-drafting function receives (the shape of @kollega/ai's note pipeline input). */
export interface ModelDraftRequest {
  transcript: Transcript;
  language: Language;
  template?: string;
  setting?: ConsultationSetting;
}

/** What a model-drafting function returns. */
export interface ModelDraftResult {
  text: string;
  note?: Note;
  tokensIn?: number;
  tokensOut?: number;
  warnings: Warning[];
}

/** Drafts a note with a language model. The composition root (CLI, server) supplies it from @kollega/ai. */
export type DraftWithModel = (request: ModelDraftRequest) => Promise<ModelDraftResult>;

/** Options for `createModelEngine`. */
export interface CreateModelEngineOptions {
  /** `provider:model`, e.g. `openai-compatible:llama3.1`. */
  id: string;
  draftWithModel: DraftWithModel;
  /** Per-1k-token prices from the model configuration; cost is 0 without them. */
  prices?: TokenPrices;
}

/**
 * An engine backed by a language model. @kollega/eval may not import @kollega/ai (eval sits beside ai, on
 * domain and clinical), so the drafting function is injected by the caller, which may import both.
 */
export function createModelEngine(options: CreateModelEngineOptions): Engine {
  return {
    id: options.id,
    async draft(evaluationCase, draftOptions = {}) {
      const result = await options.draftWithModel({
        transcript: evaluationCase.transcript,
        language: evaluationCase.language,
        ...(draftOptions.template ? { template: draftOptions.template } : {}),
        ...(evaluationCase.setting ? { setting: evaluationCase.setting } : {}),
      });
      return {
        text: result.text,
        ...(result.note ? { note: result.note } : {}),
        ...(result.tokensIn === undefined ? {} : { tokensIn: result.tokensIn }),
        ...(result.tokensOut === undefined ? {} : { tokensOut: result.tokensOut }),
        costEstimate: estimateCost(result, options.prices),
        warnings: result.warnings,
      };
    },
  };
}
