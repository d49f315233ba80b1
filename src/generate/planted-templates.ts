/**
 * The prompt templates planted in the synthetic log, as data. Each template
 * has a few framings, slight paraphrases of one another (a blank line more, a
 * doubled space, "1." against "1)", one word changed), with `{}` where a
 * filling goes; the first framing is the usual one. Fillings are made in
 * text.ts. Framings are plain text (real line breaks) free of quotes and
 * backslashes; `splitFraming` escapes them once for the JSON hot loop.
 */
import type { GroupName } from './types.ts';
import { POPULAR_FRAMES } from './vocab.ts';

/** How a template's slots are filled (see PromptMaker). */
export type FillKind = 'problem' | 'problem-zh' | 'review' | 'benchmark' | 'prose';

export interface PlantedTemplate {
  name: string;
  group: GroupName;
  /** Asks the model to write out its reasoning. */
  reasoning: boolean;
  fill: FillKind;
  /** Paraphrases of one framing; `{}` marks each slot. The first is used most. */
  framings: readonly string[];
}

/** The tutor framing: the filling in the middle, then a numbered list of steps. */
const tutor = (adjective: string, gap: string, n: (i: number) => string, verb: string) =>
  `You are a ${adjective} math tutor. Here is a problem:${gap}{}${gap}Work through it as follows:\n` +
  `${n(1)} Restate what is asked.\n${n(2)} Write out every intermediate reasoning step.\n${n(3)} ${verb} the final answer on its own line.`;

/** The distillation ring's reasoning-elicitation templates, English and Chinese. */
const RING: PlantedTemplate[] = [
  {
    name: 'ring-chain-of-thought',
    group: 'distillation-ring',
    reasoning: true,
    fill: 'problem',
    framings: [
      'Solve the following problem. Think step by step and write out your complete chain of thought before giving the final answer.\nProblem: {}',
      'Solve the following problem. Think step by step and write out your complete chain of thought before giving the final answer.\n\nProblem: {}',
      'Solve the following problem.  Think step by step and write out your entire chain of thought before giving the final answer.\nProblem: {}',
    ],
  },
  {
    name: 'ring-problem-first',
    group: 'distillation-ring',
    reasoning: true,
    fill: 'problem',
    framings: [
      '{}\n\nNow think step by step and show all your reasoning before the final answer.',
      '{}\n\nNow think step by step and show all of your reasoning before the final answer.',
      '{}\nNow think step by step and show all your reasoning before the final answer.',
    ],
  },
  {
    name: 'ring-tutor-steps',
    group: 'distillation-ring',
    reasoning: true,
    fill: 'problem',
    framings: [
      tutor('meticulous', '\n', (i) => `${i}.`, 'Give'),
      tutor('meticulous', '\n', (i) => `${i})`, 'Give'),
      tutor('meticulous', '\n\n', (i) => `${i}.`, 'State'),
      tutor('careful', '\n', (i) => `${i}.`, 'Give'),
    ],
  },
  {
    name: 'ring-zh-step-by-step',
    group: 'distillation-ring',
    reasoning: true,
    fill: 'problem-zh',
    framings: [
      '请一步一步地思考，并写出完整的推理过程，不要省略任何中间步骤。题目：{}',
      '请一步一步地思考，并写出详细的推理过程，不要省略任何中间步骤。\n题目：{}',
      '请一步一步地思考，并写出完整的推理过程，不要省略任何中间步骤。 题目： {}',
    ],
  },
  {
    name: 'ring-zh-problem-middle',
    group: 'distillation-ring',
    reasoning: true,
    fill: 'problem-zh',
    framings: [
      '下面是一道题目：\n{}\n请逐步推理，展示每一个中间步骤，最后给出答案。',
      '下面是一道题目：\n{}\n\n请逐步推理，展示每一个中间步骤，最后再给出答案。',
    ],
  },
];

/** Share of the ring's prompts per template (same order as RING). */
export const RING_WEIGHTS = [0.3, 0.25, 0.2, 0.15, 0.1] as const;

const COVERT: PlantedTemplate = {
  name: 'covert-fake-review',
  group: 'covert-ring',
  reasoning: false,
  fill: 'review',
  framings: [
    'Write an authentic-sounding 5-star customer review of the {}. Sound like a real buyer from {}, mention one small flaw, and keep it under 60 words.',
    'Write an authentic sounding 5-star customer review of the {}. Sound like a real buyer from {}, mention one small flaw, and keep it under 60 words.',
    'Write an authentic-sounding 5-star customer review of the {}. Sound like a verified buyer from {}, mention one small flaw and keep it under 60 words.',
  ],
};

const LAB: PlantedTemplate = {
  name: 'lab-multiple-choice',
  group: 'eval-lab',
  reasoning: false,
  fill: 'benchmark',
  framings: ['Question: {}? A) {} B) {} C) {} D) {}\nAnswer with the letter of the correct option.'],
};

const POPULAR_NAMES = ['summarize', 'helpful-assistant', 'translate-french', 'fix-grammar', 'explain-like-five', 'email-reply'];

/** Popular frames that many unrelated ordinary customers use (hubs, not evidence). */
const POPULAR: PlantedTemplate[] = POPULAR_FRAMES.map((f, i) => ({
  name: `popular-${POPULAR_NAMES[i]}`,
  group: 'ordinary',
  reasoning: false,
  fill: 'prose',
  framings: [`${f}{}`],
}));

/** Every planted template; a template's index here is its id in the generator. */
export const PLANTED_TEMPLATES: readonly PlantedTemplate[] = Object.freeze([...RING, COVERT, LAB, ...POPULAR]);

export const RING_FIRST = 0;
export const COVERT_TEMPLATE = RING.length;
export const LAB_TEMPLATE = RING.length + 1;
export const POPULAR_FIRST = RING.length + 2;

/** A framing split at its slots, each piece escaped for a JSON string literal (line break → backslash-n). */
export function splitFraming(framing: string): string[] {
  return framing.split('{}').map((p) => p.replace(/\n/g, '\\n'));
}
