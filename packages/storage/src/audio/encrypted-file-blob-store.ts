import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open, readFile, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { AppError } from '@kollega/domain';
import type { BlobIndex } from '../encryption/encrypted-blob';
import {
  BLOB_HEADER_BYTES,
  BLOB_MAGIC,
  BLOB_RECORD_BYTES,
  createBlobHeader,
  indexBlobRecords,
  openBlob,
  openBlobRecord,
  sealBlob,
  sealBlobRecords,
  startsAsEncryptedBlob,
} from '../encryption/encrypted-blob';
import type { Keyring } from '../encryption/keyring';
import type { BlobStore, ByteRange } from './blob-store';

/** What a blob file holds: legacy plaintext, or encrypted records (no index yet when the header is missing). */
type BlobState = { kind: 'plain'; size: number } | { kind: 'encrypted'; index: BlobIndex | undefined };

/** The plain file store underneath: a `BlobStore` whose `localPath` is always the file itself. */
export type PlainFileStore = Omit<BlobStore, 'localPath'> & { localPath(key: string): string };

/** How `reencrypt` left a blob. */
export type BlobRotationResult = 'rewritten' | 'current' | 'changed' | 'missing';

function isMissing(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'ENOENT';
}

/** Reads `length` bytes at `offset` of an open file (short at the end of the file). */
function readAt(handle: FileHandle, offset: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const read = readSync(handle.fd, buffer, done, length - done, offset + done);
    if (read === 0) break;
    done += read;
  }
  return buffer.subarray(0, done);
}

/** Flushes a folder's entry list to disk, so a new file survives a crash (ignored where unsupported). */
async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on folders; the file's own fsync still ran.
  } finally {
    await handle.close();
  }
}

/** Folders of decrypted copies, removed (synchronously) when the process exits. */
const scratchFolders = new Set<string>();

function rememberScratchFolder(path: string): void {
  if (scratchFolders.size === 0) {
    process.once('exit', () => {
      for (const folder of scratchFolders) rmSync(folder, { recursive: true, force: true });
    });
  }
  scratchFolders.add(path);
}

/** Plaintext record lengths of `length` bytes written as records of at most `BLOB_RECORD_BYTES`. */
function recordLengths(length: number): number[] {
  const lengths: number[] = [];
  for (let start = 0; start < length; start += BLOB_RECORD_BYTES) {
    lengths.push(Math.min(BLOB_RECORD_BYTES, length - start));
  }
  return lengths;
}

/**
 * `BlobStore` on the local file system with every blob encrypted at rest (AES-256-GCM records, see
 * encryption/encrypted-blob.ts). Appends add records, so a recording grows chunk by chunk; sizes and byte
 * ranges are of the plaintext. Legacy plaintext files still read (and are encrypted on the next append or
 * by `kollega keys rotate`). `localPath` gives tools such as ffmpeg a decrypted copy in a private temporary
 * folder (mode 0700/0600), removed when the blob is deleted.
 */
export class EncryptedFileBlobStore implements BlobStore {
  readonly location: string;
  private readonly files: PlainFileStore;
  private readonly indexes = new Map<string, { size: number; mtimeMs: number; index: BlobIndex }>();
  private scratchRoot: string | undefined;
  /** Decrypted copies handed out by `localPath`, by blob key; appends are mirrored into them. */
  private readonly copies = new Map<string, string>();

  private readonly root: string;
  private readonly keyring: Keyring;

  /** `files` is the plain store over the same folder (`root`), which does the durable file work. */
  constructor(options: { root: string; keyring: Keyring; files: PlainFileStore }) {
    this.root = options.root;
    this.keyring = options.keyring;
    this.files = options.files;
    this.location = `file:${options.root}`;
  }

  private pathOf(key: string): string {
    return this.files.localPath(key);
  }

  /** Reads the state of an open blob file, using the cached index while size and time are unchanged. */
  private async inspect(path: string, handle: FileHandle): Promise<BlobState> {
    const stats = await handle.stat();
    const cached = this.indexes.get(path);
    if (cached !== undefined && cached.size === stats.size && cached.mtimeMs === stats.mtimeMs) {
      return { kind: 'encrypted', index: cached.index };
    }
    const head = readAt(handle, 0, Math.min(stats.size, BLOB_HEADER_BYTES));
    if (!startsAsEncryptedBlob(head)) return { kind: 'plain', size: stats.size };
    if (stats.size < BLOB_HEADER_BYTES) return { kind: 'encrypted', index: undefined };
    const index = indexBlobRecords(head, stats.size, (offset, length) => readAt(handle, offset, length));
    this.indexes.set(path, { size: stats.size, mtimeMs: stats.mtimeMs, index });
    return { kind: 'encrypted', index };
  }

