import { inferSpeakerRoles } from '../speakers/index';
import type { ParsedConsultation } from './types';

/** Resolves speaker roles left generic by the input (`Speaker 1` → lege/pasient) with the engine's `inferSpeakerRoles`. */
export function prepareTranscript(parsed: ParsedConsultation): ParsedConsultation {
  return { ...parsed, transcript: inferSpeakerRoles(parsed.transcript) };
}
