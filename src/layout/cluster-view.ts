/**
 * clusters/<id>.json: one cluster for the viewer. Its keys are placed by
 * ForceAtlas2 over all its internal edges (the file lists only the strongest),
 * from positions seeded by the build's seed and the cluster's id, so a
 * cluster's layout does not depend on the other clusters.
 */
import type { Dataset } from '../aggregate/index.ts';
import type { Linked } from '../link/index.ts';
import type { KeyTemplates } from '../prompts/index.ts';
import type { Cluster } from '../output/schemas.ts';
import { mix32 } from '../util/hash.ts';
import { accountLegend } from './cluster-accounts.ts';
import { clusterEdges, MAX_CLUSTER_EDGES } from './cluster-edges.ts';
import { clusterNodes } from './cluster-nodes.ts';
import { clusterTemplates } from './cluster-templates.ts';
import { forceLayout } from './force.ts';
import type { GraphIndex } from './graph-index.ts';
import { VIEW_VERSION, type ClusterFile } from './schema.ts';
import { clusterTimeline } from './timeline.ts';

export interface ClusterViewContext {
  data: Dataset;
  linked: Linked;
  templates: KeyTemplates | null;
  index: GraphIndex;
  seed: number;
  maxValues: number;
  maxEdges?: number;
}

/** Seed of one cluster's layout: the build's seed mixed with the cluster id's hex digits. */
export const clusterSeed = (seed: number, id: string) => mix32(seed >>> 0, parseInt(id.slice(2, 10), 16));

export function clusterLayout(members: Int32Array, slots: number[], linked: Linked, seed: number): Float64Array {
  const local = new Map<number, number>();
  members.forEach((key, m) => local.set(key, m));
  const source = new Int32Array(slots.length);
  const target = new Int32Array(slots.length);
  const weight = new Float64Array(slots.length);
  slots.forEach((slot, e) => {
    source[e] = local.get(linked.store.source[slot])!;
    target[e] = local.get(linked.store.target[slot])!;
    weight[e] = linked.store.total(slot);
  });
  return forceLayout({ nodes: members.length, source, target, weight }, seed);
}

export function clusterView(cluster: Cluster, c: number, ctx: ClusterViewContext): ClusterFile {
  const { data, linked, templates, index } = ctx;
  const members = index.members[c];
  const slots = index.internal[c];
  const positions = clusterLayout(members, slots, linked, clusterSeed(ctx.seed, cluster.id));
  const legend = accountLegend(members, data);
  const ev = cluster.evidence;
  return {
    version: VIEW_VERSION,
    id: cluster.id,
    rank: cluster.rank,
    risk: cluster.risk,
    reasons: cluster.reasons,
    features: cluster.features,
    accounts: legend.accounts,
    nodes: clusterNodes(members, positions, legend.colorOf, data, index, templates),
    ...clusterEdges(data, linked, slots, ctx.maxValues, ctx.maxEdges ?? MAX_CLUSTER_EDGES),
    // Values shared by 2+ keys, as the score stage found them (hubs left out).
    shared: {
      ips: ev.ip ?? [],
      prefixes: ev.prefix ?? [],
      payments: ev.payment ?? [],
      email_domains: ev.email_domain ?? [],
      user_agents: ev.user_agent ?? [],
      signup_ips: ev.signup_ip ?? [],
    },
    templates: clusterTemplates(members, data, templates).map(({ onlyKey: _, ...t }) => t),
    timeline: clusterTimeline(members, data),
    attribution: cluster.attribution ?? null,
  };
}
