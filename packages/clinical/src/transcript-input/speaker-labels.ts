import type { SpeakerRole } from '@kollega/domain';

/** A speaker label mapped to a role; `label` keeps the label as it arrived when it is not the role's own name. */
export interface MappedSpeaker {
  speaker: SpeakerRole;
  label?: string;
}

/** Exact labels (lower case, single spaces) and the role each names. Norwegian and English, as GPs and datasets write them. */
const ROLE_BY_LABEL: ReadonlyMap<string, SpeakerRole> = new Map<string, SpeakerRole>([
  ...(['lege', 'legen', 'fastlege', 'fastlegen', 'doktor', 'doctor', 'dr', 'physician', 'gp'] as const).map(
    (label) => [label, 'lege'] as const,
  ),
  ...(['pasient', 'pasienten', 'patient'] as const).map((label) => [label, 'pasient'] as const),
  ...(
    [
      'pårørende',
      'parorende',
      'parent',
      'mother',
      'father',
      'mor',
      'far',
      'mamma',
      'pappa',
      'forelder',
      'foresatt',
      'family',
      'relative',
      'patient_guest',
      'patient guest',
    ] as const
  ).map((label) => [label, 'pårørende'] as const),
  ...(['tolk', 'tolken', 'interpreter'] as const).map((label) => [label, 'tolk'] as const),
  ...(['annen', 'other', 'nurse', 'sykepleier', 'helsesekretær', 'medical assistant'] as const).map(
    (label) => [label, 'annen'] as const,
  ),
]);

/** Label prefixes that name a role whatever follows (`guest_family_1`, `guest_clinician_2`). */
const ROLE_BY_PREFIX: ReadonlyArray<readonly [RegExp, SpeakerRole]> = [
  [/^guest[_ ]family(?:[_ ]?\d+)?$/, 'pårørende'],
  [/^guest[_ ]clinician(?:[_ ]?\d+)?$/, 'annen'],
  // "Dr. Hansen", "Lege Olsen": a doctor named by title.
  [/^(?:dr\.?|doktor|lege)\s+\p{L}[\p{L}.' -]*$/u, 'lege'],
];

/**
 * Generic labels from speech recognisers and diarisation ("Speaker 1", "SPEAKER_00", "Taler 2", "S1",
 * "Person A", "Unknown"): the role is unknown, so they become `annen` with the label kept, and the
 * engine's `inferSpeakerRoles` resolves them from content.
 */
const GENERIC_LABEL =
  /^(?:(?:speaker|spk|taler|talar|person|stemme|voice|participant|deltaker|unknown|ukjent)(?:[ _-]?(?:\d{1,3}|[a-z]))?|s\d{1,3})$/;

/** Lower case, single spaces, without a trailing full stop or a parenthesised name ("Lege (Hansen)"). */
function normalizeLabel(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/\s+/g, ' ')
    .replace(/\.$/, '')
    .trim();
}

/**
 * Maps a speaker label to a role, case-insensitively; undefined when the label names no known role.
 * Known labels: lege/doctor/dr/physician/gp → lege; pasient/patient → pasient;
 * pårørende/parent/mother/father/family/patient_guest/guest_family* → pårørende; tolk/interpreter → tolk;
 * nurse/sykepleier/annen/other/guest_clinician* → annen; generic recogniser labels → annen (label kept).
 */
export function mapSpeakerLabel(label: string): MappedSpeaker | undefined {
  const raw = label.trim();
  const normalized = normalizeLabel(raw);
  if (normalized === '') return undefined;
  const role =
    ROLE_BY_LABEL.get(normalized) ??
    ROLE_BY_PREFIX.find(([pattern]) => pattern.test(normalized))?.[1] ??
    (GENERIC_LABEL.test(normalized) ? 'annen' : undefined);
  if (role === undefined) return undefined;
  return raw.toLowerCase() === role ? { speaker: role } : { speaker: role, label: raw };
}

/** Shortens a label for an error message, so a misplaced sentence is never echoed in full. */
export function quoteLabel(label: string): string {
  const trimmed = label.trim().replace(/\s+/g, ' ');
  return `«${trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed}»`;
}
