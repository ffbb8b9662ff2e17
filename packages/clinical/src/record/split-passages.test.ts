import { describe, expect, it } from 'vitest';
import { createTextRecordDocument } from './split-passages';

describe('createTextRecordDocument', () => {
  it('dates passages by the heading they sit under, and not by a date inside a sentence', () => {
    const document = createTextRecordDocument({
      id: 'd1',
      name: 'journal.txt',
      pages: [
        [
          'Konsultasjon 12.03.2024 – kontroll',
          'Aktuelt: Føler seg bra.',
          'Blodprøver fra 01.03.2024 viser HbA1c 53 mmol/mol, kreatinin 80 µmol/L og eGFR 85.',
          '',
          '20.04.2024 Telefon',
          'Spør om resept.',
        ].join('\n'),
      ],
    });
    const byText = (fragment: string) => document.passages.find((passage) => passage.text.includes(fragment));
    expect(byText('HbA1c')?.date).toBe('2024-03-12');
    expect(byText('Spør om resept')?.date).toBe('2024-04-20');
    expect(byText('Spør om resept')?.heading).toBe('20.04.2024 Telefon');
    expect(new Set(document.passages.map((passage) => passage.id)).size).toBe(document.passages.length);
    expect(document.passages.map((passage) => passage.ordinal)).toEqual(
      document.passages.map((_, index) => index + 1),
    );
  });

  it('joins lines a PDF wrapped and keeps the page number', () => {
    const document = createTextRecordDocument({
      id: 'p',
      name: 'journal.pdf',
      kind: 'pdf',
      pages: [
        'Første side.',
        '05.05.2023 Kontroll\nPasienten har hatt smerter i høyre kne i tre uker og går\nmed krykker. Bedre etter hvile og paracetamol, men fortsatt\nvondt om natten.',
      ],
    });
    const knee = document.passages.find((passage) => passage.text.includes('krykker'));
    expect(knee?.page).toBe(2);
    expect(knee?.text).toContain('går med krykker');
    expect(knee?.text).toContain('fortsatt vondt om natten');
    expect(document.pageCount).toBe(2);
  });

  it('splits a long paragraph into passages of readable length at sentence ends', () => {
    const sentence = 'Pasienten beskriver smerter som kommer og går gjennom dagen. ';
    const document = createTextRecordDocument({ id: 'l', name: 'lang.txt', pages: [sentence.repeat(40)] });
    expect(document.passages.length).toBeGreaterThan(2);
    for (const passage of document.passages) {
      expect(passage.text.length).toBeLessThanOrEqual(900);
      expect(passage.text.endsWith('.')).toBe(true);
    }
  });
});
