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

  it('labels a bare number with one decimal between 35 and 43 as a temperature, not other numbers', () => {
    const labels = (text: string): Array<string | undefined> =>
      extractQuantities(text, 'nb').map((quantity) => quantity.label);
    expect(labels('jeg målte trettiåtte komma ni i går')).toEqual(['temperature']);
    expect(labels('han er 40 år og tok 37,5 mg')).toEqual([undefined, undefined]);
    expect(labels('verdien var 44,5')).toEqual([undefined]);
  });

  it('"gon na" and "wan na" in tokenised speech name no sodium', () => {
    expect(extractQuantities("i'm gon na say probably three", 'en')[0]?.label).toBeUndefined();
    expect(extractQuantities('na 139 and k 4.1', 'en')[0]?.label).toBe('sodium');
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

  it('reads a repeated hundreds number as two numbers, not one sum ("six hundred six hundred milligrams")', () => {
    expect(values('take six hundred six hundred milligrams at night', 'en')).toEqual(['600', '600 mass']);
    expect(values('two thousand four hundred milligrams', 'en')).toEqual(['2400 mass']);
    expect(values('three hundred and five milligrams', 'en')).toEqual(['305 mass']);
    expect(values('ring hundre og seksten hundre og sytten', 'nb')).toEqual(['116', '117']);
  });

  it('reads hundreds counted past ten, English thousands separators and leading decimal points', () => {
    expect(values('cut back to nineteen hundred milligrams', 'en')).toEqual(['1900 mass']);
    expect(values('about thirty two hundred', 'en')).toEqual(['3200']);
    expect(values('tolv hundre milligram', 'nb')).toEqual(['1200 mass']);
    expect(values('ninety hundred', 'en')).toEqual(['90', '100']);
    expect(values('take 2,000 milligrams, then 12,500,000 units', 'en')).toEqual([
      '2000 mass',
      '12500000 concentration',
    ]);
    expect(values('2,500 mg', 'nb')).toEqual(['2.5 mass']);
    expect(values('the level was .4 last time', 'en')).toEqual(['0.4']);
  });

  it('reads spoken decimals with "one" and several digits after "point"', () => {
    expect(values('his a1c is six point one', 'en')).toEqual(['6.1']);
    expect(values('his a1c is six . one today', 'en')).toEqual(['6.1']);
    expect(values('she is forty . one of her sisters', 'en')).toEqual(['40']);
    expect(values('point zero two five percent cream', 'en')).toEqual(['0.025 percent']);
    expect(values('a zero . zero two percent gel', 'en')).toEqual(['0.02 percent']);
  });

  it('reads spoken ranges: "a day or two", "three through six", close numbers run together', () => {
    expect(values('it should settle in a month or two', 'en')).toEqual(['1/2 time']);
    expect(values('maybe a glass or two of wine', 'en')).toEqual(['1/2 count']);
    expect(values('somewhere three through six out of ten', 'en')).toEqual(['3/6']);
    expect(values('it has been going on five seven days', 'en')).toEqual(['5/7 time']);
    expect(values('i counted two three four five days', 'en')).toEqual(['2', '3', '4', '5 time']);
    expect(values('en uke eller to', 'nb')).toEqual(['1/2 time']);
    expect(values('pain 5-6/10 at night, four through six out of ten by day', 'en')).toEqual(['5/6', '4/6']);
  });

  it('reads halves: "a month and a half", "half an hour", "4 and a half pounds"', () => {
    expect(values('for a month and a half', 'en')).toEqual(['1.5 time']);
    expect(values('started month and a half ago', 'en')).toEqual(['1.5 time']);
    expect(values('maybe a half an hour later', 'en')).toEqual(['0.5 time']);
    expect(values('up 4 and a half pounds', 'en')).toEqual(['4.5 mass']);
    expect(values('smokes a pack and a half a day', 'en')).toEqual(['1.5 count']);
  });

  it('reads ordinals with suffixes and "second"; a clock time is one number', () => {
    const ordinals = extractQuantities('the 3rd toe and the second toe', 'en');
    expect(ordinals.map((quantity) => [quantity.value, quantity.ordinal])).toEqual([
      [3, true],
      [2, true],
    ]);
    expect(values('back in a second', 'en')).toEqual([]);
    expect(values('woke at 4:00 am', 'en')).toEqual(['4']);
    expect(values('seven or so weeks, thirty plus years', 'en')).toEqual(['7 time', '30 time']);
    expect(values('she has an episode now and then', 'en')).toEqual([]);
  });

  it('reads years after a preposition, spoken or written, as years', () => {
    const years = (text: string): string[] =>
      extractQuantities(text, 'en').map((quantity) => `${quantity.value} ${quantity.label ?? '-'}`);
    expect(years('surgery back in nineteen eighty seven')).toEqual(['1987 year']);
    expect(years('since twenty twelve')).toEqual(['2012 year']);
    expect(years('a scan in 2016')).toEqual(['2016 year']);
    expect(years('in twenty eighteen months')).toEqual(['20 -', '18 -']);
  });

  it('reads a size ("2 x 3 cm", "two by three centimeters", "2 cm x 1 cm") as lengths, not a frequency', () => {
    const sizes = (text: string): string[] =>
      extractQuantities(text, 'en').map((quantity) => `${quantity.value} ${quantity.family ?? '-'}`);
    expect(sizes('a 2 x 3 cm lesion')).toEqual(['2 length', '3 length']);
    expect(sizes('about two by three centimeters')).toEqual(['2 length', '3 length']);
    expect(sizes('It is 2 cm x 1 cm.')).toEqual(['2 length', '1 length']);
    expect(sizes('Ibux 400 mg x 3')).toEqual(['400 mass', '3 frequency']);
  });

  it('reads a year filed after a history item, or alone in its clause, as a year', () => {
    const years = (text: string): string[] =>
      extractQuantities(text, 'en').map((quantity) => `${quantity.value} ${quantity.label ?? '-'}`);
    expect(years('Hysterectomy, 1996.')).toEqual(['1996 year']);
    expect(years('Appendectomy (2005)')).toEqual(['2005 year']);
    expect(years('1998.')).toEqual(['1998 year']);
    expect(years('Last pap smear: 2019.')).toEqual(['2019 year']);
    expect(years('walks 1500 steps')).toEqual(['1500 -']);
  });

  it('labels vital signs and does not read identifiers as numbers', () => {
    const [pulse] = extractQuantities('Puls 96', 'nb');
    expect(pulse?.label).toBe('pulse');
    expect(extractQuantities('PHQ-9 og CHA2DS2-VASc', 'nb')).toEqual([]);
    expect(extractQuantities('diabetes type 2', 'nb').map((quantity) => quantity.label)).toEqual(['type']);
    expect(
      extractQuantities('stage zero, grade two carcinoma', 'en').map((quantity) => quantity.label),
    ).toEqual(['stage', 'grade']);
  });

  it('labels "respiratory rate" and "pulse ox"; no vital-sign label for a dose after "blood pressure pill"', () => {
    const labels = (text: string): Array<string | undefined> =>
      extractQuantities(text, 'en').map((quantity) => quantity.label);
    expect(labels('heart rate sixty two and respiratory rate twenty')).toEqual(['pulse', 'respiratory-rate']);
    expect(labels('pulse ox ninety five percent')).toEqual(['oxygen-saturation']);
    expect(labels('for blood pressure take amlodipine 5 mg')).toEqual([undefined]);
    expect(labels('weighing 180 pounds')).toEqual(['weight']);
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

  it('reads "U/L" as enzyme activity, and "u" alone as weeks', () => {
    const [enzyme] = extractQuantities('ALAT 52 U/l', 'nb');
    expect(enzyme?.family).toBe('concentration');
    const [weeks] = extractQuantities('Kontroll om 3 u.', 'nb');
    expect(weeks?.family).toBe('time');
  });
});
