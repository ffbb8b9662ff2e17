import { renderNoteText } from '@kollega/clinical';
import { describe, expect, it } from 'vitest';
import type { EvaluationCase } from '../datasets/read-dataset';
import { BUILTIN_ENGINE_ID, createBuiltinEngine } from './builtin-engine';
import type { ModelDraftRequest } from './model-engine';
import { createModelEngine } from './model-engine';

const syntheticCase: EvaluationCase = {
  id: 'syn-1',
  language: 'nb',
  setting: 'kontor',
  transcript: {
    segments: [
      { id: 's1', speaker: 'lege', text: 'Hva kan jeg hjelpe deg med i dag?' },
      { id: 's2', speaker: 'pasient', text: 'Jeg har hatt vondt i halsen i tre dager nå.' },
    ],
  },
  referenceText: 'Sår hals i 3 d.',
  referenceSections: [{ id: 'aktuelt', text: 'Sår hals i 3 d.' }],
};

describe('built-in engine', () => {
  it('drafts a structured note whose text is the rendered note, at no cost', async () => {
    const draft = await createBuiltinEngine().draft(syntheticCase, { template: 'fastlege' });
    expect(createBuiltinEngine().id).toBe(BUILTIN_ENGINE_ID);
    expect(draft.note?.template).toBe('fastlege');
    expect(draft.note?.language).toBe('nb');
    expect(draft.text).toBe(renderNoteText(draft.note!));
    expect(draft.costEstimate).toBe(0);
    expect(draft.tokensIn).toBe(0);
  });

  it('rejects an unknown template as invalid input', async () => {
    await expect(
      createBuiltinEngine().draft(syntheticCase, { template: 'finnes-ikke' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});

describe('model engine', () => {
  it('passes the case to the model and prices the tokens it reports', async () => {
    const calls: ModelDraftRequest[] = [];
    const engine = createModelEngine({
      id: 'openai-compatible:test-model',
      prices: { inputPer1k: 0.01, outputPer1k: 0.03 },
      draftWithModel: (request) => {
        calls.push(request);
        return Promise.resolve({ text: 'Aktuelt: Sår hals.', tokensIn: 2000, tokensOut: 500, warnings: [] });
      },
    });
    const draft = await engine.draft(syntheticCase, { template: 'fastlege' });
    expect(calls).toEqual([
      { transcript: syntheticCase.transcript, language: 'nb', template: 'fastlege', setting: 'kontor' },
    ]);
    expect(draft).toMatchObject({ text: 'Aktuelt: Sår hals.', tokensIn: 2000, tokensOut: 500, warnings: [] });
    // 2000/1000 × 0.01 + 500/1000 × 0.03
    expect(draft.costEstimate).toBeCloseTo(0.035, 10);
    expect(draft.note).toBeUndefined();
  });

  it('costs 0 without prices and lets model failures through', async () => {
    const free = createModelEngine({
      id: 'local:m',
      draftWithModel: () => Promise.resolve({ text: 'x', tokensIn: 10, tokensOut: 10, warnings: [] }),
    });
    expect((await free.draft(syntheticCase)).costEstimate).toBe(0);
    const failing = createModelEngine({
      id: 'local:m',
      draftWithModel: () => Promise.reject(new Error('down')),
    });
    await expect(failing.draft(syntheticCase)).rejects.toThrow('down');
  });
});
