/**
 * source.json of a ClickHouse build: where the rows came from (the URL's
 * origin only, never credentials), the server version, rejected rows by
 * reason, and each query with its time, rows and bytes received, the
 * figures of the cost model in docs/clickhouse.md.
 */
import { z } from 'zod';

export const QueryStatsSchema = z.object({ name: z.string(), ms: z.number(), rows: z.number(), bytes: z.number() });

export const SourceFileSchema = z.object({
  kind: z.literal('clickhouse'),
  url: z.string(),
  server_version: z.string().nullable(),
  database: z.string(),
  events_table: z.string(),
  accounts_table: z.string().nullable(),
  rejected_by_reason: z.record(z.string(), z.number()),
  bytes_received: z.number(),
  queries: z.array(QueryStatsSchema),
});

export type SourceFile = z.infer<typeof SourceFileSchema>;

export const VersionRowSchema = z.object({ version: z.string() });

/** The file's text, checked against its schema. */
export function sourceFile(content: SourceFile): string {
  return `${JSON.stringify(SourceFileSchema.parse(content), null, 2)}\n`;
}
