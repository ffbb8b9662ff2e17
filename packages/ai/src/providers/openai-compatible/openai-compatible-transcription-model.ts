import { z } from 'zod';
import type {
  TranscriptionModel,
  TranscriptionRequest,
  TranscriptionResult,
} from '../../models/transcription-model';
import { httpStatusError, malformedResponseError, transportError } from '../provider-errors';
import type { OpenAICompatibleSettings } from './openai-compatible-config';

const VerboseTranscriptionSchema = z.object({
  text: z.string(),
  language: z.string().optional(),
  duration: z.number().optional(),
  segments: z
    .array(
      z.object({
        start: z.number(),
        end: z.number(),
        text: z.string(),
        avg_logprob: z.number().optional(),
      }),
    )
    .optional(),
});

/** exp(average log-probability), clamped to [0, 1]: the usual Whisper segment confidence. */
function toConfidence(averageLogProbability: number | undefined): number | undefined {
  if (averageLogProbability === undefined) return undefined;
  return Math.min(1, Math.max(0, Math.exp(averageLogProbability)));
}

/**
 * Speech-to-text on any OpenAI-compatible `/audio/transcriptions` endpoint (whisper.cpp server,
 * faster-whisper server, OpenAI, Azure), asking for `verbose_json` to get timed segments.
 */
export class OpenAICompatibleTranscriptionModel implements TranscriptionModel {
  readonly provider: string;
  readonly modelId: string;
  readonly local: boolean;
  readonly host: string;
  private readonly settings: OpenAICompatibleSettings;

  /** See `createOpenAICompatibleProvider`. */
  constructor(settings: OpenAICompatibleSettings, modelId: string) {
    this.settings = settings;
    this.provider = settings.name;
    this.modelId = modelId;
    this.local = settings.local;
    this.host = settings.host;
  }

  async transcribe(request: TranscriptionRequest): Promise<TranscriptionResult> {
    const form = new FormData();
    const fileName = request.fileName ?? `audio.${request.mediaType.split('/')[1]?.split(';')[0] ?? 'wav'}`;
    form.append('file', new Blob([new Uint8Array(request.audio)], { type: request.mediaType }), fileName);
    form.append('model', this.modelId);
    form.append('response_format', 'verbose_json');
    form.append('timestamp_granularities[]', 'segment');
    if (request.language) form.append('language', request.language);
    if (request.prompt) form.append('prompt', request.prompt);
    let response: Response;
    try {
      response = await this.settings.fetch(this.settings.url('/audio/transcriptions', this.modelId), {
        method: 'POST',
        headers: this.settings.headers(),
        body: form,
        signal: request.signal,
      });
    } catch (error) {
      throw transportError(this.provider, error, request.signal);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw httpStatusError(this.provider, response.status, response.headers);
    }
    let payload: unknown;
    try {
      payload = await response.json();
    } catch (error) {
      if (request.signal?.aborted) throw transportError(this.provider, error, request.signal);
      throw malformedResponseError(this.provider, 'not_json');
    }
    const parsed = VerboseTranscriptionSchema.safeParse(payload);
    if (!parsed.success) throw malformedResponseError(this.provider, 'unexpected_shape');
    const segments = (parsed.data.segments ?? []).map((segment) => {
      const confidence = toConfidence(segment.avg_logprob);
      return {
        start: segment.start,
        end: segment.end,
        text: segment.text.trim(),
        ...(confidence === undefined ? {} : { confidence }),
      };
    });
    return {
      text: parsed.data.text.trim(),
      segments,
      ...(parsed.data.language === undefined ? {} : { language: parsed.data.language }),
      ...(parsed.data.duration === undefined ? {} : { durationSeconds: parsed.data.duration }),
    };
  }
}