  async append(key: string, data: Uint8Array, options: { expectedSize: number }): Promise<number> {
    const path = this.pathOf(key);
    mkdirSync(dirname(path), { recursive: true });
    let handle = await this.openForAppend(path);
    let created = false;
    try {
      let state = await this.inspect(path, handle.file);
      if (state.kind === 'plain' && state.size > 0) {
        // A plaintext file from before encryption is converted (atomically) before anything is added.
        await handle.file.close();
        await this.files.write(key, sealBlob(this.keyring, key, await readFile(path)));
        handle = await this.openForAppend(path);
        state = await this.inspect(path, handle.file);
      }
      created = handle.created;
      const file = handle.file;
      let index = state.kind === 'encrypted' ? state.index : undefined;
      if (index === undefined) {
        const header = createBlobHeader();
        await file.truncate(0);
        await file.write(header, 0, header.length, 0);
        index = {
          fileId: header.subarray(BLOB_MAGIC.length),
          records: [],
          plainSize: 0,
          validEnd: BLOB_HEADER_BYTES,
        };
      }
      if (index.plainSize < options.expectedSize) {
        throw new AppError('conflict', 'Lydfilen er kortere enn det som er registrert', {
          details: { size: index.plainSize, expectedSize: options.expectedSize },
        });
      }
      // Cut back to `expectedSize`: whole records past it (written but never acknowledged) are dropped; a
      // record that straddles it is decrypted and its acknowledged start written again.
      const kept = index.records.filter(
        (record) => record.plainOffset + record.plainLength <= options.expectedSize,
      );
      const last = kept.at(-1);
      let writeAt = last === undefined ? BLOB_HEADER_BYTES : last.fileOffset + last.recordLength;
      let plainOffset = last === undefined ? 0 : last.plainOffset + last.plainLength;
      let payload = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      if (plainOffset < options.expectedSize) {
        const straddling = index.records[kept.length];
        if (straddling === undefined) throw new AppError('internal', 'Lydfilens oversikt er inkonsistent');
        const plaintext = openBlobRecord(
          this.keyring,
          { blobKey: key, fileId: index.fileId },
          straddling,
          readAt(file, straddling.fileOffset, straddling.recordLength),
        );
        payload = Buffer.concat([
          plaintext.subarray(0, options.expectedSize - straddling.plainOffset),
          payload,
        ]);
        writeAt = straddling.fileOffset;
        plainOffset = straddling.plainOffset;
      }
      const bytes = sealBlobRecords(
        this.keyring,
        { blobKey: key, fileId: index.fileId, plainOffset },
        payload,
      );
      await file.truncate(writeAt);
      let written = 0;
      while (written < bytes.length) {
        const result = await file.write(bytes, written, bytes.length - written, writeAt + written);
        written += result.bytesWritten;
      }
      await file.sync();
      const keyIdLength = Buffer.byteLength(this.keyring.activeKeyId, 'latin1');
      const records = [...kept];
      let fileOffset = writeAt;
      let offset = plainOffset;
      for (const length of recordLengths(payload.length)) {
        const recordLength = 5 + keyIdLength + 12 + length + 16;
        records.push({
          fileOffset,
          plainOffset: offset,
          plainLength: length,
          recordLength,
          keyId: this.keyring.activeKeyId,
        });
        fileOffset += recordLength;
        offset += length;
      }
      const stats = await file.stat();
      this.indexes.set(path, {
        size: stats.size,
        mtimeMs: stats.mtimeMs,
        index: { fileId: index.fileId, records, plainSize: offset, validEnd: fileOffset },
      });
      await this.mirrorAppend(key, data, options.expectedSize);
      return offset;
    } finally {
      await handle.file.close().catch(() => undefined);
      if (created) await syncDirectory(dirname(path));
    }
  }

  /**
   * Keeps a decrypted copy from `localPath` growing with its blob, as the file itself does in the plain store
   * (a tool may be reading a recording while chunks arrive). A copy out of step is made again from the blob.
   */
  private async mirrorAppend(key: string, data: Uint8Array, expectedSize: number): Promise<void> {
    const copy = this.copies.get(key);
    if (copy === undefined) return;
    try {
      const handle = await open(copy, 'r+');
      try {
        const { size } = await handle.stat();
        if (size < expectedSize) {
          await handle.truncate(0);
          const plaintext = await this.read(key);
          await handle.write(plaintext, 0, plaintext.length, 0);
        } else {
          await handle.truncate(expectedSize);
          await handle.write(data, 0, data.byteLength, expectedSize);
        }
      } finally {
        await handle.close();
      }
    } catch {
      // The next `localPath` makes the copy again from the blob.
      this.copies.delete(key);
      await rm(copy, { force: true });
    }
  }

