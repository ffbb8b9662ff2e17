import { describe, expect, it } from 'vitest';
import type { Note } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import { buildPatientSummary, computePatientSummaryLix } from './build-patient-summary';
import { renderPatientSummaryText } from './render-patient-summary';
import { BACK_PAIN_NOTE, ENGLISH_UTI_NOTE, SORE_THROAT_NOTE } from './test-notes';
import type { PatientSummary } from './types';
import { findUntraceableSentences, verifyPatientSummary } from './verify-patient-summary';

function allSentences(summary: PatientSummary) {
  return summary.sections.flatMap((section) =>
    section.sentences.map((sentence) => ({ ...sentence, section: section.id })),
  );
}

function sectionText(summary: PatientSummary, id: string): string {
  return (summary.sections.find((section) => section.id === id)?.sentences ?? [])
    .map((sentence) => sentence.text)
    .join(' ');
}

describe('buildPatientSummary', () => {
  const summary = buildPatientSummary(SORE_THROAT_NOTE);

  it('writes the medicine in words a patient understands', () => {
    expect(sectionText(summary, 'medisin')).toContain(
      'fenoksymetylpenicillin 660 mg fire ganger om dagen i fem dager',
    );
    expect(sectionText(summary, 'medisin')).toContain('Paracetamol 1 g fire ganger om dagen ved behov');
    expect(sectionText(summary, 'funn')).toContain('Temperatur 38,6');
    expect(sectionText(summary, 'funn')).toContain('på begge sider');
  });

  it('never shows statements marked internal or the internal section', () => {
    const text = renderPatientSummaryText(summary);
    expect(text).not.toMatch(/mor presser|barnevernet/i);
    const cited = new Set(allSentences(summary).flatMap((sentence) => sentence.evidence));
    expect(cited.has('v2')).toBe(false);
    expect(cited.has('i1')).toBe(false);
  });

  it('leaves out what the patient told (history) and keeps statement ids as evidence', () => {
    for (const sentence of allSentences(summary)) {
      if (sentence.origin === 'note') {
        expect(sentence.evidence).toHaveLength(1);
        expect(['u1', 'u2', 'u3', 'u4', 'v1', 't1', 't2', 't3', 't4']).toContain(sentence.evidence[0]);
      } else {
        expect(sentence.evidence).toEqual([]);
      }
    }
  });

  it('puts the doctor’s safety-netting first and adds the guideline list for the condition, naming the source', () => {
    const help = summary.sections.find((section) => section.id === 'hjelp');
    expect(help?.sentences[0]?.evidence).toEqual(['t4']);
    expect(help?.sentences[0]?.text).toMatch(/^Ta kontakt igjen ved tung pust/);
    expect(summary.conditions.map((condition) => condition.id)).toContain('sore-throat');
    const guideline = allSentences(summary).filter(
      (sentence) => sentence.origin === 'guideline' && sentence.layout === 'item',
    );
    expect(guideline.length).toBeGreaterThan(0);
    const sourceIds = new Set(summary.sources.map((source) => source.id));
    for (const sentence of guideline) expect(sourceIds.has(sentence.source ?? '')).toBe(true);
    expect(summary.sources.every((source) => source.version.length > 0)).toBe(true);
    expect(sectionText(summary, 'hjelp')).toMatch(/Ring 113/);
    expect(renderPatientSummaryText(summary)).toMatch(/Kilder:\n- /);
  });

  it('is easy to read: LIX at most 40, computed over the same text the patient reads', () => {
    expect(summary.lix).toBeLessThanOrEqual(40);
    expect(summary.lix).toBe(computePatientSummaryLix(summary));
  });

  it('keys safety-netting to a named condition but not to a negated one', () => {
    const back = buildPatientSummary(BACK_PAIN_NOTE);
    expect(back.conditions.map((condition) => condition.id)).toEqual(['back-pain']);
    expect(sectionText(back, 'hjelp')).toMatch(/nummen i skrittet/);
    expect(sectionText(back, 'gjore')).toContain('Henvisning til fysioterapeut');
    expect(sectionText(back, 'gjore')).toContain('Kontroll om to uker');
    const negated: Note = {
      ...BACK_PAIN_NOTE,
      sections: BACK_PAIN_NOTE.sections.map((section) =>
        section.id === 'vurdering'
          ? {
              ...section,
              statements: [
                { id: 'v9', text: 'Ingen tegn til lungebetennelse.', evidence: [], support: 'inferred' },
              ],
            }
          : section,
      ),
    };
    expect(buildPatientSummary(negated).conditions.map((condition) => condition.id)).not.toContain(
      'pneumonia',
    );
  });

  it('writes English summaries of English notes', () => {
    const english = buildPatientSummary(ENGLISH_UTI_NOTE);
    expect(english.language).toBe('en');
    expect(english.title).toBe('Summary of your appointment');
    expect(sectionText(english, 'medisin')).toContain(
      'Pivmecillinam 200 mg three times a day for three days',
    );
    expect(english.conditions.map((condition) => condition.id)).toContain('cystitis');
    expect(sectionText(english, 'hjelp')).toMatch(/You get a fever or chills/);
  });

  it('refuses another language than the note’s (that needs a language model)', () => {
    expect(() => buildPatientSummary(SORE_THROAT_NOTE, { language: 'en' })).toThrow(AppError);
  });
});

