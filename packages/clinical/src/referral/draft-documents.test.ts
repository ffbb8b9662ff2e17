import { describe, expect, it } from 'vitest';
import type { Note } from '@kollega/domain';
import { createRecordIndex } from '../record/record-index';
import { createTextRecordDocument } from '../record/split-passages';
import { summarizeRecord } from '../record/summarize-record';
import { listIncompleteSections } from './clinical-document-types';
import { draftMedicalCertificate } from './draft-medical-certificate';
import { draftReferral } from './draft-referral';
import { findNoteIcpc2Code } from './note-reading';
import { formatApprovalLine, renderClinicalDocumentText } from './render-clinical-document';

const statement = (id: string, text: string, evidence: string[] = ['s1']) => ({
  id,
  text,
  evidence,
  support: 'supported' as const,
});

const NOTE: Note = {
  template: 'fastlege',
  language: 'nb',
  sections: [
    {
      id: 'aktuelt',
      title: 'Aktuelt',
      statements: [
        statement('aktuelt-1', 'Smerter i høyre kne i 4 mnd, verst ved trapper.', ['s2']),
        statement('aktuelt-2', 'Har forsøkt fysioterapi i 8 uker uten effekt.', ['s4']),
        statement('aktuelt-3', 'Jobber som sykepleier, delvis sykmeldt.', ['s6']),
        statement('aktuelt-4', 'Bruker ibuprofen 400 mg ved behov.', ['s8']),
      ],
    },
    {
      id: 'undersokelse',
      title: 'Us.',
      statements: [statement('us-1', 'Hevelse og palpasjonsømhet medialt i høyre kne.', ['s10'])],
    },
    {
      id: 'vurdering',
      title: 'Vurdering',
      statements: [statement('vurdering-1', 'Mistenkt menisklesjon høyre kne (L96).', ['s12'])],
    },
    {
      id: 'tiltak',
      title: 'Tiltak',
      statements: [
        statement('tiltak-1', 'Henvises ortoped, haster pga. låsninger.', ['s14']),
        statement('tiltak-2', 'Pasienten er informert om ventetid.', ['s15']),
      ],
    },
  ],
};

const RECORD = [
  'Konsultasjon 14.02.2022 – kontroll',
  'Diagnosen hypertensjon stilles. Starter amlodipin 5 mg x 1.',
  'CAVE: Penicillin (urtikaria).',
  '',
  'Laboratoriesvar – prøve tatt 02.06.2023',
  'HbA1c 44 mmol/mol',
].join('\n');

function recordSummary() {
  return summarizeRecord(
    createRecordIndex([createTextRecordDocument({ id: 'j', name: 'journal.txt', pages: [RECORD] })]),
  );
}

