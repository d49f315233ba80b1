/**
 * The stages of the miner that run on the calling thread, shared by the
 * in-thread driver (mine.ts) and the one that puts the per-prompt passes on
 * worker threads (mine-parallel.ts): preparing the rows (ranks, distinct texts,
 * discovery sample), grouping skeletons into clusters and their frames, and,
 * once every prompt has its candidate frames, settling support, folding
 * paraphrases and building the templates. See mine.ts for the order.
 */
import { UserError } from '../util/errors.ts';
import { compareStrings } from '../util/compare.ts';
import { fnv1a, mix32, sha256Hex } from '../util/hash.ts';
import { fillingsOf } from './fillings.ts';
import { foldExtensions } from './fold.ts';
import { extractFrame, type Frame } from './frame.ts';
import { groupSkeletons } from './group.ts';
import { unitWeight } from './normalise.ts';
import { MinerOptionsSchema, type MinerOptions } from './options.ts';
import { detectReasoningElicitation } from './reasoning.ts';
import { paraphrasesToFold } from './paraphrase.ts';
import { CANDIDATES } from './passes.ts';
import { Scratch } from './scratch.ts';
import type { SkeletonParams } from './skeleton.ts';
import type { SkeletonStore } from './skeleton-store.ts';
import type { MinedTemplates, MinerStats, PromptSample, Template } from './types.ts';

export { CANDIDATES } from './passes.ts';

/** Work counters summed over the stages (MinerStats, by another name). */
export interface Work {
  comparisons: number;
  checks: number;
  postings: number;
  candidates: number;
  probes: number;
  capped: number;
  paraphrases: number;
}

export interface Prepared {
  o: MinerOptions;
  rows: PromptSample[];
  n: number;
  byRank: (a: number, b: number) => number;
  /** Per row, the first row with the same text. */
  first: Int32Array;
  /** Rows of the discovery sample, ascending. */
  disc: Int32Array;
  s: Scratch;
  work: Work;
}

export function prepare(samples: Iterable<PromptSample>, options: Partial<MinerOptions>): Prepared {
  const parsed = MinerOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError('E_TEMPLATE_OPTIONS', `templates: ${issue.path.join('.') || 'options'}: ${issue.message}`);
  }
  const o = parsed.data;
  const rows = Array.isArray(samples) ? (samples as PromptSample[]) : [...samples];
  const n = rows.length;
  const rank = new Uint32Array(n);
  for (let i = 0; i < n; i++) rank[i] = orderRank(rows[i]!.prompt, o.seed);
  const byRank = (a: number, b: number) =>
    rank[a] !== rank[b] ? rank[a]! - rank[b]! : compareStrings(rows[a]!.prompt, rows[b]!.prompt) || rows[a]!.timestamp - rows[b]!.timestamp;
  // Rows with the same text share every result that depends on the text alone (frequent in logs:
  // retries, benchmark items), so each distinct text is shingled once per stage.
  const first = firstOfText(rows, rank);
  const disc = discoverySample(rows, o.maxPromptsPerKey, byRank);
  const work = { comparisons: 0, checks: 0, postings: 0, candidates: 0, probes: 0, capped: 0, paraphrases: 0 };
  return { o, rows, n, byRank, first, disc, s: new Scratch(), work };
}

/**
 * The miner's order of rows: a seeded hash of the text, then the text, then
 * the time. Any fixed order of the texts would do; this one (FNV-1a over
 * UTF-16) is the one the goldens were made with. The sampler ranks by
 * murmur3 of the UTF-8 instead, a hash ClickHouse has (sampler.ts); on a
 * sampler's output the discovery sample is every row either way, since the
 * sampler already kept at most maxPromptsPerKey prompts a key.
 */
export function orderRank(prompt: string, seed: number): number {
  return mix32(fnv1a(prompt), seed >>> 0);
}

/** The documents of the document-frequency count: each distinct text of the discovery sample (its first row, ascending) and how many discovery rows carry it. */
export function dfDocuments(p: Prepared): { texts: Int32Array; times: Int32Array } {
  const times = new Int32Array(p.n);
  for (const i of p.disc) times[p.first[i]!]++;
  const texts: number[] = [];
  for (let i = 0; i < p.n; i++) if (times[i]! > 0) texts.push(i);
  return { texts: Int32Array.from(texts), times: Int32Array.from(texts, (i) => times[i]!) };
}

