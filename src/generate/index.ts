/**
 * `sybilscope generate`: a synthetic request log with planted sybil rings and
 * benign look-alikes, plus the ground truth. Plans the population (memory
 * bounded by keys and accounts), writes accounts.csv, streams events.jsonl
 * hour by hour, and writes truth.json last (it lists the hashes of the
 * templated prompts as they were written). Same options give byte-identical
 * files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../util/errors.ts';
import { plannedActors } from './actors.ts';
import { accountsCsv } from './accounts-csv.ts';
import { DAY_MS } from './context.ts';
import { mix32 } from '../util/hash.ts';
import { populationForWeek } from './next-week.ts';
import { emitEvents } from './emit.ts';
import { planPopulation } from './population.ts';
import { PlantedPrompts } from './planted-prompts.ts';
import { PLANTED_TEMPLATES } from './planted-templates.ts';
import { LineSink } from './sink.ts';
import { buildTruth } from './truth.ts';

export { sizesFor, EVENT_SHARES } from './population.ts';

/** First instant of the generated window. */
export const START = Date.UTC(2026, 10, 2);

export const DEFAULTS = Object.freeze({
  seed: 1,
  events: 20_000,
  days: 7,
  malformedRate: 0.01,
  gzip: false,
  week: 1,
});

export const GenerateOptionsSchema = z
  .object({
    out: z.string().min(1).describe('directory to write events.jsonl, accounts.csv, truth.json and actors.json into (created if missing)'),
    /** @default 1 */
    seed: z.number().int().default(DEFAULTS.seed).describe('random seed; the same options give byte-identical files'),
    /** @default 20000 */
    events: z
      .number()
      .int()
      .min(1000)
      .default(DEFAULTS.events)
      .describe('target number of valid events; group sizes scale with it'),
    /** @default 7 */
    days: z.number().int().min(1).default(DEFAULTS.days).describe('days of traffic, from 2026-11-02T00:00:00Z'),
    /** @default 0.01 */
    malformedRate: z
      .number()
      .min(0)
      .max(0.2)
      .default(DEFAULTS.malformedRate)
      .describe('malformed lines per valid event (a few malformed accounts rows too); 0 for a clean log'),
    /** @default false */
    gzip: z.boolean().default(DEFAULTS.gzip).describe('write events.jsonl.gz instead of events.jsonl'),
    keys: z
      .number()
      .int()
      .min(100)
      .optional()
      .describe('about this many API keys in all (default: what --events implies, ~25k per 1M events); ordinary customers are rescaled to reach it'),
    /** @default 1 */
    week: z
      .number()
      .int()
      .min(1)
      .max(52)
      .default(DEFAULTS.week)
      .describe('which window of the same population: 2 is the next --days after the first, with ~1% of ordinary keys replaced and the distillation ring grown ~10%'),
  })
  .strict();

/** Options as given (defaults optional). */
export type GenerateOptions = z.input<typeof GenerateOptionsSchema>;

export interface GenerateResult {
  files: { events: string; accounts: string; truth: string; actors: string };
  /** Valid events written. */
  events: number;
  keys: number;
  accounts: number;
  /** Malformed events lines written (blank lines not counted). */
  malformed: number;
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const parsed = GenerateOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError('E_GENERATE_OPTIONS', `generate: ${issue.path.join('.') || 'options'}: ${issue.message}`);
  }
  const o = parsed.data;
  await mkdir(o.out, { recursive: true });
  const files = {
    events: join(o.out, o.gzip ? 'events.jsonl.gz' : 'events.jsonl'),
    accounts: join(o.out, 'accounts.csv'),
    truth: join(o.out, 'truth.json'),
    actors: join(o.out, 'actors.json'),
  };

  // Week N is the same population N − 1 windows later, changed a little (next-week.ts).
  const start = START + (o.week - 1) * o.days * DAY_MS;
  const pop = populationForWeek(planPopulation(o.seed, o.events, o.days, START, o.keys), o.seed, o.week, start, o.days);
  await writeFile(files.accounts, accountsCsv(pop.accounts, o.seed, o.malformedRate).text);

  const sink = new LineSink(files.events, o.gzip);
  const planted = new PlantedPrompts(PLANTED_TEMPLATES.length);
  let stats;
  try {
    const seed = o.week === 1 ? o.seed : mix32(o.seed, o.week);
    stats = await emitEvents(pop, { seed, days: o.days, start, malformedRate: o.malformedRate }, sink, planted);
    await sink.close();
  } catch (err) {
    sink.destroy();
    throw err;
  }
  const truth = buildTruth(pop, o.seed, planted);
  await writeFile(files.truth, JSON.stringify(truth, null, 2) + '\n');
  await writeFile(files.actors, JSON.stringify(plannedActors(pop), null, 2) + '\n');
  return { files, events: stats.events, keys: pop.keys.length, accounts: pop.accounts.length, malformed: stats.malformed };
}
