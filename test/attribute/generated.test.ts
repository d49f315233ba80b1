/**
 * The attribution bar on generated data (actors.json written by the
 * generator: two cards and a signup IP of the distillation ring, one key of
 * the covert ring, an absent actor): every malicious group attributed to its
 * actor, no benign or ordinary cluster attributed, the absent actor nowhere.
 * Pinned on two seeds and on the bundled sample, whose attribution is also a
 * golden file; `sybilscope attribute` on a finished build gives the same
 * files as `build --actors`, and rows in any order give the same bytes.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/index.ts';
import type { ClustersFile, Truth } from '../../src/output/schemas.ts';
import { createRng, shuffle } from '../../src/util/rng.ts';
import { runCli, ROOT } from '../helpers/cli.ts';
import { expectGolden } from '../helpers/golden.ts';

const ACTOR_OF: Record<string, string> = { 'distillation-ring': 'LANTERN', 'covert-ring': 'QUIETWATER' };

async function buildWithActors(dir: string, extra: string[] = [], events = join(dir, 'events.jsonl'), accounts = join(dir, 'accounts.csv')) {
  const out = join(dir, `out${extra.length}`);
  const r = await runCli(['build', '--events', events, '--accounts', accounts, '--actors', join(dir, 'actors.json'), '--out', out, '--quiet', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

const read = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;

/** Every cluster with the truth group holding most of its keys. */
function byGroup(out: string, truth: Truth) {
  const group = new Map<string, string>();
  for (const g of truth.groups) for (const k of g.keys) group.set(k, g.name);
  return read<ClustersFile>(join(out, 'clusters.json')).clusters.map((c) => {
    const counts = new Map<string, number>();
    for (const m of c.members) counts.set(group.get(m)!, (counts.get(group.get(m)!) ?? 0) + 1);
    const [major] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    return { cluster: c, major, kind: truth.groups.find((g) => g.name === major)!.kind };
  });
}

function expectBar(out: string, truth: Truth) {
  const clusters = byGroup(out, truth);
  for (const [group, actor] of Object.entries(ACTOR_OF)) {
    const mine = clusters.filter((c) => c.major === group);
    expect(mine.length, group).toBeGreaterThan(0);
    for (const c of mine) expect(c.cluster.attribution?.actor, `${group} ${c.cluster.id}`).toBe(actor);
  }
  for (const c of clusters.filter((x) => x.kind !== 'malicious')) expect(c.cluster.attribution ?? null, `${c.major} ${c.cluster.id}`).toBeNull();
  for (const c of clusters) {
    expect(c.cluster.attribution?.actor).not.toBe('HOLLOWAY');
    expect(c.cluster.candidates!.map((x) => x.actor)).not.toContain('HOLLOWAY');
  }
  const file = read<{ actors: Array<{ name: string; clusters: string[]; matched: number }> }>(join(out, 'attribution.json'));
  expect(file.actors.find((a) => a.name === 'HOLLOWAY')).toMatchObject({ clusters: [], matched: 0 });
}

describe.each([1, 2])('attribution on generated data, seed %i', (seed) => {
  it('attributes each ring to its actor and nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), `sybilscope-attr-${seed}-`));
    await generate({ out: dir, seed, events: 20_000 });
    const out = await buildWithActors(dir);
    expectBar(out, read<Truth>(join(dir, 'truth.json')));
  });
});

