import type { WithWarnings } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import type { RecordDocument } from '@kollega/clinical';
import { createTextRecordDocument, readFhirRecordDocument } from '@kollega/clinical';
import { extractPdfText, looksLikePdf } from '../pdf/extract-pdf-text';

/**
 * Imports one file of a patient's record: a PDF with a text layer (unpdf), a FHIR R4 Bundle (JSON), or
 * plain text (UTF-8, or Windows-1252 as older EPJ exports write it). Returns the document split into
 * dated passages with ids.
 */

/** A record file: the id to give the document, its file name and its bytes. */
export interface RecordFileInput {
  id: string;
  name: string;
  bytes: Uint8Array;
}

/** Decodes text as UTF-8, falling back to Windows-1252; a byte-order mark is dropped. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Imports a record file; see the module comment. Throws `invalid_input` for an empty or unreadable file. */
export async function importRecordFile(input: RecordFileInput): Promise<WithWarnings<RecordDocument>> {
  if (input.bytes.length === 0)
    throw new AppError('invalid_input', 'Dokumentet er tomt', { details: { documentId: input.id } });
  if (looksLikePdf(input.bytes)) {
    const { pages } = await extractPdfText(input.bytes);
    return {
      value: createTextRecordDocument({ id: input.id, name: input.name, kind: 'pdf', pages }),
      warnings: [],
    };
  }
  const text = decodeText(input.bytes);
  const trimmed = text.trimStart();
  if (/\.json$/i.test(input.name) || trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed) as unknown;
    } catch (error) {
      throw new AppError('invalid_input', 'JSON-filen kunne ikke leses', {
        cause: error,
        details: { documentId: input.id },
      });
    }
    return readFhirRecordDocument({ id: input.id, name: input.name, json });
  }
  if (text.trim() === '')
    throw new AppError('invalid_input', 'Dokumentet er tomt', { details: { documentId: input.id } });
  return {
    value: createTextRecordDocument({ id: input.id, name: input.name, pages: text.split('\f') }),
    warnings: [],
  };
}
