import { beforeAll, describe, expect, it } from 'vitest';
import type { NoteRecord } from '@kollega/domain';
import {
  createSeededRandom,
  draftReferral,
  draftMedicalCertificate,
  generatePersonNumber,
} from '@kollega/clinical';
import { extractPdfText } from '../pdf/extract-pdf-text';
import { validateFhirResource } from '../testing/fhir-schema-validator';
import type { FhirBundle, FhirResource } from '../fhir/fhir-resources';
import {
  buildClinicalDocumentFhirBundle,
  buildNoteFhirBundle,
  exportApprovedNote,
  exportClinicalDocument,
  renderNoteExportText,
  requireApprovedNote,
} from './export-approved';

const statement = (id: string, text: string) => ({
  id,
  text,
  evidence: ['s1'],
  support: 'supported' as const,
});

const RECORD: NoteRecord = {
  id: 'n1',
  consultationId: 'k1',
  version: 3,
  status: 'approved',
  engine: 'builtin',
  note: {
    template: 'fastlege',
    language: 'nb',
    sections: [
      { id: 'aktuelt', title: 'Aktuelt', statements: [statement('a1', 'Sår hals i 3 d, feber til 38,6.')] },
      {
        id: 'undersokelse',
        title: 'Us.',
        statements: [statement('u1', 'Røde, hovne tonsiller med belegg bilat.')],
      },
      { id: 'vurdering', title: 'Vurdering', statements: [statement('v1', 'Tonsillitt, Centor 4 (R76).')] },
      {
        id: 'tiltak',
        title: 'Tiltak',
        statements: [statement('t1', 'Fenoksymetylpenicillin 660 mg x 4 i 5 d.')],
      },
    ],
  },
  warnings: [],
  dismissals: [],
  approvedBy: 'Åse Bø',
  approvedAt: '2025-03-14T09:30:00.000Z',
  createdAt: '2025-03-14T09:00:00.000Z',
  updatedAt: '2025-03-14T09:30:00.000Z',
};

function entries(bundle: FhirBundle, type: string): FhirResource[] {
  return bundle.entry.map((entry) => entry.resource).filter((resource) => resource.resourceType === type);
}

let counter = 0;
const createId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

