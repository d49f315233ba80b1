/**
 * A minimal client for ClickHouse's HTTP interface (plain fetch, no driver):
 * the query is the POST body, credentials go in the X-ClickHouse-User and
 * X-ClickHouse-Key headers, results stream back as JSONEachRow lines. Every
 * failure becomes one UserError line (code E_CLICKHOUSE); the bytes received
 * are counted for the cost figures in source.json.
 */
import { UserError } from '../../util/errors.ts';
import { oneLine } from '../../ingest/reasons.ts';
import { displayUrl, type ClickHouseSource } from './options.ts';

export interface QueryStats {
  name: string;
  ms: number;
  rows: number;
  bytes: number;
}

export class ClickHouseClient {
  /** One entry per query, in order. */
  readonly log: QueryStats[] = [];
  /** Ask for gzip; turned off after a read-only server refuses the setting. */
  compress = true;

  constructor(private readonly source: ClickHouseSource) {}

  get bytesReceived(): number {
    return this.log.reduce((a, q) => a + q.bytes, 0);
  }

  /** Runs `sql` (without FORMAT) and calls `row` for each result row, parsed from JSON. */
  async each(name: string, sql: string, row: (r: unknown) => void): Promise<void> {
    const started = performance.now();
    const stats: QueryStats = { name, ms: 0, rows: 0, bytes: 0 };
    const body = await this.post(`${sql}\nFORMAT JSONEachRow`, {}, true);
    const decoder = new TextDecoder();
    let rest = '';
    const line = (text: string) => {
      if (text === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        // ClickHouse writes an exception into the body when a query fails after the first rows.
        throw this.error(text);
      }
      stats.rows++;
      row(parsed);
    };
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      stats.bytes += value.byteLength;
      const text = rest + decoder.decode(value, { stream: true });
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        line(text.slice(start, nl));
        start = nl + 1;
      }
      rest = text.slice(start);
    }
    line(rest + decoder.decode());
    stats.ms = Math.round(performance.now() - started);
    this.log.push(stats);
  }

  /** All result rows of `sql`. */
  async all(name: string, sql: string): Promise<unknown[]> {
    const out: unknown[] = [];
    await this.each(name, sql, (r) => out.push(r));
    return out;
  }

  /** Runs a statement that returns nothing (used by loaders and tests), optionally with a body after the SQL. */
  async exec(sql: string, data?: string, settings: Record<string, string> = {}): Promise<void> {
    const body = await this.post(data === undefined ? sql : `${sql}\n${data}`, settings);
    await body.cancel();
  }

  /** `retry`: a read may be sent again once if a kept-alive connection was closed under it. */
  private async post(body: string, settings: Record<string, string> = {}, retry = false): Promise<ReadableStream<Uint8Array>> {
    const url = new URL('/', this.source.url);
    for (const [name, value] of Object.entries(settings)) url.searchParams.set(name, value);
    // gzip on the wire (fetch asks for it and inflates; `bytes` count the results inflated),
    // unless the user is read-only (readonly = 1 may not change even this setting).
    if (this.compress) url.searchParams.set('enable_http_compression', '1');
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        body,
        headers: { 'X-ClickHouse-User': this.source.user, 'X-ClickHouse-Key': this.source.password },
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      // ClickHouse closes idle keep-alive connections after a few seconds; fetch may have picked one just then.
      if (retry && (cause?.code === 'UND_ERR_SOCKET' || cause?.code === 'ECONNRESET')) return this.post(body, settings, false);
      const why = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new UserError('E_CLICKHOUSE_CONNECT', `clickhouse: cannot reach ${displayUrl(this.source)} (${oneLine(String(why))}); check --clickhouse-url`);
    }
    if (!res.ok || res.body === null) {
      const text = await res.text();
      if (this.compress && /^Code: 164\b.*enable_http_compression/.test(text)) {
        this.compress = false;
        return this.post(body, settings, retry);
      }
      throw this.error(text);
    }
    return res.body;
  }

  private error(text: string): UserError {
    // "Code: 60, e.displayText() = DB::Exception: Table db.t doesn't exist., e.what() = DB::Exception"
    const first = text.trim().split('\n')[0] ?? '';
    const message = first.replace(/^Code: (\d+), e\.displayText\(\) = DB::Exception: /, 'code $1: ').replace(/, e\.what\(\) = .*$/, '');
    return new UserError('E_CLICKHOUSE', `clickhouse: ${oneLine(message, 300)}`);
  }
}
