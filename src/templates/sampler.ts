/**
 * Bounded sampling that does not depend on arrival order: bottom-k sampling
 * (Cohen & Kaplan 2007) per key under a total budget. Each prompt gets the
 * rank mix32(murmur3(UTF-8 of the text), seed), ties broken by text and then
 * timestamp. ClickHouse computes the same rank in SQL (murmurHash3_32, then
 * mix32 in UInt64 arithmetic), so a cluster can keep each key's bottom-k
 * itself and send only that (src/source/clickhouse/events-sql.ts).
 *
 * Per key: a key keeps the maxPerKey prompts of smallest rank, so the same
 * multiset of prompts gives the same sample in any order. A max-heap per key
 * makes an add O(log k).
 *
 * Total budget (maxPrompts): the sample is S(k, τ) = per key, its k prompts of
 * smallest rank among those with rank < τ. (k, τ) walks down a fixed ladder
 * whenever the sample outgrows the budget: k = maxPerKey, maxPerKey − 1, …, 1
 * with τ = 2^32 (no threshold), then k = 1 with τ = ⌊2^32 × 0.875^j⌋,
 * j = 1, 2, … (down to τ = 0, which keeps nothing, so the walk ends). Cutting
 * k first keeps every key in the sample as long as it can: with τ alone a
 * key of 25 prompts at a 4% threshold keeps nothing 36% of the time, and a
 * key with no sampled prompt can carry no template evidence.
 *
 * Why the final sample does not depend on the row order. Write |S_r(D)| for
 * the size of rung r's sample of the rows D.
 *   (a) Nested: rung r + 1 has k' ≤ k and τ' ≤ τ, and the prompts of a key
 *       below τ' are a rank prefix of those below τ, so S_{r+1}(D) is
 *       S_r(D) with, per key, the prompts at or above τ' and those past the
 *       k'-th removed. Stepping down evicts from the sample held; nothing
 *       dropped earlier is needed again.
 *   (b) Streaming: S_r(D ∪ {x}) is computed from S_r(D) and x alone
 *       (bottom-k), so while at rung r the sampler holds S_r(rows so far).
 *   (c) Monotone: |S_r(P)| ≤ |S_r(D)| for a prefix P of D (a key's count
 *       below τ only grows as rows arrive, and so does min(k, count)).
 * The sampler leaves rung r only when |S_r(P)| > maxPrompts for some prefix P,
 * so by (c) |S_r(D)| > maxPrompts too; it ends on a rung where the whole of D
 * fits. Hence it ends on r* = the first rung with |S_r*(D)| ≤ maxPrompts, a
 * function of the multiset D alone, holding S_r*(D) by (a) and (b). Under
 * the budget r* = 0: the plain per-key bottom-k, unchanged. Memory holds at
 * most maxPrompts prompts at any time (plus one, while stepping down).
 *
 * Support estimation: the rank depends only on the text, not on the template
 * it belongs to, so a key's sample is a uniform sample of its distinct texts
 * at every rung. A template's estimated prompts are Σ over keys of (its share
 * among that key's sampled prompts) × (prompts the key sent), see
 * estimateSupport. A key that repeats one text many times keeps all or none of
 * the copies, which makes the estimate noisier for such keys, not biased in a
 * fixed direction. Keys left with no sampled prompt (only once τ < 2^32)
 * contribute nothing: the estimate is then a lower bound, short by the
 * requests of such keys under the template.
 */
import { compareStrings } from '../util/compare.ts';
import { mix32 as mix32Import, murmur3Utf8 as murmur3Import } from '../util/hash.ts';
import { grow } from '../util/grow.ts';
import { TextArena } from './prompt-arena.ts';
import type { PromptSample } from './types.ts';

const murmur3Utf8 = murmur3Import; // read the import bindings once, not per prompt
const mix32 = mix32Import;

export function promptRank(prompt: string, seed: number): number {
  return mix32(murmur3Utf8(prompt), seed >>> 0);
}

