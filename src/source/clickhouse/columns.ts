/**
 * Which column holds each role, read off the table's own description: every
 * role column is read as text (String as it is, numbers by toString, DateTime
 * as UTC text), so the SQL validation sees what the file path's validation
 * sees. Column names come from --column / the config and must be plain
 * identifiers here, since they are written into SQL (backtick-quoted).
 */
import { z } from 'zod';
import { roleColumns } from '../../ingest/columns.ts';
import { UserError } from '../../util/errors.ts';
import type { ClickHouseClient } from './http.ts';
import { IDENTIFIER } from './options.ts';

export const ColumnRowSchema = z.object({ name: z.string(), type: z.string() }).loose();

export const quote = (name: string) => `\`${name}\``;

/** `db`.`table`, from names already checked as identifiers. */
export const tableRef = (database: string, table: string) => `${quote(database)}.${quote(table)}`;

/** Column name → type of `database.table`; a missing table is a one-line UserError. */
export async function describe(client: ClickHouseClient, database: string, table: string): Promise<Map<string, string>> {
  const rows = await client.all(`describe ${table}`, `DESCRIBE TABLE ${tableRef(database, table)}`);
  return new Map(rows.map((r) => ColumnRowSchema.parse(r)).map((c) => [c.name, c.type]));
}

/** SQL giving the column as Nullable text, or null for a type we do not read. */
function textOf(column: string, type: string): string | null {
  const inner = type.replace(/^Nullable\((.*)\)$/, '$1').replace(/^LowCardinality\((.*)\)$/, '$1').replace(/^Nullable\((.*)\)$/, '$1');
  const q = quote(column);
  if (inner === 'String' || /^FixedString\(\d+\)$/.test(inner)) return inner === 'String' ? q : `toString(${q})`;
  if (/^U?Int(8|16|32|64)$/.test(inner)) return `toString(${q})`;
  if (inner === 'DateTime' || /^DateTime\('[^']*'\)$/.test(inner)) return `toString(${q}, 'UTC')`;
  return null;
}

/** Per role (in `roles` order): SQL of its text (Nullable(String)), or `NULL` when the table lacks the column. */
export function roleTexts(
  table: string,
  types: Map<string, string>,
  roles: readonly string[],
  mapping: Partial<Record<string, string>>,
  required: readonly string[],
): string[] {
  return roleColumns(roles, mapping).map((column, i) => {
    const role = roles[i];
    if (!IDENTIFIER.test(column))
      throw new UserError('E_USAGE', `build: column ${JSON.stringify(column.slice(0, 80))} (${role}) is not a plain identifier, which --source clickhouse needs`);
    const type = types.get(column);
    if (type === undefined) {
      if (required.includes(role))
        throw new UserError('E_CLICKHOUSE_COLUMN', `clickhouse: ${table} has no column ${JSON.stringify(column)} for ${role}; map it with --column ${role}=COLUMN`);
      return 'NULL';
    }
    const text = textOf(column, type);
    if (text === null)
      throw new UserError('E_CLICKHOUSE_COLUMN', `clickhouse: ${table}.${column} (${role}) has type ${type}; sybilscope reads String, integer and DateTime columns`);
    return text;
  });
}
