/** Seeded fillings for template tests: prose with a Zipf-like vocabulary, code blocks, Chinese text. */
import { createRng, pick, randInt, type Rng } from '../../src/util/rng.ts';
import type { PromptSample } from '../../src/templates/index.ts';

const SYLLABLES = 'ka lo mi ne ru sa ti vo pe da gu ri zen mar tol bek fin hal jor quo wex yil pra str ond ael'.split(' ');
const STOP = 'the of and to a in is that for it as with was on be by this are or from at an'.split(' ');

export class Filler {
  private readonly words: string[];
  constructor(private readonly rng: Rng, vocabulary = 5000) {
    const seen = new Set<string>();
    while (seen.size < vocabulary) {
      let w = '';
      const n = 1 + randInt(rng, 3);
      for (let i = 0; i < n; i++) w += pick(rng, SYLLABLES);
      seen.add(w);
    }
    this.words = [...seen];
  }

  word(): string {
    if (this.rng() < 0.3) return pick(this.rng, STOP);
    // Zipf-like: small indices far more often.
    return this.words[Math.floor(this.words.length * Math.pow(this.rng(), 2.5))]!;
  }

  /** Prose of about `chars` characters, sentences with capitals and full stops. */
  prose(chars: number): string {
    let s = '';
    while (s.length < chars) {
      const n = 5 + randInt(this.rng, 12);
      const ws = Array.from({ length: n }, () => this.word());
      ws[0] = ws[0]![0]!.toUpperCase() + ws[0]!.slice(1);
      s += (s ? ' ' : '') + ws.join(' ') + (this.rng() < 0.2 ? '?' : '.');
    }
    return s;
  }

  /** A small code block over several lines. */
  code(lines: number): string {
    const out = ['```python', `def ${this.word()}_${this.word()}(${this.word()}, ${this.word()}):`];
    for (let i = 0; i < lines; i++) out.push(`    ${this.word()} = ${this.word()}(${this.word()}) + ${randInt(this.rng, 100)}`);
    out.push(`    return ${this.word()}`, '```');
    return out.join('\n');
  }

  /** Chinese text of n characters (random common ideographs, no spaces). */
  chinese(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(0x4e00 + randInt(this.rng, 3000));
    return s;
  }
}

export function filler(seed: number): Filler {
  return new Filler(createRng(seed));
}

export function rows(prompts: string[], keyOf: (i: number) => number = (i) => i, t0 = 1_700_000_000_000): PromptSample[] {
  return prompts.map((prompt, i) => ({ key: keyOf(i), prompt, timestamp: t0 + i * 1000 }));
}

/** Ten framings; `{}` marks where a filling goes. */
export const PLANTED_FRAMES: readonly string[] = [
  'Solve the following problem. Think step by step and write out your complete chain of reasoning before the answer.\nProblem: {}',
  '{}\n\nTranslate the text above into idiomatic German, keeping the tone and register.',
  'Here is a customer support ticket:\n{}\nClassify its urgency as low, medium or high and draft a polite reply.',
  'You are a senior Python reviewer. Review the following code for bugs and security issues:\n{}\nReply with a numbered list.',
  'Score the following response from 1 to 10 for helpfulness and explain your score.\nResponse: {}',
  '请一步一步地思考，并写出完整的推理过程：{}',
  '阅读下面的材料：{}请根据材料回答问题，并详细解释你的理由。',
  'Write an authentic-sounding five-star product review of {} that mentions shipping speed and sounds like a real buyer.',
  'Context: {}\nQuestion: {}\nAnswer using only the context above and cite the sentence you used.',
  'Rewrite the paragraph below in plain English for a ten-year-old reader, using short sentences.\n{}',
];

export interface Planted {
  samples: PromptSample[];
  /** Planted frame index per sample, −1 for free-form prompts. */
  truth: Int32Array;
}

/** `perTemplate` prompts per frame (×0.5–1.5), plus `noise` free-form prompts, shuffled; prompts of a few hundred characters. */
export function planted(seed: number, perTemplate: number, noise: number, keys = 500): Planted {
  const rng = createRng(seed);
  const f = new Filler(rng);
  const items: Array<[string, number]> = [];
  PLANTED_FRAMES.forEach((frame, t) => {
    const n = Math.round(perTemplate * (0.5 + rng()));
    const zh = /[\u4e00-\u9fff]/.test(frame);
    for (let i = 0; i < n; i++) {
      let p = frame.replace(/\{\}/g, () => (t === 3 ? f.code(2 + randInt(rng, 8)) : zh ? f.chinese(30 + randInt(rng, 120)) : f.prose(80 + randInt(rng, 320))));
      if (rng() < 0.1) p = p.replace(' ', '  ');
      if (rng() < 0.1) p = p.replace(/\n/g, '\n\n');
      items.push([p, t]);
    }
  });
  for (let i = 0; i < noise; i++) items.push([f.prose(100 + randInt(rng, 300)), -1]);
  const order = Array.from(items.keys());
  for (let i = order.length - 1; i > 0; i--) {
    const j = randInt(rng, i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const samples = order.map((o, i) => ({ key: randInt(rng, keys), prompt: items[o]![0], timestamp: 1_700_000_000_000 + i * 1000 }));
  return { samples, truth: Int32Array.from(order, (o) => items[o]![1]) };
}

/**
 * Many small templates, as on a large service: `templates` framings of 8–15
 * words from a vocabulary of 20,000 (so unrelated framings share words and
 * their shingles), each sent `perTemplate` times by three keys of its own
 * with fresh fillings of random words; plus as many free-form prompts that
 * hold one of 300 stock sentences recurring across unrelated keys (they make
 * "<*> sentence <*>" frames) among random words.
 */
export function manySmallTemplates(seed: number, templates: number, perTemplate = 8): PromptSample[] {
  const rng = createRng(seed);
  const letters = () => Array.from({ length: 5 + randInt(rng, 5) }, () => String.fromCharCode(97 + randInt(rng, 26))).join('');
  const vocabulary = Array.from({ length: 20_000 }, letters);
  const words = (n: number, w = () => pick(rng, vocabulary)) => Array.from({ length: n }, w).join(' ');
  const stock = Array.from({ length: 300 }, () => words(10) + '.');
  const items: Array<[string, number]> = [];
  for (let t = 0; t < templates; t++) {
    const frame = rng() < 0.5 ? `${words(8 + randInt(rng, 8))}: {}` : `{}\n${words(8 + randInt(rng, 8))}.`;
    for (let i = 0; i < perTemplate; i++) items.push([frame.replace('{}', () => words(10 + randInt(rng, 10), letters)), t * 3 + (i % 3)]);
    for (let i = 0; i < perTemplate; i++) items.push([`${words(6, letters)} ${pick(rng, stock)} ${words(6, letters)}`, 3 * templates + randInt(rng, templates)]);
  }
  return items.map(([prompt, key], i) => ({ key, prompt, timestamp: 1_700_000_000_000 + i * 1000 }));
}