/** Ranks are below 2^32: a threshold of 2^32 keeps every prompt. */
const NO_THRESHOLD = 2 ** 32;
/** Factor of the threshold per rung once a key keeps one prompt. */
const THRESHOLD_STEP = 0.875;

/** Rung r of the ladder: prompts per key and the rank threshold (see the header). */
export function budgetRung(maxPerKey: number, r: number): { perKey: number; threshold: number } {
  if (r < maxPerKey) return { perKey: maxPerKey - r, threshold: NO_THRESHOLD };
  return { perKey: 1, threshold: Math.floor(NO_THRESHOLD * THRESHOLD_STEP ** (r - maxPerKey + 1)) };
}

/**
 * The sampler's state is columns, not objects: an entry (a prompt held) is a
 * slot in typed arrays (rank, timestamp, text in a TextArena, next entry of
 * its key), and each key's entries form a list in descending order, so the
 * head is the key's largest, the one an add compares with and evicts. Lists
 * are at most maxPerKey long. At 2M keys the Map of per-key heaps of entry
 * objects, with the texts as strings, was most of the ingest thread's time
 * (in the garbage collector) after aggregation itself.
 */
/** A sampler's state as columns, to cross threads: see PromptSampler.part. */
export interface SamplerPart {
  rung: number;
  /** Prompts seen per key (by the part's key numbers). */
  seen: Float64Array;
  /** Per entry held: key, rank, timestamp and text. */
  key: Int32Array;
  rank: Float64Array;
  time: Float64Array;
  texts: string[];
}

/** The buffers of a part that can be transferred rather than copied. */
export function samplerPartBuffers(p: SamplerPart): ArrayBuffer[] {
  return [p.seen, p.key, p.rank, p.time].map((a) => a.buffer as ArrayBuffer);
}

export class PromptSampler {
  /** Per key (an arrival number: small and dense): its largest entry or -1, entries held, prompts added. */
  private head = new Int32Array(1024).fill(-1);
  private count = new Int32Array(1024);
  private seenCount = new Float64Array(1024);
  /** Per entry. */
  private rank = new Float64Array(1024);
  private time = new Float64Array(1024);
  private next = new Int32Array(1024);
  private textSlot = new Int32Array(1024);
  private entries = 0;
  private readonly freeEntries: number[] = [];
  private readonly texts = new TextArena();
  /** Prompts held, over all keys. */
  private held = 0;
  private rung = 0;
  private perKey: number;
  private threshold = NO_THRESHOLD;
  private readonly seedBits: number;

  /**
   * @param maxPerKey prompts kept per key
   * @param maxPrompts prompts kept in all (the total budget; Infinity for none)
   */
  constructor(
    readonly maxPerKey: number,
    readonly seed: number,
    readonly maxPrompts = Infinity,
  ) {
    if (!Number.isInteger(maxPerKey) || maxPerKey < 1) throw new RangeError(`PromptSampler: maxPerKey must be a positive integer (got ${maxPerKey})`);
    if (!(maxPrompts >= 1)) throw new RangeError(`PromptSampler: maxPrompts must be at least 1 (got ${maxPrompts})`);
    this.perKey = maxPerKey;
    this.seedBits = seed >>> 0;
  }

  /** `key` is a small non-negative integer; `hash`, when given, must be murmur3Utf8(prompt) (a reader thread may have computed it). */
  add(key: number, prompt: string, timestamp: number, hash = murmur3Utf8(prompt)): void {
    if (key >= this.head.length) this.growKeys(key + 1);
    this.seenCount[key]++;
    this.offer(key, prompt, timestamp, mix32(hash, this.seedBits));
  }

  /** Counts `n` prompts of the key as seen without offering them (a source that sends only the candidates, see src/source/clickhouse). */
  addSeen(key: number, n: number): void {
    if (key >= this.head.length) this.growKeys(key + 1);
    this.seenCount[key] += n;
  }

