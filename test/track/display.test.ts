/**
 * What the reports show of tracking and attribution: a cluster new since the
 * previous run is marked in index.html and in its own report; an attributed
 * cluster names its actor. (Reports themselves are tested in test/report.)
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/index.ts';
import type { ClustersFile } from '../../src/output/schemas.ts';
import { runCli } from '../helpers/cli.ts';

describe('reports of a tracked, attributed build', () => {
  it('mark new clusters and name the actor', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'sybilscope-display-'));
    const w1 = join(tmp, 'w1');
    const w2 = join(tmp, 'w2');
    await generate({ out: w1, seed: 7, events: 12_000 });
    await generate({ out: w2, seed: 7, events: 12_000, week: 2 });
    const build = (data: string, out: string, extra: string[]) =>
      runCli(['build', '--events', join(data, 'events.jsonl'), '--accounts', join(data, 'accounts.csv'), '--out', out, '--quiet', ...extra]);
    expect((await build(w1, join(tmp, 'o1'), [])).code).toBe(0);
    const out = join(tmp, 'o2');
    expect((await build(w2, out, ['--previous', join(tmp, 'o1'), '--actors', join(w2, 'actors.json')])).code).toBe(0);
    const r = await runCli(['report', out, '--format', 'html', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const clusters = (JSON.parse(readFileSync(join(out, 'clusters.json'), 'utf8')) as ClustersFile).clusters;
    const fresh = clusters.filter((c) => c.change?.status === 'new');
    const old = clusters.filter((c) => c.change?.status === 'continued');
    expect(fresh.length).toBeGreaterThan(0);
    const index = readFileSync(join(out, 'reports/index.html'), 'utf8');
    const row = (id: string) => index.split('<tr>').find((x) => x.includes(`>${id}</a>`))!;
    for (const c of fresh) expect(row(c.id), c.id).toContain('title="new since the previous run">new<');
    for (const c of old) expect(row(c.id), c.id).not.toContain('>new<');
    expect(readFileSync(join(out, `reports/${fresh[0].id}.html`), 'utf8')).toContain('New since the previous run.');
    const attributed = clusters.find((c) => c.attribution?.actor === 'QUIETWATER')!;
    expect(row(attributed.id)).toContain('QUIETWATER');
    expect(readFileSync(join(out, `reports/${attributed.id}.html`), 'utf8')).toContain('propagated from key');
  });
});
