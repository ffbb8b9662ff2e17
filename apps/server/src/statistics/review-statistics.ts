import { z } from 'zod';

/** How one flag of the first draft was resolved before approval. */
export type FlagResolution = 'edited' | 'dismissed' | 'inserted' | 'other';

/** One approved note's review, as ids, times and counts (no text). */
export interface NoteReviewFacts {
  noteId: string;
  consultationId: string;
  doctor: string;
  /** When the consultation ended: a recorded `consultation_ended` event, else when it was created. */
  endedAt: string;
  approvedAt: string;
  changedCharacters: number;
  comparedCharacters: number;
  /** The first draft's blocking flags and how each was resolved. */
  flags: Array<{ flagId: string; kind: 'statement' | 'omission'; resolution: FlagResolution }>;
  /** Statement or omission ids whose evidence the doctor opened before approving. */
  openedEvidence: string[];
}

/** Figures over a group of approved notes. Null where nothing could be measured. */
export const ReviewFiguresSchema = z.object({
  notesApproved: z.number(),
  minutesToApprovalMedian: z.number().nullable(),
  minutesToApprovalMean: z.number().nullable(),
  /** Changed characters / compared characters, pooled over the notes (Levenshtein per statement). */
  editRate: z.number().nullable(),
  changedCharacters: z.number(),
  comparedCharacters: z.number(),
  flagsRaised: z.number(),
  flagsEdited: z.number(),
  flagsDismissed: z.number(),
  flagsInserted: z.number(),
  flagsOther: z.number(),
  notesWithFlags: z.number(),
  /** Notes with flags approved without opening the evidence of any of them: the sign of over-trust. */
  approvedWithoutOpeningFlagEvidence: z.number(),
});
/** See `ReviewFiguresSchema`. */
export type ReviewFigures = z.infer<typeof ReviewFiguresSchema>;

/** One note's row: ids and figures only. */
export const NoteReviewRowSchema = z.object({
  noteId: z.string(),
  consultationId: z.string(),
  doctor: z.string(),
  approvedAt: z.string(),
  week: z.string(),
  minutesToApproval: z.number(),
  editRate: z.number().nullable(),
  flagsRaised: z.number(),
  flagsEdited: z.number(),
  flagsDismissed: z.number(),
  flagsInserted: z.number(),
  flagsOther: z.number(),
  openedFlagEvidence: z.boolean(),
});

/** GET /api/statistics/review: the practice, each doctor and each week. */
export const ReviewStatisticsSchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  groupBy: z.literal('week'),
  practice: ReviewFiguresSchema,
  doctors: z.array(ReviewFiguresSchema.extend({ doctor: z.string() })),
  weeks: z.array(
    z.object({
      week: z.string(),
      start: z.string(),
      practice: ReviewFiguresSchema,
      doctors: z.array(ReviewFiguresSchema.extend({ doctor: z.string() })),
    }),
  ),
  notes: z.array(NoteReviewRowSchema),
});
/** See `ReviewStatisticsSchema`. */
export type ReviewStatistics = z.infer<typeof ReviewStatisticsSchema>;

/** The ISO 8601 week of a time (UTC): `2026-W05` and the date of its Monday. */
export function findIsoWeek(iso: string): { week: string; start: string } {
  const date = new Date(iso);
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
  const monday = new Date(day.getTime() - (weekday - 1) * 86_400_000);
  const thursday = new Date(day.getTime() + (4 - weekday) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const number = Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
  return {
    week: `${thursday.getUTCFullYear()}-W${String(number).padStart(2, '0')}`,
    start: monday.toISOString().slice(0, 10),
  };
}

function minutesBetween(from: string, to: string): number {
  return Math.max(0, (Date.parse(to) - Date.parse(from)) / 60_000);
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((first, second) => first - second);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? null)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function openedFlagEvidence(facts: NoteReviewFacts): boolean {
  const opened = new Set(facts.openedEvidence);
  return facts.flags.some((flag) => opened.has(flag.flagId));
}

function countResolution(facts: NoteReviewFacts, resolution: FlagResolution): number {
  return facts.flags.filter((flag) => flag.resolution === resolution).length;
}

/** Figures over a group of notes. */
export function summarizeReviews(notes: readonly NoteReviewFacts[]): ReviewFigures {
  const minutes = notes.map((facts) => minutesBetween(facts.endedAt, facts.approvedAt));
  const changedCharacters = notes.reduce((total, facts) => total + facts.changedCharacters, 0);
  const comparedCharacters = notes.reduce((total, facts) => total + facts.comparedCharacters, 0);
  const flagged = notes.filter((facts) => facts.flags.length > 0);
  const total = (resolution: FlagResolution) =>
    notes.reduce((sum, facts) => sum + countResolution(facts, resolution), 0);
  return {
    notesApproved: notes.length,
    minutesToApprovalMedian: median(minutes),
    minutesToApprovalMean:
      minutes.length === 0 ? null : minutes.reduce((sum, value) => sum + value, 0) / minutes.length,
    editRate: comparedCharacters === 0 ? null : changedCharacters / comparedCharacters,
    changedCharacters,
    comparedCharacters,
    flagsRaised: notes.reduce((sum, facts) => sum + facts.flags.length, 0),
    flagsEdited: total('edited'),
    flagsDismissed: total('dismissed'),
    flagsInserted: total('inserted'),
    flagsOther: total('other'),
    notesWithFlags: flagged.length,
    approvedWithoutOpeningFlagEvidence: flagged.filter((facts) => !openedFlagEvidence(facts)).length,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    groups.set(name, [...(groups.get(name) ?? []), item]);
  }
  return groups;
}

function summarizeDoctors(notes: readonly NoteReviewFacts[]) {
  return [...groupBy(notes, (facts) => facts.doctor)]
    .sort(([first], [second]) => first.localeCompare(second, 'nb'))
    .map(([doctor, group]) => ({ doctor, ...summarizeReviews(group) }));
}

/** The review statistics of approved notes: the practice, per doctor, per ISO week, and per note (ids only). */
export function computeReviewStatistics(
  notes: readonly NoteReviewFacts[],
  range: { from?: string; to?: string } = {},
): ReviewStatistics {
  const sorted = [...notes].sort((first, second) => first.approvedAt.localeCompare(second.approvedAt));
  const weeks = [...groupBy(sorted, (facts) => findIsoWeek(facts.approvedAt).week)].map(([week, group]) => ({
    week,
    start: findIsoWeek(group[0]?.approvedAt ?? '').start,
    practice: summarizeReviews(group),
    doctors: summarizeDoctors(group),
  }));
  return {
    ...(range.from === undefined ? {} : { from: range.from }),
    ...(range.to === undefined ? {} : { to: range.to }),
    groupBy: 'week',
    practice: summarizeReviews(sorted),
    doctors: summarizeDoctors(sorted),
    weeks,
    notes: sorted.map((facts) => ({
      noteId: facts.noteId,
      consultationId: facts.consultationId,
      doctor: facts.doctor,
      approvedAt: facts.approvedAt,
      week: findIsoWeek(facts.approvedAt).week,
      minutesToApproval: minutesBetween(facts.endedAt, facts.approvedAt),
      editRate: facts.comparedCharacters === 0 ? null : facts.changedCharacters / facts.comparedCharacters,
      flagsRaised: facts.flags.length,
      flagsEdited: countResolution(facts, 'edited'),
      flagsDismissed: countResolution(facts, 'dismissed'),
      flagsInserted: countResolution(facts, 'inserted'),
      flagsOther: countResolution(facts, 'other'),
      openedFlagEvidence: openedFlagEvidence(facts),
    })),
  };
}
