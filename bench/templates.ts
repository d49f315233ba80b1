/**
 * Benchmark of the template miner on one core: prompts/s of mineTemplates on
 * planted workloads (ten templates with prose, code and Chinese fillings of a
 * few hundred characters, plus 30% free-form prompts). BENCH_PROMPTS=200000
 * to choose the size, BENCH_PER_KEY=100 the prompts per key, BENCH_RUNS=3 the repeats (the best and median are
 * printed; the machine may be busy). Not a test: nothing here asserts a time.
 */
import { mineTemplates, templateQuality, type MinerStats } from '../src/templates/index.ts';
import { planted } from '../test/templates/fixtures.ts';

const total = Number(process.env.BENCH_PROMPTS ?? 200_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const perKey = Number(process.env.BENCH_PER_KEY ?? 100);
const keys = Math.max(10, Math.round(total / perKey));
const t0 = performance.now();
const { samples, truth } = planted(1, Math.round((total * 0.7) / 10), Math.round(total * 0.3), keys);
const chars = samples.reduce((s, r) => s + r.prompt.length, 0);
console.error(`generated ${samples.length} prompts (${(chars / samples.length).toFixed(0)} chars on average, ${keys} keys) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

for (const cap of [200, 0]) {
  const times: number[] = [];
  let q = templateQuality(truth, new Int32Array(samples.length).fill(-1));
  let found = 0;
  const stats: Partial<MinerStats> = {};
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    const res = mineTemplates(samples, { maxPromptsPerKey: cap }, stats);
    times.push((performance.now() - t) / 1000);
    q = templateQuality(truth, res.assignment);
    found = res.templates.length;
  }
  times.sort((a, b) => a - b);
  const rate = (s: number) => Math.round(samples.length / s).toLocaleString('en');
  console.log(
    `maxPromptsPerKey=${cap}: ${samples.length} prompts, best ${times[0]!.toFixed(2)} s (${rate(times[0]!)} prompts/s), ` +
      `median ${times[runs >> 1]!.toFixed(2)} s (${rate(times[runs >> 1]!)} prompts/s); ` +
      `${found} templates, purity ${q.purity.toFixed(4)}, recall ${q.recall.toFixed(4)}, ARI ${q.ari.toFixed(4)}; ` +
      `frames verified ${(stats.candidates! / samples.length).toFixed(1)}/prompt; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
  );
}
