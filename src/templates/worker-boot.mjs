/**
 * Boots a worker thread of the template miner: a worker thread does not
 * inherit the TypeScript loader, so it registers tsx and then imports the
 * TypeScript entry named in workerData.__entry (a file inside the repo).
 */
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__entry);
