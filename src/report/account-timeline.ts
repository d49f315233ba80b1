/**
 * Requests per hour per key, read again from the build's event files, to
 * stack a cluster's activity timeline by account (`report --by-account`).
 * The build's outputs keep the cluster's hourly totals only. Each file must
 * still hash to the SHA-256 in manifest.json, and is read with the build's
 * own column mapping and limits, through the ingest stage, so the counts are
 * those of the build.
 */
import { existsSync } from 'node:fs';
import { ConfigSchema } from '../config/schema.ts';
import { readInput } from '../ingest/index.ts';
import { describeInput } from '../output/manifest.ts';
import { UserError } from '../util/errors.ts';
import type { BuildManifest } from './load-run.ts';

const HOUR_MS = 3_600_000;

/** Key → hour (ms since the epoch / 3,600,000) → requests. */
export type KeyHours = Map<string, Map<number, number>>;

export async function readKeyHours(manifest: BuildManifest, keys: Set<string>): Promise<KeyHours> {
  const parsed = ConfigSchema.safeParse(manifest.config);
  if (!parsed.success) throw new UserError('E_OUT', `manifest.json: the build's config does not parse (${parsed.error.issues[0].message}); rebuild with sybilscope build`);
  const config = parsed.data;
  const out: KeyHours = new Map();
  for (const input of manifest.inputs) {
    if (input.kind !== 'events') continue;
    if (!existsSync(input.path)) throw new UserError('E_INPUT', `--by-account re-reads the build's events, but ${input.path} is missing (run from the folder the build ran in, or drop --by-account)`);
    const { sha256 } = await describeInput(input.path, 'events');
    if (sha256 !== input.sha256) throw new UserError('E_INPUT', `${input.path} changed since the build (its SHA-256 differs from manifest.json); rebuild, or drop --by-account`);
    await readInput(input.path, 'events', { ...config.ingest, columns: config.columns.events }, {
      event(e) {
        if (!keys.has(e.key_id)) return;
        let hours = out.get(e.key_id);
        if (!hours) out.set(e.key_id, (hours = new Map()));
        const h = Math.floor(e.timestamp / HOUR_MS);
        hours.set(h, (hours.get(h) ?? 0) + 1);
      },
      reject() {},
    });
  }
  return out;
}
