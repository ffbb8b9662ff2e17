import type { ConsultationSetting, Language, Note, Transcript, Warning } from '@kollega/domain';
import type { TextModelMiddleware } from '../middleware/wrap-text-model';
import { wrapTextModel } from '../middleware/wrap-text-model';
import type { TextModel } from '../models/text-model';
import { draftNoteWithModel } from './draft-note-with-model';

/** One case to draft: the transcript and how to write the note. */
export interface CountedDraftRequest {
  transcript: Transcript;
  language: Language;
  template?: string;
  setting?: ConsultationSetting;
}

/** The drafted note with the tokens every call for it used (repairs and chunks included). */
export interface CountedDraft {
  text: string;
  note: Note;
  tokensIn: number;
  tokensOut: number;
  warnings: Warning[];
}

/**
 * A drafting function for evaluation: the note pipeline (`draftNoteWithModel`: chunking, structured output, one
 * repair, fallback to the built-in engine) on `model`, with a middleware that adds up the tokens of each case.
 */
export function createTokenCountingDrafter(
  model: TextModel,
): (request: CountedDraftRequest) => Promise<CountedDraft> {
  return async (request) => {
    const usage = { input: 0, output: 0 };
    const countTokens: TextModelMiddleware = {
      async wrapGenerate({ request: call, next }) {
        const result = await next(call);
        usage.input += result.usage.inputTokens;
        usage.output += result.usage.outputTokens;
        return result;
      },
      async *wrapStream({ request: call, next }) {
        for await (const part of next(call)) {
          if (part.type === 'finish') {
            usage.input += part.usage.inputTokens;
            usage.output += part.usage.outputTokens;
          }
          yield part;
        }
      },
    };
    const drafted = await draftNoteWithModel({
      transcript: request.transcript,
      model: wrapTextModel({ model, middleware: countTokens }),
      language: request.language,
      ...(request.template ? { template: request.template } : {}),
      ...(request.setting ? { setting: request.setting } : {}),
    });
    return {
      text: drafted.value.text,
      note: drafted.value.note,
      tokensIn: usage.input,
      tokensOut: usage.output,
      warnings: drafted.warnings,
    };
  };
}