/** The distinct texts of the discovery sample (first rows) in the order of their first discovery row: the order skeletons are stored in. */
export function skeletonTexts(p: Prepared): Int32Array {
  const done = new Uint8Array(p.n);
  const out: number[] = [];
  for (const i of p.disc) {
    const f = p.first[i]!;
    if (done[f]) continue;
    done[f] = 1;
    out.push(f);
  }
  return Int32Array.from(out);
}

/** Rows whose text is the first of its kind: the texts the assignment matches. */
export function distinctTexts(p: Prepared): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < p.n; i++) if (p.first[i] === i) out.push(i);
  return Int32Array.from(out);
}

export function skeletonParams(p: Prepared): SkeletonParams {
  const { o } = p;
  return { ...o, dfMin: Math.max(2, Math.ceil(o.minPrompts * o.frameShare - 1e-9)) };
}

/** Skeletons of the texts of skeletonTexts(p), entry j of skeletons for text j; backoff[j] its entry in backoffs or −1. */
export interface Skeletons {
  texts: Int32Array;
  skeletons: SkeletonStore;
  backoffs: SkeletonStore;
  backoff: Int32Array;
}

/** The frames: candidate clusters of skeletons (both passes), a frame per cluster large enough, folded; sorted by id. */
export function framesOf(p: Prepared, sk: Skeletons): { list: Frame[]; ids: Map<string, string>; clusters: number; frames: number } {
  const { o, rows, first, disc, byRank, s, work } = p;
  const k = o.shingleSize;
  const skeletonOfRow = new Int32Array(p.n).fill(-1);
  const backoffOfRow = new Int32Array(p.n).fill(-1);
  sk.texts.forEach((f, j) => ((skeletonOfRow[f] = j), (backoffOfRow[f] = sk.backoff[j]!)));
  const { skeletons: skeletonStore, backoffs: backoffStore } = sk;

  // 4–5. Candidate clusters and their frames, one per distinct text. Prompts left in clusters
  // too small are grouped again on their backoff skeletons (skeleton.ts).
  const skeletonOfDisc = Int32Array.from(disc, (i) => skeletonOfRow[first[i]!]!);
  const pass1 = groupSkeletons(skeletonStore, skeletonOfDisc, o, work);
  const size = new Int32Array(pass1.clusters);
  for (const c of pass1.cluster) if (c >= 0) size[c]++;
  const retry = Int32Array.from(disc, (i, d) => {
    const c = pass1.cluster[d]!;
    const b = backoffOfRow[first[i]!]!;
    return c >= 0 && size[c]! < o.minPrompts && b >= 0 && backoffStore.length(b) > 0 ? b : -1;
  });
  const pass2 = groupSkeletons(backoffStore, retry, o, work);
  const clusters = pass1.clusters + pass2.clusters;
  const cluster = pass1.cluster.map((c, d) => (retry[d]! >= 0 ? pass1.clusters + pass2.cluster[d]! : c));
  /** The skeleton a discovery prompt was grouped on. */
  const skeletonView = (d: number) => (retry[d]! >= 0 ? backoffStore.view(retry[d]!) : skeletonStore.view(skeletonOfDisc[d]!));
  // Members of the clusters large enough for a frame (most clusters are one free-form prompt).
  const clusterSize = new Int32Array(clusters);
  for (const c of cluster) if (c >= 0) clusterSize[c]++;
  const members = new Map<number, number[]>();
  const discOf = new Map<number, number>();
  disc.forEach((i, d) => {
    const c = cluster[d]!;
    if (c < 0 || clusterSize[c]! < o.minPrompts) return;
    discOf.set(i, d);
    const m = members.get(c);
    if (m) m.push(i);
    else members.set(c, [i]);
  });
  const frames = new Map<string, Frame>();
  for (const c of [...members.keys()].sort((a, b) => a - b)) {
    const m = members.get(c)!;
    const sample = firstBy(m, o.alignSample, byRank);
    const f = extractFrame(
      sample.map((i) => rows[i]!.prompt),
      sample.map((i) => skeletonView(discOf.get(i)!)),
      { ...o, shingleSize: k },
      s,
    );
    if (f && !frames.has(f.text)) frames.set(f.text, f);
  }
  const kept = foldExtensions(
    [...frames.values()].filter((f) => !floating(f, o.floatingChars)),
    o.minRun,
    work,
  );
  const ids = new Map<string, string>();
  for (const f of kept) ids.set(f.text, 't_' + sha256Hex(f.text).slice(0, 12));
  const list = kept.sort((a, b) => compareStrings(ids.get(a.text)!, ids.get(b.text)!));
  return { list, ids, clusters, frames: frames.size };
}

