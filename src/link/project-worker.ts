/**
 * Worker thread entry of the parallel projection: one part of the edges over
 * the shared packed tables, pruned to the kept edges and sent back as columns
 * (buffers moved, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { keptOf, projectPart, type PartResult, type ProjectParams } from './project-part.ts';
import type { PackedTable } from './packed-tables.ts';

export interface ProjectTask {
  tables: PackedTable[];
  params: ProjectParams;
  part: number;
  parts: number;
  /** projection.minEdgeWeight */
  minWeight: number;
}

const { tables, params, part, parts, minWeight } = (workerData as { input: ProjectTask }).input;
const { store, candidates } = keptOf(projectPart(tables, params, part, parts), minWeight);
const columns = store.columns();
const result: PartResult = { columns, candidates };
parentPort!.postMessage(result, [columns.source.buffer, columns.target.buffer, ...columns.weights.map((w) => w.buffer)] as ArrayBuffer[]);
