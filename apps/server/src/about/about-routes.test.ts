import { afterEach, describe, expect, it } from 'vitest';
import type { ModelConfigInput } from '@kollega/ai';
import { parseModelConfig } from '@kollega/ai';
import type { TestApp } from '../testing/create-test-app';
import { createTestApp } from '../testing/create-test-app';
import type { DataFlowReport } from './data-flow-report';

let testApp: TestApp | undefined;
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

const SECRET = 'sk-test-hemmelig-nokkel';

async function readDataFlow(models: ModelConfigInput | undefined, query = ''): Promise<DataFlowReport> {
  testApp = await createTestApp(models === undefined ? {} : { config: { models: parseModelConfig(models) } });
  const response = await testApp.app.inject({ method: 'GET', url: `/api/about/data-flow${query}` });
  expect(response.statusCode).toBe(200);
  expect(response.body).not.toContain(SECRET);
  return response.json<DataFlowReport>();
}

const noteDrafting = (report: DataFlowReport) =>
  report.purposes.find((purpose) => purpose.purpose === 'note-drafting');

const remoteModel = (localOnly: boolean): ModelConfigInput => ({
  providers: {
    sky: {
      type: 'openai-compatible',
      baseURL: 'https://llm.example.org/v1',
      apiKey: SECRET,
      displayName: 'Skytjeneren',
    },
  },
  aliases: { 'note-drafting': 'sky:stor-modell' },
  policy: { localOnly },
});

describe('GET /api/about/data-flow', () => {
  it('says the built-in engine runs and nothing leaves the server when no model is configured', async () => {
    const report = await readDataFlow(undefined);
    expect(report.localOnly).toBe(false);
    expect(report.purposes.map((purpose) => purpose.purpose)).toContain('transcription');
    expect(noteDrafting(report)).toEqual({
      purpose: 'note-drafting',
      engine: 'builtin',
      kind: 'none',
      deidentified: false,
      description: expect.stringMatching(/innebygde motoren.*på denne serveren/) as string,
    });
  });

  it('names the provider and host of a remote model, in the asked language, without secrets', async () => {
    const report = await readDataFlow(remoteModel(false), '?lang=en');
    expect(noteDrafting(report)).toMatchObject({
      engine: 'sky:stor-modell',
      model: 'sky:stor-modell',
      kind: 'sent',
      deidentified: true,
      providerName: 'Skytjeneren',
      host: 'llm.example.org',
      description: 'Sent to Skytjeneren at llm.example.org, de-identified.',
    });
  });

  it('reports a remote model as blocked under the localOnly policy, with the built-in engine in use', async () => {
    const report = await readDataFlow(remoteModel(true));
    expect(report.localOnly).toBe(true);
    expect(noteDrafting(report)).toMatchObject({
      engine: 'builtin',
      model: 'sky:stor-modell',
      kind: 'blocked',
    });
  });

  it('rejects an unknown language', async () => {
    testApp = await createTestApp();
    const response = await testApp.app.inject({ method: 'GET', url: '/api/about/data-flow?lang=sv' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_input');
  });
});
