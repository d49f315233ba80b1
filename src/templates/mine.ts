/**
 * mineTemplates: the stages of the miner in order.
 *   1. discovery sample: per key the maxPromptsPerKey prompts first in the miner's order (orderRank;
 *      on a sampler's output, every row);
 *   2. document frequency of every token-anchored character shingle over the sample (skeleton.ts);
 *   3. skeleton per prompt: its frequent shingles in long runs (skeleton.ts);
 *   4. candidate clusters: exact skeleton groups merged by MinHash-LSH + verification (group.ts);
 *      prompts in clusters below minPrompts regrouped on their backoff skeletons;
 *   5. frame per cluster: shingle vote over a hash-chosen sample of members (frame.ts),
 *      frames that are one short stretch between two slots dropped (floating, mine-stages.ts),
 *      frames that only grow another into its slots folded into it (fold.ts);
 *   6. every prompt assigned to the most specific frame it contains (assign.ts);
 *   7. templates below the support thresholds, and paraphrases of larger templates
 *      (paraphrase.ts), dropped and their prompts passed to their next-best frame,
 *      until none is dropped.
 * Everything depends on the multiset of samples, never their order: the
 * discovery sample and frame samples are chosen by hash, clusters are numbered
 * in sorted skeleton order, ids come from the frame text, and templates are
 * sorted by prompts and id.
 *
 * Every stage is bounded by a constant times the prompts' text: grouping
 * compares each distinct skeleton with at most two representatives per LSH
 * band, folding looks frames up by their pieces, and assignment verifies at
 * most maxCandidates frames per prompt found through an index of their
 * rarest shingles. Pass a stats object to see the work counted (MinerStats).
 */
import { FrameIndex } from './assign.ts';
import { DfTable } from './df-table.ts';
import { copyRepeats, dfDocuments, distinctTexts, framesOf, prepare, settle, skeletonParams, skeletonTexts, CANDIDATES } from './mine-stages.ts';
import type { MinerOptions } from './options.ts';
import { countDocuments, matchPass, skeletonPass } from './passes.ts';
import { SkeletonStore } from './skeleton-store.ts';
import type { MinedTemplates, MinerStats, PromptSample } from './types.ts';

export function mineTemplates(samples: Iterable<PromptSample>, options: Partial<MinerOptions> = {}, stats?: Partial<MinerStats>): MinedTemplates {
  const p = prepare(samples, options);
  const { rows, s, o } = p;
  const k = o.shingleSize;

  // 1–3. Discovery sample (prepare), document frequency, skeletons (skeleton.ts).
  const docs = dfDocuments(p);
  const df = new DfTable();
  countDocuments(df, (j) => rows[docs.texts[j]!]!.prompt, docs.times, k, s);
  const texts = skeletonTexts(p);
  const skeletons = new SkeletonStore();
  const backoffs = new SkeletonStore();
  const backoff = skeletonPass((j) => rows[texts[j]!]!.prompt, texts.length, df, skeletonParams(p), s, skeletons, backoffs);

  // 4–5. Candidate clusters and their frames.
  const framed = framesOf(p, { texts, skeletons, backoffs, backoff });

  // 6. Candidate frames per prompt, best first, once per distinct text.
  const index = new FrameIndex(framed.list.map((f) => f.shingles), o.minContainment, o.maxCandidates);
  const distinct = distinctTexts(p);
  const found = matchPass(index, (j) => rows[distinct[j]!]!.prompt, distinct.length, k, s, p.work);
  const cand = new Int32Array(p.n * CANDIDATES);
  distinct.forEach((i, j) => cand.set(found.subarray(j * CANDIDATES, (j + 1) * CANDIDATES), i * CANDIDATES));
  copyRepeats(p, cand);

  // 7. Support, paraphrases, templates.
  return settle(p, framed, cand, stats);
}
