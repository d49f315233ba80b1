/**
 * Config from a JSON file plus command-line overrides, validated by the one
 * schema. Errors name the file and the path of the bad field on one line.
 */
import { readFile } from 'node:fs/promises';
import { ACCOUNT_ROLES, EVENT_ROLES } from '../model.ts';
import { UserError } from '../util/errors.ts';
import { ConfigSchema, type Config } from './schema.ts';

type Json = Record<string, any>;

export async function readConfigFile(path: string): Promise<Json> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UserError('E_CONFIG', `config file not found or unreadable: ${path}`);
  }
  try {
    const value = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('expected a JSON object');
    return value;
  } catch (error) {
    throw new UserError('E_CONFIG', `${path}: not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Apply `ROLE=COLUMN` mappings from flags. A role of events or accounts maps
 * in that file kind (account_id in both); `events.ROLE=…` or `accounts.ROLE=…`
 * picks one kind.
 */
export function applyColumnFlags(raw: Json, flags: string[]): Json {
  const out = structuredClone(raw);
  out.columns ??= {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    const lhs = eq > 0 ? flag.slice(0, eq) : '';
    const column = eq > 0 ? flag.slice(eq + 1) : '';
    if (!lhs || !column) throw new UserError('E_USAGE', `--column expects ROLE=COLUMN, got "${flag}"`);
    const [kind, role] = lhs.includes('.') ? lhs.split('.', 2) : ['', lhs];
    const kinds = [
      ...((kind === '' || kind === 'events') && (EVENT_ROLES as readonly string[]).includes(role) ? ['events'] : []),
      ...((kind === '' || kind === 'accounts') && (ACCOUNT_ROLES as readonly string[]).includes(role) ? ['accounts'] : []),
    ];
    if (kinds.length === 0)
      throw new UserError('E_USAGE', `--column: unknown role "${lhs}"; roles are ${[...EVENT_ROLES, ...ACCOUNT_ROLES.filter((r) => r !== 'account_id')].join(', ')}`);
    for (const k of kinds) out.columns[k] = { ...(out.columns[k] ?? {}), [role]: column };
  }
  return out;
}

export function parseConfig(raw: Json, source: string): Config {
  const result = ConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path.join('.') || '(top level)';
  throw new UserError('E_CONFIG', `${source}: ${path}: ${issue.message}`);
}

export async function loadConfig(file: string | undefined, columnFlags: string[] = [], overrides: Json = {}): Promise<Config> {
  const raw = file ? await readConfigFile(file) : {};
  const merged = applyColumnFlags(raw, columnFlags);
  for (const [section, values] of Object.entries(overrides)) merged[section] = { ...(merged[section] ?? {}), ...values };
  return parseConfig(merged, file ?? 'options');
}
