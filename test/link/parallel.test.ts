import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/aggregate/index.ts';
import { DEFAULT_CONFIG, type Config } from '../../src/config/schema.ts';
import { generate } from '../../src/generate/index.ts';
import { coactive } from '../../src/link/coactivity.ts';
import type { EdgeStore } from '../../src/link/edge-store.ts';
import { link, type ValueTable } from '../../src/link/index.ts';
import { packTables } from '../../src/link/packed-tables.ts';
import { projectPart } from '../../src/link/project-part.ts';
import { keptOf } from '../../src/link/project-part.ts';
import { project, projectKept } from '../../src/link/project.ts';
import { runWorkers, startWorkers } from '../../src/util/run-workers.ts';
import type { KeyTemplates } from '../../src/prompts/index.ts';
import { config } from '../helpers/records.ts';
import { readLog } from './read-log.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sybilscope-link-par-'));

/** A generated log read as the build reads it, templates included. */
async function generated(seed: number, events: number): Promise<{ data: Dataset; templates: KeyTemplates }> {
  const out = join(tmp, `g${seed}`);
  await generate({ out, seed, events });
  return readLog(out);
}

const bits = new BigUint64Array(1);
const asFloat = new Float64Array(bits.buffer);
function hexBits(x: number): string {
  asFloat[0] = x;
  return bits[0].toString(16);
}

/** Every edge, by (source, target): endpoints, then the exact bits of each type's sum and of the total. */
function contents(store: EdgeStore): string[] {
  return store.kept(-Infinity).map((s) => {
    const w = store.weights.map((column) => hexBits(column[s]));
    return `${store.source[s]}-${store.target[s]} ${w.join(' ')} = ${hexBits(store.total(s))}`;
  });
}

const FEW_CLIQUES = config({ projection: { maxCliqueKeys: 6, sparseDegree: 3 } });
/** Every candidate edge kept, so the whole projection is compared. */
const KEEP_ALL = config({ projection: { minEdgeWeight: 0 } });
const FEW_CLIQUES_KEEP_ALL = config({ projection: { maxCliqueKeys: 6, sparseDegree: 3, minEdgeWeight: 0 } });

describe('projection on several threads', () => {
  let data: Dataset;
  let templates: KeyTemplates;
  let tables: ValueTable[];

  beforeAll(async () => {
    ({ data, templates } = await generated(4, 20_000));
    tables = link(data, DEFAULT_CONFIG, templates).tables;
  }, 60_000);

  it('covers what the parallel split must get right: sparse values, co-activity, supporting types, templates', () => {
    for (const cfg of [DEFAULT_CONFIG, FEW_CLIQUES]) {
      const packed = packTables(tables, cfg);
      const sizes = packed.flatMap((p) => Array.from({ length: p.start.length - 1 }, (_, u) => p.start[u + 1] - p.start[u]));
      expect(sizes.some((k) => k > cfg.projection.maxCliqueKeys)).toBe(true);
      expect(packed.some((p) => !p.create && p.value.length > 0)).toBe(true);
    }
    const ip = packTables(tables, DEFAULT_CONFIG).find((p) => p.windows !== null)!;
    let together = 0;
    for (let u = 0; u + 1 < ip.start.length; u++) {
      const k = ip.start[u + 1] - ip.start[u];
      const w = { offsets: ip.windows!.offsets.subarray(ip.start[u] + u, ip.start[u] + u + k + 1), data: ip.windows!.data };
      for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) if (coactive(w, p, q)) together++;
    }
    expect(together).toBeGreaterThan(0);
    expect(tables.find((t) => t.type === 'template')!.values.length).toBeGreaterThan(0);
  });

  for (const [name, cfg] of [
    ['default config', DEFAULT_CONFIG],
    ['every candidate edge kept', KEEP_ALL],
    ['most values sparse, every candidate edge kept', FEW_CLIQUES_KEEP_ALL],
  ] as Array<[string, Config]>) {
    it(`keeps the same edges, slots and float bits on 1, 2 and 3 threads (${name})`, async () => {
      const whole = project(tables, data.keys.length, cfg);
      const serial = keptOf(whole, cfg.projection.minEdgeWeight);
      const want = contents(serial.store);
      expect(want.length).toBeGreaterThan(cfg.projection.minEdgeWeight === 0 ? whole.size - 1 : 1000);
      for (const workers of [1, 2, 3]) {
        const { store, candidates } = await projectKept(tables, data.keys.length, cfg, workers, 0);
        expect(candidates).toBe(whole.size);
        expect(store.size).toBe(want.length);
        const got = contents(store);
        // A toEqual on 20k strings prints poorly; find the first difference.
        const at = got.findIndex((line, e) => line !== want[e]);
        expect(at === -1 ? null : { workers, got: got[at], want: want[at] }).toBeNull();
        // Slots are in (source, target) order, and every edge is found by its endpoints.
        const wrong: number[] = [];
        for (let s = 0; s < store.size; s++) {
          const ordered = s === 0 || store.source[s - 1] < store.source[s] || (store.source[s - 1] === store.source[s] && store.target[s - 1] < store.target[s]);
          if (!ordered || store.find(store.target[s], store.source[s]) !== s) wrong.push(s);
        }
        expect(wrong).toEqual([]);
      }
    }, 60_000);
  }

  it('splits the edges into disjoint parts that add up to the whole', () => {
    const packed = packTables(tables, FEW_CLIQUES);
    const params = { nodes: data.keys.length, types: 8, maxCliqueKeys: 6, sparseDegree: 3, multiplier: FEW_CLIQUES.coactivity.multiplier };
    const whole = projectPart(packed, params);
    const parts = [0, 1, 2].map((part) => projectPart(packed, params, part, 3));
    expect(parts.reduce((n, p) => n + p.size, 0)).toBe(whole.size);
    for (const p of parts) expect(p.size).toBeGreaterThan(whole.size / 6);
    const misplaced: string[] = [];
    for (let s = 0; s < whole.size; s++) {
      const holders = parts.filter((p) => p.find(whole.source[s], whole.target[s]) >= 0).length;
      if (holders !== 1) misplaced.push(`edge ${whole.source[s]}-${whole.target[s]} is in ${holders} parts`);
    }
    expect(misplaced).toEqual([]);
  });

  it('gives link called with a number of workers what it gives without one', async () => {
    const sync = link(data, DEFAULT_CONFIG, templates);
    const threaded = await link(data, DEFAULT_CONFIG, templates, 2);
    expect(threaded.kept.map((s) => threaded.store.endpoints(s))).toEqual(sync.kept.map((s) => sync.store.endpoints(s)));
    expect(threaded.candidateEdges).toBe(sync.candidateEdges);
    expect(threaded.hubs).toEqual(sync.hubs);
  });
});

describe('worker pool', () => {
  const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

  it('returns results in input order and closes every thread', async () => {
    const pool = startWorkers<number>(fixture('echo-worker.ts'), [1, 2, 3]);
    expect(await pool.results).toEqual([2, 4, 6]);
    await pool.close();
    for (const w of pool.workers) expect(w.threadId).toBe(-1);
  });

  it('rejects when a thread throws, with its error, and does not hang', async () => {
    await expect(runWorkers(fixture('throw-worker.ts'), [7, 8])).rejects.toThrow(/part [78] broke/);
  });

  it('rejects when a thread exits without a result', async () => {
    await expect(runWorkers(fixture('exit-worker.ts'), [1])).rejects.toThrow(/exited with code 3 before sending its result/);
  });
});
