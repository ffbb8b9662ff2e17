import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDeidentifier, deidentifyText, restoreText } from './deidentifier';
import type { IdentifierKind } from './identifier-kinds';
import type { PersonNumberType } from './person-number';
import { corruptPersonNumber, createSeededRandom, generatePersonNumber } from './person-number-generator';

const random = createSeededRandom(47);

/** The kinds replaced in a text, in order. */
function kindsIn(text: string, options: Parameters<typeof deidentifyText>[1] = {}): IdentifierKind[] {
  const result = deidentifyText(text, options);
  return result.replacements.map((replacement) => replacement.kind);
}

/** Writes an 11-digit number the ways people write it. */
function writtenForms(digits: string): string[] {
  return [digits, `${digits.slice(0, 6)} ${digits.slice(6)}`, `${digits.slice(0, 6)}-${digits.slice(6)}`];
}

describe('person numbers and other 11-digit runs', () => {
  const types: PersonNumberType[] = ['fodselsnummer', 'd-nummer', 'h-nummer'];

  it.each(types)('replaces valid %s numbers under both checksum rules in every written form', (type) => {
    for (let index = 0; index < 40; index += 1) {
      const rule = index % 2 === 0 ? 'classic' : '2032-only';
      const digits = generatePersonNumber({ type, rule, random });
      for (const form of writtenForms(digits)) {
        const result = deidentifyText(`Pasienten har nummer ${form}, og CRP var 45.`);
        expect(result.text, form).not.toContain(form);
        expect(result.replacements.map((replacement) => replacement.kind)).toEqual([type]);
        expect(result.text).toContain('CRP var 45.');
      }
    }
  });

  it('replaces invalid 11-digit runs too, as likely identifiers', () => {
    for (let index = 0; index < 40; index += 1) {
      const digits = corruptPersonNumber(generatePersonNumber({ random }), random);
      for (const form of writtenForms(digits)) {
        const result = deidentifyText(`Nr. ${form} står i papirene.`);
        expect(result.text).toBe('Nr. [IDNR_1] står i papirene.');
      }
    }
    expect(kindsIn('Kontonummer 1234.56.78903 til refusjon.')).toEqual(['eleven-digit-number']);
  });

  it('gives the same placeholder to the same number however it is written', () => {
    const digits = generatePersonNumber({ random });
    const deidentifier = createDeidentifier();
    const [first, second] = deidentifier.redactAll([
      `Fnr ${digits}.`,
      `Fødselsnummer ${digits.slice(0, 6)} ${digits.slice(6)}.`,
    ]);
    expect(first).toBe('Fnr [FNR_1].');
    expect(second).toBe('Fødselsnummer [FNR_1].');
    expect(deidentifier.counts().fodselsnummer).toBe(2);
  });

  it('leaves 10- and 12-digit runs alone when they are not phone numbers', () => {
    expect(kindsIn('Referanse 1234567890 og 123456789012.')).toEqual([]);
  });
});

describe('phone numbers', () => {
  it.each([
    '+47 912 34 567',
    '+4791234567',
    '0047 91234567',
    '91234567',
    '912 34 567',
    '91 23 45 67',
    '22 12 34 56',
    '9123 4567',
    '+47 22 12 34 56',
  ])('replaces %s', (phone) => {
    const result = deidentifyText(`Ring meg på ${phone} etter kl. 16.`);
    expect(result.text).toBe('Ring meg på [TLF_1] etter kl. 16.');
  });

  it.each(['113', '116117', '02800', '110'])('leaves the short number %s alone', (number) => {
    expect(kindsIn(`Ring ${number} hvis det blir verre.`)).toEqual([]);
  });

  it('gives one placeholder to one phone number in different forms', () => {
    const result = deidentifyText('Mobil 912 34 567, eller +47 91234567.');
    expect(result.text).toBe('Mobil [TLF_1], eller [TLF_1].');
  });
});

