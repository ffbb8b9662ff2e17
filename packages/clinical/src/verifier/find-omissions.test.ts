import { describe, expect, it } from 'vitest';
import type { Language, SpeakerRole, Transcript } from '@kollega/domain';
import { parseNoteText } from './parse-note-text';
import { verifyNote } from './verify-note';

const ROLES: Record<string, SpeakerRole> = { L: 'lege', P: 'pasient', D: 'lege' };

function transcriptOf(lines: readonly string[]): Transcript {
  return {
    segments: lines.map((line, position) => ({
      id: `s${position + 1}`,
      speaker: ROLES[line.charAt(0)] ?? 'annen',
      text: line.slice(3),
    })),
  };
}

const NB = transcriptOf([
  'L: Hva gjelder det?',
  'P: Jeg har hatt vondt i ryggen i en uke, det stråler ned i venstre bein.',
  'L: Er du allergisk mot noen medisiner?',
  'P: Ja, jeg er allergisk mot penicillin.',
  'L: Har du problemer med å holde på urin eller avføring?',
  'P: Nei.',
  'L: Blodtrykket er 142 over 88.',
  'L: Jeg skriver ut ibuprofen 400 milligram tre ganger daglig i sju dager.',
  'L: Jeg sykmelder deg 100 prosent i en uke og henviser deg til fysioterapeut.',
  'L: Hvis du får problemer med å tisse, må du ringe legevakten med en gang.',
]);

const EN = transcriptOf([
  'D: What brings you in today?',
  'P: I have had a cough for a week.',
  'D: Any allergies to medications?',
  'P: Yes, I am allergic to sulfa.',
  'D: Any chest pain?',
  'P: No.',
  'D: Your oxygen saturation is 97 percent.',
  'D: I will prescribe azithromycin 250 mg once daily for five days.',
  'D: I will refer you to pulmonology.',
  'D: If you get short of breath, go to the emergency room.',
]);

function omissionsOf(transcript: Transcript, noteText: string, language: Language) {
  return verifyNote(transcript, parseNoteText(noteText, { language })).omissions;
}

describe('omissions', () => {
  it('nb: lists what the note leaves out, with evidence, section, a suggestion and a critical flag', () => {
    const omissions = omissionsOf(NB, 'Aktuelt: Ryggsmerter i 1 uke med utstråling til v. bein.', 'nb');
    const kinds = omissions.map((omission) => omission.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'allergy',
        'red-flag',
        'measured-value',
        'drug-change',
        'sick-leave',
        'referral',
        'safety-netting',
      ]),
    );
    const allergy = omissions.find((omission) => omission.kind === 'allergy');
    expect(allergy).toMatchObject({
      critical: true,
      sectionId: 'aktuelt',
      evidence: expect.arrayContaining(['s4']),
    });
    expect(allergy?.suggestion).toContain('penicillin');
    const drug = omissions.find((omission) => omission.kind === 'drug-change');
    expect(drug).toMatchObject({
      critical: true,
      sectionId: 'tiltak',
      suggestion: 'Ibuprofen 400 mg x 3 i 7 d.',
    });
    expect(omissions.find((omission) => omission.kind === 'measured-value')?.suggestion).toBe('BT 142/88.');
    expect(omissions.find((omission) => omission.kind === 'sick-leave')?.critical).toBe(false);
  });

  it('nb: does not list what the note already says', () => {
    const omissions = omissionsOf(
      NB,
      'Aktuelt: Ryggsmerter. CAVE penicillin. Ingen vannlatingsforstyrrelser.\nUs.: BT 142/88.\nTiltak: Ibuprofen 400 mg x 3 i 7 d. Sykmeldt 100 % i 1 uke. Henv. fysioterapeut. Info om legevakt ved vannlatingsforstyrrelser.',
      'nb',
    );
    expect(omissions).toEqual([]);
  });

  it('gives the same id for the same content, so a dismissal survives re-verification', () => {
    const first = omissionsOf(NB, 'Aktuelt: Ryggsmerter.', 'nb').map((omission) => omission.id);
    const second = omissionsOf(NB, 'Aktuelt: Ryggsmerter i en uke.', 'nb').map((omission) => omission.id);
    expect(first.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('en: lists allergy, red flag, value, drug, referral and safety-netting', () => {
    const omissions = omissionsOf(EN, 'SUBJECTIVE\nCough for one week.', 'en');
    const kinds = omissions.map((omission) => omission.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'allergy',
        'red-flag',
        'measured-value',
        'drug-change',
        'referral',
        'safety-netting',
      ]),
    );
    expect(omissions.find((omission) => omission.kind === 'allergy')?.suggestion).toContain('sulfa');
    expect(omissions.find((omission) => omission.kind === 'red-flag')?.suggestion).toBe('Denies chest pain.');
    expect(omissions.find((omission) => omission.kind === 'drug-change')?.sectionId).toBe('plan');
  });
});
