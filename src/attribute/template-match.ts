/**
 * A template indicator is framing text ("Think step by step … {}") matched
 * fuzzily against the mined templates with the miner's own measure
 * (src/templates/paraphrase.ts): both texts normalised the miner's way, and
 * each covering ≥ minCoverage of the other's characters with its 8-gram
 * shingles. The two-way test is the one that folds paraphrases: a generic
 * frame does not match a specific one that contains it, nor the reverse.
 */
import { DEFAULTS as TEMPLATE_DEFAULTS } from '../templates/options.ts';
import { coverage, textShingles } from '../templates/paraphrase.ts';
import { Scratch } from '../templates/scratch.ts';

/** Pieces of a framing between its slots (`<*>` as mined, `{}` as an analyst may write it). */
export function framePieces(text: string): string[] {
  return text
    .split(/<\*>|\{\}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

export class TemplateMatcher {
  private readonly scratch = new Scratch();
  private readonly k = TEMPLATE_DEFAULTS.shingleSize;
  private readonly frames: Array<{ pieces: string[]; other: { set: Set<number>; text: string } } | undefined>;

  constructor(
    private readonly texts: readonly string[],
    private readonly minCoverage: number,
  ) {
    this.frames = new Array(texts.length);
  }

  private frame(t: number) {
    let f = this.frames[t];
    if (f === undefined) {
      const pieces = framePieces(this.texts[t]!);
      f = { pieces, other: textShingles(pieces, this.k, this.scratch) };
      this.frames[t] = f;
    }
    return f;
  }

  /** Indices of the templates the text matches, ascending. */
  match(text: string): number[] {
    const pieces = framePieces(text);
    if (pieces.length === 0) return [];
    const mine = textShingles(pieces, this.k, this.scratch);
    const out: number[] = [];
    for (let t = 0; t < this.texts.length; t++) {
      const f = this.frame(t);
      if (f.pieces.length === 0) continue;
      if (coverage(pieces, f.other, this.k, this.scratch) < this.minCoverage) continue;
      if (coverage(f.pieces, mine, this.k, this.scratch) < this.minCoverage) continue;
      out.push(t);
    }
    return out;
  }
}