describe('e-mail, street addresses and postal places', () => {
  it.each(['ola.nordmann@example.no', 'kari+lege@helse-eksempel.com'])('replaces the e-mail %s', (email) => {
    expect(deidentifyText(`Send det til ${email}, takk.`).text).toBe('Send det til [EPOST_1], takk.');
  });

  it.each([
    'Storgata 12B',
    'Kongens gate 5',
    'Furuveien 3 A',
    'Solbergvegen 7',
    'Bjørnstjerne Bjørnsons gate 10',
    'Gamle Drammensvei 120',
    'Olav Kyrres plass 1',
    'Skogstien 4',
  ])('replaces the street address %s', (address) => {
    expect(deidentifyText(`Jeg bor i ${address} nå.`).text).toBe('Jeg bor i [ADRESSE_1] nå.');
  });

  it.each(['0150 OSLO', '5003 Bergen', '9008 Tromsø', '2000 Lillestrøm'])(
    'replaces the postal code and place %s',
    (place) => {
      expect(deidentifyText(`Adressen er Storgata 1, ${place}.`).text).toBe(
        'Adressen er [ADRESSE_1], [POSTSTED_1].',
      );
    },
  );

  it('replaces a birth date said as one, but not dates of findings', () => {
    const result = deidentifyText('Hun er født 12.03.1985. Prøven ble tatt 12.03.2024 og var normal.');
    expect(result.text).toBe('Hun er født [FDATO_1]. Prøven ble tatt 12.03.2024 og var normal.');
  });
});

describe('names', () => {
  it.each([
    ['Jeg heter Ingrid Hansen.', 'Jeg heter [NAVN_1].'],
    ['Ja, jeg er Ola sin far.', 'Ja, jeg er [NAVN_1] sin far.'],
    ['Hei, Kari! Kom inn.', 'Hei, [NAVN_1]! Kom inn.'],
    ['Det er Ingrid?', 'Det er [NAVN_1]?'],
    ['Snakker jeg med Sara?', 'Snakker jeg med [NAVN_1]?'],
    ['Du har time hos doktor Berg.', 'Du har time hos doktor [NAVN_1].'],
    ['Fru Olsen venter.', 'Fru [NAVN_1] venter.'],
    ['Sønnen min Jonas har også feber.', 'Sønnen min [NAVN_1] har også feber.'],
    ['Det var hos fastlegen, Pedersen, i fjor.', 'Det var hos fastlegen, [NAVN_1], i fjor.'],
    ['Hi, my name is Sarah Miller.', 'Hi, my name is [NAVN_1].'],
  ])('finds the name in %s', (text, expected) => {
    expect(deidentifyText(text).text).toBe(expected);
  });

  it('masks a name learned from a cue everywhere it occurs, also in other texts', () => {
    const deidentifier = createDeidentifier();
    const redacted = deidentifier.redactAll(['Emma har vondt i øret.', 'Er det du som er Emma?']);
    expect(redacted).toEqual(['[NAVN_1] har vondt i øret.', 'Er det du som er [NAVN_1]?']);
  });

  it('matches known names in lower-case speech-to-text output', () => {
    const result = deidentifyText('ja hei ingrid kom inn ingrid hansen ikke sant', {
      knownNames: ['Ingrid Hansen'],
    });
    expect(result.text).toBe('ja hei [NAVN_1] kom inn [NAVN_2] ikke sant');
  });

  it('does not mask a common word that is also a known name', () => {
    const result = deidentifyText('Per sier han tar to tabletter per dag.', { knownNames: ['Per Hansen'] });
    expect(result.text).toBe('[NAVN_1] sier han tar to tabletter per dag.');
  });

  it('does not take drug names after "heter" for names', () => {
    const text = 'Jeg foreslår en tablett som heter Jardiance. Den heter Shingrix, vaksinen.';
    expect(deidentifyText(text).text).toBe(text);
  });

  it('keeps a possessive -s outside the placeholder', () => {
    expect(deidentifyText('Ingrids mor har diabetes.', { knownNames: ['Ingrid'] }).text).toBe(
      '[NAVN_1]s mor har diabetes.',
    );
  });
});

