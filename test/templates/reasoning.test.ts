import { describe, expect, it } from 'vitest';
import { detectReasoningElicitation } from '../../src/templates/index.ts';

describe('detectReasoningElicitation', () => {
  it.each([
    ['solve the following problem. think step by step. problem: <*>', 'step by step'],
    ['Show all your reasoning before you answer: <*>', 'show your reasoning'],
    ['<*> Use chain-of-thought and give the final answer last.', 'chain of thought'],
    ['Explain your reasoning in detail. <*>', 'explain your reasoning'],
    ['Write out your internal reasoning, then answer: <*>', 'internal reasoning'],
    ['Score the following response from 0 to 0 and explain why. response: <*>', 'grade and explain'],
    ["Let's think about this carefully: <*>", 'think carefully'],
    ['请一步一步地思考：<*>', '一步一步'],
    ['请逐步推理：<*>', '逐步'],
    ['写出完整的推理过程：<*>', '推理过程'],
    ['使用思维链回答：<*>', '思维链'],
    ['<*>请详细解释你的答案。', '详细解释'],
    ['请给下面的回答打分：<*>', '打分'],
  ])('flags %j', (text, cue) => {
    const r = detectReasoningElicitation(text);
    expect(r.reasoning).toBe(true);
    expect(r.cues).toContain(cue);
  });

  it.each([
    'summarize the following text: <*>',
    'You are a helpful assistant. <*>',
    'Translate to French: <*>',
    'Explain like I am five: <*>',
    'Give me the steps to install Python on Windows: <*>',
    'Write a short email reply to this message: <*>',
    'Compute cot(x) for x = <*>',
    '请把下面的文章翻译成英文：<*>',
    '总结以下内容：<*>',
    '我们需要进一步讨论这个问题：<*>',
  ])('does not flag %j', (text) => {
    expect(detectReasoningElicitation(text)).toEqual({ reasoning: false, cues: [] });
  });
});
