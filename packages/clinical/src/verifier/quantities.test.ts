import { describe, expect, it } from 'vitest';
import { extractQuantities, formatQuantityValue, quantitiesMatch } from './quantities';

function values(text: string, language: 'nb' | 'en'): string[] {
  return extractQuantities(text, language).map(
    (quantity) =>
      `${quantity.value}${quantity.value2 === undefined ? '' : `/${quantity.value2}`}${quantity.family ? ` ${quantity.family}` : ''}`,
  );
}

describe('extractQuantities', () => {
  it('reads Norwegian digits with a decimal comma, doses and frequencies', () => {
    expect(values('T 38,6. Resept 660 mg x 4 i 5 d.', 'nb')).toEqual([
      '38.6',
      '660 mass',
      '4 frequency',
      '5 time',
    ]);
  });

  it('reads spoken Norwegian numbers', () => {
    expect(values('jeg målte trettiåtte komma ni i går', 'nb')).toEqual(['38.9']);
    expect(values('seks hundre og seksti milligram fire ganger daglig i fem dager', 'nb')).toEqual([
      '660 mass',
      '4 frequency',
      '5 time',
    ]);
    expect(values('to og en halv uke', 'nb')).toEqual(['2.5 time']);
    expect(values('oppe fem-seks ganger', 'nb')).toEqual(['5/6 frequency']);
    expect(values('tre komma sju fem milligram', 'nb')).toEqual(['3.75 mass']);
  });

  it('reads spoken English numbers, blood pressures and speech-recognised decimals', () => {
    expect(values('a hundred and forty over seventy', 'en')).toEqual(['140/70']);
    expect(values('one fifty over seventy', 'en')).toEqual(['150/70']);
    expect(values('your temperature is ninety eight . two', 'en')).toEqual(['98.2']);
    expect(values('eight hundred milligrams twice a day', 'en')).toEqual(['800 mass', '2 frequency']);
  });

  it('labels vital signs and does not read identifiers as numbers', () => {
    const [pulse] = extractQuantities('Puls 96', 'nb');
    expect(pulse?.label).toBe('pulse');
    expect(extractQuantities('PHQ-9 og CHA2DS2-VASc', 'nb')).toEqual([]);
    expect(extractQuantities('diabetes type 2', 'nb').map((quantity) => quantity.label)).toEqual(['type']);
  });

  it('matches values across units but not across kinds', () => {
    const [gram] = extractQuantities('1 g', 'nb');
    const [milligram] = extractQuantities('1000 mg', 'nb');
    const [days] = extractQuantities('10 d', 'nb');
    const [years] = extractQuantities('10 år', 'nb');
    expect(gram && milligram && quantitiesMatch(gram, milligram)).toBe(true);
    expect(days && years && quantitiesMatch(days, years)).toBe(false);
  });

  it('formats with a decimal comma in Norwegian', () => {
    const [quantity] = extractQuantities('38.4', 'en');
    expect(quantity && formatQuantityValue(quantity, 'nb')).toBe('38,4');
  });
});
