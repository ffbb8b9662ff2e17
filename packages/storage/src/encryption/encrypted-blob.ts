import { randomBytes } from 'node:crypto';
import { AppError } from '@kollega/domain';
import type { Keyring } from './keyring';

/**
 * Encrypted blob files (audio). A file is a header and a run of records, each encrypted on its own, so a
 * recording can grow chunk by chunk and a byte range can be read without decrypting the whole file:
 *
 *   header  = "KENCBLB1" (8 bytes) · file id (16 random bytes)
 *   record  = plaintext length (uint32 BE) · key id length (1 byte) · key id (ASCII) · IV (12) · ciphertext · tag (16)
 *
 * Each record is AES-256-GCM with a random IV, bound (associated data) to the blob key, the file id and the
 * record's plaintext offset: a record moved within the file, to another file or another key fails its tag.
 * A file that does not start with the magic is legacy plaintext and is read as it is.
 */
export const BLOB_MAGIC = Buffer.from('KENCBLB1', 'latin1');
/** Bytes before the first record. */
export const BLOB_HEADER_BYTES = BLOB_MAGIC.length + 16;
/** The largest plaintext of one record written by `sealBlob` and the stores (64 KiB). */
export const BLOB_RECORD_BYTES = 64 * 1024;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Where one record sits: in the file and in the plaintext. */
export interface BlobRecord {
  fileOffset: number;
  plainOffset: number;
  plainLength: number;
  recordLength: number;
  keyId: string;
}

/** The records of an encrypted blob file; bytes after `validEnd` are a torn write. */
export interface BlobIndex {
  fileId: Buffer;
  records: BlobRecord[];
  plainSize: number;
  validEnd: number;
}

/** A new header with a random file id. */
export function createBlobHeader(): Buffer {
  return Buffer.concat([BLOB_MAGIC, randomBytes(16)]);
}

/** True when the bytes start like an encrypted blob (or are a torn start of one). */
export function startsAsEncryptedBlob(head: Buffer): boolean {
  const length = Math.min(head.length, BLOB_MAGIC.length);
  return head.subarray(0, length).equals(BLOB_MAGIC.subarray(0, length));
}

function recordContext(blobKey: string, fileId: Buffer, plainOffset: number): string {
  return `blob:${blobKey}:${fileId.toString('hex')}:${plainOffset}`;
}

/** Encrypts one record of plaintext at `plainOffset` of the blob. */
export function sealBlobRecord(
  keyring: Keyring,
  location: { blobKey: string; fileId: Buffer; plainOffset: number },
  plaintext: Uint8Array,
): Buffer {
  const sealed = keyring.sealBytes(
    plaintext,
    recordContext(location.blobKey, location.fileId, location.plainOffset),
  );
  const keyId = Buffer.from(sealed.keyId, 'latin1');
  const head = Buffer.alloc(5);
  head.writeUInt32BE(plaintext.byteLength, 0);
  head.writeUInt8(keyId.length, 4);
  return Buffer.concat([head, keyId, sealed.iv, sealed.ciphertext, sealed.tag]);
}

/** Encrypts a run of plaintext as records of at most `BLOB_RECORD_BYTES`, starting at `plainOffset`. */
export function sealBlobRecords(
  keyring: Keyring,
  location: { blobKey: string; fileId: Buffer; plainOffset: number },
  plaintext: Uint8Array,
): Buffer {
  const parts: Buffer[] = [];
  for (let start = 0; start < plaintext.byteLength; start += BLOB_RECORD_BYTES) {
    const end = Math.min(plaintext.byteLength, start + BLOB_RECORD_BYTES);
    parts.push(
      sealBlobRecord(
        keyring,
        { ...location, plainOffset: location.plainOffset + start },
        plaintext.subarray(start, end),
      ),
    );
  }
  return Buffer.concat(parts);
}

/** A whole encrypted blob file of `plaintext`. */
export function sealBlob(keyring: Keyring, blobKey: string, plaintext: Uint8Array): Buffer {
  const header = createBlobHeader();
  const fileId = header.subarray(BLOB_MAGIC.length);
  return Buffer.concat([header, sealBlobRecords(keyring, { blobKey, fileId, plainOffset: 0 }, plaintext)]);
}

/**
 * Reads the record layout from a header and a function that reads bytes at a file offset. Stops at the first
 * incomplete record (a write torn by a crash).
 */
export function indexBlobRecords(
  header: Buffer,
  fileSize: number,
  readAt: (offset: number, length: number) => Buffer,
): BlobIndex {
  const fileId = Buffer.from(header.subarray(BLOB_MAGIC.length, BLOB_HEADER_BYTES));
  const records: BlobRecord[] = [];
  let offset = BLOB_HEADER_BYTES;
  let plainOffset = 0;
  while (offset + 5 <= fileSize) {
    const head = readAt(offset, Math.min(5 + 255, fileSize - offset));
    const plainLength = head.readUInt32BE(0);
    const keyIdLength = head.readUInt8(4);
    if (head.length < 5 + keyIdLength) break;
    const recordLength = 5 + keyIdLength + IV_BYTES + plainLength + TAG_BYTES;
    if (offset + recordLength > fileSize) break;
    const keyId = head.subarray(5, 5 + keyIdLength).toString('latin1');
    records.push({ fileOffset: offset, plainOffset, plainLength, recordLength, keyId });
    offset += recordLength;
    plainOffset += plainLength;
  }
  return { fileId, records, plainSize: plainOffset, validEnd: offset };
}

/** Indexes an encrypted blob held in memory. */
export function indexBlobBuffer(buffer: Buffer): BlobIndex {
  if (buffer.length < BLOB_HEADER_BYTES) {
    return { fileId: Buffer.alloc(16), records: [], plainSize: 0, validEnd: buffer.length };
  }
  return indexBlobRecords(buffer.subarray(0, BLOB_HEADER_BYTES), buffer.length, (offset, length) =>
    buffer.subarray(offset, offset + length),
  );
}

/** Decrypts one record given its bytes. */
export function openBlobRecord(
  keyring: Keyring,
  location: { blobKey: string; fileId: Buffer },
  record: BlobRecord,
  bytes: Buffer,
): Buffer {
  const keyIdLength = bytes.readUInt8(4);
  const ivStart = 5 + keyIdLength;
  const cipherStart = ivStart + IV_BYTES;
  const cipherEnd = cipherStart + record.plainLength;
  try {
    return keyring.openBytes(
      {
        keyId: record.keyId,
        iv: bytes.subarray(ivStart, cipherStart),
        ciphertext: bytes.subarray(cipherStart, cipherEnd),
        tag: bytes.subarray(cipherEnd, cipherEnd + TAG_BYTES),
      },
      recordContext(location.blobKey, location.fileId, record.plainOffset),
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'internal') {
      throw new AppError('internal', 'Kunne ikke dekryptere lydfilen: feil nøkkel eller endret innhold', {
        details: { key: location.blobKey, keyId: record.keyId },
        cause: error,
      });
    }
    throw error;
  }
}

/** Decrypts a whole encrypted blob held in memory; legacy plaintext comes back as it is. */
export function openBlob(keyring: Keyring, blobKey: string, buffer: Buffer): Buffer {
  if (!startsAsEncryptedBlob(buffer)) return buffer;
  const index = indexBlobBuffer(buffer);
  return Buffer.concat(
    index.records.map((record) =>
      openBlobRecord(
        keyring,
        { blobKey, fileId: index.fileId },
        record,
        buffer.subarray(record.fileOffset, record.fileOffset + record.recordLength),
      ),
    ),
  );
}
