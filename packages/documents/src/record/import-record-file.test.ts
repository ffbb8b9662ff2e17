import { describe, expect, it } from 'vitest';
import { answerRecordQuestion, createRecordIndex } from '@kollega/clinical';
import { renderPdf } from '../pdf/render-pdf';
import { decodeText, importRecordFile } from './import-record-file';

describe('importRecordFile', () => {
  it('reads a PDF record page by page, dates its passages and answers from it', async () => {
    const pdf = await renderPdf({
      title: 'Journalutskrift',
      sections: [
        {
          title: 'Konsultasjon 12.03.2024 – kontroll diabetes',
          text: 'Blodprøver fra 01.03.2024 viser HbA1c 53 mmol/mol. Føler seg bra, går tur daglig.',
        },
        { title: 'Laboratoriesvar – prøve tatt 02.09.2024', text: 'HbA1c 49 mmol/mol\nKreatinin 80 µmol/L' },
      ],
    });
    const { value: document } = await importRecordFile({ id: 'pdf1', name: 'journal.pdf', bytes: pdf });
    expect(document.kind).toBe('pdf');
    expect(document.pageCount).toBe(1);
    expect(document.passages.every((passage) => passage.page === 1)).toBe(true);
    const answer = answerRecordQuestion(
      createRecordIndex([document]),
      'Når ble HbA1c sist målt, og hva var verdien?',
    );
    expect(answer.date).toBe('2024-09-02');
    expect(answer.value).toBe('49 mmol/mol');
    expect(answer.citations[0]?.label).toMatch(/^journal\.pdf, side 1, avsnitt \d+/);
  });

  it('reads FHIR JSON and plain text, also Windows-1252 text from older systems', async () => {
    const fhir = await importRecordFile({
      id: 'f',
      name: 'data.json',
      bytes: new TextEncoder().encode(
        JSON.stringify({
          resourceType: 'Bundle',
          type: 'collection',
          entry: [{ resource: { resourceType: 'AllergyIntolerance', code: { text: 'Nøtter' } } }],
        }),
      ),
    });
    expect(fhir.value.kind).toBe('fhir');
    expect(fhir.value.passages[0]?.text).toBe('Allergi: Nøtter.');
    const latin = Uint8Array.from([0x42, 0xf8, 0x72, 0x20, 0xe5, 0x20, 0x6b, 0x6e, 0xe6]); // "Bør å knæ" in Windows-1252
    expect(decodeText(latin)).toBe('Bør å knæ');
    const text = await importRecordFile({ id: 't', name: 'notat.txt', bytes: latin });
    expect(text.value.passages[0]?.text).toBe('Bør å knæ');
  });

  it('refuses empty files and broken JSON', async () => {
    await expect(
      importRecordFile({ id: 'e', name: 'tom.txt', bytes: new Uint8Array() }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      importRecordFile({ id: 'j', name: 'x.json', bytes: new TextEncoder().encode('{"resourceType": ') }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
