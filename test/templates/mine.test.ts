import { describe, expect, it } from 'vitest';
import { mineTemplates, type MinerStats, type PromptSample } from '../../src/templates/index.ts';
import { createRng, pick, shuffle } from '../../src/util/rng.ts';
import { filler, rows } from './fixtures.ts';

/** n prompts from `make`, spread over `keys` keys starting at key0. */
function batch(n: number, make: (i: number) => string, keys = 5, key0 = 0): PromptSample[] {
  return rows(Array.from({ length: n }, (_, i) => make(i)), (i) => key0 + (i % keys));
}

function only(samples: PromptSample[]) {
  const r = mineTemplates(samples);
  expect(r.templates.map((t) => t.text)).toHaveLength(1);
  expect([...r.assignment].every((a) => a === 0)).toBe(true);
  return r.templates[0]!;
}

describe('mineTemplates: slot positions and fillings', () => {
  it('finds a trailing slot', () => {
    const f = filler(1);
    const t = only(batch(30, () => `Summarize the following text in three bullet points: ${f.prose(200)}`));
    expect(t.text).toBe('summarize the following text in three bullet points: <*>');
    expect(t.prompts).toBe(30);
    expect(t.keys).toEqual([0, 1, 2, 3, 4]);
    expect(t.examples).toHaveLength(3);
    expect(t.examples[0]!.length).toBeLessThanOrEqual(120);
    expect(t.id).toMatch(/^t_[0-9a-f]{12}$/);
  });

  it('finds a leading slot', () => {
    const f = filler(2);
    const t = only(batch(30, () => `${f.prose(250)}\n\nTranslate the text above into idiomatic German, keeping the tone.`));
    expect(t.text).toBe('<*> translate the text above into idiomatic german, keeping the tone.');
  });

  it('finds middle slots and fixed numbers', () => {
    const f = filler(3);
    const t = only(batch(30, (i) => `Here is a student essay:\n${f.prose(150 + (i % 7) * 40)}\nGrade it from 1 to ${i % 2 ? 10 : 100} and list its three main weaknesses.`));
    expect(t.text).toBe('here is a student essay: <*> grade it from 0 to 0 and list its three main weaknesses.');
  });

  it('handles multi-line code fillings', () => {
    const f = filler(4);
    const t = only(batch(25, (i) => `Review the following code for bugs and security issues:\n${f.code(3 + (i % 9))}\nReply with a numbered list of the problems you found.`));
    // Every filling opens with the same fence and `def`, so they are frame too.
    expect(t.text).toBe('review the following code for bugs and security issues: ```python def <*> ``` reply with a numbered list of the problems you found.');
  });

  it('handles fillings five times longer than the frame', () => {
    const f = filler(5);
    const frame = 'Rewrite this for a ten-year-old reader: '; // 40 characters
    const t = only(batch(40, (i) => frame + f.prose(200 + (i % 10) * 40)));
    expect(t.text).toBe('rewrite this for a ten-year-old reader: <*>');
    expect(t.examples.every((e) => !e.toLowerCase().includes('rewrite'))).toBe(true);
  });

  it('handles Chinese templates without spaces, with a middle slot', () => {
    const f = filler(6);
    const samples = [
      ...batch(20, () => `请把下面的文章翻译成英文，并保持原文的语气：${f.chinese(80)}`),
      ...batch(20, () => `阅读下面的材料：${f.chinese(120)}请根据材料回答下列问题，答案不超过五十字：${f.chinese(30)}`, 5, 10),
    ];
    const r = mineTemplates(samples);
    expect(r.templates.map((t) => t.text).sort()).toEqual([
      '请把下面的文章翻译成英文，并保持原文的语气：<*>',
      '阅读下面的材料：<*>请根据材料回答下列问题，答案不超过五十字：<*>',
    ]);
    expect(r.assignment.every((a) => a >= 0)).toBe(true);
  });
});

