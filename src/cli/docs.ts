/**
 * The README's option reference, generated from the command and config
 * schemas (`npm run docs` writes it; a test fails when it is stale).
 */
import { z } from 'zod';
import { ConfigSchema } from '../config/schema.ts';
import { flagsOf, type Command } from './command.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const show = (v: unknown) => (v === undefined ? '' : Array.isArray(v) && v.length > 8 ? `${v.length} values` : `\`${JSON.stringify(v)}\``);

export function commandDocs(commands: Command<z.ZodObject>[]): string {
  const out: string[] = [];
  for (const c of commands) {
    out.push(`### \`sybilscope ${c.name}\``, '', c.summary + '.', '', '```', c.usage, '```', '', '| flag | default | description |', '| --- | --- | --- |');
    for (const f of flagsOf(c.schema)) {
      const name = f.field === c.positional ? f.flag.toUpperCase() : `--${f.flag}${f.kind === 'list' ? ' …' : ''}`;
      out.push(`| \`${name}\` | ${f.required ? 'required' : show(f.defaultValue)} | ${cell(f.description)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

interface Leaf {
  path: string;
  defaultValue: unknown;
  description: string;
}

function leaves(type: z.ZodType, path: string, description: string, out: Leaf[]): void {
  const def = type.def as { type: string; innerType?: z.ZodType; defaultValue?: unknown; shape?: Record<string, z.ZodType> };
  const desc = description || type.description || '';
  if (def.type === 'object' && def.shape) {
    for (const [key, child] of Object.entries(def.shape)) leaves(child, path ? `${path}.${key}` : key, '', out);
    return;
  }
  if ((def.type === 'default' || def.type === 'prefault' || def.type === 'optional') && def.innerType) {
    const inner = def.innerType.def as { type: string };
    if (inner.type === 'object') return leaves(def.innerType, path, desc, out);
    out.push({ path, defaultValue: def.type === 'default' ? def.defaultValue : undefined, description: desc || def.innerType.description || '' });
    return;
  }
  out.push({ path, defaultValue: undefined, description: desc });
}

export function configDocs(): string {
  const rows: Leaf[] = [];
  leaves(ConfigSchema, '', '', rows);
  return ['| key | default | description |', '| --- | --- | --- |', ...rows.map((r) => `| \`${r.path}\` | ${show(r.defaultValue)} | ${cell(r.description)} |`), ''].join('\n');
}

export const DOC_MARKERS = {
  commands: ['<!-- commands:start -->', '<!-- commands:end -->'],
  config: ['<!-- config:start -->', '<!-- config:end -->'],
} as const;

/** README text with both generated sections replaced. */
export function renderReadme(readme: string, commands: Command<z.ZodObject>[]): string {
  let text = readme;
  for (const [name, body] of [['commands', commandDocs(commands)], ['config', configDocs()]] as const) {
    const [start, end] = DOC_MARKERS[name];
    const i = text.indexOf(start);
    const j = text.indexOf(end);
    if (i < 0 || j < i) throw new Error(`README is missing ${start} … ${end}`);
    text = text.slice(0, i + start.length) + '\n' + body + text.slice(j);
  }
  return text;
}
