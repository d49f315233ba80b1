import { describe, expect, it } from 'vitest';
import { PromptSampler } from '../../src/templates/index.ts';
import { TextArena } from '../../src/templates/prompt-arena.ts';
import { createRng } from '../../src/util/rng.ts';

const TEXTS = ['', 'plain ascii', 'café ÿ', 'emoji 🦀 and 中文', 'lone \ud800 high', 'lone \udc00 low', '\u0000nul', 'x'.repeat(10_000)];

describe('TextArena', () => {
  it('gives back every text exactly, lone surrogates included, through frees and compactions', () => {
    const arena = new TextArena();
    const rng = createRng(5);
    const held = new Map<number, string>();
    // Enough churn (~400 MB written, ~40 MB live) to pass the 64 MiB compaction threshold several times.
    for (let i = 0; i < 40_000; i++) {
      const text = TEXTS[i % TEXTS.length] + ' ' + i + 'y'.repeat(Math.floor(rng() * 20_000));
      held.set(arena.put(text), text);
      if (held.size > 4_000) {
        const slots = [...held.keys()];
        for (let j = 0; j < 2_000; j++) {
          const slot = slots[Math.floor(rng() * slots.length)];
          if (!held.has(slot)) continue;
          arena.release(slot);
          held.delete(slot);
        }
      }
    }
    for (const [slot, text] of held) expect(arena.get(slot)).toBe(text);
  });
});

describe('PromptSampler', () => {
  it('samples texts that are not valid UTF-16 exactly as given', () => {
    const s = new PromptSampler(2, 1);
    for (const [i, t] of TEXTS.entries()) s.add(i % 3, t, i);
    const out = s.samples();
    expect(out.length).toBe(6);
    for (const r of out) expect(TEXTS).toContain(r.prompt);
    expect(out.map((r) => r.prompt)).toContain('lone \ud800 high');
  });
});
