import { describe, expect, it } from 'vitest';
import { findIcpc2Code } from '../icpc2/code-list';
import {
  CHECK_AGAINST_GUIDELINE,
  GUIDELINE_NAME,
  GUIDELINE_RULES,
  IMPETIGO_LOCAL_TREATMENT,
  RULE_SET_VERSION,
  describeSource,
} from './guideline-rules';
import drugList from '../../data/no-drugs.json';

const rules = Object.values(GUIDELINE_RULES);
const regimens = rules.flatMap((rule) => [
  ...rule.firstLine,
  ...rule.alternatives,
  ...rule.penicillinAllergy,
]);

describe('GUIDELINE_RULES', () => {
  it('covers every infection of the task, one rule per id', () => {
    expect(new Set(rules.map((rule) => rule.condition))).toEqual(
      new Set([
        'acute-otitis-media',
        'sore-throat',
        'sinusitis',
        'acute-bronchitis',
        'pneumonia',
        'cystitis',
        'pyelonephritis',
        'impetigo',
        'cellulitis',
        'erysipelas',
        'erythema-migrans',
        'copd-exacerbation',
      ]),
    );
    for (const [id, rule] of Object.entries(GUIDELINE_RULES)) expect(rule.id).toBe(id);
  });

  it('names Helsedirektoratet, the guideline, the section, the versions and the evidence tag in every source', () => {
    for (const rule of rules) {
      const source = describeSource(rule, rule.firstLine);
      expect(source.publisher).toBe('Helsedirektoratet');
      expect(source.guideline).toBe(GUIDELINE_NAME);
      expect(source.section.length).toBeGreaterThan(5);
      expect(source.ruleVersion).toBe(`${rule.id}@${RULE_SET_VERSION}`);
      expect(source.citation).toContain(rule.section);
      expect(source.citation).toMatch(/\[(?:V|P|GK)\]/u);
    }
  });

  it('says "kontroller mot retningslinjen" for every part that is not verified', () => {
    for (const rule of rules) {
      const used = [...rule.firstLine, ...rule.penicillinAllergy];
      const source = describeSource(rule, used);
      for (const regimen of used.filter((candidate) => candidate.evidence !== 'V')) {
        expect(
          source.unverifiedParts.some(
            (part) =>
              part.startsWith(regimen.substance.toLowerCase()) && part.endsWith(CHECK_AGAINST_GUIDELINE),
          ),
        ).toBe(true);
        expect(source.verified).toBe(false);
        expect(source.citation).toContain(CHECK_AGAINST_GUIDELINE);
      }
      for (const part of source.unverifiedParts) expect(part).toContain(CHECK_AGAINST_GUIDELINE);
    }
  });

  it('uses FEST substance names and ATC codes for every regimen', () => {
    const festSubstances = drugList as ReadonlyArray<{ substance: string; atc: string; atcAll?: string[] }>;
    for (const regimen of [...regimens, IMPETIGO_LOCAL_TREATMENT]) {
      const found = festSubstances.find(
        (entry) =>
          entry.substance === regimen.substance &&
          (entry.atc === regimen.atc || (entry.atcAll ?? []).includes(regimen.atc)),
      );
      expect(found, `${regimen.substance} ${regimen.atc}`).toBeDefined();
    }
  });

  it('keeps accepted ranges around the preferred course length and dosings positive', () => {
    for (const regimen of regimens) {
      expect(regimen.durationDays.min).toBeLessThanOrEqual(regimen.durationDays.preferred);
      expect(regimen.durationDays.preferred).toBeLessThanOrEqual(regimen.durationDays.max);
      for (const dosing of regimen.dosing) {
        expect(dosing.doseMg).toBeGreaterThan(0);
        expect(dosing.dosesPerDay).toBeGreaterThan(0);
      }
    }
  });

  it('uses ICPC-2 codes that exist in the code list', () => {
    for (const rule of rules) for (const code of rule.icpc2) expect(findIcpc2Code(code), code).toBeDefined();
  });
});
