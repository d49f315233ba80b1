/**
 * rejected.jsonl rows. With the privacy option a rejected row's text (which
 * may hold a prompt) is replaced by its SHA-256, so no filling leaves the run.
 */
import type { Rejection } from '../model.ts';
import { sha256Hex } from '../util/hash.ts';

export function rejectionRecord(r: Rejection, privacy: boolean) {
  return privacy
    ? { file: r.file, line: r.line, reason: r.reason, raw_sha256: sha256Hex(r.raw) }
    : { file: r.file, line: r.line, reason: r.reason, raw: r.raw };
}
