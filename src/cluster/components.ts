/**
 * Connected components inside each community. Louvain can return a community
 * whose parts are joined only through other communities (Traag et al. 2019,
 * the flaw Leiden fixes); such a community is split into its components.
 */
import type { EdgeList } from './edge-list.ts';

export function splitDisconnected(nodes: number, edges: Pick<EdgeList, 'source' | 'target'>, community: Int32Array): number[][] {
  const { source, target } = edges;
  // Adjacency restricted to edges inside one community, as CSR.
  const degree = new Int32Array(nodes + 1);
  for (let e = 0; e < source.length; e++) {
    const a = source[e];
    const b = target[e];
    if (community[a] !== community[b]) continue;
    degree[a + 1]++;
    degree[b + 1]++;
  }
  for (let i = 0; i < nodes; i++) degree[i + 1] += degree[i];
  const fill = degree.slice(0, nodes);
  const adjacency = new Int32Array(degree[nodes]);
  for (let e = 0; e < source.length; e++) {
    const a = source[e];
    const b = target[e];
    if (community[a] !== community[b]) continue;
    adjacency[fill[a]++] = b;
    adjacency[fill[b]++] = a;
  }
  const seen = new Uint8Array(nodes);
  const parts: number[][] = [];
  for (let start = 0; start < nodes; start++) {
    if (seen[start] || community[start] < 0) continue;
    const part = [start];
    seen[start] = 1;
    for (let head = 0; head < part.length; head++) {
      const node = part[head];
      for (let e = degree[node]; e < degree[node + 1]; e++) {
        const next = adjacency[e];
        if (!seen[next]) {
          seen[next] = 1;
          part.push(next);
        }
      }
    }
    parts.push(part.sort((x, y) => x - y));
  }
  return parts;
}
