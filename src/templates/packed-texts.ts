/**
 * Many strings in one byte buffer with offsets, all in shared memory, so
 * worker threads read the prompts without a structured clone of millions of
 * strings: text i is bytes[offsets[i], offsets[i + 1]). Texts are UTF-8,
 * except those with a lone surrogate (attacker-written prompts can have
 * them, and UTF-8 would turn them into U+FFFD), which are stored as their
 * UTF-16 code units, little-endian, so every text reads back exactly.
 */
export interface PackedTexts {
  bytes: Uint8Array;
  offsets: Float64Array;
  /** 1 where text i is stored as UTF-16 code units. */
  utf16: Uint8Array;
}

export function packTexts(texts: readonly string[]): PackedTexts {
  const n = texts.length;
  const offsets = new Float64Array(new SharedArrayBuffer(8 * (n + 1)));
  const utf16 = new Uint8Array(new SharedArrayBuffer(Math.max(1, n)));
  let chars = 0;
  for (const t of texts) chars += t.length;
  // Room for ASCII and a little more; doubled (and copied) when a text does not fit.
  let bytes = new Uint8Array(new SharedArrayBuffer(Math.ceil(chars * 1.25) + 1024));
  const encoder = new TextEncoder();
  const grow = (min: number) => {
    const grown = new Uint8Array(new SharedArrayBuffer(Math.max(2 * bytes.length, min)));
    grown.set(bytes.subarray(0, at));
    bytes = grown;
  };
  let at = 0;
  for (let i = 0; i < n; i++) {
    const t = texts[i]!;
    offsets[i] = at;
    if (isWellFormed(t)) {
      let r = encoder.encodeInto(t, bytes.subarray(at));
      while (r.read < t.length) grow(at + 3 * t.length), (r = encoder.encodeInto(t, bytes.subarray(at)));
      at += r.written;
    } else {
      if (at + 2 * t.length > bytes.length) grow(at + 2 * t.length);
      utf16[i] = 1;
      for (let j = 0; j < t.length; j++) (bytes[at + 2 * j] = t.charCodeAt(j) & 0xff), (bytes[at + 2 * j + 1] = t.charCodeAt(j) >>> 8);
      at += 2 * t.length;
    }
  }
  offsets[n] = at;
  return { bytes: bytes.subarray(0, at), offsets, utf16 };
}

const decoder = new TextDecoder();

/** String.prototype.isWellFormed (Node 20; not in the ES2022 library types). */
function isWellFormed(t: string): boolean {
  return (t as string & { isWellFormed(): boolean }).isWellFormed();
}

export function textAt(p: PackedTexts, i: number): string {
  const from = p.offsets[i]!;
  const to = p.offsets[i + 1]!;
  if (!p.utf16[i]) return decoder.decode(p.bytes.subarray(from, to));
  let s = '';
  for (let j = from; j < to; j += 2) s += String.fromCharCode(p.bytes[j]! | (p.bytes[j + 1]! << 8));
  return s;
}
