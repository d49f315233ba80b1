/** Worker thread entry of mineOnThread: mines workerData.input (a MineTask) and sends the result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { mineTemplatesParallel } from './mine-parallel.ts';
import type { MineTask } from './mine-thread.ts';
import { textAt } from './packed-texts.ts';
import type { PromptSample } from './types.ts';

const { keys, timestamps, prompts, options, workers } = (workerData as { input: MineTask }).input;
const samples: PromptSample[] = Array.from(keys, (key, i) => ({ key, prompt: textAt(prompts, i), timestamp: timestamps[i]! }));
const mined = await mineTemplatesParallel(samples, options, { workers });
parentPort!.postMessage(mined);
