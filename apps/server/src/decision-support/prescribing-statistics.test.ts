import { describe, expect, it } from 'vitest';
import type { DecisionSupportResult } from '@kollega/clinical';
import { buildDecisionSupport } from '@kollega/clinical';
import {
  computePrescribingOutcome,
  listMonths,
  monthOf,
  resolvePeriod,
  startOfDay,
} from './prescribing-statistics';
import { CYSTITIS_CIPROFLOXACIN, LOW_BACK_PAIN } from './synthetic-consultations';
import type { SyntheticTurn } from './synthetic-consultations';

function resultOf(turns: SyntheticTurn[]): DecisionSupportResult {
  return buildDecisionSupport({
    transcript: { segments: turns.map((turn, index) => ({ id: `s${index + 1}`, ...turn })) },
    facts: [],
    setting: 'kontor',
  });
}

describe('computePrescribingOutcome', () => {
  it('takes the plan as said unless the doctor accepted the recommendation', () => {
    const result = resultOf(CYSTITIS_CIPROFLOXACIN);
    const asSaid = computePrescribingOutcome({ result, chosenCodes: [], decision: undefined });
    expect(asSaid).toMatchObject({
      codes: ['U71'],
      codeSource: 'suggested',
      respiratoryInfection: false,
      planKind: 'antibiotic',
      substance: 'Ciprofloksacin',
      atc: 'J01MA02',
      assessment: 'deviation',
      deviationCodes: ['wrong-drug'],
    });
    expect(computePrescribingOutcome({ result, chosenCodes: [], decision: 'declined' })).toMatchObject({
      assessment: 'deviation',
      decision: 'declined',
    });
    expect(computePrescribingOutcome({ result, chosenCodes: ['U71'], decision: 'accepted' })).toMatchObject({
      codeSource: 'chosen',
      planKind: 'antibiotic',
      substance: 'Pivmecillinam',
      atc: 'J01CA08',
      assessment: 'concordant',
      deviationCodes: [],
      decision: 'accepted',
    });
  });

  it('classifies by the chosen code, and has no assessment outside the covered infections', () => {
    const outcome = computePrescribingOutcome({
      result: resultOf(LOW_BACK_PAIN),
      chosenCodes: ['R74'],
      decision: undefined,
    });
    expect(outcome).toMatchObject({
      codes: ['R74'],
      respiratoryInfection: true,
      planKind: 'not-stated',
      assessment: 'none',
    });
  });
});

describe('periods in the practice time zone (Europe/Oslo)', () => {
  it('starts days at Oslo midnight in winter and summer time', () => {
    expect(startOfDay('2025-01-15').toISOString()).toBe('2025-01-14T23:00:00.000Z');
    expect(startOfDay('2025-07-01').toISOString()).toBe('2025-06-30T22:00:00.000Z');
    expect(startOfDay('2025-03-30').toISOString()).toBe('2025-03-29T23:00:00.000Z');
  });

  it('puts an approval just after midnight in Oslo in the new month', () => {
    expect(monthOf('2025-02-28T23:30:00.000Z')).toBe('2025-03');
    expect(monthOf('2025-02-28T22:30:00.000Z')).toBe('2025-02');
  });

  it('lists months across a year boundary and resolves inclusive periods', () => {
    expect(listMonths('2024-11-20', '2025-02-01')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    const period = resolvePeriod({ from: '2025-03-01', to: '2025-03-31' }, new Date('2025-06-01T00:00:00Z'));
    expect(period).toMatchObject({
      start: '2025-02-28T23:00:00.000Z',
      end: '2025-03-31T22:00:00.000Z',
      months: ['2025-03'],
    });
  });
});
