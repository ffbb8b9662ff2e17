import type { Readable } from 'node:stream';

/** A byte range, both ends inclusive (as in an HTTP `Range` header). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Durable storage of audio bytes by key (`recordings/<id>/part-0.webm`). Every write is on disk (fsync)
 * before the promise resolves, so a crash right after loses nothing that was acknowledged.
 */
export interface BlobStore {
  /** Where the blobs live, for logs and the health page (`file:/srv/kollega/audio`); never a secret. */
  readonly location: string;
  /**
   * Appends `data` at byte `expectedSize` and returns the new size. A longer blob (bytes written before a
   * crash, never acknowledged) is cut back to `expectedSize` first, which makes a retried append idempotent;
   * a shorter blob is `conflict`.
   */
  append(key: string, data: Uint8Array, options: { expectedSize: number }): Promise<number>;
  /** Writes a whole blob atomically (temporary file, fsync, rename). */
  write(key: string, data: Uint8Array): Promise<void>;
  /** Streams a blob in; `payload_too_large` (and nothing kept) when it exceeds `maxBytes`. Returns its size. */
  writeStream(key: string, source: AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<number>;
  /** Moves (or copies) a local file in as `key`. */
  importFile(key: string, sourcePath: string): Promise<void>;
  read(key: string): Promise<Buffer>;
  /** The blob's size in bytes, or undefined when it does not exist. */
  size(key: string): Promise<number | undefined>;
  /** A stream of the blob, or of a byte range of it. */
  openReadStream(key: string, range?: ByteRange): Promise<Readable>;
  /** A local file path of the blob, for tools such as ffmpeg; undefined for remote stores. */
  localPath(key: string): string | undefined;
  delete(key: string): Promise<void>;
  /** Deletes every blob whose key starts with `prefix/`. */
  deletePrefix(prefix: string): Promise<void>;
}