/** Copies each repeated text's candidates from its first row. */
export function copyRepeats(p: Prepared, cand: Int32Array): void {
  for (let i = 0; i < p.n; i++) {
    const f = p.first[i]!;
    if (f < i) cand.copyWithin(i * CANDIDATES, f * CANDIDATES, (f + 1) * CANDIDATES);
  }
}

/**
 * 7. Drops templates below support, folds paraphrases into larger templates,
 * re-routes their prompts and repeats; then the templates.
 */
export function settle(
  p: Prepared,
  framed: ReturnType<typeof framesOf>,
  cand: Int32Array,
  stats?: Partial<MinerStats>,
): MinedTemplates {
  const { o, rows, n, byRank, s, work } = p;
  const { list, ids } = framed;
  const k = o.shingleSize;
  const alive = new Uint8Array(list.length).fill(1);
  const choice = new Int32Array(n);
  const target = Int32Array.from(list, (_, t) => t);
  const listPieces = list.map((f) => f.pieces);
  const frameShingles = list.map((f) => f.shingles);
  const listIds = list.map((f) => ids.get(f.text)!);
  const byKey = rowsByKey(rows);
  for (;;) {
    settleSupport(rows, byKey, list, cand, alive, choice, o);
    const members: number[][] = list.map(() => []);
    choice.forEach((t, i) => t >= 0 && members[t]!.push(i));
    const folds = paraphrasesToFold(
      {
        pieces: listPieces,
        shingles: frameShingles,
        ids: listIds,
        choice,
        sampleOf: (t) => firstBy(members[t]!, o.alignSample, byRank).map((i) => rows[i]!.prompt),
        minContainment: o.minContainment,
        shingleSize: k,
      },
      s,
    );
    if (folds.length === 0) break;
    for (const [t, b] of folds) (alive[t] = 0), (target[t] = b);
    for (let j = 0; j < cand.length; j++) {
      let t = cand[j]!;
      if (t < 0) continue;
      while (target[t] !== t) t = target[t]!;
      cand[j] = t;
    }
    work.paraphrases += folds.length;
  }

  const result = finish(rows, list, ids, choice, byRank, o, s);
  if (stats) {
    Object.assign(stats, {
      prompts: n,
      discovery: p.disc.length,
      clusters: framed.clusters,
      frames: framed.frames,
      templates: result.templates.length,
      skeletonComparisons: work.comparisons,
      foldChecks: work.checks,
      postings: work.postings,
      candidates: work.candidates,
      probes: work.probes,
      capped: work.capped,
      paraphrases: work.paraphrases,
    } satisfies MinerStats);
  }
  return result;
}

/** Chooses each prompt's best live candidate, dropping templates below support until none is. */
function settleSupport(
  rows: PromptSample[],
  byKey: { order: Int32Array; starts: Int32Array },
  list: Frame[],
  cand: Int32Array,
  alive: Uint8Array,
  choice: Int32Array,
  o: MinerOptions,
): void {
  const n = rows.length;
  for (;;) {
    for (let i = 0; i < n; i++) {
      choice[i] = -1;
      for (let j = 0; j < CANDIDATES; j++) {
        const t = cand[i * CANDIDATES + j]!;
        if (t >= 0 && alive[t]) {
          choice[i] = t;
          break;
        }
      }
    }
    // Prompts and distinct keys per template, going through the rows key by key.
    const count = new Int32Array(list.length);
    const keys = new Int32Array(list.length);
    const lastKey = new Int32Array(list.length).fill(-1);
    const { order, starts } = byKey;
    for (let g = 0; g + 1 < starts.length; g++) {
      for (let r = starts[g]!; r < starts[g + 1]!; r++) {
        const t = choice[order[r]!]!;
        if (t < 0) continue;
        count[t]++;
        if (lastKey[t] !== g) (lastKey[t] = g), keys[t]++;
      }
    }
    let dropped = false;
    list.forEach((f, t) => {
      const verbatim = !f.leading && !f.trailing && f.pieces.length === 1;
      const minKeys = verbatim ? Math.max(o.minKeys, o.minKeysVerbatim) : o.minKeys;
      if (alive[t] && (count[t]! < o.minPrompts || keys[t]! < minKeys)) (alive[t] = 0), (dropped = true);
    });
    if (!dropped) return;
  }
}

