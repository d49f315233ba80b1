/** Reasoning-elicitation detection on template text: which cues of the lexicon it contains. */
import { normalise } from './normalise.ts';
import { REASONING_CUES } from './reasoning-lexicon.ts';

export function detectReasoningElicitation(templateText: string): { reasoning: boolean; cues: string[] } {
  const text = normalise(templateText.replace(/<\*>/g, ' '));
  const cues: string[] = [];
  for (const { cue, pattern } of REASONING_CUES) if (pattern.test(text)) cues.push(cue);
  return { reasoning: cues.length > 0, cues };
}
