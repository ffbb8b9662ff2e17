/**
 * Benchmark of the decision support (antibiotics + ICPC-2) on the nb-dev consultations.
 *
 *   npm run bench:decisions [-- <consultations.jsonl>] [-- --transcript-only]
 *
 * For every infection case: the detected condition, the recommendation kind and the plan assessment against
 * the README's expected table (and whether the deviations carry the expected reason). For every case:
 * whether the expected primary ICPC-2 code (the first in `icpc2`) is first and whether it is in the top three.
 * The expected table below is copied from /work/shared/data/nb-dev/README.md ("Infection cases and the
 * expected guideline assessment"); the recommendation kind follows from it (concordant plans show what the
 * guideline recommends; for 05 and 07 the README states the recommended alternative).
 */
import { readFileSync } from 'node:fs';
import type { Fact, Transcript } from '@kollega/domain';
import {
  buildDecisionSupport,
  extractFacts,
  ICPC2_LIST_VERSION,
  RULE_SET_VERSION,
  type DeviationCode,
  type InfectionCondition,
} from '@kollega/clinical';

interface DatasetCase {
  id: string;
  setting: 'kontor' | 'telefon' | 'video';
  transcript: Transcript;
  icpc2: string[];
  infectionCondition?: string;
}

interface ExpectedInfection {
  condition: InfectionCondition;
  recommendation: Array<'no-antibiotic' | 'delayed-prescription' | 'antibiotic'>;
  planAssessment: 'concordant' | 'deviation';
  /** Deviation codes that must be among those reported (the README's reasons). */
  deviationCodes?: DeviationCode[];
}

/** The README's expected assessment, keyed by the case number. */
const EXPECTED: Record<string, ExpectedInfection> = {
  '01': { condition: 'sore-throat', recommendation: ['antibiotic'], planAssessment: 'concordant' },
  '02': { condition: 'sore-throat', recommendation: ['no-antibiotic'], planAssessment: 'concordant' },
  '03': {
    condition: 'acute-otitis-media',
    recommendation: ['no-antibiotic', 'delayed-prescription'],
    planAssessment: 'concordant',
  },
  '04': { condition: 'cystitis', recommendation: ['antibiotic'], planAssessment: 'concordant' },
  '05': {
    condition: 'cystitis',
    recommendation: ['antibiotic'],
    planAssessment: 'deviation',
    deviationCodes: ['wrong-drug'],
  },
  '06': { condition: 'pneumonia', recommendation: ['antibiotic'], planAssessment: 'concordant' },
  '07': {
    condition: 'sinusitis',
    recommendation: ['no-antibiotic'],
    planAssessment: 'deviation',
    deviationCodes: ['unneeded-antibiotic', 'wrong-drug'],
  },
  '08': { condition: 'acute-bronchitis', recommendation: ['no-antibiotic'], planAssessment: 'concordant' },
  '09': { condition: 'erysipelas', recommendation: ['antibiotic'], planAssessment: 'concordant' },
  '10': { condition: 'impetigo', recommendation: ['no-antibiotic'], planAssessment: 'concordant' },
  '11': { condition: 'erythema-migrans', recommendation: ['antibiotic'], planAssessment: 'concordant' },
  '12': { condition: 'copd-exacerbation', recommendation: ['antibiotic'], planAssessment: 'concordant' },
};

function readDataset(path: string): DatasetCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const raw = JSON.parse(line) as {
        id: string;
        setting: DatasetCase['setting'];
        transcript: Array<{ speaker: Transcript['segments'][number]['speaker']; text: string }>;
        icpc2: string[];
        infection: { condition: string } | null;
      };
      return {
        id: raw.id,
        setting: raw.setting,
        icpc2: raw.icpc2,
        ...(raw.infection ? { infectionCondition: raw.infection.condition } : {}),
        transcript: {
          segments: raw.transcript.map((turn, index) => ({
            id: `s${index + 1}`,
            speaker: turn.speaker,
            text: turn.text,
          })),
        },
      };
    });
}

