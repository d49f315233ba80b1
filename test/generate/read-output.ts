/** Test helpers: read a generated directory and classify events lines the way a strict reader would. */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { TruthSchema, type Truth } from '../../src/output/schemas.ts';

export interface ValidEvent {
  ms: number;
  key: string;
  account?: string;
  ip: string;
  ua: string;
  prompt: string;
  output: number;
}

export function isValidEvent(line: string): ValidEvent | null {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line);
  } catch {
    return null;
  }
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return null;
  const t = o.timestamp;
  const ms = typeof t === 'number' ? (t < 1e11 ? t * 1000 : t) : typeof t === 'string' ? Date.parse(t) : NaN;
  if (!Number.isFinite(ms)) return null;
  if (typeof o.key_id !== 'string' || typeof o.ip !== 'string' || isIP(o.ip) === 0) return null;
  for (const f of ['input_tokens', 'output_tokens']) if (typeof o[f] !== 'number' || (o[f] as number) < 0) return null;
  return {
    ms,
    key: o.key_id,
    account: o.account_id as string | undefined,
    ip: o.ip,
    ua: String(o.user_agent),
    prompt: String(o.prompt),
    output: o.output_tokens as number,
  };
}

export interface Generated {
  truth: Truth;
  events: ValidEvent[];
  invalid: number;
  blank: number;
  /** accounts.csv records after the header, as parsed by csv-parse. */
  rows: string[][];
}

export function readGenerated(dir: string): Generated {
  const truth = TruthSchema.parse(JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')));
  const events: ValidEvent[] = [];
  let invalid = 0;
  let blank = 0;
  const text = readFileSync(join(dir, 'events.jsonl'), 'utf8');
  for (const line of text.split('\n').slice(0, -1)) {
    if (line.trim() === '') blank++;
    else {
      const e = isValidEvent(line);
      if (e) events.push(e);
      else invalid++;
    }
  }
  const rows = parse(readFileSync(join(dir, 'accounts.csv'), 'utf8'), {
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
  return { truth, events, invalid, blank, rows };
}
