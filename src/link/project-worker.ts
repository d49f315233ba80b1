/**
 * Worker thread entry of the parallel projection: one part of the edges over
 * the shared packed tables, sent back as columns (buffers moved, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { projectPart, type ProjectParams } from './project-part.ts';
import type { PackedTable } from './packed-tables.ts';

export interface ProjectTask {
  tables: PackedTable[];
  params: ProjectParams;
  part: number;
  parts: number;
}

const { tables, params, part, parts } = (workerData as { input: ProjectTask }).input;
const columns = projectPart(tables, params, part, parts).columns();
parentPort!.postMessage(columns, [columns.source.buffer, columns.target.buffer, ...columns.weights.map((w) => w.buffer)] as ArrayBuffer[]);