/**
 * A frame that is one stretch of at most maxChars between a leading and a
 * trailing slot has no position in its prompts: the mark of a recurring
 * filling (a stock or viral sentence quoted inside unrelated prompts), not
 * of a framing, which keeps its place. Such "templates" would tie unrelated
 * keys together through shared content, and would take prompts from the
 * popular frame around them by being longer, so they are dropped by default;
 * their prompts go to their next-best frame. Longer stretches are kept: a
 * long instruction between two fillings is more likely a framing.
 */
function floating(f: Frame, maxChars: number): boolean {
  if (!f.leading || !f.trailing || f.pieces.length !== 1) return false;
  const piece = f.pieces[0]!;
  let w = 0;
  for (let i = 0; i < piece.length && w <= maxChars; i++) w += unitWeight(piece.charCodeAt(i));
  return w <= maxChars;
}

/**
 * The `count` first of `ids` in `cmp` order, sorted: a bounded max-heap rather than a sort of
 * them all. Ties under byRank are rows with the same text and time, interchangeable here.
 */
function firstBy(ids: readonly number[], count: number, cmp: (a: number, b: number) => number): number[] {
  if (ids.length <= count) return ids.slice().sort(cmp);
  const heap: number[] = [];
  if (count <= 0) return heap;
  for (const id of ids) {
    if (heap.length < count) {
      let i = heap.length;
      heap.push(id);
      while (i > 0) {
        const up = (i - 1) >> 1;
        if (cmp(heap[i]!, heap[up]!) <= 0) break;
        [heap[i], heap[up]] = [heap[up]!, heap[i]!];
        i = up;
      }
    } else if (cmp(id, heap[0]!) < 0) {
      heap[0] = id;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let top = i;
        if (l < count && cmp(heap[l]!, heap[top]!) > 0) top = l;
        if (r < count && cmp(heap[r]!, heap[top]!) > 0) top = r;
        if (top === i) break;
        [heap[i], heap[top]] = [heap[top]!, heap[i]!];
        i = top;
      }
    }
  }
  return heap.sort(cmp);
}

/**
 * Per row, the index of the first row with the same prompt: an open-addressing table of first
 * rows over the prompts' ranks (a hash of the text), texts compared only when ranks are equal;
 * a Map of a million strings costs their hashing and much garbage.
 */
function firstOfText(rows: PromptSample[], rank: Uint32Array): Int32Array {
  const n = rows.length;
  let cap = 1024;
  while (cap < 2 * n) cap *= 2;
  const mask = cap - 1;
  const cellRow = new Int32Array(cap).fill(-1);
  const cellRank = new Uint32Array(cap);
  const first = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const h = rank[i]!;
    const text = rows[i]!.prompt;
    for (let c = h & mask; ; c = (c + 1) & mask) {
      const j = cellRow[c]!;
      if (j < 0) {
        cellRow[c] = i;
        cellRank[c] = h;
        first[i] = i;
        break;
      }
      if (cellRank[c] === h && rows[j]!.prompt === text) {
        first[i] = j;
        break;
      }
    }
  }
  return first;
}

/**
 * Row indices grouped by key (rows of one key contiguous, ascending; `starts` are the groups'
 * bounds): a counting sort over the keys, or over dense ids from a Map when the keys are not small
 * non-negative integers (key indices).
 */
