import { GUIDELINE_RULES } from '@kollega/clinical';
import type { DecisionSupportResult } from '@kollega/clinical';
import type { DecisionAction, PrescribingOutcome } from '@kollega/storage';
import { AppError } from '@kollega/domain';
import { PENICILLIN_V_ATC, isRespiratoryInfection } from './respiratory-codes';

/** The time zone months and days are counted in (a Norwegian practice). */
export const PRACTICE_TIME_ZONE = 'Europe/Oslo';

/** The most months one statistics request may span. */
const MAX_MONTHS = 60;

/** What the mirror needs to classify one approved note. */
export interface OutcomeInput {
  result: DecisionSupportResult;
  /** The ICPC-2 codes the doctor chose, if any. */
  chosenCodes: readonly string[];
  /** The doctor's latest decision on the recommendation, if any. */
  decision: DecisionAction | undefined;
}

function findAtc(substance: string | undefined): string | null {
  if (substance === undefined) return null;
  const wanted = substance.toLowerCase();
  for (const rule of Object.values(GUIDELINE_RULES)) {
    for (const regimen of [...rule.firstLine, ...rule.alternatives, ...rule.penicillinAllergy]) {
      if (regimen.substance.toLowerCase() === wanted) return regimen.atc;
    }
  }
  return null;
}

/**
 * The prescribing outcome of one approved note. Codes: the doctor's chosen codes, else the best suggestion.
 * Plan: the doctor's plan as said in the consultation, unless the doctor accepted the recommendation into
 * the plan (then the recommendation is the plan, and it follows the guideline). A declined recommendation
 * leaves the plan and its deviations as they were.
 */
export function computePrescribingOutcome(input: OutcomeInput): PrescribingOutcome {
  const suggested = input.result.codes[0]?.code;
  const codes =
    input.chosenCodes.length > 0 ? [...input.chosenCodes] : suggested === undefined ? [] : [suggested];
  const codeSource = input.chosenCodes.length > 0 ? 'chosen' : suggested === undefined ? 'none' : 'suggested';
  const assessment = input.result.decisionSupport.antibiotics;
  const base = { codes, codeSource, respiratoryInfection: isRespiratoryInfection(codes) } as const;
  if (assessment === null) {
    return {
      ...base,
      condition: null,
      planKind: 'not-stated',
      substance: null,
      atc: null,
      assessment: 'none',
      deviationCodes: [],
      decision: input.decision ?? null,
      rule: null,
    };
  }
  const common = {
    ...base,
    condition: assessment.condition.id,
    decision: input.decision ?? null,
    rule: assessment.source.ruleVersion,
  };
  if (input.decision === 'accepted') {
    const recommendation = assessment.recommendation;
    const prescribes = recommendation.kind !== 'no-antibiotic';
    return {
      ...common,
      planKind: recommendation.kind,
      substance: prescribes ? (recommendation.drug ?? null) : null,
      atc: prescribes ? findAtc(recommendation.drug) : null,
      assessment: 'concordant',
      deviationCodes: [],
    };
  }
  const plan = assessment.plan;
  const prescribes = plan.kind === 'antibiotic' || plan.kind === 'delayed-prescription';
  return {
    ...common,
    planKind: plan.kind,
    substance: prescribes ? (plan.substance ?? null) : null,
    atc: prescribes ? (plan.atc ?? findAtc(plan.substance)) : null,
    assessment: assessment.planAssessment,
    deviationCodes: assessment.deviations.map((deviation) => deviation.code),
  };
}

/** Figures for one month. */
export interface MonthFigures {
  /** `YYYY-MM` in the practice's time zone. */
  month: string;
  approvedNotes: number;
  respiratoryInfections: number;
  withAntibiotic: number;
  penicillinV: number;
  /** Infection consultations whose plan was compared with the guideline. */
  assessed: number;
  deviations: number;
}

/** The mirror's figures for a doctor or the whole practice. */
export interface PrescribingFigures {
  approvedNotes: number;
  /** Approved notes coded as a respiratory-tract infection. */
  respiratoryInfections: number;
  /** Of those: an antibiotic in the plan (a delayed prescription counts: it is a prescription). */
  withAntibiotic: number;
  /** Of those with an antibiotic: delayed ("vent-og-se") prescriptions. */
  delayedPrescriptions: number;
  /** Of those with an antibiotic: penicillin V (fenoksymetylpenicillin). */
  penicillinV: number;
  /** withAntibiotic / respiratoryInfections, or null without respiratory infections. */
  antibioticShare: number | null;
  /** penicillinV / withAntibiotic, or null without antibiotics. */
  penicillinVShare: number | null;
  /** Infection consultations (any the guideline rules cover) whose plan was compared with the guideline. */
  assessed: number;
  /** Of those: plans that deviated from the guideline. */
  deviations: number;
  /** deviations / assessed, or null when nothing was assessed. */
  deviationShare: number | null;
  /** Respiratory infections classified by the doctor's chosen code (the rest by the best suggestion). */
  codedByDoctor: number;
  months: MonthFigures[];
}

/** One approved note's outcome with who approved it and when. */
export interface ApprovedOutcome {
  approvedBy: string;
  approvedAt: string;
  outcome: PrescribingOutcome;
}

const monthFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: PRACTICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
});
const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: PRACTICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The month (`YYYY-MM`) of an instant in the practice's time zone. */
export function monthOf(instant: string | Date): string {
  return monthFormat.format(typeof instant === 'string' ? new Date(instant) : instant).slice(0, 7);
}

/** The day (`YYYY-MM-DD`) of an instant in the practice's time zone. */
export function dayOf(instant: Date): string {
  return dayFormat.format(instant).slice(0, 10);
}

