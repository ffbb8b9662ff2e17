import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateObject } from '../../models/generate-object';
import { describeTextModelContract } from '../../testing/text-model-contract';
import type { NodeLlamaCppModule } from './node-llama-cpp-text-model';
import { createNodeLlamaCppProvider } from './node-llama-cpp-text-model';

/** A recording stand-in for node-llama-cpp: scripted answers, streamed in pieces through onTextChunk. */
function createFakeNodeLlamaCpp(options: { grammarFails?: boolean } = {}) {
  const answers: string[] = [];
  const prompts: string[] = [];
  const grammars: unknown[] = [];
  let loads = 0;
  const module: NodeLlamaCppModule = {
    getLlama: () =>
      Promise.resolve({
        loadModel: () => {
          loads += 1;
          return Promise.resolve({
            tokenize: (text: string) => text.split(/\s+/).filter(Boolean),
            createContext: () =>
              Promise.resolve({ contextSize: 4096, getSequence: () => ({ dispose: () => undefined }) }),
          });
        },
        createGrammarForJsonSchema: (schema: object) =>
          options.grammarFails ? Promise.reject(new Error('unsupported')) : Promise.resolve({ schema }),
        getGrammarFor: () => Promise.resolve({ json: true }),
      }),
    LlamaChatSession: class {
      private history: Array<{ type: string; text?: string; response?: string[] }> = [];
      setChatHistory(history: Array<{ type: string; text?: string; response?: string[] }>): void {
        this.history = history;
      }
      async promptWithMeta(
        text: string,
        promptOptions: { signal?: AbortSignal; grammar?: unknown; onTextChunk?: (chunk: string) => void },
      ): Promise<{ responseText: string; stopReason: string }> {
        if (promptOptions.signal?.aborted) throw new DOMException('aborted', 'AbortError');
        prompts.push(
          [...this.history.map((item) => item.text ?? item.response?.join('') ?? ''), text].join('\n'),
        );
        grammars.push(promptOptions.grammar);
        const answer = answers.shift() ?? '';
        for (const piece of answer.match(/[\s\S]{1,5}/g) ?? []) {
          await Promise.resolve();
          promptOptions.onTextChunk?.(piece);
        }
        return { responseText: answer, stopReason: 'eogToken' };
      }
      dispose(): void {}
    },
  };
  return { module, answers, prompts, grammars, loads: () => loads };
}

function temporaryModelFile(): { directory: string; file: string } {
  const directory = mkdtempSync(join(tmpdir(), 'kollega-gguf-'));
  const file = 'test-model.gguf';
  writeFileSync(join(directory, file), 'not really a model');
  return { directory, file };
}

describeTextModelContract('node-llama-cpp (fake module)', () => {
  const fake = createFakeNodeLlamaCpp();
  const { directory, file } = temporaryModelFile();
  const model = createNodeLlamaCppProvider({
    modelsDirectory: directory,
    loadModule: () => Promise.resolve(fake.module),
  }).textModel(file);
  return Promise.resolve({
    model,
    answerNext: (text: string) => fake.answers.push(text),
    lastPrompt: () => fake.prompts.at(-1) ?? '',
  });
});

describe('NodeLlamaCppTextModel', () => {
  it('is always local and loads the model once', async () => {
    const fake = createFakeNodeLlamaCpp();
    const { directory, file } = temporaryModelFile();
    const provider = createNodeLlamaCppProvider({
      modelsDirectory: directory,
      loadModule: () => Promise.resolve(fake.module),
    });
    fake.answers.push('a', 'b');
    await provider.textModel(file).generateText({ messages: [{ role: 'user', content: 'x' }] });
    await provider.textModel(file).generateText({ messages: [{ role: 'user', content: 'y' }] });
    expect(provider.local).toBe(true);
    expect(provider.textModel(file).local).toBe(true);
    expect(fake.loads()).toBe(1);
  });

  it('says how to install node-llama-cpp when the package is missing', async () => {
    const { directory, file } = temporaryModelFile();
    const model = createNodeLlamaCppProvider({
      modelsDirectory: directory,
      loadModule: () =>
        Promise.reject(Object.assign(new Error('Cannot find package'), { code: 'ERR_MODULE_NOT_FOUND' })),
    }).textModel(file);
    await expect(model.generateText({ messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('npm i -E node-llama-cpp@3.21.1') as string,
      details: { reason: 'package_missing' },
    });
  });

  it('reports a missing model file clearly', async () => {
    const fake = createFakeNodeLlamaCpp();
    const model = createNodeLlamaCppProvider({
      modelsDirectory: tmpdir(),
      loadModule: () => Promise.resolve(fake.module),
    }).textModel('does-not-exist-7b.gguf');
    await expect(model.generateText({ messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      code: 'unavailable',
      details: { reason: 'model_file_missing' },
    });
  });

  it('without an injected loader, fails with the install hint (node-llama-cpp is not installed here)', async () => {
    const { directory, file } = temporaryModelFile();
    const model = createNodeLlamaCppProvider({ modelsDirectory: directory }).textModel(file);
    await expect(model.generateText({ messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      code: 'unavailable',
      details: { reason: 'package_missing' },
    });
  });

  it('uses a JSON-schema grammar, and prompt instructions when the grammar cannot express the schema', async () => {
    const schema = z.object({ answer: z.string() });
    const { directory, file } = temporaryModelFile();

    const withGrammar = createFakeNodeLlamaCpp();
    withGrammar.answers.push('{"answer":"ja"}');
    const first = await generateObject(
      createNodeLlamaCppProvider({
        modelsDirectory: directory,
        loadModule: () => Promise.resolve(withGrammar.module),
      }).textModel(file),
      { messages: [{ role: 'user', content: 'Svar' }], schema, schemaName: 'svar' },
    );
    expect(first).toMatchObject({ success: true, responseFormat: 'json-schema' });
    expect(withGrammar.grammars[0]).toMatchObject({ schema: { type: 'object' } });

    const withoutGrammar = createFakeNodeLlamaCpp({ grammarFails: true });
    withoutGrammar.answers.push('{"answer":"nei"}');
    const second = await generateObject(
      createNodeLlamaCppProvider({
        modelsDirectory: directory,
        loadModule: () => Promise.resolve(withoutGrammar.module),
      }).textModel(file),
      { messages: [{ role: 'user', content: 'Svar' }], schema, schemaName: 'svar' },
    );
    expect(second).toMatchObject({ success: true, object: { answer: 'nei' }, responseFormat: 'prompt' });
    expect(withoutGrammar.prompts[0]).toContain('JSON');
  });
});