function rowsByKey(rows: PromptSample[]): { order: Int32Array; starts: Int32Array } {
  const n = rows.length;
  const id = new Int32Array(n);
  let ids = 0;
  let small = true;
  for (let i = 0; i < n && small; i++) {
    const key = rows[i]!.key;
    if (Number.isInteger(key) && key >= 0 && key <= 4 * n + 1024) (id[i] = key), (ids = Math.max(ids, key + 1));
    else small = false;
  }
  if (!small) {
    const dense = new Map<number, number>();
    ids = 0;
    for (let i = 0; i < n; i++) {
      const key = rows[i]!.key;
      let d = dense.get(key);
      if (d === undefined) dense.set(key, (d = ids++));
      id[i] = d;
    }
  }
  const at = new Int32Array(ids + 1);
  for (let i = 0; i < n; i++) at[id[i]! + 1]++;
  const starts: number[] = [];
  for (let d = 0; d < ids; d++) {
    if (at[d + 1]! > 0) starts.push(at[d]!);
    at[d + 1] += at[d]!;
  }
  starts.push(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[at[id[i]!]!++] = i;
  return { order, starts: Int32Array.from(starts) };
}

/** Input indices of the discovery sample, ascending. */
function discoverySample(rows: PromptSample[], cap: number, byRank: (a: number, b: number) => number): Int32Array {
  if (cap === 0) return Int32Array.from(rows, (_, i) => i);
  const { order, starts } = rowsByKey(rows);
  const keep = new Int32Array(rows.length);
  let kept = 0;
  for (let g = 0; g + 1 < starts.length; g++) {
    const l = order.subarray(starts[g]!, starts[g + 1]!);
    if (l.length > cap) l.sort(byRank);
    for (let j = 0; j < Math.min(cap, l.length); j++) keep[kept++] = l[j]!;
  }
  return keep.subarray(0, kept).sort();
}

function finish(
  rows: PromptSample[],
  list: Frame[],
  ids: Map<string, string>,
  choice: Int32Array,
  byRank: (a: number, b: number) => number,
  o: MinerOptions,
  s: Scratch,
): MinedTemplates {
  const byTemplate: number[][] = list.map(() => []);
  choice.forEach((t, i) => t >= 0 && byTemplate[t]!.push(i));
  const built: Array<{ old: number; template: Template }> = [];
  byTemplate.forEach((m, t) => {
    if (m.length === 0) return;
    const f = list[t]!;
    let first = Infinity;
    let last = -Infinity;
    const keys = new Set<number>();
    for (const i of m) {
      const r = rows[i]!;
      keys.add(r.key);
      if (r.timestamp < first) first = r.timestamp;
      if (r.timestamp > last) last = r.timestamp;
    }
    const examples: string[] = [];
    if (f.leading || f.trailing || f.pieces.length > 1) {
      // Members by rank until the examples are found: the first few by selection, the rest sorted only if needed.
      const few = Math.max(16, 4 * o.maxExamples);
      const add = (i: number) => {
        const e = fillingsOf(rows[i]!.prompt, f.pieces, f.leading, f.trailing, s, o.shingleSize, o.exampleChars);
        if (e && !examples.includes(e)) examples.push(e);
      };
      const head = firstBy(m, few, byRank);
      for (let j = 0; j < head.length && examples.length < o.maxExamples; j++) add(head[j]!);
      if (examples.length < o.maxExamples && m.length > few) {
        const all = m.slice().sort(byRank);
        for (let j = few; j < all.length && examples.length < o.maxExamples; j++) add(all[j]!);
      }
    }
    const { reasoning, cues } = detectReasoningElicitation(f.text);
    built.push({
      old: t,
      template: {
        id: ids.get(f.text)!,
        text: f.text,
        prompts: m.length,
        keys: [...keys].sort((a, b) => a - b),
        firstSeen: first,
        lastSeen: last,
        examples,
        reasoning,
        reasoningCues: cues,
      },
    });
  });
  built.sort((a, b) => b.template.prompts - a.template.prompts || compareStrings(a.template.id, b.template.id));
  const remap = new Int32Array(list.length).fill(-1);
  built.forEach((b, j) => (remap[b.old] = j));
  const assignment = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) assignment[i] = choice[i]! >= 0 ? remap[choice[i]!]! : -1;
  return { templates: built.map((b) => b.template), assignment };
}
