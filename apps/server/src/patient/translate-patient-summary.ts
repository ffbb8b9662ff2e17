import { z } from 'zod';
import type { TextModel } from '@kollega/ai';
import { generateObject, textModelId } from '@kollega/ai';
import { AppError } from '@kollega/domain';
import type { PatientSummary } from '@kollega/clinical';
import { computePatientSummaryLix } from '@kollega/clinical';

/** Names of the languages the page offers for machine translation (ISO 639-1), in English for the prompt. */
export const TRANSLATION_LANGUAGES: Readonly<Record<string, string>> = {
  en: 'English',
  pl: 'Polish',
  lt: 'Lithuanian',
  uk: 'Ukrainian',
  ru: 'Russian',
  so: 'Somali',
  ro: 'Romanian',
  tr: 'Turkish',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
  sv: 'Swedish',
  nb: 'Norwegian Bokmål',
};

const TranslationSchema = z.object({
  title: z.string().min(1),
  sections: z.array(z.object({ id: z.string(), title: z.string().min(1) })),
  sentences: z.array(z.object({ id: z.string(), text: z.string().min(1) })),
});

/** Digit runs of a text ("660", "113", "116117", "38,5" → "38" and "5"): a translation must keep them all. */
function digitsOf(text: string): string {
  return (text.match(/\d+/g) ?? []).sort().join(' ');
}

/**
 * Translates a patient summary with a language model and marks it machine-translated. The model gets only the
 * summary's text (the registry de-identifies it for providers that are not local) and must return every
 * sentence by id; a sentence whose numbers changed (a dose, a phone number) is marked `unsupported` so the
 * doctor checks it. Citations of sources stay as they are.
 */
export async function translatePatientSummary(
  model: TextModel,
  summary: PatientSummary,
  target: string,
  context: { consultationId?: string; user?: string } = {},
): Promise<PatientSummary> {
  const targetName = TRANSLATION_LANGUAGES[target] ?? target;
  const sourceName = TRANSLATION_LANGUAGES[summary.language] ?? summary.language;
  const input = {
    title: summary.title,
    sections: summary.sections.map((section) => ({ id: section.id, title: section.title })),
    sentences: summary.sections.flatMap((section) =>
      section.sentences.map((sentence) => ({ id: sentence.id, text: sentence.text })),
    ),
  };
  const result = await generateObject(model, {
    schema: TranslationSchema,
    schemaName: 'kollega_patient_summary_translation',
    temperature: 0,
    messages: [
      {
        role: 'system',
        content:
          `You translate patient information from ${sourceName} to ${targetName}. Translate every title and sentence, ` +
          'keeping the same ids. Keep the meaning exactly: add nothing, leave nothing out, explain nothing. Keep all ' +
          'numbers, doses, units, drug names and phone numbers (113, 116117) exactly as written. Use plain, short ' +
          'sentences a patient understands. Answer with JSON only: {"title", "sections": [{"id", "title"}], ' +
          '"sentences": [{"id", "text"}]}.',
      },
      { role: 'user', content: JSON.stringify(input) },
    ],
    context: { purpose: 'translation', ...context },
  });
  if (!result.success) {
    throw new AppError('unavailable', 'Språkmodellen ga ikke en gyldig oversettelse; prøv igjen', {
      details: { issues: result.issues.length },
    });
  }
  const sentenceText = new Map(result.object.sentences.map((sentence) => [sentence.id, sentence.text]));
  const sectionTitle = new Map(result.object.sections.map((section) => [section.id, section.title]));
  const missing = input.sentences.filter((sentence) => !sentenceText.has(sentence.id));
  if (missing.length > 0) {
    throw new AppError('unavailable', 'Språkmodellen oversatte ikke alle setningene; prøv igjen', {
      details: { missing: missing.length },
    });
  }
  const translated: PatientSummary = {
    ...summary,
    language: target,
    title: result.object.title,
    engine: textModelId(model),
    machineTranslated: true,
    sections: summary.sections.map((section) => ({
      ...section,
      title: sectionTitle.get(section.id) ?? section.title,
      sentences: section.sentences.map((sentence) => {
        const text = sentenceText.get(sentence.id) ?? sentence.text;
        const numbersKept = digitsOf(text) === digitsOf(sentence.text);
        return {
          ...sentence,
          text,
          support: numbersKept ? ('unverified' as const) : ('unsupported' as const),
        };
      }),
    })),
  };
  return { ...translated, lix: computePatientSummaryLix(translated) };
}
