/**
 * The small subset of FHIR R4 resource shapes Kollega writes (hl7.org/fhir/R4). Kept local and minimal;
 * the tests validate every bundle against the official R4 JSON schema.
 */

/** A FHIR Coding. */
export interface FhirCoding {
  system?: string;
  code?: string;
  display?: string;
}

/** A FHIR CodeableConcept. */
export interface FhirCodeableConcept {
  coding?: FhirCoding[];
  text?: string;
}

/** A FHIR Reference. */
export interface FhirReference {
  reference?: string;
  display?: string;
}

/** A FHIR Identifier. */
export interface FhirIdentifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  system?: string;
  value?: string;
}

/** Any FHIR resource: a type, an id, and its elements. */
export interface FhirResource {
  resourceType: string;
  id?: string;
  [element: string]: unknown;
}

/** One entry of a Bundle. */
export interface FhirBundleEntry {
  fullUrl: string;
  resource: FhirResource;
}

/** A FHIR Bundle. */
export interface FhirBundle extends FhirResource {
  resourceType: 'Bundle';
  type: 'document' | 'collection';
  timestamp?: string;
  identifier?: FhirIdentifier;
  entry: FhirBundleEntry[];
}
