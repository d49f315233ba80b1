/**
 * truth.json: the planted groups and prompt templates, validated with
 * TruthSchema, everything sorted.
 */
import { TruthSchema, type Truth } from '../output/schemas.ts';
import { compareStrings, sortedStrings } from '../util/compare.ts';
import type { PlantedPrompts } from './planted-prompts.ts';
import { PLANTED_TEMPLATES } from './planted-templates.ts';
import type { Population } from './types.ts';

export function buildTruth(pop: Population, seed: number, planted?: PlantedPrompts): Truth {
  const groups = pop.groups
    .map((g) => ({
      name: g.name,
      kind: g.kind,
      description: g.description,
      keys: sortedStrings(pop.keys.filter((k) => k.group === g.name).map((k) => k.id)),
      accounts: sortedStrings(pop.accounts.filter((a) => a.group === g.name).map((a) => a.id)),
    }))
    .sort((a, b) => compareStrings(a.name, b.name));
  const templates = planted
    ? PLANTED_TEMPLATES.map((t, i) => ({
        name: t.name,
        reasoning: t.reasoning,
        group: t.group,
        framings: [...t.framings],
        prompts: planted.list(i),
      })).sort((a, b) => compareStrings(a.name, b.name))
    : undefined;
  return TruthSchema.parse({ version: 1, seed, groups, templates });
}