describe('mineTemplates: what is one template and what is two', () => {
  it('mines near-duplicate framings as one template', () => {
    const f = filler(7);
    const frame = (i: number) => {
      const numbering = i % 2 ? ['1.', '2.'] : ['1)', '2)'];
      const word = i % 10 === 3 ? 'full' : 'complete';
      const space = i % 3 === 0 ? '  ' : ' ';
      return `Solve the following problem.${space}Think step by step and write out your ${word} chain of reasoning. Answer in two parts: ${numbering[0]} the method ${numbering[1]} the result. Problem: `;
    };
    const r = mineTemplates(batch(60, (i) => frame(i) + f.prose(180)));
    expect(r.templates).toHaveLength(1);
    expect(r.assignment.every((a) => a === 0)).toBe(true);
    const t = r.templates[0]!;
    expect(t.text.startsWith('solve the following problem. think step by step and write out your complete chain of reasoning.')).toBe(true);
    expect(t.text.endsWith('problem: <*>')).toBe(true);
    expect(t.reasoning).toBe(true);
    expect(t.reasoningCues).toContain('step by step');
  });

  it('folds paraphrased framings with support of their own into the usual one (paraphrase.ts)', () => {
    const f = filler(14);
    const en = [
      'Solve the following problem. Think step by step and write out your complete chain of thought before the final answer.\nProblem: ',
      'Solve the following problem. Think step by step and write out your entire chain of thought before the final answer.\nProblem: ',
      'Solve the following problem. Think step by step and write out all of your chain of thought before the final answer.\nProblem: ',
    ];
    const list = (mark: string) => `Work through it as follows:\n1${mark} Restate what is asked.\n2${mark} Write out every step.\n3${mark} Give the final answer.`;
    const zh = ['请一步一步地思考，并写出完整的推理过程。题目：', '请一步一步地思考，并写出详细的推理过程。题目：'];
    const zhEnd = ['请逐步推理，最后给出答案。', '请逐步推理，最后再给出答案。'];
    const samples = [
      ...batch(60, () => en[0] + f.prose(150), 6, 0),
      ...batch(25, () => en[1] + f.prose(150), 3, 10),
      ...batch(25, () => en[2] + f.prose(150), 3, 20),
      ...batch(60, () => `Here is a problem:\n${f.prose(150)}\n${list('.')}`, 6, 30),
      ...batch(25, () => `Here is a problem:\n${f.prose(150)}\n${list(')')}`, 3, 40),
      ...batch(60, () => zh[0] + f.chinese(60), 6, 50),
      ...batch(25, () => zh[1] + f.chinese(60), 3, 60),
      ...batch(60, () => `下面是一道题目：\n${f.chinese(60)}\n${zhEnd[0]}`, 6, 70),
      ...batch(25, () => `下面是一道题目：\n${f.chinese(60)}\n${zhEnd[1]}`, 3, 80),
    ];
    const stats: Partial<MinerStats> = {};
    const r = mineTemplates(samples, {}, stats);
    // Four families (two English, two Chinese), each one template whatever the wording.
    const families = [110, 85, 85, 85];
    expect(r.templates.map((t) => t.prompts).sort((a, b) => a - b)).toEqual([...families].sort((a, b) => a - b));
    let at = 0;
    const seen = new Set<number>();
    for (const size of families) {
      const family = new Set(r.assignment.subarray(at, at + size));
      expect(family.size, `family at ${at}`).toBe(1);
      seen.add([...family][0]!);
      at += size;
    }
    expect([...seen].every((t) => t >= 0) && seen.size).toBe(4);
    const texts = r.templates.map((t) => t.text);
    expect(texts).toContain('请一步一步地思考，并写出完整的推理过程。题目：<*>');
    expect(texts).toContain('下面是一道题目： <*> 请逐步推理，最后给出答案。');
    expect(stats.paraphrases).toBeGreaterThanOrEqual(2); // the two Chinese variants (the English ones share a cluster and its frame has slots)
    // Without folding (a containment no pair reaches), the variants stay apart.
    expect(mineTemplates(samples, { minContainment: 1 }).templates.length).toBeGreaterThan(4);
  });

  it('never folds a generic frame into a larger specific one that contains it', () => {
    const f = filler(15);
    const samples = [
      ...batch(30, () => `You are a helpful assistant. ${f.prose(150)}`, 30, 0),
      ...batch(100, () => `You are a helpful assistant. Translate to French: ${f.prose(150)}`, 5, 100),
    ];
    const r = mineTemplates(samples);
    expect(r.templates.map((t) => [t.text, t.prompts])).toEqual([
      ['you are a helpful assistant. translate to french: <*>', 100],
      ['you are a helpful assistant. <*>', 30],
    ]);
  });

  it('keeps two templates apart that share the popular prefix "You are a helpful assistant."', () => {
    const f = filler(8);
    const samples = [
      ...batch(40, () => `You are a helpful assistant. ${f.prose(150)}`, 40, 0),
      ...batch(25, () => `You are a helpful assistant. Translate to French: ${f.prose(150)}`, 5, 100),
      ...batch(25, () => `You are a helpful assistant. Write a limerick about the following topic: ${f.prose(60)}`, 5, 200),
    ];
    const r = mineTemplates(samples);
    expect(r.templates.map((t) => t.text).sort()).toEqual([
      'you are a helpful assistant. <*>',
      'you are a helpful assistant. translate to french: <*>',
      'you are a helpful assistant. write a limerick about the following topic: <*>',
    ]);
    const textOf = (i: number) => r.templates[r.assignment[i]!]!.text;
    expect(textOf(0)).toBe('you are a helpful assistant. <*>');
    expect(textOf(40)).toBe('you are a helpful assistant. translate to french: <*>');
    expect(textOf(65)).toBe('you are a helpful assistant. write a limerick about the following topic: <*>');
  });

  it('mines a popular frame used by many unrelated keys, beside a rare one', () => {
    const f = filler(9);
    const samples = [
      ...batch(300, () => `Summarize the following text: ${f.prose(120 + f.prose(1).length * 10)}`, 300, 0),
      ...batch(12, () => `Summarize the following text: ${f.prose(100)}\nThen rate its clarity from 1 to 5 and explain your rating.`, 2, 1000),
    ];
    const r = mineTemplates(samples);
    const popular = r.templates.find((t) => t.text === 'summarize the following text: <*>')!;
    expect(popular.keys).toHaveLength(300);
    expect(popular.prompts).toBe(300);
    const rare = r.templates.find((t) => t.keys.includes(1000))!;
    expect(rare.text).toBe('summarize the following text: <*> then rate its clarity from 0 to 0 and explain your rating.');
    expect(rare.prompts).toBe(12);
  });

  it('finds a popular frame whose fillings are stock sentences (backoff)', () => {
    const f = filler(12);
    const rng = createRng(12);
    const stock = Array.from({ length: 150 }, () => f.prose(60));
    const pickStock = () => pick(rng, stock) + ' ' + pick(rng, stock);
    const samples = [
      ...batch(120, () => `You are a helpful assistant. ${pickStock()}`, 60),
      ...batch(300, () => pickStock(), 60, 100),
    ];
    const r = mineTemplates(samples);
    // A prompt holding a stock sentence that itself recurs as "<*> sentence <*>" may go there (the longer frame).
    const popular = r.templates.find((t) => t.text === 'you are a helpful assistant. <*>');
    expect(popular?.prompts).toBeGreaterThanOrEqual(108);
  });

  it('takes a stock sentence quoted inside unrelated prompts for a filling, not a frame (floatingChars)', () => {
    const f = filler(13);
    const rng = createRng(13);
    const stock = Array.from({ length: 20 }, () => f.prose(50));
    const samples = [
      ...batch(60, () => `You are a helpful assistant. ${f.prose(80)} ${pick(rng, stock)} ${f.prose(80)}`, 60),
      ...batch(200, () => `${f.prose(80)} ${pick(rng, stock)} ${f.prose(80)}`, 100, 100),
    ];
    const floating = (t: { text: string }) => /^<\*>[^]*<\*>$/.test(t.text) && t.text.split('<*>').length === 3;
    const kept = mineTemplates(samples, { floatingChars: 0 });
    expect(kept.templates.filter(floating).length).toBeGreaterThanOrEqual(10);
    const r = mineTemplates(samples);
    expect(r.templates.filter(floating)).toEqual([]);
    // The popular frame gets back the prompts that the longer stock-sentence "frames" took from it.
    const popular = (m: typeof r) => m.templates.find((t) => t.text === 'you are a helpful assistant. <*>')?.prompts ?? 0;
    expect(popular(r)).toBeGreaterThanOrEqual(50);
    expect(popular(kept)).toBeLessThan(10);
  });

  it('leaves free-form prompts unassigned', () => {
    const f = filler(10);
    const r = mineTemplates(batch(400, () => f.prose(100 + f.prose(1).length * 5), 100));
    expect(r.templates).toEqual([]);
    expect(r.assignment.every((a) => a === -1)).toBe(true);
  });

  it('counts a verbatim prompt only when several keys repeat it', () => {
    const text = 'What is the capital of France? Please answer in one word only.';
    expect(mineTemplates(batch(10, () => text, 1)).templates).toEqual([]);
    const t = only(batch(10, () => text, 3));
    expect(t.text).toBe('what is the capital of france? please answer in one word only.');
    expect(t.examples).toEqual([]);
  });
});

