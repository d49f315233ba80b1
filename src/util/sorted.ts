/** Searches over ascending integer arrays. */

/** Index of `x` in ascending `items`, or -1 (binary search). */
export function indexOfSorted(items: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid] === x) return mid;
    if (items[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Values present in both ascending arrays. */
export function intersectSorted(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return out;
}
