/** Number formatting for reasons and tables, without locale data (same bytes everywhere). */
export function fmtInt(n: number): string {
  const s = Math.round(Math.abs(n)).toString();
  const out = s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${out}` : out;
}

/** 1,234 → "1,234"; 2,100,000 → "2.1M". */
export function fmtCompact(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e9) return `${trim(n / 1e9)}B`;
  if (a >= 1e6) return `${trim(n / 1e6)}M`;
  if (a >= 1e4) return `${trim(n / 1e3)}k`;
  return fmtInt(n);
}

const trim = (x: number) => (Math.round(x * 10) / 10).toString();

export function fmtPct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "1 payment method", "3 payment methods". */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${fmtInt(n)} ${n === 1 ? noun : nouns}`;
}