describe('mineTemplates: determinism', () => {
  it('gives the same templates, ids and order for any input order', () => {
    const f = filler(11);
    const samples = [
      ...batch(40, () => `Summarize the following text: ${f.prose(150)}`, 20),
      ...batch(30, () => `${f.prose(200)}\nTranslate the text above into idiomatic German, keeping the tone.`, 3, 50),
      ...batch(25, () => `请一步一步地思考，并写出完整的推理过程：${f.chinese(60)}`, 2, 60),
      ...batch(50, () => f.prose(150), 50, 100),
    ];
    const a = mineTemplates(samples);
    const order = shuffle(createRng(5), samples.map((_, i) => i));
    const b = mineTemplates(order.map((i) => samples[i]!));
    expect(b.templates).toEqual(a.templates);
    expect(order.map((i) => a.assignment[i])).toEqual([...b.assignment]);
    expect(a.templates).toHaveLength(3);
    expect(mineTemplates(samples).templates.map((t) => t.id)).toEqual(a.templates.map((t) => t.id));
  });

  it('rejects bad options with a stable code', () => {
    expect(() => mineTemplates([], { minPrompts: 0 })).toThrow(expect.objectContaining({ code: 'E_TEMPLATE_OPTIONS' }));
    expect(() => mineTemplates([], { nope: 1 } as never)).toThrow(expect.objectContaining({ code: 'E_TEMPLATE_OPTIONS' }));
  });
});
