/**
 * One streaming pass over edges.jsonl. It finds, for the shared values a
 * report lists, how many accounts hold each value in the whole input (edge
 * evidence carries that count), and keeps the edges the graph exports need.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { UserError } from '../util/errors.ts';

export interface EdgeValue {
  value: string;
  accounts: number;
  keys: number;
  coactive?: boolean;
}
export interface EdgeRow {
  source: string;
  target: string;
  weight: number;
  cluster: string | null;
  evidence: Record<string, { weight: number; shared: number; values: EdgeValue[] }>;
}

export interface EdgeScan {
  /** `type \0 value` → distinct accounts holding it in the input. */
  inputAccounts: Map<string, number>;
}

export const valueKey = (type: string, value: string) => `${type}\u0000${value}`;

/**
 * @param wanted `valueKey`s whose input account counts are wanted
 * @param keys keys whose edges go to `onEdge` (null: none)
 * @param onEdge called, in file order, with each edge whose two ends are in `keys`
 */
export async function scanEdges(dir: string, wanted: Set<string>, keys: Set<string> | null, onEdge?: (edge: EdgeRow) => void): Promise<EdgeScan> {
  const inputAccounts = new Map<string, number>();
  const path = join(dir, 'edges.jsonl');
  const stream = createReadStream(path, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) =>
    stream.on('error', () => reject(new UserError('E_OUT', `${path} is missing or unreadable; rebuild with sybilscope build`))),
  );
  failed.catch(() => {});
  let lineNo = 0;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const read = (async () => {
    for await (const line of lines) {
      lineNo++;
      if (line === '') continue;
      let edge: EdgeRow;
      try {
        edge = JSON.parse(line) as EdgeRow;
      } catch {
        throw new UserError('E_OUT', `${path}:${lineNo} is not valid JSON; rebuild with sybilscope build`);
      }
      if (typeof edge !== 'object' || edge === null || typeof edge.evidence !== 'object' || edge.evidence === null)
        throw new UserError('E_OUT', `${path}:${lineNo} is not an edge (source, target, weight, cluster, evidence)`);
      if (wanted.size > 0)
        for (const [type, ev] of Object.entries(edge.evidence))
          for (const v of ev.values) {
            const k = valueKey(type, v.value);
            if (wanted.has(k) && !inputAccounts.has(k)) inputAccounts.set(k, v.accounts);
          }
      if (keys !== null && keys.has(edge.source) && keys.has(edge.target)) onEdge?.(edge);
    }
  })();
  await Promise.race([read, failed]);
  return { inputAccounts };
}
