/**
 * One sigma renderer and one graph for the page; `show` empties the graph and fills it with the
 * overview or a cluster (a new renderer per view would compile its WebGL programs again, which
 * costs hundreds of milliseconds with software rendering; and sigma 4.0.4's setGraph leaves its
 * edge-group index on the first graph, so edges added later to a swapped-in graph throw).
 * Appearance comes from the pure reducers in reducers.ts, fed the current state and the focus;
 * `refresh()` recomputes the focus and asks sigma to re-apply them to every item and redraw;
 * `refreshFocus()`, for a change of the hovered node or selected key only, re-applies them to the
 * items focus-change.ts names (the two foci, their neighbours and edges, the two keys) — about a
 * hundred items instead of the whole graph. Only loading data changes the graph: `show`, and a
 * cluster's lighter edges appended after its first paint.
 *
 * Hover costs, measured under software WebGL (bench/viewer.ts, docs/viewer.md): the script of a
 * full refresh is ~100 ms for 11k edges, but a frame of 11k edges costs the GPU process ~1 s, and
 * the page's main thread waits for it. So besides the partial refresh: edges away from the focus
 * are hidden rather than dimmed in dense graphs (reducers.ts), and sigma's own re-render on every
 * pointer enter and leave (to restyle the item under the pointer) is left out: our next refresh
 * restyles that item (see skipStateRenders).
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { focusChange } from './focus-change.ts';
import { edgeReducer, nodeReducer, focusNode, otherEdgesFor, type EdgeAttributes, type Focus, type NodeAttributes } from './reducers.ts';
import type { State } from './state.ts';

export type ViewGraph = Graph<NodeAttributes, EdgeAttributes>;
export type Level = 'overview' | 'cluster';

export interface GraphViewEvents {
  clickNode(node: string, level: Level): void;
  clickStage(level: Level): void;
  enterNode(node: string): void;
  leaveNode(node: string): void;
}

export interface GraphView {
  readonly sigma: Sigma<NodeAttributes, EdgeAttributes>;
  /** Empty the graph, let `fill` load a view into it, and show it with the camera reset. */
  show(fill: (graph: ViewGraph) => void, level: Level): void;
  /** The page's one graph (append edges to it to draw them). */
  graph(): ViewGraph;
  /** Re-apply the reducers to every item and redraw (a new graph, filters, appended edges). */
  refresh(): void;
  /** Re-apply the reducers to the items that the change of hovered node or selected key touches. */
  refreshFocus(): void;
  /** Centre the camera on a node (animated). */
  focusOn(node: string): void;
  teardown(): void;
}

export function mountGraphView(container: HTMLElement, getState: () => State, events: GraphViewEvents): GraphView {
  const graph: ViewGraph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: false });
  let level: Level = 'overview';
  let focus: Focus | null = null;
  /** The selected key the items were last reduced with. */
  let key: string | null = null;
  const computeFocus = () => {
    const state = getState();
    const node = focusNode(state, (n) => graph.hasNode(n));
    focus = node === null ? null : { node, neighbours: new Set(graph.neighbors(node)), otherEdges: otherEdgesFor(graph.size) };
    key = state.key;
  };

  const sigma = new Sigma<NodeAttributes, EdgeAttributes>(graph, container, {
    settings: {
      renderEdgeLabels: false,
      itemSizesReference: 'screen',
      labelDensity: 0.5,
      labelRenderedSizeThreshold: 6,
      minCameraRatio: 0.02,
      maxCameraRatio: 20,
      stagePadding: 30,
      allowInvalidContainer: true,
    },
    nodeReducer: (node, _data, attrs) => nodeReducer(getState(), focus, node, attrs),
    edgeReducer: (edge, _data, attrs) => edgeReducer(getState(), focus, graph.source(edge), graph.target(edge), attrs, level),
  });

  skipStateRenders(sigma);

  sigma.on('clickNode', ({ node }) => events.clickNode(node, level));
  sigma.on('enterNode', ({ node }) => events.enterNode(node));
  sigma.on('leaveNode', ({ node }) => events.leaveNode(node));
  sigma.on('clickStage', () => events.clickStage(level));

  return {
    sigma,
    show(fill, nextLevel) {
      level = nextLevel;
      graph.clear();
      fill(graph);
      computeFocus();
      sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      sigma.refresh();
    },
    graph: () => graph,
    refresh() {
      computeFocus();
      sigma.refresh();
    },
    refreshFocus() {
      const previous = { focus, key };
      computeFocus();
      const change = focusChange(previous, { focus, key }, (node) => graph.edges(node));
      if (change === 'all') {
        sigma.refresh();
        return;
      }
      const { nodes, edges } = change;
      if (nodes.length === 0 && edges.length === 0) return;
      // Edges: re-reduced and rewritten in place. Where the others are hidden nothing is drawn
      // under the focus's edges, so their order does not matter and sigma need not re-sort all
      // edges; where they are dimmed it must (the focus's edges come on top by zIndex).
      try {
        if (edges.length > 0) sigma.refresh({ partialGraph: { edges }, skipIndexation: focus?.otherEdges === 'hide', schedule: true });
        // Nodes: re-reduced, then re-sorted by zIndex (the focus and its neighbours come on top),
        // which reprocesses the nodes but runs no reducer. This call draws the frame.
        sigma.refresh({ partialGraph: { nodes } });
      } catch {
        // An edge appended since the last frame has no place in sigma's buffers yet.
        sigma.refresh();
      }
    },
    focusOn(node) {
      const data = sigma.getNodeDisplayData(node);
      if (data === undefined) return;
      void sigma.getCamera().animate({ x: data.x, y: data.y }, { duration: 350 });
    },
    teardown() {
      sigma.removeAllListeners();
      sigma.kill();
    },
  };
}

/**
 * Sigma re-renders the whole scene on each pointer enter and leave, to restyle the item under the
 * pointer (its default styles lift a hovered node to the top layer and give it a backdrop). The
 * viewer shows hover through its reducers after a debounce, so that frame shows nothing new, and
 * under software WebGL a frame of a dense cluster costs about a second, which the highlight then
 * waits behind. Nor is the state-only refresh it would run cheap: sigma treats reducers as
 * depending on its graph-level state, so when "something is hovered" flips it re-applies ours to
 * every item. Sigma's item states stay current and are read whenever the reducers are re-applied
 * to an item; every hover change the viewer shows re-applies them to the old and new hovered node
 * (refreshFocus), so those get sigma's hover style then. This replaces a private method of sigma
 * 4.0.4 (pinned); if it is gone, nothing is changed.
 */
function skipStateRenders(sigma: Sigma<NodeAttributes, EdgeAttributes>) {
  const internals = sigma as unknown as { scheduleStateRefresh?: unknown };
  if (typeof internals.scheduleStateRefresh !== 'function') return;
  internals.scheduleStateRefresh = () => {};
}