describe('attribution on the bundled sample', () => {
  const sample = join(ROOT, 'data/sample');
  const tmp = mkdtempSync(join(tmpdir(), 'sybilscope-attr-sample-'));
  let out: string;

  it('meets the bar; the attribution is a golden file', async () => {
    out = join(tmp, 'out');
    const r = await runCli(['build', '--events', join(sample, 'events.jsonl'), '--accounts', join(sample, 'accounts.csv'), '--actors', join(sample, 'actors.json'), '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expectBar(out, read<Truth>(join(sample, 'truth.json')));
    const clusters = read<ClustersFile>(join(out, 'clusters.json')).clusters;
    const attributed = clusters.filter((c) => c.attribution || c.candidates!.length > 0).map((c) => ({ id: c.id, attribution: c.attribution, candidates: c.candidates }));
    expectGolden(join(ROOT, 'test/attribute/expected/sample-attribution.json'), JSON.stringify(attributed, null, 2) + '\n');
    expectGolden(join(ROOT, 'test/attribute/expected/sample-attribution-file.json'), readFileSync(join(out, 'attribution.json'), 'utf8'));
    // The view files carry the same attribution.
    for (const c of clusters) expect(read<{ attribution: unknown }>(join(out, 'view/clusters', `${c.id}.json`)).attribution).toEqual(c.attribution ?? null);
    const overview = read<{ nodes: Array<{ id: string; actor?: string | null }> }>(join(out, 'view/overview.json'));
    expect(overview.nodes.filter((n) => n.actor).map((n) => n.actor).sort()).toEqual(['LANTERN', 'QUIETWATER']);
  });

  it('sybilscope attribute on a finished build writes the same files as build --actors', async () => {
    const plain = join(tmp, 'plain');
    let r = await runCli(['build', '--events', join(sample, 'events.jsonl'), '--accounts', join(sample, 'accounts.csv'), '--out', plain, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(read<ClustersFile>(join(plain, 'clusters.json')).clusters[0].attribution).toBeUndefined();
    r = await runCli(['attribute', plain, '--actors', join(sample, 'actors.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^2 of \d+ clusters attributed/);
    expect(r.stdout).toMatch(/LANTERN/);
    const names = ['clusters.json', 'attribution.json', 'edges.jsonl', 'assignments.csv', 'view/overview.json', 'view/search.json'];
    for (const name of names) expect(readFileSync(join(plain, name), 'utf8'), name).toBe(readFileSync(join(out, name), 'utf8'));
  });

  it('sybilscope attribute refuses inputs changed since the build, and leaves the folder as it was', async () => {
    const dir = join(tmp, 'changed');
    mkdirSync(dir);
    writeFileSync(join(dir, 'events.jsonl'), readFileSync(join(sample, 'events.jsonl')));
    const built = join(dir, 'out');
    await runCli(['build', '--events', join(dir, 'events.jsonl'), '--accounts', join(sample, 'accounts.csv'), '--out', built, '--quiet']);
    const before = readFileSync(join(built, 'clusters.json'), 'utf8');
    writeFileSync(join(dir, 'events.jsonl'), readFileSync(join(sample, 'events.jsonl'), 'utf8').split('\n').slice(0, 5000).join('\n') + '\n');
    const r = await runCli(['attribute', built, '--actors', join(sample, 'actors.json'), '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/changed since the build/);
    expect(readFileSync(join(built, 'clusters.json'), 'utf8')).toBe(before);
  });

  it('gives byte-identical files for rows in any order', async () => {
    const dir = join(tmp, 'shuffled');
    mkdirSync(dir);
    const rng = createRng(77);
    const lines = readFileSync(join(sample, 'events.jsonl'), 'utf8').replace(/\n$/, '').split('\n');
    writeFileSync(join(dir, 'events.jsonl'), shuffle(rng, lines).join('\n') + '\n');
    const [header, ...rows] = readFileSync(join(sample, 'accounts.csv'), 'utf8').replace(/\n$/, '').split('\n');
    writeFileSync(join(dir, 'accounts.csv'), [header, ...shuffle(rng, rows)].join('\n') + '\n');
    writeFileSync(join(dir, 'actors.json'), readFileSync(join(sample, 'actors.json')));
    const second = await buildWithActors(dir);
    const views = readdirSync(join(out, 'view/clusters')).map((f) => join('view/clusters', f));
    for (const name of ['clusters.json', 'attribution.json', 'view/overview.json', ...views])
      expect(readFileSync(join(second, name), 'utf8'), name).toBe(readFileSync(join(out, name), 'utf8'));
  });
});
