import type { Deidentifier, DeidentificationOptions } from '@kollega/clinical';
import { createDeidentifier, emptyIdentifierCounts } from '@kollega/clinical';
import type {
  ChatMessage,
  GenerateTextRequest,
  GenerateTextResult,
  TextStreamPart,
} from '../models/text-model';
import type { TextModelMiddleware } from './wrap-text-model';

/** Told to the model whenever placeholders were put in, so it copies them instead of guessing. */
export const PLACEHOLDER_INSTRUCTION =
  'Placeholders in square brackets such as [NAVN_1] or [FNR_1] stand for removed personal data. ' +
  'Copy them exactly where they belong; never guess or invent what they stand for.';

/** De-identifies the messages of one request; returns the session to restore the answer with. */
export function deidentifyRequest(
  request: GenerateTextRequest,
  options: DeidentificationOptions = {},
): { request: GenerateTextRequest; deidentifier: Deidentifier; replaced: number } {
  const deidentifier = createDeidentifier({
    ...options,
    knownNames: [...(options.knownNames ?? []), ...(request.context?.knownNames ?? [])],
  });
  const redacted = deidentifier.redactAll(request.messages.map((message) => message.content));
  const counts = { ...emptyIdentifierCounts(), ...deidentifier.counts() };
  const replaced = Object.values(counts).reduce((sum, count) => sum + count, 0);
  let messages: ChatMessage[] = request.messages.map((message, index) => ({
    ...message,
    content: redacted[index] ?? message.content,
  }));
  if (replaced > 0) {
    const systemIndex = messages.findIndex((message) => message.role === 'system');
    messages =
      systemIndex === -1
        ? [{ role: 'system', content: PLACEHOLDER_INSTRUCTION }, ...messages]
        : messages.map((message, index) =>
            index === systemIndex
              ? { ...message, content: `${message.content}\n\n${PLACEHOLDER_INSTRUCTION}` }
              : message,
          );
  }
  return {
    request: { ...request, messages, context: { ...request.context, identifiersReplaced: replaced } },
    deidentifier,
    replaced,
  };
}

/** Restores an answer: inside JSON values when the answer parses as JSON, otherwise in the plain text. */
function restoreAnswer(deidentifier: Deidentifier, result: GenerateTextResult): GenerateTextResult {
  if (result.responseFormat !== 'text') {
    try {
      const restored = deidentifier.restoreDeep(JSON.parse(result.text) as unknown);
      return { ...result, text: JSON.stringify(restored) };
    } catch {
      // Not clean JSON (fenced, or broken): restore the text; the schema check reports the rest.
    }
  }
  return { ...result, text: deidentifier.restore(result.text) };
}

/** Longest placeholder tail held back in a stream until it is complete (`[POSTSTED_123]`). */
const LONGEST_PLACEHOLDER = 24;

/** Where a streamed text can safely be cut: before an unfinished `[…` or a bare `NAVN_` at the end. */
function safeCut(text: string): number {
  const open = text.lastIndexOf('[');
  if (open !== -1 && !text.includes(']', open) && text.length - open <= LONGEST_PLACEHOLDER) return open;
  const bare = /[A-Z]{2,}_?\d*$/.exec(text);
  if (bare && text.length - bare.index <= LONGEST_PLACEHOLDER) return bare.index;
  return text.length;
}

/**
 * De-identifies every message before it reaches a provider that is not local, and puts the
 * originals back into the answer (also in streams, where a placeholder may arrive in pieces).
 * Names known from the consultation come from `request.context.knownNames` and `options.knownNames`.
 */
export function createDeidentificationMiddleware(options: DeidentificationOptions = {}): TextModelMiddleware {
  return {
    async wrapGenerate({ request, next }) {
      const prepared = deidentifyRequest(request, options);
      const result = await next(prepared.request);
      return restoreAnswer(prepared.deidentifier, result);
    },

    async *wrapStream({ request, next }): AsyncGenerator<TextStreamPart, void, undefined> {
      const { request: redacted, deidentifier } = deidentifyRequest(request, options);
      let pending = '';
      for await (const part of next(redacted)) {
        if (part.type === 'text-delta') {
          pending += part.text;
          const cut = safeCut(pending);
          const ready = pending.slice(0, cut);
          pending = pending.slice(cut);
          if (ready !== '') yield { type: 'text-delta', text: deidentifier.restore(ready) };
        } else {
          if (pending !== '') yield { type: 'text-delta', text: deidentifier.restore(pending) };
          pending = '';
          yield part;
        }
      }
    },
  };
}
