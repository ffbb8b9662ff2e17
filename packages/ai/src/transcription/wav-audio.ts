import { AppError } from '@kollega/domain';

/** Sample rate every engine receives: 16 kHz, as Whisper and pocketsphinx expect. */
export const SPEECH_SAMPLE_RATE = 16_000;

/** Mono 16-bit PCM audio. */
export interface PcmAudio {
  sampleRate: number;
  samples: Int16Array;
}

function invalidWav(reason: string): AppError {
  return new AppError('unsupported_media_type', 'Lydfilen er ikke en gyldig WAV-fil', {
    details: { reason },
  });
}

/**
 * Reads a RIFF/WAVE file of 16-bit PCM (any sample rate; several channels are mixed down to mono).
 * Chunks other than `fmt ` and `data` are skipped; a `data` size of 0 or 0xFFFFFFFF (a streamed file)
 * means "to the end of the file".
 */
export function decodeWav(buffer: Uint8Array): PcmAudio {
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const tag = (offset: number): string => String.fromCharCode(...buffer.subarray(offset, offset + 4));
  if (buffer.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw invalidWav('not_riff');
  let offset = 12;
  let format: { channels: number; sampleRate: number; bits: number; encoding: number } | undefined;
  while (offset + 8 <= buffer.byteLength) {
    const id = tag(offset);
    let size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      format = {
        encoding: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (format === undefined) throw invalidWav('data_before_format');
      // WAVE_FORMAT_PCM (1) or WAVE_FORMAT_EXTENSIBLE (0xFFFE) holding PCM.
      if ((format.encoding !== 1 && format.encoding !== 0xfffe) || format.bits !== 16) {
        throw invalidWav('not_pcm16');
      }
      if (size === 0 || size === 0xffffffff || body + size > buffer.byteLength)
        size = buffer.byteLength - body;
      const frameBytes = 2 * format.channels;
      const frames = Math.floor(size / frameBytes);
      const samples = new Int16Array(frames);
      for (let frame = 0; frame < frames; frame += 1) {
        let sum = 0;
        for (let channel = 0; channel < format.channels; channel += 1) {
          sum += view.getInt16(body + frame * frameBytes + channel * 2, true);
        }
        samples[frame] = Math.round(sum / format.channels);
      }
      return { sampleRate: format.sampleRate, samples };
    }
    offset = body + size + (size % 2);
  }
  throw invalidWav('no_data');
}

/** Writes mono 16-bit PCM as a canonical 44-byte-header WAV file. */
export function encodeWav(audio: PcmAudio): Buffer {
  const dataBytes = audio.samples.length * 2;
  const buffer = Buffer.alloc(44 + dataBytes);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + dataBytes, 4);
  buffer.write('WAVE', 8, 'ascii');
  buffer.write('fmt ', 12, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(audio.sampleRate, 24);
  buffer.writeUInt32LE(audio.sampleRate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(dataBytes, 40);
  Buffer.from(audio.samples.buffer, audio.samples.byteOffset, dataBytes).copy(buffer, 44);
  return buffer;
}

/** Length of the audio in seconds. */
export function measureDuration(audio: PcmAudio): number {
  return audio.samples.length / audio.sampleRate;
}

/** The stretch from `startSeconds` to `endSeconds` (clamped to the audio), sharing no memory with it. */
export function sliceAudio(audio: PcmAudio, startSeconds: number, endSeconds: number): PcmAudio {
  const start = Math.max(0, Math.min(audio.samples.length, Math.round(startSeconds * audio.sampleRate)));
  const end = Math.max(start, Math.min(audio.samples.length, Math.round(endSeconds * audio.sampleRate)));
  return { sampleRate: audio.sampleRate, samples: audio.samples.slice(start, end) };
}

/** Joins audio of the same sample rate end to end. */
export function concatenateAudio(parts: readonly PcmAudio[]): PcmAudio {
  const sampleRate = parts[0]?.sampleRate ?? SPEECH_SAMPLE_RATE;
  if (parts.some((part) => part.sampleRate !== sampleRate)) {
    throw new AppError('invalid_input', 'Lyddelene har ulik samplingsfrekvens');
  }
  const samples = new Int16Array(parts.reduce((sum, part) => sum + part.samples.length, 0));
  let offset = 0;
  for (const part of parts) {
    samples.set(part.samples, offset);
    offset += part.samples.length;
  }
  return { sampleRate, samples };
}
