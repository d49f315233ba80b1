/**
 * Prompt text. A pool of random sentences is drawn once from the seeded rng;
 * prompts are a frame (popular, ring, covert or benchmark) plus fillings
 * picked from the pool, so text varies while staying cheap to produce.
 * Every piece is free of quotes, backslashes and control characters, so a
 * prompt can go inside a JSON string literal as it is (a line break is
 * written pre-escaped, as backslash-n): the hot loop skips JSON.stringify.
 */
import { pick, randInt, type Rng } from '../util/rng.ts';
import type { PromptStyle } from './types.ts';
import {
  BRANDS, CITIES, POPULAR_FRAMES, PRODUCTS, RING_FRAMES_EN, RING_FRAMES_ZH, WORDS, ZH_PHRASES,
} from './vocab.ts';

const MIN_CHARS = 60;
const MAX_CHARS = 400;

function sentence(rng: Rng): string {
  const n = 6 + randInt(rng, 11);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(pick(rng, WORDS));
  const s = words.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + (rng() < 0.15 ? '?' : '.');
}

const clamp = (s: string) => (s.length > MAX_CHARS ? s.slice(0, MAX_CHARS) : s);

export class PromptMaker {
  private readonly pool: string[];

  constructor(rng: Rng, poolSize = 1500) {
    this.pool = Array.from({ length: poolSize }, () => sentence(rng));
  }

  /** Sentences from the pool until the text reaches a random length in [60, 400]. */
  private filling(rng: Rng, head: string): string {
    const target = MIN_CHARS + Math.floor(rng() * rng() * (MAX_CHARS - MIN_CHARS));
    let s = head;
    while (s.length < target) s += (s.length > head.length ? ' ' : '') + pick(rng, this.pool);
    return clamp(s);
  }

  /** A prompt, already escaped for a JSON string literal. */
  make(style: PromptStyle, rng: Rng): string {
    switch (style) {
      case 'ring':
        return this.ring(rng);
      case 'covert':
        return this.covert(rng);
      case 'lab':
        return this.lab(rng);
      default:
        return this.ordinary(rng);
    }
  }

  /** A popular frame with a varied filling (60%) or free-form text. */
  ordinary(rng: Rng): string {
    return this.filling(rng, rng() < 0.6 ? pick(rng, POPULAR_FRAMES) : '');
  }

  /** Requests for step-by-step reasoning, in English and some Chinese. */
  ring(rng: Rng): string {
    if (rng() < 0.25) {
      let s = pick(rng, RING_FRAMES_ZH);
      const n = 3 + randInt(rng, 5);
      for (let i = 0; i < n; i++) s += pick(rng, ZH_PHRASES) + (rng() < 0.5 ? String(2 + randInt(rng, 500)) : '');
      s += '。';
      return s.length < MIN_CHARS ? s + pick(rng, RING_FRAMES_ZH) + pick(rng, ZH_PHRASES) : clamp(s);
    }
    const a = 2 + randInt(rng, 97);
    const b = 2 + randInt(rng, 97);
    const c = 2 + randInt(rng, 97);
    const problems = [
      `A train leaves ${pick(rng, CITIES)} at ${a % 24}:00 at ${a + 40} km/h and another leaves ${pick(rng, CITIES)}, ${b * 10} km away, at ${b % 24}:00 at ${c + 30} km/h. When do they meet?`,
      `Solve ${a}x^2 + ${b}x - ${c} = 0 and verify both roots.`,
      `Pipe A fills a tank in ${a} hours, pipe B in ${b} hours and pipe C drains it in ${c + 100} hours. How long do all three take?`,
      `How many ways can ${(a % 9) + 4} people sit at a round table if ${(b % 3) + 2} of them must sit together?`,
      `Prove that for every integer n > ${a % 10}, n^3 - n is divisible by 6, then compute the case n = ${b}.`,
    ];
    let s = pick(rng, RING_FRAMES_EN) + pick(rng, problems);
    if (rng() < 0.5) s += ' Context: ' + pick(rng, this.pool);
    return clamp(s);
  }

  /** One distinctive template: fake product reviews. */
  covert(rng: Rng): string {
    return clamp(
      `Write an authentic-sounding 5-star customer review of the ${pick(rng, BRANDS)} ${pick(rng, PRODUCTS)}. ` +
        `Mention ${pick(rng, WORDS)} and ${pick(rng, WORDS)}, sound like a real buyer from ${pick(rng, CITIES)}, ` +
        `and keep it under ${40 + 10 * randInt(rng, 8)} words.`,
    );
  }

  /** Multiple-choice benchmark items. */
  lab(rng: Rng): string {
    const q = pick(rng, this.pool).slice(0, -1);
    const opt = () => pick(rng, WORDS) + ' ' + pick(rng, WORDS);
    return clamp(
      `Question: ${q}? A) ${opt()} B) ${opt()} C) ${opt()} D) ${opt()}\\nAnswer with the letter of the correct option.`,
    );
  }
}
