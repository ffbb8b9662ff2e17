import { extractText, getDocumentProxy } from 'unpdf';
import { AppError } from '@kollega/domain';

/**
 * Reads the text layer of a PDF, page by page, with unpdf (PDF.js). A scanned PDF without a text layer
 * gives `invalid_input` (OCR is not done here); an unreadable file likewise. Errors never quote the file.
 */

/** The text of each page of a PDF. */
export interface PdfText {
  pages: string[];
}

/** True when the bytes start like a PDF file. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

/** Extracts the text of every page; throws `invalid_input` for an unreadable PDF or one without text. */
export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  if (!looksLikePdf(bytes)) throw new AppError('invalid_input', 'Filen er ikke en PDF');
  let pages: string[];
  try {
    // PDF.js may take over the buffer it reads; give it a copy.
    const proxy = await getDocumentProxy(new Uint8Array(bytes));
    const result = await extractText(proxy, { mergePages: false });
    pages = result.text;
  } catch (error) {
    throw new AppError('invalid_input', 'PDF-en kunne ikke leses', { cause: error });
  }
  if (pages.every((page) => page.trim() === '')) {
    throw new AppError(
      'invalid_input',
      'PDF-en har ikke tekstlag (skannet dokument?); bruk en PDF med tekst',
      {
        details: { pageCount: pages.length },
      },
    );
  }
  return { pages };
}
