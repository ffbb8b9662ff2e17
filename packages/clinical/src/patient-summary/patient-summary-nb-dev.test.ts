import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftNote } from '../note-writer/draft-note';
import { parseTranscriptInput } from '../transcript-input/parse-transcript-input';
import { prepareTranscript } from '../transcript-input/prepare-transcript';
import { buildPatientSummary } from './build-patient-summary';
import { findUntraceableSentences, verifyPatientSummary } from './verify-patient-summary';

/**
 * Measurement on the synthetic Norwegian development consultations: the built-in engine drafts each note (treated
 * as approved, as `kollega patient-summary` does), and the patient summary of every one must have LIX ≤ 40 and
 * no word its evidence statement does not contain. Prints the median and maximum LIX and the verifier's flags.
 */
const CONSULTATIONS_FILE =
  process.env.KOLLEGA_NB_DEV_CONSULTATIONS ?? '/work/shared/data/nb-dev/consultations.jsonl';

describe.skipIf(!existsSync(CONSULTATIONS_FILE))('patient summaries of the nb-dev consultations', () => {
  it(
    'are easy to read (LIX ≤ 40) and traceable to the note, for every consultation',
    { timeout: 180_000 },
    () => {
      const consultations = parseTranscriptInput(readFileSync(CONSULTATIONS_FILE, 'utf8'), {
        format: 'jsonl',
      });
      expect(consultations.length).toBeGreaterThan(0);
      const results = consultations.map((parsed) => {
        const prepared = prepareTranscript(parsed);
        const draft = draftNote(prepared.transcript, {
          language: 'nb',
          ...(prepared.setting === undefined ? {} : { setting: prepared.setting }),
        });
        const note = draft.value.note;
        const summary = buildPatientSummary(note);
        const { checks } = verifyPatientSummary(note, summary);
        return {
          id: parsed.externalId ?? '?',
          lix: summary.lix,
          untraceable: findUntraceableSentences(note, summary),
          sentences: checks.length,
          flagged: checks.filter(
            (check) => check.support === 'unsupported' || check.support === 'contradicted',
          ).length,
        };
      });
      const lixes = results.map((result) => result.lix).sort((left, right) => left - right);
      const middle = Math.floor(lixes.length / 2);
      const median = lixes.length % 2 === 1 ? lixes[middle]! : (lixes[middle - 1]! + lixes[middle]!) / 2;
      const sentences = results.reduce((sum, result) => sum + result.sentences, 0);
      const flagged = results.reduce((sum, result) => sum + result.flagged, 0);
      console.log(
        `Patient summaries, ${results.length} nb-dev consultations: LIX median ${median.toFixed(1)}, ` +
          `max ${lixes.at(-1)?.toFixed(1)}; verifier flags ${flagged} of ${sentences} note-derived sentences`,
      );
      for (const result of results) {
        expect.soft(result.lix, `${result.id} LIX`).toBeLessThanOrEqual(40);
        expect.soft(result.untraceable, `${result.id} untraceable words`).toEqual([]);
      }
    },
  );
});