describe('exports of an approved note', () => {
  beforeAll(() => {
    // Compiling the 3.5 MB schema takes a few seconds; do it once, up front.
    validateFhirResource({ resourceType: 'Patient' });
  }, 60_000);

  it('prefers the codes the doctor chose for the note over a code in its text', () => {
    const text = renderNoteExportText(
      requireApprovedNote({
        ...RECORD,
        codes: [{ system: 'ICPC-2', code: 'R72', title: 'Streptokokkhals', evidence: [] }],
      }),
    );
    expect(text).toContain('Diagnose: R72 Streptokokkhals');
    expect(text).not.toContain('R76 Akutt');
  });

  it('refuses a draft: only approved notes may be exported', () => {
    expect(() =>
      requireApprovedNote({ ...RECORD, status: 'draft', approvedBy: undefined, approvedAt: undefined }),
    ).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('writes text for the EPJ with headings, the ICPC-2 code and the approval line', () => {
    const text = renderNoteExportText(requireApprovedNote(RECORD));
    expect(text.split('\n')).toEqual([
      'Aktuelt: Sår hals i 3 d, feber til 38,6.',
      'Us.: Røde, hovne tonsiller med belegg bilat.',
      'Vurdering: Tonsillitt, Centor 4 (R76).',
      'Tiltak: Fenoksymetylpenicillin 660 mg x 4 i 5 d.',
      'Diagnose: R76 Akutt tonsillitt',
      'KI-assistert utkast, gjennomgått og godkjent av lege Åse Bø 14.03.2025',
    ]);
  });

  it('builds a FHIR R4 document Bundle that validates against the R4 schema', async () => {
    const personNumber = generatePersonNumber({ type: 'fodselsnummer', random: createSeededRandom(7) });
    const bundle = await buildNoteFhirBundle(requireApprovedNote(RECORD), {
      patient: { name: 'Kari Nordmann', personNumber },
      hprNumber: '9144889',
      software: { name: 'Kollega', version: '0.1.0' },
      createId,
    });
    const validation = validateFhirResource(bundle);
    expect(validation.errors).toEqual([]);
    expect(bundle.type).toBe('document');
    expect(bundle.timestamp).toBe('2025-03-14T09:30:00.000Z');
    expect(bundle.entry[0]?.resource.resourceType).toBe('Composition');
    const composition = bundle.entry[0]!.resource;
    expect(composition).toMatchObject({
      status: 'final',
      type: {
        coding: [{ system: 'urn:oid:2.16.578.1.12.4.1.1.9602', code: 'B02-2', display: 'Journalnotat' }],
      },
      attester: [{ mode: 'professional', time: '2025-03-14T09:30:00.000Z' }],
    });
    const sections = composition.section as Array<{
      title: string;
      text: { div: string };
      entry?: unknown[];
    }>;
    expect(sections.map((section) => section.title)).toEqual(['Aktuelt', 'Us.', 'Vurdering', 'Tiltak']);
    expect(sections[2]?.entry).toHaveLength(1);
    expect(sections[1]?.text.div).toContain('Røde, hovne tonsiller');
    expect(entries(bundle, 'Patient')[0]).toMatchObject({
      identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: personNumber }],
      name: [{ text: 'Kari Nordmann' }],
    });
    expect(entries(bundle, 'Practitioner')[0]).toMatchObject({
      identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.4', value: '9144889' }],
      name: [{ text: 'Åse Bø' }],
    });
    expect(entries(bundle, 'Condition')[0]).toMatchObject({
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icpc-2', code: 'R76' }] },
      verificationStatus: { coding: [{ code: 'provisional' }] },
    });
    const provenance = entries(bundle, 'Provenance')[0]!;
    const agents = provenance.agent as Array<{
      type: { coding: Array<{ code: string }> };
      who: { reference: string };
    }>;
    const device = entries(bundle, 'Device')[0]!;
    const practitioner = entries(bundle, 'Practitioner')[0]!;
    expect(agents.map((agent) => [agent.type.coding[0]?.code, agent.who.reference])).toEqual([
      ['assembler', `urn:uuid:${device.id}`],
      ['attester', `urn:uuid:${practitioner.id}`],
    ]);
    const documentReference = entries(bundle, 'DocumentReference')[0]!;
    const attachments = (
      documentReference.content as Array<{ attachment: { contentType: string; data: string } }>
    ).map((item) => item.attachment);
    expect(attachments.map((attachment) => attachment.contentType)).toEqual([
      'text/plain; charset=utf-8',
      'application/pdf',
    ]);
    expect(Buffer.from(attachments[0]!.data, 'base64').toString('utf8')).toContain('godkjent av lege Åse Bø');
    expect(Buffer.from(attachments[1]!.data, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Every reference in the document resolves to an entry of the Bundle.
    const fullUrls = new Set(bundle.entry.map((entry) => entry.fullUrl));
    for (const reference of JSON.stringify(bundle).matchAll(/"reference":"([^"]+)"/g))
      expect(fullUrls.has(reference[1]!)).toBe(true);
  });

  it('writes the Volven OID or both ICPC-2 systems when asked, and a D-nummer with its own OID', async () => {
    const dNummer = generatePersonNumber({ type: 'd-nummer', random: createSeededRandom(3) });
    const volven = await buildNoteFhirBundle(requireApprovedNote(RECORD), {
      icpc2System: 'volven',
      patient: { personNumber: dNummer },
    });
    expect(validateFhirResource(volven).errors).toEqual([]);
    expect(entries(volven, 'Condition')[0]).toMatchObject({
      code: { coding: [{ system: 'urn:oid:2.16.578.1.12.4.1.1.7170', code: 'R76' }] },
    });
    expect(entries(volven, 'Patient')[0]).toMatchObject({
      identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.2', value: dNummer }],
    });
    const both = await buildNoteFhirBundle(requireApprovedNote(RECORD), { icpc2System: 'both' });
    const codings = (entries(both, 'Condition')[0]!.code as { coding: Array<{ system: string }> }).coding;
    expect(codings.map((coding) => coding.system)).toEqual([
      'http://hl7.org/fhir/sid/icpc-2',
      'urn:oid:2.16.578.1.12.4.1.1.7170',
    ]);
  });

  it('refuses an invalid person number without echoing it, and an unknown ICPC-2 code', async () => {
    await expect(
      buildNoteFhirBundle(requireApprovedNote(RECORD), { patient: { personNumber: '12345678901' } }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.not.stringContaining('12345678901'),
    });
    expect(() => renderNoteExportText(requireApprovedNote(RECORD), { icpc2Code: 'Q99' })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });

  it('renders the note as a PDF with Norwegian text', async () => {
    const file = await exportApprovedNote(requireApprovedNote(RECORD, 'Vondt i halsen'), 'pdf');
    expect(file.contentType).toBe('application/pdf');
    expect(file.filename).toBe('journalnotat-2025-03-14.pdf');
    const text = (await extractPdfText(file.body)).pages.join('\n');
    expect(text).toContain('Røde, hovne tonsiller');
    expect(text).toContain('Sår hals');
    expect(text).toContain('godkjent av lege Åse Bø 14.03.2025');
  });
});

describe('exports of approved clinical documents', () => {
  it('validates referral and certificate bundles against the R4 schema and renders their PDF', async () => {
    const sources = { note: RECORD.note, approvedBy: 'Åse Bø' };
    for (const content of [
      draftReferral(sources, { receiver: 'ØNH-poliklinikken', question: 'Tonsillektomi?' }),
      draftMedicalCertificate(sources, { receiver: 'NAV', purpose: 'Sykepenger' }),
    ]) {
      const approved = {
        documentId: 'd1',
        content,
        approvedBy: 'Åse Bø',
        approvedAt: '2025-03-15T10:00:00Z',
      };
      const bundle = await buildClinicalDocumentFhirBundle(approved);
      expect(validateFhirResource(bundle).errors).toEqual([]);
      expect(bundle.entry[0]!.resource.title as string).toBe(content.title);
      const pdf = await exportClinicalDocument(approved, 'pdf');
      const text = (await extractPdfText(pdf.body)).pages.join('\n');
      expect(text).toContain(content.title);
      expect(text).toContain('godkjent av lege Åse Bø 15.03.2025');
      const plain = (await exportClinicalDocument(approved, 'text')).body.toString('utf8');
      expect(plain).toContain(content.sections[0]!.title);
    }
  });
});
