import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EvaluationSchema, evaluateClusters, evaluateRun, formatEvaluation } from '../../src/evaluate/index.ts';
import type { Cluster, ClustersFile, Truth } from '../../src/output/schemas.ts';

const cluster = (id: string, rank: number, members: string[], risk = 1 - rank / 10): Cluster => ({
  id,
  rank,
  risk,
  size: members.length,
  members,
  accounts: [],
  features: {},
  reasons: [],
  evidence: {},
});

const truth: Truth = {
  version: 1,
  seed: 9,
  groups: [
    { name: 'mal-a', kind: 'malicious', description: '', keys: ['a1', 'a2', 'a3', 'a4'], accounts: [] },
    { name: 'mal-b', kind: 'malicious', description: '', keys: ['b1', 'b2', 'b3', 'b4'], accounts: [] },
    { name: 'ben-c', kind: 'benign', description: '', keys: ['c1', 'c2', 'c3'], accounts: [] },
    { name: 'ben-d', kind: 'benign', description: '', keys: ['d1', 'd2'], accounts: [] },
    { name: 'ordinary', kind: 'ordinary', description: '', keys: ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'], accounts: [] },
  ],
};

const clusters: ClustersFile = {
  version: 1,
  clusters: [
    cluster('k1', 1, ['a1', 'a2', 'a3', 'a4']), // mal-a exactly
    cluster('k2', 2, ['b1', 'b2', 'o1']), // mal-b split in two ...
    cluster('k3', 3, ['b3', 'b4']), // ... this half has the better F1
    cluster('k4', 4, ['c1', 'c2', 'c3', 'o2', 'o3', 'o4']), // ben-c merged with ordinary keys
  ],
};

const byName = (e: ReturnType<typeof evaluateClusters>, name: string) => e.groups.find((g) => g.name === name)!;

describe('evaluateClusters', () => {
  const e = evaluateClusters(clusters, truth);

  it('scores every non-ordinary group, in truth order, and validates', () => {
    expect(e.groups.map((g) => g.name)).toEqual(['mal-a', 'mal-b', 'ben-c', 'ben-d']);
    expect(EvaluationSchema.parse(e)).toEqual(e);
    expect(e.seed).toBe(9);
    expect(e.clusters).toBe(4);
  });

  it('a perfect match has F1 = 1 and no ordinary keys above it', () => {
    expect(byName(e, 'mal-a')).toMatchObject({ cluster: 'k1', rank: 1, risk: 0.9, precision: 1, recall: 1, f1: 1, ordinaryAbove: 0 });
  });

  it('a split group picks the half with the best F1', () => {
    const g = byName(e, 'mal-b');
    // k2: p = 2/3, r = 1/2, F1 = 4/7; k3: p = 1, r = 1/2, F1 = 2/3
    expect(g).toMatchObject({ cluster: 'k3', rank: 3, clusterSize: 2, overlap: 2, precision: 1, recall: 0.5 });
    expect(g.f1).toBeCloseTo(2 / 3, 12);
    expect(g.ordinaryAbove).toBe(1); // o1 sits in k2, ranked above k3
  });

  it('a merged cluster loses precision, not recall', () => {
    const g = byName(e, 'ben-c');
    expect(g).toMatchObject({ cluster: 'k4', rank: 4, precision: 0.5, recall: 1, ordinaryAbove: null });
    expect(g.f1).toBeCloseTo(2 / 3, 12);
  });

  it('a group in no cluster gets nulls and zeros', () => {
    expect(byName(e, 'ben-d')).toMatchObject({ cluster: null, rank: null, risk: null, clusterSize: null, overlap: 0, f1: 0, recall: 0 });
  });

  it('malicious above benign when every malicious best rank beats every benign best rank', () => {
    expect(e.maliciousAboveBenign).toBe(true);
    const swapped = { version: 1 as const, clusters: [clusters.clusters[0]!, { ...clusters.clusters[3]!, rank: 2 }, { ...clusters.clusters[2]!, rank: 3 }] };
    expect(evaluateClusters(swapped, truth).maliciousAboveBenign).toBe(false);
    const lost = { version: 1 as const, clusters: [clusters.clusters[0]!] };
    expect(evaluateClusters(lost, truth).maliciousAboveBenign).toBe(false);
  });

  it('keys missing from every cluster count against recall', () => {
    const partial = { version: 1 as const, clusters: [cluster('k1', 1, ['a1', 'a2'])] };
    expect(byName(evaluateClusters(partial, truth), 'mal-a')).toMatchObject({ precision: 1, recall: 0.5 });
  });

  it('breaks F1 ties by the better rank', () => {
    const tie = { version: 1 as const, clusters: [cluster('z', 6, ['a3', 'a4']), cluster('y', 5, ['a1', 'a2'])] };
    expect(byName(evaluateClusters(tie, truth), 'mal-a')).toMatchObject({ cluster: 'y', rank: 5 });
  });
});

describe('formatEvaluation', () => {
  it('prints one aligned row per group and the verdict', () => {
    const text = formatEvaluation(evaluateClusters(clusters, truth));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^group\s+kind\s+keys\s+cluster\s+rank/);
    expect(lines.slice(2, 6).map((l) => l.split(/\s+/)[0])).toEqual(['mal-a', 'mal-b', 'ben-c', 'ben-d']);
    expect(lines[2]).toMatch(/1\.000\s+1\.000\s+1\.000\s+0$/);
    expect(text).toContain('malicious ranked above benign: yes');
  });
});

describe('evaluateRun', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sybilscope-eval-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const truthFile = join(dir, 'truth.json');
  writeFileSync(truthFile, JSON.stringify(truth));

  const code = async (p: Promise<unknown>) => {
    const err = await p.then(() => null, (x: unknown) => x as { code: string; message: string });
    expect(err?.message).not.toContain('\n');
    return err?.code;
  };

  it('reads and validates OUT/clusters.json and the truth', async () => {
    writeFileSync(join(dir, 'clusters.json'), JSON.stringify(clusters));
    expect(await evaluateRun(dir, truthFile)).toEqual(evaluateClusters(clusters, truth));
  });

  it('fails with E_EVAL_INPUT on a missing, unparsable or invalid file', async () => {
    expect(await code(evaluateRun(join(dir, 'nowhere'), truthFile))).toBe('E_EVAL_INPUT');
    writeFileSync(join(dir, 'clusters.json'), JSON.stringify(clusters));
    expect(await code(evaluateRun(dir, join(dir, 'missing.json')))).toBe('E_EVAL_INPUT');
    writeFileSync(join(dir, 'clusters.json'), '{"version": 1, "clus');
    expect(await code(evaluateRun(dir, truthFile))).toBe('E_EVAL_INPUT');
    writeFileSync(join(dir, 'clusters.json'), JSON.stringify({ version: 1, clusters: [{ id: 'x' }] }));
    expect(await code(evaluateRun(dir, truthFile))).toBe('E_EVAL_INPUT');
  });
});
