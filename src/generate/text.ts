/**
 * Prompt text. Templated prompts are a framing of a planted template (one of
 * its paraphrases) with fillings in its slots: maths, multi-paragraph and
 * code problems for the distillation ring (often longer than the framing,
 * sometimes before it), product and city for the covert ring's fake reviews,
 * benchmark items for the eval lab, running text after the popular frames of
 * ordinary customers. Other ordinary prompts are free text. Every piece is
 * free of quotes, backslashes and control characters, so a prompt can go
 * inside a JSON string literal as it is (a line break is written
 * pre-escaped, as backslash-n): the hot loop skips JSON.stringify.
 */
import { pick, randInt, type Rng } from '../util/rng.ts';
import {
  COVERT_TEMPLATE, LAB_TEMPLATE, PLANTED_TEMPLATES, POPULAR_FIRST, RING_FIRST, RING_WEIGHTS, splitFraming,
} from './planted-templates.ts';
import { NL, Prose } from './prose.ts';
import type { PromptStyle } from './types.ts';
import { BRANDS, CITIES, POPULAR_FRAMES, PRODUCTS } from './vocab.ts';

const VARIABLES = ['x', 'y', 'z', 'n', 'k', 't', 'a', 'b', 'sin(x)', 'log(n)', 'e^x'];
const OPERATORS = ['+', '-', '*', '/', '='];
const MATHS_VERBS = ['Solve', 'Simplify', 'Differentiate', 'Integrate', 'Factor', 'Evaluate', 'Find the roots of', 'Prove that', 'Minimise', 'Expand'];
const MIN_CHARS = 60;
const MAX_CHARS = 400;
/** Share of a template's prompts that use its first framing; the paraphrases share the rest. */
const USUAL_FRAMING = 0.7;

/** `s` cut to at most `max` characters, without trailing space. */
const cut = (s: string, max: number) => (s.length <= max ? s : s.slice(0, max).trimEnd());

export class PromptMaker {
  /** Planted template of the last prompt made (index into PLANTED_TEMPLATES), −1 for free text. */
  template = -1;
  private readonly prose: Prose;
  /** Per template and framing, the escaped pieces around the slots. */
  private readonly pieces: string[][][];

  constructor(rng: Rng) {
    this.prose = new Prose(rng);
    this.pieces = PLANTED_TEMPLATES.map((t) => t.framings.map(splitFraming));
  }

  /** A prompt, already escaped for a JSON string literal. */
  make(style: PromptStyle, rng: Rng): string {
    switch (style) {
      case 'ring':
        return this.ring(rng);
      case 'covert':
        return this.fill(COVERT_TEMPLATE, rng, [this.product(rng), rng() < 0.7 ? pick(rng, CITIES) : `a small town near ${pick(rng, CITIES)}`]);
      case 'lab':
        return this.lab(rng);
      default:
        return this.ordinary(rng);
    }
  }

  /** A popular frame with running text (60%) or free text, 60 to 400 characters. */
  ordinary(rng: Rng): string {
    const target = MIN_CHARS + Math.floor(rng() * rng() * (MAX_CHARS - MIN_CHARS));
    if (rng() < 0.6) {
      const f = randInt(rng, POPULAR_FRAMES.length);
      const head = POPULAR_FRAMES[f]!.length;
      return this.fill(POPULAR_FIRST + f, rng, [cut(this.prose.text(rng, target - head), MAX_CHARS - head)]);
    }
    this.template = -1;
    return cut(this.prose.text(rng, target), MAX_CHARS);
  }

  /** One of the ring's reasoning templates, by RING_WEIGHTS. */
  private ring(rng: Rng): string {
    let u = rng();
    let t = 0;
    while (t < RING_WEIGHTS.length - 1 && (u -= RING_WEIGHTS[t]!) >= 0) t++;
    const template = RING_FIRST + t;
    const zh = PLANTED_TEMPLATES[template]!.fill === 'problem-zh' && rng() < 0.75;
    return this.fill(template, rng, [zh ? this.prose.chinese(rng, 10 + randInt(rng, 50)) : this.problem(rng)]);
  }

  /** Multiple-choice benchmark items. */
  private lab(rng: Rng): string {
    const opt = () => this.prose.word(rng) + ' ' + this.prose.word(rng);
    return this.fill(LAB_TEMPLATE, rng, [this.prose.sentence(rng, ''), opt(), opt(), opt(), opt()]);
  }

  /** Template `t` in one of its framings with `fillings` in its slots. */
  private fill(t: number, rng: Rng, fillings: string[]): string {
    const framings = this.pieces[t]!;
    const pieces = framings.length === 1 || rng() < USUAL_FRAMING ? framings[0]! : framings[1 + randInt(rng, framings.length - 1)]!;
    this.template = t;
    let s = pieces[0]!;
    for (let i = 1; i < pieces.length; i++) s += fillings[i - 1]! + pieces[i]!;
    return s;
  }

  /** A problem to reason about: maths, prose, several paragraphs or code. */
  private problem(rng: Rng): string {
    const u = rng();
    const p = this.prose;
    if (u < 0.3) return (rng() < 0.4 ? p.sentence(rng) + ' ' : '') + this.maths(rng);
    if (u < 0.65) return p.text(rng, 60 + randInt(rng, 240)) + ' ' + p.sentence(rng, '?');
    if (u < 0.85) return p.paragraphs(rng) + NL + NL + p.sentence(rng, '?');
    return p.sentence(rng) + NL + p.code(rng) + NL + p.sentence(rng, '?');
  }

  /**
   * A maths task: a verb, a random expression (two to five terms over a few
   * variables and operators) and sometimes a condition. Shapes are many, so
   * no fixed problem text recurs often enough to look like a template of its own.
   */
  private maths(rng: Rng): string {
    const term = () => {
      const c = rng() < 0.2 ? '' : String(1 + randInt(rng, 99));
      const v = pick(rng, VARIABLES);
      const e = rng() < 0.4 ? `^${2 + randInt(rng, 4)}` : '';
      return c + v + e;
    };
    let expr = term();
    const n = 1 + randInt(rng, 4);
    for (let i = 0; i < n; i++) expr += ` ${pick(rng, OPERATORS)} ${term()}`;
    const verb = pick(rng, MATHS_VERBS);
    const cond = rng() < 0.5 ? '' : ` given that ${pick(rng, VARIABLES)} ${pick(rng, ['>', '<', '='])} ${randInt(rng, 50)}`;
    return `${verb} ${expr}${cond}${rng() < 0.5 ? '.' : ` ${this.prose.sentence(rng)}`}`;
  }

  /** The reviewed product, sometimes with details. */
  private product(rng: Rng): string {
    let s = `${pick(rng, BRANDS)} ${pick(rng, PRODUCTS)}`;
    const u = rng();
    if (u < 0.35) s += `, focusing on ${this.prose.word(rng)} and ${this.prose.word(rng)}`;
    else if (u < 0.55) s += ` (${this.prose.sentence(rng, ')')}`;
    return s;
  }
}
