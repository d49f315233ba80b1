/**
 * The bundled sample as Parquet: the same rows in JSONL and in Parquet build
 * byte-identical outputs. The rows are the sample's JSON objects (events) and
 * CSV records (accounts), each column given one Parquet type (integers INT64,
 * other numbers DOUBLE, else text, with non-text values written as JSON text
 * in both files), nulls omitted from the JSONL as Parquet cannot tell them
 * from absent. Only what names the input differs: manifest.json, the file
 * names in summary.json and rejected.jsonl, and the raw text of rejected rows.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, ROOT } from '../helpers/cli.ts';
import { stableSummary } from '../helpers/golden.ts';
import { parquetBytes, type TestColumn } from './parquet-helpers.ts';

type Row = Record<string, unknown>;

/** Rows with one type per column: the columns for Parquet and the same rows as JSONL. */
function typed(rows: Row[]): { columns: TestColumn[]; jsonl: string } {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) if (!seen.has(key)) seen.add(key), names.push(key);
  const columns: TestColumn[] = names.map((name) => {
    const values = rows.map((row) => (Object.hasOwn(row, name) ? row[name] : null));
    const present = values.filter((v) => v !== null);
    if (present.length > 0 && present.every((v) => Number.isSafeInteger(v))) {
      return { name, type: 'INT64', data: values.map((v) => (v === null ? null : BigInt(v as number))) };
    }
    if (present.length > 0 && present.every((v) => typeof v === 'number')) return { name, type: 'DOUBLE', data: values };
    return { name, type: 'STRING', data: values.map((v) => (v === null || typeof v === 'string' ? v : JSON.stringify(v))) };
  });
  const lines = rows.map((_, r) => {
    const row: Row = Object.create(null);
    for (const c of columns) {
      const v = c.data[r];
      if (v !== null) row[c.name] = typeof v === 'bigint' ? Number(v) : v;
    }
    return JSON.stringify(row);
  });
  return { columns, jsonl: lines.join('\n') + '\n' };
}

/** The sample's events lines that are JSON objects with at least one non-null member. */
function sampleEvents(): Row[] {
  const rows: Row[] = [];
  for (const line of readFileSync(join(ROOT, 'data/sample/events.jsonl'), 'utf8').split('\n')) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).some((v) => v !== null)) {
      rows.push(value as Row);
    }
  }
  return rows;
}

function sampleAccounts(): Row[] {
  const text = readFileSync(join(ROOT, 'data/sample/accounts.csv'), 'utf8');
  return parse(text, { columns: true, bom: true, relax_column_count: true, skip_records_with_error: true }) as Row[];
}

const tmp = mkdtempSync(join(tmpdir(), 'sybilscope-pq-sample-'));

async function buildInto(name: string, events: string, accounts: string): Promise<string> {
  const out = join(tmp, name);
  const r = await runCli(['build', '--events', events, '--accounts', accounts, '--out', out, '--seed', '1', '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

const outputFiles = (out: string) => readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('.')).sort();

function comparableSummary(out: string): unknown {
  const summary = JSON.parse(stableSummary(readFileSync(join(out, 'summary.json'), 'utf8')));
  for (const file of summary.rows.files) {
    delete file.file;
    delete file.format;
  }
  return summary;
}

const comparableRejections = (out: string) =>
  readFileSync(join(out, 'rejected.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const { file, raw, ...rest } = JSON.parse(line);
      return { file: file.replace(/\.\w+$/, ''), ...rest };
    });

describe('the bundled sample as Parquet', () => {
  let fromJsonl: string;
  let fromParquet: string;
  let eventRows: number;

  beforeAll(async () => {
    const events = typed(sampleEvents());
    const accounts = typed(sampleAccounts());
    eventRows = events.columns[0].data.length;
    const dir = join(tmp, 'data');
    mkdirSync(dir);
    writeFileSync(join(dir, 'events.jsonl'), events.jsonl);
    writeFileSync(join(dir, 'accounts.jsonl'), accounts.jsonl);
    writeFileSync(join(dir, 'events.parquet'), parquetBytes(events.columns, { rowGroupSize: 4096 }));
    writeFileSync(join(dir, 'accounts.parquet'), parquetBytes(accounts.columns));
    fromJsonl = await buildInto('out-jsonl', join(dir, 'events.jsonl'), join(dir, 'accounts.jsonl'));
    fromParquet = await buildInto('out-parquet', join(dir, 'events.parquet'), join(dir, 'accounts.parquet'));
  }, 120_000);

  it('builds byte-identical outputs from the same rows', () => {
    const files = outputFiles(fromJsonl);
    expect(outputFiles(fromParquet)).toEqual(files);
    expect(files).toContain('clusters.json');
    for (const name of files) {
      if (['summary.json', 'manifest.json', 'rejected.jsonl'].includes(name)) continue;
      expect(readFileSync(join(fromParquet, name), 'utf8'), name).toBe(readFileSync(join(fromJsonl, name), 'utf8'));
    }
    expect(comparableSummary(fromParquet)).toEqual(comparableSummary(fromJsonl));
    expect(comparableRejections(fromParquet)).toEqual(comparableRejections(fromJsonl));
  });

  it('reads every row, and finds clusters and rejects bad rows as the sample should', () => {
    const summary = JSON.parse(readFileSync(join(fromParquet, 'summary.json'), 'utf8'));
    const events = summary.rows.files.find((f: { kind: string }) => f.kind === 'events');
    expect(events).toMatchObject({ format: 'parquet', read: eventRows });
    expect(events.read).toBe(events.accepted + events.rejected + events.blank);
    expect(events.rejected).toBeGreaterThan(10);
    expect(JSON.parse(readFileSync(join(fromParquet, 'clusters.json'), 'utf8')).clusters.length).toBeGreaterThan(5);
  });
});
