export * from './message-repository';
export { KyselyMessageRepository } from './kysely-message-repository';
export { messagesMigration } from './messages-migration';
export type { MessagesDatabaseSchema } from './messages-schema';
