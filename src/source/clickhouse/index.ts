/**
 * `--source clickhouse`: the ingest and aggregate work of the build runs as
 * SQL in ClickHouse (events-sql.ts), and what comes back — validation counts
 * by reason, a bounded sample of rejected rows, per-key totals and hourly
 * counts, key–value incidence with counts (accounts, user agents, IPs),
 * co-activity windows per key and IP (with the IP counts), and each key's
 * distinct prompts of the k smallest sampling ranks with their counts and
 * first timestamps (the rank computed in SQL) — is merged into the same Aggregator and prompt
 * sampler the file path fills. From there the build (templates, linking,
 * clustering, scoring, outputs) is the file path's, so the same rows give
 * the same clusters. Accounts (one row per account and payment method) are
 * small and are read whole and validated by the file path's own validator.
 */
import type { Aggregator } from '../../aggregate/index.ts';
import type { Config } from '../../config/schema.ts';
import { normaliseIp } from '../../ingest/ip.ts';
import { makeValidator, ROLES } from '../../ingest/validate.ts';
import { roleColumns } from '../../ingest/columns.ts';
import { truncate } from '../../ingest/reasons.ts';
import { ACCOUNT_ROLES, EVENT_ROLES, type FileStats } from '../../model.ts';
import type { AtomicDir, LineWriter } from '../../output/atomic-dir.ts';
import { rejectionRecord } from '../../output/rejections.ts';
import type { PromptStage } from '../../prompts/index.ts';
import { describe, quote, roleTexts, tableRef } from './columns.ts';
import { eventsSql } from './events-sql.ts';
import { ClickHouseClient } from './http.ts';
import { displayUrl, type ClickHouseSource } from './options.ts';
import * as rows from './rows.ts';
import { sourceFile, VersionRowSchema } from './source-file.ts';
import { UserError } from '../../util/errors.ts';

export { clickHouseSource, ClickHouseSourceSchema, type ClickHouseSource } from './options.ts';
export { ClickHouseClient } from './http.ts';

export interface SourceProgress {
  rows(read: number): void;
}

/** Fills `aggregator` and `prompts` from ClickHouse; writes rejected.jsonl and source.json into `dir`. */
export async function readClickHouse(
  source: ClickHouseSource,
  config: Config,
  aggregator: Aggregator,
  prompts: PromptStage | null,
  dir: AtomicDir,
  progress?: SourceProgress,
): Promise<{ files: FileStats[] }> {
  const client = new ClickHouseClient(source);
  const [version] = (await client.all('version', 'SELECT version() AS version')).map((r) => VersionRowSchema.parse(r));
  const rejected = dir.lines('rejected.jsonl');
  const files: FileStats[] = [];
  if (source.accountsTable !== null) files.push(await readAccounts(client, source, config, aggregator, rejected));
  const events = await readEvents(client, source, config, aggregator, prompts, rejected, progress);
  files.push(events.stats);
  await rejected.close();
  await dir.write(
    'source.json',
    sourceFile({
      kind: 'clickhouse',
      url: displayUrl(source),
      server_version: version?.version ?? null,
      database: source.database,
      events_table: source.eventsTable,
      accounts_table: source.accountsTable,
      rejected_by_reason: events.reasons,
      bytes_received: client.bytesReceived,
      queries: client.log,
    }),
  );
  return { files };
}

async function readEvents(
  client: ClickHouseClient,
  source: ClickHouseSource,
  config: Config,
  aggregator: Aggregator,
  prompts: PromptStage | null,
  rejected: LineWriter,
  progress?: SourceProgress,
) {
  const name = `${source.database}.${source.eventsTable}`;
  const types = await describe(client, source.database, source.eventsTable);
  const texts = roleTexts(name, types, EVENT_ROLES, config.columns.events, ['key_id']);
  const sql = eventsSql({
    table: tableRef(source.database, source.eventsTable),
    texts,
    rowId: rowIdSql(source, types, name),
    windowMs: config.coactivity.windowMinutes * 60_000,
    maxPromptsPerKey: config.templates.maxPromptsPerKey,
    seed: config.templates.seed,
  });
  const stats: FileStats = { file: name, kind: 'events', format: 'clickhouse', read: 0, accepted: 0, rejected: 0, blank: 0 };
  const reasons: Record<string, number> = {};
  await client.each('counts', sql.counts, (r) => {
    const { s_reason: reason, n } = rows.CountRowSchema.parse(r);
    stats.read += n;
    if (reason === '') stats.accepted += n;
    else if (reason === 'blank') stats.blank += n;
    else {
      stats.rejected += n;
      reasons[reason] = n;
    }
  });
  progress?.rows(stats.read);

  // Rejected rows: a bounded sample per reason, worded by the file path's validator.
  const cols = roleColumns(ROLES.events, config.columns.events);
  const validate = makeValidator('events', cols, {});
  if (stats.rejected > 0 && source.rejectedSample > 0) {
    await client.each('rejected', sql.rejected(source.rejectedSample), (r) => {
      const row = rows.RejectedRowSchema.parse(r);
      const cells = Object.fromEntries(EVENT_ROLES.map((role) => [role, row[`c_${role}`]]));
      const reason = validate(cells, {}) ?? row.s_reason;
      const raw = truncate(JSON.stringify(cells), config.ingest.rawPreviewChars);
      rejected.line(JSON.stringify(rejectionRecord({ file: name, line: Number(row.row_id ?? 0), reason, raw }, config.templates.privacy)));
    });
  }

  const ip = canonicalIps();
  /** Per key (arrival number): its prompts, less those the prompts query sends. */
  const unsent = new Map<number, number>();
  await client.each('key totals', sql.totals, (r) => {
    const t = rows.TotalsRowSchema.parse(r);
    const seq = aggregator.mergeKey(t.s_key_id, { requests: t.requests, inputTokens: t.tokens_in, outputTokens: t.tokens_out, first: t.first_ms, last: t.last_ms });
    if (t.prompts > 0) unsent.set(seq, t.prompts);
  });
  await client.each('key hours', sql.hours, (r) => {
    const h = rows.HourRowSchema.parse(r);
    aggregator.mergeKey(h.s_key_id, { hours: [[h.hour, h.n]] });
  });
  await client.each('key accounts', sql.accounts, (r) => {
    const v = rows.AccountCountRowSchema.parse(r);
    aggregator.mergeKey(v.s_key_id, { accounts: [[v.s_account_id, v.n]] });
  });
  await client.each('key user agents', sql.userAgents, (r) => {
    const v = rows.UserAgentCountRowSchema.parse(r);
    aggregator.mergeKey(v.s_key_id, { userAgents: [[v.s_user_agent, v.n]] });
  });
  await client.each('key ips and windows', sql.ips, (r) => {
    const v = rows.IpRowSchema.parse(r);
    const canonical = ip(v.s_ip);
    aggregator.mergeKey(v.s_key_id, { ips: [[canonical, v.n]], windows: v.windows.map((w) => [canonical, w]) });
  });
  if (prompts !== null) {
    await client.each('prompts', sql.prompts, (r) => {
      const p = rows.PromptRowSchema.parse(r);
      const seq = aggregator.mergeKey(p.s_key_id, {});
      feedPrompts(prompts, seq, p);
      unsent.set(seq, (unsent.get(seq) ?? 0) - p.n);
    });
    // The prompts of a key past its k smallest ranks: seen (a key's support estimate counts them), never sampled.
    for (const [seq, n] of unsent) {
      if (n < 0) throw new Error(`ClickHouse sent more prompts for a key than its totals count (${-n} more)`);
      if (n > 0) prompts.addSeen(seq, n);
    }
  }
  return { stats, reasons };
}

