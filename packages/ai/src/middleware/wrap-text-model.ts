import type {
  GenerateTextRequest,
  GenerateTextResult,
  TextModel,
  TextStreamPart,
} from '../models/text-model';

/**
 * Cross-cutting behaviour around a text model (de-identification, audit, resilience). Each hook gets
 * the request and a function that calls the next layer; leave a hook out to pass calls through.
 */
export interface TextModelMiddleware {
  /** Wraps `generateText`. */
  wrapGenerate?(options: {
    request: GenerateTextRequest;
    next: (request: GenerateTextRequest) => Promise<GenerateTextResult>;
    model: TextModel;
  }): Promise<GenerateTextResult>;
  /** Wraps `streamText`. */
  wrapStream?(options: {
    request: GenerateTextRequest;
    next: (request: GenerateTextRequest) => AsyncIterable<TextStreamPart>;
    model: TextModel;
  }): AsyncIterable<TextStreamPart>;
}

/**
 * Wraps a model in middleware. The first middleware is the outermost: it sees the caller's request
 * first and the model's answer last. The wrapped model keeps the inner model's identity fields.
 */
export function wrapTextModel(options: {
  model: TextModel;
  middleware: TextModelMiddleware | readonly TextModelMiddleware[];
}): TextModel {
  const layers = Array.isArray(options.middleware)
    ? (options.middleware as readonly TextModelMiddleware[])
    : [options.middleware as TextModelMiddleware];
  return layers.reduceRight<TextModel>((inner, layer) => wrapOnce(inner, layer), options.model);
}

function wrapOnce(inner: TextModel, layer: TextModelMiddleware): TextModel {
  return {
    provider: inner.provider,
    modelId: inner.modelId,
    local: inner.local,
    host: inner.host,
    contextTokens: inner.contextTokens,
    generateText(request) {
      if (!layer.wrapGenerate) return inner.generateText(request);
      return layer.wrapGenerate({ request, next: (next) => inner.generateText(next), model: inner });
    },
    streamText(request) {
      if (!layer.wrapStream) return inner.streamText(request);
      return layer.wrapStream({ request, next: (next) => inner.streamText(next), model: inner });
    },
  };
}
