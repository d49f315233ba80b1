/** manifest.json: what went in (with content hashes), the options, the seed and the version. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Config } from '../config/schema.ts';
import type { InputKind } from '../model.ts';
import { OUTPUT_VERSION } from './schemas.ts';
import { VERSION } from '../version.ts';

export interface InputEntry {
  path: string;
  kind: InputKind;
  bytes: number;
  sha256: string;
}

export async function describeInput(path: string, kind: InputKind): Promise<InputEntry> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { path, kind, bytes: (await stat(path)).size, sha256: hash.digest('hex') };
}

export function manifest(inputs: InputEntry[], config: Config, seed: number, configFile: string | null) {
  return { version: VERSION, output_version: OUTPUT_VERSION, seed, config_file: configFile, inputs, config };
}
