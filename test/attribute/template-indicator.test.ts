/**
 * Template indicators end to end on the bundled sample: a framing as an
 * analyst would paste it (original casing, {} slots, a word changed) finds
 * the keys of the template the miner found; a popular frame is held by many
 * accounts and stays weak.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClustersFile, Truth } from '../../src/output/schemas.ts';
import { runCli, ROOT } from '../helpers/cli.ts';

describe('template indicators on the sample', () => {
  it('attribute the covert ring by its framing, paraphrased, and not strangers by a popular one', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'sybilscope-template-'));
    const sample = join(ROOT, 'data/sample');
    const truth = JSON.parse(readFileSync(join(sample, 'truth.json'), 'utf8')) as Truth;
    const covert = truth.templates!.find((t) => t.name === 'covert-fake-review')!.framings[0].replace('authentic-sounding', 'genuine-sounding');
    const actors = {
      actors: [
        { name: 'REVIEWS', indicators: [{ type: 'template', value: covert }] },
        { name: 'GRAMMAR', indicators: [{ type: 'template', value: 'Fix the grammar in this paragraph: {}' }] },
      ],
    };
    writeFileSync(join(tmp, 'actors.json'), JSON.stringify(actors));
    const out = join(tmp, 'out');
    const r = await runCli(['build', '--events', join(sample, 'events.jsonl'), '--accounts', join(sample, 'accounts.csv'), '--actors', join(tmp, 'actors.json'), '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const clusters = (JSON.parse(readFileSync(join(out, 'clusters.json'), 'utf8')) as ClustersFile).clusters;
    const ring = new Set(truth.groups.find((g) => g.name === 'covert-ring')!.keys);
    const reviews = clusters.filter((c) => c.attribution?.actor === 'REVIEWS');
    expect(reviews).toHaveLength(1);
    expect(reviews[0].members.every((k) => ring.has(k))).toBe(true);
    const indicator = reviews[0].attribution!.indicators[0];
    expect(indicator.type).toBe('template');
    expect(indicator.matched_in.key_count).toBeGreaterThan(5);
    // The popular frame: held by hundreds of ordinary accounts, weak wherever it matches.
    expect(clusters.some((c) => c.attribution?.actor === 'GRAMMAR')).toBe(false);
    const file = JSON.parse(readFileSync(join(out, 'attribution.json'), 'utf8'));
    expect(file.actors[1].matched).toBe(1);
  });
});
