import PDFDocument from 'pdfkit';
import { toWinAnsiText } from './win-ansi';

/**
 * Renders simple clinical documents as PDF with PDFKit: a title, optional lines under it, sections with a
 * heading and paragraphs, a closing line (the approval), and "Side x av y" on every page. Text uses the
 * standard Helvetica fonts (WinAnsi), which carry Norwegian letters; see win-ansi.ts.
 */

/** One section of a PDF: a heading and its text (line breaks start new paragraphs). */
export interface PdfSection {
  title: string;
  text: string;
  /** Start the section on a new page (not for the first section). */
  newPage?: boolean;
}

/** What `renderPdf` writes. */
export interface PdfContent {
  title: string;
  /** Short lines under the title (patient, date, status). */
  subtitleLines?: string[];
  sections: PdfSection[];
  /** The closing line, e.g. "KI-assistert utkast, gjennomgått og godkjent av lege …". */
  closingLine?: string;
  /** PDF metadata. */
  author?: string;
  subject?: string;
  /** Fixed creation time (tests); defaults to now. */
  createdAt?: Date;
}

const MARGIN = 56;

/** Renders the content as a PDF file (A4) and returns its bytes. */
export function renderPdf(content: PdfContent): Promise<Buffer> {
  const document = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: toWinAnsiText(content.title),
      Creator: 'Kollega',
      Producer: 'Kollega (PDFKit)',
      ...(content.author === undefined ? {} : { Author: toWinAnsiText(content.author) }),
      ...(content.subject === undefined ? {} : { Subject: toWinAnsiText(content.subject) }),
      CreationDate: content.createdAt ?? new Date(),
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });

  document.font('Helvetica-Bold').fontSize(18).fillColor('#111111').text(toWinAnsiText(content.title));
  document.moveDown(0.3);
  for (const line of content.subtitleLines ?? []) {
    document.font('Helvetica').fontSize(10).fillColor('#444444').text(toWinAnsiText(line));
  }
  document.moveDown(0.8);
  content.sections.forEach((section, position) => {
    const body = section.text.trim();
    if (body === '') return;
    if (section.newPage === true && position > 0) document.addPage();
    document.font('Helvetica-Bold').fontSize(12).fillColor('#111111').text(toWinAnsiText(section.title));
    document.moveDown(0.2);
    for (const paragraph of body.split(/\n+/)) {
      document
        .font('Helvetica')
        .fontSize(10.5)
        .fillColor('#111111')
        .text(toWinAnsiText(paragraph), { paragraphGap: 2 });
    }
    document.moveDown(0.7);
  });
  if (content.closingLine !== undefined) {
    document.moveDown(0.5);
    document
      .font('Helvetica-Oblique')
      .fontSize(10)
      .fillColor('#111111')
      .text(toWinAnsiText(content.closingLine));
  }

  const range = document.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page += 1) {
    document.switchToPage(page);
    const bottom = document.page.height - MARGIN / 2 - 10;
    // Writing below the bottom margin would add a page; lift the margin while the footer is written.
    const margins = document.page.margins;
    document.page.margins = { ...margins, bottom: 0 };
    document
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#666666')
      .text(
        toWinAnsiText(`${content.title} – side ${page - range.start + 1} av ${range.count}`),
        MARGIN,
        bottom,
        {
          width: document.page.width - MARGIN * 2,
          align: 'center',
          lineBreak: false,
        },
      );
    document.page.margins = margins;
  }
  document.end();
  return finished;
}
