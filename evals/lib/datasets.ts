import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConsultationSetting, SpeakerRole, Transcript } from '@kollega/domain';

/** The repository root (the folder that holds `evals/`). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared data folder: `KOLLEGA_SHARED_DIR`, or `../shared` next to the repository. */
export function sharedDir(): string {
  return process.env.KOLLEGA_SHARED_DIR ?? path.resolve(REPO_ROOT, '..', 'shared');
}

/** One consultation of a dev set (nb-dev or ACI-BENCH). */
export interface DatasetRow {
  id: string;
  setting?: string;
  transcript: Array<{ speaker: string; text: string }>;
  reference_note?: Record<string, string>;
  note?: string;
  key_facts?: Array<{ fact: string; section: string; critical: boolean }>;
}

/** Reads a JSON Lines file. */
export function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** Maps a dataset speaker tag to a Kollega role; generic tags ("Speaker 1") become `annen` with a label. */
export function roleOf(speaker: string): { speaker: SpeakerRole; label?: string } {
  const lower = speaker.toLowerCase();
  if (lower === 'lege' || lower === 'doctor') return { speaker: 'lege' };
  if (lower === 'pasient' || lower === 'patient') return { speaker: 'pasient' };
  if (lower === 'pårørende' || lower === 'patient_guest' || lower.startsWith('guest_family'))
    return { speaker: 'pårørende' };
  if (lower === 'tolk') return { speaker: 'tolk' };
  return { speaker: 'annen', label: speaker };
}

/** Builds a Transcript (segments s1, s2, …) from a dataset row. */
export function toTranscript(row: DatasetRow): Transcript {
  return {
    segments: row.transcript.map((turn, index) => ({
      id: `s${index + 1}`,
      text: turn.text,
      ...roleOf(turn.speaker),
    })),
  };
}

/** The consultation setting of a row, when it is one Kollega knows. */
export function settingOf(row: DatasetRow): ConsultationSetting | undefined {
  return row.setting === 'kontor' || row.setting === 'telefon' || row.setting === 'video'
    ? row.setting
    : undefined;
}
