/**
 * Prompt-template miner. Finds the framings that many prompts share around
 * varying fillings ("Solve the following problem. Think step by step… Problem:
 * <*>"), whatever the fillings' length, position or script, and assigns each
 * prompt to its template. Keys sharing a rare template are evidence of one
 * operator; templates that ask for written-out reasoning are flagged.
 *
 * Approach, and why (details in each file's header):
 *   - character shingles of normalised text (lower case, whitespace and digit
 *     runs collapsed), so Chinese and other unspaced scripts work as English;
 *     corpus counting uses only token-anchored shingles (≈ 1 in 5 for English);
 *   - a prompt's skeleton = its corpus-frequent shingles in long runs, cut where
 *     frequency drops (frame → filling); fillings, however long, are mostly rare,
 *     so templates are compared on what they share (Jaccard over whole prompts
 *     sinks as fillings grow; token-count bucketing à la Drain fails when
 *     fillings vary in length); prompts whose skeleton finds too few like it are
 *     regrouped on its strongest part (stock sentences after a popular frame);
 *   - one-permutation MinHash-LSH over skeletons proposes clusters; verified
 *     merges only, with nested skeletons kept apart so a popular prefix does not
 *     swallow the templates built on it;
 *   - the frame is a vote over shingles in a sample of each cluster, slots where
 *     the vote fails; a frame that is one short stretch between two slots is a
 *     recurring filling (a stock sentence quoted anywhere), not a framing, and is
 *     dropped (floatingChars); frames that only grow another by a common filling
 *     word are folded into it, found by their pieces rather than pair by pair;
 *   - prompts are assigned by containment of the frame, the best matched −
 *     missing score winning; candidate frames come from an index of each
 *     frame's rarest shingles (prefix filtering), at most maxCandidates per
 *     prompt, so the work grows with the prompts, not prompts × frames (the
 *     optional stats argument of mineTemplates counts it).
 * Whole prompts repeated verbatim have no slot; they count as a template only
 * when at least minKeysVerbatim keys send them.
 *
 * Scale: the sample is bounded per key and in all, the same for any row order
 * (sampler.ts); mineTemplatesParallel runs the per-text passes on worker
 * threads with output identical to mineTemplates (mine-parallel.ts).
 */
export { mineTemplates } from './mine.ts';
export { mineTemplatesParallel, type ParallelOptions } from './mine-parallel.ts';
export { mineOnThread } from './mine-thread.ts';
export { DEFAULTS, MinerOptionsSchema, type MinerOptions } from './options.ts';
export { detectReasoningElicitation } from './reasoning.ts';
export { PromptSampler, estimateSupport, promptRank, samplerPartBuffers, type SamplerPart } from './sampler.ts';
export { templateQuality, type TemplateQuality } from './quality.ts';
export { normalise } from './normalise.ts';
export type { MinedTemplates, MinerStats, PromptSample, Template } from './types.ts';
