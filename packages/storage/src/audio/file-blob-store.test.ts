import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '@kollega/domain';
import { FileBlobStore, createBlobStore } from './file-blob-store';

const root = mkdtempSync(join(tmpdir(), 'kollega-blobs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

async function* pieces(...texts: string[]): AsyncIterable<Uint8Array> {
  for (const text of texts) yield await Promise.resolve(Buffer.from(text));
}

describe('FileBlobStore', () => {
  const store = new FileBlobStore(join(root, 'store'));

  it('appends in order and reads back the whole blob and byte ranges', async () => {
    expect(await store.append('r1/part-0.webm', Buffer.from('abc'), { expectedSize: 0 })).toBe(3);
    expect(await store.append('r1/part-0.webm', Buffer.from('defg'), { expectedSize: 3 })).toBe(7);
    expect((await store.read('r1/part-0.webm')).toString()).toBe('abcdefg');
    expect(await store.size('r1/part-0.webm')).toBe(7);
    expect(await readAll(await store.openReadStream('r1/part-0.webm', { start: 2, end: 4 }))).toBe('cde');
  });

  it('cuts back bytes that were written but never acknowledged, so a retried append does not duplicate', async () => {
    await store.append('r2/part-0.webm', Buffer.from('12345'), { expectedSize: 0 });
    // A crash after the write and before the chunk was recorded: the retry says the blob should be 5 long.
    writeFileSync(store.localPath('r2/part-0.webm'), '12345678');
    expect(await store.append('r2/part-0.webm', Buffer.from('678'), { expectedSize: 5 })).toBe(8);
    expect((await store.read('r2/part-0.webm')).toString()).toBe('12345678');
  });

  it('refuses to append past the end of a blob that is shorter than recorded', async () => {
    await store.append('r3/part-0.webm', Buffer.from('12'), { expectedSize: 0 });
    const error = await store
      .append('r3/part-0.webm', Buffer.from('x'), { expectedSize: 10 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('conflict');
  });

  it('streams a blob in within a size limit and keeps nothing when the limit is exceeded', async () => {
    expect(await store.writeStream('r4/upload.bin', pieces('ab', 'cd'), { maxBytes: 4 })).toBe(4);
    expect((await store.read('r4/upload.bin')).toString()).toBe('abcd');
    const error = await store
      .writeStream('r4/big.bin', pieces('ab', 'cd', 'e'), { maxBytes: 4 })
      .catch((e: unknown) => e);
    expect((error as AppError).code).toBe('payload_too_large');
    expect(await store.size('r4/big.bin')).toBeUndefined();
  });

  it('writes atomically, imports files, and deletes by prefix', async () => {
    await store.write('r5/audio.wav', Buffer.from('wav'));
    const outside = join(root, 'outside.tmp');
    writeFileSync(outside, 'imported');
    await store.importFile('r5/imported.wav', outside);
    expect(existsSync(outside)).toBe(false);
    expect(readFileSync(store.localPath('r5/imported.wav'), 'utf8')).toBe('imported');
    await store.deletePrefix('r5');
    expect(await store.size('r5/audio.wav')).toBeUndefined();
    expect(await store.size('r5/imported.wav')).toBeUndefined();
    await expect(store.read('r5/audio.wav')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('rejects keys that would leave the store', async () => {
    for (const key of ['../x', 'a/../../x', '/etc/passwd', 'a//b', '']) {
      await expect(store.write(key, Buffer.from('x'))).rejects.toMatchObject({ code: 'invalid_input' });
    }
  });
});

describe('createBlobStore', () => {
  it('opens file: URLs (relative, absolute, file:///) and refuses other schemes', () => {
    expect(createBlobStore(`file:${root}/a`).location).toBe(`file:${root}/a`);
    expect(createBlobStore(`file://${root}/b`).location).toBe(`file:${root}/b`);
    expect(createBlobStore('file:./data/audio').location).toBe(
      `file:${join(process.cwd(), 'data', 'audio')}`,
    );
    expect(() => createBlobStore('s3://bucket/audio')).toThrow(/s3:/);
    expect(() => createBlobStore('file:')).toThrow(AppError);
  });
});
