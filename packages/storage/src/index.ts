export * from './repositories';
export * from './create-storage';
export type {
  Database,
  DatabaseDialect,
  DatabaseLocation,
  CreateDatabaseOptions,
} from './database/create-database';
export { createDatabase, parseDatabaseUrl, checkDatabase } from './database/create-database';
export { createIdGenerator } from './database/create-id';
export { migrateToLatest, listMigrationNames } from './database/migrations';
export type { DatabaseSchema } from './database/schema';
export { KyselyConsultationRepository } from './consultations/kysely-consultation-repository';
export { KyselyNoteRepository } from './notes/kysely-note-repository';
export { KyselyAuditRepository } from './audit/kysely-audit-repository';
export { diffNotes } from './notes/note-diff';
export * from './audio/index';
export * from './decision-support/index';
export * from './patient/index';
export * from './records/index';
export * from './auth/index';
export * from './audit/audit-chain';
export * from './review-events/index';
export * from './messages/index';
export * from './jobs/index';
export * from './encryption/index';
