import type { Segment, SpeakerRole } from '@kollega/domain';
import { inferSpeakerRoles } from '@kollega/clinical';
import type { TimedSegment } from './transcribe-audio';

/** Rounds a time to milliseconds so stored transcripts stay readable. */
function roundSeconds(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/**
 * Turns recognised segments into transcript segments `s{firstNumber}`, `s{firstNumber+1}` … with times and
 * confidence. Roles are `annen` until `assignSpeakerRoles` runs; a diarization label is kept as `label`.
 */
export function toTranscriptSegments(segments: readonly TimedSegment[], firstNumber = 1): Segment[] {
  return segments.map((segment, index) => ({
    id: `s${firstNumber + index}`,
    speaker: 'annen',
    ...(segment.speakerLabel === undefined ? {} : { label: segment.speakerLabel }),
    start: roundSeconds(segment.start),
    end: roundSeconds(Math.max(segment.start, segment.end)),
    text: segment.text,
    ...(segment.confidence === undefined ? {} : { confidence: Math.round(segment.confidence * 1000) / 1000 }),
  }));
}

const REFERENCE_ID = '__kollega_reference__';

/**
 * What `inferSpeakerRoles` makes of one segment on its own, asked twice against a silent reference speaker
 * (in both orders). When both answers agree the segment carries a cue (a question, a first-person symptom, an
 * interpreter's introduction); when they differ it carries none and the answer is `undefined`.
 */
function classifySegment(segment: Segment): SpeakerRole | undefined {
  const candidate: Segment = { ...segment, speaker: 'annen', label: 'candidate' };
  const reference: Segment = { id: REFERENCE_ID, speaker: 'annen', label: 'reference', text: '' };
  const first = inferSpeakerRoles({ segments: [candidate, reference] }).segments[0]?.speaker;
  const second = inferSpeakerRoles({ segments: [reference, candidate] }).segments[1]?.speaker;
  return first !== undefined && first === second ? first : undefined;
}

/**
 * Gives every segment whose role is `annen` a role. With diarization labels, `inferSpeakerRoles` from
 * @kollega/clinical assigns a role per label. Without them, each segment is classified on its own content
 * with the same function; a segment without any cue takes turns with its neighbour (a consultation is a
 * dialogue: after the doctor's turn comes the patient's). Roles already set (corrected by the GP) stay.
 */
export function assignSpeakerRoles(segments: readonly Segment[]): Segment[] {
  if (segments.some((segment) => segment.speaker === 'annen' && segment.label !== undefined)) {
    return inferSpeakerRoles({ segments: [...segments] }).segments;
  }
  const decided = segments.map((segment) =>
    segment.speaker === 'annen' ? classifySegment(segment) : segment.speaker,
  );
  const roles: SpeakerRole[] = [];
  for (let index = 0; index < segments.length; index += 1) {
    const known = decided[index];
    if (known !== undefined) {
      roles.push(known);
      continue;
    }
    const previous = roles[index - 1];
    if (previous !== undefined) {
      roles.push(previous === 'lege' ? 'pasient' : 'lege');
      continue;
    }
    const nextKnown = decided.slice(index + 1).find((role) => role !== undefined);
    roles.push(nextKnown === undefined ? 'lege' : nextKnown === 'lege' ? 'pasient' : 'lege');
  }
  return segments.map((segment, index) =>
    segment.speaker === 'annen' ? { ...segment, speaker: roles[index] ?? 'annen' } : segment,
  );
}
