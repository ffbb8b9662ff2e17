import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AppError,
  ConsultationSchema,
  ConsultationSettingSchema,
  LanguageSchema,
  NoteRecordSchema,
  SegmentSchema,
  SpeakerRoleSchema,
} from '@kollega/domain';
import type { AppContext } from '../context';
import { runAudited } from '../audit/audited';
import { parseRequestBody } from '../http/api-schemas';
import { CHUNK_SECONDS } from './audio-config';
import type { AudioServiceOptions, UploadedAudio } from './audio-service';
import { AudioService } from './audio-service';
import { toRecordingView, toRetentionView } from './audio-views';

const services = new WeakMap<AppContext, AudioService>();
const pendingOptions = new WeakMap<AppContext, AudioServiceOptions>();

/** Sets the audio seams (engine, store, settings) for a context before its server is built; for tests. */
export function provideAudioOptions(context: AppContext, options: AudioServiceOptions): void {
  pendingOptions.set(context, options);
}

/** The audio service of a context (made when its routes are registered). */
export function getAudioService(context: AppContext): AudioService {
  let service = services.get(context);
  if (service === undefined) {
    service = new AudioService(context, pendingOptions.get(context) ?? {});
    services.set(context, service);
  }
  return service;
}

const StartRecordingBodySchema = z.object({
  language: LanguageSchema,
  title: z.string().trim().min(1).max(200).optional(),
  setting: ConsultationSettingSchema.optional(),
  consent: z.object({ given: z.boolean(), by: z.string().trim().min(1).max(100) }),
  mimeType: z.string().max(100).optional(),
});

const ChunkQuerySchema = z.object({
  sequence: z.coerce.number().int().min(0).max(1_000_000),
  part: z.coerce.number().int().min(0).max(10_000),
});

const SegmentsAfterQuerySchema = z.object({ segmentsAfter: z.coerce.number().int().min(0).optional() });

const SpeakerRolesBodySchema = z.object({
  segments: z
    .array(z.object({ id: z.string().min(1).max(100), speaker: SpeakerRoleSchema }))
    .min(1)
    .max(10_000),
  by: z.string().trim().min(1).max(100).optional(),
});

const DeleteAudioQuerySchema = z.object({ by: z.string().trim().min(1).max(100).optional() });

const RecordingViewSchema = z.object({
  id: z.string(),
  consultationId: z.string(),
  source: z.enum(['recording', 'upload']),
  status: z.enum(['consent_refused', 'recording', 'processing', 'transcribed', 'no_speech', 'failed']),
  language: LanguageSchema,
  consent: z.object({ given: z.boolean(), by: z.string(), at: z.string() }),
  partCount: z.number(),
  nextSequence: z.number(),
  receivedBytes: z.number(),
  durationSeconds: z.number().optional(),
  processedSeconds: z.number(),
  partDurations: z.array(z.number()),
  engine: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  audioAvailable: z.boolean(),
  expiresAt: z.string().optional(),
  deletedAt: z.string().optional(),
  deletionReason: z.string().optional(),
  createdAt: z.string(),
  stoppedAt: z.string().optional(),
});

const RecordingStatusSchema = z.object({
  recording: RecordingViewSchema,
  retention: z.object({
    policy: z.enum(['on_approval', 'hours']),
    hours: z.number().optional(),
    description: z.string(),
  }),
  segments: z.array(SegmentSchema),
  segmentCount: z.number(),
  draft: z.object({ text: z.string(), warnings: z.array(z.string()), updatedAt: z.string() }).optional(),
  noteId: z.string().optional(),
  message: z.string().optional(),
});

const AudioSettingsSchema = z.object({
  engine: z.object({
    id: z.string().optional(),
    displayName: z.string().optional(),
    languages: z.array(LanguageSchema).optional(),
    local: z.boolean().optional(),
    error: z.string().optional(),
  }),
  limits: z.object({ maxDurationSeconds: z.number(), maxBytes: z.number(), chunkSeconds: z.number() }),
  retention: RecordingStatusSchema.shape.retention,
});

const ChunkReceiptSchema = z.object({
  duplicate: z.boolean(),
  nextSequence: z.number(),
  partCount: z.number(),
  receivedBytes: z.number(),
});

const recordingCreated = z.object({ recording: RecordingViewSchema, consultationId: z.string() });

/** The shape of `ApiOperation` (http/openapi.ts), repeated here so this module does not import its importer. */
interface AudioOperation {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  requestBody?: { contentType: string; schema: z.ZodType | Record<string, unknown>; required: boolean };
  responses: Record<
    string,
    { description: string; schema?: z.ZodType | Record<string, unknown>; contentType?: string }
  >;
}

