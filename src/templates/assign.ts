/**
 * Assignment of prompts to frames by containment (Broder 1997): a prompt
 * matches a frame when it holds ≥ minContainment of the frame's shingles,
 * whatever else it holds, so long fillings and fillings at any position do
 * not matter, and a framing with a changed word still matches. Of the frames
 * a prompt matches, the one with the best score wins, score = shingles
 * matched − shingles missing (then more matched, the larger frame, the lower
 * index): a prompt of "You are a helpful assistant. Translate to French: <*>"
 * also contains the popular "You are a helpful assistant. <*>" but goes to
 * the former, which it matches entirely and which is longer, while a prompt of
 * "… Problem: <*>" does not go to a frame "… Problem: the <*>" that a common
 * first word of the fillings made, which it matches all but one word of.
 *
 * Candidates come from prefix filtering (Chaudhuri, Ganti & Kaushik 2006;
 * Bayardo, Ma & Srikant 2007): a frame of n shingles that needs h = ⌈c·n⌉ of
 * them is posted only under its n − h + 1 rarest shingles (fewest frames
 * holding them, then hash), since a prompt missing all of those misses more
 * than n − h. Counting hits over every posting of every shingle instead costs
 * frames × prompts once shingles as common as "ing the " sit in thousands of
 * frames (recurring stock sentences make such frames). Each candidate is then
 * verified exactly against a set of the prompt's shingles, so the matches are
 * those of the full count.
 *
 * Verification looks up only the frame's shingles after its prefix and stops
 * at the first miss too many; candidates go best possible score first, so a
 * prompt inside many frames fully verifies only those that can still enter
 * its short list.
 *
 * Crafted input can still make many frames share their rare shingles, so the
 * work per prompt is capped: posting lists are walked shortest first up to
 * maxCandidates × VISITS_PER_CANDIDATE postings, and at most maxCandidates
 * frames (most prefix hits first, then lower index) are verified. Honest
 * prompts rarely reach the caps: on the generated benchmark logs the
 * candidate cap binds only for prompts strung together from many recurring
 * sentences, and the templates and assignment equal the uncapped ones.
 */
import { U32Table } from './hash-table.ts';
import { PostingLists } from './posting-lists.ts';
import type { Scratch } from './scratch.ts';

/** Work counters of FrameIndex.match, summed over calls. */
export interface MatchStats {
  /** Posting-list entries walked. */
  postings: number;
  /** Frames verified against a prompt. */
  candidates: number;
  /** Frame shingles looked up in a prompt's set during verification. */
  probes: number;
  /** Prompts whose walk or candidate list hit a cap. */
  capped: number;
}

const VISITS_PER_CANDIDATE = 16;

export class FrameIndex {
  /** Each frame's shingles, rarest first (fewest frames holding them, then hash); the first prefix[t] are posted. */
  private readonly frames: Uint32Array[];
  private readonly prefix: Int32Array;
  /** Prefix shingle → frames. */
  private readonly lists: PostingLists;
  private readonly sizes: Int32Array;
  /** Fewest shingles a prompt must hold to match the frame. */
  private readonly need: Int32Array;
  private readonly hits: Int32Array;
  /** Best score a candidate can still reach. */
  private readonly ubs: Int32Array;
  private readonly candStamp: Int32Array;
  private readonly cands: Int32Array;
  private readonly maxVisits: number;
  private stamp = 0;
  // The prompt's distinct shingles (a stamped open-addressing set), and the lists they open.
  private setKeys = new Uint32Array(1024);
  /** Mask of the set for the current prompt: sized to it, so a long prompt once seen does not spread later sets over the cache. */
  private setMask = 63;
  private setStamp = new Int32Array(1024);
  private open = new Int32Array(1024);

