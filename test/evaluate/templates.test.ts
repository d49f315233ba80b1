/**
 * evaluateTemplates on generated data with a hand-written build directory
 * (manifest.json only), and scoreTemplates on a hand-made mining.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/schema.ts';
import {
  TemplateEvaluationSchema,
  evaluateRun,
  evaluateTemplates,
  formatEvaluation,
  scoreTemplates,
  type TemplateEvaluation,
} from '../../src/evaluate/index.ts';
import { generate } from '../../src/generate/index.ts';
import { PROMPTS_CAP, promptHash } from '../../src/generate/planted-prompts.ts';
import { TruthSchema, type Truth, type TruthTemplate } from '../../src/output/schemas.ts';
import type { MinedTemplates, Template } from '../../src/templates/index.ts';

const root = mkdtempSync(join(tmpdir(), 'sybilscope-evaltpl-'));
const out = join(root, 'out');
let truth: Truth;
let result: TemplateEvaluation;

const writeManifest = (dir: string, inputs: unknown[]) => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ inputs, config: ConfigSchema.parse({}) }));
};

beforeAll(async () => {
  await generate({ out: root, seed: 1, events: 20_000 });
  truth = TruthSchema.parse(JSON.parse(readFileSync(join(root, 'truth.json'), 'utf8')));
  writeManifest(out, [
    { path: join(root, 'accounts.csv'), kind: 'accounts' },
    { path: join(root, 'events.jsonl'), kind: 'events' },
  ]);
  result = (await evaluateTemplates(out, truth))!;
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('evaluateTemplates on generated data (20k events, seed 1)', () => {
  it('re-creates the build’s sample and scores every planted template', () => {
    expect(TemplateEvaluationSchema.parse(result)).toEqual(result);
    expect(result.templates.map((t) => t.name)).toEqual(truth.templates!.map((t) => t.name));
    // Default maxPromptsPerKey: at most 16 prompts per key.
    const keys = truth.groups.reduce((n, g) => n + g.keys.length, 0);
    expect(result.sampled).toBeLessThanOrEqual(16 * keys);
    expect(result.excluded).toBe(0);
    for (const t of result.templates) expect(t.prompts, t.name).toBeGreaterThan(0);
  });

  it('mines templates that are pure (≥ 0.98) and leave free text alone', () => {
    expect(result.purity).toBeGreaterThanOrEqual(0.98);
    expect(result.freeAssigned).toBeLessThan(0.02);
  });

  // Paraphrased framings that change one word ("complete" → "entire", "all" → "all of",
  // "1." → "1)", 完整 → 详细) are folded into the usual wording (paraphrase.ts); before that
  // they were mined as templates of their own and recall was 0.934 at seed 1.
  it('recovers the planted templates (recall ≥ 0.95)', () => {
    expect(result.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('finds nearly all of every planted template in one mined template, with the reasoning flag right', () => {
    for (const t of result.templates) {
      expect(t.share, t.name).toBeGreaterThan(0.9);
      expect(t.reasoningDetected, t.name).toBe(t.reasoning);
    }
  });

  it('is null for a truth without templates', async () => {
    const { templates: _, ...old } = truth;
    expect(await evaluateTemplates(out, old)).toBeNull();
  });

  it('shows up in evaluateRun and formatEvaluation', async () => {
    writeFileSync(join(out, 'clusters.json'), JSON.stringify({ version: 1, clusters: [] }));
    const e = await evaluateRun(out, join(root, 'truth.json'));
    expect(e.templates).toEqual(result);
    const text = formatEvaluation(e);
    expect(text).toMatch(/^template\s+group\s+prompts\s+mined\s+share\s+reasoning$/m);
    expect(text).toMatch(/^ring-chain-of-thought\s+distillation-ring\s+\d+\s+t_[0-9a-f]{12}\s+[01]\.\d{3}\s+yes\/yes$/m);
    expect(text).toMatch(/purity \d\.\d{3}\s+recall \d\.\d{3}\s+ARI -?\d\.\d{3}/);
  });
});

describe('evaluateTemplates: bad build directories', () => {
  const code = async (p: Promise<unknown>) => {
    const err = await p.then(() => null, (x: unknown) => x as { code: string; message: string });
    expect(err?.message).not.toContain('\n');
    return err?.code;
  };

  it('fails with E_EVAL_INPUT on a missing manifest, a missing events file or a bad manifest', async () => {
    expect(await code(evaluateTemplates(join(root, 'nowhere'), truth))).toBe('E_EVAL_INPUT');
    const gone = join(root, 'gone');
    writeManifest(gone, [{ path: join(root, 'missing.jsonl'), kind: 'events' }]);
    expect(await code(evaluateTemplates(gone, truth))).toBe('E_EVAL_INPUT');
    writeFileSync(join(gone, 'manifest.json'), JSON.stringify({ inputs: [{ path: 1 }], config: {} }));
    expect(await code(evaluateTemplates(gone, truth))).toBe('E_EVAL_INPUT');
    writeFileSync(join(gone, 'manifest.json'), JSON.stringify({ inputs: [], config: { templates: { maxPromptsPerKey: 0 } } }));
    expect(await code(evaluateTemplates(gone, truth))).toBe('E_EVAL_INPUT');
  });
});

describe('scoreTemplates', () => {
  const tpl = (id: string, reasoning: boolean): Template => ({
    id, text: id, prompts: 0, keys: [], firstSeen: 0, lastSeen: 0, examples: [], reasoning, reasoningCues: [],
  });
  const planted = (name: string, prompts: string[], reasoning = false): TruthTemplate => ({
    name, reasoning, group: 'g', framings: ['{}'], prompts: prompts.map(promptHash).sort(),
  });
  const samples = ['a1', 'a2', 'a3', 'b1', 'b2', 'free'].map((prompt, i) => ({ key: i, prompt, timestamp: 0 }));

  it('labels prompts by hash and reports where each planted template went', () => {
    const mined: MinedTemplates = { templates: [tpl('t_a', true), tpl('t_b', false)], assignment: Int32Array.from([0, 0, 1, 1, 1, -1]) };
    const s = scoreTemplates(samples, mined, [planted('A', ['a1', 'a2', 'a3'], true), planted('B', ['b1', 'b2'])]);
    expect(s).toMatchObject({ sampled: 6, excluded: 0, mined: 2, templated: 5, assigned: 5, freeAssigned: 0 });
    expect(s.purity).toBeCloseTo(4 / 5, 12); // a3 sits in B's template
    expect(s.recall).toBeCloseTo(4 / 5, 12);
    expect(s.templates[0]).toMatchObject({ name: 'A', prompts: 3, mined: 't_a', share: 2 / 3, minedPrompts: 2, reasoning: true, reasoningDetected: true });
    expect(s.templates[1]).toMatchObject({ name: 'B', prompts: 2, mined: 't_b', share: 1, minedPrompts: 3, reasoningDetected: false });
  });

  it('leaves out prompts hashing above a full (capped) truth list', () => {
    const full = Array.from({ length: PROMPTS_CAP }, (_, i) => i.toString(16).padStart(16, '0'));
    const capped: TruthTemplate = { name: 'C', reasoning: false, group: 'g', framings: ['{}'], prompts: full };
    const mined: MinedTemplates = { templates: [], assignment: Int32Array.from(samples.map(() => -1)) };
    const s = scoreTemplates(samples, mined, [capped]);
    expect(s.excluded).toBe(samples.length); // every real hash is above 0000…4e1f
    expect(s.templates[0]).toMatchObject({ prompts: 0, mined: null, reasoningDetected: null });
  });
});
