/**
 * A drug said by the first word of its generic product (synthetic consultations): FEST lists alendronic acid as the
 * substance "Alendronsyre" and its generic products as "Alendronat <maker>", and a GP says "alendronat".
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const VISIT = [
  'L: Hva kan jeg hjelpe deg med i dag?',
  'P: Jeg har vært tett i nesen i over en uke, og jeg har litt vondt i hodet.',
  'L: Bruker du noe for det?',
  'P: Jeg bruker avsvellende nesespray og tar paracetamol ved behov.',
  'L: Har du feber?',
  'P: Nei, ikke feber.',
];

describe('verifyNote: a drug named as its generic product', () => {
  it('"alendronat" the talk never names is flagged as a drug not in the consultation', () => {
    const note = 'Bruker avsvellende nesespray og alendronat.';
    const report = verify(VISIT, `Anamnese\n${note}`, 'nb');
    expect(flagged(check(report, note))).toBe(true);
  });

  it('"alendronat" in the talk supports the note that names it', () => {
    const lines = [...VISIT, 'P: Og så tar jeg alendronat en gang i uka for beinskjørhet.'];
    const note = 'Bruker alendronat ukentlig.';
    const report = verify(lines, `Anamnese\n${note}`, 'nb');
    expect(flagged(check(report, note))).toBe(false);
  });
});
