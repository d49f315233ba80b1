/**
 * Schemas of tracking across runs: changes.json, and the `change` a cluster
 * carries in clusters.json when the build was given --previous.
 */
import { z } from 'zod';

export const ClusterChangeSchema = z.object({
  /** new: no previous cluster continues into it; continued: it keeps a previous cluster's id. */
  status: z.enum(['new', 'continued']),
  /** The id it continues (its own id), or null when new. */
  previous: z.string().nullable(),
  /** Keys not in the previous cluster (all keys when new). */
  added: z.number().int(),
  /** Keys of the previous cluster no longer in it. */
  removed: z.number().int(),
  /** Jaccard overlap with the previous cluster (0 when new). */
  jaccard: z.number(),
});
export type ClusterChange = z.infer<typeof ClusterChangeSchema>;

const Id = z.string();
const Keys = z.array(z.string());

export const ChangesFileSchema = z.object({
  version: z.literal(1),
  previous: z.object({
    /** Folder name of the previous run (its base name only). */
    dir: z.string(),
    clusters: z.number().int(),
  }),
  /** Least Jaccard overlap for a cluster to continue a previous one. */
  threshold: z.number(),
  counts: z.object({
    clusters: z.number().int(),
    continued: z.number().int(),
    unchanged: z.number().int(),
    new: z.number().int(),
    grown: z.number().int(),
    shrunk: z.number().int(),
    merged: z.number().int(),
    split: z.number().int(),
    gone: z.number().int(),
  }),
  /** Clusters continuing none of the previous run's, by id. */
  new: z.array(z.object({ id: Id, size: z.number().int() })),
  /** Continued clusters with keys they did not have, and those keys. */
  grown: z.array(z.object({ id: Id, added: Keys })),
  /** Continued clusters that lost keys, and those keys. */
  shrunk: z.array(z.object({ id: Id, removed: Keys })),
  /** Clusters holding most (≥ share) of two or more previous clusters. */
  merged: z.array(z.object({ id: Id, from: z.array(Id) })),
  /** Previous clusters whose keys (≥ share each) went to two or more clusters. */
  split: z.array(z.object({ previous: Id, into: z.array(Id) })),
  /** Previous clusters no cluster continues, with where their keys are now. */
  gone: z.array(z.object({ id: Id, size: z.number().int(), now_in: z.array(Id) })),
});
export type ChangesFile = z.infer<typeof ChangesFileSchema>;