  private async openForAppend(path: string): Promise<{ file: FileHandle; created: boolean }> {
    try {
      return { file: await open(path, 'r+'), created: false };
    } catch (error) {
      if (!isMissing(error)) throw error;
      return { file: await open(path, 'w+', 0o600), created: true };
    }
  }

  async write(key: string, data: Uint8Array): Promise<void> {
    await this.files.write(key, sealBlob(this.keyring, key, data));
    this.forget(key);
  }

  async writeStream(
    key: string,
    source: AsyncIterable<Uint8Array>,
    options: { maxBytes: number },
  ): Promise<number> {
    const keyring = this.keyring;
    let size = 0;
    async function* encrypt(): AsyncIterable<Uint8Array> {
      const header = createBlobHeader();
      const fileId = header.subarray(BLOB_MAGIC.length);
      yield header;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let plainOffset = 0;
      const flush = (all: boolean): Buffer => {
        const joined = Buffer.concat(pending);
        const cut = all ? joined.length : joined.length - (joined.length % BLOB_RECORD_BYTES);
        const sealed = sealBlobRecords(
          keyring,
          { blobKey: key, fileId, plainOffset },
          joined.subarray(0, cut),
        );
        plainOffset += cut;
        pending = cut < joined.length ? [joined.subarray(cut)] : [];
        pendingBytes = joined.length - cut;
        return sealed;
      };
      for await (const chunk of source) {
        size += chunk.byteLength;
        if (size > options.maxBytes) {
          throw new AppError('payload_too_large', 'Lydfilen er for stor', {
            details: { maxBytes: options.maxBytes },
          });
        }
        pending.push(Buffer.from(chunk));
        pendingBytes += chunk.byteLength;
        if (pendingBytes >= BLOB_RECORD_BYTES) yield flush(false);
      }
      if (pendingBytes > 0) yield flush(true);
    }
    await this.files.writeStream(key, encrypt(), { maxBytes: Number.MAX_SAFE_INTEGER });
    this.forget(key);
    return size;
  }

  async importFile(key: string, sourcePath: string): Promise<void> {
    await this.writeStream(key, createReadStream(sourcePath), { maxBytes: Number.MAX_SAFE_INTEGER });
    await unlink(sourcePath);
  }

  async read(key: string): Promise<Buffer> {
    return openBlob(this.keyring, key, await this.files.read(key));
  }

  async size(key: string): Promise<number | undefined> {
    const path = this.pathOf(key);
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    try {
      const state = await this.inspect(path, handle);
      return state.kind === 'plain' ? state.size : (state.index?.plainSize ?? 0);
    } finally {
      await handle.close();
    }
  }

