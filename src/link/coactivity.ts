/**
 * Co-activity: two keys seen on one IP in the same or adjacent time windows.
 * Windows are sorted; a two-pointer walk stops at the first match.
 */
export function coactive(a: Float64Array, b: Float64Array): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const d = a[i] - b[j];
    if (d >= -1 && d <= 1) return true;
    if (d < 0) i++;
    else j++;
  }
  return false;
}
