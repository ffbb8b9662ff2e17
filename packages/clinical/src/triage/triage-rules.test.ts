import { describe, expect, it } from 'vitest';
import { TRIAGE_URGENCIES } from '@kollega/domain';
import { createConceptIndex } from './concept-matcher';
import { extractMessageFeatures, FEATURE_IDS } from './message-features';
import { normalizeMessage } from './text-normalization';
import { FIGURATIVE_PHRASES, INJECTION_RULE, TRIAGE_RULES, TRIAGE_RULES_VERSION } from './triage-rules';
import { TRIAGE_VOCABULARY } from './triage-vocabulary';

const known = new Set<string>([...Object.keys(TRIAGE_VOCABULARY), ...FEATURE_IDS]);

describe('the rule set as data', () => {
  it('has a version with a date', () => {
    expect(TRIAGE_RULES_VERSION).toMatch(/\d+\.\d+\.\d+ \(\d{4}-\d{2}-\d{2}\)/);
  });

  it("has unique ids whose prefix is the rule's urgency", () => {
    const ids = TRIAGE_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of TRIAGE_RULES) expect(rule.id.startsWith(`${rule.urgency}.`), rule.id).toBe(true);
  });

  it('names a source for every rule: section, basis, version and evidence tag', () => {
    for (const rule of [...TRIAGE_RULES, INJECTION_RULE]) {
      expect(rule.source.knowledge, rule.id).toMatch(/norwegian-domain\.md §[0-9]/);
      expect(rule.source.basis.length, rule.id).toBeGreaterThan(5);
      expect(rule.source.version.length, rule.id).toBeGreaterThan(3);
      expect(['V', 'P', 'GK'], rule.id).toContain(rule.source.evidence);
    }
  });

  it('bases every [V] rule on NIMN, helsenorge.no or a Helsedirektoratet guideline', () => {
    for (const rule of TRIAGE_RULES.filter((candidate) => candidate.source.evidence === 'V')) {
      expect(rule.source.basis, rule.id).toMatch(
        /Norsk indeks for medisinsk nødhjelp|helsenorge|Helsedirektoratet/,
      );
    }
  });

  it('describes every rule in Norwegian and English', () => {
    for (const rule of TRIAGE_RULES) {
      expect(rule.description.nb.length, rule.id).toBeGreaterThan(5);
      expect(rule.description.en.length, rule.id).toBeGreaterThan(5);
      expect(TRIAGE_URGENCIES).toContain(rule.urgency);
    }
  });

  it('refers only to concepts that exist', () => {
    for (const rule of TRIAGE_RULES) {
      for (const concept of [...rule.all.flatMap((entry) => entry.split('|')), ...(rule.unless ?? [])]) {
        expect(known.has(concept), `${rule.id} → ${concept}`).toBe(true);
      }
    }
    expect(known.has(INJECTION_RULE.concept)).toBe(true);
    for (const [id, definition] of Object.entries(TRIAGE_VOCABULARY)) {
      const references = [
        ...(definition.include ?? []),
        ...(definition.near ?? []).flatMap((near) =>
          near.all.filter((entry) => entry.startsWith('@')).map((entry) => entry.slice(1)),
        ),
      ];
      for (const reference of references) expect(known.has(reference), `${id} → ${reference}`).toBe(true);
    }
  });

  it('resolves every concept without cycles', () => {
    const message = normalizeMessage('Jeg har vondt i brystet, feber 39 og er 4 år.');
    const index = createConceptIndex({
      message,
      vocabulary: TRIAGE_VOCABULARY,
      features: extractMessageFeatures(message),
      negationTerms: [],
    });
    for (const concept of Object.keys(TRIAGE_VOCABULARY)) expect(() => index.all(concept)).not.toThrow();
  });

  it('has rules for every RØD chapter of norwegian-domain.md §3.1', () => {
    const chapters = ['07', '11', '16', '20', '26', '28', '29', '30', '32'];
    for (const chapter of chapters) {
      const covered =
        TRIAGE_RULES.some(
          (rule) => rule.urgency === 'akutt' && rule.source.basis.includes(`kap. ${chapter}`),
        ) ||
        TRIAGE_RULES.some((rule) => rule.urgency === 'akutt' && rule.source.basis.includes(`og ${chapter}`));
      expect(covered, `NIMN ${chapter}`).toBe(true);
    }
  });

  it('lists figures of speech as data', () => {
    expect(FIGURATIVE_PHRASES.some((phrase) => phrase.includes('dø av latter'))).toBe(true);
  });
});
