/**
 * templates.json: every mined template with its support (sampled and
 * estimated prompts, keys, accounts, first and last seen), its reasoning flag
 * and a few example fillings — none with the privacy option.
 */
import { ownerOf, type Dataset } from '../aggregate/index.ts';
import type { Config } from '../config/schema.ts';
import type { Linked } from '../link/index.ts';
import { estimatedRequests, type KeyTemplates } from '../prompts/index.ts';
import { OUTPUT_VERSION } from './schemas.ts';

export function templatesFile(kt: KeyTemplates, data: Dataset, linked: Linked, options: Config['templates']) {
  const table = linked.tables.find((t) => t.type === 'template')!;
  const hubs = new Set(table.values.filter((_, v) => table.hub[v] === 1));
  return {
    version: OUTPUT_VERSION,
    privacy: options.privacy,
    sampling: {
      max_prompts_per_key: options.maxPromptsPerKey,
      prompts_seen: kt.promptsSeen,
      prompts_sampled: kt.promptsSampled,
      // Only when the total budget was reached, so builds under it write what they always did.
      ...(kt.budget.bound
        ? { max_prompts: options.maxPrompts, prompts_per_key_kept: kt.budget.perKey, hash_share_kept: kt.budget.threshold }
        : {}),
      estimate:
        'prompts_estimated = Σ over keys of (share of the key’s sampled prompts under the template) × (requests the key sent); ' +
        'each key keeps the prompts with the smallest hash of their text (bottom-k), a uniform sample of its distinct prompts',
    },
    templates: kt.templates.map((t, i) => ({
      id: t.id,
      text: t.text,
      reasoning: t.reasoning,
      reasoning_cues: t.reasoningCues,
      hub: hubs.has(t.id),
      prompts_sampled: t.prompts,
      prompts_estimated: t.keys.reduce((sum, key) => sum + estimatedRequests(kt, data, key, i), 0),
      keys: t.keys.length,
      accounts: new Set(t.keys.map((key) => ownerOf(data, key))).size,
      first_seen: new Date(t.firstSeen).toISOString(),
      last_seen: new Date(t.lastSeen).toISOString(),
      ...(options.privacy ? {} : { examples: t.examples }),
    })),
  };
}
