/**
 * A link worker thread's first module: worker threads do not inherit the
 * TypeScript loader, so register tsx, then load the TypeScript entry named in
 * workerData (inside the repository).
 */
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
