/**
 * Id stability across generated weeks: builds week 1, then week 2 with and
 * without --previous, and reports how many week-2 clusters that match a
 * week-1 cluster (identical members, Jaccard ≥ 0.9, or ≥ 0.5) keep its id.
 * BENCH_EVENTS (default 200000), BENCH_SEED (1). Also prints the attribution
 * of each build and the track and attribute stage times.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.ts';
import { generate } from '../src/generate/index.ts';

const events = Number(process.env.BENCH_EVENTS ?? 200_000);
const seed = Number(process.env.BENCH_SEED ?? 1);
const tmp = mkdtempSync(join(tmpdir(), 'sybilscope-weeks-'));
const io = { stdout: () => {}, stderr: (t: string) => process.stderr.write(t), isTTY: false };
type C = { id: string; members: string[]; attribution?: { actor: string; confidence: number } | null };
const clusters = (out: string) => (JSON.parse(readFileSync(join(out, 'clusters.json'), 'utf8')) as { clusters: C[] }).clusters;
const timings = (out: string) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).run.timings_ms as Record<string, number>;

async function buildWeek(week: number, extra: string[]): Promise<string> {
  const data = join(tmp, `w${week}`);
  const out = join(tmp, `out${week}${extra.length ? '-prev' : ''}`);
  const code = await main(['build', '--events', join(data, 'events.jsonl'), '--accounts', join(data, 'accounts.csv'), '--actors', join(data, 'actors.json'), '--seed', '1', '--out', out, '--quiet', ...extra], io);
  if (code !== 0) throw new Error(`build failed (${code})`);
  return out;
}

function stability(before: C[], after: C[]) {
  const keyOf = new Map<string, number>();
  before.forEach((c, i) => c.members.forEach((k) => keyOf.set(k, i)));
  let identical = 0, identicalKept = 0, near = 0, nearKept = 0, half = 0, halfKept = 0;
  for (const c of after) {
    const overlap = new Map<number, number>();
    for (const k of c.members) if (keyOf.has(k)) overlap.set(keyOf.get(k)!, (overlap.get(keyOf.get(k)!) ?? 0) + 1);
    let best = -1, bestJ = 0;
    for (const [j, n] of overlap) {
      const jac = n / (c.members.length + before[j].members.length - n);
      if (jac > bestJ) [best, bestJ] = [j, jac];
    }
    if (best < 0) continue;
    if (bestJ === 1) { identical++; if (before[best].id === c.id) identicalKept++; }
    if (bestJ >= 0.9) { near++; if (before[best].id === c.id) nearKept++; }
    if (bestJ >= 0.5) { half++; if (before[best].id === c.id) halfKept++; }
  }
  return { clusters: after.length, identical, identicalKept, near, nearKept, half, halfKept };
}

for (const week of [1, 2]) await generate({ out: join(tmp, `w${week}`), seed, events, week });
const out1 = await buildWeek(1, []);
const out2 = await buildWeek(2, ['--previous', out1]);
const out2plain = await buildWeek(2, []);
const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
for (const [name, out] of [['with --previous', out2], ['without (ids from the smallest key)', out2plain]] as const) {
  const s = stability(clusters(out1), clusters(out));
  console.log(`week 2 ${name}: ${s.clusters} clusters; identical to a week-1 cluster ${s.identical}, id kept ${pct(s.identicalKept, s.identical)}; Jaccard ≥ 0.9 ${s.near}, id kept ${pct(s.nearKept, s.near)}; Jaccard ≥ 0.5 ${s.half}, id kept ${pct(s.halfKept, s.half)}`);
}
console.log('changes:', JSON.stringify(JSON.parse(readFileSync(join(out2, 'changes.json'), 'utf8')).counts));
for (const out of [out1, out2]) {
  const attributed = clusters(out).filter((c) => c.attribution).map((c) => `${c.id} ${c.attribution!.actor} ${c.attribution!.confidence} (${c.members.length} keys)`);
  const t = timings(out);
  console.log(`${out}: ${attributed.join('; ')} · track ${t.track ?? '—'} ms, attribute ${t.attribute} ms`);
}
