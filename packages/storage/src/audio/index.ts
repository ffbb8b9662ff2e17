export * from './audio-repository';
export * from './blob-store';
export { FileBlobStore, createBlobStore } from './file-blob-store';
export { EncryptedFileBlobStore } from './encrypted-file-blob-store';
export type { BlobRotationResult, PlainFileStore } from './encrypted-file-blob-store';
export { KyselyAudioRepository } from './kysely-audio-repository';
export { audioMigration } from './audio-migration';
export type { AudioDatabaseSchema } from './audio-schema';
