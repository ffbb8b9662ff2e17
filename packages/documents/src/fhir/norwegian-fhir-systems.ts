/**
 * Identifier and code systems for FHIR R4 in Norway (HL7 Norway no-basis 2.2; norwegian-integration.md §2.2–2.5).
 */

/** Fødselsnummer (no-basis NamingSystem, OID). */
export const FODSELSNUMMER_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.1';
/** D-nummer. */
export const D_NUMMER_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.2';
/** HPR-nummer (Helsepersonellregisteret). */
export const HPR_NUMMER_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.4';
/** ICPC-2, the URI the no-basis NamingSystem prefers. */
export const ICPC2_SYSTEM = 'http://hl7.org/fhir/sid/icpc-2';
/** ICPC-2 as Volven code list 7170 (used by no-basis MedicationStatement and FHI's LMDI Condition). */
export const ICPC2_VOLVEN_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.1.7170';
/** Volven 9602, document type (required binding of no-basis Composition.type and DocumentReference.type). */
export const DOCUMENT_TYPE_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.1.9602';

/** Document types from Volven 9602 that Kollega writes. */
export const DOCUMENT_TYPES = {
  journalnotat: { system: DOCUMENT_TYPE_SYSTEM, code: 'B02-2', display: 'Journalnotat' },
  henvisning: { system: DOCUMENT_TYPE_SYSTEM, code: 'I01-2', display: 'Henvisninger' },
} as const;

/** Which ICPC-2 system URI a receiver wants: the preferred URI, the Volven OID, or both codings. */
export type Icpc2SystemChoice = 'icpc-2' | 'volven' | 'both';
