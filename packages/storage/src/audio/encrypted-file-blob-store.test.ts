import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '@kollega/domain';
import { Keyring } from '../encryption/keyring';
import { EncryptedFileBlobStore } from './encrypted-file-blob-store';
import { FileBlobStore, createBlobStore } from './file-blob-store';

const root = mkdtempSync(join(tmpdir(), 'kollega-encrypted-blobs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SENTENCE = Buffer.from('Syntetisk lyd: pasienten sier at hodepinen startet i går kveld.');
const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
let storeCounter = 0;

function openStore(keyring = new Keyring({ keys: [k1], activeKeyId: 'k1' })): {
  store: EncryptedFileBlobStore;
  folder: string;
} {
  storeCounter += 1;
  const folder = join(root, `store-${storeCounter}`);
  return {
    store: new EncryptedFileBlobStore({ root: folder, keyring, files: new FileBlobStore(folder) }),
    folder,
  };
}

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function* pieces(...parts: Buffer[]): AsyncIterable<Uint8Array> {
  for (const part of parts) yield await Promise.resolve(part);
}

describe('EncryptedFileBlobStore', () => {
  it('appends chunk by chunk, reads the whole blob and byte ranges, and keeps no plaintext on disk', async () => {
    const { store, folder } = openStore();
    const large = randomBytes(150 * 1024);
    let size = 0;
    for (const chunk of [SENTENCE, large, SENTENCE]) {
      size = await store.append('r1/part-0.webm', chunk, { expectedSize: size });
    }
    const expected = Buffer.concat([SENTENCE, large, SENTENCE]);
    expect(size).toBe(expected.length);
    expect(await store.size('r1/part-0.webm')).toBe(expected.length);
    expect((await store.read('r1/part-0.webm')).equals(expected)).toBe(true);
    for (const range of [
      { start: 0, end: 9 },
      { start: 60, end: 70_000 },
      { start: 65_000, end: expected.length - 1 },
      { start: expected.length - 5, end: expected.length - 1 },
    ]) {
      const bytes = await readAll(await store.openReadStream('r1/part-0.webm', range));
      expect(bytes.equals(expected.subarray(range.start, range.end + 1))).toBe(true);
    }
    const onDisk = readFileSync(join(folder, 'r1', 'part-0.webm'));
    expect(onDisk.includes(SENTENCE)).toBe(false);
    expect(onDisk.includes(Buffer.from('hodepinen'))).toBe(false);
  });

  it('cuts back unacknowledged and torn bytes, so a retried append does not duplicate', async () => {
    const { store, folder } = openStore();
    await store.append('r2/part-0.webm', Buffer.from('abc'), { expectedSize: 0 });
    await store.append('r2/part-0.webm', Buffer.from('def'), { expectedSize: 3 });
    // "def" was written but the chunk was never recorded; the retry says the blob should be 3 long.
    expect(await store.append('r2/part-0.webm', Buffer.from('XYZ'), { expectedSize: 3 })).toBe(6);
    expect((await store.read('r2/part-0.webm')).toString()).toBe('abcXYZ');
    // A crash in the middle of a write leaves a torn record: it is ignored and cut off.
    appendFileSync(join(folder, 'r2', 'part-0.webm'), randomBytes(11));
    expect(await store.size('r2/part-0.webm')).toBe(6);
    expect(await store.append('r2/part-0.webm', Buffer.from('!'), { expectedSize: 6 })).toBe(7);
    expect((await store.read('r2/part-0.webm')).toString()).toBe('abcXYZ!');
    // A record that straddles the expected size keeps its acknowledged start.
    await store.write('r2/whole.bin', Buffer.from('abcdef'));
    expect(await store.append('r2/whole.bin', Buffer.from('Z'), { expectedSize: 3 })).toBe(4);
    expect((await store.read('r2/whole.bin')).toString()).toBe('abcZ');
  });

  it('refuses to append past the end of a blob that is shorter than recorded', async () => {
    const { store } = openStore();
    await store.append('r3/part-0.webm', Buffer.from('12'), { expectedSize: 0 });
    const error = await store
      .append('r3/part-0.webm', Buffer.from('x'), { expectedSize: 10 })
      .catch((e: unknown) => e);
    expect((error as AppError).code).toBe('conflict');
  });

  it('streams in within a plaintext size limit, imports files (removing the source) and deletes by prefix', async () => {
    const { store, folder } = openStore();
    expect(
      await store.writeStream('r4/upload.bin', pieces(SENTENCE, SENTENCE), { maxBytes: SENTENCE.length * 2 }),
    ).toBe(SENTENCE.length * 2);
    expect((await store.read('r4/upload.bin')).equals(Buffer.concat([SENTENCE, SENTENCE]))).toBe(true);
    const tooBig = await store
      .writeStream('r4/big.bin', pieces(SENTENCE, SENTENCE), { maxBytes: SENTENCE.length })
      .catch((e: unknown) => e);
    expect((tooBig as AppError).code).toBe('payload_too_large');
    expect(await store.size('r4/big.bin')).toBeUndefined();
    const outside = join(root, `outside-${storeCounter}.wav`);
    writeFileSync(outside, SENTENCE);
    await store.importFile('r4/audio.wav', outside);
    expect(existsSync(outside)).toBe(false);
    expect(readFileSync(join(folder, 'r4', 'audio.wav')).includes(SENTENCE)).toBe(false);
    expect((await store.read('r4/audio.wav')).equals(SENTENCE)).toBe(true);
    await store.deletePrefix('r4');
    expect(await store.size('r4/audio.wav')).toBeUndefined();
    await expect(store.read('r4/audio.wav')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('gives tools a decrypted copy as the local path and removes it with the blob', async () => {
    const { store, folder } = openStore();
    await store.write('r5/part-0.webm', SENTENCE);
    const copy = store.localPath('r5/part-0.webm');
    expect(copy).not.toBe(join(folder, 'r5', 'part-0.webm'));
    expect(readFileSync(copy).equals(SENTENCE)).toBe(true);
    // Like the file itself in the plain store, the copy grows while a recording is appended to.
    await store.append('r5/part-0.webm', Buffer.from('!'), { expectedSize: SENTENCE.length });
    expect(readFileSync(copy).toString()).toBe(`${SENTENCE.toString()}!`);
    await store.delete('r5/part-0.webm');
    expect(existsSync(copy)).toBe(false);
    expect(store.localPath('r5/missing.webm')).toBe(join(folder, 'r5', 'missing.webm'));
  });

  it('reads legacy plaintext files and encrypts them on the next append', async () => {
    const { store, folder } = openStore();
    mkdirSync(join(folder, 'r6'), { recursive: true });
    writeFileSync(join(folder, 'r6', 'part-0.webm'), SENTENCE);
    expect((await store.read('r6/part-0.webm')).equals(SENTENCE)).toBe(true);
    expect(await store.size('r6/part-0.webm')).toBe(SENTENCE.length);
    expect(store.localPath('r6/part-0.webm')).toBe(join(folder, 'r6', 'part-0.webm'));
    expect(await store.describe('r6/part-0.webm')).toEqual({ plaintext: true, keyIds: [] });
    await store.append('r6/part-0.webm', Buffer.from('!'), { expectedSize: SENTENCE.length });
    expect(readFileSync(join(folder, 'r6', 'part-0.webm')).includes(SENTENCE)).toBe(false);
    expect((await store.read('r6/part-0.webm')).toString()).toBe(`${SENTENCE.toString()}!`);
  });

  it('refuses the wrong key and a file moved to another key, without plaintext in the error', async () => {
    const { store, folder } = openStore();
    await store.write('r7/a.wav', SENTENCE);
    const stranger = new EncryptedFileBlobStore({
      root: folder,
      keyring: new Keyring({ keys: [{ id: 'k1', key: randomBytes(32) }], activeKeyId: 'k1' }),
      files: new FileBlobStore(folder),
    });
    const wrongKey = (await stranger.read('r7/a.wav').catch((e: unknown) => e)) as AppError;
    expect(wrongKey.code).toBe('internal');
    copyFileSync(join(folder, 'r7', 'a.wav'), join(folder, 'r7', 'b.wav'));
    const moved = (await store.read('r7/b.wav').catch((e: unknown) => e)) as AppError;
    expect(moved.code).toBe('internal');
    expect(moved.message).not.toContain('hodepinen');
  });

  it('re-encrypts a blob with the active key, after which the old key is not needed', async () => {
    const { store, folder } = openStore();
    await store.append('r8/part-0.webm', SENTENCE, { expectedSize: 0 });
    const rotated = new EncryptedFileBlobStore({
      root: folder,
      keyring: new Keyring({ keys: [k1, k2], activeKeyId: 'k2' }),
      files: new FileBlobStore(folder),
    });
    expect(await rotated.describe('r8/part-0.webm')).toEqual({ plaintext: false, keyIds: ['k1'] });
    expect(await rotated.reencrypt('r8/part-0.webm')).toBe('rewritten');
    expect(await rotated.reencrypt('r8/part-0.webm')).toBe('current');
    expect(await rotated.listKeys()).toEqual(['r8/part-0.webm']);
    const onlyNew = new EncryptedFileBlobStore({
      root: folder,
      keyring: new Keyring({ keys: [k2], activeKeyId: 'k2' }),
      files: new FileBlobStore(folder),
    });
    expect((await onlyNew.read('r8/part-0.webm')).equals(SENTENCE)).toBe(true);
  });
});

describe('createBlobStore with a keyring', () => {
  it('returns an encrypting store; without a keyring the plain one', () => {
    const keyring = new Keyring({ keys: [k1], activeKeyId: 'k1' });
    expect(createBlobStore(`file:${root}/x`, { keyring })).toBeInstanceOf(EncryptedFileBlobStore);
    expect(createBlobStore(`file:${root}/x`)).toBeInstanceOf(FileBlobStore);
    expect(() => createBlobStore('s3://bucket', { keyring })).toThrow(AppError);
  });
});
