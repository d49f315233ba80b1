/**
 * Scoring: features, risk and reasons for each cluster, then the ranking
 * (risk descending, ties by id). Cluster ids come from the smallest member
 * key, so they do not depend on run order and survive a cluster growing.
 */
import type { Dataset } from '../aggregate/index.ts';
import type { Config } from '../config/schema.ts';
import type { ValueTable } from '../link/index.ts';
import type { KeyTemplates } from '../prompts/index.ts';
import type { Cluster } from '../output/schemas.ts';
import { compareStrings } from '../util/compare.ts';
import { sha256Hex } from '../util/hash.ts';
import { median } from '../util/stats.ts';
import { clusterEvidence } from './cluster-evidence.ts';
import { computeFeatures, type ScoreContext } from './features.ts';
import { scoreRisk } from './risk.ts';

export { SCORERS } from './risk.ts';

export function clusterId(smallestMember: string): string {
  return `c_${sha256Hex(smallestMember).slice(0, 10)}`;
}

export function scoreClusters(
  clusters: number[][],
  data: Dataset,
  tables: ValueTable[],
  config: Config,
  templates: KeyTemplates | null = null,
): Cluster[] {
  const ctx: ScoreContext = {
    data,
    config,
    templates,
    tables: new Map(tables.map((t) => [t.type, t])),
    medianOutputTokens: median(data.keys.map((k) => k.outputTokens)),
  };
  const scored = clusters.map((members) => {
    const features = computeFeatures(members, ctx);
    const { risk, scores, reasons } = scoreRisk(features, config);
    const accounts = [...new Set(members.map((i) => data.keyAccount[i]).filter((a) => a >= 0))]
      .map((a) => data.accounts[a].id)
      .sort(compareStrings);
    return {
      id: clusterId(data.keys[members[0]].id),
      rank: 0,
      risk,
      size: members.length,
      members: members.map((i) => data.keys[i].id),
      accounts,
      features: { ...features, scores },
      reasons,
      evidence: clusterEvidence(members, data, tables),
    } satisfies Cluster;
  });
  scored.sort((a, b) => b.risk - a.risk || compareStrings(a.id, b.id));
  scored.forEach((c, i) => (c.rank = i + 1));
  return scored;
}
