export { buildServer } from './server';
export { startServer } from './start-server';
export type { StartServerOptions, RunningServer } from './start-server';
export { loadConfig, ServerConfigSchema, DEFAULT_MAX_UPLOAD_BYTES, REPOSITORY_ROOT } from './config';
export type { ServerConfig, ConfigOverrides } from './config';
export { createAppContext, createBuiltinEngine } from './context';
export type { AppContext, AppContextOptions, NoteEngine } from './context';
export {
  draftVerifiedNote,
  draftVerifiedNoteWithModel,
  applySupportLabels,
} from './notes/draft-verified-note';
export type { VerifiedDraft, ModelDraftOptions } from './notes/draft-verified-note';
export { HTTP_STATUS_BY_ERROR_CODE } from './http/error-mapping';
export { API_OPERATIONS, buildOpenApiDocument } from './http/openapi';
