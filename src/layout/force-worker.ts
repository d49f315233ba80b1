/**
 * Worker thread entry of the parallel layout: lays out one batch of graphs
 * (workerData.input, a ForceBatch) and sends back their positions, the
 * buffer moved rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { layBatch, type ForceBatch } from './force-batch.ts';

const positions = layBatch((workerData as { input: ForceBatch }).input);
parentPort!.postMessage(positions, [positions.buffer as ArrayBuffer]);
