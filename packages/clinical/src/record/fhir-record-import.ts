import type { WithWarnings } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import type { RecordCoding, RecordDocument, RecordEntry, RecordPassage } from './record-types';
import { formatNorwegianDate, toIsoDate } from './norwegian-dates';
import { createTextRecordDocument } from './split-passages';

/**
 * Reads a FHIR R4 Bundle (JSON) into a record document: one passage per Observation, Condition,
 * MedicationStatement/MedicationRequest and AllergyIntolerance, written as a short Norwegian sentence with the
 * structured values kept beside it; DocumentReference and Composition text is split into passages like any
 * text. Element names follow FHIR R4 (hl7.org/fhir/R4); other resource types are counted and skipped.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The first coding of a CodeableConcept, and its readable name (text, else a display, else the code). */
function readConcept(value: unknown): { display?: string; coding?: RecordCoding } {
  if (!isObject(value)) return {};
  const codings = asArray(value.coding).filter(isObject);
  const first = codings.find((coding) => asString(coding.code) !== undefined);
  const coding: RecordCoding | undefined =
    first === undefined
      ? undefined
      : {
          code: asString(first.code) ?? '',
          ...(asString(first.system) === undefined ? {} : { system: asString(first.system) }),
          ...(asString(first.display) === undefined ? {} : { display: asString(first.display) }),
        };
  const display =
    asString(value.text) ??
    codings.map((candidate) => asString(candidate.display)).find((text) => text !== undefined) ??
    coding?.code;
  return { ...(display === undefined ? {} : { display }), ...(coding === undefined ? {} : { coding }) };
}

/** A number as Norwegians write it (decimal comma). */
function formatValue(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value).replace('.', ',');
  return asString(value);
}

function readQuantity(value: unknown): { value?: string; unit?: string } {
  if (!isObject(value)) return {};
  const number = formatValue(value.value);
  const unit = asString(value.unit) ?? asString(value.code);
  return { ...(number === undefined ? {} : { value: number }), ...(unit === undefined ? {} : { unit }) };
}

function readPeriodStart(value: unknown): string | undefined {
  return isObject(value) ? toIsoDate(asString(value.start)) : undefined;
}

function readPeriodEnd(value: unknown): string | undefined {
  return isObject(value) ? toIsoDate(asString(value.end)) : undefined;
}

/** Plain text of a FHIR narrative (XHTML `div`). */
function narrativeText(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const div = asString(value.div);
  if (div === undefined) return undefined;
  const text = div
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s+/g, '\n')
    .trim();
  return text === '' ? undefined : text;
}

/** Decodes base64 to UTF-8 text. */
function decodeBase64(data: string): string {
  const binary = atob(data.replace(/\s+/g, ''));
  const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
  return new TextDecoder('utf-8').decode(bytes);
}

const CLINICAL_STATUS: Record<string, string> = {
  active: 'aktiv',
  recurrence: 'tilbakefall',
  relapse: 'tilbakefall',
  inactive: 'inaktiv',
  remission: 'i remisjon',
  resolved: 'avsluttet',
};

const MEDICATION_STATUS: Record<string, string> = {
  active: 'aktiv',
  completed: 'avsluttet',
  stopped: 'seponert',
  'on-hold': 'pause',
  'entered-in-error': 'feilregistrert',
  intended: 'planlagt',
  'not-taken': 'ikke tatt',
  cancelled: 'kansellert',
  draft: 'utkast',
};

const CRITICALITY: Record<string, string> = { high: 'høy', low: 'lav', 'unable-to-assess': 'ikke vurdert' };

function dateText(iso: string | undefined, prefix: string): string {
  return iso === undefined ? '' : `, ${prefix} ${formatNorwegianDate(iso)}`;
}

function readObservation(resource: Json): RecordEntry | undefined {
  const concept = readConcept(resource.code);
  if (concept.display === undefined) return undefined;
  let value: { value?: string; unit?: string } = readQuantity(resource.valueQuantity);
  if (value.value === undefined) {
    const text = asString(resource.valueString) ?? readConcept(resource.valueCodeableConcept).display;
    if (text !== undefined) value = { value: text };
  }
  if (value.value === undefined) {
    // Blood pressure and other panels: the components in order ("138/84 mmHg").
    const parts = asArray(resource.component)
      .filter(isObject)
      .map((component) => readQuantity(component.valueQuantity));
    const numbers = parts.map((part) => part.value).filter((part): part is string => part !== undefined);
    if (numbers.length > 0)
      value = { value: numbers.join('/'), ...(parts[0]?.unit === undefined ? {} : { unit: parts[0].unit }) };
  }
  const date =
    toIsoDate(asString(resource.effectiveDateTime)) ??
    readPeriodStart(resource.effectivePeriod) ??
    toIsoDate(asString(resource.issued));
  const status = asString(resource.status);
  return {
    kind: 'observation',
    display: concept.display,
    ...(concept.coding === undefined ? {} : { coding: concept.coding }),
    ...value,
    ...(date === undefined ? {} : { date }),
    ...(status === undefined ? {} : { status }),
  };
}

