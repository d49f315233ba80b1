/**
 * Wiring: the store, the URL hash, the graph view and the panels. Every change goes through the
 * store; this file only decides what to redraw when the state changes.
 *
 * Timings for bench/viewer.ts: performance marks `overview:rendered` (first paint of the
 * overview graph) and measures `drilldown` (cluster chosen → its graph painted with its
 * strongest links) and `drilldown:all` (… with all its links).
 */
import { mountHashSync } from './controllers/hash-sync.ts';
import { createHoverController } from './controllers/hover.ts';
import { mountKeyboard } from './controllers/keyboard.ts';
import { createDataSource } from './data.ts';
import { el, formatNumber } from './dom.ts';
import { download, exportPng } from './export-png.ts';
import { mountGraphView, type GraphView } from './graph-view.ts';
import { addClusterEdges, clusterGraph, FIRST_EDGES, overviewGraph } from './graphs.ts';
import { renderBreadcrumb } from './panels/breadcrumb.ts';
import { renderClusterDetail } from './panels/cluster-detail.ts';
import { renderClusterList } from './panels/cluster-list.ts';
import { renderFilters } from './panels/filters.ts';
import { renderKeyDetail } from './panels/key-detail.ts';
import { renderClusterLegend, renderOverviewLegend } from './panels/legend.ts';
import { renderRunSummary } from './panels/run-summary.ts';
import { renderTooltip, type TooltipSubject } from './panels/tooltip.ts';
import { mountSearchBox } from './panels/search-box.ts';
import { createStore, INITIAL_STATE, sameFilters, type Action, type State } from './state.ts';
import type { ClusterEdge, ClusterFile, OverviewFile } from './types.ts';
import { parseHash } from './url.ts';

performance.mark('viewer:start');

const $ = (id: string) => {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`#${id} is missing from index.html`);
  return element;
};

const ui = {
  breadcrumb: $('breadcrumb'),
  search: $('search'),
  fit: $('fit') as HTMLButtonElement,
  export: $('export') as HTMLButtonElement,
  filters: $('filters'),
  list: $('cluster-list'),
  graph: $('graph'),
  legend: $('legend'),
  status: $('status'),
  tooltip: $('tooltip'),
  panel: $('panel'),
};

const store = createStore({ ...INITIAL_STATE, ...parseHash(window.location.hash) });
const data = createDataSource();
const dispatch = (action: Action) => store.dispatch(action);
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** What is on screen: the overview or one cluster, with its loaded file. */
interface Shown {
  cluster: string | null;
  file: ClusterFile | null;
  /** Edges of each key in the cluster file, strongest first. */
  edgesOf: Map<string, ClusterEdge[]>;
}

let overview: OverviewFile;
let graphView: GraphView;
let shown: Shown | null = null;
/** Increases with each view change, so that a slow load does not draw over a newer view. */
let generation = 0;
let filtersShown = INITIAL_STATE.filters;
let filtersFromUi = false;
let teardownLegend = () => {};

const hover = createHoverController((node) => dispatch({ type: 'hover', node }));
const search = mountSearchBox(ui.search, {
  load: () => data.search(),
  onQuery: (query) => dispatch({ type: 'query', query }),
  onChoose: (entry) => {
    if (entry.key !== null) dispatch({ type: 'selectKey', cluster: entry.cluster, key: entry.key });
    else dispatch({ type: 'openCluster', cluster: entry.cluster });
  },
});

function setStatus(text: string, kind: 'info' | 'error' = 'info') {
  ui.status.textContent = text;
  ui.status.dataset.kind = kind;
  ui.status.hidden = text === '';
}

function overviewNode(id: string) {
  return overview.nodes.find((n) => n.id === id) ?? null;
}

