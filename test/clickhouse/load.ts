/**
 * Loads a generated JSONL events file and CSV accounts file into ClickHouse
 * (tests and benchmark only): local MergeTree tables on every shard and a
 * Distributed table over them on every node, rows sharded by a hash of
 * key_id, inserted over HTTP as JSONEachRow with synchronous distributed
 * inserts. Role columns are Nullable(String), so a malformed cell (a bad
 * timestamp, a negative count) reaches the table as the text it was.
 * What a table of text columns cannot hold is left out and counted: a line
 * that is not a JSON object, a cell that is an object, array or boolean,
 * a CSV record with the wrong number of fields. The file path rejects
 * exactly those rows too; blank lines are not rows.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { ACCOUNT_ROLES, EVENT_ROLES } from '../../src/model.ts';
import { ClickHouseClient } from '../../src/source/clickhouse/http.ts';
import { ClickHouseSourceSchema } from '../../src/source/clickhouse/options.ts';

export interface LoadCounts {
  loaded: number;
  blank: number;
  /** Rows a table of text columns cannot hold (see the header). */
  notLoaded: number;
}

export function client(url: string, env: { user?: string; password?: string } = {}): ClickHouseClient {
  return new ClickHouseClient(ClickHouseSourceSchema.parse({ kind: 'clickhouse', url, database: 'x', eventsTable: 'x', ...env }));
}

const columns = (roles: readonly string[]) => ['`row` UInt64', ...roles.map((r) => `\`${r}\` Nullable(String)`)].join(', ');

/** Creates database `db` with events/accounts: `_local` MergeTree tables and Distributed tables over cluster `sybil`, on every node. */
export async function createTables(urls: string[], db: string): Promise<void> {
  for (const url of urls) {
    const c = client(url);
    await c.exec(`CREATE DATABASE IF NOT EXISTS ${db}`);
    for (const [table, roles, key] of [
      ['events', EVENT_ROLES, "cityHash64(ifNull(key_id, ''))"],
      ['accounts', ACCOUNT_ROLES, "cityHash64(ifNull(account_id, ''))"],
    ] as const) {
      await c.exec(`CREATE TABLE ${db}.${table}_local (${columns(roles)}) ENGINE = MergeTree() ORDER BY \`row\``);
      await c.exec(`CREATE TABLE ${db}.${table} (${columns(roles)}) ENGINE = Distributed(sybil, ${db}, ${table}_local, ${key})`);
    }
  }
}

/** A JSON cell as text: strings as they are, numbers as JavaScript writes them; undefined for a type text cannot hold. */
function text(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

async function insert(c: ClickHouseClient, table: string, rows: string[]): Promise<void> {
  if (rows.length > 0) await c.exec(`INSERT INTO ${table} FORMAT JSONEachRow`, rows.join('\n'), { insert_distributed_sync: '1' });
}

/** Inserts the events of a JSONL file through the Distributed table `db.events` of the node at `url`. */
export async function loadEvents(url: string, db: string, file: string, batch = 50_000): Promise<LoadCounts> {
  const c = client(url);
  const counts: LoadCounts = { loaded: 0, blank: 0, notLoaded: 0 };
  let rows: string[] = [];
  let line = 0;
  for await (const raw of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    line++;
    if (raw.trim() === '') {
      counts.blank++;
      continue;
    }
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch {
      counts.notLoaded++;
      continue;
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      counts.notLoaded++;
      continue;
    }
    const row: Record<string, unknown> = { row: line };
    let ok = true;
    for (const role of EVENT_ROLES) {
      const cell = text(Object.hasOwn(obj, role) ? (obj as Record<string, unknown>)[role] : null);
      if (cell === undefined) ok = false;
      row[role] = cell;
    }
    if (!ok) {
      counts.notLoaded++;
      continue;
    }
    rows.push(JSON.stringify(row));
    counts.loaded++;
    if (rows.length >= batch) {
      await insert(c, `${db}.events`, rows);
      rows = [];
    }
  }
  await insert(c, `${db}.events`, rows);
  return counts;
}

/** RFC 4180 records of a small CSV text (quotes, doubled quotes, CRLF). */
export function csvRecords(textIn: string): string[][] {
  const out: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const s = textIn.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') record.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      record.push(field);
      out.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) record.push(field), out.push(record);
  return out;
}

/** Inserts the accounts of a CSV file (header row) through `db.accounts`. */
export async function loadAccounts(url: string, db: string, file: string): Promise<LoadCounts> {
  const c = client(url);
  const [header, ...records] = csvRecords(await readFile(file, 'utf8'));
  const counts: LoadCounts = { loaded: 0, blank: 0, notLoaded: 0 };
  const rows: string[] = [];
  records.forEach((fields, i) => {
    if (fields.length === 1 && fields[0].trim() === '') return void counts.blank++;
    if (fields.length !== header.length) return void counts.notLoaded++;
    const row: Record<string, unknown> = { row: i + 2 };
    for (const role of ACCOUNT_ROLES) {
      const at = header.indexOf(role);
      row[role] = at < 0 ? null : fields[at];
    }
    rows.push(JSON.stringify(row));
    counts.loaded++;
  });
  await insert(c, `${db}.accounts`, rows);
  return counts;
}
