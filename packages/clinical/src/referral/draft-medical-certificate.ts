import { formatNorwegianDate, toIsoDate } from '../record/norwegian-dates';
import type { ClinicalDocumentContent, ClinicalDocumentSection } from './clinical-document-types';
import type { DocumentSources } from './document-sources';
import {
  buildSection,
  inputEvidence,
  linesFromStatements,
  linesFromSummary,
  placeholder,
} from './document-sources';
import { diagnosisSection } from './draft-referral';
import {
  listNoteStatements,
  mentionsMedicine,
  mentionsSocialCircumstances,
  statementsWithContent,
} from './note-reading';

/**
 * Drafts a medical certificate (legeerklæring) from an approved note and, when imported, the record: purpose
 * and receiver, what it rests on, history, findings, diagnosis, treatment and follow-up, function (work
 * capacity), prognosis and the declaration. A certificate must be correct and precise and state what it rests
 * on (helsepersonelloven § 15 [GK: verify the wording of § 15 and forskrift om attester before release]); so
 * what the note and record do not say — the assessment of function and the prognosis — is left as a
 * placeholder for the doctor, never drafted.
 */

/** What the doctor says when asking for a certificate. */
export interface MedicalCertificateOptions {
  /** Who asked for it (NAV, an insurer, an employer, a school). */
  receiver?: string;
  /** What it is for ("søknad om arbeidsavklaringspenger"). */
  purpose?: string;
  /** An ICPC-2 code chosen by the doctor (overrides the note's). */
  icpc2Code?: string;
}

/** Drafts a legeerklæring; see the module comment. */
export function draftMedicalCertificate(
  sources: DocumentSources,
  options: MedicalCertificateOptions = {},
): ClinicalDocumentContent {
  const statements = listNoteStatements(sources.note);
  const history = statementsWithContent(statements, ['chief-complaint', 'history', 'review-of-systems']);
  const findings = statementsWithContent(statements, ['examination', 'results']);
  const plan = statementsWithContent(statements, ['plan']);
  const summary = sources.recordSummary;
  const receiver = options.receiver?.trim();
  const purpose = options.purpose?.trim();
  const consultationDate = toIsoDate(sources.consultationDate);

  const purposeLines = [
    receiver !== undefined && receiver !== ''
      ? { text: `Mottaker: ${receiver}`, evidence: [inputEvidence('receiver', receiver)] }
      : { text: `Mottaker: ${placeholder('hvem erklæringen er til')}`, evidence: [] },
    purpose !== undefined && purpose !== ''
      ? { text: `Formål: ${purpose}`, evidence: [inputEvidence('purpose', purpose)] }
      : { text: `Formål: ${placeholder('hva erklæringen skal brukes til')}`, evidence: [] },
  ];
  const basis = [
    `Erklæringen bygger på konsultasjon${consultationDate === undefined ? '' : ` ${formatNorwegianDate(consultationDate)}`}`,
    summary === undefined ? '' : ` og opplysninger i journalen (${summary.documentCount} dokumenter)`,
    '.',
  ].join('');
  const diagnosis = diagnosisSection(sources, options.icpc2Code, 'diagnose', 'Diagnose');

  const sections: ClinicalDocumentSection[] = [
    buildSection({
      id: 'formal',
      title: 'Formål og mottaker',
      lines: purposeLines,
      layout: 'list',
      required: true,
    }),
    { id: 'grunnlag', title: 'Grunnlag for erklæringen', text: basis, evidence: [], required: true },
    buildSection({
      id: 'sykehistorie',
      title: 'Sykehistorie',
      lines: [...linesFromStatements(history), ...linesFromSummary(summary?.problems ?? [], 8)],
      layout: 'list',
      fallback: placeholder('sykehistorie'),
      required: true,
    }),
    buildSection({
      id: 'funn',
      title: 'Funn',
      lines: [...linesFromStatements(findings), ...linesFromSummary(summary?.keyResults ?? [], 6)],
      layout: 'list',
      fallback: 'Ingen funn i notatet.',
    }),
    diagnosis.section,
    buildSection({
      id: 'behandling',
      title: 'Behandling og oppfølging',
      lines: [
        ...linesFromStatements(plan),
        ...linesFromSummary(
          (summary?.medicines ?? []).filter((item) => !/^(seponert|avsluttet)/.test(item.detail ?? '')),
          10,
        ),
        ...linesFromStatements(
          statements.filter((view) => !plan.includes(view) && mentionsMedicine(view.statement.text)),
        ),
      ],
      layout: 'list',
      fallback: placeholder('behandling og videre oppfølging'),
    }),
    buildSection({
      id: 'funksjon',
      title: 'Funksjonsevne og arbeidsevne',
      lines: [
        ...linesFromStatements(statements.filter((view) => mentionsSocialCircumstances(view.statement.text))),
        { text: placeholder('legens vurdering av funksjons- og arbeidsevne'), evidence: [] },
      ],
      layout: 'list',
      required: true,
    }),
    {
      id: 'prognose',
      title: 'Prognose',
      text: placeholder('forventet forløp og varighet'),
      evidence: [],
      required: true,
    },
    {
      id: 'erklaering',
      title: 'Erklæring',
      text: `Jeg bekrefter at opplysningene er riktige etter beste skjønn. Forhold til pasienten: ${placeholder('f.eks. fastlege')}.`,
      evidence: [],
      required: true,
    },
  ];
  return {
    kind: 'legeerklaering',
    title: 'Legeerklæring',
    language: 'nb',
    sections,
    ...(diagnosis.icpc2 === undefined ? {} : { icpc2: diagnosis.icpc2 }),
    ...(receiver === undefined || receiver === '' ? {} : { receiver }),
  };
}
