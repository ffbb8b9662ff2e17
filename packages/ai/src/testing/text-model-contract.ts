import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isAppError } from '@kollega/domain';
import type { TextModel, TextStreamPart } from '../models/text-model';
import { generateObject } from '../models/generate-object';

/** What a text-model adapter's test provides to the shared contract suite. */
export interface TextModelContractHarness {
  model: TextModel;
  /** Scripts the backend's next answer. */
  answerNext(text: string): void;
  /** All message text the backend received in the most recent call. */
  lastPrompt(): string;
  /** Stops the backend. */
  close?(): Promise<void>;
}

const ObjectSchema = z.object({ name: z.string(), count: z.number().int() });

/**
 * The behaviour every `TextModel` implementation must show: text with usage, streaming that adds
 * up, structured output validated by a schema, invalid output reported as data, cancellation as an
 * `AppError`, and a declared identity. Run it from each adapter's test file.
 */
export function describeTextModelContract(
  name: string,
  setup: () => Promise<TextModelContractHarness>,
): void {
  describe(`TextModel contract: ${name}`, () => {
    let harness: TextModelContractHarness;
    beforeAll(async () => {
      harness = await setup();
    });
    afterAll(async () => {
      await harness.close?.();
    });

    it('declares its provider, model id and whether it is local', () => {
      expect(harness.model.provider).toMatch(/\S/);
      expect(harness.model.modelId).toMatch(/\S/);
      expect(typeof harness.model.local).toBe('boolean');
    });

    it('generates text and reports token usage', async () => {
      harness.answerNext('Hei fra modellen.');
      const result = await harness.model.generateText({
        messages: [
          { role: 'system', content: 'Du er en hjelpsom assistent.' },
          { role: 'user', content: 'Si hei.' },
        ],
      });
      expect(result.text).toBe('Hei fra modellen.');
      expect(result.finishReason).toBe('stop');
      expect(result.usage.inputTokens).toBeGreaterThan(0);
      expect(result.usage.outputTokens).toBeGreaterThan(0);
    });

    it('sends the system and user messages to the backend', async () => {
      harness.answerNext('ok');
      await harness.model.generateText({
        messages: [
          { role: 'system', content: 'Systemregel nummer sju.' },
          { role: 'user', content: 'Brukerens spørsmål om vær.' },
        ],
      });
      expect(harness.lastPrompt()).toContain('Systemregel nummer sju.');
      expect(harness.lastPrompt()).toContain('Brukerens spørsmål om vær.');
    });

    it('streams deltas that add up to the answer, then exactly one finish part', async () => {
      const answer = 'Dette er et lengre svar som kommer i flere biter.';
      harness.answerNext(answer);
      const parts: TextStreamPart[] = [];
      for await (const part of harness.model.streamText({
        messages: [{ role: 'user', content: 'Fortell.' }],
      })) {
        parts.push(part);
      }
      const text = parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');
      expect(text).toBe(answer);
      expect(parts.filter((part) => part.type === 'finish')).toHaveLength(1);
      expect(parts.at(-1)?.type).toBe('finish');
    });

    it('returns a validated object for a structured request', async () => {
      harness.answerNext(JSON.stringify({ name: 'otitt', count: 2 }));
      const result = await generateObject(harness.model, {
        messages: [{ role: 'user', content: 'Gi JSON.' }],
        schema: ObjectSchema,
        schemaName: 'contract_object',
      });
      expect(result.success).toBe(true);
      if (result.success) expect(result.object).toEqual({ name: 'otitt', count: 2 });
    });

    it('reports schema violations as issues instead of throwing', async () => {
      harness.answerNext(JSON.stringify({ name: 5 }));
      const result = await generateObject(harness.model, {
        messages: [{ role: 'user', content: 'Gi JSON.' }],
        schema: ObjectSchema,
        schemaName: 'contract_object',
      });
      expect(result.success).toBe(false);
      if (!result.success) expect(result.issues.length).toBeGreaterThan(0);
    });

    it('reports an answer that is not JSON as an issue', async () => {
      harness.answerNext('Beklager, jeg kan ikke svare med JSON.');
      const result = await generateObject(harness.model, {
        messages: [{ role: 'user', content: 'Gi JSON.' }],
        schema: ObjectSchema,
        schemaName: 'contract_object',
      });
      expect(result.success).toBe(false);
    });

    it('rejects a call whose signal is already aborted with an AppError', async () => {
      const controller = new AbortController();
      controller.abort();
      harness.answerNext('skal ikke brukes');
      const error: unknown = await harness.model
        .generateText({ messages: [{ role: 'user', content: 'Hei.' }], signal: controller.signal })
        .catch((caught: unknown) => caught);
      expect(isAppError(error)).toBe(true);
    });
  });
}