/** The audio routes for the API description (spread into `API_OPERATIONS`). */
export const AUDIO_OPERATIONS: readonly AudioOperation[] = [
  {
    method: 'get',
    path: '/api/audio/settings',
    summary: 'Talegjenkjenner, grenser (lengde, størrelse) og hvor lenge lyd beholdes',
    responses: { '200': { description: 'Innstillingene', schema: AudioSettingsSchema } },
  },
  {
    method: 'post',
    path: '/api/audio/recordings',
    summary: 'Start et lydopptak: lager konsultasjonen og registrerer pasientens samtykke (eller nei)',
    requestBody: { contentType: 'application/json', schema: StartRecordingBodySchema, required: true },
    responses: { '201': { description: 'Opptaket og konsultasjonen', schema: recordingCreated } },
  },
  {
    method: 'get',
    path: '/api/audio/recordings/{id}',
    summary: 'Status for et opptak: fremdrift, transkripsjonen så langt (?segmentsAfter=N) og løpende utkast',
    responses: { '200': { description: 'Status', schema: RecordingStatusSchema } },
  },
  {
    method: 'post',
    path: '/api/audio/recordings/{id}/chunks',
    summary: 'Legg til et lydbit (?sequence=N&part=P); samme nummer igjen lagres ikke to ganger',
    requestBody: {
      contentType: 'application/octet-stream',
      schema: { type: 'string', format: 'binary' },
      required: true,
    },
    responses: { '200': { description: 'Kvittering', schema: ChunkReceiptSchema } },
  },
  {
    method: 'post',
    path: '/api/audio/recordings/{id}/stop',
    summary: 'Avslutt opptaket; resten transkriberes og notatet skrives',
    responses: { '202': { description: 'Opptaket', schema: RecordingViewSchema } },
  },
  {
    method: 'post',
    path: '/api/audio/recordings/{id}/retry',
    summary: 'Transkriber et mislykket opptak på nytt (mens lyden finnes)',
    responses: { '202': { description: 'Opptaket', schema: RecordingViewSchema } },
  },
  {
    method: 'post',
    path: '/api/audio/uploads',
    summary: 'Last opp en lydfil (wav, mp3, m4a, ogg/opus, webm) med samtykke; den transkriberes',
    requestBody: {
      contentType: 'multipart/form-data',
      schema: {
        type: 'object',
        properties: {
          language: { type: 'string' },
          title: { type: 'string' },
          setting: { type: 'string' },
          consentGiven: { type: 'string' },
          consentBy: { type: 'string' },
          file: { type: 'string', format: 'binary' },
        },
        required: ['language', 'consentGiven', 'consentBy', 'file'],
      },
      required: true,
    },
    responses: { '201': { description: 'Opptaket og konsultasjonen', schema: recordingCreated } },
  },
  {
    method: 'get',
    path: '/api/consultations/{id}/recording',
    summary: 'Konsultasjonens lydopptak (samtykke, status, hva som beholdes)',
    responses: { '200': { description: 'Status', schema: RecordingStatusSchema } },
  },
  {
    method: 'get',
    path: '/api/consultations/{id}/audio',
    summary: 'Lyden som 16 kHz WAV (med Range), så lenge den beholdes',
    responses: {
      '200': { description: 'Lyden', contentType: 'audio/wav', schema: { type: 'string', format: 'binary' } },
      '206': {
        description: 'En del av lyden',
        contentType: 'audio/wav',
        schema: { type: 'string', format: 'binary' },
      },
    },
  },
  {
    method: 'delete',
    path: '/api/consultations/{id}/audio',
    summary: 'Slett lyden nå (transkripsjonen og notatet beholdes); slettingen logges',
    responses: { '200': { description: 'Opptaket', schema: RecordingViewSchema } },
  },
  {
    method: 'patch',
    path: '/api/consultations/{id}/transcript',
    summary: 'Rett talerroller per replikk; notatet skrives på nytt',
    requestBody: { contentType: 'application/json', schema: SpeakerRolesBodySchema, required: true },
    responses: {
      '200': {
        description: 'Konsultasjonen og notatet',
        schema: z.object({ consultation: ConsultationSchema, note: NoteRecordSchema.optional() }),
      },
    },
  },
];

/** Reads `bytes=START-END` (or `START-`, `-SUFFIX`) against a size; undefined without a header. */
export function parseByteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return 'unsatisfiable';
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(size - 1, Number(match[2]));
  }
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

function readMultipartField(fields: Record<string, unknown>, name: string): string | undefined {
  const part = fields[name];
  const single = (Array.isArray(part) ? part[0] : part) as { type?: string; value?: unknown } | undefined;
  return single?.type === 'field' && typeof single.value === 'string' && single.value.trim() !== ''
    ? single.value.trim()
    : undefined;
}

