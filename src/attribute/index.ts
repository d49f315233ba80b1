/**
 * Attribution: clusters to known actors. Each indicator of the actors file is
 * matched against the input (match.ts); in every cluster holding matched
 * keys, an actor's indicators are weighed by type, confidence and
 * specificity (confidence.ts) and its label propagates from the matched keys
 * over the cluster's kept edges (propagate.ts). The actor with the highest
 * confidence at or above minConfidence is the cluster's attribution; every
 * other actor with evidence there is a candidate. An actor whose indicators
 * match nothing in a cluster has no evidence in it, so it is never
 * attributed there.
 */
import { basename } from 'node:path';
import { z } from 'zod';
import { keyIndexOf, ownerOf, type Dataset } from '../aggregate/index.ts';
import type { Linked } from '../link/index.ts';
import type { KeyTemplates } from '../prompts/index.ts';
import { rarityWeight } from '../link/rarity.ts';
import { compareStrings } from '../util/compare.ts';
import { roundTo } from '../util/stats.ts';
import { combineEvidence, indicatorWeight } from './confidence.ts';
import type { LoadedActors } from './load-actors.ts';
import { Matcher, type IndicatorMatch } from './match.ts';
import { propagate, type ClusterGraph } from './propagate.ts';
import type { Attribution, AttributionFile, Candidate, MatchedIndicator } from './schema.ts';

export { loadActors, parseActors, type LoadedActors } from './load-actors.ts';
export * from './schema.ts';

export const DEFAULTS = Object.freeze({
  minConfidence: 0.5,
  firmWeight: 1.5,
  minTemplateCoverage: 0.8,
  maxIds: 20,
  /** As linking's default (src/link/rarity.ts). */
  rarityExponent: 0.5,
});

export const AttributeOptionsSchema = z
  .object({
    /** @default 0.5 */
    minConfidence: z.number().min(0).max(1).default(DEFAULTS.minConfidence).describe('least confidence for a cluster to be attributed'),
    /** @default 1.5 */
    firmWeight: z.number().positive().default(DEFAULTS.firmWeight).describe('edge weight that passes an actor label on whole'),
    /** @default 0.8 */
    minTemplateCoverage: z.number().min(0).max(1).default(DEFAULTS.minTemplateCoverage).describe('two-way character coverage a template indicator needs'),
  })
  .strict();
export type AttributeOptions = z.infer<typeof AttributeOptionsSchema>;

/** The parts of a scored cluster attribution reads. */
export interface ClusterRef {
  id: string;
  members: string[];
}

export interface ClusterAttribution {
  attribution: Attribution | null;
  candidates: Candidate[];
}

export interface AttributeInput {
  actors: LoadedActors;
  clusters: readonly ClusterRef[];
  data: Dataset;
  linked: Linked;
  templates: KeyTemplates | null;
  options?: Partial<AttributeOptions>;
}

export interface AttributeResult {
  /** Aligned with the input clusters. */
  clusters: ClusterAttribution[];
  file: AttributionFile;
}

/** Each cluster's members and its internal kept edges. */
function clusterGraphs(clusters: readonly ClusterRef[], data: Dataset, linked: Linked): { graphs: ClusterGraph[]; clusterOf: Int32Array; local: Int32Array } {
  const clusterOf = new Int32Array(data.keys.length).fill(-1);
  const local = new Int32Array(data.keys.length).fill(-1);
  const members = clusters.map((c, ci) => {
    const keys = Int32Array.from(c.members.map((id) => keyIndexOf(data, id)).filter((k) => k >= 0)).sort();
    keys.forEach((k, m) => {
      clusterOf[k] = ci;
      local[k] = m;
    });
    return keys;
  });
  const edges = clusters.map(() => ({ s: [] as number[], t: [] as number[], w: [] as number[] }));
  for (const slot of linked.kept) {
    const [i, j] = linked.store.endpoints(slot);
    const c = clusterOf[i];
    if (c < 0 || c !== clusterOf[j]) continue;
    edges[c].s.push(local[i]);
    edges[c].t.push(local[j]);
    edges[c].w.push(linked.store.total(slot));
  }
  const graphs = members.map((m, c) => ({
    members: m,
    source: Int32Array.from(edges[c].s),
    target: Int32Array.from(edges[c].t),
    weight: Float64Array.from(edges[c].w),
  }));
  return { graphs, clusterOf, local };
}

const r3 = (x: number) => roundTo(x, 3);

