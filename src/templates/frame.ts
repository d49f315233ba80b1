/**
 * The frame of a candidate cluster: the text its members share, with `<*>`
 * where their fillings go. A column vote over shingles, not a pairwise
 * alignment: a shingle is frame when it occurs in ≥ frameShare of the sampled
 * members, in a chain of such shingles that holds at least one shingle found
 * in that many members' skeletons (skeleton.ts) — merely occurring is not
 * enough, as fillings drawn from a small vocabulary share many shingles. The
 * reference (the sampled member with the most skeleton shingles, i.e. the
 * usual wording; then the shortest) keeps the characters such chains cover,
 * and every uncovered stretch becomes one slot. Equivalent to keeping the tokens that a
 * multiple alignment against the reference finds in ≥ frameShare of members,
 * but linear in text length, indifferent to where the fillings stand or how
 * much longer than the frame they are, and safe from LCS's habit of matching a
 * filling's "the" to the reference's. Chains of supported shingles shorter
 * than ¾ minRun are ignored (a frame word recurring inside a filling). Run
 * ends that cut a token of a spaced script (a word, or "." glued to the
 * filling's last word) move to the nearest space (CJK characters are their own
 * tokens). A leading or trailing slot the reference happens to leave empty is
 * restored when ≥ slotShare of members have text there.
 */
import { codesToString, isWordCode, unitWeight } from './normalise.ts';
import { KeyCounter } from './key-counter.ts';
import { Scratch } from './scratch.ts';

export interface Frame {
  /** Normalised frame text with `<*>` slots. */
  text: string;
  /** Frame pieces in order, without slots. */
  pieces: string[];
  leading: boolean;
  trailing: boolean;
  /** Sorted distinct hashes of the supported shingles inside the pieces. */
  shingles: Uint32Array;
}

export interface FrameParams {
  shingleSize: number;
  frameShare: number;
  slotShare: number;
  minRun: number;
}

const SPACE = 0x20;

/** A unit of a spaced script that is not a space: it belongs to the token of its neighbour. */
function glued(c: number): boolean {
  return c !== SPACE && c < 0x2e80;
}

interface Member {
  codes: Uint16Array;
  hashes: Uint32Array;
}

const support = new KeyCounter();
const framing = new KeyCounter();

/** texts[i] is a sampled member and skeletons[i] its skeleton. */
export function extractFrame(texts: readonly string[], skeletons: readonly Uint32Array[], p: FrameParams, scratch = new Scratch()): Frame | null {
  const k = p.shingleSize;
  const members: Member[] = texts.map((t) => {
    scratch.load(t, k);
    return { codes: scratch.codes.slice(0, scratch.len), hashes: scratch.hashes.slice(0, scratch.count) };
  });
  // framing: members whose skeleton holds a shingle; support: members holding it.
  let total = 0;
  for (const sk of skeletons) total += sk.length;
  framing.clear(total);
  for (const sk of skeletons) for (const h of sk) framing.add(h);
  const need = Math.max(1, Math.ceil(p.frameShare * members.length - 1e-9));
  const held = (h: number) => support.get(h) >= need;
  const framed = (h: number) => framing.get(h) >= need;
  // Reference: the member holding the most framing shingles (the usual wording), then the shortest.
  total = 0;
  for (const m of members) total += m.hashes.length;
  support.clear(total);
  let ref = members[0]!;
  let refScore = -1;
  members.forEach((m, d) => {
    let score = 0;
    for (const h of m.hashes) if (support.add(h, d) && framed(h)) score++;
    if (score > refScore || (score === refScore && m.codes.length < ref.codes.length)) (ref = m), (refScore = score);
  });
  const { codes, hashes } = ref;
  const len = codes.length;

  // Chains of consecutive held shingles, kept when long and anchored in the skeletons: a short
  // chain is a frame word recurring in a filling, an unanchored one text the fillings share by chance.
  const cov = new Uint8Array(len);
  const minChain = 0.75 * p.minRun;
  for (let i = 0; i < hashes.length; ) {
    if (!held(hashes[i]!)) {
      i++;
      continue;
    }
    const from = i;
    let anchored = false;
    for (; i < hashes.length && held(hashes[i]!); i++) anchored ||= framed(hashes[i]!);
    const to = Math.min(len, i - 1 + k);
    let w = 0;
    for (let j = from; j < to; j++) w += unitWeight(codes[j]!);
    if (anchored && (w >= minChain || (from === 0 && to === len))) cov.fill(1, from, to);
  }
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < len; ) {
    if (!cov[i]) {
      i++;
      continue;
    }
    let a = i;
    while (i < len && cov[i]) i++;
    let b = i;
    if (a > 0 && isWordCode(codes[a - 1]!) && glued(codes[a]!)) while (a < b && codes[a] !== SPACE) a++;
    if (b < len && isWordCode(codes[b]!) && glued(codes[b - 1]!)) while (b > a && codes[b - 1] !== SPACE) b--;
    if (b > a && !(b - a === 1 && codes[a] === 0x20)) runs.push([a, b]);
  }
  if (runs.length === 0) return null;
  let weight = 0;
  for (const [a, b] of runs) for (let j = a; j < b; j++) weight += unitWeight(codes[j]!);
  if (weight < p.minRun) return null;

  // Frame shingles: supported and wholly inside a run (texts shorter than k: the one shingle).
  const inside: number[] = [];
  let firstPos = -1;
  let lastPos = -1;
  for (const [a, b] of runs) {
    for (let i = a; i + Math.min(k, len) <= b; i++) {
      if (!held(hashes[i]!)) continue;
      inside.push(hashes[i]!);
      if (firstPos < 0) firstPos = i;
      lastPos = i;
    }
  }
  if (inside.length === 0) return null;
  const shingles = Uint32Array.from(new Set(inside)).sort();

  // Leading and trailing slots: in the reference, or in enough members.
  const [a0] = runs[0]!;
  const [, bN] = runs[runs.length - 1]!;
  let leading = a0 > 0;
  let trailing = bN < len;
  const want = p.slotShare * members.length;
  if (!leading) {
    const h = hashes[firstPos]!;
    const before = firstPos - a0;
    leading = members.filter((m) => m.hashes.indexOf(h) > before).length >= want;
  }
  if (!trailing) {
    const h = hashes[lastPos]!;
    const after = bN - (lastPos + Math.min(k, len));
    trailing = members.filter((m) => {
      const j = m.hashes.lastIndexOf(h);
      return j >= 0 && j + Math.min(k, m.codes.length) + after < m.codes.length;
    }).length >= want;
  }
  const pieces = runs.map(([a, b]) => codesToString(codes, a, b));
  const text = (leading ? '<*>' : '') + pieces.join('<*>') + (trailing ? '<*>' : '');
  return { text, pieces, leading, trailing, shingles };
}
