/** The build's stages in process, from hand-made records to the view files. */
import { cluster } from '../../src/cluster/index.ts';
import { supportedMembers } from '../../src/cluster/support.ts';
import { DEFAULT_CONFIG, type Config } from '../../src/config/schema.ts';
import { layout } from '../../src/layout/index.ts';
import { link } from '../../src/link/index.ts';
import type { AccountRecord, EventRecord } from '../../src/model.ts';
import { scoreClusters } from '../../src/score/index.ts';
import { dataset } from '../helpers/records.ts';

export function runStages(events: EventRecord[], accounts: AccountRecord[], options: { config?: Config; maxEdges?: number; seed?: number } = {}) {
  const cfg = options.config ?? DEFAULT_CONFIG;
  const seed = options.seed ?? 1;
  const data = dataset(events, accounts, cfg);
  const linked = link(data, cfg);
  const edges = linked.kept.map((s) => linked.store.endpoints(s));
  const weights = linked.kept.map((s) => linked.store.total(s));
  const clustering = cluster(data.keys.length, edges, weights, cfg, seed, (m) => supportedMembers(m, data, linked.tables, cfg.cluster.minSupport));
  const clusters = scoreClusters(clustering.clusters, data, linked.tables, cfg, null);
  const view = layout({ data, linked, clusters, templates: null, config: cfg, seed, maxEdges: options.maxEdges });
  /** Kept-edge slot between two keys, by id. */
  const slotOf = (a: string, b: string) => {
    const i = data.keys.findIndex((k) => k.id === a);
    const j = data.keys.findIndex((k) => k.id === b);
    return linked.store.find(i, j);
  };
  return { data, linked, clusters, view, slotOf };
}
