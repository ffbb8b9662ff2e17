import { toAppError } from '@kollega/domain';
import type { GenerateTextRequest, TextModel, TextStreamPart } from '../models/text-model';
import type { AuditSink, ModelCallRecord } from '../audit/audit-sink';
import { sha256, toModelCallAuditEvent } from '../audit/audit-sink';
import type { TextModelMiddleware } from './wrap-text-model';

/** Options for `createAuditMiddleware`. */
export interface AuditMiddlewareOptions {
  sink: AuditSink;
  /** Clock for `at`; injectable for tests. */
  now?: () => Date;
}

/** SHA-256 of exactly what goes to the provider: the messages and the response format. */
export function hashTextRequest(request: GenerateTextRequest): string {
  return sha256(
    JSON.stringify({ messages: request.messages, responseFormat: request.responseFormat ?? null }),
  );
}

/**
 * Records every call that reaches the provider: time, user, consultation, provider, model, purpose,
 * tokens in/out, latency, outcome and SHA-256 hashes of what was sent and received — never the
 * content. Placed inside the de-identification and resilience layers, so each attempt is one event
 * and the hash is of the de-identified text that actually left.
 */
export function createAuditMiddleware(options: AuditMiddlewareOptions): TextModelMiddleware {
  const now = options.now ?? (() => new Date());

  const base = (
    request: GenerateTextRequest,
    model: TextModel,
    operation: ModelCallRecord['operation'],
  ): Omit<ModelCallRecord, 'inputTokens' | 'outputTokens' | 'latencyMs' | 'outcome'> => ({
    at: now().toISOString(),
    user: request.context?.user,
    consultationId: request.context?.consultationId,
    provider: model.provider,
    model: model.modelId,
    purpose: request.context?.purpose ?? 'unspecified',
    local: model.local,
    identifiersReplaced: request.context?.identifiersReplaced ?? 0,
    operation,
    requestSha256: hashTextRequest(request),
  });

  return {
    async wrapGenerate({ request, next, model }) {
      const record = base(request, model, 'generate');
      const started = performance.now();
      try {
        const result = await next(request);
        await options.sink.record(
          toModelCallAuditEvent({
            ...record,
            inputTokens: result.usage.inputTokens,
            outputTokens: result.usage.outputTokens,
            latencyMs: Math.round(performance.now() - started),
            outcome: 'success',
            responseSha256: sha256(result.text),
          }),
        );
        return result;
      } catch (error) {
        await options.sink.record(
          toModelCallAuditEvent({
            ...record,
            inputTokens: null,
            outputTokens: null,
            latencyMs: Math.round(performance.now() - started),
            outcome: 'failure',
            errorCode: toAppError(error).code,
          }),
        );
        throw error;
      }
    },

    async *wrapStream({ request, next, model }): AsyncGenerator<TextStreamPart, void, undefined> {
      const record = base(request, model, 'stream');
      const started = performance.now();
      let text = '';
      let finish: Extract<TextStreamPart, { type: 'finish' }> | undefined;
      let failure: unknown;
      try {
        for await (const part of next(request)) {
          if (part.type === 'text-delta') text += part.text;
          else finish = part;
          yield part;
        }
      } catch (error) {
        failure = error;
        throw error;
      } finally {
        // Also runs when the consumer stops early: what was sent is recorded either way.
        await options.sink.record(
          toModelCallAuditEvent({
            ...record,
            inputTokens: finish?.usage.inputTokens ?? null,
            outputTokens: finish?.usage.outputTokens ?? null,
            latencyMs: Math.round(performance.now() - started),
            outcome: failure === undefined ? 'success' : 'failure',
            ...(failure === undefined
              ? { responseSha256: sha256(text) }
              : { errorCode: toAppError(failure).code }),
          }),
        );
      }
    },
  };
}