function readCondition(resource: Json): RecordEntry | undefined {
  const concept = readConcept(resource.code);
  if (concept.display === undefined) return undefined;
  const clinical = readConcept(resource.clinicalStatus).coding?.code;
  const date =
    toIsoDate(asString(resource.onsetDateTime)) ??
    readPeriodStart(resource.onsetPeriod) ??
    toIsoDate(asString(resource.recordedDate));
  const status = clinical === undefined ? undefined : (CLINICAL_STATUS[clinical] ?? clinical);
  return {
    kind: 'condition',
    display: concept.display,
    ...(concept.coding === undefined ? {} : { coding: concept.coding }),
    ...(date === undefined ? {} : { date }),
    ...(status === undefined ? {} : { status }),
  };
}

function readMedication(resource: Json): RecordEntry | undefined {
  const concept = readConcept(resource.medicationCodeableConcept);
  const referenced = isObject(resource.medicationReference)
    ? asString(resource.medicationReference.display)
    : undefined;
  const display = concept.display ?? referenced;
  if (display === undefined) return undefined;
  const dosage = [...asArray(resource.dosage), ...asArray(resource.dosageInstruction)]
    .filter(isObject)
    .map((item) => asString(item.text))
    .find((text) => text !== undefined);
  const rawStatus = asString(resource.status);
  const status = rawStatus === undefined ? undefined : (MEDICATION_STATUS[rawStatus] ?? rawStatus);
  const ended = readPeriodEnd(resource.effectivePeriod);
  const date =
    (rawStatus === 'stopped' || rawStatus === 'completed' ? ended : undefined) ??
    toIsoDate(asString(resource.effectiveDateTime)) ??
    readPeriodStart(resource.effectivePeriod) ??
    toIsoDate(asString(resource.dateAsserted)) ??
    toIsoDate(asString(resource.authoredOn));
  return {
    kind: 'medication',
    display,
    ...(concept.coding === undefined ? {} : { coding: concept.coding }),
    ...(dosage === undefined ? {} : { value: dosage }),
    ...(date === undefined ? {} : { date }),
    ...(status === undefined ? {} : { status }),
  };
}

function readAllergy(resource: Json): RecordEntry | undefined {
  const concept = readConcept(resource.code);
  if (concept.display === undefined) return undefined;
  const reactions = asArray(resource.reaction)
    .filter(isObject)
    .flatMap((reaction) => asArray(reaction.manifestation).map((item) => readConcept(item).display))
    .filter((text): text is string => text !== undefined);
  const criticality = asString(resource.criticality);
  const date = toIsoDate(asString(resource.onsetDateTime)) ?? toIsoDate(asString(resource.recordedDate));
  return {
    kind: 'allergy',
    display: concept.display,
    ...(concept.coding === undefined ? {} : { coding: concept.coding }),
    ...(reactions.length === 0 ? {} : { value: reactions.join(', ') }),
    ...(date === undefined ? {} : { date }),
    ...(criticality === undefined ? {} : { status: CRITICALITY[criticality] ?? criticality }),
  };
}

/** The sentence a structured entry is shown and searched as. */
export function describeRecordEntry(entry: RecordEntry): string {
  const code =
    entry.coding?.code !== undefined && entry.coding.code !== entry.display ? `${entry.coding.code} ` : '';
  switch (entry.kind) {
    case 'observation': {
      const value =
        entry.value === undefined ? '' : ` ${entry.value}${entry.unit === undefined ? '' : ` ${entry.unit}`}`;
      return `Prøvesvar: ${entry.display}${value}${dateText(entry.date, 'målt')}.`;
    }
    case 'condition':
      return `Diagnose: ${code}${entry.display}${entry.status === undefined ? '' : `, ${entry.status}`}${dateText(entry.date, 'fra')}.`;
    case 'medication': {
      const ended = entry.status === 'seponert' || entry.status === 'avsluttet';
      const status =
        entry.status === undefined || (ended && entry.date !== undefined) ? '' : `, ${entry.status}`;
      return `Legemiddel: ${entry.display}${entry.value === undefined ? '' : ` ${entry.value}`}${status}${dateText(entry.date, ended ? (entry.status ?? 'startet') : 'startet')}.`;
    }
    case 'allergy':
      return `Allergi: ${entry.display}${entry.value === undefined ? '' : ` (reaksjon: ${entry.value})`}${entry.status === undefined ? '' : `, kritikalitet ${entry.status}`}${dateText(entry.date, 'registrert')}.`;
    case 'document':
      return entry.display;
  }
}

