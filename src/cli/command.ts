/**
 * One typed option table per command: a zod object schema whose fields are
 * the flags. It drives parsing (node:util parseArgs, strict), validation,
 * `--help` and the README's option list, so they cannot drift apart.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { UserError } from '../util/errors.ts';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Progress lines only on a terminal. */
  isTTY: boolean;
}

export interface Command<S extends z.ZodObject> {
  name: string;
  summary: string;
  usage: string;
  schema: S;
  /** Field that takes the positional arguments, if any. */
  positional?: keyof z.infer<S> & string;
  run(options: z.infer<S>, io: Io): Promise<number>;
}

export interface FlagInfo {
  field: string;
  flag: string;
  kind: 'string' | 'number' | 'boolean' | 'list';
  description: string;
  defaultValue: unknown;
  required: boolean;
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Flags of a command, read off its schema. */
export function flagsOf(schema: z.ZodObject): FlagInfo[] {
  return Object.entries(schema.shape).map(([field, type]) => {
    let t = type as z.ZodType;
    let defaultValue: unknown;
    let required = true;
    const description = t.description ?? '';
    for (;;) {
      const def = t.def as { type: string; innerType?: z.ZodType; defaultValue?: unknown };
      if (def.type === 'default') defaultValue = def.defaultValue;
      if (def.type === 'default' || def.type === 'optional') required = false;
      if (!def.innerType) break;
      t = def.innerType;
    }
    const type0 = (t.def as { type: string }).type;
    const kind = type0 === 'boolean' ? 'boolean' : type0 === 'array' ? 'list' : type0 === 'number' ? 'number' : 'string';
    return { field, flag: kebab(field), kind, description, defaultValue, required };
  });
}

export function parseCommand<S extends z.ZodObject>(command: Command<S>, argv: string[]): z.infer<S> {
  const flags = flagsOf(command.schema);
  const spec: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const f of flags) spec[f.flag] = { type: f.kind === 'boolean' ? 'boolean' : 'string', multiple: f.kind === 'list' };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: spec, allowPositionals: command.positional !== undefined, strict: true });
  } catch (error) {
    throw new UserError('E_USAGE', `${command.name}: ${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  const raw: Record<string, unknown> = {};
  for (const f of flags) {
    const value = (parsed.values as Record<string, unknown>)[f.flag];
    // Flags arrive as text; a number field gets a number (or NaN, which zod rejects).
    if (value !== undefined) raw[f.field] = f.kind === 'number' ? (String(value).trim() === '' ? NaN : Number(value)) : value;
  }
  if (command.positional && parsed.positionals.length > 0) {
    const target = flags.find((f) => f.field === command.positional)!;
    raw[target.field] = target.kind === 'list' ? parsed.positionals : parsed.positionals.join(' ');
    if (target.kind !== 'list' && parsed.positionals.length > 1)
      throw new UserError('E_USAGE', `${command.name}: expected one ${target.flag.toUpperCase()}, got ${parsed.positionals.length}`);
  }
  const result = command.schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = String(issue.path[0] ?? '');
    const flag = flags.find((f) => f.field === field);
    const name = flag ? (field === command.positional ? flag.flag.toUpperCase() : `--${flag.flag}`) : field;
    const message = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
    throw new UserError('E_USAGE', `${command.name}: ${name} ${message} (see --help)`);
  }
  return result.data;
}

export function helpText(command: Command<z.ZodObject>): string {
  const lines = [`sybilscope ${command.name}: ${command.summary}`, '', `Usage: ${command.usage}`, '', 'Options:'];
  for (const f of flagsOf(command.schema)) {
    const head = f.field === command.positional ? `  ${f.flag.toUpperCase()}` : `  --${f.flag}${f.kind === 'boolean' ? '' : ' VALUE'}`;
    const extra = f.defaultValue !== undefined && !(Array.isArray(f.defaultValue) && f.defaultValue.length === 0) ? ` (default: ${JSON.stringify(f.defaultValue)})` : f.required ? ' (required)' : '';
    lines.push(`${head.padEnd(24)} ${f.description}${extra}${f.kind === 'list' ? ' [repeatable]' : ''}`);
  }
  lines.push(`  ${'--help'.padEnd(22)} show this help`);
  return lines.join('\n') + '\n';
}
