export * from './record-repositories';
export type { RecordStorageSchema } from './record-storage-schema';
export { RECORD_MIGRATIONS, recordsMigration, migrateRecordTables } from './record-migrations';
export {
  KyselyRecordDocumentRepository,
  KyselyClinicalDocumentRepository,
} from './kysely-record-repositories';
export type { RecordRepositoryOptions } from './kysely-record-repositories';
export { createRecordStorage, openRecordStorage } from './create-record-storage';
export type { RecordStorage, CreateRecordStorageOptions } from './create-record-storage';