  constructor(
    frames: ReadonlyArray<Uint32Array>,
    minContainment: number,
    private readonly maxCandidates = 64,
  ) {
    // 1. Frames per shingle (a frame's shingles are distinct).
    let total = 0;
    for (const f of frames) total += f.length;
    const ff = new U32Table(total);
    for (const f of frames) for (let i = 0; i < f.length; i++) ff.a[ff.slot(f[i]!, 0)]!++;
    // 2. Each frame's shingles rarest first, and its prefix: the n − h + 1 rarest.
    this.sizes = Int32Array.from(frames, (f) => f.length);
    this.need = Int32Array.from(frames, (f) => Math.max(1, Math.ceil(minContainment * f.length)));
    this.prefix = Int32Array.from(frames, (f, t) => f.length - this.need[t]! + 1);
    this.frames = frames.map((f) => {
      const rarity = new Map<number, number>();
      for (const h of f) rarity.set(h, ff.a[ff.find(h)]!);
      return f.slice().sort((x, y) => rarity.get(x)! - rarity.get(y)! || x - y);
    });
    let posted = 0;
    for (const p of this.prefix) posted += p;
    const keys = new Uint32Array(posted);
    const values = new Int32Array(posted);
    posted = 0;
    this.frames.forEach((f, t) => {
      for (let i = 0; i < this.prefix[t]!; i++) (keys[posted] = f[i]!), (values[posted++] = t);
    });
    this.lists = new PostingLists(keys, values);
    this.hits = new Int32Array(frames.length);
    this.ubs = new Int32Array(frames.length);
    this.candStamp = new Int32Array(frames.length);
    this.cands = new Int32Array(frames.length);
    this.maxVisits = maxCandidates * VISITS_PER_CANDIDATE;
  }

  /**
   * Frames the loaded prompt (all shingles) matches, best first, written into
   * out (at most out.length); returns how many.
   */
  match(s: Scratch, out: Int32Array, stats?: MatchStats): number {
    const stamp = ++this.stamp;
    const { need, hits, candStamp, cands } = this;
    const { cells, values } = this.lists;
    // 1. The prompt's distinct shingles, and the posting lists they open (cell offsets).
    const distinct = this.loadSet(s.hashes, s.count, stamp);
    const open = this.open;
    let nOpen = 0;
    let total = 0;
    for (let i = 0; i < distinct; i++) {
      const c = this.lists.find(open[i]!);
      if (c < 0) continue;
      open[nOpen++] = c;
      total += cells[c + 2]! - cells[c + 1]!;
    }
    // 2. Walk them, shortest first when they exceed the budget, counting prefix hits per frame.
    let walkCut = false;
    const lists = open.subarray(0, nOpen);
    if (total > this.maxVisits) lists.sort((x, y) => cells[x + 2]! - cells[x + 1]! - (cells[y + 2]! - cells[y + 1]!) || cells[x]! - cells[y]!);
    let nCands = 0;
    let visits = 0;
    walk: for (let l = 0; l < nOpen; l++) {
      const c = lists[l]!;
      for (let e = cells[c + 1]!; e < cells[c + 2]!; e++) {
        if (visits === this.maxVisits) {
          walkCut = true;
          break walk;
        }
        visits++;
        const t = values[e]!;
        if (need[t]! > distinct) continue;
        if (candStamp[t] !== stamp) {
          candStamp[t] = stamp;
          hits[t] = 0;
          cands[nCands++] = t;
        }
        hits[t]++;
      }
    }
    // 3. Too many candidates: keep those with the most prefix hits.
    let chosen = cands.subarray(0, nCands);
    const capped = walkCut || nCands > this.maxCandidates;
    if (nCands > this.maxCandidates) chosen = sortByKeyDesc(chosen, hits).subarray(0, this.maxCandidates);
    // 4. Verify exactly, into the short best-first list. After a whole walk the prefix hits p are
    // exact, so only the rest of the frame is looked up, with p − 1 misses left to spend (the
    // prefix already missed prefix − p of the size − need allowed; PPJoin, Xiao et al. 2008).
    // Candidates go by their best possible score, size − 2 × misses so far, and once the list is
    // full a candidate stops as soon as it can no longer beat the last entry: a prompt inside many
    // frames (stock sentences that recur as frames of their own) looks up only the few best.
    const { sizes, prefix, ubs } = this;
    for (let j = 0; j < chosen.length; j++) {
      const t = chosen[j]!;
      ubs[t] = walkCut ? sizes[t]! : sizes[t]! - 2 * (prefix[t]! - hits[t]!);
    }
    sortByKeyDesc(chosen, ubs);
    let probes = 0;
    let n = 0;
    const full = out.length;
    for (let j = 0; j < chosen.length; j++) {
      const t = chosen[j]!;
      const size = sizes[t]!;
      // Entering a full list needs score ≥ the last entry's (ties are decided by better()).
      const floor = n === full ? 2 * hits[out[full - 1]!]! - sizes[out[full - 1]!]! : -Infinity;
      if (ubs[t]! < floor) break;
      const f = this.frames[t]!;
      const from = walkCut ? 0 : prefix[t]!;
      let h = walkCut ? 0 : hits[t]!;
      let miss = walkCut ? 0 : prefix[t]! - h;
      const allowed = Math.min(size - need[t]!, Math.floor((size - floor) / 2));
      for (let i = from; i < size && miss <= allowed; i++) {
        probes++;
        if (this.inSet(f[i]!, stamp)) h++;
        else miss++;
      }
      if (miss > allowed) continue;
      hits[t] = h;
      let pos = Math.min(n, full);
      while (pos > 0 && this.better(t, out[pos - 1]!)) pos--;
      if (pos >= full) continue;
      for (let q = Math.min(n, full - 1); q > pos; q--) out[q] = out[q - 1]!;
      out[pos] = t;
      if (n < full) n++;
    }
    if (stats) {
      stats.postings += visits;
      stats.candidates += chosen.length;
      stats.probes += probes;
      if (capped) stats.capped++;
    }
    return n;
  }

