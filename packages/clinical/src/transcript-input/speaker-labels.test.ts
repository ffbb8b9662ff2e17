import { describe, expect, it } from 'vitest';
import { mapSpeakerLabel } from './speaker-labels';

describe('mapSpeakerLabel', () => {
  it.each([
    ['lege', 'lege'],
    ['Doctor', 'lege'],
    ['DR', 'lege'],
    ['Dr.', 'lege'],
    ['physician', 'lege'],
    ['GP', 'lege'],
    ['pasient', 'pasient'],
    ['PATIENT', 'pasient'],
    ['Pårørende', 'pårørende'],
    ['parent', 'pårørende'],
    ['mother', 'pårørende'],
    ['father', 'pårørende'],
    ['family', 'pårørende'],
    ['patient_guest', 'pårørende'],
    ['guest_family_2', 'pårørende'],
    ['guest_family', 'pårørende'],
    ['tolk', 'tolk'],
    ['Interpreter', 'tolk'],
    ['guest_clinician_1', 'annen'],
    ['nurse', 'annen'],
    ['sykepleier', 'annen'],
    ['annen', 'annen'],
    ['other', 'annen'],
  ] as const)('maps %s to %s', (label, role) => {
    expect(mapSpeakerLabel(label)?.speaker).toBe(role);
  });

  it('keeps the label only when it is not the role name itself', () => {
    expect(mapSpeakerLabel('lege')).toEqual({ speaker: 'lege' });
    expect(mapSpeakerLabel('Lege')).toEqual({ speaker: 'lege' });
    expect(mapSpeakerLabel(' doctor ')).toEqual({ speaker: 'lege', label: 'doctor' });
  });

  it.each(['Speaker 1', 'SPEAKER_00', 'speaker-b', 'Taler 2', 'S1', 's12', 'Person A', 'Unknown', 'ukjent'])(
    'maps the generic label %s to annen and keeps it',
    (label) => {
      expect(mapSpeakerLabel(label)).toEqual({ speaker: 'annen', label });
    },
  );

  it.each(['xyz', 'Blodtrykk', 'Speaker one two', 'S', '', 'doctors', 'Person 1234'])(
    'rejects %j',
    (label) => {
      expect(mapSpeakerLabel(label)).toBeUndefined();
    },
  );
});
