import { describe, expect, it } from 'vitest';
import type { Segment } from '@kollega/domain';
import { assignSpeakerRoles, toTranscriptSegments } from './to-transcript';

function unlabelled(...texts: string[]): Segment[] {
  return toTranscriptSegments(
    texts.map((text, index) => ({ start: index * 5, end: index * 5 + 4, text, confidence: 0.8 })),
  );
}

describe('toTranscriptSegments', () => {
  it('numbers segments, rounds times and keeps confidence and diarization labels', () => {
    expect(
      toTranscriptSegments(
        [{ start: 1.23456, end: 2.5, text: 'hello', confidence: 0.87654, speakerLabel: 'SPEAKER_0' }],
        7,
      ),
    ).toEqual([
      {
        id: 's7',
        speaker: 'annen',
        label: 'SPEAKER_0',
        start: 1.235,
        end: 2.5,
        text: 'hello',
        confidence: 0.877,
      },
    ]);
  });
});

describe('assignSpeakerRoles', () => {
  it('recognises the doctor by questions and the patient by first-person complaints', () => {
    const roles = assignSpeakerRoles(
      unlabelled(
        'what brings you in today',
        'i have had a cough and a fever for three days',
        'do you have any chest pain',
        'i feel tired',
      ),
    ).map((segment) => segment.speaker);
    expect(roles).toEqual(['lege', 'pasient', 'lege', 'pasient']);
  });

  it('gives a turn without cues the other role than the turn before (a dialogue takes turns)', () => {
    const roles = assignSpeakerRoles(
      unlabelled('how long has it lasted', 'about a week', 'any vomiting', 'no'),
    ).map((segment) => segment.speaker);
    expect(roles[0]).toBe('lege');
    expect(roles[1]).toBe('pasient');
    expect(roles.every((role) => role === 'lege' || role === 'pasient')).toBe(true);
  });

  it('keeps roles the GP has set and does not invent an interpreter without an introduction', () => {
    const segments = unlabelled('what brings you in today', 'okay');
    const corrected = [segments[0]!, { ...segments[1]!, speaker: 'pårørende' as const }];
    expect(assignSpeakerRoles(corrected).map((segment) => segment.speaker)).toEqual(['lege', 'pårørende']);
    expect(
      assignSpeakerRoles(unlabelled('ok', 'yes', 'fine')).some((segment) => segment.speaker === 'tolk'),
    ).toBe(false);
  });

  it('uses the engine’s speaker labels when it diarizes', () => {
    const labelled = toTranscriptSegments([
      { start: 0, end: 2, text: 'what brings you in today', speakerLabel: 'A' },
      { start: 2, end: 5, text: 'i have a cough', speakerLabel: 'B' },
      { start: 5, end: 7, text: 'okay', speakerLabel: 'A' },
    ]);
    const roles = assignSpeakerRoles(labelled).map((segment) => segment.speaker);
    expect(roles).toEqual(['lege', 'pasient', 'lege']);
  });
});