/** Options of `readFhirRecordDocument`. */
export interface FhirRecordInput {
  id: string;
  name: string;
  /** The parsed JSON of the file. */
  json: unknown;
}

/**
 * Reads a FHIR R4 Bundle (or a single resource) into a record document. Throws `invalid_input` when the
 * JSON is not FHIR; warns about resources it skipped and attachments it could not read.
 */
export function readFhirRecordDocument(input: FhirRecordInput): WithWarnings<RecordDocument> {
  if (!isObject(input.json) || asString(input.json.resourceType) === undefined) {
    throw new AppError('invalid_input', 'Filen er ikke en FHIR-ressurs (mangler resourceType)', {
      details: { documentId: input.id },
    });
  }
  const resources =
    input.json.resourceType === 'Bundle'
      ? asArray(input.json.entry)
          .filter(isObject)
          .map((entry) => entry.resource)
          .filter(isObject)
      : [input.json];
  const passages: RecordPassage[] = [];
  let skipped = 0;
  let unreadableAttachments = 0;
  const addPassage = (passage: Omit<RecordPassage, 'id' | 'documentId' | 'ordinal'>): void => {
    const ordinal = passages.length + 1;
    passages.push({ id: `${input.id}:${ordinal}`, documentId: input.id, ordinal, ...passage });
  };
  const addText = (text: string, date: string | undefined, heading: string | undefined): void => {
    const split = createTextRecordDocument({ id: input.id, name: input.name, pages: [text] });
    for (const passage of split.passages) {
      const passageDate = passage.date ?? date;
      const passageHeading = passage.heading ?? heading;
      addPassage({
        text: passage.text,
        ...(passageDate === undefined ? {} : { date: passageDate }),
        ...(passageHeading === undefined ? {} : { heading: passageHeading }),
      });
    }
  };

  for (const resource of resources) {
    const type = asString(resource.resourceType) ?? '';
    const source = `${type}/${asString(resource.id) ?? '?'}`;
    let entry: RecordEntry | undefined;
    switch (type) {
      case 'Observation':
        entry = readObservation(resource);
        break;
      case 'Condition':
        entry = readCondition(resource);
        break;
      case 'MedicationStatement':
      case 'MedicationRequest':
        entry = readMedication(resource);
        break;
      case 'AllergyIntolerance':
        entry = readAllergy(resource);
        break;
      case 'DocumentReference': {
        const date =
          toIsoDate(asString(resource.date)) ??
          (isObject(resource.context) ? readPeriodStart(resource.context.period) : undefined);
        const title = asString(resource.description) ?? readConcept(resource.type).display;
        let read = false;
        for (const content of asArray(resource.content).filter(isObject)) {
          const attachment = isObject(content.attachment) ? content.attachment : undefined;
          const contentType = asString(attachment?.contentType) ?? '';
          const data = asString(attachment?.data);
          if (data !== undefined && /^text\//.test(contentType)) {
            try {
              addText(decodeBase64(data), date, title);
              read = true;
            } catch {
              unreadableAttachments += 1;
            }
          } else if (attachment !== undefined) {
            unreadableAttachments += 1;
          }
        }
        const narrative = narrativeText(resource.text);
        if (!read && narrative !== undefined) addText(narrative, date, title);
        continue;
      }
      case 'Composition': {
        const date = toIsoDate(asString(resource.date));
        const title = asString(resource.title);
        for (const section of asArray(resource.section).filter(isObject)) {
          const text = narrativeText(section.text);
          if (text !== undefined) addText(`${asString(section.title) ?? ''}\n${text}`.trim(), date, title);
        }
        continue;
      }
      default:
        skipped += 1;
        continue;
    }
    if (entry === undefined) {
      skipped += 1;
      continue;
    }
    const withSource = { ...entry, source };
    addPassage({
      text: describeRecordEntry(withSource),
      entry: withSource,
      ...(entry.date === undefined ? {} : { date: entry.date }),
    });
  }
  const warnings = [];
  if (skipped > 0) {
    warnings.push({
      code: 'fhir_resources_skipped',
      message: `${skipped} FHIR-ressurser ble hoppet over (ukjent type eller uten kode).`,
    });
  }
  if (unreadableAttachments > 0) {
    warnings.push({
      code: 'fhir_attachments_unread',
      message: `${unreadableAttachments} vedlegg kunne ikke leses (bare tekstvedlegg leses her).`,
    });
  }
  return { value: { id: input.id, name: input.name, kind: 'fhir', passages }, warnings };
}
