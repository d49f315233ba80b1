/**
 * Boots a worker thread of any stage (ingest, templates, link): a worker does
 * not inherit the main thread's TypeScript loader, so it registers tsx, then
 * imports the entry module named in workerData.__entry (a file URL inside the
 * repository, which is "type": "module").
 */
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__entry);
