/** Reads and validates a JSON file an evaluation needs; every failure is one E_EVAL_INPUT line. */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { UserError } from '../util/errors.ts';

export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** `hint` says what to do when the file is missing. */
export async function readJson<T>(path: string, schema: z.ZodType<T>, hint: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError('E_EVAL_INPUT', `${path}: ${code === 'ENOENT' ? 'not found' : `cannot be read (${code})`}; ${hint}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UserError('E_EVAL_INPUT', `${path}: not valid JSON (${oneLine((err as Error).message)})`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    throw new UserError('E_EVAL_INPUT', `${path}: ${at}: ${oneLine(issue.message)} (not a file this sybilscope version writes)`);
  }
  return parsed.data;
}
