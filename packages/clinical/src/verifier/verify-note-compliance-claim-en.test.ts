/**
 * English claims that the patient takes a drug as agreed ("is consistent with taking furosemide") against talk that
 * the drug is not taken as it should be ("sounds like you're not taking it as regularly as you should" – "no i don't
 * think i am") (synthetic consultations).
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: an English claim of taking a drug as agreed', () => {
  const lines = [
    'D: so your legs have been swelling up again and you gained about eight pounds',
    'P: yeah my ankles are huge and i get short of breath on the stairs',
    'D: and you were supposed to be taking the furosemide every morning how is that going',
    'P: well i like my chips a lot and which one is the furosemide pill anyway',
    "D: it's the small white one so it sounds like you're not taking it as regularly as you should",
    "P: no i don't think i am",
    'D: okay we need to get that back on track',
  ];
  const wrong = 'Patient reports she is consistent with taking furosemide.';
  const right = 'Patient reports she is not consistent with taking furosemide.';

  it('"is consistent with taking furosemide" is contradicted by "not taking it as regularly as you should" – "no"', () => {
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${wrong}\n${right}`, 'en');
    expect(check(report, wrong).support).toBe('contradicted');
    expect(flagged(check(report, right))).toBe(false);
  });

  it('"i never miss a dose" is no lapse', () => {
    const kept = [
      ...lines.slice(0, 3),
      'P: i take the furosemide every morning and i never miss a dose',
      'D: okay good we will keep the same dose then',
    ];
    const report = verify(kept, `HISTORY OF PRESENT ILLNESS\n${wrong}`, 'en');
    expect(flagged(check(report, wrong))).toBe(false);
  });
});
