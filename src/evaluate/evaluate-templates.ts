/**
 * Scores a build's template mining against the templates the generator
 * planted. The build's prompt sample is re-created (sample-prompts.ts) and
 * mined again with the build's options; each sampled prompt is labelled with
 * its planted template by the hash of its text (−1 when no template lists
 * it), and templateQuality gives purity, recall and ARI. Truth lists are
 * bottom-k by hash: a prompt hashing above a full list's last entry could
 * belong to it unlisted, so such prompts are left out of the scores (a
 * uniform subsample, by hash, of the rest).
 */
import { PROMPTS_CAP, promptHash } from '../generate/planted-prompts.ts';
import type { Truth, TruthTemplate } from '../output/schemas.ts';
import { mineTemplates, templateQuality, type MinedTemplates, type PromptSample } from '../templates/index.ts';
import { compareStrings } from '../util/compare.ts';
import { sampleBuildPrompts } from './sample-prompts.ts';
import type { PlantedTemplateScore, TemplateEvaluation } from './schema.ts';

/** Null when the truth lists no templates (older truth files). */
export async function evaluateTemplates(outDir: string, truth: Truth): Promise<TemplateEvaluation | null> {
  if (truth.templates === undefined || truth.templates.length === 0) return null;
  const { config, samples } = await sampleBuildPrompts(outDir);
  const mined = mineTemplates(samples, { seed: config.templates.seed, maxPromptsPerKey: config.templates.maxPromptsPerKey });
  return scoreTemplates(samples, mined, truth.templates);
}

/** Pure: the scores of a mining of `samples` against the planted templates. */
export function scoreTemplates(
  samples: readonly PromptSample[],
  mined: MinedTemplates,
  planted: readonly TruthTemplate[],
): TemplateEvaluation {
  const label = new Map<string, number>();
  let ceiling = '~'; // above every hex hash
  planted.forEach((t, i) => {
    for (const h of t.prompts) label.set(h, i);
    if (t.prompts.length >= PROMPTS_CAP && compareStrings(t.prompts[t.prompts.length - 1]!, ceiling) < 0) {
      ceiling = t.prompts[t.prompts.length - 1]!;
    }
  });

  const truthOf: number[] = [];
  const minedOf: number[] = [];
  let excluded = 0;
  samples.forEach((s, i) => {
    const h = promptHash(s.prompt);
    if (compareStrings(h, ceiling) > 0) {
      excluded++;
      return;
    }
    truthOf.push(label.get(h) ?? -1);
    minedOf.push(mined.assignment[i]!);
  });
  const q = templateQuality(truthOf, minedOf);

  // Per planted template: where its prompts went; per mined template: its size.
  const cells = planted.map(() => new Map<number, number>());
  const size = new Map<number, number>();
  truthOf.forEach((p, i) => {
    const m = minedOf[i]!;
    if (m >= 0) size.set(m, (size.get(m) ?? 0) + 1);
    if (p >= 0) cells[p]!.set(m, (cells[p]!.get(m) ?? 0) + 1);
  });
  const templates: PlantedTemplateScore[] = planted.map((t, p) => {
    let prompts = 0;
    let best = -1;
    let bestCount = 0;
    for (const [m, c] of cells[p]!) {
      prompts += c;
      if (m >= 0 && (c > bestCount || (c === bestCount && m < best))) (best = m), (bestCount = c);
    }
    const tpl = best >= 0 ? mined.templates[best]! : null;
    return {
      name: t.name,
      group: t.group,
      prompts,
      mined: tpl?.id ?? null,
      share: prompts > 0 ? bestCount / prompts : 0,
      minedPrompts: best >= 0 ? size.get(best)! : 0,
      reasoning: t.reasoning,
      reasoningDetected: tpl?.reasoning ?? null,
    };
  });
  return {
    sampled: samples.length,
    excluded,
    mined: mined.templates.length,
    purity: q.purity,
    recall: q.recall,
    ari: q.ari,
    freeAssigned: q.freeAssigned,
    templated: q.templated,
    assigned: q.assigned,
    templates,
  };
}
