/**
 * Co-activity windows: (IP id, window, key) triples in growable typed arrays,
 * then grouped by IP with a counting sort. Per IP and key, the sorted distinct
 * windows are what co-activity needs; they are cut out only for IPs that can
 * link (not hubs), when the value tables ask.
 */
import { grow } from '../util/grow.ts';

export class WindowLog {
  private size = 0;
  private ip = new Int32Array(1 << 16);
  private key = new Int32Array(1 << 16);
  private window = new Float64Array(1 << 16);

  push(ip: number, key: number, window: number): void {
    if (this.size === this.ip.length) {
      this.ip = grow(this.ip, new Int32Array(this.size * 2));
      this.key = grow(this.key, new Int32Array(this.size * 2));
      this.window = grow(this.window, new Float64Array(this.size * 2));
    }
    this.ip[this.size] = ip;
    this.key[this.size] = key;
    this.window[this.size] = window;
    this.size++;
  }

  /** The entries pushed, as columns (trimmed copies); the log is left empty. */
  drain(): WindowList {
    const n = this.size;
    const out = { ip: this.ip.slice(0, n), key: this.key.slice(0, n), window: this.window.slice(0, n) };
    this.size = 0;
    this.ip = new Int32Array(1 << 4);
    this.key = new Int32Array(1 << 4);
    this.window = new Float64Array(1 << 4);
    return out;
  }

  /** Group by IP; `keyIndex` maps arrival order to the final key index. */
  finish(ips: number, keyIndex: Int32Array): IpWindows {
    const offsets = new Int32Array(ips + 1);
    for (let i = 0; i < this.size; i++) offsets[this.ip[i] + 1]++;
    for (let i = 0; i < ips; i++) offsets[i + 1] += offsets[i];
    const fill = offsets.slice(0, ips);
    const keys = new Int32Array(this.size);
    const windows = new Float64Array(this.size);
    for (let i = 0; i < this.size; i++) {
      const at = fill[this.ip[i]]++;
      keys[at] = keyIndex[this.key[i]];
      windows[at] = this.window[i];
    }
    return new IpWindows(offsets, keys, windows);
  }
}

/** Log entries as columns: key[i] was active on IP ip[i] in window[i]. */
export interface WindowList {
  ip: Int32Array;
  key: Int32Array;
  window: Float64Array;
}

/** Windows of one value's keys, flat: key i's windows are data[offsets[i] … offsets[i+1]). */
export interface KeyWindows {
  offsets: Int32Array;
  data: Float64Array;
}

export class IpWindows {
  constructor(
    private readonly offsets: Int32Array,
    private readonly keys: Int32Array,
    private readonly windows: Float64Array,
  ) {}

  /** Sorted distinct windows of each of `keys` (ascending key indices) on IP `ip`. */
  of(ip: number, keys: Int32Array): KeyWindows {
    const start = this.offsets[ip];
    const end = this.offsets[ip + 1];
    const order = Array.from({ length: end - start }, (_, i) => start + i).sort(
      (a, b) => this.keys[a] - this.keys[b] || this.windows[a] - this.windows[b],
    );
    const offsets = new Int32Array(keys.length + 1);
    const data = new Float64Array(order.length);
    let n = 0;
    let o = 0;
    for (let i = 0; i < keys.length; i++) {
      offsets[i] = n;
      while (o < order.length && this.keys[order[o]] < keys[i]) o++;
      for (; o < order.length && this.keys[order[o]] === keys[i]; o++) {
        const w = this.windows[order[o]];
        if (n === offsets[i] || data[n - 1] !== w) data[n++] = w;
      }
    }
    offsets[keys.length] = n;
    return { offsets, data: data.subarray(0, n) };
  }
}
