/**
 * Reads an actors file (JSON, or YAML by its .yaml/.yml extension) and
 * validates it. Any problem is one UserError line naming the file and the
 * path of the bad field: `actors.json: actors[2].indicators[0].type: …`.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../util/errors.ts';
import { sha256Hex } from '../util/hash.ts';
import { ActorsFileSchema, type ActorsFile } from './schema.ts';

export interface LoadedActors {
  path: string;
  sha256: string;
  file: ActorsFile;
}

/** `actors[2].indicators[0].type` from zod's path. */
export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out === '' ? '' : '.'}${String(p)}`;
  return out;
}

/** Validate parsed content; `name` is used in the message. */
export function parseActors(content: unknown, name: string): ActorsFile {
  const parsed = ActorsFileSchema.safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]! as z.core.$ZodIssue;
    const where = issuePath(issue.path);
    throw new UserError('E_ACTORS', `${name}: ${where === '' ? '(top level)' : where}: ${issue.message.replace(/\s+/g, ' ')}`);
  }
  return parsed.data;
}

export async function loadActors(path: string): Promise<LoadedActors> {
  const name = basename(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UserError('E_ACTORS', `${path}: cannot read the actors file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let content: unknown;
  try {
    content = /\.ya?ml$/i.test(path) ? parseYaml(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch (error) {
    const what = /\.ya?ml$/i.test(path) ? 'YAML' : 'JSON';
    throw new UserError('E_ACTORS', `${name}: not valid ${what}: ${(error as Error).message.split('\n')[0]}`);
  }
  return { path, sha256: sha256Hex(text), file: parseActors(content, name) };
}
