/**
 * The whole miner on a thread of its own, so the calling thread can do other
 * work meanwhile (the build's link stage builds its other value tables): the
 * samples go over as columns, the prompts packed in shared memory
 * (packed-texts.ts, exact for any string), and the templates and assignment
 * come back. mineTemplatesParallel runs there unchanged, with its own worker
 * lanes, so the result is the same as on the calling thread.
 */
import { runWorkers } from '../util/run-workers.ts';
import type { MinerOptions } from './options.ts';
import { packTexts, type PackedTexts } from './packed-texts.ts';
import type { MinedTemplates, PromptSample } from './types.ts';

export interface MineTask {
  keys: Int32Array;
  timestamps: Float64Array;
  prompts: PackedTexts;
  options: Partial<MinerOptions>;
  /** Lanes of mineTemplatesParallel, the mining thread included. */
  workers: number;
}

const ENTRY = new URL('./mine-thread-entry.ts', import.meta.url);

export async function mineOnThread(samples: readonly PromptSample[], options: Partial<MinerOptions>, workers: number): Promise<MinedTemplates> {
  const task: MineTask = {
    keys: Int32Array.from(samples, (s) => s.key),
    timestamps: Float64Array.from(samples, (s) => s.timestamp),
    prompts: packTexts(samples.map((s) => s.prompt)),
    options,
    workers,
  };
  const [mined] = await runWorkers<MinedTemplates>(ENTRY, [task]);
  return mined!;
}
