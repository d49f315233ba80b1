/**
 * Which graph items can look different after the focus (hovered or selected node) or the
 * selected key changes, so that sigma re-applies the reducers to those alone instead of to the
 * whole graph. Pure: it reads the two foci and the edges of a node, nothing else. The reducers in
 * reducers.ts stay the only source of appearance; this only narrows where they are re-run, and
 * follows them: a node's look depends on the filters, the selected key, whether it is the focus,
 * a neighbour of it (and how many neighbours there are) or neither, and whether anything is
 * dimmed; an edge's look on the filters, whether it touches the focus, and whether anything is
 * dimmed or hidden.
 */
import type { Focus } from './reducers.ts';

/** Items whose look may have changed, or 'all' when every item may have. */
export type FocusChange = { nodes: string[]; edges: string[] } | 'all';

/** What the items away from the focus get: nothing, a dim colour, or (edges) hidden. */
export function focusRegime(focus: Focus | null): 'none' | 'dim' | 'hide' {
  if (focus === null || focus.neighbours.size === 0) return 'none';
  return focus.otherEdges ?? 'dim';
}

export function focusChange(
  previous: { focus: Focus | null; key: string | null },
  next: { focus: Focus | null; key: string | null },
  /** The edges of a node in the graph. */
  edgesOf: (node: string) => Iterable<string>,
): FocusChange {
  // Everything away from the focus is dimmed, or no longer is: every item changes.
  if (focusRegime(previous.focus) !== focusRegime(next.focus)) return 'all';
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const key of [previous.key, next.key]) if (key !== null) nodes.add(key);
  const same = previous.focus?.node === next.focus?.node && previous.key === next.key;
  if (same) return { nodes: [], edges: [] };
  for (const focus of [previous.focus, next.focus]) {
    if (focus === null) continue;
    nodes.add(focus.node);
    // A neighbour's look depends on the focus (its label shows when there are few of them).
    for (const n of focus.neighbours) nodes.add(n);
    for (const e of edgesOf(focus.node)) edges.add(e);
  }
  return { nodes: [...nodes], edges: [...edges] };
}
