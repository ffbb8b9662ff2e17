import { randomUUID } from 'node:crypto';
import { AppError } from '@kollega/domain';
import { checkPersonNumber } from '@kollega/clinical';
import type {
  FhirBundle,
  FhirCodeableConcept,
  FhirCoding,
  FhirIdentifier,
  FhirResource,
} from './fhir-resources';
import type { Icpc2SystemChoice } from './norwegian-fhir-systems';
import {
  D_NUMMER_SYSTEM,
  DOCUMENT_TYPES,
  FODSELSNUMMER_SYSTEM,
  HPR_NUMMER_SYSTEM,
  ICPC2_SYSTEM,
  ICPC2_VOLVEN_SYSTEM,
} from './norwegian-fhir-systems';

/**
 * Builds a FHIR R4 document Bundle for an approved note or clinical document: a Composition (type from
 * Volven 9602, status final, attested by the approving doctor) with one section per heading; Patient and
 * Practitioner (with Norwegian identifier OIDs when given); a Condition per ICPC-2 code; a
 * DocumentReference carrying the rendered text (and PDF); and a Provenance that records the AI assistance
 * (the Kollega software as a Device, "assembler") and the approving doctor ("attester").
 * Sources: HL7 R4 (Bundle bdl-9/bdl-10/bdl-11: a document has an identifier, a timestamp and a Composition
 * first), HL7 Norway no-basis 2.2 (norwegian-integration.md §2.2–2.5).
 */

/** One section of the document. */
export interface FhirDocumentSection {
  title: string;
  text: string;
  /** The assessment section: the Condition is listed as its entry. */
  assessment?: boolean;
}

/** The patient, when known: a display name and a fødselsnummer or D-nummer. */
export interface FhirPatientInput {
  name?: string;
  /** 11 digits; its type (fødselsnummer or D-nummer) is read from the digits. */
  personNumber?: string;
}

/** Input of `buildFhirDocumentBundle`. */
export interface FhirDocumentInput {
  kind: 'journalnotat' | 'henvisning' | 'legeerklaering';
  title: string;
  sections: readonly FhirDocumentSection[];
  /** The document as plain text (attached to the DocumentReference). */
  text: string;
  /** The document as PDF, attached beside the text when given. */
  pdf?: Uint8Array;
  approvedBy: string;
  /** ISO time of approval. */
  approvedAt: string;
  /** ICPC-2 codes (the main one first): one Condition each. */
  icpc2Codes?: ReadonlyArray<{ code: string; title: string }>;
  /** Which ICPC-2 system URI to write (default the preferred `http://hl7.org/fhir/sid/icpc-2`). */
  icpc2System?: Icpc2SystemChoice;
  patient?: FhirPatientInput;
  /** The approving doctor's HPR number, when given. */
  hprNumber?: string;
  /** The software, named on the Device. */
  software?: { name: string; version: string };
  language?: 'nb' | 'en';
  /** Id generator (tests); defaults to random UUIDs. */
  createId?: () => string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A FHIR narrative (XHTML) with one paragraph per line. */
function narrative(text: string): { status: 'generated'; div: string } {
  const paragraphs = text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `<p>${escapeXml(line)}</p>`)
    .join('');
  return {
    status: 'generated',
    div: `<div xmlns="http://www.w3.org/1999/xhtml">${paragraphs || '<p/>'}</div>`,
  };
}

/** The identifier of a fødselsnummer or D-nummer, checked; throws `invalid_input` otherwise (never echoing it). */
export function personIdentifier(personNumber: string): FhirIdentifier {
  const digits = personNumber.replace(/\D/g, '');
  const check = checkPersonNumber(digits);
  if (!check.valid || check.type === 'h-nummer') {
    throw new AppError(
      'invalid_input',
      'Ugyldig fødselsnummer eller D-nummer (11 siffer med gyldige kontrollsiffer)',
      {
        details: { field: 'personNumber' },
      },
    );
  }
  return {
    use: 'official',
    system: check.type === 'd-nummer' ? D_NUMMER_SYSTEM : FODSELSNUMMER_SYSTEM,
    value: digits,
  };
}

function icpc2Codings(code: { code: string; title: string }, choice: Icpc2SystemChoice): FhirCoding[] {
  const preferred = { system: ICPC2_SYSTEM, code: code.code, display: code.title };
  const volven = { system: ICPC2_VOLVEN_SYSTEM, code: code.code, display: code.title };
  switch (choice) {
    case 'icpc-2':
      return [preferred];
    case 'volven':
      return [volven];
    case 'both':
      return [preferred, volven];
  }
}

function documentType(kind: FhirDocumentInput['kind']): FhirCodeableConcept {
  switch (kind) {
    case 'journalnotat':
      return { coding: [{ ...DOCUMENT_TYPES.journalnotat }], text: 'Journalnotat' };
    case 'henvisning':
      return { coding: [{ ...DOCUMENT_TYPES.henvisning }], text: 'Henvisning' };
    case 'legeerklaering':
      // No Volven 9602 code for a legeerklæring was verified; the type is given as text only.
      return { text: 'Legeerklæring' };
  }
}

function toBase64(bytes: Uint8Array | string): string {
  return (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)).toString('base64');
}

