import { describe, expect, it } from 'vitest';
import { clusterId } from '../../src/score/index.ts';
import { trackClusters, type TrackedCluster } from '../../src/track/index.ts';

const keys = (prefix: string, n: number, from = 0) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + from).padStart(3, '0')}`);
/** A cluster with its own id, as the score stage gives it: c_ + sha256 of the smallest key. */
const cl = (members: string[]): TrackedCluster => ({ id: clusterId([...members].sort()[0]), members: [...members].sort() });
const named = (id: string, members: string[]): TrackedCluster => ({ id, members: [...members].sort() });

describe('trackClusters', () => {
  it('keeps every id when nothing changed', () => {
    const prev = [named('c_aaaaaaaaaa', keys('a', 5)), named('c_bbbbbbbbbb', keys('b', 4))];
    const r = trackClusters([cl(keys('b', 4)), cl(keys('a', 5))], prev, 'week1');
    expect(r.ids).toEqual(['c_bbbbbbbbbb', 'c_aaaaaaaaaa']);
    expect(r.file.counts).toMatchObject({ clusters: 2, continued: 2, unchanged: 2, new: 0, gone: 0 });
    expect(r.changes[0]).toEqual({ status: 'continued', previous: 'c_bbbbbbbbbb', added: 0, removed: 0, jaccard: 1 });
    expect(r.file.previous).toEqual({ dir: 'week1', clusters: 2 });
  });

  it('a grown cluster keeps its id and lists the new keys, even when its smallest key is new', () => {
    const prev = [named('c_aaaaaaaaaa', keys('a', 10, 1))];
    const now = cl([...keys('a', 10, 1), 'a000', 'a050']);
    expect(now.id).not.toBe('c_aaaaaaaaaa');
    const r = trackClusters([now], prev, 'p');
    expect(r.ids).toEqual(['c_aaaaaaaaaa']);
    expect(r.file.grown).toEqual([{ id: 'c_aaaaaaaaaa', added: ['a000', 'a050'] }]);
    expect(r.file.shrunk).toEqual([]);
    expect(r.changes[0]).toMatchObject({ status: 'continued', added: 2, removed: 0 });
  });

  it('a shrunk cluster keeps its id and lists the keys gone', () => {
    const prev = [named('c_aaaaaaaaaa', keys('a', 10))];
    const r = trackClusters([cl(keys('a', 7, 3))], prev, 'p');
    expect(r.ids).toEqual(['c_aaaaaaaaaa']);
    expect(r.file.shrunk).toEqual([{ id: 'c_aaaaaaaaaa', removed: ['a000', 'a001', 'a002'] }]);
  });

  it('a merge keeps the id of the larger part and names both', () => {
    const prev = [named('c_aaaaaaaaaa', keys('a', 6)), named('c_bbbbbbbbbb', keys('b', 4))];
    const r = trackClusters([cl([...keys('a', 6), ...keys('b', 4)])], prev, 'p');
    expect(r.ids).toEqual(['c_aaaaaaaaaa']);
    expect(r.file.merged).toEqual([{ id: 'c_aaaaaaaaaa', from: ['c_aaaaaaaaaa', 'c_bbbbbbbbbb'] }]);
    expect(r.file.gone).toEqual([{ id: 'c_bbbbbbbbbb', size: 4, now_in: ['c_aaaaaaaaaa'] }]);
  });

  it('a split keeps the id on the larger part; the other part is new with an id of its own', () => {
    const prev = [named(clusterId('a000'), keys('a', 10))];
    // The smaller part holds a000, so its own id would be the previous one: it must take another.
    const small = cl(keys('a', 4));
    const large = cl(keys('a', 6, 4));
    const r = trackClusters([small, large], prev, 'p');
    expect(r.ids[1]).toBe(clusterId('a000'));
    expect(r.ids[0]).toBe(clusterId('a001'));
    expect(new Set(r.ids).size).toBe(2);
    expect(r.file.split).toEqual([{ previous: clusterId('a000'), into: [clusterId('a000'), clusterId('a001')].sort() }]);
    expect(r.file.new).toEqual([{ id: clusterId('a001'), size: 4 }]);
    expect(r.changes[0]).toMatchObject({ status: 'new', previous: null });
  });

  it('a vanished cluster is gone, with nowhere its keys went', () => {
    const prev = [named('c_aaaaaaaaaa', keys('a', 3)), named('c_bbbbbbbbbb', keys('b', 3))];
    const r = trackClusters([cl(keys('a', 3))], prev, 'p');
    expect(r.file.gone).toEqual([{ id: 'c_bbbbbbbbbb', size: 3, now_in: [] }]);
    expect(r.file.counts).toMatchObject({ continued: 1, gone: 1, new: 0 });
  });

  it('a cluster overlapping too little is new, and never takes a gone cluster’s id', () => {
    const prev = [named(clusterId('a000'), keys('a', 10))];
    const r = trackClusters([cl([...keys('a', 2), ...keys('z', 8)])], prev, 'p');
    expect(r.changes[0].status).toBe('new');
    expect(r.ids[0]).not.toBe(clusterId('a000'));
    expect(r.file.gone.map((g) => g.id)).toEqual([clusterId('a000')]);
  });

  it('breaks ties the same way whatever the input order', () => {
    // Two current halves with the same overlap with one previous cluster.
    const prev = [named('c_aaaaaaaaaa', keys('a', 8))];
    const x = cl(keys('a', 4));
    const y = cl(keys('a', 4, 4));
    const r1 = trackClusters([x, y], prev, 'p');
    const r2 = trackClusters([y, x], prev, 'p');
    expect(r1.ids).toEqual([...r2.ids].reverse());
    expect(r1.file).toEqual(r2.file);
    // The tie goes to the cluster whose own id sorts first.
    expect(r1.ids[[x.id, y.id].sort()[0] === x.id ? 0 : 1]).toBe('c_aaaaaaaaaa');
  });

  it('threshold is an option', () => {
    const prev = [named('c_aaaaaaaaaa', keys('a', 10))];
    const now = [cl(keys('a', 4))];
    expect(trackClusters(now, prev, 'p').changes[0].status).toBe('new');
    expect(trackClusters(now, prev, 'p', { threshold: 0.3 }).ids).toEqual(['c_aaaaaaaaaa']);
  });
});