describe('traceability of the summary to the note', () => {
  for (const note of [SORE_THROAT_NOTE, BACK_PAIN_NOTE, ENGLISH_UTI_NOTE]) {
    it(`the verifier finds nothing in the ${note.template}/${note.sections[0]?.statements[0]?.id ?? ''} summary that the note does not say`, () => {
      const summary = buildPatientSummary(note);
      const { checks, invalidEvidence } = verifyPatientSummary(note, summary);
      const noteSentences = allSentences(summary).filter((sentence) => sentence.origin === 'note');
      expect(checks).toHaveLength(noteSentences.length);
      const flagged = checks.filter(
        (check) => check.support === 'unsupported' || check.support === 'contradicted',
      );
      expect(flagged.map((check) => `${check.text} (${check.reasons.join('; ')})`)).toEqual([]);
      expect(invalidEvidence).toEqual([]);
      expect(findUntraceableSentences(note, summary)).toEqual([]);
    });
  }

  function tamper(summary: PatientSummary, dose: string): PatientSummary {
    return {
      ...summary,
      sections: summary.sections.map((section) => ({
        ...section,
        sentences: section.sentences.map((sentence) => {
          if (sentence.evidence[0] === 't1')
            return { ...sentence, text: sentence.text.replace('660 mg', dose) };
          if (sentence.evidence[0] === 'v1') return { ...sentence, evidence: ['v2'] };
          return sentence;
        }),
      })),
    };
  }

  it('flags a sentence that changes a dose or cites an internal statement', () => {
    const tampered = tamper(buildPatientSummary(SORE_THROAT_NOTE), '990 mg');
    const { summary: verified, invalidEvidence } = verifyPatientSummary(SORE_THROAT_NOTE, tampered);
    const dose = allSentences(verified).find((sentence) => sentence.evidence[0] === 't1');
    expect(['unsupported', 'contradicted']).toContain(dose?.support);
    expect(invalidEvidence).toHaveLength(1);
    const cited = allSentences(verified).find((sentence) => sentence.evidence[0] === 'v2');
    expect(cited?.support).toBe('unsupported');
  });

  it('the lexical check catches a dose taken from another statement (which the verifier lets through)', () => {
    // "1 g" is in the note (paracetamol), so the verifier finds it; the lexical check binds words to evidence.
    const tampered = tamper(buildPatientSummary(SORE_THROAT_NOTE), '1 g');
    const untraceable = findUntraceableSentences(SORE_THROAT_NOTE, tampered);
    const byEvidence = (id: string) =>
      untraceable.find(
        (item) =>
          allSentences(tampered).find((sentence) => sentence.id === item.sentenceId)?.evidence[0] === id,
      );
    expect(byEvidence('t1')?.words).toEqual(['1', 'g']);
    // The sentence citing the internal statement has no visible evidence at all.
    expect(byEvidence('v2')?.words).toEqual(['halsbetennelse', 'med', 'streptokokker']);
  });
});
