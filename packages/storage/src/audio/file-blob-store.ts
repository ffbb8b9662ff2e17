import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, open, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '@kollega/domain';
import type { Readable } from 'node:stream';
import type { Keyring } from '../encryption/keyring';
import type { BlobStore, ByteRange } from './blob-store';
import { EncryptedFileBlobStore } from './encrypted-file-blob-store';

const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9][A-Za-z0-9_.-]*)*$/;

function checkKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
    throw new AppError('invalid_input', 'Ugyldig nøkkel for lydlager', { details: { field: 'key' } });
  }
}

function isMissing(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'ENOENT';
}

/** Flushes a folder's entry list to disk, so a new or renamed file survives a crash. */
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

/** `BlobStore` on the local file system: one file per key under `root`, each write fsynced. */
export class FileBlobStore implements BlobStore {
  readonly location: string;

  constructor(private readonly root: string) {
    this.location = `file:${root}`;
  }

  private pathOf(key: string): string {
    checkKey(key);
    const path = resolve(this.root, ...key.split('/'));
    if (!path.startsWith(this.root + sep)) {
      throw new AppError('invalid_input', 'Ugyldig nøkkel for lydlager', { details: { field: 'key' } });
    }
    return path;
  }

  private async ensureFolder(path: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
  }

  async append(key: string, data: Uint8Array, options: { expectedSize: number }): Promise<number> {
    const path = this.pathOf(key);
    await this.ensureFolder(path);
    let created = false;
    let handle;
    try {
      handle = await open(path, 'r+');
    } catch (error) {
      if (!isMissing(error)) throw error;
      handle = await open(path, 'w+');
      created = true;
    }
    try {
      const { size } = await handle.stat();
      if (size < options.expectedSize) {
        throw new AppError('conflict', 'Lydfilen er kortere enn det som er registrert', {
          details: { size, expectedSize: options.expectedSize },
        });
      }
      if (size > options.expectedSize) await handle.truncate(options.expectedSize);
      let written = 0;
      while (written < data.byteLength) {
        const result = await handle.write(
          data,
          written,
          data.byteLength - written,
          options.expectedSize + written,
        );
        written += result.bytesWritten;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (created) await syncDirectory(dirname(path));
    return options.expectedSize + data.byteLength;
  }

  async write(key: string, data: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    await this.ensureFolder(path);
    const temporary = `${path}.tmp-${process.pid}-${Date.now()}`;
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
    await syncDirectory(dirname(path));
  }

  async writeStream(
    key: string,
    source: AsyncIterable<Uint8Array>,
    options: { maxBytes: number },
  ): Promise<number> {
    const path = this.pathOf(key);
    await this.ensureFolder(path);
    const temporary = `${path}.tmp-${process.pid}-${Date.now()}`;
    const output = createWriteStream(temporary);
    let size = 0;
    try {
      for await (const chunk of source) {
        size += chunk.byteLength;
        if (size > options.maxBytes) {
          throw new AppError('payload_too_large', 'Lydfilen er for stor', {
            details: { maxBytes: options.maxBytes },
          });
        }
        if (!output.write(chunk)) await new Promise<void>((done) => output.once('drain', done));
      }
      await new Promise<void>((done, fail) => {
        output.once('error', fail);
        output.end(done);
      });
      const handle = await open(temporary, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, path);
      await syncDirectory(dirname(path));
      return size;
    } catch (error) {
      output.destroy();
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async importFile(key: string, sourcePath: string): Promise<void> {
    const path = this.pathOf(key);
    await this.ensureFolder(path);
    try {
      await rename(sourcePath, path);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EXDEV') throw error;
      await copyFile(sourcePath, path);
      await unlink(sourcePath);
    }
    const handle = await open(path, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await syncDirectory(dirname(path));
  }

  async read(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if (isMissing(error)) throw new AppError('not_found', 'Lydfilen finnes ikke', { details: { key } });
      throw error;
    }
  }

  async size(key: string): Promise<number | undefined> {
    try {
      return (await stat(this.pathOf(key))).size;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async openReadStream(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.pathOf(key);
    if ((await this.size(key)) === undefined) {
      throw new AppError('not_found', 'Lydfilen finnes ikke', { details: { key } });
    }
    return createReadStream(path, range === undefined ? {} : { start: range.start, end: range.end });
  }

  localPath(key: string): string {
    return this.pathOf(key);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async deletePrefix(prefix: string): Promise<void> {
    checkKey(prefix);
    await rm(join(this.root, ...prefix.split('/')), { recursive: true, force: true });
  }
}

/**
 * Opens the blob store a URL names. `file:./data/audio` (relative to the working directory),
 * `file:/srv/audio` or `file:///srv/audio`. Other schemes are `invalid_input`. With a keyring every blob is
 * encrypted at rest (`EncryptedFileBlobStore`).
 */
export function createBlobStore(url: string, options: { keyring?: Keyring } = {}): BlobStore {
  const trimmed = url.trim();
  if (!trimmed.startsWith('file:')) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1] ?? '';
    throw new AppError('invalid_input', `Ukjent adresse for lydlager («${scheme}:»); bruk file:`, {
      details: { scheme },
    });
  }
  const path = trimmed.startsWith('file://') ? fileURLToPath(trimmed) : trimmed.slice('file:'.length);
  if (path === '')
    throw new AppError('invalid_input', 'Lydlageret mangler filsti (f.eks. file:./data/audio)');
  const root = isAbsolute(path) ? resolve(path) : resolve(process.cwd(), path);
  const files = new FileBlobStore(root);
  return options.keyring === undefined
    ? files
    : new EncryptedFileBlobStore({ root, keyring: options.keyring, files });
}
