import { describe, expect, it } from 'vitest';
import type { DataFlowPurpose, DataFlowReport } from './data-flow-label';
import { describeNoteDataFlow } from './data-flow-label';

function report(noteDrafting: Omit<DataFlowPurpose, 'purpose' | 'description'>): DataFlowReport {
  return {
    localOnly: false,
    purposes: [
      { purpose: 'triage', engine: 'builtin', kind: 'none', deidentified: false, description: 'x' },
      { purpose: 'note-drafting', description: 'Serverens setning.', ...noteDrafting },
    ],
  };
}

describe('describeNoteDataFlow', () => {
  it('says nothing leaves the server with the built-in engine', () => {
    const label = describeNoteDataFlow(
      report({ engine: 'builtin', kind: 'none', deidentified: false }),
      'nb',
    );
    expect(label).toEqual({
      text: 'Innebygd motor – ingen data forlater serveren',
      tone: 'local',
      detail: 'Serverens setning.',
    });
  });

  it('names the provider and host a de-identified transcript is sent to', () => {
    const sent = report({
      engine: 'cloud:gpt',
      model: 'cloud:gpt',
      kind: 'sent',
      deidentified: true,
      providerName: 'Azure OpenAI',
      host: 'kollega.openai.azure.com',
    });
    expect(describeNoteDataFlow(sent, 'nb')).toMatchObject({
      text: 'Notatutkast: sendes avidentifisert til Azure OpenAI (kollega.openai.azure.com)',
      tone: 'sent',
    });
    expect(describeNoteDataFlow(sent, 'en')?.text).toBe(
      'Note drafts: sent de-identified to Azure OpenAI (kollega.openai.azure.com)',
    );
  });

  it('tells a local model and a blocked model apart', () => {
    expect(
      describeNoteDataFlow(
        report({ engine: 'ollama:llama3', model: 'ollama:llama3', kind: 'stays', deidentified: false }),
        'nb',
      ),
    ).toMatchObject({ tone: 'local', text: expect.stringContaining('ollama:llama3') as string });
    const blocked = describeNoteDataFlow(
      report({ engine: 'builtin', model: 'cloud:gpt', kind: 'blocked', deidentified: false }),
      'nb',
    );
    expect(blocked?.tone).toBe('blocked');
    expect(blocked?.text).toContain('cloud:gpt er blokkert');
  });

  it('returns undefined when the report has no note-drafting entry', () => {
    expect(describeNoteDataFlow({ localOnly: true, purposes: [] }, 'nb')).toBeUndefined();
  });
});
