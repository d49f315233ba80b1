/**
 * Benchmark of the template miner on generated event logs (bench/build.ts
 * output): reads JSONL events, samples BENCH_PER_KEY (8) prompts per key with
 * PromptSampler, and times mineTemplates on the sample. Lines that fail
 * JSON.parse or lack a string prompt are skipped.
 *   BENCH_EVENTS=bench/.data/1000000/events.jsonl  path of the events
 *   BENCH_LINES=…      read at most this many lines
 *   BENCH_SAMPLES=…    keep at most this many samples (those of the lowest key indices)
 *   BENCH_RUNS=1       repeats of mineTemplates
 *   BENCH_OPTIONS='{"floatingChars":0}'  further miner options (JSON)
 *   BENCH_STATS=1      print the work counters; BENCH_TOP=20 print the largest templates
 * Not a test: nothing here asserts a time.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { PromptSampler, mineTemplates, type PromptSample } from '../src/templates/index.ts';
import type { MinerStats } from '../src/templates/index.ts';

const path = process.env.BENCH_EVENTS ?? 'bench/.data/1000000/events.jsonl';
const maxLines = Number(process.env.BENCH_LINES ?? Infinity);
const maxSamples = Number(process.env.BENCH_SAMPLES ?? Infinity);
const runs = Number(process.env.BENCH_RUNS ?? 1);
const perKey = Number(process.env.BENCH_PER_KEY ?? 8);
const extra = JSON.parse(process.env.BENCH_OPTIONS ?? '{}') as Record<string, unknown>;

const t0 = performance.now();
let events: Array<{ key: string; prompt: string; ts: number }> = [];
let lines = 0;
let bad = 0;
for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
  if (++lines > maxLines) break;
  let e: unknown;
  try {
    e = JSON.parse(line);
  } catch {
    bad++;
    continue;
  }
  const r = e as { key_id?: unknown; prompt?: unknown; timestamp?: unknown };
  if (typeof r.prompt !== 'string' || typeof r.key_id !== 'string') {
    bad++;
    continue;
  }
  const ts = typeof r.timestamp === 'number' ? r.timestamp : Date.parse(String(r.timestamp));
  events.push({ key: r.key_id, prompt: r.prompt, ts: Number.isFinite(ts) ? ts : 0 });
}
const keyIds = [...new Set(events.map((e) => e.key))].sort();
const keyIndex = new Map(keyIds.map((k, i) => [k, i]));
const sampler = new PromptSampler(perKey, 1);
for (const e of events) sampler.add(keyIndex.get(e.key)!, e.prompt, e.ts);
let samples: PromptSample[] = sampler.samples();
events = []; // the events would otherwise stay live and slow every collection during mining
if (samples.length > maxSamples) samples = samples.slice(0, maxSamples);
console.error(`read ${Math.min(lines, maxLines)} lines (${bad} skipped), ${keyIds.length} keys, ${samples.length} samples in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

for (let r = 0; r < runs; r++) {
  const stats: Partial<MinerStats> = {};
  const t = performance.now();
  const res = mineTemplates(samples, { seed: 1, maxPromptsPerKey: perKey, ...extra }, stats);
  const s = (performance.now() - t) / 1000;
  const assigned = res.assignment.reduce((a, x) => a + (x >= 0 ? 1 : 0), 0);
  console.log(
    `${samples.length} samples: ${s.toFixed(2)} s (${Math.round(samples.length / s).toLocaleString('en')} prompts/s); ` +
      `${res.templates.length} templates, ${assigned} prompts assigned; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB` +
      (process.env.BENCH_STATS ? '\n' + JSON.stringify(stats) : ''),
  );
  if (process.env.BENCH_TOP) for (const t of res.templates.slice(0, Number(process.env.BENCH_TOP))) console.log(t.prompts, t.keys.length, JSON.stringify(t.text.slice(0, 160)));
}
