import { describe, expect, it } from 'vitest';
import { findDates, formatNorwegianDate, toIsoDate } from './norwegian-dates';
import { questionTerms, splitRecordSentences, stemNorwegianWord, tokenizeNorwegian } from './norwegian-terms';

describe('Norwegian tokenisation for record search', () => {
  it('keeps æ, ø and å, lower-cases, and keeps decimal and slash numbers whole', () => {
    expect(tokenizeNorwegian('Smerter i høyre kne, ØDEM. BT 138/84, TSH 2,4')).toEqual(
      expect.arrayContaining(['smert', 'høyr', 'kne', 'ødem', 'bt', '138/84', 'tsh', '2,4']),
    );
  });

  it('stems common inflections to one term and leaves short words and numbers alone', () => {
    expect(stemNorwegianWord('blodtrykket')).toBe('blodtrykk');
    expect(stemNorwegianWord('tablettene')).toBe(stemNorwegianWord('tabletter'));
    expect(stemNorwegianWord('kne')).toBe('kne');
    expect(stemNorwegianWord('2024')).toBe('2024');
  });

  it('maps lay words and professional words to one term', () => {
    expect(tokenizeNorwegian('langtidsblodsukkeret')).toEqual(tokenizeNorwegian('HbA1c'));
    expect(tokenizeNorwegian('Seponert')).toEqual(tokenizeNorwegian('stoppet'));
  });

  it('leaves the words that only frame a question out of its terms', () => {
    expect(questionTerms('Når ble HbA1c sist målt, og hva var verdien?')).toEqual(['hba1c']);
  });

  it('splits passages into sentences at line ends and sentence ends, keeping abbreviations', () => {
    expect(splitRecordSentences('HbA1c 53 mmol/mol\nKreatinin 80. Ca. 3 uker siden.')).toEqual([
      'HbA1c 53 mmol/mol',
      'Kreatinin 80.',
      'Ca. 3 uker siden.',
    ]);
  });
});

describe('Norwegian dates', () => {
  it('reads numeric, ISO and written dates, and rejects impossible ones', () => {
    expect(
      findDates('Kontroll 12.03.2024, så 2024-04-02 og 5. mai 2023; ikke 31.02.2024 eller 12.3.').map(
        (date) => date.iso,
      ),
    ).toEqual(['2024-03-12', '2024-04-02', '2023-05-05']);
    expect(findDates('Prøve 1.2.24').map((date) => date.iso)).toEqual(['2024-02-01']);
  });

  it('does not read decimal values as dates', () => {
    expect(findDates('TSH 2,4 og kreatinin 12.5 mg')).toEqual([]);
  });

  it('formats and normalises ISO dates', () => {
    expect(formatNorwegianDate('2024-03-12')).toBe('12.03.2024');
    expect(toIsoDate('2024-03-12T10:00:00Z')).toBe('2024-03-12');
    expect(toIsoDate('2019')).toBe('2019-01-01');
    expect(toIsoDate('ukjent')).toBeUndefined();
  });
});
