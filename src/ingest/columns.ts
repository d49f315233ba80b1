/**
 * Column mapping: which column of this file holds each role, and which
 * columns are extras. Column names are attacker-controlled data, so rows
 * are read with own-property checks and extras go into null-prototype
 * objects (`__proto__` or `constructor` are plain names there).
 */
import { ACCOUNT_ROLES, EVENT_ROLES, type InputKind } from '../model.ts';

/** Role → column name; an unmapped role reads the column named like itself. */
export function roleColumns(roles: readonly string[], columns: Partial<Record<string, string>>): string[] {
  return roles.map((role) => (Object.hasOwn(columns, role) && columns[role]) || role);
}

const hasOwn = Object.hasOwn;

/** Extras nested deeper than this are refused (later stages stringify them recursively). */
export const MAX_EXTRA_DEPTH = 64;

function depthExceeds(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth >= MAX_EXTRA_DEPTH) return true;
  for (const key in value) {
    if (depthExceeds((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

type Obj = Record<string, unknown>;

/** Role cells keyed by role, as one fixed-shape literal per kind (the hot path); `get(i)` reads role i of ROLES order. */
const CELLS: Record<InputKind, (get: (i: number) => unknown) => Obj> = {
  events: (get) => ({
    timestamp: get(0),
    key_id: get(1),
    account_id: get(2),
    ip: get(3),
    user_agent: get(4),
    model: get(5),
    prompt: get(6),
    input_tokens: get(7),
    output_tokens: get(8),
  }),
  accounts: (get) => ({
    account_id: get(0),
    payment_fingerprint: get(1),
    email_domain: get(2),
    created_at: get(3),
    signup_ip: get(4),
    country: get(5),
  }),
};
for (const [kind, roles] of [['events', EVENT_ROLES], ['accounts', ACCOUNT_ROLES]] as const) {
  if (Object.keys(CELLS[kind](() => 0)).join() !== roles.join()) throw new Error(`CELLS.${kind} is out of step with the model`);
}

/** Reads role cells and extras out of parsed JSON objects. */
export class JsonRowMapper {
  private readonly roleSet: Set<string>;
  /** Column names that an object inherits (`constructor`, `__proto__`…) need an own-property check. */
  private readonly inherited: boolean[];
  private obj: Obj = {};
  private readonly get = (i: number): unknown => {
    const col = this.cols[i];
    return this.inherited[i] && !hasOwn(this.obj, col) ? undefined : this.obj[col];
  };
  private readonly build: (get: (i: number) => unknown) => Obj;

  constructor(
    kind: InputKind,
    private readonly cols: readonly string[],
  ) {
    this.roleSet = new Set(cols);
    this.inherited = cols.map((col) => col in Object.prototype);
    this.build = CELLS[kind];
  }

  /** Role cells of `obj`, keyed by role. */
  cells(obj: Obj): Obj {
    this.obj = obj;
    const out = this.build(this.get);
    this.obj = {};
    return out;
  }

  /** Non-role members of `obj` in a null-prototype object, or a reason if one is nested too deep. */
  extras(obj: Record<string, unknown>): Record<string, unknown> | string {
    const extra: Record<string, unknown> = Object.create(null);
    for (const key in obj) {
      if (this.roleSet.has(key)) continue;
      const value = obj[key];
      if (typeof value === 'object' && value !== null && depthExceeds(value, 1)) {
        return `${JSON.stringify(key.slice(0, 80))} is nested deeper than ${MAX_EXTRA_DEPTH} levels`;
      }
      extra[key] = value;
    }
    return extra;
  }
}

/** Reads role cells and extras out of CSV records, by column index from the header. */
export class CsvRowMapper {
  /** Column index per role, -1 when the header lacks it. */
  readonly roleIndex: number[];
  private readonly extraIndex: number[];

  constructor(
    private readonly roles: readonly string[],
    cols: readonly string[],
    private readonly header: readonly string[],
  ) {
    this.roleIndex = cols.map((col) => header.indexOf(col));
    const used = new Set(this.roleIndex);
    this.extraIndex = header.map((_, i) => i).filter((i) => !used.has(i));
  }

  cells(fields: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < this.roles.length; i++) {
      const index = this.roleIndex[i];
      out[this.roles[i]] = index < 0 ? undefined : fields[index];
    }
    return out;
  }

  extras(fields: readonly string[]): Record<string, unknown> {
    const extra: Record<string, unknown> = Object.create(null);
    for (const i of this.extraIndex) extra[this.header[i]] = fields[i];
    return extra;
  }
}
