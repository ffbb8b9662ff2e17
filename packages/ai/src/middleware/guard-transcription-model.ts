import { toAppError } from '@kollega/domain';
import type { TranscriptionModel } from '../models/transcription-model';
import type { AuditSink } from '../audit/audit-sink';
import { sha256, toModelCallAuditEvent } from '../audit/audit-sink';
import type { ResilienceOptions } from './resilience-middleware';
import { callWithResilience } from './resilience-middleware';

/** Options for `guardTranscriptionModel`. */
export interface GuardTranscriptionOptions {
  resilience: ResilienceOptions;
  auditSink?: AuditSink;
  /** Purpose recorded when the request names none. */
  purpose?: string;
  now?: () => Date;
}

/**
 * The transcription counterpart of the text middleware: timeouts, retries and the circuit breaker
 * around every call, and an audit event per attempt with the SHA-256 of the audio sent.
 * (Audio cannot be de-identified; `localOnly` is enforced by the registry.)
 */
export function guardTranscriptionModel(
  model: TranscriptionModel,
  options: GuardTranscriptionOptions,
): TranscriptionModel {
  const now = options.now ?? (() => new Date());
  return {
    provider: model.provider,
    modelId: model.modelId,
    local: model.local,
    host: model.host,
    transcribe(request) {
      return callWithResilience(
        async (signal) => {
          const at = now().toISOString();
          const started = performance.now();
          const record = {
            at,
            user: request.context?.user,
            consultationId: request.context?.consultationId,
            provider: model.provider,
            model: model.modelId,
            purpose: request.context?.purpose ?? options.purpose ?? 'transcription',
            local: model.local,
            identifiersReplaced: 0,
            operation: 'transcribe' as const,
            requestSha256: sha256(request.audio),
            inputTokens: null,
          };
          try {
            const result = await model.transcribe({ ...request, signal });
            await options.auditSink?.record(
              toModelCallAuditEvent({
                ...record,
                outputTokens: null,
                latencyMs: Math.round(performance.now() - started),
                outcome: 'success',
                responseSha256: sha256(result.text),
              }),
            );
            return result;
          } catch (error) {
            await options.auditSink?.record(
              toModelCallAuditEvent({
                ...record,
                outputTokens: null,
                latencyMs: Math.round(performance.now() - started),
                outcome: 'failure',
                errorCode: toAppError(error).code,
              }),
            );
            throw error;
          }
        },
        options.resilience,
        request.signal,
      );
    },
  };
}
