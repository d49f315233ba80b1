/**
 * Mounts sigma on a graph built from a view file. Appearance comes from the pure reducers in
 * reducers.ts, fed the current state and the focus; `refresh()` recomputes the focus and asks
 * sigma to redraw. The graph itself is never changed after it is built.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { edgeReducer, nodeReducer, focusNode, type EdgeAttributes, type Focus, type NodeAttributes } from './reducers.ts';
import type { State } from './state.ts';

export type ViewGraph = Graph<NodeAttributes, EdgeAttributes>;

export interface GraphViewEvents {
  clickNode(node: string): void;
  clickStage(): void;
  enterNode(node: string): void;
  leaveNode(node: string): void;
}

export interface GraphView {
  readonly sigma: Sigma<NodeAttributes, EdgeAttributes>;
  readonly graph: ViewGraph;
  refresh(): void;
  /** Centre the camera on a node (animated). */
  focusOn(node: string): void;
  /** Resolves after the next frame sigma draws. */
  nextRender(): Promise<void>;
  teardown(): void;
}

export function mountGraphView(
  container: HTMLElement,
  graph: ViewGraph,
  level: 'overview' | 'cluster',
  getState: () => State,
  events: GraphViewEvents,
): GraphView {
  let focus: Focus | null = null;
  const computeFocus = () => {
    const node = focusNode(getState(), (n) => graph.hasNode(n));
    focus = node === null ? null : { node, neighbours: new Set(graph.neighbors(node)) };
  };
  computeFocus();

  const sigma = new Sigma<NodeAttributes, EdgeAttributes>(graph, container, {
    settings: {
      renderEdgeLabels: false,
      itemSizesReference: 'screen',
      hideEdgesOnMove: graph.size > 20_000,
      labelDensity: level === 'overview' ? 0.7 : 0.25,
      labelRenderedSizeThreshold: level === 'overview' ? 4 : 8,
      minCameraRatio: 0.02,
      maxCameraRatio: 20,
      stagePadding: 30,
    },
    nodeReducer: (node, _data, attrs) => nodeReducer(getState(), focus, node, attrs),
    edgeReducer: (edge, _data, attrs) => edgeReducer(getState(), focus, graph.source(edge), graph.target(edge), attrs, level),
  });

  const handlers: Array<[string, (payload: { node: string }) => void]> = [
    ['clickNode', ({ node }) => events.clickNode(node)],
    ['enterNode', ({ node }) => events.enterNode(node)],
    ['leaveNode', ({ node }) => events.leaveNode(node)],
  ];
  for (const [name, handler] of handlers) sigma.on(name as 'clickNode', handler);
  const onStage = () => events.clickStage();
  sigma.on('clickStage', onStage);

  return {
    sigma,
    graph,
    refresh() {
      computeFocus();
      sigma.refresh({ skipIndexation: true });
    },
    focusOn(node) {
      const data = sigma.getNodeDisplayData(node);
      if (data === undefined) return;
      const camera = sigma.getCamera();
      void camera.animate({ x: data.x, y: data.y }, { duration: 350 });
    },
    nextRender: () => new Promise<void>((resolve) => sigma.once('afterRender', () => resolve())),
    teardown() {
      sigma.removeAllListeners();
      sigma.kill();
    },
  };
}
