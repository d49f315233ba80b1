/**
 * Running text for prompt fillings and free-form prompts, made fresh for each
 * prompt. Words follow a Zipf-like law over a vocabulary of common English
 * words followed by a long tail of made-up ones (names, jargon), with
 * function words a third of the time, as in real text; for speed, sentences
 * are strung from 4,096 word pairs drawn up front. A corpus-wide miner
 * then sees fillings as mostly rare text, not as a small pool of sentences
 * that recur thousands of times. Output is free of quotes, backslashes and
 * control characters; a line break is written pre-escaped (backslash-n).
 */
import { pick, randInt, type Rng } from '../util/rng.ts';
import { STOP_WORDS, SYLLABLES, WORDS, ZH_WORDS } from './vocab.ts';

export const NL = '\\n';

/** Word pairs drawn up front: a sentence takes one random number per pair, not per word; 2^12 pairs keep the table in cache (2^16 ran at half the speed). */
const PAIRS = 1 << 12;

export class Prose {
  private readonly words: string[];
  private readonly pairs: string[];
  /** The same pairs, capitalised, to open a sentence. */
  private readonly openers: string[];

  constructor(rng: Rng, vocabulary = 5000) {
    const seen = new Set<string>(WORDS);
    const words = [...WORDS];
    while (words.length < vocabulary) {
      let w = '';
      const n = 2 + randInt(rng, 2);
      for (let i = 0; i < n; i++) w += pick(rng, SYLLABLES);
      if (!seen.has(w)) {
        seen.add(w);
        words.push(w);
      }
    }
    this.words = words;
    this.pairs = Array.from({ length: PAIRS }, () => this.word(rng) + ' ' + this.word(rng));
    this.openers = this.pairs.map((p) => p[0]!.toUpperCase() + p.slice(1));
  }

  /** One random number per word: below 0.3 a function word, above it a Zipf-like draw. */
  word(rng: Rng): string {
    const u = rng();
    if (u < 0.3) return STOP_WORDS[Math.floor((u / 0.3) * STOP_WORDS.length)]!;
    const v = (u - 0.3) / 0.7;
    return this.words[Math.floor(this.words.length * v * v * v)]!;
  }

  /** One sentence of 6 to 16 words, capitalised, ending in a full stop (or `end`). */
  sentence(rng: Rng, end = rng() < 0.15 ? '?' : '.'): string {
    const pairs = this.pairs;
    let s = this.openers[randInt(rng, PAIRS)]!;
    const n = 2 + randInt(rng, 6);
    for (let i = 0; i < n; i++) s += ' ' + pairs[randInt(rng, PAIRS)]!;
    if (rng() < 0.5) s += ' ' + this.word(rng);
    return s + end;
  }

  /** Sentences until the text reaches `chars` characters. */
  text(rng: Rng, chars: number): string {
    let s = this.sentence(rng);
    while (s.length < chars) s += ' ' + this.sentence(rng);
    return s;
  }

  /** Two or three paragraphs separated by blank lines. */
  paragraphs(rng: Rng): string {
    const n = 2 + randInt(rng, 2);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.text(rng, 40 + randInt(rng, 160)));
    return out.join(NL + NL);
  }

  /** A short Python function over several lines, fenced. */
  code(rng: Rng): string {
    const id = () => this.words[randInt(rng, 400)]!;
    let s = '```python' + NL + `def ${id()}_${id()}(${id()}, ${id()}):`;
    const n = 2 + randInt(rng, 6);
    for (let i = 0; i < n; i++) {
      s += NL + `    ${id()} = ${id()}(${id()}) ${pick(rng, ['+', '-', '*', '//', '%'])} ${randInt(rng, 100)}`;
    }
    return s + NL + `    return ${id()}` + NL + '```';
  }

  /** Chinese text of about `n` words, numbers mixed in, no spaces. */
  chinese(rng: Rng, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) {
      s += pick(rng, ZH_WORDS);
      if (rng() < 0.15) s += String(2 + randInt(rng, 500));
      if (rng() < 0.08) s += '，';
    }
    return s + (rng() < 0.5 ? '？' : '。');
  }
}
