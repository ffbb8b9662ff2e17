export * from './auth-repository';
