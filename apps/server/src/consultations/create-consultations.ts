import type { Consultation, ConsultationSetting, Language } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import type { ParsedConsultation, TranscriptInputFormat } from '@kollega/clinical';
import { parseConsultationValue, parseTranscriptInput, prepareTranscript } from '@kollega/clinical';
import type { AppContext } from '../context';
import {
  CreateConsultationFromContentSchema,
  CreateConsultationFromTurnsSchema,
  parseRequestBody,
} from '../http/api-schemas';

/** Metadata a request gives for the consultations it creates; it wins over what the file says. */
export interface ConsultationOverrides {
  title?: string;
  language?: Language;
  setting?: ConsultationSetting;
}

/** "dd.mm.åååå tt:mm" in Norwegian time, for default titles and approval lines. */
export function formatNorwegianDateTime(date: Date, options: { withTime: boolean }): string {
  const parts = new Intl.DateTimeFormat('nb-NO', {
    timeZone: 'Europe/Oslo',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(options.withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((item) => item.type === type)?.value ?? '';
  const day = `${part('day')}.${part('month')}.${part('year')}`;
  return options.withTime ? `${day} ${part('hour')}:${part('minute')}` : day;
}

/** The title of a consultation created without one: never patient text, only the file's id or the time. */
export function defaultConsultationTitle(parsed: ParsedConsultation, now: Date): string {
  return parsed.externalId === undefined
    ? `Konsultasjon ${formatNorwegianDateTime(now, { withTime: true })}`
    : `Konsultasjon ${parsed.externalId}`;
}

/** Reads POST /api/consultations: `{transcript: [turns]}` or `{content, format?, filename?}`. */
export function parseCreateConsultationBody(body: unknown): {
  parsed: ParsedConsultation[];
  overrides: ConsultationOverrides;
  format: string;
} {
  const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : undefined;
  if (record && 'transcript' in record) {
    const request = parseRequestBody(CreateConsultationFromTurnsSchema, body);
    const { title, language, setting } = request;
    return {
      parsed: parseConsultationValue({ transcript: request.transcript }),
      overrides: { title, language, setting },
      format: 'turns',
    };
  }
  if (record && 'content' in record) {
    const request = parseRequestBody(CreateConsultationFromContentSchema, body);
    const { title, language, setting } = request;
    const format: TranscriptInputFormat = request.format ?? 'auto';
    return {
      parsed: parseTranscriptInput(request.content, {
        format,
        ...(request.filename === undefined ? {} : { filename: request.filename }),
      }),
      overrides: { title, language, setting },
      format,
    };
  }
  throw new AppError(
    'invalid_input',
    'Send «transcript» (en liste med replikker) eller «content» (innholdet i en transkripsjonsfil)',
    { details: { field: 'transcript' } },
  );
}

/** Resolves speaker roles and stores each parsed consultation; request overrides win over the file. */
export async function storeConsultations(
  context: AppContext,
  parsed: readonly ParsedConsultation[],
  overrides: ConsultationOverrides,
): Promise<Consultation[]> {
  const created: Consultation[] = [];
  for (const item of parsed) {
    const prepared = prepareTranscript(item);
    const setting = overrides.setting ?? prepared.setting;
    created.push(
      await context.storage.consultations.create({
        title: overrides.title ?? prepared.title ?? defaultConsultationTitle(prepared, context.now()),
        language: overrides.language ?? prepared.language,
        transcript: prepared.transcript,
        ...(prepared.externalId === undefined ? {} : { externalId: prepared.externalId }),
        ...(setting === undefined ? {} : { setting }),
      }),
    );
  }
  return created;
}
