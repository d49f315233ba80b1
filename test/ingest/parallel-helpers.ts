/** Test helpers for parallel ingest: a generated JSONL log rewritten as CSV, with quoted line breaks. */
import { EVENT_ROLES } from '../../src/model.ts';

function field(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The events of a JSONL log as CSV; some prompts get line breaks, quotes and
 * commas, and lines that are not JSON objects stay in as they are (quotes made
 * single), so the CSV has bad rows too.
 */
export function eventsCsv(jsonl: string, rng: () => number): string {
  const rows = [EVENT_ROLES.join(',')];
  for (const line of jsonl.split('\n')) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = null;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      rows.push(line.replace(/"/g, "'"));
      continue;
    }
    const row = value as Record<string, unknown>;
    if (typeof row.prompt === 'string' && rng() < 0.3) row.prompt = `${row.prompt}\n"quoted", and\r\nmore`;
    rows.push(EVENT_ROLES.map((role) => field(row[role])).join(','));
  }
  return rows.join('\n');
}
