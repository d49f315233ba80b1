/**
 * Folding of paraphrased framings. An operator's framing varies slightly
 * ("complete" → "entire", "1." → "1)", 完整 → 详细, one word more), and when
 * enough prompts share a variant it becomes a candidate cluster with a frame
 * of its own (the variant's wording, or the usual wording with a slot where
 * the word changed). Such a template T is folded into a larger template B
 * when
 *   - T's frame nearly lies inside B's: ≥ minContainment of T's frame text
 *     is covered by shingles of B's frame, so a specific frame is never
 *     folded into a generic one it merely contains ("You are a helpful
 *     assistant. <*>"); and
 *   - T's prompts hold nearly all of B's frame: in ≥ minContainment of a
 *     sample of them, ≥ minContainment of B's frame text is covered by the
 *     prompt's shingles, so a generic frame is never folded into a specific
 *     one that contains it.
 * Coverage counts characters (in Latin widths, a CJK character counts 3), not
 * shingles: one changed character breaks every k-shingle across it, which in
 * a short Chinese framing is a quarter of its shingles, but only leaves that
 * character uncovered.
 *
 * T's prompts are then counted as B's. Pairs are only tried between frames
 * that share shingles (not counting shingles common to many frames), at most
 * MAX_PAIRS per template, the larger partner first. Larger templates decide first and a template that folds in a pass receives none
 * in it, so chains settle over a few passes. Everything depends on counts,
 * frame texts and hash-ranked samples only, never on input order; ties go
 * to the smaller template id.
 */
import { compareStrings } from '../util/compare.ts';
import { codesToString, normalise, unitWeight } from './normalise.ts';
import type { Scratch } from './scratch.ts';

export interface FoldInput {
  /** Per template: its frame pieces, frame shingles (sorted distinct hashes) and id. */
  pieces: readonly (readonly string[])[];
  shingles: readonly Uint32Array[];
  ids: readonly string[];
  /** Per prompt: the chosen template, −1 for none. */
  choice: Int32Array;
  /** Per template: prompts to test, a hash-ranked sample of those chosen for it. */
  sampleOf: (t: number) => readonly string[];
  minContainment: number;
  shingleSize: number;
}

/** Frames sharing a shingle held by more frames than this are not paired through it (a common phrase). */
const MAX_SHARING = 64;
/** Shortest piece end matched on its own (coverage). */
const MIN_END = 2;
/** Larger templates tried per template, those sharing the most frame shingles first. */
const MAX_PAIRS = 16;

/** Pairs [T, B] folded in this pass, by T ascending. */
export function paraphrasesToFold(x: FoldInput, s: Scratch): Array<[number, number]> {
  const count = new Int32Array(x.pieces.length);
  for (const c of x.choice) if (c >= 0) count[c]++;
  const bigger = (a: number, b: number) => count[a]! - count[b]! || compareStrings(x.ids[b]!, x.ids[a]!);
  const live = [...count.keys()].filter((t) => count[t]! > 0);
  const near = sharingFrames(live, x.shingles);
  const order = live.sort((a, b) => bigger(b, a));
  const folds = new Uint8Array(x.pieces.length);
  const frameSets = new Map<number, { set: Set<number>; text: string }>();
  const frameOf = (b: number) => {
    let f = frameSets.get(b);
    if (!f) frameSets.set(b, (f = textShingles(x.pieces[b]!, x.shingleSize, s)));
    return f;
  };
  const out: Array<[number, number]> = [];
  for (const c of order) {
    const pairs = (near.get(c) ?? [])
      .filter(([b]) => !folds[b] && bigger(b, c) > 0)
      .sort((p, q) => q[1] - p[1] || bigger(q[0], p[0]))
      .slice(0, MAX_PAIRS)
      .map(([b]) => b)
      .sort((a, b) => bigger(b, a));
    // The sample of c's prompts, shingled once for all its candidate partners.
    let sample: Array<{ set: Set<number>; text: string }> | null = null;
    for (const b of pairs) {
      if (coverage(x.pieces[c]!, frameOf(b), x.shingleSize, s) < x.minContainment) continue;
      sample ??= x.sampleOf(c).map((p) => textShingles([p], x.shingleSize, s));
      let holding = 0;
      for (const p of sample) if (coverage(x.pieces[b]!, p, x.shingleSize, s) >= x.minContainment) holding++;
      if (holding < x.minContainment * sample.length) continue;
      folds[c] = 1;
      out.push([c, b]);
      break;
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Per template, the other templates sharing frame shingles with it and how many (through shingles in ≤ MAX_SHARING frames). */
function sharingFrames(live: readonly number[], shingles: readonly Uint32Array[]): Map<number, Array<[number, number]>> {
  const holders = new Map<number, number[]>();
  for (const t of live) {
    for (const h of shingles[t]!) {
      const l = holders.get(h);
      if (l) l.push(t);
      else holders.set(h, [t]);
    }
  }
  const shared = new Map<number, Map<number, number>>();
  for (const l of holders.values()) {
    if (l.length < 2 || l.length > MAX_SHARING) continue;
    for (const a of l) {
      let m = shared.get(a);
      if (!m) shared.set(a, (m = new Map()));
      for (const b of l) if (b !== a) m.set(b, (m.get(b) ?? 0) + 1);
    }
  }
  return new Map([...shared].map(([a, m]) => [a, [...m]]));
}

/** All k-shingles of some texts (normalised here), none across two of them, and their normalised forms joined by U+0001. */
export function textShingles(texts: readonly string[], k: number, s: Scratch): { set: Set<number>; text: string } {
  const set = new Set<number>();
  for (const t of texts) {
    s.load(t, k);
    for (let i = 0; i < s.count; i++) set.add(s.hashes[i]!);
  }
  return { set, text: texts.map(normalise).join('\u0001') };
}

/**
 * Share of the pieces' characters (Latin widths) inside some k-shingle of
 * theirs that `other` holds. Near a piece's ends a change leaves up to k − 1
 * characters in no shingle of their own, so there the longest prefix
 * (suffix) of fewer than k units that `other`'s text contains counts too; a
 * piece shorter than k counts when `other`'s text contains it.
 */
export function coverage(pieces: readonly string[], other: { set: Set<number>; text: string }, k: number, s: Scratch): number {
  let total = 0;
  let covered = 0;
  for (const piece of pieces) {
    s.load(piece, k);
    const len = s.len;
    const text = codesToString(s.codes, 0, len);
    let w = 0;
    for (let i = 0; i < len; i++) w += unitWeight(s.codes[i]!);
    total += w;
    if (len === 0) continue;
    if (len < k) {
      if (other.text.includes(text)) covered += w;
      continue;
    }
    let head = 0;
    for (let m = k - 1; m >= MIN_END && head === 0; m--) if (other.text.includes(text.slice(0, m))) head = m;
    let tail = len;
    for (let m = k - 1; m >= MIN_END && tail === len; m--) if (other.text.includes(text.slice(len - m))) tail = len - m;
    // Sweep: the end of the furthest matching shingle seen so far.
    let reach = head;
    for (let j = 0, i = 0; i < len; i++) {
      while (j < s.count && s.pos[j]! <= i) {
        if (other.set.has(s.hashes[j]!)) reach = Math.max(reach, s.pos[j]! + k);
        j++;
      }
      if (i < reach || i >= tail) covered += unitWeight(s.codes[i]!);
    }
  }
  return total === 0 ? 0 : covered / total;
}
