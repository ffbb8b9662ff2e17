import type { SpeakerRole, Transcript } from '@kollega/domain';
import type { DecisionInput } from './types';

/** Test helper: a transcript from [speaker, text] turns, with segment ids s1, s2, … (synthetic text only). */
export function transcriptOf(turns: ReadonlyArray<readonly [SpeakerRole, string]>): Transcript {
  return { segments: turns.map(([speaker, text], index) => ({ id: `s${index + 1}`, speaker, text })) };
}

/** Test helper: a decision input from turns, at the office unless said otherwise. */
export function inputOf(
  turns: ReadonlyArray<readonly [SpeakerRole, string]>,
  extra: Partial<Omit<DecisionInput, 'transcript'>> = {},
): DecisionInput {
  return { transcript: transcriptOf(turns), facts: [], setting: 'kontor', ...extra };
}
