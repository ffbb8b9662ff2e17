import { z } from 'zod';
import type {
  AppliedResponseFormat,
  FinishReason,
  GenerateTextRequest,
  JsonSchema,
  TextModel,
  TokenUsage,
} from './text-model';

/** A request for structured output validated by a zod schema. */
export interface GenerateObjectRequest<T> extends Omit<GenerateTextRequest, 'responseFormat'> {
  schema: z.ZodType<T>;
  /** Short name of the schema sent with JSON-schema output (`kollega_note`). */
  schemaName: string;
}

/** What every structured answer carries, valid or not. */
interface GenerateObjectBase {
  /** The raw answer, kept for a repair call. Patient text: never log it. */
  text: string;
  usage: TokenUsage;
  finishReason: FinishReason;
  responseFormat: AppliedResponseFormat;
}

/**
 * A validated object, or the reasons the answer failed validation. Validation failure is data,
 * not an exception: the caller decides whether to repair or fall back. `issues` name paths and
 * rules only, never answer text, so they are safe to send back to the model or to log.
 */
export type GenerateObjectResult<T> =
  | (GenerateObjectBase & { success: true; object: T })
  | (GenerateObjectBase & { success: false; issues: string[] });

/** A zod schema as JSON Schema for `response_format`, without the `$schema` key servers reject. */
export function toJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema) as JsonSchema;
  return rest;
}

/** Takes the JSON out of an answer: plain, in a ```json fence, or between the first { and last }. */
function extractJson(text: string): unknown {
  const candidates = [text.trim()];
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  if (fenced?.[1]) candidates.push(fenced[1].trim());
  const first = text.indexOf('{');
  const last = text.lastIndexOf('}');
  if (first !== -1 && last > first) candidates.push(text.slice(first, last + 1));
  for (const candidate of candidates) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // Try the next candidate; the parser's message quotes the answer, so it is not kept.
    }
  }
  return undefined;
}

/** Parses and validates a model answer against a schema; see `GenerateObjectResult`. */
export function parseJsonAnswer<T>(
  text: string,
  schema: z.ZodType<T>,
): { success: true; object: T } | { success: false; issues: string[] } {
  const json = extractJson(text);
  if (json === undefined) return { success: false, issues: ['Svaret er ikke gyldig JSON.'] };
  const parsed = schema.safeParse(json);
  if (parsed.success) return { success: true, object: parsed.data };
  return {
    success: false,
    issues: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(rot)'}: ${issue.message}`),
  };
}

/**
 * Generates JSON that follows a zod schema. Asks for JSON-schema output; adapters degrade to JSON
 * mode and then to instructions in the prompt when the server rejects it. The answer is parsed and
 * validated here — model output is never trusted without a schema.
 */
export async function generateObject<T>(
  model: TextModel,
  request: GenerateObjectRequest<T>,
): Promise<GenerateObjectResult<T>> {
  const { schema, schemaName, ...rest } = request;
  const result = await model.generateText({
    ...rest,
    responseFormat: { type: 'json-schema', name: schemaName, schema: toJsonSchema(schema) },
  });
  const parsed = parseJsonAnswer(result.text, schema);
  const base: GenerateObjectBase = {
    text: result.text,
    usage: result.usage,
    finishReason: result.finishReason,
    responseFormat: result.responseFormat,
  };
  return parsed.success
    ? { ...base, success: true, object: parsed.object }
    : { ...base, success: false, issues: parsed.issues };
}
