/**
 * Streams events hour by hour over the window. Per hour and activity
 * profile, the number of events is Poisson with mean Σ expected × the
 * profile's weight of the hour, and each event goes to a key drawn in
 * proportion to its expected volume (an alias table). By Poisson splitting
 * this equals an independent Poisson count per key and hour, at a cost
 * proportional to events rather than keys × hours. Profiles are emitted in
 * interleaved slices so groups mix within an hour. Malformed and blank lines
 * are mixed in at `malformedRate`; finally any key still without events gets
 * one, so every planted key appears in the log.
 */
import { createRng, randInt, shuffle, type Rng } from '../util/rng.ts';
import { mix32 } from '../util/hash.ts';
import { poisson } from './activity.ts';
import { AliasTable } from './alias.ts';
import { HOUR_MS } from './context.ts';
import { EventLineBuilder, isoHourPrefix } from './event-line.ts';
import { malformedEvent } from './malformed.ts';
import type { PlantedPrompts } from './planted-prompts.ts';
import type { LineSink } from './sink.ts';
import { PromptMaker } from './text.ts';
import type { Population } from './types.ts';

export interface EmitOptions {
  seed: number;
  days: number;
  start: number;
  malformedRate: number;
}

export interface EmitStats {
  events: number;
  malformed: number;
  blank: number;
}

/** Slices per hour in which the profiles' events are interleaved. */
const SLICES = 16;

/** `planted`, if given, collects the hashes of templated prompts for truth.json. */
export async function emitEvents(pop: Population, opts: EmitOptions, sink: LineSink, planted?: PlantedPrompts): Promise<EmitStats> {
  const rng = createRng(mix32(opts.seed, 0x657674));
  const builder = new EventLineBuilder(rng, new PromptMaker(rng), planted);
  const { keys, profiles } = pop;
  const counts = new Uint32Array(keys.length);
  const stats: EmitStats = { events: 0, malformed: 0, blank: 0 };
  const bad = opts.malformedRate;

  // Keys of each profile, an alias table over their volumes, and the total.
  const members: number[][] = profiles.map(() => []);
  keys.forEach((k, i) => members[k.profile]!.push(i));
  const tables = members.map((m) => new AliasTable(m.map((i) => keys[i]!.expected)));
  const totals = members.map((m) => m.reduce((s, i) => s + keys[i]!.expected, 0));
  const order = profiles.map((_, p) => p);
  const todo = new Int32Array(profiles.length);
  const burstAt = new Float64Array(profiles.length);

  const emit = (k: number, hourStart: number, prefix: string, offset: number) => {
    const line = builder.line(keys[k]!, hourStart, prefix, offset);
    sink.push(line);
    counts[k]!++;
    stats.events++;
    if (bad > 0 && rng() < bad) {
      sink.push(malformedEvent(line, rng));
      stats.malformed++;
      if (rng() < 0.2) {
        sink.push(rng() < 0.5 ? '' : '   ');
        stats.blank++;
      }
    }
  };

  const hours = opts.days * 24;
  for (let h = 0; h < hours; h++) {
    const hourStart = opts.start + h * HOUR_MS;
    const prefix = isoHourPrefix(hourStart);
    for (let p = 0; p < profiles.length; p++) {
      todo[p] = poisson(rng, totals[p]! * profiles[p]!.weights[h]!);
      // Profiles with bursts share one window per hour: their keys act together.
      const mins = profiles[p]!.burstMinutes;
      burstAt[p] = mins > 0 ? rng() * (60 - mins) * 60_000 : 0;
    }
    shuffle(rng, order);
    for (let s = SLICES; s > 0; s--) {
      for (const p of order) {
        const n = Math.ceil(todo[p]! / s);
        if (n === 0) continue;
        todo[p] = todo[p]! - n;
        const prof = profiles[p]!;
        for (let j = 0; j < n; j++) {
          const k = members[p]![tables[p]!.draw(rng)]!;
          const offset =
            prof.burstShare > 0 && rng() < prof.burstShare
              ? Math.floor(burstAt[p]! + rng() * prof.burstMinutes * 60_000)
              : randInt(rng, HOUR_MS);
          emit(k, hourStart, prefix, offset);
        }
        if (sink.full) await sink.flush();
      }
    }
  }

  for (let k = 0; k < keys.length; k++) {
    if (counts[k] !== 0) continue;
    const h = pickHour(rng, profiles[keys[k]!.profile]!.weights);
    const hourStart = opts.start + h * HOUR_MS;
    emit(k, hourStart, isoHourPrefix(hourStart), randInt(rng, HOUR_MS));
  }
  await sink.flush();
  return stats;
}

function pickHour(rng: Rng, weights: Float64Array): number {
  let u = rng();
  for (let h = 0; h < weights.length; h++) {
    u -= weights[h]!;
    if (u < 0) return h;
  }
  return weights.length - 1;
}
