/**
 * Co-activity: two keys seen on one IP in the same or adjacent time windows.
 * Windows are sorted; a two-pointer walk stops at the first match.
 */
import type { KeyWindows } from '../aggregate/index.ts';

/** Whether keys at positions p and q of a value share a window (±1). */
export function coactive(w: KeyWindows, p: number, q: number): boolean {
  const { offsets, data } = w;
  let i = offsets[p];
  let j = offsets[q];
  const iEnd = offsets[p + 1];
  const jEnd = offsets[q + 1];
  while (i < iEnd && j < jEnd) {
    const d = data[i] - data[j];
    if (d >= -1 && d <= 1) return true;
    if (d < 0) i++;
    else j++;
  }
  return false;
}
