export * from './job-queue';
export { KyselyJobQueue, computeRetryDelay } from './kysely-job-queue';
export { JobRunner, isRetryableJobError, toJobError } from './job-runner';
export type { JobHandler, JobHandlerContext, JobRunnerOptions } from './job-runner';
export { jobsMigration } from './jobs-migration';
export type { JobsDatabaseSchema } from './jobs-schema';