/** Builds the document Bundle; see the module comment. */
export function buildFhirDocumentBundle(input: FhirDocumentInput): FhirBundle {
  const createId = input.createId ?? randomUUID;
  const approvedAt = new Date(input.approvedAt);
  if (Number.isNaN(approvedAt.getTime())) {
    throw new AppError('invalid_input', 'Ugyldig godkjenningstidspunkt', {
      details: { field: 'approvedAt' },
    });
  }
  const instant = approvedAt.toISOString();
  const ids = {
    bundle: createId(),
    composition: createId(),
    patient: createId(),
    practitioner: createId(),
    device: createId(),
    documentReference: createId(),
    provenance: createId(),
  };
  const url = (id: string): string => `urn:uuid:${id}`;
  const type = documentType(input.kind);
  const language = input.language ?? 'nb';

  const patient: FhirResource = {
    resourceType: 'Patient',
    id: ids.patient,
    ...(input.patient?.personNumber === undefined || input.patient.personNumber.trim() === ''
      ? {}
      : { identifier: [personIdentifier(input.patient.personNumber)] }),
    ...(input.patient?.name === undefined || input.patient.name.trim() === ''
      ? {}
      : { name: [{ text: input.patient.name.trim() }] }),
  };
  const practitioner: FhirResource = {
    resourceType: 'Practitioner',
    id: ids.practitioner,
    ...(input.hprNumber === undefined || input.hprNumber.trim() === ''
      ? {}
      : {
          identifier: [
            { use: 'official', system: HPR_NUMMER_SYSTEM, value: input.hprNumber.replace(/\D/g, '') },
          ],
        }),
    name: [{ text: input.approvedBy }],
  };
  const software = input.software ?? { name: 'Kollega', version: '0.0.0' };
  const device: FhirResource = {
    resourceType: 'Device',
    id: ids.device,
    deviceName: [{ name: software.name, type: 'user-friendly-name' }],
    type: { text: 'KI-assistent for journalføring (programvare)' },
    version: [{ value: software.version }],
  };
  const conditions: FhirResource[] = (input.icpc2Codes ?? []).map((code) => ({
    resourceType: 'Condition',
    id: createId(),
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
    },
    // An AI-assisted code stays provisional until the GP confirms it in the EPJ (norwegian-integration.md §2.4).
    verificationStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'provisional' }],
    },
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' },
        ],
      },
    ],
    code: { coding: icpc2Codings(code, input.icpc2System ?? 'icpc-2'), text: code.title },
    subject: { reference: url(ids.patient) },
    recordedDate: instant,
    asserter: { reference: url(ids.practitioner) },
  }));
  const composition: FhirResource = {
    resourceType: 'Composition',
    id: ids.composition,
    language,
    status: 'final',
    type,
    subject: { reference: url(ids.patient) },
    date: instant,
    author: [{ reference: url(ids.practitioner), display: input.approvedBy }],
    title: input.title,
    attester: [{ mode: 'professional', time: instant, party: { reference: url(ids.practitioner) } }],
    section: input.sections
      .filter((section) => section.text.trim() !== '')
      .map((section) => ({
        title: section.title,
        text: narrative(section.text),
        ...(section.assessment === true && conditions.length > 0
          ? { entry: conditions.map((condition) => ({ reference: url(condition.id ?? '') })) }
          : {}),
      })),
  };
  const documentReference: FhirResource = {
    resourceType: 'DocumentReference',
    id: ids.documentReference,
    status: 'current',
    docStatus: 'final',
    type,
    subject: { reference: url(ids.patient) },
    date: instant,
    author: [{ reference: url(ids.practitioner) }],
    authenticator: { reference: url(ids.practitioner) },
    description: input.title,
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          language,
          data: toBase64(input.text),
          title: `${input.title} (tekst)`,
          creation: instant,
        },
      },
      ...(input.pdf === undefined
        ? []
        : [
            {
              attachment: {
                contentType: 'application/pdf',
                language,
                data: toBase64(input.pdf),
                title: `${input.title} (PDF)`,
                creation: instant,
              },
            },
          ]),
    ],
  };
  const provenance: FhirResource = {
    resourceType: 'Provenance',
    id: ids.provenance,
    target: [{ reference: url(ids.composition) }, { reference: url(ids.documentReference) }],
    recorded: instant,
    reason: [{ text: 'KI-assistert utkast, gjennomgått og godkjent av lege' }],
    agent: [
      {
        type: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
              code: 'assembler',
              display: 'Assembler',
            },
          ],
        },
        who: { reference: url(ids.device), display: `${software.name} ${software.version}` },
      },
      {
        type: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
              code: 'attester',
              display: 'Attester',
            },
          ],
        },
        who: { reference: url(ids.practitioner), display: input.approvedBy },
      },
    ],
  };
  const resources = [
    composition,
    patient,
    practitioner,
    device,
    ...conditions,
    documentReference,
    provenance,
  ];
  return {
    resourceType: 'Bundle',
    id: ids.bundle,
    identifier: { system: 'urn:ietf:rfc:3986', value: url(ids.bundle) },
    type: 'document',
    timestamp: instant,
    entry: resources.map((resource) => ({ fullUrl: url(resource.id ?? createId()), resource })),
  };
}
