import { describe, expect, it } from 'vitest';
import { convertNumberWords, convertOrdinals, joinBloodPressure } from './numbers';
import { restoreSpokenAbbreviations } from './spoken-abbreviations';
import { normalizeSpokenText } from './text';

describe('convertNumberWords (nb)', () => {
  it.each([
    ['seks hundre og seksti milligram', '660 milligram'],
    ['trettiåtte komma ni', '38,9'],
    ['fire ganger om dagen', '4 ganger om dagen'],
    ['hundre og førtiåtte over nittito', '148 over 92'],
    ['to og en halv uke', '2,5 uke'],
    ['hundre og seksten hundre og sytten', '116 117'],
    ['ti komma ni', '10,9'],
    ['en komma åtte', '1,8'],
    ['fem-ti minutter', '5-10 minutter'],
    ['trettisju åtte i går', '37,8 i går'],
    ['to tusen og tjuefire', '2024'],
    ['halvannen uke', '1,5 uke'],
  ])('%s → %s', (spoken, written) => {
    expect(convertNumberWords(spoken, 'nb')).toBe(written);
  });

  it('leaves "en" alone when it is an article', () => {
    expect(convertNumberWords('jeg har en hoste', 'nb')).toBe('jeg har en hoste');
    expect(convertNumberWords('én tablett', 'nb')).toBe('1 tablett');
  });

  it('does not read a count as a temperature', () => {
    expect(convertNumberWords('trettifem to ganger', 'nb')).toBe('35 2 ganger');
  });
});

describe('convertNumberWords (en)', () => {
  it.each([
    ['one hundred and twenty', '120'],
    ['thirty-eight point five', '38.5'],
    ['twenty five milligrams', '25 milligrams'],
    ['two and a half weeks', '2.5 weeks'],
  ])('%s → %s', (spoken, written) => {
    expect(convertNumberWords(spoken, 'en')).toBe(written);
  });

  it('keeps "one" as a pronoun', () => {
    expect(convertNumberWords('the one on the left', 'en')).toBe('the one on the left');
  });
});

describe('ordinals and blood pressure', () => {
  it('writes Norwegian ordinals from third on as digits', () => {
    expect(convertOrdinals('mellom fjerde og femte tå, hver tredje dag', 'nb')).toBe(
      'mellom 4. og 5. tå, hver 3. dag',
    );
    expect(convertOrdinals('den andre gangen', 'nb')).toBe('den andre gangen');
  });
  it('joins systolic and diastolic values', () => {
    expect(joinBloodPressure('blodtrykket er 148 over 92')).toBe('blodtrykket er 148/92');
    expect(joinBloodPressure('over 92 over 148')).toBe('over 92 over 148');
  });
});

describe('spoken abbreviations and split words', () => {
  it('restores letter names and glued digits', () => {
    expect(restoreSpokenAbbreviations('ce er pe er 45', 'nb')).toBe('CRP er 45');
    expect(restoreSpokenAbbreviations('vi tar e ka ge', 'nb')).toBe('vi tar EKG');
    expect(restoreSpokenAbbreviations('hbaenc er 58', 'nb')).toBe('HbA1c er 58');
    expect(restoreSpokenAbbreviations('btolv og tfire', 'nb')).toBe('B12 og T4');
  });
  it('does not turn ordinary words into abbreviations', () => {
    expect(restoreSpokenAbbreviations('det er mer enn før', 'nb')).toBe('det er mer enn før');
  });
  it('normalises recogniser output end to end', () => {
    expect(normalizeSpokenText('seks hundre og seksti milli gram fire ganger daglig', 'nb')).toBe(
      '660 milligram 4 ganger daglig',
    );
    expect(normalizeSpokenText('temperaturen er trettiåtte komma ni og ce er pe er førtifem', 'nb')).toBe(
      'temperaturen er 38,9 og CRP er 45',
    );
    expect(normalizeSpokenText('positiv for strepto kokker', 'nb')).toBe('positiv for streptokokker');
  });
});
