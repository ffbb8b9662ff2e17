import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { AppError } from '@kollega/domain';
import type { PatientSummary } from '@kollega/clinical';
import { machineTranslationNotice } from '@kollega/clinical';

/** Options for `renderPatientSummaryPdf`. */
export interface RenderPatientSummaryPdfOptions {
  /** The doctor who approved the summary; without it the PDF is marked as a draft. */
  approvedBy?: string;
  /** ISO time of the approval. */
  approvedAt?: string;
  /** A TrueType font with broad Unicode coverage (regular and bold); DejaVu Sans when installed. */
  fonts?: { regular: string; bold: string };
  /** Fixed creation date (tests); defaults to now. */
  creationDate?: Date;
}

const DEJAVU = {
  regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
};

/** Scripts pdfkit cannot lay out (right-to-left and scripts that need shaping). */
const UNSUPPORTED_SCRIPT = /[\u0590-\u08ff\u0900-\u0dff\u1200-\u139f\ufb1d-\ufdff\ufe70-\ufeff]/u;

const LABELS: Record<
  string,
  { approved: (name: string, date: string) => string; draft: string; sources: string }
> = {
  nb: {
    approved: (name, date) => `Gjennomgått og godkjent av lege ${name}${date === '' ? '' : `, ${date}`}.`,
    draft: 'UTKAST – ikke godkjent av lege ennå.',
    sources: 'Kilder til rådene',
  },
  en: {
    approved: (name, date) => `Reviewed and approved by Dr ${name}${date === '' ? '' : `, ${date}`}.`,
    draft: 'DRAFT – not yet approved by a doctor.',
    sources: 'Sources of the advice',
  },
};

function formatDate(iso: string | undefined, language: string): string {
  if (iso === undefined) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'long' }).format(date);
}

/**
 * Renders a patient summary as an A4 PDF: large type (13 pt body), the summary's title and language set as
 * document metadata, list items as bullets, the approval (or a draft mark), the machine-translation notice
 * when it applies, and the sources of the advice. Right-to-left and shaped scripts are refused
 * (`invalid_input`): pdfkit cannot lay them out, so the browser's print view is the way there.
 */
export async function renderPatientSummaryPdf(
  summary: PatientSummary,
  options: RenderPatientSummaryPdfOptions = {},
): Promise<Buffer> {
  const allText = [
    summary.title,
    ...summary.sections.flatMap((section) => [
      section.title,
      ...section.sentences.map((sentence) => sentence.text),
    ]),
  ].join(' ');
  if (UNSUPPORTED_SCRIPT.test(allText)) {
    throw new AppError(
      'invalid_input',
      'PDF støtter ikke dette skriftsystemet ennå; bruk utskrift fra nettleseren',
      {
        details: { language: summary.language },
      },
    );
  }
  const fonts = options.fonts ?? (existsSync(DEJAVU.regular) && existsSync(DEJAVU.bold) ? DEJAVU : undefined);
  const labels = LABELS[summary.language] ?? LABELS.en!;
  const document = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    lang: summary.language,
    displayTitle: true,
    info: {
      Title: summary.title,
      Author: options.approvedBy ?? 'Kollega',
      Creator: 'Kollega',
      CreationDate: options.creationDate ?? new Date(),
    },
  });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });

  const regular = fonts === undefined ? 'Helvetica' : 'body';
  const bold = fonts === undefined ? 'Helvetica-Bold' : 'body-bold';
  if (fonts !== undefined) {
    document.registerFont('body', fonts.regular);
    document.registerFont('body-bold', fonts.bold);
  }
  const width = document.page.width - document.page.margins.left - document.page.margins.right;

  document.font(bold).fontSize(20).text(summary.title, { width });
  document.moveDown(0.3);
  const approval =
    options.approvedBy === undefined
      ? labels.draft
      : labels.approved(options.approvedBy, formatDate(options.approvedAt, summary.language));
  document.font(regular).fontSize(11).fillColor('#333333').text(approval, { width });
  if (summary.machineTranslated) document.text(machineTranslationNotice(), { width });
  document.fillColor('#000000');

  for (const section of summary.sections) {
    document.moveDown(0.9);
    document.font(bold).fontSize(15).text(section.title, { width });
    document.moveDown(0.25);
    document.font(regular).fontSize(13);
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length === 0) return;
      document.text(paragraph.join(' '), { width, lineGap: 3 });
      document.moveDown(0.3);
      paragraph = [];
    };
    const items: string[] = [];
    const flushItems = () => {
      if (items.length === 0) return;
      document.list(items.splice(0), { width: width - 16, lineGap: 3, bulletRadius: 2.5, textIndent: 14 });
      document.moveDown(0.3);
    };
    for (const sentence of section.sentences) {
      if (sentence.layout === 'item') {
        flush();
        items.push(sentence.text);
        continue;
      }
      flushItems();
      if (sentence.layout === 'lead') {
        flush();
        document.font(bold).text(sentence.text, { width, lineGap: 3 }).font(regular);
      } else {
        paragraph.push(sentence.text);
      }
    }
    flushItems();
    flush();
  }

  if (summary.sources.length > 0) {
    document.moveDown(1);
    document.font(bold).fontSize(10).text(labels.sources, { width });
    document.font(regular).fontSize(9).fillColor('#333333');
    for (const source of summary.sources) document.text(`${source.citation} (${source.version})`, { width });
  }
  document.end();
  return finished;
}