describe('clinical values stay untouched', () => {
  const CLINICAL_TEXTS = [
    'BT 148/92, puls 88, temp 38,9, SpO2 97 %, RF 18.',
    'Hb 11,2 g/dL, ferritin 6, CRP 45, leukocytter 11,3, trombocytter 312, kreatinin 78, eGFR > 90.',
    'HbA1c 58 mmol/mol, LDL 3,4, INR 2,4, TSH 4,12, fritt T4 14.',
    'Fenoksymetylpenicillin 660 mg x 4 i 5 d. Paracet 1 g x 4, Ibux 400 mg x 3 ved behov.',
    'Eliquis 5 mg x 2, Levaxin 100 µg x 1, Metformin 1000 mg x 2, Jardiance 10 mg x 1.',
    'Vekt 82,5 kg, høyde 178 cm, BMI 26. Prøver tatt 12.03.2024, kontroll 02.04.2024 kl. 10.30.',
    'PHQ-9 17. CHA2DS2-VASc 2. Centor 4. CRB-65 0. Vitamin D 50 µg daglig i 3 mnd.',
    'Amitriptylin 10 mg, økes til 20 mg etter 14 dager. Tranexamsyre 1 g x 3 i 4 dager.',
    'Ring 113 ved brystsmerter, legevakt 116117. Time om 2-3 uker.',
    'Sår hals i 3 d, feber 38,6 i går. Tok 2 Paracet kl. 07.',
  ];

  it.each(CLINICAL_TEXTS)('leaves "%s" as it is', (text) => {
    const result = deidentifyText(text);
    expect(result.text).toBe(text);
    expect(result.replacements).toEqual([]);
  });

  it('leaves generated lab-value, blood-pressure, dose and date texts as they are', () => {
    const value = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('Hb', 'CRP', 'kreatinin', 'ferritin', 'leukocytter', 'HbA1c'),
          fc.integer({ min: 1, max: 999 }),
          fc.integer({ min: 0, max: 9 }),
        )
        .map(([name, whole, decimal]) => `${name} ${whole},${decimal}`),
      fc
        .tuple(fc.integer({ min: 80, max: 240 }), fc.integer({ min: 40, max: 140 }))
        .map(([systolic, diastolic]) => `BT ${systolic}/${diastolic}`),
      fc
        .tuple(
          fc.constantFrom('Paracet', 'Ibux', 'Eliquis', 'amoksicillin', 'Levaxin'),
          fc.integer({ min: 1, max: 2000 }),
          fc.constantFrom('mg', 'g', 'µg', 'ml'),
          fc.integer({ min: 1, max: 4 }),
        )
        .map(([drug, dose, unit, times]) => `${drug} ${dose} ${unit} x ${times}`),
      fc
        .tuple(
          fc.integer({ min: 1, max: 28 }),
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 1990, max: 2035 }),
        )
        .map(
          ([day, month, year]) =>
            `prøve ${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`,
        ),
      fc
        .tuple(fc.integer({ min: 35, max: 41 }), fc.integer({ min: 0, max: 9 }))
        .map(([whole, decimal]) => `temp ${whole},${decimal}`),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 12 }), (values) => {
        const text = `${values.join(', ')}.`;
        expect(deidentifyText(text).text).toBe(text);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('restore', () => {
  it('puts every original back into a generated text', () => {
    const fragment = fc.oneof(
      fc.constant('Hun har hatt feber i 3 d.'),
      fc.constant('BT 148/92.'),
      fc
        .integer({ min: 0, max: 1_000_000 })
        .map((seed) => `Fnr ${generatePersonNumber({ random: createSeededRandom(seed) })}.`),
      fc.constantFrom(
        'Ring 912 34 567.',
        'Bor i Storgata 12B, 0150 Oslo.',
        'E-post ola@example.no.',
        'Jeg heter Kari Nordmann.',
      ),
    );
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 1, maxLength: 8 }), (fragments) => {
        const text = fragments.join(' ');
        const deidentifier = createDeidentifier();
        expect(deidentifier.restore(deidentifier.redact(text))).toBe(text);
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('tolerates bare and spaced placeholders a model may write, and leaves unknown ones', () => {
    const result = deidentifyText('Jeg heter Kari Nordmann.');
    expect(restoreText('NAVN_1 og [ NAVN_1 ] og [NAVN_7].', result.replacements)).toBe(
      'Kari Nordmann og Kari Nordmann og [NAVN_7].',
    );
  });

  it('restores strings inside JSON-like values', () => {
    const deidentifier = createDeidentifier();
    deidentifier.redact('Ring 912 34 567.');
    expect(deidentifier.restoreDeep({ sections: [{ text: 'Tlf. [TLF_1].', evidence: ['s1'] }] })).toEqual({
      sections: [{ text: 'Tlf. 912 34 567.', evidence: ['s1'] }],
    });
  });
});
