/** Test helpers for ingest: temp files and a sink that collects everything. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { readInput, type IngestOptions } from '../../src/ingest/index.ts';
import type { AccountRecord, EventRecord, FileStats, InputKind, Rejection } from '../../src/model.ts';

const dir = mkdtempSync(join(tmpdir(), 'sybilscope-ingest-'));

/** Writes `content` to a fresh temp file named `name`; returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(dir, 'f-')), name);
  writeFileSync(path, content);
  return path;
}

export const OPTIONS: IngestOptions = { maxLineBytes: 64 * 1024, rawPreviewChars: 64, columns: {} };

export interface Collected {
  stats: FileStats;
  events: EventRecord[];
  accounts: AccountRecord[];
  rejections: Rejection[];
  /** line → reason, for compact assertions. */
  reasons: Map<number, string>;
}

/** Reads `file` and checks the counting invariant on the way out. */
export async function collect(file: string, kind: InputKind, options: Partial<IngestOptions> = {}): Promise<Collected> {
  const events: EventRecord[] = [];
  const accounts: AccountRecord[] = [];
  const rejections: Rejection[] = [];
  const stats = await readInput(file, kind, { ...OPTIONS, ...options }, {
    event: (r) => events.push(r),
    account: (r) => accounts.push(r),
    reject: (r) => rejections.push(r),
  });
  expect(stats.read).toBe(stats.accepted + stats.rejected + stats.blank);
  expect(stats.accepted).toBe(events.length + accounts.length);
  expect(stats.rejected).toBe(rejections.length);
  return { stats, events, accounts, rejections, reasons: new Map(rejections.map((r) => [r.line, r.reason])) };
}
