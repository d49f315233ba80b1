/**
 * Column mapping: which column of this file holds each role, and which
 * columns are extras. Column names are attacker-controlled data, so rows
 * are read with own-property checks and extras go into null-prototype
 * objects (`__proto__` or `constructor` are plain names there).
 */

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

/** Reads role cells and extras out of parsed JSON objects. */
export class JsonRowMapper {
  private readonly roleSet: Set<string>;

  constructor(
    private readonly roles: readonly string[],
    private readonly cols: readonly string[],
  ) {
    this.roleSet = new Set(cols);
  }

  /** Role cells of `obj`, keyed by role. */
  cells(obj: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < this.roles.length; i++) {
      const col = this.cols[i];
      out[this.roles[i]] = hasOwn(obj, col) ? obj[col] : undefined;
    }
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
