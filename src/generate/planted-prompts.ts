/**
 * Collects, while events stream out, the prompts planted with each template
 * for truth.json: the first 16 hex digits of sha256 of the prompt as a reader
 * gets it back (escapes undone, trimmed). Per template it keeps the `cap`
 * smallest distinct hashes (bottom-k, a max-heap plus a set), so memory stays
 * bounded and a full list is a uniform sample: a reader knows a prompt whose
 * hash is above a full list's largest was not considered for it.
 */
import { hash } from 'node:crypto';

export const PROMPTS_CAP = 20_000;

/** The first 16 hex digits of sha256 of `text` (UTF-8). */
export function promptHash(text: string): string {
  return hash('sha256', text).slice(0, 16);
}

/** A prompt as written in events.jsonl (line breaks pre-escaped, hostile prefix apart) → as read back. */
export function readBack(escaped: string, hostile?: string): string {
  const text = escaped.replaceAll('\\n', '\n');
  return (hostile === undefined ? text : `${hostile} ${text}`).trim();
}

/** A bounded max-heap of hashes: numeric keys (the first 53 bits) to order, the 8 digest bytes to keep. */
class HashHeap {
  readonly keys: Float64Array;
  readonly bytes: string[] = [];
  readonly has = new Set<string>();

  constructor(readonly cap: number) {
    this.keys = new Float64Array(cap);
  }

  get size(): number {
    return this.bytes.length;
  }

  /** Adds `b` (8 digest bytes as latin1) with key `k`, evicting the largest when full; ignores a hash above the largest of a full heap. */
  offer(k: number, b: string): void {
    const { keys, bytes } = this;
    const full = bytes.length >= this.cap;
    if (full && k >= keys[0]!) return;
    if (this.has.has(b)) return;
    this.has.add(b);
    let i: number;
    if (!full) {
      // Sift up from the end.
      i = bytes.length;
      bytes.push(b);
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (keys[p]! >= k) break;
        keys[i] = keys[p]!;
        bytes[i] = bytes[p]!;
        i = p;
      }
    } else {
      // Replace the top and sift down.
      this.has.delete(bytes[0]!);
      const n = bytes.length;
      i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const c = l + 1 < n && keys[l + 1]! > keys[l]! ? l + 1 : l;
        if (keys[c]! <= k) break;
        keys[i] = keys[c]!;
        bytes[i] = bytes[c]!;
        i = c;
      }
    }
    keys[i] = k;
    bytes[i] = b;
  }
}

export class PlantedPrompts {
  private readonly heaps: HashHeap[];

  constructor(templates: number, cap = PROMPTS_CAP) {
    this.heaps = Array.from({ length: templates }, () => new HashHeap(cap));
  }

  add(template: number, escaped: string, hostile?: string): void {
    // A 'binary' (latin1) digest: each byte one character, so the first 8 are a short flat string.
    const d = hash('sha256', readBack(escaped, hostile), 'binary');
    const hi = ((d.charCodeAt(0) << 24) | (d.charCodeAt(1) << 16) | (d.charCodeAt(2) << 8) | d.charCodeAt(3)) >>> 0;
    const lo = ((d.charCodeAt(4) << 24) | (d.charCodeAt(5) << 16) | (d.charCodeAt(6) << 8) | d.charCodeAt(7)) >>> 0;
    this.heaps[template]!.offer(hi * 2 ** 21 + (lo >>> 11), d.slice(0, 8));
  }

  /** The kept hashes of a template as hex, sorted, at most `cap`. */
  list(template: number): string[] {
    return this.heaps[template]!.bytes.map((b) => Buffer.from(b, 'latin1').toString('hex')).sort();
  }
}
