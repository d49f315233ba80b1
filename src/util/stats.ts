/** Small numeric helpers: order statistics and rounding for output files. */

/** `x` rounded to `digits` decimals, so output files stay readable and byte-stable. */
export function roundTo(x: number, digits: number): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
