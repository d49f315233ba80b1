/**
 * One sigma renderer for the page; the overview and each cluster are graphs swapped into it
 * with `show` (a new renderer per view would compile its WebGL programs again, which costs
 * hundreds of milliseconds with software rendering). Appearance comes from the pure reducers in
 * reducers.ts, fed the current state and the focus; `refresh()` recomputes the focus and asks
 * sigma to redraw. Graphs are never changed after they are built.
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
  /** Show a graph, camera reset. */
  show(graph: ViewGraph, level: Level): void;
  graph(): ViewGraph;
  refresh(): void;
  /** Centre the camera on a node (animated). */
  focusOn(node: string): void;
  teardown(): void;
}

export function mountGraphView(container: HTMLElement, getState: () => State, events: GraphViewEvents): GraphView {
  let graph: ViewGraph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected' });
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
    show(next, nextLevel) {
      graph = next;
      level = nextLevel;
      computeFocus();
      const hideEdgesOnMove = next.size > 20_000;
      if (sigma.getSetting('hideEdgesOnMove') !== hideEdgesOnMove) sigma.setSetting('hideEdgesOnMove', hideEdgesOnMove);
      sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      sigma.setGraph(next);
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
