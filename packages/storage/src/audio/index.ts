export * from './audio-repository';
export * from './blob-store';
export { FileBlobStore, createBlobStore } from './file-blob-store';
export { KyselyAudioRepository } from './kysely-audio-repository';
export { audioMigration } from './audio-migration';
export type { AudioDatabaseSchema } from './audio-schema';
