/** Input and output rows of the template miner. */

/** One prompt of one API key; `key` is the key's index. */
export interface PromptSample {
  key: number;
  prompt: string;
  timestamp: number;
}

export interface Template {
  /** `t_` + the first 12 hex digits of sha256(text): stable across runs and input orders. */
  id: string;
  /** Normalised framing (lower case, collapsed whitespace, digit runs → 0) with `<*>` slots. */
  text: string;
  /** Prompts assigned to the template. */
  prompts: number;
  /** Key indices that sent them, ascending. */
  keys: number[];
  firstSeen: number;
  lastSeen: number;
  /** A few fillings (slots joined by " | "), from the original text, at most exampleChars each. */
  examples: string[];
  reasoning: boolean;
  reasoningCues: string[];
}

export interface MinedTemplates {
  /** By prompts descending, then id. */
  templates: Template[];
  /** Template index per sample, in input order; −1 if none. */
  assignment: Int32Array;
}

/**
 * Work counters of one mining run, filled in when a stats object is passed to
 * mineTemplates. They count operations, not time, so tests can check that the
 * work grows about linearly with the prompts.
 */
export interface MinerStats {
  /** Prompts given. */
  prompts: number;
  /** Prompts in the discovery sample. */
  discovery: number;
  /** Candidate clusters (both grouping passes). */
  clusters: number;
  /** Distinct frames extracted, before folding. */
  frames: number;
  /** Templates returned. */
  templates: number;
  /** Skeleton pairs verified by the grouper (group.ts). */
  skeletonComparisons: number;
  /** Frame pairs verified and piece prefixes explored while folding (fold.ts). */
  foldChecks: number;
  /** Posting-list entries walked to find candidate frames (assign.ts). */
  postings: number;
  /** Prompt–frame pairs verified at assignment. */
  candidates: number;
  /** Frame shingles looked up during those verifications. */
  probes: number;
  /** Prompts whose candidate search hit the maxCandidates cap. */
  capped: number;
  /** Templates folded into a larger one as paraphrases (paraphrase.ts). */
  paraphrases: number;
}