  /**
   * The sample as a part for another sampler's `merge` (same maxPerKey, seed
   * and maxPrompts): its rung, what each key saw, and the entries held.
   */
  part(): SamplerPart {
    const keys: number[] = [];
    const ranks: number[] = [];
    const times: number[] = [];
    const texts: string[] = [];
    for (let key = 0; key < this.head.length; key++) {
      // Ascending, so that each entry merged goes to the head of the list it joins.
      for (const e of this.entriesOf(key)) {
        keys.push(key);
        ranks.push(this.rank[e]);
        times.push(this.time[e]);
        texts.push(this.texts.get(this.textSlot[e]));
      }
    }
    return {
      rung: this.rung,
      seen: this.seenCount.slice(),
      key: Int32Array.from(keys),
      rank: Float64Array.from(ranks),
      time: Float64Array.from(times),
      texts,
    };
  }

  /**
   * Add a part taken from another sampler of the same settings, its key k
   * being `keys[k]` here. The result is the sample of both samplers' prompts:
   * a part at rung r holds S_r of its prompts, and S_r' of a union for r' ≥ r
   * is found from the parts' S_r by (a) and (b) of the header, so this one
   * first steps down to the part's rung if it is above, then offers the part's
   * entries (stepping further if they overflow the budget). By (c) for
   * subsets, the rung it ends on is still the first whose sample of all the
   * prompts fits.
   */
  merge(part: SamplerPart, keys: Int32Array): void {
    if (part.rung > this.rung) this.stepTo(part.rung);
    for (let k = 0; k < part.seen.length && k < keys.length; k++) {
      if (part.seen[k] === 0) continue;
      const key = keys[k];
      if (key >= this.head.length) this.growKeys(key + 1);
      this.seenCount[key] += part.seen[k];
    }
    for (let i = 0; i < part.key.length; i++) this.offer(keys[part.key[i]], part.texts[i], part.time[i], part.rank[i]);
  }

  /** Offer a prompt of rank `rank` to the key's sample (its seen count already taken). */
  private offer(key: number, prompt: string, timestamp: number, rank: number): void {
    if (rank >= this.threshold) return;
    const head = this.head[key];
    if (this.count[key] < this.perKey) {
      this.insert(key, this.newEntry(rank, prompt, timestamp));
      this.count[key]++;
      if (++this.held > this.maxPrompts) this.stepDown();
    } else if (this.compareWith(head, rank, prompt, timestamp) > 0) {
      // Smaller than the key's largest: the largest goes, this comes in.
      this.head[key] = this.next[head];
      this.freeEntry(head);
      this.insert(key, this.newEntry(rank, prompt, timestamp));
    }
  }

  /** Sign of (entry e) − (rank, prompt, timestamp) in sample order: rank, then text, then time. */
  private compareWith(e: number, rank: number, prompt: string, timestamp: number): number {
    if (this.rank[e] !== rank) return this.rank[e] < rank ? -1 : 1;
    const text = this.texts.get(this.textSlot[e]);
    if (text !== prompt) return compareStrings(text, prompt);
    return this.time[e] - timestamp;
  }

  private compareEntries(a: number, b: number): number {
    // Ranks first: a text is read from the arena (a new string) only on a tie.
    if (this.rank[a] !== this.rank[b]) return this.rank[a] < this.rank[b] ? -1 : 1;
    return this.compareWith(a, this.rank[b], this.texts.get(this.textSlot[b]), this.time[b]);
  }

  /** Into the key's descending list, after every entry larger than it. */
  private insert(key: number, e: number): void {
    let prev = -1;
    let cur = this.head[key];
    while (cur >= 0 && this.compareEntries(cur, e) > 0) {
      prev = cur;
      cur = this.next[cur];
    }
    this.next[e] = cur;
    if (prev < 0) this.head[key] = e;
    else this.next[prev] = e;
  }

  private newEntry(rank: number, prompt: string, timestamp: number): number {
    let e = this.freeEntries.pop();
    if (e === undefined) {
      if (this.entries === this.rank.length) this.growEntries();
      e = this.entries++;
    }
    this.rank[e] = rank;
    this.time[e] = timestamp;
    this.textSlot[e] = this.texts.put(prompt);
    return e;
  }

