import { findIcpc2Code } from '../icpc2/code-list';
import type {
  ClinicalDocumentContent,
  ClinicalDocumentSection,
  ReferralUrgency,
} from './clinical-document-types';
import { REFERRAL_URGENCY_LABELS } from './clinical-document-types';
import type { DocumentSources, SourcedLine } from './document-sources';
import {
  buildSection,
  inputEvidence,
  linesFromStatements,
  linesFromSummary,
  noteEvidence,
  placeholder,
} from './document-sources';
import {
  findNoteIcpc2Code,
  listNoteStatements,
  mentionsAllergy,
  mentionsMedicine,
  mentionsReferral,
  mentionsSocialCircumstances,
  statedUrgency,
  statementsWithContent,
  tellsWhatWasTried,
} from './note-reading';

/**
 * Drafts a referral (henvisning) from an approved note and, when imported, the patient's record, with the
 * sections Helsedirektoratet's Henvisningsveilederen asks for (norwegian-domain.md §1.4): receiver and
 * referring doctor, referral type and urgency (hastegrad), referral diagnosis, critical information,
 * the current problem and the question to the specialist, other relevant conditions, findings and results,
 * what has been tried, the medication list, personal/social information, and information given to the
 * patient. Every line links to the note statement or record passage it came from; what the sources do not
 * say is left as a placeholder for the doctor (`[Fylles ut: …]`), never invented.
 */

/** What the doctor says when asking for a referral. */
export interface ReferralOptions {
  /** The receiving unit ("Ortopedisk poliklinikk, Sykehuset Innlandet"). */
  receiver?: string;
  /** The question the specialist should answer. */
  question?: string;
  /** Urgency; read from the note ("haster", "snarlig") when not given, else ordinary. */
  urgency?: ReferralUrgency;
  /** An ICPC-2 code chosen by the doctor (overrides the note's). */
  icpc2Code?: string;
}

const RECORD_LIMIT = 8;

/** The referral diagnosis: the doctor's code, the note's code, or a placeholder; with the assessment. */
export function diagnosisSection(
  sources: DocumentSources,
  chosenCode: string | undefined,
  id = 'diagnose',
  title = 'Henvisningsdiagnose',
): { section: ClinicalDocumentSection; icpc2?: { code: string; title: string } } {
  const statements = listNoteStatements(sources.note);
  const assessment = statementsWithContent(statements, ['assessment']);
  const chosen = chosenCode === undefined ? undefined : findIcpc2Code(chosenCode);
  const noteCodes = (sources.icpc2Codes ?? []).filter((code) => findIcpc2Code(code.code) !== undefined);
  const fromNote = findNoteIcpc2Code(sources.note);
  const lines: SourcedLine[] = [];
  let icpc2: { code: string; title: string } | undefined;
  if (chosen !== undefined) {
    icpc2 = { code: chosen.code, title: chosen.title };
    lines.push({
      text: `${chosen.code} ${chosen.title} (ICPC-2)`,
      evidence: [inputEvidence('icpc2', chosen.code)],
    });
  } else if (noteCodes[0] !== undefined) {
    icpc2 = { code: noteCodes[0].code, title: noteCodes[0].title };
    for (const code of noteCodes) {
      lines.push({
        text: `${code.code} ${code.title} (ICPC-2)`,
        evidence: [inputEvidence('icpc2', code.code)],
      });
    }
  } else if (fromNote !== undefined) {
    icpc2 = { code: fromNote.code, title: fromNote.title };
    const view = statements.find((candidate) => candidate.statement.id === fromNote.statementId);
    lines.push({
      text: `${fromNote.code} ${fromNote.title} (ICPC-2)`,
      evidence: view === undefined ? [] : [noteEvidence(view)],
    });
  } else {
    lines.push({ text: placeholder('henvisningsdiagnose (ICPC-2 eller ICD-10)'), evidence: [] });
  }
  lines.push(...linesFromStatements(assessment));
  const section = buildSection({ id, title, lines, layout: 'list', required: true });
  return icpc2 === undefined ? { section } : { section, icpc2 };
}

