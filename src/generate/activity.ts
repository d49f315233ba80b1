/**
 * Activity profiles: how a key's events spread over the hours of the window
 * (local business or evening hours, flat 24-hour traffic with waves, short
 * synchronised sessions), and a Poisson sampler for per-hour counts.
 */
import type { Rng } from '../util/rng.ts';
import type { Profile } from './types.ts';

export type Shape = 'business' | 'evening' | 'mixed' | 'office' | 'global' | 'ring' | 'sessions';

/** The window starts on a Monday (2026-11-02); 0 = Sunday. */
const START_DOW = 1;

function localHour(h: number, tz: number): { hour: number; weekend: boolean } {
  const local = Math.floor(h + tz);
  const dow = (((START_DOW + Math.floor(local / 24)) % 7) + 7) % 7;
  return { hour: ((local % 24) + 24) % 24, weekend: dow === 0 || dow === 6 };
}

function shapeWeight(shape: Shape, hour: number, weekend: boolean): number {
  switch (shape) {
    case 'business':
    case 'office': {
      const off = shape === 'office' ? 0.005 : 0.03;
      if (weekend) return hour >= 9 && hour < 18 ? off * 3 : off;
      if (hour >= 9 && hour < 18) return hour === 12 ? 0.6 : 1;
      if (hour === 8 || hour === 18) return 0.4;
      return hour >= 19 && hour <= 22 ? 0.1 : off;
    }
    case 'evening':
      if (weekend) return hour >= 10 ? 0.8 : 0.03;
      if (hour >= 18) return 1;
      return hour >= 9 ? 0.15 : hour >= 7 ? 0.2 : 0.03;
    case 'mixed':
      return hour >= 8 ? 0.7 : 0.03;
    case 'global':
      return 1 + 0.3 * Math.cos((2 * Math.PI * (hour - 15)) / 24);
    default:
      return 1;
  }
}

/** Builds a profile over `days` days for a shape in a time zone (hours from UTC). */
export function makeProfile(shape: Shape, tz: number, days: number, rng: Rng): Profile {
  const hours = days * 24;
  const weights = new Float64Array(hours);
  for (let h = 0; h < hours; h++) {
    const { hour, weekend } = localHour(h, tz);
    let w = shapeWeight(shape, hour, weekend);
    if (shape === 'ring') {
      // Flat across the day, with noise, plus fleet-wide waves. The wave hours
      // shift by one each day so the hour-of-day histogram stays flat.
      w = 0.8 + 0.4 * rng();
      if (hour % 6 === Math.floor(h / 24) % 6) w *= 2.2;
    } else if (shape === 'sessions') {
      // Business hours in the ring's zone, but only some hours hold a session.
      const business = !weekend && hour >= 9 && hour < 18;
      w = business ? (rng() < 0.6 ? 1 : 0.05) : 0.01;
    }
    weights[h] = w;
  }
  let sum = 0;
  for (const w of weights) sum += w;
  for (let h = 0; h < hours; h++) weights[h] = weights[h]! / sum;
  const burst = shape === 'ring' ? { burstShare: 0.6, burstMinutes: 8 } : shape === 'sessions' ? { burstShare: 0.85, burstMinutes: 6 } : { burstShare: 0, burstMinutes: 0 };
  return { weights, ...burst };
}

/** Caches profiles by shape and zone so keys share them. */
export class ProfileRegistry {
  readonly profiles: Profile[] = [];
  private readonly index = new Map<string, number>();
  constructor(
    private readonly days: number,
    private readonly rng: Rng,
  ) {}

  get(shape: Shape, tz: number): number {
    const id = `${shape}|${tz}`;
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.profiles.push(makeProfile(shape, tz, this.days, this.rng)) - 1;
      this.index.set(id, i);
    }
    return i;
  }
}

/** A Poisson draw: inversion for small means, a normal approximation above 30. */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 30) {
    let p = Math.exp(-mean);
    let s = p;
    const u = rng();
    let k = 0;
    while (u > s && k < 200) {
      k++;
      p *= mean / k;
      s += p;
    }
    return k;
  }
  const g = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * g));
}
