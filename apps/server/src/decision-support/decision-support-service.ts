import type { DecisionSupportResult } from '@kollega/clinical';
import {
  ICPC2_LIST_VERSION,
  RULE_SET_VERSION,
  buildDecisionSupport,
  extractFacts,
  findIcpc2Code,
  sectionContents,
} from '@kollega/clinical';
import type { Consultation, ConsultationSetting, NoteRecord } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import type { ApprovedNoteSummary, ChosenCode, ChosenCodes, DecisionSupportDecision } from '@kollega/storage';
import type { AppContext } from '../context';
import { requireConsultation, requireNote } from '../notes/note-service';
import { collectRecommendationEvidence, formatPlanStatement } from './plan-statement';
import type { ApprovedOutcome, PrescribingFigures, StatisticsPeriod } from './prescribing-statistics';
import { buildPrescribingMirror, computePrescribingOutcome } from './prescribing-statistics';
import {
  PENICILLIN_V_ATC,
  RESPIRATORY_INFECTION_DEFINITION,
  listRespiratoryInfectionCodes,
} from './respiratory-codes';

/** The decision support of one consultation, as the review page shows it. */
export interface ConsultationDecisionSupport extends DecisionSupportResult {
  consultationId: string;
  setting: ConsultationSetting | null;
  /** Where the facts came from: the built-in engine's extractor (deterministic, no model). */
  factSource: 'builtin';
  /** The note section an accepted recommendation goes into (Tiltak / Plan), when there is a note. */
  planSection: { id: string; title: string } | null;
  /** The statement accepting the recommendation adds to the plan, with the segments it rests on. */
  suggestedPlanStatement: { text: string; evidence: string[] } | null;
  /** The codes chosen for the note, with the list version they were chosen from. */
  chosenCodes: ChosenCodes | null;
  /** The doctor's decisions on the recommendation, oldest first; `decision` is the latest. */
  decisions: DecisionSupportDecision[];
  decision: DecisionSupportDecision | null;
}

/** Runs the built-in fact extractor and the decision-support rules on a consultation's transcript. */
export function buildConsultationResult(consultation: Consultation): DecisionSupportResult {
  const facts = extractFacts(consultation.transcript, { language: consultation.language });
  return buildDecisionSupport({
    transcript: consultation.transcript,
    facts,
    ...(consultation.setting === undefined ? {} : { setting: consultation.setting }),
  });
}

/** The note's plan section: the first section holding the plan, else the template's default `Tiltak`. */
function findPlanSection(record: NoteRecord): { id: string; title: string } {
  const section = record.note.sections.find((candidate) => sectionContents(candidate).includes('plan'));
  if (section !== undefined) return { id: section.id, title: section.title };
  return record.note.language === 'en' ? { id: 'plan', title: 'Plan' } : { id: 'tiltak', title: 'Tiltak' };
}

/** GET /api/consultations/:id/decision-support: the rules' output with the note's codes and the decisions. */
export async function getConsultationDecisionSupport(
  context: AppContext,
  consultationId: string,
): Promise<ConsultationDecisionSupport> {
  const consultation = await requireConsultation(context, consultationId);
  const [record, decisions] = await Promise.all([
    context.storage.notes.findByConsultationId(consultationId),
    context.storage.decisionSupport.listDecisions(consultationId),
  ]);
  const chosenCodes =
    record === undefined ? undefined : await context.storage.decisionSupport.findChosenCodes(record.id);
  const result = buildConsultationResult(consultation);
  const assessment = result.decisionSupport.antibiotics;
  return {
    ...result,
    consultationId,
    setting: consultation.setting ?? null,
    factSource: 'builtin',
    planSection: record === undefined ? null : findPlanSection(record),
    suggestedPlanStatement:
      assessment === null
        ? null
        : {
            text: formatPlanStatement(assessment.recommendation),
            evidence: collectRecommendationEvidence(assessment, consultation.transcript),
          },
    chosenCodes: chosenCodes ?? null,
    decisions,
    decision: decisions.at(-1) ?? null,
  };
}

/** POST /api/consultations/:id/decision-support/decisions: records that the doctor accepted or declined. */
export async function recordDecision(
  context: AppContext,
  consultationId: string,
  input: { action: 'accepted' | 'declined'; reason?: string; by: string },
): Promise<DecisionSupportDecision> {
  const consultation = await requireConsultation(context, consultationId);
  const assessment = buildConsultationResult(consultation).decisionSupport.antibiotics;
  if (assessment === null) {
    throw new AppError('invalid_input', 'Konsultasjonen har ingen antibiotikaanbefaling å ta stilling til', {
      details: { consultationId },
    });
  }
  return context.storage.decisionSupport.addDecision({
    consultationId,
    action: input.action,
    ...(input.reason === undefined || input.reason.trim() === '' ? {} : { reason: input.reason.trim() }),
    rule: assessment.source.ruleVersion,
    recommendationKind: assessment.recommendation.kind,
    deviationCodes: assessment.deviations.map((deviation) => deviation.code),
    decidedBy: input.by,
  });
}

/**
 * PUT /api/notes/:noteId/codes: stores the chosen ICPC-2 codes on a draft note. Every code must be in the
 * list; its title comes from the list. Evidence: the given segment ids (checked against the transcript),
 * else the suggestion's evidence when the code was suggested, else none.
 */