/** Drafts a referral; see the module comment. */
export function draftReferral(
  sources: DocumentSources,
  options: ReferralOptions = {},
): ClinicalDocumentContent {
  const statements = listNoteStatements(sources.note);
  const history = statementsWithContent(statements, ['chief-complaint', 'history', 'review-of-systems']);
  const findings = statementsWithContent(statements, ['examination', 'results']);
  const plan = statementsWithContent(statements, ['plan']);
  const summary = sources.recordSummary;

  // Receiver and referring doctor.
  const referralStatements = plan.filter((view) => mentionsReferral(view.statement.text));
  const receiver = options.receiver?.trim();
  const receiverLines: SourcedLine[] = [
    receiver !== undefined && receiver !== ''
      ? { text: `Mottaker: ${receiver}`, evidence: [inputEvidence('receiver', receiver)] }
      : {
          text: `Mottaker: ${placeholder('mottakende enhet')}`,
          evidence: linesFromStatements(referralStatements).flatMap((line) => line.evidence),
        },
    {
      text: `Henvisende lege: ${sources.approvedBy ?? placeholder('henvisende lege')}`,
      evidence: sources.approvedBy === undefined ? [] : [inputEvidence('approvedBy', sources.approvedBy)],
    },
  ];

  // Urgency: the doctor's choice, else what the note says, else ordinary.
  const noteUrgency = [...plan, ...statementsWithContent(statements, ['assessment'])]
    .map((view) => ({ view, urgency: statedUrgency(view.statement.text) }))
    .find((item) => item.urgency !== undefined);
  const urgency: ReferralUrgency = options.urgency ?? noteUrgency?.urgency ?? 'ordinaer';
  const urgencyEvidence =
    options.urgency !== undefined
      ? [inputEvidence('urgency', REFERRAL_URGENCY_LABELS[options.urgency])]
      : noteUrgency !== undefined
        ? [noteEvidence(noteUrgency.view)]
        : [inputEvidence('urgency', 'standard')];

  const diagnosis = diagnosisSection(sources, options.icpc2Code);

  // Critical information and allergies: the record's allergy list and what the note says.
  const allergyLines = [
    ...linesFromSummary(summary?.allergies ?? [], RECORD_LIMIT),
    ...linesFromStatements(statements.filter((view) => mentionsAllergy(view.statement.text))),
  ];

  // The question: the doctor's, else the note's referral statements, else a placeholder.
  const question = options.question?.trim();
  const questionLines: SourcedLine[] =
    question !== undefined && question !== ''
      ? [{ text: question, evidence: [inputEvidence('question', question)] }]
      : referralStatements.length > 0
        ? [
            ...linesFromStatements(referralStatements),
            { text: placeholder('spørsmålet mottaker skal svare på'), evidence: [] },
          ]
        : [{ text: placeholder('spørsmålet mottaker skal svare på'), evidence: [] }];

  // What has been tried: the note's treatment history, stopped medicines in the record.
  const stoppedMedicines = (summary?.medicines ?? []).filter((item) =>
    /^(seponert|avsluttet)/.test(item.detail ?? ''),
  );
  const triedLines = [
    ...linesFromStatements(statements.filter((view) => tellsWhatWasTried(view.statement.text))),
    ...linesFromSummary(stoppedMedicines, RECORD_LIMIT),
  ];

  // Medicines in use: the record's list (not stopped) and the note's medicine statements.
  const currentMedicines = (summary?.medicines ?? []).filter(
    (item) => !/^(seponert|avsluttet)/.test(item.detail ?? ''),
  );
  const medicineLines = [
    ...linesFromSummary(currentMedicines, 15),
    ...linesFromStatements(
      statements.filter(
        (view) => mentionsMedicine(view.statement.text) && !mentionsAllergy(view.statement.text),
      ),
    ),
  ];

  // Information to the patient: only what the note says was told.
  const informed = statements.filter((view) =>
    /(?<![\p{L}])(informert|orientert|forklart|får kopi)(?![\p{L}])/iu.test(view.statement.text),
  );

  const sections: ClinicalDocumentSection[] = [
    buildSection({
      id: 'mottaker',
      title: 'Mottaker og henviser',
      lines: receiverLines,
      layout: 'list',
      required: true,
    }),
    {
      id: 'hastegrad',
      title: 'Henvisningstype og hastegrad',
      text: `Henvisning til vurdering. Hastegrad: ${REFERRAL_URGENCY_LABELS[urgency]}.`,
      evidence: urgencyEvidence,
      required: true,
    },
    diagnosis.section,
    buildSection({
      id: 'kritisk',
      title: 'Kritisk informasjon og allergier',
      lines: allergyLines,
      layout: 'list',
      fallback: 'Ingen allergier eller kritisk informasjon funnet i notatet eller i importert journal.',
    }),
    buildSection({
      id: 'problemstilling',
      title: 'Aktuell problemstilling',
      lines: linesFromStatements(history),
      layout: 'prose',
      fallback: placeholder('aktuell problemstilling'),
      required: true,
    }),
    buildSection({
      id: 'sporsmal',
      title: 'Spørsmål til mottaker',
      lines: questionLines,
      layout: 'list',
      required: true,
    }),
    buildSection({
      id: 'sykehistorie',
      title: 'Andre relevante tilstander',
      lines: linesFromSummary(summary?.problems ?? [], RECORD_LIMIT),
      layout: 'list',
      fallback:
        summary === undefined
          ? 'Ingen journal importert.'
          : 'Ingen andre tilstander funnet i importert journal.',
    }),
    buildSection({
      id: 'funn',
      title: 'Funn og prøvesvar',
      lines: [...linesFromStatements(findings), ...linesFromSummary(summary?.keyResults ?? [], RECORD_LIMIT)],
      layout: 'list',
      fallback: 'Ingen funn eller prøvesvar i notatet.',
    }),
    buildSection({
      id: 'forsokt',
      title: 'Hva er forsøkt',
      lines: triedLines,
      layout: 'list',
      fallback: placeholder('tidligere behandling og effekt'),
      required: true,
    }),
    buildSection({
      id: 'legemidler',
      title: 'Legemiddelliste',
      lines: medicineLines,
      layout: 'list',
      fallback: 'Ingen legemidler funnet i notatet eller i importert journal.',
    }),
    buildSection({
      id: 'sosialt',
      title: 'Personlige og sosiale forhold',
      lines: linesFromStatements(
        statements.filter((view) => mentionsSocialCircumstances(view.statement.text)),
      ),
      layout: 'list',
    }),
    buildSection({
      id: 'informasjon',
      title: 'Informasjon gitt til pasienten',
      lines: linesFromStatements(informed),
      layout: 'list',
      fallback: placeholder('hva pasienten er informert om (henvisning, ventetid, kopi)'),
      required: true,
    }),
  ];
  return {
    kind: 'henvisning',
    title: 'Henvisning',
    language: 'nb',
    sections,
    urgency,
    ...(diagnosis.icpc2 === undefined ? {} : { icpc2: diagnosis.icpc2 }),
    ...(receiver === undefined || receiver === '' ? {} : { receiver }),
  };
}
