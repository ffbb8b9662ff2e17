import { describe, expect, it } from 'vitest';
import { ChunkUploader } from './chunk-uploader';
import type { UploaderState } from './chunk-uploader';

function blob(text: string): Blob {
  return new Blob([text], { type: 'audio/webm' });
}

/** A fake server that stores chunks by sequence (ignoring repeats) and can fail the first attempts. */
function createServer(failures: Array<'network' | 'refuse'> = []) {
  const stored = new Map<number, string>();
  const attempts: number[] = [];
  return {
    stored,
    attempts,
    async send(chunk: { sequence: number; part: number; data: Blob }) {
      attempts.push(chunk.sequence);
      const failure = failures.shift();
      if (failure === 'network') throw new Error('network down');
      if (failure === 'refuse') throw Object.assign(new Error('refused'), { refused: true });
      if (!stored.has(chunk.sequence)) stored.set(chunk.sequence, await chunk.data.text());
      return { nextSequence: stored.size };
    },
  };
}

describe('ChunkUploader', () => {
  it('sends chunks in order with consecutive sequence numbers from the first one given', async () => {
    const server = createServer();
    const uploader = new ChunkUploader({ send: (chunk) => server.send(chunk), firstSequence: 7, part: 1 });
    uploader.enqueue(blob('a'));
    uploader.enqueue(blob(''));
    uploader.enqueue(blob('b'));
    uploader.enqueue(blob('c'));
    await uploader.flush();
    expect([...server.stored.entries()]).toEqual([
      [7, 'a'],
      [8, 'b'],
      [9, 'c'],
    ]);
    expect(uploader.sequence).toBe(10);
  });

  it('retries a failed send with the same sequence number, so nothing is lost or duplicated', async () => {
    const server = createServer(['network', 'network']);
    const states: UploaderState[] = [];
    const uploader = new ChunkUploader({
      send: (chunk) => server.send(chunk),
      firstSequence: 0,
      part: 0,
      sleep: () => Promise.resolve(),
      onChange: (state) => states.push(state),
    });
    uploader.enqueue(blob('a'));
    uploader.enqueue(blob('b'));
    await uploader.flush();
    expect(server.attempts).toEqual([0, 0, 0, 1]);
    expect([...server.stored.values()]).toEqual(['a', 'b']);
    expect(states.some((state) => state.retrying)).toBe(true);
    expect(states.at(-1)).toMatchObject({ pending: 0, acknowledged: 1, retrying: false });
  });

  it('stops on a refusal that retrying cannot fix, and flush reports it', async () => {
    const server = createServer(['refuse']);
    const uploader = new ChunkUploader({
      send: (chunk) => server.send(chunk),
      firstSequence: 0,
      part: 0,
      isRetryable: (error) => !(error as { refused?: boolean }).refused,
      sleep: () => Promise.resolve(),
    });
    uploader.enqueue(blob('a'));
    await expect(uploader.flush()).rejects.toThrow('refused');
    expect(server.stored.size).toBe(0);
  });
});
