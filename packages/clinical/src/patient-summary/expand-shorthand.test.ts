import { describe, expect, it } from 'vitest';
import { expandShorthand } from './expand-shorthand';

describe('expandShorthand (Bokmål)', () => {
  it('writes dosing out in words', () => {
    expect(expandShorthand('660 mg x 4 i 5 d', 'nb')).toBe('660 mg fire ganger om dagen i fem dager');
    expect(expandShorthand('Ibuprofen 400 mg x 3 i 1 uke', 'nb')).toBe(
      'Ibuprofen 400 mg tre ganger om dagen i én uke',
    );
    expect(expandShorthand('Levotyroksin 100 mikrogram x 1', 'nb')).toBe(
      'Levotyroksin 100 mikrogram én gang om dagen',
    );
    expect(expandShorthand('Paracetamol 1 g x 4 v/behov', 'nb')).toBe(
      'Paracetamol 1 g fire ganger om dagen ved behov',
    );
    expect(expandShorthand('Kontroll om 3 mnd', 'nb')).toBe('Kontroll om tre måneder');
    expect(expandShorthand('Ny kontakt om 2-3 d', 'nb')).toBe('Ny kontakt om 2–3 dager');
    expect(expandShorthand('maks 4 g/døgn', 'nb')).toBe('maks 4 g per døgn');
  });

  it('writes out sides, examination shorthand and vital signs', () => {
    expect(expandShorthand('TH ua. bilat.', 'nb')).toBe('trommehinne uten funn på begge sider');
    expect(expandShorthand('Øm over v. kjevehule', 'nb')).toBe('Øm over venstre kjevehule');
    expect(expandShorthand('Krepitasjoner h. side basalt', 'nb')).toBe('Krepitasjoner høyre side basalt');
    expect(expandShorthand('BT 132/80, T 38,4, RF 22/min, SpO2 95 %', 'nb')).toBe(
      'blodtrykk 132/80, temperatur 38,4, pustefrekvens 22 per minutt, oksygenmetning 95 %',
    );
    expect(expandShorthand('Pulm: ua.', 'nb')).toBe('lungene: uten funn');
    expect(expandShorthand('Strep A pos., u-stix neg.', 'nb')).toBe('Strep A positiv, urinstix negativ');
  });

  it('writes out plan shorthand', () => {
    expect(expandShorthand('Henv. fysioterapeut', 'nb')).toBe('henvisning til fysioterapeut');
    expect(expandShorthand('Henv. i dag til gynekolog', 'nb')).toBe('henvisning i dag til gynekolog');
    expect(expandShorthand('Ktr. om 2 uker', 'nb')).toBe('kontroll om to uker');
    expect(expandShorthand('Rtg. thorax MTP pneumoni', 'nb')).toBe('røntgen thorax med tanke på pneumoni');
  });

  it('leaves words that only look like shorthand alone', () => {
    expect(expandShorthand('Hun har vært på hytta', 'nb')).toBe('Hun har vært på hytta');
    expect(expandShorthand('Tonsiller store', 'nb')).toBe('Tonsiller store');
    expect(expandShorthand('Amlodipin slutter vi med.', 'nb')).toBe('Amlodipin slutter vi med.');
  });
});

describe('expandShorthand (English)', () => {
  it('writes dosing and common abbreviations out', () => {
    expect(expandShorthand('Amoxicillin 500 mg x 3 for 7 d', 'en')).toBe(
      'Amoxicillin 500 mg three times a day for seven days',
    );
    expect(expandShorthand('Ibuprofen 400 mg tid prn', 'en')).toBe(
      'Ibuprofen 400 mg three times a day as needed',
    );
    expect(expandShorthand('BP 132/80, HR 72, SpO2 98 %', 'en')).toBe(
      'blood pressure 132/80, heart rate 72, oxygen level 98 %',
    );
    expect(expandShorthand('L knee tender, f/u in 2 wks', 'en')).toBe(
      'left knee tender, follow-up in two weeks',
    );
  });
});
