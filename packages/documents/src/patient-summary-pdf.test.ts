import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import type { PatientSummary } from '@kollega/clinical';
import { AppError } from '@kollega/domain';
import { renderPatientSummaryPdf } from './patient-summary-pdf';

const SUMMARY: PatientSummary = {
  language: 'nb',
  noteLanguage: 'nb',
  title: 'Oppsummering fra legetimen',
  sections: [
    {
      id: 'medisin',
      title: 'Slik tar du medisinen',
      sentences: [
        {
          id: 'p1',
          text: 'Resept på fenoksymetylpenicillin 660 mg fire ganger om dagen i fem dager.',
          evidence: ['t1'],
          origin: 'note',
          layout: 'text',
        },
      ],
    },
    {
      id: 'hjelp',
      title: 'Når bør du ta kontakt igjen?',
      sentences: [
        { id: 'p2', text: 'Ring 113 med en gang hvis:', evidence: [], origin: 'guideline', layout: 'lead' },
        {
          id: 'p3',
          text: 'Du får store vansker med å puste.',
          evidence: [],
          origin: 'guideline',
          layout: 'item',
          source: 'nimn',
        },
      ],
    },
  ],
  sources: [
    {
      id: 'nimn',
      citation: 'Norsk indeks for medisinsk nødhjelp (NIMN)',
      version: '4. utgave 2018',
      evidence: 'V',
    },
  ],
  conditions: [],
  lix: 20,
  engine: 'builtin',
  machineTranslated: false,
};

async function textOf(pdf: Buffer): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('renderPatientSummaryPdf', () => {
  it('writes the summary, the approval and the sources into a PDF with Norwegian letters intact', async () => {
    const pdf = await renderPatientSummaryPdf(SUMMARY, {
      approvedBy: 'Kari Nordmann',
      approvedAt: '2025-03-04T10:00:00Z',
      creationDate: new Date('2025-03-04T10:00:00Z'),
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await textOf(pdf);
    expect(text).toContain('Oppsummering fra legetimen');
    expect(text).toContain('660 mg fire ganger om dagen i fem dager');
    expect(text).toContain('Når bør du ta kontakt igjen?');
    expect(text).toContain('Du får store vansker med å puste.');
    expect(text).toContain('Gjennomgått og godkjent av lege Kari Nordmann');
    expect(text).toContain('4. utgave 2018');
  });

  it('marks an unapproved summary as a draft and a translation as machine-translated', async () => {
    const text = await textOf(
      await renderPatientSummaryPdf({
        ...SUMMARY,
        language: 'pl',
        machineTranslated: true,
        title: 'Podsumowanie wizyty',
      }),
    );
    expect(text).toContain('DRAFT');
    expect(text).toContain('Maskinoversatt');
    expect(text).toContain('Podsumowanie wizyty');
  });

  it('refuses scripts it cannot lay out', async () => {
    await expect(
      renderPatientSummaryPdf({ ...SUMMARY, language: 'ar', title: 'ملخص الزيارة' }),
    ).rejects.toBeInstanceOf(AppError);
  });
});
