/**
 * Bounded per-key sampling that does not depend on arrival order: bottom-k
 * sampling (Cohen & Kaplan 2007). Each prompt gets the rank
 * mix32(fnv1a(text), seed), ties broken by text and then timestamp, and a key
 * keeps the maxPerKey prompts of smallest rank, so the same multiset of
 * prompts gives the same sample in any order. A max-heap per key makes an
 * add O(log k).
 *
 * Support estimation: the rank depends only on the text, not on the template
 * it belongs to, so a key's sample is a uniform sample of its distinct texts.
 * A template's estimated prompts are Σ over keys of (its share among that
 * key's sampled prompts) × (prompts the key sent), see estimateSupport. A key
 * that repeats one text many times keeps all or none of the copies, which
 * makes the estimate noisier for such keys, not biased in a fixed direction.
 */
import { compareStrings } from '../util/compare.ts';
import { fnv1a as fnv1aImport, mix32 as mix32Import } from '../util/hash.ts';
import type { PromptSample } from './types.ts';

const fnv1a = fnv1aImport; // read the import bindings once, not per prompt
const mix32 = mix32Import;

export function promptRank(prompt: string, seed: number): number {
  return mix32(fnv1a(prompt), seed >>> 0);
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
  private readonly heaps = new Map<number, Entry[]>();
  private readonly seenCount = new Map<number, number>();

  constructor(
    readonly maxPerKey: number,
    readonly seed: number,
  ) {
    if (!Number.isInteger(maxPerKey) || maxPerKey < 1) throw new RangeError(`PromptSampler: maxPerKey must be a positive integer (got ${maxPerKey})`);
  }

  add(key: number, prompt: string, timestamp: number): void {
    this.seenCount.set(key, (this.seenCount.get(key) ?? 0) + 1);
    const e: Entry = { rank: promptRank(prompt, this.seed), prompt, timestamp };
    let heap = this.heaps.get(key);
    if (!heap) this.heaps.set(key, (heap = []));
    if (heap.length < this.maxPerKey) {
      heap.push(e);
      siftUp(heap, heap.length - 1);
    } else if (compareEntries(e, heap[0]!) < 0) {
      heap[0] = e;
      siftDown(heap, 0);
    }
  }

  /** Prompts the key sent (added), sampled or not. */
  seen(key: number): number {
    return this.seenCount.get(key) ?? 0;
  }

  /** Prompts of the key kept in the sample. */
  sampled(key: number): number {
    return this.heaps.get(key)?.length ?? 0;
  }

  /** The sample, by key and then rank: the same for any arrival order. */
  samples(): PromptSample[] {
    const out: PromptSample[] = [];
    for (const key of [...this.heaps.keys()].sort((a, b) => a - b)) {
      for (const e of [...this.heaps.get(key)!].sort(compareEntries)) out.push({ key, prompt: e.prompt, timestamp: e.timestamp });
    }
    return out;
  }
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
