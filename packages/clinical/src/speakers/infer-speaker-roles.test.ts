import { describe, expect, it } from 'vitest';
import type { Segment, Transcript } from '@kollega/domain';
import { inferSpeakerRoles } from './infer-speaker-roles';

function generic(turns: Array<[string, string]>): Transcript {
  return {
    segments: turns.map(([label, text], index): Segment => ({
      id: `s${index + 1}`,
      speaker: 'annen',
      label,
      text,
    })),
  };
}

function rolesOf(transcript: Transcript): Record<string, string> {
  return Object.fromEntries(
    inferSpeakerRoles(transcript).segments.map((segment) => [segment.label ?? '', segment.speaker]),
  );
}

describe('inferSpeakerRoles', () => {
  it('finds the doctor and the patient from content, whichever label they have', () => {
    const turns: Array<[string, string]> = [
      ['Speaker 2', 'hei hva kan jeg hjelpe deg med i dag'],
      ['Speaker 1', 'jeg har hatt vondt i halsen i tre dager'],
      ['Speaker 2', 'har du hatt feber'],
      ['Speaker 1', 'ja jeg målte trettiåtte i går'],
      ['Speaker 2', 'jeg skriver ut en resept og vi ses om en uke'],
      ['Speaker 1', 'takk doktor'],
    ];
    expect(rolesOf(generic(turns))).toEqual({ 'Speaker 2': 'lege', 'Speaker 1': 'pasient' });
  });

  it('finds an interpreter, whose patient speaks in placeholders', () => {
    const turns: Array<[string, string]> = [
      ['A', 'Hei. Hvordan kan jeg hjelpe deg i dag?'],
      ['B', 'Jeg er tolk i arabisk, og jeg tolker i jeg-form.'],
      ['C', '(svarer på arabisk)'],
      ['B', 'Jeg har vondt i magen og har kastet opp.'],
      ['A', 'Har du hatt feber? Jeg undersøker magen din nå.'],
      ['C', '(svarer på arabisk)'],
      ['B', 'Nei, ingen feber.'],
    ];
    expect(rolesOf(generic(turns))).toEqual({ A: 'lege', B: 'tolk', C: 'pasient' });
  });

  it('tells a relative who talks about the patient from the patient', () => {
    const turns: Array<[string, string]> = [
      ['D', 'Hei. Hva gjelder det i dag? Har hun hatt feber?'],
      ['M', 'Hun har hatt feber i to dager, og hun har vondt i øret. Hun sover dårlig og hun spiser lite.'],
      ['K', 'Ja.'],
      ['D', 'Jeg ser i ørene nå. Trommehinnen er rød. Vi ses om to dager.'],
      ['M', 'Hun har ikke kastet opp. Han broren hennes hadde det samme.'],
      ['K', 'Ha det.'],
    ];
    const roles = rolesOf(generic(turns));
    expect(roles['D']).toBe('lege');
    expect(roles['M']).toBe('pårørende');
    expect(roles['K']).toBe('pasient');
  });

  it('keeps known roles and returns the transcript unchanged when nothing is generic', () => {
    const transcript: Transcript = { segments: [{ id: 's1', speaker: 'lege', text: 'Hei.' }] };
    expect(inferSpeakerRoles(transcript)).toBe(transcript);
  });

  it('works in English', () => {
    const turns: Array<[string, string]> = [
      ['Speaker 1', 'hi, what brings you in today? any fever?'],
      ['Speaker 2', "i've been having pain in my knee for two weeks. no fever."],
      ['Speaker 1', "okay, i'm going to examine your knee. i'll prescribe meloxicam."],
    ];
    expect(rolesOf(generic(turns))).toEqual({ 'Speaker 1': 'lege', 'Speaker 2': 'pasient' });
  });
});