export function attribute(input: AttributeInput): AttributeResult {
  const options = AttributeOptionsSchema.parse(input.options ?? {});
  const { data, linked, clusters } = input;
  const actors = input.actors.file.actors;
  const matcher = new Matcher({
    data,
    tables: new Map(linked.tables.map((t) => [t.type, t])),
    templates: input.templates,
    minTemplateCoverage: options.minTemplateCoverage,
  });
  const matches: IndicatorMatch[][] = actors.map((a) => a.indicators.map((i) => matcher.match(i)));
  const { graphs, clusterOf } = clusterGraphs(clusters, data, linked);

  // Per cluster, per actor: the indicators that matched keys in it, with those keys.
  const hits = clusters.map(() => new Map<number, Array<{ i: number; keys: number[] }>>());
  matches.forEach((perIndicator, a) =>
    perIndicator.forEach((m, i) => {
      const byCluster = new Map<number, number[]>();
      for (const k of m.keys) {
        const c = clusterOf[k];
        if (c < 0) continue;
        let list = byCluster.get(c);
        if (list === undefined) byCluster.set(c, (list = []));
        list.push(k);
      }
      for (const [c, keys] of byCluster) {
        let perActor = hits[c].get(a);
        if (perActor === undefined) hits[c].set(a, (perActor = []));
        perActor.push({ i, keys });
      }
    }),
  );

  const ids = (values: string[]) => values.slice(0, DEFAULTS.maxIds);
  const results: ClusterAttribution[] = clusters.map((_, c) => {
    const scored: Attribution[] = [];
    for (const [a, list] of hits[c]) {
      const actor = actors[a];
      const indicators: MatchedIndicator[] = list.map(({ i, keys }) => {
        const indicator = actor.indicators[i];
        const m = matches[a][i];
        const owners = new Set(keys.map((k) => ownerOf(data, k)));
        const accounts = [...new Set(keys.map((k) => data.keyAccount[k]).filter((x) => x >= 0))].map((x) => data.accounts[x].id).sort(compareStrings);
        const specificity = m.holders === 0 ? 0 : Math.min(1, Math.max(owners.size / m.holders, rarityWeight(m.holders, DEFAULTS.rarityExponent)));
        return {
          type: indicator.type,
          value: indicator.value,
          matched_in: {
            key_count: keys.length,
            account_count: accounts.length,
            keys: ids(keys.map((k) => data.keys[k].id)),
            accounts: ids(accounts),
          },
          accounts_holding: m.holders,
          hub: m.hub,
          specificity: r3(specificity),
          weight: r3(indicatorWeight(indicator.type, indicator.confidence, specificity)),
        };
      });
      indicators.sort((x, y) => y.weight - x.weight || compareStrings(x.type, y.type) || compareStrings(x.value, y.value));
      const evidence = combineEvidence(indicators.map((x) => x.weight));
      const seeds = new Set(list.flatMap((x) => x.keys));
      const p = propagate(graphs[c], seeds, options.firmWeight);
      const from = [...seeds].sort((x, y) => x - y).map((k) => data.keys[k].id);
      const text =
        p.edges === 0
          ? `${from.length === 1 ? 'matched key' : `${from.length} matched keys`} only`
          : `propagated from ${from.length === 1 ? `key ${from[0]}` : `${from.length} matched keys`} over ${p.edges} edge${p.edges === 1 ? '' : 's'} to ${p.reached} of ${graphs[c].members.length} keys`;
      scored.push({
        actor: actor.name,
        description: actor.description,
        confidence: r3(evidence * p.share),
        evidence: r3(evidence),
        indicators,
        propagated: { from: ids(from), keys: p.reached, edges: p.edges, share: r3(p.share), text },
      });
    }
    scored.sort((x, y) => y.confidence - x.confidence || y.evidence - x.evidence || compareStrings(x.actor, y.actor));
    const best = scored[0];
    const attributed = best !== undefined && best.evidence > 0 && best.confidence >= options.minConfidence ? best : null;
    const candidates = scored
      .filter((s) => s !== attributed && s.evidence > 0)
      .map((s) => ({ actor: s.actor, confidence: s.confidence, evidence: s.evidence, indicators: s.indicators.length }));
    return { attribution: attributed, candidates };
  });

  const file: AttributionFile = {
    version: 1,
    actors_file: { path: basename(input.actors.path), sha256: input.actors.sha256 },
    min_confidence: options.minConfidence,
    actors: actors.map((actor, a) => ({
      name: actor.name,
      indicators: actor.indicators.length,
      matched: matches[a].filter((m) => m.keys.length > 0).length,
      unmatchable: actor.indicators
        .map((ind, i) => ({ ind, m: matches[a][i] }))
        .filter(({ m }) => m.unmatchable !== null)
        .map(({ ind, m }) => ({ type: ind.type, value: ind.value, reason: m.unmatchable! })),
      clusters: clusters.filter((_, c) => results[c].attribution?.actor === actor.name).map((c) => c.id),
      candidate_in: clusters.filter((_, c) => results[c].candidates.some((x) => x.actor === actor.name)).map((c) => c.id),
    })),
  };
  return { clusters: results, file };
}