  /** Loads hashes[0, count) into the set; writes the distinct ones to this.open and returns their number. */
  private loadSet(hashes: Uint32Array, count: number, stamp: number): number {
    if (count * 2 > this.setKeys.length) {
      let cap = this.setKeys.length;
      while (cap < count * 2) cap *= 2;
      this.setKeys = new Uint32Array(cap);
      this.setStamp = new Int32Array(cap);
      this.open = new Int32Array(cap);
    }
    const { setKeys, setStamp, open } = this;
    let cap = 64;
    while (cap < count * 2) cap *= 2;
    const mask = (this.setMask = cap - 1);
    let distinct = 0;
    for (let i = 0; i < count; i++) {
      const k = hashes[i]! >>> 0;
      let j = k & mask;
      let dup = false;
      while (setStamp[j] === stamp) {
        if (setKeys[j] === k) {
          dup = true;
          break;
        }
        j = (j + 1) & mask;
      }
      if (dup) continue;
      setStamp[j] = stamp;
      setKeys[j] = k;
      open[distinct++] = k;
    }
    return distinct;
  }

  private inSet(key: number, stamp: number): boolean {
    const { setKeys, setStamp, setMask: mask } = this;
    const k = key >>> 0;
    for (let j = k & mask; setStamp[j] === stamp; j = (j + 1) & mask) if (setKeys[j] === k) return true;
    return false;
  }

  /** Score = shingles matched − shingles missing; then more matched, larger frame, lower index. */
  private better(a: number, b: number): boolean {
    const ha = this.hits[a]!;
    const hb = this.hits[b]!;
    const sa = 2 * ha - this.sizes[a]!;
    const sb = 2 * hb - this.sizes[b]!;
    if (sa !== sb) return sa > sb;
    if (ha !== hb) return ha > hb;
    if (this.sizes[a] !== this.sizes[b]) return this.sizes[a]! > this.sizes[b]!;
    return a < b;
  }
}

/** Sorts frame indices by key[t] descending, then index ascending: insertion sort for the usual few, else the built-in sort. */
function sortByKeyDesc(ts: Int32Array, key: Int32Array): Int32Array {
  if (ts.length > 48) return ts.sort((x, y) => key[y]! - key[x]! || x - y);
  for (let i = 1; i < ts.length; i++) {
    const t = ts[i]!;
    const kt = key[t]!;
    let j = i - 1;
    for (; j >= 0; j--) {
      const u = ts[j]!;
      if (key[u]! > kt || (key[u] === kt && u < t)) break;
      ts[j + 1] = u;
    }
    ts[j + 1] = t;
  }
  return ts;
}
