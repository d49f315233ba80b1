/**
 * Benchmark of the template miner: prompts/s of mining on planted workloads
 * (ten templates with prose, code and Chinese fillings of a few hundred
 * characters, plus 30% free-form prompts), on the calling thread and on
 * worker threads. BENCH_PROMPTS=200000 to choose the size, BENCH_PER_KEY=100
 * the prompts per key, BENCH_RUNS=3 the repeats (the best and median are
 * printed; the machine may be busy), BENCH_WORKERS=1,2 the worker counts
 * (1 = mineTemplates on this thread), BENCH_CAPS=200,0 the discovery caps
 * (maxPromptsPerKey). Each line also gives the load average when it started
 * and the peak RSS so far (the worker threads share the process, so it
 * includes theirs). Not a test: nothing here asserts a time.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { mineTemplates, mineTemplatesParallel, templateQuality, type MinedTemplates, type MinerStats } from '../src/templates/index.ts';
import { planted } from '../test/templates/fixtures.ts';

const total = Number(process.env.BENCH_PROMPTS ?? 200_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const perKey = Number(process.env.BENCH_PER_KEY ?? 100);
const workerCounts = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const caps = (process.env.BENCH_CAPS ?? '200,0').split(',').map(Number);
const keys = Math.max(10, Math.round(total / perKey));
const t0 = performance.now();
const { samples, truth } = planted(1, Math.round((total * 0.7) / 10), Math.round(total * 0.3), keys);
const chars = samples.reduce((s, r) => s + r.prompt.length, 0);
console.error(`generated ${samples.length} prompts (${(chars / samples.length).toFixed(0)} chars on average, ${keys} keys) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
/**
 * CPU seconds of the main thread (Linux: /proc), NaN elsewhere. On a busy machine the wall time
 * says little; the main thread's CPU is the critical path of a run with workers, the time an idle
 * machine with a core per worker would take.
 */
function mainThreadCpu(): number {
  try {
    const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
}
for (const cap of caps) {
  let reference: MinedTemplates | null = null;
  for (const workers of workerCounts) {
    const times: number[] = [];
    const cpu: number[] = [];
    let q = templateQuality(truth, new Int32Array(samples.length).fill(-1));
    let found = 0;
    const stats: Partial<MinerStats> = {};
    const load = loadavg()[0]!.toFixed(1);
    let same = true;
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const c = mainThreadCpu();
      const res =
        workers === 1
          ? mineTemplates(samples, { maxPromptsPerKey: cap }, stats)
          : await mineTemplatesParallel(samples, { maxPromptsPerKey: cap }, { workers }, stats);
      times.push((performance.now() - t) / 1000);
      cpu.push(mainThreadCpu() - c);
      q = templateQuality(truth, res.assignment);
      found = res.templates.length;
      if (reference === null) reference = res;
      else same &&= JSON.stringify(res.templates) === JSON.stringify(reference.templates) && res.assignment.every((a, i) => a === reference!.assignment[i]);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const rate = (s: number) => Math.round(samples.length / s).toLocaleString('en');
    console.log(
      `maxPromptsPerKey=${cap} workers=${workers}: ${samples.length} prompts, best ${times[0]!.toFixed(2)} s (${rate(times[0]!)} prompts/s), ` +
        `median ${times[runs >> 1]!.toFixed(2)} s (${rate(times[runs >> 1]!)} prompts/s); ` +
        `${found} templates, purity ${q.purity.toFixed(4)}, recall ${q.recall.toFixed(4)}, ARI ${q.ari.toFixed(4)}; ` +
        `main-thread CPU ${cpu[0]!.toFixed(2)} s (${rate(cpu[0]!)} prompts/s); ` +
        `frames verified ${(stats.candidates! / samples.length).toFixed(1)}/prompt; same as the first run: ${same ? 'yes' : 'NO'}; ` +
        `load ${load}; peak rss ${mib(process.resourceUsage().maxRSS * 1024)} MiB`,
    );
  }
}
