/**
 * Tracking on generated data where one week follows another
 * (`generate --week 2`: same population, a new window, ~1% of ordinary keys
 * replaced, the distillation ring grown ~10%). Pins the id stability of
 * unchanged clusters, the grown ring in changes.json, unique ids, the view's
 * `new` marks and byte-identical outputs under shuffled rows.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/index.ts';
import type { ClustersFile, Truth } from '../../src/output/schemas.ts';
import { ChangesFileSchema } from '../../src/track/index.ts';
import { createRng, shuffle } from '../../src/util/rng.ts';
import { runCli, ROOT } from '../helpers/cli.ts';
import { expectGolden } from '../helpers/golden.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sybilscope-weeks-'));
const read = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;

async function buildInto(out: string, data: string, extra: string[] = [], events = join(data, 'events.jsonl'), accounts = join(data, 'accounts.csv')) {
  const r = await runCli(['build', '--events', events, '--accounts', accounts, '--out', out, '--quiet', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

describe('tracking across generated weeks', () => {
  const w1 = join(tmp, 'w1');
  const w2 = join(tmp, 'w2');
  let out1: string;
  let out2: string;

  beforeAll(async () => {
    await generate({ out: w1, seed: 7, events: 12_000 });
    await generate({ out: w2, seed: 7, events: 12_000, week: 2 });
    out1 = await buildInto(join(tmp, 'out1'), w1);
    out2 = await buildInto(join(tmp, 'out2'), w2, ['--previous', out1]);
  });

  it('week 2 is the same population a week later, with a few keys changed and the ring grown', () => {
    const t1 = read<Truth>(join(w1, 'truth.json'));
    const t2 = read<Truth>(join(w2, 'truth.json'));
    const ring = (t: Truth) => t.groups.find((g) => g.name === 'distillation-ring')!;
    expect(ring(t2).accounts.length).toBeGreaterThan(ring(t1).accounts.length);
    for (const a of ring(t1).accounts) expect(ring(t2).accounts).toContain(a);
    const keys = (t: Truth) => new Set(t.groups.flatMap((g) => g.keys));
    const k1 = keys(t1);
    const k2 = keys(t2);
    const kept = [...k1].filter((k) => k2.has(k)).length;
    expect(kept / k1.size).toBeGreaterThan(0.98);
    expect(kept).toBeLessThan(k1.size);
    const first = readFileSync(join(w2, 'events.jsonl'), 'utf8').slice(0, 200);
    expect(first).toMatch(/2026-11-09T/);
  });

  it('week 2 is byte-identical when generated again', async () => {
    const again = join(tmp, 'w2-again');
    await generate({ out: again, seed: 7, events: 12_000, week: 2 });
    for (const f of ['events.jsonl', 'accounts.csv', 'truth.json', 'actors.json']) expect(readFileSync(join(again, f)).equals(readFileSync(join(w2, f))), f).toBe(true);
  });

  it('keeps the id of ≥ 99% of unchanged clusters, and ids stay unique', () => {
    const before = read<ClustersFile>(join(out1, 'clusters.json')).clusters;
    const after = read<ClustersFile>(join(out2, 'clusters.json')).clusters;
    const idOf = new Map(before.map((c) => [c.members.join(' '), c.id]));
    const unchanged = after.filter((c) => idOf.has(c.members.join(' ')));
    expect(unchanged.length).toBeGreaterThan(40);
    const kept = unchanged.filter((c) => idOf.get(c.members.join(' ')) === c.id).length;
    expect(kept / unchanged.length).toBeGreaterThanOrEqual(0.99);
    expect(new Set(after.map((c) => c.id)).size).toBe(after.length);
    for (const c of after) expect(c.change, c.id).toBeDefined();
  });

  it('changes.json lists the grown ring with its new keys, and agrees with the clusters', () => {
    const changes = ChangesFileSchema.parse(read(join(out2, 'changes.json')));
    const t1 = read<Truth>(join(w1, 'truth.json'));
    const t2 = read<Truth>(join(w2, 'truth.json'));
    const ring1 = new Set(t1.groups.find((g) => g.name === 'distillation-ring')!.keys);
    const newRingKeys = t2.groups.find((g) => g.name === 'distillation-ring')!.keys.filter((k) => !ring1.has(k));
    const added = new Set(changes.grown.flatMap((g) => g.added));
    const newIds = new Set(changes.new.map((n) => n.id));
    const after = read<ClustersFile>(join(out2, 'clusters.json')).clusters;
    const inNew = new Set(after.filter((c) => newIds.has(c.id)).flatMap((c) => c.members));
    // Every new ring key is reported: as added to a continued cluster, or in a new one.
    for (const k of newRingKeys) expect(added.has(k) || inNew.has(k), k).toBe(true);
    expect(changes.counts.new).toBe(after.filter((c) => c.change!.status === 'new').length);
    const overview = read<{ nodes: Array<{ id: string; new?: boolean }> }>(join(out2, 'view/overview.json'));
    expect(overview.nodes.filter((n) => n.new).map((n) => n.id).sort()).toEqual([...newIds].sort());
    expectGolden(join(ROOT, 'test/track/expected/sample-week2-changes.json'), readFileSync(join(out2, 'changes.json'), 'utf8'));
  });

  it('the same data against itself: every cluster continues unchanged', async () => {
    const again = await buildInto(join(tmp, 'again'), w1, ['--previous', out1]);
    const changes = ChangesFileSchema.parse(read(join(again, 'changes.json')));
    expect(changes.counts).toMatchObject({ new: 0, gone: 0, grown: 0, shrunk: 0, merged: 0, split: 0 });
    expect(changes.counts.unchanged).toBe(changes.counts.clusters);
    const a = read<ClustersFile>(join(out1, 'clusters.json')).clusters;
    const b = read<ClustersFile>(join(again, 'clusters.json')).clusters;
    expect(b.map((c) => c.id)).toEqual(a.map((c) => c.id));
  });

  it('gives byte-identical files for rows in any order', async () => {
    const dir = join(tmp, 'shuffled');
    mkdirSync(dir);
    const rng = createRng(5);
    const lines = readFileSync(join(w2, 'events.jsonl'), 'utf8').replace(/\n$/, '').split('\n');
    writeFileSync(join(dir, 'events.jsonl'), shuffle(rng, lines).join('\n') + '\n');
    const [header, ...rows] = readFileSync(join(w2, 'accounts.csv'), 'utf8').replace(/\n$/, '').split('\n');
    writeFileSync(join(dir, 'accounts.csv'), [header, ...shuffle(rng, rows)].join('\n') + '\n');
    const second = await buildInto(join(tmp, 'out2-shuffled'), dir, ['--previous', out1]);
    for (const name of ['clusters.json', 'changes.json', 'view/overview.json', 'assignments.csv'])
      expect(readFileSync(join(second, name), 'utf8'), name).toBe(readFileSync(join(out2, name), 'utf8'));
  });

  it('sybilscope attribute on a tracked build keeps its ids and carries its changes over', async () => {
    const tracked = join(tmp, 'tracked');
    await buildInto(tracked, w2, ['--previous', out1]);
    const before = read<ClustersFile>(join(tracked, 'clusters.json')).clusters;
    const changes = readFileSync(join(tracked, 'changes.json'), 'utf8');
    const r = await runCli(['attribute', tracked, '--actors', join(w2, 'actors.json'), '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(tracked, 'changes.json'), 'utf8')).toBe(changes);
    const after = read<ClustersFile>(join(tracked, 'clusters.json')).clusters;
    expect(after.map((c) => [c.id, c.change])).toEqual(before.map((c) => [c.id, c.change]));
    expect(after.filter((c) => c.attribution).length).toBeGreaterThan(1);
  });

  it('a missing previous run is a one-line error', async () => {
    const r = await runCli(['build', '--events', join(w2, 'events.jsonl'), '--previous', join(tmp, 'nope'), '--out', join(tmp, 'x'), '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--previous .*nope: no clusters\.json there/);
  });
});
