import type { Transcript } from '@kollega/domain';

/**
 * Assigns speaker roles where labels were missing or generic ("Speaker 1" arrives as role `annen`
 * with its `label` kept). PLACEHOLDER for the foundation: the engine issue infers roles from content.
 */
export function inferSpeakerRoles(transcript: Transcript): Transcript {
  return transcript;
}
