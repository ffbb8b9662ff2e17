import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { concatenateAudio, decodeWav, encodeWav, measureDuration, sliceAudio } from './wav-audio';

describe('WAV encoding', () => {
  it('round-trips any mono 16-bit audio', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -32768, max: 32767 }), { maxLength: 500 }),
        fc.constantFrom(8000, 16000, 48000),
        (values, sampleRate) => {
          const audio = { sampleRate, samples: Int16Array.from(values) };
          const decoded = decodeWav(encodeWav(audio));
          expect(decoded.sampleRate).toBe(sampleRate);
          expect(Array.from(decoded.samples)).toEqual(values);
        },
      ),
    );
  });

  it('mixes stereo down to mono and skips unknown chunks', () => {
    const header = encodeWav({ sampleRate: 16000, samples: new Int16Array(0) });
    const data = Buffer.alloc(8);
    data.writeInt16LE(100, 0);
    data.writeInt16LE(300, 2);
    data.writeInt16LE(-50, 4);
    data.writeInt16LE(-150, 6);
    const format = Buffer.from(header.subarray(12, 36));
    format.writeUInt16LE(2, 10); // channels
    const list = Buffer.concat([
      Buffer.from('LIST'),
      Buffer.from([3, 0, 0, 0]),
      Buffer.from('abc'),
      Buffer.from([0]),
    ]);
    const dataHeader = Buffer.concat([Buffer.from('data'), Buffer.from([8, 0, 0, 0])]);
    const body = Buffer.concat([Buffer.from('WAVE'), format, list, dataHeader, data]);
    const file = Buffer.concat([Buffer.from('RIFF'), Buffer.from([body.length, 0, 0, 0]), body]);
    expect(Array.from(decodeWav(file).samples)).toEqual([200, -100]);
  });

  it('refuses what is not 16-bit PCM WAV', () => {
    expect(() => decodeWav(Buffer.from('ID3 not a wav file at all'))).toThrow(/WAV/);
    const float = encodeWav({ sampleRate: 16000, samples: new Int16Array(4) });
    float.writeUInt16LE(32, 34);
    expect(() => decodeWav(float)).toThrow(/WAV/);
  });

  it('slices and joins audio on the sample clock', () => {
    const audio = { sampleRate: 10, samples: Int16Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) };
    expect(Array.from(sliceAudio(audio, 0.2, 0.5).samples)).toEqual([2, 3, 4]);
    expect(Array.from(sliceAudio(audio, 0.8, 5).samples)).toEqual([8, 9]);
    expect(measureDuration(concatenateAudio([audio, sliceAudio(audio, 0, 0.5)]))).toBeCloseTo(1.5);
  });
});
