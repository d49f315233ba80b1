/**
 * The prompts stage: a bounded, order-independent sample of each key's
 * prompts is taken during ingest (bottom-k by a hash of the text), templates
 * are mined from it (src/templates), and each key gets its template counts.
 * Support is estimated from the sample: a key's share of sampled prompts under
 * a template × the requests the key sent. The whole sample is bounded too
 * (templates.maxPrompts, see src/templates/sampler.ts): over the budget keys
 * keep fewer prompts, then prompts are dropped by a hash threshold; a key's
 * share stays an estimate of its share, so the estimate holds for every key
 * still sampled.
 */
import type { Dataset } from '../aggregate/index.ts';
import type { Config } from '../config/schema.ts';
import { mineOnThread, mineTemplatesParallel, PromptSampler, type SamplerPart, type Template } from '../templates/index.ts';
import { compareStrings } from '../util/compare.ts';

export interface KeyTemplates {
  /** Mined templates, by prompts descending then id; `keys` are key indices. */
  templates: Template[];
  /** Per key: template index → sampled prompts under it (one shared empty map for keys with none). */
  perKey: ReadonlyArray<ReadonlyMap<number, number>>;
  /** Per key: prompts sampled. */
  sampled: Int32Array;
  promptsSeen: number;
  promptsSampled: number;
  /** Where the total budget (templates.maxPrompts) left the sample; `bound` false when it was not reached. */
  budget: { bound: boolean; perKey: number; threshold: number };
}

const NO_TEMPLATES: Map<number, number> = new Map();

export class PromptStage {
  private sampler: PromptSampler;
  private seen = 0;

  /**
   * @param workers threads the miner may use (the build's --workers); the
   * templates are the same for any number
   */
  constructor(
    private readonly options: Config['templates'],
    private readonly workers = 1,
  ) {
    this.sampler = this.newSampler();
  }

  private newSampler(): PromptSampler {
    return new PromptSampler(this.options.maxPromptsPerKey, this.options.seed, this.options.maxPrompts);
  }

  /** A prompt of the key with arrival number `seq`; `hash` is murmur3Utf8(prompt) when the caller has it. */
  add(seq: number, prompt: string, timestamp: number, hash?: number): void {
    this.seen++;
    this.sampler.add(seq, prompt, timestamp, hash);
  }

  /** `n` prompts of the key with arrival number `seq` that cannot be in the sample: counted, not offered. */
  addSeen(seq: number, n: number): void {
    this.seen += n;
    this.sampler.addSeen(seq, n);
  }

  /** The sample so far, as a part for another stage's `merge` (an ingest worker's stage, sent to the main thread). */
  part(): { seen: number; sample: SamplerPart } {
    return { seen: this.seen, sample: this.sampler.part() };
  }

  /** Add a part of another stage with the same options, its key k being arrival number `seq[k]` here. */
  merge(part: { seen: number; sample: SamplerPart }, seq: Int32Array): void {
    this.seen += part.seen;
    this.sampler.merge(part.sample, seq);
  }

  /**
   * Mines the sample; the sampled prompts are released (later stages need
   * only the templates), so call it once. With more than one worker the miner
   * runs on a thread of its own (mineOnThread): the promise is returned once
   * the sample is handed over, and this thread is free until it settles.
   */
  async finish(data: Dataset): Promise<KeyTemplates> {
    // Renumber keys from arrival order to sorted order, then sort: the miner sees the same list for any row order.
    const sampler = this.sampler;
    this.sampler = this.newSampler();
    const samples = sampler
      .samples()
      .map((s) => ({ ...s, key: data.keyOfSeq[s.key] }))
      .sort((a, b) => a.key - b.key || compareStrings(a.prompt, b.prompt) || a.timestamp - b.timestamp);
    const options = { seed: this.options.seed, maxPromptsPerKey: this.options.maxPromptsPerKey };
    const mined = this.workers > 1 ? await mineOnThread(samples, options, this.workers) : await mineTemplatesParallel(samples, options, { workers: 1 });
    // Most keys match no template: they share one empty map rather than each holding its own.
    const perKey = new Array<Map<number, number>>(data.keys.length).fill(NO_TEMPLATES);
    const sampled = new Int32Array(data.keys.length);
    samples.forEach((s, i) => {
      sampled[s.key]++;
      const t = mined.assignment[i];
      if (t < 0) return;
      if (perKey[s.key] === NO_TEMPLATES) perKey[s.key] = new Map();
      perKey[s.key].set(t, (perKey[s.key].get(t) ?? 0) + 1);
    });
    return { templates: mined.templates, perKey, sampled, promptsSeen: this.seen, promptsSampled: samples.length, budget: sampler.budget() };
  }
}

/** Estimated requests of key `key` under template `t`. */
export function estimatedRequests(kt: KeyTemplates, data: Dataset, key: number, t: number): number {
  const n = kt.perKey[key].get(t) ?? 0;
  return n === 0 ? 0 : Math.round((n / kt.sampled[key]) * data.keys[key].requests);
}
