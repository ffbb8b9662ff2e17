import { createHash, randomUUID } from 'node:crypto';
import type { AuditEvent } from '@kollega/domain';

/**
 * Where audit events go. Storage implements it (an audit table); tests use `InMemoryAuditSink`.
 * `record` must not resolve before the event is durable.
 */
export interface AuditSink {
  /** Stores one event. */
  record(event: AuditEvent): Promise<void>;
}

/** An `AuditSink` that keeps events in memory, for tests and the CLI. */
export class InMemoryAuditSink implements AuditSink {
  readonly events: AuditEvent[] = [];

  record(event: AuditEvent): Promise<void> {
    this.events.push(event);
    return Promise.resolve();
  }

  /** The `model.call` events, oldest first. */
  modelCalls(): AuditEvent[] {
    return this.events.filter((event) => event.action === 'model.call');
  }
}

/** Hex SHA-256 of a text or bytes: lets an auditor match what was sent without storing it. */
export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** What is recorded about one call to a model. Hashes and counts only — never the content. */
export interface ModelCallRecord {
  /** ISO 8601 time the call started (UTC). */
  at: string;
  user?: string;
  consultationId?: string;
  provider: string;
  model: string;
  /** The alias the model was resolved for (`note-drafting`), or `unspecified`. */
  purpose: string;
  /** Whether the provider is local (nothing left the server). */
  local: boolean;
  /** Identifiers replaced by de-identification before sending (0 for local providers). */
  identifiersReplaced: number;
  inputTokens: number | null;
  outputTokens: number | null;
  /** Wall-clock milliseconds from sending to the last byte (or the failure). */
  latencyMs: number;
  outcome: 'success' | 'failure';
  /** `AppError` code on failure. */
  errorCode?: string;
  /** `generate`, `stream` or `transcribe`. */
  operation: 'generate' | 'stream' | 'transcribe';
  /** SHA-256 of exactly what was sent (the JSON of messages and response format, or the audio bytes). */
  requestSha256: string;
  /** SHA-256 of the answer text, when there was one. */
  responseSha256?: string;
}

/** Turns a model-call record into a domain `AuditEvent` (`model.call` on entity `provider:model`). */
export function toModelCallAuditEvent(record: ModelCallRecord): AuditEvent {
  return {
    id: randomUUID(),
    at: record.at,
    actor: record.user ?? 'system',
    action: 'model.call',
    entityType: 'model',
    entityId: `${record.provider}:${record.model}`,
    outcome: record.outcome,
    details: {
      consultationId: record.consultationId ?? null,
      provider: record.provider,
      model: record.model,
      purpose: record.purpose,
      local: record.local,
      identifiersReplaced: record.identifiersReplaced,
      operation: record.operation,
      inputTokens: record.inputTokens,
      outputTokens: record.outputTokens,
      latencyMs: record.latencyMs,
      errorCode: record.errorCode ?? null,
      requestSha256: record.requestSha256,
      responseSha256: record.responseSha256 ?? null,
    },
  };
}
