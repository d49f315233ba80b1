/**
 * vitest globalSetup: every temporary file of a test run goes under one
 * folder of its own (TMPDIR, which os.tmpdir() reads, set before any test
 * worker or spawned CLI starts), removed when the run ends. Tests make their
 * folders with mkdtempSync(join(tmpdir(), …)) and need not clean up: builds of
 * generated logs leave hundreds of MB each, and a run used to leave ~2 GB in /tmp.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'sybilscope-test-'));
  process.env.TMPDIR = root;
  return () => {
    if (process.env.SYBILSCOPE_KEEP_TEST_TMP) return;
    rmSync(root, { recursive: true, force: true });
  };
}
