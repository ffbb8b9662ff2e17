// Worker-thread entry of the drafting pool (draft-worker-pool.ts): Kollega runs its TypeScript sources
// through tsx, and a worker thread does not inherit the main thread's loader, so register it here first.
import { register } from 'tsx/esm/api';

register();
await import('./draft-worker.ts');
