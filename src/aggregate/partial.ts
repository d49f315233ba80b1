/**
 * A partial aggregate: what one Aggregator holds, drained into columns so it
 * can cross threads (typed arrays transferred, names cloned) and be merged
 * into another. Ingest workers each aggregate the pieces they parse and the
 * main thread merges their parts at the end; every figure is a sum, a min/max
 * or a count of pairs, so the merge gives the Dataset that one thread reading
 * every row would, whatever went where.
 */
import type { PairList } from './pair-counter.ts';
import type { WindowList } from './windows.ts';

export interface PartialAggregate {
  /** Key ids by the part's arrival number; every column below is indexed by it. */
  keys: string[];
  requests: Float64Array;
  inputTokens: Float64Array;
  outputTokens: Float64Array;
  first: Float64Array;
  last: Float64Array;
  /** Pairs of (arrival number, value): hours since the epoch, or ids into the name lists. */
  hourly: PairList;
  ips: PairList;
  userAgents: PairList;
  accounts: PairList;
  ipNames: string[];
  userAgentNames: string[];
  accountNames: string[];
  windows: WindowList;
}

/** The buffers of a part that can be transferred rather than copied. */
export function partBuffers(p: PartialAggregate): ArrayBuffer[] {
  const lists = [p.hourly, p.ips, p.userAgents, p.accounts];
  return [
    p.requests, p.inputTokens, p.outputTokens, p.first, p.last,
    ...lists.flatMap((l) => [l.key, l.value, l.count]),
    p.windows.ip, p.windows.key, p.windows.window,
  ].map((a) => a.buffer as ArrayBuffer);
}
