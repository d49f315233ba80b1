/**
 * Worker thread entry of the parallel projection: one part of the edges,
 * fed the packed tables (shared memory) one message at a time as they are
 * built; on `null`, pruned to the kept edges and sent back as columns (buffers
 * moved, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { keptOf, PartProjection, type PartResult, type ProjectParams } from './project-part.ts';
import type { PackedTable } from './packed-tables.ts';

export interface ProjectTask {
  params: ProjectParams;
  part: number;
  parts: number;
  /** projection.minEdgeWeight */
  minWeight: number;
}

const { params, part, parts, minWeight } = (workerData as { input: ProjectTask }).input;
const projection = new PartProjection(params, part, parts);
const port = parentPort!;
port.on('message', (table: PackedTable | null) => {
  if (table !== null) return projection.add(table);
  const { store, candidates } = keptOf(projection.store, minWeight);
  const columns = store.columns();
  const result: PartResult = { columns, candidates };
  port.postMessage(result, [columns.source.buffer, columns.target.buffer, ...columns.weights.map((w) => w.buffer)] as ArrayBuffer[]);
  port.close();
});
