import { AppError } from '@kollega/domain';
import type { TriageModelSuggestion, TriageResult } from '@kollega/domain';
import { combineTriage, parseTriageInput, triageMessage } from '@kollega/clinical';
import type { NewPatientMessage, PatientMessage } from '@kollega/storage';
import type { AppContext } from '../context';
import { MAX_MESSAGE_LENGTH } from './message-schemas';

/** The practice id of messages stored while sign-in is off (single-practice use). */
export const LOCAL_PRACTICE_ID = 'lokal';

/** Most messages one import may hold. */
export const MAX_IMPORT_MESSAGES = 2000;

/** The signed-in user's practice, or the local practice when sign-in is off. */
export function currentPracticeId(context: AppContext): string {
  return context.scope.currentUser()?.practiceId ?? LOCAL_PRACTICE_ID;
}

/** Who acts: the signed-in user's name, else the name the request gave, else `anonym`. */
export function currentActorName(context: AppContext, given?: string): string {
  return context.scope.currentUser()?.displayName ?? given ?? 'anonym';
}

/**
 * Triages a message by the rules; a model suggestion, if one is ever given, goes through `combineTriage`,
 * which can only raise the rule-based urgency (the rules are the floor).
 */
export function triageIncomingMessage(
  message: string,
  modelSuggestion?: TriageModelSuggestion,
): TriageResult {
  return combineTriage(triageMessage(message), modelSuggestion);
}

/** One message to triage and store. */
export interface IncomingMessage {
  message: string;
  receivedAt?: string;
  sender?: string;
  externalId?: string;
}

/** Triages the messages and stores them in the current practice's inbox. */
export async function storeTriagedMessages(
  context: AppContext,
  incoming: readonly IncomingMessage[],
): Promise<PatientMessage[]> {
  const practiceId = currentPracticeId(context);
  const receivedNow = context.now().toISOString();
  const prepared: NewPatientMessage[] = incoming.map((item) => {
    const triage = triageIncomingMessage(item.message);
    return {
      practiceId,
      message: item.message,
      receivedAt: item.receivedAt === undefined ? receivedNow : new Date(item.receivedAt).toISOString(),
      ...(item.sender === undefined ? {} : { sender: item.sender }),
      ...(item.externalId === undefined ? {} : { externalId: item.externalId }),
      urgency: triage.urgency,
      category: triage.category,
      redFlags: triage.redFlags,
      reasons: triage.reasons,
      suggestedReply: triage.reply,
      injectionAttempt: triage.injectionAttempt,
      rulesVersion: triage.rulesVersion,
    };
  });
  const stored: PatientMessage[] = [];
  for (const item of prepared) stored.push(await context.storage.messages.create(item));
  return stored;
}

function readOptionalText(record: Record<string, unknown>, field: string, line: number): string | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new AppError('invalid_input', `Linje ${line}: «${field}» må være tekst`, {
      details: { line, field },
    });
  }
  return value.trim();
}

/**
 * Reads an import file: JSON Lines of `{id, message}`, optionally `receivedAt` (ISO 8601) and `sender`.
 * A bad line throws `invalid_input` naming the line number (never its text).
 */
export function parseMessageImport(text: string): IncomingMessage[] {
  const parsed = parseTriageInput(text);
  if (parsed.length > MAX_IMPORT_MESSAGES) {
    throw new AppError('invalid_input', `Filen har over ${MAX_IMPORT_MESSAGES} meldinger; del den opp`, {
      details: { count: parsed.length },
    });
  }
  const rawLines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  return parsed.map(({ id, message, line }) => {
    if (message.trim() === '') {
      throw new AppError('invalid_input', `Linje ${line}: «message» er tom`, {
        details: { line, field: 'message' },
      });
    }
    if (message.length > MAX_MESSAGE_LENGTH) {
      throw new AppError('invalid_input', `Linje ${line}: meldingen er for lang`, {
        details: { line, field: 'message' },
      });
    }
    const record = JSON.parse(rawLines[line - 1] ?? '{}') as Record<string, unknown>;
    const receivedAt = readOptionalText(record, 'receivedAt', line);
    if (receivedAt !== undefined && Number.isNaN(Date.parse(receivedAt))) {
      throw new AppError('invalid_input', `Linje ${line}: «receivedAt» er ikke et gyldig tidspunkt`, {
        details: { line, field: 'receivedAt' },
      });
    }
    const sender = readOptionalText(record, 'sender', line);
    return {
      message,
      externalId: id,
      ...(receivedAt === undefined ? {} : { receivedAt }),
      ...(sender === undefined ? {} : { sender }),
    };
  });
}
