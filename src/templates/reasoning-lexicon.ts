/**
 * Phrases that ask a model to reveal or write out its reasoning (chain of
 * thought, step-by-step work, internal reasoning) or to grade a response and
 * explain the grade (reward-model harvesting), in English and Chinese. Each
 * pattern runs on normalised text (lower case, digit runs → "0"); the cue
 * name is what reports show. Add a language by adding rows.
 */
export interface ReasoningCue {
  cue: string;
  pattern: RegExp;
}

export const REASONING_CUES: readonly ReasoningCue[] = Object.freeze([
  // English
  { cue: 'step by step', pattern: /\bstep[\s-]+by[\s-]+step\b/ },
  { cue: 'chain of thought', pattern: /\bchains?[\s-]+of[\s-]+thoughts?\b/ },
  { cue: 'show your reasoning', pattern: /\b(show|write out|write down|lay out|spell out|reveal|include|give|provide|output|display)\b[^.?!\n]{0,40}\b(reasoning|thinking|thought process|derivation|rationale)\b|\bshow (all )?(of )?(your|the) work(ing)?\b/ },
  { cue: 'explain your reasoning', pattern: /\b(explain|justify|describe|walk (me )?through)\s+(all |each |every )?(of )?(your|the)\s+(reasoning|thinking|thought process|logic|rationale)\b|\b(explain|justify)\s+your\s+(answer|choice|decision|score|rating|grade)\b/ },
  { cue: 'internal reasoning', pattern: /\b(internal|hidden|inner|private|full|complete|entire|detailed|verbose)\s+(reasoning|thoughts?|thinking|monologue|thought process|derivation)\b/ },
  { cue: 'reasoning steps', pattern: /\b(reasoning|intermediate|thinking)\s+steps?\b|\b(do not|don'?t|never|without) skip(ping)?( any)?( of the)? steps?\b/ },
  { cue: 'think carefully', pattern: /\b(think|reason)\s+(carefully|aloud|out loud|through|it through|deeply|step)\b|\blet'?s think\b/ },
  { cue: 'grade and explain', pattern: /\b(score|grade|rate|evaluate|judge|assess)\b[\s\S]{0,80}\b(response|answer|completion|reply|output|assistant)s?\b[\s\S]{0,160}\b(explain|explanation|justify|justification|rationale|reasons?|why)\b/ },
  // Chinese
  { cue: '一步一步', pattern: /一步一?步/ },
  { cue: '逐步', pattern: /逐步|分步/ },
  { cue: '推理过程', pattern: /推理(过程|步骤|链)|思考过程|思路|解题(过程|步骤)/ },
  { cue: '思维链', pattern: /思维链|思考链/ },
  { cue: '中间步骤', pattern: /中间步骤|每一个?步骤|每个步骤|不要(省略|跳过)/ },
  { cue: '详细解释', pattern: /详细(解释|说明|推导|展示|分析)|解释(你的|理由|原因)|说明理由/ },
  { cue: '打分', pattern: /打分|评分|给出分数/ },
]);
