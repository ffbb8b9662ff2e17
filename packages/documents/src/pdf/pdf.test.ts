import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { AppError } from '@kollega/domain';
import { extractPdfText, looksLikePdf } from './extract-pdf-text';
import { renderPdf } from './render-pdf';
import { toWinAnsiText } from './win-ansi';

describe('renderPdf', () => {
  it('writes a PDF whose text layer holds Norwegian letters, headings and page numbers', async () => {
    const bytes = await renderPdf({
      title: 'Henvisning',
      subtitleLines: ['Til: Øre-nese-hals, Ålesund sjukehus'],
      sections: [
        {
          title: 'Aktuell problemstilling',
          text: 'Nedsatt hørsel på høyre øre i tre måneder.\nÆrlig talt plagsom – «verst om morgenen».',
        },
        { title: 'Tom seksjon', text: '   ' },
      ],
      closingLine: 'KI-assistert utkast, gjennomgått og godkjent av lege Åse Bø 14.03.2025',
    });
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages } = await extractPdfText(bytes);
    const text = pages.join('\n');
    for (const words of [
      'Øre-nese-hals, Ålesund sjukehus',
      'høyre øre',
      'Ærlig talt',
      '«verst om morgenen»',
      'Åse Bø',
      'side 1 av 1',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain('Tom seksjon');
  });

  it('numbers every page of a long document', async () => {
    const bytes = await renderPdf({
      title: 'Journalnotat',
      sections: Array.from({ length: 40 }, (_, index) => ({
        title: `Del ${index + 1}`,
        text: 'Blåbærsyltetøy. '.repeat(60),
      })),
    });
    const { pages } = await extractPdfText(bytes);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.at(-1)).toContain(`side ${pages.length} av ${pages.length}`);
  });
});

describe('toWinAnsiText', () => {
  it('keeps Norwegian letters and typographic marks and replaces what the standard fonts lack', () => {
    expect(toWinAnsiText('æøå ÆØÅ « » – µg ²')).toBe('æøå ÆØÅ « » – µg ²');
    expect(toWinAnsiText('BT ≥ 140 → kontroll')).toBe('BT >= 140 -> kontroll');
    expect(toWinAnsiText('Ștefan 漢')).toBe('Stefan ?');
  });
});

describe('extractPdfText', () => {
  it('refuses a file that is not a PDF and a PDF without a text layer', async () => {
    expect(looksLikePdf(new TextEncoder().encode('hei'))).toBe(false);
    await expect(extractPdfText(new TextEncoder().encode('hei'))).rejects.toBeInstanceOf(AppError);
    const blank = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    blank.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => blank.on('end', resolve));
    blank.rect(50, 50, 100, 100).stroke();
    blank.end();
    await ended;
    await expect(extractPdfText(Buffer.concat(chunks))).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('tekstlag'),
    });
  });
});