describe('draftReferral', () => {
  it('has the sections the referral guidance asks for, in order, each line linked to its source', () => {
    const referral = draftReferral({
      note: NOTE,
      approvedBy: 'Ola Nordmann',
      recordSummary: recordSummary(),
    });
    expect(referral.sections.map((section) => section.id)).toEqual([
      'mottaker',
      'hastegrad',
      'diagnose',
      'kritisk',
      'problemstilling',
      'sporsmal',
      'sykehistorie',
      'funn',
      'forsokt',
      'legemidler',
      'sosialt',
      'informasjon',
    ]);
    const section = (id: string) => referral.sections.find((candidate) => candidate.id === id)!;
    expect(section('problemstilling').text).toContain('Smerter i høyre kne');
    expect(section('problemstilling').evidence.map((item) => item.id)).toContain('aktuelt-1');
    expect(section('problemstilling').evidence[0]?.segments).toEqual(['s2']);
    expect(section('forsokt').text).toContain('fysioterapi i 8 uker uten effekt');
    expect(section('funn').text).toContain('Hevelse og palpasjonsømhet');
    expect(section('sosialt').text).toContain('sykepleier');
    expect(section('informasjon').text).toContain('informert om ventetid');
    expect(section('mottaker').text).toContain('Henvisende lege: Ola Nordmann');
  });

  it('takes urgency and the ICPC-2 code from the note, and the allergy, problems and medicines from the record', () => {
    const referral = draftReferral({
      note: NOTE,
      approvedBy: 'Ola Nordmann',
      recordSummary: recordSummary(),
    });
    expect(referral.urgency).toBe('haster');
    expect(referral.sections.find((section) => section.id === 'hastegrad')?.evidence[0]?.id).toBe('tiltak-1');
    expect(referral.icpc2).toEqual({ code: 'L96', title: 'Akutt indre kneskade' });
    const critical = referral.sections.find((section) => section.id === 'kritisk')!;
    expect(critical.text).toMatch(/penicillin/i);
    expect(critical.evidence.some((item) => item.source === 'record')).toBe(true);
    expect(referral.sections.find((section) => section.id === 'sykehistorie')?.text).toMatch(/hypertensjon/i);
    const medicines = referral.sections.find((section) => section.id === 'legemidler')!.text;
    expect(medicines).toMatch(/amlodipin 5 mg/i);
    expect(medicines).toContain('ibuprofen 400 mg');
  });

  it('leaves what the sources do not say as placeholders that block approval until filled in', () => {
    const bare: Note = { ...NOTE, sections: NOTE.sections.filter((section) => section.id !== 'tiltak') };
    const referral = draftReferral({ note: bare });
    expect(listIncompleteSections(referral)).toEqual(
      expect.arrayContaining(['mottaker', 'sporsmal', 'informasjon']),
    );
    expect(referral.urgency).toBe('ordinaer');
    const filled = draftReferral(
      { note: NOTE, approvedBy: 'Ola Nordmann' },
      {
        receiver: 'Ortopedisk poliklinikk',
        question: 'Vurdering av artroskopi?',
        urgency: 'ordinaer',
        icpc2Code: 'L15',
      },
    );
    expect(filled.urgency).toBe('ordinaer');
    expect(filled.icpc2?.code).toBe('L15');
    expect(filled.receiver).toBe('Ortopedisk poliklinikk');
    expect(listIncompleteSections(filled)).toEqual([]);
  });
});

describe('draftMedicalCertificate', () => {
  it('drafts what the note says and leaves the assessment of function and the prognosis to the doctor', () => {
    const certificate = draftMedicalCertificate(
      { note: NOTE, approvedBy: 'Ola Nordmann', consultationDate: '2025-03-14T09:30:00Z' },
      { receiver: 'NAV', purpose: 'Søknad om arbeidsavklaringspenger' },
    );
    expect(certificate.kind).toBe('legeerklaering');
    const section = (id: string) => certificate.sections.find((candidate) => candidate.id === id)!;
    expect(section('grunnlag').text).toBe('Erklæringen bygger på konsultasjon 14.03.2025.');
    expect(section('sykehistorie').text).toContain('Smerter i høyre kne');
    expect(section('diagnose').text).toContain('L96');
    expect(listIncompleteSections(certificate)).toEqual(['funksjon', 'prognose', 'erklaering']);
  });
});

describe('rendering and codes', () => {
  it('finds an ICPC-2 code only when it is on the official list', () => {
    expect(findNoteIcpc2Code(NOTE)?.code).toBe('L96');
    const noCode: Note = {
      ...NOTE,
      sections: [{ id: 'vurdering', title: 'Vurdering', statements: [statement('v', 'BT 140/90 (X99Z).')] }],
    };
    expect(findNoteIcpc2Code(noCode)).toBeUndefined();
  });

  it('renders a document with the approval line in Norwegian date format, or a draft line', () => {
    const referral = draftReferral(
      { note: NOTE, approvedBy: 'Ola Nordmann' },
      { receiver: 'Ortoped', question: 'Artroskopi?' },
    );
    const approved = renderClinicalDocumentText(referral, {
      approvedBy: 'Kari Lege',
      approvedAt: '2025-03-14T23:30:00Z',
    });
    expect(approved.startsWith('HENVISNING')).toBe(true);
    expect(approved).toContain('Spørsmål til mottaker\nArtroskopi?');
    expect(
      approved.endsWith('KI-assistert utkast, gjennomgått og godkjent av lege Kari Lege 15.03.2025'),
    ).toBe(true);
    expect(renderClinicalDocumentText(referral)).toContain('UTKAST – ikke godkjent av lege');
    expect(formatApprovalLine({ approvedBy: 'A', approvedAt: '2025-07-01T12:00:00Z' })).toBe(
      'KI-assistert utkast, gjennomgått og godkjent av lege A 01.07.2025',
    );
  });
});
