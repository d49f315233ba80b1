/**
 * The skeleton of a prompt: the hashes of its shingles that are frequent
 * across the corpus (document frequency ≥ dfMin) and lie in a long frequent
 * run (≥ minRun Latin-character widths). A framing repeated with many
 * fillings is frequent and long, so every prompt of one template has nearly
 * the same skeleton however long or short its filling; a filling's common
 * words and short phrases are frequent too but scattered, so the run length
 * filter drops them. Skeletons, not whole texts, are what the grouper compares:
 * Jaccard over whole texts falls towards 0 as fillings grow.
 */
import type { U32Table } from './hash-table.ts';
import { unitWeight } from './normalise.ts';
import type { Scratch } from './scratch.ts';

/** Document frequency of each shingle hash over the loaded texts (slot a = df, b = last doc + 1). */
export function countDocument(table: U32Table, s: Scratch, doc: number): void {
  const hashes = s.hashes;
  const stamp = doc + 1;
  for (let i = 0; i < s.count; i++) {
    const slot = table.slot(hashes[i]!);
    if (table.b[slot] !== stamp) {
      table.b[slot] = stamp;
      table.a[slot]++;
    }
  }
}

/** Sorted distinct skeleton hashes of the prompt loaded in `s`. */
export function skeletonOf(table: U32Table, s: Scratch, k: number, dfMin: number, minRun: number, out: number[]): Uint32Array {
  out.length = 0;
  const { hashes, codes, count, len } = s;
  let runStart = -1;
  let last = -1;
  let from = 0;
  const close = () => {
    const end = Math.min(len, last + k);
    let w = 0;
    for (let j = runStart; j < end && w < minRun; j++) w += unitWeight(codes[j]!);
    if (w >= minRun) for (let j = from; j <= last; j++) if (hashes[j] !== 0) out.push(hashes[j]!);
  };
  for (let i = 0; i < count; i++) {
    const slot = table.find(hashes[i]!);
    const frequent = slot >= 0 && table.a[slot]! >= dfMin;
    if (!frequent) {
      hashes[i] = 0; // marks "not frequent" for close(); the scratch is reloaded per prompt
      continue;
    }
    if (runStart >= 0 && i - last <= k) {
      last = i;
      continue;
    }
    if (runStart >= 0) close();
    runStart = from = last = i;
  }
  if (runStart >= 0) close();
  const sk = Uint32Array.from(out).sort();
  let n = 0;
  for (let i = 0; i < sk.length; i++) if (i === 0 || sk[i] !== sk[i - 1]) sk[n++] = sk[i]!;
  return sk.subarray(0, n);
}