function indexEdges(file: ClusterFile): Map<string, ClusterEdge[]> {
  const index = new Map<string, ClusterEdge[]>();
  const add = (key: string, edge: ClusterEdge) => {
    const list = index.get(key);
    if (list === undefined) index.set(key, [edge]);
    else list.push(edge);
  };
  for (const edge of file.edges) {
    add(edge.source, edge);
    add(edge.target, edge);
  }
  return index;
}

function mountView(cluster: string | null, file: ClusterFile | null) {
  teardownLegend();
  graphView.show((graph) => (file === null ? overviewGraph(overview, graph) : clusterGraph(file, FIRST_EDGES, graph)), file === null ? 'overview' : 'cluster');
  // A hover from the previous graph (the pointer moved while the file loaded) is stale.
  hover.reset();
  if (store.get().hovered !== null) dispatch({ type: 'hover', node: null });
  const presentTypes = new Set<string>((file === null ? overview.links : file.edges).flatMap((e) => e.types));
  teardownLegend = file === null ? renderOverviewLegend(ui.legend, overview) : renderClusterLegend(ui.legend, file, presentTypes);
  shown = { cluster, file, edgesOf: file === null ? new Map() : indexEdges(file) };
}

function unmountShown() {
  teardownLegend();
  teardownLegend = () => {};
  graphView.show(() => {}, 'cluster');
  shown = null;
}

/** Show the view the state asks for: load the cluster file if needed, then mount its graph. */
async function showView(state: State) {
  const token = ++generation;
  if (state.cluster === null) {
    mountView(null, null);
    setStatus('');
  } else if (overviewNode(state.cluster) === null) {
    unmountShown();
    setStatus(`no cluster ${state.cluster} in this run`, 'error');
    renderPanel(store.get());
    document.body.dataset.view = 'missing';
    return;
  } else {
    performance.mark('drilldown:start');
    setStatus('loading cluster…');
    let file: ClusterFile;
    try {
      file = await data.cluster(state.cluster);
    } catch (error) {
      if (token !== generation) return;
      setStatus(`cannot load cluster ${state.cluster}: ${(error as Error).message}`, 'error');
      unmountShown();
      renderPanel(store.get());
      document.body.dataset.view = 'error';
      return;
    }
    if (token !== generation) return;
    performance.mark('drilldown:loaded');
    mountView(state.cluster, file);
    performance.mark('drilldown:mounted');
    setStatus(file.edge_stats.dropped > 0 ? `showing the strongest ${formatNumber(file.edge_stats.shown)} of ${formatNumber(file.edge_stats.total)} links` : '');
  }
  const current = store.get();
  renderPanel(current);
  renderFiltersPanel(current);
  performance.mark(state.cluster === null ? 'overview:panels' : 'drilldown:panels');
  if (current.key !== null) graphView.focusOn(current.key);
  await nextFrame();
  if (token !== generation) return;
  if (state.cluster === null) {
    if (performance.getEntriesByName('overview:rendered').length === 0) {
      performance.mark('overview:rendered');
      performance.measure('overview:first-render', 'viewer:start', 'overview:rendered');
    }
  } else {
    performance.mark('drilldown:end');
    performance.measure('drilldown', 'drilldown:start', 'drilldown:end');
    const file = shown?.file;
    if (file && file.edges.length > FIRST_EDGES) {
      // The strongest links are on screen; the rest follow (sigma indexes appended edges at once).
      setStatus(`drawing ${formatNumber(file.edges.length - FIRST_EDGES)} more links…`);
      await nextFrame();
      if (token !== generation) return;
      addClusterEdges(graphView.graph(), file, FIRST_EDGES);
      const now = store.get();
      if (now.key !== null || now.hovered !== null) graphView.refresh(); // the focus gained neighbours
      await nextFrame();
      if (token !== generation) return;
      setStatus(file.edge_stats.dropped > 0 ? `showing the strongest ${formatNumber(file.edge_stats.shown)} of ${formatNumber(file.edge_stats.total)} links` : '');
    }
    performance.mark('drilldown:all');
    performance.measure('drilldown:all', 'drilldown:start', 'drilldown:all');
  }
  document.body.dataset.view = state.cluster === null ? 'overview' : `cluster:${state.cluster}`;
}

