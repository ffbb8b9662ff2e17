import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Consultation } from '@kollega/domain';
import { AppError, ConsultationSettingSchema, LanguageSchema } from '@kollega/domain';
import { parseTranscriptInput } from '@kollega/clinical';
import type { AppContext } from '../context';
import { runAudited } from '../audit/audited';
import { InputFormatSchema } from '../http/api-schemas';
import type { ConsultationOverrides } from './create-consultations';
import { parseCreateConsultationBody, storeConsultations } from './create-consultations';
import { requireConsultation } from '../notes/note-service';

/** One consultation as itself; several (JSON Lines) as `{items}`. */
function toCreatedResponse(created: Consultation[]): Consultation | { items: Consultation[] } {
  return created.length === 1 && created[0] ? created[0] : { items: created };
}

function describeCreated(created: Consultation[], format: string) {
  return {
    entityId: created[0]?.id ?? '',
    details: {
      count: created.length,
      format,
      ...(created.length > 1
        ? { consultationIds: created.map((consultation) => consultation.id).join(',') }
        : {}),
    },
  };
}

function decodeUtf8(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new AppError(
      'unsupported_media_type',
      'Filen er ikke UTF-8-tekst; last opp en transkripsjon (.txt, .json, .jsonl, .vtt, .srt)',
    );
  }
}

/** Reads the single `file` part of a multipart upload and the optional fields sent before it. */
async function readUpload(request: FastifyRequest): Promise<{
  content: string;
  filename: string;
  format: ReturnType<typeof InputFormatSchema.parse>;
  overrides: ConsultationOverrides;
}> {
  const file = await request.file();
  if (!file)
    throw new AppError('invalid_input', 'Mangler fil i feltet «file»', { details: { field: 'file' } });
  if (file.fieldname !== 'file') {
    throw new AppError('invalid_input', 'Filen må sendes i feltet «file»', { details: { field: 'file' } });
  }
  const buffer = await file.toBuffer();
  const field = (name: string): string | undefined => {
    const part = file.fields[name];
    const single = Array.isArray(part) ? part[0] : part;
    return single && single.type === 'field' && typeof single.value === 'string' && single.value.trim() !== ''
      ? single.value.trim()
      : undefined;
  };
  const readField = <T>(name: string, parse: (value: string) => T | undefined): T | undefined => {
    const value = field(name);
    if (value === undefined) return undefined;
    const parsed = parse(value);
    if (parsed === undefined) {
      throw new AppError('invalid_input', `Ugyldig verdi i feltet «${name}»`, { details: { field: name } });
    }
    return parsed;
  };
  const title = field('title');
  const language = readField('language', (value) => LanguageSchema.safeParse(value).data);
  const setting = readField('setting', (value) => ConsultationSettingSchema.safeParse(value).data);
  return {
    content: decodeUtf8(buffer),
    filename: file.filename,
    format: readField('format', (value) => InputFormatSchema.safeParse(value).data) ?? 'auto',
    overrides: {
      ...(title === undefined ? {} : { title: title.slice(0, 200) }),
      ...(language === undefined ? {} : { language }),
      ...(setting === undefined ? {} : { setting }),
    },
  };
}

/** Consultation routes: create (JSON or upload), list, read. */
export function registerConsultationRoutes(app: FastifyInstance, context: AppContext): void {
  app.post('/api/consultations', async (request, reply) => {
    const created = await runAudited(
      context,
      { action: 'consultation.create', entityType: 'consultation', entityId: '' },
      async () => {
        const { parsed, overrides, format } = parseCreateConsultationBody(request.body);
        return { created: await storeConsultations(context, parsed, overrides), format };
      },
      (result) => describeCreated(result.created, result.format),
    );
    return reply.status(201).send(toCreatedResponse(created.created));
  });

  // Multipart only here, in its own scope: other routes answer multipart with 415.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: {
        fileSize: context.config.maxUploadBytes,
        files: 1,
        fields: 10,
        parts: 12,
        fieldSize: 64 * 1024,
      },
      throwFileSizeLimit: true,
    });
    scope.post('/api/consultations/upload', async (request, reply) => {
      const created = await runAudited(
        context,
        {
          action: 'consultation.create',
          entityType: 'consultation',
          entityId: '',
          details: { source: 'upload' },
        },
        async () => {
          const upload = await readUpload(request);
          const parsed = parseTranscriptInput(upload.content, {
            filename: upload.filename,
            format: upload.format,
          });
          return {
            created: await storeConsultations(context, parsed, upload.overrides),
            format: upload.format,
          };
        },
        (result) => describeCreated(result.created, result.format),
      );
      return reply.status(201).send(toCreatedResponse(created.created));
    });
  });

  app.get('/api/consultations', async () => {
    const items = await runAudited(
      context,
      { action: 'consultation.list', entityType: 'consultation', entityId: '' },
      () => context.storage.consultations.listSummaries(),
      (result) => ({ details: { count: result.length } }),
    );
    return { items };
  });

  app.get<{ Params: { id: string } }>('/api/consultations/:id', async (request) =>
    runAudited(
      context,
      { action: 'consultation.read', entityType: 'consultation', entityId: request.params.id },
      () => requireConsultation(context, request.params.id),
    ),
  );
}
