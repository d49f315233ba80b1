/**
 * Streams events hour by hour over the window: for every key, a Poisson
 * number of events with mean expected × profile weight of the hour, so groups
 * interleave in the file. Each day the key order is reshuffled. Malformed and
 * blank lines are mixed in at `malformedRate`. Finally any key still without
 * events gets one, so every planted key appears in the log.
 */
import { createRng, randInt, shuffle, type Rng } from '../util/rng.ts';
import { mix32 } from '../util/hash.ts';
import { poisson } from './activity.ts';
import { HOUR_MS } from './context.ts';
import { EventLineBuilder, isoHourPrefix } from './event-line.ts';
import { malformedEvent } from './malformed.ts';
import type { LineSink } from './sink.ts';
import { PromptMaker } from './text.ts';
import type { KeyPlan, Population } from './types.ts';

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

export async function emitEvents(pop: Population, opts: EmitOptions, sink: LineSink): Promise<EmitStats> {
  const rng = createRng(mix32(opts.seed, 0x657674));
  const builder = new EventLineBuilder(rng, new PromptMaker(rng));
  const { keys, profiles } = pop;
  const counts = new Uint32Array(keys.length);
  const order = Uint32Array.from(keys.keys());
  const burstAt = new Float64Array(profiles.length);
  const stats: EmitStats = { events: 0, malformed: 0, blank: 0 };
  const bad = opts.malformedRate;

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
    if (h % 24 === 0) shuffle(rng, order as unknown as number[]);
    const hourStart = opts.start + h * HOUR_MS;
    const prefix = isoHourPrefix(hourStart);
    // Groups with bursts share one window per hour: their keys act together.
    for (let p = 0; p < profiles.length; p++) {
      const mins = profiles[p]!.burstMinutes;
      burstAt[p] = mins > 0 ? rng() * (60 - mins) * 60_000 : 0;
    }
    for (let i = 0; i < order.length; i++) {
      const k = order[i]!;
      const key = keys[k]!;
      const prof = profiles[key.profile]!;
      const n = poisson(rng, key.expected * prof.weights[h]!);
      for (let j = 0; j < n; j++) {
        const offset =
          prof.burstShare > 0 && rng() < prof.burstShare
            ? Math.floor(burstAt[key.profile]! + rng() * prof.burstMinutes * 60_000)
            : randInt(rng, HOUR_MS);
        emit(k, hourStart, prefix, offset);
      }
      if (sink.full) await sink.flush();
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

export type { KeyPlan };
