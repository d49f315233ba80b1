/**
 * Where the events live in ClickHouse: server URL, database, tables, and the
 * credentials, which come only from the environment. One zod schema; names
 * are checked as plain identifiers because they are written into SQL (quoted
 * with backticks), while every value read from the tables stays data.
 */
import { z } from 'zod';
import { UserError } from '../../util/errors.ts';

export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

const identifier = (what: string) =>
  z.string().regex(IDENTIFIER, `${what} must be a plain identifier (letters, digits, _; not starting with a digit)`);

export const ClickHouseSourceSchema = z
  .object({
    kind: z.literal('clickhouse'),
    /** HTTP(S) interface of any node of the cluster, e.g. http://127.0.0.1:8123 */
    url: z.string(),
    database: identifier('--database'),
    /** The events table; on a cluster, the Distributed table so that queries run on every shard. */
    eventsTable: identifier('--events-table'),
    /** The accounts table, if any. */
    accountsTable: identifier('--accounts-table').nullable().default(null),
    /** Column identifying a row, written as `line` in rejected.jsonl (none: `line` is null). */
    rowId: identifier('--clickhouse-row-id').nullable().default(null),
    /** Rejected rows fetched per reason for rejected.jsonl. @default 1000 */
    rejectedSample: z.number().int().min(0).default(1000),
    /** From SYBILSCOPE_CLICKHOUSE_USER; `default` when unset. */
    user: z.string().default('default'),
    /** From SYBILSCOPE_CLICKHOUSE_PASSWORD; never from a flag or the URL. */
    password: z.string().default(''),
  })
  .strict();

export type ClickHouseSource = z.output<typeof ClickHouseSourceSchema>;
export type ClickHouseSourceInput = z.input<typeof ClickHouseSourceSchema>;

/** The source from flags and the environment; throws a UserError naming what is wrong. */
export function clickHouseSource(
  flags: Omit<ClickHouseSourceInput, 'kind' | 'user' | 'password'>,
  env: NodeJS.ProcessEnv = process.env,
): ClickHouseSource {
  const result = ClickHouseSourceSchema.safeParse({
    ...flags,
    kind: 'clickhouse',
    user: env.SYBILSCOPE_CLICKHOUSE_USER || undefined,
    password: env.SYBILSCOPE_CLICKHOUSE_PASSWORD || undefined,
  });
  if (!result.success) throw new UserError('E_USAGE', `build: ${result.error.issues[0].message} (see --help)`);
  checkUrl(result.data.url);
  return result.data;
}

/** http or https, no credentials, no path beyond `/`, no query. */
export function checkUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError('E_USAGE', `build: --clickhouse-url is not a URL (${JSON.stringify(text.slice(0, 80))}); e.g. http://127.0.0.1:8123`);
  }
  if (url.password !== '' || url.username !== '')
    throw new UserError(
      'E_CREDENTIALS_IN_URL',
      'build: --clickhouse-url must not hold a user or password; set SYBILSCOPE_CLICKHOUSE_USER and SYBILSCOPE_CLICKHOUSE_PASSWORD instead',
    );
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UserError('E_USAGE', `build: --clickhouse-url must be http:// or https:// (got ${url.protocol})`);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '')
    throw new UserError('E_USAGE', 'build: --clickhouse-url takes the server only (scheme, host, port), no path or query');
  return url;
}

/** The URL as shown in outputs and messages. */
export function displayUrl(source: ClickHouseSource): string {
  return new URL(source.url).origin;
}
