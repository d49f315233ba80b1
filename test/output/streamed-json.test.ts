import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicDir } from '../../src/output/atomic-dir.ts';
import { json, writeClusters } from '../../src/output/write-build.ts';
import { OUTPUT_VERSION, type Cluster } from '../../src/output/schemas.ts';

/** clusters.json is written cluster by cluster; its bytes must be those of one JSON.stringify. */
describe('clusters.json streamed', () => {
  const tricky = {
    id: 'c_0123456789',
    members: ['k\n1', 'k "2"', 'ключ', '🦀', 'lone \ud800'],
    reasons: [],
    features: { nested: { empty: {}, list: [[], [1, [2, {}]]] }, n: 1.5, none: null },
  };
  for (const [name, clusters] of [
    ['no clusters', []],
    ['one cluster', [tricky]],
    ['several clusters', [tricky, { ...tricky, id: 'c_abcdefabcd', members: [] }, { id: 'c_ffffffffff' }]],
  ] as const) {
    it(`matches JSON.stringify(…, null, 2) with ${name}`, async () => {
      const target = join(mkdtempSync(join(tmpdir(), 'sybilscope-clusters-')), 'out');
      const dir = await AtomicDir.create(target);
      await writeClusters(dir, clusters as unknown as Cluster[]);
      await dir.commit();
      expect(readFileSync(join(target, 'clusters.json'), 'utf8')).toBe(json({ version: OUTPUT_VERSION, clusters }));
    });
  }
});
