export * from './fake-openai-server';
export * from './text-model-contract';