  private freeEntry(e: number): void {
    this.texts.release(this.textSlot[e]);
    this.freeEntries.push(e);
  }

  private growKeys(atLeast: number): void {
    const n = Math.max(atLeast, this.head.length * 2);
    this.head = grow(this.head, new Int32Array(n).fill(-1));
    this.count = grow(this.count, new Int32Array(n));
    this.seenCount = grow(this.seenCount, new Float64Array(n));
  }

  private growEntries(): void {
    const n = this.rank.length * 2;
    this.rank = grow(this.rank, new Float64Array(n));
    this.time = grow(this.time, new Float64Array(n));
    this.next = grow(this.next, new Int32Array(n));
    this.textSlot = grow(this.textSlot, new Int32Array(n));
  }

  /** A key's entries, ascending (its list reversed). */
  private entriesOf(key: number): number[] {
    const out: number[] = [];
    for (let e = this.head[key]; e >= 0; e = this.next[e]) out.push(e);
    return out.reverse();
  }

  /** Down the ladder until the sample fits the budget, evicting what the new rung leaves out. */
  private stepDown(): void {
    while (this.held > this.maxPrompts) this.stepTo(this.rung + 1);
  }

  /** To rung `rung` (below this one), evicting what it leaves out. */
  private stepTo(rung: number): void {
    this.rung = rung;
    const { perKey, threshold } = budgetRung(this.maxPerKey, rung);
    this.perKey = perKey;
    this.threshold = threshold;
    let held = 0;
    for (let key = 0; key < this.head.length; key++) {
      if (this.head[key] < 0) continue;
      // Keep the perKey smallest below the threshold: a prefix of the ascending list.
      const all = this.entriesOf(key);
      let keep = 0;
      while (keep < all.length && keep < perKey && this.rank[all[keep]] < threshold) keep++;
      for (let i = keep; i < all.length; i++) this.freeEntry(all[i]);
      let head = -1;
      for (let i = 0; i < keep; i++) {
        this.next[all[i]] = head;
        head = all[i];
      }
      this.head[key] = head;
      this.count[key] = keep;
      held += keep;
    }
    this.held = held;
  }

  /** Prompts held now, over all keys (never above maxPrompts after an add). */
  get size(): number {
    return this.held;
  }

  /** Prompts the key sent (added), sampled or not. */
  seen(key: number): number {
    return this.seenCount[key] ?? 0;
  }

  /** Prompts of the key kept in the sample. */
  sampled(key: number): number {
    return this.count[key] ?? 0;
  }

  /**
   * Where the budget left the sample: prompts kept per key, and the share of
   * the hash range kept (1 while under the budget's threshold steps).
   */
  budget(): { bound: boolean; perKey: number; threshold: number } {
    return { bound: this.rung > 0, perKey: this.perKey, threshold: this.threshold / NO_THRESHOLD };
  }

  /** The sample, by key and then rank: the same for any arrival order. */
  samples(): PromptSample[] {
    const out: PromptSample[] = [];
    for (let key = 0; key < this.head.length; key++) {
      for (const e of this.entriesOf(key)) out.push({ key, prompt: this.texts.get(this.textSlot[e]), timestamp: this.time[e] });
    }
    return out;
  }
}

/**
 * Estimated prompts per template over everything the sampler saw, from a
 * mining run on sampler.samples(): per key, sampled prompts in the template ×
 * seen(key) / sampled(key).
 */
export function estimateSupport(
  samples: readonly PromptSample[],
  assignment: ArrayLike<number>,
  templates: number,
  sampler: PromptSampler,
): Float64Array {
  const est = new Float64Array(templates);
  samples.forEach((s, i) => {
    const t = assignment[i]!;
    if (t >= 0) est[t] += sampler.seen(s.key) / Math.max(1, sampler.sampled(s.key));
  });
  return est;
}
