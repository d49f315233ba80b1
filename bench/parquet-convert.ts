/**
 * Makes Parquet from a generated events.jsonl with DuckDB's COPY, for the
 * Parquet reader benchmark, typed as a warehouse export would be: timestamp
 * as TIMESTAMP (ISO text or epoch milliseconds in the log), token counts as
 * BIGINT, the rest VARCHAR. Lines that do not parse are skipped. Output goes
 * next to the input.
 *
 *   node --import tsx bench/parquet-convert.ts bench/.data/1000000/events.jsonl [--codec snappy] [--row-group 122880]
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    codec: { type: 'string', default: 'snappy' },
    'row-group': { type: 'string', default: '122880' },
    out: { type: 'string' },
  },
});
const input = positionals[0];
if (input === undefined) throw new Error('usage: parquet-convert.ts FILE.jsonl [--codec C] [--row-group N] [--out FILE]');
const out = values.out ?? input.replace(/\.jsonl(\.gz)?$/, '') + `.${values.codec}.parquet`;
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const text = ['timestamp', 'key_id', 'account_id', 'ip', 'user_agent', 'model', 'prompt', 'input_tokens', 'output_tokens'];
const columns = `{${text.map((c) => `${c}: 'VARCHAR'`).join(', ')}}`;
const source = `read_json(${quote(input)}, format = 'newline_delimited', ignore_errors = true, columns = ${columns})`;
const select = `SELECT
  CASE WHEN regexp_full_match("timestamp", '[0-9]+') THEN make_timestamp(CAST("timestamp" AS BIGINT) * 1000)
       ELSE TRY_CAST(TRY_CAST("timestamp" AS TIMESTAMPTZ) AS TIMESTAMP) END AS "timestamp",
  key_id, account_id, ip, user_agent, model, prompt,
  TRY_CAST(input_tokens AS BIGINT) AS input_tokens, TRY_CAST(output_tokens AS BIGINT) AS output_tokens
FROM ${source}`;

const started = performance.now();
const db = await DuckDBInstance.create(':memory:');
const conn = await db.connect();
await conn.run(`SET threads = 2`);
await conn.run(
  `COPY (${select}) TO ${quote(out)} (FORMAT parquet, COMPRESSION ${values.codec}, ROW_GROUP_SIZE ${Number(values['row-group'])})`,
);
const rows = await conn.runAndReadAll(`SELECT count(*) AS n FROM read_parquet(${quote(out)})`);
console.log(`${out}: ${rows.getRowObjects()[0].n} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
