/**
 * Planted prompt templates: the ring's reasoning templates have paraphrased
 * framings, fillings before, inside and after the framing, longer than it and
 * multi-line; truth.json lists every templated prompt by hash.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/index.ts';
import { PlantedPrompts, promptHash, readBack } from '../../src/generate/planted-prompts.ts';
import { HOSTILE } from '../../src/generate/vocab.ts';
import type { TruthTemplate } from '../../src/output/schemas.ts';
import { readGenerated, type Generated, type ValidEvent } from './read-output.ts';

const root = mkdtempSync(join(tmpdir(), 'sybilscope-tpl-'));
let g: Generated;
beforeAll(async () => {
  await generate({ out: root, seed: 5, events: 8000 });
  g = readGenerated(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sha16 = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);
const templates = () => g.truth.templates!;
const byGroup = (group: string) => templates().filter((t) => t.group === group);
const eventsOf = (name: string): ValidEvent[] => {
  const keys = new Set(g.truth.groups.find((x) => x.name === name)!.keys);
  return g.events.filter((e) => keys.has(e.key));
};
/** A framing as a regex: `{}` matches a non-empty filling. */
const framingRe = (f: string) =>
  new RegExp('^' + f.split('{}').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('([\\s\\S]+?)') + '$');

/** A few ordinary keys prefix their prompts with a hostile string (ordinary.ts). */
const HOSTILE_PREFIXES = [HOSTILE.script, HOSTILE.formula, `${HOSTILE.rlo}txt.exe ${HOSTILE.img}`].map((h) => h + ' ');
const withoutHostile = (p: string) => {
  const h = HOSTILE_PREFIXES.find((x) => p.startsWith(x));
  return h ? p.slice(h.length) : p;
};

/** The framing variant and fillings of a prompt, or null. */
function match(t: TruthTemplate, prompt: string): { framing: number; fillings: string[] } | null {
  for (let i = 0; i < t.framings.length; i++) {
    const m = framingRe(t.framings[i]!).exec(prompt);
    if (m) return { framing: i, fillings: m.slice(1) };
  }
  return null;
}

describe('planted templates in truth.json', () => {
  it('lists the ring’s 3–5 reasoning templates, the covert ring’s, the lab’s and the popular frames', () => {
    const ring = byGroup('distillation-ring');
    expect(ring.length).toBeGreaterThanOrEqual(3);
    expect(ring.length).toBeLessThanOrEqual(5);
    for (const t of ring) expect(t.reasoning, t.name).toBe(true);
    expect(ring.some((t) => /[\u4e00-\u9fff]/.test(t.framings[0]!))).toBe(true);
    expect(ring.some((t) => /^[A-Za-z]/.test(t.framings[0]!))).toBe(true);
    expect(byGroup('covert-ring').map((t) => t.reasoning)).toEqual([false]);
    expect(byGroup('eval-lab').map((t) => t.reasoning)).toEqual([false]);
    expect(byGroup('ordinary').length).toBeGreaterThan(0);
    for (const t of [...ring, ...byGroup('covert-ring')]) expect(t.framings.length, t.name).toBeGreaterThanOrEqual(2);
    const names = templates().map((t) => t.name);
    expect(names).toEqual([...names].sort());
  });

  it('lists each template’s prompts as sorted, distinct hashes of exactly the prompts read back', () => {
    const byHash = new Map<string, string>();
    for (const e of g.events) byHash.set(sha16(e.prompt.trim()), e.prompt);
    const seen = new Set<string>();
    for (const t of templates()) {
      expect(t.prompts.length, t.name).toBeGreaterThan(0);
      expect(t.prompts).toEqual([...new Set(t.prompts)].sort());
      for (const h of t.prompts) {
        expect(seen.has(h), h).toBe(false);
        seen.add(h);
        const prompt = byHash.get(h);
        expect(prompt, `${t.name} ${h}`).toBeDefined();
        expect(match(t, withoutHostile(prompt!)), `${t.name}: ${prompt}`).not.toBeNull();
      }
    }
  });

  it('lists every prompt the rings and the lab sent (nothing is capped at this size)', () => {
    const listed = new Set(templates().flatMap((t) => t.prompts));
    for (const name of ['distillation-ring', 'covert-ring', 'eval-lab']) {
      for (const e of eventsOf(name)) expect(listed.has(sha16(e.prompt)), e.prompt).toBe(true);
    }
  });
});

describe('the ring’s reasoning prompts', () => {
  const parsed = () => {
    const ring = byGroup('distillation-ring');
    return eventsOf('distillation-ring').map((e) => {
      for (const t of ring) {
        const m = match(t, e.prompt);
        if (m) return { t, ...m };
      }
      throw new Error(`no ring framing matches ${JSON.stringify(e.prompt)}`);
    });
  };

  it('use every template and every paraphrased framing', () => {
    const used = new Set(parsed().map((p) => `${p.t.name}/${p.framing}`));
    for (const t of byGroup('distillation-ring')) for (let i = 0; i < t.framings.length; i++) expect(used.has(`${t.name}/${i}`), `${t.name}/${i}`).toBe(true);
  });

  it('put the filling at the start, in the middle and at the end', () => {
    const at = new Set(
      byGroup('distillation-ring').map((t) => (t.framings[0]!.startsWith('{}') ? 'start' : t.framings[0]!.endsWith('{}') ? 'end' : 'middle')),
    );
    expect(at).toEqual(new Set(['start', 'middle', 'end']));
  });

  it('have fillings longer than the framing, multi-line fillings and code blocks', () => {
    const ps = parsed();
    const longer = ps.filter((p) => p.fillings[0]!.length > p.t.framings[p.framing]!.length - 2).length;
    expect(longer / ps.length).toBeGreaterThan(0.1);
    expect(ps.filter((p) => p.fillings[0]!.includes('\n\n')).length).toBeGreaterThan(10);
    expect(ps.filter((p) => p.fillings[0]!.includes('```')).length).toBeGreaterThan(10);
    expect(ps.filter((p) => /[\u4e00-\u9fff]/.test(p.fillings[0]!)).length).toBeGreaterThan(10);
    // Fillings vary: hardly any repeats.
    expect(new Set(ps.map((p) => p.fillings[0])).size / ps.length).toBeGreaterThan(0.95);
  });
});

describe('PlantedPrompts', () => {
  it('keeps the smallest distinct hashes up to the cap, whatever the order', () => {
    const texts = Array.from({ length: 500 }, (_, i) => `prompt\\nnumber ${i % 300}`);
    const a = new PlantedPrompts(1, 50);
    const b = new PlantedPrompts(1, 50);
    for (const t of texts) a.add(0, t);
    for (const t of [...texts].reverse()) b.add(0, t);
    const all = [...new Set(texts.map((t) => promptHash(readBack(t))))].sort();
    expect(a.list(0)).toEqual(all.slice(0, 50));
    expect(b.list(0)).toEqual(a.list(0));
  });

  it('hashes the prompt as read back: escapes undone, hostile prefix, trimmed', () => {
    expect(readBack('a\\nb')).toBe('a\nb');
    expect(readBack('x ', '<b>')).toBe('<b> x');
    expect(promptHash('a\nb')).toBe(sha16('a\nb'));
  });
});