function renderPanel(state: State) {
  if (shown === null || shown.file === null || state.cluster !== shown.cluster) {
    if (state.cluster === null) renderRunSummary(ui.panel, overview);
    else ui.panel.replaceChildren();
    return;
  }
  const file = shown.file;
  const onSelectKey = (key: string) => dispatch({ type: 'selectKey', key });
  const node = state.key === null ? null : file.nodes.find((n) => n.id === state.key) ?? null;
  if (node !== null) {
    renderKeyDetail(ui.panel, { file, node, edges: shown.edgesOf.get(node.id) ?? [], onSelectKey, onClose: () => dispatch({ type: 'selectKey', key: null }) });
  } else {
    renderClusterDetail(ui.panel, { file, color: overviewNode(file.id)?.color ?? '#888888', onSelectKey });
    if (state.key !== null) ui.panel.prepend(el('p', { class: 'notice', text: `key ${state.key} is not in this cluster` }));
  }
  ui.panel.scrollTop = 0;
}

function renderFiltersPanel(state: State) {
  filtersShown = state.filters;
  const file = shown?.file ?? null;
  renderFilters(ui.filters, {
    filters: state.filters,
    types: overview.run.evidence_types,
    maxWeight: file === null ? 1 : file.edges[0]?.weight ?? 1,
    onToggleType: (type) => fromUi({ type: 'toggleType', evidence: type }),
    onMinWeight: (value) => fromUi({ type: 'minWeight', value }),
    onMinRisk: (value) => fromUi({ type: 'minRisk', value }),
  });
}

/** A filter change made in the filter panel, which already shows it. */
function fromUi(action: Action) {
  filtersFromUi = true;
  try {
    dispatch(action);
  } finally {
    filtersFromUi = false;
  }
}

function renderHoverCard(state: State) {
  const node = state.hovered;
  let subject: TooltipSubject | null = null;
  if (node !== null && shown !== null && graphView.graph().hasNode(node)) {
    if (shown.file === null) {
      const cluster = overviewNode(node);
      if (cluster !== null) subject = { kind: 'cluster', node: cluster };
    } else {
      const key = shown.file.nodes.find((n) => n.id === node);
      if (key !== undefined) subject = { kind: 'key', node: key, links: shown.edgesOf.get(key.id)?.length ?? 0 };
    }
  }
  const data = subject === null || node === null ? undefined : graphView.sigma.getNodeDisplayData(node);
  renderTooltip(ui.tooltip, subject, data === undefined ? null : graphView.sigma.framedGraphToViewport(data));
}

function renderList(state: State) {
  renderClusterList(ui.list, { nodes: overview.nodes, current: state.cluster, minRisk: state.filters.minRisk, onOpen: (cluster) => dispatch({ type: 'openCluster', cluster }) });
}

function renderCrumbs(state: State) {
  const node = state.cluster === null ? null : overviewNode(state.cluster);
  renderBreadcrumb(ui.breadcrumb, {
    cluster: state.cluster === null ? null : { id: state.cluster, rank: node?.rank ?? null },
    key: state.key,
    onOverview: () => dispatch({ type: 'navigate', view: { cluster: null, key: null, filters: store.get().filters } }),
    onCluster: () => dispatch({ type: 'selectKey', key: null }),
  });
}

/** Refresh the graph for a new hovered node, with the marks bench/viewer.ts reads. */
function refreshForHover(node: string | null) {
  const name = node === null ? 'unhover' : 'hover';
  performance.mark(`${name}:refresh`);
  graphView.refreshFocus();
  performance.measure(`${name}:script`, `${name}:refresh`);
  if (node === null || performance.getEntriesByName('hover:enter').length === 0) return;
  requestAnimationFrame(() => {
    performance.mark('hover:painted');
    performance.measure('hover', 'hover:enter', 'hover:painted');
  });
}

