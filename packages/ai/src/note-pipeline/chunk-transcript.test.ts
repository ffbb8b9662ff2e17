import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chunkTranscript, estimateLineTokens } from './chunk-transcript';
import { mergeModelNotes } from './merge-model-notes';
import type { PromptLine } from './note-prompt';

const lineArbitrary = fc.record({
  speaker: fc.constantFrom('lege' as const, 'pasient' as const),
  text: fc
    .array(fc.constantFrom('vondt', 'i', 'halsen', 'feber', '38,9', 'tre', 'dager.', 'hoste', 'nei.'), {
      minLength: 1,
      maxLength: 60,
    })
    .map((words) => words.join(' ')),
});

function toLines(records: Array<{ speaker: 'lege' | 'pasient'; text: string }>): PromptLine[] {
  return records.map((record, index) => ({ id: `s${index + 1}`, ...record }));
}

describe('chunkTranscript', () => {
  it('keeps everything in one chunk when it fits', () => {
    const lines = toLines([{ speaker: 'pasient', text: 'Vondt i halsen.' }]);
    expect(chunkTranscript(lines, { maxTokens: 1000 })).toEqual([lines]);
  });

  it('covers every line in order, keeps chunks within budget, and overlaps neighbours', () => {
    fc.assert(
      fc.property(
        fc.array(lineArbitrary, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 40, max: 400 }),
        (records, maxTokens) => {
          const lines = toLines(records);
          const chunks = chunkTranscript(lines, { maxTokens });
          // Every word of every line is sent (long lines may be split, never cut).
          const sent = chunks.flat();
          for (const line of lines) {
            const pieces = sent.filter((piece) => piece.id === line.id).map((piece) => piece.text);
            expect(pieces.join(' ').split(/\s+/).filter(Boolean)).toEqual(
              expect.arrayContaining(line.text.split(/\s+/)),
            );
          }
          for (const chunk of chunks) {
            expect(chunk.reduce((sum, line) => sum + estimateLineTokens(line), 0)).toBeLessThanOrEqual(
              Math.max(16, maxTokens),
            );
          }
          // Chunks advance: each starts no later than where the previous ended, and adds something new.
          const order = new Map(lines.map((line, index) => [line.id, index]));
          for (let index = 1; index < chunks.length; index += 1) {
            const previousLast = order.get(chunks[index - 1]!.at(-1)!.id)!;
            const currentFirst = order.get(chunks[index]![0]!.id)!;
            const currentLast = order.get(chunks[index]!.at(-1)!.id)!;
            expect(currentFirst).toBeLessThanOrEqual(previousLast + 1);
            expect(currentLast).toBeGreaterThanOrEqual(previousLast);
          }
        },
      ),
      { seed: 3, numRuns: 150 },
    );
  });
});

describe('mergeModelNotes', () => {
  it('keeps a statement repeated from the overlap once, with the union of its evidence', () => {
    const merged = mergeModelNotes(
      [
        { sections: [{ id: 'aktuelt', statements: [{ text: 'Feber 38,9 i går.', evidence: ['s4'] }] }] },
        {
          sections: [
            { id: 'tiltak', statements: [{ text: 'Strep A-test.', evidence: ['s9'] }] },
            { id: 'aktuelt', statements: [{ text: 'Feber 38,9 i går kveld.', evidence: ['s4', 's5'] }] },
          ],
        },
      ],
      ['aktuelt', 'undersokelse', 'tiltak'],
    );
    expect(merged).toEqual({
      sections: [
        { id: 'aktuelt', statements: [{ text: 'Feber 38,9 i går.', evidence: ['s4', 's5'] }] },
        { id: 'tiltak', statements: [{ text: 'Strep A-test.', evidence: ['s9'] }] },
      ],
    });
  });

  it('never merges statements that differ in side, number or negation', () => {
    const merged = mergeModelNotes(
      [
        {
          sections: [
            {
              id: 'us',
              statements: [
                { text: 'Rødt, bulende trommehinne høyre side.', evidence: ['s3'] },
                { text: 'Temp 38,6.', evidence: ['s4'] },
                { text: 'Feber.', evidence: ['s5'] },
              ],
            },
          ],
        },
        {
          sections: [
            {
              id: 'us',
              statements: [
                { text: 'Rødt, bulende trommehinne venstre side.', evidence: ['s3'] },
                { text: 'Temp 38,9.', evidence: ['s4'] },
                { text: 'Ikke feber.', evidence: ['s5'] },
              ],
            },
          ],
        },
      ],
      ['us'],
    );
    expect(merged.sections[0]!.statements).toHaveLength(6);
  });

  it('never merges different statements, even when they cite the same line', () => {
    const merged = mergeModelNotes(
      [
        { sections: [{ id: 'aktuelt', statements: [{ text: 'Vondt i høyre øre.', evidence: ['s3'] }] }] },
        { sections: [{ id: 'aktuelt', statements: [{ text: 'Ingen feber.', evidence: ['s3'] }] }] },
      ],
      ['aktuelt'],
    );
    expect(merged.sections[0]!.statements).toHaveLength(2);
  });
});
