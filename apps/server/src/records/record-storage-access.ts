import type { FastifyInstance } from 'fastify';
import type { RecordStorage } from '@kollega/storage';
import { createRecordStorage } from '@kollega/storage';
import type { AppContext } from '../context';

/**
 * The record and clinical-document repositories of a context, opened on first use on the same database URL
 * (a SQLite file or PostgreSQL is shared with the rest of Kollega; `sqlite::memory:` gets its own in-memory
 * database) and closed with the server. Kept beside the context rather than in it, so the core context and
 * storage stay as they are; see the records feature's report for folding it into `AppStorage`.
 */
const opened = new WeakMap<AppContext, Promise<RecordStorage>>();

/** The record storage of a context (opened and migrated on first use). */
export function getRecordStorage(context: AppContext): Promise<RecordStorage> {
  let storage = opened.get(context);
  if (!storage) {
    storage = createRecordStorage(context.config.databaseUrl, { now: context.now });
    // A failed open is not cached: the next request tries again.
    storage.catch(() => opened.delete(context));
    opened.set(context, storage);
  }
  return storage;
}

const hooked = new WeakSet<AppContext>();

/** Closes the context's record storage when the app closes (registered once per context). */
export function closeRecordStorageOnClose(app: FastifyInstance, context: AppContext): void {
  if (hooked.has(context)) return;
  hooked.add(context);
  app.addHook('onClose', async () => {
    const storage = opened.get(context);
    opened.delete(context);
    hooked.delete(context);
    if (storage) await (await storage.catch(() => undefined))?.close();
  });
}
