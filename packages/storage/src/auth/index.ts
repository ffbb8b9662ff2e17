export * from './auth-repository';
export * from './oidc-identity-repository';
