/**
 * Loads the development sets for the verifier benchmark: nb-dev consultations (reference notes in four sections)
 * and ACI-BENCH valid (English clinic notes). Reference notes are treated as notes without evidence ids.
 */
import { readFileSync } from 'node:fs';
import type { Language, Note, SpeakerRole, Transcript } from '@kollega/domain';
import { inferSpeakerRoles, parseNoteText } from '@kollega/clinical';

/** One consultation with its reference note. */
export interface BenchCase {
  id: string;
  language: Language;
  transcript: Transcript;
  note: Note;
}

const SPEAKERS: Record<string, SpeakerRole> = {
  lege: 'lege',
  pasient: 'pasient',
  pårørende: 'pårørende',
  tolk: 'tolk',
  doctor: 'lege',
  patient: 'pasient',
  patient_guest: 'pårørende',
};

/** Maps a dataset speaker label to a role. */
export function speakerRole(label: string): SpeakerRole {
  if (SPEAKERS[label]) return SPEAKERS[label];
  if (/^guest_family/.test(label)) return 'pårørende';
  if (/^guest_clinician/.test(label)) return 'annen';
  // "Speaker 1": left generic for the role inference.
  if (/^speaker\b/i.test(label)) return 'annen';
  return 'annen';
}

function toTranscript(turns: ReadonlyArray<{ speaker: string; text: string }>): Transcript {
  return {
    // The label is kept so that generic ones ("Speaker 1") can be grouped by the role inference.
    segments: turns.map((turn, position) => ({
      id: `s${position + 1}`,
      speaker: speakerRole(turn.speaker),
      label: turn.speaker,
      text: turn.text,
    })),
  };
}

/** The nb-dev reference note as text with the fastlege headings. */
export function nbReferenceText(reference: Record<string, string>): string {
  const titles: Record<string, string> = {
    aktuelt: 'Aktuelt',
    undersokelse: 'Us.',
    vurdering: 'Vurdering',
    tiltak: 'Tiltak',
  };
  return Object.entries(reference)
    .map(([key, value]) => `${titles[key] ?? key}: ${value}`)
    .join('\n');
}

/** Reads nb-dev consultations. */
export function loadNorwegianCases(path: string): BenchCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const raw = JSON.parse(line) as {
        id: string;
        transcript: Array<{ speaker: string; text: string }>;
        reference_note: Record<string, string>;
      };
      return {
        id: raw.id,
        language: 'nb' as const,
        transcript: toTranscript(raw.transcript),
        note: parseNoteText(nbReferenceText(raw.reference_note), { language: 'nb', template: 'fastlege' }),
      };
    });
}

/**
 * Reads nb-dev consultations as a speech recogniser delivers them (consultations-asr.jsonl): generic speaker labels
 * resolved to roles by the engine's `inferSpeakerRoles`, as `kollega verify` does.
 */
export function loadNorwegianAsrCases(path: string): BenchCase[] {
  return loadNorwegianCases(path).map((benchCase) => ({
    ...benchCase,
    transcript: inferSpeakerRoles(benchCase.transcript),
  }));
}

/** Reads ACI-BENCH lines. */
export function loadAciCases(path: string): BenchCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const raw = JSON.parse(line) as {
        id: string;
        transcript: Array<{ speaker: string; text: string }>;
        note: string;
      };
      return {
        id: raw.id,
        language: 'en' as const,
        transcript: toTranscript(raw.transcript),
        note: parseNoteText(raw.note, { language: 'en', template: 'aci' }),
      };
    });
}