/**
 * A key's distinct prompt with its count and (up to maxPromptsPerKey) first
 * timestamps, given to the sampler as that many copies. The sampler's
 * bottom-k under (rank, text, time) only ever keeps a text's earliest
 * copies, all of which are here; the remaining copies are added again at
 * the last of those times, so the prompts seen add up, and they tie with or
 * lose to a copy already offered, so the sample is the one the rows give.
 */
function feedPrompts(prompts: PromptStage, seq: number, p: { s_prompt: string; n: number; first_ms: number[] }): void {
  for (const ms of p.first_ms) prompts.add(seq, p.s_prompt, ms);
  const last = p.first_ms[p.first_ms.length - 1];
  for (let i = p.first_ms.length; i < p.n; i++) prompts.add(seq, p.s_prompt, last);
}

/** Raw IP text (valid per the SQL) → the file path's canonical form, cached. */
function canonicalIps(): (raw: string) => string {
  const cache = new Map<string, string>();
  return (raw) => {
    let ip = cache.get(raw);
    if (ip === undefined) {
      const canonical = normaliseIp(raw);
      if (canonical === null) throw new Error(`ClickHouse accepted an IP the file path refuses: ${JSON.stringify(raw.slice(0, 80))}`);
      cache.set(raw, (ip = canonical));
    }
    return ip;
  };
}

function rowIdSql(source: ClickHouseSource, types: Map<string, string>, table: string): string {
  if (source.rowId === null) return 'NULL';
  if (!types.has(source.rowId)) throw new UserError('E_CLICKHOUSE_COLUMN', `clickhouse: ${table} has no column ${JSON.stringify(source.rowId)} (--clickhouse-row-id)`);
  return quote(source.rowId);
}

/** Accounts rows are few (one per account and payment method): read whole, validated by src/ingest's validator. */
async function readAccounts(client: ClickHouseClient, source: ClickHouseSource, config: Config, aggregator: Aggregator, rejected: LineWriter) {
  const table = source.accountsTable!;
  const name = `${source.database}.${table}`;
  const types = await describe(client, source.database, table);
  const texts = roleTexts(name, types, ACCOUNT_ROLES, config.columns.accounts, ['account_id']);
  const rowId = rowIdSql(source, types, name);
  const stats: FileStats = { file: name, kind: 'accounts', format: 'clickhouse', read: 0, accepted: 0, rejected: 0, blank: 0 };
  const validate = makeValidator('accounts', roleColumns(ROLES.accounts, config.columns.accounts), { account: (a) => aggregator.addAccount(a) });
  const select = ACCOUNT_ROLES.map((role, i) => `${texts[i]} AS c_${role}`).join(', ');
  await client.each('accounts', `SELECT ${rowId} AS row_id, ${select} FROM ${tableRef(source.database, table)}`, (r) => {
    const row = rows.AccountRowSchema.parse(r);
    stats.read++;
    const cells = Object.fromEntries(ACCOUNT_ROLES.map((role) => [role, row[`c_${role}`]]));
    if (ACCOUNT_ROLES.every((role) => cells[role] === null)) {
      stats.blank++;
      return;
    }
    const reason = validate(cells, {});
    if (reason === null) {
      stats.accepted++;
      return;
    }
    stats.rejected++;
    const raw = truncate(JSON.stringify(cells), config.ingest.rawPreviewChars);
    rejected.line(JSON.stringify(rejectionRecord({ file: name, line: Number(row.row_id ?? 0), reason, raw }, config.templates.privacy)));
  });
  return stats;
}
