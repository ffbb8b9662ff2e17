export * from './datasets/index';
export * from './metrics/index';
export * from './engines/index';
export * from './runner/index';
export * from './report/index';