/** The instant a calendar day (`YYYY-MM-DD`) starts in the practice's time zone. */
export function startOfDay(day: string): Date {
  const guess = new Date(`${day}T00:00:00.000Z`);
  // The wall-clock time in the zone at `guess` tells the zone's offset from UTC at that moment.
  const parts = dayFormat.formatToParts(guess);
  const part = (type: string): number => Number(parts.find((candidate) => candidate.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return new Date(guess.getTime() - (wall - guess.getTime()));
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The months from `from` to `to` (calendar days), inclusive. */
export function listMonths(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    months.push(current);
    if (current >= last || months.length > MAX_MONTHS) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** A statistics period: calendar days (inclusive) and the instants they span. */
export interface StatisticsPeriod {
  from: string;
  to: string;
  /** ISO instants: `start <= approvedAt < end`. */
  start: string;
  end: string;
  months: string[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDay(value: string): boolean {
  return DAY.test(value) && new Date(`${value}T12:00:00.000Z`).toISOString().slice(0, 10) === value;
}

/**
 * The period of a statistics request: `from`/`to` are calendar days (inclusive). Without `to`, today;
 * without `from`, the first day of the month eleven months before `to` (twelve months in all).
 */
export function resolvePeriod(query: { from?: string; to?: string }, now: Date): StatisticsPeriod {
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value !== undefined && !isCalendarDay(value)) {
      throw new AppError('invalid_input', `Ugyldig dato i «${field}» (ventet ÅÅÅÅ-MM-DD)`, {
        details: { field },
      });
    }
  }
  const to = query.to ?? dayOf(now);
  let from = query.from;
  if (from === undefined) {
    let year = Number(to.slice(0, 4));
    let month = Number(to.slice(5, 7)) - 11;
    if (month < 1) {
      month += 12;
      year -= 1;
    }
    from = `${year}-${String(month).padStart(2, '0')}-01`;
  }
  if (from > to) {
    throw new AppError('invalid_input', '«from» må være før eller lik «to»', { details: { field: 'from' } });
  }
  const months = listMonths(from, to);
  if (months.length > MAX_MONTHS) {
    throw new AppError('invalid_input', `Perioden kan være høyst ${MAX_MONTHS} måneder`, {
      details: { field: 'from', maxMonths: MAX_MONTHS },
    });
  }
  return {
    from,
    to,
    start: startOfDay(from).toISOString(),
    end: startOfDay(addDays(to, 1)).toISOString(),
    months,
  };
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function isPenicillinV(outcome: PrescribingOutcome): boolean {
  return outcome.atc === PENICILLIN_V_ATC || outcome.substance?.toLowerCase() === 'fenoksymetylpenicillin';
}

/** Sums outcomes into the mirror's figures, month by month over `months`. */
export function summariseOutcomes(
  outcomes: readonly ApprovedOutcome[],
  months: readonly string[],
): PrescribingFigures {
  const byMonth = new Map<string, MonthFigures>(
    months.map((month) => [
      month,
      {
        month,
        approvedNotes: 0,
        respiratoryInfections: 0,
        withAntibiotic: 0,
        penicillinV: 0,
        assessed: 0,
        deviations: 0,
      },
    ]),
  );
  const total = {
    approvedNotes: 0,
    respiratoryInfections: 0,
    withAntibiotic: 0,
    delayedPrescriptions: 0,
    penicillinV: 0,
    assessed: 0,
    deviations: 0,
    codedByDoctor: 0,
  };
  for (const { approvedAt, outcome } of outcomes) {
    const month = byMonth.get(monthOf(approvedAt));
    const add = (field: keyof Omit<MonthFigures, 'month'>): void => {
      if (month !== undefined) month[field] += 1;
    };
    total.approvedNotes += 1;
    add('approvedNotes');
    if (outcome.respiratoryInfection) {
      total.respiratoryInfections += 1;
      add('respiratoryInfections');
      if (outcome.codeSource === 'chosen') total.codedByDoctor += 1;
      if (outcome.planKind === 'antibiotic' || outcome.planKind === 'delayed-prescription') {
        total.withAntibiotic += 1;
        add('withAntibiotic');
        if (outcome.planKind === 'delayed-prescription') total.delayedPrescriptions += 1;
        if (isPenicillinV(outcome)) {
          total.penicillinV += 1;
          add('penicillinV');
        }
      }
    }
    if (outcome.assessment === 'concordant' || outcome.assessment === 'deviation') {
      total.assessed += 1;
      add('assessed');
      if (outcome.assessment === 'deviation') {
        total.deviations += 1;
        add('deviations');
      }
    }
  }
  return {
    ...total,
    antibioticShare: share(total.withAntibiotic, total.respiratoryInfections),
    penicillinVShare: share(total.penicillinV, total.withAntibiotic),
    deviationShare: share(total.deviations, total.assessed),
    months: [...byMonth.values()],
  };
}

/** The mirror for the practice and for each doctor (by the name that approved the note), doctors by name. */
export function buildPrescribingMirror(
  outcomes: readonly ApprovedOutcome[],
  months: readonly string[],
): { practice: PrescribingFigures; doctors: Array<{ doctor: string } & PrescribingFigures> } {
  const byDoctor = new Map<string, ApprovedOutcome[]>();
  for (const outcome of outcomes) {
    const doctor = outcome.approvedBy.trim();
    byDoctor.set(doctor, [...(byDoctor.get(doctor) ?? []), outcome]);
  }
  return {
    practice: summariseOutcomes(outcomes, months),
    doctors: [...byDoctor.entries()]
      .sort(([first], [second]) => first.localeCompare(second, 'nb'))
      .map(([doctor, own]) => ({ doctor, ...summariseOutcomes(own, months) })),
  };
}
