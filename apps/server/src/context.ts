import { readFileSync } from 'node:fs';
import { draftNote, verifyNote } from '@kollega/clinical';
import type { AppStorage } from '@kollega/storage';
import { createStorage } from '@kollega/storage';
import type { ModelRegistryOptions } from '@kollega/ai';
import type { ServerConfig } from './config';
import type { ServerModels } from './models/server-models';
import { createServerModels } from './models/server-models';
import { createStorageAuditSink } from './models/storage-audit-sink';
import { RequestScope } from './auth/request-scope';
import { scopeStorageToPractice } from './auth/tenant-storage';
import { DraftWorkerPool } from './notes/draft-worker-pool';
import { draftVerifiedNote } from './notes/draft-verified-note';

/** The note engine the server drafts and verifies with. */
export interface NoteEngine {
  /** `builtin`, or a `provider:model` id. */
  name: string;
  draftNote: typeof draftNote;
  verifyNote: typeof verifyNote;
}

/** Everything a request handler needs, built once in `createAppContext` and passed down (no module singletons). */
export interface AppContext {
  config: ServerConfig;
  storage: AppStorage;
  engine: NoteEngine;
  /** Language models (registry, the note-drafting model if any); every model call is audited to storage. */
  models: ServerModels;
  now: () => Date;
  /** The signed-in user of the current request (AsyncLocalStorage); storage reads are scoped by it. */
  scope: RequestScope;
  /** Worker threads that draft and verify with the built-in engine (absent with an injected engine or 0 workers). */
  draftWorkers?: DraftWorkerPool;
  /** First-time setup: the one-time code while no practice exists (see `startServer`). */
  setup: { code?: string | undefined };
  /** The server's version (apps/server/package.json). */
  version: string;
  /** Where pino writes log lines; standard output when absent. */
  logStream?: { write(line: string): void };
  /** Releases the database. */
  close(): Promise<void>;
}

/** Test seams for `createAppContext`. */
export interface AppContextOptions {
  engine?: NoteEngine;
  now?: () => Date;
  storage?: AppStorage;
  logStream?: { write(line: string): void };
  /** Model registry seams (fetch, backoff sleep, clocks); the audit sink is always the storage's. */
  modelOptions?: Omit<ModelRegistryOptions, 'auditSink'>;
}

/** The built-in deterministic engine from @kollega/clinical. */
export function createBuiltinEngine(): NoteEngine {
  return { name: 'builtin', draftNote, verifyNote };
}

function readServerVersion(): string {
  const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version?: unknown;
  };
  return typeof packageJson.version === 'string' ? packageJson.version : '0.0.0';
}

/** The composition root: opens (and migrates) storage, picks the engine and builds the language models. */
export async function createAppContext(
  config: ServerConfig,
  options: AppContextOptions = {},
): Promise<AppContext> {
  const now = options.now ?? (() => new Date());
  const storage = options.storage ?? (await createStorage(config.databaseUrl, { now }));
  let models: ServerModels;
  try {
    models = createServerModels(config.models, {
      ...options.modelOptions,
      auditSink: createStorageAuditSink(storage.audit),
    });
  } catch (error) {
    if (options.storage === undefined) await storage.close();
    throw error;
  }
  const scope = new RequestScope();
  const engine = options.engine ?? createBuiltinEngine();
  const draftWorkers =
    options.engine === undefined && config.draftWorkers > 0
      ? new DraftWorkerPool({
          size: config.draftWorkers,
          inProcess: {
            draft: (transcript, draftOptions) => draftVerifiedNote(engine, transcript, draftOptions),
            verify: (transcript, note, verifyOptions) => engine.verifyNote(transcript, note, verifyOptions),
          },
        })
      : undefined;
  return {
    config,
    storage: config.auth === 'on' ? scopeStorageToPractice(storage, scope) : storage,
    scope,
    setup: {},
    engine,
    ...(draftWorkers === undefined ? {} : { draftWorkers }),
    models,
    now,
    version: readServerVersion(),
    ...(options.logStream === undefined ? {} : { logStream: options.logStream }),
    close: async () => {
      await draftWorkers?.close();
      await storage.close();
    },
  };
}