export async function chooseNoteCodes(
  context: AppContext,
  noteId: string,
  input: {
    version: number;
    codes: Array<{ code: string; evidence?: string[] | undefined }>;
    by?: string | undefined;
  },
): Promise<NoteRecord> {
  const record = await requireNote(context, noteId);
  const consultation = await requireConsultation(context, record.consultationId);
  const segmentIds = new Set(consultation.transcript.segments.map((segment) => segment.id));
  const needsSuggestions = input.codes.some((code) => code.evidence === undefined);
  const suggestions = needsSuggestions ? buildConsultationResult(consultation).codes : [];
  const chosen: ChosenCode[] = [];
  for (const item of input.codes) {
    const entry = findIcpc2Code(item.code.trim());
    if (entry === undefined) {
      throw new AppError('invalid_input', `Ukjent ICPC-2-kode «${item.code.slice(0, 10)}»`, {
        details: { field: 'codes', code: item.code.slice(0, 10) },
      });
    }
    if (chosen.some((existing) => existing.code === entry.code)) continue;
    const unknown = item.evidence?.find((segmentId) => !segmentIds.has(segmentId));
    if (unknown !== undefined) {
      throw new AppError(
        'invalid_input',
        `Kode ${entry.code} viser til en replikk som ikke finnes i transkripsjonen`,
        {
          details: { field: 'codes', segmentId: unknown.slice(0, 40) },
        },
      );
    }
    const evidence =
      item.evidence ?? suggestions.find((suggestion) => suggestion.code === entry.code)?.evidence ?? [];
    chosen.push({ system: 'ICPC-2', code: entry.code, title: entry.title, evidence: [...evidence] });
  }
  await context.storage.decisionSupport.saveChosenCodes({
    noteId,
    expectedVersion: input.version,
    codes: chosen,
    listVersion: ICPC2_LIST_VERSION,
    chosenBy: input.by ?? 'anonym',
  });
  return requireNote(context, noteId);
}

/** The response of GET /api/statistics/prescribing. */
export interface PrescribingMirror {
  from: string;
  to: string;
  months: string[];
  generatedAt: string;
  definition: {
    respiratoryInfectionCodes: Array<{ code: string; title: string }>;
    respiratoryInfection: string;
    penicillinV: { substance: 'Fenoksymetylpenicillin'; atc: string };
    ruleSetVersion: string;
    codeListVersion: string;
    /** How outcomes are computed and kept. */
    method: string;
  };
  practice: PrescribingFigures;
  doctors: Array<{ doctor: string } & PrescribingFigures>;
}

/** The versions an outcome depends on; a stored outcome computed with others is computed again. */
export const OUTCOME_COMPUTED_WITH = `rules ${RULE_SET_VERSION}|icpc2 ${ICPC2_LIST_VERSION}|outcome 1`;

async function computeStoredOutcome(
  context: AppContext,
  note: ApprovedNoteSummary,
): Promise<ApprovedOutcome> {
  const [consultation, record, decisions] = await Promise.all([
    requireConsultation(context, note.consultationId),
    context.storage.notes.findById(note.noteId),
    context.storage.decisionSupport.listDecisions(note.consultationId),
  ]);
  const outcome = computePrescribingOutcome({
    result: buildConsultationResult(consultation),
    chosenCodes: (record?.codes ?? []).map((code) => code.code),
    decision: decisions.at(-1)?.action,
  });
  await context.storage.decisionSupport.saveOutcome({
    noteId: note.noteId,
    consultationId: note.consultationId,
    approvedBy: note.approvedBy,
    approvedAt: note.approvedAt,
    computedWith: OUTCOME_COMPUTED_WITH,
    outcome,
  });
  return { approvedBy: note.approvedBy, approvedAt: note.approvedAt, outcome };
}

/**
 * GET /api/statistics/prescribing: the prescribing mirror from the approved notes of the period that the
 * caller may see (with sign-in: the practice's). Computed on read from stored data: an approved note is
 * locked (text, codes and decisions), so its outcome is computed once, stored, and reused until the rule set
 * or code list changes.
 */
export async function computePrescribingMirror(
  context: AppContext,
  period: StatisticsPeriod,
): Promise<PrescribingMirror> {
  // Only consultations the caller may see: with sign-in, the consultation repository lists the practice's own.
  const [visible, approved] = await Promise.all([
    context.storage.consultations.listSummaries(),
    context.storage.decisionSupport.listApprovedNotes({ from: period.start, to: period.end }),
  ]);
  const visibleIds = new Set(visible.map((summary) => summary.id));
  const notes = approved.filter((note) => visibleIds.has(note.consultationId));
  const outcomes: ApprovedOutcome[] = [];
  for (const note of notes) {
    outcomes.push(
      note.stored?.computedWith === OUTCOME_COMPUTED_WITH
        ? { approvedBy: note.approvedBy, approvedAt: note.approvedAt, outcome: note.stored.outcome }
        : await computeStoredOutcome(context, note),
    );
  }
  const mirror = buildPrescribingMirror(outcomes, period.months);
  return {
    from: period.from,
    to: period.to,
    months: period.months,
    generatedAt: context.now().toISOString(),
    definition: {
      respiratoryInfectionCodes: listRespiratoryInfectionCodes(),
      respiratoryInfection: RESPIRATORY_INFECTION_DEFINITION,
      penicillinV: { substance: 'Fenoksymetylpenicillin', atc: PENICILLIN_V_ATC },
      ruleSetVersion: RULE_SET_VERSION,
      codeListVersion: ICPC2_LIST_VERSION,
      method:
        'Fra godkjente notater i perioden. Kode: legens valgte ICPC-2-kode, ellers beste forslag. Plan: legens plan i ' +
        'samtalen, eller anbefalingen når legen tok den inn i planen. Vent-og-se-resept teller som antibiotika. ' +
        'Avvik: planen sammenlignet med retningslinjens regel for infeksjonen.',
    },
    ...mirror,
  };
}
