/** The build command's --source flags, checked together: files need --events; ClickHouse needs its URL, database and table. */
import { UserError } from '../../util/errors.ts';
import { clickHouseSource, type ClickHouseSource } from './options.ts';

export interface SourceFlags {
  events: string[];
  accounts: string[];
  source: 'files' | 'clickhouse';
  clickhouseUrl?: string;
  database?: string;
  eventsTable?: string;
  accountsTable?: string;
  clickhouseRowId?: string;
}

const CLICKHOUSE_FLAGS = ['clickhouseUrl', 'database', 'eventsTable', 'accountsTable', 'clickhouseRowId'] as const;
const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The ClickHouse source, or null for files; a UserError (E_USAGE) for a wrong combination. */
export function sourceOf(flags: SourceFlags, env: NodeJS.ProcessEnv = process.env): ClickHouseSource | null {
  if (flags.source === 'files') {
    const stray = CLICKHOUSE_FLAGS.find((f) => flags[f] !== undefined);
    if (stray !== undefined) throw new UserError('E_USAGE', `build: --${kebab(stray)} needs --source clickhouse (see --help)`);
    if (flags.events.length === 0) throw new UserError('E_USAGE', 'build: --events is required (see --help)');
    return null;
  }
  if (flags.events.length > 0 || flags.accounts.length > 0)
    throw new UserError('E_USAGE', 'build: --events and --accounts are files; with --source clickhouse use --events-table and --accounts-table');
  for (const f of ['clickhouseUrl', 'database', 'eventsTable'] as const)
    if (flags[f] === undefined) throw new UserError('E_USAGE', `build: --${kebab(f)} is required with --source clickhouse (see --help)`);
  return clickHouseSource(
    {
      url: flags.clickhouseUrl!,
      database: flags.database!,
      eventsTable: flags.eventsTable!,
      accountsTable: flags.accountsTable ?? null,
      rowId: flags.clickhouseRowId ?? null,
    },
    env,
  );
}
