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
