import { describe, expect, it } from 'vitest';
import { WindowLog } from '../../src/aggregate/windows.ts';
import { dataset, ev, T0 } from '../helpers/records.ts';

describe('co-activity windows', () => {
  it('groups by IP, maps keys to their final index, sorts and de-duplicates', () => {
    const log = new WindowLog();
    // (ip, key in arrival order, window)
    for (const [ip, key, w] of [[1, 0, 7], [0, 1, 3], [1, 1, 9], [1, 0, 2], [1, 0, 7], [1, 2, 4]]) log.push(ip, key, w);
    // Arrival order 0, 1, 2 becomes final order 2, 0, 1.
    const windows = log.finish(2, Int32Array.of(2, 0, 1));
    expect(windows.of(1, Int32Array.of(0, 1, 2))).toEqual({ offsets: Int32Array.of(0, 1, 2, 4), data: Float64Array.of(9, 4, 2, 7) });
    expect(windows.of(0, Int32Array.of(0))).toEqual({ offsets: Int32Array.of(0, 1), data: Float64Array.of(3) });
  });

  it('records windows whatever the row order', () => {
    const rows = [0, 1, 2, 3].map((m) => ev({ key_id: m % 2 ? 'b' : 'a', ip: '192.0.2.1', timestamp: T0 + m * 3_600_000 }));
    const a = dataset(rows);
    const b = dataset([...rows].reverse());
    const key = Int32Array.of(0, 1);
    expect(b.ipWindows.of(0, key)).toEqual(a.ipWindows.of(0, key));
  });
});