/** Reads the upload form: fields first, then the file, streamed to disk within the size limit. */
async function readAudioUpload(
  request: FastifyRequest,
  service: AudioService,
): Promise<{ upload: UploadedAudio; fields: Record<string, string | undefined> }> {
  const file = await request.file();
  if (!file || file.fieldname !== 'file') {
    throw new AppError('invalid_input', 'Mangler lydfil i feltet «file»', { details: { field: 'file' } });
  }
  const fields = Object.fromEntries(
    ['language', 'title', 'setting', 'consentGiven', 'consentBy'].map((name) => [
      name,
      readMultipartField(file.fields as Record<string, unknown>, name),
    ]),
  );
  try {
    const upload = await service.receiveUpload(file.file, file.filename);
    if (file.file.truncated) throw new AppError('payload_too_large', 'Lydfilen er for stor');
    return { upload: { ...upload, ...(file.mimetype === '' ? {} : { mimeType: file.mimetype }) }, fields };
  } catch (error) {
    if (
      (error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE' ||
      (error instanceof AppError && error.code === 'payload_too_large')
    ) {
      throw new AppError(
        'payload_too_large',
        `Lydfilen er for stor (maks ${Math.round(service.config.maxBytes / (1024 * 1024))} MB)`,
        { details: { maxBytes: service.config.maxBytes } },
      );
    }
    throw error;
  }
}

function sendAudio(
  reply: FastifyReply,
  input: { stream: NodeJS.ReadableStream; size: number; range?: { start: number; end: number } },
) {
  reply.header('accept-ranges', 'bytes').header('cache-control', 'no-store').type('audio/wav');
  if (input.range === undefined) {
    reply.header('content-length', String(input.size));
    return reply.status(200).send(input.stream);
  }
  reply
    .header('content-range', `bytes ${input.range.start}-${input.range.end}/${input.size}`)
    .header('content-length', String(input.range.end - input.range.start + 1));
  return reply.status(206).send(input.stream);
}

/**
 * Audio routes: start a recording with consent, append chunks durably, stop, upload a file, follow progress,
 * play the audio, delete it, and correct speaker roles. Audio of an approved note is deleted (policy
 * "on approval"), and a periodic sweep applies the retention policy.
 */
export function registerAudioRoutes(app: FastifyInstance, context: AppContext): void {
  const service = getAudioService(context);
  app.addHook('onReady', async () => {
    await service.start();
  });
  app.addHook('onClose', async () => {
    await service.close();
  });
  // Approving a note deletes its audio (the default policy); the sweep catches any approval missed here.
  app.addHook('onResponse', async (request, reply) => {
    if (request.routeOptions.url !== '/api/notes/:noteId/approve' || reply.statusCode !== 200) return;
    const { noteId } = request.params as { noteId: string };
    await service.handleNoteApproved(noteId).catch(() => undefined);
  });

  app.get('/api/audio/settings', () => ({
    engine: service.describeEngine(),
    limits: {
      maxDurationSeconds: service.config.maxDurationSeconds,
      maxBytes: service.config.maxBytes,
      chunkSeconds: CHUNK_SECONDS,
    },
    retention: toRetentionView(service.config.retention),
  }));

  app.post('/api/audio/recordings', async (request, reply) => {
    const body = parseRequestBody(StartRecordingBodySchema, request.body);
    // Signed in, the consent is recorded in the session user's name, whatever the body says.
    const by = context.scope.currentUser()?.displayName ?? body.consent.by;
    const created = await runAudited(
      context,
      {
        action: body.consent.given ? 'audio.record_start' : 'audio.consent_refused',
        entityType: 'audio',
        entityId: '',
        actor: by,
        details: { consentGiven: body.consent.given, language: body.language },
      },
      () =>
        service.startRecording({
          language: body.language,
          consent: { given: body.consent.given, by },
          ...(body.title === undefined ? {} : { title: body.title }),
          ...(body.setting === undefined ? {} : { setting: body.setting }),
          ...(body.mimeType === undefined ? {} : { mimeType: body.mimeType }),
        }),
      (result) => ({ entityId: result.recording.id, details: { consultationId: result.consultation.id } }),
    );
    return reply
      .status(201)
      .send({ recording: toRecordingView(created.recording), consultationId: created.consultation.id });
  });

  app.get<{ Params: { id: string } }>('/api/audio/recordings/:id', async (request) => {
    const query = parseRequestBody(SegmentsAfterQuerySchema, request.query);
    return service.describeRecording(request.params.id, query.segmentsAfter ?? 0);
  });

  // Raw audio bytes only here, in its own scope.
  void app.register((scope, _options, ready) => {
    scope.addContentTypeParser(
      /^(?:application\/octet-stream|audio\/[\w.+-]+|video\/webm)(?:;.*)?$/,
      { parseAs: 'buffer', bodyLimit: 16 * 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );
    scope.post<{ Params: { id: string } }>('/api/audio/recordings/:id/chunks', async (request) => {
      const query = parseRequestBody(ChunkQuerySchema, request.query);
      const data = request.body;
      if (!Buffer.isBuffer(data)) {
        throw new AppError(
          'unsupported_media_type',
          'Send lydbiten som audio/webm eller application/octet-stream',
        );
      }
      return service.appendChunk(request.params.id, { sequence: query.sequence, part: query.part, data });
    });
    ready();
  });

  app.post<{ Params: { id: string } }>('/api/audio/recordings/:id/stop', async (request, reply) => {
    const recording = await service.stopRecording(request.params.id);
    return reply.status(202).send(toRecordingView(recording));
  });

  app.post<{ Params: { id: string } }>('/api/audio/recordings/:id/retry', async (request, reply) => {
    const recording = await runAudited(
      context,
      { action: 'audio.retry', entityType: 'audio', entityId: request.params.id },
      () => service.retry(request.params.id),
    );
    return reply.status(202).send(toRecordingView(recording));
  });

  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: service.config.maxBytes + 1, files: 1, fields: 10, parts: 12, fieldSize: 4 * 1024 },
      throwFileSizeLimit: true,
    });
    scope.post('/api/audio/uploads', async (request, reply) => {
      const created = await runAudited(
        context,
        { action: 'audio.upload', entityType: 'audio', entityId: '' },
        async () => {
          const { upload, fields } = await readAudioUpload(request, service);
          const language = LanguageSchema.safeParse(fields.language);
          if (!language.success) {
            throw new AppError('invalid_input', 'Mangler eller ugyldig språk (nb eller en)', {
              details: { field: 'language' },
            });
          }
          const setting =
            fields.setting === undefined
              ? undefined
              : ConsultationSettingSchema.safeParse(fields.setting).data;
          const consentBy = context.scope.currentUser()?.displayName ?? fields.consentBy;
          if (consentBy === undefined) {
            throw new AppError('invalid_input', 'Mangler hvem som registrerte samtykket', {
              details: { field: 'consentBy' },
            });
          }
          return service.acceptUpload(upload, {
            language: language.data,
            consent: { given: fields.consentGiven === 'true', by: consentBy.slice(0, 100) },
            ...(fields.title === undefined ? {} : { title: fields.title.slice(0, 200) }),
            ...(setting === undefined ? {} : { setting }),
          });
        },
        (result) => ({ entityId: result.recording.id, details: { consultationId: result.consultation.id } }),
      );
      return reply
        .status(201)
        .send({ recording: toRecordingView(created.recording), consultationId: created.consultation.id });
    });
  });

  app.get<{ Params: { id: string } }>('/api/consultations/:id/recording', async (request) => {
    const recording = await service.findByConsultation(request.params.id);
    const query = parseRequestBody(SegmentsAfterQuerySchema, request.query);
    return service.describeRecording(recording.id, query.segmentsAfter ?? 0);
  });

  app.get<{ Params: { id: string } }>('/api/consultations/:id/audio', async (request, reply) => {
    const size = await service.audioSize(request.params.id);
    const range = parseByteRange(request.headers.range, size);
    if (range === 'unsatisfiable') {
      return reply.status(416).header('content-range', `bytes */${size}`).send();
    }
    const opened = await runAudited(
      context,
      {
        action: 'audio.read',
        entityType: 'audio',
        entityId: '',
        details: { consultationId: request.params.id, ranged: range !== undefined },
      },
      () => service.openAudio(request.params.id, range),
      (result) => ({ entityId: result.recording.id }),
    );
    return sendAudio(reply, {
      stream: opened.stream,
      size: opened.size,
      ...(range === undefined ? {} : { range }),
    });
  });

  app.delete<{ Params: { id: string } }>('/api/consultations/:id/audio', async (request) => {
    const query = parseRequestBody(DeleteAudioQuerySchema, request.query);
    const recording = await service.findByConsultation(request.params.id);
    if (recording.status === 'recording' || recording.status === 'processing') {
      throw new AppError('conflict', 'Opptaket pågår; stopp det før lyden slettes', {
        details: { recordingId: recording.id, status: recording.status },
      });
    }
    const actor = context.scope.currentUser()?.displayName ?? query.by ?? 'anonym';
    return toRecordingView(await service.deleteAudio(recording.id, 'requested', actor));
  });

  app.patch<{ Params: { id: string } }>('/api/consultations/:id/transcript', async (request) => {
    const body = parseRequestBody(SpeakerRolesBodySchema, request.body);
    return runAudited(
      context,
      {
        action: 'transcript.update_speakers',
        entityType: 'consultation',
        entityId: request.params.id,
        ...(body.by === undefined ? {} : { actor: body.by }),
        details: { count: body.segments.length },
      },
      () => service.updateSpeakerRoles(request.params.id, body.segments, body.by ?? 'anonym'),
    );
  });
}