function factsFor(transcript: Transcript, transcriptOnly: boolean): Fact[] {
  if (transcriptOnly) return [];
  try {
    return extractFacts(transcript, { language: 'nb' });
  } catch {
    return [];
  }
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(0)} %`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function main(): void {
  const args = process.argv.slice(2);
  const transcriptOnly = args.includes('--transcript-only');
  const path = args.find((arg) => !arg.startsWith('--')) ?? '/work/shared/data/nb-dev/consultations.jsonl';
  const cases = readDataset(path);
  console.log(`bench:decisions — ${path}`);
  console.log(
    `rules ${RULE_SET_VERSION}, ICPC-2 list @navikt/diagnosekoder ${ICPC2_LIST_VERSION}, facts: ${transcriptOnly ? 'none (transcript only)' : 'extractFacts'}`,
  );
  console.log('');
  console.log('Antibiotic decision support (infection cases):');
  console.log(
    `${pad('case', 11)}${pad('condition (expected)', 46)}${pad('recommendation', 40)}${pad('plan assessment (expected) and plan', 62)}deviations`,
  );

  let infectionCases = 0;
  let conditionHits = 0;
  let recommendationHits = 0;
  let assessmentHits = 0;
  let expectedDeviations = 0;
  let deviationsFlaggedRight = 0;
  let concordantCases = 0;
  let falseFlags = 0;
  let falseConditions = 0;
  let nonInfectionCases = 0;
  let firstHits = 0;
  let topThreeHits = 0;
  const codeLines: string[] = [];

  for (const consultation of cases) {
    const number = consultation.id.replace(/^.*-(\d+)(?:-asr)?$/u, '$1');
    const input = {
      transcript: consultation.transcript,
      facts: factsFor(consultation.transcript, transcriptOnly),
      setting: consultation.setting,
    };
    const result = buildDecisionSupport(input);
    const assessment = result.decisionSupport.antibiotics;
    const expected = consultation.infectionCondition ? EXPECTED[number] : undefined;

    if (expected) {
      infectionCases += 1;
      const conditionOk = assessment?.condition.id === expected.condition;
      const recommendationOk =
        assessment !== null && expected.recommendation.includes(assessment.recommendation.kind);
      const assessmentOk = assessment?.planAssessment === expected.planAssessment;
      const codes = assessment?.deviations.map((deviation) => deviation.code) ?? [];
      if (conditionOk) conditionHits += 1;
      if (recommendationOk) recommendationHits += 1;
      if (assessmentOk) assessmentHits += 1;
      if (expected.planAssessment === 'deviation') {
        expectedDeviations += 1;
        const reasonsOk =
          assessmentOk && (expected.deviationCodes ?? []).every((code) => codes.includes(code));
        if (reasonsOk) deviationsFlaggedRight += 1;
      } else {
        concordantCases += 1;
        if (assessment?.planAssessment === 'deviation') falseFlags += 1;
      }
      const mark = (ok: boolean): string => (ok ? 'ok ' : 'XX ');
      console.log(
        `${pad(consultation.id, 11)}${pad(`${mark(conditionOk)}${assessment?.condition.id ?? 'none'} (${expected.condition})`, 46)}` +
          `${pad(`${mark(recommendationOk)}${assessment?.recommendation.kind ?? '–'} ${assessment?.recommendation.drug ?? ''}`.trim(), 40)}` +
          `${pad(`${mark(assessmentOk)}${assessment?.planAssessment ?? '–'} (${expected.planAssessment}) ${assessment?.plan.text ?? ''}`.slice(0, 61), 62)}` +
          `${codes.join(', ') || '–'}`,
      );
    } else {
      nonInfectionCases += 1;
      if (assessment !== null) {
        falseConditions += 1;
        console.log(
          `${pad(consultation.id, 11)}XX non-infection case detected as ${assessment.condition.id}`,
        );
      }
    }

    const primary = consultation.icpc2[0] ?? '';
    const suggested = result.codes.map((code) => code.code);
    const first = suggested[0] === primary;
    const topThree = suggested.slice(0, 3).includes(primary);
    if (first) firstHits += 1;
    if (topThree) topThreeHits += 1;
    codeLines.push(
      `${pad(consultation.id, 11)}${pad(`expected ${consultation.icpc2.join(', ')}`, 26)}${pad(first ? 'first' : topThree ? 'top-3' : 'MISS', 7)}${result.codes
        .slice(0, 5)
        .map((code) => `${code.code} ${code.score.toFixed(2)}`)
        .join(' | ')}`,
    );
  }

  console.log('');
  console.log(`ICPC-2 suggestions (all cases; list @navikt/diagnosekoder ${ICPC2_LIST_VERSION}):`);
  for (const line of codeLines) console.log(line);
  console.log('');
  console.log('Summary');
  console.log(
    `  condition correct                 ${conditionHits}/${infectionCases}  ${percent(conditionHits, infectionCases)}`,
  );
  console.log(
    `  recommendation kind correct       ${recommendationHits}/${infectionCases}  ${percent(recommendationHits, infectionCases)}`,
  );
  console.log(
    `  plan assessment correct           ${assessmentHits}/${infectionCases}  ${percent(assessmentHits, infectionCases)}`,
  );
  console.log(
    `  deviations flagged, right reason  ${deviationsFlaggedRight}/${expectedDeviations}  ${percent(deviationsFlaggedRight, expectedDeviations)}`,
  );
  console.log(
    `  concordant cases wrongly flagged  ${falseFlags}/${concordantCases}  ${percent(falseFlags, concordantCases)}`,
  );
  console.log(
    `  non-infection cases given an antibiotic assessment  ${falseConditions}/${nonInfectionCases}  ${percent(falseConditions, nonInfectionCases)}`,
  );
  console.log(
    `  ICPC-2 primary code first         ${firstHits}/${cases.length}  ${percent(firstHits, cases.length)}`,
  );
  console.log(
    `  ICPC-2 primary code in top three  ${topThreeHits}/${cases.length}  ${percent(topThreeHits, cases.length)}`,
  );
}

main();
