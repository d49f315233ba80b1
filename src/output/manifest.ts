/** manifest.json: what went in (with content hashes), the options, the seed and the version. */
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config/schema.ts';
import type { InputDigest } from '../ingest/index.ts';
import type { InputKind } from '../model.ts';
import { OUTPUT_VERSION } from './schemas.ts';
import { VERSION } from '../version.ts';

export interface InputEntry {
  path: string;
  kind: InputKind;
  bytes: number;
  sha256: string;
}

/** Size and SHA-256 of an input, hashed on a worker thread (start it before parsing the file). */
export async function describeInput(path: string, kind: InputKind): Promise<InputEntry> {
  const worker = new Worker(new URL('./hash-worker.mjs', import.meta.url), { workerData: path });
  const [sha256] = (await once(worker, 'message')) as [string];
  return { path, kind, bytes: (await stat(path)).size, sha256 };
}

/** Size and SHA-256 of an input whose bytes went through `digest` as it was read (InputDigest). */
export async function digestedInput(path: string, kind: InputKind, digest: InputDigest): Promise<InputEntry> {
  if (!digest.complete) throw new Error(`${path}: the read ended before the end of the file, so its hash is not the file's`);
  return { path, kind, bytes: (await stat(path)).size, sha256: digest.hash.digest('hex') };
}

export function manifest(inputs: InputEntry[], config: Config, seed: number, configFile: string | null) {
  return { version: VERSION, output_version: OUTPUT_VERSION, seed, config_file: configFile, inputs, config };
}
