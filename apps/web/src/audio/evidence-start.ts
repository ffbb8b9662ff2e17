import type { Segment } from '@kollega/domain';

/** The earliest start among the segments a selection points to (where playback begins), or undefined. */
export function findEvidenceStart(
  segments: readonly Segment[],
  evidence: ReadonlySet<string>,
): number | undefined {
  let earliest: number | undefined;
  for (const segment of segments) {
    if (evidence.has(segment.id) && segment.start !== undefined) {
      earliest = earliest === undefined ? segment.start : Math.min(earliest, segment.start);
    }
  }
  return earliest;
}
