/**
 * SHA-256 of a file on a worker thread, so hashing the inputs for the
 * manifest runs on the second core while the main thread parses them. Plain
 * JavaScript: a worker thread does not inherit the TypeScript loader.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const hash = createHash('sha256');
for await (const chunk of createReadStream(workerData)) hash.update(chunk);
parentPort.postMessage(hash.digest('hex'));
