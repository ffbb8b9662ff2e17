export * from './decision-support-repository';
export { KyselyDecisionSupportRepository } from './kysely-decision-support-repository';
export { NoteRepositoryWithCodes } from './note-repository-with-codes';
export { decisionSupportMigration } from './decision-support-migration';
export type { DecisionSupportDatabaseSchema } from './decision-support-schema';