function onChange(state: State, previous: State) {
  if (state.cluster !== previous.cluster) {
    void showView(state);
  } else {
    // A change of the hovered node or selected key (or of none of the graph's inputs, as when
    // typing a search) re-applies the reducers to the items it touches; filters, to all.
    const focusOnly = sameFilters(state.filters, previous.filters);
    if (focusOnly && state.key === previous.key && state.hovered !== previous.hovered) refreshForHover(state.hovered);
    else if (focusOnly) graphView.refreshFocus();
    else graphView.refresh();
    if (state.key !== previous.key) {
      renderPanel(state);
      if (state.key !== null) graphView.focusOn(state.key);
    }
  }
  if (state.hovered !== previous.hovered || state.cluster !== previous.cluster) renderHoverCard(state);
  if (state.cluster !== previous.cluster || state.filters.minRisk !== previous.filters.minRisk) renderList(state);
  if (state.cluster !== previous.cluster || state.key !== previous.key) renderCrumbs(state);
  if (filtersFromUi) filtersShown = state.filters;
  else if (!sameFilters(state.filters, filtersShown)) renderFiltersPanel(state);
}

async function start() {
  setStatus('loading overview…');
  try {
    overview = await data.overview();
  } catch (error) {
    setStatus(`cannot load data/overview.json: ${(error as Error).message}`, 'error');
    document.body.dataset.view = 'error';
    return;
  }
  graphView = mountGraphView(ui.graph, store.get, {
    clickNode: (node, level) => (level === 'overview' ? dispatch({ type: 'openCluster', cluster: node }) : dispatch({ type: 'selectKey', key: node })),
    clickStage: () => {
      if (store.get().key !== null) dispatch({ type: 'selectKey', key: null });
    },
    enterNode: (node) => {
      performance.mark('hover:enter');
      hover.enter(node);
    },
    leaveNode: (node) => hover.leave(node),
  });
  const state = store.get();
  renderList(state);
  renderCrumbs(state);
  store.subscribe(onChange);
  mountHashSync(store, window);
  mountKeyboard(document, {
    back: () => dispatch({ type: 'back' }),
    focusSearch: () => search.focus(),
    fit: () => void graphView.sigma.getCamera().reset({ duration: 300 }),
  });
  ui.fit.addEventListener('click', () => void graphView.sigma.getCamera().reset({ duration: 300 }));
  ui.export.addEventListener('click', () => void saveImage());
  exposeHooks();
  await showView(state);
}

async function saveImage() {
  if (shown === null) return;
  const state = store.get();
  const name = state.cluster === null ? 'overview' : state.key === null ? state.cluster : `${state.cluster}-${state.key}`;
  try {
    const blob = await exportPng(graphView.sigma, { caption: `sybilscope · ${name}` });
    download(blob, `sybilscope-${name.replace(/[^A-Za-z0-9_.-]+/g, '_')}.png`);
  } catch (error) {
    setStatus(`export failed: ${(error as Error).message}`, 'error');
  }
}

/** Read-only hooks for automation (the end-to-end tests): the state, and where a node is drawn. */
function exposeHooks() {
  const hooks = Object.freeze({
    state: () => store.get(),
    /** A node's position in page pixels, or null when it is not drawn. */
    nodePosition(node: string): { x: number; y: number } | null {
      const data = graphView.sigma.getNodeDisplayData(node);
      if (data === undefined || data.visibility === 'hidden') return null;
      const at = graphView.sigma.framedGraphToViewport(data);
      const box = ui.graph.getBoundingClientRect();
      return { x: box.left + at.x, y: box.top + at.y };
    },
  });
  Object.defineProperty(window, '__sybilscope', { value: hooks });
}

void start();
