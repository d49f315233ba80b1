/** Options of the template miner: one zod schema is the type, the defaults and the docs. */
import { z } from 'zod';

export const DEFAULTS = Object.freeze({
  shingleSize: 8,
  minRun: 16,
  cutRatio: 0.2,
  keepRatio: 0.01,
  bands: 8,
  rows: 4,
  minSimilarity: 0.5,
  frameShare: 0.8,
  slotShare: 0.2,
  minContainment: 0.8,
  maxCandidates: 64,
  floatingChars: 160,
  minPrompts: 5,
  minKeys: 1,
  minKeysVerbatim: 2,
  maxPromptsPerKey: 200,
  alignSample: 24,
  maxExamples: 3,
  exampleChars: 120,
  seed: 1,
});

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const share = () => z.number().min(0).max(1);

export const MinerOptionsSchema = z
  .object({
    /** @default 8 */
    shingleSize: int(3, 32).default(DEFAULTS.shingleSize).describe('characters per shingle (k-gram) of the normalised text'),
    /** @default 16 */
    minRun: int(4, 1000)
      .default(DEFAULTS.minRun)
      .describe('shortest frequent run kept in a skeleton, and shortest frame, in Latin-character widths (a CJK character counts 3)'),
    /** @default 0.2 */
    cutRatio: share()
      .default(DEFAULTS.cutRatio)
      .describe('a frequent run is cut where a shingle’s document frequency falls below this share of its neighbours’ (frame → recurring filling)'),
    /** @default 0.01 */
    keepRatio: share()
      .default(DEFAULTS.keepRatio)
      .describe('skeleton pieces whose support is below this share of the prompt’s best piece are treated as recurring filling'),
    /** @default 8 */
    bands: int(1, 64).default(DEFAULTS.bands).describe('LSH bands over the skeleton MinHash (signature size = bands × rows)'),
    /** @default 4 */
    rows: int(1, 16).default(DEFAULTS.rows).describe('MinHash values per LSH band'),
    /** @default 0.5 */
    minSimilarity: share().default(DEFAULTS.minSimilarity).describe('Jaccard similarity of two skeletons needed to merge them into one candidate template'),
    /** @default 0.8 */
    frameShare: share().default(DEFAULTS.frameShare).describe('share of a cluster’s sampled prompts a shingle must occur in to be frame rather than filling'),
    /** @default 0.2 */
    slotShare: share().default(DEFAULTS.slotShare).describe('share of sampled prompts with text before (after) the frame that makes a leading (trailing) slot'),
    /** @default 0.8 */
    minContainment: share().default(DEFAULTS.minContainment).describe('share of a frame’s shingles a prompt must contain to be assigned to it'),
    /** @default 64 */
    maxCandidates: int(1, 1e6)
      .default(DEFAULTS.maxCandidates)
      .describe(
        'frames verified per prompt at assignment, found through an index of their rarest shingles (a bound on crafted input; honest prompts have a few)',
      ),
    /** @default 160 */
    floatingChars: int(0, 1e6)
      .default(DEFAULTS.floatingChars)
      .describe(
        'a frame that is one stretch of at most this many characters (Latin widths) between a leading and a trailing slot is taken for a recurring filling (a stock sentence quoted anywhere in unrelated prompts) and dropped; 0 keeps such frames',
      ),
    /** @default 5 */
    minPrompts: int(2, 1e9).default(DEFAULTS.minPrompts).describe('fewest prompts a template needs'),
    /** @default 1 */
    minKeys: int(1, 1e9).default(DEFAULTS.minKeys).describe('fewest distinct keys a template with a slot needs'),
    /** @default 2 */
    minKeysVerbatim: int(1, 1e9)
      .default(DEFAULTS.minKeysVerbatim)
      .describe('fewest distinct keys a repeated prompt without a variable part needs to count as a template'),
    /** @default 200 */
    maxPromptsPerKey: int(0, 1e9)
      .default(DEFAULTS.maxPromptsPerKey)
      .describe('prompts per key used to discover templates (bottom-k by hash; 0 = all); every prompt is still assigned'),
    /** @default 24 */
    alignSample: int(3, 1000).default(DEFAULTS.alignSample).describe('members per cluster sampled to extract its frame'),
    /** @default 3 */
    maxExamples: int(0, 100).default(DEFAULTS.maxExamples).describe('fillings kept as examples per template'),
    /** @default 120 */
    exampleChars: int(8, 100_000).default(DEFAULTS.exampleChars).describe('longest example filling, in characters'),
    /** @default 1 */
    seed: z.number().int().default(DEFAULTS.seed).describe('seed of the sampling and MinHash hashes'),
  })
  .strict();

export type MinerOptions = z.infer<typeof MinerOptionsSchema>;
