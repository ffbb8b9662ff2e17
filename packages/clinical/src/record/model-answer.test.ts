import { describe, expect, it } from 'vitest';
import type { RecordChatMessage } from './model-answer';
import { answerRecordQuestionWithModel, parseModelRecordAnswer } from './model-answer';
import { createRecordIndex } from './record-index';
import { createTextRecordDocument } from './split-passages';

const JOURNAL = [
  'Konsultasjon 14.02.2022 – kontroll diabetes',
  'Aktuelt: Pasienten har diabetes type 2 og bruker metformin. Føler seg bra, går tur daglig.',
  'Blodprøver fra 10.02.2022 viser HbA1c 61 mmol/mol og kreatinin 77 µmol/L.',
  'Tiltak: Starter atorvastatin 20 mg x 1. Ny kontroll om tre måneder.',
  '',
  'Laboratoriesvar – prøve tatt 02.06.2023',
  'HbA1c 55 mmol/mol. Kreatinin 81 µmol/L. Prøvene er vurdert av lege, ingen tiltak nødvendig.',
].join('\n');

const index = createRecordIndex([
  createTextRecordDocument({ id: 'j', name: 'journal.txt', pages: [JOURNAL] }),
]);

/** A fake model that records what it was asked and answers with the given sentences. */
function fakeModel(answer: (labels: Map<string, string>) => unknown) {
  const calls: RecordChatMessage[][] = [];
  const generate = (messages: RecordChatMessage[]): Promise<string> => {
    calls.push(messages);
    const labels = new Map<string, string>();
    for (const match of (messages[1]?.content ?? '').matchAll(
      /\[(K\d+)\] \([^)]*\)\n([^\n]+(?:\n(?!\[K)[^\n]+)*)/g,
    )) {
      labels.set(match[1]!, match[2]!);
    }
    return Promise.resolve(JSON.stringify(answer(labels)));
  };
  return { calls, generate };
}

function labelOf(labels: Map<string, string>, fragment: string): string {
  return [...labels.entries()].find(([, text]) => text.includes(fragment))?.[0] ?? 'K99';
}

describe('answerRecordQuestionWithModel', () => {
  it('returns a model answer the verifier supports, citing the passages it used', async () => {
    const model = fakeModel((labels) => ({
      found: true,
      sentences: [
        {
          text: 'HbA1c ble sist målt 02.06.2023 og var 55 mmol/mol.',
          sources: [labelOf(labels, 'HbA1c 55')],
        },
      ],
    }));
    const answer = await answerRecordQuestionWithModel({
      index,
      question: 'Når ble HbA1c sist målt, og hva var verdien?',
      generate: model.generate,
    });
    expect(model.calls).toHaveLength(1);
    expect(model.calls[0]![1]!.content).toContain('Spørsmål: Når ble HbA1c sist målt');
    expect(answer.method).toBe('model');
    expect(['supported', 'inferred']).toContain(answer.support);
    expect(answer.date).toBe('2023-06-02');
    expect(answer.citations[0]?.quote).toContain('HbA1c 55 mmol/mol');
    expect(answer.warnings).toEqual([]);
  });

  it('falls back to the extractive answer when the model contradicts its source', async () => {
    const model = fakeModel((labels) => ({
      found: true,
      sentences: [
        {
          text: 'HbA1c ble sist målt 02.06.2023 og var 48 mmol/mol.',
          sources: [labelOf(labels, 'HbA1c 55')],
        },
      ],
    }));
    const answer = await answerRecordQuestionWithModel({
      index,
      question: 'Når ble HbA1c sist målt, og hva var verdien?',
      generate: model.generate,
    });
    expect(answer.method).toBe('extractive');
    expect(answer.answer).toContain('55 mmol/mol');
    expect(answer.warnings.map((warning) => warning.code)).toEqual(['model_answer_rejected']);
  });

  it('falls back when a sentence cites nothing it was given, the answer is malformed, or the call fails', async () => {
    const question = 'Når ble HbA1c sist målt, og hva var verdien?';
    const uncited = await answerRecordQuestionWithModel({
      index,
      question,
      generate: fakeModel(() => ({
        found: true,
        sentences: [{ text: 'HbA1c var 55 mmol/mol.', sources: ['K42'] }],
      })).generate,
    });
    expect(uncited.warnings.map((warning) => warning.code)).toEqual(['model_uncited']);
    const malformed = await answerRecordQuestionWithModel({
      index,
      question,
      generate: () => Promise.resolve('Svaret er 55.'),
    });
    expect(malformed.warnings.map((warning) => warning.code)).toEqual(['model_invalid_answer']);
    const failed = await answerRecordQuestionWithModel({
      index,
      question,
      generate: () => Promise.reject(new Error('nede')),
    });
    expect(failed.warnings.map((warning) => warning.code)).toEqual(['model_failed']);
    for (const answer of [uncited, malformed, failed]) expect(answer.method).toBe('extractive');
  });

  it('reads the answer format strictly', () => {
    expect(
      parseModelRecordAnswer(
        '```json\n{"found": true, "sentences": [{"text": "A.", "sources": ["K1"]}]}\n```',
      ),
    ).toEqual({
      found: true,
      sentences: [{ text: 'A.', sources: ['K1'] }],
    });
    expect(parseModelRecordAnswer('{"found": "ja", "sentences": []}')).toBeUndefined();
    expect(parseModelRecordAnswer('{"found": true, "sentences": [{"text": "A."}]}')).toBeUndefined();
  });
});
