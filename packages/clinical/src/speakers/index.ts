export * from './infer-speaker-roles';
