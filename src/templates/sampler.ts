/**
 * Bounded sampling that does not depend on arrival order: bottom-k sampling
 * (Cohen & Kaplan 2007) per key under a total budget. Each prompt gets the
 * rank mix32(fnv1a(text), seed), ties broken by text and then timestamp.
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
import { fnv1a as fnv1aImport, mix32 as mix32Import } from '../util/hash.ts';
import type { PromptSample } from './types.ts';

const fnv1a = fnv1aImport; // read the import bindings once, not per prompt
const mix32 = mix32Import;

export function promptRank(prompt: string, seed: number): number {
  return mix32(fnv1a(prompt), seed >>> 0);
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

interface Entry {
  rank: number;
  prompt: string;
  timestamp: number;
}

/** −1 when a ranks before b. */
function compareEntries(a: Entry, b: Entry): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  if (a.prompt !== b.prompt) return compareStrings(a.prompt, b.prompt);
  return a.timestamp - b.timestamp;
}

export class PromptSampler {
  /** Per key (an arrival number: small and dense): its heap, or undefined. */
  private readonly heaps: Array<Entry[] | undefined> = [];
  /** Per key: prompts added. */
  private seenCount = new Float64Array(1024);
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

  /** `hash`, when given, must be fnv1a(prompt): a reader thread may have computed it already. */
  add(key: number, prompt: string, timestamp: number, hash = fnv1a(prompt)): void {
    if (key >= this.seenCount.length) {
      const grown = new Float64Array(Math.max(key + 1, this.seenCount.length * 2));
      grown.set(this.seenCount);
      this.seenCount = grown;
    }
    this.seenCount[key]++;
    const rank = mix32(hash, this.seedBits);
    if (rank >= this.threshold) return;
    let heap = this.heaps[key];
    if (heap === undefined) {
      while (this.heaps.length < key) this.heaps.push(undefined);
      this.heaps[key] = heap = [];
    }
    if (heap.length < this.perKey) {
      heap.push({ rank, prompt, timestamp });
      siftUp(heap, heap.length - 1);
      if (++this.held > this.maxPrompts) this.stepDown();
    } else {
      const e: Entry = { rank, prompt, timestamp };
      if (compareEntries(e, heap[0]!) < 0) {
        heap[0] = e;
        siftDown(heap, 0);
      }
    }
  }

  /** Down the ladder until the sample fits the budget, evicting what the new rung leaves out. */
  private stepDown(): void {
    while (this.held > this.maxPrompts) {
      const { perKey, threshold } = budgetRung(this.maxPerKey, ++this.rung);
      this.perKey = perKey;
      this.threshold = threshold;
      let held = 0;
      this.heaps.forEach((heap, key) => {
        if (heap === undefined) return;
        while (heap.length > perKey) popMax(heap);
        if (heap.some((e) => e.rank >= threshold)) {
          const kept = heap.filter((e) => e.rank < threshold);
          heap.length = 0;
          for (const e of kept) heap.push(e), siftUp(heap, heap.length - 1);
        }
        if (heap.length === 0) this.heaps[key] = undefined;
        held += heap.length;
      });
      this.held = held;
    }
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
    return this.heaps[key]?.length ?? 0;
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
    this.heaps.forEach((heap, key) => {
      if (heap !== undefined) for (const e of [...heap].sort(compareEntries)) out.push({ key, prompt: e.prompt, timestamp: e.timestamp });
    });
    return out;
  }
}

function popMax(h: Entry[]): void {
  const last = h.pop()!;
  if (h.length === 0) return;
  h[0] = last;
  siftDown(h, 0);
}

function siftUp(h: Entry[], i: number): void {
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (compareEntries(h[i]!, h[p]!) <= 0) return;
    [h[i], h[p]] = [h[p]!, h[i]!];
    i = p;
  }
}

function siftDown(h: Entry[], i: number): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < h.length && compareEntries(h[l]!, h[m]!) > 0) m = l;
    if (r < h.length && compareEntries(h[r]!, h[m]!) > 0) m = r;
    if (m === i) return;
    [h[i], h[m]] = [h[m]!, h[i]!];
    i = m;
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