  async openReadStream(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.pathOf(key);
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (isMissing(error)) throw new AppError('not_found', 'Lydfilen finnes ikke', { details: { key } });
      throw error;
    }
    let state: BlobState;
    try {
      state = await this.inspect(path, handle);
    } catch (error) {
      await handle.close();
      throw error;
    }
    if (state.kind === 'plain') {
      await handle.close();
      return createReadStream(path, range === undefined ? {} : { start: range.start, end: range.end });
    }
    const index = state.index;
    const keyring = this.keyring;
    const start = range?.start ?? 0;
    const end = range === undefined ? Number.POSITIVE_INFINITY : range.end + 1;
    async function* decrypt(): AsyncIterable<Buffer> {
      try {
        for (const record of index?.records ?? []) {
          const recordEnd = record.plainOffset + record.plainLength;
          if (recordEnd <= start || record.plainOffset >= end) continue;
          const plaintext = openBlobRecord(
            keyring,
            { blobKey: key, fileId: index?.fileId ?? Buffer.alloc(16) },
            record,
            readAt(handle, record.fileOffset, record.recordLength),
          );
          yield plaintext.subarray(
            Math.max(0, start - record.plainOffset),
            Math.min(record.plainLength, end - record.plainOffset),
          );
          await Promise.resolve();
        }
      } finally {
        await handle.close();
      }
    }
    return Readable.from(decrypt(), { objectMode: false });
  }

  /** A private folder for decrypted copies, made on first use and removed when the process exits. */
  private scratch(): string {
    if (this.scratchRoot === undefined) {
      this.scratchRoot = mkdtempSync(join(tmpdir(), 'kollega-audio-plain-'));
      rememberScratchFolder(this.scratchRoot);
    }
    return this.scratchRoot;
  }

  /**
   * A local path of the blob's plaintext: for an encrypted blob a decrypted copy (mode 0600 in a private
   * temporary folder, refreshed on every call), for a missing or legacy plaintext blob its own path.
   */
  localPath(key: string): string {
    const path = this.pathOf(key);
    if (!existsSync(path)) return path;
    const buffer = readFileSync(path);
    if (buffer.length === 0 || !startsAsEncryptedBlob(buffer)) return path;
    const copy = join(this.scratch(), ...key.split('/'));
    mkdirSync(dirname(copy), { recursive: true, mode: 0o700 });
    writeFileSync(copy, openBlob(this.keyring, key, buffer), { mode: 0o600 });
    this.copies.set(key, copy);
    return copy;
  }

  /** Drops what is cached about a blob that was replaced or deleted. */
  private forget(key: string): void {
    this.indexes.delete(this.pathOf(key));
    this.copies.delete(key);
  }

  async delete(key: string): Promise<void> {
    await this.files.delete(key);
    this.forget(key);
    if (this.scratchRoot !== undefined) await rm(join(this.scratchRoot, ...key.split('/')), { force: true });
  }

  async deletePrefix(prefix: string): Promise<void> {
    await this.files.deletePrefix(prefix);
    const folder = join(this.root, ...prefix.split('/')) + sep;
    for (const path of this.indexes.keys()) if (path.startsWith(folder)) this.indexes.delete(path);
    for (const key of this.copies.keys()) if (key.startsWith(`${prefix}/`)) this.copies.delete(key);
    if (this.scratchRoot !== undefined) {
      await rm(join(this.scratchRoot, ...prefix.split('/')), { recursive: true, force: true });
    }
  }

  /** Every blob key in the store (temporary files of unfinished writes left out). */
  async listKeys(): Promise<string[]> {
    const keys: string[] = [];
    const walk = async (folder: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(folder, { withFileTypes: true });
      } catch (error) {
        if (isMissing(error)) return;
        throw error;
      }
      for (const entry of entries) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (entry.isFile() && !entry.name.includes('.tmp-'))
          keys.push(relative(this.root, path).split(sep).join('/'));
      }
    };
    await walk(this.root);
    return keys.sort();
  }

  /** The key ids a blob's records use; `plaintext: true` for a legacy unencrypted file. */
  async describe(key: string): Promise<{ plaintext: boolean; keyIds: string[] } | undefined> {
    let buffer: Buffer;
    try {
      buffer = await readFile(this.pathOf(key));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    if (buffer.length > 0 && !startsAsEncryptedBlob(buffer)) return { plaintext: true, keyIds: [] };
    const head = buffer.subarray(0, BLOB_HEADER_BYTES);
    if (buffer.length < BLOB_HEADER_BYTES) return { plaintext: false, keyIds: [] };
    const index = indexBlobRecords(head, buffer.length, (offset, length) =>
      buffer.subarray(offset, offset + length),
    );
    return { plaintext: false, keyIds: [...new Set(index.records.map((record) => record.keyId))] };
  }

  /**
   * Rewrites a blob with the active key when it is plaintext or any record uses another key (temporary file,
   * fsync, rename). `changed` when the file changed while it was rewritten (a recording still growing): the
   * original is kept and a later run tries again.
   */
  async reencrypt(key: string): Promise<BlobRotationResult> {
    const path = this.pathOf(key);
    let before;
    let buffer: Buffer;
    try {
      before = await stat(path);
      buffer = await readFile(path);
    } catch (error) {
      if (isMissing(error)) return 'missing';
      throw error;
    }
    const description = await this.describe(key);
    if (description === undefined) return 'missing';
    const active = this.keyring.activeKeyId;
    if (!description.plaintext && description.keyIds.every((id) => id === active)) return 'current';
    const sealed = sealBlob(this.keyring, key, openBlob(this.keyring, key, buffer));
    const temporary = `${path}.tmp-${process.pid}-${Date.now()}`;
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(sealed);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const after = await stat(path).catch(() => undefined);
    if (after === undefined || after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
      await rm(temporary, { force: true });
      return after === undefined ? 'missing' : 'changed';
    }
    await rename(temporary, path);
    this.indexes.delete(path);
    return 'rewritten';
  }
}
