export * from './review-event-repository';
export { KyselyReviewEventRepository } from './kysely-review-event-repository';
export { reviewEventsMigration } from './review-events-migration';
export type { ReviewEventsDatabaseSchema } from './review-events-schema';
