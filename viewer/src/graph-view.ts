/**
 * One sigma renderer and one graph for the page; `show` empties the graph and fills it with the
 * overview or a cluster (a new renderer per view would compile its WebGL programs again, which
 * costs hundreds of milliseconds with software rendering; and sigma 4.0.4's setGraph leaves its
 * edge-group index on the first graph, so edges added later to a swapped-in graph throw).
 * Appearance comes from the pure reducers in reducers.ts, fed the current state and the focus;
 * `refresh()` recomputes the focus and asks sigma to redraw. Only loading data changes the graph:
 * `show`, and a cluster's lighter edges appended after its first paint.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { edgeReducer, nodeReducer, focusNode, type EdgeAttributes, type Focus, type NodeAttributes } from './reducers.ts';
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
  refresh(): void;
  /** Centre the camera on a node (animated). */
  focusOn(node: string): void;
  teardown(): void;
}

export function mountGraphView(container: HTMLElement, getState: () => State, events: GraphViewEvents): GraphView {
  const graph: ViewGraph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: false });
  let level: Level = 'overview';
  let focus: Focus | null = null;
  const computeFocus = () => {
    const node = focusNode(getState(), (n) => graph.hasNode(n));
    focus = node === null ? null : { node, neighbours: new Set(graph.neighbors(node)) };
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
