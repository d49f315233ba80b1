/**
 * clusters/<id>.json: one cluster for the viewer. It is built before its
 * keys' positions are known, and they are put in (placeAt) when ForceAtlas2
 * is done (cluster-positions.ts), so that the layout threads can run while
 * this one builds the rest.
 */
import type { Dataset } from '../aggregate/index.ts';
import type { Linked } from '../link/index.ts';
import type { KeyTemplates } from '../prompts/index.ts';
import type { Cluster } from '../output/schemas.ts';
import { accountLegend } from './cluster-accounts.ts';
import { clusterEdges, MAX_CLUSTER_EDGES } from './cluster-edges.ts';
import { clusterNodes } from './cluster-nodes.ts';
import { clusterTemplates } from './cluster-templates.ts';
import type { GraphIndex } from './graph-index.ts';
import { VIEW_VERSION, type ClusterFile } from './schema.ts';
import { clusterTimeline } from './timeline.ts';

export interface ClusterViewContext {
  data: Dataset;
  linked: Linked;
  templates: KeyTemplates | null;
  index: GraphIndex;
  maxValues: number;
  maxEdges?: number;
}

/** A cluster's file, its keys at 0, 0 until placed. */
export function clusterView(cluster: Cluster, c: number, ctx: ClusterViewContext): ClusterFile {
  const { data, linked, templates, index } = ctx;
  const members = index.members[c];
  const slots = index.internal[c];
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
    nodes: clusterNodes(members, legend.colorOf, data, index, templates),
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
