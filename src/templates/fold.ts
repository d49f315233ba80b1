/**
 * Folding of frames that only extend another frame into a slot. At scale, a
 * common first (or last) word of the fillings recurs often enough after a
 * framing to look like framing itself ("… Problem: the <*>" beside "…
 * Problem: <*>"). A frame that equals another but for fewer than minRun
 * characters grown from its pieces into adjacent slots is dropped; its
 * prompts then go to the shorter frame by containment (assign.ts).
 *
 * Rather than testing every pair of frames, each frame enumerates the frames
 * it could extend: piece by piece, the piece itself or the piece cut by up to
 * minRun − 1 characters on a side next to a slot, pruned by a set of hashed
 * piece prefixes of the existing frames, so that only shapes that exist are
 * followed. Each frame explores at most MAX_NODES such prefixes (crafted sets
 * of frames that are all cuts of one another could make more), so the stage
 * is linear in the frames' text.
 */
import { fnv1a, mix32 } from '../util/hash.ts';
import type { Frame } from './frame.ts';

const MAX_NODES = 4096;

/** Frames that extend no other frame, in input order; stats.checks counts pairs verified and prefixes explored. */
export function foldExtensions(frames: readonly Frame[], minRun: number, stats?: { checks: number }): Frame[] {
  // Hashed piece prefixes of every frame (with its shape), and the frames at each full key.
  const prefixes = new Set<number>();
  const full = new Map<number, number[]>();
  frames.forEach((g, j) => {
    let h = shapeHash(g);
    for (const p of g.pieces) prefixes.add((h = mix32(h, fnv1a(p))));
    const l = full.get(h);
    if (l) l.push(j);
    else full.set(h, [j]);
  });
  let checks = 0;
  const kept = frames.filter((f) => {
    const last = f.pieces.length - 1;
    let nodes = 0;
    const found = (i: number, h: number, used: number): boolean => {
      if (nodes++ >= MAX_NODES) return false;
      if (i > last) {
        for (const j of full.get(h) ?? []) {
          checks++;
          if (frames[j] !== f && extends_(f, frames[j]!, minRun)) return true;
        }
        return false;
      }
      const a = f.pieces[i]!;
      const next = (b: string, grown: number) => {
        const hb = mix32(h, fnv1a(b));
        return prefixes.has(hb) && found(i + 1, hb, used + grown);
      };
      if (next(a, 0)) return true;
      const room = Math.min(minRun - 1 - used, a.length - 1);
      const slotBefore = i > 0 || f.leading;
      const slotAfter = i < last || f.trailing;
      for (let d = 1; d <= room; d++) {
        if (slotAfter && next(a.slice(0, a.length - d), d)) return true;
        if (slotBefore && next(a.slice(d), d)) return true;
      }
      return false;
    };
    const drop = found(0, shapeHash(f), 0);
    checks += nodes;
    return !drop;
  });
  if (stats) stats.checks += checks;
  return kept;
}

function shapeHash(f: Frame): number {
  return mix32(f.pieces.length, (f.leading ? 1 : 0) | (f.trailing ? 2 : 0));
}

/** True when f is g with fewer than minRun characters added next to g's slots. */
export function extends_(f: Frame, g: Frame, minRun: number): boolean {
  if (f.pieces.length !== g.pieces.length || f.leading !== g.leading || f.trailing !== g.trailing) return false;
  let extra = 0;
  const last = f.pieces.length - 1;
  for (let i = 0; i <= last; i++) {
    const a = f.pieces[i]!;
    const b = g.pieces[i]!;
    if (a === b) continue;
    const slotBefore = i > 0 || f.leading;
    const slotAfter = i < last || f.trailing;
    const grown = a.length - b.length;
    if (grown <= 0) return false;
    if (slotAfter && a.startsWith(b)) extra += grown;
    else if (slotBefore && a.endsWith(b)) extra += grown;
    else return false;
  }
  return extra > 0 && extra < minRun;
}
